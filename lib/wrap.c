/* wrap.c: columns of UTF-8 text and greedy word wrapping.
 *
 * Every function scans only as far as it needs: wrap_next looks at no
 * more than one line's worth of text, so wrapping a paragraph is linear
 * in its length. */
#include <string.h>

#include "text.h"
#include "wrap.h"

/* Length of the character at s[i] (i < n): a valid UTF-8 sequence, or 1
 * for a byte that does not start one. */
static size_t
charlen(const char *s, size_t n, size_t i)
{
	size_t len = utf8_seqlen((unsigned char)s[i]);
	if (len == 1 || i + len > n || !utf8_valid(s + i, len))
		return 1;
	return len;
}

size_t
wrap_width(const char *s, size_t n)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i += charlen(s, n, i))
		cols++;
	return cols;
}

size_t
wrap_prefix(const char *s, size_t n, size_t cols)
{
	size_t i = 0;
	for (size_t c = 0; i < n && c < cols; c++)
		i += charlen(s, n, i);
	return i;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c < 0x20 || c == 0x7f;
}

void
wrap_squeeze(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	int first = 1;
	for (;;) {
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (i == n)
			break;
		size_t start = i;
		while (i < n && !is_space((unsigned char)s[i]))
			i++;
		if (!first)
			buf_addc(out, ' ');
		buf_add(out, s + start, i - start);
		first = 0;
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

void
wrap_para(struct buf *out, const char *s, size_t n, size_t width,
	  size_t first, size_t hang)
{
	struct buf t = {0};
	wrap_squeeze(&t, s, n);
	size_t pos = 0, indent = first;
	while (pos < t.len) {
		size_t rest;
		size_t cols = width > indent ? width - indent : 1;
		size_t len = wrap_next(t.s + pos, t.len - pos, cols, &rest);
		wrap_spaces(out, indent);
		buf_add(out, t.s + pos, len);
		buf_addc(out, '\n');
		pos += rest;
		indent = hang;
	}
	buf_free(&t);
}

void
wrap_pad(struct buf *out, const char *s, size_t n, size_t cols)
{
	buf_add(out, s, n);
	size_t w = wrap_width(s, n);
	if (w < cols)
		wrap_spaces(out, cols - w);
}
