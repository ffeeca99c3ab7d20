/* notesperson.c: the notes parser's persons (tact-notes(5) "Persons"): a
 * name item with fields or entries nested under it, "contact: NAME" with
 * nested fields, a front-matter list of contacts; and the persons each
 * entry of the section concerns. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "noteline.h"
#include "notesint.h"
#include "slug.h"
#include "text.h"

/* Keys of a field that names a person, who may have fields nested under
 * it; and of a front-matter list of persons. */
static bool
contact_key(const char *key)
{
	char c = key[0];	/* cheap first: most keys are not */
	if (c != 'c' && c != 'k' && c != 'p' && c != 'a')
		return false;
	static const char *const keys[] = {
		"contact", "kontakt", "person", "ansprechpartner",
		"ansprechpartnerin", "ansprechperson",
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(key, keys[i]))
			return true;
	return false;
}

static bool
contacts_key(const char *key)
{
	static const char *const keys[] = {
		"contacts", "kontakte", "ansprechpartner", "ansprechpartnerin",
		"persons", "personen",
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!strcmp(key, keys[i]))
			return true;
	return false;
}

/* A list item that may name a person: remember it (name and role). */
static void
candidate(struct notes *np, const char *name, size_t nn, const char *role,
    size_t rn, int indent, long field)
{
	np->pc = true;
	np->pc_indent = indent;
	np->pc_line = np->lineno;
	np->pc_name = notes_keep(np, name, nn);
	np->pc_role = rn ? notes_keep(np, role, rn) : 0;
	np->pc_field = field;
	np->pc_person = -1;
}

bool
notes_person_item(struct notes *np, const char *s, size_t n, int indent)
{
	const char *name, *role;
	size_t nn, rn;
	buf_reset(&np->val);
	line_unlink(&np->val, s, n);
	if (!np->val.s ||
	    !person_item(np->val.s, np->val.len, &name, &nn, &role, &rn))
		return false;
	candidate(np, name, nn, role, rn, indent, -1);
	return true;
}

void
notes_person_contact(struct notes *np, int indent)
{
	if (np->in_pc || !np->nitems)
		return;
	const struct pend *p = &np->items[np->nitems - 1];
	if (p->kind != NOTES_FIELD || p->person || p->line != np->lineno ||
	    !contact_key(np->strs.s + p->key))
		return;
	/* A copy: candidate() adds to strs, which may move. */
	buf_reset(&np->val);
	buf_adds(&np->val, np->strs.s + p->value);
	const char *v = np->val.s, *name = v, *role = v;
	size_t vn = np->val.len, nn = vn, rn = 0;
	if (!vn)
		return;
	person_item(v, vn, &name, &nn, &role, &rn);
	candidate(np, name, nn, role, rn, indent, (long)(np->nitems - 1));
}

/* The item at index is the section's next person. */
static void
push_person(struct notes *np, size_t index)
{
	if (np->npersons == np->cappersons) {
		np->cappersons = np->cappersons ? 2 * np->cappersons : 8;
		np->persons = xrealloc(np->persons,
		    np->cappersons * sizeof *np->persons);
	}
	np->persons[np->npersons++] = index;
}

/* The index of the section's person named name (by slug), or -1. */
static long
find_person(struct notes *np, const char *slug)
{
	for (size_t k = 0; k < np->npersons; k++)
		if (!strcmp(np->strs.s + np->items[np->persons[k]].key, slug))
			return (long)k;
	return -1;
}

/* A person of the section named name[0..n) (at np->lineno): its index,
 * a new one unless a person of the same slug is there; -1 for a name
 * without letters or digits. */
static long
add_person(struct notes *np, const char *name, size_t n)
{
	char *slug = slug_make(name, n);
	long k = *slug ? find_person(np, slug) : -1;
	if (*slug && k < 0) {
		size_t sn = strlen(slug);
		size_t name_off = notes_keep(np, name, n);
		size_t slug_off = notes_keep(np, slug, sn);
		struct pend *p = notes_add_item(np, NOTES_PERSON);
		p->value = name_off;
		p->valuen = n;
		p->key = slug_off;
		p->keyn = sn;
		p->text = p->tags = p->key;	/* unused */
		p->textn = p->tagsn = p->keyn;
		k = (long)np->npersons;
		push_person(np, np->nitems - 1);
	}
	free(slug);
	return k;
}

