/* fuzz_date: date_scan, date_scan_order in each order, date_partial,
 * date_near_miss, date_order_parse and date_parse_iso on any bytes, and
 * the day arithmetic on any day of years 1 to 9999.
 *
 * Invariants: the scanners read nothing past n and *used <= n; a
 * DATE_FULL date is valid, has a year, and round-trips through
 * date_format and date_parse_iso (and through day numbers); a
 * DATE_YEARLESS one round-trips as "--MM-DD"; DATE_BAD comes with a
 * message; the result does not depend on which out-pointers are given;
 * date_scan is date_scan_order in DATE_ORDER_NONE; on valid UTF-8 the
 * date, and the text a near miss names, end on a character boundary
 * (messages quote them); date_partial's length ends where a date may
 * end; a near miss has a message, at least one byte, and comes only
 * where date_scan_order finds nothing; whatever date_parse_iso accepts
 * is valid and formats back to the same text. */
#include "date.h"
#include "text.h"
#include "fuzz.h"

static void
check_days(struct date d)
{
	long n = date_to_days(d);
	struct date e = date_from_days(n);
	CHECK(date_cmp(d, e) == 0);
	int w = date_weekday(d);
	CHECK(w >= 0 && w <= 6);
	CHECK(date_weekday(date_add_days(d, 1)) == (w + 1) % 7);
	CHECK(date_diff(date_add_days(d, 1), d) == 1);
}

static const enum date_order orders[] = {
	DATE_ORDER_NONE, DATE_ORDER_DMY, DATE_ORDER_MDY
};

static void
scan(const char *s, size_t n, enum date_order o)
{
	struct date d = { -1, -1, -1 };
	size_t used = (size_t)-1;
	char *msg = NULL;
	enum date_scan r = date_scan_order(s, n, o, &d, &used, &msg);
	CHECK(r == date_scan_order(s, n, o, NULL, NULL, NULL));
	if (o == DATE_ORDER_NONE)
		CHECK(r == date_scan(s, n, NULL, NULL, NULL));
	char buf[DATE_BUFSZ];
	struct date back;
	switch (r) {
	case DATE_NONE:
		CHECK(msg == NULL);
		CHECK(used == (size_t)-1);
		return;
	case DATE_FULL:
		CHECK(msg == NULL);
		CHECK(used >= 1 && used <= n);
		CHECK(d.y >= 1 && d.y <= 9999 && date_valid(d));
		date_format(d, buf);
		CHECK(strlen(buf) == 10);
		CHECK(date_parse_iso(buf, &back, false) == 0);
		CHECK(date_cmp(d, back) == 0);
		check_days(d);
		break;
	case DATE_YEARLESS:
		CHECK(msg == NULL);
		CHECK(used >= 1 && used <= n);
		CHECK(d.y == 0 && date_valid(d));
		date_format(d, buf);
		CHECK(strlen(buf) == 7);
		CHECK(date_parse_iso(buf, &back, false) < 0);
		CHECK(date_parse_iso(buf, &back, true) == 0);
		CHECK(date_cmp(d, back) == 0);
		break;
	case DATE_BAD:
		CHECK(msg != NULL && *msg);
		CHECK(used <= n);
		free(msg);
		break;
	default:
		CHECK(!"date_scan returned no enum value");
	}
	if (utf8_valid(s, n))
		CHECK(utf8_valid(s, used));
}

static bool
alnum(unsigned char c)
{
	unsigned char l = c | 0x20;
	return (c >= '0' && c <= '9') || (l >= 'a' && l <= 'z');
}

static void
partial(const char *s, size_t n)
{
	size_t e = date_partial(s, n);
	CHECK(e <= n);
	if (e > 0 && e < n)
		CHECK(!alnum((unsigned char)s[e]));
	if (utf8_valid(s, n))
		CHECK(utf8_valid(s, e));
}

static void
near_miss(const char *s, size_t n, enum date_order o)
{
	size_t used = (size_t)-1;
	char *msg = date_near_miss(s, n, o, &used);
	char *again = date_near_miss(s, n, o, NULL);
	CHECK((msg == NULL) == (again == NULL));
	if (!msg) {
		CHECK(used == (size_t)-1);
		return;
	}
	CHECK(*msg && strcmp(msg, again) == 0);
	CHECK(used >= 1 && used <= n);
	CHECK(date_scan_order(s, n, o, NULL, NULL, NULL) == DATE_NONE);
	if (utf8_valid(s, n))
		CHECK(utf8_valid(s, used));
	free(msg);
	free(again);
}

static void
iso(const char *s)
{
	for (int yl = 0; yl < 2; yl++) {
		struct date d;
		char buf[DATE_BUFSZ];
		if (date_parse_iso(s, &d, yl) != 0)
			continue;
		CHECK(date_valid(d));
		CHECK(yl || d.y >= 1);
		CHECK(strcmp(date_format(d, buf), s) == 0);
		if (d.y)
			check_days(d);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size, 0);
	for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		scan(s, size, orders[i]);
		near_miss(s, size, orders[i]);
	}
	partial(s, size);
	free(s);
	s = fuzz_copy(data, size, 1);
	iso(s);
	enum date_order o = DATE_ORDER_NONE;
	if (date_order_parse(s, &o) == 0)
		CHECK(strlen(s) == 3 && o != DATE_ORDER_NONE);
	else
		CHECK(o == DATE_ORDER_NONE);
	free(s);

	/* Any day of years 1..9999 from the first bytes. */
	if (size >= 4) {
		long lo = date_to_days((struct date){ 1, 1, 1 });
		long hi = date_to_days((struct date){ 9999, 12, 31 });
		uint32_t v = (uint32_t)data[0] | (uint32_t)data[1] << 8 |
		    (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
		long day = lo + (long)(v % (uint32_t)(hi - lo + 1));
		struct date d = date_from_days(day);
		CHECK(d.y >= 1 && d.y <= 9999 && date_valid(d));
		CHECK(date_to_days(d) == day);
		check_days(d);
		int y = d.y, m = 1 + data[1] % 12, dd = 1 + data[2] % 31;
		if (dd <= date_month_days(0, m))
			CHECK(date_valid(date_in_year(y, m, dd)));
	}
	return 0;
}
