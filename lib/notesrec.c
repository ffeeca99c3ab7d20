/* notesrec.c: the items of notes as records. */
#include "date.h"
#include "money.h"
#include "notesrec.h"

static void
put_field(struct record_out *w, const struct notes_item *it)
{
	char date[DATE_BUFSZ];
	record_put_field(w, it->id, it->key,
	    it->has_date ? date_format(it->date, date) : "", it->value,
	    it->file, it->line);
}

static void
put_entry(struct record_out *w, const struct notes_item *it)
{
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	struct record_entry e = {
		.id = it->id,
		.date = date_format(it->date, date),
		.amount = it->has_amount ?
		    money_format(it->amount.cents, amount) : "",
		.currency = it->has_amount ? it->amount.currency : "",
		.tags = it->tags,
		.text = it->text,
	};
	record_put_entry(w, &e, it->file, it->line);
}

void
notes_record(const struct notes_item *it, void *arg)
{
	struct record_out *w = arg;
	switch (it->kind) {
	case NOTES_CLIENT:
		record_put_client(w, it->id, it->name, it->file, it->line);
		break;
	case NOTES_FIELD:
		put_field(w, it);
		break;
	case NOTES_ENTRY:
		put_entry(w, it);
		break;
	case NOTES_PERSON:
		record_put_person(w, it->id, it->name, it->file, it->line);
		break;
	case NOTES_CONCERNS: {
		char date[DATE_BUFSZ];
		record_put_concerns(w, it->id, date_format(it->date, date),
		    it->file, it->line);
		break;
	}
	case NOTES_SECTION:
		return;
	}
	if (w->buf->len >= NOTESREC_BLOCK)
		record_out_flush(w);
}
