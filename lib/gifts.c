/* gifts.c: the gift ledger of one business year (SPEC "Gifts").
 *
 * Entries of the year are kept as they come; concerns records are kept
 * apart and matched to their entry by SOURCE at the end, since they may
 * come long after it.  A gift to several persons is one row a person,
 * amount and value shared equally: the first persons (by id) get one
 * cent more until the parts sum to the whole.  Whether a recipient's
 * gifts are deductible is known only at the end of the year's input, so
 * it is judged in gifts_end for all of its rows at once (a threshold:
 * crossing it costs every gift of the year). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "gifts.h"
#include "hash.h"
#include "lines.h"

/* An entry of the year (a million at a million clients): its fields in
 * an order without padding, 80 bytes; its persons apart (plist). */
struct entry {
	const char *client_id;
	const char *tag;	/* the expense's tag, for its reason */
	const char *text, *source;
	long long cents;
	long long value;
	struct date date;
	uint32_t seq;		/* input order; its persons in plist */
	char cur[4];
	enum gifts_kind kind;
	enum money_vat vat;
	bool untagged;
	bool converted;
	bool shared;		/* client_id is the caller's (gifts_add_id) */
};

/* The persons a gift concerns (concerns records). */
struct plist {
	const char **v;
	size_t n, cap;
};

struct concern {
	const char *person, *source;
};

struct rate {
	int year;
	char cur[4];
	long long micro;
};

struct recip {
	const char *id, *name, *client_id, *client;
	long long total;
	size_t n, untagged;	/* its gifts, and those untagged */
	const char *unknown;	/* a currency not converted, or NULL */
	enum gifts_deductible d;
	const char *reason;
};

struct gifts {
	struct gifts_opts o;
	struct date start, end;
	char start_iso[DATE_BUFSZ], today_iso[DATE_BUFSZ];
	long long limit;
	char cur[4];
	struct arena a;		/* what the rows point to */
	struct arena scratch;	/* entries and concerns: what gifts_end
				 * builds the rows from; with o.sums freed
				 * once the sum rows are made */
	struct arena recip_a;	/* the recipients (not with o.sums) */
	struct hash_index recips;	/* recipient id → index in recv;
					 * with o.sums in rows (sum_row) */
	struct hash clients;	/* id → name */
	struct hash persons;	/* id → name */
	struct entry **ev;
	size_t en, ecap;
	struct plist *plist;	/* by entry seq, made (pn of them) when
				 * there are concerns records; else NULL */
	size_t pn;
	struct concern *cv;
	size_t cn, ccap;
	struct rate *rv;
	size_t rn, rcap;
	struct gifts_row *rows;
	size_t nrows, rowcap;
	struct recip **recv;
	size_t recn, reccap;
	struct buf tmp;
};

/* Room for one more of size bytes in v (n used, *cap allocated). */
static void *
grow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 16;
	if (c > (size_t)-1 / size)
		die_oom();
	*cap = c;
	return xrealloc(v, c * size);
}

static void
free_persons(struct gifts *g)
{
	for (size_t i = 0; i < g->pn; i++)
		free(g->plist[i].v);
	free(g->plist);
	g->plist = NULL;
	g->pn = 0;
}

/* The persons of an entry: none without concerns records. */
static const struct plist *
persons_of(const struct gifts *g, const struct entry *e)
{
	static const struct plist none;
	return g->plist ? &g->plist[e->seq] : &none;
}

struct gifts *
gifts_new(const struct gifts_opts *o)
{
	struct gifts *g = xcalloc(1, sizeof *g);
	g->o = *o;
	if (!g->o.start_m) {
		g->o.start_m = 1;
		g->o.start_d = 1;
	}
	if (!g->o.info)
		g->o.info = money_info;
	int m = g->o.start_m, d = g->o.start_d;
	int y = g->o.year;
	if (!y) {
		y = o->today.y;
		if (date_cmp(o->today, date_in_year(y, m, d)) < 0 && y > 1)
			y--;
	}
	g->start = date_in_year(y, m, d);
	g->end = date_in_year(y + 1, m, d);
	date_format(g->start, g->start_iso);
	date_format(o->today, g->today_iso);
	memcpy(g->cur, *o->currency ? o->currency : "EUR", 3);
	g->limit = o->limit;
	if (!g->limit)
		g->limit = date_cmp(g->start, (struct date){2024, 1, 1}) < 0 ?
		    GIFTS_LIMIT_OLD : GIFTS_LIMIT;
	return g;
}

void
gifts_free(struct gifts *g)
{
	if (!g)
		return;
	free_persons(g);
	free(g->ev);
	free(g->cv);
	free(g->rv);
	free(g->rows);
	free(g->recv);
	hash_free(&g->clients);
	hash_free(&g->persons);
	buf_free(&g->tmp);
	arena_free(&g->a);
	arena_free(&g->scratch);
	arena_free(&g->recip_a);
	hash_index_free(&g->recips);
	free(g);
}

