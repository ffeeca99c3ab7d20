/* lines.c: a block reader that hands out lines in place. */
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "util.h"

enum { LINES_BLOCK = 256 * 1024 };

void
lines_init(struct lines *l, FILE *fp)
{
	memset(l, 0, sizeof *l);
	l->fp = fp;
}

void
lines_reuse(struct lines *l, FILE *fp)
{
	l->fp = fp;
	l->pos = l->len = 0;
	l->eof = 0;
}

char *
lines_next(struct lines *l, size_t *n)
{
	/* A buffer from the start: arithmetic on a NULL l->buf, even "+ 0",
	 * and memmove from NULL are undefined (UBSan stops there). */
	if (!l->buf) {
		l->cap = LINES_BLOCK;
		l->buf = xmalloc(l->cap);
	}
	for (;;) {
		char *start = l->buf + l->pos;
		char *nl = l->len > l->pos ?
		    memchr(start, '\n', l->len - l->pos) : NULL;
		if (nl) {
			*nl = '\0';
			*n = (size_t)(nl - start);
			l->pos += *n + 1;
			return start;
		}
		if (l->eof) {
			if (l->pos >= l->len)
				return NULL;
			*n = l->len - l->pos;	/* a last line without '\n' */
			l->buf[l->len] = '\0';
			l->pos = l->len;
			return start;
		}
		/* Keep the partial line at the front, make room, read on. */
		memmove(l->buf, start, l->len - l->pos);
		l->len -= l->pos;
		l->pos = 0;
		if (l->cap - l->len < LINES_BLOCK / 2) {
			if (l->cap > (size_t)-1 / 2 - LINES_BLOCK)
				die_oom();
			l->cap = l->cap ? l->cap * 2 : LINES_BLOCK;
			l->buf = xrealloc(l->buf, l->cap);
		}
		size_t got = fread(l->buf + l->len, 1, l->cap - l->len - 1,
		    l->fp);
		l->len += got;
		if (got == 0)
			l->eof = 1;
	}
}

void
lines_free(struct lines *l)
{
	free(l->buf);
	memset(l, 0, sizeof *l);
}
