/* notesrec.c: the items of notes as records.  The parser knows the
 * lengths of an item's strings and, for a section's items, whether any
 * needs an escape: the columns are written without measuring them again
 * (record_put_cols). */
#include <string.h>

#include "date.h"
#include "money.h"
#include "notesrec.h"

/* The length of date_format's text: "YYYY-MM-DD", or "--MM-DD" without
 * a year. */
static size_t
date_len(struct date d)
{
	return d.y == 0 ? 7 : 10;
}

#define PUT(w, name, c, it) \
	record_put_cols(w, name, sizeof name - 1, c, sizeof c / sizeof *c, \
	    (it)->file, (it)->line)

static void
put_field(struct record_out *w, const struct notes_item *it)
{
	char date[DATE_BUFSZ];
	const struct record_col c[] = {
		{it->id, it->idn, !it->plain},
		{it->key, it->keyn, false},
		{it->has_date ? date_format(it->date, date) : "",
		    it->has_date ? date_len(it->date) : 0, false},
		{it->value, it->valuen, !it->plain},
	};
	PUT(w, RECORD_FIELD_NAME, c, it);
}

static void
put_entry(struct record_out *w, const struct notes_item *it)
{
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	const char *a = "", *cur = "";
	size_t an = 0, cn = 0;
	if (it->has_amount) {
		a = money_format(it->amount.cents, amount);
		an = strlen(a);
		cur = it->amount.currency;
		cn = strlen(cur);
	}
	const struct record_col c[] = {
		{it->id, it->idn, !it->plain},
		{date_format(it->date, date), date_len(it->date), false},
		{a, an, false},
		{cur, cn, false},
		{it->tags, it->tagsn, false},
		{it->text, it->textn, !it->plain},
	};
	PUT(w, RECORD_ENTRY_NAME, c, it);
}

void
notes_record(const struct notes_item *it, void *arg)
{
	struct record_out *w = arg;
	switch (it->kind) {
	case NOTES_CLIENT: {
		const struct record_col c[] = {
			{it->id, it->idn, !it->plain}, {it->name, it->namen, !it->plain},
		};
		PUT(w, RECORD_CLIENT_NAME, c, it);
		break;
	}
	case NOTES_FIELD:
		put_field(w, it);
		break;
	case NOTES_ENTRY:
		put_entry(w, it);
		break;
	case NOTES_PERSON: {
		const struct record_col c[] = {
			{it->id, it->idn, !it->plain}, {it->name, it->namen, !it->plain},
		};
		PUT(w, RECORD_PERSON_NAME, c, it);
		break;
	}
	case NOTES_CONCERNS: {
		char date[DATE_BUFSZ];
		const struct record_col c[] = {
			{it->id, it->idn, !it->plain},
			{date_format(it->date, date), date_len(it->date), false},
		};
		PUT(w, RECORD_CONCERNS_NAME, c, it);
		break;
	}
	case NOTES_SECTION:
		return;
	}
	if (w->buf->len >= NOTESREC_BLOCK)
		record_out_flush(w);
}
