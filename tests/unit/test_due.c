/* test_due.c: the due engine on constructed clients: one test (at least)
 * per rule of SPEC "Due gestures", and the edges around them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "due.h"
#include "occasion.h"

static struct buf result, diags;

/* Run the rules of occ (lines) over the records recs (lines of
 * TAB-separated fields, no escapes) on TODAY today with window w and
 * grace g; returns the due lines followed by any diagnostics after
 * "--", valid until the next call. */
static const char *
run_wg(const char *occ, const char *today, long w, long g, const char *recs)
{
	struct occasions os;
	struct due_opts opt = {.window = w, .grace = g};
	buf_reset(&result);
	buf_reset(&diags);
	diag_capture(&diags);
	occasions_init(&os, "occ");
	long line = 0;
	for (const char *s = occ; *s; ) {
		size_t n = strcspn(s, "\n");
		occasions_add(&os, s, n, ++line);
		s += n + (s[n] == '\n');
	}
	assert_int_equal(date_parse_iso(today, &opt.today, false), 0);
	struct due *d = due_new(&os, &opt);
	line = 0;
	for (const char *s = recs; *s; ) {
		size_t n = strcspn(s, "\n");
		char *copy = xstrndup(s, n);
		char *f[16];
		size_t nf = 0;
		for (char *p = copy; nf < 16; ) {
			f[nf++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		struct record rec = { .kind = record_kind_of(f[0], nf),
		    .nf = nf, .f = f, .file = "recs", .line = ++line };
		due_add(d, &rec);
		free(copy);
		s += n + (s[n] == '\n');
	}
	due_finish(d, &result);
	due_free(d);
	occasions_free(&os);
	diag_capture(NULL);
	if (diags.len) {
		buf_adds(&result, "--\n");
		buf_add(&result, diags.s, diags.len);
	}
	return result.s ? result.s : "";
}

static const char *
run(const char *occ, const char *today, const char *recs)
{
	return run_wg(occ, today, DUE_WINDOW, DUE_GRACE, recs);
}

static int
teardown(void **state)
{
	(void)state;
	buf_free(&result);
	buf_free(&diags);
	return 0;
}

#define ANNA "client\tanna\tAnna Example\tn.md:1\n"
#define BDAY "birthday birthday 2 Call {client}: {years} years\n"

/* FIELD: due on the field's month and day, YEARS from its year. */
static void
field_birthday(void **state)
{
	(void)state;
	/* 2026-03-14 is a Saturday; LEAD 2 gives Thursday. */
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t1980-03-14\t14. März 1980\tn.md:2\n"),
	    "due\t2026-03-12\t2026-03-14\tanna\tbirthday\t"
	    "Call Anna Example: 46 years\tn.md:2\n");
}

/* A Saturday or Sunday ACT moves back to Friday across a month end. */
static void
weekend_month_end(void **state)
{
	(void)state;
	assert_string_equal(run("sat 08-01 0 S\nsun 08-02 0 U\n"
	    "mon 08-03 0 M\n", "2026-07-27", ANNA),
	    "due\t2026-07-31\t2026-08-01\tanna\tsat\tS\tocc:1\n"
	    "due\t2026-07-31\t2026-08-02\tanna\tsun\tU\tocc:2\n"
	    "due\t2026-08-03\t2026-08-03\tanna\tmon\tM\tocc:3\n");
}

/* The weekend move across a year end (2028-01-01 is a Saturday). */
static void
weekend_year_end(void **state)
{
	(void)state;
	assert_string_equal(run("one 01-01 0 A\ntwo 01-02 0 B\n",
	    "2027-12-28", ANNA),
	    "due\t2027-12-31\t2028-01-01\tanna\tone\tA\tocc:1\n"
	    "due\t2027-12-31\t2028-01-02\tanna\ttwo\tB\tocc:2\n");
}

/* due when TODAY <= ACT <= TODAY + WINDOW: both edges, and one past. */
static void
due_window_edges(void **state)
{
	(void)state;
	const char *occ = "today 06-01 0 T\nlast-day 06-15 0 L\n"
	    "beyond 06-16 0 B\n";
	assert_string_equal(run(occ, "2026-06-01", ANNA),
	    "due\t2026-06-01\t2026-06-01\tanna\ttoday\tT\tocc:1\n"
	    "due\t2026-06-15\t2026-06-15\tanna\tlast-day\tL\tocc:2\n");
	assert_string_equal(run_wg(occ, "2026-06-01", 0, 7, ANNA),
	    "due\t2026-06-01\t2026-06-01\tanna\ttoday\tT\tocc:1\n");
	assert_string_equal(run_wg(occ, "2026-06-01", 15, 7, ANNA),
	    "due\t2026-06-01\t2026-06-01\tanna\ttoday\tT\tocc:1\n"
	    "due\t2026-06-15\t2026-06-15\tanna\tlast-day\tL\tocc:2\n"
	    "due\t2026-06-16\t2026-06-16\tanna\tbeyond\tB\tocc:3\n");
}

/* overdue when ACT < TODAY and DATE >= TODAY - GRACE. */
static void
overdue_grace(void **state)
{
	(void)state;
	const char *occ = "in-grace 06-01 0 A\nout-of-grace 05-31 0 B\n"
	    "lead-past 06-20 21 C\n";
	/* 06-20 - 21 = 05-30, a Saturday: Friday 05-29. */
	assert_string_equal(run(occ, "2026-06-08", ANNA),
	    "overdue\t2026-05-29\t2026-06-20\tanna\tlead-past\tC\tocc:3\n"
	    "overdue\t2026-06-01\t2026-06-01\tanna\tin-grace\tA\tocc:1\n");
	assert_string_equal(run_wg(occ, "2026-06-08", 14, 0, ANNA),
	    "overdue\t2026-05-29\t2026-06-20\tanna\tlead-past\tC\tocc:3\n");
	assert_string_equal(run_wg(occ, "2026-06-08", 14, 8, ANNA),
	    "overdue\t2026-05-29\t2026-05-31\tanna\tout-of-grace\tB\tocc:2\n"
	    "overdue\t2026-05-29\t2026-06-20\tanna\tlead-past\tC\tocc:3\n"
	    "overdue\t2026-06-01\t2026-06-01\tanna\tin-grace\tA\tocc:1\n");
}

/* Year boundary forward: TODAY 2026-12-28, Jan 3 with lead 7. */
static void
year_boundary_forward(void **state)
{
	(void)state;
	/* 2027-01-03 - 7 is Sunday 2026-12-27: Friday 12-25. */
	const char *occ = "jan 01-03 7 New year card\n";
	assert_string_equal(run(occ, "2026-12-28", ANNA),
	    "overdue\t2026-12-25\t2027-01-03\tanna\tjan\tNew year card\t"
	    "occ:1\n");
	assert_string_equal(run(occ, "2026-12-20", ANNA),
	    "due\t2026-12-25\t2027-01-03\tanna\tjan\tNew year card\t"
	    "occ:1\n");
}

/* Year boundary backward: TODAY 2027-01-02, a Dec 30 occasion overdue. */
static void
year_boundary_backward(void **state)
{
	(void)state;
	assert_string_equal(run("dec 12-30 0 Call\n", "2027-01-02", ANNA),
	    "overdue\t2026-12-30\t2026-12-30\tanna\tdec\tCall\tocc:1\n");
}

/* A lead of many weeks reaches into the next year. */
static void
lead_weeks(void **state)
{
	(void)state;
	/* 2027-02-20 - 56 days = 2026-12-26, a Saturday: Friday 12-25. */
	assert_string_equal(run("fair 02-20 8w Book the stand\n"
	    "xmas 12-24 3w Note\n", "2026-12-01", ANNA),
	    "due\t2026-12-03\t2026-12-24\tanna\txmas\tNote\tocc:2\n");
	assert_string_equal(run("fair 02-20 8w Book the stand\n",
	    "2026-12-20", ANNA),
	    "due\t2026-12-25\t2027-02-20\tanna\tfair\tBook the stand\t"
	    "occ:1\n");
}

/* Feb 29 falls on Feb 28 in 2027 and stays Feb 29 in 2028. */
static void
feb29(void **state)
{
	(void)state;
	const char *recs = ANNA
	    "field\tanna\tbirthday\t2000-02-29\t29.02.2000\tn.md:2\n";
	/* 2027-02-28 is a Sunday: lead 2 gives Friday 02-26; lead 0 moves
	 * back to it.  2028-02-29 is a Tuesday: lead 2 gives Sunday 02-27,
	 * moved back to Friday 02-25. */
	assert_string_equal(run(BDAY "leap 02-29 0 L\n", "2027-02-20", recs),
	    "due\t2027-02-26\t2027-02-28\tanna\tbirthday\t"
	    "Call Anna Example: 27 years\tn.md:2\n"
	    "due\t2027-02-26\t2027-02-28\tanna\tleap\tL\tocc:2\n");
	assert_string_equal(run(BDAY "leap 02-29 0 L\n", "2028-02-20", recs),
	    "due\t2028-02-25\t2028-02-29\tanna\tbirthday\t"
	    "Call Anna Example: 28 years\tn.md:2\n"
	    "due\t2028-02-29\t2028-02-29\tanna\tleap\tL\tocc:2\n");
}

/* Done: an entry on DATE - LEAD - 30 marks it; one day earlier not. */
static void
done_window_start(void **state)
{
	(void)state;
	/* DATE 2026-06-15, LEAD 2: the window opens on 2026-05-14. */
	const char *occ = "call 06-15 2 Call\n";
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "entry\tanna\t2026-05-14\t\t\tcall\tcalled early #call\tn.md:5\n"),
	    "");
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "entry\tanna\t2026-05-13\t\t\tcall\ttoo early #call\tn.md:5\n"),
	    "due\t2026-06-12\t2026-06-15\tanna\tcall\tCall\tocc:1\n");
}

