/* notes.c: the notes parser (tact-notes(5)).
 *
 * One pass over the lines with a small state machine for front matter,
 * fenced code and HTML comments.  Cheap byte tests classify a line first;
 * PCRE2 patterns (compiled once per parser) only look at list items.  A
 * section is held back until it ends, because an "id" field anywhere in
 * it names the client; its diagnostics are held back with it so that
 * they come out in line order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "hash.h"
#include "lines.h"
#include "notes.h"
#include "rx.h"
#include "slug.h"
#include "text.h"
#include "util.h"

/* A section's diagnostics wait for it to end, so that those of its
 * heading, found last, come first; but not more than this many bytes of
 * them. */
enum { NOTES_DIAG_HOLD = 1 << 20 };

/* An item of the open section.  Its strings live in the section's arena
 * (struct notes.strs) as offsets, so an item costs no malloc. */
struct pend {
	int kind;		/* NOTES_FIELD or NOTES_ENTRY */
	long line;
	size_t key, value, text, tags;
	struct date date;
	bool has_date;
	struct money amount;
	bool has_amount;
};

struct notes {
	notes_fn fn;
	void *ctx;
	struct hash seen;	/* id → its first place: index in places + 1 */
	struct place {
		size_t file;	/* index in files */
		long line;
	} *places;
	size_t nplaces, capplaces;
	char **files;		/* every file parsed, in order */
	size_t nfiles;
	struct rx field_rx, tag_rx;
	struct buf line;	/* the current line without HTML comments */
	struct buf tags;
	struct hash tagset;	/* dedupes the tags of one entry */

	const char *file;
	long lineno;
	bool had_heading;
	bool in_item;		/* the previous line belongs to a list item */

	/* The open section. */
	char *name;
	long heading_line;	/* 0: the file's implicit client */
	char *id;		/* from an "id" field */
	bool id_front;		/* that field was in the front matter */
	bool skip;		/* an empty heading: drop the section */
	struct pend *items;
	size_t nitems, capitems;
	size_t nfront;		/* items[0..nfront) are front matter */
	/* Before a file's first heading, the lines of the list items that are
	 * neither field nor entry (a warning each, should a heading follow),
	 * as runs of consecutive lines: a million "-" lines cost nothing. */
	struct stray {
		long first, last;
	} *stray;
	size_t nstray, capstray;
	long last_item_line;
	struct buf diags;
	struct buf strs;	/* the strings of the section's items */
	struct lines in;	/* its buffer serves every file */
};

struct notes *
notes_new(notes_fn fn, void *ctx)
{
	struct notes *np = xcalloc(1, sizeof *np);
	np->fn = fn;
	np->ctx = ctx;
	lines_init(&np->in, NULL, NULL);
	/* Key: 1-40 letters, digits, spaces, '-', '_', maybe in emphasis
	 * ("**Key**:" or "**Key:**"), then ':' and white space or the end. */
	rx_init(&np->field_rx,
	    "\\A(?:(\\*\\*|__|\\*|_)([\\p{L}\\p{N} _-]{1,40}?)(?:\\1:|:\\1)"
	    "|([\\p{L}\\p{N} _-]{1,40}):)(?=[ \\t]|\\z)", 0);
	rx_init(&np->tag_rx, "(?<!\\S)#(\\p{L}[\\p{L}\\p{N}_-]*)", 0);
	return np;
}

/* Keep the items before from (and the strings they use). */
static void
drop_items(struct notes *np, size_t from)
{
	np->nitems = from;
	if (!from) {
		buf_reset(&np->strs);
		np->nstray = 0;
	}
}

/* Copy s[0..n) into the section's arena; returns its offset. */
static size_t
keep(struct notes *np, const char *s, size_t n)
{
	size_t off = np->strs.len;
	buf_add(&np->strs, s, n);
	buf_addc(&np->strs, '\0');
	return off;
}

void
notes_free(struct notes *np)
{
	if (!np)
		return;
	drop_items(np, 0);
	free(np->items);
	free(np->stray);
	free(np->name);
	free(np->id);
	hash_free(&np->seen);
	free(np->places);
	for (size_t i = 0; i < np->nfiles; i++)
		free(np->files[i]);
	free(np->files);
	hash_free(&np->tagset);
	rx_free(&np->field_rx);
	rx_free(&np->tag_rx);
	buf_free(&np->line);
	buf_free(&np->tags);
	buf_free(&np->diags);
	buf_free(&np->strs);
	lines_free(&np->in);
	free(np);
}

