/* report.c: aggregation and layout of the nightly report.
 *
 * Layout: the first line is the summary; then each section that is not
 * empty, after a blank line, under a heading that starts in column 1 (an
 * upper-case word, sometimes followed by details), its lines indented.
 * Only headings and the summary start in column 1, so a script can find a
 * section with grep '^OVERDUE$'.  Money is integer cents throughout.
 *
 * Clients, persons and occasions are ranked once in the report's order
 * (strings compared once each), and the lists are then sorted by those
 * ranks and day numbers: no string comparison a comparison of the sort.
 * What lives as long as the report (clients, persons, gestures, names)
 * is in one arena; strings kept by a hash table are used from there. */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "gifts.h"
#include "hash.h"
#include "money.h"
#include "record.h"
#include "report.h"
#include "slug.h"
#include "text.h"
#include "wrap.h"

struct vec {
	void **v;
	size_t n, cap;
};

static void
vec_push(struct vec *v, void *p)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		if (cap > (size_t)-1 / sizeof *v->v)
			die_oom();
		v->v = xrealloc(v->v, cap * sizeof *v->v);
		v->cap = cap;
	}
	v->v[v->n++] = p;
}

/* A list in order already (tact-due writes its lines in the order of
 * the report) is found so in one pass, and not sorted. */
static void
vec_sort(struct vec *v, int (*cmp)(const void *, const void *))
{
	size_t i = 1;
	while (i < v->n && cmp(&v->v[i - 1], &v->v[i]) <= 0)
		i++;
	if (i < v->n)
		qsort(v->v, v->n, sizeof *v->v, cmp);
}

/* A recipient's planned costs, summed while writing (warn_limit). */
struct planned {
	int year;		/* the business year they fall in */
	long long cents;
};

/* A million of them are held at once: 32 bytes each, its name squeezed
 * for showing (shown_client) each time it is shown unless it is shown as
 * it is, its planned costs only while warn_limit sums them. */
struct client {
	const char *id;		/* in the arena */
	const char *name;	/* of the first client record, or NULL */
	uint32_t last;		/* the latest entry up to TODAY, when
				 * has_last: date_pack */
	uint32_t rank;		/* in the order of cmp_keyed */
	uint32_t sum;		/* 1 + the index of its sum row in this
				 * year's ledger; 0: none */
	uint16_t width;		/* of its name, when plain */
	bool has_last;
	bool plain;		/* its name is shown as it is (found when
				 * it is first shown) */
};

/* A person of a client (a person id "CLIENT/SLUG"). */
struct person {
	const char *id;		/* kept by the persons table */
	const char *name;	/* of the first person record, or NULL */
	struct client *c;
	size_t rank;		/* by id */
	struct planned plan;
	const struct gifts_row *sum;	/* this year's, or NULL */
};

/* An occasion's name, once for all its gestures. */
struct occasion {
	const char *name;	/* kept by the occasions table */
	size_t rank;		/* by name */
	const struct money *plan;	/* its planned cost, or NULL */
};

/* A recipient's year in a ledger: its sum row and what the report adds. */
struct sum {
	const struct gifts_row *row;
	struct client *c;
	struct person *p;	/* a person's sum, else NULL */
	size_t seq;		/* the ledger's order */
};

/* One gesture text, its number of gestures and, when three or more, the
 * distinct recipients it goes to (collect_recipients): the first gesture
 * of each client and of each person, a run of the report's recipv. */
struct repeat {
	const char *text;	/* kept by the texts table */
	size_t seq;
	size_t n;
	size_t first, nrecip;	/* its run recipv.v[first..first + nrecip) */
	size_t group, member;	/* the last group it is in (its number)
				 * and its first member there (link_parts) */
	bool warned;
};

/* A due or overdue line, kept as numbers and pointers to what it
 * shares with others: its dates as day numbers, its text in its repeat,
 * its recipient a client or a person (which knows its client), its
 * occasion a number (32 bytes: 1.4 million at a million clients). */
struct gesture {
	union {
		struct client *c;
		struct person *p;
	} to;			/* the person when person, else the client */
	struct repeat *rep;	/* its text; NULL for an empty text */
	uint32_t occ;		/* its occasion's index in occasionv: in
				 * input order, from rank on its rank */
	int32_t actday, dateday;	/* the act date and date as day
					 * numbers */
	uint32_t seq : 30;	/* input order */
	uint32_t overdue : 1;
	uint32_t person : 1;	/* a person's gesture */
};

#define GESTURES_MAX ((size_t)1 << 30)	/* seq's room */

/* The client a gesture is for (a person's gesture: the person's). */
static struct client *
client_to(const struct gesture *g)
{
	return g->person ? g->to.p->c : g->to.c;
}

/* The person of a person's gesture, else NULL. */
static struct person *
person_to(const struct gesture *g)
{
	return g->person ? g->to.p : NULL;
}

struct month {
	int y, m;
	size_t entries, gifts;
};

struct report {
	struct report_opts o;
	long today;		/* day number of TODAY */
	struct arena a;		/* clients, persons, gestures, names */
	struct hash_index clients;	/* id → index in clientv; freed
					 * before rank reorders it */
	struct vec clientv;	/* in the order they come, then (rank) in
				 * the report's */
	struct client *lastc;	/* the client found last */
	struct buf lastid;	/* its id, here: the client may be far in
				 * memory (a due line's), its id is not */
	bool lastslash;		/* a '/' in it (a client record's id) */
	struct hash persons;	/* person id → struct person */
	struct vec personv;
	struct hash occasions;	/* name → struct occasion */
	struct vec occasionv;
	struct gifts *gifts;	/* the ledger of this business year */
	struct gifts *prev;	/* of the previous one, in the first two
				 * months of this one; else NULL */
	struct vec sumv, prevv;	/* struct sum, this year's and the last's */
	struct hash texts;	/* gesture text → struct repeat */
	struct vec repeatv;
	struct vec recipv;	/* the repeats' recipients (struct gesture) */
	struct hash plans;	/* occasion → struct money, its planned
				 * cost (of its last plan record) */
	struct vec planv;
	struct vec gestures;
	struct month month[12];	/* the 12 months ending with TODAY's */
	struct buf key;
	struct buf tmp;		/* scratch for a name to show */
	size_t groups;		/* groups written so far (link_parts) */
	bool checked;		/* records come from the reader, which
				 * checked their dates and amounts */
	FILE *fp;		/* report_print's: where the report goes a
				 * part at a time (spill), else NULL */
};

/* A gesture's occasion (from rank on: occ is its rank). */
static const struct occasion *
occasion_to(const struct report *r, const struct gesture *g)
{
	return r->occasionv.v[g->occ];
}

struct report *
report_new(const struct report_opts *o)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->o = *o;
	r->today = date_to_days(o->today);
	struct gifts_opts go = {.today = o->today, .limit = o->limit,
	    .start_m = o->start_m, .start_d = o->start_d, .sums = true};
	memcpy(go.currency, o->currency, sizeof go.currency);
	go.currency[3] = '\0';
	r->gifts = gifts_new(&go);
	/* The first two months: TODAY before start + 2 months. */
	struct date s = gifts_start(r->gifts);
	int y = s.y, m = s.m + 2;
	if (m > 12) {
		m -= 12;
		y++;
	}
	int d = s.d < date_month_days(y, m) ? s.d : date_month_days(y, m);
	if (s.y > 1 && date_cmp(o->today, (struct date){y, m, d}) < 0) {
		go.year = s.y - 1;
		r->prev = gifts_new(&go);
	}
	for (int i = 0; i < 12; i++) {
		int k = o->today.y * 12 + (o->today.m - 1) - (11 - i);
		r->month[i].y = k / 12;
		r->month[i].m = k % 12 + 1;
	}
	return r;
}

