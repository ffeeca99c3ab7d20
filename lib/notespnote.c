/* notespnote.c: a person's own note (tact-notes(5) "Persons").
 *
 * A file's first client whose "company" field (or firma, organization,
 * organisation) links or names another client is that client's person.
 * The client may come later in the input, so the note waits for
 * notes_end.  Then its fields are the person's, its entries the client's
 * (concerning the person), and the client's own entries that name the
 * person are found by reading the client's file once more: the parser
 * keeps no entry text, so memory stays bounded by the largest section. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "notesint.h"
#include "slug.h"

/* A note held back: its section as it was when it ended. */
struct pnote {
	size_t file;		/* index in notes.files */
	char *name, *id, *company;	/* company: the slug of its value */
	long hline, end, heading_line, last_item_line;
	struct pend *items;
	size_t nitems;
	struct buf strs;
	char *pid;		/* once resolved: "CLIENT/SLUG" */
	size_t client_len;	/* the length of CLIENT in pid */
};

static bool
company_key(const char *key)
{
	return !strcmp(key, "company") || !strcmp(key, "firma") ||
	    !strcmp(key, "organization") || !strcmp(key, "organisation");
}

bool
notes_pnote_defer(struct notes *np, const char *id, long hline, long end)
{
	const char *company = NULL;
	for (size_t i = 0; i < np->nitems && !company; i++) {
		const struct pend *p = &np->items[i];
		if (p->kind == NOTES_FIELD && !p->person &&
		    company_key(np->strs.s + p->key))
			company = np->strs.s + p->value;
	}
	if (!company)
		return false;
	char *slug = slug_make(company, strlen(company));
	if (!*slug || !strcmp(slug, id)) {
		free(slug);
		return false;
	}
	if (np->npnotes == np->cappnotes) {
		np->cappnotes = np->cappnotes ? 2 * np->cappnotes : 8;
		np->pnotes = xrealloc(np->pnotes,
		    np->cappnotes * sizeof *np->pnotes);
	}
	struct pnote *n = &np->pnotes[np->npnotes++];
	memset(n, 0, sizeof *n);
	n->file = np->nfiles - 1;
	n->name = xstrdup(np->name);
	n->id = xstrdup(id);
	n->company = slug;
	n->hline = hline;
	n->end = end;
	n->heading_line = np->heading_line;
	n->last_item_line = np->last_item_line;
	n->nitems = np->nitems;
	n->items = xmalloc((np->nitems ? np->nitems : 1) * sizeof *n->items);
	memcpy(n->items, np->items, np->nitems * sizeof *n->items);
	buf_add(&n->strs, np->strs.s ? np->strs.s : "", np->strs.len);
	return true;
}

/* Put the note's section back as the parser's open section. */
static void
restore(struct notes *np, struct pnote *n)
{
	np->nitems = 0;
	for (size_t i = 0; i < n->nitems; i++)
		*notes_add_item(np, 0) = n->items[i];
	buf_reset(&np->strs);
	buf_add(&np->strs, n->strs.s ? n->strs.s : "", n->strs.len);
	np->strs_eol = true;	/* not known: looked for */
	free(np->name);
	np->name = xstrdup(n->name);
	np->heading_line = n->heading_line;
	np->last_item_line = n->last_item_line;
	notes_person_rebuild(np);
}

/* A name of person ctx->pid for journal links. */
struct palias_to {
	struct notes *np;
	const char *pid;
};

static void
add_palias(const char *s, size_t n, void *ctx)
{
	struct palias_to *a = ctx;
	char *sl = slug_make(s, n);
	if (*sl) {
		void **v = hash_put(&a->np->palias, sl);
		if (!*v)
			*v = xstrdup(a->pid);
	}
	free(sl);
}

/* The person's names for journal links: its name, its file's name, its
 * aliases. */
static void
person_aliases(struct notes *np, const struct pnote *n)
{
	struct palias_to a = { np, n->pid };
	add_palias(n->name, strlen(n->name), &a);
	const char *b;
	size_t bl;
	notes_basename(np->files[n->file], &b, &bl);
	add_palias(b, bl, &a);
	for (size_t i = 0; i < n->nitems; i++) {
		const struct pend *p = &n->items[i];
		if (p->kind == NOTES_FIELD)
			notes_aliases(n->strs.s + p->key, n->strs.s + p->value,
			    add_palias, &a);
	}
}

