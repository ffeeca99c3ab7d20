/* fuzz_due.h: the check of tact-due's output that fuzz_records and
 * fuzz_occasions share. */
#ifndef TACT_FUZZ_DUE_H
#define TACT_FUZZ_DUE_H

#include "date.h"
#include "due.h"
#include "occasion.h"
#include "record.h"
#include "fuzz.h"

/* The lines in out are well-formed due or overdue records, of rules of
 * os, read back without a diagnostic, their act date where -w and -g put
 * it (on a weekday, but for a never-contacted client's last+N, which is
 * due today). */
static inline void
fuzz_check_due(const struct buf *out, const struct due_opts *o,
    const struct occasions *os)
{
	static char none[1];
	struct buf diags = {0};
	FILE *fp = fuzz_open(out->s ? out->s : none, out->len);
	struct record_reader *rd = record_reader_new(fp, "due");
	struct record rec;
	long today = date_to_days(o->today);
	diag_capture(&diags);
	while (record_next(rd, &rec) == 1) {
		bool overdue = !strcmp(rec.f[0], "overdue");
		CHECK(overdue || !strcmp(rec.f[0], "due"));
		CHECK(rec.nf == 7);
		struct date act, date;
		CHECK(date_parse_iso(rec.f[1], &act, false) == 0);
		CHECK(date_parse_iso(rec.f[2], &date, false) == 0);
		long a = date_to_days(act);
		int wd = date_weekday(act);
		CHECK((wd != 0 && wd != 6) || a == today);
		if (overdue)
			CHECK(a < today);
		else
			CHECK(a >= today && a <= today + o->window);
		CHECK(occasions_has(os, rec.f[4]));
	}
	diag_capture(NULL);
	if (diags.len)
		fprintf(stderr, "%s", diags.s);
	CHECK(diags.len == 0);
	record_reader_free(rd);
	fclose(fp);
	buf_free(&diags);
}

#endif