/* Done: an entry dated TODAY counts; one after TODAY is a plan. */
static void
done_today_and_future(void **state)
{
	(void)state;
	const char *occ = "call 06-15 2 Call\n";
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "entry\tanna\t2026-06-10\t\t\tcall\tcalled #call\tn.md:5\n"), "");
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "entry\tanna\t2026-06-11\t\t\tcall\tplanned #call\tn.md:5\n"),
	    "due\t2026-06-12\t2026-06-15\tanna\tcall\tCall\tocc:1\n");
}

/* Only a tag naming the occasion marks it done; tags compare lowercase. */
static void
done_by_name_only(void **state)
{
	(void)state;
	assert_string_equal(run("call 06-15 2 Call\n", "2026-06-10", ANNA
	    "entry\tanna\t2026-06-01\t\t\tcalls,gift\tx\tn.md:5\n"
	    "entry\tanna\t2026-06-02\t\t\tGift, CALL\tx\tn.md:6\n"), "");
	assert_string_equal(run("call 06-15 2 Call\n", "2026-06-10", ANNA
	    "entry\tanna\t2026-06-01\t\t\tcalls,gift\tx\tn.md:5\n"),
	    "due\t2026-06-12\t2026-06-15\tanna\tcall\tCall\tocc:1\n");
}

/* FIELD/5: only where YEARS is a multiple of 5. */
static void
every_five(void **state)
{
	(void)state;
	const char *occ = "milestone client-since/5 7 {years} years\n";
	assert_string_equal(run(occ, "2026-05-20", ANNA
	    "field\tanna\tclient-since\t2016-06-01\t2016-06-01\tn.md:3\n"),
	    "due\t2026-05-25\t2026-06-01\tanna\tmilestone\t10 years\t"
	    "n.md:3\n");
	assert_string_equal(run(occ, "2027-05-20", ANNA
	    "field\tanna\tclient-since\t2016-06-01\t2016-06-01\tn.md:3\n"),
	    "");
}

