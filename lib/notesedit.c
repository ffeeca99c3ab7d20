/* notesedit.c: tact-done's one change to the notes.
 *
 * The notes are read twice: all of them without a lock, to find the
 * client and the file of its last section; then that file alone, read
 * under its lock (rewrite.h), to place the entry in what is really there
 * now.  A client's id does not depend on other files (merging only joins
 * sections of one id), so the file parsed alone names it the same way.
 * Each read keeps only what placing the entry needs (struct keep): the
 * sections of the client and the entries that could be the same entry,
 * so memory grows with the parser's largest section, never with the
 * notes.  The first read also gathers every id, and the slugs of names
 * and aliases that are not the id, in one string (struct found, names):
 * about an id's bytes a client, like the parser's own table of clients,
 * so that an unknown CLIENT is answered with the nearest ids without a
 * second read.  The file is copied to its new version as a stream, with the
 * line inserted, and the new version is parsed once more before it
 * replaces the file: the entry must come out as an entry of the client
 * with its tag, which catches an insertion point hidden in an unclosed
 * code block or comment.
 *
 * CLIENT may name a person (tact-notes(5) "Persons").  A person with a
 * note of its own gets the entry there; any other gets it in the last
 * section of its client that defines it (the parser attributes an entry
 * only to the persons of its own section), with the person's name in
 * front of the text unless the text names the person already.  Both
 * reads call notes_end, as a person's own note is held back until then.
 * Read alone under the lock, such a note cannot find its company (that
 * client is in another file), and notes_end hands it on as a client of
 * its own: so there its section is found as the one notes_end hands on
 * (only a file's first client can be held back, so there is at most
 * one), whatever its id, and its entries are those handed on with it. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "notes.h"
#include "notesedit.h"
#include "person.h"
#include "rewrite.h"
#include "rx.h"
#include "slug.h"
#include "text.h"

/* Start over at most this often when the file changes under us. */
enum { MAX_TRIES = 10 };

/* A block of the streamed copy. */
enum { COPY_BLOCK = 65536 };

struct sect {
	char *id, *name, *file;
	bool person;		/* a person's own note: id is the person's */
	bool alias;		/* an alias of it is CLIENT */
	bool late;		/* handed on by notes_end */
	long heading_line, last_item_line, end_line;
};

struct ent {
	char *id, *file, *text, *tags;
	struct date date;
	long line;
	bool late;
	bool has_amount;
};

struct pers {
	char *id, *client, *name, *file;
	long line;
};

/* An entry at file:line concerns person id. */
struct conc {
	char *id, *file;
	long line;
};

/* Which items a parse keeps.
 * - Finding CLIENT (id NULL): sections whose id is name or slug, whose
 *   name is name or that have an alias that is it (alias_seen), and every
 *   later section of an id kept before (its last section is the one
 *   that gets the entry); persons whose id is name, whose name is name,
 *   whose SLUG is slug or who have such an alias, and their own notes'
 *   sections; entries of date whose text ends with text (so an entry
 *   written with a person's name in front is seen); the persons those
 *   entries concern.  With names, also every name of every client and
 *   person, for "did you mean" should none be CLIENT.
 * - A client (id set, pid NULL): its sections and its entries.
 * - A person in a client's section (id and pid set): the client's
 *   sections, entries and persons, and what concerns pid.
 * - A person's own note (note set): what notes_end hands on, and what
 *   concerns pid.
 * Entries: of date, with text or text2 (runs of blanks aside), at line
 * when set. */
struct keep {
	const char *name, *slug;
	const char *id;
	const char *pid;
	bool note;
	struct date date;
	const char *text, *text2;
	bool suffix;		/* also entries whose text ends with text */
	long line;
	enum date_order order;	/* how the notes' slash dates are read */
	bool names;		/* gather names (struct found) */
};

/* What a parse kept. */
struct found {
	struct notes *np;
	FILE *quiet;		/* where the parser's diagnostics go */
	const struct keep *keep;	/* NULL: every item */
	struct sect *sec;
	size_t nsec, capsec;
	struct ent *ent;
	size_t nent, capent;
	struct pers *pers;
	size_t npers, cappers;
	struct conc *conc;
	size_t nconc, capconc;
	bool ended;		/* notes_end is handing on its items */
	notes_fn fn;		/* set: every item goes to it, none is kept */
	void *ctx;
	/* Finding CLIENT: an alias of the section being handed on is it;
	 * the last person handed on (its strings copied: the parser's go
	 * with the next item), for its aliases, which follow it. */
	bool alias_hit;
	struct buf lp_id, lp_client, lp_name;
	const char *lp_file;
	long lp_line;
	bool lp_kept;
	/* With keep->names: the ids of every client and person, and the
	 * keys of their names and aliases (add_name), in one string
	 * however many there are: about the length of an id each. */
	struct buf names;
};

/* Fold ASCII and Latin-1 capitals (U+00C0..U+00DE but U+00D7) to small
 * letters and compare. */
static bool
name_eq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
		if (!x)
			return true;
		if (x == 0xc3 && a[1] && b[1]) {
			unsigned char p = (unsigned char)a[1];
			unsigned char q = (unsigned char)b[1];
			if (p >= 0x80 && p <= 0x9e && p != 0x97)
				p = (unsigned char)(p + 0x20);
			if (q >= 0x80 && q <= 0x9e && q != 0x97)
				q = (unsigned char)(q + 0x20);
			if (p != q)
				return false;
			a++;
			b++;
		}
	}
}

/* Are a and b the same text but for the length of runs of blanks? */
static bool
same_text(const char *a, const char *b)
{
	while (*a && *b) {
		if (is_blank(*a) && is_blank(*b)) {
			while (is_blank(*a))
				a++;
			while (is_blank(*b))
				b++;
		} else if (*a++ != *b++) {
			return false;
		}
	}
	return !*a && !*b;
}

/* Does a end with b (runs of blanks aside)?  Walks back from the ends,
 * so a long text costs one pass. */
static bool
ends_same(const char *a, const char *b)
{
	const char *p = a + strlen(a), *q = b + strlen(b);
	while (q > b) {
		if (p == a)
			return false;
		if (is_blank(q[-1])) {
			if (!is_blank(p[-1]))
				return false;
			while (q > b && is_blank(q[-1]))
				q--;
			while (p > a && is_blank(p[-1]))
				p--;
		} else if (*--p != *--q) {
			return false;
		}
	}
	return true;
}

