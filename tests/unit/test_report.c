/* test_report.c: aggregation and layout of the nightly report. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "report.h"
#include "wrap.h"

/* TODAY of every test: Friday 2026-11-27. */
static struct report *
new_report(long long limit, long quiet)
{
	struct report_opts o = {
		.today = {2026, 11, 27}, .limit = limit, .quiet = quiet,
	};
	return report_new(&o);
}

static struct report *
new_default(void)
{
	return new_report(0, REPORT_QUIET);
}

/* Add one record written as its fields separated by TABs (no escapes). */
static void
add(struct report *r, const char *line)
{
	char *copy = strdup(line);
	char *f[16];
	size_t nf = 0;
	assert_non_null(copy);
	for (char *p = copy; nf < 16; ) {
		f[nf++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	struct record rec = { .kind = record_kind_of(f[0], nf), .nf = nf,
	    .f = f, .file = "recs", .line = 1 };
	report_add(r, &rec);
	free(copy);
}

/* The report, malloc'd; r is freed. */
static char *
finish(struct report *r)
{
	struct buf out = {0};
	report_write(r, &out);
	report_free(r);
	return buf_steal(&out);
}

/* The line of text that starts with prefix (the whole line, malloc'd),
 * or NULL. */
static char *
line_of(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len >= n && memcmp(p, prefix, n) == 0) {
			char *l = malloc(len + 1);
			assert_non_null(l);
			memcpy(l, p, len);
			l[len] = '\0';
			return l;
		}
		p += len + (nl != NULL);
	}
	return NULL;
}

/* text has a line that is exactly want. */
static void
has_line(const char *text, const char *want, const char *file, int line)
{
	char *l = line_of(text, want);
	if (!l || strcmp(l, want) != 0) {
		free(l);
		fail_msg("%s:%d: no line \"%s\" in:\n%s", file, line, want,
			 text);
	}
	free(l);
}
#define HAS_LINE(text, want) has_line(text, want, __FILE__, __LINE__)

/* text with every line break and the indent after it turned into one
 * space, so that a wrapped paragraph reads as one line (malloc'd). */
static char *
flat(const char *text)
{
	struct buf b = {0};
	for (const char *p = text; *p; p++) {
		if (*p != '\n') {
			buf_addc(&b, *p);
			continue;
		}
		while (p[1] == ' ')
			p++;
		buf_addc(&b, ' ');
	}
	return buf_steal(&b);
}

/* Does the text, its paragraphs joined (flat), contain want? */
static bool
flat_has(const char *text, const char *want)
{
	char *f = flat(text);
	bool r = strstr(f, want) != NULL;
	free(f);
	return r;
}

/* Every line is at most REPORT_WIDTH columns and has no trailing space. */
static void
assert_within(const char *text)
{
	for (const char *p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true(wrap_width(p, (size_t)(nl - p)) <= REPORT_WIDTH);
		assert_true(nl == p || nl[-1] != ' ');
		p = nl + 1;
	}
}

/* No input: the summary line alone. */
static void
empty_input(void **state)
{
	(void)state;
	char *out = finish(new_default());
	assert_string_equal(out, "tact Fri 2026-11-27: 0 overdue, 0 due, "
			    "0 clients, 0 quiet, 0 over limit\n");
	free(out);
}

/* Overdue first, then due by act date with weekday and distance; the
 * occasion date is shown where it is not the act date. */
static void
gestures_grouped(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAnna AG\tn:1");
	add(r, "client\tb\tBerta KG\tn:2");
	add(r, "due\t2026-11-30\t2026-11-30\tb\tcall\tCall Berta\tx:1");
	add(r, "due\t2026-11-27\t2026-12-01\ta\tbirthday\tCall Anna\tx:2");
	add(r, "overdue\t2026-11-20\t2026-11-22\ta\tthanks\tThank Anna\tx:3");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tcall\t\tx:4");
	char *out = finish(r);
	assert_string_equal(out,
	    "tact Fri 2026-11-27: 1 overdue, 3 due, 2 clients, 2 quiet, "
	    "0 over limit\n"
	    "\n"
	    "OVERDUE\n"
	    "  Fri 2026-11-20 (7 days ago)\n"
	    "    Anna AG (thanks 2026-11-22): Thank Anna\n"
	    "\n"
	    "DUE\n"
	    "  Fri 2026-11-27 (today)\n"
	    "    Anna AG (birthday 2026-12-01): Call Anna\n"
	    "  Mon 2026-11-30 (in 3 days)\n"
	    "    Anna AG (call)\n"
	    "    Berta KG (call): Call Berta\n"
	    "\n"
	    "QUIET CLIENTS (no entry for more than 180 days)\n"
	    "  Anna AG   never\n"
	    "  Berta KG  never\n");
	free(out);
}

/* One occasion on one day for three or more recipients: one line with
 * the count and the common text, "…" for what differs; the recipients
 * without a part of their own first, in one paragraph, then each part
 * once after the names that have it.  The summary counts every gesture;
 * two gestures of one occasion are not grouped. */
