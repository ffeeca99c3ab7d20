/* date.c: calendar dates, the date forms people write, and day arithmetic.
 *
 * The scanner is hand-written: it runs on the start of every list item, so
 * anything that cannot begin a date is turned away at its first byte. */
#include <stdarg.h>
#include <stdio.h>
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
static const struct {
	const char *name;
	unsigned char m, abbr;
} months[] = {
	{"january", 1, 0}, {"januar", 1, 0}, {"jänner", 1, 0},
	{"jaenner", 1, 0}, {"jan", 1, 1}, {"jän", 1, 1},
	{"february", 2, 0}, {"februar", 2, 0}, {"feber", 2, 0},
	{"feb", 2, 1},
	{"march", 3, 0}, {"märz", 3, 0}, {"maerz", 3, 0}, {"marz", 3, 0},
	{"mar", 3, 1}, {"mär", 3, 1}, {"mrz", 3, 1},
	{"april", 4, 0}, {"apr", 4, 1},
	{"may", 5, 0}, {"mai", 5, 0},
	{"june", 6, 0}, {"juni", 6, 0}, {"jun", 6, 1},
	{"july", 7, 0}, {"juli", 7, 0}, {"jul", 7, 1},
	{"august", 8, 0}, {"aug", 8, 1},
	{"september", 9, 0}, {"sept", 9, 1}, {"sep", 9, 1},
	{"october", 10, 0}, {"oktober", 10, 0}, {"oct", 10, 1},
	{"okt", 10, 1},
	{"november", 11, 0}, {"nov", 11, 1},
	{"december", 12, 0}, {"dezember", 12, 0}, {"dec", 12, 1},
	{"dez", 12, 1},
};

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

char *
date_format(struct date d, char buf[DATE_BUFSZ])
{
	/* By hand rather than snprintf: it runs for every record.  The
	 * remainders keep an invalid date from writing past buf. */
	unsigned y = (unsigned)d.y % 10000, m = (unsigned)d.m % 100;
	unsigned dd = (unsigned)d.d % 100;
	char *p = buf;
	if (d.y == 0) {
		*p++ = '-';
		*p++ = '-';
	} else {
		*p++ = (char)('0' + y / 1000);
		*p++ = (char)('0' + y / 100 % 10);
		*p++ = (char)('0' + y / 10 % 10);
		*p++ = (char)('0' + y % 10);
		*p++ = '-';
	}
	*p++ = (char)('0' + m / 10);
	*p++ = (char)('0' + m % 10);
	*p++ = '-';
	*p++ = (char)('0' + dd / 10);
	*p++ = (char)('0' + dd % 10);
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
	if (!date_valid(v))
		return -1;
	*d = v;
	return 0;
}

/* The scanner.  Positions are offsets into s[0..n); nothing at or past n
 * is read. */
struct scan {
	const char *s;
	size_t n;
	struct date *d;
	size_t *used;
	char **msg;
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
		if (strlen(months[j].name) == k &&
		    memcmp(months[j].name, w, k) == 0) {
			*end = i;
			*abbr = months[j].abbr;
			return months[j].m;
		}
	}
	return 0;
}