struct date gifts_start(const struct gifts *g) { return g->start; }
struct date gifts_end_date(const struct gifts *g) { return g->end; }
long long gifts_limit(const struct gifts *g) { return g->limit; }
const char *gifts_currency(const struct gifts *g) { return g->cur; }
size_t gifts_rows(const struct gifts *g) { return g->nrows; }

const struct gifts_row *
gifts_row(const struct gifts *g, size_t i)
{
	return i < g->nrows ? &g->rows[i] : NULL;
}

/* Rates. */

void
gifts_rate(struct gifts *g, int year, const char *cur, long long micro)
{
	for (size_t i = 0; i < g->rn; i++)
		if (g->rv[i].year == year && !strcmp(g->rv[i].cur, cur)) {
			g->rv[i].micro = micro;
			return;
		}
	g->rv = grow(g->rv, g->rn, &g->rcap, sizeof *g->rv);
	struct rate *r = &g->rv[g->rn++];
	r->year = year;
	memcpy(r->cur, cur, 3);
	r->cur[3] = '\0';
	r->micro = micro;
}

static bool
is_cur(const char *s)
{
	return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' &&
	    s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* "1.0625" or "1,0625": millionths, at most 6 decimals, below 1e6. */
static int
parse_rate(const char *s, long long *micro)
{
	long long w = 0, f = 0;
	int nd = 0;
	const char *p = s;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((w = w * 10 + (*p - '0')) >= 1000000)
			return -1;
	if (*p == '.' || *p == ',') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, nd++)
			if (nd < 6)
				f = f * 10 + (*p - '0');
			else if (*p != '0')
				return -1;
		if (!nd)
			return -1;
	}
	if (*p)
		return -1;
	for (; nd < 6; nd++)
		f *= 10;
	*micro = w * 1000000 + f;
	return *micro > 0 ? 0 : -1;
}

static void
rate_line(struct gifts *g, char *s, const char *name, long line)
{
	char *hash = strchr(s, '#');
	if (hash)
		*hash = '\0';
	char *w[4];
	size_t n = 0;
	for (char *t = strtok(s, " \t\r"); t; t = strtok(NULL, " \t\r"))
		if (n < 4)
			w[n++] = t;
		else
			n = 4;
	if (!n)
		return;
	int year = 0;
	if (n == 3) {
		struct date d;
		char iso[16];
		if (strlen(w[0]) != 4 || snprintf(iso, sizeof iso, "%s-01-01",
		    w[0]) < 0 || date_parse_iso(iso, &d, false) != 0) {
			diag_error(name, line, "year '%s': write four digits, "
			    "e.g. 2026", w[0]);
			return;
		}
		year = d.y;
		w[0] = w[1];
		w[1] = w[2];
	} else if (n != 2) {
		diag_error(name, line, "write 'CUR RATE' or 'YYYY CUR RATE', "
		    "e.g. 'CHF 1.0625'");
		return;
	}
	long long micro;
	if (!is_cur(w[0])) {
		diag_error(name, line, "currency '%s': write three capital "
		    "letters, e.g. CHF", w[0]);
		return;
	}
	if (parse_rate(w[1], &micro) != 0) {
		diag_error(name, line, "rate '%s': write the value of one %s "
		    "in %s, e.g. 1.0625 (up to 6 decimals)", w[1], w[0],
		    g->cur);
		return;
	}
	gifts_rate(g, year, w[0], micro);
}

void
gifts_rates_read(struct gifts *g, FILE *fp, const char *name)
{
	struct lines l;
	lines_init(&l, fp, name);
	char *s;
	size_t n;
	while ((s = lines_next(&l, &n)))
		rate_line(g, s, name, l.lineno);
	lines_free(&l);
}

/* Records. */

/* The tags that make an entry with an amount an expense, a giveaway or a
 * tagged gift (any case); an entry with none of them is an untagged
 * gift. */
static const struct {
	const char *name;
	size_t len;
	enum gifts_kind kind;
} kind_tags[] = {
#define TAG(name, kind) { name, sizeof name - 1, kind }
	TAG("bewirtung", GIFTS_EXPENSE), TAG("meal", GIFTS_EXPENSE),
	TAG("essen", GIFTS_EXPENSE), TAG("expense", GIFTS_EXPENSE),
	TAG("spesen", GIFTS_EXPENSE), TAG("invoice", GIFTS_EXPENSE),
	TAG("rechnung", GIFTS_EXPENSE),
	TAG("giveaway", GIFTS_GIVEAWAY), TAG("streuartikel", GIFTS_GIVEAWAY),
	TAG("gift", GIFTS_GIFT), TAG("geschenk", GIFTS_GIFT),
#undef TAG
};

