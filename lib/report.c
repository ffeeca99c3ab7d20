/* report.c: aggregation and layout of the nightly report.
 *
 * Layout: the first line is the summary; then each section that is not
 * empty, after a blank line, under a heading that starts in column 1 (an
 * upper-case word, sometimes followed by details), its lines indented.
 * Only headings and the summary start in column 1, so a script can find a
 * section with grep '^OVERDUE$'.  Money is integer cents throughout. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hash.h"
#include "money.h"
#include "record.h"
#include "report.h"
#include "slug.h"
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

static void
vec_sort(struct vec *v, int (*cmp)(const void *, const void *))
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof *v->v, cmp);
}

struct gift;

struct client {
	char *id;
	char *name;		/* of the first client record, or NULL */
	char *key;		/* sort key of the display name */
	bool has_last;
	struct date last;	/* the latest entry up to TODAY */
	struct gift *limited;	/* this year's gifts in REPORT_CURRENCY */
	int plan_year;		/* planned costs, summed while writing */
	long long planned;
};

/* A person of a client (a person id "CLIENT/SLUG"). */
struct person {
	char *id;
	char *name;		/* of the first person record, or NULL */
	struct client *c;
};

/* The gifts of this year to one client in one currency. */
struct gift {
	struct client *c;
	char cur[4];
	long long cents;
	size_t n;
};

/* One gesture text and the distinct recipients it goes to: the first
 * gesture of each client and of each person. */
struct repeat {
	const char *text;	/* of its first gesture */
	struct vec recipients;	/* struct gesture */
	bool warned;
};

struct gesture {
	bool overdue;
	struct date act, date;
	struct client *c;
	struct person *p;	/* a person's gesture, else NULL */
	char *occasion, *text;
	struct repeat *rep;	/* NULL for an empty text */
	size_t seq;		/* input order */
};

struct month {
	int y, m;
	size_t entries, gifts;
};

struct report {
	struct report_opts o;
	long today;		/* day number of TODAY */
	struct hash clients;	/* id → struct client */
	struct vec clientv;
	struct hash persons;	/* person id → struct person */
	struct vec personv;
	struct hash gifts;	/* currency and id → struct gift */
	struct vec giftv;
	struct hash texts;	/* gesture text → struct repeat */
	struct vec repeatv;
	struct hash pairs;	/* gesture text and id: seen */
	struct hash plans;	/* occasion → struct money, its planned
				 * cost (of its last plan record) */
	struct vec planv;
	struct vec gestures;
	struct month month[12];	/* the 12 months ending with TODAY's */
	struct buf key;
};

struct report *
report_new(const struct report_opts *o)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->o = *o;
	r->today = date_to_days(o->today);
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
	for (size_t i = 0; i < r->clientv.n; i++) {
		struct client *c = r->clientv.v[i];
		free(c->id);
		free(c->name);
		free(c->key);
		free(c);
	}
	for (size_t i = 0; i < r->personv.n; i++) {
		struct person *p = r->personv.v[i];
		free(p->id);
		free(p->name);
		free(p);
	}
	for (size_t i = 0; i < r->giftv.n; i++)
		free(r->giftv.v[i]);
	for (size_t i = 0; i < r->planv.n; i++)
		free(r->planv.v[i]);
	free(r->planv.v);
	hash_free(&r->plans);
	for (size_t i = 0; i < r->repeatv.n; i++) {
		struct repeat *p = r->repeatv.v[i];
		free(p->recipients.v);
		free(p);
	}
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct gesture *g = r->gestures.v[i];
		free(g->occasion);
		free(g->text);
		free(g);
	}
	free(r->clientv.v);
	free(r->personv.v);
	free(r->giftv.v);
	free(r->repeatv.v);
	free(r->gestures.v);
	hash_free(&r->clients);
	hash_free(&r->persons);
	hash_free(&r->gifts);
	hash_free(&r->texts);
	hash_free(&r->pairs);
	buf_free(&r->key);
	free(r);
}

