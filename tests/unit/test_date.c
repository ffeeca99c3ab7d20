/* test_date.c: unit tests of lib/date.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

/* A copy of s in an exact-size heap block, so that reading past its end
 * is caught by the sanitizers and valgrind; its length in *n. */
static char *
copy(const char *s, size_t *n)
{
	char *t;
	*n = strlen(s);
	t = malloc(*n ? *n : 1);
	assert_non_null(t);
	memcpy(t, s, *n);
	return t;
}

/* Read in order o, s scans as the date y-m-d (y == 0: yearless) of used
 * bytes. */
static void
ok_in(enum date_order o, const char *s, int y, int m, int d, size_t used)
{
	size_t n;
	char *t = copy(s, &n);
	struct date v = { -1, -1, -1 };
	size_t u = 0;
	char *msg = NULL;
	enum date_scan r = date_scan_order(t, n, o, &v, &u, &msg);
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

/* Read in order o, s is DATE_BAD with this message for its first used
 * bytes. */
static void
bad_in(enum date_order o, const char *s, size_t used, const char *want)
{
	size_t n;
	char *t = copy(s, &n);
	struct date v = { -1, -1, -1 };
	size_t u = 0;
	char *msg = NULL;
	enum date_scan r = date_scan_order(t, n, o, &v, &u, &msg);
	if (r != DATE_BAD)
		fail_msg("'%s': got %d, want DATE_BAD", s, r);
	assert_non_null(msg);
	assert_string_equal(msg, want);
	if (u != used)
		fail_msg("'%s': used %zu, want %zu", s, u, used);
	free(msg);
	free(t);
}

/* Read in order o, s holds no date at its start. */
static void
none_in(enum date_order o, const char *s)
{
	size_t n;
	char *t = copy(s, &n);
	struct date v = { -1, -1, -1 };
	size_t u = 12345;
	char *msg = NULL;
	enum date_scan r = date_scan_order(t, n, o, &v, &u, &msg);
	if (r != DATE_NONE)
		fail_msg("'%s': got %d (%s), want DATE_NONE", s, r,
		    msg ? msg : "-");
	assert_null(msg);
	assert_int_equal(v.y, -1);
	assert_int_equal(u, 12345);
	free(t);
}

/* The same in no order, as date_scan reads; it must agree. */
static void
ok(const char *s, int y, int m, int d, size_t used)
{
	ok_in(DATE_ORDER_NONE, s, y, m, d, used);
	assert_int_equal(date_scan(s, strlen(s), NULL, NULL, NULL),
	    y ? DATE_FULL : DATE_YEARLESS);
}

static void
bad(const char *s, size_t used, const char *want)
{
	bad_in(DATE_ORDER_NONE, s, used, want);
	assert_int_equal(date_scan(s, strlen(s), NULL, NULL, NULL), DATE_BAD);
}

static void
none(const char *s)
{
	none_in(DATE_ORDER_NONE, s);
	assert_int_equal(date_scan(s, strlen(s), NULL, NULL, NULL), DATE_NONE);
}

/* Read in order o, date_near_miss finds this warning for the first used
 * bytes of s. */
static void
near_in(enum date_order o, const char *s, size_t used, const char *want)
{
	size_t n, u = 12345;
	char *t = copy(s, &n);
	char *msg = date_near_miss(t, n, o, &u);
	if (!msg)
		fail_msg("'%s': no near miss, want '%s'", s, want);
	assert_string_equal(msg, want);
	if (u != used)
		fail_msg("'%s': used %zu, want %zu", s, u, used);
	free(msg);
	free(t);
}

static void
near(const char *s, size_t used, const char *want)
{
	near_in(DATE_ORDER_NONE, s, used, want);
}

/* s draws no near-miss warning in any order. */
static void
no_near(const char *s)
{
	static const enum date_order orders[] = {
		DATE_ORDER_NONE, DATE_ORDER_DMY, DATE_ORDER_MDY
	};
	for (size_t i = 0; i < 3; i++) {
		size_t n, u = 12345;
		char *t = copy(s, &n);
		char *msg = date_near_miss(t, n, orders[i], &u);
		if (msg)
			fail_msg("'%s' (order %zu): '%s', want none", s, i,
			    msg);
		assert_int_equal(u, 12345);
		free(t);
	}
}

/* date_partial of s is want bytes. */
static void
partial(const char *s, size_t want)
{
	size_t n;
	char *t = copy(s, &n);
	size_t got = date_partial(t, n);
	if (got != want)
		fail_msg("'%s': date_partial %zu, want %zu", s, got, want);
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
	/* every digit 0 or 9 in its place; bytes just around the digits */
	ok("1999-09-09", 1999, 9, 9, 10);
	ok("9090-10-30 x", 9090, 10, 30, 10);
	ok("2000-02-29", 2000, 2, 29, 10);
	none("/999-09-09");
	none(":999-09-09");
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

/* Two-digit years are ambiguous; the message suggests the ISO form. */
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

/* English ordinals, day first and month first, with and without a year;
 * every suffix. */
static void
scan_ordinals(void **state)
{
	(void)state;
	ok("Nov 14th, 2022", 2022, 11, 14, 14);
	ok("November 14th 2022", 2022, 11, 14, 18);
	ok("14th November 2022", 2022, 11, 14, 18);
	ok("14th Nov. 2022: call", 2022, 11, 14, 14);
	ok("4th July", 0, 7, 4, 8);
	ok("March 14th", 0, 3, 14, 10);
	ok("March 14th: x", 0, 3, 14, 10);
	ok("1st May", 0, 5, 1, 7);
	ok("2nd May", 0, 5, 2, 7);
	ok("3rd May", 0, 5, 3, 7);
	ok("4th May", 0, 5, 4, 7);
	ok("11th May", 0, 5, 11, 8);
	ok("12th May", 0, 5, 12, 8);
	ok("13th May", 0, 5, 13, 8);
	ok("21st May", 0, 5, 21, 8);
	ok("22nd May", 0, 5, 22, 8);
	ok("23rd May", 0, 5, 23, 8);
	ok("24th May", 0, 5, 24, 8);
	ok("31st May 2026", 2026, 5, 31, 13);
	ok("May 2nd, 2026", 2026, 5, 2, 13);
	ok("May 23rd", 0, 5, 23, 8);
	ok("14TH MARCH 2026", 2026, 3, 14, 15);
	ok("1St May", 0, 5, 1, 7);
	/* an ordinal is no date on its own */
	none("1st");
	none("21st");
	none("3rd party");
	none("2nd floor");
	none("14th century");
	none("14thMarch");
	none("May 2ndx");
}

/* A suffix of another day is an error that gives the right one; the
 * date must be a day first. */
static void
scan_ordinal_wrong(void **state)
{
	(void)state;
	bad("14st March 2026", 15, "misspelt date '14st March 2026': write "
	    "14th");
	bad("March 2th", 9, "misspelt date 'March 2th': write 2nd");
	bad("Nov 1th, 2022: x", 13, "misspelt date 'Nov 1th, 2022': write "
	    "1st");
	bad("11st May", 8, "misspelt date '11st May': write 11th");
	bad("12nd May", 8, "misspelt date '12nd May': write 12th");
	bad("13rd May", 8, "misspelt date '13rd May': write 13th");
	bad("22th May 2026", 13, "misspelt date '22th May 2026': write 22nd");
	bad("3th July", 8, "misspelt date '3th July': write 3rd");
	bad("31th April", 10, "impossible date '31th April': April has 30 "
	    "days");
	none("2th floor");
}

/* An ISO date with a time after 'T' is one date; after a space the time
 * is not part of it. */
static void
scan_datetime(void **state)
{
	(void)state;
	ok("2024-06-14T23:02", 2024, 6, 14, 16);
	ok("2024-06-14T23:02:11Z", 2024, 6, 14, 20);
	ok("2024-06-14T23:02:11+02:00", 2024, 6, 14, 25);
	ok("2024-06-14T23:02:11+02:00: meeting", 2024, 6, 14, 25);
	ok("2024-06-14T23:02:11-0500", 2024, 6, 14, 24);
	ok("2024-06-14T23:02-05 x", 2024, 6, 14, 19);
	ok("2024-06-14T23:02Z", 2024, 6, 14, 17);
	ok("2024-06-14T23:02:11.123Z", 2024, 6, 14, 24);
	ok("2024-06-14T23:02:11,5", 2024, 6, 14, 21);
	ok("2024-06-14t23:02:11z", 2024, 6, 14, 20);
	ok("2024-06-14T24:00", 2024, 6, 14, 16);
	ok("2024-06-14T00:00:60Z", 2024, 6, 14, 20);
	ok("2024-6-4T08:15", 2024, 6, 4, 14);
	ok("2024-06-14 23:02", 2024, 6, 14, 10);
	ok("2024-06-14 23:02:11", 2024, 6, 14, 10);
	bad("2024-06-14T25:00", 16, "impossible date '2024-06-14T25:00': "
	    "there is no hour 25");
	bad("2024-06-14T24:01", 16, "impossible date '2024-06-14T24:01': "
	    "there is no hour 24");
	bad("2024-06-14T23:60", 16, "impossible date '2024-06-14T23:60': "
	    "there is no minute 60");
	bad("2024-06-14T23:59:61", 19, "impossible date "
	    "'2024-06-14T23:59:61': there is no second 61");
	bad("2024-06-14T23:59+25:00", 22, "impossible date "
	    "'2024-06-14T23:59+25:00': there is no UTC offset 25:00");
	bad("2024-02-30T10:00", 16, "impossible date '2024-02-30T10:00': "
	    "February 2024 has 29 days");
	bad("0000-01-01T10:00", 16, "impossible date '0000-01-01T10:00': "
	    "there is no year 0");
	none("2024-06-14T");
	none("2024-06-14T23");
	none("2024-06-14T1:00");
	none("2024-06-14T23:0");
	none("2024-06-14T23:02x");
	none("2024-06-14T23:02:1");
	none("2024-06-14T23:02:");
	none("2024-06-14T23:02:11Zulu");
	none("2024-06-14Tuesday");
	none("14.03.2024T10:00");
	none("2024/06/14T10:00");
}

/* Slash dates read day first. */
static void
scan_slash_dmy(void **state)
{
	(void)state;
	enum date_order o = DATE_ORDER_DMY;
	ok_in(o, "02/03/2026", 2026, 3, 2, 10);
	ok_in(o, "2/3/2026: x", 2026, 3, 2, 8);
	ok_in(o, "14/03/2026", 2026, 3, 14, 10);
	ok_in(o, "29/02/2028", 2028, 2, 29, 10);
	ok_in(o, "2/3", 0, 3, 2, 3);
	ok_in(o, "02/03", 0, 3, 2, 5);
	ok_in(o, "02/03: x", 0, 3, 2, 5);
	ok_in(o, "02/03 – x", 0, 3, 2, 5);
	ok_in(o, "31/12.", 0, 12, 31, 5);
	bad_in(o, "3/14/2026", 9, "impossible date '3/14/2026': there is no "
	    "month 14 (slash dates are read day first)");
	bad_in(o, "31/02/2026", 10, "impossible date '31/02/2026': February "
	    "2026 has 28 days");
	bad_in(o, "29/02/2027", 10, "impossible date '29/02/2027': February "
	    "2027 has 28 days");
	bad_in(o, "31/31/2026", 10, "impossible date '31/31/2026': there is "
	    "no month 31");
	bad_in(o, "0/3/2026", 8, "impossible date '0/3/2026': there is no "
	    "day 0");
	bad_in(o, "03/04/0000", 10, "impossible date '03/04/0000': there is "
	    "no year 0");
	bad_in(o, "31/04", 5, "impossible date '31/04': April has 30 days");
	bad_in(o, "02/03/26", 8, "ambiguous date '02/03/26': write the year "
	    "in full, e.g. 2026-03-02");
	bad_in(o, "12/4/75", 7, "ambiguous date '12/4/75': write the year in "
	    "full, e.g. 1975-04-12");
	/* not slash dates: the order does not apply */
	bad_in(o, "03-04-2026", 10, "ambiguous date '03-04-2026': write "
	    "2026-04-03 or 2026-03-04");
	bad_in(o, "2026/03/14", 10, "ambiguous date '2026/03/14': write "
	    "2026-03-14");
	ok_in(o, "03-14", 0, 3, 14, 5);
	none_in(o, "1/2 of the budget");
	none_in(o, "2/3 x");
	none_in(o, "50/50");
	none_in(o, "13/13");
	none_in(o, "1/2/3");
	none_in(o, "2/3/");
	none_in(o, "2/3.5");
	none_in(o, "2/3:30");
	none_in(o, "2/3x");
	none_in(o, "2/333");
	none_in(o, "02/03/20261");
	none_in(o, "02/03/2026x");
}

/* Slash dates read month first. */
static void
scan_slash_mdy(void **state)
{
	(void)state;
	enum date_order o = DATE_ORDER_MDY;
	ok_in(o, "02/03/2026", 2026, 2, 3, 10);
	ok_in(o, "3/14/2026", 2026, 3, 14, 9);
	ok_in(o, "12/25/2026: Christmas", 2026, 12, 25, 10);
	ok_in(o, "2/3", 0, 2, 3, 3);
	ok_in(o, "12/25", 0, 12, 25, 5);
	bad_in(o, "14/3/2026", 9, "impossible date '14/3/2026': there is no "
	    "month 14 (slash dates are read month first)");
	bad_in(o, "02/30/2026", 10, "impossible date '02/30/2026': February "
	    "2026 has 28 days");
	bad_in(o, "02/30", 5, "impossible date '02/30': February has 29 "
	    "days");
	bad_in(o, "12/25/26", 8, "ambiguous date '12/25/26': write the year "
	    "in full, e.g. 2026-12-25");
	bad_in(o, "02/30/26", 8, "ambiguous date '02/30/26': write the year "
	    "in full, as YYYY-MM-DD");
	none_in(o, "24/7");
	none_in(o, "1/2 of the budget");
}

/* Without an order, slash dates stay errors and yearless ones none. */
static void
scan_slash_no_order(void **state)
{
	(void)state;
	bad("02/03/2026", 10, "ambiguous date '02/03/2026': write 2026-03-02 "
	    "or 2026-02-03");
	bad("03/04/75", 8, "ambiguous date '03/04/75': write 1975-04-03 or "
	    "1975-03-04");
	none("2/3");
	none("02/03");
	none("02/03: x");
}

/* The suggestion for a two-digit year: 00-39 are 20yy, 40-99 19yy. */
static void
scan_century(void **state)
{
	(void)state;
	bad("12.4.75", 7, "ambiguous date '12.4.75': write the year in full, "
	    "e.g. 1975-04-12");
	bad("14.03.26", 8, "ambiguous date '14.03.26': write the year in "
	    "full, e.g. 2026-03-14");
	bad("1.1.00", 6, "ambiguous date '1.1.00': write the year in full, "
	    "e.g. 2000-01-01");
	bad("1.1.39", 6, "ambiguous date '1.1.39': write the year in full, "
	    "e.g. 2039-01-01");
	bad("1.1.40", 6, "ambiguous date '1.1.40': write the year in full, "
	    "e.g. 1940-01-01");
	bad("31.12.99", 8, "ambiguous date '31.12.99': write the year in "
	    "full, e.g. 1999-12-31");
	bad("29.02.76", 8, "ambiguous date '29.02.76': write the year in "
	    "full, e.g. 1976-02-29");
	bad("29.02.00", 8, "ambiguous date '29.02.00': write the year in "
	    "full, e.g. 2000-02-29");
	bad("14. März 80", strlen("14. März 80"), "ambiguous date '14. März "
	    "80': write the year in full, e.g. 1980-03-14");
	bad("March 14, 62: x", 12, "ambiguous date 'March 14, 62': write the "
	    "year in full, e.g. 1962-03-14");
}

/* date_order_parse: "dmy" and "mdy" in any case, nothing else. */
static void
order_parse(void **state)
{
	(void)state;
	enum date_order o = DATE_ORDER_NONE;
	assert_int_equal(date_order_parse("dmy", &o), 0);
	assert_int_equal(o, DATE_ORDER_DMY);
	assert_int_equal(date_order_parse("MDY", &o), 0);
	assert_int_equal(o, DATE_ORDER_MDY);
	assert_int_equal(date_order_parse("DmY", &o), 0);
	assert_int_equal(o, DATE_ORDER_DMY);
	o = DATE_ORDER_NONE;
	assert_int_equal(date_order_parse("", &o), -1);
	assert_int_equal(date_order_parse("dm", &o), -1);
	assert_int_equal(date_order_parse("dmyx", &o), -1);
	assert_int_equal(date_order_parse("dmy ", &o), -1);
	assert_int_equal(date_order_parse(" dmy", &o), -1);
	assert_int_equal(date_order_parse("ymd", &o), -1);
	assert_int_equal(date_order_parse("none", &o), -1);
	assert_int_equal(date_order_parse("d/m/y", &o), -1);
	assert_int_equal(date_order_parse(NULL, &o), -1);
	assert_int_equal(o, DATE_ORDER_NONE);
}

/* Dates without a day; and what is none. */
static void
partial_dates(void **state)
{
	(void)state;
	partial("1996", 4);
	partial("1996: founded", 4);
	partial("1996 gegründet", 4);
	partial("1000", 4);
	partial("2999", 4);
	partial("März 2022", strlen("März 2022"));
	partial("märz 2022, Umzug", strlen("märz 2022"));
	partial("March 2022", 10);
	partial("Mar. 2022", 9);
	partial("Mar 2022", 8);
	partial("March, 2022", 11);
	partial("Mai 2022", 8);
	partial("May 2026", 8);
	partial("2022-03", 7);
	partial("2022-3: x", 6);
	partial("03/2022", 7);
	partial("3/2022", 6);
	partial("03.2022", 7);
	partial("12.2022.", 7);
	/* none */
	partial("", 0);
	partial("199", 0);
	partial("12345", 0);
	partial("0999", 0);
	partial("3000", 0);
	partial("8001 Zürich", 0);
	partial("1996x", 0);
	partial("1996-1999", 0);
	partial("1996.5", 0);
	partial("2022-03-14", 0);
	partial("2022-13", 0);
	partial("2022-00", 0);
	partial("2022-03x", 0);
	partial("13/2022", 0);
	partial("0/2022", 0);
	partial("03/22", 0);
	partial("03/0000", 0);
	partial("03.2022.5", 0);
	partial("14.03.2022", 0);
	partial("14. März 2022", 0);
	partial("März", 0);
	partial("März 22", 0);
	partial("März 0000", 0);
	partial("Marzipan 2022", 0);
	partial("May 50 people", 0);
	partial("hello", 0);
	partial("-1996", 0);
	/* nothing past n is read: "1996" cut to "199" */
	assert_int_equal(date_partial("1996", 3), 0);
	assert_int_equal(date_partial("2022-03-14", 7), 7);
}

/* A letter among the digits of a date. */
static void
near_misspelt(void **state)
{
	(void)state;
	near("2026-06-1O", 10, "misspelt date '2026-06-1O': letter 'O' among "
	    "the digits; write 2026-06-10");
	near("2026-06-1O: Besuch", 10, "misspelt date '2026-06-1O': letter "
	    "'O' among the digits; write 2026-06-10");
	near("14.3.2O26", 9, "misspelt date '14.3.2O26': letter 'O' among "
	    "the digits; write 2026-03-14");
	near("2026-O6-l4", 10, "misspelt date '2026-O6-l4': letter 'O' among "
	    "the digits; write 2026-06-14");
	near("1I.03.2026 x", 10, "misspelt date '1I.03.2026': letter 'I' "
	    "among the digits; write 2026-03-11");
	near("2026-6-1x", 9, "misspelt date '2026-6-1x': letter 'x' among "
	    "the digits; write the date in digits, as YYYY-MM-DD");
	near("31.02.2O26", 10, "misspelt date '31.02.2O26': letter 'O' among "
	    "the digits; write the date in digits, as YYYY-MM-DD");
	near("02/03/2O26", 10, "misspelt date '02/03/2O26': letter 'O' among "
	    "the digits; write the date in digits, as YYYY-MM-DD");
	near_in(DATE_ORDER_DMY, "02/03/2O26", 10, "misspelt date "
	    "'02/03/2O26': letter 'O' among the digits; write 2026-03-02");
}

/* A date glued to the text after it. */
static void
near_glued(void **state)
{
	(void)state;
	near("2026-09-14Besuch", 16, "date glued to text: put ':' or a space "
	    "after '2026-09-14'");
	near("2026-09-14Besuch bei Anna", 16, "date glued to text: put ':' "
	    "or a space after '2026-09-14'");
	near("14.03.2026Anruf", 15, "date glued to text: put ':' or a space "
	    "after '14.03.2026'");
	near("2026-09-14x", 11, "date glued to text: put ':' or a space after "
	    "'2026-09-14'");
	near("2024-06-14Tuesday", 17, "date glued to text: put ':' or a "
	    "space after '2024-06-14'");
	near("2024-06-14T1:00", 11, "date glued to text: put ':' or a space "
	    "after '2024-06-14'");
	near("2026-09-14Bärbel: x", strlen("2026-09-14Bärbel"), "date glued "
	    "to text: put ':' or a space after '2026-09-14'");
	near_in(DATE_ORDER_MDY, "12/25/2026Xmas", 14, "date glued to text: "
	    "put ':' or a space after '12/25/2026'");
	/* a wrong date glued to text: what is wrong with it */
	near("31.02.2026Besuch", 16, "impossible date '31.02.2026': February "
	    "2026 has 28 days");
	near("03/04/2026abc", 13, "ambiguous date '03/04/2026': write "
	    "2026-04-03 or 2026-03-04");
}

/* What must draw no near-miss warning. */
static void
near_none(void **state)
{
	(void)state;
	/* text, amounts, times, versions, phone numbers, counts */
	no_near("");
	no_near("hello");
	no_near("Besuch bei Anna");
	no_near("12.50 €");
	no_near("12.50€");
	no_near("12.50EUR");
	no_near("1.200,50");
	no_near("1'234.50 CHF");
	no_near("10:30");
	no_near("10:30Uhr");
	no_near("10-12Uhr");
	no_near("v1.2.3");
	no_near("1.2.3");
	no_near("1.2.3a");
	no_near("10.0.0.1");
	no_near("030-1234-567");
	no_near("0171 1234567");
	no_near("+49 30 1234567");
	no_near("0800-FLOWERS");
	no_near("3 Kinder");
	no_near("3x täglich");
	no_near("5kg");
	no_near("2020er Jahre");
	no_near("1990s");
	no_near("1.OG");
	no_near("3rd party");
	no_near("24/7Service");
	no_near("2024-01-A3");
	no_near("2026-ab-cd");
	no_near("10.10.10.10x");
	no_near("2O26");
	no_near("1O.O3.2O26");
	no_near("Version2026-01-01abc");
	/* dates and date errors are date_scan's */
	no_near("2026-06-10");
	no_near("2026-06-10: x");
	no_near("31.02.2026");
	no_near("14.03.26");
	no_near("March 14, 2026abc");	/* "March 14" */
	no_near("14 March 2026Call");	/* "14 March" */
	no_near("14.03.2026Ωmega");	/* a date before a non-ASCII letter */
	/* NULL used is allowed; n cuts "2026-06-1O" to a date */
	char *msg = date_near_miss("2026-06-1O", 10, DATE_ORDER_NONE, NULL);
	assert_non_null(msg);
	free(msg);
	assert_null(date_near_miss("2026-06-10O", 10, DATE_ORDER_NONE, NULL));
	assert_null(date_near_miss("2026-09-14Besuch", 10, DATE_ORDER_NONE,
	    NULL));
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
	/* each digit in its place; an invalid date stays within buf */
	assert_string_equal(date_format(D(1987, 10, 9), buf), "1987-10-09");
	assert_string_equal(date_format(D(2100, 99, 50), buf), "2100-99-50");
	assert_string_equal(date_format(D(12345, 123, 100), buf),
	    "2345-23-00");
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

/* The digits as written, whatever follows them. */
static void
of_digits(void **state)
{
	(void)state;
	struct date d = date_of_digits("2026-03-14\tx");
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 3);
	assert_int_equal(d.d, 14);
	d = date_of_digits("0999-12-31");
	assert_int_equal(d.y, 999);
	assert_int_equal(d.m, 12);
	assert_int_equal(d.d, 31);
}

/* date_parse_iso_inline answers as date_parse_iso does, on the common
 * form and beside it. */
static void
parse_iso_inline(void **state)
{
	(void)state;
	static const char *const in[] = {
		"2026-11-27", "2026-02-28", "2024-02-29", "2026-02-29",
		"2026-04-31", "2026-12-31", "0000-01-01", "2026-13-01",
		"2026-00-10", "2026-01-00", "2026-1-01", "2026-01-011",
		"2026/01/01", "--02-29", "--13-01", "", "2026-01-0x",
		"9999-12-28",
	};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		for (int yl = 0; yl < 2; yl++) {
			struct date a = {-1, -1, -1}, b = {-1, -1, -1};
			int ra = date_parse_iso(in[i], &a, yl);
			int rb = date_parse_iso_inline(in[i], &b, yl);
			assert_int_equal(ra, rb);
			assert_memory_equal(&a, &b, sizeof a);
		}
	struct date d;
	assert_int_equal(date_parse_iso_inline("2026-11-27", &d, false), 0);
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 11);
	assert_int_equal(d.d, 27);
}

/* Packed dates order as the dates do, are never 0, and unpack to the
 * date (also without a year). */
static void
pack_orders(void **state)
{
	(void)state;
	const struct date v[] = {
		{0, 1, 1}, {0, 2, 29}, {0, 12, 31}, {1, 1, 1}, {2025, 12, 31},
		{2026, 1, 1}, {2026, 1, 31}, {2026, 2, 1}, {9999, 12, 31},
	};
	size_t n = sizeof v / sizeof *v;
	for (size_t i = 0; i < n; i++) {
		uint32_t p = date_pack(v[i]);
		assert_true(p != 0);
		struct date u = date_unpack(p);
		assert_memory_equal(&u, &v[i], sizeof u);
		if (i + 1 < n)
			assert_true(p < date_pack(v[i + 1]));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(of_digits),
		cmocka_unit_test(parse_iso_inline),
		cmocka_unit_test(pack_orders),
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
		cmocka_unit_test(scan_ordinals),
		cmocka_unit_test(scan_ordinal_wrong),
		cmocka_unit_test(scan_datetime),
		cmocka_unit_test(scan_slash_dmy),
		cmocka_unit_test(scan_slash_mdy),
		cmocka_unit_test(scan_slash_no_order),
		cmocka_unit_test(scan_century),
		cmocka_unit_test(order_parse),
		cmocka_unit_test(partial_dates),
		cmocka_unit_test(near_misspelt),
		cmocka_unit_test(near_glued),
		cmocka_unit_test(near_none),
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
