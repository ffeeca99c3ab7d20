/* test_occasion.c: the occasions file parser: every WHEN form, filters,
 * leads, names, comments, and each malformed line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "occasion.h"

static struct occasions os;
static struct buf diags;

static int
setup(void **state)
{
	(void)state;
	occasions_init(&os, "occ");
	diag_capture(&diags);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	diag_capture(NULL);
	buf_free(&diags);
	occasions_free(&os);
	return 0;
}

/* Read text as the occasions file; returns the diagnostics ("" for
 * none), valid until the next call. */
static const char *
read_text(const char *text)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fputs(text, fp);
	rewind(fp);
	buf_reset(&diags);
	assert_int_equal(occasions_read(&os, fp), 0);
	fclose(fp);
	return diags.s ? diags.s : "";
}

/* One line is one rule, no diagnostic; returns the rule. */
static const struct occasion *
one_rule(const char *line)
{
	size_t n = os.n;
	buf_reset(&diags);
	assert_int_equal(occasions_add(&os, line, strlen(line), 1), 1);
	assert_string_equal(diags.s ? diags.s : "", "");
	assert_int_equal(os.n, n + 1);
	return os.v[n];
}

/* line is an error with exactly this diagnostic (at line 1). */
static void
bad(const char *line, const char *msg)
{
	size_t n = os.n;
	buf_reset(&diags);
	assert_int_equal(occasions_add(&os, line, strlen(line), 1), -1);
	assert_int_equal(os.n, n);
	struct buf want = {0};
	buf_printf(&want, "occ:1: error: %s\n", msg);
	assert_string_equal(diags.s ? diags.s : "", want.s);
	buf_free(&want);
}

/* The example file of the SPEC reads without a diagnostic. */
static void
spec_example(void **state)
{
	(void)state;
	assert_string_equal(read_text(
	    "# name         when              lead  gesture\n"
	    "birthday       birthday          2     Call {contact|the team}: happy birthday\n"
	    "jubilee        founded@5,10,25   14    Card by hand: {years} years {client}; recall {last}\n"
	    "milestone      client-since/5    7     Thank {contact} for {years} years of working together\n"
	    "congrats       #job-change+7     0     Congratulate {contact} on the new role: {entry}\n"
	    "thanks         #referral+2       0     Thank {contact} for the referral, small gift for {interests} (~15 EUR)\n"
	    "christmas      12-24             21    Personal note, refer to {last}\n"
	    "trade-fair     2027-04-20        10    Invite {contact} to our booth\n"
	    "stay-in-touch  last+90?tier=A    0     Call {contact} without a sales reason\n"),
	    "");
	assert_int_equal(os.n, 8);
	assert_string_equal(os.v[0]->name, "birthday");
	assert_string_equal(os.v[7]->name, "stay-in-touch");
	assert_string_equal(os.v[5]->source, "occ:7");
	assert_true(occasions_has(&os, "christmas"));
	assert_false(occasions_has(&os, "gift"));
}

/* Comments and blank lines are skipped; CRLF and a BOM are accepted. */
static void
comments_and_blanks(void **state)
{
	(void)state;
	assert_string_equal(read_text("\xef\xbb\xbf# comment\n\n   \n"
	    "\t# indented comment\r\n"
	    "x 12-24 1 Card\r\n"), "");
	assert_int_equal(os.n, 1);
	assert_int_equal(os.v[0]->line, 5);
	assert_string_equal(os.v[0]->gesture.part[0].text, "Card");
}

/* FIELD: a field key, normalized. */
static void
when_field(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("b Company_Founded 2 Card");
	assert_int_equal(o->when, OCC_FIELD);
	assert_string_equal(o->key, "company-founded");
	assert_int_equal(o->every, 0);
	assert_int_equal(o->nyears, 0);
	assert_int_equal(o->lead, 2);
}

/* FIELD/N: every N years. */
static void
when_every(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("m client-since/5 7 Thanks");
	assert_int_equal(o->when, OCC_FIELD);
	assert_string_equal(o->key, "client-since");
	assert_int_equal(o->every, 5);
}

/* FIELD@A,B,…: the listed years. */
static void
when_list(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("j founded@5,10,25 14 Card");
	assert_int_equal(o->nyears, 3);
	assert_int_equal(o->years[0], 5);
	assert_int_equal(o->years[1], 10);
	assert_int_equal(o->years[2], 25);
}

