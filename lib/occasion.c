/* occasion.c: the occasions file parser.  Every part of a line is checked
 * before the rule is kept, so a malformed line leaves no trace but its
 * diagnostic. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lines.h"
#include "occasion.h"
#include "rx.h"
#include "text.h"

struct occ_rx {
	struct rx tag, name, field, key, date, dateish;
};

#define WHEN_FORMS "FIELD, FIELD/N, FIELD@A,B, MM-DD, YYYY-MM-DD, " \
	"#TAG+N or last+N"

void
occasions_init(struct occasions *os, const char *file)
{
	memset(os, 0, sizeof *os);
	os->file = xstrdup(file);
	os->rx = xmalloc(sizeof *os->rx);
	rx_init(&os->rx->tag, "^#(" TAG_WORD ")\\+([0-9]+)$", 0);
	/* A NAME is a tag word: "glückwunsch" is fine. */
	rx_init(&os->rx->name, "^" TAG_WORD "$", 0);
	/* The list of FIELD@A,B is checked item by item (parse_field): a
	 * group repeated for each item would hit the JIT's stack or the
	 * depth limit on a long list, differently with and without JIT. */
	rx_init(&os->rx->field, "^([\\p{L}\\p{N}_-]+)"
	    "(?:/([0-9]+)|@([0-9,]+))?$", 0);
	rx_init(&os->rx->key, "^[\\p{L}\\p{N}_-]+$", 0);
	rx_init(&os->rx->date, "^(?:[0-9]{4}-)?[0-9]{2}-[0-9]{2}$", 0);
	rx_init(&os->rx->dateish, "^[0-9]+[-./]", 0);
}

static void
occasion_free(struct occasion *o)
{
	if (!o)
		return;
	free(o->name);
	free(o->key);
	free(o->years);
	for (size_t i = 0; i < o->nfilter; i++) {
		free(o->filter[i].key);
		free(o->filter[i].value);
	}
	free(o->filter);
	gesture_free(&o->gesture);
	free(o->source);
	free(o);
}

void
occasions_free(struct occasions *os)
{
	for (size_t i = 0; i < os->n; i++)
		occasion_free(os->v[i]);
	free(os->v);
	hash_free(&os->names);
	if (os->rx) {
		rx_free(&os->rx->tag);
		rx_free(&os->rx->name);
		rx_free(&os->rx->field);
		rx_free(&os->rx->key);
		rx_free(&os->rx->date);
		rx_free(&os->rx->dateish);
		free(os->rx);
	}
	free(os->file);
	memset(os, 0, sizeof *os);
}

bool
occasions_has(const struct occasions *os, const char *tag)
{
	return hash_get(&os->names, tag) != NULL;
}

/* The decimal digits s[0..n) as a number from 0 to max: 0, or -1 when
 * it is larger (checked before each step, so it never overflows). */
static int
number(const char *s, size_t n, long max, long *v)
{
	long x = 0;
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		int d = s[i] - '0';
		if (x > (max - d) / 10)
			return -1;
		x = x * 10 + d;
	}
	*v = x;
	return 0;
}

static bool
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

static bool
match(struct rx *rx, const char *s, size_t n)
{
	return rx_match(rx, s, n, 0, 0);
}

/* Group i of the last match of rx: start and length. */
static const char *
group(struct rx *rx, const char *s, int i, size_t *len)
{
	PCRE2_SIZE *ov = rx_ov(rx);
	if (!rx_group(rx, i)) {
		*len = 0;
		return NULL;
	}
	*len = ov[2 * i + 1] - ov[2 * i];
	return s + ov[2 * i];
}

/* A field key of WHEN or of a filter: checked and normalized. */
static char *
when_key(struct occasions *os, const char *s, size_t n)
{
	if (!match(&os->rx->key, s, n))
		return NULL;
	char *key = key_normalize(s, n);
	if (!*key) {		/* "_": no key at all */
		free(key);
		return NULL;
	}
	return key;
}

