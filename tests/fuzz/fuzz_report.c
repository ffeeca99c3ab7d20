/* fuzz_report: the nightly report (lib/report.h) on any bytes, read as
 * tact-report reads them (report_read: the record reader, UTF-8 not
 * checked), written for three days and options: an ordinary one, the
 * first and the last day of the calendar with the smallest and largest
 * limit and quiet time.
 *
 * Invariants: the report is valid UTF-8 and holds no control character
 * but its line ends, no C1 control and no bidirectional control (text
 * shown to people, show.h); every line ends in '\n', is at most
 * REPORT_WIDTH display columns (wrap.h) and has no trailing space; the
 * first line is the summary. */
#include <stdbool.h>

#include "report.h"
#include "text.h"
#include "wrap.h"
#include "fuzz.h"

/* A character no report may show raw. */
static bool
control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x61c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

static void
check_line(const char *s, size_t n)
{
	CHECK(wrap_width(s, n) <= REPORT_WIDTH);
	CHECK(n == 0 || s[n - 1] != ' ');
	for (size_t i = 0; i < n; ) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		CHECK(len > 0);
		CHECK(!control(cp));
		i += len;
	}
}

static void
check_report(const struct buf *out)
{
	CHECK(out->len > 5 && !memcmp(out->s, "tact ", 5));
	CHECK(out->s[out->len - 1] == '\n');
	for (size_t i = 0; i < out->len; ) {
		const char *nl = memchr(out->s + i, '\n', out->len - i);
		CHECK(nl != NULL);
		size_t n = (size_t)(nl - (out->s + i));
		check_line(out->s + i, n);
		i += n + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	static const struct report_opts opts[] = {
		{ .today = { 2026, 11, 27 }, .limit = 0,
		  .quiet = REPORT_QUIET },
		{ .today = { 1, 1, 1 }, .limit = 0, .quiet = 0 },
		{ .today = { 9999, 12, 31 }, .limit = 999999999999999999LL,
		  .quiet = 36500 },
	};
	for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
		struct report *r = report_new(&opts[k]);
		char *s = fuzz_copy(data, size, 0);
		FILE *fp = fuzz_open(s, size);
		report_read(fp, "records", r);
		fclose(fp);
		free(s);
		struct buf out = {0};
		report_write(r, &out);
		check_report(&out);
		buf_free(&out);
		report_free(r);
	}
	return 0;
}