/* MM-DD: every year; Feb 29 is allowed. */
static void
when_yearly(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("x 12-24 21 Note");
	assert_int_equal(o->when, OCC_YEARLY);
	assert_int_equal(o->date.y, 0);
	assert_int_equal(o->date.m, 12);
	assert_int_equal(o->date.d, 24);
	o = one_rule("leap 02-29 0 Leap day");
	assert_int_equal(o->date.d, 29);
}

/* YYYY-MM-DD: once. */
static void
when_once(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("fair 2027-04-20 10 Invite");
	assert_int_equal(o->when, OCC_ONCE);
	assert_int_equal(o->date.y, 2027);
	assert_int_equal(o->date.m, 4);
	assert_int_equal(o->date.d, 20);
}

/* #TAG+N: the tag lowercased, N >= 0. */
static void
when_tag(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("congrats #Job-Change+7 0 Hi");
	assert_int_equal(o->when, OCC_TAG);
	assert_string_equal(o->key, "job-change");
	assert_int_equal(o->days, 7);
	o = one_rule("thanks #referral+0 0 Hi");
	assert_int_equal(o->days, 0);
}

/* last+N. */
static void
when_last(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("quiet last+90 0 Call");
	assert_int_equal(o->when, OCC_LAST);
	assert_int_equal(o->days, 90);
	o = one_rule("quiet2 last+3660 0 Call");
	assert_int_equal(o->days, 3660);
}

/* ?KEY=VALUE filters, repeatable, keys normalized. */
static void
filters(void **state)
{
	(void)state;
	const struct occasion *o =
	    one_rule("q last+90?Tier=A?customer_type=Key 0 Call");
	assert_int_equal(o->when, OCC_LAST);
	assert_int_equal(o->nfilter, 2);
	assert_string_equal(o->filter[0].key, "tier");
	assert_string_equal(o->filter[0].value, "A");
	assert_string_equal(o->filter[1].key, "customer-type");
	assert_string_equal(o->filter[1].value, "Key");
	assert_false(o->filter[0].negate);
	assert_false(o->filter[1].negate);
	o = one_rule("b birthday/10?lang=de 0 Card");
	assert_int_equal(o->every, 10);
	assert_int_equal(o->nfilter, 1);
}

/* ?KEY!=VALUE: negated, mixed with ?KEY=VALUE, keys normalized. */
static void
filters_not(void **state)
{
	(void)state;
	const struct occasion *o =
	    one_rule("q birthday?Tier!=C?lang=de?Status!=Former 0 Call");
	assert_int_equal(o->nfilter, 3);
	assert_string_equal(o->filter[0].key, "tier");
	assert_string_equal(o->filter[0].value, "C");
	assert_true(o->filter[0].negate);
	assert_string_equal(o->filter[1].key, "lang");
	assert_false(o->filter[1].negate);
	assert_string_equal(o->filter[2].key, "status");
	assert_string_equal(o->filter[2].value, "Former");
	assert_true(o->filter[2].negate);
	/* a '!' after the first '=' is part of VALUE */
	o = one_rule("r last+9?tier=!A 0 y");
	assert_string_equal(o->filter[0].value, "!A");
	assert_false(o->filter[0].negate);
}

/* LEAD: N, Nd, Nw. */
static void
leads(void **state)
{
	(void)state;
	assert_int_equal(one_rule("a 12-24 0 x")->lead, 0);
	assert_int_equal(one_rule("b 12-24 14d x")->lead, 14);
	assert_int_equal(one_rule("c 12-24 3w x")->lead, 21);
	assert_int_equal(one_rule("d 12-24 52w x")->lead, 364);
	assert_int_equal(one_rule("e 12-24 366 x")->lead, 366);
}

/* The gesture is the rest of the line, trimmed, inner blanks kept. */
static void
gesture_rest(void **state)
{
	(void)state;
	const struct occasion *o = one_rule("  a\t12-24   1   Card  by\thand  ");
	assert_int_equal(o->gesture.n, 1);
	assert_string_equal(o->gesture.part[0].text, "Card  by\thand");
}

/* Lines that lack a part. */
static void
bad_shape(void **state)
{
	(void)state;
	bad("birthday", "expected NAME WHEN LEAD GESTURE, e.g. "
	    "'birthday birthday 2 Call {contact}'");
	bad("birthday birthday 2", "occasion 'birthday' has no gesture: "
	    "write what to do after the lead, e.g. 'Call {contact}'");
	bad("birthday birthday 2   \t", "occasion 'birthday' has no "
	    "gesture: write what to do after the lead, e.g. 'Call {contact}'");
}

