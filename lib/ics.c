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

struct ics {
	FILE *out;
	char *stamp;
	struct hash seen;	/* UID → "FILE:LINE" of its first event */
	struct buf line, folded, uid;
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
ics_new(FILE *out, const char *stamp)
{
	struct ics *c = xcalloc(1, sizeof *c);
	c->out = out;
	c->stamp = xstrdup(stamp);
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

void
ics_record(struct ics *c, const struct record *rec)
{
	bool overdue = rec->kind == RECORD_OVERDUE;
	if (!overdue && rec->kind != RECORD_DUE)
		return;
	/* record_next checked the fields, the dates well-formed. */
	char *const *f = rec->f;
	struct date act, date;
	if (date_parse_iso(f[DUE_ACT], &act, false) ||
	    date_parse_iso(f[DUE_DATE], &date, false))
		return;
	const char *id = f[DUE_ID], *occ = f[DUE_OCCASION];
	const char *gesture = f[DUE_GESTURE], *source = f[DUE_SOURCE];

	buf_reset(&c->uid);
	ics_uid(&c->uid, id, occ, date);
	void **first = hash_put(&c->seen, c->uid.s);
	if (*first) {
		diag_warning(rec->file, rec->line, "gesture '%s' for '%s' on "
		    "%s already at %s; skipped", occ, id, f[DUE_DATE],
		    (char *)*first);
		return;
	}
	struct buf where = {0};
	buf_printf(&where, "%s:%ld", rec->file, rec->line);
	*first = buf_steal(&where);

	put_plain(c, "BEGIN:VEVENT");
	buf_printf(&c->line, "UID:%s", c->uid.s);
	put(c);
	buf_printf(&c->line, "DTSTAMP:%s", c->stamp);
	put(c);
	put_date(c, "DTSTART", act);
	put_date(c, "DTEND", date_add_days(act, 1));

	struct buf t = {0};
	buf_printf(&t, "%s: %s%s", occ, id, overdue ? " (overdue)" : "");
	put_text(c, "SUMMARY", t.s);
	buf_reset(&t);
	if (*gesture)
		buf_printf(&t, "%s\n\n", gesture);
	buf_printf(&t, "%s on %s", occ, f[DUE_DATE]);
	if (overdue)
		buf_printf(&t, ", overdue since %s", f[DUE_ACT]);
	if (*source)
		buf_printf(&t, "\nsource: %s", source);
	put_text(c, "DESCRIPTION", t.s);
	buf_free(&t);
	put_plain(c, "TRANSP:TRANSPARENT");
	put_plain(c, "END:VEVENT");
}

void
ics_finish(struct ics *c)
{
	put_plain(c, "END:VCALENDAR");
	for (size_t i = 0; i < c->seen.cap; i++)
		if (c->seen.slot[i].key)
			free(c->seen.slot[i].val);
	hash_free(&c->seen);
	buf_free(&c->line);
	buf_free(&c->folded);
	buf_free(&c->uid);
	free(c->stamp);
	free(c);
}