/* One pass over the tags: an expense tag (the first) wins over a
 * giveaway tag, which wins over a gift tag. */
enum gifts_kind
gifts_kind_of(const char *tags, const char **tag, bool *untagged)
{
	const char *expense = NULL;
	bool giveaway = false, gift = false;
	for (const char *t = tags; *t;) {
		size_t n = 0;
		while (t[n] && t[n] != ',')
			n++;
		for (size_t i = 0; i < sizeof kind_tags / sizeof *kind_tags;
		    i++) {
			/* the names are lower-case letters */
			if (kind_tags[i].len != n ||
			    (t[0] | 0x20) != kind_tags[i].name[0] ||
			    strncasecmp(t, kind_tags[i].name, n))
				continue;
			if (kind_tags[i].kind == GIFTS_EXPENSE && !expense)
				expense = kind_tags[i].name;
			giveaway |= kind_tags[i].kind == GIFTS_GIVEAWAY;
			gift |= kind_tags[i].kind == GIFTS_GIFT;
			break;
		}
		t += n;
		if (*t)
			t++;
	}
	if (tag)
		*tag = expense;
	if (untagged)
		*untagged = !expense && !giveaway && !gift;
	return expense ? GIFTS_EXPENSE : giveaway ? GIFTS_GIVEAWAY :
	    GIFTS_GIFT;
}

void
gifts_rates_copy(struct gifts *to, const struct gifts *from)
{
	for (size_t i = 0; i < from->rn; i++)
		gifts_rate(to, from->rv[i].year, from->rv[i].cur,
		    from->rv[i].micro);
}

/* Where an entry's strings go: the rows of gifts point to them, the sums
 * do not. */
static struct arena *
entry_arena(struct gifts *g)
{
	return g->o.sums ? &g->scratch : &g->a;
}

/* An entry; id: its ID kept by the caller, or NULL. */
static void
add_entry(struct gifts *g, char *const *f, const char *id)
{
	struct date d;
	long long cents;
	/* Most entries with an amount are of other years: a valid date
	 * compares as its text does, and an invalid one is left out either
	 * way. */
	if (!*f[ENTRY_AMOUNT] || strcmp(f[ENTRY_DATE], g->start_iso) < 0 ||
	    strcmp(f[ENTRY_DATE], g->today_iso) > 0)
		return;
	if (date_parse_iso(f[ENTRY_DATE], &d, false) ||
	    money_parse(f[ENTRY_AMOUNT], &cents) || !is_cur(f[ENTRY_CURRENCY]))
		return;
	if (date_cmp(d, g->start) < 0 || date_cmp(d, g->end) >= 0 ||
	    date_cmp(d, g->o.today) > 0)
		return;
	const char *tag;
	bool untagged;
	enum gifts_kind kind = gifts_kind_of(f[ENTRY_TAGS], &tag, &untagged);
	/* With o.sums a giveaway or expense makes no row, but it is kept
	 * all the same: a concerns record names its entry by SOURCE, and
	 * the entry found must be the one the full ledger finds. */
	struct entry *e = arena_alloc(&g->scratch, sizeof *e);
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->tag = tag;
	e->untagged = untagged;
	e->shared = id != NULL;
	e->client_id = id ? id : arena_strdup(entry_arena(g), f[ENTRY_ID]);
	e->date = d;
	e->cents = cents;
	memcpy(e->cur, f[ENTRY_CURRENCY], 4);
	/* The sums need the text only to convert another currency. */
	if (!g->o.sums || (kind == GIFTS_GIFT && strcmp(e->cur, g->cur)))
		e->text = arena_strdup(entry_arena(g), f[ENTRY_TEXT]);
	e->source = arena_strdup(entry_arena(g), f[ENTRY_SOURCE]);
	if (g->en >= UINT32_MAX)
		die_oom();	/* seq */
	e->seq = (uint32_t)g->en;
	g->ev = grow(g->ev, g->en, &g->ecap, sizeof *g->ev);
	g->ev[g->en++] = e;
}

static void
add_name(struct gifts *g, struct hash *h, const char *id, const char *name)
{
	void **slot = hash_put(h, id);
	if (!*slot)
		*slot = arena_strdup(&g->a, name);
}

