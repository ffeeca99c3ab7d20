/* test_gifts.c: the gift ledger, a test a rule (SPEC "Gifts"). */
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
#include "gifts.h"

/* Default options: TODAY 2026-11-29, calendar years, the law's limit. */
static struct gifts_opts
opts(void)
{
	return (struct gifts_opts){.today = {2026, 11, 29}};
}

/* Add one record written as its fields separated by TABs (no escapes). */
static void
add(struct gifts *g, const char *line)
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
	assert_int_not_equal(rec.kind, RECORD_UNKNOWN);
	gifts_add(g, &rec);
	free(copy);
}

/* An entry of client "mue" at notes.md:LINE. */
static void
entry(struct gifts *g, int line, const char *date, const char *amount,
      const char *cur, const char *tags, const char *text)
{
	char s[512];
	snprintf(s, sizeof s, "entry\tmue\t%s\t%s\t%s\t%s\t%s\tnotes.md:%d",
	    date, amount, cur, tags, text, line);
	add(g, s);
}

static void
concerns(struct gifts *g, int line, const char *person)
{
	char s[256];
	snprintf(s, sizeof s, "concerns\t%s\t2026-01-01\tnotes.md:%d", person,
	    line);
	add(g, s);
}

static void
names(struct gifts *g)
{
	add(g, "client\tmue\tMüller GmbH\tnotes.md:1");
	add(g, "person\tmue/anna\tAnna Müller\tnotes.md:2");
	add(g, "person\tmue/bob\tBob Bauer\tnotes.md:3");
}

/* The i-th row of kind, or NULL. */
static const struct gifts_row *
row(const struct gifts *g, enum gifts_kind kind, size_t i)
{
	for (size_t k = 0; k < gifts_rows(g); k++) {
		const struct gifts_row *r = gifts_row(g, k);
		if (r->kind == kind && i-- == 0)
			return r;
	}
	return NULL;
}

static size_t
count(const struct gifts *g, enum gifts_kind kind)
{
	size_t n = 0;
	while (row(g, kind, n))
		n++;
	return n;
}

/* A ledger of one gift of amount in EUR with options o. */
static struct gifts *
one_gift(struct gifts_opts o, const char *date, const char *amount)
{
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, date, amount, "EUR", "gift", "wine #gift");
	gifts_end(g);
	return g;
}

/* Exactly 50.00 is within the limit, 50.01 over it. */
static void
exactly_limit(void **state)
{
	(void)state;
	struct gifts *g = one_gift(opts(), "2026-03-01", "50.00");
	const struct gifts_row *r = row(g, GIFTS_GIFT, 0);
	assert_int_equal(r->deductible, GIFTS_YES);
	assert_string_equal(r->reason, "within 50.00 EUR");
	assert_string_equal(r->recipient, "Müller GmbH");
	assert_int_equal(row(g, GIFTS_SUM, 0)->total, 5000);
	gifts_free(g);
	g = one_gift(opts(), "2026-03-01", "50.01");
	r = row(g, GIFTS_GIFT, 0);
	assert_int_equal(r->deductible, GIFTS_NO);
	assert_string_equal(r->reason, "total 50.01 EUR over 50.00 EUR");
	gifts_free(g);
}

/* Gifts of a recipient are summed; once over, none is deductible. */
static void
several_summed(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 7, "2026-09-01", "15.00", "EUR", "gift", "c");
	entry(g, 5, "2026-03-01", "20.00", "EUR", "gift", "a");
	entry(g, 6, "2026-06-01", "20.00", "EUR", "geschenk", "b");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 3);
	long long totals[] = {2000, 4000, 5500};
	for (size_t i = 0; i < 3; i++) {
		const struct gifts_row *r = row(g, GIFTS_GIFT, i);
		assert_int_equal(r->total, totals[i]);
		assert_int_equal(r->deductible, GIFTS_NO);
		assert_string_equal(r->reason,
		    "total 55.00 EUR over 50.00 EUR");
	}
	assert_string_equal(row(g, GIFTS_GIFT, 0)->text, "a");
	const struct gifts_row *s = row(g, GIFTS_SUM, 0);
	assert_int_equal(s->total, 5500);
	assert_int_equal(s->count, 3);
	assert_string_equal(s->text, "3 gifts");
	assert_null(row(g, GIFTS_SUM, 1));
	gifts_free(g);
}

