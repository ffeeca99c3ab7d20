/* notesedit.h: tact-done's one change to the notes (SPEC "tact-done"):
 * find a client, place one entry line after the last list item of its
 * last section, and write the file back under a lock (rewrite.h).
 *
 * The pieces are public for the unit tests; tact-done calls
 * notesedit_done. */
#ifndef TACT_NOTESEDIT_H
#define TACT_NOTESEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "util.h"

struct notesedit_req {
	char *const *paths;	/* notes files and directories, at least one */
	int npaths;
	const char *client;	/* an id or a display name */
	const char *occasion;	/* checked with notesedit_occasion_problem */
	const char *text;	/* the entry's text before the tag; may be "" */
	struct date date;
};

struct notesedit_result {
	bool added;		/* false: the entry was there already */
	char *file;		/* where the entry stands, as found */
	long line;
	char *entry;		/* the line, without its line end */
};

/* Why name cannot be written as an occasion's done mark, or NULL when it
 * can: an occasion name is [a-z0-9-]+, and the tag "#name" needs a
 * letter first (tact-notes(5)). */
const char *notesedit_occasion_problem(const char *name);

/* The line "- YYYY-MM-DD: TEXT #occasion" for text (trimmed; the tag is
 * not repeated when text already carries it; "- YYYY-MM-DD: #occasion"
 * when text is empty).  On success returns it (malloc'd) and sets *parsed
 * (malloc'd) to the entry text the notes parser reads from it; returns
 * NULL and sets *why when text cannot be written so (a line break,
 * invalid UTF-8, or text that hides the tag, e.g. an HTML comment). */
char *notesedit_line(struct date d, const char *text, const char *occasion,
		     char **parsed, const char **why);

/* The line end of the first line of s[0..n): "\r\n" or "\n" (also when
 * there is no line end at all). */
const char *notesedit_eol(const char *s, size_t n);

/* Where a new entry goes in the section of s[0..n) that a NOTES_SECTION
 * item describes: after its last list item; with no list item, after its
 * last line that is not blank, or at the end of the file for a client
 * without heading.  Returns the byte offset of the start of the line the
 * entry goes before, or n. */
size_t notesedit_where(const char *s, size_t n, long heading_line,
		       long last_item_line, long end_line);

/* Append s[0..n) to out with line and the line end eol inserted at offset
 * at (a line start, or n).  At the end of a file whose last line has no
 * line end, the line end goes before the new line and the file still
 * ends without one.  Returns the new line's number. */
long notesedit_insert(struct buf *out, const char *s, size_t n, size_t at,
		      const char *line, const char *eol);

/* Do what tact-done does: read the notes below rq->paths (quietly: their
 * problems are tact-parse's to report), find the client (by id, else by
 * the slug of rq->client, else by display name compared ignoring the case
 * of ASCII and Latin-1 letters), and add the entry unless the client
 * already has one of that date with the same text.  Returns the exit
 * status: 0 (*res is set), 1 after a message when the client is unknown
 * or ambiguous or the entry cannot be placed, 2 after a message when a
 * file cannot be read or written or text is unfit.  Free *res with
 * notesedit_result_free in any case. */
int notesedit_done(const struct notesedit_req *rq,
		   struct notesedit_result *res);
void notesedit_result_free(struct notesedit_result *res);

#endif
