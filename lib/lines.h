/* lines.h: reading lines of any length up to a limit, without a copy a
 * line.  Every reader of the toolkit reads through it (notes, records,
 * occasions), so all share one behaviour on long lines and failed reads:
 *
 * - A block at a time goes into one buffer; a line is handed out in
 *   place, its '\n' replaced by a NUL.  The buffer grows to the longest
 *   line read, and never beyond the limit and one block.
 * - A line longer than the limit (LINES_MAX bytes unless lines_limit
 *   lowers it; its '\n' not counted) is the error "FILE:LINE: error: line
 *   longer than 64 MiB; skipped" (status 1): the rest of it is read past
 *   a block at a time, without being held, and the lines after it are
 *   read as usual.
 * - Such a line that holds a NUL byte within the limit is no text (a
 *   binary file, /dev/zero): "PROG: cannot read 'FILE': not a text file
 *   …" (status 2), and the rest of the input is not read.
 * - A read error ends the input: "PROG: cannot read 'FILE': strerror"
 *   (status 2); the stream's error flag is then cleared, so that it is
 *   reported once.  No memory for a long line is such an error too
 *   ("Cannot allocate memory"): never taken for the end of the input. */
#ifndef TACT_LINES_H
#define TACT_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define LINES_MAX ((size_t)64 << 20)	/* 64 MiB, tact(7) */

struct lines {
	FILE *fp;
	const char *name;	/* the input in diagnostics */
	size_t max;		/* the longest line handed out, in bytes */
	long lineno;		/* the number of the line last handed out */
	bool failed;		/* the input could not be read to its end */
	char *buf;
	size_t cap, pos, len;	/* unread data is buf[pos..len) */
	bool eof;
};

/* Read fp (may be NULL until lines_reuse), named name in diagnostics
 * ("-" for standard input; it must stay valid while l reads), with the
 * limit LINES_MAX. */
void lines_init(struct lines *l, FILE *fp, const char *name);
/* Start on another input, keeping the buffer and the limit of an
 * initialised l; line numbers start again at 1. */
void lines_reuse(struct lines *l, FILE *fp, const char *name);
/* Lines longer than max bytes (at least 1) are skipped: tests lower the
 * limit so that they need no input of 64 MiB. */
void lines_limit(struct lines *l, size_t max);
/* The next line, without its '\n', NUL-terminated, its length in *n
 * (it may hold NUL bytes; a CR before the '\n' is kept), its number in
 * l->lineno; NULL at the end of the input, or when it cannot be read
 * further (l->failed).  Valid until the next call. */
char *lines_next(struct lines *l, size_t *n);
void lines_free(struct lines *l);

#endif