/* The previous year's gifts and plans after TODAY are not counted. */
static void
previous_year(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2025-12-31", "40.00", "EUR", "gift", "old");
	entry(g, 6, "2026-01-01", "20.00", "EUR", "gift", "new");
	entry(g, 7, "2026-12-01", "40.00", "EUR", "gift", "plan");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 1);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->deductible, GIFTS_YES);
	gifts_free(g);
	/* -y 2025: that year's */
	o.year = 2025;
	g = gifts_new(&o);
	entry(g, 5, "2025-12-31", "40.00", "EUR", "gift", "old");
	entry(g, 6, "2026-01-01", "20.00", "EUR", "gift", "new");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 1);
	assert_string_equal(row(g, GIFTS_GIFT, 0)->text, "old");
	gifts_free(g);
}

/* A business year from 07-01 runs across the calendar year's end. */
static void
year_from_july(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	o.today = (struct date){2027, 2, 1};
	o.start_m = 7;
	o.start_d = 1;
	struct gifts *g = gifts_new(&o);
	assert_int_equal(gifts_start(g).y, 2026);
	assert_int_equal(gifts_start(g).m, 7);
	assert_int_equal(gifts_end_date(g).y, 2027);
	entry(g, 5, "2026-06-30", "40.00", "EUR", "gift", "before");
	entry(g, 6, "2026-07-01", "30.00", "EUR", "gift", "first");
	entry(g, 7, "2027-01-15", "25.00", "EUR", "gift", "second");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 2);
	assert_int_equal(row(g, GIFTS_SUM, 0)->total, 5500);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->deductible, GIFTS_NO);
	gifts_free(g);
	/* TODAY before 07-01: the year that began the year before */
	o.today = (struct date){2026, 6, 30};
	g = gifts_new(&o);
	assert_int_equal(gifts_start(g).y, 2025);
	gifts_free(g);
}

/* A business year from 02-29 begins on 02-28 in other years. */
static void
year_from_leap_day(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	o.start_m = 2;
	o.start_d = 29;
	o.year = 2024;
	struct gifts *g = gifts_new(&o);
	assert_int_equal(gifts_start(g).d, 29);
	assert_int_equal(gifts_end_date(g).y, 2025);
	assert_int_equal(gifts_end_date(g).d, 28);
	gifts_free(g);
	o.year = 0;
	o.today = (struct date){2027, 2, 28};
	g = gifts_new(&o);
	assert_int_equal(gifts_start(g).y, 2027);
	assert_int_equal(gifts_start(g).d, 28);
	gifts_free(g);
}

/* 35 EUR for business years that began before 2024. */
static void
limit_before_2024(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	o.year = 2023;
	struct gifts *g = one_gift(o, "2023-05-01", "35.00");
	assert_int_equal(gifts_limit(g), 3500);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->deductible, GIFTS_YES);
	gifts_free(g);
	g = one_gift(o, "2023-05-01", "35.01");
	assert_string_equal(row(g, GIFTS_GIFT, 0)->reason,
	    "total 35.01 EUR over 35.00 EUR");
	gifts_free(g);
	/* begun 2023-07-01: still 35 EUR in 2024 */
	o.start_m = 7;
	o.start_d = 1;
	g = one_gift(o, "2024-03-01", "40.00");
	assert_int_equal(gifts_limit(g), 3500);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->deductible, GIFTS_NO);
	gifts_free(g);
	o.year = 2024;
	g = one_gift(o, "2024-08-01", "40.00");
	assert_int_equal(gifts_limit(g), 5000);
	gifts_free(g);
}