/* NAME: a tag word, any script, compared lowercased. */
static void
bad_name(void **state)
{
	(void)state;
	bad("1st 01-01 2 x", "bad occasion name '1st': a tag word of letters, "
	    "digits, '-' and '_' that starts with a letter, e.g. birthday or "
	    "glückwunsch");
	bad("new.year 01-01 2 x", "bad occasion name 'new.year': a tag word "
	    "of letters, digits, '-' and '_' that starts with a letter, e.g. "
	    "birthday or glückwunsch");
	assert_string_equal(one_rule("Glückwunsch 01-01 2 x")->name,
	    "glückwunsch");
	assert_string_equal(one_rule("new_year 01-02 2 x")->name, "new_year");
	assert_string_equal(one_rule("Ärger #Streit+2 0 x")->key, "streit");
}

/* A NAME given twice; the first rule stays. */
static void
duplicate_name(void **state)
{
	(void)state;
	assert_string_equal(read_text("x 12-24 1 One\n# c\nx 01-01 1 Two\n"),
	    "occ:3: error: occasion 'x' defined twice (first at line 1): "
	    "give each rule its own name\n");
	assert_int_equal(os.n, 1);
	assert_int_equal(os.v[0]->date.m, 12);
}

/* A malformed first rule does not make the second a duplicate. */
static void
duplicate_after_error(void **state)
{
	(void)state;
	read_text("x 12-24 1w9 One\nx 01-01 1 Two\n");
	assert_int_equal(os.n, 1);
	assert_int_equal(os.v[0]->line, 2);
}

/* WHEN forms that do not exist. */
static void
bad_when(void **state)
{
	(void)state;
	const char *tail = ": write FIELD, FIELD/N, FIELD@A,B, MM-DD, "
	    "YYYY-MM-DD, #TAG+N or last+N, optionally followed by "
	    "?KEY=VALUE or ?KEY!=VALUE filters";
	struct buf m = {0};
	const char *cases[] = {"birthday+3", "birthday/", "birthday@",
	    "birthday/5@3", "b.day", "b+1?tier=A", NULL};
	for (const char **c = cases; *c; c++) {
		char line[64];
		snprintf(line, sizeof line, "x %s 1 Card", *c);
		buf_reset(&m);
		const char *q = strchr(*c, '?');
		buf_printf(&m, "unknown WHEN '%.*s'%s",
		    (int)(q ? (size_t)(q - *c) : strlen(*c)), *c, tail);
		bad(line, m.s);
	}
	buf_free(&m);
	bad("x ?tier=A 1 y", "WHEN '?tier=A' has filters but no occasion: "
	    "write FIELD, FIELD/N, FIELD@A,B, MM-DD, YYYY-MM-DD, #TAG+N or "
	    "last+N before them, e.g. last+90?tier=A");
}

/* Dates in WHEN: impossible or in another form. */
static void
bad_dates(void **state)
{
	(void)state;
	bad("x 02-30 1 y", "impossible date '02-30' in WHEN: write a real "
	    "day as MM-DD, e.g. 12-24");
	bad("x 13-01 1 y", "impossible date '13-01' in WHEN: write a real "
	    "day as MM-DD, e.g. 12-24");
	bad("x 2027-02-29 1 y", "impossible date '2027-02-29' in WHEN: "
	    "write a real day as YYYY-MM-DD, e.g. 2027-04-20");
	bad("x 0000-01-01 1 y", "impossible date '0000-01-01' in WHEN: "
	    "write a real day as YYYY-MM-DD, e.g. 2027-04-20");
	bad("x 24.12. 1 y", "bad date '24.12.' in WHEN: write MM-DD (every "
	    "year) or YYYY-MM-DD (once), e.g. 12-24");
	bad("x 2027-4-20 1 y", "bad date '2027-4-20' in WHEN: write MM-DD "
	    "(every year) or YYYY-MM-DD (once), e.g. 12-24");
	bad("x 12/24 1 y", "bad date '12/24' in WHEN: write MM-DD (every "
	    "year) or YYYY-MM-DD (once), e.g. 12-24");
}