void
report_free(struct report *r)
{
	if (!r)
		return;
	gifts_free(r->gifts);
	gifts_free(r->prev);
	free(r->sumv.v);
	free(r->prevv.v);
	for (size_t i = 0; i < r->planv.n; i++)
		free(r->planv.v[i]);
	free(r->planv.v);
	hash_free(&r->plans);
	free(r->recipv.v);
	free(r->clientv.v);
	free(r->personv.v);
	free(r->occasionv.v);
	free(r->repeatv.v);
	free(r->gestures.v);
	hash_index_free(&r->clients);
	hash_free(&r->persons);
	hash_free(&r->occasions);
	hash_free(&r->texts);
	buf_free(&r->key);
	buf_free(&r->lastid);
	buf_free(&r->tmp);
	arena_free(&r->a);
	free(r);
}

static void *
new0(struct report *r, size_t size)
{
	return memset(arena_alloc(&r->a, size), 0, size);
}

static const char *
client_key(const void *r, size_t i)
{
	return ((struct client *)((const struct report *)r)->clientv.v[i])->id;
}

/* The client of the id key, made when new. */
static struct client *
clients_put(struct report *r, const char *key)
{
	size_t n = r->clientv.n;
	size_t i = hash_index_put(&r->clients, key, n, client_key, r);
	if (i < n)
		return r->clientv.v[i];
	struct client *c = new0(r, sizeof *c);
	c->id = arena_strdup(&r->a, key);
	vec_push(&r->clientv, c);
	return c;
}

/* The client of the id id[0..n), made when new.  The one found last is
 * tried first: a client's records come one after another. */
static struct client *
client_n(struct report *r, const char *id, size_t n)
{
	struct client *c;
	if (r->lastc && r->lastid.len == n && memcmp(r->lastid.s, id, n) == 0)
		return r->lastc;
	const char *key = id;
	if (id[n]) {
		buf_reset(&r->key);
		buf_add(&r->key, id, n);
		key = r->key.s;
	}
	c = clients_put(r, key);
	buf_reset(&r->lastid);
	buf_add(&r->lastid, id, n);
	r->lastslash = memchr(id, '/', n) != NULL;
	return r->lastc = c;
}

static struct client *
client(struct report *r, const char *id)
{
	return client_n(r, id, strlen(id));
}

/* The client an id belongs to: a person id "CLIENT/SLUG" to CLIENT.
 * The one found last is tried first: when its id has no '/' and starts
 * id, followed by the end or a '/', it is the one. */
static struct client *
client_of(struct report *r, const char *id)
{
	size_t n = r->lastid.len;
	if (r->lastc && !r->lastslash && strncmp(r->lastid.s, id, n) == 0 &&
	    (id[n] == '\0' || id[n] == '/'))
		return r->lastc;
	n = record_person_client_len(id);
	return n ? client_n(r, id, n) : client(r, id);
}

/* The person of a person id, NULL for a client id. */
static struct person *
person(struct report *r, const char *id)
{
	size_t n = record_person_client_len(id);
	if (!n)
		return NULL;
	const char *kept;
	void **slot = hash_put_kept(&r->persons, id, &kept);
	if (!*slot) {
		struct person *p = new0(r, sizeof *p);
		p->id = kept;
		p->c = client_n(r, id, n);
		*slot = p;
		vec_push(&r->personv, p);
	}
	return *slot;
}

/* The index in occasionv of the occasion name, made when new. */
static uint32_t
occasion(struct report *r, const char *name)
{
	const char *kept;
	void **slot = hash_put_kept(&r->occasions, name, &kept);
	if (!*slot) {
		if (r->occasionv.n >= UINT32_MAX)
			die_oom();
		struct occasion *o = new0(r, sizeof *o);
		o->name = kept;
		o->rank = r->occasionv.n;	/* its index until rank */
		*slot = o;
		vec_push(&r->occasionv, o);
	}
	return (uint32_t)((struct occasion *)*slot)->rank;
}

static const char *
display(const struct client *c)
{
	return c->name && *c->name ? c->name : c->id;
}

/* A person's name, else the SLUG of the id (the id when it is empty: a
 * due line's ID is not checked as a person record's is). */
static const char *
person_display(const struct person *p)
{
	if (p->name && *p->name)
		return p->name;
	const char *slug = p->id + record_person_client_len(p->id) + 1;
	return *slug ? slug : p->id;
}

/* A gesture's text, "" when empty. */
static const char *
text_of(const struct gesture *g)
{
	return g->rep ? g->rep->text : "";
}

/* A gesture's act date. */
static struct date
act_of(const struct gesture *g)
{
	return date_from_days(g->actday);
}

/* Whom a gesture is for, as the report names it: the client's display
 * name, and for a person's gesture " – " and the person's name. */
static void
name_of(struct buf *b, const struct client *c, const struct person *p)
{
	buf_adds(b, display(c));
	if (p) {
		buf_adds(b, " \xe2\x80\x93 ");
		buf_adds(b, person_display(p));
	}
}

static void
recipient(struct buf *b, const struct gesture *g)
{
	name_of(b, client_to(g), person_to(g));
}

/* The date "YYYY-MM-DD" of a record; -1 when bad.  The reader's records
 * were checked, so their dates are read digit by digit. */
static int
record_date(const struct report *r, const char *s, struct date *d)
{
	if (!r->checked)
		return date_parse_iso(s, d, false);
	*d = date_of_digits(s);
	return 0;
}

/* A record into the ledgers; id: its ID kept in the report, or NULL
 * (gifts_add_id). */
static void
ledger_add(struct report *r, const struct record *rec, const char *id)
{
	gifts_add_id(r->gifts, rec, id);
	if (r->prev)
		gifts_add_id(r->prev, rec, id);
}

static void
add_entry(struct report *r, const struct record *rec)
{
	char *const *f = rec->f;
	struct date d;
	long long cents = 0;
	const char *amount = f[ENTRY_AMOUNT], *cur = f[ENTRY_CURRENCY];
	bool gift = *amount != '\0';
	if (record_date(r, f[ENTRY_DATE], &d) != 0 || (gift && !r->checked &&
	    (money_parse(amount, &cents) != 0 || strlen(cur) != 3))) {
		ledger_add(r, rec, NULL);
		return;
	}
	struct client *c = client_of(r, f[ENTRY_ID]);
	/* the ledgers keep only gifts: their ids are the clients' */
	ledger_add(r, rec, gift && !strcmp(c->id, f[ENTRY_ID]) ? c->id : NULL);
	if (date_cmp(d, r->o.today) > 0)
		return;		/* a plan */
	uint32_t packed = date_pack(d);
	if (!c->has_last || packed > c->last) {
		c->last = packed;
		c->has_last = true;
	}
	long k = (long)d.y * 12 + (d.m - 1);
	long first = (long)r->month[0].y * 12 + (r->month[0].m - 1);
	if (k >= first && k < first + 12) {
		r->month[k - first].entries++;
		/* as the ledger counts it: gifts, untagged too */
		r->month[k - first].gifts += gift &&
		    gifts_kind_of(f[ENTRY_TAGS], NULL, NULL) == GIFTS_GIFT;
	}
}

