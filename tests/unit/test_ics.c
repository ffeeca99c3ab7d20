/* Unit tests for the iCalendar writer: folding, escaping, UIDs, events. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ics.h"

static struct buf got;

static const char *
fold(const char *s)
{
	buf_reset(&got);
	ics_fold(&got, s, strlen(s));
	return got.s;
}

/* n copies of c, then tail (static buffers: the last two calls stay). */
static const char *
run(size_t n, char c, const char *tail)
{
	static char s[2][256];
	static int k;
	k = !k;
	memset(s[k], c, n);
	strcpy(s[k] + n, tail);
	return s[k];
}

/* Every physical line of got is at most 75 octets, continuation lines
 * start with a space, and unfolding gives back s. */
static void
check_folded(const char *s)
{
	struct buf un = {0};
	const char *p = got.s;
	int first = 1;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= ICS_LINE_MAX);
		if (!first) {
			assert_int_equal(*p, ' ');
			p++;
		}
		/* no line starts inside a UTF-8 character */
		assert_true(((unsigned char)*p & 0xc0) != 0x80);
		buf_add(&un, p, (size_t)(e - p));
		p = e + 2;
		first = 0;
	}
	assert_string_equal(un.s ? un.s : "", s);
	buf_free(&un);
}

/* ASCII: 75 octets fit, the 76th goes to a continuation line, which
 * holds 74 after its space. */
static void
fold_ascii(void **state)
{
	(void)state;
	assert_string_equal(fold(run(75, 'a', "")),
	    run(75, 'a', "\r\n"));
	char want[512];
	snprintf(want, sizeof want, "%s\r\n b\r\n", run(75, 'a', ""));
	assert_string_equal(fold(run(75, 'a', "b")), want);
	/* 75 + 74: exactly two full lines */
	const char *s = run(149, 'x', "");
	fold(s);
	assert_int_equal(got.len, 149 + 3 + 2);
	check_folded(s);
	s = run(150, 'x', "");
	fold(s);
	assert_int_equal(got.len, 150 + 3 + 3 + 2);
	check_folded(s);
	assert_string_equal(fold(""), "\r\n");
}

/* Multi-byte characters are never split: the line breaks before one
 * that would cross octet 75. */
static void
fold_utf8(void **state)
{
	(void)state;
	char want[512];
	/* 74 + "ü" (2 octets) = 76: "ü" moves down whole */
	snprintf(want, sizeof want, "%s\r\n \xc3\xbc\r\n", run(74, 'a', ""));
	assert_string_equal(fold(run(74, 'a', "\xc3\xbc")), want);
	/* 73 + "ü" = 75 fits */
	assert_string_equal(fold(run(73, 'a', "\xc3\xbc")),
	    run(73, 'a', "\xc3\xbc\r\n"));
	/* 73 + "€" (3 octets) = 76: the line ends after 73 */
	snprintf(want, sizeof want, "%s\r\n \xe2\x82\xac\r\n",
	    run(73, 'a', ""));
	assert_string_equal(fold(run(73, 'a', "\xe2\x82\xac")), want);
	/* a 4-octet character across the boundary */
	snprintf(want, sizeof want, "%s\r\n \xf0\x9f\x8e\x81z\r\n",
	    run(72, 'a', ""));
	assert_string_equal(fold(run(72, 'a', "\xf0\x9f\x8e\x81z")), want);
	/* a long line of umlauts and emoji */
	struct buf s = {0};
	for (int i = 0; i < 60; i++)
		buf_adds(&s, i % 3 ? "\xc3\xa4" : "\xf0\x9f\x8e\x81");
	fold(s.s);
	check_folded(s.s);
	buf_free(&s);
}

static const char *
esc(const char *s, size_t n)
{
	buf_reset(&got);
	ics_escape(&got, s, n);
	return got.s ? got.s : "";
}

/* TEXT: backslash, semicolon, comma and line breaks escaped; other
 * controls become spaces; bad UTF-8 becomes U+FFFD. */