static struct pend *
add_item(struct notes *np, int kind)
{
	if (np->nitems == np->capitems) {
		np->capitems = np->capitems ? np->capitems * 2 : 16;
		np->items = xrealloc(np->items,
		    np->capitems * sizeof *np->items);
	}
	struct pend *p = &np->items[np->nitems++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->line = np->lineno;
	return p;
}

static void
section_open(struct notes *np, const char *name, size_t n, long line)
{
	free(np->name);
	free(np->id);
	np->name = xstrndup(name, n);
	np->id = NULL;
	np->heading_line = line;
	np->skip = false;
	np->last_item_line = 0;
}

static void basename_md(const char *path, const char **s, size_t *n);

static void
emit(struct notes *np, struct notes_item *it)
{
	np->fn(it, np->ctx);
}

/* The section ends at line end: name its client, then hand its items on. */
static void
section_close(struct notes *np, long end)
{
	long hline = np->heading_line ? np->heading_line : 1;
	/* A file without heading keeps the id of its file name, even when
	 * a "name" field gives it a display name. */
	const char *from = np->name;
	size_t fn = strlen(np->name);
	if (!np->heading_line)
		basename_md(np->file, &from, &fn);
	char *id = np->id ? xstrdup(np->id) : slug_make(from, fn);
	if (np->skip) {
		drop_items(np, 0);
		diag_flush(&np->diags);
		free(id);
		return;
	}
	if (!*id) {
		if (np->heading_line)
			diag_error(np->file, hline, "client '%s' has no id: "
			    "its name has no letters or digits; add an "
			    "'- id: …' field", np->name);
		else
			diag_error(np->file, hline, "no client heading: "
			    "start the notes with '# Name'");
		drop_items(np, 0);
		diag_flush(&np->diags);
		free(id);
		return;
	}

	/* A compact place a client (no string each), so that many
	 * clients cost little memory. */
	void **first = hash_put(&np->seen, id);
	bool merged = *first != NULL;
	if (merged) {
		struct place *p = &np->places[(uintptr_t)*first - 1];
		diag_capture(NULL);
		diag_warning(np->file, hline, "client '%s' already at %s:%ld; "
		    "merged", id, np->files[p->file], p->line);
		diag_capture(&np->diags);
	} else {
		if (np->nplaces == np->capplaces) {
			np->capplaces = np->capplaces ? np->capplaces * 2 : 64;
			np->places = xrealloc(np->places,
			    np->capplaces * sizeof *np->places);
		}
		np->places[np->nplaces++] = (struct place){np->nfiles - 1,
		    hline};
		*first = (void *)(uintptr_t)np->nplaces;
	}
	diag_flush(&np->diags);

	struct notes_item it = {0};
	it.id = id;
	it.file = np->file;
	it.merged = merged;
	if (!merged) {
		it.kind = NOTES_CLIENT;
		it.line = hline;
		it.name = np->name;
		emit(np, &it);
	}
	for (size_t i = 0; i < np->nitems; i++) {
		struct pend *p = &np->items[i];
		it.kind = (enum notes_kind)p->kind;
		it.line = p->line;
		it.key = np->strs.s + p->key;
		it.value = np->strs.s + p->value;
		it.date = p->date;
		it.has_date = p->has_date;
		it.text = np->strs.s + p->text;
		it.tags = np->strs.s + p->tags;
		it.amount = p->amount;
		it.has_amount = p->has_amount;
		emit(np, &it);
	}
	memset(&it, 0, sizeof it);
	it.kind = NOTES_SECTION;
	it.id = id;
	it.name = np->name;
	it.file = np->file;
	it.line = hline;
	it.merged = merged;
	it.heading_line = np->heading_line;
	it.last_item_line = np->last_item_line;
	it.end_line = end;
	emit(np, &it);
	drop_items(np, 0);
	free(id);
}

/* The first heading of a file: what came before it belongs to no client,
 * except front matter, which goes to this first client. */
static void
first_heading(struct notes *np)
{
	diag_flush(&np->diags);
	size_t keep = np->nfront, i = keep, r = 0;
	long at = np->nstray ? np->stray[0].first : 0;
	while (i < np->nitems || r < np->nstray) {	/* in line order */
		long line;
		if (r == np->nstray ||
		    (i < np->nitems && np->items[i].line < at)) {
			line = np->items[i++].line;
		} else {
			line = at;
			if (at++ == np->stray[r].last && ++r < np->nstray)
				at = np->stray[r].first;
		}
		diag_warning(np->file, line, "list item before the first "
		    "heading belongs to no client");
		if (np->diags.len >= NOTES_DIAG_HOLD)
			diag_flush(&np->diags);
	}
	np->nstray = 0;
	drop_items(np, keep);
	np->had_heading = true;
}

/* "# Name ##" → "Name"; emphasis around the whole name removed. */
static void
heading(struct notes *np, const char *s, size_t n)
{
	s = trim(s, &n);
	size_t k = n;
	while (k && s[k - 1] == '#')
		k--;
	if (k == 0 || is_blank(s[k - 1]))
		n = k;
	s = trim(s, &n);
	static const char *const marks[] = { "**", "__", "*", "_" };
	for (int again = 1; again;) {
		again = 0;
		for (size_t m = 0; m < 4; m++) {
			size_t ml = strlen(marks[m]);
			if (n > 2 * ml && !memcmp(s, marks[m], ml) &&
			    !memcmp(s + n - ml, marks[m], ml)) {
				s += ml;
				n -= 2 * ml;
				s = trim(s, &n);
				again = 1;
			}
		}
	}

	char *front_id = NULL;	/* front matter names the first client */
	if (!np->had_heading) {
		if (np->id && np->id_front)
			front_id = xstrdup(np->id);
		first_heading(np);
	} else {
		section_close(np, np->lineno - 1);
	}
	section_open(np, s, n, np->lineno);
	np->id = front_id;
	np->nfront = 0;
	if (n == 0) {
		diag_error(np->file, np->lineno, "empty client heading: write "
		    "'# Name'; its section is skipped");
		np->skip = true;
	}
}

/* The date at the start of a field's value, if any; false on a bad one. */
static bool
value_date(struct notes *np, const char *v, size_t n, struct pend *p)
{
	size_t used;
	char *msg = NULL;
	switch (date_scan(v, n, &p->date, &used, &msg)) {
	case DATE_FULL:
	case DATE_YEARLESS:
		p->has_date = true;
		return true;
	case DATE_BAD:
		diag_error(np->file, np->lineno, "%s", msg);
		free(msg);
		return false;
	case DATE_NONE:
		break;
	}
	return true;
}

/* "Key: value" at the start of s; false when s is no field. */
static bool
field(struct notes *np, const char *s, size_t n, bool front)
{
	if (!memchr(s, ':', n) || !rx_match(&np->field_rx, s, n, 0, 0))
		return false;
	PCRE2_SIZE *ov = rx_ov(&np->field_rx);
	int g = rx_group(&np->field_rx, 2) ? 2 : 3;
	char *key = key_normalize(s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	if (!*key) {
		free(key);
		return false;
	}
	size_t vn = n - ov[1];
	const char *v = trim(s + ov[1], &vn);
	if (front && vn >= 2 && (v[0] == '"' || v[0] == '\'') &&
	    v[vn - 1] == v[0]) {
		v++;
		vn -= 2;
	}
	struct pend tmp = {0};
	if (!value_date(np, v, vn, &tmp)) {
		free(key);
		return true;
	}
	if (!strcmp(key, "id")) {
		bool ok = vn > 0;
		for (size_t i = 0; i < vn; i++)
			if (is_blank(v[i]))
				ok = false;
		if (!ok) {
			diag_error(np->file, np->lineno, "bad id '%.*s': an id "
			    "is one word without spaces; the slug of the "
			    "name is used", (int)vn, v);
		} else {
			free(np->id);
			np->id = xstrndup(v, vn);
			np->id_front = front;
		}
	}
	struct pend *p = add_item(np, NOTES_FIELD);
	p->date = tmp.date;
	p->has_date = tmp.has_date;
	if (!strcmp(key, "name") && !np->heading_line && vn) {
		/* a file without heading: its display name */
		free(np->name);
		np->name = xstrndup(v, vn);
	}
	p->key = keep(np, key, strlen(key));
	p->value = keep(np, v, vn);
	p->text = p->tags = p->key;	/* unused: any valid offset */
	free(key);
	if (front)
		np->nfront++;
	return true;
}

/* Has the list "a,b,c" in b the tag t? */
static bool
has_tag(const struct buf *b, const char *t, size_t n)
{
	const char *p = b->s, *end = b->s + b->len;
	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		size_t len = c ? (size_t)(c - p) : (size_t)(end - p);
		if (len == n && !memcmp(p, t, n))
			return true;
		p += len + 1;
	}
	return false;
}

/* The tags of an entry's text into np->tags: "a,b", lowercased, in order,
 * no repeats.  A hash table takes over from the list when there are many,
 * so a line of a million tags stays linear. */
static void
entry_tags(struct notes *np, const char *t, size_t n)
{
	enum { FEW = 16 };
	buf_reset(&np->tags);
	if (!memchr(t, '#', n))
		return;
	size_t ntags = 0;
	size_t at = 0;
	while (at < n && rx_match(&np->tag_rx, t, n, at, 0)) {
		PCRE2_SIZE *ov = rx_ov(&np->tag_rx);
		at = ov[1];
		size_t start = np->tags.len + (ntags ? 1 : 0);
		if (ntags)
			buf_addc(&np->tags, ',');
		buf_add(&np->tags, t + ov[2], ov[3] - ov[2]);
		char *tag = np->tags.s + start;
		size_t len = np->tags.len - start;
		for (size_t i = 0; i < len; i++)
			if (tag[i] >= 'A' && tag[i] <= 'Z')
				tag[i] = (char)(tag[i] - 'A' + 'a');
		bool dup;
		if (ntags < FEW) {
			struct buf before = np->tags;
			before.len = start ? start - 1 : 0;
			dup = ntags && has_tag(&before, tag, len);
		} else {
			if (ntags == FEW) {	/* move the list into the table */
				char *list = xstrndup(np->tags.s, start - 1);
				for (char *p = list, *c; p; p = c) {
					c = strchr(p, ',');
					if (c)
						*c++ = '\0';
					*hash_put(&np->tagset, p) = np;
				}
				free(list);
			}
			void **seen = hash_put(&np->tagset, tag);
			dup = *seen != NULL;
			*seen = np;
		}
		if (dup) {
			np->tags.len = start ? start - 1 : 0;
			np->tags.s[np->tags.len] = '\0';
		} else {
			ntags++;
		}
	}
	hash_clear(&np->tagset);
}

static bool
is_dash(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && s[0] == '-') {
		*len = 1;
		return true;
	}
	/* en dash U+2013, em dash U+2014 */
	if (n >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) {
		*len = 3;
		return true;
	}
	return false;
}