void
gifts_add(struct gifts *g, const struct record *rec)
{
	char *const *f = rec->f;
	switch (rec->kind) {
	case RECORD_CLIENT:
		add_name(g, &g->clients, f[CLIENT_ID], f[CLIENT_NAME]);
		break;
	case RECORD_PERSON:
		add_name(g, &g->persons, f[PERSON_ID], f[PERSON_NAME]);
		break;
	case RECORD_CONCERNS:
		if (!record_person_client_len(f[CONCERNS_ID]))
			break;
		g->cv = grow(g->cv, g->cn, &g->ccap, sizeof *g->cv);
		g->cv[g->cn].person = arena_strdup(entry_arena(g),
		    f[CONCERNS_ID]);
		g->cv[g->cn++].source = arena_strdup(entry_arena(g),
		    f[CONCERNS_SOURCE]);
		break;
	case RECORD_ENTRY:
		add_entry(g, f, NULL);
		break;
	default:
		break;
	}
}

void
gifts_add_id(struct gifts *g, const struct record *rec, const char *id)
{
	if (id && rec->kind == RECORD_ENTRY)
		add_entry(g, rec->f, id);
	else
		gifts_add(g, rec);
}

static void
add_record(void *g, const struct record *rec)
{
	gifts_add(g, rec);
}

void
gifts_read(FILE *fp, const char *name, void *g)
{
	record_read_each(fp, name, add_record, g);
}

/* The end. */

static void
match_concerns(struct gifts *g)
{
	if (!g->cn)
		return;
	struct hash bysrc = {0};
	g->pn = g->en;
	g->plist = xcalloc(g->pn ? g->pn : 1, sizeof *g->plist);
	for (size_t i = 0; i < g->en; i++)
		*hash_put(&bysrc, g->ev[i]->source) = g->ev[i];
	for (size_t i = 0; i < g->cn; i++) {
		struct entry *e = hash_get(&bysrc, g->cv[i].source);
		const char *p = g->cv[i].person;
		size_t cl = record_person_client_len(p);
		if (!e || e->kind != GIFTS_GIFT || strlen(e->client_id) != cl ||
		    strncmp(e->client_id, p, cl))
			continue;
		struct plist *pl = &g->plist[e->seq];
		size_t k;
		for (k = 0; k < pl->n && strcmp(pl->v[k], p); k++)
			;
		if (k < pl->n)
			continue;
		pl->v = grow(pl->v, pl->n, &pl->cap, sizeof *pl->v);
		pl->v[pl->n++] = p;
	}
	hash_free(&bysrc);
}

/* Round half up: cents * micro / 1e6, without overflow for cents up to
 * MONEY_MAX_CENTS and rates below 1e6. */
static long long
convert_rate(long long cents, long long micro)
{
	long long w = micro / 1000000, f = micro % 1000000;
	return cents * w + (cents * f + 500000) / 1000000;
}

