/* fuzz_ics: the iCalendar writer (lib/ics.h) on any bytes: read as
 * tact-ics reads them (the record reader, UTF-8 not checked), every
 * record handed to ics_record; and the bytes themselves escaped as a TEXT
 * value and folded as a content line.
 *
 * Invariants: every line ends in CRLF and no other CR or LF is written;
 * no line is longer than 75 octets; a continuation line starts with one
 * space; no control character but TAB (RFC 5545 CONTROL) is written;
 * every physical line is valid UTF-8 (folding never cuts a character);
 * the calendar is one VCALENDAR of VEVENTs, at most one a due or overdue
 * record, each with its UID, DTSTART and DTEND. */
#include <stdbool.h>

#include "ics.h"
#include "record.h"
#include "text.h"
#include "fuzz.h"

/* The number of lines of s[0..n) that start with the content line w. */
static size_t
count(const char *s, size_t n, const char *w)
{
	size_t k = 0, wn = strlen(w);
	for (size_t i = 0; i < n; ) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (end - i >= wn && !memcmp(s + i, w, wn))
			k++;
		i = end + 1;
	}
	return k;
}

/* The physical lines of s[0..n): CRLF ends, at most ICS_LINE_MAX octets,
 * valid UTF-8, no control character but TAB; folded lines start with a
 * space.  Returns the number of lines. */
static size_t
check_lines(const char *s, size_t n)
{
	size_t lines = 0;
	CHECK(n >= 2 && s[n - 2] == '\r' && s[n - 1] == '\n');
	for (size_t i = 0; i < n; lines++) {
		const char *nl = memchr(s + i, '\n', n - i);
		CHECK(nl != NULL && nl > s + i && nl[-1] == '\r');
		size_t len = (size_t)(nl - (s + i)) - 1;	/* without CRLF */
		CHECK(len <= ICS_LINE_MAX);
		CHECK(utf8_valid(s + i, len));
		for (size_t k = 0; k < len; k++) {
			unsigned char c = (unsigned char)s[i + k];
			CHECK(c != 0x7f && (c >= 0x20 || c == '\t'));
		}
		i += len + 2;
	}
	return lines;
}

/* ics_escape and ics_fold on the bytes themselves. */
static void
escape_fold(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size, 0);
	struct buf v = {0}, out = {0};
	buf_adds(&v, "DESCRIPTION:");
	ics_escape(&v, s, size);
	ics_fold(&out, v.s, v.len);
	size_t lines = check_lines(out.s, out.len);
	/* Unfolded (each CRLF and the space after it taken out), the line
	 * is the value again. */
	CHECK(out.len == v.len + 3 * lines - 1);
	buf_free(&v);
	buf_free(&out);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	escape_fold(data, size);

	char *out = NULL;
	size_t outlen = 0;
	FILE *mem = open_memstream(&out, &outlen);
	CHECK(mem != NULL);
	struct ics *cal = ics_new(mem, "20261127T000000Z",
	    (struct date){2026, 11, 27});
	char *s = fuzz_copy(data, size, 0);
	FILE *fp = fuzz_open(s, size);
	struct record_reader *r = record_reader_new(fp, "due");
	struct record rec;
	size_t gestures = 0;
	while (record_next(r, &rec) == 1) {
		gestures += !strcmp(rec.f[0], "due") ||
		    !strcmp(rec.f[0], "overdue");
		ics_record(cal, &rec);
	}
	record_reader_free(r);
	fclose(fp);
	free(s);
	ics_finish(cal);
	CHECK(fclose(mem) == 0);

	check_lines(out, outlen);
	const char *begin = "BEGIN:VCALENDAR\r\n", *end = "END:VCALENDAR\r\n";
	CHECK(outlen > strlen(begin) + strlen(end));
	CHECK(!memcmp(out, begin, strlen(begin)));
	CHECK(!memcmp(out + outlen - strlen(end), end, strlen(end)));
	size_t events = count(out, outlen, "BEGIN:VEVENT\r");
	CHECK(events <= gestures);
	CHECK(count(out, outlen, "END:VEVENT\r") == events);
	CHECK(count(out, outlen, "UID:") == events);
	CHECK(count(out, outlen, "DTSTART;VALUE=DATE:") == events);
	CHECK(count(out, outlen, "DTEND;VALUE=DATE:") == events);
	free(out);
	return 0;
}
