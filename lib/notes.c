/* notes.c: the notes parser (tact-notes(5)): lines, sections, fields and
 * entries.
 *
 * One pass over the lines with a small state machine for front matter,
 * fenced code and HTML comments.  Cheap byte tests classify a line first
 * (noteline.h); PCRE2 patterns (compiled once per parser) only look at
 * the lines that can hold a field.  A section is held back until it ends,
 * because an "id" field anywhere in it names the client; its diagnostics
 * are held back with it so that they come out in line order.  Front
 * matter is read by notesfront.c, journal pages by notesjournal.c. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "noteline.h"
#include "notesint.h"
#include "slug.h"
#include "text.h"

/* Key characters (SPEC "Notes: Field"): letters of any script (with their
 * marks), digits, spaces, '-', '_', '.', '/', '&', apostrophes. */
#define KEYCH "[\\p{L}\\p{M}\\p{N} _.&/'\\x{2019}-]"
/* ... with a letter among them ("01.01.99999" is no key). */
#define KEY "(?=[^:]{0,160}?\\p{L})" KEYCH

struct notes *
notes_new(notes_fn fn, void *ctx)
{
	struct notes *np = xcalloc(1, sizeof *np);
	np->fn = fn;
	np->ctx = ctx;
	lines_init(&np->in, NULL, NULL);
	/* "Key:", "Key::", "**Key**:", "**Key:**", "**Key** :" …, then
	 * white space or the end.  Group 1 the emphasis (empty for none),
	 * 2 the key, 3 the colons. */
	rx_init(&np->field_rx,
	    "\\A(?|(\\*\\*|__|\\*|_)(" KEY "{1,40}?)[ \\t]*\\1[ \\t]*(::?)"
	    "|(\\*\\*|__|\\*|_)(" KEY "{1,40}?)[ \\t]*(::?)\\1"
	    "|()(" KEY "{1,40}?)[ \\t]*(::?))(?=[ \\t]|\\z)", 0);
	/* "[Key:: value]" or "(Key:: value)" inside a line. */
	rx_init(&np->inline_rx,
	    "(?|\\[(" KEY "{1,40}?)::(?=[ \\t\\]])[ \\t]*"
	    "((?:\\[\\[[^\\]]*\\]\\]|[^\\]])*?)[ \\t]*\\]"
	    "|\\((" KEY "{1,40}?)::(?=[ \\t)])[ \\t]*([^)]*?)[ \\t]*\\))",
	    0);
	rx_init(&np->key_rx, "\\A" KEY "{1,40}\\z", 0);
	/* A tag at a given '#' (notesentry.c: for tags that are not all
	 * ASCII). */
	rx_init(&np->tag_rx, "(?<!\\S)#(" TAG_WORD ")", PCRE2_ANCHORED);
	np->client_level = 1;
	return np;
}

void
notes_date_order(struct notes *np, enum date_order order)
{
	np->order = order;
}

/* Keep the items before from (and the strings they use). */
static void
drop_items(struct notes *np, size_t from)
{
	if (from < np->nitems)
		np->pc = np->in_pc = false;
	notes_person_drop(np, from);
	if (!from) {
		buf_reset(&np->strs);
		np->strs_eol = false;
		np->nstray = 0;
	}
}

/* Copy s[0..n) into the section's arena; returns its offset. */
size_t
notes_keep(struct notes *np, const char *s, size_t n)
{
	return notes_keep_in(&np->strs, s, n);
}

