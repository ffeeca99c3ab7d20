/* hash.c: linear probing, load factor at most 1/2.  Keys are hashed
 * eight bytes at a time (their length is found first, with strlen) and
 * copied into blocks of 16 KiB, not one malloc each: a table of many
 * short keys (client ids) stays small. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

/* The n bytes at s, mixed so that every byte reaches the low bits (the
 * slot): a multiply and a shift a word, and MurmurHash3's finalizer. */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = n * k, w;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * k;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

uint64_t
hash_string(const char *s)
{
	return hash_bytes(s, strlen(s));
}

struct hash_keys {
	struct hash_keys *next;
	size_t used, size;
	char text[];
};

/* A copy of key, n bytes with its NUL. */
static char *
keep_key(struct hash *h, const char *key, size_t n)
{
	enum { BLOCK = 16384 };
	struct hash_keys *b = h->keys;
	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK ? n : BLOCK;
		b = xmalloc(sizeof *b + size);
		b->next = h->keys;
		b->used = 0;
		b->size = size;
		h->keys = b;
	}
	char *p = b->text + b->used;
	memcpy(p, key, n);
	b->used += n;
	return p;
}

static void
free_keys(struct hash *h)
{
	while (h->keys) {
		struct hash_keys *next = h->keys->next;
		free(h->keys);
		h->keys = next;
	}
}

static struct hash_slot *
find(struct hash_slot *slot, size_t cap, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (slot[i].key && (slot[i].h != h || strcmp(slot[i].key, key)))
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static void
resize(struct hash *h, size_t cap)
{
	struct hash_slot *slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i < h->cap; i++)
		if (h->slot[i].key)
			*find(slot, cap, h->slot[i].key, h->slot[i].h) =
			    h->slot[i];
	free(h->slot);
	h->slot = slot;
	h->cap = cap;
}

void
hash_init(struct hash *h, size_t expected)
{
	size_t cap = 16;
	while (cap / 2 < expected)
		cap *= 2;
	memset(h, 0, sizeof *h);
	resize(h, cap);
}

void **
hash_put_kept(struct hash *h, const char *key, const char **kept)
{
	if ((h->len + 1) * 2 > h->cap)
		resize(h, h->cap ? h->cap * 2 : 16);
	size_t n = strlen(key);
	uint64_t hv = hash_bytes(key, n);
	struct hash_slot *s = find(h->slot, h->cap, key, hv);
	if (!s->key) {
		s->key = keep_key(h, key, n + 1);
		s->val = NULL;
		s->h = hv;
		h->len++;
	}
	if (kept)
		*kept = s->key;
	return &s->val;
}

void **
hash_put(struct hash *h, const char *key)
{
	return hash_put_kept(h, key, NULL);
}

void *
hash_get(const struct hash *h, const char *key)
{
	if (!h->cap)
		return NULL;
	struct hash_slot *s = find(h->slot, h->cap, key,
	    hash_bytes(key, strlen(key)));
	return s->key ? s->val : NULL;
}

void
hash_free(struct hash *h)
{
	free_keys(h);
	free(h->slot);
	memset(h, 0, sizeof *h);
}

void
hash_drop_slots(struct hash *h)
{
	free(h->slot);
	h->slot = NULL;
	h->cap = h->len = 0;
}

void
hash_clear(struct hash *h)
{
	if (!h->len)
		return;
	if (h->cap > 1024) {
		hash_free(h);
		return;
	}
	for (size_t i = 0; i < h->cap; i++) {
		h->slot[i].key = NULL;
		h->slot[i].val = NULL;
	}
	free_keys(h);
	h->len = 0;
}

/* Index tables. */

/* The slot of key (hash h): its item's or an empty one. */
static struct hash_index_slot *
index_find(const struct hash_index *x, const char *key, uint32_t h,
	   hash_index_key *keyof, const void *ctx)
{
	size_t i = h & (x->cap - 1);
	while (x->slot[i].i && (x->slot[i].h != h ||
	    strcmp(keyof(ctx, x->slot[i].i - 1), key)))
		i = (i + 1) & (x->cap - 1);
	return &x->slot[i];
}

/* Twice the slots, or the first 16; the items' hashes are in the slots. */
static void
index_grow(struct hash_index *x)
{
	struct hash_index old = *x;
	x->cap = old.cap ? old.cap * 2 : 16;
	if (x->cap > (size_t)-1 / sizeof *x->slot)
		die_oom();
	x->slot = xcalloc(x->cap, sizeof *x->slot);
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slot[i].i)
			continue;
		size_t k = old.slot[i].h & (x->cap - 1);
		while (x->slot[k].i)
			k = (k + 1) & (x->cap - 1);
		x->slot[k] = old.slot[i];
	}
	free(old.slot);
}

size_t
hash_index_put(struct hash_index *x, const char *key, size_t n,
	       hash_index_key *keyof, const void *ctx)
{
	if (n >= UINT32_MAX - 1)
		die_oom();
	if ((x->len + 1) * 2 > x->cap)
		index_grow(x);
	uint32_t h = (uint32_t)hash_string(key);
	struct hash_index_slot *s = index_find(x, key, h, keyof, ctx);
	if (s->i)
		return s->i - 1;
	*s = (struct hash_index_slot){(uint32_t)n + 1, h};
	x->len++;
	return n;
}

size_t
hash_index_get(const struct hash_index *x, const char *key,
	       hash_index_key *keyof, const void *ctx)
{
	if (!x->len)
		return SIZE_MAX;
	const struct hash_index_slot *s = index_find(x, key,
	    (uint32_t)hash_string(key), keyof, ctx);
	return s->i ? s->i - 1 : SIZE_MAX;
}

void
hash_index_init(struct hash_index *x, size_t expected)
{
	size_t cap = 16;
	while (cap / 2 < expected) {
		if (cap > (size_t)-1 / 2 / sizeof *x->slot)
			die_oom();
		cap *= 2;
	}
	x->slot = xcalloc(cap, sizeof *x->slot);
	x->cap = cap;
	x->len = 0;
}

void
hash_index_free(struct hash_index *x)
{
	free(x->slot);
	memset(x, 0, sizeof *x);
}
