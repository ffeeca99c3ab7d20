/* idset.c: a set of ids with a place each (idset.h).  FNV-1a, linear
 * probing in a table at most 3/4 full that grows by half (not by double:
 * at a million ids that is megabytes). */
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

/* The first slot to try for hash h: its upper half scaled to the table. */
static size_t
home(uint64_t h, size_t nslot)
{
	return (size_t)((h >> 32) * nslot >> 32);
}

/* The byte of a hash kept in the table (its lowest: home() uses the
 * upper half). */
static unsigned char
tag_of(uint64_t h)
{
	return (unsigned char)h;
}

/* The slot of id: where it is, else the empty one where it would go. */
static size_t
find(const struct idset *s, const char *id, uint64_t h)
{
	size_t i = home(h, s->nslot);
	unsigned char t = tag_of(h);
	while (s->slot[i] && (s->tag[i] != t ||
	    strcmp(s->arena + s->slot[i] - 1, id)))
		i = i + 1 < s->nslot ? i + 1 : 0;
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

/* The varint at *p, and *p past it. */
static uint64_t
get_varint(const char **p)
{
	uint64_t x = 0;
	unsigned shift = 0;
	unsigned char c;
	do {
		c = (unsigned char)*(*p)++;
		x |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	return x;
}

/* The place of the id of len bytes in slot i: its line after it, its
 * file that of the last run that begins at or before it. */
static void
place(const struct idset *s, size_t i, size_t len, struct idset_place *at)
{
	size_t off = s->slot[i] - 1, lo = 0, hi = s->nrun;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->run[mid].at <= off)
			lo = mid;
		else
			hi = mid;
	}
	const char *p = s->arena + off + len + 1;
	at->file = s->run[lo].file;
	at->line = (long)get_varint(&p);
}

/* Half as many slots again, the ids hashed anew as they stand in the
 * arena, one after the other. */
static void
grow(struct idset *s)
{
	size_t nslot = s->nslot ? s->nslot + s->nslot / 2 : SLOTS_MIN;
	free(s->slot);		/* first: the arena is all it needs */
	free(s->tag);
	uint32_t *slot = xcalloc(nslot, sizeof *slot);
	unsigned char *tag = xmalloc(nslot);
	for (size_t off = 0; off < s->len; ) {	/* arena is NULL at first */
		const char *p = s->arena + off;
		size_t len;
		uint64_t h = hash(p, &len);
		size_t j = home(h, nslot);
		while (slot[j])
			j = j + 1 < nslot ? j + 1 : 0;
		slot[j] = (uint32_t)(off + 1);
		tag[j] = tag_of(h);
		p += len + 1;
		get_varint(&p);		/* its line */
		off = (size_t)(p - s->arena);
	}
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

/* A run of ids of file begins at the arena's end, unless one goes on. */
static void
add_run(struct idset *s, size_t file)
{
	if (s->nrun && s->run[s->nrun - 1].file == file)
		return;
	if (s->nrun == s->caprun) {
		s->caprun = s->caprun ? 2 * s->caprun : 16;
		s->run = xrealloc(s->run, s->caprun * sizeof *s->run);
	}
	s->run[s->nrun++] = (struct idset_run){s->len, file};
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
	size_t need = len + 1 + 10;	/* the id, its NUL, a varint */
	if (s->cap - s->len < need) {
		size_t cap = s->cap ? 2 * s->cap : ARENA_MIN;
		if (cap - s->len < need)
			cap = s->len + need;
		s->arena = xrealloc(s->arena, cap);
		s->cap = cap;
	}
	add_run(s, at->file);
	char *p = s->arena + s->len;
	memcpy(p, id, len + 1);
	p = put_varint(p + len + 1, (uint64_t)at->line);
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
	free(s->run);
	*s = (struct idset){0};
}
