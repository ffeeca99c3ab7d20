/* notesfront.c: a note's front matter (tact-notes(5)): YAML read with
 * libyaml (frontmatter.h); when it is not valid YAML, a warning and then
 * line by line as "key: value" (with "- item" lines under an empty key as
 * its list), so that nothing is lost. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "frontmatter.h"
#include "noteline.h"
#include "notesint.h"
#include "text.h"

/* The key that says a file holds one client a level-2 heading. */
#define CLIENTS_KEY "tact-clients"

/* One key of the front matter, at line np->lineno. */
static void
front_pair(struct notes *np, const char *k, size_t kn, const char *v,
    size_t vn)
{
	char *key = key_normalize(k, kn);
	if (!strcmp(key, CLIENTS_KEY)) {
		if (vn == 2 && (v[0] == 'h' || v[0] == 'H') && v[1] == '2')
			np->client_level = 2;
		else
			diag_warning(np->file, np->lineno, "'%s: %.*s' is not "
			    "understood: write '%s: h2' for a file of one "
			    "client a '##' heading", CLIENTS_KEY, (int)vn, v,
			    CLIENTS_KEY);
		free(key);
		return;
	}
	free(key);
	for (size_t i = 0, start = 0; i <= kn; i++) {	/* "a.b": each part */
		if (i < kn && k[i] != '.')
			continue;
		if (!notes_key_valid(np, k + start, i - start)) {
			diag_warning(np->file, np->lineno, "front matter key "
			    "'%.*s' is no field key (up to 40 letters, digits, "
			    "spaces, '-', '_', '/', '&'); skipped", (int)kn, k);
			return;
		}
		start = i + 1;
	}
	notes_field(np, k, kn, v, vn, true);
}

struct yaml_ctx {
	struct notes *np;
	long first;		/* the file's line of the text's first line */
};

static void
yaml_pair(const char *key, const char *value, long line, void *ctx)
{
	struct yaml_ctx *c = ctx;
	c->np->lineno = c->first + line - 1;
	size_t vn = strlen(value);	/* a block scalar's last line end */
	while (vn && (value[vn - 1] == '\n' || is_blank(value[vn - 1])))
		vn--;
	front_pair(c->np, key, strlen(key), value, vn);
}

/* A key whose value is the list of the "- item" lines after it. */
struct pending {
	const char *key;
	size_t kn;
	long line;
	struct buf list;
	bool open;
};

static void
pending_flush(struct notes *np, struct pending *pd)
{
	if (!pd->open)
		return;
	long at = np->lineno;
	np->lineno = pd->line;
	const char *v = pd->list.s ? pd->list.s : "";
	front_pair(np, pd->key, pd->kn, v, pd->list.len);
	np->lineno = at;
	buf_reset(&pd->list);
	pd->open = false;
}

static const char *
unquote(const char *v, size_t *vn)
{
	if (*vn >= 2 && (v[0] == '"' || v[0] == '\'') && v[*vn - 1] == v[0]) {
		*vn -= 2;
		return v + 1;
	}
	return v;
}

/* One line of front matter that is not valid YAML. */
static void
lenient_line(struct notes *np, struct pending *pd, const char *s, size_t n)
{
	size_t tn = n;
	const char *t = trim(s, &tn);
	if (!tn || t[0] == '#')
		return;
	if (t[0] == '-' && (tn == 1 || is_blank(t[1]))) {
		if (!pd->open) {
			diag_warning(np->file, np->lineno, "front matter line "
			    "is not 'key: value'; skipped");
			return;
		}
		size_t vn = tn - 1;
		const char *v = trim(t + 1, &vn);
		v = unquote(v, &vn);
		if (pd->list.len)
			buf_add(&pd->list, ", ", 2);
		buf_add(&pd->list, v, vn);
		return;
	}
	pending_flush(np, pd);
	struct field_at f;
	if (!notes_field_match(np, t, tn, &f)) {
		diag_warning(np->file, np->lineno, "front matter line is not "
		    "'key: value'; skipped");
		return;
	}
	size_t kn = f.keylen;
	const char *k = trim(t + f.key, &kn);
	size_t vn = tn - f.end;
	const char *v = trim(t + f.end, &vn);
	if (!vn) {		/* maybe a list follows */
		pd->key = k;
		pd->kn = kn;
		pd->line = np->lineno;
		pd->open = true;
		return;
	}
	v = unquote(v, &vn);
	front_pair(np, k, kn, v, vn);
}

/* Each line of the front matter text from byte *at, numbered from
 * np->lineno, up to the end or (stop) a heading; *at is where it stopped. */
static void
each_line(struct notes *np, size_t *at, bool stop, void (*fn)(struct notes *,
    void *, const char *, size_t), void *ctx)
{
	const char *s = np->front.s ? np->front.s + *at : "";
	const char *end = np->front.s ? np->front.s + np->front.len : s;
	while (s < end) {
		const char *e = memchr(s, '\n', (size_t)(end - s));
		const char *h;
		size_t hn;
		if (stop && line_heading(s, (size_t)(e - s), &h, &hn))
			break;
		fn(np, ctx, s, (size_t)(e - s));
		s = e + 1;
		np->lineno++;
	}
	*at = np->front.s ? (size_t)(s - np->front.s) : 0;
}

static void
lenient_each(struct notes *np, void *ctx, const char *s, size_t n)
{
	lenient_line(np, ctx, s, n);
}

static void
body_each(struct notes *np, void *ctx, const char *s, size_t n)
{
	(void)ctx;
	notes_body_line(np, s, n, text_scan(s, n));
}

/* Read the front matter lines leniently, up to a heading when stop. */
static size_t
lenient(struct notes *np, bool stop)
{
	struct pending pd = {0};
	size_t at = 0;
	each_line(np, &at, stop, lenient_each, &pd);
	pending_flush(np, &pd);
	buf_free(&pd.list);
	return at;
}

void
notes_front_end(struct notes *np, bool closed)
{
	long at = np->lineno;
	long first = np->open_line + 1;
	np->state = BODY;
	np->lineno = first;
	if (!closed) {
		/* Its "key: value" lines up to the first heading are front
		 * matter; from there on the file is notes. */
		diag_warning(np->file, np->open_line, "unclosed front matter: "
		    "no '---' line ends it; read up to the first heading");
		size_t from = lenient(np, true);
		each_line(np, &from, false, body_each, NULL);
		np->lineno = at;
		buf_reset(&np->front);
		return;
	}
	struct yaml_ctx c = { np, first };
	long errline = 0;
	char *msg = NULL;
	const char *text = np->front.s ? np->front.s : "";
	if (frontmatter_parse(text, np->front.len, yaml_pair, &c, &errline,
	    &msg) != 0) {
		diag_warning(np->file, first + errline - 1, "front matter is "
		    "not valid YAML (%s): read line by line as 'key: value'",
		    msg);
		free(msg);
		np->lineno = first;
		lenient(np, false);
	}
	np->lineno = at;
	buf_reset(&np->front);
}