/* plan OCCASION AMOUNT CURRENCY SOURCE: the planned cost of each gesture
 * of the rule OCCASION (the reader checked AMOUNT and CURRENCY). */
static void
add_plan(struct report *r, char *const *f)
{
	long long cents;
	if (money_parse(f[PLAN_AMOUNT], &cents) != 0 ||
	    strlen(f[PLAN_CURRENCY]) != 3)
		return;
	void **slot = hash_put(&r->plans, f[PLAN_OCCASION]);
	struct money *m = *slot;
	if (!m) {
		m = xcalloc(1, sizeof *m);
		*slot = m;
		vec_push(&r->planv, m);
	}
	m->cents = cents;
	memcpy(m->currency, f[PLAN_CURRENCY], 4);
}

static void
add_gesture(struct report *r, char *const *f, bool overdue)
{
	struct date act, date;
	if (record_date(r, f[DUE_ACT], &act) != 0 ||
	    record_date(r, f[DUE_DATE], &date) != 0)
		return;
	if (r->gestures.n >= GESTURES_MAX)
		die_oom();	/* seq */
	struct gesture *g = new0(r, sizeof *g);
	g->overdue = overdue;
	g->actday = (int32_t)date_to_days(act);
	g->dateday = (int32_t)date_to_days(date);
	struct person *p = person(r, f[DUE_ID]);
	g->person = p != NULL;
	if (p)
		g->to.p = p;
	else
		g->to.c = client(r, f[DUE_ID]);
	g->occ = occasion(r, f[DUE_OCCASION]);
	g->seq = (uint32_t)r->gestures.n;
	vec_push(&r->gestures, g);
	if (!*f[DUE_GESTURE])
		return;
	const char *kept;
	void **slot = hash_put_kept(&r->texts, f[DUE_GESTURE], &kept);
	if (!*slot) {
		struct repeat *p = new0(r, sizeof *p);
		p->text = kept;
		p->seq = r->repeatv.n;
		*slot = p;
		vec_push(&r->repeatv, p);
	}
	g->rep = *slot;
	g->rep->n++;
}

void
report_add(struct report *r, const struct record *rec)
{
	char *const *f = rec->f;
	/* The ledgers get no client records: the report names clients
	 * itself and orders the sums by its own ranking of clients, so
	 * their names (the ledger's order of clients) are not needed; a
	 * client's persons keep their order by name. */
	if (rec->kind == RECORD_PERSON || rec->kind == RECORD_CONCERNS)
		ledger_add(r, rec, NULL);	/* entries: add_entry */
	switch (rec->kind) {
	case RECORD_CLIENT: {
		struct client *c = client(r, f[CLIENT_ID]);
		if (!c->name)
			c->name = arena_strdup(&r->a, f[CLIENT_NAME]);
		break;
	}
	case RECORD_PERSON: {
		struct person *p = person(r, f[PERSON_ID]);
		if (p && !p->name)
			p->name = arena_strdup(&r->a, f[PERSON_NAME]);
		break;
	}
	case RECORD_FIELD:	/* a person's fields: its client's */
		client_of(r, f[FIELD_ID]);
		break;
	case RECORD_CONCERNS:
		client_of(r, f[CONCERNS_ID]);
		break;
	case RECORD_ENTRY:
		add_entry(r, rec);
		break;
	case RECORD_DUE:
	case RECORD_OVERDUE:
		add_gesture(r, f, rec->kind == RECORD_OVERDUE);
		break;
	case RECORD_PLAN:
		add_plan(r, f);
		break;
	case RECORD_UNKNOWN:
		break;
	}
}

static void
add_record(void *r, const struct record *rec)
{
	report_add(r, rec);
}

void
report_read(FILE *fp, const char *name, void *r)
{
	struct report *rep = r;
	rep->checked = true;
	record_read_each(fp, name, add_record, r);
	rep->checked = false;
}

void
report_rates_read(struct report *r, FILE *fp, const char *name)
{
	gifts_rates_read(r->gifts, fp, name);
	if (r->prev)
		gifts_rates_copy(r->prev, r->gifts);
}

/* Writing. */

static const char *const wday[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};

/* A client and its sort key (made for the sort only), side by side;
 * head is the key's first 8 bytes as a number that orders as they do,
 * so most comparisons compare two numbers. */
struct keyed {
	uint64_t head;
	const char *key;
	struct client *c;
};

static uint64_t
head_of(const char *key)
{
	uint64_t h = 0;
	size_t i = 0;
	for (; i < 8 && key[i]; i++)
		h = h << 8 | (unsigned char)key[i];
	return i ? h << 8 * (8 - i) : 0;	/* a shift by 64 is undefined */
}

/* Clients in the order people expect: by the slug of the display name
 * ("Bäckerei" as "baeckerei", case ignored), then the name, then the id. */
static int
cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	if (a->head != b->head)
		return a->head < b->head ? -1 : 1;
	int d = strcmp(a->key, b->key);
	if (!d)
		d = strcmp(display(a->c), display(b->c));
	return d ? d : strcmp(a->c->id, b->c->id);
}

static int
cmp_person_ids(const void *pa, const void *pb)
{
	const struct person *a = *(void *const *)pa, *b = *(void *const *)pb;
	return strcmp(a->id, b->id);
}

static int
cmp_occasion_names(const void *pa, const void *pb)
{
	const struct occasion *a = *(void *const *)pa, *b = *(void *const *)pb;
	return strcmp(a->name, b->name);
}

/* A client and the head of its sort key: what the clients are sorted
 * by first (16 bytes, no key kept). */
struct headed {
	uint64_t head;
	struct client *c;
};

static int
cmp_headed(const void *pa, const void *pb)
{
	const struct headed *a = pa, *b = pb;
	return a->head < b->head ? -1 : a->head > b->head;
}

static void
head_key(struct headed *h, struct client *c)
{
	char *key = slug_make(display(c), strlen(display(c)));
	*h = (struct headed){head_of(key), c};
	free(key);
}

/* The clients h[0..n) of one head in the order of cmp_keyed: their keys
 * made again, for them only. */
static void
sort_run(struct headed *h, size_t n)
{
	struct keyed *k = xmalloc(n * sizeof *k);
	struct arena keys = {0};	/* not a malloc a key */
	for (size_t i = 0; i < n; i++) {
		char *key = slug_make(display(h[i].c), strlen(display(h[i].c)));
		k[i] = (struct keyed){h[i].head, arena_strdup(&keys, key), h[i].c};
		free(key);
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < n; i++)
		h[i].c = k[i].c;
	free(k);
	arena_free(&keys);
}

/* Rank the clients in the order of cmp_keyed: by the heads of their keys,
 * then each run of one head by its keys.  The keys of a million clients
 * are not held at once. */
