/* money.h: money amounts in integer cents, and finding them in text. */
#ifndef TACT_MONEY_H
#define TACT_MONEY_H

#include <stdbool.h>
#include <stddef.h>

/* Largest amount accepted, in cents (a bound that keeps sums of many
 * amounts far from overflow). */
#define MONEY_MAX_CENTS 99999999999LL	/* 999 999 999.99 */

#define MONEY_BUFSZ 32

struct money {
	long long cents;
	char currency[4];	/* "EUR", "USD", "GBP", "CHF" */
};

/* Find the first money amount in s[0..n) (SPEC "Notes": a currency sign
 * or code before or after a number with an optional ',' or '.' and one or
 * two decimals, or ",-"): "24,90 €", "€24.90", "EUR 5", "5,- €", "$3",
 * "12 GBP", "CHF 30.-"; a negative number ("-5 €") is none.  Returns true and sets *m, and when start/end are
 * not NULL the byte offsets of the amount's text; false when there is
 * none. */
bool money_find(const char *s, size_t n, struct money *m,
		size_t *start, size_t *end);

/* Why a number next to a currency is no amount (money_scan). */
enum {
	MONEY_FOUND,		/* none: it is an amount */
	MONEY_MALFORMED,	/* "1,2,3 €", "1 200 €", "10-15 €" */
	MONEY_TOO_LARGE,	/* above MONEY_MAX_CENTS */
	MONEY_NEGATIVE		/* "-5 €" */
};

struct money_doubt {
	int why;		/* MONEY_FOUND: there is none */
	size_t start, end;	/* its text: the number and the currency */
};

/* money_find, telling also of the first number before the amount found
 * (anywhere, when there is none) that has a currency next to it but is
 * no amount, in *d (d may be NULL): the notes parser warns of it, as a
 * gift whose amount was not understood is not counted. */
bool money_scan(const char *s, size_t n, struct money *m, size_t *start,
		size_t *end, struct money_doubt *d);

/* Net or gross, as written next to an amount (SPEC "Gifts"). */
enum money_vat {
	MONEY_VAT_NONE,		/* neither written */
	MONEY_VAT_NET,		/* "netto", "net", "zzgl. MwSt." */
	MONEY_VAT_GROSS		/* "brutto", "gross", "inkl. MwSt." */
};

/* What the first amount of an entry's text says besides itself: its
 * equivalent in another currency, written in parentheses or after '='
 * or '≈' right after it ("CHF 30.- (= 31,85 €)", "$25 ≈ 23 EUR"), and
 * whether it is net or gross. */
struct money_info {
	struct money amount;	/* the first amount (as money_find) */
	bool has_equiv;
	struct money equiv;	/* its value in equiv.currency */
	enum money_vat vat;
};

/* The first amount of s[0..n) and what is written with it: false when
 * there is no amount. */
bool money_info(const char *s, size_t n, struct money_info *mi);

/* The end of the equivalent written right after an amount m whose text
 * ends at s[end] (money_info): past its ')' when in parentheses; end
 * itself when there is none.  Sets *equiv (equiv may be NULL). */
size_t money_equiv_end(const char *s, size_t n, size_t end,
		       const struct money *m, struct money *equiv);

/* Strict parse of a record's amount: digits with an optional '.' and one
 * or two decimals ("24.90", "5", "5.5").  Returns 0, or -1. */
int money_parse(const char *s, long long *cents);

/* Cents as "24.90" ("-3.05" when negative) into buf; returns buf. */
char *money_format(long long cents, char buf[MONEY_BUFSZ]);

#endif
