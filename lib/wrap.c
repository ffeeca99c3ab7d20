/* wrap.c: columns of UTF-8 text and greedy word wrapping.
 *
 * Every function scans only as far as it needs: wrap_next looks at no
 * more than one line's worth of text, so wrapping a paragraph is linear
 * in its length. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "show.h"
#include "text.h"
#include "wrap.h"

/* Code point ranges, sorted, for a binary search. */
struct range {
	uint32_t lo, hi;
};

/* Nonspacing and enclosing combining marks of the scripts and blocks
 * where they are common, and the zero-width format characters: no
 * column of their own.  A mark missing here counts one column, which
 * only makes a line shorter.  U+FE0F (emoji presentation) is left out on
 * purpose: the symbol before it may be shown two columns wide. */
static const struct range zero_width[] = {
	{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x05bf, 0x05bf},
	{0x05c1, 0x05c2}, {0x05c4, 0x05c5}, {0x05c7, 0x05c7}, {0x0610, 0x061a},
	{0x064b, 0x065f}, {0x0670, 0x0670}, {0x06d6, 0x06dc}, {0x06df, 0x06e4},
	{0x06e7, 0x06e8}, {0x06ea, 0x06ed}, {0x0e31, 0x0e31}, {0x0e34, 0x0e3a},
	{0x0e47, 0x0e4e}, {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x200b, 0x200d},
	{0x2060, 0x2064}, {0x20d0, 0x20ff}, {0x302a, 0x302d}, {0x3099, 0x309a},
	{0xfe00, 0xfe0e}, {0xfe20, 0xfe2f}, {0xfeff, 0xfeff},
	{0xe0100, 0xe01ef},
};

/* East Asian Wide and Fullwidth characters (Unicode 14), two columns; a
 * few neighbours of emoji blocks are counted wide with them, which only
 * makes a line shorter. */
static const struct range double_width[] = {
	{0x1100, 0x115f}, {0x231a, 0x231b}, {0x2329, 0x232a}, {0x23e9, 0x23ec},
	{0x23f0, 0x23f0}, {0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267f, 0x267f}, {0x2693, 0x2693}, {0x26a1, 0x26a1},
	{0x26aa, 0x26ab}, {0x26bd, 0x26be}, {0x26c4, 0x26c5}, {0x26ce, 0x26ce},
	{0x26d4, 0x26d4}, {0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5},
	{0x26fa, 0x26fa}, {0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b},
	{0x2728, 0x2728}, {0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27b0, 0x27b0}, {0x27bf, 0x27bf},
	{0x2b1b, 0x2b1c}, {0x2b50, 0x2b50}, {0x2b55, 0x2b55}, {0x2e80, 0x303e},
	{0x3041, 0x4dbf}, {0x4e00, 0xa4cf}, {0xa960, 0xa97f}, {0xac00, 0xd7a3},
	{0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6f}, {0xff00, 0xff60},
	{0xffe0, 0xffe6}, {0x16fe0, 0x1b2ff}, {0x1f004, 0x1f004},
	{0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a},
	{0x1f200, 0x1f64f}, {0x1f680, 0x1f6ff}, {0x1f7e0, 0x1f7f0},
	{0x1f90c, 0x1f9ff}, {0x1fa70, 0x1faff}, {0x20000, 0x3fffd},
};

static bool
in(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define IN(table, cp) in(table, sizeof table / sizeof table[0], cp)

size_t
wrap_cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (IN(zero_width, cp))
		return 0;
	return IN(double_width, cp) ? 2 : 1;
}

/* The character at s[i] (i < n): its length in bytes (1 for a byte that
 * starts no valid UTF-8 sequence) and its columns in *cols. */
static size_t
char_at(const char *s, size_t n, size_t i, size_t *cols)
{
	uint32_t cp;
	if ((unsigned char)s[i] < 0x80) {	/* most text: at once */
		*cols = 1;
		return 1;
	}
	size_t len = utf8_decode(s + i, n - i, &cp);
	if (!len) {
		*cols = 1;
		return 1;
	}
	*cols = wrap_cp_width(cp);
	return len;
}

