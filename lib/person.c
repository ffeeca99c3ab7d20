/* person.c: persons of a client: names in list items, and which persons
 * a text names. */
#include <stdlib.h>
#include <string.h>

#include "noteline.h"
#include "person.h"
#include "text.h"

enum { NAME_MAX_BYTES = 120, NAME_MAX_WORDS = 5 };

static bool
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Does the character starting at byte c (a lead byte) belong to a word?
 * Letters and digits do; ASCII punctuation, Latin-1 punctuation (C2 ..)
 * and general punctuation such as dashes and quotes (E2 ..) do not. */
static bool
word_lead(unsigned char c)
{
	if (c < 0x80)
		return ascii_alnum(c);
	return c != 0xc2 && c != 0xe2;
}

/* Is s[0..n) a capitalized word: an ASCII or Latin-1 capital first (any
 * other script counts), then letters, '-', '.', apostrophes? */
static bool
capital_word(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	bool cap = (u[0] >= 'A' && u[0] <= 'Z') ||
	    (n >= 2 && u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e &&
	    u[1] != 0x97) || (u[0] >= 0xc4 && u[0] != 0xe2);
	if (!cap)
		return false;
	for (size_t i = 0; i < n; i++)
		if (u[i] < 0x80 && !ascii_alnum(u[i]) && !strchr("-.'", u[i]))
			return false;
		else if (u[i] >= '0' && u[i] <= '9')
			return false;
	return true;
}

static bool
particle(const char *s, size_t n)
{
	static const char *const words[] = {
		"von", "van", "de", "zu", "di", "der", "den", "du", "da",
		"del", "la", "le", "ter", "ten", "vom", "zur", "y", "af",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !memcmp(words[i], s, n))
			return true;
	return false;
}

/* Two to five capitalized words (particles allowed after the first). */
static bool
name_words(const char *s, size_t n)
{
	size_t words = 0, i = 0;
	if (n == 0 || n > NAME_MAX_BYTES)
		return false;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j == i)	/* two spaces */
			return false;
		if (!capital_word(s + i, j - i) &&
		    (words == 0 || !particle(s + i, j - i)))
			return false;
		if (++words > NAME_MAX_WORDS)
			return false;
		i = j < n ? j + 1 : j;
	}
	return words >= 2;
}

/* The role after the name: "(role)", "– role", "— role", "- role",
 * ", role" (s is what follows the name, trimmed). */
static void
role_of(const char *s, size_t n, const char **role, size_t *rn)
{
	static const char *const seps[] = {"\xe2\x80\x93", "\xe2\x80\x94",
	    "-", ","};
	s = trim(s, &n);
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
		s++;
		n -= 2;
	} else {
		for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
			size_t k = strlen(seps[i]);
			if (n >= k && !memcmp(s, seps[i], k)) {
				s += k;
				n -= k;
				break;
			}
		}
	}
	*role = trim(s, &n);
	*rn = n;
}

/* Where the remark starts in an unemphasized item: " (", " – ", " — ",
 * " - ", ", "; n when there is none. */
static size_t
remark_at(const char *s, size_t n)
{
	static const char *const seps[] = {" (", " \xe2\x80\x93 ",
	    " \xe2\x80\x94 ", " - ", ", "};
	size_t best = n;
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
		const char *p = line_find(s, n, seps[i]);
		if (p && (size_t)(p - s) < best)
			best = (size_t)(p - s);
	}
	return best;
}

bool
person_item(const char *s, size_t n, const char **name, size_t *nn,
    const char **role, size_t *rn)
{
	s = trim(s, &n);
	*rn = 0;
	*role = s;
	if (n > 4 && (!memcmp(s, "**", 2) || !memcmp(s, "__", 2))) {
		const char *e = line_find(s + 2, n - 2, s[0] == '*' ? "**" :
		    "__");
		if (!e)
			return false;
		size_t k = (size_t)(e - s - 2);
		const char *b = trim(s + 2, &k);
		if (k && b[k - 1] == ':')	/* "**Key:**": a field's key */
			return false;
		if (!k || k > NAME_MAX_BYTES || memchr(b, ':', k) ||
		    (b[0] >= '0' && b[0] <= '9'))
			return false;
		*name = b;
		*nn = k;
		role_of(e + 2, n - (size_t)(e + 2 - s), role, rn);
		return true;
	}
	size_t k = remark_at(s, n);
	size_t t = k;
	const char *b = trim(s, &t);
	if (!name_words(b, t))
		return false;
	if (k < n) {
		const char *r = s + k;
		size_t left = n - k;
		if (r[1] == '(' && r[left - 1] != ')')
			return false;	/* "Anna Berg (" with no end */
		role_of(r, left, role, rn);
	}
	*name = b;
	*nn = t;
	return true;
}

