/* due.h: the due engine of tact-due(1): records in, due and overdue
 * gesture lines out.
 *
 * Records are grouped by client id in a hash table.  A client keeps only
 * what the rules can read (due.c): the fields of the keys they name (the
 * last one wins), its latest entries, and the entries up to TODAY tagged
 * with a tag a rule reads, recent enough to matter.  due_finish then
 * asks every rule about every client, so the cost is linear in the
 * records plus clients × rules (times the few years a yearly rule
 * spans), memory grows with the clients rather than their logs, and the
 * output is sorted once.
 *
 * A record whose id has no client record still makes a client: its
 * display name is the id and its source the first record of that id.
 * Persons (ids CLIENT/SLUG: person records, their fields) are kept as
 * clients are; FIELD rules run for them too, and a concerns record ties
 * a kept entry to a person, for the person's done check. */
#ifndef TACT_DUE_H
#define TACT_DUE_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "occasion.h"
#include "record.h"
#include "util.h"

#define DUE_WINDOW 14		/* -w default */
#define DUE_GRACE 7		/* -g default */
#define DUE_MAX_DAYS 3660	/* the largest -w and -g */

struct due_opts {
	struct date today;
	long window;		/* due when TODAY <= ACT <= TODAY + window */
	long grace;		/* overdue while DATE >= TODAY - grace */
	FILE *pass;		/* -p: every record read is copied here */
};

struct due;

/* An engine for the rules of os (which must outlive it). */
struct due *due_new(const struct occasions *os, const struct due_opts *o);
void due_free(struct due *d);

/* Take one record as record_next reads it (its kind set, a known kind
 * with its number of fields): client, field, entry, person and concerns
 * records are used, the others ignored.  Its file and line name it in diagnostics. */
void due_add(struct due *d, const struct record *rec);

/* An input_fn (input.h): read the records of fp (copying each to
 * opts.pass when set) into the engine d. */
void due_read(FILE *fp, const char *name, void *d);

/* Append the due and overdue lines, sorted by ACT, DATE, ID, NAME (once:
 * records added later are not read); with opts.pass set, first a plan
 * record for each rule with a planned cost (occasion_plan), in file
 * order. */
void due_finish(struct due *d, struct buf *out);

/* The same, written to fp a block at a time rather than held in memory
 * all together. */
void due_write(struct due *d, FILE *fp);

#endif
