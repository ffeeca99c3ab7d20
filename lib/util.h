/* util.h: allocation that never returns NULL, and a growable string. */
#ifndef TACT_UTIL_H
#define TACT_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>

/* The command's name for messages; set by main (default "tact"). */
extern const char *progname;

/* Allocation: on failure print "PROG: out of memory" and exit 2. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
_Noreturn void die_oom(void);

/* A growable byte string; s is NUL-terminated whenever it is not NULL.
 * Zero-initialise ({0}) before use. */
struct buf {
	char *s;
	size_t len, cap;
};

void buf_add_slow(struct buf *b, const char *s, size_t n);
void buf_room_slow(struct buf *b, size_t n);

/* Inline: they run for every byte of output. */
static inline void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->s && b->cap - b->len > n) {
		if (n == 1)	/* a character: a store, not a call */
			b->s[b->len] = *s;
		else
			memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
	} else {
		buf_add_slow(b, s, n);
	}
}

/* Room for n more bytes and a NUL at b->s + b->len, returned; the caller
 * writes them, adds to len and writes the NUL. */
static inline char *
buf_room(struct buf *b, size_t n)
{
	if (!b->s || b->cap - b->len <= n)
		buf_room_slow(b, n);
	return b->s + b->len;
}

static inline void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

static inline void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* len = 0, keeps the memory. */
static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_addnum(struct buf *b, long n);	/* decimal, without printf */
void buf_free(struct buf *b);
char *buf_steal(struct buf *b);		/* returns s (never NULL), b is empty */

/* An arena: many small allocations carved from large blocks and freed
 * all at once, for data that lives as long as its owner.  Zero-initialise
 * ({0}) before use. */
struct arena {
	struct arena_block *head;	/* the block being filled */
};

void *arena_alloc(struct arena *a, size_t n);	/* aligned for any type */
char *arena_strdup(struct arena *a, const char *s);
void *arena_copy(struct arena *a, const void *s, size_t n);	/* unaligned */
/* n bytes aligned for a type of alignment align (_Alignof), no more */
void *arena_alloc_align(struct arena *a, size_t n, size_t align);
void arena_free(struct arena *a);

#endif
