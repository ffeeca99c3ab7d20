/* test_date.c: unit tests of lib/date.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

/* s scans as the date y-m-d (y == 0: yearless) of used bytes.  The text
 * is copied to an exact-size heap block, so reading past n is caught by
 * the sanitizers and valgrind. */
static void
ok(const char *s, int y, int m, int d, size_t used)
{
	size_t n = strlen(s);
	char *t = malloc(n ? n : 1);
	struct date v = { -1, -1, -1 };
	size_t u = 0;
	char *msg = NULL;
	assert_non_null(t);
	memcpy(t, s, n);
	enum date_scan r = date_scan(t, n, &v, &u, &msg);
	if (r != (y ? DATE_FULL : DATE_YEARLESS))
		fail_msg("'%s': got %d (%s), want %s", s, r, msg ? msg : "-",
		    y ? "DATE_FULL" : "DATE_YEARLESS");
	assert_null(msg);
	assert_int_equal(v.y, y);
	assert_int_equal(v.m, m);
	assert_int_equal(v.d, d);
	if (u != used)
		fail_msg("'%s': used %zu, want %zu", s, u, used);
	free(t);
}

/* s is DATE_BAD with this message for its first used bytes. */
static void
bad(const char *s, size_t used, const char *want)
{
	size_t n = strlen(s);
	char *t = malloc(n ? n : 1);
	struct date v = { -1, -1, -1 };
	size_t u = 0;
	char *msg = NULL;
	assert_non_null(t);
	memcpy(t, s, n);
	enum date_scan r = date_scan(t, n, &v, &u, &msg);
	if (r != DATE_BAD)
		fail_msg("'%s': got %d, want DATE_BAD", s, r);
	assert_non_null(msg);
	assert_string_equal(msg, want);
	if (u != used)
		fail_msg("'%s': used %zu, want %zu", s, u, used);
	free(msg);
	free(t);
}

/* s holds no date at its start. */
static void
none(const char *s)
{
	size_t n = strlen(s);
	char *t = malloc(n ? n : 1);
	struct date v = { -1, -1, -1 };
	size_t u = 12345;
	char *msg = NULL;
	assert_non_null(t);
	memcpy(t, s, n);
	enum date_scan r = date_scan(t, n, &v, &u, &msg);
	if (r != DATE_NONE)
		fail_msg("'%s': got %d (%s), want DATE_NONE", s, r,
		    msg ? msg : "-");
	assert_null(msg);
	assert_int_equal(v.y, -1);
	assert_int_equal(u, 12345);
	free(t);
}

static struct date
D(int y, int m, int d)
{
	struct date v = { y, m, d };
	return v;
}

static void
assert_date(struct date v, int y, int m, int d)
{
	assert_int_equal(v.y, y);
	assert_int_equal(v.m, m);
	assert_int_equal(v.d, d);
}

/* ISO dates, alone and followed by separators. */
static void
scan_iso(void **state)
{
	(void)state;
	ok("2026-03-14", 2026, 3, 14, 10);
	ok("2026-03-14: x", 2026, 3, 14, 10);
	ok("2026-03-14 – x", 2026, 3, 14, 10);
	ok("2026-03-14–x", 2026, 3, 14, 10);
	ok("0001-01-01", 1, 1, 1, 10);
	ok("9999-12-31", 9999, 12, 31, 10);
	ok("2024-02-29", 2024, 2, 29, 10);
	ok("2026-3-5 call", 2026, 3, 5, 8);
}

/* German numeric dates with a year, with and without leading zeros. */
static void
scan_dotted(void **state)
{
	(void)state;
	ok("14.03.2026", 2026, 3, 14, 10);
	ok("14.3.2026", 2026, 3, 14, 9);
	ok("4.3.2026", 2026, 3, 4, 8);
	ok("04.03.2026 – new role", 2026, 3, 4, 10);
	ok("14.03.2026,", 2026, 3, 14, 10);
	ok("14.03.2026.", 2026, 3, 14, 10);
	ok("14.03. 2026: x", 2026, 3, 14, 11);
}