static bool
has_tag(const char *tags, const char *tag)
{
	size_t k = strlen(tag);
	for (const char *p = tags; *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == k && !memcmp(p, tag, k))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

/* The last (first) section of client id. */
static const struct sect *
last_section(const struct found *f, const char *id)
{
	for (size_t i = f->nsec; i-- > 0;)
		if (!f->sec[i].person && !strcmp(f->sec[i].id, id))
			return &f->sec[i];
	return NULL;
}

static const struct sect *
first_section(const struct found *f, const char *id)
{
	for (size_t i = 0; i < f->nsec; i++)
		if (!f->sec[i].person && !strcmp(f->sec[i].id, id))
			return &f->sec[i];
	return NULL;
}

static const struct pers *
find_person(const struct found *f, const char *pid, bool last)
{
	const struct pers *p = NULL;
	for (size_t i = 0; i < f->npers && (last || !p); i++)
		if (!strcmp(f->pers[i].id, pid))
			p = &f->pers[i];
	return p;
}

/* Does the entry at file:line concern person pid? */
static bool
concerns(const struct found *f, const char *file, long line, const char *pid)
{
	for (size_t i = 0; i < f->nconc; i++)
		if (f->conc[i].line == line && !strcmp(f->conc[i].id, pid) &&
		    !strcmp(f->conc[i].file, file))
			return true;
	return false;
}

/* Is person p defined in section s (of client id)?  Sections of a file
 * follow each other, so s holds the lines after the end of the
 * client's section before it in that file. */
static bool
in_section(const struct found *f, const struct sect *s, const struct pers *p)
{
	if (strcmp(p->file, s->file) || p->line > s->end_line)
		return false;
	for (const struct sect *o = f->sec; o < s; o++)
		if (!o->person && !strcmp(o->id, s->id) &&
		    !strcmp(o->file, s->file) && o->end_line >= p->line)
			return false;
	return true;
}

/* The last section of client id that defines person pid. */
static const struct sect *
person_section(const struct found *f, const char *id, const char *pid)
{
	for (size_t i = f->nsec; i-- > 0;) {
		const struct sect *s = &f->sec[i];
		if (s->person || strcmp(s->id, id))
			continue;
		for (size_t k = 0; k < f->npers; k++)
			if (!strcmp(f->pers[k].id, pid) &&
			    in_section(f, s, &f->pers[k]))
				return s;
	}
	return NULL;
}

/* A person's own note, read alone: the section notes_end handed on, by
 * the person's id when its client is in this file too, else its only
 * one. */
static const struct sect *
note_section(const struct found *f, const char *pid)
{
	const struct sect *late = NULL;
	size_t nlate = 0;
	for (size_t i = 0; i < f->nsec; i++) {
		if (!f->sec[i].late)
			continue;
		if (!strcmp(f->sec[i].id, pid))
			return &f->sec[i];
		late = &f->sec[i];
		nlate++;
	}
	return nlate == 1 ? late : NULL;
}

/* Does text name person pid among the persons section s defines, as the
 * parser tells (person.h)? */
static bool
names_person(const struct found *f, const struct sect *s, const char *pid,
	     const char *text)
{
	struct person_names pn = {0};
	const char **ids = xmalloc((f->npers ? f->npers : 1) * sizeof *ids);
	size_t n = 0, me = f->npers;
	for (size_t k = 0; k < f->npers; k++) {
		const struct pers *p = &f->pers[k];
		size_t j = 0;
		while (j < n && strcmp(ids[j], p->id))
			j++;
		if (j < n || !in_section(f, s, p))
			continue;
		if (!strcmp(p->id, pid))
			me = n;
		ids[n++] = p->id;
		person_names_add(&pn, p->name, strlen(p->name));
	}
	bool named = false;
	if (me < n) {
		person_names_text(&pn, text, strlen(text));
		named = person_names_named(&pn, me);
	}
	person_names_free(&pn);
	free(ids);
	return named;
}

static bool
want_section(const struct found *f, const struct notes_item *it)
{
	const struct keep *k = f->keep;
	if (!k)
		return true;
	if (k->note)
		return f->ended;
	if (it->client)		/* a person's own note */
		return !k->id && find_person(f, it->id, false);
	if (k->id)
		return !strcmp(it->id, k->id);
	return f->alias_hit || !strcmp(it->id, k->name) || (*k->slug &&
	    !strcmp(it->id, k->slug)) || name_eq(it->name ? it->name : "",
	    k->name) || first_section(f, it->id);
}

static bool
want_entry(const struct found *f, const struct notes_item *it)
{
	const struct keep *k = f->keep;
	if (!k)
		return true;
	if (k->line && it->line != k->line)
		return false;
	if (k->note ? !f->ended : k->id && strcmp(it->id, k->id))
		return false;
	return !date_cmp(it->date, k->date) && (same_text(it->text,
	    k->text) || (k->text2 && same_text(it->text, k->text2)) ||
	    (k->suffix && ends_same(it->text, k->text)));
}

static bool
want_person(const struct found *f, const struct notes_item *it)
{
	const struct keep *k = f->keep;
	if (!k)
		return true;
	if (k->id)
		return k->pid && !k->note && it->client &&
		    !strcmp(it->client, k->id);
	if (k->note)
		return false;
	const char *slug = strrchr(it->id, '/');
	return !strcmp(it->id, k->name) || name_eq(it->name, k->name) ||
	    (*k->slug && slug && !strcmp(slug + 1, k->slug));
}

static bool
want_concerns(const struct found *f, const struct notes_item *it)
{
	const struct keep *k = f->keep;
	if (!k)
		return true;
	if (k->pid)
		return !strcmp(it->id, k->pid) && (!k->line ||
		    it->line == k->line);
	if (k->id)
		return false;
	for (size_t i = f->nent; i-- > 0;)
		if (f->ent[i].line == it->line &&
		    !strcmp(f->ent[i].file, it->file))
			return true;
	return false;
}

/* p with room for one more of n items of size sz. */
static void *
grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	return xrealloc(p, *cap * sz);
}

