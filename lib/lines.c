/* lines.c: a block reader that hands out lines in place, up to a limit. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lines.h"
#include "util.h"

enum { LINES_BLOCK = 256 * 1024 };

void
lines_init(struct lines *l, FILE *fp, const char *name)
{
	memset(l, 0, sizeof *l);
	l->max = LINES_MAX;
	lines_reuse(l, fp, name);
}

void
lines_reuse(struct lines *l, FILE *fp, const char *name)
{
	l->fp = fp;
	l->name = name ? name : "-";
	l->lineno = 0;
	l->failed = false;
	l->pos = l->len = 0;
	l->eof = false;
}

void
lines_limit(struct lines *l, size_t max)
{
	l->max = max ? max : 1;
}

/* The limit as people read it: "64 MiB", "100 bytes". */
static const char *
unit(size_t max, size_t *v)
{
	const size_t mib = (size_t)1 << 20;
	if (max >= mib && max % mib == 0) {
		*v = max / mib;
		return "MiB";
	}
	*v = max;
	return max == 1 ? "byte" : "bytes";
}

/* Stop reading the input: what is left of it is not handed out. */
static void
give_up(struct lines *l)
{
	l->failed = l->eof = true;
	l->pos = l->len = 0;
}

/* Read on into buf[len..cap-1): false at the end of the input or when it
 * cannot be read further (diagnosed). */
static bool
fill(struct lines *l)
{
	errno = 0;
	size_t got = fread(l->buf + l->len, 1, l->cap - l->len - 1, l->fp);
	l->len += got;
	if (got)
		return true;
	if (ferror(l->fp)) {
		if (!errno)
			errno = EIO;
		diag_syserr("cannot read '%s'", l->name);
		clearerr(l->fp);
		give_up(l);	/* a line cut short is no line */
	}
	l->eof = true;
	return false;
}

/* The line at buf[pos..], of which the buffer holds have bytes (more
 * than the limit), is too long: diagnose it and read past it, to just
 * after its '\n' when nl says the buffer holds it.  See lines.h. */
static void
too_long(struct lines *l, size_t have, bool nl)
{
	size_t v;
	const char *u = unit(l->max, &v);
	if (memchr(l->buf + l->pos, '\0', l->max + 1)) {
		diag_fatal("cannot read '%s': not a text file (NUL bytes, and "
		    "no line end within %zu %s)", l->name, v, u);
		give_up(l);
		return;
	}
	diag_error(l->name, ++l->lineno, "line longer than %zu %s; skipped",
	    v, u);
	if (nl) {
		l->pos += have + 1;
		return;
	}
	l->pos = l->len = 0;
	while (fill(l)) {
		char *end = memchr(l->buf, '\n', l->len);
		if (end) {
			l->pos = (size_t)(end - l->buf) + 1;
			return;
		}
		l->len = 0;
	}
}

/* Keep the partial line at the front, make room for a block (the
 * buffer never grows beyond the limit, a block and a NUL), read on.  No
 * memory for a long line is a failed read of this input, not the end of
 * the program. */
static void
more(struct lines *l)
{
	memmove(l->buf, l->buf + l->pos, l->len - l->pos);
	l->len -= l->pos;
	l->pos = 0;
	size_t most = l->max < SIZE_MAX - LINES_BLOCK - 1 ?
	    l->max + LINES_BLOCK + 1 : SIZE_MAX;
	if (l->cap - l->len < LINES_BLOCK / 2 && l->cap < most) {
		size_t cap = l->cap <= most / 2 ? l->cap * 2 : most;
		char *p = realloc(l->buf, cap);
		if (!p) {
			errno = ENOMEM;
			diag_syserr("cannot read '%s'", l->name);
			give_up(l);
			return;
		}
		l->buf = p;
		l->cap = cap;
	}
	fill(l);
}

/* lines_next beyond the common case: the first call, a line that needs
 * more of the input, a line too long, the end of the input.  Out of line:
 * inlined, the registers it needs were saved and restored for every
 * line. */
__attribute__((noinline)) static char *
next_slow(struct lines *l, size_t *n)
{
	/* A buffer from the start: arithmetic on a NULL l->buf, even "+ 0",
	 * and memmove from NULL are undefined (UBSan stops there). */
	if (!l->buf) {
		l->cap = LINES_BLOCK;
		l->buf = xmalloc(l->cap);
	}
	for (;;) {
		char *start = l->buf + l->pos;
		size_t have = l->len - l->pos;
		char *nl = have ? memchr(start, '\n', have) : NULL;
		size_t len = nl ? (size_t)(nl - start) : have;
		if (len > l->max) {
			too_long(l, len, nl != NULL);
			continue;
		}
		if (nl || (l->eof && have)) {
			start[len] = '\0';	/* the '\n', or past the data */
			*n = len;
			l->pos += len + (nl != NULL);
			l->lineno++;
			return start;
		}
		if (l->eof)
			return NULL;
		more(l);
	}
}

char *
lines_next(struct lines *l, size_t *n)
{
	/* Most lines are whole in the buffer, within the limit: a short
	 * path for them, the rest in next_slow. */
	size_t have = l->len - l->pos;
	if (have) {
		char *start = l->buf + l->pos;
		char *nl = memchr(start, '\n', have);
		if (nl && (size_t)(nl - start) <= l->max) {
			*nl = '\0';
			*n = (size_t)(nl - start);
			l->pos += *n + 1;
			l->lineno++;
			return start;
		}
	}
	return next_slow(l, n);
}

void
lines_free(struct lines *l)
{
	free(l->buf);
	memset(l, 0, sizeof *l);
}