/* The candidate is a person: its item, and its role as a field. */
static void
confirm(struct notes *np)
{
	if (np->pc_field >= 0) {	/* "contact: NAME" is the person */
		np->items[np->pc_field].kind = PEND_DROPPED;
		notes_person_drop(np, np->nitems);	/* the keys again */
	}
	long line = np->lineno;
	np->lineno = np->pc_line;
	char *name = xstrdup(np->strs.s + np->pc_name);	/* strs may move */
	np->pc_person = add_person(np, name, strlen(name));
	free(name);
	if (np->pc_person >= 0 && np->pc_role) {
		const char *role = np->strs.s + np->pc_role;
		size_t rn = strlen(role);
		char *copy = xstrndup(role, rn);	/* strs may move */
		np->in_pc = true;
		notes_field(np, "role", 4, copy, rn, false);
		free(copy);
	}
	np->lineno = line;
}

int
notes_person_owner(struct notes *np)
{
	if (!np->in_pc)
		return 0;
	if (np->pc_person < 0)
		confirm(np);
	if (np->pc_person < 0) {	/* a name without letters */
		np->pc = np->in_pc = false;
		return 0;
	}
	return (int)np->pc_person + 1;
}

void
notes_person_front(struct notes *np, const char *key, const char *v,
    size_t vn)
{
	if (!contacts_key(key))
		return;
	if (vn >= 2 && v[0] == '[' && v[vn - 1] == ']') {
		v++;	/* a flow list the lenient reader left as it is */
		vn -= 2;
	}
	size_t i = 0;
	while (i < vn) {
		size_t j = i;
		while (j < vn && !(v[j] == ',' && (j + 1 == vn ||
		    v[j + 1] == ' ')))
			j++;
		size_t n = j - i;
		const char *name = trim(v + i, &n);
		if (n >= 2 && (name[0] == '"' || name[0] == '\'') &&
		    name[n - 1] == name[0]) {
			name++;
			n -= 2;
		}
		size_t before = np->nitems;
		if (n)
			add_person(np, name, n);
		np->nfront += np->nitems - before;	/* not for one seen */
		i = j + 1;
	}
}

const char *
notes_owned_key(struct notes *np, const char *key, int owner)
{
	if (!owner)
		return key;
	buf_reset(&np->pkey);
	buf_adds(&np->pkey, key);
	buf_addc(&np->pkey, '\x1f');	/* no key holds it */
	buf_addnum(&np->pkey, owner);
	return np->pkey.s;
}

const char *
notes_pend_key(struct notes *np, const struct pend *p)
{
	return notes_owned_key(np, np->strs.s + p->key, p->person);
}

/* Keep the items before from: the keys of their fields, their persons. */
void
notes_person_drop(struct notes *np, size_t from)
{
	np->nitems = from;
	while (np->nfkeys && np->fkeys[np->nfkeys - 1] >= from)
		np->nfkeys--;
	if (np->keys_hashed) {	/* made again from the list if need be */
		hash_clear(&np->keys);
		np->keys_hashed = false;
	}
	while (np->npersons && np->persons[np->npersons - 1] >= from)
		np->npersons--;
}

void
notes_person_rebuild(struct notes *np)
{
	np->npersons = 0;
	for (size_t i = 0; i < np->nitems; i++) {
		if (np->items[i].kind == NOTES_PERSON)
			push_person(np, i);
	}
}

const char *
notes_person_id(struct notes *np, const char *client, size_t k)
{
	buf_reset(&np->pkey);
	buf_adds(&np->pkey, client);
	buf_addc(&np->pkey, '/');
	buf_adds(&np->pkey, np->strs.s + np->items[np->persons[k]].key);
	return np->pkey.s;
}

/* After the entry p (it just handed on): the persons it concerns, those
 * it is nested under or names. */
void
notes_person_concerns(struct notes *np, struct notes_item *it,
    const struct pend *p, const char *client)
{
	if (!np->npersons)
		return;
	if (np->pnames.n != np->npersons) {
		person_names_clear(&np->pnames);
		for (size_t k = 0; k < np->npersons; k++) {
			const char *name = np->strs.s +
			    np->items[np->persons[k]].value;
			person_names_add(&np->pnames, name, strlen(name));
		}
	}
	person_names_text(&np->pnames, it->text, it->textn);
	for (size_t k = 0; k < np->npersons; k++)
		if (p->person == (int)k + 1 ||
		    person_names_named(&np->pnames, k))
			notes_concerns(np, notes_person_id(np, client, k),
			    client, it->file, p->line, p->date);
}

void
notes_person_free(struct notes *np)
{
	free(np->persons);
	person_names_free(&np->pnames);
	buf_free(&np->pkey);
}
