/* test_wrap.c: UTF-8 columns, squeezing, word wrapping, padding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "wrap.h"

/* wrap_para of s into a fresh string (malloc'd by the buffer). */
static char *
para(const char *s, size_t width, size_t first, size_t hang)
{
	struct buf b = {0};
	wrap_para(&b, s, strlen(s), width, first, hang);
	return buf_steal(&b);
}

static void
para_is(const char *s, size_t width, size_t first, size_t hang,
	const char *want)
{
	char *got = para(s, width, first, hang);
	assert_string_equal(got, want);
	free(got);
}

/* Every line of text (ending in '\n') is at most width columns. */
static void
assert_lines_within(const char *text, size_t width)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true(wrap_width(p, (size_t)(nl - p)) <= width);
		p = nl + 1;
	}
}

#define W(s) wrap_width(s, strlen(s))

/* Columns as a terminal shows them: ASCII, umlauts and the euro sign one
 * each, an emoji two. */
static void
width_counts_characters(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("abc", 3), 3);
	assert_int_equal(W("Müller"), 6);
	assert_int_equal(W("€"), 1);
	assert_int_equal(W("\xF0\x9F\x8E\x81"), 2);	/* U+1F381 gift */
	assert_int_equal(wrap_width("", 0), 0);
}

/* Wide CJK, Hangul and fullwidth characters count two columns. */
static void
width_wide(void **state)
{
	(void)state;
	assert_int_equal(W("田中"), 4);			/* U+7530 U+4E2D */
	assert_int_equal(W("株式会社 ABC"), 12);
	assert_int_equal(W("김민준"), 6);			/* Hangul */
	assert_int_equal(W("ＡＢ"), 4);			/* fullwidth */
	assert_int_equal(W("\xF0\xA0\x80\x80"), 2);	/* U+20000 */
	assert_int_equal(W("Ω"), 1);
}

/* Combining marks and zero-width characters count none; U+FE0F (emoji
 * presentation) counts one, as its symbol may be shown wide. */
static void
width_zero(void **state)
{
	(void)state;
	assert_int_equal(W("e\xCC\x81"), 1);		/* e + U+0301 */
	assert_int_equal(W("a\xE2\x80\x8B" "b"), 2);	/* U+200B */
	assert_int_equal(W("\xE2\x9D\xA4\xEF\xB8\x8F"), 2);	/* U+2764 FE0F */
	assert_int_equal(W("\xD7\xA9\xD7\x81"), 1);	/* shin + dot */
	assert_int_equal(wrap_cp_width(0x0300), 0);
	assert_int_equal(wrap_cp_width(0x036f), 0);
	assert_int_equal(wrap_cp_width(0x0370), 1);
	assert_int_equal(wrap_cp_width(0x115f), 2);
	assert_int_equal(wrap_cp_width(0x1160), 1);
	assert_int_equal(wrap_cp_width(0x3fffd), 2);
	assert_int_equal(wrap_cp_width(0x10ffff), 1);
}

/* A prefix counts columns, keeps a wide character whole and a combining
 * mark with its letter. */
static void
prefix_columns(void **state)
{
	(void)state;
	const char *s = "田中さん";
	assert_int_equal(wrap_prefix(s, strlen(s), 3), 3);	/* 田 */
	assert_int_equal(wrap_prefix(s, strlen(s), 4), 6);	/* 田中 */
	s = "ae\xCC\x81x";
	assert_int_equal(wrap_prefix(s, strlen(s), 2), 4);	/* a, e + U+0301 */
}

/* A byte that starts no valid sequence counts as one column. */
static void
width_invalid_bytes(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("\xFF\xFE", 2), 2);
	assert_int_equal(wrap_width("a\x80z", 3), 3);
	assert_int_equal(wrap_width("\xC3", 1), 1);		/* truncated */
	assert_int_equal(wrap_width("\xE2\x82", 2), 2);	/* truncated */
	assert_int_equal(wrap_width("\xED\xA0\x80", 3), 3);	/* surrogate */
}

/* wrap_prefix cuts between characters, never inside one. */
static void
prefix_on_boundaries(void **state)
{
	(void)state;
	const char *s = "äöü";
	assert_int_equal(wrap_prefix(s, 6, 0), 0);
	assert_int_equal(wrap_prefix(s, 6, 1), 2);
	assert_int_equal(wrap_prefix(s, 6, 2), 4);
	assert_int_equal(wrap_prefix(s, 6, 9), 6);
}

/* Spaces and TABs separate words, runs one space, ends trimmed; other
 * control characters are shown as escapes (show.h), as are C1 and
 * bidirectional controls and bytes that are not UTF-8. */
static void
squeeze_spaces(void **state)
{
	(void)state;
	struct buf b = {0};
	const char *s = "  a\tb \t\t c  ";
	wrap_squeeze(&b, s, strlen(s));
	assert_string_equal(b.s, "a b c");
	buf_reset(&b);
	s = " x\n\ny\x1b[2J \xC2\x9B" "1m \xE2\x80\xAE" "evil \xFF ";
	wrap_squeeze(&b, s, strlen(s));
	assert_string_equal(b.s, "x\\012\\012y\\033[2J \\u009B1m \\u202Eevil "
	    "\\xff");
	buf_reset(&b);
	wrap_squeeze(&b, "   ", 3);
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	buf_free(&b);
}

/* Short text is one line, with its indent. */
static void
para_short(void **state)
{
	(void)state;
	para_is("hello world", 80, 2, 4, "  hello world\n");
	para_is("", 80, 2, 4, "");
	para_is(" \t ", 80, 2, 4, "");
}