/* A lunch tagged #bewirtung is listed apart, not counted. */
static void
expense_apart(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "80.00", "EUR", "bewirtung",
	    "lunch #bewirtung");
	entry(g, 6, "2026-03-02", "10.00", "EUR", "gift,Meal", "dinner");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 0);
	assert_int_equal(count(g, GIFTS_SUM), 0);
	assert_int_equal(count(g, GIFTS_EXPENSE), 2);
	const struct gifts_row *r = row(g, GIFTS_EXPENSE, 0);
	assert_string_equal(r->reason, "#bewirtung: no gift");
	assert_int_equal(r->deductible, GIFTS_NONE);
	assert_string_equal(row(g, GIFTS_EXPENSE, 1)->reason, "#meal: no gift");
	gifts_free(g);
}

/* An amount without a gift tag counts, marked untagged. */
static void
untagged_counted(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "30.00", "EUR", "referral", "chocolate");
	entry(g, 6, "2026-04-01", "10.00", "EUR", "gift", "wine");
	gifts_end(g);
	const struct gifts_row *r = row(g, GIFTS_GIFT, 0);
	assert_true(r->untagged);
	assert_string_equal(r->reason,
	    "within 50.00 EUR; untagged: check it is a gift");
	assert_false(row(g, GIFTS_GIFT, 1)->untagged);
	assert_int_equal(row(g, GIFTS_SUM, 0)->total, 4000);
	gifts_free(g);
}

/* Giveaways are apart, without recipient; over 10 EUR is noted. */
static void
giveaway_apart(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "8.00", "EUR", "giveaway", "pens");
	entry(g, 6, "2026-03-02", "12.00", "EUR", "streuartikel", "mugs");
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT) + count(g, GIFTS_SUM), 0);
	const struct gifts_row *r = row(g, GIFTS_GIVEAWAY, 0);
	assert_null(r->recipient);
	assert_string_equal(r->reason, "giveaway");
	assert_string_equal(row(g, GIFTS_GIVEAWAY, 1)->reason,
	    "over 10.00 EUR: a giveaway is at most 10 EUR an item");
	gifts_free(g);
}

/* money_info as it will be: "CHF 30.- (= 31,85 €)". */
static bool
fake_info(const char *s, size_t n, struct money_info *mi)
{
	memset(mi, 0, sizeof *mi);
	if (!money_find(s, n, &mi->amount, NULL, NULL))
		return false;
	if (strstr(s, "(= 31,85 €)")) {
		mi->has_equiv = true;
		mi->equiv.cents = 3185;
		memcpy(mi->equiv.currency, "EUR", 4);
	}
	if (strstr(s, "netto"))
		mi->vat = MONEY_VAT_NET;
	return true;
}

static struct gifts *
chf_gift(struct gifts_opts o, const char *text)
{
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "30.00", "CHF", "gift", text);
	return g;
}

/* The equivalent written in the entry converts it. */
static void
chf_written_equivalent(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	o.info = fake_info;
	struct gifts *g = chf_gift(o, "chocolate CHF 30.- (= 31,85 €) netto");
	gifts_end(g);
	const struct gifts_row *r = row(g, GIFTS_GIFT, 0);
	assert_true(r->converted);
	assert_int_equal(r->value, 3185);
	assert_int_equal(r->amount, 3000);
	assert_string_equal(r->currency, "CHF");
	assert_string_equal(r->reason, "within 50.00 EUR; net");
	gifts_free(g);
}

/* The same through money_info itself. */
static void
chf_money_info(void **state)
{
	(void)state;
	const char *text = "chocolate CHF 30.- (= 31,85 €)";
	struct money_info mi;
	assert_true(money_info(text, strlen(text), &mi) && mi.has_equiv);
	struct gifts_opts o = opts();
	struct gifts *g = chf_gift(o, text);
	gifts_end(g);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->value, 3185);
	gifts_free(g);
}

/* A rate converts, rounded half up; a year's rate before the general. */
static void
chf_rates(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = chf_gift(o, "chocolate");
	entry(g, 6, "2026-03-02", "0.01", "CHF", "gift", "a cent");
	gifts_rate(g, 0, "CHF", 2000000);
	gifts_rate(g, 2026, "CHF", 1061700);
	gifts_rate(g, 2025, "CHF", 3000000);
	gifts_end(g);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->value, 3185);	/* 31.851 */
	assert_int_equal(row(g, GIFTS_GIFT, 1)->value, 1);	/* 0.0106 */
	gifts_free(g);
	g = chf_gift(o, "chocolate");
	entry(g, 6, "2026-03-02", "0.01", "CHF", "gift", "a cent");
	gifts_rate(g, 0, "CHF", 1500000);
	gifts_end(g);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->value, 4500);
	assert_int_equal(row(g, GIFTS_GIFT, 1)->value, 2);	/* 1.5: up */
	gifts_free(g);
}

