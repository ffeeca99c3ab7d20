/* idset.c: a set of ids with a place each (idset.h).  FNV-1a, linear
 * probing, the table at most 3/4 full; a place is two varints after its
 * id's NUL. */
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "util.h"

enum { ARENA_MIN = 64 * 1024, SLOTS_MIN = 64 };

/* The hash of id, and its length. */
static uint64_t
hash(const char *id, size_t *len)
{
	uint64_t h = 1469598103934665603ULL;
	const char *p = id;
	for (; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	*len = (size_t)(p - id);
	return h;
}

/* The byte of a hash kept in the table (its bits above those of the
 * slot's number). */
static unsigned char
tag_of(uint64_t h)
{
	return (unsigned char)(h >> 56);
}

/* The slot of id: where it is, else the empty one where it would go. */
static size_t
find(const struct idset *s, const char *id, uint64_t h)
{
	size_t mask = s->nslot - 1, i = (size_t)h & mask;
	unsigned char t = tag_of(h);
	while (s->slot[i] && (s->tag[i] != t ||
	    strcmp(s->arena + s->slot[i] - 1, id)))
		i = (i + 1) & mask;
	return i;
}

static char *
put_varint(char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (char)v;
	return p;
}

static const char *
get_varint(const char *p, uint64_t *v)
{
	uint64_t x = 0;
	unsigned shift = 0;
	unsigned char c;
	do {
		c = (unsigned char)*p++;
		x |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	*v = x;
	return p;
}

/* The place of the id of len bytes in slot i. */
static void
place(const struct idset *s, size_t i, size_t len, struct idset_place *at)
{
	uint64_t file, line;
	const char *p = s->arena + s->slot[i] - 1 + len + 1;
	p = get_varint(p, &file);
	get_varint(p, &line);
	at->file = (size_t)file;
	at->line = (long)line;
}

/* Twice the slots, the ids hashed again from the arena. */
static void
grow(struct idset *s)
{
	size_t nslot = s->nslot ? 2 * s->nslot : SLOTS_MIN;
	uint32_t *slot = xcalloc(nslot, sizeof *slot);
	unsigned char *tag = xmalloc(nslot);
	for (size_t i = 0; i < s->nslot; i++) {
		if (!s->slot[i])
			continue;
		size_t len, j;
		uint64_t h = hash(s->arena + s->slot[i] - 1, &len);
		for (j = (size_t)h & (nslot - 1); slot[j]; j = (j + 1) &
		    (nslot - 1))
			;
		slot[j] = s->slot[i];
		tag[j] = tag_of(h);
	}
	free(s->slot);
	free(s->tag);
	s->slot = slot;
	s->tag = tag;
	s->nslot = nslot;
}

bool
idset_get(const struct idset *s, const char *id, struct idset_place *at)
{
	if (!s->n)
		return false;
	size_t len;
	size_t i = find(s, id, hash(id, &len));
	if (!s->slot[i])
		return false;
	if (at)
		place(s, i, len, at);
	return true;
}

bool
idset_put(struct idset *s, const char *id, struct idset_place *at)
{
	if ((s->n + 1) * 4 > s->nslot * 3)
		grow(s);
	size_t len;
	uint64_t h = hash(id, &len);
	size_t i = find(s, id, h);
	if (s->slot[i]) {
		place(s, i, len, at);
		return true;
	}
	/* Offsets are 32 bits: 4 GiB of ids is more than this table is for
	 * (a hundred million clients). */
	if (s->len >= UINT32_MAX)
		die_oom();
	size_t need = len + 1 + 2 * 10;	/* the id, its NUL, two varints */
	if (s->cap - s->len < need) {
		size_t cap = s->cap ? 2 * s->cap : ARENA_MIN;
		if (cap - s->len < need)
			cap = s->len + need;
		s->arena = xrealloc(s->arena, cap);
		s->cap = cap;
	}
	char *p = s->arena + s->len;
	memcpy(p, id, len + 1);
	p = put_varint(p + len + 1, at->file);
	p = put_varint(p, (uint64_t)at->line);
	s->slot[i] = (uint32_t)(s->len + 1);
	s->tag[i] = tag_of(h);
	s->len = (size_t)(p - s->arena);
	s->n++;
	return false;
}

void
idset_free(struct idset *s)
{
	free(s->arena);
	free(s->slot);
	free(s->tag);
	*s = (struct idset){0};
}