/* Lines break at spaces, later lines take the hanging indent. */
static void
para_hanging(void **state)
{
	(void)state;
	para_is("aaa bbb ccc ddd", 10, 2, 4, "  aaa bbb\n    ccc\n    ddd\n");
	/* exactly full: "  aaa bbb" is 9 columns, width 9 */
	para_is("aaa bbb ccc", 9, 2, 2, "  aaa bbb\n  ccc\n");
}

/* A word wider than the line is broken, the rest goes on. */
static void
para_long_word(void **state)
{
	(void)state;
	para_is("abcdefghij", 6, 0, 2, "abcdef\n  ghij\n");
	para_is("x abcdefghij y", 6, 0, 0, "x\nabcdef\nghij y\n");
}

/* Breaking a word of umlauts keeps characters whole. */
static void
para_breaks_utf8(void **state)
{
	(void)state;
	para_is("ääääää", 4, 0, 0, "ääää\nää\n");
}

/* Umlauts count as one column each: a line of 10 characters fits 10. */
static void
para_counts_characters(void **state)
{
	(void)state;
	para_is("Müller Öl äß", 10, 0, 0, "Müller Öl\näß\n");
	para_is("Müller Öl äß", 12, 0, 0, "Müller Öl äß\n");
}

/* A long mixed text never exceeds the width. */
static void
para_never_overflows(void **state)
{
	(void)state;
	struct buf in = {0};
	for (int i = 0; i < 200; i++)
		buf_adds(&in, i % 7 ? "Grüße aus München " :
			 "Donaudampfschifffahrtsgesellschaftskapitänsmütze"
			 "nabzeichenherstellungsbetriebsleitung ");
	for (size_t w = 8; w <= 80; w += 9) {
		struct buf out = {0};
		wrap_para(&out, in.s, in.len, w, 4, 6);
		assert_lines_within(out.s, w);
		buf_free(&out);
	}
	buf_free(&in);
}

/* An indent as wide as the line still leaves one column of text. */
static void
para_no_room(void **state)
{
	(void)state;
	para_is("ab", 2, 2, 2, "  a\n  b\n");
}

/* wrap_next on squeezed text: line length and the next start. */
static void
next_line(void **state)
{
	(void)state;
	size_t rest;
	assert_int_equal(wrap_next("ab cd", 5, 5, &rest), 5);
	assert_int_equal(rest, 5);
	assert_int_equal(wrap_next("ab cd", 5, 2, &rest), 2);
	assert_int_equal(rest, 3);
	assert_int_equal(wrap_next("ab cd", 5, 4, &rest), 2);
	assert_int_equal(rest, 3);
	assert_int_equal(wrap_next("abcd", 4, 3, &rest), 3);
	assert_int_equal(rest, 3);
	assert_int_equal(wrap_next("", 0, 3, &rest), 0);
	assert_int_equal(rest, 0);
	assert_int_equal(wrap_next("ab", 2, 0, &rest), 1);	/* cols 0 as 1 */
	assert_int_equal(rest, 1);
	/* a wide character in one column goes alone, never nothing */
	assert_int_equal(wrap_next("田中", 6, 1, &rest), 3);
	assert_int_equal(rest, 3);
	assert_int_equal(wrap_next("田中 x", 8, 3, &rest), 3);
	assert_int_equal(rest, 3);
}

/* Wide characters wrap by their columns: a line of CJK text never
 * exceeds the width, and words break between characters. */
static void
para_wide(void **state)
{
	(void)state;
	para_is("田中 株式会社", 8, 0, 0, "田中\n株式会社\n");
	para_is("株式会社田中", 5, 0, 0, "株式\n会社\n田中\n");
	struct buf in = {0};
	for (int i = 0; i < 100; i++)
		buf_adds(&in, i % 3 ? "東京都千代田区 " : "Grüße ");
	for (size_t w = 5; w <= 80; w += 5) {
		struct buf out = {0};
		wrap_para(&out, in.s, in.len, w, 2, 3);
		assert_lines_within(out.s, w);
		buf_free(&out);
	}
	buf_free(&in);
}

/* Padding counts columns, not bytes; too long is left as it is. */
static void
pad(void **state)
{
	(void)state;
	struct buf b = {0};
	wrap_pad(&b, "Öl", strlen("Öl"), 4);
	assert_string_equal(b.s, "Öl  ");
	buf_reset(&b);
	wrap_pad(&b, "abcdef", 6, 3);
	assert_string_equal(b.s, "abcdef");
	buf_reset(&b);
	wrap_spaces(&b, 70);
	assert_int_equal(b.len, 70);
	assert_int_equal(strspn(b.s, " "), 70);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(width_counts_characters),
		cmocka_unit_test(width_wide),
		cmocka_unit_test(width_zero),
		cmocka_unit_test(prefix_columns),
		cmocka_unit_test(width_invalid_bytes),
		cmocka_unit_test(prefix_on_boundaries),
		cmocka_unit_test(squeeze_spaces),
		cmocka_unit_test(para_short),
		cmocka_unit_test(para_hanging),
		cmocka_unit_test(para_long_word),
		cmocka_unit_test(para_breaks_utf8),
		cmocka_unit_test(para_counts_characters),
		cmocka_unit_test(para_never_overflows),
		cmocka_unit_test(para_no_room),
		cmocka_unit_test(next_line),
		cmocka_unit_test(para_wide),
		cmocka_unit_test(pad),
	};
	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