/* Hand on the note as the person pid of client: the person, its fields,
 * its entries (the client's, concerning the person), its section. */
static void
emit_person(struct notes *np, struct pnote *n, const char *client)
{
	const char *file = np->files[n->file];
	struct notes_item it = {0};
	it.kind = NOTES_PERSON;
	it.id = n->pid;
	it.idn = strlen(n->pid);
	it.client = client;
	it.name = n->name;
	it.namen = strlen(n->name);
	it.file = file;
	it.line = n->hline;
	np->fn(&it, np->ctx);
	for (size_t i = 0; i < n->nitems; i++) {
		const struct pend *p = &n->items[i];
		if (p->kind != NOTES_FIELD && p->kind != NOTES_ENTRY)
			continue;	/* persons inside it: not read */
		memset(&it, 0, sizeof it);
		notes_item_pend(&it, p, n->strs.s);
		it.file = file;
		it.name = n->name;
		it.namen = strlen(n->name);
		it.id = p->kind == NOTES_FIELD ? n->pid : client;
		it.idn = strlen(it.id);
		it.client = p->kind == NOTES_FIELD ? client : NULL;
		np->fn(&it, np->ctx);
		if (p->kind != NOTES_ENTRY)
			continue;
		notes_concerns(np, n->pid, client, file, p->line, p->date);
	}
	memset(&it, 0, sizeof it);
	it.kind = NOTES_SECTION;
	it.id = n->pid;
	it.idn = strlen(n->pid);
	it.client = client;
	it.name = n->name;
	it.namen = strlen(n->name);
	it.file = file;
	it.line = n->hline;
	it.heading_line = n->heading_line;
	it.last_item_line = n->last_item_line;
	it.end_line = n->end;
	np->fn(&it, np->ctx);
}

/* Reading a client's file again: the entries of the clients that have
 * persons of their own notes, and which of those persons they name. */
struct reread {
	struct notes *np;
	size_t file;		/* in np->files */
	const char *client;	/* the section's client, when it has such
				 * persons, else NULL */
	struct person_names names;	/* its persons: of the file, then of
					 * their own notes */
	size_t first_pnote;	/* names[first_pnote..] are those */
	struct pnote **pn;	/* the notes of names[first_pnote..] */
	size_t npn, cappn;
	struct pend *ents;	/* the section's entries: text in strs */
	size_t nents, capents;
	struct buf strs;
};

/* The section of client id starts: its persons of their own notes. */
static void
reread_section(struct reread *r, const char *id)
{
	struct notes *np = r->np;
	r->client = NULL;
	r->npn = r->nents = 0;
	buf_reset(&r->strs);
	person_names_clear(&r->names);
	for (size_t i = 0; i < np->npnotes; i++) {
		struct pnote *n = &np->pnotes[i];
		if (!n->pid || strlen(id) != n->client_len ||
		    memcmp(n->pid, id, n->client_len))
			continue;
		if (r->npn == r->cappn) {
			r->cappn = r->cappn ? 2 * r->cappn : 8;
			r->pn = xrealloc(r->pn, r->cappn * sizeof *r->pn);
		}
		r->pn[r->npn++] = n;
		r->client = n->pid;	/* its first client_len bytes */
	}
}

static void
reread_end(struct reread *r)
{
	struct notes *np = r->np;
	if (!r->client)
		return;
	size_t first = r->names.n;
	for (size_t k = 0; k < r->npn; k++)
		person_names_add(&r->names, r->pn[k]->name,
		    strlen(r->pn[k]->name));
	for (size_t e = 0; e < r->nents; e++) {
		const struct pend *p = &r->ents[e];
		const char *t = r->strs.s + p->text;
		person_names_text(&r->names, t, strlen(t));
		for (size_t k = 0; k < r->npn; k++) {
			if (!person_names_named(&r->names, first + k))
				continue;
			notes_concerns(np, r->pn[k]->pid, NULL,
			    np->files[r->file], p->line, p->date);
		}
	}
	r->client = NULL;
}