static void
occasion_groups(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client	a	Anna AG	n:1");
	add(r, "client	b	Berta KG	n:2");
	add(r, "client	c	Carla OHG	n:3");
	add(r, "client	d	Dora eG	n:4");
	add(r, "person	a/eva-e	Eva E	n:5");
	add(r, "due	2026-11-30	2026-12-24	d	xmas	Note, refer to	x:1");
	add(r, "due	2026-11-30	2026-12-24	c	xmas	Note, refer to Oslo	x:2");
	add(r, "due	2026-11-30	2026-12-24	b	xmas	Note, refer to	x:3");
	add(r, "due	2026-11-30	2026-12-24	a	xmas	Note, refer to Oslo	x:4");
	add(r, "due	2026-11-30	2026-12-24	a/eva-e	xmas	Note, refer to Rom	x:5");
	add(r, "due	2026-11-30	2026-11-30	a	call	Call	x:6");
	add(r, "due	2026-11-30	2026-11-30	b	call	Call	x:7");
	add(r, "overdue	2026-11-20	2026-11-20	a	card	Card	x:8");
	add(r, "overdue	2026-11-20	2026-11-20	b	card	Card	x:9");
	add(r, "overdue	2026-11-20	2026-11-20	a/eva-e	card	Card	x:10");
	char *out = finish(r);
	const char *want =
	    "tact Fri 2026-11-27: 3 overdue, 7 due, 4 clients, 4 quiet, "
	    "0 over limit\n"
	    "\n"
	    "OVERDUE\n"
	    "  Fri 2026-11-20 (7 days ago)\n"
	    "    3 clients and persons (card): Card\n"
	    "      Anna AG, Anna AG \xe2\x80\x93 Eva E, Berta KG\n"
	    "\n"
	    "DUE\n"
	    "  Mon 2026-11-30 (in 3 days)\n"
	    "    Anna AG (call): Call\n"
	    "    Berta KG (call): Call\n"
	    "    5 clients and persons (xmas 2026-12-24): Note, refer to "
	    "\xe2\x80\xa6\n"
	    "      Berta KG, Dora eG\n"
	    "      Anna AG, Carla OHG: Oslo\n"
	    "      Anna AG \xe2\x80\x93 Eva E: Rom\n"
	    "\n"
	    "QUIET CLIENTS (no entry for more than 180 days)\n"
	    "  Anna AG    never\n"
	    "  Berta KG   never\n"
	    "  Carla OHG  never\n"
	    "  Dora eG    never\n";
	/* then the warning that "Card" is not personal */
	assert_int_equal(strncmp(out, want, strlen(want)), 0);
	assert_non_null(strstr(out, "not personal: \"Card\""));
	free(out);
}

/* Texts with too little in common (here "Call ") are each said whole. */
static void
group_little_common(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "due	2026-11-30	2026-12-01	a	bd	Call A: ask about X	x:1");
	add(r, "due	2026-11-30	2026-12-01	b	bd	Call B: the boat	x:2");
	add(r, "due	2026-11-30	2026-12-01	c	bd	Call C	x:3");
	char *out = finish(r);
	assert_non_null(strstr(out, "\n    3 clients (bd 2026-12-01)\n"
	    "      a: Call A: ask about X\n      b: Call B: the boat\n"
	    "      c: Call C\n"));
	free(out);
}

/* The first client record names a client; without one, the id. */
static void
display_names(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "due\t2026-11-28\t2026-11-28\tx-id\tcall\tCall\tx:1");
	add(r, "client\ta\tFirst Name\tn:1");
	add(r, "client\ta\tSecond Name\tn:9");
	add(r, "due\t2026-11-28\t2026-11-28\ta\tcall\tCall\tx:2");
	char *out = finish(r);
	HAS_LINE(out, "    First Name (call): Call");
	HAS_LINE(out, "    x-id (call): Call");
	assert_null(strstr(out, "Second Name"));
	free(out);
}

/* Gifts of this business year up to TODAY, from the ledger: a sum a
 * recipient in the limit's currency; over the limit marked, exactly at
 * it not; an amount not converted makes the sum unknown. */
static void
gifts_table(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAnna\tn:1");
	add(r, "client\tb\tBerta\tn:2");
	add(r, "client\tc\tCarl\tn:3");
	add(r, "client\td\tDora\tn:3");
	add(r, "entry\ta\t2026-01-05\t30.00\tEUR\tgift\tbook\tn:4");
	add(r, "entry\ta\t2026-06-05\t20.01\tEUR\tgift\twine\tn:5");
	add(r, "entry\ta\t2026-06-06\t12.00\tUSD\tgift\tmug\tn:6");
	add(r, "entry\ta\t2025-12-24\t99.00\tEUR\tgift\tlast year\tn:7");
	add(r, "entry\ta\t2026-12-24\t99.00\tEUR\tgift\ta plan\tn:8");
	add(r, "entry\tb\t2026-11-27\t50.00\tEUR\tgift\ttoday\tn:9");
	add(r, "entry\tc\t2026-11-01\t\t\t\tno amount\tn:10");
	add(r, "entry\td\t2026-11-01\t12.00\tUSD\tgift\tmug\tn:11");
	char *out = finish(r);
	HAS_LINE(out, "GIFTS 2026 (limit 50.00 EUR a recipient; tact-gifts "
		 "lists each gift)");
	HAS_LINE(out, "  Anna   50.01 EUR  3 gifts  OVER LIMIT");
	HAS_LINE(out, "  Berta  50.00 EUR  1 gift");
	HAS_LINE(out, "  Dora    0.00 EUR  1 gift   UNKNOWN: USD not converted");
	assert_null(strstr(out, "Carl  "));
	HAS_LINE(out, "tact Fri 2026-11-27: 0 overdue, 0 due, 4 clients, "
		 "0 quiet, 1 over limit");
	free(out);
}

/* Names sort as people file them: case and umlauts folded. */
static void
names_sorted(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "entry\tz\t2026-01-05\t1\tEUR\tgift\ta\tn:1");
	add(r, "client\tz\tzeta\tn:1");
	add(r, "entry\tb2\t2026-01-05\t1\tEUR\tgift\ta\tn:2");
	add(r, "client\tb2\tBrightside\tn:2");
	add(r, "entry\tb1\t2026-01-05\t1\tEUR\tgift\ta\tn:3");
	add(r, "client\tb1\tBäckerei\tn:3");
	add(r, "entry\ta\t2026-01-05\t1\tEUR\tgift\ta\tn:4");
	add(r, "client\ta\tÖl AG\tn:4");
	add(r, "entry\tx\t2026-01-05\t1\tEUR\tgift\ta\tn:5");
	char *out = finish(r);
	assert_non_null(strstr(out,
	    "  Bäckerei    1.00 EUR  1 gift\n"
	    "  Brightside  1.00 EUR  1 gift\n"
	    "  Öl AG       1.00 EUR  1 gift\n"
	    "  x           1.00 EUR  1 gift\n"
	    "  zeta        1.00 EUR  1 gift\n"));
	free(out);
}