static void
rank_clients(struct report *r)
{
	size_t n = r->clientv.n;
	struct headed *h = xmalloc((n ? n : 1) * sizeof *h);
	for (size_t i = 0; i < n; i++)
		head_key(&h[i], r->clientv.v[i]);
	qsort(h, n, sizeof *h, cmp_headed);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && h[j].head == h[i].head; j++)
			;
		if (j - i > 1)
			sort_run(h + i, j - i);
	}
	for (size_t i = 0; i < n; i++) {
		r->clientv.v[i] = h[i].c;
		h[i].c->rank = (uint32_t)i;
	}
	free(h);
}

/* Rank the clients (cmp_keyed), the persons (by id) and the occasions
 * (by name), once, and give each gesture its recipient's ranks: the
 * sorts below compare the ranks. */
static void
rank(struct report *r)
{
	rank_clients(r);
	vec_sort(&r->personv, cmp_person_ids);
	for (size_t i = 0; i < r->personv.n; i++)
		((struct person *)r->personv.v[i])->rank = i;
	/* A gesture's occasion goes from its index to its rank. */
	size_t no = r->occasionv.n;
	struct occasion **byindex = xmalloc((no ? no : 1) * sizeof *byindex);
	if (no)	/* with none the vector is NULL */
		memcpy(byindex, r->occasionv.v, no * sizeof *byindex);
	vec_sort(&r->occasionv, cmp_occasion_names);
	for (size_t i = 0; i < no; i++)
		((struct occasion *)r->occasionv.v[i])->rank = i;
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct gesture *g = r->gestures.v[i];
		g->occ = (uint32_t)byindex[g->occ]->rank;
	}
	free(byindex);
}

static int
cmp_size(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_long(long a, long b)
{
	return a < b ? -1 : a > b;
}

/* Gestures by recipient: the client, then its persons after the client
 * itself, by id (its SLUG is made from the name, as client ids are). */
static int
cmp_recipient_of(const struct gesture *a, const struct gesture *b)
{
	int d = cmp_size(client_to(a)->rank, client_to(b)->rank);
	return d ? d : cmp_size(a->person ? 1 + a->to.p->rank : 0,
	    b->person ? 1 + b->to.p->rank : 0);
}

/* Gestures by act date, occasion date and occasion, so that one
 * occasion's gestures of one day are neighbours (write_gestures groups
 * them), then by recipient, then in input order. */
static int
cmp_gesture(const void *pa, const void *pb)
{
	const struct gesture *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d;
	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((d = cmp_long(a->actday, b->actday)) ||
	    (d = cmp_long(a->dateday, b->dateday)) ||
	    (d = cmp_size(a->occ, b->occ)) ||
	    (d = cmp_recipient_of(a, b)))
		return d;
	return cmp_size(a->seq, b->seq);
}

/* Sums by client as the report orders them, then in the ledger's order
 * (the client's own first, then its persons by name). */
static int
cmp_sum(const void *pa, const void *pb)
{
	const struct sum *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = cmp_size(a->c->rank, b->c->rank);
	return d ? d : cmp_size(a->seq, b->seq);
}

/* The packed date of a client's last entry (date_pack); LONG_MIN:
 * never. */
static long
last_packed(const struct client *c)
{
	return c->has_last ? c->last : LONG_MIN;
}

/* No entry for more than the quiet days, or none at all. */
static bool
is_quiet(const struct report *r, const struct client *c)
{
	return !c->has_last ||
	    r->today - date_to_days(date_unpack(c->last)) > r->o.quiet;
}

/* Quiet clients: never contacted first, then the longest quiet. */
static int
cmp_quiet(const void *pa, const void *pb)
{
	const struct client *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = cmp_long(last_packed(a), last_packed(b));
	return d ? d : cmp_size(a->rank, b->rank);
}

/* The gestures of one text by recipient, then in input order. */
static int
cmp_text_recipient(const void *pa, const void *pb)
{
	const struct gesture *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = cmp_size(a->rep->seq, b->rep->seq);
	if (!d)
		d = cmp_recipient_of(a, b);
	return d ? d : cmp_size(a->seq, b->seq);
}

/* The recipients of each text of three or more gestures, in the order of
 * cmp_recipient_of: the gestures of such texts sorted by text and recipient,
 * and the first of each recipient kept. */
static void
collect_recipients(struct report *r)
{
	struct vec *v = &r->recipv;
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct gesture *g = r->gestures.v[i];
		if (g->rep && g->rep->n >= 3)
			vec_push(v, g);
	}
	vec_sort(v, cmp_text_recipient);
	size_t kept = 0;	/* v->v[0..kept): the recipients so far */
	for (size_t i = 0; i < v->n; i++) {
		struct gesture *g = v->v[i], *prev = kept ? v->v[kept - 1] : NULL;
		if (prev && prev->rep == g->rep && !cmp_recipient_of(prev, g))
			continue;
		if (!prev || prev->rep != g->rep)
			g->rep->first = kept;
		g->rep->nrecip++;
		v->v[kept++] = g;
	}
	v->n = kept;
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Append a buffer's text as a paragraph and empty the buffer. */
static void
para(struct buf *out, struct buf *t, size_t first, size_t hang)
{
	wrap_para(out, t->s ? t->s : "", t->len, REPORT_WIDTH, first, hang);
	buf_reset(t);
}

/* The report in out so far written to r->fp, when there is one and out
 * holds enough: the report is written a part at a time, not held whole. */
#define SPILL_AT 65536

static void
spill(const struct report *r, struct buf *out)
{
	if (r->fp && out->len >= SPILL_AT) {
		fwrite(out->s, 1, out->len, r->fp);
		buf_reset(out);
	}
}

/* A table row: the name shown[0..n) (squeezed) in a column of namew,
 * indented by 2 and, when longer, wrapped in its column with a hanging
 * indent of 2; then two spaces and right on its last line. */
static void
row(struct buf *out, const char *shown, size_t n, size_t namew,
    const char *right)
{
	size_t pos = 0, hang = 0;
	for (;;) {
		size_t cols = namew > hang ? namew - hang : 1;
		size_t rest, len = wrap_next(shown + pos, n - pos, cols, &rest);
		wrap_spaces(out, 2 + hang);
		if (pos + rest < n) {
			buf_add(out, shown + pos, len);
			buf_addc(out, '\n');
			pos += rest;
			hang = namew > 2 ? 2 : 0;
			continue;
		}
		wrap_pad(out, shown + pos, len, cols);
		buf_add(out, "  ", 2);
		buf_adds(out, right);
		while (out->len && out->s[out->len - 1] == ' ')
			out->len--;
		buf_addc(out, '\n');
		break;
	}
}

/* A client's display name as the report shows it (wrap_squeeze: escapes
 * are wider than what they show), in b; its width in columns.  Most names
 * are shown as they are: found once, they are copied after. */
static size_t
shown_client(struct buf *b, struct client *c)
{
	const char *name = display(c);
	size_t n = strlen(name);
	buf_reset(b);
	if (c->plain) {
		buf_add(b, name, n);
		return c->width;
	}
	wrap_squeeze(b, name, n);
	size_t w = wrap_width(b->s, b->len);
	if (b->len == n && (!n || !memcmp(b->s, name, n)) && w <= UINT16_MAX) {
		c->plain = true;
		c->width = (uint16_t)w;
	}
	return w;
}

/* The name of a sum's recipient as the report shows it, in b; its
 * width. */
static size_t
shown_recipient(struct report *r, struct buf *b, const struct sum *s)
{
	if (!s->p)
		return shown_client(b, s->c);
	buf_reset(b);
	buf_reset(&r->tmp);
	name_of(&r->tmp, s->c, s->p);
	wrap_squeeze(b, r->tmp.s, r->tmp.len);
	return wrap_width(b->s, b->len);
}

/* s right-aligned in w bytes, as printf's "%*s". */
static void
add_right(struct buf *b, const char *s, size_t w)
{
	size_t n = strlen(s);
	if (n < w)
		wrap_spaces(b, w - n);
	buf_add(b, s, n);
}

/* "YYYY-MM-DD" */
static void
add_date(struct buf *b, struct date d)
{
	char date[DATE_BUFSZ];
	buf_adds(b, date_format(d, date));
}

/* The width of the name column of a table whose right parts are at most
 * rightw wide. */
static size_t
name_width(size_t maxname, size_t rightw)
{
	size_t avail = REPORT_WIDTH > 4 + rightw ? REPORT_WIDTH - 4 - rightw : 1;
	size_t w = maxname < avail ? maxname : avail;
	return w ? w : 1;
}

static void
relative(struct buf *b, long diff)
{
	if (diff == 0)
		buf_adds(b, "today");
	else if (diff == 1)
		buf_adds(b, "tomorrow");
	else if (diff == -1)
		buf_adds(b, "yesterday");
	else if (diff > 0) {
		buf_adds(b, "in ");
		buf_addnum(b, diff);
		buf_adds(b, " days");
	} else {
		buf_addnum(b, -diff);
		buf_adds(b, " days ago");
	}
}

/* A gesture's occasion as the report shows it: its name, and its date
 * where it is not the act date. */
static void
occasion_of(const struct report *r, struct buf *b, const struct gesture *g)
{
	buf_adds(b, occasion_to(r, g)->name);
	if (g->dateday != g->actday) {
		buf_addc(b, ' ');
		add_date(b, date_from_days(g->dateday));
	}
}

/* One gesture: "Recipient (occasion date): text". */
static void
write_gesture(const struct report *r, struct buf *out, struct buf *t,
	      const struct gesture *g)
{
	recipient(t, g);
	buf_adds(t, " (");
	occasion_of(r, t, g);
	buf_addc(t, ')');
	if (g->rep) {
		buf_add(t, ": ", 2);
		buf_adds(t, g->rep->text);
	}
	para(out, t, 4, 6);
}

/* Gestures of one occasion on one day are grouped from this many on;
 * their texts' common part is said once from GROUP_COMMON bytes on. */
#define GROUP_MIN 3
#define GROUP_COMMON 10

/* Do a and b have one occasion on one day, so that they are grouped? */
static bool
same_occasion(const struct gesture *a, const struct gesture *b)
{
	return a->actday == b->actday && a->dateday == b->dateday &&
	    a->occ == b->occ;
}

/* A group member's own part, what is left of its text without the
 * group's common prefix pre and suffix suf, trimmed; *len its bytes. */
static const char *
own_part(const struct gesture *g, size_t pre, size_t suf, size_t *len)
{
	const char *text = text_of(g);
	*len = strlen(text) - pre - suf;
	return trim(text + pre, len);
}

/* A distinct text of a group: its own part and its first member. */
struct part {
	const char *own;
	size_t len, first;
};

static int
cmp_part(const void *pa, const void *pb)
{
	const struct part *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int d = memcmp(a->own, b->own, n);
	if (!d)
		d = cmp_size(a->len, b->len);
	return d ? d : cmp_size(a->first, b->first);
}

/* The members of a group g[0..n) with the same own part, linked in their
 * order: lead[i] is n for a member without a part of its own, else the
 * first member with its part; next[i] the next member with it, or n.
 * Members with one text have one part (found by their repeat, marked
 * with the group's number gid); of the distinct texts, those whose parts
 * are the same are found by a sort. */
static void
link_parts(void *const *g, size_t n, size_t pre, size_t suf, size_t gid,
	   size_t *lead, size_t *next)
{
	struct part *pt = NULL;
	size_t npt = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		struct gesture *gi = g[i];
		size_t len;
		const char *own = own_part(gi, pre, suf, &len);
		next[i] = n;
		if (!len) {
			lead[i] = n;
			continue;
		}
		if (gi->rep->group == gid) {
			lead[i] = gi->rep->member;	/* its text's first */
			continue;
		}
		gi->rep->group = gid;
		gi->rep->member = lead[i] = i;
		if (npt == cap) {
			cap = cap ? cap * 2 : 16;
			pt = xrealloc(pt, cap * sizeof *pt);
		}
		pt[npt++] = (struct part){own, len, i};
	}
	if (npt > 1)
		qsort(pt, npt, sizeof *pt, cmp_part);
	for (size_t k = 0, first = 0; k < npt; k++) {
		if (!k || pt[k].len != pt[k - 1].len ||
		    memcmp(pt[k].own, pt[k - 1].own, pt[k].len))
			first = pt[k].first;	/* the least of its run */
		lead[pt[k].first] = first;
	}
	free(pt);
	size_t *tail = xmalloc(n * sizeof *tail);	/* of a part's first */
	for (size_t i = 0; i < n; i++) {
		if (lead[i] == n)
			continue;
		size_t f = lead[i] = lead[lead[i]];
		if (f != i)
			next[tail[f]] = i;
		tail[f] = i;
	}
	free(tail);
}

