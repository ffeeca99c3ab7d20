/* due.c: the due engine (SPEC "Due gestures").
 *
 * Day numbers (date.h) throughout: an occasion is DATE, its act date
 * ACT = DATE - LEAD moved back to Friday from a weekend.  Entries after
 * TODAY are dropped as they are read, so every entry kept is <= TODAY. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "due.h"
#include "gesture.h"
#include "hash.h"
#include "record.h"
#include "text.h"

struct field {
	char *value, *source;
	struct date date;
	bool dated;
};

struct entry {
	long day;
	size_t idx;		/* input order within the client */
	char *text, *source;
	char *tags;		/* NUL-separated, ntag of them */
	size_t ntag;
};

/* One tag of one entry; a client's are sorted by tag, day, idx. */
struct tref {
	const char *tag;
	long day;
	size_t idx;
};

struct client {
	char *id, *name, *source;
	bool named;		/* a client record was read */
	struct hash fields;	/* key → struct field * */
	struct entry *ent;
	size_t nent, cap;
	struct tref *tref;
	size_t ntref;
	const struct entry *latest;	/* by date, then input order */
	const struct entry *last;	/* the same, without occasion tags */
};

struct hit {
	long act, day;
	const struct client *c;
	const struct occasion *o;
	const struct entry *trigger;	/* #TAG+N */
	const char *source;
	int years;			/* 0: none */
	bool overdue;
	size_t seq;
};

struct due {
	const struct occasions *os;
	struct due_opts opt;
	long today, dmin, dmax;
	struct hash clients;	/* id → struct client * */
	struct client **cl;	/* in order of first appearance */
	size_t ncl, capcl;
	struct hit *hit;
	size_t nhit, caphit;
	bool finished;
};

struct due *
due_new(const struct occasions *os, const struct due_opts *o)
{
	struct due *d = xcalloc(1, sizeof *d);
	d->os = os;
	d->opt = *o;
	d->today = date_to_days(o->today);
	d->dmin = date_to_days((struct date){1, 1, 1});
	d->dmax = date_to_days((struct date){9999, 12, 31});
	return d;
}

static void
client_free(struct client *c)
{
	for (size_t i = 0; i < c->fields.cap; i++) {
		struct field *f = c->fields.slot[i].val;
		if (c->fields.slot[i].key && f) {
			free(f->value);
			free(f->source);
			free(f);
		}
	}
	hash_free(&c->fields);
	for (size_t i = 0; i < c->nent; i++) {
		free(c->ent[i].text);
		free(c->ent[i].source);
		free(c->ent[i].tags);
	}
	free(c->ent);
	free(c->tref);
	free(c->id);
	free(c->name);
	free(c->source);
	free(c);
}

void
due_free(struct due *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->ncl; i++)
		client_free(d->cl[i]);
	free(d->cl);
	hash_free(&d->clients);
	free(d->hit);
	free(d);
}

/* The client id, created on its first record. */
static struct client *
client_get(struct due *d, const char *id, const char *source)
{
	void **slot = hash_put(&d->clients, id);
	if (*slot)
		return *slot;
	struct client *c = xcalloc(1, sizeof *c);
	c->id = xstrdup(id);
	c->name = xstrdup(id);
	c->source = xstrdup(source);
	*slot = c;
	if (d->ncl == d->capcl) {
		d->capcl = d->capcl ? d->capcl * 2 : 64;
		d->cl = xrealloc(d->cl, d->capcl * sizeof *d->cl);
	}
	d->cl[d->ncl++] = c;
	return c;
}

static void
add_field(struct client *c, const char *const *f)
{
	char *key = key_normalize(f[2], strlen(f[2]));
	struct field *fl = xcalloc(1, sizeof *fl);
	fl->dated = date_parse_iso(f[3], &fl->date, true) == 0;
	fl->value = xstrdup(f[4]);
	fl->source = xstrdup(f[5]);
	void **slot = hash_put(&c->fields, key);
	struct field *old = *slot;
	if (old) {
		free(old->value);
		free(old->source);
		free(old);
	}
	*slot = fl;
	free(key);
}

/* "a, B,c" → "a\0b\0c\0", lowercased, empty items dropped. */
static char *
split_tags(const char *s, size_t *ntag)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	size_t o = 0;
	*ntag = 0;
	while (*s) {
		size_t len = strcspn(s, ",");
		size_t tl = len;
		const char *t = trim(s, &tl);
		if (tl) {
			for (size_t i = 0; i < tl; i++) {
				char ch = t[i];
				out[o++] = ch >= 'A' && ch <= 'Z' ?
				    (char)(ch - 'A' + 'a') : ch;
			}
			out[o++] = '\0';
			(*ntag)++;
		}
		s += len;
		if (*s)
			s++;
	}
	return out;
}