/* A rates file: comments, years, and bad lines as errors. */
static void
rates_file(void **state)
{
	(void)state;
	const char *text = "# rates\nCHF 1,0617  # average\n2025 CHF 2\n"
	    "\nchf 1\nUSD x\n26 USD 1\nUSD\nGBP 1.1234567\n";
	struct gifts_opts o = opts();
	struct gifts *g = chf_gift(o, "chocolate");
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(fp);
	struct buf d = {0};
	diag_capture(&d);
	gifts_rates_read(g, fp, "rates");
	diag_capture(NULL);
	fclose(fp);
	gifts_end(g);
	assert_int_equal(row(g, GIFTS_GIFT, 0)->value, 3185);
	assert_non_null(strstr(d.s, "rates:5: error: currency 'chf'"));
	assert_non_null(strstr(d.s, "rates:6: error: rate 'x'"));
	assert_non_null(strstr(d.s, "rates:7: error: year '26'"));
	assert_non_null(strstr(d.s, "rates:8: error: write 'CUR RATE'"));
	assert_non_null(strstr(d.s, "rates:9: error: rate '1.1234567'"));
	assert_null(strstr(d.s, "rates:2"));
	buf_free(&d);
	gifts_free(g);
}

/* Neither: unknown, and a warning says what to write. */
static void
chf_not_converted(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	o.warn = true;
	struct gifts *g = chf_gift(o, "chocolate");
	entry(g, 6, "2026-04-01", "10.00", "EUR", "gift", "wine");
	struct buf d = {0};
	diag_capture(&d);
	gifts_end(g);
	diag_capture(NULL);
	assert_string_equal(d.s, "notes.md:5: warning: 30.00 CHF not "
	    "converted into EUR: write the value in EUR after the amount, "
	    "'(= 31,85 €)', or give a rates file with -r\n");
	const struct gifts_row *r = row(g, GIFTS_GIFT, 0);
	assert_false(r->converted);
	assert_int_equal(r->deductible, GIFTS_UNKNOWN);
	assert_string_equal(r->reason, "CHF not converted");
	r = row(g, GIFTS_GIFT, 1);
	assert_int_equal(r->deductible, GIFTS_UNKNOWN);
	assert_string_equal(r->reason, "total unknown: CHF not converted");
	assert_int_equal(row(g, GIFTS_SUM, 0)->deductible, GIFTS_UNKNOWN);
	buf_free(&d);
	gifts_free(g);
}

/* A gift to two persons: halves, the odd cent to the first by id; the
 * concerns records may come late. */
static void
two_persons(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "25.01", "EUR", "gift", "flowers");
	entry(g, 6, "2026-03-02", "40.00", "EUR", "gift", "wine");
	concerns(g, 6, "mue/bob");
	concerns(g, 5, "mue/bob");
	concerns(g, 5, "mue/anna");
	concerns(g, 5, "mue/anna");
	concerns(g, 5, "other/eve");	/* another client's: no */
	gifts_end(g);
	assert_int_equal(count(g, GIFTS_GIFT), 3);
	const struct gifts_row *a = row(g, GIFTS_GIFT, 0);
	const struct gifts_row *b = row(g, GIFTS_GIFT, 1);
	assert_string_equal(a->recipient, "Anna Müller");
	assert_string_equal(a->client, "Müller GmbH");
	assert_int_equal(a->amount, 1251);
	assert_int_equal(a->value, 1251);
	assert_string_equal(b->recipient, "Bob Bauer");
	assert_int_equal(b->amount, 1250);
	assert_int_equal(row(g, GIFTS_GIFT, 2)->total, 5250);
	assert_int_equal(b->deductible, GIFTS_NO);
	assert_int_equal(a->deductible, GIFTS_YES);
	assert_int_equal(count(g, GIFTS_SUM), 2);
	gifts_free(g);
}

