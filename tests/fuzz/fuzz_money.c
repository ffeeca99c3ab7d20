/* fuzz_money: money_find, money_info and money_parse on any bytes.
 *
 * Invariants: money_find reads nothing past n; a found amount has
 * start < end <= n, cents from 0 to MONEY_MAX_CENTS and one of the four
 * currencies, is found again (the same) in its own text, and does not
 * depend on which out-pointers are given; money_format and money_parse
 * round-trip; what money_parse accepts is in range and formats to a
 * text that parses to the same cents; money_info finds what money_find
 * does, an equivalent is in another currency and in range, and the
 * equivalent's end is past the amount and within n. */
#include "money.h"
#include "fuzz.h"

static void
check_amount(long long cents)
{
	char buf[MONEY_BUFSZ];
	long long back = -1;
	CHECK(cents >= 0 && cents <= MONEY_MAX_CENTS);
	money_format(cents, buf);
	CHECK(money_parse(buf, &back) == 0);
	CHECK(back == cents);
}

static bool
currency_ok(const char *c)
{
	return !strcmp(c, "EUR") || !strcmp(c, "USD") || !strcmp(c, "GBP") ||
	    !strcmp(c, "CHF");
}

static void
find(const char *s, size_t n)
{
	struct money m, m2;
	size_t a = (size_t)-1, b = (size_t)-1, a2, b2;
	bool found = money_find(s, n, &m, &a, &b);
	CHECK(found == money_find(s, n, NULL, NULL, NULL));
	if (!found) {
		struct money_info none;
		CHECK(!money_info(s, n, &none));
		return;
	}
	CHECK(a < b && b <= n);
	CHECK(currency_ok(m.currency));
	check_amount(m.cents);
	/* The amount's own text holds the same amount, all of it. */
	char *t = fuzz_copy((const uint8_t *)s + a, b - a, 0);
	CHECK(money_find(t, b - a, &m2, &a2, &b2));
	CHECK(m2.cents == m.cents && !strcmp(m2.currency, m.currency));
	CHECK(a2 == 0 && b2 == b - a);
	free(t);
	/* What follows the amount and its equivalent is searched as
	 * tact-parse does for a second one. */
	size_t e = money_equiv_end(s, n, b, &m, NULL);
	CHECK(e >= b && e <= n);
	money_find(s + e, n - e, &m2, &a2, &b2);

	struct money_info mi;
	CHECK(money_info(s, n, &mi));
	CHECK(mi.amount.cents == m.cents &&
	    !strcmp(mi.amount.currency, m.currency));
	CHECK(mi.has_equiv == (e != b));
	if (mi.has_equiv) {
		CHECK(currency_ok(mi.equiv.currency));
		CHECK(strcmp(mi.equiv.currency, m.currency) != 0);
		check_amount(mi.equiv.cents);
	}
	CHECK(mi.vat == MONEY_VAT_NONE || mi.vat == MONEY_VAT_NET ||
	    mi.vat == MONEY_VAT_GROSS);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size, 0);
	find(s, size);
	free(s);

	s = fuzz_copy(data, size, 1);
	long long cents = -1;
	if (money_parse(s, &cents) == 0)
		check_amount(cents);
	free(s);

	if (size >= 8) {
		long long v;
		memcpy(&v, data, sizeof v);
		char buf[MONEY_BUFSZ];
		money_format(v, buf);	/* any value, negative too */
		CHECK(strlen(buf) < MONEY_BUFSZ);
		if (v < 0)
			v = -(v + 1);
		check_amount(v % (MONEY_MAX_CENTS + 1));
	}
	return 0;
}