/* FIELD@5,10,25: only the listed YEARS. */
static void
year_list(void **state)
{
	(void)state;
	const char *occ = "jubilee founded@5,10,25 14 {years}: {client}\n";
	const char *recs = ANNA
	    "field\tanna\tfounded\t2016-11-30\t2016-11-30\tn.md:3\n"
	    "client\tbert\tBert\tb.md:1\n"
	    "field\tbert\tfounded\t2017-11-30\t2017-11-30\tb.md:2\n"
	    "client\tcarl\tCarl\tc.md:1\n"
	    "field\tcarl\tfounded\t2001-11-30\t2001-11-30\tc.md:2\n";
	assert_string_equal(run(occ, "2026-11-10", recs),
	    "due\t2026-11-16\t2026-11-30\tanna\tjubilee\t10: Anna Example\t"
	    "n.md:3\n"
	    "due\t2026-11-16\t2026-11-30\tcarl\tjubilee\t25: Carl\tc.md:2\n");
}

/* /N and @… need a field with a year; plain FIELD does not. */
static void
yearless_field(void **state)
{
	(void)state;
	assert_string_equal(run("a birthday/5 0 A\nb birthday@1,2 0 B\n"
	    "c birthday 0 C {years|}{client}\n", "2026-03-10", ANNA
	    "field\tanna\tbirthday\t--03-12\t12. März\tn.md:2\n"),
	    "due\t2026-03-12\t2026-03-12\tanna\tc\tC Anna Example\tn.md:2\n");
}

/* YEARS < 1 is skipped: the field's own year and before. */
static void
years_below_one(void **state)
{
	(void)state;
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t2026-03-14\t2026-03-14\tn.md:2\n"), "");
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t2030-03-14\t2030-03-14\tn.md:2\n"), "");
	assert_string_equal(run(BDAY, "2027-03-10", ANNA
	    "field\tanna\tbirthday\t2026-03-14\t2026-03-14\tn.md:2\n"),
	    "due\t2027-03-12\t2027-03-14\tanna\tbirthday\t"
	    "Call Anna Example: 1 years\tn.md:2\n");
}

/* Without a dated FIELD the client is skipped; the last field wins. */
static void
field_missing_or_last(void **state)
{
	(void)state;
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t\tsometime in March\tn.md:2\n"), "");
	assert_string_equal(run(BDAY, "2026-03-10", ANNA), "");
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t1980-03-14\t14.3.1980\tn.md:2\n"
	    "field\tanna\tbirthday\t\tunknown\tn.md:9\n"), "");
	assert_string_equal(run(BDAY, "2026-03-10", ANNA
	    "field\tanna\tbirthday\t1970-01-01\t1.1.1970\tn.md:2\n"
	    "field\tanna\tBirthday\t1981-03-14\t14.3.1981\tn.md:9\n"),
	    "due\t2026-03-12\t2026-03-14\tanna\tbirthday\t"
	    "Call Anna Example: 45 years\tn.md:9\n");
}

/* MM-DD: every year, every client, the occasions line as SOURCE. */
static void
yearly_every_client(void **state)
{
	(void)state;
	assert_string_equal(run("# c\nchristmas 12-24 21 Note to {client}\n",
	    "2026-12-01", "client\tb\tB\tb.md:1\nclient\ta\tA\ta.md:1\n"),
	    "due\t2026-12-03\t2026-12-24\ta\tchristmas\tNote to A\tocc:2\n"
	    "due\t2026-12-03\t2026-12-24\tb\tchristmas\tNote to B\tocc:2\n");
}

/* YYYY-MM-DD: once, not in other years. */
static void
once(void **state)
{
	(void)state;
	const char *occ = "fair 2027-04-20 10 Invite {client}\n";
	assert_string_equal(run(occ, "2027-04-05", ANNA),
	    "due\t2027-04-09\t2027-04-20\tanna\tfair\tInvite Anna Example\t"
	    "occ:1\n");
	assert_string_equal(run(occ, "2026-04-05", ANNA), "");
	assert_string_equal(run(occ, "2028-04-05", ANNA), "");
}

/* #TAG+N: N days after the entry, done by a later #NAME entry. */
static void
tag_trigger(void **state)
{
	(void)state;
	const char *occ = "thanks #referral+2 0 Thank {client}: {entry}\n";
	const char *trigger = ANNA "entry\tanna\t2026-05-10\t\t\treferral\t"
	    "sent us #referral Bert\tn.md:7\n";
	assert_string_equal(run(occ, "2026-05-11", trigger),
	    "due\t2026-05-12\t2026-05-12\tanna\tthanks\t"
	    "Thank Anna Example: sent us Bert\tn.md:7\n");
	assert_string_equal(run(occ, "2026-05-11", ANNA
	    "entry\tanna\t2026-05-09\t\t\tthanks\tolder #thanks\tn.md:3\n"
	    "entry\tanna\t2026-05-10\t\t\treferral\tsent us #referral Bert\t"
	    "n.md:7\n"),
	    "due\t2026-05-12\t2026-05-12\tanna\tthanks\t"
	    "Thank Anna Example: sent us Bert\tn.md:7\n");
	assert_string_equal(run(occ, "2026-05-11", ANNA
	    "entry\tanna\t2026-05-10\t\t\tthanks\tsame day #thanks\tn.md:3\n"
	    "entry\tanna\t2026-05-10\t\t\treferral\tsent us #referral Bert\t"
	    "n.md:7\n"), "");
}

/* #TAG+N: the triggering entry does not mark itself done. */
static void
tag_trigger_not_self(void **state)
{
	(void)state;
	assert_string_equal(run("thanks #referral+2 0 T\n", "2026-05-11", ANNA
	    "entry\tanna\t2026-05-10\t\t\treferral,thanks\tx\tn.md:7\n"),
	    "due\t2026-05-12\t2026-05-12\tanna\tthanks\tT\tn.md:7\n");
}

