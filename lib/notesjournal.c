/* notesjournal.c: journal pages (tact-notes(5)).
 *
 * A page named by a date (Daily/2026-11-24.md, Logseq's 2026_11_24.md) is
 * no client: each of its lines that links a client ("[[Name]]") is an
 * entry of that client, dated by the page.  Clients may be defined after
 * the page, so its entries wait until notes_end, when every client's id,
 * name and aliases are known. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "noteline.h"
#include "notesint.h"
#include "record.h"
#include "slug.h"
#include "text.h"

bool
notes_journal_name(struct notes *np, const char *base, size_t n)
{
	char *s = xstrndup(base, n);
	for (size_t i = 0; i < n; i++)
		if (s[i] == '_')
			s[i] = '-';
	struct date d;
	size_t used = 0;
	char *msg = NULL;
	bool yes = date_scan_order(s, n, np->order, &d, &used, &msg) ==
	    DATE_FULL && used == n;
	free(msg);
	free(s);
	if (yes) {
		np->journal = true;
		np->jdate = d;
	}
	return yes;
}

/* Keep s[0..n) in the journal's strings; returns its offset. */
size_t
notes_journal_keep(struct notes *np, const char *s, size_t n)
{
	return notes_keep_in(&np->jstrs, s, n);
}

/* The slugs of the link targets of s, NUL-separated, into np->jstrs. */
static size_t
link_targets(struct notes *np, const char *s, size_t n, size_t *count)
{
	size_t first = np->jstrs.len;
	*count = 0;
	for (size_t i = 0; i + 1 < n;) {
		const char *p = line_find(s + i, n - i, "[[");
		if (!p)
			break;
		const char *t, *l;
		size_t tn, ln, len;
		size_t at = (size_t)(p - s);
		if (!line_wikilink(p, n - at, &t, &tn, &l, &ln, &len)) {
			i = at + 2;
			continue;
		}
		char *sl = slug_make(t, tn);
		if (*sl) {
			notes_journal_keep(np, sl, strlen(sl));
			(*count)++;
		}
		free(sl);
		i = at + len;
	}
	return first;
}

/* A line of a journal page: an entry when it links a client; else, under
 * an entry list item, its tags and amount are that entry's.  indent < 0
 * for a line outside a list. */
void
notes_journal_line(struct notes *np, const char *s, size_t n, int indent)
{
	s = trim(s, &n);
	if (!line_find(s, n, "[[")) {
		if (np->oe)
			notes_item_entry_line(np, s, n);
		return;
	}
	size_t ntargets;
	size_t targets = link_targets(np, s, n, &ntargets);
	if (!ntargets) {
		if (np->oe)
			notes_item_entry_line(np, s, n);
		return;
	}
	notes_item_entry_close(np);
	if (np->njent == np->capjent) {
		np->capjent = np->capjent ? 2 * np->capjent : 16;
		np->jent = xrealloc(np->jent, np->capjent * sizeof *np->jent);
	}
	struct jentry *j = &np->jent[np->njent++];
	memset(j, 0, sizeof *j);
	j->file = np->nfiles - 1;
	j->targets = targets;
	j->ntargets = ntargets;
	j->p.kind = NOTES_ENTRY;
	j->p.line = np->lineno;
	j->p.date = np->jdate;
	j->p.has_date = true;

	struct date d;
	size_t used;
	char *msg = NULL;
	if (notes_date(np, s, n, &d, &used, &msg) == DATE_FULL) {
		j->p.date = d;
		s += used;
		n -= used;
		while (n && (is_blank(*s) || *s == ':' || *s == '-')) {
			s++;
			n--;
		}
	}
	free(msg);
	j->p.text = notes_journal_keep(np, s, n);
	j->p.textn = n;
	j->p.key = j->p.value = j->p.text;
	j->p.keyn = j->p.valuen = j->p.textn;
	struct tagset *ts = indent >= 0 ? &np->oe_tags : &np->tags;
	tagset_reset(ts);
	notes_entry_scan(np, &j->p, ts, s, n, false);
	if (indent >= 0) {
		notes_item_entry_open(np, true, np->njent - 1, indent);
		return;
	}
	const char *g = ts->list.s ? ts->list.s : "";
	j->p.tags = notes_journal_keep(np, g, ts->list.len);
	j->p.tagsn = ts->list.len;
}