/* #TAG+N and last+N: malformed, or N out of range (never overflow). */
static void
bad_tag_last(void **state)
{
	(void)state;
	bad("x #job-change 0 y", "bad WHEN '#job-change': write #TAG+N (N "
	    "days after an entry tagged TAG), e.g. #referral+2");
	bad("x #1st+2 0 y", "bad WHEN '#1st+2': write #TAG+N (N days after "
	    "an entry tagged TAG), e.g. #referral+2");
	bad("x #a+-1 0 y", "bad WHEN '#a+-1': write #TAG+N (N days after an "
	    "entry tagged TAG), e.g. #referral+2");
	bad("x #a+3661 0 y", "bad WHEN '#a+3661': N must be from 0 to 3660 "
	    "days");
	bad("x #a+99999999999999999999999 0 y", "bad WHEN "
	    "'#a+99999999999999999999999': N must be from 0 to 3660 days");
	bad("x last+2147483648 0 y", "bad WHEN 'last+2147483648': N must be "
	    "from 0 to 3660 days");
	bad("x last+ 0 y", "bad WHEN 'last+': write last+N (N days after "
	    "the latest entry), e.g. last+90; N up to 3660");
	bad("x last+9d 0 y", "bad WHEN 'last+9d': write last+N (N days "
	    "after the latest entry), e.g. last+90; N up to 3660");
}

/* #TAG+N whose NAME is TAG would be triggered by its own done mark. */
static void
name_is_tag(void **state)
{
	(void)state;
	bad("referral #Referral+2 0 Thanks", "occasion 'referral' follows "
	    "its own tag in '#Referral+2': the entry that marks it done "
	    "would trigger it again; give the occasion another name");
}

/* FIELD/N and FIELD@…: N from 1. */
static void
bad_years(void **state)
{
	(void)state;
	bad("x birthday/0 1 y", "bad WHEN 'birthday/0': N of FIELD/N must "
	    "be from 1 to 9998 (years)");
	bad("x birthday/99999999999999999999 1 y", "bad WHEN "
	    "'birthday/99999999999999999999': N of FIELD/N must be from 1 "
	    "to 9998 (years)");
	bad("x founded@5,0 1 y", "bad WHEN 'founded@5,0': the years of "
	    "FIELD@A,B must be from 1 to 9998");
	bad("x founded@10000 1 y", "bad WHEN 'founded@10000': the years of "
	    "FIELD@A,B must be from 1 to 9998");
}

/* LEAD: malformed or too long (never overflow). */
static void
bad_lead(void **state)
{
	(void)state;
	const char *form = "write days as N or Nd, or weeks as Nw, e.g. 2, "
	    "14d or 3w";
	const char *cases[] = {"x", "2x", "w", "-1", "1.5", "2W", "1w9", NULL};
	struct buf m = {0};
	for (const char **c = cases; *c; c++) {
		char line[64];
		snprintf(line, sizeof line, "x 12-24 %s y", *c);
		buf_reset(&m);
		buf_printf(&m, "bad lead '%s': %s", *c, form);
		bad(line, m.s);
	}
	buf_free(&m);
	bad("x 12-24 99999w y", "lead '99999w' out of range: at most 366 "
	    "days (52w)");
	bad("x 12-24 53w y", "lead '53w' out of range: at most 366 days "
	    "(52w)");
	bad("x 12-24 367 y", "lead '367' out of range: at most 366 days "
	    "(52w)");
	bad("x 12-24 99999999999999999999999d y", "lead "
	    "'99999999999999999999999d' out of range: at most 366 days (52w)");
}

/* Filters: ?KEY=VALUE or ?KEY!=VALUE with one item. */
static void
bad_filters(void **state)
{
	(void)state;
#define WRITE "write ?KEY=VALUE or ?KEY!=VALUE, e.g. ?tier=A"
	bad("x last+9?tier 0 y", "bad filter '?tier': " WRITE);
	bad("x last+9?tier= 0 y", "bad filter '?tier=': " WRITE);
	bad("x last+9?=A 0 y", "bad filter '?=A': " WRITE);
	bad("x last+9? 0 y", "bad filter '?': " WRITE);
	bad("x last+9?tier=A? 0 y", "bad filter '?': " WRITE);
	bad("x last+9?ti.er=A 0 y", "bad filter '?ti.er=A': " WRITE);
	bad("x last+9?tier!= 0 y", "bad filter '?tier!=': " WRITE);
	bad("x last+9?!=A 0 y", "bad filter '?!=A': " WRITE);
	bad("x last+9?tier!!=A 0 y", "bad filter '?tier!!=A': " WRITE);
#undef WRITE
	bad("x last+9?tier=A,B 0 y", "bad filter '?tier=A,B': VALUE is one "
	    "item (a field matches when one of its comma-separated items "
	    "equals it); write one rule per value");
	bad("x last+9?tier!=A,B 0 y", "bad filter '?tier!=A,B': VALUE is "
	    "one item (a field matches when one of its comma-separated items "
	    "equals it); write one ?KEY!=VALUE per value");
}

