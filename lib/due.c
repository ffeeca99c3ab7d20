/* due.c: the due engine (SPEC "Due gestures").
 *
 * Day numbers (date.h) throughout: an occasion is DATE, its act date
 * ACT = DATE - LEAD moved back to Friday from a weekend.  Entries after
 * TODAY are dropped as they are read, so every entry kept is <= TODAY.
 *
 * A client keeps only what the rules can read, known once the occasions
 * are parsed (due_new), so memory follows the rules and the clients, not
 * the size of the log:
 * - the fields of the keys some rule reads (WHEN FIELD, filter keys,
 *   {KEY} placeholders);
 * - of its entries, updated as they stream by, the day and source of the
 *   latest (last+N) and the day and text of the latest without occasion
 *   tags ({last});
 * - a mark for each tag that triggers a rule (#TAG+N) or marks one done
 *   (#NAME), from the horizon on: no rule looks further back.  The
 *   entries with marks are kept (struct kentry: source, day, and the
 *   persons they concern), triggers keep their text when a gesture
 *   expands {entry}.
 * Persons (ids CLIENT/SLUG) are kept as clients are, with their fields,
 * in the same table; a concerns record finds its entry among the kept
 * ones by SOURCE (and DATE) and copies the entry's marks to the person,
 * so a person's done check is a client's.  A concerns record of an entry
 * that is not kept is ignored: no rule would read it.
 * Clients and their strings live in arenas, freed with the engine.  A
 * client's strings (its name when a gesture reads it, the values, the
 * {last} text) are held in buffers while its records stream by (struct
 * pending) and packed in one piece when a record of another comes; its
 * sources are kept as lines of one file (struct src when of another);
 * what few clients have (persons, marks) is apart (struct kin).
 *
 * due_finish asks the rules about one client after the other and keeps
 * each hit as a few references (struct hit); a gesture is expanded only
 * as its line is written, after the sort, so the hits cost the same
 * whatever their gestures say. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "due.h"
#include "gesture.h"
#include "hash.h"
#include "money.h"
#include "record.h"
#include "text.h"

enum { DUE_BLOCK = 256 * 1024 };	/* bytes of output written at once */

/* A field key that rules read, and what they read of it. */
struct wanted {
	const char *key;	/* due.want's copy */
	bool when;		/* a WHEN FIELD: the date and the source */
	bool value;		/* a filter or a placeholder: the value */
	size_t wi, vi;		/* their places in a client's dated fields
				 * and values */
};

/* A SOURCE "FILE:LINE" kept as FILE's place in due.file and LINE: the
 * sources of one file share its name, and each costs 8 bytes.  A source
 * of another form is kept whole, as a file without a line. */
struct src {
	uint32_t file;		/* 1 + its place in due.file; 0: none */
	uint32_t line;		/* 1 + LINE; 0: none */
};

/* A client's sources are kept as lines of one file, the client's (that
 * of the first source kept), or whole in its kin when they are of
 * another (LINE_FAR, rare).  Which source: */
enum { SRC_CLIENT, SRC_LATEST, SRC_WHEN };	/* SRC_WHEN + wanted.wi */
#define LINE_FAR UINT32_MAX	/* never a struct src.line */

/* A field of a WHEN FIELD key: its date, packed (date_pack), and its
 * source's line. */
struct dated {
	uint32_t line;
	uint32_t date;		/* 0: none, or not a date */
};

struct client;

/* An entry with marks: what a concerns record, the done check and a
 * trigger read of it. */
struct kentry {
	const struct client *c;	/* whose entry */
	long day;
	const char *source;	/* the key of due.entries */
	size_t first, nmark;	/* its marks in c->mark, until sorted */
	size_t np;		/* the persons it concerns (a repeat of the
				 * previous one not counted) */
	struct client *last;	/* the last of them: the one when np is 1 */
	struct kentry *next;	/* another entry of the same source */
};

/* A tag of an entry that a rule reads; a client's (and a person's) marks
 * are sorted by tag, day, idx before the rules run. */
struct mark {
	const char *tag;	/* the rule's copy of the tag */
	long day;
	size_t idx;		/* the entry's input order (due.nentry) */
	const char *text;	/* a trigger's, when {entry} is expanded */
	const struct kentry *e;	/* the entry */
};

/* The keys of due.want and the tags of due.tags found last, by their
 * first byte and length: the records name the same few again and
 * again, and a look-up here is one comparison rather than a hash. */
enum { MEMO = 64 };
struct memo {
	const char *key[MEMO];	/* a copy that lives as long as val */
	size_t len[MEMO];	/* its length: compared first */
	const void *val[MEMO];
};

static size_t
memo_at(const char *s, size_t n)
{
	return ((unsigned char)s[0] + 7 * n) & (MEMO - 1);
}

/* The value of s[0..n) (n > 0) put last, or NULL. */
static const void *
memo_get(const struct memo *m, const char *s, size_t n)
{
	size_t i = memo_at(s, n);
	const char *k = m->key[i];
	return k && m->len[i] == n && memcmp(k, s, n) == 0 ? m->val[i] : NULL;
}

static void
memo_put(struct memo *m, const char *key, const void *val)
{
	size_t n = strlen(key), i = memo_at(key, n);
	m->key[i] = key;
	m->len[i] = n;
	m->val[i] = val;
}

/* What the rules make of a tag. */
struct tagrole {
	const char *tag;	/* the rule's copy of the tag */
	bool name;		/* the NAME of a rule: marks it done */
	bool trigger;		/* the TAG of a #TAG+N rule */
};

/* What few clients have: persons, or marks; a person's owner. */
struct kin {
	struct client *owner;	/* a person's client, else NULL */
	struct client **person;	/* a client's persons, in input order */
	struct mark *mark;
	uint32_t nperson, nmark;	/* arrays grown at powers of two */
	bool listed;		/* a person in its owner's list */
	struct src *far;	/* the sources of another file (SRC_…) */
};

/* A client, or a person of one (kin->owner set).  A person has fields
 * and the marks of the entries that concern it, no entries of its own.
 * Its strings (name, the values of the keys read, the {last} text
 * without tags) are packed in one piece, str (see pack()), made when a run
 * of its records ends: a client's records mostly come together. */
struct client {
	const char *id;
	char *str;		/* the packed strings, or NULL: none yet */
	struct kin *kin;	/* NULL: no persons, no marks, no owner */
	uint32_t file;		/* its sources' file (struct src), 0: none
				 * kept yet */
	uint32_t line;		/* its source's */
	uint32_t latest_line;	/* the latest entry's (by date, then input
				 * order) */
	/* Packed (date_pack), 0 when none: the latest entry up to TODAY,
	 * the latest without occasion tags. */
	uint32_t latest_day, last_day;
	bool named;		/* a client (person) record was read */
	/* The dated fields of the WHEN FIELD keys (due.nwhen). */
	struct dated when[];
};

/* A rule, and what the engine looked up of it once rather than once a
 * client. */
struct rule {
	const struct occasion *o;
	const struct wanted *field;	/* its WHEN FIELD key */
	const struct wanted **filter;	/* its filter keys */
	int year1;		/* the last year a yearly DATE can be due or
				 * overdue in (it depends on the lead) */
};

