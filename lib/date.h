/* date.h: calendar dates, the date forms people write, and day arithmetic.
 *
 * Proleptic Gregorian calendar, years 1 to 9999.  A date without a year
 * (a yearly date such as a birthday written "14. März") has y == 0. */
#ifndef TACT_DATE_H
#define TACT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct date {
	int y, m, d;		/* y == 0: no year */
};

/* A date as one number of 32 bits that orders as dates do, never 0 (a
 * month and day are never 0): cheaper to make than a day number, for
 * dates kept by the million. */
static inline uint32_t
date_pack(struct date d)
{
	return (uint32_t)d.y << 9 | (uint32_t)d.m << 5 | (uint32_t)d.d;
}

static inline struct date
date_unpack(uint32_t p)
{
	return (struct date){(int)(p >> 9), (int)(p >> 5 & 15),
	    (int)(p & 31)};
}

#define DATE_BUFSZ 11		/* "YYYY-MM-DD" or "--MM-DD", with the NUL */

enum date_scan {
	DATE_NONE,		/* no date at the start of the text */
	DATE_FULL,		/* a date with a year */
	DATE_YEARLESS,		/* month and day only */
	DATE_BAD		/* looks like a date but is wrong: see *msg */
};

/* How slash dates ("02/03/2026", "2/3") are read: not at all (an
 * ambiguous-date error), day first, or month first. */
enum date_order { DATE_ORDER_NONE, DATE_ORDER_DMY, DATE_ORDER_MDY };

/* Look for a date at the very start of s[0..n) (s need not be
 * NUL-terminated).  Accepted forms, SPEC "Notes":
 *   2026-03-14   14.03.2026   14.3.2026   14. März 2026   14 March 2026
 *   March 14, 2026   Nov 14th, 2022   14th November 2022   (German and
 *   English month names, full or three letters, with or without '.',
 *   "Maerz" too, any case; English ordinals 1st 2nd 3rd 4th … 11th 21st)
 *   with a time, as in YAML: 2024-06-14T23:02, 2024-06-14T23:02:11Z,
 *   2024-06-14T23:02:11.5+02:00 (the date is 2024-06-14; a time after a
 *   space, "2024-06-14 23:02", is not part of the date)
 *   without a year: --03-14   03-14   14.03.   14. März   March 14
 *   March 14th   4th July
 *   slash dates, with order DMY or MDY only: 02/03/2026   2/3/2026, and
 *   without a year 2/3   02/03 when they stand alone ("2/3", "2/3: x",
 *   not "1/2 of it") and month and day are in range ("50/50" is none).
 * The date ends at the end of s or before a character that is not a
 * letter or digit.  On DATE_FULL and DATE_YEARLESS *d is set and *used is
 * the number of bytes of the date (with its time).  On DATE_BAD, *used is
 * the length of the offending text and *msg a malloc'd message saying
 * what is wrong and what would be right, e.g. "ambiguous date
 * '03/04/2026': write 2026-04-03 or 2026-03-04", "impossible date
 * '31.02.2026': February 2026 has 28 days", "impossible date
 * '3/14/2026': there is no month 14 (slash dates are read day first)",
 * "impossible date '2024-06-14T25:00': there is no hour 25", "misspelt
 * date '14st March 2026': write 14th" (an ordinal suffix of another
 * day), "ambiguous date '14.03.26': write the year in full, e.g.
 * 2026-03-14".  Two-digit years are always DATE_BAD; the suggestion reads
 * 00-39 as 2000-2039 and 40-99 as 1940-1999 ("12.4.75": 1975-04-12), a
 * fixed pivot that does not depend on the clock.  Slash dates in
 * DATE_ORDER_NONE, year-first slash dates ("2026/03/14") and dash dates
 * with the year last ("03-04-2026") in any order are DATE_BAD. */
enum date_scan date_scan_order(const char *s, size_t n, enum date_order order,
			       struct date *d, size_t *used, char **msg);

/* date_scan_order with DATE_ORDER_NONE. */
enum date_scan date_scan(const char *s, size_t n, struct date *d,
			 size_t *used, char **msg);

/* "dmy" or "mdy" (any case), a NUL-terminated string: *o and 0; anything
 * else -1.  (For -d and TACT_DATE_ORDER.) */
int date_order_parse(const char *s, enum date_order *o);