/* The planned cost of rule line (NAME WHEN LEAD GESTURE), in cents of
 * cur, or -1 for none. */
static void
plan_is(const char *line, long long cents, const char *cur)
{
	const struct occasion *o = one_rule(line);
	if (cents < 0) {
		assert_false(o->has_plan);
		return;
	}
	assert_true(o->has_plan);
	assert_int_equal(o->plan.cents, cents);
	assert_string_equal(o->plan.currency, cur);
}

/* The planned cost is the first amount of the rule's own text; a range
 * counts its upper end; placeholders bring in none, and an amount cannot
 * be joined across one; the text of a default is the rule's own. */
static void
planned_cost(void **state)
{
	(void)state;
	plan_is("a1 #referral+2 0 Small gift ~15 EUR", 1500, "EUR");
	plan_is("a2 #referral+2 0 Small gift (~15 EUR) for {interests}",
	    1500, "EUR");
	plan_is("a3 #referral+2 0 Gift 10-15 EUR", 1500, "EUR");
	plan_is("a4 #referral+2 0 Gift (10\xe2\x80\x93" "15 \xe2\x82\xac)",
	    1500, "EUR");
	plan_is("a5 #referral+2 0 Gift 10 - 15,50 EUR", 1550, "EUR");
	plan_is("a6 #referral+2 0 Gift \xe2\x82\xac" "10-15", 1500, "EUR");
	plan_is("a7 #referral+2 0 Gift 10 EUR - 20 EUR", 2000, "EUR");
	plan_is("a8 #referral+2 0 Gift 12 EUR, or 30 EUR", 1200, "EUR");
	plan_is("a9 #referral+2 0 Call 10-12, gift 15 CHF", 1500, "CHF");
	plan_is("b1 12-24 21 Personal note, refer to {last}", -1, "");
	plan_is("b2 12-24 21 Call {contact|das Team}", -1, "");
	plan_is("b3 12-24 21 Gift {budget} EUR", -1, "");
	plan_is("b4 12-24 21 Gift 2{x}5 EUR", 500, "EUR");	/* not 25 */
	plan_is("b5 2027-04-20 10 Fair 2027-04-20 booth", -1, "");
	plan_is("b6 12-24 21 Gift {gift|wine 10 EUR} for {name}", 1000,
	    "EUR");
	plan_is("b7 12-24 21 {gift|{wine|wine} 10 EUR}, then 20 EUR", 1000,
	    "EUR");
	plan_is("b8 12-24 21 Card {last|10 EUR} 20 EUR", 1000, "EUR");
}

/* An unclosed '{' in the gesture; an unknown field is fine. */
static void
bad_gesture(void **state)
{
	(void)state;
	bad("x 12-24 1 Call {contact", "unclosed '{' in '{contact': end the "
	    "placeholder with '}', e.g. {contact}");
	one_rule("y 12-24 1 Call {no-such-field}");
}

/* Text that is not UTF-8, and NUL bytes, wherever they are. */
static void
bad_utf8(void **state)
{
	(void)state;
	bad("x 12-24 1 Caf\xe9", "not UTF-8 text: save the occasions file "
	    "as UTF-8");
	/* in a comment too: the file is not UTF-8 */
	bad("# Geburtstage f\xfcr Kunden", "not UTF-8 text: save the "
	    "occasions file as UTF-8");
	size_t n = os.n;
	buf_reset(&diags);
	assert_int_equal(occasions_add(&os, "# a\0b", 5, 1), -1);
	assert_int_equal(occasions_add(&os, "x 12-24 1 a\0b", 13, 2), -1);
	assert_int_equal(os.n, n);
	assert_string_equal(diags.s, "occ:1: error: NUL byte in line; line "
	    "skipped\nocc:2: error: NUL byte in line; line skipped\n");
}