enum { HIT_TAG = 1 << 9, HIT_DAYS = HIT_TAG - 1, HIT_RULE = 10 };
_Static_assert(OCC_MAX_LEAD + 2 <= HIT_DAYS, "DATE - ACT fits");

/* A due or overdue gesture: what it is about, its gesture expanded only
 * when it is written (emit), so that the hits stay small. */
struct hit {
	/* whose id (the client's, or the person's): the sort reads it
	 * here, not by way of the client (memory read at random) */
	const char *id;
	uint32_t at;		/* the client's place in due.all */
	/* A #TAG+N rule's hit: the place of the mark of its entry among
	 * the client's; a FIELD rule's: 1 + the place of its person among
	 * the client's, or 0 (the client's own), as the others' */
	uint32_t sub;
	/* The rule's place in due.rule << 10 | HIT_TAG for a #TAG+N rule |
	 * DATE - ACT (at most OCC_MAX_LEAD + 2) */
	uint32_t rule;
	int32_t act;
};

struct due {
	const struct occasions *os;
	struct due_opts opt;
	long today, dmin, dmax;
	long horizon;		/* marks dated before it are not kept */
	uint32_t ptoday, phorizon;	/* the same, packed (0: none) */
	/* The first year a yearly DATE can be due or overdue in (the last:
	 * rule.year1). */
	int year0;
	struct hash want;	/* field key a rule reads → struct wanted * */
	size_t nvalue, nwhen;
	struct rule *rule;	/* os->v[k] is rule[k].o */
	struct hash tags;	/* tag a rule reads → struct tagrole * */
	/* A quick no for most tags of entries: bit N of tagfirst[B] is set
	 * when a tag a rule reads starts with the byte B and is N bytes long
	 * (63: 63 or more). */
	uint64_t tagfirst[256];
	const struct wanted *contact;	/* the key contact, when read */
	bool keep_entry;	/* a gesture expands {entry} */
	bool keep_last;		/* a gesture expands {last} */
	bool keep_latest;	/* a last+N rule needs the latest's source */
	/* A gesture reads the names of clients ({client}, {name}), of
	 * persons ({name}, {contact} when there is no contact field) */
	bool keep_client_name, keep_person_name;
	struct arena arena;	/* clients and their strings */
	/* The strings of one client, held while its records come (a
	 * client's records mostly follow one another, and most entries are
	 * the latest so far): packed when a record of another comes, one
	 * copy a client rather than one a record. */
	struct pending {
		struct client *c;	/* whose, or NULL */
		bool latest;		/* latest_source held */
		bool changed;		/* a string set: c->str is stale */
		bool last_raw;		/* the {last} text as read, not yet
					 * untagged (pack) */
		struct buf latest_source;
		struct buf *str;	/* due.nstr strings (STR_NAME …) */
		bool *has;		/* which of them are set */
	} pend;
	size_t nstr;		/* a client's strings: name, values, last */
	struct buf scratch;	/* a tag being looked up, or strings packed */
	struct memo keys, tags_seen;	/* struct wanted, struct tagrole */
	struct buf pass;	/* -p: records not yet written */
	/* The clients and persons, in order of first appearance, and by
	 * id (their places in all). */
	struct client **all;
	size_t nall, capall;
	struct hash_index byid;
	struct arena ids;	/* the ids, apart: the sort reads them */
	struct client *cur;	/* the client of the previous record */
	size_t nentry;		/* entries read up to TODAY: their order */
	struct buf owner;	/* the client id of a person id */
	struct hash entries;	/* SOURCE → struct kentry * (a chain) */
	/* The files of the sources kept (struct src): name → 1 + its place
	 * in file.  Most sources are of the file of the one before. */
	struct hash files;
	const char **file;
	size_t nfile, capfile;
	size_t lastfile, lastlen;
	struct buf fname;	/* a file being looked up */
	struct hit *hit;
	size_t nhit, caphit;
	struct buf gesture, years, esc, src;	/* one being written */
	/* ACT and DATE of the line written last, as text: the hits sorted
	 * by them share them in runs */
	struct written {
		long act, day;		/* day numbers; LONG_MIN: none */
		struct date date;
		char acts[DATE_BUFSZ], dates[DATE_BUFSZ];
	} wr;
	bool finished;
};

/* A field key (normalized) that a rule reads: its date and source
 * (when), or its value.  Each gets the next place among a client's
 * dated fields or values on first use. */
static struct wanted *
want(struct due *d, const char *key, bool when)
{
	const char *kept;
	void **slot = hash_put_kept(&d->want, key, &kept);
	if (!*slot) {
		struct wanted *w = arena_alloc(&d->arena, sizeof *w);
		*w = (struct wanted){.key = kept};
		*slot = w;
	}
	struct wanted *w = *slot;
	if (when && !w->when) {
		w->when = true;
		w->wi = d->nwhen++;
	} else if (!when && !w->value) {
		w->value = true;
		w->vi = d->nvalue++;
	}
	return w;
}

/* Bit N of due.tagfirst for a tag of n bytes. */
static uint64_t
tag_length_bit(size_t n)
{
	return (uint64_t)1 << (n < 63 ? n : 63);
}

/* The role of tag (a rule's string, lowercase), created on first use. */
static struct tagrole *
tag_role(struct due *d, const char *tag)
{
	d->tagfirst[(unsigned char)tag[0]] |= tag_length_bit(strlen(tag));
	void **slot = hash_put(&d->tags, tag);
	if (!*slot) {
		struct tagrole *r = arena_alloc(&d->arena, sizeof *r);
		*r = (struct tagrole){.tag = tag};
		*slot = r;
	}
	return *slot;
}

/* What a placeholder of a gesture makes the engine keep. */
static void
want_part(const struct gesture_part *p, void *arg)
{
	struct due *d = arg;
	if (p->kind == GP_FIELD || p->kind == GP_CONTACT) {
		struct wanted *w = want(d, p->text, false);
		if (p->kind == GP_CONTACT)
			d->contact = w;
	}
	d->keep_client_name = d->keep_client_name || p->kind == GP_CLIENT ||
	    p->kind == GP_NAME;
	/* {contact} falls back on a person's name, never a client's */
	d->keep_person_name = d->keep_person_name || p->kind == GP_NAME ||
	    p->kind == GP_CONTACT;
	d->keep_entry = d->keep_entry || p->kind == GP_ENTRY;
	d->keep_last = d->keep_last || p->kind == GP_LAST;
}