/* An English ordinal suffix at i ("14th", "1st"): its end, else i. */
static size_t
ordinal(const struct scan *sc, size_t i)
{
	static const char *const suf[] = { "st", "nd", "rd", "th" };
	unsigned char a = at(sc, i) | 0x20, b = at(sc, i + 1) | 0x20;
	for (size_t j = 0; j < 4; j++)
		if (a == suf[j][0] && b == suf[j][1] && ends(sc, i + 2))
			return i + 2;
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

/* The first len bytes are the date v: DATE_FULL or DATE_YEARLESS, or
 * DATE_BAD saying why there is no such day. */
static enum date_scan
take(struct scan *sc, size_t len, struct date v, bool has_year)
{
	int md = date_month_days(v.y, v.m);
	if (has_year && v.y == 0)
		return bad(sc, len, "impossible", "there is no year 0");
	if (v.m < 1 || v.m > 12)
		return bad(sc, len, "impossible", "there is no month %d", v.m);
	if (v.d < 1)
		return bad(sc, len, "impossible", "there is no day %d", v.d);
	if (v.d > md && has_year)
		return bad(sc, len, "impossible", "%s %d has %d days",
		    month_name[v.m], v.y, md);
	if (v.d > md)
		return bad(sc, len, "impossible", "%s has %d days",
		    month_name[v.m], md);
	if (sc->d)
		*sc->d = v;
	if (sc->used)
		*sc->used = len;
	return has_year ? DATE_FULL : DATE_YEARLESS;
}

/* A two-digit year yy ends the first len bytes. */
static enum date_scan
short_year(struct scan *sc, size_t len, int m, int d, int yy)
{
	struct date v = { 2000 + yy, m, d };
	char iso[DATE_BUFSZ];
	if (!date_valid(v))
		return bad(sc, len, "ambiguous",
		    "write the year in full, as YYYY-MM-DD");
	return bad(sc, len, "ambiguous", "write the year in full, e.g. %s",
	    date_format(v, iso));
}

/* Is the two-digit number that ends before i a year ("14. März 26",
 * "March 14, 26: ...") rather than an hour ("14. März 10 Uhr", "10:30")? */
static bool
yearish(const struct scan *sc, size_t i)
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
	if (k == 4 || (k == 2 && allow2 && yearish(sc, j + 2))) {
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
	i = ordinal(sc, i);
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
	if (!(m = month_word(sc, 0, &e, &abbr)))
		return DATE_NONE;
	i = e + (at(sc, e) == '.');
	j = blanks(sc, i);
	if (j == e)
		return DATE_NONE;
	k = digits(sc, j, &d);
	if (k < 1 || k > 2)
		return DATE_NONE;
	p = ordinal(sc, j + k);
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

/* "2026-03-14"; "2026/03/14" and "2026.03.14" are errors. */
static enum date_scan
scan_year_first(struct scan *sc, int y)
{
	unsigned char sep = at(sc, 4);
	int m, d;
	size_t k, l, end;
	char iso[DATE_BUFSZ];
	if (sep != '-' && sep != '/' && sep != '.')
		return DATE_NONE;
	k = digits(sc, 5, &m);
	if (k < 1 || k > 2 || at(sc, 5 + k) != sep)
		return DATE_NONE;
	l = digits(sc, 6 + k, &d);
	end = 6 + k + l;
	if (l < 1 || l > 2 || !ends(sc, end))
		return DATE_NONE;
	struct date v = { y, m, d };
	if (sep == '-' || !date_valid(v) || y == 0)
		return take(sc, end, v, true);
	return bad(sc, end, "ambiguous", "write %s", date_format(v, iso));
}

/* "03/04/2026", "03/04/26", "03-04-2026": a first, b second, the year c
 * of lc digits, all ending at end. */
static enum date_scan
slashed(struct scan *sc, size_t end, int a, int b, int c, size_t lc,
	unsigned char sep)
{
	int y = lc == 2 ? 2000 + c : c;
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

/* After a one- or two-digit number a (la digits) and '/' or '-'. */
static enum date_scan
scan_slash(struct scan *sc, int a, size_t la)
{
	unsigned char sep = at(sc, la);
	int b, c;
	size_t lb = digits(sc, la + 1, &b), p = la + 1 + lb, lc;
	if (lb < 1 || lb > 2)
		return DATE_NONE;
	if (at(sc, p) == sep) {
		lc = digits(sc, p + 1, &c);
		if ((lc == 4 || (lc == 2 && !continues(sc, p + 3))) &&
		    ends(sc, p + 1 + lc))
			return slashed(sc, p + 1 + lc, a, b, c, lc, sep);
	}
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

enum date_scan
date_scan(const char *s, size_t n, struct date *d, size_t *used, char **msg)
{
	struct scan sc = { s, n, d, used, msg };
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
