/* occasion.h: the occasions file (tact-occasions(5)).
 *
 * One rule a line: NAME WHEN LEAD GESTURE.  A malformed line is
 * diagnosed as "FILE:LINE: error: …" (saying what would be right) and
 * skipped; the other rules are kept. */
#ifndef TACT_OCCASION_H
#define TACT_OCCASION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "gesture.h"
#include "hash.h"

/* Bounds that keep every occasion date and act date within years
 * 1..9999 and every loop short. */
#define OCC_MAX_LEAD 366	/* LEAD, in days (52w) */
#define OCC_MAX_DAYS 3660	/* N of #TAG+N and last+N */
#define OCC_MAX_YEARS 9998	/* N of FIELD/N, items of FIELD@A,B */

enum occ_when {
	OCC_FIELD,		/* FIELD, FIELD/N, FIELD@A,B,… */
	OCC_YEARLY,		/* MM-DD */
	OCC_ONCE,		/* YYYY-MM-DD */
	OCC_TAG,		/* #TAG+N */
	OCC_LAST		/* last+N */
};

/* ?KEY=VALUE, or ?KEY!=VALUE (negate): the field KEY (the person's,
 * else the client's) has VALUE as its value or one of its
 * comma-separated items — or, negated, it does not, or there is no such
 * field. */
struct occ_filter {
	char *key;		/* normalized field key */
	char *value;		/* one item, compared ignoring ASCII case */
	bool negate;		/* != */
};

struct occasion {
	char *name;
	enum occ_when when;
	char *key;		/* FIELD: the field key; TAG: the tag */
	int every;		/* FIELD/N: N, else 0 */
	int *years;		/* FIELD@A,B,…: the list, sorted (nyears) */
	size_t nyears;
	struct date date;	/* YEARLY (y == 0), ONCE */
	long days;		/* TAG, LAST: N */
	long lead;		/* in days */
	struct occ_filter *filter;
	size_t nfilter;
	struct gesture gesture;
	long line;
	char *source;		/* "FILE:LINE" */
};

struct occasions {
	char *file;		/* the name used in diagnostics and sources */
	struct occasion **v;	/* the rules, in file order */
	size_t n, cap;
	struct hash names;	/* NAME → struct occasion * */
	struct occ_rx *rx;	/* the patterns of the parser */
};

/* An empty set of rules read from file (as named on the command line). */
void occasions_init(struct occasions *os, const char *file);
void occasions_free(struct occasions *os);

/* Add the rule of one line s[0..n) (no '\n'; a trailing '\r' is
 * ignored) at line number line.  Returns 1 for a rule, 0 for a blank or
 * comment line, -1 for a malformed line (diagnosed, status 1). */
int occasions_add(struct occasions *os, const char *s, size_t n, long line);

/* Read every line of fp: 0, or -1 on a read error (diagnosed, status
 * 2). */
int occasions_read(struct occasions *os, FILE *fp);

/* Open and read the file named os->file ("-": standard input).  Returns
 * 0, or -1 when it cannot be opened or read (diagnosed, status 2). */
int occasions_load(struct occasions *os);

/* Is tag the NAME of a rule? */
bool occasions_has(const struct occasions *os, const char *tag);

#endif
