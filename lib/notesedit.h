/* notesedit.h: tact-done's one change to the notes (SPEC "tact-done"):
 * find a client, place one entry line after the last list item of its
 * last section, and write the file back under a lock (rewrite.h),
 * streaming it: memory grows with the largest section, not the file.
 *
 * The pieces are public for the unit tests; tact-done calls
 * notesedit_done. */
#ifndef TACT_NOTESEDIT_H
#define TACT_NOTESEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "notes.h"
#include "rewrite.h"
#include "util.h"

struct notesedit_req {
	char *const *paths;	/* notes files and directories, at least one */
	int npaths;
	const char *client;	/* an id, a display name, an alias, or a
				 * person's id (CLIENT/SLUG), name, SLUG
				 * or alias */
	const char *occasion;	/* checked with notesedit_occasion_problem */
	const char *text;	/* the entry's text before the tag; may be "" */
	struct date date;
	enum date_order order;	/* how slash dates in the notes are read */
	const struct rewrite_opts *rewrite;	/* NULL: the defaults */
	bool dry;		/* -n: read only; say what would be added */
};

struct notesedit_result {
	bool added;		/* false: the entry was there already */
	char *file;		/* where the entry stands, as found */
	long line;
	char *entry;		/* the line, without its line end */
	char *client_id;	/* the client whose entry it is */
	/* An entry added: its tags and whether it has an amount, as the
	 * parser read them in the file written (tags NULL otherwise). */
	char *tags;
	bool has_amount;
};

/* Why name cannot be written as an occasion's done mark, or NULL when it
 * can: an occasion name is a tag word, letters of any script, digits,
 * '-' and '_', a letter first (tact-notes(5)).  It is written lowercased,
 * as tags are compared. */
const char *notesedit_occasion_problem(const char *name);

/* The line "- YYYY-MM-DD: TEXT #occasion" for text (trimmed; the tag is
 * not repeated when text already carries it; "- YYYY-MM-DD: #occasion"
 * when text is empty).  On success returns it (malloc'd) and sets *parsed
 * (malloc'd) to the entry text the notes parser reads from it; returns
 * NULL and sets *why when text cannot be written so (a line break,
 * invalid UTF-8, or text that hides the tag, e.g. an HTML comment). */
char *notesedit_line(struct date d, const char *text, const char *occasion,
		     char **parsed, const char **why);

/* The text of an entry for a person that the text does not name:
 * "NAME – TEXT" (an en dash; text trimmed), or "NAME" when text is
 * empty (malloc'd). */
char *notesedit_named(const char *name, const char *text);

/* The line after which a new entry goes in the section of fp that a
 * NOTES_SECTION item describes: its last list item; with no list item,
 * its last line that is not blank (reading fp from its start up to
 * end_line); 0 for a client without heading: the end of the file.
 * Returns -1 on a read error. */
long notesedit_after(FILE *fp, long heading_line, long last_item_line,
		     long end_line);

/* Copy in to out with line inserted after line after (or at the end of
 * the file when after is 0 or beyond its last line), ending as the
 * first line of in ends ("\r\n" or "\n"; "\n" when it has no line end).
 * At the end of a file whose last line has no line end, the line end
 * goes before the new line and the file still ends without one.  Streams
 * in blocks: memory does not grow with the file.  Returns the new line's
 * number, or -1 on a read or write error (see ferror). */
long notesedit_copy(FILE *in, FILE *out, long after, const char *line);

/* Do what tact-done does: read the notes below rq->paths (quietly: their
 * problems are tact-parse's to report), find the client (by id, else by
 * the slug of rq->client, else by display name compared ignoring the case
 * of ASCII and Latin-1 letters or by an alias, the same way or by its
 * slug) or the person (by id; else by name, in the same case, by SLUG
 * or by an alias, together with the client: two candidates are
 * ambiguous; none, an error that names up to three ids whose names are
 * nearest), and add the entry unless the client already has one of
 * that date with the same text (for a person: one that concerns it,
 * with or without the name in front).  A person with a note of its own
 * gets the entry there; any other in the last section of its client that
 * defines it, as "NAME – TEXT" unless TEXT names it (notesedit_named,
 * person.h).  Returns the exit
 * status: 0 (*res is set), 1 after a message when the client is unknown
 * or ambiguous or the entry cannot be placed, 2 after a message when a
 * file cannot be read, locked or written, is no regular file, keeps
 * being changed by others, or text is unfit.  With rq->dry, the file
 * is only read (no lock, no temporary file) and *res says what would be
 * added (res->added) and where.  Free *res with
 * notesedit_result_free in any case. */
int notesedit_done(const struct notesedit_req *rq,
		   struct notesedit_result *res);
void notesedit_result_free(struct notesedit_result *res);

/* Parse the notes below rq->paths as notesedit_done reads them (quietly,
 * in rq->order), handing every item to fn; notes_end included.  Returns
 * 0, or 2 after a message when a file cannot be read. */
int notesedit_each(const struct notesedit_req *rq, notes_fn fn, void *ctx);

#endif
