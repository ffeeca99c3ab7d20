/* money.c: amounts in cents; a hand-written scanner for amounts in text.
 *
 * An amount is a number with a currency directly before or after it,
 * white space (space, tab, no-break space U+00A0, narrow no-break space
 * U+202F) allowed between, a '~' allowed just before the number:
 *
 *	number	 int [ ('.'|',') d[d] | ('.'|',') ('-' ['-'] | '–') ]
 *	int	 digits | d[d[d]] (sep ddd)+	one sep ('.' ',' or '\'')
 *					throughout, another one ('.' or
 *					',') for the decimals
 *	currency € $ £, and in any case EUR Euro Euros USD GBP CHF SFr
 *		 SFr. Fr.
 *
 * "Fr." is also the German Friday: a number after it that goes on with
 * '.', ':', '-', '/', an en dash or the word "Uhr" ("Fr. 12.06.",
 * "Fr. 14:00", "Fr. 9-12", "Fr. 14 Uhr") is no amount, and tells no
 * doubt.
 *
 * A single separator followed by exactly three digits is a thousands
 * group ("1.200 €" is 1200.00).  The number is a whole token: not glued
 * to a letter (except a currency code), not part of a longer run of
 * digits and separators ("14.03.2026", "1.2345"), not after a '.' or ','
 * and not after a '-', '–', '/' or ':' that follows a letter, digit or
 * separator ("2026-03-02", "5,-3", "10–15"); "1 200 €" (thousands apart by white
 * space) is no amount rather than 200.  A currency between two numbers,
 * apart from the first by white space and glued to the second ("5 $3"),
 * belongs to the second. */
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "text.h"

static const char *const code[] = { "EUR", "USD", "GBP", "CHF" };
enum { EUR, USD, GBP, CHF };