static void
add_section(struct found *f, const struct notes_item *it)
{
	f->sec = grow(f->sec, &f->capsec, f->nsec, sizeof *f->sec);
	struct sect *s = &f->sec[f->nsec++];
	s->id = xstrdup(it->id);
	s->name = xstrdup(it->name ? it->name : "");
	s->file = xstrdup(it->file);
	s->person = it->client != NULL;
	s->alias = f->alias_hit && !s->person;
	s->late = f->ended;
	s->heading_line = it->heading_line;
	s->last_item_line = it->last_item_line;
	s->end_line = it->end_line;
}

static void
add_entry(struct found *f, const struct notes_item *it)
{
	f->ent = grow(f->ent, &f->capent, f->nent, sizeof *f->ent);
	struct ent *e = &f->ent[f->nent++];
	e->id = xstrdup(it->id);
	e->file = xstrdup(it->file);
	e->text = xstrdup(it->text);
	e->tags = xstrdup(it->tags);
	e->date = it->date;
	e->line = it->line;
	e->late = f->ended;
	e->has_amount = it->has_amount;
}

static void
add_person(struct found *f, const struct notes_item *it)
{
	f->pers = grow(f->pers, &f->cappers, f->npers, sizeof *f->pers);
	struct pers *p = &f->pers[f->npers++];
	p->id = xstrdup(it->id);
	p->client = xstrdup(it->client ? it->client : "");
	p->name = xstrdup(it->name ? it->name : "");
	p->file = xstrdup(it->file);
	p->line = it->line;
}

static void
add_concerns(struct found *f, const struct notes_item *it)
{
	f->conc = grow(f->conc, &f->capconc, f->nconc, sizeof *f->conc);
	struct conc *c = &f->conc[f->nconc++];
	c->id = xstrdup(it->id);
	c->file = xstrdup(it->file);
	c->line = it->line;
}

/* The key by which "did you mean" compares the name s[0..n): its slug,
 * or, when it has none (no ASCII letter or digit), itself. */
static char *
name_key(const char *s, size_t n)
{
	char *k = slug_make(s, n);
	if (*k)
		return k;
	free(k);
	return xstrndup(s, n);
}

/* Gather for "did you mean" the key of a name of id (NULL: id itself,
 * compared as it is) as "ID\0KEY\0", KEY empty for id itself; a key
 * that is the id adds nothing. */
static void
add_name(struct found *f, const char *id, const char *key)
{
	if (key && !strcmp(key, id))
		return;
	buf_add(&f->names, id, strlen(id) + 1);
	buf_adds(&f->names, key ? key : "");
	buf_addc(&f->names, '\0');
}

/* The same for the name s[0..n). */
static void
add_name_of(struct found *f, const char *id, const char *s, size_t n)
{
	char *key = name_key(s, n);
	add_name(f, id, key);
	free(key);
}

/* Is the alias s[0..n) the CLIENT of f->keep?  By slug, as journal links
 * find a client by its aliases (notesjournal.c), or by name_eq: a name
 * without ASCII letters or digits has no slug. */
struct alias_seen {
	struct found *f;
	const char *id;		/* whose alias it is */
	bool hit;
};

static void
alias_seen(const char *s, size_t n, void *ctx)
{
	struct alias_seen *a = ctx;
	const struct keep *k = a->f->keep;
	char *key = name_key(s, n);	/* a slug, or s without one */
	if (k->names)
		add_name(a->f, a->id, key);
	if (!a->hit) {
		char *t = xstrndup(s, n);
		a->hit = (*k->slug && !strcmp(key, k->slug)) ||
		    name_eq(t, k->name);
		free(t);
	}
	free(key);
}

/* A field, finding CLIENT: an alias may be it. */
static void
see_field(struct found *f, const struct notes_item *it)
{
	const struct keep *k = f->keep;
	struct alias_seen a = { f, it->id, false };
	if (!k || k->id || k->note ||
	    !notes_aliases(it->key, it->value, alias_seen, &a) || !a.hit)
		return;
	if (!it->client) {
		f->alias_hit = true;
	} else if (!f->lp_kept && f->lp_id.s && !strcmp(it->id, f->lp_id.s)) {
		struct notes_item p = { .kind = NOTES_PERSON,
		    .id = f->lp_id.s, .client = f->lp_client.s,
		    .name = f->lp_name.s, .file = f->lp_file,
		    .line = f->lp_line };
		add_person(f, &p);
		f->lp_kept = true;
	}
}

/* A person, finding CLIENT: kept for its aliases, and its names. */
static void
see_person(struct found *f, const struct notes_item *it, bool kept)
{
	const struct keep *k = f->keep;
	if (!k || k->id || k->note)
		return;
	buf_reset(&f->lp_id);
	buf_adds(&f->lp_id, it->id);
	buf_reset(&f->lp_client);
	buf_adds(&f->lp_client, it->client ? it->client : "");
	buf_reset(&f->lp_name);
	buf_adds(&f->lp_name, it->name ? it->name : "");
	f->lp_file = it->file;
	f->lp_line = it->line;
	f->lp_kept = kept;
	if (k->names) {
		add_name(f, it->id, NULL);
		if (it->name)
			add_name_of(f, it->id, it->name, strlen(it->name));
	}
}

/* A client's section, with keep->names: its id (the first time) and its
 * name, where its key is not the id (as it mostly is: the id is its
 * slug). */
static void
see_section(struct found *f, const struct notes_item *it)
{
	if (!f->keep || !f->keep->names || it->client)
		return;
	if (!it->merged)
		add_name(f, it->id, NULL);
	if (it->name)
		add_name_of(f, it->id, it->name, strlen(it->name));
}

static void
collect(const struct notes_item *it, void *ctx)
{
	struct found *f = ctx;
	if (f->fn) {
		f->fn(it, f->ctx);
		return;
	}
	switch (it->kind) {
	case NOTES_SECTION:
		if (want_section(f, it))
			add_section(f, it);
		see_section(f, it);
		f->alias_hit = false;
		break;
	case NOTES_FIELD:
		see_field(f, it);
		break;
	case NOTES_ENTRY:
		if (want_entry(f, it))
			add_entry(f, it);
		break;
	case NOTES_PERSON: {
		bool kept = want_person(f, it);
		if (kept)
			add_person(f, it);
		see_person(f, it, kept);
		break;
	}
	case NOTES_CONCERNS:
		if (want_concerns(f, it))
			add_concerns(f, it);
		break;
	default:
		break;
	}
}

static void
found_init(struct found *f, FILE *quiet, const struct keep *keep)
{
	memset(f, 0, sizeof *f);
	f->quiet = quiet;
	f->keep = keep;
	f->np = notes_new(collect, f);
	if (keep)
		notes_date_order(f->np, keep->order);
}

