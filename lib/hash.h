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

/* The hash of s the tables use, for a table of one's own. */
uint64_t hash_string(const char *s);

#endif