/* Two #job-change entries: two occasions, each done on its own. */
static void
two_job_changes(void **state)
{
	(void)state;
	const char *occ = "congrats #job-change+7 0 Congratulate: {entry}\n";
	const char *recs = ANNA
	    "entry\tanna\t2026-03-01\t\t\tjob-change\tHead of Sales "
	    "#job-change\tn.md:5\n"
	    "entry\tanna\t2026-03-05\t\t\tjob-change\tCEO #job-change\t"
	    "n.md:6\n";
	assert_string_equal(run(occ, "2026-03-06", recs),
	    "due\t2026-03-06\t2026-03-08\tanna\tcongrats\t"
	    "Congratulate: Head of Sales\tn.md:5\n"
	    "due\t2026-03-12\t2026-03-12\tanna\tcongrats\t"
	    "Congratulate: CEO\tn.md:6\n");
	struct buf r = {0};
	buf_printf(&r, "%s%s", recs, "entry\tanna\t2026-03-03\t\t\tcongrats\t"
	    "card #congrats\tn.md:7\n");
	assert_string_equal(run(occ, "2026-03-06", r.s),
	    "due\t2026-03-12\t2026-03-12\tanna\tcongrats\t"
	    "Congratulate: CEO\tn.md:6\n");
	buf_free(&r);
}

/* last+N: a client with no entry has it on TODAY. */
static void
last_no_entries(void **state)
{
	(void)state;
	/* 2026-06-10 is a Wednesday; SOURCE is the client record. */
	assert_string_equal(run("quiet last+90 0 Call {client}\n",
	    "2026-06-10", ANNA),
	    "due\t2026-06-10\t2026-06-10\tanna\tquiet\tCall Anna Example\t"
	    "n.md:1\n");
	/* On a Saturday and with a lead it is still due today, not
	 * overdue since a Friday before. */
	assert_string_equal(run("quiet last+90 3 Call\n", "2026-06-13", ANNA),
	    "due\t2026-06-13\t2026-06-13\tanna\tquiet\tCall\tn.md:1\n");
}

/* last+N: quiet for two years stays overdue beyond any grace. */
static void
last_quiet_two_years(void **state)
{
	(void)state;
	assert_string_equal(run("quiet last+90 0 Call\n", "2026-06-10", ANNA
	    "entry\tanna\t2024-05-01\t\t\t\tlunch\tn.md:5\n"
	    "entry\tanna\t2024-06-10\t\t\t\tcall\tn.md:6\n"
	    "entry\tanna\t2024-01-01\t\t\t\told\tn.md:4\n"),
	    "overdue\t2024-09-06\t2024-09-08\tanna\tquiet\tCall\tn.md:6\n");
}

/* last+N: an entry moves DATE, one dated TODAY too, a future one not. */
static void
last_moves(void **state)
{
	(void)state;
	/* 2026-06-20 is a Saturday: ACT 06-19.  A tag naming the rule is
	 * no done mark, only an entry. */
	const char *occ = "quiet last+10 0 Call\n";
	assert_string_equal(run_wg(occ, "2026-06-10", 8, 7, ANNA
	    "entry\tanna\t2026-06-10\t\t\t\tcall\tn.md:5\n"), "");
	assert_string_equal(run_wg(occ, "2026-06-10", 9, 7, ANNA
	    "entry\tanna\t2026-06-10\t\t\t\tcall\tn.md:5\n"),
	    "due\t2026-06-19\t2026-06-20\tanna\tquiet\tCall\tn.md:5\n");
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "entry\tanna\t2026-05-01\t\t\tquiet\tcall #quiet\tn.md:5\n"
	    "entry\tanna\t2026-07-01\t\t\t\tplanned\tn.md:6\n"),
	    "overdue\t2026-05-11\t2026-05-11\tanna\tquiet\tCall\tn.md:5\n");
}

/* Filters: list values, mixed case, the last field wins. */
static void
filter_items(void **state)
{
	(void)state;
	const char *occ = "a 06-15 0 A\nkey 06-15?tier=key 0 K\n"
	    "both 06-15?tier=a?lang=DE 0 B\nnone 06-15?tier=b 0 N\n"
	    "nofield 06-15?region=north 0 R\n";
	assert_string_equal(run(occ, "2026-06-10", ANNA
	    "field\tanna\ttier\t\tB\tn.md:2\n"
	    "field\tanna\ttier\t\tA , Key,x\tn.md:3\n"
	    "field\tanna\tlang\t\tde\tn.md:4\n"),
	    "due\t2026-06-15\t2026-06-15\tanna\ta\tA\tocc:1\n"
	    "due\t2026-06-15\t2026-06-15\tanna\tboth\tB\tocc:3\n"
	    "due\t2026-06-15\t2026-06-15\tanna\tkey\tK\tocc:2\n");
}

/* {last}: the latest entry without a tag naming an occasion. */
static void
last_placeholder(void **state)
{
	(void)state;
	assert_string_equal(run("x 06-15 0 Recall {last|nothing}\n"
	    "call 01-01 0 C\n", "2026-06-10", ANNA
	    "entry\tanna\t2026-05-02\t\t\tbook\tlater #book text\tn.md:6\n"
	    "entry\tanna\t2026-05-01\t\t\t\tolder\tn.md:5\n"
	    "entry\tanna\t2026-05-02\t\t\t\tsame day, after\tn.md:7\n"
	    "entry\tanna\t2026-06-01\t\t\tcall\tdone mark #call\tn.md:8\n"
	    "entry\tanna\t2026-06-02\t\t\tx\tdone #x\tn.md:9\n"
	    "entry\tanna\t2026-06-11\t\t\t\tfuture\tn.md:10\n"),
	    "");
	assert_string_equal(run("x 06-15 0 Recall {last|nothing}\n"
	    "call 01-01 0 C\n", "2026-06-10", ANNA
	    "entry\tanna\t2026-05-02\t\t\tbook\tlater #book text\tn.md:6\n"
	    "entry\tanna\t2026-05-01\t\t\t\tolder\tn.md:5\n"
	    "entry\tanna\t2026-05-02\t\t\t\tsame day, after\tn.md:7\n"
	    "entry\tanna\t2026-06-01\t\t\tcall\tdone mark #call\tn.md:8\n"
	    "entry\tanna\t2026-06-11\t\t\t\tfuture\tn.md:10\n"),
	    "due\t2026-06-15\t2026-06-15\tanna\tx\tRecall same day, after\t"
	    "occ:1\n");
	assert_string_equal(run("x 06-15 0 Recall {last|nothing}\n",
	    "2026-06-10", ANNA), "due\t2026-06-15\t2026-06-15\tanna\tx\t"
	    "Recall nothing\tocc:1\n");
}