size_t
notes_keep_in(struct buf *b, const char *s, size_t n)
{
	size_t off = b->len;
	char *p = buf_room(b, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	b->len += n + 1;
	b->s[b->len] = '\0';
	return off;
}

static void
tagset_free(struct tagset *ts)
{
	buf_free(&ts->list);
	hash_free(&ts->set);
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
	idset_free(&np->seen);
	hash_free(&np->keys);
	free(np->fkeys);
	notes_journal_free(np);
	notes_person_free(np);
	notes_pnote_free(np);
	for (size_t i = 0; i < np->nfiles; i++)
		free(np->files[i]);
	free(np->files);
	tagset_free(&np->tags);
	tagset_free(&np->dh_tags);
	tagset_free(&np->oe_tags);
	rx_free(&np->field_rx);
	rx_free(&np->inline_rx);
	rx_free(&np->key_rx);
	rx_free(&np->tag_rx);
	buf_free(&np->line);
	buf_free(&np->val);
	buf_free(&np->key);
	buf_free(&np->front);
	buf_free(&np->dh_text);
	buf_free(&np->diags);
	buf_free(&np->strs);
	lines_free(&np->in);
	free(np);
}

struct pend *
notes_add_item(struct notes *np, int kind)
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
	np->subhead_line = 0;
	np->last_item_line = 0;
}

void
notes_basename(const char *path, const char **s, size_t *n)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t len = strlen(b);
	if (len > 3 && !strcmp(b + len - 3, ".md"))
		len -= 3;
	*s = b;
	*n = len;
}

static void
emit(struct notes *np, struct notes_item *it)
{
	np->fn(it, np->ctx);
}

void
notes_item_pend(struct notes_item *it, const struct pend *p, const char *strs)
{
	it->kind = (enum notes_kind)p->kind;
	it->line = p->line;
	it->key = strs + p->key;
	it->keyn = p->keyn;
	it->value = strs + p->value;
	it->valuen = p->valuen;
	it->date = p->date;
	it->has_date = p->has_date;
	it->text = strs + p->text;
	it->textn = p->textn;
	it->tags = strs + p->tags;
	it->tagsn = p->tagsn;
	it->amount = p->amount;
	it->has_amount = p->has_amount;
}

void
notes_concerns(struct notes *np, const char *pid, const char *client,
    const char *file, long line, struct date date)
{
	struct notes_item c = {0};
	c.kind = NOTES_CONCERNS;
	c.id = pid;
	c.idn = strlen(pid);
	c.client = client;
	c.file = file;
	c.line = line;
	c.date = date;
	c.has_date = true;
	np->fn(&c, np->ctx);
}

/* Is the name an unfilled template placeholder ("{{title}}")? */
static bool
placeholder(const char *s)
{
	const char *a = strstr(s, "{{"), *b = strstr(s, "<%");
	return (a && strstr(a, "}}")) || (b && strstr(b, "%>"));
}

/* Remember where a client first stood; true when it was seen before
 * (*first_file, *first_line tell where). */
static bool
place_client(struct notes *np, const char *id, long hline, size_t file,
    const char **first_file, long *first_line)
{
	struct idset_place at = {file, hline};
	if (!idset_put(&np->seen, id, &at))
		return false;
	*first_file = np->files[at.file];
	*first_line = at.line;
	return true;
}

/* Are the section's strings, its id and name free of the bytes a record
 * escapes?  One look at the whole arena rather than one at each string
 * as it is written. */
static bool
section_plain(const struct notes *np, const char *id, size_t idn,
    size_t namen)
{
	static const char esc[] = "\\\t\r\n";
	if (strcspn(id, esc) != idn || strcspn(np->name, esc) != namen)
		return false;
	const char *s = np->strs.s;
	size_t n = np->strs.len;
	if (!n)
		return true;
	if (memchr(s, '\t', n) || memchr(s, '\\', n))
		return false;
	return !np->strs_eol || (!memchr(s, '\r', n) && !memchr(s, '\n', n));
}

