/* report.h: the nightly report of tact-report(1): records and due lines
 * in, a plain-text report of at most REPORT_WIDTH columns out.
 *
 * Records are aggregated as they come, in hash tables by client id and
 * gesture text, and handed to the gift ledger of this business year
 * (gifts.h; in its first two months also to the previous year's), so the
 * cost is linear in the input; the report sorts each of its lists once.  The sections, their
 * headings and their layout are described in tact-report(1). */
#ifndef TACT_REPORT_H
#define TACT_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "record.h"
#include "util.h"

#define REPORT_WIDTH 80		/* display columns (wrap.h) */
#define REPORT_QUIET 180	/* -q default, days */

/* The gift ledgers (gifts.h) take today, the business year's first day
 * and the limit from these. */
struct report_opts {
	struct date today;	/* TODAY: later entries are plans */
	long long limit;	/* gift limit a recipient and business year,
				 * cents; 0: the ledger's default */
	char currency[4];	/* the limit's; "": EUR */
	int start_m, start_d;	/* the business year's first day; 0: 01-01 */
	long quiet;		/* quiet: no entry for more than this many days */
};

struct report;

struct report *report_new(const struct report_opts *o);
void report_free(struct report *r);

/* Take one record as record_next reads it (its kind set, a known kind
 * with its number of fields): client, person, field, concerns, entry,
 * due, overdue and plan records are used (one with a bad date is
 * ignored), other kinds skipped, in any order; a plan record must come
 * before the report is written, and the last one of an OCCASION counts.  Any of them makes its id a client, a
 * person id "CLIENT/SLUG" its CLIENT; a client's display name is the NAME
 * of the first client record of that id, else the id, and a person's
 * the NAME of its first person record, else SLUG. */
void report_add(struct report *r, const struct record *rec);

/* An input_fn (input.h): read the records of fp, named name in
 * diagnostics, with the record reader into the report r. */
void report_read(FILE *fp, const char *name, void *r);

/* Read a rates file for the gift ledgers (gifts_rates_read). */
void report_rates_read(struct report *r, FILE *fp, const char *name);

/* Append the report. */
void report_write(struct report *r, struct buf *out);

/* Write the report to fp, a part at a time: it is never held whole. */
void report_print(struct report *r, FILE *fp);

#endif