/* The gestures g[0..n) (n >= GROUP_MIN) of one occasion on one day: a
 * line with their count and the text they have in common ("…" standing
 * for what differs), when it says enough; then the recipients, those
 * without a part of their own first, each part once, after the names of
 * all recipients that have it.  gid numbers the group (link_parts). */
static void
write_group(struct report *r, struct buf *out, struct buf *t,
	    void *const *g, size_t n, size_t gid)
{
	const char **text = xmalloc(n * sizeof *text);
	size_t persons = 0, pre, suf;
	for (size_t i = 0; i < n; i++) {
		const struct gesture *gi = g[i];
		text[i] = text_of(gi);
		persons += gi->person;
	}
	text_common(text, n, &pre, &suf);
	bool differ = false;
	for (size_t i = 0; i < n && !differ; i++)
		differ = pre + suf < strlen(text[i]);
	free(text);
	if (differ && pre + suf < GROUP_COMMON)
		pre = suf = 0;	/* too little to say */

	const struct gesture *first = g[0];
	buf_addnum(t, (long)n);
	buf_adds(t, persons == n ? " persons (" :
	    persons ? " clients and persons (" : " clients (");
	occasion_of(r, t, first);
	buf_addc(t, ')');
	const char *ftext = text_of(first);
	size_t plen = pre, len0 = strlen(ftext);
	while (plen > 0 && ftext[plen - 1] == ' ')
		plen--;
	if (plen || suf || (!differ && len0)) {
		buf_adds(t, ": ");
		buf_add(t, ftext, plen);
		if (differ)
			buf_adds(t, plen ? " \xe2\x80\xa6" : "\xe2\x80\xa6");
		buf_add(t, ftext + len0 - suf, suf);
	}
	para(out, t, 4, 6);

	size_t *lead = xmalloc(n * sizeof *lead);
	size_t *next = xmalloc(n * sizeof *next);
	link_parts(g, n, pre, suf, gid, lead, next);
	bool alone = false;	/* a member without a part of its own */
	for (size_t i = 0; i < n && !alone; i++)
		alone = lead[i] == n;
	if (alone) {
		const char *sep = "";
		for (size_t i = 0; i < n; i++) {
			if (lead[i] != n)
				continue;
			buf_adds(t, sep);
			recipient(t, g[i]);
			sep = ", ";
		}
		para(out, t, 6, 8);
		spill(r, out);
	}
	for (size_t f = 0; f < n; f++) {
		if (lead[f] != f)
			continue;
		for (size_t i = f; i < n; i = next[i]) {
			if (i != f)
				buf_adds(t, ", ");
			recipient(t, g[i]);
		}
		size_t len;
		const char *own = own_part(g[f], pre, suf, &len);
		buf_adds(t, ": ");
		buf_add(t, own, len);
		para(out, t, 6, 8);
		spill(r, out);
	}
	free(next);
	free(lead);
}