/* A FIELD@A,B list of 20000 years is one rule, with the JIT and without
 * (as under valgrind): no pattern limit decides it. */
static void
long_list(void **state)
{
	(void)state;
	struct buf line = {0};
	buf_adds(&line, "x founded@");
	for (int i = 1; i <= 20000; i++)
		buf_printf(&line, "%s%d", i > 1 ? "," : "", i % 9998 + 1);
	buf_adds(&line, " 0 Card");
	for (int jit = 0; jit < 2; jit++) {
		setenv("TACT_PCRE2_JIT", jit ? "1" : "0", 1);
		struct occasions o;
		occasions_init(&o, "occ");
		buf_reset(&diags);
		assert_int_equal(occasions_add(&o, line.s, line.len, 1), 1);
		assert_string_equal(diags.s ? diags.s : "", "");
		assert_int_equal(o.v[0]->nyears, 20000);
		assert_int_equal(o.v[0]->years[0], 1);
		assert_int_equal(o.v[0]->years[19999], 9998);
		occasions_free(&o);
	}
	unsetenv("TACT_PCRE2_JIT");
	buf_free(&line);
	bad("x founded@5,,10 0 Card", "bad WHEN 'founded@5,,10': the years "
	    "of FIELD@A,B must be from 1 to 9998");
	bad("x founded@5, 0 Card", "bad WHEN 'founded@5,': the years of "
	    "FIELD@A,B must be from 1 to 9998");
}

/* A key of only '_' normalizes to nothing: no field has it (found by
 * fuzz_occasions). */
static void
empty_keys(void **state)
{
	(void)state;
	bad("x _ 0 Card", "bad WHEN '_': a field key needs a letter or a "
	    "digit");
	bad("x __/5 0 Card", "bad WHEN '__/5': a field key needs a letter or "
	    "a digit");
	bad("x last+1?_=a 0 Card", "bad filter '?_=a': write ?KEY=VALUE or "
	    "?KEY!=VALUE, e.g. ?tier=A");
	const struct occasion *o = one_rule("x _b_ 0 Card");
	assert_string_equal(o->key, "b");
}

/* Errors and good rules mix: each bad line is reported, the rest kept. */
static void
errors_skip_line(void **state)
{
	(void)state;
	assert_string_equal(read_text("a 12-24 1 A\nb 12-24 x B\n"
	    "c 12-24 1 C\n"),
	    "occ:2: error: bad lead 'x': write days as N or Nd, or weeks as "
	    "Nw, e.g. 2, 14d or 3w\n");
	assert_int_equal(os.n, 2);
	assert_string_equal(os.v[1]->name, "c");
	assert_false(occasions_has(&os, "b"));
}

/* An occasions file that cannot be read: -1, status 2. */
static void
unreadable(void **state)
{
	(void)state;
	struct occasions o2;
	occasions_init(&o2, "/nonexistent/occasions");
	assert_int_equal(occasions_load(&o2), -1);
	assert_int_equal(diag_status(), 2);
	occasions_free(&o2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(spec_example, setup, teardown),
		cmocka_unit_test_setup_teardown(comments_and_blanks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(when_field, setup, teardown),
		cmocka_unit_test_setup_teardown(when_every, setup, teardown),
		cmocka_unit_test_setup_teardown(when_list, setup, teardown),
		cmocka_unit_test_setup_teardown(when_yearly, setup, teardown),
		cmocka_unit_test_setup_teardown(when_once, setup, teardown),
		cmocka_unit_test_setup_teardown(when_tag, setup, teardown),
		cmocka_unit_test_setup_teardown(when_last, setup, teardown),
		cmocka_unit_test_setup_teardown(filters, setup, teardown),
		cmocka_unit_test_setup_teardown(filters_not, setup, teardown),
		cmocka_unit_test_setup_teardown(leads, setup, teardown),
		cmocka_unit_test_setup_teardown(gesture_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_name, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicate_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(duplicate_after_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(bad_when, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_tag_last, setup, teardown),
		cmocka_unit_test_setup_teardown(name_is_tag, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_years, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_lead, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_gesture, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(long_list, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(errors_skip_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(unreadable, setup, teardown),
		cmocka_unit_test_setup_teardown(planned_cost, setup, teardown),
	};
	return cmocka_run_group_tests_name("occasion", tests, NULL, NULL);
}
