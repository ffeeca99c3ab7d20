/* notes.h: the notes parser (tact-notes(5)), shared by tact-parse and
 * tact-done.
 *
 * The parser reads markdown notes line by line and reports what it finds
 * as items to a callback, in input order, a client's item before the
 * others of its section (front-matter fields right after it).  Problems
 * are diagnosed as "FILE:LINE: error|warning: …" and the line skipped.
 * A section is held back until it ends (its id may be given by an "id"
 * field anywhere in it), so memory grows with the largest section, never
 * with the file; only journal lines that link a client wait for the end
 * of the input. */
#ifndef TACT_NOTES_H
#define TACT_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "money.h"

enum notes_kind {
	NOTES_CLIENT,		/* first section of a client: id, name */
	NOTES_FIELD,		/* id, key, date (has_date), value */
	NOTES_ENTRY,		/* id, date, amount (has_amount), tags, text */
	NOTES_SECTION,		/* a section ended: id, first/last lines */
	NOTES_PERSON,		/* a person of the client: id "CLIENT/SLUG",
				 * client, name; before the person's fields */
	NOTES_CONCERNS		/* the entry just given (or, for a person's
				 * own note, at file:line) concerns the
				 * person id: client, date */
};

struct notes_item {
	enum notes_kind kind;
	const char *id;
	const char *file;	/* the parser's copy of the name: one pointer
				 * a file, valid until notes_free */
	long line;		/* where the item stands (1-based) */

	const char *name;	/* CLIENT: display name; SECTION: this
				 * section's name (heading or file name);
				 * PERSON: the person's name */
	const char *client;	/* PERSON, CONCERNS and a person's FIELD:
				 * the client's id (id is the person's);
				 * NULL for the client's own items */

	const char *key;	/* FIELD: normalized key */
	const char *value;	/* FIELD: the value, trimmed */
	struct date date;	/* FIELD (when has_date), ENTRY */
	bool has_date;

	const char *text;	/* ENTRY: text after the date and separator */
	const char *tags;	/* ENTRY: "a,b", lowercased, no duplicates */
	struct money amount;	/* ENTRY: when has_amount */
	bool has_amount;

	/* SECTION: the heading's line (0 for a file without heading or a
	 * front-matter-only client), the last line of the section's last
	 * list item (0 when it has none), and the section's last line. */
	long heading_line, last_item_line, end_line;
	bool merged;		/* SECTION, CLIENT: id seen before */

	/* The lengths of id, name, key, value, text and tags (for the
	 * strings the item's kind has; tact-parse writes them without
	 * measuring them again), and whether id, name, value and text are
	 * free of the bytes a record escapes (TAB, LF, CR, '\\'); false
	 * when not known. */
	size_t idn, namen, keyn, valuen, textn, tagsn;
	bool plain;
};

typedef void (*notes_fn)(const struct notes_item *it, void *ctx);

struct notes;

/* A parser: patterns compiled once, the clients seen so far remembered
 * (a client met again is merged: no second CLIENT item, a warning at the
 * later heading that names the first place). */
struct notes *notes_new(notes_fn fn, void *ctx);
void notes_free(struct notes *np);

/* How slash dates ("02/03/2026") are read; by default they are an
 * ambiguous-date error. */
void notes_date_order(struct notes *np, enum date_order order);

/* Parse one file; name is used in diagnostics and as the file of items.
 * A journal page (a file named by a date) gives no client: the entries of
 * its lines that link clients wait for notes_end. */
void notes_parse(struct notes *np, FILE *fp, const char *name);

/* After the last file: the entries of journal pages, now that every
 * client is known (an ENTRY item each, for the clients a line links). */
void notes_end(struct notes *np);

/* The other names a field gives its client or person (tact-notes(5)):
 * for the key (normalized) "aliases" or "alias", each comma-separated
 * part of value, trimmed, that is not empty, handed to fn.  Returns
 * whether key is such a key.  Journal links and tact-done compare the
 * names by their slugs (slug.h). */
typedef void (*notes_alias_fn)(const char *s, size_t n, void *ctx);
bool notes_aliases(const char *key, const char *value, notes_alias_fn fn,
		   void *ctx);

#endif