/* The sorted gestures [from, to), all overdue or all due, under a line
 * for each act date; one occasion's gestures of one day are grouped.
 * Indices, not a pointer into the vector: with no gesture its array is
 * NULL, and even NULL + 0 is undefined. */
static void
write_gestures(struct report *r, struct buf *out, const char *heading,
	       size_t from, size_t to)
{
	if (from >= to)
		return;
	struct buf t = {0};
	const struct gesture *prev = NULL;
	buf_printf(out, "\n%s\n", heading);
	for (size_t i = from, j; i < to; prev = r->gestures.v[i], i = j) {
		const struct gesture *g = r->gestures.v[i];
		if (!prev || g->actday != prev->actday) {
			buf_adds(&t, wday[date_days_weekday(g->actday)]);
			buf_addc(&t, ' ');
			add_date(&t, act_of(g));
			buf_add(&t, " (", 2);
			relative(&t, g->actday - r->today);
			buf_addc(&t, ')');
			para(out, &t, 2, 4);
		}
		for (j = i + 1; j < to && same_occasion(g, r->gestures.v[j]); j++)
			;
		if (j - i >= GROUP_MIN)
			write_group(r, out, &t, r->gestures.v + i, j - i,
			    ++r->groups);
		else
			for (size_t k = i; k < j; k++)
				write_gesture(r, out, &t, r->gestures.v[k]);
		spill(r, out);
	}
	buf_free(&t);
}

/* A business year as the report names it, by the year it starts in:
 * "2026", or "2026/27" when it does not start on 01-01. */
static void
year_label(struct buf *b, const struct report *r, int y)
{
	struct date s = gifts_start(r->gifts);
	if (s.m == 1 && s.d == 1)
		buf_printf(b, "%d", y);
	else
		buf_printf(b, "%d/%02d", y, (y + 1) % 100);
}

/* The business year a date falls in, by the year it starts in. */
static int
business_year(const struct report *r, struct date d)
{
	struct date s = gifts_start(r->gifts);
	return date_cmp(d, date_in_year(d.y, s.m, s.d)) < 0 ? d.y - 1 : d.y;
}

/* The sum rows of a ledger into v; this year's (index) also with their
 * recipients. */
static void
collect_sums(struct report *r, const struct gifts *g, struct vec *v,
	     bool index)
{
	size_t n = gifts_rows(g);
	for (size_t i = 0; i < n; i++) {
		const struct gifts_row *row = gifts_row(g, i);
		if (row->kind != GIFTS_SUM)
			continue;
		struct sum *s = new0(r, sizeof *s);
		s->row = row;
		s->p = person(r, row->recipient_id);
		s->c = s->p ? s->p->c : client(r, row->recipient_id);
		s->seq = v->n;
		vec_push(v, s);
		if (!index)
			continue;
		if (i >= UINT32_MAX)
			die_oom();	/* client's sum */
		if (s->p)
			s->p->sum = row;
		else
			s->c->sum = (uint32_t)i + 1;
	}
}

/* This year's sum row of a gesture's recipient, or NULL. */
static const struct gifts_row *
sum_of(const struct report *r, const struct gesture *g)
{
	if (g->person)
		return g->to.p->sum;
	return g->to.c->sum ? gifts_row(r->gifts, g->to.c->sum - 1) : NULL;
}

/* "OVER LIMIT", "UNKNOWN: CHF not converted", "1 untagged", joined. */
static void
marks(struct buf *b, const struct sum *s)
{
	const char *sep = "";
	if (s->row->deductible == GIFTS_NO) {
		buf_adds(b, "OVER LIMIT");
		sep = ", ";
	} else if (s->row->deductible == GIFTS_UNKNOWN) {
		buf_printf(b, "UNKNOWN: %s", s->row->reason);
		sep = ", ";
	}
	if (s->row->untagged_count)
		buf_printf(b, "%s%zu untagged", sep, s->row->untagged_count);
}

/* What the marks of the table mean, once each. */
static void
gift_notes(struct report *r, struct buf *out, struct buf *t)
{
	bool over = false, unknown = false, untagged = false;
	for (size_t i = 0; i < r->sumv.n; i++) {
		const struct sum *s = r->sumv.v[i];
		over |= s->row->deductible == GIFTS_NO;
		unknown |= s->row->deductible == GIFTS_UNKNOWN;
		untagged |= s->row->untagged_count > 0;
	}
	const char *cur = gifts_currency(r->gifts);
	if (over) {
		buf_adds(t, "OVER LIMIT: none of the recipient's gifts of ");
		year_label(t, r, gifts_start(r->gifts).y);
		buf_adds(t, " is deductible, not even the first ones: the "
			 "limit is a threshold, not an allowance.");
		para(out, t, 2, 4);
	}
	if (unknown) {
		buf_printf(t, "UNKNOWN: an amount in another currency is not "
			   "converted, so the sum (of the amounts known) may "
			   "be too low: write its value in %s after the "
			   "amount, as in ", cur);
		buf_adds(t, strcmp(cur, "CHF") ? "'CHF 30.- (= " :
			 "'USD 30 (= ");
		gifts_value_example(t, cur);
		buf_adds(t, ")'");
		buf_adds(t, ", or give tact-report -r RATES.");
		para(out, t, 2, 4);
	}
	if (untagged) {
		buf_adds(t, "untagged: an entry with an amount and no #gift "
			 "tag counts as a gift; tag it #gift, or #bewirtung "
			 "(or another expense tag) if it is none.");
		para(out, t, 2, 4);
	}
}

/* The recipients the previous business year ended over the limit. */
static void
gifts_prev(struct report *r, struct buf *out, struct buf *t,
	   struct vec *over)
{
	char a[MONEY_BUFSZ];
	if (!over->n)
		return;
	vec_sort(over, cmp_sum);
	year_label(t, r, gifts_start(r->prev).y);
	buf_adds(t, " ended over the limit: ");
	for (size_t i = 0; i < over->n; i++) {
		const struct sum *s = over->v[i];
		if (i)
			buf_adds(t, ", ");
		name_of(t, s->c, s->p);
		buf_printf(t, " %s %s", money_format(s->row->total, a),
			   gifts_currency(r->prev));
	}
	buf_adds(t, " \xe2\x80\x94 none of their ");
	year_label(t, r, gifts_start(r->prev).y);
	buf_adds(t, " gifts is deductible.");
	para(out, t, 2, 4);
}