/* -b sets the limit. */
static void
gifts_other_limit(void **state)
{
	(void)state;
	struct report *r = new_report(3500, REPORT_QUIET);
	add(r, "entry\ta\t2026-01-05\t35.01\tEUR\tgift\tbook\tn:4");
	char *out = finish(r);
	HAS_LINE(out, "GIFTS 2026 (limit 35.00 EUR a recipient; tact-gifts "
		 "lists each gift)");
	HAS_LINE(out, "  a  35.01 EUR  1 gift   OVER LIMIT");
	free(out);
}

/* A report on another TODAY, the default limit. */
static struct report *
new_at(int y, int m, int d)
{
	struct report_opts o = {.today = {y, m, d}, .quiet = REPORT_QUIET};
	return report_new(&o);
}

/* A lunch (#bewirtung) is no gift: not in GIFTS, not counted in SPREAD. */
static void
gifts_lunch_not_counted(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAcme\tn:1");
	add(r, "entry\ta\t2026-11-02\t80.00\tEUR\tbewirtung\tlunch\tn:2");
	add(r, "entry\ta\t2026-11-03\t10.00\tEUR\tgift\tbook\tn:3");
	char *out = finish(r);
	HAS_LINE(out, "  Acme  10.00 EUR  1 gift");
	HAS_LINE(out, "  2026-11 ## 2 (1 gift)");
	assert_null(strstr(out, "OVER LIMIT"));
	free(out);
}

/* CHF with its EUR value written counts converted; CHF without it makes
 * the recipient's sum unknown, said with why and what to do. */
static void
gifts_chf(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAlpina\tn:1");
	add(r, "client\tb\tBerna\tn:2");
	add(r, "entry\ta\t2026-05-02\t30.00\tCHF\tgift\t"
	    "Pralinen CHF 30.- (= 31,85 \xe2\x82\xac)\tn:3");
	add(r, "entry\tb\t2026-05-02\t30.00\tCHF\tgift\tPralinen\tn:4");
	char *out = finish(r);
	HAS_LINE(out, "  Alpina  31.85 EUR  1 gift");
	HAS_LINE(out, "  Berna    0.00 EUR  1 gift   UNKNOWN: CHF not converted");
	assert_true(flat_has(out, " UNKNOWN: an amount in another currency "
			     "is not converted"));
	assert_true(flat_has(out, "or give tact-report -r RATES."));
	free(out);
}

/* The limit is per person: two persons of one client each within it,
 * though the client's gifts together are over it; no warning either. */
static void
gifts_persons_each_within(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAcme\tn:1");
	add(r, "person\ta/anna\tAnna\tn:2");
	add(r, "person\ta/ben\tBen\tn:3");
	add(r, "entry\ta\t2026-03-01\t40.00\tEUR\tgift\twine\tn:4");
	add(r, "concerns\ta/anna\t2026-03-01\tn:4");
	add(r, "entry\ta\t2026-03-02\t40.00\tEUR\tgift\tbook\tn:5");
	add(r, "concerns\ta/ben\t2026-03-02\tn:5");
	add(r, "entry\ta\t2026-03-03\t20.00\tEUR\tgift\tflowers\tn:6");
	char *out = finish(r);
	HAS_LINE(out, "  Acme         20.00 EUR  1 gift");
	HAS_LINE(out, "  Acme \xe2\x80\x93 Anna  40.00 EUR  1 gift");
	HAS_LINE(out, "  Acme \xe2\x80\x93 Ben   40.00 EUR  1 gift");
	assert_null(strstr(out, "OVER LIMIT"));
	HAS_LINE(out, "tact Fri 2026-11-27: 0 overdue, 0 due, 1 client, "
		 "1 quiet, 0 over limit");
	free(out);
}

/* An untagged amount counts as a gift, marked so the user checks it. */
static void
gifts_untagged(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "entry\ta\t2026-03-01\t10.00\tEUR\t\tcalendar\tn:1");
	add(r, "entry\ta\t2026-03-02\t15.00\tEUR\tgift\tbook\tn:2");
	char *out = finish(r);
	HAS_LINE(out, "  a  25.00 EUR  2 gifts  1 untagged");
	assert_true(flat_has(out, " untagged: an entry with an amount and no "
			     "#gift tag counts as a gift"));
	free(out);
}

/* In January the recipients over the limit of the previous business year
 * are named under GIFTS (even with no gift yet this year); in March not. */
static void
gifts_previous_year(void **state)
{
	(void)state;
	const char *recs[] = {
		"client\tm\tMüller GmbH\tn:1",
		"client\tk\tKlein AG\tn:2",
		"entry\tm\t2026-03-10\t30.00\tEUR\tgift\twine\tn:3",
		"entry\tm\t2026-12-18\t22.00\tEUR\tgift\tstollen\tn:4",
		"entry\tk\t2026-12-18\t22.00\tEUR\tgift\tstollen\tn:5",
	};
	struct report *r = new_at(2027, 1, 15);
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		add(r, recs[i]);
	char *out = finish(r);
	HAS_LINE(out, "GIFTS 2027 (limit 50.00 EUR a recipient; tact-gifts "
		 "lists each gift)");
	assert_true(flat_has(out, " 2026 ended over the limit: Müller GmbH "
			     "52.00 EUR \xe2\x80\x94 none of their 2026 gifts "
			     "is deductible."));
	assert_null(strstr(out, "Klein AG 22"));
	free(out);
	r = new_at(2027, 3, 1);
	for (size_t i = 0; i < sizeof recs / sizeof *recs; i++)
		add(r, recs[i]);
	out = finish(r);
	assert_null(strstr(out, "ended over the limit"));
	assert_null(strstr(out, "GIFTS"));
	free(out);
}