/* German month names, full and abbreviated, with and without dots. */
static void
scan_german_names(void **state)
{
	(void)state;
	ok("14. März 2026", 2026, 3, 14, strlen("14. März 2026"));
	ok("14 März 2026", 2026, 3, 14, strlen("14 März 2026"));
	ok("14.März 2026", 2026, 3, 14, strlen("14.März 2026"));
	ok("14. Mär. 2026", 2026, 3, 14, strlen("14. Mär. 2026"));
	ok("14. Mär 2026", 2026, 3, 14, strlen("14. Mär 2026"));
	ok("14. Mrz. 2026", 2026, 3, 14, 13);
	ok("14. Maerz 2026", 2026, 3, 14, 14);
	ok("14. Marz 2026", 2026, 3, 14, 13);
	ok("1. Januar 2026", 2026, 1, 1, 14);
	ok("1. Jänner 2026", 2026, 1, 1, strlen("1. Jänner 2026"));
	ok("2. Februar 2026", 2026, 2, 2, 15);
	ok("3. April 2026", 2026, 4, 3, 13);
	ok("4. Mai 2026", 2026, 5, 4, 11);
	ok("5. Juni 2026", 2026, 6, 5, 12);
	ok("6. Juli 2026", 2026, 7, 6, 12);
	ok("7. August 2026", 2026, 8, 7, 14);
	ok("8. September 2026", 2026, 9, 8, 17);
	ok("9. Oktober 2026", 2026, 10, 9, 15);
	ok("10. November 2026", 2026, 11, 10, 17);
	ok("24. Dezember 2026", 2026, 12, 24, 17);
	ok("1. Okt. 2026", 2026, 10, 1, 12);
	ok("24. Dez 2026", 2026, 12, 24, 12);
}

/* English month names, day first and month first, commas optional. */
static void
scan_english_names(void **state)
{
	(void)state;
	ok("14 March 2026", 2026, 3, 14, 13);
	ok("March 14, 2026", 2026, 3, 14, 14);
	ok("March 14 2026", 2026, 3, 14, 13);
	ok("March 14,2026", 2026, 3, 14, 13);
	ok("Mar 14 2026", 2026, 3, 14, 11);
	ok("Mar. 14, 2026: call", 2026, 3, 14, 13);
	ok("14 March, 2026", 2026, 3, 14, 14);
	ok("January 1, 2026", 2026, 1, 1, 15);
	ok("Feb 2 2026", 2026, 2, 2, 10);
	ok("May 5, 2026", 2026, 5, 5, 11);
	ok("June 6 2026", 2026, 6, 6, 11);
	ok("July 7 2026", 2026, 7, 7, 11);
	ok("Sept. 9, 2026", 2026, 9, 9, 13);
	ok("Sep 9 2026", 2026, 9, 9, 10);
	ok("October 10, 2026", 2026, 10, 10, 16);
	ok("Oct 10 2026", 2026, 10, 10, 11);
	ok("Dec 24, 2026", 2026, 12, 24, 12);
	ok("14th March 2026", 2026, 3, 14, 15);
	ok("March 1st, 2026", 2026, 3, 1, 15);
}

/* Month names in any case, "ä" and "Ä" in UTF-8. */
static void
scan_case(void **state)
{
	(void)state;
	ok("14. MÄRZ 2026", 2026, 3, 14, strlen("14. MÄRZ 2026"));
	ok("14. märz 2026", 2026, 3, 14, strlen("14. märz 2026"));
	ok("14. MAERZ 2026", 2026, 3, 14, 14);
	ok("MARCH 14, 2026", 2026, 3, 14, 14);
	ok("march 14", 0, 3, 14, 8);
	ok("14 dEc 2026", 2026, 12, 14, 11);
}