static void
write_gifts(struct report *r, struct buf *out, struct buf *t)
{
	struct vec over = {0};
	for (size_t i = 0; i < r->prevv.n; i++)
		if (((struct sum *)r->prevv.v[i])->row->deductible == GIFTS_NO)
			vec_push(&over, r->prevv.v[i]);
	if (!r->sumv.n && !over.n)
		return;
	char a[MONEY_BUFSZ], date[DATE_BUFSZ];
	const char *cur = gifts_currency(r->gifts);
	size_t amtw = 0, cntw = 0, maxname = 0, rightw = 0;
	struct buf right = {0}, name = {0}, count = {0};
	vec_sort(&r->sumv, cmp_sum);
	for (size_t i = 0; i < r->sumv.n; i++) {
		const struct sum *s = r->sumv.v[i];
		size_t w = strlen(money_format(s->row->total, a));
		amtw = w > amtw ? w : amtw;
		buf_reset(&right);
		buf_addnum(&right, (long)s->row->count);
		cntw = right.len > cntw ? right.len : cntw;
		w = shown_recipient(r, &name, s);
		maxname = w > maxname ? w : maxname;
	}
	for (size_t i = 0; i < r->sumv.n; i++) {
		/* amount, currency, count, "gifts", marks */
		buf_reset(&right);
		marks(&right, r->sumv.v[i]);
		size_t w = amtw + 4 + 2 + cntw + 6 +
		    (right.len ? 2 + wrap_width(right.s, right.len) : 0);
		rightw = w > rightw ? w : rightw;
	}
	size_t namew = name_width(maxname, rightw);
	struct date start = gifts_start(r->gifts);
	buf_addc(out, '\n');
	buf_adds(t, "GIFTS ");
	year_label(t, r, start.y);
	buf_adds(t, " (");
	if (start.m != 1 || start.d != 1)
		buf_printf(t, "from %s, ", date_format(start, date));
	buf_printf(t, "limit %s %s a recipient; tact-gifts lists each gift)",
		   money_format(gifts_limit(r->gifts), a), cur);
	para(out, t, 0, 2);
	for (size_t i = 0; i < r->sumv.n; i++) {
		const struct sum *s = r->sumv.v[i];
		buf_reset(&right);
		add_right(&right, money_format(s->row->total, a), amtw);
		buf_addc(&right, ' ');
		buf_adds(&right, cur);
		buf_add(&right, "  ", 2);
		buf_reset(&count);
		buf_addnum(&count, (long)s->row->count);
		add_right(&right, count.s, cntw);
		buf_adds(&right, s->row->count == 1 ? " gift " : " gifts");
		size_t len = right.len;
		buf_adds(&right, "  ");
		marks(&right, s);
		if (right.len == len + 2)
			right.len = len;
		shown_recipient(r, &name, s);
		row(out, name.s, name.len, namew, right.s);
		spill(r, out);
	}
	buf_free(&name);
	buf_free(&right);
	buf_free(&count);
	gift_notes(r, out, t);
	gifts_prev(r, out, t, &over);
	free(over.v);
}

/* "2026-03-02 (270 days ago)", or "never". */
static void
last_seen(const struct report *r, const struct client *c, struct buf *b)
{
	if (!c->has_last) {
		buf_adds(b, "never");
		return;
	}
	add_date(b, date_unpack(c->last));
	buf_add(b, " (", 2);
	relative(b, date_to_days(date_unpack(c->last)) - r->today);
	buf_addc(b, ')');
}

/* The n quiet clients. */
static void
write_quiet(struct report *r, struct buf *out, size_t n)
{
	if (!n)
		return;
	struct client **q = xmalloc(n * sizeof *q);
	for (size_t i = 0, k = 0; i < r->clientv.n; i++)
		if (is_quiet(r, r->clientv.v[i]))
			q[k++] = r->clientv.v[i];
	size_t maxname = 0, rightw = 0;
	struct buf right = {0};	/* a row's right part and name, made twice:
				 * for the widths, then for the row */
	struct buf name = {0};
	qsort(q, n, sizeof *q, cmp_quiet);
	for (size_t i = 0; i < n; i++) {
		struct client *c = q[i];
		size_t w = shown_client(&name, c);
		maxname = w > maxname ? w : maxname;
		buf_reset(&right);
		last_seen(r, c, &right);
		rightw = right.len > rightw ? right.len : rightw;
	}
	size_t namew = name_width(maxname, rightw);
	buf_printf(out, "\nQUIET CLIENTS (no entry for more than %ld %s)\n",
		   r->o.quiet, r->o.quiet == 1 ? "day" : "days");
	for (size_t i = 0; i < n; i++) {
		struct client *c = q[i];
		buf_reset(&right);
		last_seen(r, c, &right);
		shown_client(&name, c);
		row(out, name.s ? name.s : "", name.len, namew, right.s);
		spill(r, out);
	}
	buf_free(&right);
	buf_free(&name);
	free(q);
}

static void
write_spread(struct report *r, struct buf *out)
{
	size_t most = 0, sufw = 0;
	struct buf suf[12] = {{0}};
	for (int i = 0; i < 12; i++) {
		struct month *m = &r->month[i];
		most = m->entries > most ? m->entries : most;
		buf_printf(&suf[i], "%zu", m->entries);
		if (m->gifts)
			buf_printf(&suf[i], " (%zu %s)", m->gifts,
				   plural(m->gifts, "gift", "gifts"));
		sufw = suf[i].len > sufw ? suf[i].len : sufw;
	}
	if (most) {
		/* "  YYYY-MM " bar " " suffix */
		size_t barmax = REPORT_WIDTH > 11 + sufw ?
		    REPORT_WIDTH - 11 - sufw : 1;
		if (barmax > most)
			barmax = most;
		buf_printf(out, "\nSPREAD (entries a month, %04d-%02d to "
			   "%04d-%02d)\n", r->month[0].y, r->month[0].m,
			   r->month[11].y, r->month[11].m);
		for (int i = 0; i < 12; i++) {
			struct month *m = &r->month[i];
			buf_printf(out, "  %04d-%02d ", m->y, m->m);
			size_t bar = 0;
			if (m->entries) {
				/* rounded, at least one mark */
				bar = (size_t)(((unsigned long long)m->entries *
				    barmax + most / 2) / most);
				bar = bar ? bar : 1;
			}
			for (size_t k = 0; k < bar; k++)
				buf_addc(out, '#');
			if (bar)
				buf_addc(out, ' ');
			buf_printf(out, "%s\n", suf[i].s);
		}
	}
	for (int i = 0; i < 12; i++)
		buf_free(&suf[i]);
}

/* The planned cost of each gesture, in the order of the report, against
 * the limit: a warning for each that would cross it, or whose
 * recipient's total is unknown.  A gesture's planned cost is its rule's,
 * from the plan record of its OCCASION (tact-due -p reads it from the
 * rule's own text); the expanded text is not read, as amounts that
 * placeholders bring in are no plan.  The recipient is the person of a
 * person's gesture, else the client, and its total the ledger's sum. */