/* A business year from 07-01 (-s): named 2026/27, its first day in the
 * heading; the previous one's line up to 08-31. */
static void
gifts_business_year(void **state)
{
	(void)state;
	struct report_opts o = {.today = {2026, 8, 30}, .quiet = REPORT_QUIET,
	    .start_m = 7, .start_d = 1};
	struct report *r = report_new(&o);
	add(r, "entry\tm\t2026-06-30\t60.00\tEUR\tgift\twine\tn:1");
	add(r, "entry\tm\t2026-07-01\t10.00\tEUR\tgift\tbook\tn:2");
	char *out = finish(r);
	assert_true(flat_has(out, "GIFTS 2026/27 (from 2026-07-01, limit "
			     "50.00 EUR a recipient; tact-gifts lists each "
			     "gift)"));
	HAS_LINE(out, "  m  10.00 EUR  1 gift");
	assert_true(flat_has(out, " 2025/26 ended over the limit: m 60.00 "
			     "EUR"));
	free(out);
}

/* A planned gift to a recipient whose total is unknown warns that it is
 * unknown, not that it is within the limit. */
static void
limit_warning_unknown(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAlpina\tn:1");
	add(r, "entry\ta\t2026-05-02\t30.00\tCHF\tgift\tPralinen\tn:2");
	add(r, "plan\tthanks\t15.00\tEUR\toccasions:5");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tthanks\tThanks\tx:1");
	char *out = finish(r);
	assert_true(flat_has(out, " WARNINGS gift limit: Alpina (thanks, Mon "
			     "2026-11-30) plans 15.00 EUR; given in 2026 so "
			     "far: unknown (CHF not converted; 0.00 EUR "
			     "known)"));
	assert_null(strstr(out, "within"));
	free(out);
}

/* A planned cost that crosses the limit warns with spent, planned and
 * limit, and says the limit is a threshold; one that does not, not. */
static void
limit_warning(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAnna\tn:1");
	add(r, "client\tb\tBerta\tn:2");
	add(r, "entry\ta\t2026-03-01\t40.00\tEUR\t\tbook\tn:3");
	add(r, "entry\tb\t2026-03-01\t35.00\tEUR\t\tbook\tn:4");
	add(r, "plan\tthanks\t15.00\tEUR\toccasions:5");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tthanks\tGift (~15 EUR)\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\tb\tthanks\tGift (~15 EUR)\tx:2");
	char *out = finish(r);
	assert_true(flat_has(out, " WARNINGS gift limit: Anna (thanks, "
			     "Mon 2026-11-30) plans 15.00 EUR; given in "
			     "2026 so far 40.00 EUR, limit 50.00 EUR: "
			     "together 55.00 EUR, over the limit. The limit "
			     "is a threshold, not an allowance: once it is "
			     "crossed, none of the recipient's gifts of 2026 "
			     "is deductible, not even the first ones."));
	assert_null(strstr(out, "gift limit: Berta"));
	assert_within(out);
	free(out);

	r = new_default();
	add(r, "entry\ta\t2026-03-01\t50.01\tEUR\t\tbook\tn:3");
	add(r, "plan\tthanks\t1.00\tEUR\toccasions:1");
	add(r, "plan\tcard\t0.00\tEUR\toccasions:2");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tthanks\tGift (~1 EUR)\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tcard\tCard (~0 EUR)\tx:2");
	out = finish(r);
	assert_true(flat_has(out, "gift limit: a (thanks, Mon 2026-11-30) plans "
			     "1.00 EUR; given in 2026 so far 50.01 EUR, limit "
			     "50.00 EUR: together 51.01 EUR, already over the "
			     "limit."));
	assert_null(strstr(out, "(card,"));
	free(out);
}

/* Planned costs of one client add up in the order of the report; other
 * currencies and gestures without an amount are not counted. */
static void
limit_cumulative(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "entry\ta\t2026-03-01\t20.00\tEUR\t\tbook\tn:3");
	add(r, "plan\tx\t20.00\tEUR\toccasions:1");
	add(r, "plan\ty\t15.00\tEUR\toccasions:2");
	add(r, "plan\tz\t500.00\tUSD\toccasions:3");
	add(r, "due\t2026-12-01\t2026-12-01\ta\tx\tSmall gift (~20 EUR)\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\ta\ty\tGift €15\tx:2");
	add(r, "due\t2026-11-29\t2026-11-29\ta\tz\tGift 500 USD\tx:3");
	add(r, "due\t2026-11-29\t2026-11-29\ta\tw\tCall\tx:4");
	char *out = finish(r);
	assert_null(strstr(out, "gift limit: a (y,"));
	assert_true(flat_has(out, "gift limit: a (x, Tue 2026-12-01) plans "
			     "20.00 EUR after 15.00 EUR in the gestures "
			     "above; given in 2026 so far 20.00 EUR, limit "
			     "50.00 EUR: together 55.00 EUR"));
	assert_null(strstr(out, "(z,"));
	free(out);
}

/* A due gesture acted on next year counts against next year's gifts
 * (none yet); an overdue one against this year's. */