struct due *
due_new(const struct occasions *os, const struct due_opts *o)
{
	struct due *d = xcalloc(1, sizeof *d);
	d->os = os;
	d->opt = *o;
	d->today = date_to_days(o->today);
	d->dmin = date_to_days((struct date){1, 1, 1});
	d->dmax = date_to_days((struct date){9999, 12, 31});
	d->wr.act = d->wr.day = LONG_MIN;
	/* A done check looks back from DATE - LEAD - 30 (#TAG+N: from the
	 * trigger, DATE - N), and DATE >= TODAY - GRACE for every hit. */
	long back = 0;
	if (os->n > UINT32_MAX >> HIT_RULE)	/* struct hit.rule */
		die_oom();
	d->rule = xcalloc(os->n ? os->n : 1, sizeof *d->rule);
	for (size_t k = 0; k < os->n; k++) {
		const struct occasion *oc = os->v[k];
		struct rule *rk = &d->rule[k];
		rk->o = oc;
		tag_role(d, oc->name)->name = true;
		if (oc->when == OCC_FIELD)
			rk->field = want(d, oc->key, true);
		rk->filter = arena_alloc(&d->arena,
		    oc->nfilter * sizeof *rk->filter);
		for (size_t i = 0; i < oc->nfilter; i++)
			rk->filter[i] = want(d, oc->filter[i].key, false);
		gesture_each(&oc->gesture, want_part, d);
		if (oc->when == OCC_TAG) {
			tag_role(d, oc->key)->trigger = true;
			if (oc->days > back)
				back = oc->days;
		}
		d->keep_latest = d->keep_latest || oc->when == OCC_LAST;
		if (oc->lead + 30 > back)
			back = oc->lead + 30;
	}
	d->horizon = d->today - d->opt.grace - back;
	d->ptoday = date_pack(o->today);
	d->phorizon = d->horizon < d->dmin ? 0 :
	    date_pack(date_from_days(d->horizon));
	d->nstr = 1 + d->nvalue + 1;
	d->pend.str = xcalloc(d->nstr, sizeof *d->pend.str);
	d->pend.has = xcalloc(d->nstr, sizeof *d->pend.has);
	/* TODAY - GRACE <= DATE <= TODAY + WINDOW + LEAD + 2 (ACT is at
	 * most 2 days before DATE - LEAD), within the years 1 to 9999. */
	long lo = d->today - d->opt.grace;
	d->year0 = date_from_days(lo < d->dmin ? d->dmin : lo).y;
	for (size_t k = 0; k < os->n; k++) {
		long hi = d->today + d->opt.window + os->v[k]->lead + 2;
		d->rule[k].year1 = date_from_days(hi > d->dmax ? d->dmax : hi).y;
	}
	return d;
}

void
due_free(struct due *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nall; i++)
		if (d->all[i]->kin) {
			free(d->all[i]->kin->mark);
			free(d->all[i]->kin->person);
			free(d->all[i]->kin->far);
		}
	free(d->all);
	hash_index_free(&d->byid);
	arena_free(&d->ids);
	hash_free(&d->entries);
	hash_free(&d->files);
	free(d->file);
	buf_free(&d->fname);
	buf_free(&d->owner);
	hash_free(&d->want);
	hash_free(&d->tags);
	free(d->rule);
	arena_free(&d->arena);
	buf_free(&d->scratch);
	buf_free(&d->pass);
	buf_free(&d->pend.latest_source);
	for (size_t i = 0; i < d->nstr; i++)
		buf_free(&d->pend.str[i]);
	free(d->pend.str);
	free(d->pend.has);
	free(d->hit);
	buf_free(&d->gesture);
	buf_free(&d->years);
	buf_free(&d->esc);
	buf_free(&d->src);
	free(d);
}

/* LINE of a SOURCE "FILE:LINE", s after the colon: 1 + LINE when it is
 * written as numbers are (digits, no leading zero) and not too large,
 * else 0. */
static uint32_t
line_of(const char *s)
{
	if (!*s || (*s == '0' && s[1]))
		return 0;
	uint32_t n = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > (UINT32_MAX - 11) / 10)
			return 0;
		n = n * 10 + (uint32_t)(*s - '0');
	}
	return n + 1;
}

/* The source s, kept. */
static struct src
src_keep(struct due *d, const char *s)
{
	const char *colon = strrchr(s, ':');
	uint32_t line = colon ? line_of(colon + 1) : 0;
	size_t n = line ? (size_t)(colon - s) : strlen(s);
	if (!d->nfile || n != d->lastlen ||
	    memcmp(s, d->file[d->lastfile], n) != 0) {
		buf_reset(&d->fname);
		buf_add(&d->fname, s, n);
		const char *kept;
		void **slot = hash_put_kept(&d->files, d->fname.s, &kept);
		if (!*slot) {
			if (d->nfile == d->capfile) {
				if (d->capfile >= UINT32_MAX / 2)
					die_oom();
				d->capfile = d->capfile ? d->capfile * 2 : 16;
				d->file = xrealloc(d->file, d->capfile *
				    sizeof *d->file);
			}
			d->file[d->nfile++] = kept;
			*slot = (void *)(uintptr_t)d->nfile;
		}
		d->lastfile = (uintptr_t)*slot - 1;
		d->lastlen = n;
	}
	return (struct src){(uint32_t)d->lastfile + 1, line};
}

/* The text of the source s, valid until the next call. */
static const char *
src_text(struct due *d, struct src s, size_t *len)
{
	buf_reset(&d->src);
	buf_add(&d->src, "", 0);
	if (s.file)
		buf_adds(&d->src, d->file[s.file - 1]);
	if (s.line) {
		buf_addc(&d->src, ':');
		buf_addnum(&d->src, (long)(s.line - 1));
	}
	*len = d->src.len;
	return d->src.s;
}

/* The id of client i, for the index byid. */
static const char *
client_key(const void *d, size_t i)
{
	return ((const struct due *)d)->all[i]->id;
}

/* Append c to due.all and to the index (c->id is not there yet). */
static void
index_add(struct due *d, struct client *c)
{
	if (d->nall == d->capall) {
		if (d->capall >= UINT32_MAX / 2)
			die_oom();
		d->capall = d->capall ? d->capall * 2 : 64;
		d->all = xrealloc(d->all, d->capall * sizeof *d->all);
	}
	d->all[d->nall++] = c;
	hash_index_put(&d->byid, c->id, d->nall - 1, client_key, d);
}

/* The kin of c, made on first use. */
static struct kin *
kin_of(struct due *d, struct client *c)
{
	if (!c->kin) {
		c->kin = arena_alloc(&d->arena, sizeof *c->kin);
		*c->kin = (struct kin){0};
	}
	return c->kin;
}

/* The kin of c to read: an empty one when it has none. */
static const struct kin *
kin(const struct client *c)
{
	static const struct kin none;
	return c->kin ? c->kin : &none;
}

/* Keep source as c's source `which` (SRC_…), its line at *line. */
static void
src_put(struct due *d, struct client *c, size_t which, uint32_t *line,
    const char *source)
{
	struct src s = src_keep(d, source);
	if (!c->file)
		c->file = s.file;
	if (s.file == c->file) {
		*line = s.line;
		return;
	}
	struct kin *k = kin_of(d, c);
	if (!k->far)
		k->far = xcalloc(SRC_WHEN + d->nwhen, sizeof *k->far);
	k->far[which] = s;
	*line = LINE_FAR;
}

/* The source `which` of c, whose line src_put kept at line. */
static struct src
src_get(const struct client *c, size_t which, uint32_t line)
{
	if (line == LINE_FAR)
		return c->kin->far[which];
	return (struct src){c->file, line};
}