static void
found_free(struct found *f)
{
	for (size_t i = 0; i < f->nsec; i++) {
		free(f->sec[i].id);
		free(f->sec[i].name);
		free(f->sec[i].file);
	}
	for (size_t i = 0; i < f->nent; i++) {
		free(f->ent[i].id);
		free(f->ent[i].file);
		free(f->ent[i].text);
		free(f->ent[i].tags);
	}
	for (size_t i = 0; i < f->npers; i++) {
		free(f->pers[i].id);
		free(f->pers[i].client);
		free(f->pers[i].name);
		free(f->pers[i].file);
	}
	for (size_t i = 0; i < f->nconc; i++) {
		free(f->conc[i].id);
		free(f->conc[i].file);
	}
	free(f->sec);
	free(f->ent);
	free(f->pers);
	free(f->conc);
	buf_free(&f->lp_id);
	buf_free(&f->lp_client);
	buf_free(&f->lp_name);
	buf_free(&f->names);
	if (f->np)
		notes_free(f->np);
	memset(f, 0, sizeof *f);
}

/* Parsing is over: notes_end hands on what waited for it (persons'
 * own notes, journal entries), then the parser's memory (its table of
 * every client seen) goes before the next parse starts. */
static void
found_parsed(struct found *f)
{
	f->ended = true;
	if (f->quiet)
		diag_quiet(true);
	notes_end(f->np);
	if (f->quiet)
		diag_quiet(false);
	notes_free(f->np);
	f->np = NULL;
}

static void
parse_fp(FILE *fp, const char *name, void *ctx)
{
	struct found *f = ctx;
	/* The notes' own problems are tact-parse's to show; a file that
	 * cannot be read is still said (diag_quiet lets it through). */
	if (f->quiet)
		diag_quiet(true);
	notes_parse(f->np, fp, name);
	if (f->quiet)
		diag_quiet(false);
}

/* Parse s[0..n) as the file name. */
static void
parse_mem(struct found *f, const char *s, size_t n, const char *name)
{
	if (n == 0)
		return;		/* no clients; fmemopen may refuse size 0 */
	FILE *fp = fmemopen((void *)s, n, "r");
	if (!fp)
		die_oom();
	parse_fp(fp, name, f);
	fclose(fp);
}

/* Parse the file path.  Opened without blocking and checked before it is
 * read: a FIFO or a device named with -f is refused, not waited on (its
 * O_NONBLOCK stays: it means nothing for a regular file).  Returns 0, or
 * 2 after a message. */
static int
read_file(struct found *f, const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_syserr("cannot read '%s'", path);
		if (fd >= 0)
			close(fd);
		return 2;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_fatal("cannot write '%s': not a regular file", path);
		close(fd);
		return 2;
	}
	FILE *fp = fdopen(fd, "r");
	if (!fp) {
		diag_syserr("cannot read '%s'", path);
		close(fd);
		return 2;
	}
	parse_fp(fp, path, f);
	int st2 = 0;
	if (ferror(fp)) {
		diag_syserr("cannot read '%s'", path);
		st2 = 2;
	}
	fclose(fp);
	return st2;
}

/* Parse the notes rq names: files, and directories through input_each.
 * Returns 0, or 2 after a message when one cannot be read (the client
 * may be in it) or is no regular file. */