static void
limit_next_year(void **state)
{
	(void)state;
	struct report_opts o = {
		.today = {2026, 12, 28}, .limit = 5000, .quiet = 180,
	};
	struct report *r = report_new(&o);
	add(r, "entry\ta\t2026-03-01\t45.00\tEUR\t\tbook\tn:3");
	add(r, "plan\tx\t10.00\tEUR\toccasions:1");
	add(r, "plan\ty\t60.00\tEUR\toccasions:2");
	add(r, "plan\tz\t6.00\tEUR\toccasions:3");
	add(r, "due\t2027-01-04\t2027-01-04\ta\tx\tGift (~10 EUR)\tx:1");
	add(r, "due\t2027-01-05\t2027-01-05\ta\ty\tGift (~60 EUR)\tx:2");
	add(r, "overdue\t2026-12-27\t2026-12-27\ta\tz\tGift (~6 EUR)\tx:3");
	char *out = finish(r);
	assert_null(strstr(out, "(x,"));
	assert_true(flat_has(out, "gift limit: a (y, Tue 2027-01-05) plans "
			     "60.00 EUR after 10.00 EUR in the gestures "
			     "above; given in 2027 so far 0.00 EUR"));
	assert_true(flat_has(out, "gift limit: a (z, Sun 2026-12-27) plans "
			     "6.00 EUR; given in 2026 so far 45.00 EUR"));
	free(out);
}

/* The planned cost is the rule's, from its plan record: an amount in
 * the expanded text ({last} "Blumen 45 € netto") is none, and a plan
 * record gives one to a text without an amount; the last plan record of
 * an occasion counts. */
static void
limit_from_plan(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAnna\tn:1");
	add(r, "client\tb\tBerta\tn:2");
	add(r, "entry\ta\t2026-03-01\t20.00\tEUR\tgift\tbook\tn:3");
	add(r, "entry\tb\t2026-03-01\t20.00\tEUR\tgift\tbook\tn:4");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tchristmas\t"
	    "Personal note, refer to Blumen 45 € netto\tx:1");
	add(r, "plan\tthanks\t1.00\tEUR\toccasions:5");
	add(r, "plan\tthanks\t40.00\tEUR\toccasions:5");
	add(r, "due\t2026-11-30\t2026-11-30\tb\tthanks\tA gift\tx:2");
	char *out = finish(r);
	assert_null(strstr(out, "gift limit: Anna"));
	assert_true(flat_has(out, "gift limit: Berta (thanks, Mon 2026-11-30) "
			     "plans 40.00 EUR; given in 2026 so far 20.00 EUR, "
			     "limit 50.00 EUR: together 60.00 EUR"));
	free(out);
}

/* Quiet: never contacted first, then the longest quiet; exactly DAYS
 * ago is not quiet; entries after TODAY do not count. */
static void
quiet_clients(void **state)
{
	(void)state;
	struct report *r = new_report(0, 10);
	add(r, "client\tnever\tNever\tn:1");
	add(r, "client\tedge\tEdge\tn:2");
	add(r, "client\told\tOld\tn:3");
	add(r, "client\tolder\tOlder\tn:4");
	add(r, "client\tplan\tPlan\tn:5");
	add(r, "entry\tedge\t2026-11-17\t\t\t\tten days ago\tn:6");
	add(r, "entry\told\t2026-11-16\t\t\t\televen days ago\tn:7");
	add(r, "entry\tolder\t2026-01-01\t\t\t\tlong ago\tn:8");
	add(r, "entry\tolder\t2025-01-01\t\t\t\tlonger ago\tn:9");
	add(r, "entry\tplan\t2026-11-28\t\t\t\ttomorrow\tn:10");
	char *out = finish(r);
	assert_non_null(strstr(out,
	    "\nQUIET CLIENTS (no entry for more than 10 days)\n"
	    "  Never  never\n"
	    "  Plan   never\n"
	    "  Older  2026-01-01 (330 days ago)\n"
	    "  Old    2026-11-16 (11 days ago)\n"));
	assert_null(strstr(out, "  Edge"));
	HAS_LINE(out, "tact Fri 2026-11-27: 0 overdue, 0 due, 5 clients, "
		 "4 quiet, 0 over limit");
	free(out);
}

/* The spread: 12 months up to TODAY's, one mark an entry while it fits,
 * the gifts counted; older and later entries left out. */
static void
spread_chart(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "entry\ta\t2025-11-30\t\t\t\ttoo old\tn:1");
	add(r, "entry\ta\t2025-12-01\t5\tEUR\t\tgift\tn:2");
	add(r, "entry\ta\t2025-12-02\t\t\t\tcall\tn:3");
	add(r, "entry\ta\t2026-11-27\t\t\t\tcall\tn:4");
	add(r, "entry\ta\t2026-11-28\t\t\t\tplan\tn:5");
	char *out = finish(r);
	assert_non_null(strstr(out,
	    "\nSPREAD (entries a month, 2025-12 to 2026-11)\n"
	    "  2025-12 ## 2 (1 gift)\n"
	    "  2026-01 0\n"));
	assert_non_null(strstr(out, "  2026-10 0\n  2026-11 # 1\n"));
	free(out);
}

/* Many entries: bars scaled to the width, a small month keeps one mark. */
static void
spread_scaled(void **state)
{
	(void)state;
	struct report *r = new_default();
	for (int i = 0; i < 1000; i++)
		add(r, "entry\ta\t2026-05-05\t\t\t\tcall\tn:1");
	add(r, "entry\ta\t2026-06-05\t\t\t\tcall\tn:2");
	char *out = finish(r);
	char *may = line_of(out, "  2026-05 ");
	char *june = line_of(out, "  2026-06 ");
	assert_non_null(may);
	assert_non_null(june);
	assert_int_equal(wrap_width(may, strlen(may)), REPORT_WIDTH);
	assert_string_equal(june, "  2026-06 # 1");
	assert_within(out);
	free(may);
	free(june);
	free(out);
}