static void
escape(void **state)
{
	(void)state;
	assert_string_equal(esc("a\\b;c,d", 7), "a\\\\b\\;c\\,d");
	assert_string_equal(esc("1\n2\r\n3\r4", 8), "1\\n2\\n3\\n4");
	assert_string_equal(esc("t\tx\x01y\x7f", 6), "t\tx y ");
	assert_string_equal(esc("M\xc3\xbcller: 24,90 \xe2\x82\xac", 18),
	    "M\xc3\xbcller: 24\\,90 \xe2\x82\xac");
	assert_string_equal(esc("a\xff" "b\xc3", 4),
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	assert_string_equal(esc("\xed\xa0\x80", 3),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");	/* a surrogate */
	assert_string_equal(esc("", 0), "");
}

static const char *
uid(const char *id, const char *occ, int y, int m, int d)
{
	buf_reset(&got);
	ics_uid(&got, id, occ, (struct date){ y, m, d });
	return got.s;
}

/* UIDs: stable, safe, and different gestures never share one. */
static void
uids(void **state)
{
	(void)state;
	assert_string_equal(uid("mueller-gmbh", "birthday", 2026, 3, 14),
	    "mueller-gmbh.birthday.20260314@tact");
	assert_string_equal(uid("a.b", "c", 2026, 1, 2),
	    "a%2Eb.c.20260102@tact");
	assert_string_equal(uid("a", "b.c", 2026, 1, 2),
	    "a.b%2Ec.20260102@tact");
	assert_string_equal(uid("m\xc3\xbcller@x;y,z", "x_y", 987, 1, 2),
	    "m%C3%BCller%40x%3By%2Cz.x_y.09870102@tact");
	assert_string_equal(uid("a%2E", "b", 2026, 1, 2),
	    "a%252E.b.20260102@tact");
}

/* DTSTAMP from a date: midnight UTC. */
static void
dtstamp(void **state)
{
	(void)state;
	char b[ICS_STAMP_BUFSZ];
	struct date d = { 2026, 11, 27 };
	assert_string_equal(ics_dtstamp(&d, b), "20261127T000000Z");
	d = (struct date){ 9999, 12, 31 };
	assert_string_equal(ics_dtstamp(&d, b), "99991231T000000Z");
	assert_int_equal(strlen(ics_dtstamp(NULL, b)), 16);
}

static void
add(struct ics *c, char *kind, char *act, char *date, char *id, char *occ,
    char *gesture, char *source, long line)
{
	char *f[] = { kind, act, date, id, occ, gesture, source };
	struct record rec = { .kind = record_kind_of(kind, 7), .nf = 7, .f = f,
	    .file = "in", .line = line };
	ics_record(c, &rec);
}

/* A whole calendar: the events of due and overdue records (an overdue
 * one on today), each with a morning alarm, others skipped, a repeated
 * gesture skipped with a warning. */
static void
calendar(void **state)
{
	(void)state;
	char *out = NULL, *err = NULL;
	size_t outlen, errlen;
	FILE *fp = open_memstream(&out, &outlen);
	FILE *ef = open_memstream(&err, &errlen);
	assert_non_null(fp);
	assert_non_null(ef);
	diag_output(ef);
	struct ics *c = ics_new(fp, "20261127T000000Z",
	    (struct date){2026, 11, 27});
	add(c, "due", "2026-12-31", "2027-01-02", "acme", "birthday",
	    "Call Eva; happy birthday, \\o/", "n.md:3", 1);
	add(c, "client", "acme", "Acme", "n.md:1", "", "", "", 2);
	add(c, "overdue", "2026-11-20", "2026-11-20", "acme", "call", "",
	    "", 3);
	add(c, "due", "2026-12-30", "2027-01-02", "acme", "birthday", "x",
	    "y", 4);
	ics_finish(c);
	diag_output(NULL);
	fclose(fp);
	fclose(ef);
	assert_string_equal(out,
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//tact//tact-ics//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n"
	    "X-WR-CALNAME:tact\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:acme.birthday.20270102@tact\r\n"
	    "DTSTAMP:20261127T000000Z\r\n"
	    "DTSTART;VALUE=DATE:20261231\r\n"
	    "DTEND;VALUE=DATE:20270101\r\n"
	    "SUMMARY:birthday: acme\r\n"
	    "DESCRIPTION:Call Eva\\; happy birthday\\, \\\\o/\\n\\nbirthday "
	    "on 2027-01-02\\nsou\r\n"
	    " rce: n.md:3\r\n"
	    "TRANSP:TRANSPARENT\r\n"
	    "BEGIN:VALARM\r\n"
	    "ACTION:DISPLAY\r\n"
	    "TRIGGER;RELATED=START:PT9H\r\n"
	    "DESCRIPTION:birthday: acme\r\n"
	    "END:VALARM\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:acme.call.20261120@tact\r\n"
	    "DTSTAMP:20261127T000000Z\r\n"
	    "DTSTART;VALUE=DATE:20261127\r\n"
	    "DTEND;VALUE=DATE:20261128\r\n"
	    "SUMMARY:call: acme (overdue)\r\n"
	    "DESCRIPTION:call on 2026-11-20\\, overdue since 2026-11-20\r\n"
	    "TRANSP:TRANSPARENT\r\n"
	    "BEGIN:VALARM\r\n"
	    "ACTION:DISPLAY\r\n"
	    "TRIGGER;RELATED=START:PT9H\r\n"
	    "DESCRIPTION:call: acme (overdue)\r\n"
	    "END:VALARM\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n");
	assert_string_equal(err, "in:4: warning: gesture 'birthday' for "
	    "'acme' on 2027-01-02 already at in:1; skipped\n");
	free(out);
	free(err);
}

/* SUMMARY: a client's name, or a person's and then the client's. */
static void
summaries(void **state)
{
	(void)state;
	buf_reset(&got);
	ics_summary(&got, "birthday", "Acme", NULL, false);
	assert_string_equal(got.s, "birthday: Acme");
	buf_reset(&got);
	ics_summary(&got, "birthday", "Acme", NULL, true);
	assert_string_equal(got.s, "birthday: Acme (overdue)");
	buf_reset(&got);
	ics_summary(&got, "birthday", "Katrin Brenner", "Acme GmbH", false);
	assert_string_equal(got.s, "birthday: Katrin Brenner (Acme GmbH)");
	buf_reset(&got);
	ics_summary(&got, "birthday", "Katrin Brenner", "Acme GmbH", true);
	assert_string_equal(got.s,
	    "birthday: Katrin Brenner (Acme GmbH, overdue)");
}

/* A record of four fields: client or person ID NAME SOURCE. */
static void
add_named(struct ics *c, char *kind, char *id, char *name, long line)
{
	char *f[] = { kind, id, name, "n.md:1" };
	struct record rec = { .kind = record_kind_of(kind, 4), .nf = 4, .f = f,
	    .file = "in", .line = line };
	ics_record(c, &rec);
}

/* The SUMMARY of each event of a calendar, one a line (malloc'd). */
static char *
summaries_of(const char *cal)
{
	struct buf b = {0};
	for (const char *p = cal; (p = strstr(p, "\r\nSUMMARY:")); ) {
		p += 10;
		const char *e = strstr(p, "\r\n");
		buf_add(&b, p, (size_t)(e - p));
		buf_addc(&b, '\n');
	}
	return buf_steal(&b);
}

/* One event a person's gesture, named by the person and client records
 * wherever they come (the first of an id), else by the ids; one UID a
 * person: two persons of a client, and the client itself, differ. */
static void
persons(void **state)
{
	(void)state;
	char *out = NULL;
	size_t outlen;
	FILE *fp = open_memstream(&out, &outlen);
	assert_non_null(fp);
	struct ics *c = ics_new(fp, "20261127T000000Z",
	    (struct date){2026, 11, 27});
	add(c, "due", "2026-12-01", "2026-12-01", "acme/katrin-brenner",
	    "birthday", "Call Katrin", "n.md:3", 1);
	add(c, "overdue", "2026-11-20", "2026-11-20", "acme/jonas",
	    "birthday", "Call Jonas", "n.md:9", 2);
	add(c, "due", "2026-12-01", "2026-12-01", "acme", "birthday", "",
	    "n.md:2", 3);
	add(c, "due", "2026-12-01", "2026-12-01", "solo/eva", "birthday", "",
	    "s.md:2", 4);
	add_named(c, "person", "acme/katrin-brenner", "Katrin Brenner", 5);
	add_named(c, "client", "acme", "Acme GmbH", 6);
	add_named(c, "person", "acme/katrin-brenner", "Second", 7);
	add_named(c, "client", "acme", "Second", 8);
	ics_finish(c);
	fclose(fp);
	char *sum = summaries_of(out);
	assert_string_equal(sum,
	    "birthday: Katrin Brenner (Acme GmbH)\n"
	    "birthday: jonas (Acme GmbH\\, overdue)\n"
	    "birthday: Acme GmbH\n"
	    "birthday: eva (solo)\n");
	assert_non_null(strstr(out,
	    "UID:acme%2Fkatrin-brenner.birthday.20261201@tact\r\n"));
	assert_non_null(strstr(out,
	    "UID:acme%2Fjonas.birthday.20261120@tact\r\n"));
	assert_non_null(strstr(out, "UID:acme.birthday.20261201@tact\r\n"));
	free(sum);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_ascii),
		cmocka_unit_test(fold_utf8),
		cmocka_unit_test(escape),
		cmocka_unit_test(uids),
		cmocka_unit_test(dtstamp),
		cmocka_unit_test(calendar),
		cmocka_unit_test(summaries),
		cmocka_unit_test(persons),
	};
	int rc = cmocka_run_group_tests_name("ics", tests, NULL, NULL);
	buf_free(&got);
	return rc;
}