/* A new client or person of the id; named by its id (a person by its
 * SLUG) until its record comes. */
static struct client *
new_client(struct due *d, const char *id, struct client *owner)
{
	size_t size = sizeof(struct client) + d->nwhen * sizeof(struct dated);
	struct client *c = memset(arena_alloc_align(&d->arena, size,
	    _Alignof(struct client)), 0, size);
	c->id = arena_strdup(&d->ids, id);
	if (owner)
		kin_of(d, c)->owner = owner;
	index_add(d, c);
	return c;
}

/* The client or person id, created on its first record (source: that
 * record's, for one made before its client or person record comes, else
 * NULL).  A person's client is made too, when it is not yet known.  A
 * client's records mostly come together: the previous one is tried
 * first. */
static struct client *
client_get(struct due *d, const char *id, const char *source)
{
	struct client *c = d->cur;
	if (!c || strcmp(c->id, id) != 0) {
		size_t at = hash_index_get(&d->byid, id, client_key, d);
		size_t n;
		if (at != SIZE_MAX) {
			c = d->all[at];
		} else if ((n = record_person_client_len(id)) == 0) {
			c = new_client(d, id, NULL);
		} else {
			buf_reset(&d->owner);
			buf_add(&d->owner, id, n);
			struct client *owner = client_get(d, d->owner.s,
			    source);
			c = new_client(d, id, owner);
		}
	}
	if (!c->file && source)
		src_put(d, c, SRC_CLIENT, &c->line, source);
	return d->cur = c;
}

/* A person that a record names: one of its client's persons from now on
 * (in the order they come). */
static void
list_person(struct due *d, struct client *p)
{
	if (!p->kin || !p->kin->owner || p->kin->listed)
		return;
	p->kin->listed = true;
	struct kin *k = kin_of(d, p->kin->owner);
	if ((k->nperson & (k->nperson - 1)) == 0)	/* 0, 1, 2, 4 … */
		k->person = xrealloc(k->person, (k->nperson ?
		    2 * (size_t)k->nperson : 1) * sizeof *k->person);
	k->person[k->nperson++] = p;
}

/* The field key of a record as the rules want it, or NULL.  Keys as
 * tact-parse writes them are normalized already. */
static const struct wanted *
wanted(struct due *d, const char *key)
{
	if (!*key)
		return hash_get(&d->want, key);
	const struct wanted *w = memo_get(&d->keys, key, strlen(key));
	if (w)
		return w;
	/* A key found as it is needs no normalizing: the keys of due.want
	 * hold none of the bytes that normalizing changes below. */
	if ((w = hash_get(&d->want, key)) != NULL) {
		memo_put(&d->keys, w->key, w);
		return w;
	}
	const char *p = key;
	while (*p && !(*p >= 'A' && *p <= 'Z') && *p != ' ' && *p != '\t' &&
	    *p != '_')
		p++;
	if (!*p)
		return NULL;
	char *norm = key_normalize(key, strlen(key));
	w = hash_get(&d->want, norm);
	free(norm);
	return w;
}

/* A client's strings, packed (struct client.str): for each of the
 * due.nstr in turn, '\1', the string and '\0', or '\0' alone when it
 * has none.  Which: */
enum { STR_NAME = 0 };	/* then the values (1 + wanted.vi), then the
			 * {last} text (str_last) */

static size_t
str_last(const struct due *d)
{
	return 1 + d->nvalue;
}

/* The place after the string of the packed s. */
static const char *
str_skip(const char *s)
{
	return *s ? s + strlen(s) + 1 : s + 1;
}

/* The string i of c (kept: not the one held), or NULL. */
static const char *
str_of(const struct client *c, size_t i)
{
	const char *s = c->str;
	if (!s)
		return NULL;
	for (; i > 0; i--)
		s = str_skip(s);
	return *s ? s + 1 : NULL;
}

/* Pack the strings held into c->str: in the space of the old piece when
 * they fit (a client whose records come in several runs), else anew. */
static void
pack(struct due *d, struct client *c)
{
	struct pending *p = &d->pend;
	struct buf *b = &d->scratch;
	buf_reset(b);
	for (size_t i = 0; i < d->nstr; i++) {
		if (p->has[i]) {
			buf_addc(b, '\1');
			/* {last} kept as it is written, once a client */
			if (i == str_last(d) && p->last_raw)
				gesture_strip(b, p->str[i].s);
			else
				buf_add(b, p->str[i].s, p->str[i].len);
		}
		buf_addc(b, '\0');
	}
	const char *end = c->str;
	for (size_t i = 0; end && i < d->nstr; i++)
		end = str_skip(end);
	if (end && (size_t)(end - c->str) >= b->len)
		memcpy(c->str, b->s, b->len);
	else
		c->str = arena_copy(&d->arena, b->s, b->len);
}

/* Keep what is held for the client of due.pend. */
static void
keep_pending(struct due *d)
{
	struct pending *p = &d->pend;
	if (p->latest)
		src_put(d, p->c, SRC_LATEST, &p->c->latest_line,
		    p->latest_source.s);
	if (p->changed)
		pack(d, p->c);
	p->c = NULL;
	p->latest = p->changed = p->last_raw = false;
}

/* Hold the strings of c from now on (those kept so far, unpacked). */
static void
pend_switch(struct due *d, struct client *c)
{
	struct pending *p = &d->pend;
	if (p->c == c)
		return;
	keep_pending(d);
	p->c = c;
	const char *s = c->str;
	for (size_t i = 0; i < d->nstr; i++) {
		p->has[i] = s && *s;
		if (p->has[i]) {
			buf_reset(&p->str[i]);
			buf_adds(&p->str[i], s + 1);
		}
		if (s)
			s = str_skip(s);
	}
}

/* Hold s as the string i of c. */
static void
hold_str(struct due *d, struct client *c, size_t i, const char *s)
{
	pend_switch(d, c);
	buf_reset(&d->pend.str[i]);
	buf_adds(&d->pend.str[i], s);
	d->pend.has[i] = true;
	d->pend.changed = true;
}

/* Hold s as the source of c's latest entry. */
static void
hold_latest(struct due *d, struct client *c, const char *s)
{
	pend_switch(d, c);
	buf_reset(&d->pend.latest_source);
	buf_adds(&d->pend.latest_source, s);
	d->pend.latest = true;
}

/* A field record; the last one of a key wins. */
static void
add_field(struct due *d, struct client *c, char *const *f)
{
	const struct wanted *w = wanted(d, f[FIELD_KEY]);
	if (!w)
		return;		/* no rule reads it */
	if (w->when) {
		struct dated *dt = &c->when[w->wi];
		src_put(d, c, SRC_WHEN + w->wi, &dt->line, f[FIELD_SOURCE]);
		struct date v;
		bool ok = date_parse_iso_inline(f[FIELD_DATE], &v, true) == 0;
		dt->date = ok ? date_pack(v) : 0;
	}
	if (w->value)
		hold_str(d, c, 1 + w->vi, f[FIELD_VALUE]);
}

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The role of the next item of an entry's TAGS (comma-separated) at *s,
 * trimmed and lowercased (ASCII); *s moves past it.  NULL when no rule
 * reads it, or it is empty. */