static void
emit_items(struct notes *np, const char *id, bool merged, long hline,
    long end, const char *file)
{
	struct notes_item it = {0};
	size_t idn = strlen(id), namen = strlen(np->name);
	it.plain = section_plain(np, id, idn, namen);
	it.id = id;
	it.idn = idn;
	it.name = np->name;
	it.namen = namen;
	it.file = file;
	it.merged = merged;
	if (!merged) {
		it.kind = NOTES_CLIENT;
		it.line = hline;
		emit(np, &it);
	}
	person_names_clear(&np->pnames);
	for (size_t i = 0; i < np->nitems; i++) {
		struct pend *p = &np->items[i];
		if (p->kind == PEND_DROPPED)
			continue;
		it.id = id;
		it.idn = idn;
		it.client = NULL;
		it.name = np->name;
		it.namen = namen;
		if (p->kind == NOTES_PERSON) {
			it.name = np->strs.s + p->value;
			it.namen = p->valuen;
			for (size_t k = 0; k < np->npersons; k++)
				if (np->persons[k] == i)
					it.id = notes_person_id(np, id, k);
			it.idn = strlen(it.id);
			it.client = id;
		} else if (p->person && p->kind == NOTES_FIELD) {
			it.id = notes_person_id(np, id, (size_t)p->person - 1);
			it.idn = strlen(it.id);
			it.client = id;
		}
		notes_item_pend(&it, p, np->strs.s);
		emit(np, &it);
		if (p->kind == NOTES_ENTRY)
			notes_person_concerns(np, &it, p, id);
	}
	memset(&it, 0, sizeof it);
	it.kind = NOTES_SECTION;
	it.id = id;
	it.idn = idn;
	it.name = np->name;
	it.namen = namen;
	it.file = file;
	it.line = hline;
	it.merged = merged;
	it.heading_line = np->heading_line;
	it.last_item_line = np->last_item_line;
	it.end_line = end;
	emit(np, &it);
}

/* The section ends at line end: name its client, then hand its items on. */
static void
section_close(struct notes *np, long end)
{
	notes_item_entry_close(np);
	notes_date_heading_close(np);
	long hline = np->heading_line ? np->heading_line : 1;
	/* A file without heading keeps the id of its file name, even when
	 * a "name" field gives it a display name. */
	const char *from = np->name;
	size_t fn = strlen(np->name);
	if (!np->heading_line)
		notes_basename(np->file, &from, &fn);
	char *id = np->id ? xstrdup(np->id) : slug_make(from, fn);
	if (!np->skip && placeholder(np->name)) {
		diag_warning(np->file, hline, "client '%s' is an unfilled "
		    "template placeholder: skipped (leave templates out "
		    "with -x, e.g. -x Templates)", np->name);
		np->skip = true;
	}
	if (!np->skip && !*id) {
		if (np->heading_line)
			diag_error(np->file, hline, "client '%s' has no id: "
			    "its name has no letters or digits; add an "
			    "'- id: …' field", np->name);
		else
			diag_error(np->file, hline, "no client heading: "
			    "start the notes with '# Name'");
		np->skip = true;
	}
	if (!np->heading_line && !np->nitems)
		np->skip = true;	/* a note without data: no client */
	if (np->skip) {
		drop_items(np, 0);
		diag_flush(&np->diags);
		free(id);
		return;
	}

	if (np->file_sections++ == 0 &&
	    notes_pnote_defer(np, id, hline, end)) {
		diag_flush(&np->diags);
		drop_items(np, 0);	/* a person's own note, perhaps */
		free(id);
		return;
	}
	notes_emit_client(np, id, hline, end, np->nfiles - 1, true);
	drop_items(np, 0);
	free(id);
}

