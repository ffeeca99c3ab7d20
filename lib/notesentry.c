/* notesentry.c: the notes parser's entries (tact-notes(5)): dated list
 * items and lines, date headings and the lines they own, tags, amounts,
 * and the dates at the start of a line in all their dress. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "noteline.h"
#include "notesint.h"
#include "text.h"

void
tagset_reset(struct tagset *ts)
{
	buf_reset(&ts->list);
	ts->n = 0;
	hash_clear(&ts->set);
}

/* An open date heading ends: its entry gets the text and tags gathered
 * under it. */
void
notes_date_heading_close(struct notes *np)
{
	if (!np->dh)
		return;
	np->dh = false;
	struct pend *p = &np->items[np->dh_item];
	const char *t = np->dh_text.s ? np->dh_text.s : "";
	p->text = notes_keep(np, t, np->dh_text.len);
	p->textn = np->dh_text.len;
	const char *g = np->dh_tags.list.s ? np->dh_tags.list.s : "";
	p->tags = notes_keep(np, g, np->dh_tags.list.len);
	p->tagsn = np->dh_tags.list.len;
	p->key = p->value = p->text;
	p->keyn = p->valuen = p->textn;
	tagset_reset(&np->dh_tags);
	buf_reset(&np->dh_text);
}

/* A date at the start of s, also in emphasis ("**2026-09-15**",
 * "**2026-09-15:**") or a wikilink ("[[Mar 14th, 2019]]"); *used then
 * covers the marks. */
enum date_scan
notes_date(struct notes *np, const char *s, size_t n, struct date *d,
    size_t *used, char **msg)
{
	*msg = NULL;
	if (n > 4 && (!memcmp(s, "**", 2) || !memcmp(s, "__", 2))) {
		size_t u;
		enum date_scan r = date_scan_order(s + 2, n - 2, np->order, d,
		    &u, msg);
		if (r == DATE_FULL || r == DATE_YEARLESS) {
			size_t e = 2 + u;
			if (e < n && s[e] == ':')
				e++;
			if (n - e >= 2 && !memcmp(s + e, s, 2)) {
				*used = e + 2;
				return r;
			}
		}
		free(*msg);
		*msg = NULL;
	}
	const char *t, *l;
	size_t tn, ln, len;
	if (n && s[0] == '[' && line_wikilink(s, n, &t, &tn, &l, &ln, &len)) {
		size_t u;
		enum date_scan r = date_scan_order(l, ln, np->order, d, &u,
		    msg);
		if ((r == DATE_FULL || r == DATE_YEARLESS) && u == ln) {
			*used = len;
			return r;
		}
		free(*msg);
		*msg = NULL;
	}
	return date_scan_order(s, n, np->order, d, used, msg);
}

/* Has the list "a,b,c" in b the tag t? */
static bool
has_tag(const char *list, size_t len, const char *t, size_t n)
{
	const char *p = list, *end = list + len;
	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		size_t k = c ? (size_t)(c - p) : (size_t)(end - p);
		if (k == n && !memcmp(p, t, n))
			return true;
		p += k + 1;
	}
	return false;
}

enum { TAG_NONE, TAG_ASCII, TAG_OTHER };

/* The tag whose '#' is t[h] (TAG_WORD after white space or at the
 * start): TAG_ASCII or TAG_OTHER, its word t[*w0..*w1); TAG_NONE.  Most
 * tags are ASCII and read by hand; one with a byte of another script, in
 * it or just before it, goes to the tag pattern, anchored at the '#'. */
static int
tag_at(struct notes *np, const char *t, size_t n, size_t h, size_t *w0,
    size_t *w1)
{
	size_t end = text_ascii_tag(t, n, h);
	if (end != TEXT_TAG_UNSURE) {
		*w0 = h + 1;
		*w1 = end;
		return end != 0 ? TAG_ASCII : TAG_NONE;
	}
	if (!rx_match(&np->tag_rx, t, n, h, 0))
		return TAG_NONE;
	PCRE2_SIZE *ov = rx_ov(&np->tag_rx);
	*w0 = ov[2];
	*w1 = ov[3];
	return TAG_OTHER;
}

/* Append the ASCII tag t[0..n) to b, lowercased as text_lower does (in
 * the one pass of the copy). */