/* The lowercased copy of s[0..n). */
static char *
lower_dup(const char *s, size_t n)
{
	char *d = xstrndup(s, n);
	text_lower(d, n);
	return d;
}

void
person_names_add(struct person_names *pn, const char *name, size_t n)
{
	if (pn->n == pn->cap) {
		pn->cap = pn->cap ? 2 * pn->cap : 8;
		pn->p = xrealloc(pn->p, pn->cap * sizeof *pn->p);
	}
	struct pname *p = &pn->p[pn->n++];
	memset(p, 0, sizeof *p);
	name = trim(name, &n);
	p->full = lower_dup(name, n);
	p->fulln = n;
	/* The first name: the first word that is no title ("Dr.", "Prof.");
	 * the last name: the last word. */
	size_t i = 0, fb = 0, fe = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && name[j] != ' ')
			j++;
		if (j > i && name[j - 1] != '.' && fe == 0) {
			fb = i;
			fe = j;
		}
		i = j + 1;
	}
	size_t lb = n;
	while (lb > 0 && name[lb - 1] != ' ')
		lb--;
	if (fe > fb && lb > fb) {	/* two words at least */
		p->first = lower_dup(name + fb, fe - fb);
		p->firstn = fe - fb;
		p->last = lower_dup(name + lb, n - lb);
		p->lastn = n - lb;
	}
	pn->ready = false;
}

void
person_names_clear(struct person_names *pn)
{
	for (size_t i = 0; i < pn->n; i++) {
		free(pn->p[i].full);
		free(pn->p[i].first);
		free(pn->p[i].last);
	}
	pn->n = 0;
	pn->ready = false;
}

void
person_names_free(struct person_names *pn)
{
	person_names_clear(pn);
	free(pn->p);
	buf_free(&pn->low);
	memset(pn, 0, sizeof *pn);
}

static bool
same(const char *a, size_t an, const char *b, size_t bn)
{
	return a && b && an == bn && !memcmp(a, b, an);
}

/* A first or last name is usable when no other person has it as first,
 * last or full name. */
static void
uniqueness(struct person_names *pn)
{
	for (size_t i = 0; i < pn->n; i++) {
		struct pname *p = &pn->p[i];
		p->first_ok = p->first != NULL;
		p->last_ok = p->last != NULL;
		for (size_t j = 0; j < pn->n; j++) {
			struct pname *q = &pn->p[j];
			if (j == i)
				continue;
			if (same(p->first, p->firstn, q->first, q->firstn) ||
			    same(p->first, p->firstn, q->last, q->lastn) ||
			    same(p->first, p->firstn, q->full, q->fulln))
				p->first_ok = false;
			if (same(p->last, p->lastn, q->last, q->lastn) ||
			    same(p->last, p->lastn, q->first, q->firstn) ||
			    same(p->last, p->lastn, q->full, q->fulln))
				p->last_ok = false;
		}
	}
	pn->ready = true;
}

void
person_names_text(struct person_names *pn, const char *s, size_t n)
{
	buf_reset(&pn->low);
	buf_add(&pn->low, s, n);
	if (pn->low.s)
		text_lower(pn->low.s, n);
}

/* Does the lowercased text hold w[0..wn) as a whole word (a possessive
 * "s" may follow)? */
static bool
has_word(const char *t, size_t tn, const char *w, size_t wn)
{
	const char *at = t, *end = t + tn;
	while (wn && (size_t)(end - at) >= wn &&
	    (at = line_find(at, (size_t)(end - at), w))) {
		bool before = true;
		if (at > t) {
			const char *b = at - 1;	/* the character before */
			while (b > t && ((unsigned char)*b & 0xc0) == 0x80)
				b--;
			before = !word_lead((unsigned char)*b);
		}
		const char *e = at + wn;
		bool after = e == end || !word_lead((unsigned char)*e) ||
		    (*e == 's' && (e + 1 == end ||	/* "Katrins" */
		    !word_lead((unsigned char)e[1])));
		if (before && after)
			return true;
		at++;
	}
	return false;
}

bool
person_names_named(struct person_names *pn, size_t i)
{
	if (!pn->ready)
		uniqueness(pn);
	const struct pname *p = &pn->p[i];
	const char *t = pn->low.s ? pn->low.s : "";
	size_t tn = pn->low.len;
	return has_word(t, tn, p->full, p->fulln) ||
	    (p->first_ok && has_word(t, tn, p->first, p->firstn)) ||
	    (p->last_ok && has_word(t, tn, p->last, p->lastn));
}
