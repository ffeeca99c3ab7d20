/* gesture.c: gesture templates: compile once, expand per due gesture. */
#include <stdlib.h>
#include <string.h>

#include "gesture.h"
#include "noteline.h"
#include "rx.h"
#include "text.h"

/* The tag pattern of tact-notes(5), as the notes parser reads tags. */
#define TAG_PATTERN "(?<!\\S)#" TAG_WORD

static struct rx tag_rx;
static bool tag_rx_ready;

static void
tag_rx_free(void)
{
	rx_free(&tag_rx);
}

static struct rx *
tag_pattern(void)
{
	if (!tag_rx_ready) {
		rx_init(&tag_rx, TAG_PATTERN, 0);
		tag_rx_ready = true;
		atexit(tag_rx_free);
	}
	return &tag_rx;
}

static bool
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');	/* \t \n \v \f \r */
}

/* Collapse out->s[from..) in place: each run of white space one space,
 * trimmed.  Text is appended first and collapsed after, so that an
 * expansion needs no buffer of its own (it runs for every gesture). */
static void
collapse(struct buf *out, size_t from)
{
	if (!out->s) {
		buf_add(out, "", 0);
		return;
	}
	char *s = out->s;
	size_t i = from, n = out->len;
	/* Most texts have single spaces between words and none at their
	 * ends: what comes before the first byte to change stays. */
	if (i < n && !is_space(s[i])) {
		/* a byte above ' ' is no white space: one test for most */
		while (++i < n && ((unsigned char)s[i] > ' ' ||
		    (s[i] == ' ' ? i + 1 < n && !is_space(s[i + 1]) :
		    !is_space(s[i]))))
			;
		if (i == n)
			return;
	}
	size_t o = i;		/* s[i] is white space after a word */
	for (;;) {
		while (i < n && is_space(s[i]))
			i++;
		if (i == n)
			break;
		if (o > from)
			s[o++] = ' ';
		while (i < n && !is_space(s[i]))
			s[o++] = s[i++];
	}
	out->len = o;
	s[o] = '\0';
}

static bool
is_empty(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!is_space(*s))
			return false;
	return true;
}

/* untag_only without the pattern, for text whose #tags ASCII tells (the
 * most): false, with nothing appended, when it does not. */
static bool
untag_ascii(struct buf *out, const char *s, size_t n)
{
	size_t from = out->len, done = 0, i = 0;
	const char *hash;
	while ((hash = memchr(s + i, '#', n - i))) {
		i = (size_t)(hash - s);
		size_t end = text_ascii_tag(s, n, i);
		if (end == TEXT_TAG_UNSURE) {
			if (out->s) {	/* undone */
				out->len = from;
				out->s[from] = '\0';
			}
			return false;
		}
		if (end) {
			buf_add(out, s + done, i - done);
			done = end;
		}
		i = end ? end : i + 1;
	}
	buf_add(out, s + done, n - done);
	return true;
}

/* Append s[0..n) without its #tags, white space as it is. */
static void
untag_only(struct buf *out, const char *s, size_t n)
{
	size_t at = 0;
	if (memchr(s, '#', n) && utf8_valid(s, n)) {
		if (untag_ascii(out, s, n))
			return;
		struct rx *rx = tag_pattern();
		while (at < n && rx_match(rx, s, n, at, 0)) {
			PCRE2_SIZE *ov = rx_ov(rx);
			buf_add(out, s + at, ov[0] - at);
			at = ov[1];
		}
	}
	buf_add(out, s + at, n - at);
}

/* Append s without its #tags, its wikilinks as their labels
 * ("[[Anna Müller|Anna]]" → "Anna"), white space as it is. */
static void
untag(struct buf *out, const char *s)
{
	size_t n = strlen(s);
	if (!strstr(s, "[[")) {
		untag_only(out, s, n);
		return;
	}
	struct buf t = {0};
	untag_only(&t, s, n);
	line_unlink(out, t.s, t.len);
	buf_free(&t);
}

/* Trim out->s[from..) in place: no white space at its ends. */
static void
trim_from(struct buf *out, size_t from)
{
	if (!out->s)
		return;
	size_t i = from, n = out->len;
	while (i < n && is_space(out->s[i]))
		i++;
	while (n > i && is_space(out->s[n - 1]))
		n--;
	memmove(out->s + from, out->s + i, n - i);
	out->len = from + (n - i);
	out->s[out->len] = '\0';
}

void
gesture_strip(struct buf *out, const char *s)
{
	untag(out, s);
}

void
gesture_untag(struct buf *out, const char *s)
{
	size_t from = out->len;
	untag(out, s);
	collapse(out, from);
}

static const struct {
	const char *name;
	enum gesture_kind kind;
} builtin[] = {
	{"client", GP_CLIENT}, {"name", GP_NAME}, {"contact", GP_CONTACT},
	{"id", GP_ID}, {"years", GP_YEARS}, {"date", GP_DATE},
	{"entry", GP_ENTRY}, {"last", GP_LAST},
};

static void
add_part(struct gesture *g, enum gesture_kind kind, char *text,
    struct gesture *def)
{
	if ((g->n & (g->n - 1)) == 0)	/* 0, 1, 2, 4 …: double */
		g->part = xrealloc(g->part, (g->n ? 2 * g->n : 1) *
		    sizeof *g->part);
	g->part[g->n].kind = kind;
	g->part[g->n].text = text;
	g->part[g->n].def = def;
	g->n++;
}

static char *
errmsg(const char *fmt, int len, const char *s)
{
	struct buf b = {0};
	buf_printf(&b, fmt, len, s);
	return buf_steal(&b);
}

#define STR_(x) #x
#define STR(x) STR_(x)