/* December with more than a third of the gifts warns; a third does not. */
static void
december_warning(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "entry\ta\t2025-12-01\t5\tEUR\t\tgift\tn:1");
	add(r, "entry\ta\t2026-01-01\t5\tEUR\t\tgift\tn:2");
	add(r, "entry\ta\t2026-02-01\t5\tEUR\t\tgift\tn:3");
	char *out = finish(r);
	assert_null(strstr(out, "December:"));
	free(out);

	r = new_default();
	add(r, "entry\ta\t2025-12-01\t5\tEUR\t\tgift\tn:1");
	add(r, "entry\ta\t2025-12-02\t5\tUSD\t\tgift\tn:2");
	add(r, "entry\ta\t2026-01-01\t5\tEUR\t\tgift\tn:3");
	add(r, "entry\ta\t2026-02-01\t5\tEUR\t\tgift\tn:4");
	add(r, "entry\ta\t2026-02-01\t\t\t\tno gift\tn:5");
	out = finish(r);
	assert_true(flat_has(out, " WARNINGS December: 2 of the 4 gifts "
			     "from 2025-12 to 2026-11 fall in 2025-12, more "
			     "than a third."));
	free(out);
}

/* One text to three clients is not personal; three times to two clients
 * is not warned about; an empty text never. */
static void
repeated_gesture(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\tc\tCarl\tn:1");
	add(r, "client\ta\tAnna\tn:2");
	add(r, "client\tb\tBerta\tn:3");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tx\tSame text\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\tb\tx\tSame text\tx:2");
	add(r, "overdue\t2026-11-20\t2026-11-20\tc\tx\tSame text\tx:3");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tx\tTwo only\tx:4");
	add(r, "due\t2026-12-01\t2026-12-01\ta\ty\tTwo only\tx:5");
	add(r, "due\t2026-12-02\t2026-12-02\tb\ty\tTwo only\tx:6");
	add(r, "due\t2026-12-01\t2026-12-01\ta\tz\t\tx:7");
	add(r, "due\t2026-12-01\t2026-12-01\tb\tz\t\tx:8");
	add(r, "due\t2026-12-01\t2026-12-01\tc\tz\t\tx:9");
	char *out = finish(r);
	assert_true(flat_has(out, " WARNINGS not personal: \"Same text\" "
			     "goes unchanged to 3 recipients: Anna, Berta, "
			     "Carl. It is not personal:"));
	assert_null(strstr(out, "\"Two only\""));
	assert_null(strstr(out, "\"\""));
	free(out);
}

/* A person's gesture names the client and the person (its person record
 * wherever it comes, else the SLUG of its id); person, field, concerns
 * and due records with a person id make no client of their own. */
static void
person_gestures(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "field\tacme/katrin-brenner\trole\t\tCEO\tn:3");
	add(r, "due\t2026-11-30\t2026-12-01\tacme/katrin-brenner\tbirthday\t"
	    "Call Katrin\tn:4");
	add(r, "due\t2026-11-30\t2026-11-30\tacme/jonas\tcall\tCall Jonas\tn:9");
	add(r, "due\t2026-11-30\t2026-11-30\tacme\tcall\tCall Acme\tn:1");
	add(r, "concerns\tacme/jonas\t2026-11-20\tn:8");
	add(r, "person\tacme/katrin-brenner\tKatrin Brenner\tn:2");
	add(r, "person\tacme/katrin-brenner\tSecond Name\tn:7");
	add(r, "entry\tacme\t2026-11-20\t\t\t\tmet Jonas\tn:8");
	add(r, "client\tacme\tAcme GmbH\tn:1");
	char *out = finish(r);
	const char *want =
	    "tact Fri 2026-11-27: 0 overdue, 3 due, 1 client, 0 quiet, "
	    "0 over limit\n"
	    "\n"
	    "DUE\n"
	    "  Mon 2026-11-30 (in 3 days)\n"
	    "    Acme GmbH (call): Call Acme\n"
	    "    Acme GmbH \xe2\x80\x93 jonas (call): Call Jonas\n"
	    "    Acme GmbH \xe2\x80\x93 Katrin Brenner (birthday 2026-12-01): "
	    "Call Katrin\n"
	    "\n"
	    "SPREAD ";
	assert_true(strlen(out) >= strlen(want));
	assert_memory_equal(out, want, strlen(want));
	free(out);
}

/* Quiet clients stay clients: a client whose persons alone have records
 * is quiet, under its own name, and no person is; the client's entries
 * count.  A gift that concerns a person is the person's (the ledger's
 * recipient), named as gesture lines name persons. */
static void
person_quiet_and_gifts(void **state)
{
	(void)state;
	struct report *r = new_report(0, 10);
	add(r, "person\tb/carl\tCarl\tn:1");
	add(r, "field\tb/carl\tbirthday\t1970-01-02\t2.1.1970\tn:2");
	add(r, "client\tb\tBeta KG\tn:3");
	add(r, "client\ta\tAlpha AG\tn:4");
	add(r, "person\ta/anna\tAnna\tn:5");
	add(r, "entry\ta\t2026-11-20\t20.00\tEUR\tgift\tbook for Anna\tn:6");
	add(r, "concerns\ta/anna\t2026-11-20\tn:6");
	char *out = finish(r);
	assert_non_null(strstr(out,
	    "\nQUIET CLIENTS (no entry for more than 10 days)\n"
	    "  Beta KG  never\n\n"));
	HAS_LINE(out, "  Alpha AG \xe2\x80\x93 Anna  20.00 EUR  1 gift");
	assert_null(strstr(out, "Carl"));
	assert_null(strstr(out, "/"));
	HAS_LINE(out, "tact Fri 2026-11-27: 0 overdue, 0 due, 2 clients, "
		 "1 quiet, 0 over limit");
	free(out);
}