static void
reread_item(const struct notes_item *it, void *arg)
{
	struct reread *r = arg;
	switch (it->kind) {
	case NOTES_CLIENT:
		reread_end(r);
		reread_section(r, it->id);
		break;
	case NOTES_PERSON:
		if (r->client)
			person_names_add(&r->names, it->name,
			    strlen(it->name));
		break;
	case NOTES_ENTRY:
		if (!r->client)
			break;
		if (r->nents == r->capents) {
			r->capents = r->capents ? 2 * r->capents : 16;
			r->ents = xrealloc(r->ents,
			    r->capents * sizeof *r->ents);
		}
		struct pend *p = &r->ents[r->nents++];
		memset(p, 0, sizeof *p);
		p->line = it->line;
		p->date = it->date;
		p->textn = strlen(it->text);
		p->text = notes_keep_in(&r->strs, it->text, p->textn);
		break;
	case NOTES_SECTION:
		reread_end(r);
		break;
	default:
		break;
	}
}

/* Read files[file] again for the entries of its clients that name
 * persons of their own notes (a merged section of a client in another
 * file is not read again). */
static void
reread_file(struct notes *np, size_t file)
{
	const char *name = np->files[file];
	if (!strcmp(name, "-"))
		return;		/* standard input cannot be read twice */
	FILE *fp = fopen(name, "r");
	if (!fp)
		return;
	struct reread r = {0};
	r.np = np;
	r.file = file;
	struct notes *sub = notes_new(reread_item, &r);
	notes_date_order(sub, np->order);
	diag_quiet(true);
	notes_parse(sub, fp, name);
	diag_quiet(false);
	fclose(fp);
	notes_free(sub);
	person_names_free(&r.names);
	free(r.pn);
	free(r.ents);
	buf_free(&r.strs);
}

void
notes_pnote_end(struct notes *np)
{
	size_t *files = xmalloc((np->npnotes ? np->npnotes : 1) *
	    sizeof *files);
	size_t nfiles = 0;
	for (size_t i = 0; i < np->npnotes; i++) {
		struct pnote *n = &np->pnotes[i];
		const char *client = idset_get(&np->seen, n->company, NULL) ?
		    n->company : hash_get(&np->alias, n->company);
		restore(np, n);
		if (!client) {	/* no client of that name: it is one */
			notes_emit_client(np, n->id, n->hline, n->end, n->file,
			    false);
			continue;
		}
		char *slug = slug_make(n->name, strlen(n->name));
		struct buf pid = {0};
		buf_adds(&pid, client);
		buf_addc(&pid, '/');
		buf_adds(&pid, *slug ? slug : n->id);
		free(slug);
		n->pid = buf_steal(&pid);
		n->client_len = strlen(client);
		person_aliases(np, n);
		emit_person(np, n, client);
		struct idset_place at;
		idset_get(&np->seen, client, &at);
		size_t f = at.file;
		bool known = false;
		for (size_t k = 0; k < nfiles; k++)
			known |= files[k] == f;
		if (!known)
			files[nfiles++] = f;
	}
	np->nitems = 0;
	buf_reset(&np->strs);
	for (size_t k = 0; k < nfiles; k++)
		reread_file(np, files[k]);
	free(files);
}

const char *
notes_pnote_resolve(struct notes *np, const char *slug)
{
	return hash_get(&np->palias, slug);
}

void
notes_pnote_free(struct notes *np)
{
	for (size_t i = 0; i < np->npnotes; i++) {
		struct pnote *n = &np->pnotes[i];
		free(n->name);
		free(n->id);
		free(n->company);
		free(n->items);
		buf_free(&n->strs);
		free(n->pid);
	}
	free(np->pnotes);
	np->pnotes = NULL;
	np->npnotes = np->cappnotes = 0;
	for (size_t i = 0; i < np->palias.cap; i++)
		if (np->palias.slot && np->palias.slot[i].key)
			free(np->palias.slot[i].val);
	hash_free(&np->palias);
}
