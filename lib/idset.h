/* idset.h: a set of ids (the clients met so far), each with the place
 * where it was met first.
 *
 * One arena holds the ids, each followed by its line; an open-addressing
 * table holds their 32-bit offsets and a byte of their hash; a short
 * list of runs tells the file of each (ids come file after file).  An id
 * of 25 bytes costs about 38, so that a million clients take tens of
 * megabytes, not a hundred (a table of strings and pointers would). */
#ifndef TACT_IDSET_H
#define TACT_IDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct idset {
	char *arena;		/* each id: its bytes, a NUL, its line as a
				 * varint */
	size_t len, cap;
	uint32_t *slot;		/* 1 + an id's offset in arena; 0: empty */
	unsigned char *tag;	/* a byte of each slot's hash: most probes
				 * need not look at the arena */
	size_t nslot, n;
	struct idset_run {
		size_t at;	/* where the ids of file begin in arena */
		size_t file;
	} *run;
	size_t nrun, caprun;
};

/* Where an id was met first: a file's number (the caller's) and a line. */
struct idset_place {
	size_t file;
	long line;		/* >= 0 */
};

/* Is id in the set?  Then its place goes to *at, unless at is NULL. */
bool idset_get(const struct idset *s, const char *id, struct idset_place *at);

/* Add id, met at *at, unless it is in the set: false.  When it is: true,
 * and *at becomes the place where it was met first. */
bool idset_put(struct idset *s, const char *id, struct idset_place *at);

/* Zero-initialised ({0}) is an empty set. */
void idset_free(struct idset *s);

#endif