/* Not personal counts recipients: one text to three persons of one
 * client is warned about, the client before its persons; the same
 * person twice is one recipient. */
static void
person_repeated_gesture(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAcme\tn:1");
	add(r, "person\ta/zoe\tZoë Zander\tn:2");
	add(r, "person\ta/bert\tBert\tn:3");
	add(r, "due\t2026-11-30\t2026-11-30\ta/zoe\tx\tHappy birthday!\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\ta/bert\tx\tHappy birthday!\tx:2");
	add(r, "due\t2026-12-01\t2026-12-01\ta\tx\tHappy birthday!\tx:3");
	add(r, "due\t2026-11-30\t2026-11-30\ta/bert\tx\tTwice\tx:4");
	add(r, "due\t2026-12-30\t2026-12-30\ta/bert\tx\tTwice\tx:5");
	add(r, "due\t2026-11-30\t2026-11-30\ta\ty\tTwice\tx:6");
	char *out = finish(r);
	assert_true(flat_has(out, " WARNINGS not personal: \"Happy "
			     "birthday!\" goes unchanged to 3 recipients: "
			     "Acme, Acme \xe2\x80\x93 Bert, Acme \xe2\x80\x93 "
			     "Zoë Zander. It is not personal:"));
	assert_null(strstr(out, "\"Twice\""));
	free(out);
}

/* The gift limit warning for a person's gesture names the person and
 * counts the person's gifts, not the client's own. */
static void
person_limit_warning(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tAcme\tn:1");
	add(r, "person\ta/anna\tAnna\tn:2");
	add(r, "person\ta/bert\tBert\tn:2");
	add(r, "entry\ta\t2026-03-01\t40.00\tEUR\tgift\twine\tn:3");
	add(r, "concerns\ta/anna\t2026-03-01\tn:3");
	add(r, "entry\ta\t2026-03-02\t45.00\tEUR\tgift\tbook\tn:4");
	add(r, "plan\tthanks\t15.00\tEUR\toccasions:5");
	add(r, "due\t2026-11-30\t2026-11-30\ta/anna\tthanks\t"
	    "Small gift (~15 EUR)\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\ta/bert\tthanks\t"
	    "Small gift (~15 EUR)\tx:2");
	char *out = finish(r);
	assert_true(flat_has(out, " WARNINGS gift limit: Acme \xe2\x80\x93 "
			     "Anna (thanks, Mon 2026-11-30) plans 15.00 EUR; "
			     "given in 2026 so far 40.00 EUR"));
	assert_null(strstr(out, "gift limit: Acme \xe2\x80\x93 Bert"));
	free(out);
}

/* A due line's person id with an empty SLUG is named by the whole id. */
static void
person_empty_slug(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client	acme	Acme	n:1");
	add(r, "due	2026-11-30	2026-11-30	acme/	call	Call	x:1");
	char *out = finish(r);
	HAS_LINE(out, "    Acme \xe2\x80\x93 acme/ (call): Call");
	free(out);
}

/* Unknown kinds and known kinds with the wrong number of fields or a bad
 * date are skipped. */
static void
skips_bad_records(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "note\ta\tsomething");
	add(r, "client\ta");
	add(r, "entry\tb\t2026-13-01\t\t\t\tbad\tn:1");
	add(r, "due\tsoon\t2026-11-30\tc\tx\ty\tx:1");
	add(r, "entry\td\t2026-11-01\tabc\tEUR\t\tbad\tn:2");
	char *out = finish(r);
	assert_string_equal(out, "tact Fri 2026-11-27: 0 overdue, 0 due, "
			    "0 clients, 0 quiet, 0 over limit\n");
	free(out);
}

/* Long names and gestures wrap within the width, everywhere. */
static void
long_text_within_width(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tSchmidt & Partner Rechtsanwälte Steuerberater "
	    "Wirtschaftsprüfer Unternehmensberater PartGmbB Zweigniederlassung "
	    "München\tn:1");
	add(r, "client\tb\tDonaudampfschifffahrtsgesellschaftskapitänsmützen"
	    "abzeichenherstellungsbetriebsleitungsgesellschaft\tn:2");
	add(r, "client\tc\tÖ\tn:3");
	add(r, "entry\ta\t2026-01-01\t49.99\tEUR\t\tgift\tn:4");
	add(r, "entry\tb\t2026-01-01\t999999999.99\tCHF\t\tgift\tn:5");
	add(r, "plan\tthanks\t15.00\tEUR\toccasions:5");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tthanks\tThank Frau "
	    "Dr. Schmidt-Müllenhoff for the referral of Donaudampfschifffahrts"
	    "gesellschaftskapitänsmützenabzeichenherstellungsbetrieb, small "
	    "gift for literature, mountaineering, wine (~15 EUR)\tx:1");
	add(r, "due\t2026-11-30\t2026-11-30\tb\tthanks\tThank Frau "
	    "Dr. Schmidt-Müllenhoff for the referral of Donaudampfschifffahrts"
	    "gesellschaftskapitänsmützenabzeichenherstellungsbetrieb, small "
	    "gift for literature, mountaineering, wine (~15 EUR)\tx:2");
	add(r, "due\t2026-11-30\t2026-11-30\tc\tthanks\tThank Frau "
	    "Dr. Schmidt-Müllenhoff for the referral of Donaudampfschifffahrts"
	    "gesellschaftskapitänsmützenabzeichenherstellungsbetrieb, small "
	    "gift for literature, mountaineering, wine (~15 EUR)\tx:3");
	char *out = finish(r);
	assert_within(out);
	assert_null(strstr(out, "OVER LIMIT"));
	assert_non_null(strstr(out, "gift limit: Schmidt"));
	assert_non_null(strstr(out, "not personal:"));
	free(out);
}