static void
entry(struct notes *np, const char *s, size_t n, size_t used, struct date d)
{
	size_t i = used;
	if (i < n && !is_blank(s[i]) && s[i] != ':') {
		diag_warning(np->file, np->lineno, "'%.*s' is no entry: put "
		    "':' or a space after the date",
		    (int)(used + utf8_seqlen((unsigned char)s[used])), s);
		return;
	}
	while (i < n && is_blank(s[i]))
		i++;
	if (i < n && s[i] == ':')
		i++;
	while (i < n && is_blank(s[i]))
		i++;
	size_t dl;
	if (is_dash(s + i, n - i, &dl)) {
		i += dl;
		while (i < n && is_blank(s[i]))
			i++;
	}
	size_t tn = n - i;
	const char *t = trim(s + i, &tn);

	struct pend *p = add_item(np, NOTES_ENTRY);
	p->date = d;
	p->has_date = true;
	p->text = keep(np, t, tn);
	entry_tags(np, t, tn);
	p->tags = keep(np, np->tags.s ? np->tags.s : "", np->tags.len);
	p->key = p->value = p->text;	/* unused: any valid offset */
	size_t a0, a1;
	struct money_doubt why;
	if (money_scan(t, tn, &p->amount, &a0, &a1, &why)) {
		p->has_amount = true;
		struct money m2;
		size_t b0, b1;
		if (money_find(t + a1, tn - a1, &m2, &b0, &b1))
			diag_warning(np->file, np->lineno, "second amount "
			    "'%.*s' ignored: one amount an entry",
			    (int)(b1 - b0), t + a1 + b0);
	}
	/* A gift whose amount is not understood would go uncounted. */
	int wl = (int)(why.end - why.start);
	const char *ws = t + why.start;
	switch (why.why) {
	case MONEY_NEGATIVE:
		diag_warning(np->file, np->lineno, "negative amount '%.*s' "
		    "ignored: an amount is what a gift cost", wl, ws);
		break;
	case MONEY_TOO_LARGE:
		diag_warning(np->file, np->lineno, "amount '%.*s' ignored: "
		    "amounts go up to 999999999.99", wl, ws);
		break;
	case MONEY_MALFORMED:
		diag_warning(np->file, np->lineno, "'%.*s' is no amount: "
		    "write e.g. 1200 €, 1.200,50 € or €24.90", wl, ws);
		break;
	}
}