static void
add_entry(struct due *d, struct client *c, const char *const *f)
{
	struct date dt;
	if (date_parse_iso(f[2], &dt, false) < 0)
		return;
	long day = date_to_days(dt);
	if (day > d->today)
		return;		/* a plan: no rule reads it */
	if (c->nent == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->ent = xrealloc(c->ent, c->cap * sizeof *c->ent);
	}
	struct entry *e = &c->ent[c->nent];
	e->day = day;
	e->idx = c->nent++;
	e->tags = split_tags(f[5], &e->ntag);
	e->text = xstrdup(f[6]);
	e->source = xstrdup(f[7]);
}

void
due_add(struct due *d, size_t nf, const char *const *f, const char *file,
    long line)
{
	if (nf < 1)
		return;
	size_t want = strcmp(f[0], "client") == 0 ? 4 :
	    strcmp(f[0], "field") == 0 ? 6 :
	    strcmp(f[0], "entry") == 0 ? 8 : 0;
	if (!want || nf != want)
		return;
	if (!*f[1]) {
		diag_error(file, line, "%s record without a client id: "
		    "write the id in its second field", f[0]);
		return;
	}
	struct client *c = client_get(d, f[1], f[nf - 1]);
	if (want == 4) {
		if (!c->named) {
			free(c->name);
			free(c->source);
			c->name = xstrdup(f[2]);
			c->source = xstrdup(f[3]);
			c->named = true;
		}
	} else if (want == 6) {
		add_field(c, f);
	} else {
		add_entry(d, c, f);
	}
}

void
due_read(FILE *fp, const char *name, void *arg)
{
	struct due *d = arg;
	struct record_reader *r = record_reader_new(fp, name);
	struct record rec;
	while (record_next(r, &rec) == 1) {
		if (d->opt.pass) {
			fwrite(rec.raw, 1, rec.rawlen, d->opt.pass);
			putc('\n', d->opt.pass);
		}
		due_add(d, rec.nf, (const char *const *)rec.f, rec.file,
		    rec.line);
	}
	record_reader_free(r);
}

static int
tref_cmp(const void *a, const void *b)
{
	const struct tref *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);
	if (c)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort the client's tags once; find its latest entries. */
static void
index_client(const struct occasions *os, struct client *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nent; i++)
		n += c->ent[i].ntag;
	c->tref = n ? xmalloc(n * sizeof *c->tref) : NULL;
	c->ntref = 0;
	for (size_t i = 0; i < c->nent; i++) {
		const struct entry *e = &c->ent[i];
		bool occ = false;
		const char *t = e->tags;
		for (size_t k = 0; k < e->ntag; k++, t += strlen(t) + 1) {
			c->tref[c->ntref++] = (struct tref){t, e->day, e->idx};
			occ = occ || occasions_has(os, t);
		}
		if (!c->latest || e->day >= c->latest->day)
			c->latest = e;
		if (!occ && (!c->last || e->day >= c->last->day))
			c->last = e;
	}
	if (c->ntref > 1)
		qsort(c->tref, c->ntref, sizeof *c->tref, tref_cmp);
}

