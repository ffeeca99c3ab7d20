/* text.c: UTF-8 checks, trimming, key normalization. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

size_t
utf8_seqlen(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	return 1;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len = utf8_seqlen(u[0]);
	if (len == 1 || len > n || !utf8_valid(s, len))
		return 0;
	uint32_t c = u[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (u[i] & 0x3f);
	*cp = c;
	return len;
}

bool
utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		/* ASCII 32, then 8 bytes at a time: the common case (tact-due
		 * checks every record line). */
		uint64_t w[4];
		if (i + 32 <= n && (memcpy(w, s + i, 32),
		    !((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL))) {
			i += 32;
			continue;
		}
		if (i + 8 <= n && (memcpy(w, s + i, 8),
		    !(w[0] & 0x8080808080808080ULL))) {
			i += 8;
			continue;
		}
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_seqlen(c);
		if (len == 1 || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
		unsigned char c1 = s[i + 1];
		if ((c == 0xe0 && c1 < 0xa0) ||	/* overlong */
		    (c == 0xed && c1 > 0x9f) ||	/* surrogates */
		    (c == 0xf0 && c1 < 0x90) ||	/* overlong */
		    (c == 0xf4 && c1 > 0x8f))	/* above U+10FFFF */
			return false;
		i += len;
	}
	return true;
}

const char *
trim(const char *s, size_t *n)
{
	size_t len = *n;
	while (len && is_blank(*s)) {
		s++;
		len--;
	}
	while (len && is_blank(s[len - 1]))
		len--;
	*n = len;
	return s;
}

void
text_lower(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z') {
			s[i] = (char)(c - 'A' + 'a');
		} else if (c == 0xc3 && i + 1 < n) {
			/* U+00C0..U+00DE, not U+00D7 (multiplication sign) */
			unsigned char d = (unsigned char)s[i + 1];
			if (d >= 0x80 && d <= 0x9e && d != 0x97)
				s[i + 1] = (char)(d + 0x20);
			i++;
		}
	}
}

char *
key_normalize(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	key_normalize_into(out, s, n);
	return out;
}

size_t
key_normalize_into(char *out, const char *s, size_t n)
{
	size_t o = 0;
	bool gap = false;	/* a run of spaces, '_' or '/' not yet written */
	/* Up to the first byte beyond ASCII, letters are lowered as they
	 * are copied; from there on text_lower does it. */
	size_t beyond = SIZE_MAX;	/* where the first such byte went */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (is_blank(c) || c == '_' || c == '/') {
			gap = true;
			continue;
		}
		if (c == '\'')
			continue;
		if (c == '\xe2' && n - i >= 3 &&
		    !memcmp(s + i, "\xe2\x80\x99", 3)) {
			i += 2;		/* U+2019, the typographic apostrophe */
			continue;
		}
		if (gap && o)
			out[o++] = '-';
		gap = false;
		if ((unsigned char)c >= 0x80 && beyond == SIZE_MAX)
			beyond = o;
		if (c >= 'A' && c <= 'Z' && beyond == SIZE_MAX)
			c = (char)(c - 'A' + 'a');
		out[o++] = c;
	}
	out[o] = '\0';
	if (beyond != SIZE_MAX)
		text_lower(out + beyond, o - beyond);
	return o;
}

/* What text_scan has seen so far: in each byte lane, the high bit of a
 * NUL, a byte >= 0x80, a '<', a CR. */
struct scan_acc {
	uint64_t nul, nonascii, less, ret;
};

/* Add the eight bytes of w to a: the classic test for a zero byte (in w,
 * in w ^ '<' …), exact for the "is there one" question. */
static void
scan_word(struct scan_acc *a, uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t x;
	a->nonascii |= w;
	a->nul |= (w - ones) & ~w;
	x = w ^ ones * '<';
	a->less |= (x - ones) & ~x;
	x = w ^ ones * '\r';
	a->ret |= (x - ones) & ~x;
}

/* The eight bytes of the rest of a line of n bytes (n % 8 != 0) at s:
 * the last eight again, or a short line padded with bytes that are none
 * of those sought. */
static uint64_t
scan_tail(const char *s, size_t n)
{
	uint64_t w = 0x0101010101010101ULL * 'a';
	if (n >= 8)
		memcpy(&w, s + n - 8, 8);
	else
		memcpy(&w, s, n);
	return w;
}

