/* date.h: calendar dates, the date forms people write, and day arithmetic.
 *
 * Proleptic Gregorian calendar, years 1 to 9999.  A date without a year
 * (a yearly date such as a birthday written "14. März") has y == 0. */
#ifndef TACT_DATE_H
#define TACT_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int y, m, d;		/* y == 0: no year */
};

#define DATE_BUFSZ 11		/* "YYYY-MM-DD" or "--MM-DD", with the NUL */

enum date_scan {
	DATE_NONE,		/* no date at the start of the text */
	DATE_FULL,		/* a date with a year */
	DATE_YEARLESS,		/* month and day only */
	DATE_BAD		/* looks like a date but is wrong: see *msg */
};

/* Look for a date at the very start of s[0..n) (s need not be
 * NUL-terminated).  Accepted forms, SPEC "Notes":
 *   2026-03-14   14.03.2026   14.3.2026   14. März 2026   14 March 2026
 *   March 14, 2026   (German and English month names, full or three
 *   letters, with or without '.', "Maerz" too, any case)
 *   without a year: --03-14   03-14   14.03.   14. März   March 14
 * The date ends at the end of s or before a character that is not a
 * letter or digit.  On DATE_FULL and DATE_YEARLESS *d is set and *used is
 * the number of bytes of the date.  On DATE_BAD, *used is the length of
 * the offending text and *msg a malloc'd message saying what is wrong and
 * what would be right, e.g. "ambiguous date '03/04/2026': write 2026-04-03
 * or 2026-03-04", "impossible date '31.02.2026': February 2026 has 28
 * days", "ambiguous date '14.03.26': write the year in full, e.g.
 * 2026-03-14".  Two-digit years and slash dates are DATE_BAD. */
enum date_scan date_scan(const char *s, size_t n, struct date *d,
			 size_t *used, char **msg);

/* Strict parse of a whole NUL-terminated string "YYYY-MM-DD" or, when
 * yearless_ok, also "--MM-DD".  Returns 0, or -1 when it is not a valid
 * date of that form. */
int date_parse_iso(const char *s, struct date *d, bool yearless_ok);

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