/* -b 25USD: the limit's currency is USD; EUR is then converted. */
static void
limit_usd(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	assert_int_equal(gifts_limit_parse("25USD", &o.limit, o.currency), 0);
	assert_int_equal(o.limit, 2500);
	assert_string_equal(o.currency, "USD");
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "25.00", "USD", "gift", "$25");
	entry(g, 6, "2026-03-01", "20.00", "EUR", "gift", "20 €");
	gifts_end(g);
	assert_string_equal(gifts_currency(g), "USD");
	const struct gifts_row *r = row(g, GIFTS_GIFT, 0);
	assert_int_equal(r->value, 2500);
	assert_int_equal(row(g, GIFTS_GIFT, 1)->deductible, GIFTS_UNKNOWN);
	gifts_free(g);
}

static void
limit_parse(void **state)
{
	(void)state;
	long long c;
	char cur[4];
	assert_int_equal(gifts_limit_parse("35", &c, cur), 0);
	assert_int_equal(c, 3500);
	assert_string_equal(cur, "EUR");
	assert_int_equal(gifts_limit_parse("35,50 chf", &c, cur), 0);
	assert_int_equal(c, 3550);
	assert_string_equal(cur, "CHF");
	assert_int_equal(gifts_limit_parse("", &c, cur), -1);
	assert_int_equal(gifts_limit_parse("0", &c, cur), -1);
	assert_int_equal(gifts_limit_parse("35EURO", &c, cur), -1);
	assert_int_equal(gifts_limit_parse("EUR", &c, cur), -1);
	assert_int_equal(gifts_limit_parse("3.5.0", &c, cur), -1);
}

/* CSV: ';', decimal comma, quotes doubled, CRLF; TSV escapes. */
static void
write_formats(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "12.50", "EUR", "gift", "wine; \"red\"");
	gifts_end(g);
	struct buf b = {0};
	gifts_write(g, &b, GIFTS_CSV);
	assert_string_equal(b.s,
	    "KIND;DATE;RECIPIENT;CLIENT;TEXT;AMOUNT;CURRENCY;VALUE;TOTAL;"
	    "DEDUCTIBLE;REASON;SOURCE\r\n"
	    "gift;2026-03-01;Müller GmbH;Müller GmbH;\"wine; \"\"red\"\"\";"
	    "12,50;EUR;12,50;12,50;yes;within 50.00 EUR;notes.md:5\r\n"
	    "sum;;Müller GmbH;Müller GmbH;1 gift;;;;12,50;yes;"
	    "within 50.00 EUR;\r\n");
	buf_free(&b);
	gifts_write(g, &b, GIFTS_TSV);
	assert_non_null(strstr(b.s, "\nsum\t\tMüller GmbH\tMüller GmbH\t1 gift"
	    "\t\t\t\t12.50\tyes\twithin 50.00 EUR\t\n"));
	buf_free(&b);
	gifts_free(g);
}

/* A CSV cell that a spreadsheet would read as a formula starts with an
 * apostrophe; TSV keeps the text as it is. */
static void
write_csv_formula(void **state)
{
	(void)state;
	struct gifts_opts o = opts();
	struct gifts *g = gifts_new(&o);
	names(g);
	entry(g, 5, "2026-03-01", "12.50", "EUR", "gift", "=HYPERLINK(\"x\")");
	entry(g, 6, "2026-03-02", "1.00", "EUR", "gift", "-5 off, @home");
	gifts_end(g);
	struct buf b = {0};
	gifts_write(g, &b, GIFTS_CSV);
	assert_non_null(strstr(b.s, ";\"'=HYPERLINK(\"\"x\"\")\";12,50;"));
	assert_non_null(strstr(b.s, ";\"'-5 off, @home\";1,00;"));
	buf_free(&b);
	gifts_write(g, &b, GIFTS_TSV);
	assert_non_null(strstr(b.s, "\t=HYPERLINK(\"x\")\t12.50\t"));
	buf_free(&b);
	gifts_free(g);
}

