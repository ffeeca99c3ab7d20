/* test_money.c: money_find, money_info, money_parse, money_format. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "money.h"

/* money_find on a copy of s[0..n) without a NUL after it, so that the
 * sanitizers catch any read past n. */
static bool
find_n(const char *s, size_t n, struct money *m, size_t *a, size_t *b)
{
	char *copy = malloc(n ? n : 1);
	assert_non_null(copy);
	memcpy(copy, s, n);
	bool r = money_find(copy, n, m, a, b);
	free(copy);
	return r;
}

/* s holds an amount of cents in cur, its text at s[a..b). */
static void
found(const char *s, long long cents, const char *cur, size_t a, size_t b,
      const char *file, int line)
{
	struct money m;
	size_t start = 99, end = 99;
	_assert_true(find_n(s, strlen(s), &m, &start, &end), s, file, line);
	_assert_int_equal((uintmax_t)m.cents, (uintmax_t)cents, file, line);
	_assert_string_equal(m.currency, cur, file, line);
	_assert_int_equal(start, a, file, line);
	_assert_int_equal(end, b, file, line);
}
#define FOUND(s, cents, cur, a, b) found(s, cents, cur, a, b, __FILE__, __LINE__)

/* s holds no amount. */
static void
none(const char *s, const char *file, int line)
{
	struct money m;
	size_t a, b;
	_assert_true(!find_n(s, strlen(s), &m, &a, &b), s, file, line);
}
#define NONE(s) none(s, __FILE__, __LINE__)

/* "24,90 €": decimal comma, euro sign after, one space. */
static void
comma_euro_after(void **state)
{
	(void)state;
	FOUND("24,90 €", 2490, "EUR", 0, 9);
	FOUND("24,90€", 2490, "EUR", 0, 8);
}

/* "€24.90", "€ 24.90": euro sign before, with and without space. */
static void
euro_sign_before(void **state)
{
	(void)state;
	FOUND("€24.90", 2490, "EUR", 0, 8);
	FOUND("€ 24.90", 2490, "EUR", 0, 9);
}

/* "EUR 5", "5 EUR", "EUR5", "5EUR": the code on either side. */
static void
eur_code(void **state)
{
	(void)state;
	FOUND("EUR 5", 500, "EUR", 0, 5);
	FOUND("5 EUR", 500, "EUR", 0, 5);
	FOUND("EUR5", 500, "EUR", 0, 4);
	FOUND("5EUR", 500, "EUR", 0, 4);
}

/* "5,- €", "5,-€", "5,-- €": the whole-amount dash. */
static void
whole_dash(void **state)
{
	(void)state;
	FOUND("5,- €", 500, "EUR", 0, 7);
	FOUND("5,-€", 500, "EUR", 0, 6);
	FOUND("5,-- €", 500, "EUR", 0, 8);
	FOUND("€ 5,-", 500, "EUR", 0, 7);
}

/* "$3", "3$", "USD 12.50": dollars. */
static void
dollars(void **state)
{
	(void)state;
	FOUND("$3", 300, "USD", 0, 2);
	FOUND("3$", 300, "USD", 0, 2);
	FOUND("USD 12.50", 1250, "USD", 0, 9);
	FOUND("12.50 USD", 1250, "USD", 0, 9);
}

/* "£7", "7 GBP", "7£": pounds. */
static void
pounds(void **state)
{
	(void)state;
	FOUND("£7", 700, "GBP", 0, 3);
	FOUND("7 GBP", 700, "GBP", 0, 5);
	FOUND("7£", 700, "GBP", 0, 3);
}

/* "CHF 30.-", "30 CHF", "CHF 12,50": Swiss francs, ".-" whole. */
static void
francs(void **state)
{
	(void)state;
	FOUND("CHF 30.-", 3000, "CHF", 0, 8);
	FOUND("30 CHF", 3000, "CHF", 0, 6);
	FOUND("CHF 12,50", 1250, "CHF", 0, 9);
}

/* "~15 EUR": the '~' is not part of the amount; "EUR ~15" takes it in. */
static void
tilde(void **state)
{
	(void)state;
	FOUND("~15 EUR", 1500, "EUR", 1, 7);
	FOUND("small gift (~15 EUR)", 1500, "EUR", 13, 19);
	FOUND("EUR ~15", 1500, "EUR", 0, 7);
}