/* The exact pass of text_scan, for a line with a byte below 0x0E or a
 * '<' (rare). */
static int
scan_exact(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL;
	struct scan_acc a = {0};
	uint64_t w;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		scan_word(&a, w);
	}
	if (i < n)
		scan_word(&a, scan_tail(s, n));
	int flags = 0;
	if (a.nul & high)
		flags |= TEXT_NUL;
	if (a.nonascii & high)
		flags |= TEXT_NONASCII;
	if (a.less & high)
		flags |= TEXT_LT;
	if (a.ret & high)
		flags |= TEXT_CR;
	return flags;
}

/* The first pass looks for bytes >= 0x80 and, together, for bytes below
 * 0x0E (NUL, CR and a few more) and '<' (each test exact for "is there
 * one"); only a line with one of the latter is looked at again. */
int
text_scan(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t nonascii = 0, rare = 0, w, x;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		x = w ^ ones * '<';
		nonascii |= w;
		rare |= ((w - ones * 0x0E) & ~w) | ((x - ones) & ~x);
	}
	if (i < n) {
		w = scan_tail(s, n);
		x = w ^ ones * '<';
		nonascii |= w;
		rare |= ((w - ones * 0x0E) & ~w) | ((x - ones) & ~x);
	}
	if (rare & high)
		return scan_exact(s, n);
	return nonascii & high ? TEXT_NONASCII : 0;
}

/* The number of characters of s, counted as code_points does. */
static size_t
char_count(const char *s)
{
	size_t len = strlen(s), k = 0;
	uint32_t cp;
	for (size_t i = 0; i < len; k++) {
		size_t l = utf8_decode(s + i, len - i, &cp);
		i += l ? l : 1;
	}
	return k;
}

/* Has the word w (eight bytes) an ASCII digit?  A digit is a byte of
 * w ^ '0' below 10; the classic test for a byte below 10 (a borrow into
 * a high bit that was clear) is exact for "is there one". */
static bool
word_has_digit(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t x = w ^ ones * '0';
	return ((x - ones * 10) & ~x & high) != 0;
}

size_t
text_find_digit(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (word_has_digit(w))
			break;
	}
	if (i + 8 > n && n >= 8) {	/* the rest, in the last eight */
		memcpy(&w, s + n - 8, 8);
		if (!word_has_digit(w))
			return n;
	}
	for (; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return i;
	return n;
}

/* The code points of s (a byte stands for itself where it starts no
 * valid character), in a malloc'd array of *n. */
static uint32_t *
code_points(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	uint32_t *v = xmalloc((len + 1) * sizeof *v);
	for (size_t i = 0; i < len;) {
		size_t l = utf8_decode(s + i, len - i, &v[k]);
		if (!l) {
			v[k] = (unsigned char)s[i];
			l = 1;
		}
		k++;
		i += l;
	}
	*n = k;
	return v;
}

size_t
text_distance(const char *a, const char *b)
{
	size_t na, nb;
	uint32_t *x = code_points(a, &na), *y = code_points(b, &nb);
	size_t *row = xmalloc((nb + 1) * sizeof *row);
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[nb];
	free(row);
	free(x);
	free(y);
	return d;
}

size_t
text_nearest_of(const char *want, const char *const *cand,
		const char *const *name, size_t n, const char *out[TEXT_NEAREST])
{
	size_t len = char_count(want), got = 0;
	size_t max = len / 3 > 2 ? len / 3 : 2;
	size_t dist[TEXT_NEAREST];
	for (size_t i = 0; i < n; i++) {
		if (!cand[i] || !*cand[i] || !name[i] || !*name[i])
			continue;
		size_t at = got;	/* where name[i] is in out */
		for (size_t k = 0; k < got && at == got; k++)
			if (!strcmp(out[k], name[i]))
				at = k;
		/* Each candidate its own name: the same string again is
		 * as near as before. */
		if (at < got && (cand == name || dist[at] == 0))
			continue;
		size_t d = text_distance(want, cand[i]);
		if (d > max || (d >= len && d >= char_count(cand[i])) ||
		    (at < got && d >= dist[at]))
			continue;
		if (at < got) {		/* nearer now: it moves */
			for (size_t m = at; m + 1 < got; m++) {
				out[m] = out[m + 1];
				dist[m] = dist[m + 1];
			}
			got--;
		}
		/* Insert, nearest first, then by name. */
		size_t k = got;
		while (k > 0 && (dist[k - 1] > d || (dist[k - 1] == d &&
		    strcmp(out[k - 1], name[i]) > 0)))
			k--;
		if (k >= TEXT_NEAREST)
			continue;
		size_t last = got < TEXT_NEAREST ? got : TEXT_NEAREST - 1;
		for (size_t m = last; m > k; m--) {
			out[m] = out[m - 1];
			dist[m] = dist[m - 1];
		}
		out[k] = name[i];
		dist[k] = d;
		if (got < TEXT_NEAREST)
			got++;
	}
	return got;
}

