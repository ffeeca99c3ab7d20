/* notesint.h: the notes parser's own state, shared by its parts only
 * (notes.c: lines and sections; notesfield.c: fields; notesentry.c:
 * entries; notesfront.c: front matter; notesjournal.c: journal pages).  Nothing outside the parser
 * includes it. */
#ifndef TACT_NOTESINT_H
#define TACT_NOTESINT_H

#include "hash.h"
#include "idset.h"
#include "lines.h"
#include "notes.h"
#include "person.h"
#include "rx.h"
#include "util.h"

/* A section's diagnostics wait for it to end, so that those of its
 * heading, found last, come first; but not more than this many bytes of
 * them. */
enum { NOTES_DIAG_HOLD = 1 << 20 };

enum { PEND_DROPPED = -1 };	/* a field replaced by a later value */

/* An item of the open section.  Its strings live in the section's arena
 * (struct notes.strs) as offsets, so an item costs no malloc. */
struct pend {
	int kind;		/* NOTES_FIELD, NOTES_ENTRY, NOTES_PERSON
				 * (name in value, slug in key) or
				 * PEND_DROPPED */
	int person;		/* 0: the client's; k: person k - 1 of the
				 * section (notes.persons) */
	long line;
	size_t key, value, text, tags;
	size_t keyn, valuen, textn, tagsn;	/* their lengths */
	struct date date;
	bool has_date;
	struct money amount;
	bool has_amount;
};

/* The tags of an entry being read: "a,b", lowercased, no repeats; a
 * hash table takes over from the list when there are many, so a line of
 * a million tags stays linear. */
struct tagset {
	struct buf list;
	size_t n;
	struct hash set;
};

/* An entry of a journal page, waiting for the end of the input, when
 * every client is known. */
struct jentry {
	struct pend p;		/* its strings in notes.jstrs */
	size_t file;		/* index in notes.files */
	size_t targets;		/* offset of the link targets' slugs, each
				 * NUL-terminated, in notes.jstrs */
	size_t ntargets;
};

struct notes {
	notes_fn fn;
	void *ctx;
	enum date_order order;
	struct idset seen;	/* id → its first place (file: index in
				 * files) */
	struct hash alias;	/* slug of a name or alias → malloc'd id,
				 * where it differs from the id */
	char **files;		/* every file parsed, in order */
	size_t nfiles;
	struct rx field_rx, inline_rx, key_rx, tag_rx;
	struct buf line;	/* the current line without HTML comments */
	struct buf val;		/* a field's value, wikilinks resolved */
	struct buf key;		/* a field's key, normalized */
	struct tagset tags;	/* the tags of the entry being read */

	/* The file being read. */
	const char *file;
	long lineno;
	enum { BODY, FRONT, FENCE } state;
	bool comment;		/* inside an HTML comment */
	long open_line, comment_line;	/* where a fence, comment opened */
	char fence_c;
	size_t fence_len;
	bool content;		/* a line that is not blank */
	bool had_heading;	/* a client heading was seen */
	bool in_item;		/* the previous line belongs to a list item */
	int client_level;	/* 1, or 2 with "tact-clients: h2" */
	bool journal;		/* a journal page: no client */
	bool file_named;	/* its name was taken as a client's alias */
	struct date jdate;	/* its date */
	int table;		/* 0; 1: after a row; 2, 3: in the body of a
				 * table of two columns, of more */
	bool table_warned;	/* its dated rows drew the warning */
	struct buf front;	/* front matter lines, until its end */

