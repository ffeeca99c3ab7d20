/* test_show.c: the one rule for text shown to people (show.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "show.h"
#include "text.h"

/* show_text of s[0..n) with flags, compared with want; showing the
 * result again must change nothing. */
static void
shows(const char *s, size_t n, int flags, const char *want)
{
	struct buf b = {0}, again = {0};
	show_text(&b, s, n, flags);
	assert_non_null(b.s);
	assert_string_equal(b.s, want);
	assert_true(utf8_valid(b.s, b.len));
	show_text(&again, b.s, b.len, flags);
	assert_string_equal(again.s, b.s);
	buf_free(&b);
	buf_free(&again);
}

#define SHOWS(s, want) shows(s, sizeof(s) - 1, 0, want)

/* Printable text, UTF-8 letters, wide characters, emoji and backslashes
 * are shown as they are; nothing gives "". */
static void
plain_text(void **state)
{
	(void)state;
	SHOWS("", "");
	SHOWS("Müller GmbH: 24,90 €", "Müller GmbH: 24,90 €");
	SHOWS("田中 \xF0\x9F\x8E\x81", "田中 \xF0\x9F\x8E\x81");
	SHOWS("a\\b \\033", "a\\b \\033");
	SHOWS("\xE2\x80\x8B\xEF\xBB\xBF", "\xE2\x80\x8B\xEF\xBB\xBF");	/* ZWSP, BOM */
}

/* C0 controls and DEL as three octal digits; TAB too, unless SHOW_TAB. */
static void
c0_controls(void **state)
{
	(void)state;
	SHOWS("\x1b]52;c;ZXZpbA==\x07", "\\033]52;c;ZXZpbA==\\007");
	SHOWS("x\x1b[2J.md", "x\\033[2J.md");
	SHOWS("a\nb\rc\0d", "a\\012b\\015c\\000d");
	SHOWS("\x7f\x01\x1f", "\\177\\001\\037");
	SHOWS("a\tb", "a\\011b");
	shows("a\tb", 3, SHOW_TAB, "a\tb");
}

/* C1 controls, bidirectional controls and the line and paragraph
 * separators as \u and four hex digits. */
static void
unicode_controls(void **state)
{
	(void)state;
	SHOWS("\xC2\x80\xC2\x85\xC2\x9B\xC2\x9F", "\\u0080\\u0085\\u009B\\u009F");
	SHOWS("\xC2\xA0", "\xC2\xA0");		/* U+00A0 is no control */
	SHOWS("\xD8\x9C", "\\u061C");
	SHOWS("\xE2\x80\x8E\xE2\x80\x8F", "\\u200E\\u200F");
	SHOWS("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\xAE",
	    "\\u202A\\u202B\\u202C\\u202D\\u202E");
	SHOWS("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9",
	    "\\u2066\\u2067\\u2068\\u2069");
	SHOWS("\xE2\x80\xA8\xE2\x80\xA9", "\\u2028\\u2029");
	SHOWS("\xE2\x80\xA7\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA",
	    "\xE2\x80\xA7\xE2\x80\xAF\xE2\x81\xA5\xE2\x81\xAA");	/* neighbours */
}

/* Every byte that is not part of valid UTF-8 as \x and two hex digits;
 * the valid text around it is kept. */
static void
invalid_utf8(void **state)
{
	(void)state;
	SHOWS("caf\xe9!", "caf\\xe9!");
	SHOWS("\xff\xfe", "\\xff\\xfe");
	SHOWS("\xC3", "\\xc3");				/* cut */
	SHOWS("\xE2\x82" "a", "\\xe2\\x82a");		/* cut */
	SHOWS("\xC0\xAF", "\\xc0\\xaf");		/* overlong '/' */
	SHOWS("\xED\xA0\x80", "\\xed\\xa0\\x80");	/* surrogate */
	SHOWS("\xF4\x90\x80\x80", "\\xf4\\x90\\x80\\x80");	/* > U+10FFFF */
	SHOWS("\x80ü", "\\x80ü");
}

/* The result is appended to what the buffer holds. */
static void
appends(void **state)
{
	(void)state;
	struct buf b = {0};
	buf_adds(&b, "x: ");
	show_text(&b, "\x1b", 1, 0);
	assert_string_equal(b.s, "x: \\033");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text),
		cmocka_unit_test(c0_controls),
		cmocka_unit_test(unicode_controls),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(appends),
	};
	return cmocka_run_group_tests_name("show", tests, NULL, NULL);
}