/* One decimal is tenths: "24,9 €" is 24.90. */
static void
one_decimal(void **state)
{
	(void)state;
	FOUND("24,9 €", 2490, "EUR", 0, 8);
	FOUND("$0.5", 50, "USD", 0, 4);
	FOUND("0,05 €", 5, "EUR", 0, 8);
}

/* "Euro", "Euros", "EURO", "euro" after a number are EUR. */
static void
euro_words(void **state)
{
	(void)state;
	FOUND("25 Euro", 2500, "EUR", 0, 7);
	FOUND("25 Euros", 2500, "EUR", 0, 8);
	FOUND("25 EURO.", 2500, "EUR", 0, 7);
	FOUND("25 euro", 2500, "EUR", 0, 7);
}

/* An amount inside an entry's text, offsets at the amount. */
static void
in_text(void **state)
{
	(void)state;
	const char *s = "book \"Der Zauberberg\" #gift #christmas 24,90 €";
	size_t a = (size_t)(strstr(s, "24,90") - s);
	FOUND(s, 2490, "EUR", a, strlen(s));
	FOUND("lunch (EUR 32.50) with Anna", 3250, "EUR", 7, 16);
	FOUND("gift 5 € today", 500, "EUR", 5, 10);
}

/* No-break spaces (U+00A0, U+202F) count as white space. */
static void
nbsp(void **state)
{
	(void)state;
	FOUND("24,90\xC2\xA0€", 2490, "EUR", 0, 10);
	FOUND("24,90\xE2\x80\xAF€", 2490, "EUR", 0, 11);
	FOUND("€\xC2\xA0" "5", 500, "EUR", 0, 6);
}

/* The first amount by position wins. */
static void
first_of_two(void **state)
{
	(void)state;
	FOUND("3 $ and 5 €", 300, "USD", 0, 3);
	FOUND("EUR 5 then 7 $", 500, "EUR", 0, 5);
	FOUND("5 € or 3 €", 500, "EUR", 0, 5);
	FOUND("call at 5, book 12 GBP", 1200, "GBP", 16, 22);
}

/* A currency glued to a later number belongs to it: "5 $3" is $3. */
static void
currency_between_numbers(void **state)
{
	(void)state;
	FOUND("2 books $3", 300, "USD", 8, 10);
	FOUND("5 $ 3", 500, "USD", 0, 3);
	FOUND("5€3", 500, "EUR", 0, 4);
}

/* Thousands groups: "1.200,00 €", "1,200.50 USD", "1.200 €". */
static void
thousands(void **state)
{
	(void)state;
	FOUND("1.200,00 €", 120000, "EUR", 0, 12);
	FOUND("1,200.50 USD", 120050, "USD", 0, 12);
	FOUND("1.200 €", 120000, "EUR", 0, 9);
	FOUND("1,200 $", 120000, "USD", 0, 7);
	FOUND("€1.234.567,89", 123456789, "EUR", 0, 15);
	FOUND("1.200,- €", 120000, "EUR", 0, 11);
}

/* Malformed groups and space-separated thousands are no amount. */
static void
bad_thousands(void **state)
{
	(void)state;
	NONE("1.2345 €");
	NONE("1.200.50 €");
	NONE("1,200,50 €");
	NONE("1234.567 €");
	NONE("0.500 €");
	NONE("1.200.-€");
	NONE("1 200 €");
	NONE("5.,3 €");
}

/* Texts with numbers but no amount. */
static void
no_amount(void **state)
{
	(void)state;
	NONE("");
	NONE("call at 5");
	NONE("2026-03-02");
	NONE("2026-03-02 €");
	NONE("14.03.2026 EUR");
	NONE("EUROPE 5");
	NONE("5 EUROPE");
	NONE("XEUR 5");
	NONE("5 euron");
	NONE("A4 €");
	NONE("5km €");
	NONE("€ for nothing");
	NONE("$HOME is 5");
	NONE("5,-3 €");
}

/* A date does not hide a later amount. */
static void
date_then_amount(void **state)
{
	(void)state;
	FOUND("14.03.2026 5 €", 500, "EUR", 11, 16);
	FOUND("2026-03-02: 7 $", 700, "USD", 12, 15);
}

/* Above MONEY_MAX_CENTS is no amount, and nothing overflows. */
static void
overflow(void **state)
{
	(void)state;
	NONE("999999999999999999999 €");
	NONE("99999999999999999999999999999999999999,99 €");
	NONE("1000000000 €");
	NONE("1.000.000.000,00 €");
	FOUND("999999999,99 €", MONEY_MAX_CENTS, "EUR", 0, 16);
	FOUND("999.999.999,99 EUR", MONEY_MAX_CENTS, "EUR", 0, 18);
	FOUND("999999999999 € or 5 €", 500, "EUR", 20, 25);
}

