/* person.h: persons of a client (tact-notes(5) "Persons"): whether a list
 * item's text names a person, and which persons an entry's text names. */
#ifndef TACT_PERSON_H
#define TACT_PERSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Does the text of a list item (wikilinks read as their labels)
 * name a person?  A name in bold (the rest of the text is a remark), or
 * two to five words starting with a capital letter, particles such as
 * von, van, de, zu, di allowed after the first.  A remark in parentheses
 * at the end, or after " – ", " — ", " - " or ", ", is the person's role.
 * On true, name, nn hold the name and role, rn the role (rn 0: none). */
bool person_item(const char *s, size_t n, const char **name, size_t *nn,
		 const char **role, size_t *rn);

/* The persons of one client, to tell which of them a text names: the
 * full name, or the first or the last name when no other person of the
 * client has the same (whole words, letters compared lowercased; a
 * possessive "s" may follow: "Katrins", "Katrin's"). */
struct person_names {
	struct pname {
		char *full, *first, *last;	/* lowercased */
		size_t fulln, firstn, lastn;
		bool first_ok, last_ok;		/* unique in the client */
	} *p;
	size_t n, cap;
	bool ready;		/* first_ok, last_ok computed */
	struct buf low;		/* the text lowercased */
};

void person_names_add(struct person_names *pn, const char *name, size_t n);
void person_names_clear(struct person_names *pn);
void person_names_free(struct person_names *pn);
/* The text to look at, for person_names_named. */
void person_names_text(struct person_names *pn, const char *s, size_t n);
/* Does the text name person i (in the order added)? */
bool person_names_named(struct person_names *pn, size_t i);

#endif