bool
notes_aliases(const char *key, const char *value, notes_alias_fn fn,
	      void *ctx)
{
	if (key[0] != 'a' || (strcmp(key, "aliases") && strcmp(key, "alias")))
		return false;
	for (const char *v = value, *c;; v = c + 1) {
		c = strchr(v, ',');
		size_t n = c ? (size_t)(c - v) : strlen(v);
		const char *s = trim(v, &n);
		if (n)
			fn(s, n, ctx);
		if (!c)
			return true;
	}
}

/* A name of client ctx->id for journal links. */
struct alias_to {
	struct notes *np;
	const char *id;
};

static void
add_alias(const char *s, size_t n, void *ctx)
{
	struct alias_to *a = ctx;
	char *sl = slug_make(s, n);
	if (*sl && strcmp(sl, a->id)) {
		void **v = hash_put(&a->np->alias, sl);
		if (!*v)
			*v = xstrdup(a->id);
	}
	free(sl);
}

void
notes_journal_names(struct notes *np, const char *id, const char *file)
{
	struct alias_to a = { np, id };
	/* Without an id field the id is the slug of the heading's name (or,
	 * without heading, of the file's): only other names need a slug. */
	if (np->id || !np->heading_line)
		add_alias(np->name, strlen(np->name), &a);
	if (np->heading_line && !np->file_named) {	/* once a file */
		const char *b;
		size_t bl;
		notes_basename(file, &b, &bl);
		add_alias(b, bl, &a);
	}
	np->file_named = true;
	for (size_t i = 0; i < np->nitems; i++) {
		struct pend *p = &np->items[i];
		if (p->kind == NOTES_FIELD)
			notes_aliases(np->strs.s + p->key,
			    np->strs.s + p->value, add_alias, &a);
	}
}

/* The client a link's slug names, or NULL. */
static const char *
resolve(struct notes *np, const char *slug)
{
	if (idset_get(&np->seen, slug, NULL))
		return slug;	/* the slug is the id */
	return hash_get(&np->alias, slug);
}

void
notes_end(struct notes *np)
{
	notes_pnote_end(np);
	for (size_t i = 0; i < np->njent; i++) {
		struct jentry *j = &np->jent[i];
		const char *s = np->jstrs.s;
		char *done[8];	/* ids given this entry, the first few */
		size_t ndone = 0;
		const char *t = s + j->targets;
		for (size_t k = 0; k < j->ntargets; k++, t += strlen(t) + 1) {
			const char *id = resolve(np, t);
			/* a person's own note: an entry of its client */
			const char *pid = id ? NULL : notes_pnote_resolve(np, t);
			char *cid = pid ? xstrndup(pid,
			    record_person_client_len(pid)) : NULL;
			if (pid)
				id = cid;
			if (!id)
				continue;
			struct notes_item it = {0};
			it.kind = NOTES_ENTRY;
			it.id = id;
			it.idn = strlen(id);
			it.file = np->files[j->file];
			it.line = j->p.line;
			it.date = j->p.date;
			it.has_date = true;
			it.text = s + j->p.text;
			it.textn = j->p.textn;
			it.tags = s + j->p.tags;
			it.tagsn = j->p.tagsn;
			it.amount = j->p.amount;
			it.has_amount = j->p.has_amount;
			bool again = false;
			for (size_t m = 0; m < ndone; m++)
				again |= !strcmp(done[m], id);
			if (!again) {
				if (ndone < sizeof done / sizeof *done)
					done[ndone++] = xstrdup(id);
				np->fn(&it, np->ctx);
			}
			if (pid)
				notes_concerns(np, pid, it.id, it.file,
				    it.line, it.date);
			free(cid);
		}
		while (ndone)
			free(done[--ndone]);
	}
	np->njent = 0;
	buf_reset(&np->jstrs);
}

void
notes_journal_free(struct notes *np)
{
	for (size_t i = 0; i < np->alias.cap; i++)
		if (np->alias.slot && np->alias.slot[i].key)
			free(np->alias.slot[i].val);
	hash_free(&np->alias);
	free(np->jent);
	buf_free(&np->jstrs);
}