static void
warn_limit(struct report *r, struct buf *out, struct buf *t, bool *any)
{
	char a[4][MONEY_BUFSZ], date[DATE_BUFSZ];
	const char *cur = gifts_currency(r->gifts);
	long long limit = gifts_limit(r->gifts);
	int this = gifts_start(r->gifts).y;
	struct buf year = {0};
	struct planned *cplan = NULL;	/* the clients', by rank */
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct gesture *g = r->gestures.v[i];
		const struct money *plan = occasion_to(r, g)->plan;
		if (!plan || strcmp(plan->currency, cur) != 0 ||
		    plan->cents <= 0)
			continue;
		struct money m = *plan;
		/* Given when acted on: on the act date, or now if late. */
		int y = business_year(r, g->overdue ? r->o.today : act_of(g));
		if (!cplan)
			cplan = xcalloc(r->clientv.n, sizeof *cplan);
		struct planned *pl = g->person ? &g->to.p->plan :
		    &cplan[g->to.c->rank];
		if (pl->year != y) {
			pl->year = y;
			pl->cents = 0;
		}
		const struct gifts_row *s = y == this ? sum_of(r, g) : NULL;
		long long spent = s ? s->total : 0;
		bool unknown = s && s->deductible == GIFTS_UNKNOWN;
		long long earlier = pl->cents;
		pl->cents += m.cents;
		bool over = spent + earlier + m.cents > limit;
		if (!over && !unknown)
			continue;
		if (!*any)
			buf_adds(out, "\nWARNINGS\n");
		*any = true;
		buf_reset(&year);
		year_label(&year, r, y);
		buf_adds(t, "gift limit: ");
		recipient(t, g);
		buf_printf(t, " (%s, %s %s) plans %s %s",
			   occasion_to(r, g)->name, wday[date_days_weekday(g->actday)],
			   date_format(act_of(g), date), money_format(m.cents, a[0]),
			   cur);
		if (earlier)
			buf_printf(t, " after %s %s in the gestures above",
				   money_format(earlier, a[1]), cur);
		if (over)
			buf_printf(t, "; given in %s so far %s %s, limit %s %s: "
				   "together %s %s, %s the limit.", year.s,
				   money_format(spent, a[1]), cur,
				   money_format(limit, a[2]), cur,
				   money_format(spent + earlier + m.cents, a[3]),
				   cur, spent + earlier > limit ?
				   "already over" : "over");
		else
			buf_printf(t, "; given in %s so far: unknown (%s; "
				   "%s %s known), limit %s %s: together at "
				   "least %s %s. Convert it to know whether "
				   "the limit is crossed.", year.s,
				   s->reason, money_format(spent, a[1]),
				   cur, money_format(limit, a[2]), cur,
				   money_format(spent + earlier + m.cents, a[3]),
				   cur);
		buf_printf(t, " The limit is a threshold, not an allowance: "
			   "once it is crossed, none of the recipient's gifts "
			   "of %s is deductible, not even the first ones.",
			   year.s);
		para(out, t, 2, 4);
		spill(r, out);
	}
	buf_free(&year);
	free(cplan);
}

static void
warn_december(struct report *r, struct buf *out, struct buf *t, bool *any)
{
	size_t total = 0, dec = 0;
	int dy = 0;
	for (int i = 0; i < 12; i++) {
		total += r->month[i].gifts;
		if (r->month[i].m == 12) {
			dec = r->month[i].gifts;
			dy = r->month[i].y;
		}
	}
	if (!total || dec * 3 <= total)
		return;
	if (!*any)
		buf_adds(out, "\nWARNINGS\n");
	*any = true;
	buf_printf(t, "December: %zu of the %zu gifts from %04d-%02d to "
		   "%04d-%02d fall in %04d-12, more than a third. Spread the "
		   "gestures over the year instead of a December rush.", dec,
		   total, r->month[0].y, r->month[0].m, r->month[11].y,
		   r->month[11].m, dy);
	para(out, t, 2, 4);
}

static void
warn_repeats(struct report *r, struct buf *out, struct buf *t, bool *any)
{
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct repeat *p = ((struct gesture *)r->gestures.v[i])->rep;
		if (!p || p->warned || p->nrecip < 3)
			continue;
		p->warned = true;
		if (!*any)
			buf_adds(out, "\nWARNINGS\n");
		*any = true;
		buf_printf(t, "not personal: \"%s\" goes unchanged to %zu "
			   "recipients: ", p->text, p->nrecip);
		for (size_t k = 0; k < p->nrecip; k++) {
			if (k)
				buf_adds(t, ", ");
			recipient(t, r->recipv.v[p->first + k]);
		}
		buf_adds(t, ". It is not personal: name the person and refer "
			 "to something they said or did.");
		para(out, t, 2, 4);
		spill(r, out);
	}
}

void
report_print(struct report *r, FILE *fp)
{
	struct buf out = {0};
	r->fp = fp;
	report_write(r, &out);
	r->fp = NULL;
	if (out.len)
		fwrite(out.s, 1, out.len, fp);
	buf_free(&out);
}

void
report_write(struct report *r, struct buf *out)
{
	char date[DATE_BUFSZ];
	struct buf t = {0};
	size_t nquiet = 0;
	size_t noverdue = 0, nover = 0;

	/* The records are in: the tables no longer looked up lose their
	 * slots before the ledgers end; their keys (names, texts) stay. */
	hash_drop_slots(&r->occasions);
	hash_drop_slots(&r->texts);
	gifts_end(r->gifts);
	collect_sums(r, r->gifts, &r->sumv, true);
	if (r->prev) {
		gifts_end(r->prev);
		collect_sums(r, r->prev, &r->prevv, false);
	}
	for (size_t i = 0; i < r->sumv.n; i++)
		nover += ((struct sum *)r->sumv.v[i])->row->deductible ==
		    GIFTS_NO;
	/* The sums have their clients and persons: no more look-ups. */
	hash_index_free(&r->clients);
	hash_drop_slots(&r->persons);
	rank(r);
	for (size_t i = 0; i < r->occasionv.n; i++) {
		struct occasion *o = r->occasionv.v[i];
		o->plan = hash_get(&r->plans, o->name);
	}
	vec_sort(&r->gestures, cmp_gesture);
	for (size_t i = 0; i < r->gestures.n; i++)
		noverdue += ((struct gesture *)r->gestures.v[i])->overdue;
	collect_recipients(r);
	for (size_t i = 0; i < r->clientv.n; i++)
		nquiet += is_quiet(r, r->clientv.v[i]);
	size_t ndue = r->gestures.n - noverdue;

	buf_printf(&t, "tact %s %s: %zu overdue, %zu due, %zu %s, "
		   "%zu quiet, %zu over limit",
		   wday[date_weekday(r->o.today)], date_format(r->o.today, date),
		   noverdue, ndue, r->clientv.n,
		   plural(r->clientv.n, "client", "clients"), nquiet, nover);
	para(out, &t, 0, 2);

	write_gestures(r, out, "OVERDUE", 0, noverdue);
	write_gestures(r, out, "DUE", noverdue, r->gestures.n);
	write_gifts(r, out, &t);
	write_quiet(r, out, nquiet);
	write_spread(r, out);
	bool any = false;
	warn_limit(r, out, &t, &any);
	warn_december(r, out, &t, &any);
	warn_repeats(r, out, &t, &any);

	buf_free(&t);
}
