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
#include "money.h"

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
	bool has_plan;		/* the gesture text names an amount: */
	struct money plan;	/* its planned cost (occasion_plan) */
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

/* The planned cost of a gesture template: the first money amount
 * (money_find) written in its own text, in order, a range "10-15 EUR",
 * "10–15 €", "€10-15" or "10 € - 15 €" counting its upper end.  Each
 * run of text between placeholders is read on its own, so what a
 * placeholder brings in is never part of it; the text of a default
 * ({gift|10 EUR}) is written in the rule and read, its placeholders not.
 * Returns false when there is none. */
bool occasion_plan(const struct gesture *g, struct money *m);

/* Is tag the NAME of a rule? */
bool occasions_has(const struct occasions *os, const char *tag);

#endif
