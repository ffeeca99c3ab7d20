/* ics.c: iCalendar output (RFC 5545, sections 3.1, 3.3.11, 3.6.1).
 *
 * Each content line is built unfolded in one buffer, then folded into a
 * second one and written; both are reused, so an event costs no
 * allocation once the longest line has been seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "hash.h"
#include "ics.h"
#include "text.h"

void
ics_escape(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t k = utf8_seqlen(c);
			if (k > 1 && i + k <= n && utf8_valid(s + i, k)) {
				buf_add(out, s + i, k);
				i += k;
			} else {
				buf_adds(out, "\xef\xbf\xbd");
				i++;
			}
			continue;
		}
		switch (c) {
		case '\\': buf_adds(out, "\\\\"); break;
		case ';': buf_adds(out, "\\;"); break;
		case ',': buf_adds(out, "\\,"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\r':
			buf_adds(out, "\\n");
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
			break;
		case '\t': buf_addc(out, '\t'); break;
		default:
			buf_addc(out, c < 0x20 || c == 0x7f ? ' ' : (char)c);
			break;
		}
		i++;
	}
}

void
ics_fold(struct buf *out, const char *s, size_t n)
{
	size_t width = ICS_LINE_MAX;
	while (n > width) {
		size_t cut = width;
		/* s[cut] starts the next line: not inside a character. */
		while (cut > 1 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		buf_add(out, s, cut);
		buf_adds(out, "\r\n ");
		s += cut;
		n -= cut;
		width = ICS_LINE_MAX - 1;	/* after the space */
	}
	buf_add(out, s, n);
	buf_adds(out, "\r\n");
}

static void
uid_part(struct buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_')
			buf_addc(out, (char)c);
		else
			buf_printf(out, "%%%02X", c);
	}
}

void
ics_uid(struct buf *out, const char *id, const char *occasion,
	struct date date)
{
	uid_part(out, id);
	buf_addc(out, '.');
	uid_part(out, occasion);
	buf_printf(out, ".%04d%02d%02d@tact", date.y, date.m, date.d);
}