static void
convert(struct gifts *g, struct entry *e)
{
	struct money_info mi;
	bool info = e->text && g->o.info(e->text, strlen(e->text), &mi);
	if (info)
		e->vat = mi.vat;
	if (!strcmp(e->cur, g->cur)) {
		e->converted = true;
		e->value = e->cents;
		return;
	}
	if (info && mi.has_equiv && !strcmp(mi.equiv.currency, g->cur) &&
	    !strcmp(mi.amount.currency, e->cur) && mi.amount.cents == e->cents) {
		e->converted = true;
		e->value = mi.equiv.cents;
		return;
	}
	const struct rate *any = NULL, *year = NULL;
	for (size_t i = 0; i < g->rn; i++)
		if (!strcmp(g->rv[i].cur, e->cur)) {
			if (g->rv[i].year == e->date.y)
				year = &g->rv[i];
			else if (!g->rv[i].year)
				any = &g->rv[i];
		}
	if (!year)
		year = any;
	if (year) {
		e->converted = true;
		e->value = convert_rate(e->cents, year->micro);
	}
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = *(void *const *)pa, *b = *(void *const *)pb;
	int d = date_cmp(a->date, b->date);
	if (d)
		return d;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

static const char *
client_name(struct gifts *g, const char *id)
{
	const char *n = hash_get(&g->clients, id);
	return n && *n ? n : id;
}

/* A person's name, else its SLUG. */
static const char *
person_name(struct gifts *g, const char *id)
{
	const char *n = hash_get(&g->persons, id);
	if (n && *n)
		return n;
	const char *slug = id + record_person_client_len(id) + 1;
	return *slug ? slug : id;
}

static struct gifts_row *
new_row(struct gifts *g, const struct entry *e, enum gifts_kind kind)
{
	g->rows = grow(g->rows, g->nrows, &g->rowcap, sizeof *g->rows);
	struct gifts_row *r = &g->rows[g->nrows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	if (e) {
		r->date = e->date;
		r->client_id = e->client_id;
		r->client = client_name(g, e->client_id);
		r->text = e->text;
		r->amount = e->cents;
		memcpy(r->currency, e->cur, 4);
		r->converted = e->converted;
		r->value = e->value;
		r->source = e->source;
		r->untagged = e->untagged;
		r->vat = e->vat;
	}
	return r;
}

static const char *
recip_key(const void *g, size_t i)
{
	return ((const struct gifts *)g)->recv[i]->id;
}

/* The recipient of id, made when new (not with o.sums: sum_row). */
static struct recip *
recipient(struct gifts *g, const char *id, const struct entry *e)
{
	size_t i = hash_index_put(&g->recips, id, g->recn, recip_key, g);
	if (i < g->recn)
		return g->recv[i];
	bool own = id == e->client_id;
	struct recip *r = arena_alloc(&g->recip_a, sizeof *r);
	memset(r, 0, sizeof *r);
	r->id = id;
	r->client_id = own ? r->id : e->client_id;
	r->client = client_name(g, r->client_id);
	r->name = own ? r->client : person_name(g, r->id);
	g->recv = grow(g->recv, g->recn, &g->reccap, sizeof *g->recv);
	g->recv[g->recn++] = r;
	return r;
}

/* The share k of n parts of whole: the first whole % n parts get one
 * cent more. */
static long long
share(long long whole, size_t n, size_t k)
{
	return whole / (long long)n + ((long long)k < whole % (long long)n);
}

static void
gift_rows(struct gifts *g, struct entry *e)
{
	const struct plist *pl = persons_of(g, e);
	size_t n = pl->n ? pl->n : 1;
	if (pl->n > 1)	/* then there is a plist */
		qsort(g->plist[e->seq].v, pl->n, sizeof *pl->v, cmp_str);
	for (size_t k = 0; k < n; k++) {
		const char *id = pl->n ? pl->v[k] : e->client_id;
		struct recip *rc = recipient(g, id, e);
		long long value = share(e->value, n, k);
		if (e->converted)
			rc->total += value;
		else if (!rc->unknown)
			rc->unknown = e->cur;
		rc->n++;
		rc->untagged += e->untagged;
		struct gifts_row *r = new_row(g, e, GIFTS_GIFT);
		r->recipient_id = rc->id;
		r->recipient = rc->name;
		r->amount = share(e->cents, n, k);
		r->value = value;
		r->total = rc->total;
	}
}

static const char *
fmt(struct gifts *g, const char *f, ...) __attribute__((format(printf, 2, 3)));

static const char *
fmt(struct gifts *g, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	buf_reset(&g->tmp);
	buf_vprintf(&g->tmp, f, ap);
	va_end(ap);
	return arena_strdup(&g->a, g->tmp.s);
}

/* Append an amount and the limit's currency: "35.00 EUR". */
static void
add_money(struct gifts *g, struct buf *b, long long cents)
{
	char a[MONEY_BUFSZ];
	buf_adds(b, money_format(cents, a));
	buf_addc(b, ' ');
	buf_adds(b, g->cur);
}

/* Whether a recipient's gifts of total (known values) are deductible,
 * and why; unknown: a currency not converted, or NULL.  within is the
 * reason of all recipients within the limit. */
static enum gifts_deductible
judgement(struct gifts *g, long long total, const char *unknown,
	  const char *within, const char **why)
{
	if (total > g->limit) {
		buf_reset(&g->tmp);
		buf_adds(&g->tmp, "total ");
		add_money(g, &g->tmp, total);
		buf_adds(&g->tmp, " over ");
		add_money(g, &g->tmp, g->limit);
		*why = arena_strdup(&g->a, g->tmp.s);
		return GIFTS_NO;
	}
	if (unknown) {
		*why = fmt(g, "%s not converted", unknown);
		return GIFTS_UNKNOWN;
	}
	*why = within;
	return GIFTS_YES;
}

static void
judge(struct gifts *g, struct recip *rc, const char *within)
{
	rc->d = judgement(g, rc->total, rc->unknown, within, &rc->reason);
}

static const char *const vat_name[] = {"", "net", "gross"};

/* The reason of a row, with what the user should know besides (why
 * itself when there is nothing: it lives as long as the ledger). */
static void
reason(struct gifts *g, struct gifts_row *r, const char *why)
{
	if (!r->untagged && r->vat == MONEY_VAT_NONE) {
		r->reason = why;
		return;
	}
	buf_reset(&g->tmp);
	buf_adds(&g->tmp, why);
	if (r->untagged)
		buf_adds(&g->tmp, "; untagged: check it is a gift");
	if (r->vat != MONEY_VAT_NONE)
		buf_printf(&g->tmp, "; %s", vat_name[r->vat]);
	r->reason = arena_strdup(&g->a, g->tmp.s);
}

/* Recipients by client name, client id, the client itself before its
 * persons, then by name and id; a recipient is itself (id ==
 * client_id) when its id is its client's string. */
static int
cmp_who(const char *aclient, const char *acid, const char *aname,
	const char *aid, const char *bclient, const char *bcid,
	const char *bname, const char *bid)
{
	int d;
	if ((d = strcmp(aclient, bclient)) || (d = strcmp(acid, bcid)))
		return d;
	if ((aid == acid) != (bid == bcid))
		return aid == acid ? -1 : 1;
	if ((d = strcmp(aname, bname)))
		return d;
	return strcmp(aid, bid);
}

static int
cmp_recip(const void *pa, const void *pb)
{
	const struct recip *a = *(void *const *)pa, *b = *(void *const *)pb;
	return cmp_who(a->client, a->client_id, a->name, a->id, b->client,
	    b->client_id, b->name, b->id);
}

static int
cmp_sum_row(const void *pa, const void *pb)
{
	const struct gifts_row *a = pa, *b = pb;
	return cmp_who(a->client, a->client_id, a->recipient, a->recipient_id,
	    b->client, b->client_id, b->recipient, b->recipient_id);
}

/* A sum row's text: "N gifts". */
static const char *
count_text(struct gifts *g, size_t n)
{
	buf_reset(&g->tmp);
	buf_addnum(&g->tmp, (long)n);
	buf_adds(&g->tmp, n == 1 ? " gift" : " gifts");
	return arena_strdup(&g->a, g->tmp.s);
}

/* With o.sums the sum rows are the recipients, made as they come (room
 * for them was reserved: they do not move); no struct recip is made.
 * Until judged, a sum row's currency holds the first currency not
 * converted ("" for a sum). */
static const char *
sum_key(const void *g, size_t i)
{
	return ((const struct gifts *)g)->rows[i].recipient_id;
}

static struct gifts_row *
sum_row(struct gifts *g, const char *id, const struct entry *e)
{
	size_t i = hash_index_put(&g->recips, id, g->nrows, sum_key, g);
	if (i < g->nrows)
		return &g->rows[i];
	bool own = id == e->client_id;
	struct gifts_row *r = new_row(g, NULL, GIFTS_SUM);
	r->recipient_id = own && e->shared ? id : arena_strdup(&g->a, id);
	r->client_id = own ? r->recipient_id : e->shared ? e->client_id :
	    arena_strdup(&g->a, e->client_id);
	r->client = client_name(g, r->client_id);
	r->recipient = own ? r->client : person_name(g, r->recipient_id);
	r->source = "";
	return r;
}

/* A gift's shares into its recipients' sum rows (o.sums). */
static void
sum_gift(struct gifts *g, const struct entry *e)
{
	const struct plist *pl = persons_of(g, e);
	size_t n = pl->n ? pl->n : 1;
	if (pl->n > 1)	/* then there is a plist */
		qsort(g->plist[e->seq].v, pl->n, sizeof *pl->v, cmp_str);
	for (size_t k = 0; k < n; k++) {
		struct gifts_row *r = sum_row(g, pl->n ? pl->v[k] :
		    e->client_id, e);
		if (e->converted)
			r->total += share(e->value, n, k);
		else if (!*r->currency)
			memcpy(r->currency, e->cur, 4);
		r->count++;
		r->untagged_count += e->untagged;
	}
}

/* The sum rows judged, named and in order (o.sums). */
static void
end_sums(struct gifts *g, const char *within)
{
	for (size_t i = 0; i < g->nrows; i++) {
		struct gifts_row *r = &g->rows[i];
		r->deductible = judgement(g, r->total, *r->currency ?
		    r->currency : NULL, within, &r->reason);
		r->currency[0] = '\0';
		r->text = count_text(g, r->count);
	}
	if (g->nrows > 1)
		qsort(g->rows, g->nrows, sizeof *g->rows, cmp_sum_row);
}


void
gifts_value_example(struct buf *b, const char *cur)
{
	if (!strcmp(cur, "EUR"))
		buf_adds(b, "31,85 \xe2\x82\xac");
	else
		buf_printf(b, "31.85 %s", cur);
}

static void
warn_unconverted(struct gifts *g, const struct entry *e)
{
	char a[MONEY_BUFSZ];
	struct buf ex = {0};
	gifts_value_example(&ex, g->cur);
	const char *colon = strrchr(e->source, ':');
	char *file = colon ? xstrndup(e->source, colon - e->source) :
	    xstrdup(e->source);
	long line = colon ? strtol(colon + 1, NULL, 10) : 0;
	diag_warning(file, line, "%s %s not converted into %s: write the "
	    "value in %s after the amount, '(= %s)', or give a rates file "
	    "with -r", money_format(e->cents, a), e->cur, g->cur, g->cur,
	    ex.s);
	buf_free(&ex);
	free(file);
}

static void
other_rows(struct gifts *g, enum gifts_kind kind)
{
	for (size_t i = 0; i < g->en; i++) {
		struct entry *e = g->ev[i];
		if (e->kind != kind)
			continue;
		struct gifts_row *r = new_row(g, e, kind);
		r->untagged = false;
		if (kind == GIFTS_EXPENSE) {
			reason(g, r, fmt(g, "#%s: no gift", e->tag));
			continue;
		}
		long long eur = -1;
		if (!strcmp(e->cur, "EUR"))
			eur = e->cents;
		else if (e->converted && !strcmp(g->cur, "EUR"))
			eur = e->value;
		reason(g, r, eur > GIFTS_GIVEAWAY_MAX ? "over 10.00 EUR: a "
		    "giveaway is at most 10 EUR an item" : "giveaway");
	}
}

/* Room for n more rows, allocated at once: the rows are not doubled past
 * what they need (a million sums at a million clients). */
static void
reserve(struct gifts *g, size_t n)
{
	if (g->rowcap - g->nrows >= n)
		return;
	if (n > (size_t)-1 / sizeof *g->rows - g->nrows)
		die_oom();
	g->rowcap = g->nrows + n;
	g->rows = xrealloc(g->rows, g->rowcap * sizeof *g->rows);
}

/* The rows of gifts, and those that gifts_end adds after them. */
static size_t
rows_of_gifts(const struct gifts *g)
{
	size_t n = 0;
	for (size_t i = 0; i < g->en; i++) {
		size_t np = persons_of(g, g->ev[i])->n;
		if (g->ev[i]->kind == GIFTS_GIFT)
			n += np ? np : 1;
	}
	return n;
}

static size_t
rows_after_gifts(const struct gifts *g)
{
	size_t n = g->recn;
	for (size_t i = 0; i < g->en; i++)
		n += g->ev[i]->kind != GIFTS_GIFT;
	return n;
}

/* The sums are known (o.sums): the entries and concerns they were made
 * from are freed (no row points to them), and the recipients' index. */
static void
drop_entries(struct gifts *g)
{
	free_persons(g);
	free(g->ev);
	free(g->cv);
	g->ev = NULL;
	g->cv = NULL;
	g->en = g->ecap = g->cn = g->ccap = 0;
	arena_free(&g->scratch);
	hash_index_free(&g->recips);
}

void
gifts_end(struct gifts *g)
{
	match_concerns(g);
	if (g->en > 1)
		qsort(g->ev, g->en, sizeof *g->ev, cmp_entry);
	/* the gift rows; with o.sums room for the sum rows (at most one
	 * a gift row), which do not move */
	size_t ngifts = rows_of_gifts(g);
	reserve(g, ngifts);
	hash_index_init(&g->recips, ngifts);
	for (size_t i = 0; i < g->en; i++) {
		struct entry *e = g->ev[i];
		convert(g, e);
		if (e->kind != GIFTS_GIFT)
			continue;
		if (!e->converted && g->o.warn)
			warn_unconverted(g, e);
		if (g->o.sums)
			sum_gift(g, e);
		else
			gift_rows(g, e);
	}
	buf_reset(&g->tmp);
	buf_adds(&g->tmp, "within ");
	add_money(g, &g->tmp, g->limit);
	const char *within = arena_strdup(&g->a, g->tmp.s);
	if (g->o.sums) {	/* no entry row: no giveaway, no expense */
		end_sums(g, within);
		drop_entries(g);
		return;
	}
	for (size_t i = 0; i < g->recn; i++)
		judge(g, g->recv[i], within);
	for (size_t i = 0; i < ngifts; i++) {
		struct gifts_row *r = &g->rows[i];
		const struct recip *rc = g->recv[hash_index_put(&g->recips,
		    r->recipient_id, g->recn, recip_key, g)];
		r->deductible = rc->d;
		const char *why = rc->reason;
		if (rc->d == GIFTS_UNKNOWN && r->converted)
			why = fmt(g, "total unknown: %s not converted",
			    rc->unknown);
		reason(g, r, why);
	}
	if (g->recn > 1)
		qsort(g->recv, g->recn, sizeof *g->recv, cmp_recip);
	reserve(g, rows_after_gifts(g));
	for (size_t i = 0; i < g->recn; i++) {
		struct recip *rc = g->recv[i];
		struct gifts_row *r = new_row(g, NULL, GIFTS_SUM);
		r->recipient_id = rc->id;
		r->recipient = rc->name;
		r->client_id = rc->client_id;
		r->client = rc->client;
		r->text = count_text(g, rc->n);
		r->source = "";
		r->total = rc->total;
		r->count = rc->n;
		r->untagged_count = rc->untagged;
		r->deductible = rc->d;
		r->reason = rc->reason;
	}
	other_rows(g, GIFTS_GIVEAWAY);
	other_rows(g, GIFTS_EXPENSE);
	hash_index_free(&g->recips);
}

/* Writing. */

static const char *const kind_name[] = {"gift", "sum", "giveaway", "expense"};
static const char *const deductible_name[] = {"", "yes", "no", "unknown"};
static const char *const columns[] = {
	"KIND", "DATE", "RECIPIENT", "CLIENT", "TEXT", "AMOUNT", "CURRENCY",
	"VALUE", "TOTAL", "DEDUCTIBLE", "REASON", "SOURCE", NULL
};

static void
put_field(struct buf *out, const char *s, enum gifts_format f, bool first)
{
	if (!first)
		buf_addc(out, f == GIFTS_CSV ? ';' : '\t');
	if (f == GIFTS_TSV) {
		record_escape_str(out, s);
		return;
	}
	/* A spreadsheet reads a cell that starts with one of these as a
	 * formula (CSV injection): a leading apostrophe makes it text. */
	bool formula = *s && strchr("=+-@\t\r", *s);
	if (!formula && !s[strcspn(s, ";\"\r\n")]) {
		buf_adds(out, s);
		return;
	}
	buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

static void
put_money(struct buf *out, bool has, long long cents, enum gifts_format f)
{
	char a[MONEY_BUFSZ];
	if (has) {
		money_format(cents, a);
		char *dot = strchr(a, '.');
		if (dot && f == GIFTS_CSV)
			*dot = ',';
	}
	/* digits, a decimal mark and perhaps a minus: never quoted */
	buf_addc(out, f == GIFTS_CSV ? ';' : '\t');
	if (has)
		buf_adds(out, a);
}

static void
end_line(struct buf *out, enum gifts_format f)
{
	buf_adds(out, f == GIFTS_CSV ? "\r\n" : "\n");
}

enum { GIFTS_BLOCK = 64 * 1024 };	/* bytes gifts_print writes at once */

static void write_rows(const struct gifts *g, struct buf *out,
		       enum gifts_format f, FILE *fp);

void
gifts_write(const struct gifts *g, struct buf *out, enum gifts_format f)
{
	write_rows(g, out, f, NULL);
}

void
gifts_print(const struct gifts *g, FILE *fp, enum gifts_format f)
{
	struct buf out = {0};
	write_rows(g, &out, f, fp);
	fwrite(out.s ? out.s : "", 1, out.len, fp);
	buf_free(&out);
}

/* The header and the rows into out; with fp, out is written to fp
 * whenever it holds GIFTS_BLOCK bytes, so a ledger of a million rows
 * never sits whole in memory. */
static void
write_rows(const struct gifts *g, struct buf *out, enum gifts_format f,
	   FILE *fp)
{
	for (size_t i = 0; columns[i]; i++)
		put_field(out, columns[i], f, i == 0);
	end_line(out, f);
	for (size_t i = 0; i < g->nrows; i++) {
		const struct gifts_row *r = &g->rows[i];
		char d[DATE_BUFSZ];
		bool sum = r->kind == GIFTS_SUM;
		put_field(out, kind_name[r->kind], f, true);
		put_field(out, sum ? "" : date_format(r->date, d), f, false);
		put_field(out, r->recipient ? r->recipient : "", f, false);
		put_field(out, r->client, f, false);
		put_field(out, r->text, f, false);
		put_money(out, !sum, r->amount, f);
		put_field(out, r->currency, f, false);
		put_money(out, !sum && r->converted, r->value, f);
		put_money(out, r->kind <= GIFTS_SUM, r->total, f);
		put_field(out, deductible_name[r->deductible], f, false);
		put_field(out, r->reason, f, false);
		put_field(out, r->source, f, false);
		end_line(out, f);
		if (fp && out->len >= GIFTS_BLOCK) {
			fwrite(out->s, 1, out->len, fp);
			buf_reset(out);
		}
	}
}

int
gifts_limit_parse(const char *s, long long *cents, char cur[4])
{
	size_t n = strspn(s, "0123456789.,");
	char num[MONEY_BUFSZ];
	if (!n || n >= sizeof num)
		return -1;
	memcpy(num, s, n);
	num[n] = '\0';
	char *comma = strchr(num, ',');
	if (comma)
		*comma = '.';
	if (money_parse(num, cents) != 0 || *cents <= 0)
		return -1;
	s += n;
	while (*s == ' ')
		s++;
	if (!*s) {
		memcpy(cur, "EUR", 4);
		return 0;
	}
	if (strlen(s) != 3)
		return -1;
	for (int i = 0; i < 3; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c < 'A' || c > 'Z')
			return -1;
		cur[i] = c;
	}
	cur[3] = '\0';
	return 0;
}