/* Placeholders: fields, defaults, missing values. */
static void
placeholders(void **state)
{
	(void)state;
	assert_string_equal(run("x 06-15 0 Call {contact|the team} re "
	    "{interests} {years|} on {date} ({id})\n", "2026-06-10", ANNA
	    "field\tanna\tcontact\t\t\tn.md:2\n"),
	    "due\t2026-06-15\t2026-06-15\tanna\tx\t"
	    "Call the team re on 2026-06-15 (anna)\tocc:1\n");
}

/* Output sorted by ACT, DATE, ID, NAME. */
static void
sorted(void **state)
{
	(void)state;
	assert_string_equal(run("b 06-19 4 B\na 06-15 0 A\nc 06-15 0 C\n",
	    "2026-06-10", "client\tz\tZ\tz:1\nclient\ty\tY\ty:1\n"),
	    "due\t2026-06-15\t2026-06-15\ty\ta\tA\tocc:2\n"
	    "due\t2026-06-15\t2026-06-15\ty\tc\tC\tocc:3\n"
	    "due\t2026-06-15\t2026-06-15\tz\ta\tA\tocc:2\n"
	    "due\t2026-06-15\t2026-06-15\tz\tc\tC\tocc:3\n"
	    "due\t2026-06-15\t2026-06-19\ty\tb\tB\tocc:1\n"
	    "due\t2026-06-15\t2026-06-19\tz\tb\tB\tocc:1\n");
}

/* Records of an id without a client record still make a client. */
static void
orphan_records(void **state)
{
	(void)state;
	assert_string_equal(run("quiet last+0 0 Call {client}\n",
	    "2026-06-10", "note\tbob\twhatever\n"
	    "due\t2026-06-10\t2026-06-10\tbob\tquiet\tx\tz:1\n"
	    "field\tbob\tphone\t\t123\tb.md:4\n"
	    "client\tbob\tBob Late\tb.md:1\n"),
	    "due\t2026-06-10\t2026-06-10\tbob\tquiet\tCall Bob Late\t"
	    "b.md:1\n");
	assert_string_equal(run("quiet last+0 0 Call {client}\n",
	    "2026-06-10", "field\tbob\tphone\t\t123\tb.md:4\n"),
	    "due\t2026-06-10\t2026-06-10\tbob\tquiet\tCall bob\tb.md:4\n");
}

/* A record without an id is an error and is skipped. */
static void
empty_id(void **state)
{
	(void)state;
	assert_string_equal(run("quiet last+0 0 Call\n", "2026-06-10",
	    "client\t\tNobody\tx:1\n"),
	    "--\nrecs:1: error: client record without a client id: write the "
	    "id in its second field\n");
}

/* Dates near the ends of the calendar stay inside years 1..9999. */
static void
calendar_ends(void **state)
{
	(void)state;
	assert_string_equal(run("x 12-31 0 X\nl last+3660 366 L\n"
	    "t #a+3660 0 T\n", "9999-12-30",
	    "client\tz\tZ\tz:1\n"
	    "entry\tz\t9999-12-01\t\t\ta\tx\tz:2\n"),
	    "due\t9999-12-31\t9999-12-31\tz\tx\tX\tocc:1\n");
	assert_string_equal(run("x 01-01 7 X\n", "0001-01-01",
	    "client\tz\tZ\tz:1\n"), "");
}

/* ---- Persons (CLIENT/SLUG) ---- */

#define BRENNER "client\tbr\tBrenner KG\tb.md:1\n" \
    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n" \
    "field\tbr/katrin\tbirthday\t1975-06-16\t16.06.1975\tb.md:4\n" \
    "person\tbr/max\tMax Brenner\tb.md:5\n" \
    "field\tbr/max\tbirthday\t1980-06-17\t17.06.1980\tb.md:6\n" \
    "person\tbr/eva\tEva Ott\tb.md:7\n" \
    "field\tbr/eva\tbirthday\t1990-06-18\t18.06.1990\tb.md:8\n"
#define PBDAY "birthday birthday 0 Call {name}: {years} years\n"

/* Each person's birthday is due on its day, under the person's id, from
 * the person's field line, {years} from the person's field. */
static void
person_birthdays(void **state)
{
	(void)state;
	assert_string_equal(run(PBDAY, "2026-06-15", BRENNER),
	    "due\t2026-06-16\t2026-06-16\tbr/katrin\tbirthday\t"
	    "Call Katrin Brenner: 51 years\tb.md:4\n"
	    "due\t2026-06-17\t2026-06-17\tbr/max\tbirthday\t"
	    "Call Max Brenner: 46 years\tb.md:6\n"
	    "due\t2026-06-18\t2026-06-18\tbr/eva\tbirthday\t"
	    "Call Eva Ott: 36 years\tb.md:8\n");
}

/* A card logged for one person (an entry tagged #birthday that concerns
 * her) leaves the others due; so does one that concerns someone else
 * or a person of another client. */
