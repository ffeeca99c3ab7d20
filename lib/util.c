/* util.c: allocation helpers and the growable string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *progname = "tact";

_Noreturn void
die_oom(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom();
	return q;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

static void
buf_grow(struct buf *b, size_t extra)
{
	if (extra >= (size_t)-1 - b->len - 1)
		die_oom();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void
buf_add_slow(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_room_slow(struct buf *b, size_t n)
{
	buf_grow(b, n);
}

void
buf_addnum(struct buf *b, long n)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long u = n < 0 ? -(unsigned long)n : (unsigned long)n;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
buf_steal(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

enum { ARENA_BLOCK = 64 * 1024 };

struct arena_block {
	struct arena_block *next;	/* the blocks filled before */
	size_t used, size;
	max_align_t text[];
};

/* n bytes at a multiple of align (a power of two, at most that of
 * max_align_t).  A request larger than a block gets a block of its own,
 * behind the one being filled. */
static void *
arena_get(struct arena *a, size_t n, size_t align)
{
	struct arena_block *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (b && at <= b->size && b->size - at >= n) {
		b->used = at + n;
		return (char *)b->text + at;
	}
	size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
	if (size > (size_t)-1 - sizeof *b)
		die_oom();
	struct arena_block *nb = xmalloc(sizeof *nb + size);
	nb->size = size;
	nb->used = n;
	if (b && n > ARENA_BLOCK) {
		nb->next = b->next;
		b->next = nb;
	} else {
		nb->next = b;
		a->head = nb;
	}
	return nb->text;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return arena_get(a, n, _Alignof(max_align_t));
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena_get(a, n, 1), s, n);
}

void *
arena_alloc_align(struct arena *a, size_t n, size_t align)
{
	return arena_get(a, n, align);
}

void *
arena_copy(struct arena *a, const void *s, size_t n)
{
	void *t = arena_get(a, n, 1);
	return n ? memcpy(t, s, n) : t;
}

void
arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}