/* Dates without a year: ISO, numeric and named. */
static void
scan_yearless(void **state)
{
	(void)state;
	ok("--03-14", 0, 3, 14, 7);
	ok("03-14", 0, 3, 14, 5);
	ok("12-24: christmas", 0, 12, 24, 5);
	ok("14.03.", 0, 3, 14, 6);
	ok("14.3.: x", 0, 3, 14, 5);
	ok("14. März", 0, 3, 14, strlen("14. März"));
	ok("14 March", 0, 3, 14, 8);
	ok("March 14", 0, 3, 14, 8);
	ok("March 14th", 0, 3, 14, 10);
	ok("29.02.", 0, 2, 29, 6);
	ok("--02-29", 0, 2, 29, 7);
	ok("14. Mär.", 0, 3, 14, strlen("14. Mär."));
	ok("Mar. 14", 0, 3, 14, 7);
}

/* The longest match wins; what follows decides where a date ends. */
static void
scan_used(void **state)
{
	(void)state;
	ok("14. März: call", 0, 3, 14, strlen("14. März"));
	ok("14. März 2026: call", 2026, 3, 14, strlen("14. März 2026"));
	ok("14. März. x", 0, 3, 14, strlen("14. März"));
	ok("14. Mär.: x", 0, 3, 14, strlen("14. Mär."));
	ok("14. März 10 Uhr", 0, 3, 14, strlen("14. März"));
	ok("March 14 10:30", 0, 3, 14, 8);
	ok("March 14, 2026abc", 0, 3, 14, 8);
	ok("14. März 12345", 0, 3, 14, strlen("14. März"));
	ok("14.03. 10:00", 0, 3, 14, 6);
	ok("2026-03-14 10:00", 2026, 3, 14, 10);
}

/* Text that merely is or begins with a number is no date. */
static void
scan_none(void **state)
{
	(void)state;
	none("");
	none("2026: great year");
	none("2026");
	none("5 books");
	none("12.5 kg");
	none("030 1234");
	none("1/2 of the budget");
	none("12 Main Street");
	none("2026-03-14abc");
	none("2026-03-145");
	none("2026-03");
	none("14.03");
	none("14.03.2026abc");
	none("14.03.20261");
	none("1.2.3");
	none("10.0.0.1");
	none("10.10.10.10");
	none("1.000.000 €");
	none("12.50.");
	none("99.99.");
	none("13-20 people");
	none("03-14-2026abc");
	none("12-34-56");
	none("May be");
	none("May 2026");
	none("May 50 people");
	none("Marzipan 14");
	none("Mar14");
	none("14 Marzipan");
	none("14March");
	none("Address: 14 Main");
	none("3rd party");
	none("-5 kg");
	none("--3-14");
	none("--03-14x");
	none("14. 3. 2026");
	none("hello");
}

/* Two-digit years are ambiguous; the message suggests 20YY. */
static void
scan_two_digit_year(void **state)
{
	(void)state;
	bad("14.03.26", 8, "ambiguous date '14.03.26': write the year in "
	    "full, e.g. 2026-03-14");
	bad("1.2.10: x", 6, "ambiguous date '1.2.10': write the year in full, "
	    "e.g. 2010-02-01");
	bad("14. März 26", strlen("14. März 26"), "ambiguous date '14. März "
	    "26': write the year in full, e.g. 2026-03-14");
	bad("March 14, 26: x", 12, "ambiguous date 'March 14, 26': write the "
	    "year in full, e.g. 2026-03-14");
	bad("29.02.27", 8, "ambiguous date '29.02.27': write the year in "
	    "full, as YYYY-MM-DD");
}

