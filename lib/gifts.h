/* gifts.h: the gift ledger of one business year (SPEC "Gifts"), for
 * tact-gifts and the GIFTS section of tact-report.
 *
 * Records go in one at a time (gifts_add); gifts_end matches the
 * concerns records to their entries, converts, splits and judges; then
 * the rows are read in output order (gifts_row) or written out
 * (gifts_write).  Money is integer cents throughout; a conversion by a
 * rate is rounded half up to the cent.  No global state: two ledgers
 * (this year and the previous one) can live side by side. */
#ifndef TACT_GIFTS_H
#define TACT_GIFTS_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "money.h"
#include "record.h"
#include "util.h"

#define GIFTS_LIMIT 5000		/* cents, business years from 2024 */
#define GIFTS_LIMIT_OLD 3500		/* business years begun before 2024 */
#define GIFTS_GIVEAWAY_MAX 1000		/* cents in EUR, an item */

struct gifts_opts {
	struct date today;	/* entries after it are plans: left out */
	int year;		/* the business year that starts in it; 0:
				 * the one holding today */
	int start_m, start_d;	/* its first day; 0: 01-01.  02-29 falls on
				 * 02-28 in other years (date_in_year) */
	long long limit;	/* cents; 0: GIFTS_LIMIT or GIFTS_LIMIT_OLD
				 * in EUR */
	char currency[4];	/* the limit's; "": EUR */
	/* What an entry's text says besides its amount; NULL: money_info
	 * (tests give an equivalent of their own). */
	bool (*info)(const char *s, size_t n, struct money_info *mi);
	bool warn;		/* a warning for each amount not converted */
	bool sums;		/* the sum rows only (tact-report): no row
				 * of a gift, giveaway or expense, so that
				 * entries are kept without their texts */
};

struct gifts;

struct gifts *gifts_new(const struct gifts_opts *o);
void gifts_free(struct gifts *g);

/* A rate: one unit of cur is worth micro / 1e6 of the limit's currency,
 * in calendar year year (0: any year without a rate of its own). */
void gifts_rate(struct gifts *g, int year, const char *cur, long long micro);
/* Read a rates file: lines "CUR RATE" or "YYYY CUR RATE", '#' starts a
 * comment; a bad line is "FILE:LINE: error: …" (status 1). */
void gifts_rates_read(struct gifts *g, FILE *fp, const char *name);
/* Give to a ledger the rates of another (tact-report's two years). */
void gifts_rates_copy(struct gifts *to, const struct gifts *from);

/* Take one record (client, person, entry, concerns; others skipped). */
void gifts_add(struct gifts *g, const struct record *rec);
/* The same, with the record's ID in id: a copy the caller keeps as long
 * as the ledger lives (tact-report's client ids), which an entry's
 * client and its recipient then use instead of copies of their own.
 * id NULL: as gifts_add. */
void gifts_add_id(struct gifts *g, const struct record *rec, const char *id);
/* An input_fn (input.h): every record of fp. */
void gifts_read(FILE *fp, const char *name, void *g);
/* All records are in: build the rows. */
void gifts_end(struct gifts *g);

/* The business year [start, end) and the limit. */
struct date gifts_start(const struct gifts *g);
struct date gifts_end_date(const struct gifts *g);
long long gifts_limit(const struct gifts *g);
const char *gifts_currency(const struct gifts *g);

/* How to write an amount's value in the limit's currency cur, as the
 * warnings show it: "31,85 €" for EUR, else "31.85 CUR". */
void gifts_value_example(struct buf *b, const char *cur);

enum gifts_kind {
	GIFTS_GIFT,		/* a gift (or a share of one) to a recipient */
	GIFTS_SUM,		/* a recipient's year */
	GIFTS_GIVEAWAY,		/* #giveaway, #streuartikel: no recipient */
	GIFTS_EXPENSE		/* #bewirtung …: no gift */
};

enum gifts_deductible {
	GIFTS_NONE,		/* giveaways and expenses */
	GIFTS_YES,
	GIFTS_NO,
	GIFTS_UNKNOWN
};

/* One row of the ledger.  Gifts in date order (then input order, then
 * recipient), then one sum a recipient (by client, then recipient), then
 * giveaways and expenses in date order. */
struct gifts_row {			/* fields in an order without padding:
					 * 128 bytes (a million sums) */
	const char *recipient_id;	/* person or client id; NULL: none */
	const char *recipient;		/* the person's name, or the client's */
	const char *client_id;
	const char *client;		/* the client's display name */
	const char *text;		/* the entry's; "N gifts" for a sum */
	const char *reason;
	const char *source;		/* FILE:LINE of the entry; "" for a sum */
	long long amount;		/* in currency (a share of a split gift) */
	long long value;		/* in the limit's currency */
	long long total;		/* the recipient's running total (known
					 * values); a sum: the year's */
	size_t count;			/* a sum: its number of gifts */
	size_t untagged_count;		/* a sum: those of them untagged */
	struct date date;		/* none (y == 0) for a sum */
	enum gifts_kind kind;
	enum gifts_deductible deductible;
	enum money_vat vat;
	char currency[4];		/* "" for a sum */
	bool converted;			/* value is known */
	bool untagged;
};

/* What an entry with an amount is by its tags (comma-separated): an
 * expense (*tag its expense tag), a giveaway, or a gift (*untagged when
 * it has no gift tag).  Never GIFTS_SUM.  tag and untagged may be NULL
 * (tact-done asks before it reads the notes again). */
enum gifts_kind gifts_kind_of(const char *tags, const char **tag,
    bool *untagged);

size_t gifts_rows(const struct gifts *g);
const struct gifts_row *gifts_row(const struct gifts *g, size_t i);

/* The ledger as TSV (a header line, one row a line, fields escaped as in
 * records) or as CSV for German spreadsheets (';', decimal comma, RFC
 * 4180 quoting, CRLF).  The first column is KIND: gift, sum, giveaway,
 * expense. */
enum gifts_format { GIFTS_TSV, GIFTS_CSV };
void gifts_write(const struct gifts *g, struct buf *out,
		 enum gifts_format fmt);

/* The same, written to fp a part at a time (not held whole). */
void gifts_print(const struct gifts *g, FILE *fp, enum gifts_format f);

/* "35", "35.00", "25USD", "25 usd": cents and currency (EUR when none);
 * 0, or -1. */
int gifts_limit_parse(const char *s, long long *cents, char cur[4]);

#endif