static int
read_notes(struct found *f, const struct notesedit_req *rq)
{
	int st = 0;
	for (int i = 0; i < rq->npaths; i++) {
		struct stat sb;
		if (stat(rq->paths[i], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			if (read_file(f, rq->paths[i]) != 0)
				st = 2;
			continue;
		}
		/* Only input_each's "cannot read" raises the status to 2. */
		int st0 = diag_status();
		input_each(1, rq->paths + i, true, parse_fp, f);
		if (diag_status() >= 2 && st0 < 2)
			st = 2;
	}
	return st;
}

const char *
notesedit_occasion_problem(const char *name)
{
	size_t n = strlen(name);
	if (!n)
		return "an occasion name cannot be empty";
	if (!utf8_valid(name, n))
		return "an occasion name is UTF-8 text";
	struct rx word;
	rx_init(&word, "\\A[\\p{L}\\p{M}\\p{N}_-]+\\z", 0);
	bool ok = rx_match(&word, name, n, 0, 0);
	rx_free(&word);
	if (!ok)
		return "an occasion name is made of letters, digits, '-' and "
		    "'_'";
	rx_init(&word, "\\A" TAG_WORD "\\z", 0);
	ok = rx_match(&word, name, n, 0, 0);
	rx_free(&word);
	if (!ok)
		return "a tag starts with a letter, so no entry could mark "
		    "its gesture done";
	return NULL;
}

/* The entry the parser reads from the line "- DATE: text". */
static struct ent *
parse_line(struct found *f, struct date d, const char *text)
{
	char ds[DATE_BUFSZ];
	struct buf doc = {0};
	buf_printf(&doc, "# x\n- %s: %s\n", date_format(d, ds), text);
	parse_mem(f, doc.s, doc.len, "-");
	buf_free(&doc);
	return f->nent == 1 && f->ent[0].line == 2 ? &f->ent[0] : NULL;
}

char *
notesedit_line(struct date d, const char *text, const char *occasion,
	       char **parsed, const char **why)
{
	*parsed = NULL;
	size_t n = strlen(text);
	text = trim(text, &n);
	if (memchr(text, '\n', n) || memchr(text, '\r', n)) {
		*why = "it must be one line";
		return NULL;
	}
	if (!utf8_valid(text, n)) {
		*why = "it is not valid UTF-8";
		return NULL;
	}
	FILE *quiet = fopen("/dev/null", "w");
	struct found f;
	struct buf t = {0};
	buf_add(&t, text, n);
	bool tagged = false;
	if (n) {
		found_init(&f, quiet, NULL);
		struct ent *e = parse_line(&f, d, t.s);
		tagged = e && has_tag(e->tags, occasion);
		found_free(&f);
	}
	if (!tagged)
		buf_printf(&t, "%s#%s", n ? " " : "", occasion);

	found_init(&f, quiet, NULL);
	struct ent *e = parse_line(&f, d, t.s);
	if (e && has_tag(e->tags, occasion))
		*parsed = xstrdup(e->text);
	found_free(&f);
	if (quiet)
		fclose(quiet);

	struct buf line = {0};
	char ds[DATE_BUFSZ];
	if (*parsed)
		buf_printf(&line, "- %s: %s", date_format(d, ds), t.s);
	else
		*why = "it would hide the tag (an HTML comment?)";
	buf_free(&t);
	return *parsed ? buf_steal(&line) : NULL;
}

/* The last line of fp in [from, to] that is not blank, from itself when
 * all are; -1 on a read error. */
static long
last_text_line(FILE *fp, long from, long to)
{
	char *block = xmalloc(COPY_BLOCK);
	long L = 1, last = from;
	size_t got;
	while (L <= to && (got = fread(block, 1, COPY_BLOCK, fp)) > 0) {
		for (size_t i = 0; i < got && L <= to;) {
			if (L <= from) {	/* skip to the next line */
				const char *nl = memchr(block + i, '\n',
				    got - i);
				i = nl ? (size_t)(nl - block) + 1 : got;
				L += nl != NULL;
				continue;
			}
			char c = block[i++];
			if (c == '\n')
				L++;
			else if (!is_blank(c) && c != '\r')
				last = L;
		}
	}
	free(block);
	return ferror(fp) ? -1 : last;
}

long
notesedit_after(FILE *fp, long heading_line, long last_item_line,
		long end_line)
{
	if (last_item_line > 0)
		return last_item_line;
	if (heading_line <= 0)
		return 0;
	return last_text_line(fp, heading_line, end_line);
}

/* The state of a streamed copy. */
struct copy {
	FILE *out;
	const char *line;	/* the entry */
	long after;		/* it goes after this line */
	long lines;		/* complete lines copied */
	const char *eol;	/* the first line's end, once copied */
	char last;		/* the last byte copied ('\n' before any) */
	long lno;		/* the entry's line once written, else 0 */
};

static bool
put(struct copy *c, const char *s, size_t n)
{
	return fwrite(s, 1, n, c->out) == n;
}

/* Copy s[0..n), the entry after line c->after. */
static bool
copy_block(struct copy *c, const char *s, size_t n)
{
	while (n) {
		const char *nl = c->lno ? NULL : memchr(s, '\n', n);
		size_t k = nl ? (size_t)(nl - s) + 1 : n;
		if (nl && !c->eol)
			c->eol = (nl > s ? nl[-1] : c->last) == '\r' ?
			    "\r\n" : "\n";
		c->lines += nl != NULL;
		if (!put(c, s, k))
			return false;
		c->last = s[k - 1];
		s += k;
		n -= k;
		if (nl && c->lines == c->after) {
			c->lno = c->lines + 1;
			if (!put(c, c->line, strlen(c->line)) ||
			    !put(c, c->eol, strlen(c->eol)))
				return false;
		}
	}
	return true;
}

/* The entry at the end of the file, after a line end of its own when the
 * last line has none. */
static bool
copy_end(struct copy *c)
{
	const char *eol = c->eol ? c->eol : "\n";
	if (c->last != '\n') {
		c->lno = c->lines + 2;
		return put(c, eol, strlen(eol)) &&
		    put(c, c->line, strlen(c->line));
	}
	c->lno = c->lines + 1;
	return put(c, c->line, strlen(c->line)) && put(c, eol, strlen(eol));
}

long
notesedit_copy(FILE *in, FILE *out, long after, const char *line)
{
	struct copy c = { .out = out, .line = line, .after = after,
	    .last = '\n' };
	char *block = xmalloc(COPY_BLOCK);
	bool ok = true;
	size_t got;
	while (ok && (got = fread(block, 1, COPY_BLOCK, in)) > 0)
		ok = copy_block(&c, block, got);
	free(block);
	if (ok && !ferror(in) && !c.lno)
		ok = copy_end(&c);
	return ok && !ferror(in) ? c.lno : -1;
}

static void
where_looked(struct buf *b, const struct notesedit_req *rq)
{
	for (int i = 0; i < rq->npaths; i++)
		buf_printf(b, "%s'%s'", i ? ", " : "", rq->paths[i]);
}

/* Whom CLIENT names: a client, or a person of client id. */
struct target {
	const char *id;			/* the client's id */
	const struct pers *person;	/* NULL: the client itself */
	const struct sect *note;	/* the person's own note, or NULL */
};

/* A candidate for CLIENT: a client's first section, or a person. */
struct cand {
	const struct sect *sec;
	const struct pers *person;
};

static void
add_cand(struct cand **c, size_t *n, const struct sect *s,
	 const struct pers *p)
{
	for (size_t k = 0; k < *n; k++)
		if (s ? (*c)[k].sec && !strcmp((*c)[k].sec->id, s->id) :
		    (*c)[k].person && !strcmp((*c)[k].person->id, p->id))
			return;
	*c = xrealloc(*c, (*n + 1) * sizeof **c);
	(*c)[(*n)++] = (struct cand){ s, p };
}

/* The key of CLIENT for "did you mean": as name_key, but each part of a
 * person's id CLIENT/SLUG on its own. */
static char *
want_key(const char *name)
{
	struct buf b = {0};
	for (const char *p = name;;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *sl = slug_make(p, n);
		bool none = !*sl;
		if (p > name)
			buf_addc(&b, '/');
		buf_adds(&b, sl);
		free(sl);
		if (none) {
			buf_free(&b);
			return xstrdup(name);
		}
		if (!e)
			return buf_steal(&b);
		p = e + 1;
	}
}

/* The ids nearest to name among the names gathered in f (an id for
 * each of its names), "did you mean" appended to msg.  Compared by
 * their slugs (or as they are, ids and names without one), lowercased
 * (ASCII and Latin-1). */
static void
suggest(const struct found *f, const char *name, struct buf *msg)
{
	size_t n = 0;
	for (size_t i = 0; i < f->names.len; i++)
		n += !f->names.s[i];
	n /= 2;
	if (!n)
		return;
	char *low = xmalloc(f->names.len);
	memcpy(low, f->names.s, f->names.len);
	text_lower(low, f->names.len);
	const char **cand = xmalloc(n * sizeof *cand);
	const char **ids = xmalloc(n * sizeof *ids);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		ids[i] = f->names.s + at;
		const char *id = low + at;
		at += strlen(ids[i]) + 1;
		cand[i] = low[at] ? low + at : id;
		at += strlen(low + at) + 1;
	}
	char *want = want_key(name);
	text_lower(want, strlen(want));
	const char *near[TEXT_NEAREST];
	size_t k = text_nearest_of(want, cand, ids, n, near);
	/* Then the names that hold CLIENT's words: "brenner" for
	 * "Autohaus Brenner GmbH & Co. KG", too far away for a typo. */
	for (int persons = 0; persons < 2; persons++)
		for (size_t i = 0; i < n && k < TEXT_NEAREST; i++) {
			const char *slash = strchr(ids[i], '/');
			if ((slash != NULL) != persons)
				continue;
			size_t j = 0;
			while (j < k && strcmp(near[j], ids[i]))
				j++;
			/* a person by its own part: every person's id
			 * holds its client's */
			const char *c = slash && strchr(cand[i], '/') ?
			    strchr(cand[i], '/') + 1 : cand[i];
			if (j == k && (text_has_words(c, want) ||
			    text_has_words(slash ? slash + 1 : ids[i], want)))
				near[k++] = ids[i];
		}
	text_did_you_mean(msg, near, k);
	free(want);
	free(ids);
	free(cand);
	free(low);
}