/* Slash dates: both readings, one reading, two-digit years. */
static void
scan_slash(void **state)
{
	(void)state;
	bad("03/04/2026", 10, "ambiguous date '03/04/2026': write 2026-04-03 "
	    "or 2026-03-04");
	bad("03/14/2026", 10, "ambiguous date '03/14/2026': write 2026-03-14");
	bad("14/03/2026: x", 10, "ambiguous date '14/03/2026': write "
	    "2026-03-14");
	bad("3/3/2026", 8, "ambiguous date '3/3/2026': write 2026-03-03");
	bad("03/04/26", 8, "ambiguous date '03/04/26': write 2026-04-03 or "
	    "2026-03-04");
	bad("12/25/26", 8, "ambiguous date '12/25/26': write 2026-12-25");
	bad("31/31/2026", 10, "impossible date '31/31/2026': no day/month or "
	    "month/day reading is a date");
	bad("03-04-2026", 10, "ambiguous date '03-04-2026': write 2026-04-03 "
	    "or 2026-03-04");
	bad("14-03-2026", 10, "ambiguous date '14-03-2026': write 2026-03-14");
	bad("2026/03/14", 10, "ambiguous date '2026/03/14': write 2026-03-14");
	bad("03/04/0000", 10, "impossible date '03/04/0000': there is no "
	    "year 0");
}

/* Dates of days that do not exist. */
static void
scan_impossible(void **state)
{
	(void)state;
	bad("31.02.2026", 10, "impossible date '31.02.2026': February 2026 "
	    "has 28 days");
	bad("29.02.2027: x", 10, "impossible date '29.02.2027': February 2027 "
	    "has 28 days");
	bad("2026-13-01", 10, "impossible date '2026-13-01': there is no "
	    "month 13");
	bad("2026-00-10", 10, "impossible date '2026-00-10': there is no "
	    "month 0");
	bad("2026-03-00", 10, "impossible date '2026-03-00': there is no "
	    "day 0");
	bad("0.03.2026", 9, "impossible date '0.03.2026': there is no day 0");
	bad("0000-01-01", 10, "impossible date '0000-01-01': there is no "
	    "year 0");
	bad("14.03.0000", 10, "impossible date '14.03.0000': there is no "
	    "year 0");
	bad("31 April", 8, "impossible date '31 April': April has 30 days");
	bad("31 April 2026", 13, "impossible date '31 April 2026': April 2026 "
	    "has 30 days");
	bad("April 31, 2026", 14, "impossible date 'April 31, 2026': April "
	    "2026 has 30 days");
	bad("0. März", strlen("0. März"), "impossible date '0. März': there "
	    "is no day 0");
	bad("2026/02/30", 10, "impossible date '2026/02/30': February 2026 "
	    "has 28 days");
}

/* Yearless dates that no year has. */
static void
scan_impossible_yearless(void **state)
{
	(void)state;
	bad("31.04.", 6, "impossible date '31.04.': April has 30 days");
	bad("30.02.: x", 6, "impossible date '30.02.': February has 29 days");
	bad("04-31", 5, "impossible date '04-31': April has 30 days");
	bad("--02-30", 7, "impossible date '--02-30': February has 29 days");
	bad("--13-01", 7, "impossible date '--13-01': there is no month 13");
	bad("30. Februar", 11, "impossible date '30. Februar': February has "
	    "29 days");
}

/* The edges of the calendar; a year of five digits and more in the ISO
 * form (a list item "- 10000-01-01: x" would be a field of that key). */
static void
scan_year_range(void **state)
{
	(void)state;
	ok("0001-01-01", 1, 1, 1, 10);
	ok("9999-12-31: x", 9999, 12, 31, 10);
	ok("31.12.9999", 9999, 12, 31, 10);
	bad("10000-01-01: x", 11, "impossible date '10000-01-01': years go "
	    "from 1 to 9999");
	bad("99999999999999999999-1-1", 24, "impossible date "
	    "'99999999999999999999-1-1': years go from 1 to 9999");
	bad("0000-00-00", 10, "impossible date '0000-00-00': there is no "
	    "year 0");
	/* other numbers stay no date */
	assert_int_equal(date_scan("12345-67", 8, NULL, NULL, NULL),
	    DATE_NONE);
	assert_int_equal(date_scan("12345-13-01", 11, NULL, NULL, NULL),
	    DATE_NONE);
	assert_int_equal(date_scan("10000-01-011", 12, NULL, NULL, NULL),
	    DATE_NONE);
	assert_int_equal(date_scan("01.01.99999", 11, NULL, NULL, NULL),
	    DATE_NONE);
}

