/* notesfield.c: the notes parser's fields (tact-notes(5)): every form
 * of "Key: value", table rows, the key given twice, the field's date. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "noteline.h"
#include "notesint.h"
#include "text.h"

/* Keys whose value is meant to be a date: a year alone is no date for
 * them, only for them (a bare number elsewhere is a count, a price). */
static bool
dated_key(const char *key)
{
	static const char *const words[] = {
		"birth", "geburt", "born", "geboren", "found", "gegr",
		"gruend", "gründ", "since", "seit", "date", "datum",
		"anniversary", "jahrestag", "jubil", "start", "beginn",
		"kunde", "client", "customer", "day", "tag", "hochzeit",
		"wedding", "married",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strstr(key, words[i]))
			return true;
	return false;
}

/* Can c begin the name of a month, in English or German? */
static bool
month_initial(char c)
{
	switch (c | 0x20) {
	case 'j': case 'f': case 'm': case 'a': case 's': case 'o':
	case 'n': case 'd':
		return true;
	}
	return false;
}

/* Can v start a date without a day?  Only a digit or a month's initial
 * starts one: the cheap test first. */
static bool
dayless_may(const char *v, size_t n)
{
	return n && ((v[0] >= '0' && v[0] <= '9') || month_initial(v[0]));
}

/* Does v start with a date without a day, "März 2022", "2022-03", or a
 * year alone where the key is about a date ("Gegründet: 1996")? */
static bool
dayless(const char *key, const char *v, size_t n)
{
	if (!dayless_may(v, n))
		return false;
	size_t k = date_partial(v, n);
	bool year = k == 4 && v[0] >= '1' && v[0] <= '2';
	for (size_t i = 0; year && i < k; i++)
		year = v[i] >= '0' && v[i] <= '9';
	if (!year)
		return k > 0;
	/* "1996", "1996 (approx.)", "1996, in Berlin", not "2026 was …" */
	size_t r = k;
	while (r < n && is_blank(v[r]))
		r++;
	return dated_key(key) && (r == n || v[r] == '(' || v[k] == ',');
}

/* The date at the start of a field's value, if any; false on a bad one.
 * A date without a day draws a warning: no occasion can fall on it. */
static bool
value_date(struct notes *np, const char *key, const char *v, size_t n,
    struct pend *p)
{
	size_t used;
	char *msg = NULL;
	switch (notes_date(np, v, n, &p->date, &used, &msg)) {
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
	if (dayless(key, v, n))
		diag_warning(np->file, np->lineno, "'%s: %.*s' has no day: no "
		    "occasion can fall on it; write the whole date, e.g. "
		    "YYYY-MM-DD", key, (int)n, v);
	notes_near_miss(np, v, n);
	return true;
}

static bool
bad_id(const char *v, size_t n)
{
	if (!n)
		return true;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *u = (const unsigned char *)v + i;
		size_t left = n - i;
		if (u[0] <= ' ' || u[0] == 0x7f)	/* C0, space, DEL */
			return true;
		if (u[0] == '/')	/* it parts a person's id */
			return true;
		if (left >= 2 && u[0] == 0xc2 && u[1] < 0xa0)	/* C1 */
			return true;
		if (left >= 2 && u[0] == 0xd8 && u[1] == 0x9c)	/* U+061C */
			return true;
		/* U+200E, U+200F, U+202A..U+202E, U+2066..U+2069 */
		if (left >= 3 && u[0] == 0xe2 && ((u[1] == 0x80 &&
		    (u[2] == 0x8e || u[2] == 0x8f ||
		    (u[2] >= 0xaa && u[2] <= 0xae))) ||
		    (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)))
			return true;
	}
	return false;
}

/* Is the normalized key key[0..kn) the word w?  (By its length first:
 * it runs for every field.) */
static inline bool
key_is(const char *key, size_t kn, const char *w)
{
	return kn == strlen(w) && !memcmp(key, w, kn);
}

/* Logseq's own block properties: "id:: UUID" names a block, not a
 * client; "collapsed:: true" is the outline's state. */
static bool
logseq_internal(const char *key, size_t kn, const char *v, size_t n)
{
	if (key_is(key, kn, "collapsed"))
		return (n == 4 && !memcmp(v, "true", 4)) ||
		    (n == 5 && !memcmp(v, "false", 5));
	if (!key_is(key, kn, "id") || n != 36)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		bool hex = (v[i] >= '0' && v[i] <= '9') ||
		    (v[i] >= 'a' && v[i] <= 'f') || (v[i] >= 'A' && v[i] <= 'F');
		if (dash ? v[i] != '-' : !hex)
			return false;
	}
	return true;
}