static void
person_done_by_concerns(void **state)
{
	(void)state;
#define MAX_EVA "due\t2026-06-17\t2026-06-17\tbr/max\tbirthday\t" \
    "Call Max Brenner: 46 years\tb.md:6\n" \
    "due\t2026-06-18\t2026-06-18\tbr/eva\tbirthday\t" \
    "Call Eva Ott: 36 years\tb.md:8\n"
	assert_string_equal(run(PBDAY, "2026-06-15", BRENNER
	    "entry\tbr\t2026-06-12\t\t\tbirthday\tcard for Katrin "
	    "#birthday\tb.md:20\n"
	    "concerns\tbr/katrin\t2026-06-12\tb.md:20\n"), MAX_EVA);
	/* the concerns record later in the stream, after other clients,
	 * and said twice */
	assert_string_equal(run(PBDAY, "2026-06-15", BRENNER
	    "entry\tbr\t2026-06-12\t\t\tbirthday\tcard #birthday\tb.md:20\n"
	    "client\tz\tZ\tz.md:1\n"
	    "entry\tz\t2026-06-12\t\t\tbirthday\tcard #birthday\tz.md:2\n"
	    "concerns\tbr/katrin\t2026-06-12\tb.md:20\n"
	    "concerns\tbr/katrin\t2026-06-12\tb.md:20\n"), MAX_EVA);
	/* an entry that concerns nobody, with three persons: nobody is
	 * done; a concerns record whose DATE, SOURCE or client does not
	 * match its entry is ignored */
	assert_string_equal(run(PBDAY, "2026-06-15", BRENNER
	    "entry\tbr\t2026-06-12\t\t\tbirthday\tcard #birthday\tb.md:20\n"
	    "concerns\tbr/katrin\t2026-06-11\tb.md:20\n"
	    "concerns\tbr/katrin\t2026-06-12\tb.md:21\n"
	    "client\tz\tZ\tz.md:1\n"
	    "entry\tz\t2026-06-12\t\t\tbirthday\tcard #birthday\tz.md:2\n"
	    "concerns\tbr/katrin\t2026-06-12\tz.md:2\n"),
	    "due\t2026-06-16\t2026-06-16\tbr/katrin\tbirthday\t"
	    "Call Katrin Brenner: 51 years\tb.md:4\n" MAX_EVA);
}

/* An entry that concerns no person marks the occasion of the client's
 * only person done; with two persons it marks neither. */
static void
person_done_only_one(void **state)
{
	(void)state;
#define ONE "client\tbr\tBrenner KG\tb.md:1\n" \
    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n" \
    "field\tbr/katrin\tbirthday\t1975-06-16\t16.06.1975\tb.md:4\n" \
    "entry\tbr\t2026-06-12\t\t\tbirthday\tcard #birthday\tb.md:20\n"
	assert_string_equal(run(PBDAY, "2026-06-15", ONE), "");
	/* a second person; an entry that concerns the other person does
	 * not count either */
	const char *more[] = {"person\tbr/max\tMax Brenner\tb.md:5\n",
	    "concerns\tbr/max\t2026-06-12\tb.md:20\n"};
	for (size_t i = 0; i < 2; i++) {
		struct buf recs = {0};
		buf_adds(&recs, ONE);
		buf_adds(&recs, more[i]);
		assert_string_equal(run(PBDAY, "2026-06-15", recs.s),
		    "due\t2026-06-16\t2026-06-16\tbr/katrin\tbirthday\t"
		    "Call Katrin Brenner: 51 years\tb.md:4\n");
		buf_free(&recs);
	}
#undef ONE
}

/* A client's occasion stays the client's, once: a company-level founded
 * rule runs once for the company, and is done by any entry of the
 * client tagged #NAME, one that concerns a person too.  A person does
 * not inherit the client's dated field. */
static void
person_company_rules(void **state)
{
	(void)state;
#define FOUNDED BRENNER \
    "field\tbr\tfounded\t2016-06-19\t19.06.2016\tb.md:2\n"
	assert_string_equal(run("jubilee founded/5 0 {years} years {client}"
	    "\n", "2026-06-15", FOUNDED),
	    "due\t2026-06-19\t2026-06-19\tbr\tjubilee\t"
	    "10 years Brenner KG\tb.md:2\n");
	assert_string_equal(run("jubilee founded/5 0 {years} years\n"
	    "xmas 06-20 0 Card\n", "2026-06-15", FOUNDED
	    "entry\tbr\t2026-06-14\t\t\tjubilee\t#jubilee\tb.md:20\n"
	    "concerns\tbr/max\t2026-06-14\tb.md:20\n"),
	    "due\t2026-06-19\t2026-06-20\tbr\txmas\tCard\tocc:2\n");
	/* the client's birthday is the client's only */
	assert_string_equal(run(PBDAY, "2026-06-15",
	    "client\tso\tSolo\ts.md:1\n"
	    "field\tso\tbirthday\t1970-06-19\t19.06.1970\ts.md:2\n"
	    "person\tso/p\tPia\ts.md:3\n"),
	    "due\t2026-06-19\t2026-06-19\tso\tbirthday\t"
	    "Call Solo: 56 years\ts.md:2\n");
}

/* Records in any order: persons and their fields before their client,
 * a person known only by its fields (named by its SLUG), an entry
 * under a person's id (the client's, about that person). */
static void
person_any_order(void **state)
{
	(void)state;
	assert_string_equal(run(PBDAY "q last+1 0 {client} {contact}\n",
	    "2026-06-15",
	    "field\tbr/max\tbirthday\t1980-06-17\t17.06.1980\tb.md:6\n"
	    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n"
	    "field\tbr/katrin\tbirthday\t1975-06-16\t16.06.1975\tb.md:4\n"
	    "entry\tbr/katrin\t2026-06-14\t\t\tbirthday\tcard #birthday\t"
	    "b.md:20\n"
	    "client\tbr\tBrenner KG\tb.md:1\n"),
	    "due\t2026-06-15\t2026-06-15\tbr\tq\tBrenner KG max\tb.md:20\n"
	    "due\t2026-06-17\t2026-06-17\tbr/max\tbirthday\t"
	    "Call max: 46 years\tb.md:6\n");
}

/* {KEY} the person's field, else the client's; {name}; {contact} the
 * person's contact field, else the person's name (never the client's
 * contact: the gesture is for the person); {client} and {id}. */