/* Find whom f->keep names (in *t), or say why not.  An id, a client's or
 * a person's, names it alone; else the client as before (its id is the
 * slug, else its display names and aliases) and the persons of that
 * name, slug or alias are candidates together.  In the message about an
 * ambiguous name, a client's place is that of its first section kept
 * (its first of that name), a person's where it is first defined. */
static bool
match(const struct found *f, const struct notesedit_req *rq, struct target *t)
{
	const char *name = f->keep->name, *slug = f->keep->slug;
	struct cand *c = NULL;
	size_t n = 0;
	if (first_section(f, name))
		add_cand(&c, &n, first_section(f, name), NULL);
	if (find_person(f, name, false))
		add_cand(&c, &n, NULL, find_person(f, name, false));
	bool byid = n > 0;
	if (!byid && *slug && first_section(f, slug))
		add_cand(&c, &n, first_section(f, slug), NULL);
	/* By display name or alias: every section's counts. */
	bool found = n > 0;
	for (size_t i = 0; !found && i < f->nsec; i++)
		if (!f->sec[i].person && (f->sec[i].alias ||
		    name_eq(f->sec[i].name, name)))
			add_cand(&c, &n, &f->sec[i], NULL);
	if (!byid)
		for (size_t i = 0; i < f->npers; i++)
			add_cand(&c, &n, NULL, &f->pers[i]);
	if (n == 1) {
		memset(t, 0, sizeof *t);
		if (c->sec) {
			t->id = c->sec->id;
		} else {
			t->person = c->person;
			t->id = c->person->client;
			for (size_t i = 0; i < f->nsec && !t->note; i++)
				if (f->sec[i].person && !strcmp(f->sec[i].id,
				    c->person->id))
					t->note = &f->sec[i];
		}
		free(c);
		return true;
	}
	struct buf msg = {0};
	if (n == 0) {
		buf_printf(&msg, "no client '%s' in ", name);
		where_looked(&msg, rq);
		suggest(f, name, &msg);
		buf_adds(&msg, ": give its id, name or alias as tact-parse "
		    "lists them");
	} else {
		buf_printf(&msg, "client '%s' is ambiguous:", name);
		for (size_t k = 0; k < n; k++) {
			const struct sect *s = c[k].sec;
			const struct pers *p = c[k].person;
			if (s && (s = first_section(f, s->id)))
				buf_printf(&msg, "%s %s (%s:%ld)", k ? "," : "",
				    s->id, s->file, s->heading_line ?
				    s->heading_line : 1);
			else
				buf_printf(&msg, "%s %s (%s:%ld)", k ? "," : "",
				    p->id, p->file, p->line);
		}
		buf_adds(&msg, "; give its id");
	}
	diag_problem("%s", msg.s);
	buf_free(&msg);
	free(c);
	return false;
}

/* A kept entry of client id with text (runs of blanks aside). */
static const struct ent *
present(const struct found *f, const char *id, const char *text)
{
	for (size_t i = 0; i < f->nent; i++)
		if (!strcmp(f->ent[i].id, id) &&
		    same_text(f->ent[i].text, text))
			return &f->ent[i];
	return NULL;
}

/* A kept entry of client id with one of the texts that concerns person
 * pid. */
static const struct ent *
present_for(const struct found *f, const char *id, const char *pid,
	    const char *text, const char *text2)
{
	for (size_t i = 0; i < f->nent; i++) {
		const struct ent *e = &f->ent[i];
		if (!strcmp(e->id, id) && (same_text(e->text, text) ||
		    (text2 && same_text(e->text, text2))) &&
		    concerns(f, e->file, e->line, pid))
			return e;
	}
	return NULL;
}

static void
set_result(struct notesedit_result *res, bool added, const char *file,
	   long line, const char *entry, const char *id)
{
	res->added = added;
	res->file = xstrdup(file);
	res->line = line;
	res->entry = xstrdup(entry);
	res->client_id = xstrdup(id);
}

enum { AGAIN = -1 };

/* Write the new version of the file with line after the section s, to
 * rw's temporary file; its line number in *lno.  Returns 0, or 2 after a
 * message. */
static int
write_new(struct rewrite *rw, const struct sect *s, const char *line,
	  long *lno)
{
	FILE *in = rewrite_input(rw);
	long after = in ? notesedit_after(in, s->heading_line,
	    s->last_item_line, s->end_line) : -1;
	if (in && after < 0)
		diag_syserr("cannot read '%s'", rw->name);
	if (after < 0)
		return 2;
	FILE *out = rewrite_begin(rw);
	if (!out || !(in = rewrite_input(rw)))
		return 2;
	if ((*lno = notesedit_copy(in, out, after, line)) >= 0)
		return 0;
	if (ferror(in))
		diag_syserr("cannot read '%s'", rw->name);
	else
		diag_syserr("cannot write '%s'", rw->name);
	return 2;
}

/* Is the entry at lno of the new version, parsed in check, read as the
 * entry of k->id with the text parsed (see entry_reads)?  When it is not,
 * says so (status 1). */
