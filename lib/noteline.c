/* noteline.c: the markdown form of one line of notes. */
#include <string.h>

#include "noteline.h"
#include "text.h"
#include "util.h"

bool
line_list_item(const char *s, size_t n, size_t *text)
{
	size_t i = 0;
	while (i < n && is_blank(s[i]))
		i++;
	if (i >= n || (s[i] != '-' && s[i] != '*' && s[i] != '+'))
		return false;
	i++;
	if (i < n && !is_blank(s[i]))
		return false;
	while (i < n && is_blank(s[i]))
		i++;
	*text = i;
	return true;
}

int
line_heading(const char *s, size_t n, const char **text, size_t *tn)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	size_t h = i;
	while (i < n && s[i] == '#')
		i++;
	int level = (int)(i - h);
	if (level < 1 || level > 6 || (i < n && !is_blank(s[i])))
		return 0;
	size_t k = n - i;
	const char *t = trim(s + i, &k);
	size_t e = k;		/* a closing run of '#' after white space */
	while (e && t[e - 1] == '#')
		e--;
	if (e == 0 || is_blank(t[e - 1]))
		k = e;
	*text = trim(t, &k);
	*tn = k;
	return level;
}

bool
line_fence_open(const char *s, size_t n, char *c, size_t *len)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')	/* 4 spaces: no fence */
		i++;
	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return false;
	size_t k = i;
	while (k < n && s[k] == s[i])
		k++;
	if (k - i < 3)
		return false;
	*c = s[i];
	*len = k - i;
	return true;
}

bool
line_fence_close(const char *s, size_t n, char c, size_t len)
{
	char c2;
	size_t len2;
	if (!line_fence_open(s, n, &c2, &len2) || c2 != c || len2 < len)
		return false;
	size_t i = 0;
	while (s[i] != c)
		i++;
	for (i += len2; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

bool
line_table_row(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_blank(s[i]))
		i++;
	return i < n && s[i] == '|';
}

bool
line_table_delim(const char *s, size_t n)
{
	bool dash = false;
	if (!line_table_row(s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = true;
		else if (s[i] != '|' && s[i] != ':' && !is_blank(s[i]))
			return false;
	}
	return dash;
}

bool
line_table_pair(const char *s, size_t n, const char **a, size_t *an,
    const char **b, size_t *bn)
{
	s = trim(s, &n);
	if (n < 2 || s[0] != '|')
		return false;
	s++, n--;
	if (s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
		n--;
	const char *cell[2];
	size_t len[2], nc = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && (s[i] != '|' || (i && s[i - 1] == '\\')))
			continue;
		if (nc == 2)
			return false;
		len[nc] = i - start;
		cell[nc] = trim(s + start, &len[nc]);
		nc++;
		start = i + 1;
	}
	if (nc != 2)
		return false;
	*a = cell[0], *an = len[0];
	*b = cell[1], *bn = len[1];
	return true;
}

bool
line_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

bool
line_is_rule(const char *s, size_t n, const char *mark)
{
	size_t k = strlen(mark);
	while (n && is_blank(s[n - 1]))
		n--;
	return n == k && !memcmp(s, mark, k);
}

const char *
line_unemph(const char *s, size_t *n)
{
	static const char *const marks[] = { "**", "__", "*", "_" };
	s = trim(s, n);
	for (int again = 1; again;) {
		again = 0;
		for (size_t m = 0; m < 4; m++) {
			size_t ml = strlen(marks[m]);
			if (*n > 2 * ml && !memcmp(s, marks[m], ml) &&
			    !memcmp(s + *n - ml, marks[m], ml)) {
				s += ml;
				*n -= 2 * ml;
				s = trim(s, n);
				again = 1;
			}
		}
	}
	return s;
}

bool
line_wikilink(const char *s, size_t n, const char **t, size_t *tn,
    const char **l, size_t *ln, size_t *len)
{
	if (n < 4 || s[0] != '[' || s[1] != '[')
		return false;
	const char *e = line_find(s + 2, n - 2, "]]");
	if (!e)
		return false;
	const char *in = s + 2;
	size_t k = (size_t)(e - in);
	if (memchr(in, '[', k) || memchr(in, '\n', k))
		return false;
	const char *bar = memchr(in, '|', k);
	size_t target = bar ? (size_t)(bar - in) : k;
	const char *hash = memchr(in, '#', target);
	size_t tk = hash ? (size_t)(hash - in) : target;
	const char *tt = in;
	for (size_t i = 0; i < tk; i++)	/* "folder/Name" → "Name" */
		if (in[i] == '/') {
			tt = in + i + 1;
		}
	tk -= (size_t)(tt - in);
	*t = trim(tt, &tk);
	*tn = tk;
	if (bar) {
		size_t lk = k - target - 1;
		*l = trim(bar + 1, &lk);
		*ln = lk;
	} else {
		size_t lk = target;
		*l = trim(in, &lk);
		*ln = lk;
	}
	*len = (size_t)(e + 2 - s);
	return true;
}

void
line_unlink(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		const char *p = line_find(s + i, n - i, "[[");
		size_t stop = p ? (size_t)(p - s) : n;
		buf_add(out, s + i, stop - i);
		if (!p)
			break;
		const char *t, *l;
		size_t tn, ln, len;
		if (line_wikilink(p, n - stop, &t, &tn, &l, &ln, &len)) {
			buf_add(out, l, ln);
			i = stop + len;
		} else {
			buf_add(out, p, 2);
			i = stop + 2;
		}
	}
	if (!out->s)
		buf_add(out, "", 0);
}

const char *
line_find(const char *s, size_t n, const char *pat)
{
	size_t k = strlen(pat);
	const char *end = s + n;
	while ((size_t)(end - s) >= k) {
		const char *p = memchr(s, pat[0], (size_t)(end - s) - k + 1);
		if (!p)
			return NULL;
		if (!memcmp(p, pat, k))
			return p;
		s = p + 1;
	}
	return NULL;
}
