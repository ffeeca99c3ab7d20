/* date.c: calendar dates, the date forms people write, and day arithmetic.
 *
 * The scanner is hand-written: it runs on the start of every list item, so
 * anything that cannot begin a date is turned away at its first byte. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "util.h"

static const char *const month_name[13] = {
	"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Month names as written, lowercase ("ä" in UTF-8); abbr: a '.' right
 * after the name belongs to it. */
#define MONTH(name, m, abbr) { name, sizeof name - 1, m, abbr }
static const struct {
	const char *name;
	unsigned char len, m, abbr;
} months[] = {
	MONTH("january", 1, 0), MONTH("januar", 1, 0), MONTH("jänner", 1, 0),
	MONTH("jaenner", 1, 0), MONTH("jan", 1, 1), MONTH("jän", 1, 1),
	MONTH("february", 2, 0), MONTH("februar", 2, 0), MONTH("feber", 2, 0),
	MONTH("feb", 2, 1),
	MONTH("march", 3, 0), MONTH("märz", 3, 0), MONTH("maerz", 3, 0),
	MONTH("marz", 3, 0), MONTH("mar", 3, 1), MONTH("mär", 3, 1),
	MONTH("mrz", 3, 1),
	MONTH("april", 4, 0), MONTH("apr", 4, 1),
	MONTH("may", 5, 0), MONTH("mai", 5, 0),
	MONTH("june", 6, 0), MONTH("juni", 6, 0), MONTH("jun", 6, 1),
	MONTH("july", 7, 0), MONTH("juli", 7, 0), MONTH("jul", 7, 1),
	MONTH("august", 8, 0), MONTH("aug", 8, 1),
	MONTH("september", 9, 0), MONTH("sept", 9, 1), MONTH("sep", 9, 1),
	MONTH("october", 10, 0), MONTH("oktober", 10, 0), MONTH("oct", 10, 1),
	MONTH("okt", 10, 1),
	MONTH("november", 11, 0), MONTH("nov", 11, 1),
	MONTH("december", 12, 0), MONTH("dezember", 12, 0), MONTH("dec", 12, 1),
	MONTH("dez", 12, 1),
};
#undef MONTH

#define MONTH_MAX 12		/* longer words are no month name */

bool
date_is_leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int
date_month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && (y == 0 || date_is_leap(y)))
		return 29;
	return days[m - 1];
}

bool
date_valid(struct date d)
{
	return d.y >= 0 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	    d.d >= 1 && d.d <= date_month_days(d.y, d.m);
}

/* Days since 1970-01-01, after Howard Hinnant's days_from_civil: years
 * start on March 1 so that the leap day is the last day of a year. */