/* Control characters in names and texts reach the terminal as escapes
 * (show.h), never raw; a TAB is a space. */
static void
control_characters(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tTab\x01Name\tn:1");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tx\tline\x0a" "break\x1b]52;c;"
	    "ZXZpbA==\x07 and\x7f\tx:1");
	char *out = finish(r);
	HAS_LINE(out, "    Tab\\001Name (x): line\\012break\\033]52;c;"
	    "ZXZpbA==\\007 and\\177");
	free(out);
}

/* C1 controls, bidirectional controls and bytes that are not UTF-8 are
 * shown as escapes too, in names, occasions and gesture texts. */
static void
c1_and_bidi(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\tEvil\xE2\x80\xAE" "gnp.exe\tn:1");
	add(r, "client\tb\tB\xC2\x9B" "2J\xFF\tn:2");
	add(r, "due\t2026-11-30\t2026-11-30\ta\tx\xE2\x81\xA6" "y\t"
	    "call \xC2\x85 now \xD8\x9C\xE2\x80\x8F\tx:1");
	add(r, "entry\tb\t2026-11-02\t10.00\tEUR\tgift\tgift\tn:3");
	char *out = finish(r);
	HAS_LINE(out, "    Evil\\u202Egnp.exe (x\\u2066y): call \\u0085 now "
	    "\\u061C\\u200F");
	HAS_LINE(out, "  B\\u009B2J\\xff  10.00 EUR  1 gift");
	for (const char *p = out; *p; p++) {
		unsigned char c = (unsigned char)*p;
		assert_true(c >= 0x20 || c == '\n');
		assert_true(c != 0x7f && c != 0xff);
	}
	assert_null(strstr(out, "\xC2\x85"));
	assert_null(strstr(out, "\xE2\x80\xAE"));
	free(out);
}

/* Names of wide characters count two columns each: the table lines up
 * on the terminal, and no line is wider than 80 columns. */
static void
wide_names(void **state)
{
	(void)state;
	struct report *r = new_default();
	add(r, "client\ta\t田中株式会社\tn:1");
	add(r, "client\tb\tAB\tn:2");
	add(r, "entry\ta\t2026-11-02\t10.00\tEUR\tgift\tgift\tn:3");
	add(r, "entry\tb\t2026-11-02\t10.00\tEUR\tgift\tgift\tn:4");
	struct buf name = {0};
	for (int i = 0; i < 30; i++)
		buf_adds(&name, "東京");
	struct buf line = {0};
	buf_printf(&line, "due\t2026-11-30\t2026-11-30\tc\tx\t%s %s\tx:1",
	    name.s, name.s);
	add(r, line.s);
	buf_reset(&line);
	buf_printf(&line, "client\tc\t%s\tn:5", name.s);
	add(r, line.s);
	char *out = finish(r);
	HAS_LINE(out, "  AB            10.00 EUR  1 gift");
	HAS_LINE(out, "  田中株式会社  10.00 EUR  1 gift");
	assert_within(out);
	free(out);
	buf_free(&name);
	buf_free(&line);
}

/* report_read takes records through the reader; a malformed line draws
 * its error and is skipped. */
static void
reads_records(void **state)
{
	(void)state;
	const char *in =
	    "client\ta\tAnna\\tAG\tn:1\n"
	    "entry\ta\t2026-02-30\t\t\t\tbad\tn:2\n"
	    "due\t2026-11-30\t2026-11-30\ta\tcall\tCall\tx:1\n";
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fputs(in, fp);
	rewind(fp);
	struct buf diags = {0};
	diag_capture(&diags);
	struct report *r = new_default();
	report_read(fp, "t", r);
	diag_capture(NULL);
	fclose(fp);
	char *out = finish(r);
	HAS_LINE(out, "    Anna AG (call): Call");
	assert_non_null(strstr(diags.s, "t:2: error: "));
	assert_int_equal(diag_status(), 1);
	buf_free(&diags);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_input),
		cmocka_unit_test(gestures_grouped),
		cmocka_unit_test(display_names),
		cmocka_unit_test(gifts_table),
		cmocka_unit_test(names_sorted),
		cmocka_unit_test(gifts_other_limit),
		cmocka_unit_test(gifts_lunch_not_counted),
		cmocka_unit_test(gifts_chf),
		cmocka_unit_test(gifts_persons_each_within),
		cmocka_unit_test(gifts_untagged),
		cmocka_unit_test(gifts_previous_year),
		cmocka_unit_test(gifts_business_year),
		cmocka_unit_test(limit_warning_unknown),
		cmocka_unit_test(limit_warning),
		cmocka_unit_test(limit_cumulative),
		cmocka_unit_test(limit_next_year),
		cmocka_unit_test(quiet_clients),
		cmocka_unit_test(spread_chart),
		cmocka_unit_test(spread_scaled),
		cmocka_unit_test(december_warning),
		cmocka_unit_test(repeated_gesture),
		cmocka_unit_test(person_gestures),
		cmocka_unit_test(person_quiet_and_gifts),
		cmocka_unit_test(person_repeated_gesture),
		cmocka_unit_test(person_limit_warning),
		cmocka_unit_test(person_empty_slug),
		cmocka_unit_test(skips_bad_records),
		cmocka_unit_test(long_text_within_width),
		cmocka_unit_test(limit_from_plan),
		cmocka_unit_test(control_characters),
		cmocka_unit_test(occasion_groups),
		cmocka_unit_test(group_little_common),
		cmocka_unit_test(c1_and_bidi),
		cmocka_unit_test(wide_names),
		cmocka_unit_test(reads_records),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