/* NULL out-pointers are allowed; a prefix of a longer buffer is not read
 * past n. */
static void
scan_bounds(void **state)
{
	(void)state;
	struct date v;
	size_t u;
	char *msg = NULL;
	assert_int_equal(date_scan("2026-03-14", 10, NULL, NULL, NULL),
	    DATE_FULL);
	assert_int_equal(date_scan("31.02.2026", 10, NULL, NULL, NULL),
	    DATE_BAD);
	/* n cuts "2026-03-145" to a date */
	assert_int_equal(date_scan("2026-03-145", 10, &v, &u, &msg),
	    DATE_FULL);
	assert_int_equal(u, 10);
	/* n cuts "14.03.2026" to "14.03." */
	assert_int_equal(date_scan("14.03.2026", 6, &v, &u, &msg),
	    DATE_YEARLESS);
	assert_date(v, 0, 3, 14);
	/* n cuts "ä" in half: "14 Mä" is no month */
	assert_int_equal(date_scan("14 März", 5, &v, &u, &msg), DATE_NONE);
	assert_null(msg);
}

/* Leap years: every fourth, not centuries, but every fourth century. */
static void
leap_years(void **state)
{
	(void)state;
	assert_false(date_is_leap(1900));
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2027));
	assert_true(date_is_leap(2028));
	assert_false(date_is_leap(2100));
	assert_int_equal(date_month_days(1900, 2), 28);
	assert_int_equal(date_month_days(2000, 2), 29);
	assert_int_equal(date_month_days(2027, 2), 28);
	assert_int_equal(date_month_days(0, 2), 29);
	assert_int_equal(date_month_days(2026, 4), 30);
	assert_int_equal(date_month_days(2026, 12), 31);
	assert_int_equal(date_month_days(2026, 13), 0);
}

/* date_valid with and without year. */
static void
valid(void **state)
{
	(void)state;
	assert_true(date_valid(D(2026, 3, 14)));
	assert_true(date_valid(D(0, 2, 29)));
	assert_true(date_valid(D(1, 1, 1)));
	assert_true(date_valid(D(9999, 12, 31)));
	assert_false(date_valid(D(2027, 2, 29)));
	assert_false(date_valid(D(0, 2, 30)));
	assert_false(date_valid(D(2026, 0, 1)));
	assert_false(date_valid(D(2026, 13, 1)));
	assert_false(date_valid(D(2026, 1, 0)));
	assert_false(date_valid(D(10000, 1, 1)));
	assert_false(date_valid(D(-1, 1, 1)));
}

/* Known day numbers around the epoch and at the ends of the range. */
static void
days_known(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(D(1970, 1, 2)), 1);
	assert_int_equal(date_to_days(D(1969, 12, 31)), -1);
	assert_int_equal(date_to_days(D(2000, 3, 1)), 11017);
	assert_int_equal(date_to_days(D(2026, 3, 14)), 20526);
	/* 1969 years of 365 days plus 477 leap days back to 0001-01-01 */
	assert_int_equal(date_to_days(D(1, 1, 1)), -719162);
	assert_int_equal(date_to_days(D(9999, 12, 31)), 2932896);
	assert_date(date_from_days(-719162), 1, 1, 1);
	assert_date(date_from_days(2932896), 9999, 12, 31);
	assert_date(date_from_days(0), 1970, 1, 1);
}

/* from_days(to_days(d)) == d and consecutive day numbers, over all years
 * 1..9999. */