/* Only s[0..n) is read: a code or sign cut off by n is not there. */
static void
bounded(void **state)
{
	(void)state;
	struct money m;
	size_t a, b;
	assert_true(find_n("5 EURO", 5, &m, &a, &b));
	assert_int_equal(m.cents, 500);
	assert_int_equal(b, 5);
	assert_false(find_n("5 €", 4, &m, &a, &b));
	assert_false(find_n("5,- €", 2, &m, &a, &b));
	assert_false(find_n("5,- €", 4, &m, &a, &b));
	assert_true(find_n("€ 5,-", 6, &m, &a, &b));
	assert_int_equal(b, 5);
	assert_int_equal(m.cents, 500);
}

/* m, start and end may be NULL. */
static void
null_outputs(void **state)
{
	(void)state;
	struct money m;
	assert_true(money_find("5 €", strlen("5 €"), &m, NULL, NULL));
	assert_int_equal(m.cents, 500);
	assert_true(money_find("5 €", strlen("5 €"), NULL, NULL, NULL));
	assert_false(money_find("5", 1, NULL, NULL, NULL));
}

/* "1'234.50 CHF": thousands grouped by apostrophes (Swiss). */
static void
apostrophe_thousands(void **state)
{
	(void)state;
	FOUND("1'234.50 CHF", 123450, "CHF", 0, 12);
	FOUND("CHF 1'234'567,50", 123456750, "CHF", 0, 16);
	FOUND("1'200.- CHF", 120000, "CHF", 0, 11);
	FOUND("1'234 €", 123400, "EUR", 0, 9);
	NONE("1'23.50 CHF");
	NONE("12'5 CHF");
	NONE("1'2'3 CHF");
	FOUND("Anna's 5 €", 500, "EUR", 7, 12);
}

/* "Fr.", "SFr.", "SFr": Swiss francs, before or after, any case. */
static void
franken(void **state)
{
	(void)state;
	FOUND("Fr. 30.-", 3000, "CHF", 0, 8);
	FOUND("SFr 30", 3000, "CHF", 0, 6);
	FOUND("SFr. 30", 3000, "CHF", 0, 7);
	FOUND("sfr. 12,50", 1250, "CHF", 0, 10);
	FOUND("Fr.30", 3000, "CHF", 0, 5);
	FOUND("30 Fr.", 3000, "CHF", 0, 6);
	FOUND("30 SFr.", 3000, "CHF", 0, 7);
	FOUND("30 sfr", 3000, "CHF", 0, 6);
	NONE("30 Frauen");
	NONE("Fr 30");
}

/* "Fr." is also Friday: its dates and times are no amounts. */
static void
friday(void **state)
{
	(void)state;
	NONE("Fr. 12.06.");
	NONE("Fr. 12.06.2026 call");
	NONE("Fr. 14:00");
	NONE("Fr. 14 Uhr");
	NONE("Fr. 9-12");
	NONE("Fr. 9\xE2\x80\x93" "12");
	FOUND("Fr. 12.06. lunch 20 €", 2000, "EUR", 17, 23);
}

/* Codes and the word Euro in any case, before or after the number. */
static void
any_case(void **state)
{
	(void)state;
	FOUND("20.00 eur", 2000, "EUR", 0, 9);
	FOUND("eur 20", 2000, "EUR", 0, 6);
	FOUND("Eur 20", 2000, "EUR", 0, 6);
	FOUND("5 usd", 500, "USD", 0, 5);
	FOUND("gbp 7", 700, "GBP", 0, 5);
	FOUND("chf 12", 1200, "CHF", 0, 6);
	FOUND("Euro 5", 500, "EUR", 0, 6);
	FOUND("EUROS 5", 500, "EUR", 0, 7);
	NONE("europe 5");
	NONE("5 chfx");
}

/* "5,– €": the whole-amount en dash; "10–15 €" is a range. */
static void
en_dash(void **state)
{
	(void)state;
	FOUND("5,\xE2\x80\x93 €", 500, "EUR", 0, 9);
	FOUND("€ 5,\xE2\x80\x93", 500, "EUR", 0, 9);
	FOUND("CHF 30.\xE2\x80\x93", 3000, "CHF", 0, 10);
	FOUND("1.200,\xE2\x80\x93 €", 120000, "EUR", 0, 13);
	NONE("5,\xE2\x80\x93" "3 €");
	NONE("10\xE2\x80\x93" "15 €");
}