static void
person_placeholders(void **state)
{
	(void)state;
	assert_string_equal(run("b birthday 0 {name}|{contact}|{lang}|"
	    "{hobby|-}|{client}|{id}|{kontakt|{contact|x}}\n", "2026-06-15",
	    "client\tbr\tBrenner KG\tb.md:1\n"
	    "field\tbr\tcontact\t\tThe Office\tb.md:2\n"
	    "field\tbr\tlang\t\tde\tb.md:2\n"
	    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n"
	    "field\tbr/katrin\tbirthday\t1975-06-16\t16.06.1975\tb.md:4\n"
	    "field\tbr/katrin\tlang\t\ten\tb.md:5\n"
	    "field\tbr/katrin\thobby\t\tjazz\tb.md:5\n"
	    "person\tbr/max\tMax Brenner\tb.md:6\n"
	    "field\tbr/max\tbirthday\t1980-06-17\t17.06.1980\tb.md:7\n"
	    "field\tbr/max\tcontact\t\tMaxi\tb.md:8\n"
	    "field\tbr/max\tlang\t\t \tb.md:8\n"),
	    "due\t2026-06-16\t2026-06-16\tbr/katrin\tb\tKatrin Brenner|"
	    "Katrin Brenner|en|jazz|Brenner KG|br/katrin|Katrin Brenner\t"
	    "b.md:4\n"
	    "due\t2026-06-17\t2026-06-17\tbr/max\tb\tMax Brenner|Maxi|de|-|"
	    "Brenner KG|br/max|Maxi\tb.md:7\n");
}

/* {contact} in a client's gesture: the client's contact field, else
 * its first person's name (in input order), else the default. */
static void
client_contact_fallback(void **state)
{
	(void)state;
	const char *occ = "x 06-16 0 {name}: {contact|das Team}\n";
	assert_string_equal(run(occ, "2026-06-15",
	    "client\tbr\tBrenner KG\tb.md:1\n"
	    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n"
	    "person\tbr/max\tMax Brenner\tb.md:5\n"
	    "client\tco\tContact AG\tc.md:1\n"
	    "field\tco\tcontact\t\tAnna\tc.md:2\n"
	    "person\tco/p\tPia\tc.md:3\n"
	    "client\tno\tNobody\tn.md:1\n"),
	    "due\t2026-06-16\t2026-06-16\tbr\tx\tBrenner KG: Katrin Brenner\t"
	    "occ:1\n"
	    "due\t2026-06-16\t2026-06-16\tco\tx\tContact AG: Anna\tocc:1\n"
	    "due\t2026-06-16\t2026-06-16\tno\tx\tNobody: das Team\tocc:1\n");
}

/* Filters of a person's occasion read the person's field, else the
 * client's; ?KEY!=VALUE holds where the field lacks VALUE, or there is
 * no such field. */
static void
person_filters(void **state)
{
	(void)state;
	const char *recs = "client\tbr\tBrenner KG\tb.md:1\n"
	    "field\tbr\tlang\t\tde\tb.md:2\n"
	    "person\tbr/a\tA\tb.md:3\n"
	    "field\tbr/a\tbirthday\t1975-06-16\t16.06.1975\tb.md:4\n"
	    "person\tbr/b\tB\tb.md:5\n"
	    "field\tbr/b\tbirthday\t1975-06-16\t16.06.1975\tb.md:6\n"
	    "field\tbr/b\tlang\t\ten, fr\tb.md:7\n"
	    "field\tbr/b\tstatus\t\tFormer\tb.md:7\n";
	assert_string_equal(run("b birthday?lang=de 0 {name}\n",
	    "2026-06-15", recs),
	    "due\t2026-06-16\t2026-06-16\tbr/a\tb\tA\tb.md:4\n");
	assert_string_equal(run("b birthday?lang!=DE 0 {name}\n",
	    "2026-06-15", recs),
	    "due\t2026-06-16\t2026-06-16\tbr/b\tb\tB\tb.md:6\n");
	assert_string_equal(run("b birthday?lang!=fr 0 {name}\n",
	    "2026-06-15", recs),
	    "due\t2026-06-16\t2026-06-16\tbr/a\tb\tA\tb.md:4\n");
	assert_string_equal(run("b birthday?status!=former?lang!=it 0 "
	    "{name}\n", "2026-06-15", recs),
	    "due\t2026-06-16\t2026-06-16\tbr/a\tb\tA\tb.md:4\n");
}

/* ?KEY!=VALUE on clients: no such field holds, an item equal to VALUE
 * (any case) does not; repeatable with ?KEY=VALUE. */
static void
filter_not(void **state)
{
	(void)state;
	assert_string_equal(run("x 06-16?tier!=c?lang=de 0 X\n",
	    "2026-06-15",
	    "client\ta\tA\ta:1\nfield\ta\tlang\t\tde\ta:2\n"
	    "client\tb\tB\tb:1\nfield\tb\tlang\t\tde\tb:2\n"
	    "field\tb\ttier\t\tA, C\tb:3\n"
	    "client\tc\tC\tc:1\nfield\tc\tlang\t\tde\tc:2\n"
	    "field\tc\ttier\t\tCC\tc:3\n"
	    "client\td\tD\td:1\nfield\td\ttier\t\tB\td:3\n"),
	    "due\t2026-06-16\t2026-06-16\ta\tx\tX\tocc:1\n"
	    "due\t2026-06-16\t2026-06-16\tc\tx\tX\tocc:1\n");
}

/* A #TAG+N occasion whose triggering entry concerns one person: the
 * gesture reads that person's name, contact and fields; the ID stays
 * the client's.  With two persons it is the client's. */
static void
trigger_about_person(void **state)
{
	(void)state;
	const char *occ = "congrats #job-change+1 0 {name}, {contact}, "
	    "{role|-}: {entry}\n";
	const char *recs = "client\tbr\tBrenner KG\tb.md:1\n"
	    "field\tbr\tcontact\t\tThe Office\tb.md:2\n"
	    "person\tbr/katrin\tKatrin Brenner\tb.md:3\n"
	    "field\tbr/katrin\trole\t\tCEO\tb.md:4\n"
	    "person\tbr/max\tMax Brenner\tb.md:5\n"
	    "entry\tbr\t2026-06-14\t\t\tjob-change\tKatrin is CEO "
	    "#job-change\tb.md:20\n"
	    "concerns\tbr/katrin\t2026-06-14\tb.md:20\n"
	    "entry\tbr\t2026-06-15\t\t\tjob-change\tboth moved #job-change\t"
	    "b.md:21\n"
	    "concerns\tbr/katrin\t2026-06-15\tb.md:21\n"
	    "concerns\tbr/max\t2026-06-15\tb.md:21\n";
	assert_string_equal(run(occ, "2026-06-15", recs),
	    "due\t2026-06-15\t2026-06-15\tbr\tcongrats\tKatrin Brenner, "
	    "Katrin Brenner, CEO: Katrin is CEO\tb.md:20\n"
	    "due\t2026-06-16\t2026-06-16\tbr\tcongrats\tBrenner KG, "
	    "The Office, -: both moved\tb.md:21\n");
}