/* The next item is a field of the section: its index to the list. */
static void
add_fkey(struct notes *np)
{
	if (np->nfkeys == np->capfkeys) {
		np->capfkeys = np->capfkeys ? 2 * np->capfkeys : 16;
		np->fkeys = xrealloc(np->fkeys,
		    np->capfkeys * sizeof *np->fkeys);
	}
	np->fkeys[np->nfkeys++] = np->nitems;
}

/* The slot of the section's key (of owner) in the table of keys, the
 * fields of the list moved there when it is full. */
static void **
key_slot(struct notes *np, const char *key, int owner)
{
	enum { FEW = 16 };
	if (!np->keys_hashed) {
		if (np->nfkeys < FEW)
			return NULL;
		np->keys_hashed = true;
		for (size_t i = 0; i < np->nfkeys; i++) {
			const struct pend *p = &np->items[np->fkeys[i]];
			if (p->kind == NOTES_FIELD)
				*hash_put(&np->keys, notes_pend_key(np, p)) =
				    (void *)(uintptr_t)(np->fkeys[i] + 1);
		}
	}
	return hash_put(&np->keys, notes_owned_key(np, key, owner));
}

/* The index of the section's field of key (of owner) in items, or -1;
 * *slot its slot in the table, or NULL while there is none. */
static long
key_find(struct notes *np, const char *key, size_t kn, int owner,
    void ***slot)
{
	*slot = key_slot(np, key, owner);
	if (*slot)
		return **slot ? (long)(uintptr_t)**slot - 1 : -1;
	for (size_t i = 0; i < np->nfkeys; i++) {
		const struct pend *p = &np->items[np->fkeys[i]];
		if (p->kind == NOTES_FIELD && p->person == owner &&
		    p->keyn == kn && !memcmp(np->strs.s + p->key, key, kn))
			return (long)np->fkeys[i];
	}
	return -1;
}

/* The field o of the section has the key given again with v: true when
 * v is its value (nothing to say); else a warning, and o is dropped. */
static bool
replaced(struct notes *np, const char *key, const char *v, size_t vn,
    struct pend *o)
{
	const char *ov = np->strs.s + o->value;
	if (o->valuen == vn && !memcmp(ov, v, vn))
		return true;	/* the same again: nothing to say */
	diag_warning(np->file, np->lineno, "'%s' given twice: '%.*s' here "
	    "replaces '%s' of line %ld%s", key, (int)vn, v, ov, o->line,
	    o->line < np->subhead_line && np->client_level == 1 ?
	    "; if this file holds "
	    "one client a '##' heading, add 'tact-clients: h2' to its "
	    "front matter" : "");
	o->kind = PEND_DROPPED;
	return false;
}

/* A key given before in this section: keep the last value, say so.
 * False when the field is to be the next item. */
static bool
key_again(struct notes *np, const char *key, size_t kn, int owner,
    const char *v, size_t vn)
{
	void **slot;
	long at = key_find(np, key, kn, owner, &slot);
	if (at >= 0 && replaced(np, key, v, vn, &np->items[at]))
		return true;
	if (slot)
		*slot = (void *)(uintptr_t)(np->nitems + 1);
	add_fkey(np);
	return false;
}

bool
notes_key_valid(struct notes *np, const char *key, size_t kn)
{
	return kn && rx_match(&np->key_rx, key, kn, 0, 0);
}