/* The notations the issue names, each once more. */
static void
issue_notations(void **state)
{
	(void)state;
	FOUND("€ 1.234,50", 123450, "EUR", 0, 12);
	FOUND("1,234.50 USD", 123450, "USD", 0, 12);
	FOUND("25 Euro", 2500, "EUR", 0, 7);
}

/* money_info on s: amount, equivalent (or none: ecur ""), vat. */
static void
info(const char *s, long long cents, const char *cur, long long ecents,
     const char *ecur, enum money_vat vat, const char *file, int line)
{
	struct money_info mi;
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	assert_non_null(copy);
	memcpy(copy, s, n);
	bool r = money_info(copy, n, &mi);
	free(copy);
	_assert_true(r, s, file, line);
	_assert_int_equal((uintmax_t)mi.amount.cents, (uintmax_t)cents, file,
	    line);
	_assert_string_equal(mi.amount.currency, cur, file, line);
	_assert_int_equal(mi.has_equiv, *ecur != '\0', file, line);
	if (*ecur) {
		_assert_int_equal((uintmax_t)mi.equiv.cents,
		    (uintmax_t)ecents, file, line);
		_assert_string_equal(mi.equiv.currency, ecur, file, line);
	}
	_assert_int_equal(mi.vat, vat, file, line);
}
#define INFO(s, c, cur, ec, ecur, vat) \
	info(s, c, cur, ec, ecur, vat, __FILE__, __LINE__)

/* An equivalent in parentheses or after '=' or '≈'. */
static void
info_equiv(void **state)
{
	(void)state;
	INFO("CHF 30.- (= 31,85 €)", 3000, "CHF", 3185, "EUR", MONEY_VAT_NONE);
	INFO("CHF 30.- (31,85 €)", 3000, "CHF", 3185, "EUR", MONEY_VAT_NONE);
	INFO("CHF 30.- (\xE2\x89\x88 31,85 €)", 3000, "CHF", 3185, "EUR",
	    MONEY_VAT_NONE);
	INFO("CHF 30.- = 31,85 €", 3000, "CHF", 3185, "EUR", MONEY_VAT_NONE);
	INFO("$25 \xE2\x89\x88 23 EUR", 2500, "USD", 2300, "EUR",
	    MONEY_VAT_NONE);
	INFO("wine $25 (=~23 EUR) #gift", 2500, "USD", 2300, "EUR",
	    MONEY_VAT_NONE);
	INFO("Fr. 30.- (= 31,85 €)", 3000, "CHF", 3185, "EUR",
	    MONEY_VAT_NONE);
}