/* "?KEY=VALUE" and "?KEY!=VALUE" items s[0..n) (s starts after the
 * first '?'). */
static int
parse_filters(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	for (;;) {
		const char *q = memchr(s, '?', n);
		size_t len = q ? (size_t)(q - s) : n;
		const char *eq = memchr(s, '=', len);
		bool negate = eq && eq > s && eq[-1] == '!';
		size_t klen = eq ? (size_t)(eq - s) - negate : 0;
		char *key = eq ? when_key(os, s, klen) : NULL;
		size_t vlen = eq ? len - (size_t)(eq + 1 - s) : 0;
		if (!key || !vlen) {
			free(key);
			diag_error(os->file, line, "bad filter '?%.*s': write "
			    "?KEY=VALUE or ?KEY!=VALUE, e.g. ?tier=A",
			    (int)len, s);
			return -1;
		}
		if (memchr(eq + 1, ',', vlen)) {
			free(key);
			diag_error(os->file, line, "bad filter '?%.*s': VALUE "
			    "is one item (a field matches when one of its "
			    "comma-separated items equals it); write %s",
			    (int)len, s, negate ? "one ?KEY!=VALUE per value" :
			    "one rule per value");
			return -1;
		}
		if ((o->nfilter & (o->nfilter - 1)) == 0)	/* 0, 1, 2, 4 … */
			o->filter = xrealloc(o->filter, (o->nfilter ?
			    2 * o->nfilter : 1) * sizeof *o->filter);
		o->filter[o->nfilter].key = key;
		o->filter[o->nfilter].value = xstrndup(eq + 1, vlen);
		o->filter[o->nfilter].negate = negate;
		o->nfilter++;
		if (!q)
			return 0;
		n -= len + 1;
		s = q + 1;
	}
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* "FIELD", "FIELD/N", "FIELD@A,B,…" after rx->field matched s. */
static int
parse_field(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	size_t klen, elen, llen;
	const char *k = group(&os->rx->field, s, 1, &klen);
	const char *every = group(&os->rx->field, s, 2, &elen);
	const char *list = group(&os->rx->field, s, 3, &llen);
	long v;

	o->when = OCC_FIELD;
	o->key = key_normalize(k, klen);
	if (!*o->key) {
		diag_error(os->file, line, "bad WHEN '%.*s': a field key needs "
		    "a letter or a digit", (int)n, s);
		return -1;
	}
	if (every) {
		if (number(every, elen, OCC_MAX_YEARS, &v) < 0 || v < 1) {
			diag_error(os->file, line, "bad WHEN '%.*s': N of "
			    "FIELD/N must be from 1 to %d (years)", (int)n, s,
			    OCC_MAX_YEARS);
			return -1;
		}
		o->every = (int)v;
	}
	while (list) {
		const char *comma = memchr(list, ',', llen);
		size_t len = comma ? (size_t)(comma - list) : llen;
		if (number(list, len, OCC_MAX_YEARS, &v) < 0 || v < 1) {
			diag_error(os->file, line, "bad WHEN '%.*s': the years "
			    "of FIELD@A,B must be from 1 to %d", (int)n, s,
			    OCC_MAX_YEARS);
			return -1;
		}
		if ((o->nyears & (o->nyears - 1)) == 0)	/* 0, 1, 2, 4 … */
			o->years = xrealloc(o->years, (o->nyears ?
			    2 * o->nyears : 1) * sizeof *o->years);
		o->years[o->nyears++] = (int)v;
		if (!comma)
			break;
		llen -= len + 1;
		list = comma + 1;
	}
	if (o->nyears > 1)
		qsort(o->years, o->nyears, sizeof *o->years, int_cmp);
	return 0;
}

/* "MM-DD" or "YYYY-MM-DD" after rx->date matched s[0..n). */
static int
parse_date(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	char iso[DATE_BUFSZ];
	bool yearly = n == 5;
	size_t at = yearly ? 2 : 0;
	memcpy(iso, "--", at);
	memcpy(iso + at, s, n);	/* rx->date: n is 5 or 10 */
	iso[at + n] = '\0';
	if (date_parse_iso(iso, &o->date, yearly) < 0 ||
	    !date_valid(o->date) || (!yearly && o->date.y < 1) ||
	    (yearly && o->date.y != 0)) {
		diag_error(os->file, line, "impossible date '%.*s' in WHEN: "
		    "write a real day as %s", (int)n, s,
		    yearly ? "MM-DD, e.g. 12-24" : "YYYY-MM-DD, e.g. 2027-04-20");
		return -1;
	}
	o->when = yearly ? OCC_YEARLY : OCC_ONCE;
	return 0;
}

static int
parse_when(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	const char *q = memchr(s, '?', n);
	size_t bn = q ? (size_t)(q - s) : n;
	size_t len;
	const char *g;

	if (q && parse_filters(os, o, q + 1, n - bn - 1, line) < 0)
		return -1;
	if (bn && s[0] == '#') {
		if (!match(&os->rx->tag, s, bn)) {
			diag_error(os->file, line, "bad WHEN '%.*s': write "
			    "#TAG+N (N days after an entry tagged TAG), e.g. "
			    "#referral+2", (int)bn, s);
			return -1;
		}
		g = group(&os->rx->tag, s, 2, &len);
		if (number(g, len, OCC_MAX_DAYS, &o->days) < 0) {
			diag_error(os->file, line, "bad WHEN '%.*s': N must be "
			    "from 0 to %d days", (int)bn, s, OCC_MAX_DAYS);
			return -1;
		}
		g = group(&os->rx->tag, s, 1, &len);
		o->key = xstrndup(g, len);	/* compared as tags are */
		text_lower(o->key, len);
		if (strcmp(o->key, o->name) == 0) {
			diag_error(os->file, line, "occasion '%s' follows its "
			    "own tag in '%.*s': the entry that marks it done "
			    "would trigger it again; give the occasion "
			    "another name", o->name, (int)bn, s);
			return -1;
		}
		o->when = OCC_TAG;
		return 0;
	}
	if (bn >= 5 && strncmp(s, "last+", 5) == 0) {
		if (number(s + 5, bn - 5, OCC_MAX_DAYS, &o->days) < 0) {
			diag_error(os->file, line, all_digits(s + 5, bn - 5) ?
			    "bad WHEN '%.*s': N must be from 0 to %d days" :
			    "bad WHEN '%.*s': write last+N (N days after the "
			    "latest entry), e.g. last+90; N up to %d",
			    (int)bn, s, OCC_MAX_DAYS);
			return -1;
		}
		o->when = OCC_LAST;
		return 0;
	}
	if (match(&os->rx->date, s, bn))
		return parse_date(os, o, s, bn, line);
	if (match(&os->rx->dateish, s, bn)) {
		diag_error(os->file, line, "bad date '%.*s' in WHEN: write "
		    "MM-DD (every year) or YYYY-MM-DD (once), e.g. 12-24",
		    (int)bn, s);
		return -1;
	}
	if (match(&os->rx->field, s, bn))
		return parse_field(os, o, s, bn, line);
	if (!bn) {
		diag_error(os->file, line, "WHEN '%.*s' has filters but no "
		    "occasion: write " WHEN_FORMS " before them, e.g. "
		    "last+90%.*s", (int)n, s, (int)n, s);
		return -1;
	}
	diag_error(os->file, line, "unknown WHEN '%.*s': write " WHEN_FORMS
	    ", optionally followed by ?KEY=VALUE or ?KEY!=VALUE filters",
	    (int)bn, s);
	return -1;
}

static int
parse_lead(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	size_t digits = n && (s[n - 1] == 'd' || s[n - 1] == 'w') ? n - 1 : n;
	long unit = n && s[n - 1] == 'w' ? 7 : 1;
	long v;
	if (!all_digits(s, digits)) {
		diag_error(os->file, line, "bad lead '%.*s': write days as N "
		    "or Nd, or weeks as Nw, e.g. 2, 14d or 3w", (int)n, s);
		return -1;
	}
	if (number(s, digits, OCC_MAX_LEAD / unit, &v) < 0) {
		diag_error(os->file, line, "lead '%.*s' out of range: at most "
		    "%d days (%dw)", (int)n, s, OCC_MAX_LEAD, OCC_MAX_LEAD / 7);
		return -1;
	}
	o->lead = v * unit;
	return 0;
}


/* The next word of s[*at..n), blank-separated. */
static const char *
word(const char *s, size_t n, size_t *at, size_t *len)
{
	size_t i = *at;
	while (i < n && is_blank(s[i]))
		i++;
	size_t start = i;
	while (i < n && !is_blank(s[i]))
		i++;
	*at = i;
	*len = i - start;
	return i > start ? s + start : NULL;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The end of the number at s[i] (is_digit): digits, then '.' or ',' and
 * one or two decimals. */
static size_t
number_end(const char *s, size_t n, size_t i)
{
	while (i < n && is_digit(s[i]))
		i++;
	if (i + 1 < n && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
		size_t j = i + 2;
		if (j < n && is_digit(s[j]))
			j++;
		if (j == n || !is_digit(s[j]))
			i = j;
	}
	return i;
}

/* After a range's lower end at s[i]: blanks, '-' or '–' (U+2013),
 * blanks; the index after them, or 0 when there is no such dash. */
static size_t
range_dash(const char *s, size_t n, size_t i)
{
	while (i < n && is_blank(s[i]))
		i++;
	if (i < n && s[i] == '-')
		i++;
	else if (i + 2 < n && !memcmp(s + i, "\xe2\x80\x93", 3))
		i += 3;
	else
		return 0;
	while (i < n && is_blank(s[i]))
		i++;
	return i;
}

/* s[0..n) into out, each range of numbers "A-B" as B alone.  A number
 * that is part of a longer run of numbers and dashes ("2027-04-20") or
 * of a word stays as it is. */
static void
upper_ends(const char *s, size_t n, struct buf *out)
{
	size_t i = 0;
	while (i < n) {
		unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
		if (!is_digit(s[i]) || (prev < 0x80 && (is_digit(prev) ||
		    (unsigned)((prev | 0x20) - 'a') < 26u || prev == '-' ||
		    prev == '.' || prev == ','))) {
			buf_addc(out, s[i++]);
			continue;
		}
		size_t e = number_end(s, n, i);
		size_t j = range_dash(s, n, e);
		if (j && j < n && is_digit(s[j])) {
			size_t e2 = number_end(s, n, j);
			size_t k = range_dash(s, n, e2);
			if ((e2 == n || !is_digit(s[e2])) &&
			    !(k && k < n && is_digit(s[k]))) {
				buf_add(out, s + j, e2 - j);
				i = e2;
				continue;
			}
		}
		buf_add(out, s + i, e - i);
		i = e;
	}
}

/* The planned cost written in the text s: see occasion_plan. */
static bool
text_plan(const char *s, struct money *m)
{
	struct buf t = {0};
	size_t start, end;
	upper_ends(s, strlen(s), &t);
	bool found = t.len && money_find(t.s, t.len, m, &start, &end);
	if (found) {		/* "10 € - 15 €" */
		struct money up;
		size_t j = range_dash(t.s, t.len, end);
		if (j && money_find(t.s + j, t.len - j, &up, &start, NULL) &&
		    start == 0 && !strcmp(up.currency, m->currency))
			*m = up;
	}
	buf_free(&t);
	return found;
}

bool
occasion_plan(const struct gesture *g, struct money *m)
{
	for (size_t i = 0; i < g->n; i++) {
		const struct gesture_part *p = &g->part[i];
		if (p->kind == GP_TEXT ? text_plan(p->text, m) :
		    p->def && occasion_plan(p->def, m))
			return true;
	}
	return false;
}

static int
parse_rule(struct occasions *os, struct occasion *o, const char *s,
    size_t n, long line)
{
	size_t at = 0, nl, wl, ll;
	const char *name = word(s, n, &at, &nl);
	const char *when = word(s, n, &at, &wl);
	const char *lead = word(s, n, &at, &ll);

	if (!lead) {
		diag_error(os->file, line, "expected NAME WHEN LEAD GESTURE, "
		    "e.g. 'birthday birthday 2 Call {contact}'");
		return -1;
	}
	if (!match(&os->rx->name, name, nl)) {
		diag_error(os->file, line, "bad occasion name '%.*s': a tag "
		    "word of letters, digits, '-' and '_' that starts with a "
		    "letter, e.g. birthday or glückwunsch", (int)nl, name);
		return -1;
	}
	o->name = xstrndup(name, nl);
	text_lower(o->name, nl);	/* compared as tags are */
	struct occasion *first = hash_get(&os->names, o->name);
	if (first) {
		diag_error(os->file, line, "occasion '%s' defined twice "
		    "(first at line %ld): give each rule its own name",
		    o->name, first->line);
		return -1;
	}
	if (parse_when(os, o, when, wl, line) < 0 ||
	    parse_lead(os, o, lead, ll, line) < 0)
		return -1;
	size_t gl = n - at;
	const char *g = trim(s + at, &gl);
	if (!gl) {
		diag_error(os->file, line, "occasion '%s' has no gesture: "
		    "write what to do after the lead, e.g. 'Call {contact}'",
		    o->name);
		return -1;
	}
	char *err;
	if (gesture_compile(&o->gesture, g, gl, &err) < 0) {
		diag_error(os->file, line, "%s", err);
		free(err);
		return -1;
	}
	o->has_plan = occasion_plan(&o->gesture, &o->plan);
	return 0;
}

int
occasions_add(struct occasions *os, const char *s, size_t n, long line)
{
	if (n && s[n - 1] == '\r')
		n--;
	/* Checked before comments are skipped: a file that is not UTF-8
	 * is told so at its first such line, wherever that is. */
	if (memchr(s, '\0', n)) {
		diag_error(os->file, line, "NUL byte in line; line skipped");
		return -1;
	}
	if (!utf8_valid(s, n)) {
		diag_error(os->file, line, "not UTF-8 text: save the "
		    "occasions file as UTF-8");
		return -1;
	}
	size_t at = 0;
	while (at < n && is_blank(s[at]))
		at++;
	if (at == n || s[at] == '#')
		return 0;
	struct occasion *o = xcalloc(1, sizeof *o);
	o->line = line;
	if (parse_rule(os, o, s, n, line) < 0) {
		occasion_free(o);
		return -1;
	}
	struct buf src = {0};
	buf_printf(&src, "%s:%ld", os->file, line);
	o->source = buf_steal(&src);
	*hash_put(&os->names, o->name) = o;
	if (os->n == os->cap) {
		os->cap = os->cap ? os->cap * 2 : 16;
		os->v = xrealloc(os->v, os->cap * sizeof *os->v);
	}
	os->v[os->n++] = o;
	return 1;
}

int
occasions_read(struct occasions *os, FILE *fp)
{
	struct lines in;
	lines_init(&in, fp, os->file);
	char *s;
	size_t n;
	while ((s = lines_next(&in, &n))) {
		if (in.lineno == 1 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			n -= 3;
		}
		occasions_add(os, s, n, in.lineno);
	}
	int r = in.failed ? -1 : 0;
	lines_free(&in);
	return r;
}

int
occasions_load(struct occasions *os)
{
	bool std = strcmp(os->file, "-") == 0;
	FILE *fp = std ? stdin : fopen(os->file, "r");
	if (!fp) {
		diag_syserr("cannot read '%s'", os->file);
		return -1;
	}
	int r = occasions_read(os, fp);
	if (!std)
		fclose(fp);
	return r;
}