static bool
entry_judge(const struct found *check, const struct keep *k,
	    const char *parsed, const char *file, long lno, char **tags,
	    bool *has_amount, bool dry)
{
	bool ok = false;
	for (size_t i = 0; i < check->nent && !ok; i++)
		if ((ok = !strcmp(check->ent[i].text, parsed))) {
			*tags = xstrdup(check->ent[i].tags);
			*has_amount = check->ent[i].has_amount;
		}
	if (ok && k->pid && !k->note)
		ok = check->nconc > 0;
	const char *nw = dry ? "nothing would be written" : "nothing written";
	if (!ok && k->pid && !k->note)
		diag_problem("%s:%ld: the entry would not be read as an entry "
		    "of '%s' that concerns '%s' there (inside a code block or "
		    "comment?); %s", file, lno, k->id, k->pid, nw);
	else if (!ok)
		diag_problem("%s:%ld: the entry would not be read as an entry "
		    "of '%s' there (inside a code block or comment?); %s",
		    file, lno, k->pid ? k->pid : k->id, nw);
	return ok;
}

/* Is the line at lno of the new version read as the entry of k->id with
 * the text parsed (and, for a person in a client's section, as one that
 * concerns k->pid; in a person's own note, as one handed on with it)?
 * 1 when it is, 0 after a message (status 1), -1 after a message
 * (status 2), -2 when another process took the lock meanwhile
 * (rewrite_relock).  When it is, *tags (malloc'd) and *has_amount say
 * what the parser read there. */
static int
entry_reads(struct rewrite *rw, const struct keep *k, const char *parsed,
	    const char *file, long lno, FILE *quiet, char **tags,
	    bool *has_amount)
{
	FILE *fp = rewrite_written(rw);
	if (!fp)
		return -1;
	struct keep at = *k;
	at.line = lno;
	at.text = parsed;
	at.text2 = NULL;
	struct found check;
	found_init(&check, quiet, &at);
	parse_fp(fp, file, &check);
	found_parsed(&check);
	int lk = rewrite_relock(rw);
	if (lk != 0) {
		found_free(&check);
		return lk > 0 ? -2 : -1;
	}
	if (ferror(fp)) {
		found_free(&check);
		diag_syserr("cannot read '%s'", rw->name);
		return -1;
	}
	bool ok = entry_judge(&check, k, parsed, file, lno, tags, has_amount,
	    false);
	found_free(&check);
	return ok;
}

/* The entry's line: plain (TEXT as given) and, for a person, named
 * (NAME – TEXT); each with the text the parser reads from it. */
struct entry_lines {
	char *line, *parsed;
	char *nline, *nparsed;	/* NULL: no person */
};

/* Where the entry goes in the section k says of one (a parse of the
 * file), and which of its lines: 1 with *s, *line and *parsed set; 0
 * when it is there already (*res set); AGAIN when the section left the
 * file meanwhile. */
static int
choose(const struct found *one, const struct entry_lines *el,
       struct notesedit_result *res, const struct sect **s,
       const char **line, const char **parsed)
{
	const struct keep *k = one->keep;
	*s = k->note ? note_section(one, k->pid) : k->pid ?
	    person_section(one, k->id, k->pid) : last_section(one, k->id);
	if (!*s)
		return AGAIN;	/* it left this file meanwhile */
	/* Kept entries of a note are those handed on with it. */
	const struct ent *e = k->note ? (one->nent ? one->ent : NULL) :
	    k->pid ? present_for(one, k->id, k->pid, el->parsed, el->nparsed) :
	    present(one, k->id, el->parsed);
	*line = el->line;
	*parsed = el->parsed;
	if (e) {
		set_result(res, false, e->file, e->line, *line, k->id);
		return 0;
	}
	if (k->pid && !k->note && !names_person(one, *s, k->pid, *parsed)) {
		*line = el->nline;
		*parsed = el->nparsed;
	}
	return 1;
}

/* What place would do, with the file only read (tact-done -n): the new
 * version is made in memory and parsed there, nothing is locked or
 * written.  Returns the status or AGAIN. */
static int
place_dry(const struct keep *k, const char *file,
	  const struct entry_lines *el, FILE *quiet,
	  struct notesedit_result *res)
{
	FILE *in = fopen(file, "r");
	if (!in) {
		diag_syserr("cannot read '%s'", file);
		return 2;
	}
	struct found one;
	found_init(&one, quiet, k);
	parse_fp(in, file, &one);
	found_parsed(&one);
	const struct sect *s;
	const char *line, *parsed;
	int st = ferror(in) ? -2 : choose(&one, el, res, &s, &line,
	    &parsed);
	char *mem = NULL;
	size_t len = 0;
	FILE *out = NULL;
	long after = -1, lno = -1;
	if (st == 1) {
		rewind(in);
		after = notesedit_after(in, s->heading_line,
		    s->last_item_line, s->end_line);
		if (after >= 0 && !(out = open_memstream(&mem, &len)))
			die_oom();
		if (after >= 0) {
			rewind(in);
			lno = notesedit_copy(in, out, after, line);
		}
		if (out && fclose(out) != 0)
			die_oom();
		if (lno < 0)
			st = -2;
	}
	if (st == -2) {
		diag_syserr("cannot read '%s'", file);
		st = 2;
	} else if (st == 1) {
		struct keep at = *k;
		at.line = lno;
		at.text = parsed;
		at.text2 = NULL;
		struct found check;
		found_init(&check, quiet, &at);
		parse_mem(&check, mem, len, file);
		found_parsed(&check);
		char *tags = NULL;
		bool has_amount = false;
		if (entry_judge(&check, k, parsed, file, lno, &tags,
		    &has_amount, true)) {
			set_result(res, true, file, lno, line, k->id);
			res->tags = tags;
			res->has_amount = has_amount;
			st = 0;
		} else {
			free(tags);
			st = 1;
		}
		found_free(&check);
	}
	free(mem);
	found_free(&one);
	fclose(in);
	return st;
}

/* Add the entry to the locked file in the section k says of one (a
 * parse of it), or find it there.  Returns the status or AGAIN. */