char *
ics_dtstamp(const struct date *d, char buf[ICS_STAMP_BUFSZ])
{
	struct tm tm = {0};
	if (d) {
		tm.tm_year = d->y - 1900;
		tm.tm_mon = d->m - 1;
		tm.tm_mday = d->d;
	} else {
		time_t now = time(NULL);
		gmtime_r(&now, &tm);
	}
	/* Years have four digits (date.h: 1 to 9999), so it fits. */
	int n = snprintf(buf, ICS_STAMP_BUFSZ, "%04d%02d%02dT%02d%02d%02dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	if (n < 0 || n >= ICS_STAMP_BUFSZ)
		*buf = '\0';
	return buf;
}

/* A gesture read, written at the end, when all names are known. */
struct event {
	struct event *next;	/* in input order */
	bool overdue;
	struct date act, date;
	const char *id, *occ, *gesture, *source, *act_s, *date_s, *uid;
};

struct ics {
	FILE *out;
	char *stamp;
	struct date today;
	struct hash seen;	/* UID → "FILE:LINE" of its first event */
	struct hash names;	/* client or person id → NAME of its first
				 * client or person record */
	struct event *first, **last;	/* the events, in the arena */
	struct arena mem;	/* events, names, "FILE:LINE"s */
	struct buf line, folded;
	struct buf key;		/* scratch: a UID, a client id */
	struct buf summary;	/* the event's SUMMARY, for its alarm */
};

/* Write the content line held in c->line, folded. */
static void
put(struct ics *c)
{
	buf_reset(&c->folded);
	ics_fold(&c->folded, c->line.s ? c->line.s : "", c->line.len);
	fwrite(c->folded.s, 1, c->folded.len, c->out);
	buf_reset(&c->line);
}

static void
put_plain(struct ics *c, const char *s)
{
	buf_adds(&c->line, s);
	put(c);
}

struct ics *
ics_new(FILE *out, const char *stamp, struct date today)
{
	struct ics *c = xcalloc(1, sizeof *c);
	c->out = out;
	c->stamp = xstrdup(stamp);
	c->today = today;
	c->last = &c->first;
	put_plain(c, "BEGIN:VCALENDAR");
	put_plain(c, "VERSION:2.0");
	put_plain(c, "PRODID:-//tact//tact-ics//EN");
	put_plain(c, "CALSCALE:GREGORIAN");
	put_plain(c, "X-WR-CALNAME:tact");
	return c;
}

static void
put_date(struct ics *c, const char *name, struct date d)
{
	buf_printf(&c->line, "%s;VALUE=DATE:%04d%02d%02d", name, d.y, d.m,
	    d.d);
	put(c);
}

static void
put_text(struct ics *c, const char *name, const char *value)
{
	buf_printf(&c->line, "%s:", name);
	ics_escape(&c->line, value, strlen(value));
	put(c);
}

static void
add_name(struct ics *c, const char *id, const char *name)
{
	void **slot = hash_put(&c->names, id);
	if (!*slot)
		*slot = arena_strdup(&c->mem, name);
}

/* The name of a client or person id, else what the id gives: the client
 * id, or a person id's SLUG (the id when it is empty: a due line's ID is
 * not checked as a person record's is). */
static const char *
name_of(const struct ics *c, const char *id, size_t clientlen)
{
	const char *n = hash_get(&c->names, id);
	if (n && *n)
		return n;
	return clientlen && id[clientlen + 1] ? id + clientlen + 1 : id;
}

void
ics_summary(struct buf *out, const char *occasion, const char *name,
	    const char *client, bool overdue)
{
	buf_printf(out, "%s: %s", occasion, name);
	if (client)
		buf_printf(out, " (%s%s)", client, overdue ? ", overdue" : "");
	else if (overdue)
		buf_adds(out, " (overdue)");
}

void
ics_record(struct ics *c, const struct record *rec)
{
	char *const *f = rec->f;
	if (rec->kind == RECORD_CLIENT)
		add_name(c, f[CLIENT_ID], f[CLIENT_NAME]);
	else if (rec->kind == RECORD_PERSON)
		add_name(c, f[PERSON_ID], f[PERSON_NAME]);
	bool overdue = rec->kind == RECORD_OVERDUE;
	if (!overdue && rec->kind != RECORD_DUE)
		return;
	/* record_next checked the fields, the dates well-formed. */
	struct event e = {.overdue = overdue};
	if (date_parse_iso(f[DUE_ACT], &e.act, false) ||
	    date_parse_iso(f[DUE_DATE], &e.date, false))
		return;

	buf_reset(&c->key);
	ics_uid(&c->key, f[DUE_ID], f[DUE_OCCASION], e.date);
	const char *uid;
	void **first = hash_put_kept(&c->seen, c->key.s, &uid);
	if (*first) {
		diag_warning(rec->file, rec->line, "gesture '%s' for '%s' on "
		    "%s already at %s; skipped", f[DUE_OCCASION], f[DUE_ID],
		    f[DUE_DATE], (char *)*first);
		return;
	}
	struct buf where = {0};
	buf_printf(&where, "%s:%ld", rec->file, rec->line);
	*first = arena_strdup(&c->mem, where.s);
	buf_free(&where);

	e.uid = uid;
	e.id = arena_strdup(&c->mem, f[DUE_ID]);
	e.occ = arena_strdup(&c->mem, f[DUE_OCCASION]);
	e.gesture = arena_strdup(&c->mem, f[DUE_GESTURE]);
	e.source = arena_strdup(&c->mem, f[DUE_SOURCE]);
	e.act_s = arena_strdup(&c->mem, f[DUE_ACT]);
	e.date_s = arena_strdup(&c->mem, f[DUE_DATE]);
	struct event *ev = arena_alloc(&c->mem, sizeof *ev);
	*ev = e;
	*c->last = ev;
	c->last = &ev->next;
}

static void
put_event(struct ics *c, const struct event *e, struct buf *t)
{
	put_plain(c, "BEGIN:VEVENT");
	buf_printf(&c->line, "UID:%s", e->uid);
	put(c);
	buf_printf(&c->line, "DTSTAMP:%s", c->stamp);
	put(c);
	/* Overdue: on today, where it is seen (never before its act date). */
	struct date day = e->overdue && date_cmp(e->act, c->today) < 0 ?
	    c->today : e->act;
	put_date(c, "DTSTART", day);
	put_date(c, "DTEND", date_add_days(day, 1));

	/* A person's gesture: the person's name, then the client's. */
	size_t n = record_person_client_len(e->id);
	buf_reset(t);
	if (n) {
		buf_reset(&c->key);
		buf_add(&c->key, e->id, n);
		ics_summary(t, e->occ, name_of(c, e->id, n),
			    name_of(c, c->key.s, 0), e->overdue);
	} else {
		ics_summary(t, e->occ, name_of(c, e->id, 0), NULL,
			    e->overdue);
	}
	put_text(c, "SUMMARY", t->s);
	buf_reset(&c->summary);
	buf_add(&c->summary, t->s, t->len);
	buf_reset(t);
	if (*e->gesture)
		buf_printf(t, "%s\n\n", e->gesture);
	buf_printf(t, "%s on %s", e->occ, e->date_s);
	if (e->overdue)
		buf_printf(t, ", overdue since %s", e->act_s);
	if (*e->source)
		buf_printf(t, "\nsource: %s", e->source);
	put_text(c, "DESCRIPTION", t->s);
	put_plain(c, "TRANSP:TRANSPARENT");
	/* A reminder on the morning of the day: a phone rings. */
	put_plain(c, "BEGIN:VALARM");
	put_plain(c, "ACTION:DISPLAY");
	put_plain(c, "TRIGGER;RELATED=START:" ICS_ALARM);
	put_text(c, "DESCRIPTION", c->summary.s);
	put_plain(c, "END:VALARM");
	put_plain(c, "END:VEVENT");
}

void
ics_finish(struct ics *c)
{
	struct buf t = {0};
	for (const struct event *e = c->first; e; e = e->next)
		put_event(c, e, &t);
	buf_free(&t);
	put_plain(c, "END:VCALENDAR");
	arena_free(&c->mem);
	hash_free(&c->seen);
	hash_free(&c->names);
	buf_free(&c->line);
	buf_free(&c->folded);
	buf_free(&c->key);
	buf_free(&c->summary);
	free(c->stamp);
	free(c);
}