static void
add_ascii_lower(struct buf *b, const char *t, size_t n)
{
	char *d = buf_room(b, n);
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		d[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	b->len += n;
	b->s[b->len] = '\0';
}

/* Add the tags of t[0..n) to ts: lowercased, in order, no repeats. */
void
tagset_add(struct notes *np, struct tagset *ts, const char *t, size_t n)
{
	enum { FEW = 16 };
	const char *hash;
	size_t at = 0, w0, w1;
	while (at < n && (hash = memchr(t + at, '#', n - at))) {
		size_t h = (size_t)(hash - t);
		at = h + 1;
		int kind = tag_at(np, t, n, h, &w0, &w1);
		if (kind == TAG_NONE)
			continue;
		at = w1;
		size_t before = ts->list.len;
		size_t start = before + (ts->n ? 1 : 0);
		if (ts->n)
			buf_addc(&ts->list, ',');
		if (kind == TAG_ASCII) {
			add_ascii_lower(&ts->list, t + w0, w1 - w0);
		} else {
			buf_add(&ts->list, t + w0, w1 - w0);
			text_lower(ts->list.s + start, ts->list.len - start);
		}
		char *tag = ts->list.s + start;
		size_t len = ts->list.len - start;
		bool dup;
		if (ts->n < FEW) {
			dup = ts->n && has_tag(ts->list.s, before, tag, len);
		} else {
			if (ts->n == FEW) {	/* move the list into the table */
				char *list = xstrndup(ts->list.s, before);
				for (char *p = list, *c; p; p = c) {
					c = strchr(p, ',');
					if (c)
						*c++ = '\0';
					*hash_put(&ts->set, p) = ts;
				}
				free(list);
			}
			void **seen = hash_put(&ts->set, tag);
			dup = *seen != NULL;
			*seen = ts;
		}
		if (dup) {
			ts->list.len = before;
			ts->list.s[before] = '\0';
		} else {
			ts->n++;
		}
	}
}

/* The amount of an entry's text t (the first one; a second draws a
 * warning) and its tags into ts. */
/* An amount in t[0..n) after the entry's own draws a warning. */
static void
second_amount(struct notes *np, const char *t, size_t n)
{
	struct money m;
	size_t b0, b1;
	if (money_find(t, n, &m, &b0, &b1))
		diag_warning(np->file, np->lineno, "second amount '%.*s' "
		    "ignored: one amount an entry", (int)(b1 - b0), t + b0);
}

void
notes_entry_scan(struct notes *np, struct pend *p, struct tagset *ts,
    const char *t, size_t tn, bool cstr)
{
	tagset_add(np, ts, t, tn);
	if (p->has_amount) {
		second_amount(np, t, tn);
		return;
	}
	/* No digit, no amount (nor a doubt about one): most text.  A copy
	 * is searched by strcspn, which looks at many bytes a step. */
	if (cstr && strcspn(t, "0123456789") == tn)
		return;
	size_t a0, a1;
	struct money_doubt why = {0};
	if (money_scan(t, tn, &p->amount, &a0, &a1, &why)) {
		p->has_amount = true;
		/* its equivalent in another currency is no second amount */
		a1 = money_equiv_end(t, tn, a1, &p->amount, NULL);
		second_amount(np, t + a1, tn - a1);
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

/* The text after a date of used bytes and its separator (':' or a dash). */
const char *
notes_after_date(const char *s, size_t n, size_t used, size_t *tn, bool *sep)
{
	size_t i = used;
	*sep = false;
	while (i < n && is_blank(s[i]))
		i++;
	if (i < n && s[i] == ':') {
		i++;
		*sep = true;
	}
	while (i < n && is_blank(s[i]))
		i++;
	size_t dl;
	if (is_dash(s + i, n - i, &dl)) {
		i += dl;
		*sep = true;
		while (i < n && is_blank(s[i]))
			i++;
	}
	*tn = n - i;
	return trim(s + i, tn);
}

/* A new entry item dated d; *t and *tn its text after the date. */
static struct pend *
new_entry(struct notes *np, const char *s, size_t n, size_t used,
    struct date d, const char **t, size_t *tn)
{
	bool sep;
	*t = notes_after_date(s, n, used, tn, &sep);
	int owner = notes_person_owner(np);	/* nested under a person */
	struct pend *p = notes_add_item(np, NOTES_ENTRY);
	p->person = owner;
	p->date = d;
	p->has_date = true;
	return p;
}

void
notes_entry(struct notes *np, const char *s, size_t n, size_t used,
    struct date d, int indent)
{
	notes_item_entry_close(np);
	if (used < n && !is_blank(s[used]) && s[used] != ':') {
		diag_warning(np->file, np->lineno, "'%.*s' is no entry: put "
		    "':' or a space after the date",
		    (int)(used + utf8_seqlen((unsigned char)s[used])), s);
		return;
	}
	size_t tn;
	const char *t;
	struct pend *p = new_entry(np, s, n, used, d, &t, &tn);
	p->text = notes_keep(np, t, tn);
	p->textn = tn;
	p->key = p->value = p->text;	/* unused: any valid string */
	p->keyn = p->valuen = p->textn;
	struct tagset *ts = indent >= 0 ? &np->oe_tags : &np->tags;
	tagset_reset(ts);
	/* its copy, a C string, to be scanned (the same bytes) */
	notes_entry_scan(np, p, ts, np->strs.s + p->text, tn, true);
	if (indent >= 0) {
		notes_item_entry_open(np, false, np->nitems - 1, indent);
		return;
	}
	const char *g = ts->list.s ? ts->list.s : "";
	p->tags = notes_keep(np, g, ts->list.len);
	p->tagsn = ts->list.len;
}

/* An entry list item stays open while the lines nested under it follow:
 * their tags and amount are the entry's (Logseq writes an entry's
 * details as child blocks).  Its tags so far are in np->oe_tags. */
void
notes_item_entry_open(struct notes *np, bool journal, size_t index,
    int indent)
{
	np->oe = true;
	np->oe_journal = journal;
	np->oe_index = index;
	np->oe_indent = indent;
}

static struct pend *
item_entry(struct notes *np)
{
	return np->oe_journal ? &np->jent[np->oe_index].p :
	    &np->items[np->oe_index];
}

void
notes_item_entry_line(struct notes *np, const char *s, size_t n)
{
	s = trim(s, &n);
	notes_entry_scan(np, item_entry(np), &np->oe_tags, s, n, false);
}

void
notes_item_entry_close(struct notes *np)
{
	if (!np->oe)
		return;
	np->oe = false;
	const char *g = np->oe_tags.list.s ? np->oe_tags.list.s : "";
	size_t len = np->oe_tags.list.len;
	struct pend *p = item_entry(np);
	p->tags = np->oe_journal ? notes_journal_keep(np, g, len) :
	    notes_keep(np, g, len);
	p->tagsn = len;
	tagset_reset(&np->oe_tags);
}

/* A heading below the client's level that starts with a date: one entry
 * that gathers the text, tags and amount of the lines under it. */
void
notes_date_heading(struct notes *np, int level, const char *s, size_t n,
    size_t used, struct date d)
{
	notes_date_heading_close(np);	/* a date heading inside another */
	size_t tn;
	const char *t;
	struct pend *p = new_entry(np, s, n, used, d, &t, &tn);
	np->dh = true;
	np->dh_level = level;
	np->dh_item = np->nitems - 1;
	buf_reset(&np->dh_text);
	buf_add(&np->dh_text, t, tn);
	tagset_reset(&np->dh_tags);
	notes_entry_scan(np, p, &np->dh_tags, t, tn, false);
}

/* A line under an open date heading that is no entry of its own. */
void
notes_date_heading_line(struct notes *np, const char *s, size_t n)
{
	if (!np->dh)
		return;
	s = trim(s, &n);
	if (!np->dh_text.len)
		buf_add(&np->dh_text, s, n);
	notes_entry_scan(np, &np->items[np->dh_item], &np->dh_tags, s, n,
	    false);
}

/* The date a line that may be an entry starts with: DATE_FULL; DATE_NONE
 * when there is none (a date-like start that is none draws a warning and
 * gives DATE_BAD); a date without a year (what, "an entry", needs one)
 * or a bad one is an error, DATE_YEARLESS or DATE_BAD. */
enum date_scan
notes_entry_date(struct notes *np, const char *s, size_t n, struct date *d,
    size_t *used, const char *what)
{
	char *msg = NULL;
	enum date_scan r = notes_date(np, s, n, d, used, &msg);
	switch (r) {
	case DATE_FULL:
		break;
	case DATE_YEARLESS:
		diag_error(np->file, np->lineno, "date '%.*s' has no year: %s "
		    "needs one, e.g. YYYY-%02d-%02d", (int)*used, s, what,
		    d->m, d->d);
		break;
	case DATE_BAD:
		diag_error(np->file, np->lineno, "%s", msg);
		free(msg);
		break;
	case DATE_NONE:
		if (notes_near_miss(np, s, n))
			r = DATE_BAD;
		break;
	}
	return r;
}

/* No date at the start of s: a warning when one was clearly meant. */
bool
notes_near_miss(struct notes *np, const char *s, size_t n)
{
	size_t used;
	/* A date that is meant starts with its day or year; a month name
	 * glued to text ("March 14, 2026Besuch") is not looked for, as most
	 * lines start with a word and the check would cost every one. */
	if (!n || s[0] < '0' || s[0] > '9')
		return false;
	char *msg = date_near_miss(s, n, np->order, &used);
	if (!msg)
		return false;
	diag_warning(np->file, np->lineno, "%s", msg);
	free(msg);
	return true;
}

