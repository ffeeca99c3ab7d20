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

/* Strict parse of a record's amount: digits with an optional '.' and one
 * or two decimals ("24.90", "5", "5.5").  Returns 0, or -1. */
int money_parse(const char *s, long long *cents);

/* Cents as "24.90" ("-3.05" when negative) into buf; returns buf. */
char *money_format(long long cents, char buf[MONEY_BUFSZ]);

#endif