/* A field Key: value (the key as written), from any of its forms. */
void
notes_field(struct notes *np, const char *k, size_t kn, const char *v,
    size_t vn, bool front)
{
	int owner = notes_person_owner(np);	/* first: it may add a field */
	char *key = buf_room(&np->key, kn);	/* not entered again below */
	size_t keylen = key_normalize_into(key, k, kn);
	if (!keylen || logseq_internal(key, keylen, v, vn))
		return;
	if (memchr(v, '[', vn)) {	/* "[[Target]]" reads as Target */
		buf_reset(&np->val);
		line_unlink(&np->val, v, vn);
		v = np->val.s;
		vn = np->val.len;
	}
	struct pend tmp = {0};
	if (!value_date(np, key, v, vn, &tmp))
		return;
	if (!owner && key_is(key, keylen, "id")) {
		if (bad_id(v, vn)) {
			diag_error(np->file, np->lineno, "bad id '%.*s': an id "
			    "is one word without spaces, '/' or control "
			    "characters; the slug of the name is used",
			    (int)vn, v);
		} else {
			free(np->id);
			np->id = xstrndup(v, vn);
			np->id_front = front;
		}
	}
	if (key_again(np, key, keylen, owner, v, vn))
		return;
	struct pend *p = notes_add_item(np, NOTES_FIELD);
	p->date = tmp.date;
	p->has_date = tmp.has_date;
	p->person = owner;
	if (!owner && (key_is(key, keylen, "name") ||
	    key_is(key, keylen, "title")) &&
	    !np->heading_line && vn) {
		/* a file without heading: its display name */
		free(np->name);
		np->name = xstrndup(v, vn);
	}
	p->key = notes_keep(np, key, keylen);
	p->keyn = keylen;
	p->value = notes_keep(np, v, vn);
	p->valuen = vn;
	if (front && (memchr(v, '\n', vn) || memchr(v, '\r', vn)))
		np->strs_eol = true;	/* a block scalar's lines */
	p->text = p->tags = p->key;	/* unused: any valid string */
	p->textn = p->tagsn = p->keyn;
	if (front) {
		np->nfront++;
		notes_person_front(np, key, v, vn);
	}
}

/* A plain "Key: value" outside a list is prose, unless its value is a
 * date: then a warning says how to write it.  True when it warned. */
static bool
plain_dated(struct notes *np, const char *s, size_t n, const char *k,
    size_t kn, const char *v, size_t vn)
{
	struct date d;
	size_t used;
	char *msg = NULL;
	enum date_scan r = notes_date(np, v, vn, &d, &used, &msg);
	free(msg);
	bool dated = r != DATE_NONE;
	if (!dated && dayless_may(v, vn)) {	/* the key only then */
		char *key = key_normalize(k, kn);
		dated = dayless(key, v, vn);
		free(key);
	}
	if (dated)
		diag_warning(np->file, np->lineno, "'%.*s' outside a list is "
		    "not read: write it as a list item '- %.*s'", (int)n, s,
		    (int)n, s);
	return dated;
}

/* May the ASCII byte c be in a key (KEYCH in notes.c)? */
static bool
key_char(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= '0' && c <= '9') || c == ' ' || c == '_' || c == '.' ||
	    c == '&' || c == '/' || c == '\'' || c == '-';
}

/* The key of ASCII characters s[from..) that, with white space after it,
 * ends at s[to]: its length, or 0 when it is no key (1 to 40 key
 * characters with a letter among them). */
static size_t
ascii_key(const char *s, size_t from, size_t to)
{
	size_t k = to;
	bool letter = false;
	while (k > from && is_blank(s[k - 1]))
		k--;
	if (k == from || k - from > 40)
		return 0;
	for (size_t i = from; i < k; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!key_char(c))
			return 0;
		letter |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	}
	return letter ? k - from : 0;
}

/* The colons at s[c]: the end of "::" or ":" followed by white space or
 * the end of s, else 0. */
static size_t
colons_end(const char *s, size_t n, size_t c)
{
	if (c + 1 < n && s[c + 1] == ':' && (c + 2 == n || is_blank(s[c + 2])))
		return c + 2;
	if (c + 1 == n || is_blank(s[c + 1]))
		return c + 1;
	return 0;
}

/* "**Key**:" or else "**Key:**", in that order as in field_rx, the key
 * of ASCII characters, the first colon at s[c]. */
static bool
bold_field(const char *s, size_t n, size_t c, struct field_at *f)
{
	const char *star = memchr(s + 2, '*', n - 2);
	size_t e = star ? (size_t)(star - s) : n, k, j;
	f->key = 2;
	f->emph = true;
	/* "**Key**", white space, the colons: no key holds a '*' */
	if (e + 1 < n && s[e + 1] == '*' && (k = ascii_key(s, 2, e))) {
		for (j = e + 2; j < n && is_blank(s[j]); j++)
			;
		if (j < n && s[j] == ':' && (f->end = colons_end(s, n, j))) {
			f->keylen = k;
			f->dbl = f->end - j == 2;
			return true;
		}
	}
	if (!(k = ascii_key(s, 2, c)))
		return false;
	f->keylen = k;
	f->dbl = c + 1 < n && s[c + 1] == ':';
	j = c + 1 + f->dbl;	/* the closing "**", then white space */
	if (n - j < 2 || memcmp(s + j, "**", 2) ||
	    (j + 2 < n && !is_blank(s[j + 2])))
		return false;
	f->end = j + 2;
	return true;
}