static int
place(struct rewrite *rw, const struct found *one, const char *file,
      const struct entry_lines *el, FILE *quiet, struct notesedit_result *res)
{
	const struct sect *s;
	const char *line, *parsed;
	int st = choose(one, el, res, &s, &line, &parsed);
	if (st != 1)
		return st;
	const struct keep *k = one->keep;
	long lno;
	if (write_new(rw, s, line, &lno) != 0)
		return 2;
	char *tags = NULL;
	bool has_amount = false;
	st = 0;
	switch (entry_reads(rw, k, parsed, file, lno, quiet, &tags,
	    &has_amount)) {
	case 0:
		st = 1;
		break;
	case 1:
		break;
	case -2:
		st = AGAIN;
		break;
	default:
		st = 2;
		break;
	}
	if (st) {
		free(tags);
		return st;
	}
	switch (rewrite_commit(rw)) {
	case 0:
		set_result(res, true, file, lno, line, k->id);
		res->tags = tags;
		res->has_amount = has_amount;
		return 0;
	case 1:
		st = AGAIN;
		break;
	default:
		st = 2;
		break;
	}
	free(tags);
	return st;
}

/* Lock file, read it again (keeping what k says) and place the entry.
 * Returns the status or AGAIN. */
static int
edit(const struct notesedit_req *rq, const struct keep *k, const char *file,
     const struct entry_lines *el, FILE *quiet, struct notesedit_result *res)
{
	if (rq->dry)
		return place_dry(k, file, el, quiet, res);
	struct rewrite rw;
	int st = 2;
	if (rewrite_open(&rw, file, rq->rewrite) == 0) {
		struct found one;
		found_init(&one, quiet, k);
		FILE *in = rewrite_input(&rw);
		if (in)
			parse_fp(in, file, &one);
		found_parsed(&one);
		/* notes_end may have read the file once more by its name
		 * (a person's note and its client in this one file), which
		 * released the lock. */
		int lk = in ? rewrite_relock(&rw) : -1;
		if (in && ferror(in))
			diag_syserr("cannot read '%s'", file);
		else if (lk > 0)
			st = AGAIN;
		else if (lk == 0)
			st = place(&rw, &one, file, el, quiet, res);
		found_free(&one);
	}
	rewrite_close(&rw);
	return st;
}

char *
notesedit_named(const char *name, const char *text)
{
	size_t n = strlen(text);
	text = trim(text, &n);
	struct buf b = {0};
	buf_adds(&b, name);
	if (n) {
		buf_adds(&b, " \xe2\x80\x93 ");	/* an en dash */
		buf_add(&b, text, n);
	}
	return buf_steal(&b);
}

/* One try: read all the notes, find whom rq->client names and where its
 * entry goes, and edit that file (its name in *file, malloc'd).
 * Returns the status or AGAIN. */
static int
attempt(const struct notesedit_req *rq, const char *occasion,
	struct entry_lines *el, FILE *quiet, char **file,
	struct notesedit_result *res)
{
	size_t n = strlen(rq->client);
	const char *want = trim(rq->client, &n);
	char *name = xstrndup(want, n);
	char *slug = slug_make(want, n);
	struct keep k = { .name = name, .slug = slug, .date = rq->date,
	    .text = el->parsed, .suffix = true, .order = rq->order,
	    .names = true };
	struct found all;
	found_init(&all, quiet, &k);
	int st = read_notes(&all, rq);
	found_parsed(&all);
	struct target t;
	if (!st && !match(&all, rq, &t))
		st = 1;
	if (!st && t.person) {
		free(el->nline);
		free(el->nparsed);
		char *named = notesedit_named(t.person->name, rq->text);
		const char *why;
		el->nline = notesedit_line(rq->date, named, occasion,
		    &el->nparsed, &why);
		free(named);
		if (!el->nline) {
			diag_fatal("bad TEXT with the name '%s' before it: %s",
			    t.person->name, why);
			st = 2;
		}
	}
	const struct ent *e = st ? NULL : t.person ? present_for(&all, t.id,
	    t.person->id, el->parsed, el->nparsed) : present(&all, t.id,
	    el->parsed);
	if (e) {
		set_result(res, false, e->file, e->line, el->line, t.id);
	} else if (!st) {
		struct keep mine = { .id = t.id, .date = rq->date,
		    .text = el->parsed, .text2 = el->nparsed,
		    .order = rq->order };
		const char *where;
		if (t.note) {
			mine.pid = t.person->id;
			mine.note = true;
			where = t.note->file;
		} else if (t.person) {
			mine.pid = t.person->id;
			where = find_person(&all, t.person->id, true)->file;
		} else {
			where = last_section(&all, t.id)->file;
		}
		free(*file);
		*file = xstrdup(where);
		st = edit(rq, &mine, *file, el, quiet, res);
	}
	found_free(&all);
	free(name);
	free(slug);
	return st;
}

int
notesedit_done(const struct notesedit_req *rq, struct notesedit_result *res)
{
	memset(res, 0, sizeof *res);
	const char *why = notesedit_occasion_problem(rq->occasion);
	if (why) {
		diag_fatal("bad occasion '%s': %s", rq->occasion, why);
		return 2;
	}
	struct entry_lines el = {0};
	char *occasion = xstrdup(rq->occasion);	/* as tags are: lowercase */
	text_lower(occasion, strlen(occasion));
	el.line = notesedit_line(rq->date, rq->text, occasion, &el.parsed,
	    &why);
	if (!el.line) {
		free(occasion);
		diag_fatal("bad TEXT: %s", why);
		return 2;
	}
	FILE *quiet = fopen("/dev/null", "w");
	char *file = NULL;
	int st = AGAIN;
	for (int i = 0; i < MAX_TRIES && st == AGAIN; i++)
		st = attempt(rq, occasion, &el, quiet, &file, res);
	if (st == AGAIN) {
		diag_fatal("cannot write '%s': another program (an editor?) "
		    "changed it each of %d times tact-done tried; nothing "
		    "written", file, MAX_TRIES);
		st = 2;
	}
	free(file);
	if (quiet)
		fclose(quiet);
	free(occasion);
	free(el.line);
	free(el.parsed);
	free(el.nline);
	free(el.nparsed);
	return st;
}

int
notesedit_each(const struct notesedit_req *rq, notes_fn fn, void *ctx)
{
	FILE *quiet = fopen("/dev/null", "w");
	struct keep k = { .order = rq->order };
	struct found f;
	found_init(&f, quiet, &k);
	f.fn = fn;
	f.ctx = ctx;
	int st = read_notes(&f, rq);
	found_parsed(&f);
	found_free(&f);
	if (quiet)
		fclose(quiet);
	return st;
}

void
notesedit_result_free(struct notesedit_result *res)
{
	free(res->file);
	free(res->entry);
	free(res->client_id);
	free(res->tags);
	memset(res, 0, sizeof *res);
}