/* A list item that is neither field nor entry: remembered only before a
 * file's first heading, where it draws a warning if a heading follows. */
static void
other_item(struct notes *np)
{
	if (np->had_heading)
		return;
	if (np->nstray && np->stray[np->nstray - 1].last == np->lineno - 1) {
		np->stray[np->nstray - 1].last = np->lineno;
		return;
	}
	if (np->nstray == np->capstray) {
		np->capstray = np->capstray ? 2 * np->capstray : 16;
		np->stray = xrealloc(np->stray,
		    np->capstray * sizeof *np->stray);
	}
	np->stray[np->nstray++] = (struct stray){ np->lineno, np->lineno };
}

/* A list item's text (after the marker and its white space). */
static void
item(struct notes *np, const char *s, size_t n)
{
	np->last_item_line = np->lineno;
	np->in_item = true;
	bool task = false;
	if (n >= 3 && s[0] == '[' && s[2] == ']' && (n == 3 || is_blank(s[3]))) {
		if (s[1] == ' ') {
			other_item(np);	/* an open task: ignored */
			return;
		}
		if (s[1] == 'x' || s[1] == 'X') {
			task = true;
			s += 3;
			n -= 3;
			s = trim(s, &n);
		}
	}
	struct date d;
	size_t used;
	char *msg = NULL;
	switch (date_scan(s, n, &d, &used, &msg)) {
	case DATE_FULL:
		entry(np, s, n, used, d);
		return;
	case DATE_YEARLESS:
		diag_error(np->file, np->lineno, "date '%.*s' has no year: an "
		    "entry needs one, e.g. YYYY-%02d-%02d", (int)used, s,
		    d.m, d.d);
		return;
	case DATE_BAD:
		diag_error(np->file, np->lineno, "%s", msg);
		free(msg);
		return;
	case DATE_NONE:
		break;
	}
	if (task || !field(np, s, n, false))
		other_item(np);
}