static void
days_round_trip(void **state)
{
	(void)state;
	long prev = date_to_days(D(1, 1, 1)) - 1;
	for (int y = 1; y <= 9999; y++) {
		for (int m = 1; m <= 12; m++) {
			int md = date_month_days(y, m);
			for (int d = 1; d <= md; d++) {
				long n = date_to_days(D(y, m, d));
				if (n != prev + 1)
					fail_msg("%04d-%02d-%02d: %ld after %ld",
					    y, m, d, n, prev);
				struct date r = date_from_days(n);
				if (r.y != y || r.m != m || r.d != d)
					fail_msg("%04d-%02d-%02d came back as "
					    "%04d-%02d-%02d", y, m, d, r.y,
					    r.m, r.d);
				prev = n;
			}
		}
	}
	assert_int_equal(prev, date_to_days(D(9999, 12, 31)));
}

/* Weekdays of known dates, 0 = Sunday. */
static void
weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(2026, 11, 27)), 5);	/* Friday */
	assert_int_equal(date_weekday(D(1970, 1, 1)), 4);	/* Thursday */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 6);	/* Saturday */
	assert_int_equal(date_weekday(D(2024, 2, 29)), 4);	/* Thursday */
	assert_int_equal(date_weekday(D(2026, 3, 15)), 0);	/* Sunday */
	assert_int_equal(date_weekday(D(1, 1, 1)), 1);		/* Monday */
	assert_int_equal(date_weekday(D(1969, 12, 28)), 0);	/* Sunday */
	assert_int_equal(date_weekday(D(9999, 12, 31)), 5);	/* Friday */
}

/* Feb 29 falls on Feb 28 in common years. */
static void
in_year(void **state)
{
	(void)state;
	assert_date(date_in_year(2027, 2, 29), 2027, 2, 28);
	assert_date(date_in_year(2028, 2, 29), 2028, 2, 29);
	assert_date(date_in_year(1900, 2, 29), 1900, 2, 28);
	assert_date(date_in_year(2000, 2, 29), 2000, 2, 29);
	assert_date(date_in_year(2027, 3, 14), 2027, 3, 14);
	assert_date(date_in_year(2027, 2, 28), 2027, 2, 28);
}

/* Adding days across month, year and leap-day boundaries. */
static void
add_days(void **state)
{
	(void)state;
	assert_date(date_add_days(D(2026, 1, 31), 1), 2026, 2, 1);
	assert_date(date_add_days(D(2026, 12, 31), 1), 2027, 1, 1);
	assert_date(date_add_days(D(2027, 1, 1), -1), 2026, 12, 31);
	assert_date(date_add_days(D(2026, 2, 28), 1), 2026, 3, 1);
	assert_date(date_add_days(D(2028, 2, 28), 1), 2028, 2, 29);
	assert_date(date_add_days(D(2028, 3, 1), -1), 2028, 2, 29);
	assert_date(date_add_days(D(2026, 3, 14), 365), 2027, 3, 14);
	assert_date(date_add_days(D(2026, 3, 14), -21), 2026, 2, 21);
	assert_date(date_add_days(D(2026, 3, 14), 0), 2026, 3, 14);
	assert_date(date_add_days(D(1999, 12, 1), 100), 2000, 3, 10);
}

/* Differences and ordering. */
static void
diff_cmp(void **state)
{
	(void)state;
	assert_int_equal(date_diff(D(2027, 1, 1), D(2026, 1, 1)), 365);
	assert_int_equal(date_diff(D(2029, 1, 1), D(2028, 1, 1)), 366);
	assert_int_equal(date_diff(D(2026, 3, 1), D(2026, 3, 14)), -13);
	assert_true(date_cmp(D(2026, 3, 14), D(2026, 3, 15)) < 0);
	assert_true(date_cmp(D(2026, 4, 1), D(2026, 3, 31)) > 0);
	assert_true(date_cmp(D(2025, 12, 31), D(2026, 1, 1)) < 0);
	assert_int_equal(date_cmp(D(2026, 3, 14), D(2026, 3, 14)), 0);
	assert_true(date_cmp(D(0, 3, 14), D(0, 12, 24)) < 0);
}