/* due_read: records from a stream, each copied to opts.pass as read. */
static void
read_and_pass(void **state)
{
	(void)state;
	FILE *in = tmpfile(), *pass = tmpfile();
	assert_non_null(in);
	assert_non_null(pass);
	const char *recs = "client\tanna\tAnna\tn.md:1\n"
	    "mystery\tkind\n"
	    "entry\tanna\t2026-06-01\t\t\t\tcall\\tme\tn.md:3\n";
	fputs(recs, in);
	rewind(in);
	struct occasions os;
	occasions_init(&os, "occ");
	occasions_add(&os, "q last+2 0 {last}", 17, 1);
	struct due_opts opt = {.window = 14, .grace = 7, .pass = pass};
	date_parse_iso("2026-06-02", &opt.today, false);
	struct due *d = due_new(&os, &opt);
	due_read(in, "in", d);
	struct buf out = {0};
	due_finish(d, &out);
	assert_string_equal(out.s, "due\t2026-06-03\t2026-06-03\tanna\tq\t"
	    "call me\tn.md:3\n");
	rewind(pass);
	char got[256];
	size_t n = fread(got, 1, sizeof got - 1, pass);
	got[n] = '\0';
	assert_string_equal(got, recs);
	buf_free(&out);
	due_free(d);
	occasions_free(&os);
	fclose(in);
	fclose(pass);
}

/* With opts.pass, a plan record for each rule with a planned cost comes
 * first, in file order, whether the rule is due or not; a {last} with an
 * amount gives its rule none.  Without pass there are none. */
static void
plan_records(void **state)
{
	(void)state;
	FILE *in = tmpfile(), *pass = tmpfile();
	assert_non_null(in);
	assert_non_null(pass);
	fputs("client\tanna\tAnna\tn.md:1\n"
	    "entry\tanna\t2026-06-01\t45.00\tEUR\t\tBlumen 45 \xe2\x82\xac "
	    "netto\tn.md:3\n", in);
	struct occasions os;
	occasions_init(&os, "occ");
	const char *rules[] = {
		"q last+2 0 Refer to {last}",
		"xmas 12-24 21 Wine (10-40 EUR) for {name}",
		"thanks #referral+2 0 Gift ~15 EUR",
	};
	for (size_t i = 0; i < 3; i++)
		occasions_add(&os, rules[i], strlen(rules[i]), (long)i + 1);
	for (int withpass = 0; withpass < 2; withpass++) {
		rewind(in);
		struct due_opts opt = {.window = 14, .grace = 7,
		    .pass = withpass ? pass : NULL};
		date_parse_iso("2026-06-02", &opt.today, false);
		struct due *d = due_new(&os, &opt);
		due_read(in, "in", d);
		struct buf out = {0};
		due_finish(d, &out);
		assert_string_equal(out.s, withpass ?
		    "plan\txmas\t40.00\tEUR\tocc:2\n"
		    "plan\tthanks\t15.00\tEUR\tocc:3\n"
		    "due\t2026-06-03\t2026-06-03\tanna\tq\tRefer to Blumen "
		    "45 \xe2\x82\xac netto\tn.md:3\n" :
		    "due\t2026-06-03\t2026-06-03\tanna\tq\tRefer to Blumen "
		    "45 \xe2\x82\xac netto\tn.md:3\n");
		buf_free(&out);
		due_free(d);
	}
	occasions_free(&os);
	fclose(in);
	fclose(pass);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(field_birthday),
		cmocka_unit_test(weekend_month_end),
		cmocka_unit_test(weekend_year_end),
		cmocka_unit_test(due_window_edges),
		cmocka_unit_test(overdue_grace),
		cmocka_unit_test(year_boundary_forward),
		cmocka_unit_test(year_boundary_backward),
		cmocka_unit_test(lead_weeks),
		cmocka_unit_test(feb29),
		cmocka_unit_test(done_window_start),
		cmocka_unit_test(done_today_and_future),
		cmocka_unit_test(done_by_name_only),
		cmocka_unit_test(every_five),
		cmocka_unit_test(year_list),
		cmocka_unit_test(yearless_field),
		cmocka_unit_test(years_below_one),
		cmocka_unit_test(field_missing_or_last),
		cmocka_unit_test(yearly_every_client),
		cmocka_unit_test(once),
		cmocka_unit_test(tag_trigger),
		cmocka_unit_test(tag_trigger_not_self),
		cmocka_unit_test(two_job_changes),
		cmocka_unit_test(last_no_entries),
		cmocka_unit_test(last_quiet_two_years),
		cmocka_unit_test(last_moves),
		cmocka_unit_test(filter_items),
		cmocka_unit_test(last_placeholder),
		cmocka_unit_test(placeholders),
		cmocka_unit_test(sorted),
		cmocka_unit_test(orphan_records),
		cmocka_unit_test(empty_id),
		cmocka_unit_test(calendar_ends),
		cmocka_unit_test(read_and_pass),
		cmocka_unit_test(plan_records),
		cmocka_unit_test(person_birthdays),
		cmocka_unit_test(person_done_by_concerns),
		cmocka_unit_test(person_done_only_one),
		cmocka_unit_test(person_company_rules),
		cmocka_unit_test(person_any_order),
		cmocka_unit_test(person_placeholders),
		cmocka_unit_test(client_contact_fallback),
		cmocka_unit_test(person_filters),
		cmocka_unit_test(filter_not),
		cmocka_unit_test(trigger_about_person),
	};
	return cmocka_run_group_tests_name("due", tests, NULL, teardown);
}