/* A date without a day at the start of s[0..n): a bare year from 1000 to
 * 2999 ("1996"), a month and year ("März 2022", "March 2022", "Mar. 2022",
 * "March, 2022", "2022-03", "03/2022", "03.2022").  Returns the number of
 * bytes of it (it ends at the end of s or before a character that is not
 * a letter or digit, and no separator and digit follow: "2022-03-14" and
 * "1996-1999" are none), or 0.  For the warning about dated fields on
 * which no occasion can fall ("Gegründet: 1996"). */
size_t date_partial(const char *s, size_t n);

/* When date_scan_order finds DATE_NONE at the start of s[0..n) but the
 * text looks like a date was meant: a malloc'd warning saying what is
 * wrong and what to write, and *used (if not NULL) the length of the
 * offending text; else NULL (also when date_scan_order finds a date or
 * an error).  The cases:
 *   a letter among the digits of a date with a year ("2026-06-1O",
 *   "14.3.2O26", "2026-6-1x"): "misspelt date '2026-06-1O': letter 'O'
 *   among the digits; write 2026-06-10" (O, o, l and I read as digits
 *   give the suggestion, else "write the date in digits, as YYYY-MM-DD");
 *   a full date glued to letters ("2026-09-14Besuch"): "date glued to
 *   text: put ':' or a space after '2026-09-14'", *used covering the date
 *   and the letters; when that date is wrong ("31.02.2026Besuch"), the
 *   error about it.
 * Ordinary text, amounts ("12.50 €", "1.200,50"), times ("10:30"),
 * versions ("v1.2.3", "1.2.3"), phone numbers and counts ("3 Kinder")
 * draw none. */
char *date_near_miss(const char *s, size_t n, enum date_order order,
		     size_t *used);

/* Strict parse of a whole NUL-terminated string "YYYY-MM-DD" or, when
 * yearless_ok, also "--MM-DD".  Returns 0, or -1 when it is not a valid
 * date of that form. */
int date_parse_iso(const char *s, struct date *d, bool yearless_ok);

/* date_parse_iso, with the common form "YYYY-MM-DD" and a day every month
 * has read here, inline: the readers of records call it for millions of
 * dates.  Each byte is tested before the next is read (nothing past the
 * NUL is). */
static inline int
date_parse_iso_inline(const char *s, struct date *d, bool yearless_ok)
{
	const unsigned char *u = (const unsigned char *)s;
	if ((unsigned)(u[0] - '0') <= 9 && (unsigned)(u[1] - '0') <= 9 &&
	    (unsigned)(u[2] - '0') <= 9 && (unsigned)(u[3] - '0') <= 9 &&
	    u[4] == '-' && (unsigned)(u[5] - '0') <= 9 &&
	    (unsigned)(u[6] - '0') <= 9 && u[7] == '-' &&
	    (unsigned)(u[8] - '0') <= 9 && (unsigned)(u[9] - '0') <= 9 &&
	    !u[10]) {
		int y = (u[0] - '0') * 1000 + (u[1] - '0') * 100 +
		    (u[2] - '0') * 10 + (u[3] - '0');
		int m = (u[5] - '0') * 10 + (u[6] - '0');
		int dd = (u[8] - '0') * 10 + (u[9] - '0');
		if (y && m >= 1 && m <= 12 && dd >= 1 && dd <= 28) {
			*d = (struct date){y, m, dd};
			return 0;
		}
	}
	return date_parse_iso(s, d, yearless_ok);
}

/* The date of s, whose first 10 bytes are digits in the form
 * "YYYY-MM-DD" (checked by the caller, or by the record reader), as
 * written: not checked to be valid. */
struct date date_of_digits(const char *s);

bool date_is_leap(int y);
int date_month_days(int y, int m);	/* y == 0: February has 29 */
bool date_valid(struct date d);		/* with or without year */

/* Day numbers: consecutive integers, one per day (needs a year). */
long date_to_days(struct date d);
struct date date_from_days(long days);
struct date date_add_days(struct date d, long n);	/* needs a year */
long date_diff(struct date a, struct date b);		/* a - b in days */
int date_cmp(struct date a, struct date b);		/* <0, 0, >0 */

/* 0 = Sunday ... 6 = Saturday. */
int date_weekday(struct date d);
int date_days_weekday(long days);	/* the same, of a day number */

/* The date of month and day (m, d) in year y; Feb 29 falls on Feb 28 in
 * years that are not leap years. */
struct date date_in_year(int y, int m, int d);

/* "YYYY-MM-DD", or "--MM-DD" without a year, into buf; returns buf. */
char *date_format(struct date d, char buf[DATE_BUFSZ]);

/* The local date today. */
struct date date_today(void);

#endif