static struct client *
client(struct report *r, const char *id)
{
	void **slot = hash_put(&r->clients, id);
	if (!*slot) {
		struct client *c = xcalloc(1, sizeof *c);
		c->id = xstrdup(id);
		*slot = c;
		vec_push(&r->clientv, c);
	}
	return *slot;
}

/* The client an id belongs to: a person id "CLIENT/SLUG" to CLIENT. */
static struct client *
client_of(struct report *r, const char *id)
{
	size_t n = record_person_client_len(id);
	if (!n)
		return client(r, id);
	buf_reset(&r->key);
	buf_add(&r->key, id, n);
	return client(r, r->key.s);
}

/* The person of a person id, NULL for a client id. */
static struct person *
person(struct report *r, const char *id)
{
	if (!record_person_client_len(id))
		return NULL;
	void **slot = hash_put(&r->persons, id);
	if (!*slot) {
		struct person *p = xcalloc(1, sizeof *p);
		p->id = xstrdup(id);
		p->c = client_of(r, id);
		*slot = p;
		vec_push(&r->personv, p);
	}
	return *slot;
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

/* The ID of a gesture's due line: the person's or the client's. */
static const char *
gesture_id(const struct gesture *g)
{
	return g->p ? g->p->id : g->c->id;
}

/* Whom a gesture is for, as the report names it: the client's display
 * name, and for a person's gesture " – " and the person's name. */
static void
recipient(struct buf *b, const struct gesture *g)
{
	buf_adds(b, display(g->c));
	if (g->p)
		buf_printf(b, " \xe2\x80\x93 %s", person_display(g->p));
}

static void
add_gift(struct report *r, struct client *c, const char *cur,
	 long long cents)
{
	buf_reset(&r->key);
	buf_adds(&r->key, cur);		/* three letters: the key is unique */
	buf_adds(&r->key, c->id);
	void **slot = hash_put(&r->gifts, r->key.s);
	struct gift *g = *slot;
	if (!g) {
		g = xcalloc(1, sizeof *g);
		g->c = c;
		memcpy(g->cur, cur, 3);
		*slot = g;
		vec_push(&r->giftv, g);
		if (strcmp(cur, REPORT_CURRENCY) == 0)
			c->limited = g;
	}
	g->cents += cents;
	g->n++;
}

static void
add_entry(struct report *r, char *const *f)
{
	struct date d;
	long long cents = 0;
	const char *amount = f[ENTRY_AMOUNT], *cur = f[ENTRY_CURRENCY];
	bool gift = *amount != '\0';
	if (date_parse_iso(f[ENTRY_DATE], &d, false) != 0)
		return;
	if (gift && (money_parse(amount, &cents) != 0 || strlen(cur) != 3))
		return;
	struct client *c = client_of(r, f[ENTRY_ID]);
	long day = date_to_days(d);
	if (day > r->today)
		return;		/* a plan */
	if (!c->has_last || date_cmp(d, c->last) > 0) {
		c->last = d;
		c->has_last = true;
	}
	long k = (long)d.y * 12 + (d.m - 1);
	long first = (long)r->month[0].y * 12 + (r->month[0].m - 1);
	if (k >= first && k < first + 12) {
		r->month[k - first].entries++;
		r->month[k - first].gifts += gift;
	}
	if (gift && d.y == r->o.today.y)
		add_gift(r, c, cur, cents);
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
	if (date_parse_iso(f[DUE_ACT], &act, false) != 0 ||
	    date_parse_iso(f[DUE_DATE], &date, false) != 0)
		return;
	struct gesture *g = xcalloc(1, sizeof *g);
	g->overdue = overdue;
	g->act = act;
	g->date = date;
	g->p = person(r, f[DUE_ID]);
	g->c = g->p ? g->p->c : client(r, f[DUE_ID]);
	g->occasion = xstrdup(f[DUE_OCCASION]);
	g->text = xstrdup(f[DUE_GESTURE]);
	g->seq = r->gestures.n;
	vec_push(&r->gestures, g);
	if (!*g->text)
		return;
	void **slot = hash_put(&r->texts, g->text);
	if (!*slot) {
		struct repeat *p = xcalloc(1, sizeof *p);
		p->text = g->text;
		*slot = p;
		vec_push(&r->repeatv, p);
	}
	g->rep = *slot;
	/* The length first, so that text and id cannot run together; the
	 * id is the person's or the client's: one recipient each. */
	buf_reset(&r->key);
	buf_printf(&r->key, "%zu:%s%s", strlen(g->text), g->text,
		   gesture_id(g));
	slot = hash_put(&r->pairs, r->key.s);
	if (!*slot) {
		*slot = g;
		vec_push(&g->rep->recipients, g);
	}
}

void
report_add(struct report *r, const struct record *rec)
{
	char *const *f = rec->f;
	switch (rec->kind) {
	case RECORD_CLIENT: {
		struct client *c = client(r, f[CLIENT_ID]);
		if (!c->name)
			c->name = xstrdup(f[CLIENT_NAME]);
		break;
	}
	case RECORD_PERSON: {
		struct person *p = person(r, f[PERSON_ID]);
		if (p && !p->name)
			p->name = xstrdup(f[PERSON_NAME]);
		break;
	}
	case RECORD_FIELD:	/* a person's fields: its client's */
		client_of(r, f[FIELD_ID]);
		break;
	case RECORD_CONCERNS:
		client_of(r, f[CONCERNS_ID]);
		break;
	case RECORD_ENTRY:
		add_entry(r, f);
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

void
report_read(FILE *fp, const char *name, void *r)
{
	struct record_reader *rd = record_reader_new(fp, name);
	struct record rec;
	while (record_next(rd, &rec))
		report_add(r, &rec);
	record_reader_free(rd);
}

/* Writing. */

static const char *const wday[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};

/* Clients in the order people expect: by the slug of the display name
 * ("Bäckerei" as "baeckerei", case ignored), then the name, then the id. */
static int
cmp_clients(const struct client *a, const struct client *b)
{
	int d = strcmp(a->key, b->key);
	if (!d)
		d = strcmp(display(a), display(b));
	return d ? d : strcmp(a->id, b->id);
}

static int
cmp_gesture(const void *pa, const void *pb)
{
	const struct gesture *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d;
	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((d = date_cmp(a->act, b->act)) || (d = date_cmp(a->date, b->date)) ||
	    (d = strcmp(gesture_id(a), gesture_id(b))) ||
	    (d = strcmp(a->occasion, b->occasion)))
		return d;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
cmp_gift(const void *pa, const void *pb)
{
	const struct gift *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = cmp_clients(a->c, b->c);
	if (d)
		return d;
	bool la = strcmp(a->cur, REPORT_CURRENCY) == 0;
	bool lb = strcmp(b->cur, REPORT_CURRENCY) == 0;
	if (la != lb)
		return la ? -1 : 1;
	return strcmp(a->cur, b->cur);
}

/* Never contacted first, then the longest quiet. */
static int
cmp_quiet(const void *pa, const void *pb)
{
	const struct client *a = *(void *const *)pa, *b = *(void *const *)pb;
	if (a->has_last != b->has_last)
		return a->has_last ? 1 : -1;
	int d = a->has_last ? date_cmp(a->last, b->last) : 0;
	return d ? d : cmp_clients(a, b);
}

/* Gestures by recipient: the client, then its persons after the client
 * itself, by id (its SLUG is made from the name, as client ids are). */
static int
cmp_recipient(const void *pa, const void *pb)
{
	const struct gesture *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = cmp_clients(a->c, b->c);
	if (d || a->p == b->p)
		return d;
	if (!a->p || !b->p)
		return a->p ? 1 : -1;
	return strcmp(a->p->id, b->p->id);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static bool
over(const struct report *r, const struct gift *g)
{
	return g == g->c->limited && g->cents > r->o.limit;
}

/* Append a buffer's text as a paragraph and empty the buffer. */
static void
para(struct buf *out, struct buf *t, size_t first, size_t hang)
{
	wrap_para(out, t->s ? t->s : "", t->len, REPORT_WIDTH, first, hang);
	buf_reset(t);
}

/* A table row: name in a column of namew, indented by 2 and, when
 * longer, wrapped in its column with a hanging indent of 2; then two
 * spaces and right on its last line. */
static void
row(struct buf *out, const char *name, size_t namew, const char *right)
{
	struct buf t = {0};
	wrap_squeeze(&t, name, strlen(name));
	size_t pos = 0, hang = 0;
	for (;;) {
		size_t cols = namew > hang ? namew - hang : 1;
		size_t rest, len = wrap_next(t.s + pos, t.len - pos, cols, &rest);
		wrap_spaces(out, 2 + hang);
		if (pos + rest < t.len) {
			buf_add(out, t.s + pos, len);
			buf_addc(out, '\n');
			pos += rest;
			hang = namew > 2 ? 2 : 0;
			continue;
		}
		wrap_pad(out, t.s + pos, len, cols);
		buf_add(out, "  ", 2);
		buf_adds(out, right);
		while (out->len && out->s[out->len - 1] == ' ')
			out->len--;
		buf_addc(out, '\n');
		break;
	}
	buf_free(&t);
}

/* Columns of a name as the report shows it (wrap_squeeze: escapes are
 * wider than what they show). */
static size_t
shown_width(const char *s)
{
	struct buf t = {0};
	wrap_squeeze(&t, s, strlen(s));
	size_t w = wrap_width(t.s, t.len);
	buf_free(&t);
	return w;
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
	else if (diff > 0)
		buf_printf(b, "in %ld days", diff);
	else
		buf_printf(b, "%ld days ago", -diff);
}

/* The sorted gestures [from, to), all overdue or all due, grouped by act
 * date.  Indices, not a pointer into the vector: with no gesture its
 * array is NULL, and even NULL + 0 is undefined. */
static void
write_gestures(struct report *r, struct buf *out, const char *heading,
	       size_t from, size_t to)
{
	if (from >= to)
		return;
	char date[DATE_BUFSZ];
	struct buf t = {0};
	const struct gesture *prev = NULL;
	buf_printf(out, "\n%s\n", heading);
	for (size_t i = from; i < to; prev = r->gestures.v[i++]) {
		const struct gesture *g = r->gestures.v[i];
		if (!prev || date_cmp(g->act, prev->act) != 0) {
			buf_printf(&t, "%s %s (", wday[date_weekday(g->act)],
				   date_format(g->act, date));
			relative(&t, date_to_days(g->act) - r->today);
			buf_addc(&t, ')');
			para(out, &t, 2, 4);
		}
		recipient(&t, g);
		buf_printf(&t, " (%s", g->occasion);
		if (date_cmp(g->date, g->act) != 0)
			buf_printf(&t, " %s", date_format(g->date, date));
		buf_addc(&t, ')');
		if (*g->text)
			buf_printf(&t, ": %s", g->text);
		para(out, &t, 4, 6);
	}
	buf_free(&t);
}

static void
write_gifts(struct report *r, struct buf *out)
{
	if (!r->giftv.n)
		return;
	char a[MONEY_BUFSZ];
	size_t amtw = 0, cntw = 0, maxname = 0, rightw = 0;
	vec_sort(&r->giftv, cmp_gift);
	for (size_t i = 0; i < r->giftv.n; i++) {
		struct gift *g = r->giftv.v[i];
		size_t w = strlen(money_format(g->cents, a));
		amtw = w > amtw ? w : amtw;
		struct buf t = {0};
		buf_printf(&t, "%zu", g->n);
		cntw = t.len > cntw ? t.len : cntw;
		buf_free(&t);
		w = shown_width(display(g->c));
		maxname = w > maxname ? w : maxname;
	}
	for (size_t i = 0; i < r->giftv.n; i++) {
		/* amount, currency, count, "gifts", mark */
		size_t w = amtw + 4 + 2 + cntw + 6 +
		    (over(r, r->giftv.v[i]) ? 12 : 0);
		rightw = w > rightw ? w : rightw;
	}
	size_t namew = name_width(maxname, rightw);
	buf_printf(out, "\nGIFTS %d (limit %s %s a recipient)\n",
		   r->o.today.y, money_format(r->o.limit, a), REPORT_CURRENCY);
	struct buf right = {0};
	for (size_t i = 0; i < r->giftv.n; i++) {
		struct gift *g = r->giftv.v[i];
		buf_reset(&right);
		buf_printf(&right, "%*s %s  %*zu %-5s%s", (int)amtw,
			   money_format(g->cents, a), g->cur, (int)cntw, g->n,
			   plural(g->n, "gift", "gifts"),
			   over(r, g) ? "  OVER LIMIT" : "");
		row(out, display(g->c), namew, right.s);
	}
	buf_free(&right);
}

/* "2026-03-02 (270 days ago)", or "never". */
static void
last_seen(const struct report *r, const struct client *c, struct buf *b)
{
	char date[DATE_BUFSZ];
	buf_reset(b);
	if (!c->has_last) {
		buf_adds(b, "never");
		return;
	}
	buf_printf(b, "%s (", date_format(c->last, date));
	relative(b, date_to_days(c->last) - r->today);
	buf_addc(b, ')');
}

static void
write_quiet(struct report *r, struct buf *out, struct vec *quiet)
{
	if (!quiet->n)
		return;
	size_t maxname = 0, rightw = 0;
	struct buf right = {0};
	vec_sort(quiet, cmp_quiet);
	for (size_t i = 0; i < quiet->n; i++) {
		const struct client *c = quiet->v[i];
		size_t w = shown_width(display(c));
		maxname = w > maxname ? w : maxname;
		last_seen(r, c, &right);
		rightw = right.len > rightw ? right.len : rightw;
	}
	size_t namew = name_width(maxname, rightw);
	buf_printf(out, "\nQUIET CLIENTS (no entry for more than %ld %s)\n",
		   r->o.quiet, r->o.quiet == 1 ? "day" : "days");
	for (size_t i = 0; i < quiet->n; i++) {
		const struct client *c = quiet->v[i];
		last_seen(r, c, &right);
		row(out, display(c), namew, right.s);
	}
	buf_free(&right);
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
 * the limit: a warning for each that would cross it.  A gesture's
 * planned cost is its rule's, from the plan record of its OCCASION
 * (tact-due -p reads it from the rule's own text); the expanded text is
 * not read, as amounts that placeholders bring in are no plan. */
static void
warn_limit(struct report *r, struct buf *out, struct buf *t, bool *any)
{
	char a[4][MONEY_BUFSZ], date[DATE_BUFSZ];
	for (size_t i = 0; i < r->gestures.n; i++) {
		struct gesture *g = r->gestures.v[i];
		const struct money *plan = hash_get(&r->plans, g->occasion);
		if (!plan || strcmp(plan->currency, REPORT_CURRENCY) != 0 ||
		    plan->cents <= 0)
			continue;
		struct money m = *plan;
		/* Given when acted on: on the act date, or now if late. */
		int year = g->overdue ? r->o.today.y : g->act.y;
		struct client *c = g->c;
		if (c->plan_year != year) {
			c->plan_year = year;
			c->planned = 0;
		}
		long long spent = year == r->o.today.y && c->limited ?
		    c->limited->cents : 0;
		long long earlier = c->planned;
		c->planned += m.cents;
		if (spent + earlier + m.cents <= r->o.limit)
			continue;
		if (!*any)
			buf_adds(out, "\nWARNINGS\n");
		*any = true;
		buf_adds(t, "gift limit: ");
		recipient(t, g);
		buf_printf(t, " (%s, %s %s) plans %s %s",
			   g->occasion, wday[date_weekday(g->act)],
			   date_format(g->act, date), money_format(m.cents, a[0]),
			   REPORT_CURRENCY);
		if (earlier)
			buf_printf(t, " after %s %s in the gestures above",
				   money_format(earlier, a[1]),
				   REPORT_CURRENCY);
		buf_printf(t, "; given in %d so far %s %s, limit %s %s: "
			   "together %s %s, %s the limit. The limit is a "
			   "threshold, not an allowance: once it is crossed, "
			   "none of the recipient's gifts of %d is deductible, "
			   "not even the first ones.", year,
			   money_format(spent, a[1]), REPORT_CURRENCY,
			   money_format(r->o.limit, a[2]), REPORT_CURRENCY,
			   money_format(spent + earlier + m.cents, a[3]),
			   REPORT_CURRENCY, spent + earlier > r->o.limit ?
			   "already over" : "over", year);
		para(out, t, 2, 4);
	}
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
		if (!p || p->warned || p->recipients.n < 3)
			continue;
		p->warned = true;
		if (!*any)
			buf_adds(out, "\nWARNINGS\n");
		*any = true;
		vec_sort(&p->recipients, cmp_recipient);
		buf_printf(t, "not personal: \"%s\" goes unchanged to %zu "
			   "recipients: ", p->text, p->recipients.n);
		for (size_t k = 0; k < p->recipients.n; k++) {
			if (k)
				buf_adds(t, ", ");
			recipient(t, p->recipients.v[k]);
		}
		buf_adds(t, ". It is not personal: name the person and refer "
			 "to something they said or did.");
		para(out, t, 2, 4);
	}
}

void
report_write(struct report *r, struct buf *out)
{
	char date[DATE_BUFSZ];
	struct buf t = {0};
	struct vec quiet = {0};
	size_t noverdue = 0, nover = 0;

	for (size_t i = 0; i < r->clientv.n; i++) {
		struct client *c = r->clientv.v[i];
		if (!c->key)
			c->key = slug_make(display(c), strlen(display(c)));
	}
	vec_sort(&r->gestures, cmp_gesture);
	for (size_t i = 0; i < r->gestures.n; i++)
		noverdue += ((struct gesture *)r->gestures.v[i])->overdue;
	for (size_t i = 0; i < r->clientv.n; i++) {
		struct client *c = r->clientv.v[i];
		if (!c->has_last ||
		    r->today - date_to_days(c->last) > r->o.quiet)
			vec_push(&quiet, c);
		if (c->limited && over(r, c->limited))
			nover++;
	}
	size_t ndue = r->gestures.n - noverdue;

	buf_printf(&t, "tact %s %s: %zu overdue, %zu due, %zu %s, "
		   "%zu quiet, %zu over limit",
		   wday[date_weekday(r->o.today)], date_format(r->o.today, date),
		   noverdue, ndue, r->clientv.n,
		   plural(r->clientv.n, "client", "clients"), quiet.n, nover);
	para(out, &t, 0, 2);

	write_gestures(r, out, "OVERDUE", 0, noverdue);
	write_gestures(r, out, "DUE", noverdue, r->gestures.n);
	write_gifts(r, out);
	write_quiet(r, out, &quiet);
	write_spread(r, out);
	bool any = false;
	warn_limit(r, out, &t, &any);
	warn_december(r, out, &t, &any);
	warn_repeats(r, out, &t, &any);

	free(quiet.v);
	buf_free(&t);
}