/* No equivalent: the same currency, not right after, not closed. */
static void
info_no_equiv(void **state)
{
	(void)state;
	struct money_info mi;
	INFO("5 € (= 6 €)", 500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("5 € and 6 $", 500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("5 € (for 6 $)", 500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("5 € (6 $ and more)", 500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("5 € 6 $", 500, "EUR", 0, "", MONEY_VAT_NONE);
	assert_false(money_info("no amount", 9, &mi));
	assert_false(mi.has_equiv);
}

/* money_equiv_end: past the equivalent, else the amount's end. */
static void
equiv_end(void **state)
{
	(void)state;
	const char *s = "CHF 30.- (= 31,85 €) and 5 €";
	struct money m = { 3000, "CHF" }, e;
	assert_int_equal(money_equiv_end(s, strlen(s), 8, &m, &e),
	    strlen("CHF 30.- (= 31,85 €)"));
	assert_int_equal(e.cents, 3185);
	s = "CHF 30.- = 31,85 € and 5 €";
	assert_int_equal(money_equiv_end(s, strlen(s), 8, &m, NULL),
	    strlen("CHF 30.- = 31,85 €"));
	s = "CHF 30.- and 5 €";
	assert_int_equal(money_equiv_end(s, strlen(s), 8, &m, NULL), 8);
}

/* Net or gross after the amount. */
static void
info_vat_after(void **state)
{
	(void)state;
	INFO("45 € netto", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("45 € net", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("45 € zzgl. MwSt.", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("45 € zzgl MwSt", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("45 € inkl. MwSt.", 4500, "EUR", 0, "", MONEY_VAT_GROSS);
	INFO("45 EUR gross", 4500, "EUR", 0, "", MONEY_VAT_GROSS);
	INFO("45 € Brutto.", 4500, "EUR", 0, "", MONEY_VAT_GROSS);
	INFO("45 € (netto)", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("CHF 30.- (= 31,85 €) netto", 3000, "CHF", 3185, "EUR",
	    MONEY_VAT_NET);
}

/* Net or gross before the amount. */
static void
info_vat_before(void **state)
{
	(void)state;
	INFO("netto 45 €", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("NETTO: 45 €", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("brutto 45 €", 4500, "EUR", 0, "", MONEY_VAT_GROSS);
	INFO("gross $45", 4500, "USD", 0, "", MONEY_VAT_GROSS);
	INFO("zzgl. MwSt. 45 €", 4500, "EUR", 0, "", MONEY_VAT_NET);
	INFO("inkl MwSt 45 €", 4500, "EUR", 0, "", MONEY_VAT_GROSS);
}

/* Words that merely contain a net or gross word, or stand apart. */
static void
info_not_vat(void **state)
{
	(void)state;
	INFO("Internet 45 €", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € Internet", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € netflix", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € nettoé", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("Kabinetto 45 €", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € zzgl. Versand", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € Grossmann", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("netto, then a gift 45 €", 4500, "EUR", 0, "", MONEY_VAT_NONE);
	INFO("45 € for a net", 4500, "EUR", 0, "", MONEY_VAT_NONE);
}

/* money_parse accepts a record's amounts. */
static void
parse_ok(void **state)
{
	(void)state;
	long long c = -1;
	assert_int_equal(money_parse("24.90", &c), 0);
	assert_int_equal(c, 2490);
	assert_int_equal(money_parse("5", &c), 0);
	assert_int_equal(c, 500);
	assert_int_equal(money_parse("5.5", &c), 0);
	assert_int_equal(c, 550);
	assert_int_equal(money_parse("0.05", &c), 0);
	assert_int_equal(c, 5);
	assert_int_equal(money_parse("1200.00", &c), 0);
	assert_int_equal(c, 120000);
	assert_int_equal(money_parse("999999999.99", &c), 0);
	assert_int_equal(c, MONEY_MAX_CENTS);
}

/* money_parse rejects anything else and leaves *cents alone. */
static void
parse_bad(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "1.234", "1,5", "abc", "-1", "5.", ".5", " 5", "5 ",
		"5€", "1e3", "1000000000", "99999999999999999999999999",
		"1.2.3", "+5",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		long long c = 42;
		assert_int_equal(money_parse(bad[i], &c), -1);
		assert_int_equal(c, 42);
	}
}

/* money_format writes two decimals, a '-' when negative. */
static void
format(void **state)
{
	(void)state;
	char buf[MONEY_BUFSZ];
	assert_string_equal(money_format(2490, buf), "24.90");
	assert_string_equal(money_format(5, buf), "0.05");
	assert_string_equal(money_format(0, buf), "0.00");
	assert_string_equal(money_format(-305, buf), "-3.05");
	assert_string_equal(money_format(-5, buf), "-0.05");
	assert_string_equal(money_format(120000, buf), "1200.00");
	assert_string_equal(money_format(MONEY_MAX_CENTS, buf),
	    "999999999.99");
	assert_string_equal(money_format(LLONG_MIN, buf),
	    "-92233720368547758.08");
}

/* money_format and money_parse round-trip. */
static void
round_trip(void **state)
{
	(void)state;
	char buf[MONEY_BUFSZ];
	static const long long v[] = { 0, 1, 10, 99, 100, 2490, 123456789,
		MONEY_MAX_CENTS };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		long long c;
		assert_int_equal(money_parse(money_format(v[i], buf), &c), 0);
		assert_int_equal(c, v[i]);
	}
}

/* money_scan on s: an amount or not (found), and the doubt it tells of:
 * its reason and its text, or MONEY_FOUND for none. */
static void
doubt_is(const char *s, bool found, int why, const char *text,
	 const char *file, int line)
{
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	struct money m;
	struct money_doubt d = { -1, 99, 99 };
	size_t a, b;
	_assert_true(copy != NULL, "malloc", file, line);
	memcpy(copy, s, n);
	_assert_int_equal(money_scan(copy, n, &m, &a, &b, &d), found, file,
	    line);
	_assert_int_equal(d.why, why, file, line);
	if (why != MONEY_FOUND) {
		_assert_true(d.start < d.end && d.end <= n, s, file, line);
		char *t = strndup(s + d.start, d.end - d.start);
		_assert_string_equal(t, text, file, line);
		free(t);
	}
	_assert_int_equal(money_find(copy, n, NULL, NULL, NULL), found, file,
	    line);
	free(copy);
}
#define DOUBT(s, found, why, text) \
	doubt_is(s, found, why, text, __FILE__, __LINE__)

/* A number next to a currency that is no amount is told of: negative,
 * too large, malformed; before the amount found, never after it. */
static void
doubts(void **state)
{
	(void)state;
	DOUBT("flowers 24,90 €", true, MONEY_FOUND, "");
	DOUBT("no currency -5 or 1,2,3", false, MONEY_FOUND, "");
	DOUBT("refund -5 €", false, MONEY_NEGATIVE, "-5 €");
	DOUBT("-5,- EUR", false, MONEY_NEGATIVE, "-5,- EUR");
	DOUBT("EUR -5", false, MONEY_NEGATIVE, "EUR -5");
	DOUBT("€-5", false, MONEY_NEGATIVE, "€-5");
	DOUBT("\xE2\x88\x92" "5 €", false, MONEY_NEGATIVE,
	    "\xE2\x88\x92" "5 €");
	DOUBT("99999999999999 €", false, MONEY_TOO_LARGE, "99999999999999 €");
	DOUBT("€ 1000000000", false, MONEY_TOO_LARGE, "€ 1000000000");
	DOUBT("1,2,3 €", false, MONEY_MALFORMED, "1,2,3 €");
	DOUBT("about 1 200 €", false, MONEY_MALFORMED, "1 200 €");
	DOUBT("10-15 € each", false, MONEY_MALFORMED, "10-15 €");
	DOUBT("1.234,567 €", false, MONEY_MALFORMED, "1.234,567 €");
	/* the first doubt, and an amount after it is still found */
	DOUBT("-5 € then 1,2,3 € then 6 €", true, MONEY_NEGATIVE, "-5 €");
	/* after the amount: none told */
	DOUBT("6 € then -5 €", true, MONEY_FOUND, "");
	/* the currency is the next number's */
	DOUBT("1,2,3 $4", true, MONEY_FOUND, "");
	/* a hyphen is no minus: "Strauß-5" is glued to a word */
	DOUBT("a-5 €", false, MONEY_MALFORMED, "a-5 €");
	DOUBT("2026-03-02 5 €", true, MONEY_FOUND, "");
	/* an en dash range as a hyphen one; a Friday's date is none */
	DOUBT("10\xE2\x80\x93" "15 € each", false, MONEY_MALFORMED,
	    "10\xE2\x80\x93" "15 €");
	DOUBT("Fr. 12.06.2026", false, MONEY_FOUND, "");
	DOUBT("1'23.50 CHF", false, MONEY_MALFORMED, "1'23.50 CHF");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(comma_euro_after),
		cmocka_unit_test(euro_sign_before),
		cmocka_unit_test(eur_code),
		cmocka_unit_test(whole_dash),
		cmocka_unit_test(dollars),
		cmocka_unit_test(pounds),
		cmocka_unit_test(francs),
		cmocka_unit_test(tilde),
		cmocka_unit_test(one_decimal),
		cmocka_unit_test(euro_words),
		cmocka_unit_test(in_text),
		cmocka_unit_test(nbsp),
		cmocka_unit_test(first_of_two),
		cmocka_unit_test(currency_between_numbers),
		cmocka_unit_test(thousands),
		cmocka_unit_test(bad_thousands),
		cmocka_unit_test(no_amount),
		cmocka_unit_test(date_then_amount),
		cmocka_unit_test(overflow),
		cmocka_unit_test(bounded),
		cmocka_unit_test(null_outputs),
		cmocka_unit_test(apostrophe_thousands),
		cmocka_unit_test(franken),
		cmocka_unit_test(friday),
		cmocka_unit_test(any_case),
		cmocka_unit_test(en_dash),
		cmocka_unit_test(issue_notations),
		cmocka_unit_test(info_equiv),
		cmocka_unit_test(info_no_equiv),
		cmocka_unit_test(equiv_end),
		cmocka_unit_test(info_vat_after),
		cmocka_unit_test(info_vat_before),
		cmocka_unit_test(info_not_vat),
		cmocka_unit_test(parse_ok),
		cmocka_unit_test(parse_bad),
		cmocka_unit_test(format),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(doubts),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
