/* lines.h: reading lines of any length without a copy a line.
 *
 * A block at a time goes into one buffer; a line is handed out in place,
 * its '\n' replaced by a NUL.  The buffer grows to the longest line and
 * no further, so memory is bounded by the longest line, not the file. */
#ifndef TACT_LINES_H
#define TACT_LINES_H

#include <stddef.h>
#include <stdio.h>

struct lines {
	FILE *fp;
	char *buf;
	size_t cap, pos, len;	/* unread data is buf[pos..len) */
	int eof;
};

void lines_init(struct lines *l, FILE *fp);
/* Start on another input, keeping the buffer of an initialised l. */
void lines_reuse(struct lines *l, FILE *fp);
/* The next line, without its '\n', NUL-terminated, its length in *n
 * (it may hold NUL bytes); NULL at the end of the input or on a read
 * error (see ferror(fp)).  Valid until the next call. */
char *lines_next(struct lines *l, size_t *n);
void lines_free(struct lines *l);

#endif