	/* The open section. */
	char *name;
	long heading_line;	/* 0: the file's implicit client */
	char *id;		/* from an "id" field */
	bool id_front;		/* that field was in the front matter */
	bool skip;		/* an empty heading: drop the section */
	long subhead_line;	/* its last level-2 heading (a hint for h2) */
	struct pend *items;
	size_t nitems, capitems;
	size_t nfront;		/* items[0..nfront) are front matter */
	/* The section's fields by key: the indexes of their items in order
	 * (some dropped since), looked through while they are few; then
	 * (keys_hashed) also a table, key → index in items + 1. */
	size_t *fkeys;
	size_t nfkeys, capfkeys;
	bool keys_hashed;
	struct hash keys;
	/* Before a file's first heading, the lines of the list items that are
	 * neither field nor entry (a warning each, should a heading follow),
	 * as runs of consecutive lines: a million "-" lines cost nothing. */
	struct stray {
		long first, last;
	} *stray;
	size_t nstray, capstray;
	long last_item_line;
	struct buf diags;
	struct buf strs;	/* the strings of the section's items */
	bool strs_eol;		/* strs may hold a CR or LF (a value of the
				 * front matter); lines hold none */

	/* An open date heading: its entry, level and what it gathers. */
	bool dh;
	int dh_level;
	size_t dh_item;
	struct buf dh_text;
	struct tagset dh_tags;

	/* An open entry list item, in items or (journal) jent. */
	bool oe, oe_journal;
	int oe_indent;
	size_t oe_index;
	struct tagset oe_tags;

	/* The section's persons: indexes of their NOTES_PERSON items. */
	size_t *persons;
	size_t npersons, cappersons;
	/* A list item that may name a person, until an item at its indent
	 * or less: it is one when fields or entries are nested under it. */
	bool pc;
	int pc_indent;
	long pc_line;
	size_t pc_name, pc_role;	/* in strs; pc_role 0: none */
	long pc_field;		/* the "contact: NAME" field item, or -1 */
	long pc_person;		/* its person once confirmed, or -1 */
	bool in_pc;		/* the current item is nested under it */
	struct person_names pnames;	/* which persons an entry names */
	struct buf pkey;	/* a person's field key in keys; ids */

	/* Persons' own notes, kept until notes_end. */
	int file_sections;	/* sections of the file handed on so far */
	struct pnote *pnotes;
	size_t npnotes, cappnotes;
	struct hash palias;	/* slug of a person's name or alias → its
				 * malloc'd id */

	/* Journal entries, kept until notes_end. */
	struct jentry *jent;
	size_t njent, capjent;
	struct buf jstrs;

	struct lines in;	/* its buffer serves every file */
};

/* notes.c */
size_t notes_keep(struct notes *np, const char *s, size_t n);
size_t notes_keep_in(struct buf *b, const char *s, size_t n);
struct pend *notes_add_item(struct notes *np, int kind);
/* The file name of path without its folders and ".md". */
void notes_basename(const char *path, const char **s, size_t *n);
void notes_body_line(struct notes *np, const char *s, size_t n, int scan);
/* The fields of an item from a pending one whose strings are in strs. */
void notes_item_pend(struct notes_item *it, const struct pend *p,
		     const char *strs);
/* Hand on a NOTES_CONCERNS item: the entry at file:line (of date) of
 * client concerns the person pid. */
void notes_concerns(struct notes *np, const char *pid, const char *client,
		    const char *file, long line, struct date date);
/* Hand on the open section (np->items, strs, name) as client id's, read
 * from files[file]; a client seen before is merged (a warning, before
 * the section's diagnostics when they are held in np->diags). */
void notes_emit_client(struct notes *np, const char *id, long hline,
		       long end, size_t file, bool held);

/* notesfield.c: a field Key: value (key as written) from any form;
 * notes_field_at: one at the start of s (in a list item every form, else
 * only an emphasized key or "Key::"; true when the line was taken);
 * bracketed inline fields; a table row. */
void notes_field(struct notes *np, const char *key, size_t kn,
		 const char *v, size_t vn, bool front);
/* Where the parts of "Key: value" stand in a line (notes_field_match,
 * the pattern field_rx of notes.c). */
