/* recwrite.c: one writer per kind of record (tact-records(5)).
 *
 * tact-parse writes millions of records: a field is copied in runs
 * between the bytes that need an escape (found with strcspn, which is
 * vectorized), the fields that cannot need one are copied as they are,
 * and a source's file name is escaped once a file rather than once a
 * record. */
#include <string.h>

#include "record.h"

/* Runs of at least this many bytes go to fp at once (struct record_out). */
#define LONG_RUN (1 << 16)

void
record_out_init(struct record_out *w, struct buf *buf, FILE *fp)
{
	*w = (struct record_out){.buf = buf, .fp = fp};
}

void
record_out_flush(struct record_out *w)
{
	if (w->fp && w->buf->len)	/* buf->s is NULL when nothing
					 * was written */
		fwrite(w->buf->s, 1, w->buf->len, w->fp);
	if (w->fp)
		buf_reset(w->buf);
}

void
record_out_free(struct record_out *w)
{
	buf_free(&w->src);
	w->file = NULL;
}

/* Append the kind's name, a string literal (RECORD_ENTRY_NAME …). */
#define ADD_KIND(w, name) buf_add((w)->buf, name, sizeof name - 1)

/* Append a TAB and a field that may hold a TAB, a backslash, a CR or a
 * LF, escaped. */
static void
add(struct record_out *w, const char *s)
{
	buf_addc(w->buf, '\t');
	for (;;) {
		size_t run = strcspn(s, "\\\t\r\n");
		if (run >= LONG_RUN && w->fp) {
			record_out_flush(w);
			fwrite(s, 1, run, w->fp);
		} else {
			buf_add(w->buf, s, run);
		}
		s += run;
		if (!*s)
			return;
		record_escape(w->buf, s++, 1);
	}
}

/* Append a TAB and a field that cannot need an escape (often empty). */
static void
add_plain(struct record_out *w, const char *s)
{
	buf_addc(w->buf, '\t');
	if (*s)
		buf_adds(w->buf, s);
}

/* Append a TAB, "FILE:LINE" and the record's LF. */
static void
add_source(struct record_out *w, const char *file, long line)
{
	if (file != w->file) {
		buf_reset(&w->src);
		record_escape_str(&w->src, file);
		buf_addc(&w->src, ':');
		w->file = file;
	}
	buf_addc(w->buf, '\t');
	buf_add(w->buf, w->src.s, w->src.len);
	buf_addnum(w->buf, line);
	buf_addc(w->buf, '\n');
}

void
record_put_client(struct record_out *w, const char *id, const char *name,
    const char *file, long line)
{
	ADD_KIND(w, RECORD_CLIENT_NAME);
	add(w, id);
	add(w, name);
	add_source(w, file, line);
}

void
record_put_field(struct record_out *w, const char *id, const char *key,
    const char *date, const char *value, const char *file, long line)
{
	ADD_KIND(w, RECORD_FIELD_NAME);
	add(w, id);
	add_plain(w, key);
	add_plain(w, date);
	add(w, value);
	add_source(w, file, line);
}

void
record_put_entry(struct record_out *w, const struct record_entry *e,
    const char *file, long line)
{
	ADD_KIND(w, RECORD_ENTRY_NAME);
	add(w, e->id);
	add_plain(w, e->date);
	add_plain(w, e->amount);
	add_plain(w, e->currency);
	add_plain(w, e->tags);
	add(w, e->text);
	add_source(w, file, line);
}

void
record_put_person(struct record_out *w, const char *id, const char *name,
    const char *file, long line)
{
	ADD_KIND(w, RECORD_PERSON_NAME);
	add(w, id);
	add(w, name);
	add_source(w, file, line);
}

void
record_put_concerns(struct record_out *w, const char *id, const char *date,
    const char *file, long line)
{
	ADD_KIND(w, RECORD_CONCERNS_NAME);
	add(w, id);
	add_plain(w, date);
	add_source(w, file, line);
}

void
record_put_due(struct record_out *w, const struct record_due *d)
{
	struct buf *out = w->buf;
	if (d->kind == RECORD_OVERDUE)
		ADD_KIND(w, RECORD_OVERDUE_NAME);
	else
		ADD_KIND(w, RECORD_DUE_NAME);
	add_plain(w, d->act);
	add_plain(w, d->date);
	buf_addc(out, '\t');
	record_escape(out, d->id, d->idlen);
	buf_addc(out, '\t');
	record_escape(out, d->occasion, strlen(d->occasion));
	buf_addc(out, '\t');
	buf_add(out, d->gesture, d->gesturelen);
	buf_addc(out, '\t');
	record_escape(out, d->source, d->sourcelen);
	buf_addc(out, '\n');
}

void
record_put_plan(struct record_out *w, const char *occasion,
    const char *amount, const char *currency, const char *source)
{
	ADD_KIND(w, RECORD_PLAN_NAME);
	add(w, occasion);
	add_plain(w, amount);
	add_plain(w, currency);
	add(w, source);
	buf_addc(w->buf, '\n');
}