static const struct tagrole *
next_tag(struct due *d, const char **s)
{
	const char *t = *s, *e = t;
	while (*e && *e != ',')		/* a few bytes: no strcspn */
		e++;
	*s = e + (*e == ',');
	while (t < e && is_blank(*t))
		t++;
	while (e > t && is_blank(e[-1]))
		e--;
	size_t n = (size_t)(e - t);
	if (!n || !(d->tagfirst[(unsigned char)ascii_lower(t[0])] &
	    tag_length_bit(n)))
		return NULL;
	const struct tagrole *r = memo_get(&d->tags_seen, t, n);
	if (r)
		return r;
	buf_reset(&d->scratch);
	buf_add(&d->scratch, t, n);
	for (size_t i = 0; i < n; i++)
		d->scratch.s[i] = ascii_lower(d->scratch.s[i]);
	if ((r = hash_get(&d->tags, d->scratch.s)) != NULL)
		memo_put(&d->tags_seen, r->tag, r);
	return r;
}

static void
add_mark(struct due *d, struct client *c, struct mark m)
{
	struct kin *k = kin_of(d, c);
	if ((k->nmark & (k->nmark - 1)) == 0)	/* 0, 1, 2, 4 … */
		k->mark = xrealloc(k->mark, (k->nmark ?
		    2 * (size_t)k->nmark : 1) * sizeof *k->mark);
	k->mark[k->nmark++] = m;
}

/* A kept entry of c (the one whose marks start at c's mark first), found
 * by its source from then on. */
static struct kentry *
kentry_new(struct due *d, struct client *c, long day, const char *source)
{
	struct kentry *e = arena_alloc(&d->arena, sizeof *e);
	void **slot = hash_put_kept(&d->entries, source, &e->source);
	*e = (struct kentry){.c = c, .day = day, .source = e->source,
	    .first = kin(c)->nmark, .next = *slot};
	*slot = e;
	return e;
}

/* An entry of c; returns it when it is kept (it has marks).  Its date
 * is compared packed: a day number only for an entry with marks. */
static struct kentry *
add_entry(struct due *d, struct client *c, char *const *f)
{
	struct date dt;
	if (date_parse_iso_inline(f[ENTRY_DATE], &dt, false) < 0)
		return NULL;
	uint32_t pd = date_pack(dt);
	if (pd > d->ptoday)
		return NULL;	/* a plan: no rule reads it */
	size_t idx = d->nentry++;
	bool occ = false;	/* a tag names an occasion */
	const char *text = NULL;	/* copied once */
	struct kentry *e = NULL;
	for (const char *s = f[ENTRY_TAGS]; *s; ) {
		const struct tagrole *r = next_tag(d, &s);
		if (!r)
			continue;
		occ = occ || r->name;
		if (pd < d->phorizon)
			continue;
		if (!e)
			e = kentry_new(d, c, date_to_days(dt),
			    f[ENTRY_SOURCE]);
		if (r->trigger && !text && d->keep_entry)
			text = arena_strdup(&d->arena, f[ENTRY_TEXT]);
		add_mark(d, c, (struct mark){r->tag, e->day, idx,
		    r->trigger ? text : NULL, e});
	}
	if (e)
		e->nmark = c->kin->nmark - e->first;
	if (pd >= c->latest_day) {	/* never 0 */
		c->latest_day = pd;
		if (d->keep_latest)
			hold_latest(d, c, f[ENTRY_SOURCE]);
	}
	if (!occ && pd >= c->last_day) {
		c->last_day = pd;
		if (d->keep_last) {
			hold_str(d, c, str_last(d), f[ENTRY_TEXT]);
			d->pend.last_raw = true;
		}
	}
	return e;
}

/* The kept entry e concerns the person p: p gets its marks.  Records
 * are read before any mark is sorted, so e's marks are where they were
 * put. */
static void
concern(struct due *d, struct kentry *e, struct client *p)
{
	if (e->np && e->last == p)
		return;		/* said twice */
	e->np++;
	e->last = p;
	for (size_t i = 0; i < e->nmark; i++)
		add_mark(d, p, e->c->kin->mark[e->first + i]);
}

/* concerns ID DATE SOURCE: the kept entry of the client of ID at SOURCE
 * dated DATE, if any, concerns the person ID.  Most come right after
 * their entry: the newest entry of a source is the chain's first. */
static void
add_concerns(struct due *d, char *const *f)
{
	struct kentry *e = hash_get(&d->entries, f[CONCERNS_SOURCE]);
	if (!e)
		return;		/* not kept: no rule reads it */
	const char *id = f[CONCERNS_ID];
	size_t n = record_person_client_len(id);
	struct date dt;
	if (!n || date_parse_iso_inline(f[CONCERNS_DATE], &dt, false) < 0)
		return;
	long day = date_to_days(dt);
	for (; e; e = e->next)
		if (e->day == day && strncmp(e->c->id, id, n) == 0 &&
		    e->c->id[n] == '\0')
			break;
	if (e)
		concern(d, e, client_get(d, id, NULL));
}

/* The SOURCE of a client, field, entry or person record. */
static const char *
source_of(const struct record *rec)
{
	char *const *f = rec->f;
	switch (rec->kind) {
	case RECORD_CLIENT:
		return f[CLIENT_SOURCE];
	case RECORD_PERSON:
		return f[PERSON_SOURCE];
	case RECORD_FIELD:
		return f[FIELD_SOURCE];
	default:
		return f[ENTRY_SOURCE];
	}
}

void
due_add(struct due *d, const struct record *rec)
{
	enum record_kind kind = rec->kind;
	if (kind != RECORD_CLIENT && kind != RECORD_FIELD &&
	    kind != RECORD_ENTRY && kind != RECORD_PERSON &&
	    kind != RECORD_CONCERNS)
		return;
	char *const *f = rec->f;
	/* CLIENT_ID, FIELD_ID, ENTRY_ID, PERSON_ID and CONCERNS_ID are one
	 * column (record.c). */
	if (!*f[CLIENT_ID]) {
		diag_error(rec->file, rec->line, "%s record without a client "
		    "id: write the id in its second field",
		    record_kind_name(kind));
		return;
	}
	if (kind == RECORD_CONCERNS) {
		add_concerns(d, f);
		return;
	}
	/* The client (person) record names the client and is its source;
	 * until it comes, the id and the first record do. */
	_Static_assert((int)CLIENT_NAME == (int)PERSON_NAME &&
	    (int)CLIENT_SOURCE == (int)PERSON_SOURCE,
	    "client and person records have one layout");
	const char *source = source_of(rec);
	struct client *c = client_get(d, f[CLIENT_ID], source);
	if ((kind == RECORD_CLIENT || kind == RECORD_PERSON) && !c->named) {
		if (kin(c)->owner ? d->keep_person_name : d->keep_client_name)
			hold_str(d, c, STR_NAME, f[CLIENT_NAME]);
		src_put(d, c, SRC_CLIENT, &c->line, source);
		c->named = true;
	}
	list_person(d, c);
	if (kind == RECORD_FIELD) {
		add_field(d, c, f);
	} else if (kind == RECORD_ENTRY && kin(c)->owner) {
		/* entries are the client's; one under a person's id
		 * concerns that person */
		struct kentry *e = add_entry(d, c->kin->owner, f);
		if (e)
			concern(d, e, c);
	} else if (kind == RECORD_ENTRY) {
		add_entry(d, c, f);
	}
}