/* The index of the first tref of c at or after (tag, day). */
static size_t
tref_find(const struct client *c, const char *tag, long day)
{
	size_t lo = 0, hi = c->ntref;
	struct tref key = {tag, day, 0};
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tref_cmp(&c->tref[mid], &key) < 0)
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
    const struct entry *trigger)
{
	for (size_t i = tref_find(c, name, from);
	    i < c->ntref && strcmp(c->tref[i].tag, name) == 0; i++)
		if (!trigger || c->tref[i].idx != trigger->idx)
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

static bool
filters_hold(const struct occasion *o, const struct client *c)
{
	for (size_t i = 0; i < o->nfilter; i++) {
		const struct field *f = hash_get(&c->fields, o->filter[i].key);
		if (!f || !has_item(f->value, o->filter[i].value))
			return false;
	}
	return true;
}

static void
add_hit(struct due *d, struct hit h)
{
	if (d->nhit == d->caphit) {
		d->caphit = d->caphit ? d->caphit * 2 : 64;
		d->hit = xrealloc(d->hit, d->caphit * sizeof *d->hit);
	}
	d->hit[d->nhit++] = h;
}

/* One occasion on day DATE: keep it when it is due or overdue. */
static void
consider(struct due *d, const struct occasion *o, const struct client *c,
    long day, int years, const struct entry *trigger, const char *source)
{
	long act = day - o->lead;
	if (day > d->dmax || act < d->dmin)
		return;
	int wd = date_weekday(date_from_days(act));
	act -= wd == 6 ? 1 : wd == 0 ? 2 : 0;
	if (act < d->dmin)
		return;
	bool due = act >= d->today && act <= d->today + d->opt.window;
	bool overdue = act < d->today &&
	    (o->when == OCC_LAST || day >= d->today - d->opt.grace);
	if (!due && !overdue)
		return;
	if (o->when != OCC_LAST && done(c, o->name,
	    trigger ? trigger->day : day - o->lead - 30, trigger))
		return;
	add_hit(d, (struct hit){act, day, c, o, trigger, source, years,
	    overdue, d->nhit});
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A yearly occasion on month m, day dd of a field dated in year fy (0:
 * no year, or no field).  Only the years whose DATE can be due or
 * overdue: TODAY - GRACE <= DATE <= TODAY + WINDOW + LEAD + 2 (ACT is at
 * most 2 days before DATE - LEAD). */
static void
yearly(struct due *d, const struct occasion *o, const struct client *c,
    int m, int dd, int fy, const char *source)
{
	long lo = d->today - d->opt.grace;
	long hi = d->today + d->opt.window + o->lead + 2;
	if (lo < d->dmin)
		lo = d->dmin;
	if (hi > d->dmax)
		hi = d->dmax;
	if (lo > hi)
		return;
	int y1 = date_from_days(hi).y;
	for (int y = date_from_days(lo).y; y <= y1; y++) {
		int years = fy ? y - fy : 0;
		if (fy && years < 1)
			continue;
		if (o->every && years % o->every)
			continue;
		if (o->nyears && !bsearch(&years, o->years, o->nyears,
		    sizeof *o->years, int_cmp))
			continue;
		consider(d, o, c, date_to_days(date_in_year(y, m, dd)), years,
		    NULL, source);
	}
}

static void
apply(struct due *d, const struct occasion *o, const struct client *c)
{
	if (!filters_hold(o, c))
		return;
	switch (o->when) {
	case OCC_FIELD: {
		const struct field *f = hash_get(&c->fields, o->key);
		if (!f || !f->dated || ((o->every || o->nyears) && !f->date.y))
			return;
		yearly(d, o, c, f->date.m, f->date.d, f->date.y, f->source);
		break;
	}
	case OCC_YEARLY:
		yearly(d, o, c, o->date.m, o->date.d, 0, o->source);
		break;
	case OCC_ONCE:
		consider(d, o, c, date_to_days(o->date), 0, NULL, o->source);
		break;
	case OCC_TAG: {
		for (size_t i = tref_find(c, o->key, d->dmin - 1);
		    i < c->ntref && strcmp(c->tref[i].tag, o->key) == 0; i++) {
			const struct entry *e = &c->ent[c->tref[i].idx];
			consider(d, o, c, e->day + o->days, 0, e, e->source);
		}
		break;
	}
	case OCC_LAST:
		if (c->latest)
			consider(d, o, c, c->latest->day + o->days, 0, NULL,
			    c->latest->source);
		else	/* never contacted: due today, whatever the lead
			 * or the weekday (not overdue on a Saturday) */
			add_hit(d, (struct hit){d->today, d->today, c, o,
			    NULL, c->source, 0, false, d->nhit});
		break;
	}
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	int r;
	if (x->act != y->act)
		return x->act < y->act ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if ((r = strcmp(x->c->id, y->c->id)) != 0)
		return r;
	if ((r = strcmp(x->o->name, y->o->name)) != 0)
		return r;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const char *
field_value(const char *key, void *arg)
{
	const struct client *c = arg;
	const struct field *f = hash_get(&c->fields, key);
	return f ? f->value : NULL;
}

static void
emit(const struct hit *h, struct buf *out, struct buf *g, struct buf *yrs)
{
	char act[DATE_BUFSZ], date[DATE_BUFSZ];
	date_format(date_from_days(h->act), act);
	date_format(date_from_days(h->day), date);
	buf_reset(yrs);
	if (h->years)
		buf_printf(yrs, "%d", h->years);
	struct gesture_vals v = {
		.client = h->c->name, .id = h->c->id,
		.years = h->years ? yrs->s : NULL, .date = date,
		.entry = h->trigger ? h->trigger->text : NULL,
		.last = h->c->last ? h->c->last->text : NULL,
		.field = field_value, .arg = (void *)h->c,
	};
	buf_reset(g);
	gesture_expand(&h->o->gesture, &v, g);
	const char *f[7] = {h->overdue ? "overdue" : "due", act, date,
	    h->c->id, h->o->name, g->s ? g->s : "", h->source};
	record_format(out, 7, f);
}

void
due_finish(struct due *d, struct buf *out)
{
	if (d->finished)
		return;
	d->finished = true;
	for (size_t i = 0; i < d->ncl; i++)
		index_client(d->os, d->cl[i]);
	for (size_t k = 0; k < d->os->n; k++)
		for (size_t i = 0; i < d->ncl; i++)
			apply(d, d->os->v[k], d->cl[i]);
	if (d->nhit > 1)
		qsort(d->hit, d->nhit, sizeof *d->hit, hit_cmp);
	struct buf g = {0}, yrs = {0};
	for (size_t i = 0; i < d->nhit; i++)
		emit(&d->hit[i], out, &g, &yrs);
	buf_free(&g);
	buf_free(&yrs);
}