void
notes_emit_client(struct notes *np, const char *id, long hline, long end,
    size_t file, bool held)
{
	const char *ffile;
	long fline;
	bool merged = place_client(np, id, hline, file, &ffile, &fline);
	if (merged) {	/* before the section's diagnostics, held back */
		if (held)
			diag_capture(NULL);
		diag_warning(np->files[file], hline, "client '%s' already at "
		    "%s:%ld; merged", id, ffile, fline);
		if (held)
			diag_capture(&np->diags);
	}
	if (held)
		diag_flush(&np->diags);
	notes_journal_names(np, id, np->files[file]);
	emit_items(np, id, merged, hline, end, np->files[file]);
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

/* A client heading "# Name" (at the client level). */
static void
client_heading(struct notes *np, const char *s, size_t n)
{
	s = line_unemph(s, &n);
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

/* A task's box or marker at the start of an item's text: "[ ]" and
 * Logseq's TODO, LATER, NOW are open (1), "[x]" and DONE done (2); s and n
 * then skip it. */
static int
task(const char **s, size_t *n)
{
	static const struct {
		const char *mark;
		int open;
	} marks[] = {
		{"[ ]", 1}, {"[x]", 2}, {"[X]", 2}, {"TODO", 1}, {"LATER", 1},
		{"NOW", 1}, {"DOING", 1}, {"WAITING", 1}, {"DONE", 2},
	};
	char c = *n ? (*s)[0] : '\0';
	if (c != '[' && c != 'T' && c != 'L' && c != 'N' && c != 'D' &&
	    c != 'W')
		return 0;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t k = strlen(marks[i].mark);
		if (*n >= k && !memcmp(*s, marks[i].mark, k) &&
		    (*n == k || is_blank((*s)[k]))) {
			*s += k;
			*n -= k;
			*s = trim(*s, n);
			return marks[i].open;
		}
	}
	return 0;
}

/* A list item's text (after the marker and its white space), indented
 * indent columns. */
static void
item(struct notes *np, const char *s, size_t n, int indent)
{
	np->last_item_line = np->lineno;
	np->in_item = true;
	if (np->oe && indent <= np->oe_indent)
		notes_item_entry_close(np);
	if (np->pc && indent <= np->pc_indent)
		np->pc = false;
	np->in_pc = np->pc;
	int box = task(&s, &n);
	if (box == 1) {
		other_item(np);	/* an open task: ignored */
		return;
	}
	if (np->journal) {
		notes_journal_line(np, s, n, indent);
		return;
	}
	struct date d;
	size_t used;
	switch (notes_entry_date(np, s, n, &d, &used, "an entry")) {
	case DATE_FULL:
		notes_entry(np, s, n, used, d, indent);
		return;
	case DATE_NONE:
		break;
	default:
		return;
	}
	if (np->oe) {		/* nested under an entry: its details */
		notes_item_entry_line(np, s, n);
		return;
	}
	if (!box && notes_field_at(np, s, n, true)) {
		notes_person_contact(np, indent);
		return;
	}
	if (!box && notes_person_item(np, s, n, indent)) {
		other_item(np);
		return;
	}
	notes_inline_fields(np, s, n);
	notes_date_heading_line(np, s, n);
	other_item(np);
}

/* A line of text outside a list, indented indent columns. */
static void
paragraph(struct notes *np, const char *s, size_t n, int indent)
{
	s = trim(s, &n);
	np->in_pc = false;
	if (np->oe) {		/* an entry item's continuation */
		if (np->in_item || indent > np->oe_indent) {
			if (np->journal)
				notes_journal_line(np, s, n, -1);
			else
				notes_item_entry_line(np, s, n);
			return;
		}
		notes_item_entry_close(np);
	}
	if (np->journal) {
		notes_journal_line(np, s, n, -1);
		return;
	}
	struct date d;
	size_t used, tn;
	bool sep;
	char *msg = NULL;
	switch (notes_date(np, s, n, &d, &used, &msg)) {
	case DATE_FULL:
		notes_after_date(s, n, used, &tn, &sep);
		if (sep) {
			notes_entry(np, s, n, used, d, -1);
		} else {
			diag_warning(np->file, np->lineno, "line starts with "
			    "the date '%.*s' but is no entry: write '- %.*s: "
			    "…' or '%.*s: …'", (int)used, s, (int)used, s,
			    (int)used, s);
			notes_date_heading_line(np, s, n);
		}
		return;
	case DATE_BAD:
		diag_warning(np->file, np->lineno, "%s", msg);
		free(msg);
		return;
	case DATE_YEARLESS:	/* prose: "14. März war …" */
		break;
	case DATE_NONE:
		if (notes_near_miss(np, s, n))
			return;
		break;
	}
	if (notes_field_at(np, s, n, false))
		return;
	notes_inline_fields(np, s, n);
	notes_date_heading_line(np, s, n);
}

/* A heading: a client's, a date heading below it, or another. */
static void
heading(struct notes *np, int level, const char *s, size_t n)
{
	np->in_item = false;
	np->pc = np->in_pc = false;
	notes_item_entry_close(np);
	if (np->journal)
		return;
	if (level <= np->client_level && np->dh)
		notes_date_heading_close(np);
	if (level == np->client_level) {
		size_t un = n;
		const char *u = line_unemph(s, &un);
		if (level == 1 && !np->had_heading &&
		    np->nitems == np->nfront && notes_journal_name(np, u, un)) {
			np->skip = true;	/* "# 2026-11-24" */
			return;
		}
		client_heading(np, s, n);
		return;
	}
	if (level < np->client_level)	/* a title above the clients */
		return;
	if (np->dh && level <= np->dh_level)
		notes_date_heading_close(np);
	if (level == 2)
		np->subhead_line = np->lineno;
	struct date d;
	size_t used;
	if (notes_entry_date(np, s, n, &d, &used, "a date heading") ==
	    DATE_FULL)
		notes_date_heading(np, level, s, n, used, d);
}

/* Remove HTML comments from s; np->comment tells whether one is still
 * open at the end.  The text that is left goes to np->line. */
static void
strip_comments(struct notes *np, const char *s, size_t n)
{
	buf_reset(&np->line);
	while (n) {
		if (np->comment) {
			const char *e = line_find(s, n, "-->");
			if (!e)
				return;
			n -= (size_t)(e + 3 - s);
			s = e + 3;
			np->comment = false;
		}
		const char *b = line_find(s, n, "<!--");
		if (!b) {
			buf_add(&np->line, s, n);
			return;
		}
		buf_add(&np->line, s, (size_t)(b - s));
		n -= (size_t)(b + 4 - s);
		s = b + 4;
		np->comment = true;
	}
}

/* The columns of white space at the start of s[0..n), a tab to the next
 * multiple of 4. */
static int
indent(const char *s, size_t n)
{
	int col = 0;
	for (size_t i = 0; i < n && is_blank(s[i]) && col < 1 << 20; i++)
		col = s[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
	return col;
}

/* Where the text of s[0..n) starts, after its white space (n: blank). */
static size_t
lead(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_blank(s[i]))
		i++;
	return i;
}

/* One line of the body (not front matter): scan holds its text_scan
 * flags.  Its first byte that is no white space tells which of the
 * forms (noteline.h) it can have; only that one is looked at. */
void
notes_body_line(struct notes *np, const char *s, size_t n, int scan)
{
	size_t f = lead(s, n);
	if (f < n)
		np->content = true;
	if (np->state == FENCE) {
		if (line_fence_close(s, n, np->fence_c, np->fence_len))
			np->state = BODY;
		return;
	}
	if (np->comment || ((scan & TEXT_LT) && line_find(s, n, "<!--"))) {
		bool was = np->comment;
		strip_comments(np, s, n);
		if (np->comment && !was)
			np->comment_line = np->lineno;
		s = np->line.s ? np->line.s : "";
		n = np->line.len;
		if ((f = lead(s, n)) == n)
			return;
	}

	size_t t;
	const char *h;
	int level;
	char c = f < n ? s[f] : '\0';
	if (c != '|')
		np->table = 0;
	if (f == n) {
		np->in_item = false;
	} else if ((c == '`' || c == '~') &&
	    line_fence_open(s, n, &np->fence_c, &np->fence_len)) {
		np->state = FENCE;
		np->open_line = np->lineno;
		np->in_item = false;
	} else if (c == '#' && (level = line_heading(s, n, &h, &t))) {
		heading(np, level, h, t);
	} else if ((c == '-' || c == '*' || c == '+') &&
	    line_list_item(s, n, &t)) {
		item(np, s + t, n - t, indent(s, t));
	} else if (c == '|') {
		np->in_item = false;
		notes_item_entry_close(np);
		notes_table_row(np, s, n);
	} else {
		if (np->in_item)
			np->last_item_line = np->lineno;   /* continuation */
		paragraph(np, s, n, indent(s, n));
	}
}

/* The checks every line passes first; false when it is skipped.  s and n
 * lose a CR line end and byte-order marks; *scan gets text_scan's flags. */
static bool
line_ok(struct notes *np, const char **sp, size_t *np_, int *scan)
{
	const char *s = *sp;
	size_t n = *np_;
	if (n && s[n - 1] == '\r')
		n--;
	if (np->lineno == 1 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
		s += 3;
		n -= 3;
	}
	*scan = text_scan(s, n);
	if (*scan & TEXT_NUL) {
		diag_error(np->file, np->lineno, "NUL byte in line; line "
		    "skipped");
		return false;
	}
	if ((*scan & TEXT_NONASCII) && !utf8_valid(s, n)) {
		diag_error(np->file, np->lineno, "invalid UTF-8; line "
		    "skipped");
		return false;
	}
	if (*scan & TEXT_CR) {
		diag_error(np->file, np->lineno, "carriage return inside "
		    "the line (CR line ends?): save the file with LF or CRLF "
		    "line ends; line skipped");
		return false;
	}
	if ((*scan & TEXT_NONASCII) && n >= 3 &&
	    !memcmp(s, "\xef\xbb\xbf", 3)) {
		diag_warning(np->file, np->lineno, "byte-order mark at the "
		    "start of the line (files joined?); ignored");
		s += 3;
		n -= 3;
	}
	*sp = s;
	*np_ = n;
	return true;
}

static void
file_begin(struct notes *np, const char *name)
{
	np->file = name;
	if ((np->nfiles & (np->nfiles - 1)) == 0)	/* 0, 1, 2, 4 …: grow */
		np->files = xrealloc(np->files, (np->nfiles ? 2 * np->nfiles : 1)
		    * sizeof *np->files);
	np->files[np->nfiles++] = xstrdup(name);
	np->lineno = 0;
	np->state = BODY;
	np->comment = false;
	np->content = false;
	np->had_heading = false;
	np->in_item = false;
	np->client_level = 1;
	np->journal = false;
	np->file_named = false;
	np->table = 0;
	np->nfront = 0;
	np->dh = false;
	np->oe = false;
	np->pc = np->in_pc = false;
	np->file_sections = 0;
	buf_reset(&np->front);
	const char *bn;
	size_t bl;
	notes_basename(name, &bn, &bl);
	section_open(np, bn, bl, 0);
	if (notes_journal_name(np, bn, bl))
		np->skip = true;
}

static void
file_end(struct notes *np)
{
	if (np->state == FRONT)
		notes_front_end(np, false);
	if (np->state == FENCE)
		diag_warning(np->file, np->open_line, "unclosed code block: "
		    "the rest of the file is ignored");
	if (np->comment)
		diag_warning(np->file, np->comment_line, "unclosed HTML "
		    "comment: the rest of the file is ignored");
	if (np->had_heading || np->content)
		section_close(np, np->lineno);
	else
		drop_items(np, 0);
}

void
notes_parse(struct notes *np, FILE *fp, const char *name)
{
	char *raw;
	size_t got;

	file_begin(np, name);
	diag_capture(&np->diags);
	lines_reuse(&np->in, fp, name);
	while ((raw = lines_next(&np->in, &got))) {
		if (np->diags.len >= NOTES_DIAG_HOLD)
			diag_flush(&np->diags);
		np->lineno = np->in.lineno;	/* a line too long is skipped */
		const char *s = raw;
		size_t n = got;
		int scan;
		if (!line_ok(np, &s, &n, &scan))
			continue;
		if (np->state == FRONT) {
			if (line_is_rule(s, n, "---") ||
			    line_is_rule(s, n, "...")) {
				notes_front_end(np, true);
				continue;
			}
			buf_add(&np->front, s, n);
			buf_addc(&np->front, '\n');
			np->content |= !line_blank(s, n);
			continue;
		}
		if (np->lineno == 1 && line_is_rule(s, n, "---")) {
			np->state = FRONT;
			np->open_line = 1;
			continue;
		}
		notes_body_line(np, s, n, scan);
	}
	file_end(np);
	diag_flush(&np->diags);
	diag_capture(NULL);
}