void
due_read(FILE *fp, const char *name, void *arg)
{
	struct due *d = arg;
	struct record_reader *r = record_reader_new(fp, name);
	record_reader_utf8(r);
	struct record rec;
	while (record_next(r, &rec) == 1) {
		if (d->opt.pass) {	/* as read, a block at a time */
			buf_add(&d->pass, rec.raw, rec.rawlen);
			buf_addc(&d->pass, '\n');
			if (d->pass.len >= DUE_BLOCK) {
				fwrite(d->pass.s, 1, d->pass.len, d->opt.pass);
				buf_reset(&d->pass);
			}
		}
		due_add(d, &rec);
	}
	record_reader_free(r);
	if (d->pass.len) {
		fwrite(d->pass.s, 1, d->pass.len, d->opt.pass);
		buf_reset(&d->pass);
	}
}

static int
mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);
	if (c)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The index of the first mark of c at or after (tag, day). */
static size_t
mark_find(const struct client *c, const char *tag, long day)
{
	const struct kin *k = kin(c);
	size_t lo = 0, hi = k->nmark;
	struct mark key = {.tag = tag, .day = day};
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (mark_cmp(&k->mark[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is there an entry tagged NAME from day `from` on (other than trigger)?
 * Every entry kept is dated up to TODAY. */
static bool
done(const struct client *c, const char *name, long from,
    const struct mark *trigger)
{
	const struct kin *k = kin(c);
	for (size_t i = mark_find(c, name, from);
	    i < k->nmark && strcmp(k->mark[i].tag, name) == 0; i++)
		if (!trigger || k->mark[i].idx != trigger->idx)
			return true;
	return false;
}

/* The same for the person p: an entry that concerns p, or one that
 * concerns no person while p is its client's only person. */
static bool
person_done(const struct client *p, const char *name, long from)
{
	if (done(p, name, from, NULL))
		return true;
	const struct client *c = kin(p)->owner;
	const struct kin *k = kin(c);
	if (k->nperson != 1)
		return false;
	for (size_t i = mark_find(c, name, from);
	    i < k->nmark && strcmp(k->mark[i].tag, name) == 0; i++)
		if (k->mark[i].e->np == 0)
			return true;
	return false;
}

/* Does one of the comma-separated items of s equal v, ignoring ASCII
 * case? */
static bool
has_item(const char *s, const char *v)
{
	size_t vl = strlen(v);
	while (*s) {
		size_t len = strcspn(s, ",");
		size_t tl = len;
		const char *t = trim(s, &tl);
		if (tl == vl) {
			size_t i = 0;
			for (; i < vl; i++) {
				char a = t[i], b = v[i];
				if (a >= 'A' && a <= 'Z')
					a = (char)(a - 'A' + 'a');
				if (b >= 'A' && b <= 'Z')
					b = (char)(b - 'A' + 'a');
				if (a != b)
					break;
			}
			if (i == vl)
				return true;
		}
		s += len;
		if (*s)
			s++;
	}
	return false;
}

/* Is the value s missing (NULL, empty or blank)? */
static bool
missing(const char *s)
{
	if (s)
		for (; *s; s++)
			if (!is_blank(*s) && *s != '\n' && *s != '\r')
				return false;
	return true;
}

/* Whom an occasion is for. */
struct whom {
	const struct client *c;	/* the client */
	const struct client *p;	/* the person (a FIELD rule's), or NULL */
	uint32_t at, sub;	/* c's place in due.all; 1 + p's place among
				 * c's persons, or 0 */
	/* whose name, contact and fields the gesture reads first: p, or
	 * the one person a trigger concerns, or NULL */
	const struct client *about;
};

/* The value of the key w: the person's (when it has one, not blank),
 * else the client's; NULL when neither has it. */
static const char *
value_of(const struct client *c, const struct client *p,
    const struct wanted *w)
{
	const char *v = p ? str_of(p, 1 + w->vi) : NULL;
	return !missing(v) ? v : str_of(c, 1 + w->vi);
}

/* The name of c as read, or its id (a person's SLUG) when no rule reads
 * it or its record has not come. */
static const char *
name_of(const struct client *c)
{
	const char *s = str_of(c, STR_NAME);
	if (s)
		return s;
	return kin(c)->owner ? c->id + strlen(kin(c)->owner->id) + 1 : c->id;
}

/* Do the filters of the rule r hold for the client c (and its person
 * p)? */
static bool
filters_hold(const struct rule *r, const struct client *c,
    const struct client *p)
{
	const struct occasion *o = r->o;
	for (size_t i = 0; i < o->nfilter; i++) {
		const char *v = value_of(c, p, r->filter[i]);
		bool has = v && has_item(v, o->filter[i].value);
		if (has == o->filter[i].negate)
			return false;
	}
	return true;
}

/* The arg of field_value: whose fields. */
struct fields_of {
	const struct due *d;
	const struct whom *w;
};

static const char *
field_value(const char *key, void *arg)
{
	const struct fields_of *fo = arg;
	const struct wanted *w = hash_get(&fo->d->want, key);
	return w && w->value ? value_of(fo->w->c, fo->w->about, w) : NULL;
}

/* {contact}: in a person's gesture the person's contact field, else the
 * person's name (the gesture is for that person, never the client's
 * contact); in a client's, the client's contact field, else its first
 * person's name.  NULL when {contact} is not read or has no value. */
static const char *
contact_of(const struct due *d, const struct whom *w)
{
	if (!d->contact)
		return NULL;
	const struct client *who = w->about ? w->about : w->c;
	const char *v = str_of(who, 1 + d->contact->vi);
	if (!missing(v))
		return v;
	if (w->about)
		return name_of(w->about);
	return kin(w->c)->nperson ? name_of(w->c->kin->person[0]) : NULL;
}

/* Keep a hit of the rule r for w (of trigger, for a #TAG+N rule). */
static void
add_hit(struct due *d, const struct whom *w, const struct rule *r,
    const struct mark *trigger, long act, long day)
{
	if (d->nhit == d->caphit) {
		d->caphit = d->caphit ? d->caphit * 2 : 64;
		d->hit = xrealloc(d->hit, d->caphit * sizeof *d->hit);
	}
	d->hit[d->nhit++] = (struct hit){
	    .id = w->p ? w->p->id : w->c->id, .at = w->at,
	    .sub = trigger ? (uint32_t)(trigger - w->c->kin->mark) : w->sub,
	    .rule = (uint32_t)(r - d->rule) << HIT_RULE |
	    (trigger ? HIT_TAG : 0) | (uint32_t)(day - act),
	    .act = (int32_t)act};
}

static const struct rule *
hit_rule(const struct due *d, const struct hit *h)
{
	return &d->rule[h->rule >> HIT_RULE];
}

/* The DATE of the hit h. */
static long
hit_day(const struct hit *h)
{
	return h->act + (long)(h->rule & HIT_DAYS);
}

/* The trigger of the hit h, or NULL. */
static const struct mark *
hit_trigger(const struct due *d, const struct hit *h)
{
	return h->rule & HIT_TAG ? &d->all[h->at]->kin->mark[h->sub] : NULL;
}

/* Whom the hit h is for: a client, or a person. */
static const struct client *
hit_who(const struct due *d, const struct hit *h)
{
	const struct client *c = d->all[h->at];
	return !(h->rule & HIT_TAG) && h->sub ? c->kin->person[h->sub - 1] : c;
}

/* The rule r on day DATE for w: a hit when it is due or overdue. */
static void
consider(struct due *d, const struct rule *r, const struct whom *w,
    long day, const struct mark *trigger)
{
	const struct occasion *o = r->o;
	long act = day - o->lead;
	if (day > d->dmax || act < d->dmin)
		return;
	int wd = date_days_weekday(act);
	act -= wd == 6 ? 1 : wd == 0 ? 2 : 0;
	if (act < d->dmin)
		return;
	bool due = act >= d->today && act <= d->today + d->opt.window;
	bool overdue = act < d->today &&
	    (o->when == OCC_LAST || day >= d->today - d->opt.grace);
	if (!due && !overdue)
		return;
	long from = trigger ? trigger->day : day - o->lead - 30;
	if (o->when != OCC_LAST && (w->p ? person_done(w->p, o->name, from) :
	    done(w->c, o->name, from, trigger)))
		return;
	add_hit(d, w, r, trigger, act, day);
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The years of a field dated in year fy (0: no year) in year y. */
static int
years_of(int fy, int y)
{
	return fy ? y - fy : 0;
}

/* A yearly occasion of rule r on month m, day dd of a field dated in
 * year fy (0: no year, or no field), in the years whose DATE can be due
 * or overdue (due_new). */
static void
yearly(struct due *d, const struct rule *r, const struct whom *w, int m,
    int dd, int fy)
{
	const struct occasion *o = r->o;
	for (int y = d->year0; y <= r->year1; y++) {
		int years = years_of(fy, y);
		if (fy && years < 1)
			continue;
		if (o->every && years % o->every)
			continue;
		if (o->nyears && !bsearch(&years, o->years, o->nyears,
		    sizeof *o->years, int_cmp))
			continue;
		consider(d, r, w, date_to_days(date_in_year(y, m, dd)), NULL);
	}
}

/* The field a FIELD rule r reads of who (a client or a person: its own
 * field, a person does not inherit the client's birthday). */
static const struct dated *
when_field(const struct rule *r, const struct client *who)
{
	return &who->when[r->field->wi];
}

/* The entry a trigger is about one person of: the gesture is about that
 * person, still the client's.  NULL when it concerns none or several. */
static const struct client *
about_of(const struct mark *trigger)
{
	const struct kentry *e = trigger->e;
	return e->np == 1 && kin(e->last)->listed ? e->last : NULL;
}

/* The rule r on the client at due.all[at], or (FIELD rules only) on its
 * person sub (1 + its place among the client's persons; 0: none). */
static void
apply(struct due *d, const struct rule *r, uint32_t at, uint32_t sub)
{
	const struct occasion *o = r->o;
	const struct client *c = d->all[at];
	const struct client *p = sub ? c->kin->person[sub - 1] : NULL;
	if ((p && o->when != OCC_FIELD) || !filters_hold(r, c, p))
		return;
	struct whom w = {.c = c, .p = p, .at = at, .sub = sub, .about = p};
	switch (o->when) {
	case OCC_FIELD: {
		const struct dated *f = when_field(r, p ? p : c);
		struct date v = date_unpack(f->date);
		if (!f->date || ((o->every || o->nyears) && !v.y))
			return;
		yearly(d, r, &w, v.m, v.d, v.y);
		break;
	}
	case OCC_YEARLY:
		yearly(d, r, &w, o->date.m, o->date.d, 0);
		break;
	case OCC_ONCE:
		consider(d, r, &w, date_to_days(o->date), NULL);
		break;
	case OCC_TAG: {
		const struct kin *k = kin(c);
		for (size_t i = mark_find(c, o->key, d->dmin - 1);
		    i < k->nmark && strcmp(k->mark[i].tag, o->key) == 0; i++) {
			const struct mark *m = &k->mark[i];
			w.about = about_of(m);
			consider(d, r, &w, m->day + o->days, m);
		}
		break;
	}
	case OCC_LAST:
		if (c->latest_day)
			consider(d, r, &w, date_to_days(date_unpack(
			    c->latest_day)) + o->days, NULL);
		else	/* never contacted: due today, whatever the lead
			 * or the weekday (not overdue on a Saturday) */
			add_hit(d, &w, r, NULL, d->today, d->today);
		break;
	}
}

/* Sorted by ACT, DATE, ID, NAME.  Hits equal in all four are the
 * triggers of one #TAG+N rule on one day: in the order of their marks,
 * as found. */
static int
hit_cmp(const struct due *d, const struct hit *x, const struct hit *y)
{
	int r;
	if (x->act != y->act)
		return x->act < y->act ? -1 : 1;
	uint32_t dx = x->rule & HIT_DAYS, dy = y->rule & HIT_DAYS;
	if (dx != dy)		/* DATE - ACT, ACT being the same */
		return dx < dy ? -1 : 1;
	if (x->id != y->id && (r = strcmp(x->id, y->id)) != 0)
		return r;
	if (x->rule >> HIT_RULE != y->rule >> HIT_RULE &&
	    (r = strcmp(hit_rule(d, x)->o->name, hit_rule(d, y)->o->name)))
		return r;
	/* one #TAG+N rule's triggers of one client: by their marks */
	if (!(x->rule & HIT_TAG) || x->sub == y->sub)
		return 0;
	return x->sub < y->sub ? -1 : 1;
}

static void
swap_hits(struct hit *a, struct hit *b)
{
	struct hit t = *a;
	*a = *b;
	*b = t;
}

static void
sift_down(const struct due *d, struct hit *v, size_t i, size_t n)
{
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && hit_cmp(d, &v[c], &v[c + 1]) < 0)
			c++;
		if (hit_cmp(d, &v[i], &v[c]) >= 0)
			return;
		swap_hits(&v[i], &v[c]);
	}
}

/* The hits v[0..n) sorted in place (qsort, glibc's merge sort, takes a
 * copy of them): quicksort on the median of
 * three, the smaller part first, a short run by insertion; below depth
 * parts, heapsort, so that no order of the input makes it quadratic.
 * Hits that compare equal are alike to the byte. */
static void
sort_hits(const struct due *d, struct hit *v, size_t n, unsigned depth)
{
	while (n > 16 && depth-- > 0) {
		struct hit *a = &v[0], *m = &v[(n - 1) / 2], *z = &v[n - 1];
		if (hit_cmp(d, m, a) < 0)
			swap_hits(m, a);
		if (hit_cmp(d, z, m) < 0) {
			swap_hits(z, m);
			if (hit_cmp(d, m, a) < 0)
				swap_hits(m, a);
		}
		/* Hoare's partition: v[0..j] <= pivot <= v[j+1..n) */
		struct hit pivot = *m;
		size_t i = 0, j = n - 1;
		for (;;) {
			while (hit_cmp(d, &v[i], &pivot) < 0)
				i++;
			while (hit_cmp(d, &v[j], &pivot) > 0)
				j--;
			if (i >= j)
				break;
			swap_hits(&v[i++], &v[j--]);
		}
		if (j + 1 < n - j - 1) {
			sort_hits(d, v, j + 1, depth);
			v += j + 1;
			n -= j + 1;
		} else {
			sort_hits(d, v + j + 1, n - j - 1, depth);
			n = j + 1;
		}
	}
	if (n > 16) {
		for (size_t i = n / 2; i-- > 0; )
			sift_down(d, v, i, n);
		for (size_t k = n - 1; k > 0; k--) {
			swap_hits(&v[0], &v[k]);
			sift_down(d, v, 0, k);
		}
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct hit t = v[i];
		size_t j = i;
		for (; j > 0 && hit_cmp(d, &t, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/* The SOURCE of the hit h and its length: a field's, the rule's, the
 * entry's, or the client's. */
static const char *
hit_source(struct due *d, const struct hit *h, size_t *len)
{
	const struct client *c = hit_who(d, h);
	const struct rule *r = hit_rule(d, h);
	const char *s;
	switch (r->o->when) {
	case OCC_FIELD:
		return src_text(d, src_get(c, SRC_WHEN + r->field->wi,
		    when_field(r, c)->line), len);
	case OCC_LAST:
		return src_text(d, c->latest_day ?
		    src_get(c, SRC_LATEST, c->latest_line) :
		    src_get(c, SRC_CLIENT, c->line), len);
	case OCC_TAG:
		s = hit_trigger(d, h)->e->source;
		break;
	default:
		s = r->o->source;
		break;
	}
	*len = strlen(s);
	return s;
}

/* The gesture of h on DATE (day, as text), expanded and escaped;
 * valid until the next call. */
static const struct buf *
expand_hit(struct due *d, const struct hit *h, struct date day,
    const char *date)
{
	const struct rule *r = hit_rule(d, h);
	const struct client *who = hit_who(d, h);
	const struct mark *trigger = hit_trigger(d, h);
	const struct client *p = kin(who)->owner ? who : NULL;
	const struct client *c = p ? kin(p)->owner : who;
	struct whom w = {.c = c, .p = p,
	    .about = trigger ? about_of(trigger) : p};
	int years = 0;
	if (r->o->when == OCC_FIELD)
		years = years_of(date_unpack(when_field(r, who)->date).y,
		    day.y);
	buf_reset(&d->years);
	if (years)
		buf_addnum(&d->years, years);
	struct fields_of fo = {d, &w};
	struct gesture_vals v = {
		.client = name_of(c), .id = h->id,
		.name = name_of(w.about ? w.about : c),
		.contact = contact_of(d, &w),
		.years = years ? d->years.s : NULL, .date = date,
		.entry = trigger ? trigger->text : NULL,
		.last = c->last_day ? str_of(c, str_last(d)) : NULL,
		.field = field_value, .arg = &fo, .last_untagged = true,
	};
	buf_reset(&d->gesture);
	gesture_expand(&r->o->gesture, &v, &d->gesture);
	/* white space is collapsed to spaces: only '\\' needs an escape */
	if (!memchr(d->gesture.s, '\\', d->gesture.len))
		return &d->gesture;
	buf_reset(&d->esc);
	record_escape(&d->esc, d->gesture.s, d->gesture.len);
	return &d->esc;
}

/* The line of h. */
static void
emit(struct due *d, const struct hit *h, struct record_out *w)
{
	struct written *wr = &d->wr;
	if (h->act != wr->act) {
		wr->act = h->act;
		date_format(date_from_days(h->act), wr->acts);
	}
	if (hit_day(h) != wr->day) {
		wr->day = hit_day(h);
		wr->date = date_from_days(wr->day);
		date_format(wr->date, wr->dates);
	}
	const char *act = wr->acts, *date = wr->dates;
	const struct buf *g = expand_hit(d, h, wr->date, date);
	size_t sourcelen;
	const char *source = hit_source(d, h, &sourcelen);
	const char *id = h->id;
	record_put_due(w, &(struct record_due){
	    .kind = h->act < d->today ? RECORD_OVERDUE : RECORD_DUE,
	    .act = act, .date = date, .id = id,
	    .occasion = hit_rule(d, h)->o->name,
	    .gesture = g->s, .source = source,
	    .idlen = strlen(id), .gesturelen = g->len,
	    .sourcelen = sourcelen});
}

/* The lines into out; with fp, written there a block at a time. */
static void
finish(struct due *d, struct buf *out, FILE *fp)
{
	if (d->finished)
		return;
	d->finished = true;
	keep_pending(d);
	for (size_t i = 0; i < d->nall; i++)
		if (kin(d->all[i])->nmark > 1)
			qsort(d->all[i]->kin->mark, d->all[i]->kin->nmark,
			    sizeof *d->all[i]->kin->mark, mark_cmp);
	/* Client by client (its persons after it); the hits of one rule
	 * and client keep their order. */
	for (size_t i = 0; i < d->nall; i++) {
		const struct client *c = d->all[i];
		if (kin(c)->owner)
			continue;
		for (size_t k = 0; k < d->os->n; k++)
			apply(d, &d->rule[k], (uint32_t)i, 0);
		for (uint32_t j = 1; j <= kin(c)->nperson; j++)
			for (size_t k = 0; k < d->os->n; k++)
				apply(d, &d->rule[k], (uint32_t)i, j);
	}
	unsigned depth = 0;
	for (size_t n = d->nhit; n > 1; n /= 2)
		depth += 2;
	sort_hits(d, d->hit, d->nhit, depth);
	struct record_out w;
	record_out_init(&w, out, NULL);
	/* -p: the report reads the rules' planned costs from here. */
	for (size_t k = 0; d->opt.pass && k < d->os->n; k++) {
		const struct occasion *o = d->os->v[k];
		char amount[MONEY_BUFSZ];
		if (o->has_plan)
			record_put_plan(&w, o->name,
			    money_format(o->plan.cents, amount),
			    o->plan.currency, o->source);
	}
	for (size_t i = 0; i < d->nhit; i++) {
		emit(d, &d->hit[i], &w);
		if (fp && out->len >= DUE_BLOCK) {
			fwrite(out->s, 1, out->len, fp);
			buf_reset(out);
		}
	}
	if (fp && out->len)
		fwrite(out->s, 1, out->len, fp);
	record_out_free(&w);
}

void
due_finish(struct due *d, struct buf *out)
{
	finish(d, out, NULL);
}

void
due_write(struct due *d, FILE *fp)
{
	struct buf out = {0};
	finish(d, &out, fp);
	buf_free(&out);
}
