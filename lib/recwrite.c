/* recwrite.c: one writer per kind of record (tact-records(5)).
 *
 * tact-parse writes millions of records: a field is copied in runs
 * between the bytes that need an escape (found with strcspn, which is
 * vectorized), the fields that cannot need one are copied as they are,
 * and a source's file name is escaped once a file rather than once a
 * record. */
#include <stdbool.h>
#include <stdint.h>
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

/* Set w->src to "FILE:" for file, escaped once a file. */
static void
set_source(struct record_out *w, const char *file)
{
	if (file != w->file) {
		buf_reset(&w->src);
		record_escape_str(&w->src, file);
		buf_addc(&w->src, ':');
		w->file = file;
	}
}

/* Append a TAB, "FILE:LINE" and the record's LF. */
static void
add_source(struct record_out *w, const char *file, long line)
{
	set_source(w, file);
	buf_addc(w->buf, '\t');
	buf_add(w->buf, w->src.s, w->src.len);
	buf_addnum(w->buf, line);
	buf_addc(w->buf, '\n');
}

/* Write "LINE\n" for line at the end of num[24], two digits a
 * division; returns where it starts. */
static char *
line_digits(char num[24], long line)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	char *d = num + 24;
	unsigned long u = line < 0 ? -(unsigned long)line :
	    (unsigned long)line;
	*--d = '\n';
	while (u >= 100) {
		d -= 2;
		memcpy(d, pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		d -= 2;
		memcpy(d, pairs + 2 * u, 2);
	} else {
		*--d = (char)('0' + u);
	}
	if (line < 0)
		*--d = '-';
	return d;
}

enum { MAX_COLS = 8 };

/* Copy n bytes from s to p: one of up to 16 bytes (most columns: a
 * date, a currency, a tag, the line number) as two copies of a fixed
 * size that may overlap, which the compiler writes out in place of a
 * call; nothing outside s[0..n) is read.  Returns p + n. */
static inline char *
copy_col(char *p, const char *s, size_t n)
{
	if (n > 16)
		memcpy(p, s, n);
	else if (n >= 8) {
		memcpy(p, s, 8);
		memcpy(p + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(p, s, 4);
		memcpy(p + n - 4, s + n - 4, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			p[i] = s[i];
	}
	return p + n;
}

/* Put together, in place, a record of need bytes that needs no escape:
 * kind, the columns c[0..nc) of len[i] bytes, a TAB,
 * the source "FILE:" and "LINE\n" (d, dn bytes). */
static void
put_in_place(struct record_out *w, const char *kind, size_t kn,
    const struct record_col *c, const size_t *len, size_t nc, size_t need,
    const char *d, size_t dn)
{
	char *p = buf_room(w->buf, need);
	p = copy_col(p, kind, kn);
	for (size_t i = 0; i < nc; i++) {
		*p++ = '\t';
		p = copy_col(p, c[i].s, len[i]);
	}
	*p++ = '\t';
	p = copy_col(p, w->src.s, w->src.len);
	p = copy_col(p, d, dn);
	*p = '\0';
	w->buf->len += need;
}

/* A column's n when its length is not known: measured. */
#define MEASURE SIZE_MAX

/* The record of kind (its name, kn bytes), columns c[0..nc) and source:
 * its length is measured first (where not known), and when nothing needs
 * an escape it is put together in place, with one look at the buffer's
 * room. */
static void
put_record(struct record_out *w, const char *kind, size_t kn,
    const struct record_col *c, size_t nc, const char *file, long line)
{
	size_t len[MAX_COLS], need = kn + nc;
	bool plain = true;
	for (size_t i = 0; i < nc; i++) {
		if (c[i].esc)
			len[i] = strcspn(c[i].s, "\\\t\r\n");
		else
			len[i] = c[i].n == MEASURE ? strlen(c[i].s) : c[i].n;
		plain &= c[i].s[len[i]] == '\0';
		need += len[i];
	}
	set_source(w, file);
	char num[24], *d = line_digits(num, line);
	size_t dn = (size_t)(num + sizeof num - d);
	need += 1 + w->src.len + dn;
	if (!plain || need >= LONG_RUN) {	/* the slow way: rare */
		buf_add(w->buf, kind, kn);
		/* add writes a long run to fp at once: a line of 64 MiB is
		 * not copied into the buffer, escaped or not. */
		for (size_t i = 0; i < nc; i++) {
			if (c[i].esc || len[i] >= LONG_RUN)
				add(w, c[i].s);
			else
				add_plain(w, c[i].s);
		}
		add_source(w, file, line);
		return;
	}
	put_in_place(w, kind, kn, c, len, nc, need, d, dn);
}

void
record_put_cols(struct record_out *w, const char *kind, size_t kn,
    const struct record_col *c, size_t nc, const char *file, long line)
{
	if (nc > MAX_COLS)
		nc = MAX_COLS;
	size_t need = kn + nc, len[MAX_COLS];
	bool esc = false;
	for (size_t i = 0; i < nc; i++) {
		len[i] = c[i].n;
		need += c[i].n;
		esc |= c[i].esc;
	}
	set_source(w, file);
	char num[24], *d = line_digits(num, line);
	size_t dn = (size_t)(num + sizeof num - d);
	need += 1 + w->src.len + dn;
	if (esc || need >= LONG_RUN)	/* measured and escaped */
		put_record(w, kind, kn, c, nc, file, line);
	else			/* nothing to look at: the lengths */
		put_in_place(w, kind, kn, c, len, nc, need, d, dn);
}

#define PUT(w, name, c, file, line) \
	put_record(w, name, sizeof name - 1, c, sizeof c / sizeof *c, file, \
	    line)

void
record_put_client(struct record_out *w, const char *id, const char *name,
    const char *file, long line)
{
	const struct record_col c[] = {
		{id, MEASURE, true}, {name, MEASURE, true},
	};
	PUT(w, RECORD_CLIENT_NAME, c, file, line);
}

void
record_put_field(struct record_out *w, const char *id, const char *key,
    const char *date, const char *value, const char *file, long line)
{
	const struct record_col c[] = {
		{id, MEASURE, true}, {key, MEASURE, false},
		{date, MEASURE, false}, {value, MEASURE, true},
	};
	PUT(w, RECORD_FIELD_NAME, c, file, line);
}

void
record_put_entry(struct record_out *w, const struct record_entry *e,
    const char *file, long line)
{
	const struct record_col c[] = {
		{e->id, MEASURE, true}, {e->date, MEASURE, false},
		{e->amount, MEASURE, false}, {e->currency, MEASURE, false},
		{e->tags, MEASURE, false}, {e->text, MEASURE, true},
	};
	PUT(w, RECORD_ENTRY_NAME, c, file, line);
}

void
record_put_person(struct record_out *w, const char *id, const char *name,
    const char *file, long line)
{
	const struct record_col c[] = {
		{id, MEASURE, true}, {name, MEASURE, true},
	};
	PUT(w, RECORD_PERSON_NAME, c, file, line);
}

void
record_put_concerns(struct record_out *w, const char *id, const char *date,
    const char *file, long line)
{
	const struct record_col c[] = {
		{id, MEASURE, true}, {date, MEASURE, false},
	};
	PUT(w, RECORD_CONCERNS_NAME, c, file, line);
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