/* Is s a list item?  Then *text is where its text starts. */
static bool
list_item(const char *s, size_t n, size_t *text)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
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

/* Is s a level-1 ATX heading?  Then *text is where its text starts. */
static bool
h1(const char *s, size_t n, size_t *text)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '#')
		return false;
	i++;
	if (i < n && !is_blank(s[i]))
		return false;
	*text = i;
	return true;
}

/* Does s open a fence?  Then *c and *len are its character and length. */
static bool
fence_open(const char *s, size_t n, char *c, size_t *len)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
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

static bool
fence_close(const char *s, size_t n, char c, size_t len)
{
	char c2;
	size_t len2;
	if (!fence_open(s, n, &c2, &len2) || c2 != c || len2 < len)
		return false;
	size_t i = 0;
	while (s[i] != c)
		i++;
	for (i += len2; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

static bool
is_rule(const char *s, size_t n, const char *mark)
{
	size_t k = strlen(mark);
	while (n && is_blank(s[n - 1]))
		n--;
	return n == k && !memcmp(s, mark, k);
}

static bool
blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

/* The first occurrence of pat in s[0..n), or NULL. */
static const char *
find(const char *s, size_t n, const char *pat)
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

/* Remove HTML comments from s; *open tells whether one is still open at
 * the end.  Returns the text that is left, in np->line. */
static void
strip_comments(struct notes *np, const char *s, size_t n, bool *open)
{
	buf_reset(&np->line);
	while (n) {
		if (*open) {
			const char *e = find(s, n, "-->");
			if (!e)
				return;
			n -= (size_t)(e + 3 - s);
			s = e + 3;
			*open = false;
		}
		const char *b = find(s, n, "<!--");
		if (!b) {
			buf_add(&np->line, s, n);
			return;
		}
		buf_add(&np->line, s, (size_t)(b - s));
		n -= (size_t)(b + 4 - s);
		s = b + 4;
		*open = true;
	}
}

static void
basename_md(const char *path, const char **s, size_t *n)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t len = strlen(b);
	if (len > 3 && !strcmp(b + len - 3, ".md"))
		len -= 3;
	*s = b;
	*n = len;
}

void
notes_parse(struct notes *np, FILE *fp, const char *name)
{
	enum { BODY, FRONT, FENCE } state = BODY;
	bool comment = false;	/* inside an HTML comment */
	long open_line = 0;	/* where the fence or comment opened */
	long comment_line = 0;
	char fc = 0;
	size_t fl = 0;
	bool content = false;
	char *raw;
	size_t got;

	np->file = name;
	if ((np->nfiles & (np->nfiles - 1)) == 0)	/* 0, 1, 2, 4 …: grow */
		np->files = xrealloc(np->files, (np->nfiles ? 2 * np->nfiles : 1)
		    * sizeof *np->files);
	np->files[np->nfiles++] = xstrdup(name);
	np->lineno = 0;
	np->had_heading = false;
	np->in_item = false;
	np->nfront = 0;
	const char *bn;
	size_t bl;
	basename_md(name, &bn, &bl);
	section_open(np, bn, bl, 0);
	diag_capture(&np->diags);

	lines_reuse(&np->in, fp, name);
	while ((raw = lines_next(&np->in, &got))) {
		if (np->diags.len >= NOTES_DIAG_HOLD)
			diag_flush(&np->diags);
		np->lineno = np->in.lineno;	/* a line too long is skipped */
		const char *s = raw;
		size_t n = got;
		if (n && s[n - 1] == '\r')
			n--;
		if (np->lineno == 1 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			n -= 3;
		}
		int scan = text_scan(s, n);
		if (scan & TEXT_NUL) {
			diag_error(name, np->lineno, "NUL byte in line; line "
			    "skipped");
			continue;
		}
		if ((scan & TEXT_NONASCII) && !utf8_valid(s, n)) {
			diag_error(name, np->lineno, "invalid UTF-8; line "
			    "skipped");
			continue;
		}
		if (scan & TEXT_CR) {
			diag_error(name, np->lineno, "carriage return inside "
			    "the line (CR line ends?): save the file with LF "
			    "or CRLF line ends; line skipped");
			continue;
		}
		if ((scan & TEXT_NONASCII) && n >= 3 &&
		    !memcmp(s, "\xef\xbb\xbf", 3)) {
			diag_warning(name, np->lineno, "byte-order mark at the "
			    "start of the line (files joined?); ignored");
			s += 3;
			n -= 3;
		}
		bool blank = blank_line(s, n);
		if (!blank)
			content = true;

		if (state == FRONT) {
			if (is_rule(s, n, "---") || is_rule(s, n, "...")) {
				state = BODY;
				continue;
			}
			size_t tn = n;
			const char *t = trim(s, &tn);
			/* "- x: y" is a list (as in YAML), not the key "- x" */
			bool dash = tn && t[0] == '-' &&
			    (tn == 1 || is_blank(t[1]));
			if (tn && t[0] != '#' &&
			    (dash || !field(np, t, tn, true)))
				diag_warning(name, np->lineno, "front matter "
				    "line is not 'key: value'; skipped");
			continue;
		}
		if (state == FENCE) {
			if (fence_close(s, n, fc, fl))
				state = BODY;
			continue;
		}
		if (np->lineno == 1 && is_rule(s, n, "---")) {
			state = FRONT;
			open_line = 1;
			continue;
		}
		if (comment || ((scan & TEXT_LT) && find(s, n, "<!--"))) {
			bool was = comment;
			strip_comments(np, s, n, &comment);
			if (comment && !was)
				comment_line = np->lineno;
			s = np->line.s ? np->line.s : "";
			n = np->line.len;
			if (blank_line(s, n))
				continue;
		}

		size_t t;
		if (blank) {
			np->in_item = false;
		} else if (fence_open(s, n, &fc, &fl)) {
			state = FENCE;
			open_line = np->lineno;
			np->in_item = false;
		} else if (h1(s, n, &t)) {
			np->in_item = false;
			heading(np, s + t, n - t);
		} else if (list_item(s, n, &t)) {
			item(np, s + t, n - t);
		} else if (s[0] == '#') {
			np->in_item = false;	/* another heading */
		} else if (np->in_item) {
			np->last_item_line = np->lineno;	/* continuation */
		}
	}
	if (state == FENCE)
		diag_warning(name, open_line, "unclosed code block: the rest "
		    "of the file is ignored");
	if (state == FRONT)
		diag_warning(name, open_line, "unclosed front matter: no "
		    "'---' line ends it");
	if (comment)
		diag_warning(name, comment_line, "unclosed HTML comment: the "
		    "rest of the file is ignored");
	if (np->had_heading || content)
		section_close(np, np->lineno);
	else
		drop_items(np, 0);
	diag_flush(&np->diags);
	diag_capture(NULL);
}