size_t
wrap_width(const char *s, size_t n)
{
	size_t cols = 0, i = 0;
	while (i < n) {
		size_t start = i, w;	/* a run of ASCII at once */
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
		cols += i - start;
		if (i < n) {
			i += char_at(s, n, i, &w);
			cols += w;
		}
	}
	return cols;
}

size_t
wrap_prefix(const char *s, size_t n, size_t cols)
{
	/* No character is wider than its bytes are long. */
	if (n <= cols)
		return n;
	/* ASCII is a column a byte: the first cols of it at once */
	size_t i = 0, w;
	while (i < cols && (unsigned char)s[i] < 0x80)
		i++;
	size_t used = i;
	while (i < n) {
		size_t len = char_at(s, n, i, &w);
		if (used + w > cols)
			break;
		used += w;
		i += len;
	}
	return i;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Printable ASCII but the space: shown as it is (show.h). */
static bool
is_plain(char c)
{
	return c > ' ' && c < 0x7f;
}

/* The text in pieces: printable ASCII with single spaces between words,
 * appended as it is; other characters but spaces and TABs, shown with
 * show_text (it shows each character by itself, so pieces can be shown
 * apart); and runs of spaces and TABs, one space between words. */
void
wrap_squeeze(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_space(s[i]))
		i++;
	while (i < n) {
		size_t start = i;
		if (is_plain(s[i])) {
			for (;;) {
				while (i < n && is_plain(s[i]))
					i++;
				if (i + 1 < n && s[i] == ' ' &&
				    is_plain(s[i + 1]))
					i++;
				else
					break;
			}
			buf_add(out, s + start, i - start);
		} else {
			while (i < n && !is_space(s[i]) && !is_plain(s[i]))
				i++;
			show_text(out, s + start, i - start, 0);
		}
		if (i < n && is_space(s[i])) {
			while (i < n && is_space(s[i]))
				i++;
			if (i < n)
				buf_addc(out, ' ');
		}
	}
	if (!out->s)
		buf_add(out, "", 0);
}

size_t
wrap_next(const char *s, size_t n, size_t cols, size_t *rest)
{
	if (cols < 1)
		cols = 1;
	size_t k = wrap_prefix(s, n, cols);
	if (!k && n) {	/* a character wider than the line goes alone */
		size_t w;
		char_at(s, n, 0, &w);
		k = wrap_prefix(s, n, w);
	}
	if (k == n) {
		*rest = n;
		return n;
	}
	if (s[k] == ' ') {
		*rest = k + 1;
		return k;
	}
	size_t p = k;
	while (p > 0 && s[p - 1] != ' ')
		p--;
	if (p > 0) {
		*rest = p;
		return p - 1;
	}
	*rest = k;		/* one word wider than the line: break it */
	return k;
}

void
wrap_spaces(struct buf *out, size_t n)
{
	static const char sp[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
		buf_add(out, sp, k);
		n -= k;
	}
}

/* The text is squeezed at the end of out and laid out from a copy, on
 * the stack when it is short: most paragraphs cost no allocation. */
void
wrap_para(struct buf *out, const char *s, size_t n, size_t width,
	  size_t first, size_t hang)
{
	char small[512];
	size_t at = out->len;
	wrap_squeeze(out, s, n);
	size_t tlen = out->len - at;
	char *t = tlen <= sizeof small ? small : xmalloc(tlen);
	memcpy(t, out->s + at, tlen);
	out->len = at;
	out->s[at] = '\0';
	size_t pos = 0, indent = first;
	while (pos < tlen) {
		size_t rest;
		size_t cols = width > indent ? width - indent : 1;
		size_t len = wrap_next(t + pos, tlen - pos, cols, &rest);
		wrap_spaces(out, indent);
		buf_add(out, t + pos, len);
		buf_addc(out, '\n');
		pos += rest;
		indent = hang;
	}
	if (t != small)
		free(t);
}

void
wrap_pad(struct buf *out, const char *s, size_t n, size_t cols)
{
	buf_add(out, s, n);
	size_t w = wrap_width(s, n);
	if (w < cols)
		wrap_spaces(out, cols - w);
}