static int
isdig(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
isalph(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A decimal or thousands separator. */
static int
issep(unsigned char c)
{
	return c == '.' || c == ',';
}

/* A separator that can be in a number: '\'' groups thousands only. */
static int
isnumsep(unsigned char c)
{
	return issep(c) || c == '\'';
}

static int
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Does s[0..l) equal the lowercase text t, in any case? */
static bool
caseeq(const char *s, const char *t, size_t l)
{
	for (size_t k = 0; k < l; k++)
		if (lower((unsigned char)s[k]) != (unsigned char)t[k])
			return false;
	return true;
}

/* Is s[k] an en dash (U+2013)? */
static bool
endash_at(const char *s, size_t n, size_t k)
{
	return k + 3 <= n && memcmp(s + k, "\xE2\x80\x93", 3) == 0;
}

/* Length of the white space character at s[k], 0 if none. */
static size_t
ws_at(const char *s, size_t n, size_t k)
{
	if (k < n && (s[k] == ' ' || s[k] == '\t'))
		return 1;
	if (k + 2 <= n && memcmp(s + k, "\xC2\xA0", 2) == 0)
		return 2;
	if (k + 3 <= n && memcmp(s + k, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* Length of the white space character ending at s[k-1], 0 if none. */
static size_t
ws_before(const char *s, size_t k)
{
	if (k >= 1 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		return 1;
	if (k >= 2 && memcmp(s + k - 2, "\xC2\xA0", 2) == 0)
		return 2;
	if (k >= 3 && memcmp(s + k - 3, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* The currencies, their words lowercase and matched in any case.  A
 * word is whole: no letter glued to it.  "sfr." before "sfr" so that
 * the '.' is taken in. */
static const struct {
	const char *text;
	unsigned char len, cur;
} curs[] = {
	{ "$", 1, USD }, { "\xE2\x82\xAC", 3, EUR }, { "\xC2\xA3", 2, GBP },
	{ "eur", 3, EUR }, { "usd", 3, USD }, { "gbp", 3, GBP },
	{ "chf", 3, CHF }, { "euros", 5, EUR }, { "euro", 4, EUR },
	{ "sfr.", 4, CHF }, { "sfr", 3, CHF }, { "fr.", 3, CHF },
};
enum { FRIDAY = sizeof curs / sizeof *curs - 1 };	/* "fr." */

/* The currency starting at s[k] (after a number): its index in curs,
 * and its length in *len; -1 if none. */
static int
cur_after(const char *s, size_t n, size_t k, size_t *len)
{
	for (size_t i = 0; i < sizeof curs / sizeof *curs; i++) {
		size_t l = curs[i].len;
		if (l > n - k || !caseeq(s + k, curs[i].text, l))
			continue;
		if (isalph((unsigned char)curs[i].text[0]) && k + l < n &&
		    isalph((unsigned char)s[k + l]))
			continue;	/* part of a longer word */
		*len = l;
		return (int)i;
	}
	return -1;
}

/* The currency ending at s[k-1] (before a number): its index in curs,
 * and where it starts in *at; -1 if none. */
static int
cur_before(const char *s, size_t k, size_t *at)
{
	for (size_t i = 0; i < sizeof curs / sizeof *curs; i++) {
		size_t l = curs[i].len;
		if (l > k || !caseeq(s + k - l, curs[i].text, l))
			continue;
		if (isalph((unsigned char)curs[i].text[0]) && k > l &&
		    isalph((unsigned char)s[k - l - 1]))
			continue;	/* part of a longer word */
		*at = k - l;
		return (int)i;
	}
	return -1;
}

/* After "Fr." is the number at s[..numend) a date or time of a Friday
 * ("Fr. 12.06.", "Fr. 14:00", "Fr. 9-12", "Fr. 14 Uhr")? */
static bool
friday(const char *s, size_t n, size_t numend)
{
	size_t k = numend, w;
	if (k == n)
		return false;
	if (s[k] == '.' || s[k] == ':' || s[k] == '-' || s[k] == '/' ||
	    endash_at(s, n, k))
		return true;
	while ((w = ws_at(s, n, k)) > 0)
		k += w;
	return k + 3 <= n && caseeq(s + k, "uhr", 3) &&
	    (k + 3 == n || !isalph((unsigned char)s[k + 3]));
}

/* The run of digits and separators starting with the digit s[i], without
 * trailing separators, ends at the returned offset. */
static size_t
run_end(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && (isdig((unsigned char)s[j]) ||
	    isnumsep((unsigned char)s[j])))
		j++;
	while (isnumsep((unsigned char)s[j - 1]))
		j--;
	return j;
}

/* Parse the number whose run is s[i..j); the whole token (with a ",-")
 * ends at *end.  Returns MONEY_FOUND (0), or MONEY_MALFORMED when the
 * run is no valid number, MONEY_TOO_LARGE when its value is above
 * MONEY_MAX_CENTS. */
static int
number(const char *s, size_t n, size_t i, size_t j, long long *cents,
       size_t *end)
{
	size_t q[4];		/* separator offsets; more cannot be valid */
	int nsep = 0;
	for (size_t k = i; k < j; k++) {
		if (!isnumsep((unsigned char)s[k]))
			continue;
		if (nsep == 4 || k == i || (nsep > 0 && k == q[nsep - 1] + 1))
			return MONEY_MALFORMED;	/* too many, or an empty part */
		q[nsep++] = k;
	}
	size_t intend = j, first = nsep ? q[0] - i : j - i;
	char group = 0;		/* thousands separator, if any */
	if (nsep > 0) {
		char last = s[q[nsep - 1]];
		size_t llast = j - q[nsep - 1] - 1;
		int ngroup = nsep;
		if ((llast == 1 || llast == 2) && last != '\'') {
			intend = q[nsep - 1];
			ngroup--;
		} else if (llast != 3)
			return MONEY_MALFORMED;
		for (int g = 0; g < ngroup; g++) {
			size_t glen = (g + 1 < nsep ? q[g + 1] : j) - q[g] - 1;
			if (glen != 3 || s[q[g]] != s[q[0]])
				return MONEY_MALFORMED;
		}
		if (ngroup > 0) {
			group = s[q[0]];
			if (first > 3 || s[i] == '0' ||
			    (intend != j && last == group))
				return MONEY_MALFORMED;
		}
	}
	long long v = 0;
	for (size_t k = i; k < intend; k++) {
		if (isnumsep((unsigned char)s[k]))
			continue;
		v = v * 10 + (s[k] - '0');
		if (v > MONEY_MAX_CENTS / 100)
			return MONEY_TOO_LARGE;
	}
	v *= 100;
	if (intend != j) {
		v += (s[intend + 1] - '0') * 10;
		if (j - intend == 3)
			v += s[intend + 2] - '0';
	}
	if (v > MONEY_MAX_CENTS)
		return MONEY_TOO_LARGE;
	*end = j;
	if (intend == j && j + 1 < n && issep((unsigned char)s[j]) &&
	    s[j] != group && (s[j + 1] == '-' || endash_at(s, n, j + 1))) {
		if (s[j + 1] == '-') {
			*end = j + 2;
			if (*end < n && s[*end] == '-')
				(*end)++;
		} else
			*end = j + 4;
		if (*end < n && isdig((unsigned char)s[*end]))
			return MONEY_MALFORMED;
	}
	*cents = v;
	return MONEY_FOUND;
}

/* Can a number start at the digit s[i]? */
static bool
number_may_start(const char *s, size_t i)
{
	if (i == 0)
		return true;
	unsigned char p = (unsigned char)s[i - 1], q;
	size_t at;
	if (isalph(p) || p == '.')
		return cur_before(s, i, &at) >= 0;	/* "EUR5", "Fr.5" */
	if (isdig(p) || issep(p))
		return false;
	if ((p == '-' || p == '/' || p == ':' || p == '\'') && i >= 2)
		q = (unsigned char)s[i - 2];
	else if (i >= 4 && endash_at(s, i, i - 3))
		q = (unsigned char)s[i - 4];
	else
		return true;
	/* "2026-03", "5,-3", "10–15", "1'2" */
	return !(isdig(q) || isalph(q) || issep(q));
}

/* Is there a minus sign right before the number at s[i] ("-5 €")?  A
 * number may start there (number_may_start): the '-' is no hyphen. */
static bool
minus_before(const char *s, size_t i)
{
	return (i >= 1 && s[i - 1] == '-') ||
	    (i >= 3 && memcmp(s + i - 3, "\xE2\x88\x92", 3) == 0);
}

/* Is the number at s[i] the last group of "1 200" (thousands separated
 * by white space, which we do not take: better no amount than 200)? */
static bool
spaced_group(const char *s, size_t n, size_t i)
{
	size_t w = ws_before(s, i), k = i;
	if (w == 0 || i == w || !isdig((unsigned char)s[i - w - 1]))
		return false;
	while (k < n && isdig((unsigned char)s[k]))
		k++;
	return k - i == 3;
}

/* Is there a byte that can begin a currency?  With the search for the
 * first digit it turns most text away at once. */
static bool
maybe_currency(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		switch (s[k]) {
		case '$': case 'E': case 'U': case 'G': case 'C': case 'F':
		case 'e': case 'u': case 'g': case 'c': case 'f':
		case '\xE2': case '\xC2':
			return true;
		}
	return false;
}

/* A number s[i..j) that is no amount for the reason why: note it in *d
 * (when it is the first) if a currency stands right before or after it,
 * with the text from the currency or the number's first byte to the
 * other's end. */
static void
doubt(const char *s, size_t n, size_t i, size_t j, int why,
      struct money_doubt *d)
{
	size_t k = i, at, len;
	if (!d || d->why != MONEY_FOUND)
		return;
	/* before: currency, white space, '~', a minus sign, number */
	if (k >= 1 && s[k - 1] == '-')
		k--;
	else if (k >= 3 && memcmp(s + k - 3, "\xE2\x88\x92", 3) == 0)
		k -= 3;
	if (k > 0 && s[k - 1] == '~')
		k--;
	for (size_t w; (w = ws_before(s, k)) > 0; )
		k -= w;
	int cur = cur_before(s, k, &at);
	if (cur == FRIDAY)
		return;		/* "Fr. 12.06.2026": a Friday's date */
	if (cur >= 0) {
		*d = (struct money_doubt){ why, at, j };
		return;
	}
	/* after: number (and ",-"), white space, currency */
	k = j;
	if (k + 1 < n && issep((unsigned char)s[k]) && s[k + 1] == '-')
		k += k + 2 < n && s[k + 2] == '-' ? 3 : 2;
	else if (k + 1 < n && issep((unsigned char)s[k]) &&
	    endash_at(s, n, k + 1))
		k += 4;
	for (size_t w; (w = ws_at(s, n, k)) > 0; )
		k += w;
	if (cur_after(s, n, k, &len) < 0 ||
	    (k > j && k + len < n && isdig((unsigned char)s[k + len])))
		return;		/* none, or the next number's ("5 $3") */
	/* from the start of the word the number ends ("-5", "10-15"), or
	 * of "1 200" */
	at = i;
	while (at > 0 && !ws_before(s, at))
		at--;
	for (size_t w; (w = ws_before(s, at)) > 0 && at > w &&
	    isdig((unsigned char)s[at - w - 1]); ) {
		at -= w;
		while (at > 0 && isdig((unsigned char)s[at - 1]))
			at--;
	}
	*d = (struct money_doubt){ why, at, k + len };
}

bool
money_scan(const char *s, size_t n, struct money *m, size_t *start,
	   size_t *end, struct money_doubt *d)
{
	if (d)
		*d = (struct money_doubt){ MONEY_FOUND, 0, 0 };
	size_t i = text_find_digit(s, n), next;
	if (i == n || !maybe_currency(s, n))
		return false;
	/* From digit to digit: only there can a number start. */
	for (; i < n; i = next + text_find_digit(s + next, n - next)) {
		size_t j = run_end(s, n, i), numend = j;
		long long cents = 0;
		int why = MONEY_MALFORMED;
		if (number_may_start(s, i)) {
			why = number(s, n, i, j, &cents, &numend);
			if (why == MONEY_FOUND && spaced_group(s, n, i))
				why = MONEY_MALFORMED;
			if (why == MONEY_FOUND && minus_before(s, i))
				why = MONEY_NEGATIVE;
		}
		if (why != MONEY_FOUND) {
			doubt(s, n, i, j, why, d);
			next = j;
			continue;
		}
		size_t from = i, to = numend, k, len = 0;
		int cur;

		if (numend < n && isalph((unsigned char)s[numend]) &&
		    cur_after(s, n, numend, &len) < 0) {
			next = numend;		/* glued to a word: "5km" */
			continue;
		}

		/* before: currency, white space, '~', number */
		k = i;
		if (k > 0 && s[k - 1] == '~')
			k--;
		for (size_t w; (w = ws_before(s, k)) > 0; )
			k -= w;
		cur = cur_before(s, k, &from);
		if (cur == FRIDAY && friday(s, n, numend))
			cur = -1;	/* "Fr. 14 Uhr" */
		if (cur < 0) {
			/* after: number, white space, currency */
			from = i;
			k = numend;
			for (size_t w; (w = ws_at(s, n, k)) > 0; )
				k += w;
			cur = cur_after(s, n, k, &len);
			if (cur >= 0 && k > numend && k + len < n &&
			    isdig((unsigned char)s[k + len]))
				cur = -1;	/* "5 $3": the 3's */
			to = k + len;
		}
		if (cur < 0) {
			next = numend;
			continue;
		}
		if (m) {
			m->cents = cents;
			memcpy(m->currency, code[curs[cur].cur], 4);
		}
		if (start)
			*start = from;
		if (end)
			*end = to;
		return true;
	}
	return false;
}

bool
money_find(const char *s, size_t n, struct money *m, size_t *start,
	   size_t *end)
{
	return money_scan(s, n, m, start, end, NULL);
}

int
money_parse(const char *s, long long *cents)
{
	long long v = 0;
	const char *p = s;
	if (!isdig((unsigned char)*p))
		return -1;
	for (; isdig((unsigned char)*p); p++) {
		v = v * 10 + (*p - '0');
		if (v > MONEY_MAX_CENTS / 100)
			return -1;
	}
	v *= 100;
	if (*p == '.') {
		p++;
		if (!isdig((unsigned char)*p))
			return -1;
		v += (*p++ - '0') * 10;
		if (isdig((unsigned char)*p))
			v += *p++ - '0';
	}
	if (*p != '\0' || v > MONEY_MAX_CENTS)
		return -1;
	*cents = v;
	return 0;
}

char *
money_format(long long cents, char buf[MONEY_BUFSZ])
{
	/* By hand rather than snprintf: it runs for every gift record. */
	unsigned long long u = cents < 0 ? -(unsigned long long)cents
	    : (unsigned long long)cents;
	char tmp[MONEY_BUFSZ], *p = tmp + sizeof tmp;
	*--p = '\0';
	*--p = (char)('0' + u % 10);
	*--p = (char)('0' + u / 10 % 10);
	*--p = '.';
	u /= 100;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (cents < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
	return buf;
}

/* s[k..) past white space. */
static size_t
skip_ws(const char *s, size_t n, size_t k)
{
	for (size_t w; (w = ws_at(s, n, k)) > 0; )
		k += w;
	return k;
}

size_t
money_equiv_end(const char *s, size_t n, size_t end, const struct money *m,
		struct money *equiv)
{
	size_t k = skip_ws(s, n, end), a, b;
	bool paren = false, sign = false;
	struct money e;
	if (k < n && s[k] == '(') {
		paren = true;
		k = skip_ws(s, n, k + 1);
	}
	if (k < n && s[k] == '=') {
		sign = true;
		k++;
	} else if (k + 3 <= n && memcmp(s + k, "\xE2\x89\x88", 3) == 0) {
		sign = true;	/* '≈' */
		k += 3;
	}
	if (!paren && !sign)
		return end;
	k = skip_ws(s, n, k);
	/* the amount right there ("~31 €" starts at its number) */
	if (!money_find(s + k, n - k, &e, &a, &b) ||
	    (a != 0 && !(a == 1 && s[k] == '~')) ||
	    strcmp(e.currency, m->currency) == 0)
		return end;
	k += b;
	if (paren) {
		k = skip_ws(s, n, k);
		if (k == n || s[k] != ')')
			return end;
		k++;
	}
	if (equiv)
		*equiv = e;
	return k;
}

/* Does the byte c, after a word, end it? */
static bool
ends_word(unsigned char c)
{
	if (c < 0x80)
		return !isalph(c) && !isdig(c);
	return c < 0xC3 || c > 0xDF;	/* no Latin letter's lead byte */
}

/* Is s[k-1] no part of a word that goes on into s[k]? */
static bool
word_starts(const char *s, size_t k)
{
	if (k == 0)
		return true;
	unsigned char p = (unsigned char)s[k - 1];
	if (p < 0x80)
		return !isalph(p) && !isdig(p);
	/* a two-byte Latin letter ends there ("ü") */
	return !(p <= 0xBF && k >= 2 && (unsigned char)s[k - 2] >= 0xC3 &&
	    (unsigned char)s[k - 2] <= 0xDF);
}

/* The net or gross words, lowercase: "zzgl." and "inkl." go with
 * "MwSt." (mwst_word). */
static const struct {
	const char *text;
	unsigned char len, vat;
} vats[] = {
	{ "netto", 5, MONEY_VAT_NET }, { "net", 3, MONEY_VAT_NET },
	{ "brutto", 6, MONEY_VAT_GROSS }, { "gross", 5, MONEY_VAT_GROSS },
	{ "zzgl.", 5, MONEY_VAT_NET }, { "zzgl", 4, MONEY_VAT_NET },
	{ "inkl.", 5, MONEY_VAT_GROSS }, { "inkl", 4, MONEY_VAT_GROSS },
};
enum { VAT_MWST = 4 };		/* from here on, "MwSt." must follow */

/* Is "MwSt." or "MwSt" at s[k], in any case?  Its length, or 0. */
static size_t
mwst_at(const char *s, size_t n, size_t k)
{
	if (k + 4 > n || !caseeq(s + k, "mwst", 4))
		return 0;
	if (k + 4 < n && s[k + 4] == '.')
		return 5;
	return k + 4 == n || ends_word((unsigned char)s[k + 4]) ? 4 : 0;
}

/* Net or gross written at s[k] ("netto", "zzgl. MwSt."). */
static enum money_vat
vat_at(const char *s, size_t n, size_t k)
{
	if (!word_starts(s, k))
		return MONEY_VAT_NONE;
	for (size_t i = 0; i < sizeof vats / sizeof *vats; i++) {
		size_t l = vats[i].len, e = k + l;
		if (l > n - k || !caseeq(s + k, vats[i].text, l))
			continue;
		if (s[e - 1] != '.' && e < n && !ends_word((unsigned char)s[e]))
			continue;
		if (i >= VAT_MWST && mwst_at(s, n, skip_ws(s, n, e)) == 0)
			continue;
		return vats[i].vat;
	}
	return MONEY_VAT_NONE;
}

/* Net or gross written just before s[k] ("netto 45 €", "netto: 45 €",
 * "zzgl. MwSt. 45 €"). */
static enum money_vat
vat_before(const char *s, size_t k)
{
	for (size_t w; (w = ws_before(s, k)) > 0; )
		k -= w;
	if (k > 0 && s[k - 1] == ':')
		k--;
	for (size_t i = 0; i < sizeof vats / sizeof *vats; i++) {
		size_t l = vats[i].len;
		if (i < VAT_MWST && l <= k && caseeq(s + k - l, vats[i].text, l)
		    && word_starts(s, k - l))
			return vats[i].vat;
	}
	/* "MwSt." or "MwSt", after "zzgl." or "inkl." */
	size_t m = k >= 5 && s[k - 1] == '.' ? k - 5 : k >= 4 ? k - 4 : 0;
	if (k < 4 || mwst_at(s, k, m) != k - m || !word_starts(s, m))
		return MONEY_VAT_NONE;
	for (size_t w; (w = ws_before(s, m)) > 0; )
		m -= w;
	for (size_t i = VAT_MWST; i < sizeof vats / sizeof *vats; i++) {
		size_t l = vats[i].len;
		if (l <= m && caseeq(s + m - l, vats[i].text, l) &&
		    word_starts(s, m - l))
			return vats[i].vat;
	}
	return MONEY_VAT_NONE;
}

/* Net or gross written just after s[k-1] ("45 € netto", "45 € (net)"). */
static enum money_vat
vat_after(const char *s, size_t n, size_t k)
{
	k = skip_ws(s, n, k);
	if (k < n && s[k] == '(')
		k = skip_ws(s, n, k + 1);
	return vat_at(s, n, k);
}

bool
money_info(const char *s, size_t n, struct money_info *mi)
{
	size_t a, b, e;
	memset(mi, 0, sizeof *mi);
	if (!money_find(s, n, &mi->amount, &a, &b))
		return false;
	e = money_equiv_end(s, n, b, &mi->amount, &mi->equiv);
	mi->has_equiv = e != b;
	mi->vat = vat_before(s, a);
	if (mi->vat == MONEY_VAT_NONE)
		mi->vat = vat_after(s, n, b);
	if (mi->vat == MONEY_VAT_NONE && mi->has_equiv)
		mi->vat = vat_after(s, n, e);
	return true;
}