long
date_to_days(struct date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;			/* 0..399 */
	long mp = d.m > 2 ? d.m - 3 : d.m + 9;		/* March = 0 */
	long doy = (153 * mp + 2) / 5 + d.d - 1;	/* 0..365 */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;			/* 0..146096 */
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

struct date
date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

long
date_diff(struct date a, struct date b)
{
	return date_to_days(a) - date_to_days(b);
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
date_weekday(struct date d)
{
	return date_days_weekday(date_to_days(d));
}

int
date_days_weekday(long days)
{
	long w = (days + 4) % 7;	/* 1970-01-01 was a Thursday */
	return (int)(w < 0 ? w + 7 : w);
}

struct date
date_in_year(int y, int m, int d)
{
	struct date r = { y, m, d };
	if (m == 2 && d == 29 && !date_is_leap(y))
		r.d = 28;
	return r;
}

/* Write v (below 100) as two digits at p. */
static char *
two_digits_at(char *p, unsigned v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	memcpy(p, pairs + 2 * v, 2);
	return p + 2;
}

char *
date_format(struct date d, char buf[DATE_BUFSZ])
{
	/* By hand rather than snprintf, two digits at a time: it runs for
	 * every record.  The remainders keep an invalid date from writing
	 * past buf. */
	unsigned y = (unsigned)d.y % 10000;
	char *p = buf;
	if (d.y == 0) {
		*p++ = '-';
		*p++ = '-';
	} else {
		p = two_digits_at(p, y / 100);
		p = two_digits_at(p, y % 100);
		*p++ = '-';
	}
	p = two_digits_at(p, (unsigned)d.m % 100);
	*p++ = '-';
	p = two_digits_at(p, (unsigned)d.d % 100);
	*p = '\0';
	return buf;
}

struct date
date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	struct date d = { 1970, 1, 1 };
	if (localtime_r(&t, &tm) || gmtime_r(&t, &tm)) {
		d.y = tm.tm_year + 1900;
		d.m = tm.tm_mon + 1;
		d.d = tm.tm_mday;
	}
	return d;
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(unsigned char c)
{
	c |= 0x20;
	return c >= 'a' && c <= 'z';
}

int
date_parse_iso(const char *s, struct date *d, bool yearless_ok)
{
	/* Character by character, without a strlen first (it runs for
	 * every record): each test stops at the NUL, so nothing past the
	 * end is read. */
	struct date v = { 0, 0, 0 };
	const char *md;
	if (yearless_ok && s[0] == '-') {
		md = s + 1;		/* "--MM-DD" */
	} else {
		for (int i = 0; i < 4; i++) {
			if (!is_digit(s[i]))
				return -1;
			v.y = v.y * 10 + (s[i] - '0');
		}
		if (v.y == 0)
			return -1;
		md = s + 4;
	}
	if (md[0] != '-' || !is_digit(md[1]) || !is_digit(md[2]) ||
	    md[3] != '-' || !is_digit(md[4]) || !is_digit(md[5]) || md[6])
		return -1;
	v.m = (md[1] - '0') * 10 + (md[2] - '0');
	v.d = (md[4] - '0') * 10 + (md[5] - '0');
	/* A day every month has needs no look at the month's length. */
	if (!(v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= 28) &&
	    !date_valid(v))
		return -1;
	*d = v;
	return 0;
}

struct date
date_of_digits(const char *s)
{
	return (struct date){
		(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		    (s[3] - '0'),
		(s[5] - '0') * 10 + (s[6] - '0'),
		(s[8] - '0') * 10 + (s[9] - '0'),
	};
}

/* The scanner.  Positions are offsets into s[0..n); nothing at or past n
 * is read. */
struct scan {
	const char *s;
	size_t n;
	enum date_order order;	/* how slash dates are read */
	struct date *d;
	size_t *used;
	char **msg;
	bool bad_ordinal;	/* an ordinal suffix not of its day ("14st") */
};

static unsigned char
at(const struct scan *sc, size_t i)
{
	return i < sc->n ? (unsigned char)sc->s[i] : '\0';
}

/* The number of digits from i; their value in *v (at most 9 digits are
 * added up, more are only counted). */
static size_t
digits(const struct scan *sc, size_t i, int *v)
{
	size_t k = 0;
	int x = 0;
	while (i + k < sc->n && is_digit(sc->s[i + k])) {
		if (k < 9)
			x = x * 10 + (sc->s[i + k] - '0');
		k++;
	}
	*v = x;
	return k;
}

/* May a date end before i? */
static bool
ends(const struct scan *sc, size_t i)
{
	unsigned char c = at(sc, i);
	return i >= sc->n || !(is_digit(c) || is_alpha(c));
}

/* Does a separator and a digit follow at i ("10.10.10.10", "03-14-5")?
 * Then what went before is part of some other number. */
static bool
continues(const struct scan *sc, size_t i)
{
	unsigned char c = at(sc, i);
	return (c == '.' || c == '-' || c == '/') && is_digit(at(sc, i + 1));
}

static size_t
blanks(const struct scan *sc, size_t i)
{
	while (at(sc, i) == ' ' || at(sc, i) == '\t')
		i++;
	return i;
}

static bool
in_range(int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* The month named by the word at i, or 0; *end is after the word (without
 * a '.'), *abbr whether a '.' after it belongs to it. */
static int
month_word(const struct scan *sc, size_t i, size_t *end, bool *abbr)
{
	char w[MONTH_MAX + 2];
	size_t k = 0;
	for (;;) {
		unsigned char c = at(sc, i);
		if (i < sc->n && is_alpha(c)) {
			if (k >= MONTH_MAX)
				return 0;
			w[k++] = (char)(c | 0x20);
			i++;
		} else if (c == 0xc3 && (at(sc, i + 1) | 0x20) == 0xa4) {
			/* ä or Ä */
			if (k >= MONTH_MAX)
				return 0;
			w[k++] = (char)0xc3;
			w[k++] = (char)0xa4;
			i += 2;
		} else {
			break;
		}
	}
	for (size_t j = 0; j < sizeof months / sizeof months[0]; j++) {
		if (months[j].len == k && months[j].name[0] == w[0] &&
		    memcmp(months[j].name, w, k) == 0) {
			*end = i;
			*abbr = months[j].abbr;
			return months[j].m;
		}
	}
	return 0;
}

/* The end of the word of letters (and "ä", as month_word reads it) at i:
 * a month name is looked up only where a number follows it. */
static size_t
word_end(const struct scan *sc, size_t i)
{
	for (;;) {
		if (i < sc->n && is_alpha(at(sc, i)))
			i++;
		else if (at(sc, i) == 0xc3 && (at(sc, i + 1) | 0x20) == 0xa4)
			i += 2;
		else
			return i;
	}
}

/* The English ordinal suffix of the day d: "st", "nd", "rd" or "th". */
static const char *
suffix_of(int d)
{
	if (d % 100 >= 11 && d % 100 <= 13)
		return "th";
	switch (d % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	}
	return "th";
}

/* An English ordinal suffix at i after the day d ("14th", "1st"): its
 * end, else i.  A suffix of another day ("14st", "2th") is noted in
 * sc->bad_ordinal, and take() makes the date an error. */
static size_t
ordinal(struct scan *sc, size_t i, int d)
{
	static const char *const suf[] = { "st", "nd", "rd", "th" };
	unsigned char a = at(sc, i) | 0x20, b = at(sc, i + 1) | 0x20;
	for (size_t j = 0; j < 4; j++) {
		if (a == suf[j][0] && b == suf[j][1] && ends(sc, i + 2)) {
			sc->bad_ordinal = strcmp(suf[j], suffix_of(d)) != 0;
			return i + 2;
		}
	}
	return i;
}

static enum date_scan
bad(struct scan *sc, size_t len, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* DATE_BAD: "KIND date 'TEXT': ..." for the first len bytes. */
static enum date_scan
bad(struct scan *sc, size_t len, const char *kind, const char *fmt, ...)
{
	if (sc->used)
		*sc->used = len;
	if (sc->msg) {
		struct buf b = {0};
		va_list ap;
		buf_adds(&b, kind);
		buf_adds(&b, " date '");
		buf_add(&b, sc->s, len);
		buf_adds(&b, "': ");
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		*sc->msg = buf_steal(&b);
	}
	return DATE_BAD;
}

/* DATE_BAD for the date v of the first len bytes, which is no day:
 * why, and note after it. */
static enum date_scan
impossible(struct scan *sc, size_t len, struct date v, bool has_year,
	   const char *note)
{
	int md = date_month_days(v.y, v.m);
	if (has_year && v.y == 0)
		return bad(sc, len, "impossible", "there is no year 0");
	if (v.m < 1 || v.m > 12)
		return bad(sc, len, "impossible", "there is no month %d%s", v.m,
		    note);
	if (v.d < 1)
		return bad(sc, len, "impossible", "there is no day %d%s", v.d,
		    note);
	if (has_year)
		return bad(sc, len, "impossible", "%s %d has %d days%s",
		    month_name[v.m], v.y, md, note);
	return bad(sc, len, "impossible", "%s has %d days%s",
	    month_name[v.m], md, note);
}

/* The first len bytes are the date v: DATE_FULL or DATE_YEARLESS, or
 * DATE_BAD saying why there is no such day or that its ordinal suffix
 * is wrong. */
static enum date_scan
take(struct scan *sc, size_t len, struct date v, bool has_year)
{
	if ((has_year && v.y == 0) || !date_valid(v))
		return impossible(sc, len, v, has_year, "");
	if (sc->bad_ordinal)
		return bad(sc, len, "misspelt", "write %d%s", v.d,
		    suffix_of(v.d));
	if (sc->d)
		*sc->d = v;
	if (sc->used)
		*sc->used = len;
	return has_year ? DATE_FULL : DATE_YEARLESS;
}

/* The year of the two-digit year yy in suggestions: 00-39 are 2000-2039,
 * 40-99 are 1940-1999 ("12.4.75" is a birthday, "14.03.26" a meeting).
 * A fixed pivot, so that no message depends on the clock. */
static int
full_year(int yy)
{
	return yy < 40 ? 2000 + yy : 1900 + yy;
}

/* A two-digit year yy ends the first len bytes. */
static enum date_scan
short_year(struct scan *sc, size_t len, int m, int d, int yy)
{
	struct date v = { full_year(yy), m, d };
	char iso[DATE_BUFSZ];
	if (!date_valid(v))
		return bad(sc, len, "ambiguous",
		    "write the year in full, as YYYY-MM-DD");
	return bad(sc, len, "ambiguous", "write the year in full, e.g. %s",
	    date_format(v, iso));
}

/* Does the number that ends before i stand on its own, as a year ("14.
 * März 26", "March 14, 26: ...") or a slash date without a year ("2/3",
 * "2/3 – x"), rather than run on into an hour ("14. März 10 Uhr",
 * "10:30") or a count ("1/2 of it")? */
static bool
alone(const struct scan *sc, size_t i)
{
	unsigned char c = at(sc, i);
	if (i >= sc->n)
		return true;
	if ((c == ':' || c == '.') && is_digit(at(sc, i + 1)))
		return false;
	if (c == ' ' || c == '\t') {
		i = blanks(sc, i);
		c = at(sc, i);
		/* 0xe2: the en and em dash */
		return i >= sc->n || c == ':' || c == '-' || c == ',' ||
		    c == 0xe2;
	}
	return true;
}

/* A year after month and day, at i: "[,] YYYY" or " YYYY", or "YYYY" when
 * a '.' came before it (dot); two digits only when allow2.  Returns the
 * number of its digits, 0 when there is none; *y is the year, *end its
 * end. */
static int
year_tail(const struct scan *sc, size_t i, bool dot, bool allow2, int *y,
	  size_t *end)
{
	size_t j = i, k;
	if (at(sc, j) == ',')
		j++;
	j = blanks(sc, j);
	if (j == i && !dot)
		return 0;
	k = digits(sc, j, y);
	if (!ends(sc, j + k))
		return 0;
	if (k == 4 || (k == 2 && allow2 && alone(sc, j + 2))) {
		*end = j + k;
		return (int)k;
	}
	return 0;
}

/* After the month name of a day-first date, at e (past a '.' when dot):
 * the year, if any, else the date without a year, which ends at yl. */
static enum date_scan
named_year(struct scan *sc, size_t e, bool dot, size_t yl, int m, int d)
{
	int y;
	size_t end;
	switch (year_tail(sc, e, dot, true, &y, &end)) {
	case 4:
		return take(sc, end, (struct date){ y, m, d }, true);
	case 2:
		return short_year(sc, end, m, d, y);
	}
	if (!ends(sc, yl))
		return DATE_NONE;
	return take(sc, yl, (struct date){ 0, m, d }, false);
}

/* "14. März 2026", "14 March", "14th Mar. 2026": the day d ends at i. */
static enum date_scan
scan_day_month(struct scan *sc, size_t i, int d)
{
	size_t j, e;
	bool abbr;
	int m;
	i = ordinal(sc, i, d);
	if (at(sc, i) == '.') {
		j = blanks(sc, i + 1);
	} else {
		j = blanks(sc, i);
		if (j == i)
			return DATE_NONE;
	}
	if (!(m = month_word(sc, j, &e, &abbr)))
		return DATE_NONE;
	bool dot = at(sc, e) == '.';
	return named_year(sc, e + dot, dot, e + (abbr && dot), m, d);
}

/* "March 14, 2026", "Mar. 14 2026", "March 14th". */
static enum date_scan
scan_month_day(struct scan *sc)
{
	size_t e, i, j, k, p;
	bool abbr;
	int m, d;
	e = word_end(sc, 0);	/* cheap first: a day must follow */
	j = blanks(sc, e + (at(sc, e) == '.'));
	if (j == e || !is_digit(at(sc, j)))
		return DATE_NONE;
	if (!(m = month_word(sc, 0, &e, &abbr)))
		return DATE_NONE;
	i = e + (at(sc, e) == '.');
	j = blanks(sc, i);
	if (j == e)
		return DATE_NONE;
	k = digits(sc, j, &d);
	if (k < 1 || k > 2)
		return DATE_NONE;
	p = ordinal(sc, j + k, d);
	if (!ends(sc, p))
		return DATE_NONE;
	int y;
	size_t end;
	switch (year_tail(sc, p, false, true, &y, &end)) {
	case 4:
		return take(sc, end, (struct date){ y, m, d }, true);
	case 2:
		return short_year(sc, end, m, d, y);
	}
	if (d < 1 || d > 31)		/* "May 50 people" */
		return DATE_NONE;
	return take(sc, p, (struct date){ 0, m, d }, false);
}

/* A time after an ISO date, as in YAML and RFC 3339: "T23:02",
 * "T23:02:11", "T23:02:11.5", each with "Z", "+02:00", "+0200", "+02"
 * or nothing.  s == -1: no seconds; zh == -1: no UTC offset. */
struct clock {
	int h, m, s, zh, zm;
};

/* Two digits at i: their value, else -1. */
static int
two_digits(const struct scan *sc, size_t i)
{
	unsigned char a = at(sc, i), b = at(sc, i + 1);
	if (!is_digit(a) || !is_digit(b))
		return -1;
	return (a - '0') * 10 + (b - '0');
}

/* "Z", "+02:00", "+0200", "+02" at i: its end, else i; a sign without
 * digits is no offset. */
static size_t
utc_offset(const struct scan *sc, size_t i, struct clock *c)
{
	unsigned char z = at(sc, i);
	if (z == 'Z' || z == 'z')
		return i + 1;
	if ((z != '+' && z != '-') || (c->zh = two_digits(sc, i + 1)) < 0)
		return i;
	c->zm = 0;
	if (at(sc, i + 3) == ':' && two_digits(sc, i + 4) >= 0) {
		c->zm = two_digits(sc, i + 4);
		return i + 6;
	}
	if (two_digits(sc, i + 3) >= 0) {
		c->zm = two_digits(sc, i + 3);
		return i + 5;
	}
	return i + 3;
}

/* The time "Thh:mm[:ss[.f]][offset]" at i: its end (where the text
 * ends or a character that is no letter or digit follows), else i. */
static size_t
iso_time(const struct scan *sc, size_t i, struct clock *c)
{
	size_t j = i + 6;
	unsigned char t = at(sc, i);
	*c = (struct clock){ -1, -1, -1, -1, -1 };
	if ((t != 'T' && t != 't') || (c->h = two_digits(sc, i + 1)) < 0 ||
	    at(sc, i + 3) != ':' || (c->m = two_digits(sc, i + 4)) < 0)
		return i;
	if (at(sc, j) == ':') {
		if ((c->s = two_digits(sc, j + 1)) < 0)
			return i;
		j += 3;
		if ((at(sc, j) == '.' || at(sc, j) == ',') &&
		    is_digit(at(sc, j + 1)))
			for (j++; is_digit(at(sc, j)); j++)
				;
	}
	j = utc_offset(sc, j, c);
	return ends(sc, j) ? j : i;
}

/* "2026-03-14T23:02...": the date v with the time c, all of it len
 * bytes; what is wrong with the date is said first.  24:00 is the end
 * of the day, as ISO 8601 allows. */
static enum date_scan
datetime(struct scan *sc, size_t len, struct date v, struct clock c)
{
	bool midnight = c.h == 24 && c.m == 0 && c.s <= 0;
	if (v.y == 0 || !date_valid(v))
		return take(sc, len, v, true);
	if (c.h > 23 && !midnight)
		return bad(sc, len, "impossible", "there is no hour %d", c.h);
	if (c.m > 59)
		return bad(sc, len, "impossible", "there is no minute %d", c.m);
	if (c.s > 60)
		return bad(sc, len, "impossible", "there is no second %d", c.s);
	if (c.zh > 23 || c.zm > 59)
		return bad(sc, len, "impossible", "there is no UTC offset "
		    "%02d:%02d", c.zh, c.zm);
	return take(sc, len, v, true);
}

/* "2026-03-14", "2026-03-14T23:02:11Z"; "2026/03/14" and "2026.03.14"
 * are errors. */
static enum date_scan
scan_year_first(struct scan *sc, int y)
{
	unsigned char sep = at(sc, 4);
	int m, d;
	size_t k, l, end, t;
	char iso[DATE_BUFSZ];
	struct clock c;
	if (sep != '-' && sep != '/' && sep != '.')
		return DATE_NONE;
	k = digits(sc, 5, &m);
	if (k < 1 || k > 2 || at(sc, 5 + k) != sep)
		return DATE_NONE;
	l = digits(sc, 6 + k, &d);
	end = 6 + k + l;
	if (l < 1 || l > 2)
		return DATE_NONE;
	struct date v = { y, m, d };
	if (sep == '-' && (t = iso_time(sc, end, &c)) > end)
		return datetime(sc, t, v, c);
	if (!ends(sc, end))
		return DATE_NONE;
	if (sep == '-' || !date_valid(v) || y == 0)
		return take(sc, end, v, true);
	return bad(sc, end, "ambiguous", "write %s", date_format(v, iso));
}

/* "03/04/2026", "03/04/26", "03-04-2026" read in no order: a first, b
 * second, the year c of lc digits, all ending at end. */
static enum date_scan
slashed(struct scan *sc, size_t end, int a, int b, int c, size_t lc,
	unsigned char sep)
{
	int y = lc == 2 ? full_year(c) : c;
	struct date dmy = { y, b, a }, mdy = { y, a, b };
	bool vd = date_valid(dmy), vm = date_valid(mdy);
	char i1[DATE_BUFSZ], i2[DATE_BUFSZ];
	if (y == 0)
		return bad(sc, end, "impossible", "there is no year 0");
	if (vd && vm && a != b)
		return bad(sc, end, "ambiguous", "write %s or %s",
		    date_format(dmy, i1), date_format(mdy, i2));
	if (vd || vm)
		return bad(sc, end, "ambiguous", "write %s",
		    date_format(vd ? dmy : mdy, i1));
	if (sep == '-' && lc == 2)	/* "12-34-56": some other number */
		return DATE_NONE;
	return bad(sc, end, "impossible",
	    "no day/month or month/day reading is a date");
}

/* The slash date of the numbers a and b in the year y, read in
 * sc->order. */
static struct date
reading(const struct scan *sc, int y, int a, int b)
{
	if (sc->order == DATE_ORDER_DMY)
		return (struct date){ y, b, a };
	return (struct date){ y, a, b };
}

/* The slash date v read in sc->order, len bytes: when it is no day but
 * the other order would make one, the error says how it was read. */
static enum date_scan
ordered(struct scan *sc, size_t len, struct date v, bool has_year)
{
	struct date w = { v.y, v.d, v.m };
	if (!date_valid(v) && date_valid(w))
		return impossible(sc, len, v, has_year,
		    sc->order == DATE_ORDER_DMY ?
		    " (slash dates are read day first)" :
		    " (slash dates are read month first)");
	return take(sc, len, v, has_year);
}

/* "2/3", "02/03" read in sc->order, ending at p.  Out of range it is
 * rather a ratio ("50/50"), and it must stand alone ("1/2 of it"). */
static enum date_scan
slash_yearless(struct scan *sc, size_t p, int a, int b)
{
	struct date v = reading(sc, 0, a, b);
	if (!ends(sc, p) || at(sc, p) == '/' || continues(sc, p) ||
	    !alone(sc, p) || !in_range(v.m, v.d))
		return DATE_NONE;
	return ordered(sc, p, v, false);
}

/* After a one- or two-digit number a (la digits) and '/' or '-'. */
static enum date_scan
scan_slash(struct scan *sc, int a, size_t la)
{
	unsigned char sep = at(sc, la);
	int b, c;
	size_t lb = digits(sc, la + 1, &b), p = la + 1 + lb, lc;
	bool order = sep == '/' && sc->order != DATE_ORDER_NONE;
	if (lb < 1 || lb > 2)
		return DATE_NONE;
	if (at(sc, p) == sep) {
		lc = digits(sc, p + 1, &c);
		if ((lc == 4 || (lc == 2 && !continues(sc, p + 3))) &&
		    ends(sc, p + 1 + lc)) {
			struct date v = reading(sc, c, a, b);
			if (!order)
				return slashed(sc, p + 1 + lc, a, b, c, lc,
				    sep);
			if (lc == 2)
				return short_year(sc, p + 3, v.m, v.d, c);
			return ordered(sc, p + 5, v, true);
		}
	}
	if (order)
		return slash_yearless(sc, p, a, b);
	/* "03-14": month and day */
	if (sep != '-' || la != 2 || lb != 2 || !ends(sc, p) ||
	    continues(sc, p) || !in_range(a, b))
		return DATE_NONE;
	return take(sc, p, (struct date){ 0, a, b }, false);
}

/* "14.03.2026", "14.3.2026", "14.03.", "14.03. 2026", "14.03.26"; the day
 * a (la digits) and a '.' are behind us, the month begins at i. */
static enum date_scan
scan_dotted(struct scan *sc, int a, size_t i)
{
	int b, c, y;
	size_t lb = digits(sc, i, &b), p = i + lb, lc, end;
	if (lb < 1 || lb > 2 || at(sc, p) != '.')
		return DATE_NONE;
	p++;
	lc = digits(sc, p, &c);
	if (lc == 4 && ends(sc, p + 4))
		return take(sc, p + 4, (struct date){ c, b, a }, true);
	if (lc == 2 && ends(sc, p + 2) && !continues(sc, p + 2) &&
	    in_range(b, a))
		return short_year(sc, p + 2, b, a, c);
	if (lc != 0)
		return DATE_NONE;
	if (year_tail(sc, p, false, false, &y, &end) == 4)
		return take(sc, end, (struct date){ y, b, a }, true);
	/* "14.03.": out of range it is rather an amount ("12.50.") */
	if (!ends(sc, p) || !in_range(b, a))
		return DATE_NONE;
	return take(sc, p, (struct date){ 0, b, a }, false);
}

/* "10000-01-01": a year of la > 4 digits, then month and day, is an
 * error rather than no date, as it would make a field of that key. */
static enum date_scan
scan_long_year(struct scan *sc, size_t la)
{
	int m, d;
	size_t k, l;
	if (at(sc, la) != '-')
		return DATE_NONE;
	k = digits(sc, la + 1, &m);
	if (k < 1 || k > 2 || at(sc, la + 1 + k) != '-')
		return DATE_NONE;
	l = digits(sc, la + 2 + k, &d);
	if (l < 1 || l > 2 || !ends(sc, la + 2 + k + l) || !in_range(m, d))
		return DATE_NONE;
	return bad(sc, la + 2 + k + l, "impossible", "years go from 1 to 9999");
}

static enum date_scan
scan_number(struct scan *sc)
{
	int a;
	size_t la = digits(sc, 0, &a), j;
	if (la == 4)
		return scan_year_first(sc, a);
	if (la > 4)
		return scan_long_year(sc, la);
	if (la > 2)
		return DATE_NONE;
	switch (at(sc, la)) {
	case '.':
		j = blanks(sc, la + 1);
		if (is_digit(at(sc, j)))
			return j == la + 1 ? scan_dotted(sc, a, j) : DATE_NONE;
		return scan_day_month(sc, la, a);
	case '/':
	case '-':
		return scan_slash(sc, a, la);
	default:
		return scan_day_month(sc, la, a);
	}
}

/* "--03-14" */
static enum date_scan
scan_dashdash(struct scan *sc)
{
	int m, d;
	if (at(sc, 1) != '-' || digits(sc, 2, &m) != 2 || at(sc, 4) != '-' ||
	    digits(sc, 5, &d) != 2 || !ends(sc, 7))
		return DATE_NONE;
	return take(sc, 7, (struct date){ 0, m, d }, false);
}

/* The common form at the start of s[0..n), n >= 10: "2026-03-14", a
 * valid date with no time or other letter or digit after it.  False
 * for everything else, which the scanner then looks at. */
static bool
iso_plain(const char *s, size_t n, struct date *d, size_t *used)
{
	const unsigned char *u = (const unsigned char *)s;
	/* Each digit's value as it is checked: a byte that is no digit
	 * gives a value above 9. */
	unsigned d0 = u[0] - '0', d1 = u[1] - '0', d2 = u[2] - '0',
	    d3 = u[3] - '0', d5 = u[5] - '0', d6 = u[6] - '0',
	    d8 = u[8] - '0', d9 = u[9] - '0';
	if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || u[4] != '-' ||
	    d5 > 9 || d6 > 9 || u[7] != '-' || d8 > 9 || d9 > 9)
		return false;
	if (n > 10 && (is_digit(u[10]) || is_alpha(u[10])))
		return false;
	struct date v = {
		(int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3),
		(int)(d5 * 10 + d6), (int)(d8 * 10 + d9),
	};
	if (v.y == 0 || v.m < 1 || v.m > 12 || v.d < 1 ||
	    v.d > date_month_days(v.y, v.m))
		return false;
	if (d)
		*d = v;
	if (used)
		*used = 10;
	return true;
}

enum date_scan
date_scan_order(const char *s, size_t n, enum date_order order,
		struct date *d, size_t *used, char **msg)
{
	struct scan sc = { s, n, order, d, used, msg, false };
	if (n >= 10 && iso_plain(s, n, d, used))
		return DATE_FULL;
	if (n == 0)
		return DATE_NONE;
	unsigned char c = (unsigned char)s[0];
	if (is_digit(c))
		return scan_number(&sc);
	if (c == '-')
		return scan_dashdash(&sc);
	switch (c | 0x20) {
	case 'a': case 'd': case 'f': case 'j':
	case 'm': case 'n': case 'o': case 's':
		if (is_alpha(c))
			return scan_month_day(&sc);
	}
	return DATE_NONE;
}

enum date_scan
date_scan(const char *s, size_t n, struct date *d, size_t *used, char **msg)
{
	return date_scan_order(s, n, DATE_ORDER_NONE, d, used, msg);
}

int
date_order_parse(const char *s, enum date_order *o)
{
	char w[3];
	if (!s)
		return -1;
	for (size_t i = 0; i < 3; i++) {
		if (!is_alpha((unsigned char)s[i]))
			return -1;
		w[i] = (char)(s[i] | 0x20);
	}
	if (s[3] != '\0')
		return -1;
	if (memcmp(w, "dmy", 3) == 0)
		*o = DATE_ORDER_DMY;
	else if (memcmp(w, "mdy", 3) == 0)
		*o = DATE_ORDER_MDY;
	else
		return -1;
	return 0;
}

/* Dates without a day. */

/* "März 2022", "Mar. 2022", "March, 2022": its end, else 0. */
static size_t
partial_named(const struct scan *sc)
{
	size_t e, end;
	bool abbr;
	int y;
	e = word_end(sc, 0);	/* cheap first: a year must follow */
	e += at(sc, e) == '.';
	e += at(sc, e) == ',';
	if (!is_digit(at(sc, blanks(sc, e))))
		return 0;
	if (!month_word(sc, 0, &e, &abbr))
		return 0;
	bool dot = at(sc, e) == '.';
	if (year_tail(sc, e + dot, dot, false, &y, &end) != 4 || y == 0)
		return 0;
	return end;
}

/* "1996", "2022-03", "03/2022", "03.2022": its end, else 0.  A bare year
 * is one from 1000 to 2999: other numbers of four digits are rather
 * post codes or counts. */
static size_t
partial_number(const struct scan *sc)
{
	int a, b;
	size_t la = digits(sc, 0, &a), lb;
	unsigned char sep = at(sc, la);
	if (la == 4) {
		lb = digits(sc, 5, &b);
		if (sep == '-' && a >= 1 && lb >= 1 && lb <= 2 && b >= 1 &&
		    b <= 12 && ends(sc, 5 + lb))
			return 5 + lb;
		return a >= 1000 && a <= 2999 && ends(sc, 4) ? 4 : 0;
	}
	if (la < 1 || la > 2 || (sep != '/' && sep != '.') || a < 1 || a > 12)
		return 0;
	if (digits(sc, la + 1, &b) != 4 || b < 1 || !ends(sc, la + 5))
		return 0;
	return la + 5;
}

size_t
date_partial(const char *s, size_t n)
{
	struct scan sc = { s, n, DATE_ORDER_NONE, NULL, NULL, NULL, false };
	size_t e = 0;
	if (n == 0)
		return 0;
	if (is_digit((unsigned char)s[0]))
		e = partial_number(&sc);
	else if (is_alpha((unsigned char)s[0]))
		e = partial_named(&sc);
	/* "2022-03-14", "1996-1999": part of something longer */
	return e && !continues(&sc, e) ? e : 0;
}

/* Near misses. */

#define GLUE_MAX 32	/* no date that text is glued to is longer */

/* Letters that stand for digits in "2026-06-1O", "14.3.2O26". */
static char
lookalike(unsigned char c)
{
	switch (c) {
	case 'O': case 'o':
		return '0';
	case 'l': case 'I':
		return '1';
	}
	return 0;
}

/* The number of bytes of the letter at i: an ASCII letter, or a letter
 * of two bytes in UTF-8 (U+00C0 to U+07FF: Latin, Greek, Cyrillic …,
 * but not '×' and '÷'); 0 when there is none. */
static size_t
letter_at(const struct scan *sc, size_t i)
{
	unsigned char c = at(sc, i), c2 = at(sc, i + 1);
	if (i < sc->n && is_alpha(c))
		return 1;
	if (c < 0xc3 || c > 0xdf || c2 < 0x80 || c2 > 0xbf)
		return 0;
	return c == 0xc3 && (c2 == 0x97 || c2 == 0xb7) ? 0 : 2;
}

/* Three groups of ASCII letters and digits joined by one kind of
 * separator ('-', '.', '/'), shaped like a date with the year of four
 * first or last and the others of one or two, each group starting with
 * a digit or a letter that looks like one, with one or two letters in
 * all: the length of it, and the place of its first letter in *letter;
 * else 0. */
static size_t
letter_date(const struct scan *sc, size_t *letter)
{
	size_t len[3], g = 0, k = 0, i, letters = 0;
	unsigned char sep = 0;
	for (i = 0;; i++) {
		unsigned char c = at(sc, i);
		if (i < sc->n && (is_digit(c) || is_alpha(c))) {
			if (k == 0 && !is_digit(c) && !lookalike(c))
				return 0;
			if (is_alpha(c) && letters++ == 0)
				*letter = i;
			k++;
			continue;
		}
		if (k == 0)
			return 0;
		len[g++] = k;
		k = 0;
		if (g == 3 || (c != '-' && c != '.' && c != '/') ||
		    (sep && c != sep))
			break;
		sep = c;
	}
	if (g != 3 || letters < 1 || letters > 2 || letter_at(sc, i) ||
	    continues(sc, i))
		return 0;
	if ((len[0] == 4 && len[1] <= 2 && len[2] <= 2) ||
	    (len[0] <= 2 && len[1] <= 2 && len[2] == 4))
		return i;
	return 0;
}

/* "2026-06-1O": a letter where a digit belongs. */
static char *
misspelt(const struct scan *sc, size_t *used)
{
	size_t letter = 0, len = letter_date(sc, &letter), u = 0;
	struct buf b = {0};
	struct date v;
	char iso[DATE_BUFSZ];
	if (len == 0)
		return NULL;
	char *fix = xstrndup(sc->s, len);
	for (size_t i = 0; i < len; i++)
		if (lookalike((unsigned char)fix[i]))
			fix[i] = lookalike((unsigned char)fix[i]);
	buf_adds(&b, "misspelt date '");
	buf_add(&b, sc->s, len);
	buf_printf(&b, "': letter '%c' among the digits; ", sc->s[letter]);
	if (date_scan_order(fix, len, sc->order, &v, &u, NULL) == DATE_FULL &&
	    u == len)
		buf_printf(&b, "write %s", date_format(v, iso));
	else
		buf_adds(&b, "write the date in digits, as YYYY-MM-DD");
	free(fix);
	*used = len;
	return buf_steal(&b);
}

/* "date glued to text: put ':' or a space after 'DATE'" for the date
 * s[0..len). */
static char *
glued_message(const char *s, size_t len)
{
	struct buf b = {0};
	buf_adds(&b, "date glued to text: put ':' or a space after '");
	buf_add(&b, s, len);
	buf_addc(&b, '\'');
	return buf_steal(&b);
}

/* "2026-09-14Besuch": a full date with letters right after it, or one
 * that is wrong ("31.02.2026Besuch": what is wrong with it).  *used
 * covers the date and the letters. */
static char *
glued(const struct scan *sc, size_t *used)
{
	for (size_t i = 1; i < sc->n && i <= GLUE_MAX; i++) {
		size_t u = 0, w, e;
		char *msg = NULL;
		if (!is_digit((unsigned char)sc->s[i - 1]) || !letter_at(sc, i))
			continue;
		enum date_scan r = date_scan_order(sc->s, i, sc->order, NULL,
		    &u, &msg);
		if ((r != DATE_FULL && r != DATE_BAD) || u != i) {
			free(msg);
			continue;
		}
		for (e = i; (w = letter_at(sc, e)) > 0; e += w)
			;
		*used = e;
		return r == DATE_BAD ? msg : glued_message(sc->s, i);
	}
	return NULL;
}

char *
date_near_miss(const char *s, size_t n, enum date_order order, size_t *used)
{
	struct scan sc = { s, n, order, NULL, NULL, NULL, false };
	size_t u = 0;
	char *msg = NULL;
	if (n == 0 || !(is_digit((unsigned char)s[0]) ||
	    is_alpha((unsigned char)s[0])))
		return NULL;
	if (date_scan_order(s, n, order, NULL, NULL, NULL) != DATE_NONE)
		return NULL;
	if (is_digit((unsigned char)s[0]))
		msg = misspelt(&sc, &u);
	if (!msg)
		msg = glued(&sc, &u);
	if (msg && used)
		*used = u;
	return msg;
}