/* The key of "Key: value" at the start of s, and where its value begins
 * (every form: notes_field_at says which a line may have).  The plain and
 * the bold key of ASCII letters are read by hand; others by field_rx. */
bool
notes_field_match(struct notes *np, const char *s, size_t n,
    struct field_at *f)
{
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return false;
	/* No key holds a colon: every form has its key before the first. */
	size_t c = (size_t)(colon - s), i = 0;
	while (i < c && (unsigned char)s[i] < 0x80)
		i++;
	*f = (struct field_at){0};
	if (i == c && s[0] != '*' && s[0] != '_') {
		f->keylen = ascii_key(s, 0, c);
		f->end = colons_end(s, n, c);
		f->dbl = f->end == c + 2;
		return f->keylen && f->end;
	}
	if (i == c && n > 2 && s[1] == '*' && s[0] == '*')
		return bold_field(s, n, c, f);
	if (!rx_match(&np->field_rx, s, n, 0, 0))
		return false;
	PCRE2_SIZE *ov = rx_ov(&np->field_rx);
	f->emph = ov[3] > ov[2];
	f->key = ov[4];
	f->keylen = ov[5] - ov[4];
	f->dbl = ov[7] - ov[6] == 2;
	f->end = ov[1];
	return true;
}

/* A field at the start of s: in a list item every form, else only those
 * that cannot be prose (an emphasized key, "Key::").  True when the line
 * was taken (as a field, or for a warning about it). */
bool
notes_field_at(struct notes *np, const char *s, size_t n, bool item)
{
	struct field_at f;
	if (!notes_field_match(np, s, n, &f))
		return false;
	size_t kn = f.keylen;
	const char *k = trim(s + f.key, &kn);
	size_t vn = n - f.end;
	const char *v = trim(s + f.end, &vn);
	if (!item && !f.emph && !f.dbl)
		return plain_dated(np, s, n, k, kn, v, vn);
	notes_field(np, k, kn, v, vn, false);
	return true;
}

/* Bracketed inline fields "[Key:: value]", "(Key:: value)" in a line. */
void
notes_inline_fields(struct notes *np, const char *s, size_t n)
{
	if (!line_find(s, n, "::"))
		return;
	size_t at = 0;
	while (at < n && rx_match(&np->inline_rx, s, n, at, 0)) {
		PCRE2_SIZE *ov = rx_ov(&np->inline_rx);
		size_t kn = ov[3] - ov[2], vn = ov[5] - ov[4];
		const char *k = trim(s + ov[2], &kn);
		notes_field(np, k, kn, s + ov[4], vn, false);
		at = ov[1] > at ? ov[1] : at + 1;
	}
}

/* A row of a table: a two-column table's rows are fields; a table of
 * dated rows is not read (one warning a table). */
void
notes_table_row(struct notes *np, const char *s, size_t n)
{
	if (np->table == 0 || (np->table == 1 && !line_table_delim(s, n))) {
		np->table = 1;	/* a header row, or no table yet */
		return;
	}
	const char *a, *b;
	size_t an, bn;
	if (np->table == 1) {	/* the delimiter row: how many columns */
		np->table = line_table_pair(s, n, &a, &an, &b, &bn) ? 2 : 3;
		np->table_warned = false;
		return;
	}
	if (np->journal) {
		notes_journal_line(np, s, n, -1);
		return;
	}
	size_t i = 0;
	while (i < n && (is_blank(s[i]) || s[i] == '|'))
		i++;
	struct date d;
	size_t used;
	char *msg = NULL;
	enum date_scan r = notes_date(np, s + i, n - i, &d, &used, &msg);
	free(msg);
	if (r != DATE_NONE) {
		if (!np->table_warned)
			diag_warning(np->file, np->lineno, "a table of dated "
			    "rows is not read: write each row as a list item "
			    "'- DATE: text'");
		np->table_warned = true;
		return;
	}
	if (np->table != 2 || !line_table_pair(s, n, &a, &an, &b, &bn))
		return;
	a = line_unemph(a, &an);
	if (an && a[an - 1] == ':')
		an--;
	if (notes_key_valid(np, a, an))
		notes_field(np, a, an, b, bn, false);
}