/* What an entry is by its tags, as the ledger sorts it (tact-done asks). */
static void
kind_of_tags(void **state)
{
	(void)state;
	assert_int_equal(gifts_kind_of("gift,birthday", NULL, NULL),
	    GIFTS_GIFT);
	assert_int_equal(gifts_kind_of("birthday", NULL, NULL),
	    GIFTS_GIFT);
	assert_int_equal(gifts_kind_of("", NULL, NULL),
	    GIFTS_GIFT);
	assert_int_equal(gifts_kind_of("lunch,bewirtung", NULL, NULL),
	    GIFTS_EXPENSE);
	assert_int_equal(gifts_kind_of("gift,Spesen", NULL, NULL),
	    GIFTS_EXPENSE);
	assert_int_equal(gifts_kind_of("streuartikel", NULL, NULL),
	    GIFTS_GIVEAWAY);
	assert_int_equal(gifts_kind_of("giftbox", NULL, NULL),
	    GIFTS_GIFT);
}

/* The value to write is in the limit's currency: a CHF limit asks for
 * CHF (it once asked for USD). */
static void
value_example(void **state)
{
	(void)state;
	struct buf b = {0};
	gifts_value_example(&b, "EUR");
	assert_string_equal(b.s, "31,85 \xe2\x82\xac");
	buf_reset(&b);
	gifts_value_example(&b, "CHF");
	assert_string_equal(b.s, "31.85 CHF");
	buf_free(&b);
}

/* An entry whose ID the caller keeps (gifts_add_id): its rows and sum
 * point to the caller's id, and the ledger is the one gifts_add makes. */
static void
add_id_uses_callers_id(void **state)
{
	(void)state;
	static char id[] = "mue";
	char *f[] = {"entry", "mue", "2026-03-01", "30.00", "EUR", "gift",
	    "Wein", "notes.md:5"};
	struct record rec = { .kind = RECORD_ENTRY, .nf = 8, .f = f,
	    .file = "recs", .line = 1 };
	for (int sums = 0; sums < 2; sums++) {
		struct gifts_opts o = opts();
		o.sums = sums;
		struct gifts *g = gifts_new(&o), *h = gifts_new(&o);
		gifts_add_id(g, &rec, id);
		gifts_add_id(g, &rec, id);
		gifts_add_id(h, &rec, NULL);
		gifts_add(h, &rec);
		gifts_end(g);
		gifts_end(h);
		assert_int_equal(gifts_rows(g), gifts_rows(h));
		const struct gifts_row *s = row(g, GIFTS_SUM, 0), *t =
		    row(h, GIFTS_SUM, 0);
		assert_non_null(s);
		assert_ptr_equal(s->recipient_id, id);
		assert_ptr_equal(s->client_id, id);
		assert_string_equal(t->recipient_id, "mue");
		assert_int_equal(s->total, 6000);
		assert_int_equal(s->total, t->total);
		assert_int_equal(s->deductible, GIFTS_NO);
		assert_int_equal(s->count, 2);
		if (!sums)
			assert_ptr_equal(row(g, GIFTS_GIFT, 1)->client_id, id);
		gifts_free(g);
		gifts_free(h);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kind_of_tags),
		cmocka_unit_test(exactly_limit),
		cmocka_unit_test(several_summed),
		cmocka_unit_test(previous_year),
		cmocka_unit_test(year_from_july),
		cmocka_unit_test(year_from_leap_day),
		cmocka_unit_test(limit_before_2024),
		cmocka_unit_test(expense_apart),
		cmocka_unit_test(untagged_counted),
		cmocka_unit_test(giveaway_apart),
		cmocka_unit_test(chf_written_equivalent),
		cmocka_unit_test(chf_money_info),
		cmocka_unit_test(chf_rates),
		cmocka_unit_test(rates_file),
		cmocka_unit_test(chf_not_converted),
		cmocka_unit_test(two_persons),
		cmocka_unit_test(limit_usd),
		cmocka_unit_test(limit_parse),
		cmocka_unit_test(write_formats),
		cmocka_unit_test(write_csv_formula),
		cmocka_unit_test(value_example),
		cmocka_unit_test(add_id_uses_callers_id),
	};
	return cmocka_run_group_tests_name("gifts", tests, NULL, NULL);
}
