/* hash.h: a string-keyed hash table (open addressing, grows by doubling,
 * so inserts are amortised O(1)). */
#ifndef TACT_HASH_H
#define TACT_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash {
	struct hash_slot {
		char *key;	/* owned copy; NULL: empty slot */
		void *val;
		unsigned long long h;	/* the key's hash: no rehashing */
	} *slot;
	size_t cap, len;
	struct hash_keys *keys;	/* the blocks the keys are kept in */
};

/* Zero-initialised ({0}) is an empty table; hash_init pre-sizes it. */
void hash_init(struct hash *h, size_t expected);
/* The value slot for key, created (with val NULL) when absent. */
void **hash_put(struct hash *h, const char *key);
/* The same; *kept is the table's copy of key, valid until hash_clear or
 * hash_free (keys never move: a caller can keep it instead of its own). */
void **hash_put_kept(struct hash *h, const char *key, const char **kept);
/* The value for key, or NULL when absent. */
void *hash_get(const struct hash *h, const char *key);
/* Remove every key (not the values); a small table keeps its memory. */
void hash_clear(struct hash *h);
/* Free the slots but keep the keys, valid until hash_free: a table no
 * longer looked up whose kept keys are still used.  It is then empty. */
void hash_drop_slots(struct hash *h);
/* Free the table and its keys (not the values). */
void hash_free(struct hash *h);

/* An index of items the caller keeps (in an array, by number), found by
 * a string key each has: 8 bytes a slot, the item's number and 32 bits of
 * its key's hash, where a struct hash takes 24 and a copy of the key (a
 * million clients: 16 MB, not 48 and the copies).  Zero-initialised is
 * empty.  keyof(ctx, i) is the key of item i. */
struct hash_index {
	struct hash_index_slot {
		uint32_t i;	/* 1 + the item's number; 0: empty */
		uint32_t h;
	} *slot;
	size_t cap, len;
};
typedef const char *hash_index_key(const void *ctx, size_t i);

/* The number of the item whose key is key; when there is none, n, the
 * number of the caller's next item (below UINT32_MAX - 1), which is
 * added: the caller makes it. */
size_t hash_index_put(struct hash_index *x, const char *key, size_t n,
		      hash_index_key *keyof, const void *ctx);
/* The number of the item whose key is key, or SIZE_MAX when there is
 * none (nothing is added). */
size_t hash_index_get(const struct hash_index *x, const char *key,
		      hash_index_key *keyof, const void *ctx);
void hash_index_free(struct hash_index *x);
/* An empty index (x zero or freed) with room for expected items without growing (a table
 * that would double past a million items at its end). */
void hash_index_init(struct hash_index *x, size_t expected);

/* The hash of s the tables use, for a table of one's own. */
uint64_t hash_string(const char *s);

#endif