static int compile(struct gesture *g, const char *s, size_t n, int depth,
    char **err);

/* The placeholder that opens at s[i] ('{'), with its default compiled
 * (depth: how deep this one is nested): its end (after '}') in *end.
 * The default runs to the '}' that balances the '{', so it may hold
 * placeholders of its own. */
static int
placeholder(struct gesture *g, const char *s, size_t n, size_t i,
    int depth, size_t *end, char **err)
{
	size_t j = i + 1;
	while (j < n && s[j] != '{' && s[j] != '}' && s[j] != '|')
		j++;
	if (j < n && s[j] == '{') {
		*err = errmsg("'{' inside the placeholder '%.*s': end the "
		    "placeholder with '}' first, e.g. {contact}",
		    (int)(j - i), s + i);
		return -1;
	}
	size_t k = j;		/* the closing '}' */
	int open = 0;
	if (k < n && s[k] == '|')
		for (k++; k < n && (s[k] != '}' || open); k++) {
			if (s[k] == '{' && ++open + depth > GESTURE_MAX_DEPTH) {
				*err = errmsg("placeholders nested too deep in "
				    "'%.*s': a default may hold placeholders "
				    "up to " STR(GESTURE_MAX_DEPTH) " deep, "
				    "e.g. {kontakt|{contact|the team}}",
				    (int)(k + 1 - i), s + i);
				return -1;
			}
			open -= s[k] == '}';
		}
	if (k == n) {
		*err = errmsg("unclosed '{' in '%.*s': end the placeholder "
		    "with '}', e.g. {contact}", (int)(k - i), s + i);
		return -1;
	}
	char *key = key_normalize(s + i + 1, j - i - 1);
	if (!*key) {
		free(key);
		*err = errmsg("empty placeholder '%.*s': write {KEY} or "
		    "{KEY|default}, e.g. {contact|the team}",
		    (int)(k + 1 - i), s + i);
		return -1;
	}
	struct gesture *def = NULL;
	if (s[j] == '|') {
		def = xmalloc(sizeof *def);
		if (compile(def, s + j + 1, k - j - 1, depth + 1, err) < 0) {
			free(def);
			free(key);
			return -1;
		}
	}
	enum gesture_kind kind = GP_FIELD;
	for (size_t b = 0; b < sizeof builtin / sizeof *builtin; b++)
		if (strcmp(key, builtin[b].name) == 0)
			kind = builtin[b].kind;
	add_part(g, kind, key, def);
	*end = k + 1;
	return 0;
}

/* s[0..n) into *g; a default of a placeholder nested depth deep (its
 * braces balanced by placeholder()). */
static int
compile(struct gesture *g, const char *s, size_t n, int depth, char **err)
{
	g->part = NULL;
	g->n = 0;
	size_t i = 0;
	while (i < n) {
		if (s[i] != '{') {
			const char *open = memchr(s + i, '{', n - i);
			size_t j = open ? (size_t)(open - s) : n;
			add_part(g, GP_TEXT, xstrndup(s + i, j - i), NULL);
			i = j;
		} else if (placeholder(g, s, n, i, depth, &i, err) < 0) {
			gesture_free(g);
			return -1;
		}
	}
	return 0;
}

int
gesture_compile(struct gesture *g, const char *s, size_t n, char **err)
{
	return compile(g, s, n, 0, err);
}

/* Append the expansion of g to out, white space as it is. */
static void
expand(const struct gesture *g, const struct gesture_vals *v,
    struct buf *out)
{
	for (size_t i = 0; i < g->n; i++) {
		const struct gesture_part *p = &g->part[i];
		const char *s = NULL;
		size_t at = out->len;
		switch (p->kind) {
		case GP_TEXT:
			buf_adds(out, p->text);
			continue;
		case GP_CONTACT:
			if (v->contact) {
				s = v->contact;
				break;
			}
			/* FALLTHROUGH */
		case GP_FIELD:
			s = v->field ? v->field(p->text, v->arg) : NULL;
			break;
		case GP_CLIENT: s = v->client; break;
		case GP_NAME: s = v->name; break;
		case GP_ID: s = v->id; break;
		case GP_YEARS: s = v->years; break;
		case GP_DATE: s = v->date; break;
		case GP_ENTRY:
		case GP_LAST:
			s = p->kind == GP_ENTRY ? v->entry : v->last;
			if (s) {
				/* as gesture_untag: its white space is
				 * collapsed with the rest (gesture_expand) */
				if (p->kind == GP_LAST && v->last_untagged)
					buf_adds(out, s);
				else
					untag(out, s);
				trim_from(out, at);	/* empty: nothing */
				if (out->len > at)
					continue;
				s = NULL;
			}
			break;
		}
		if (is_empty(s) && p->def)
			expand(p->def, v, out);
		else if (s)
			buf_adds(out, s);
	}
}

void
gesture_expand(const struct gesture *g, const struct gesture_vals *v,
    struct buf *out)
{
	size_t from = out->len;
	expand(g, v, out);
	collapse(out, from);
}

void
gesture_each(const struct gesture *g,
    void (*fn)(const struct gesture_part *p, void *arg), void *arg)
{
	for (size_t i = 0; i < g->n; i++) {
		if (g->part[i].kind == GP_TEXT)
			continue;
		fn(&g->part[i], arg);
		if (g->part[i].def)
			gesture_each(g->part[i].def, fn, arg);
	}
}

void
gesture_free(struct gesture *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->part[i].text);
		if (g->part[i].def) {
			gesture_free(g->part[i].def);
			free(g->part[i].def);
		}
	}
	free(g->part);
	g->part = NULL;
	g->n = 0;
}