/* Strict ISO parsing. */
static void
parse_iso(void **state)
{
	(void)state;
	struct date v = { -1, -1, -1 };
	assert_int_equal(date_parse_iso("2026-03-14", &v, false), 0);
	assert_date(v, 2026, 3, 14);
	assert_int_equal(date_parse_iso("0001-01-01", &v, false), 0);
	assert_date(v, 1, 1, 1);
	assert_int_equal(date_parse_iso("--12-24", &v, true), 0);
	assert_date(v, 0, 12, 24);
	assert_int_equal(date_parse_iso("2028-02-29", &v, true), 0);
	assert_date(v, 2028, 2, 29);

	v = D(-1, -1, -1);
	assert_int_equal(date_parse_iso("--12-24", &v, false), -1);
	assert_int_equal(date_parse_iso("2026-3-14", &v, true), -1);
	assert_int_equal(date_parse_iso("2026-03-14 ", &v, true), -1);
	assert_int_equal(date_parse_iso(" 2026-03-14", &v, true), -1);
	assert_int_equal(date_parse_iso("2026-03-1x", &v, true), -1);
	assert_int_equal(date_parse_iso("2026/03/14", &v, true), -1);
	assert_int_equal(date_parse_iso("2027-02-29", &v, true), -1);
	assert_int_equal(date_parse_iso("2026-13-01", &v, true), -1);
	assert_int_equal(date_parse_iso("2026-00-01", &v, true), -1);
	assert_int_equal(date_parse_iso("2026-01-00", &v, true), -1);
	assert_int_equal(date_parse_iso("0000-01-01", &v, true), -1);
	assert_int_equal(date_parse_iso("--02-30", &v, true), -1);
	assert_int_equal(date_parse_iso("03-14", &v, true), -1);
	assert_int_equal(date_parse_iso("14.03.2026", &v, true), -1);
	assert_int_equal(date_parse_iso("", &v, true), -1);
	assert_int_equal(date_parse_iso("+2026-03-1", &v, true), -1);
	assert_date(v, -1, -1, -1);
}

/* Formatting with and without a year. */
static void
format(void **state)
{
	(void)state;
	char buf[DATE_BUFSZ];
	assert_string_equal(date_format(D(2026, 3, 14), buf), "2026-03-14");
	assert_string_equal(date_format(D(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(date_format(D(9999, 12, 31), buf), "9999-12-31");
	assert_string_equal(date_format(D(0, 12, 24), buf), "--12-24");
	assert_ptr_equal(date_format(D(0, 2, 29), buf), buf);
	assert_string_equal(buf, "--02-29");
}

/* Today is a valid date with a year. */
static void
today(void **state)
{
	(void)state;
	struct date t = date_today();
	assert_true(t.y >= 2024);
	assert_true(date_valid(t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_iso),
		cmocka_unit_test(scan_dotted),
		cmocka_unit_test(scan_german_names),
		cmocka_unit_test(scan_english_names),
		cmocka_unit_test(scan_case),
		cmocka_unit_test(scan_yearless),
		cmocka_unit_test(scan_used),
		cmocka_unit_test(scan_none),
		cmocka_unit_test(scan_two_digit_year),
		cmocka_unit_test(scan_slash),
		cmocka_unit_test(scan_impossible),
		cmocka_unit_test(scan_impossible_yearless),
		cmocka_unit_test(scan_year_range),
		cmocka_unit_test(scan_bounds),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(valid),
		cmocka_unit_test(days_known),
		cmocka_unit_test(days_round_trip),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(in_year),
		cmocka_unit_test(add_days),
		cmocka_unit_test(diff_cmp),
		cmocka_unit_test(parse_iso),
		cmocka_unit_test(format),
		cmocka_unit_test(today),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