struct field_at {
	size_t key, keylen;	/* the key as written, not trimmed */
	size_t end;		/* past the colons and emphasis: the value */
	bool emph;		/* the key in emphasis */
	bool dbl;		/* "Key::" */
};
bool notes_field_match(struct notes *np, const char *s, size_t n,
		       struct field_at *f);
bool notes_key_valid(struct notes *np, const char *key, size_t kn);
bool notes_field_at(struct notes *np, const char *s, size_t n, bool item);
void notes_inline_fields(struct notes *np, const char *s, size_t n);
void notes_table_row(struct notes *np, const char *s, size_t n);

/* notesentry.c */
enum date_scan notes_date(struct notes *np, const char *s, size_t n,
			  struct date *d, size_t *used, char **msg);
bool notes_near_miss(struct notes *np, const char *s, size_t n);
enum date_scan notes_entry_date(struct notes *np, const char *s, size_t n,
				struct date *d, size_t *used,
				const char *what);
const char *notes_after_date(const char *s, size_t n, size_t used,
			     size_t *tn, bool *sep);
/* An entry at a date of used bytes at the start of s; from a list item
 * indented indent columns (it stays open for the lines nested under it),
 * or from a line outside a list (indent < 0). */
void notes_entry(struct notes *np, const char *s, size_t n, size_t used,
		 struct date d, int indent);
void notes_item_entry_open(struct notes *np, bool journal, size_t index,
			   int indent);
void notes_item_entry_line(struct notes *np, const char *s, size_t n);
void notes_item_entry_close(struct notes *np);
/* The tags and amount of an entry's text t[0..tn); cstr: t[tn] is the
 * NUL of a copy (notes_keep), no NUL before it. */
void notes_entry_scan(struct notes *np, struct pend *p, struct tagset *ts,
		      const char *t, size_t tn, bool cstr);
void notes_date_heading(struct notes *np, int level, const char *s,
			size_t n, size_t used, struct date d);
void notes_date_heading_line(struct notes *np, const char *s, size_t n);
void notes_date_heading_close(struct notes *np);
void tagset_add(struct notes *np, struct tagset *ts, const char *t,
		size_t n);
void tagset_reset(struct tagset *ts);

/* notesfront.c: the front matter, lines in np->front, ending at the line
 * before np->lineno; closed says whether a '---' line ended it. */
void notes_front_end(struct notes *np, bool closed);

/* notesperson.c */
bool notes_person_item(struct notes *np, const char *s, size_t n,
		       int indent);
void notes_person_contact(struct notes *np, int indent);
int notes_person_owner(struct notes *np);
void notes_person_front(struct notes *np, const char *key, const char *v,
			size_t vn);
/* The key of a field in notes.keys: its key, and the person's number. */
const char *notes_owned_key(struct notes *np, const char *key, int owner);
const char *notes_pend_key(struct notes *np, const struct pend *p);
void notes_person_drop(struct notes *np, size_t from);
/* The section's persons again from its items (a section put back). */
void notes_person_rebuild(struct notes *np);
const char *notes_person_id(struct notes *np, const char *client,
			    size_t k);
void notes_person_concerns(struct notes *np, struct notes_item *it,
			   const struct pend *p, const char *client);
void notes_person_free(struct notes *np);

/* notespnote.c: a person's own note ("company: [[Client]]"), held
 * until notes_end, when every client is known. */
bool notes_pnote_defer(struct notes *np, const char *id, long hline,
		       long end);
void notes_pnote_end(struct notes *np);
const char *notes_pnote_resolve(struct notes *np, const char *slug);
void notes_pnote_free(struct notes *np);

/* notesjournal.c */
bool notes_journal_name(struct notes *np, const char *base, size_t n);
void notes_journal_line(struct notes *np, const char *s, size_t n,
			int indent);
size_t notes_journal_keep(struct notes *np, const char *s, size_t n);
void notes_journal_names(struct notes *np, const char *id,
			 const char *file);
void notes_journal_free(struct notes *np);

#endif