/* Does every text have a word end at byte p: its end or a space? */
static bool
word_end_at(const char *const *t, const size_t *len, size_t n, size_t p)
{
	for (size_t i = 0; i < n; i++)
		if (p < len[i] && t[i][p] != ' ')
			return false;
	return true;
}

void
text_common(const char *const *t, size_t n, size_t *pre, size_t *suf)
{
	size_t *len = xmalloc(n * sizeof *len), min = SIZE_MAX;
	for (size_t i = 0; i < n; i++)
		if ((len[i] = strlen(t[i])) < min)
			min = len[i];
	size_t p = 0;
	while (p < min) {
		size_t i = 1;
		while (i < n && t[i][p] == t[0][p])
			i++;
		if (i < n)
			break;
		p++;
	}
	if (!word_end_at(t, len, n, p)) {
		/* back to just after the last space: a word of its own */
		while (p > 0 && t[0][p - 1] != ' ')
			p--;
	}
	size_t s = 0;
	while (p + s < min) {
		size_t i = 1;
		char c = t[0][len[0] - s - 1];
		while (i < n && t[i][len[i] - s - 1] == c)
			i++;
		if (i < n)
			break;
		s++;
	}
	/* from the front, to the first byte that starts no word: an ASCII
	 * byte, so no character is cut */
	while (s > 0) {
		unsigned char c = (unsigned char)t[0][len[0] - s];
		if (c < 0x80 && !isalnum(c))
			break;
		s--;
	}
	free(len);
	*pre = p;
	*suf = s;
}

size_t
text_nearest(const char *want, const char *const *cand, size_t n,
	     const char *out[TEXT_NEAREST])
{
	return text_nearest_of(want, cand, cand, n, out);
}

static bool
ascii_letter(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

size_t
text_ascii_tag(const char *s, size_t n, size_t h)
{
	const unsigned char *u = (const unsigned char *)s;
	if (h > 0) {
		unsigned char b = u[h - 1];
		if (b >= 0x80)
			return TEXT_TAG_UNSURE;
		/* white space as PCRE2's \s: tab, LF, VT, FF, CR, space */
		if (b != ' ' && (b < '\t' || b > '\r'))
			return 0;
	}
	size_t i = h + 1;
	if (i < n && u[i] >= 0x80)
		return TEXT_TAG_UNSURE;
	if (i == n || !ascii_letter(u[i]))
		return 0;
	while (i < n && (ascii_letter(u[i]) || (u[i] >= '0' && u[i] <= '9') ||
	    u[i] == '_' || u[i] == '-'))
		i++;
	return i < n && u[i] >= 0x80 ? TEXT_TAG_UNSURE : i;
}

bool
text_has_words(const char *hay, const char *words)
{
	size_t n = strlen(words);
	if (!n)
		return false;
	for (const char *p = hay; (p = strstr(p, words)); p++) {
		bool start = p == hay || !isalnum((unsigned char)p[-1]);
		bool end = !isalnum((unsigned char)p[n]);
		if (start && end)
			return true;
	}
	return false;
}

void
text_did_you_mean(struct buf *b, const char *const *near, size_t k)
{
	for (size_t i = 0; i < k; i++)
		buf_printf(b, "%s'%s'", i ? (i + 1 < k ? ", " : " or ") :
		    " (did you mean ", near[i]);
	if (k)
		buf_adds(b, "?)");
}
