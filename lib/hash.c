/* hash.c: FNV-1a, linear probing, load factor at most 1/2. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static struct hash_slot *
find(struct hash_slot *slot, size_t cap, const char *key)
{
	size_t i = (size_t)fnv1a(key) & (cap - 1);
	while (slot[i].key && strcmp(slot[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static void
resize(struct hash *h, size_t cap)
{
	struct hash_slot *slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i < h->cap; i++)
		if (h->slot[i].key)
			*find(slot, cap, h->slot[i].key) = h->slot[i];
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
hash_put(struct hash *h, const char *key)
{
	if ((h->len + 1) * 2 > h->cap)
		resize(h, h->cap ? h->cap * 2 : 16);
	struct hash_slot *s = find(h->slot, h->cap, key);
	if (!s->key) {
		s->key = xstrdup(key);
		s->val = NULL;
		h->len++;
	}
	return &s->val;
}

void *
hash_get(const struct hash *h, const char *key)
{
	if (!h->cap)
		return NULL;
	struct hash_slot *s = find(h->slot, h->cap, key);
	return s->key ? s->val : NULL;
}

void
hash_free(struct hash *h)
{
	for (size_t i = 0; i < h->cap; i++)
		free(h->slot[i].key);
	free(h->slot);
	memset(h, 0, sizeof *h);
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
		free(h->slot[i].key);
		h->slot[i].key = NULL;
		h->slot[i].val = NULL;
	}
	h->len = 0;
}
