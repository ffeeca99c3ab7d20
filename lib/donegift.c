/* donegift.c: tact-done's warning about the limit of the year.
 *
 * The first read of tact-done keeps only what finding the client needs,
 * and was made before the lock; so the notes are parsed once more after
 * the write, and only the records of the entry's client (its client,
 * persons, concerns and entries with an amount) are kept, as tact-parse
 * writes them (notes_record), for the ledger to read.  Whether the
 * recipient was over the limit before is told from the same ledger: its
 * total without this gift's share. */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "donegift.h"
#include "gifts.h"
#include "notesrec.h"

struct keep {
	const char *client;
	struct record_out w;
};

static void
keep(const struct notes_item *it, void *ctx)
{
	struct keep *k = ctx;
	const char *client = it->id;
	switch (it->kind) {
	case NOTES_ENTRY:
		if (!it->has_amount)
			return;
		break;
	case NOTES_PERSON:
	case NOTES_CONCERNS:
		client = it->client;
		break;
	case NOTES_CLIENT:
		break;
	default:
		return;
	}
	if (client && !strcmp(client, k->client))
		notes_record(it, &k->w);
}

/* The sum row of recipient id. */
static const struct gifts_row *
sum_of(const struct gifts *g, const char *id)
{
	const struct gifts_row *r;
	for (size_t i = 0; (r = gifts_row(g, i)); i++)
		if (r->kind == GIFTS_SUM && !strcmp(r->recipient_id, id))
			return r;
	return NULL;
}

/* "Katrin Brenner (Acme GmbH)", or the client's name alone. */
static void
who(struct buf *b, const struct gifts_row *r)
{
	buf_reset(b);
	buf_adds(b, r->recipient);
	if (strcmp(r->recipient_id, r->client_id))
		buf_printf(b, " (%s)", r->client);
}

/* Warn about the recipient of r, a row of the new entry. */
static void
judge(const struct gifts *g, const struct gifts_row *r, const char *src)
{
	const struct gifts_row *sum = sum_of(g, r->recipient_id);
	if (!sum)
		return;
	char total[MONEY_BUFSZ], limit[MONEY_BUFSZ];
	const char *cur = gifts_currency(g);
	int year = gifts_start(g).y;
	struct buf name = {0};
	who(&name, r);
	money_format(gifts_limit(g), limit);
	if (sum->deductible == GIFTS_NO) {
		long long before = sum->total - (r->converted ? r->value : 0);
		if (before <= gifts_limit(g))
			diag_note("warning: this gift takes %s to %s %s in %d, "
			    "over the limit of %s %s: none of their %d gifts "
			    "is deductible (a threshold, not an allowance)",
			    name.s, money_format(sum->total, total), cur, year,
			    limit, cur, year);
	} else if (sum->deductible == GIFTS_UNKNOWN) {
		/* The first amount not converted, this gift's or another. */
		const struct gifts_row *u = r->converted ? NULL : r, *o;
		for (size_t i = 0; !u && (o = gifts_row(g, i)); i++)
			if (o->kind == GIFTS_GIFT && !o->converted &&
			    !strcmp(o->recipient_id, r->recipient_id))
				u = o;
		if (u) {
			struct buf ex = {0};
			gifts_value_example(&ex, cur);
			diag_note("warning: cannot tell whether this gift "
			    "takes %s over the limit of %s %s in %d: %s %s%s "
			    "is not converted into %s; write its value after "
			    "the amount, e.g. '(= %s)'", name.s, limit, cur,
			    year, money_format(u->amount, total), u->currency,
			    strcmp(u->source, src) ? " of an earlier gift" : "",
			    cur, ex.s);
			buf_free(&ex);
		}
	}
	buf_free(&name);
}

void
donegift_warn(const struct notesedit_req *rq,
	      const struct notesedit_result *res)
{
	if (!res->added || !res->has_amount || !res->tags ||
	    gifts_kind_of(res->tags, NULL, NULL) != GIFTS_GIFT)
		return;
	struct buf recs = {0};
	struct keep k = { .client = res->client_id };
	record_out_init(&k.w, &recs, NULL);
	notesedit_each(rq, keep, &k);
	record_out_free(&k.w);

	/* Entries after today are plans; logged late, an entry still
	 * counts with the year's others logged before it. */
	struct date today = date_today();
	struct gifts_opts o = { .year = rq->date.y,
	    .today = date_cmp(today, rq->date) > 0 ? today : rq->date };
	struct gifts *g = gifts_new(&o);
	FILE *fp = recs.len ? fmemopen(recs.s, recs.len, "r") : NULL;
	if (fp) {
		gifts_read(fp, "-", g);
		fclose(fp);
	}
	gifts_end(g);
	struct buf src = {0};
	buf_printf(&src, "%s:%ld", res->file, res->line);
	const struct gifts_row *r;
	for (size_t i = 0; (r = gifts_row(g, i)); i++)
		if (r->kind == GIFTS_GIFT && !strcmp(r->source, src.s))
			judge(g, r, src.s);
	buf_free(&src);
	gifts_free(g);
	buf_free(&recs);
}
