/* Unit tests for text.c: UTF-8 validity, trimming, key normalization. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define VALID(s) utf8_valid(s, sizeof(s) - 1)

/* ASCII, umlauts, the euro sign and an emoji are valid. */
static void
utf8_accepts(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(VALID("plain"));
	assert_true(VALID("Müller €"));
	assert_true(VALID("\xf0\x9f\x8e\x81 gift"));
	assert_true(VALID("\xf4\x8f\xbf\xbf"));	/* U+10FFFF */
}

/* Latin-1 bytes, truncated, overlong, surrogate and too-large forms fail. */
static void
utf8_rejects(void **state)
{
	(void)state;
	assert_false(VALID("caf\xe9"));
	assert_false(VALID("\xc3"));
	assert_false(VALID("\xc3\x28"));
	assert_false(VALID("\xc0\xaf"));	/* overlong '/' */
	assert_false(VALID("\xe0\x80\xaf"));	/* overlong */
	assert_false(VALID("\xed\xa0\x80"));	/* surrogate D800 */
	assert_false(VALID("\xf4\x90\x80\x80"));	/* U+110000 */
	assert_false(VALID("\x80"));
}

/* Sequence lengths by lead byte. */
static void
seqlen(void **state)
{
	(void)state;
	assert_int_equal(utf8_seqlen('a'), 1);
	assert_int_equal(utf8_seqlen(0xc3), 2);
	assert_int_equal(utf8_seqlen(0xe2), 3);
	assert_int_equal(utf8_seqlen(0xf0), 4);
	assert_int_equal(utf8_seqlen(0x80), 1);
}

/* utf8_decode: the length and code point of a valid character, 0 for
 * what is not one. */
static void
decode(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(utf8_decode("\xC3\xBC", 2, &cp), 2);
	assert_int_equal(cp, 0xfc);
	assert_int_equal(utf8_decode("\xE2\x80\xAE", 3, &cp), 3);
	assert_int_equal(cp, 0x202e);
	assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10ffff);
	assert_int_equal(utf8_decode("\xE2\x80\xAE", 2, &cp), 0);	/* cut */
	assert_int_equal(utf8_decode("\x80", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);	/* overlong */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0);
}

/* trim removes spaces and tabs at both ends only. */
static void
trims(void **state)
{
	(void)state;
	size_t n = 9;
	const char *s = trim(" \ta b \t  ", &n);
	assert_int_equal(n, 3);
	assert_memory_equal(s, "a b", 3);
	n = 3;
	trim("   ", &n);
	assert_int_equal(n, 0);
}

static void
key_is(const char *in, const char *want)
{
	char *k = key_normalize(in, strlen(in));
	assert_string_equal(k, want);
	free(k);
}

/* Keys: ASCII lowercased, spaces and '_' runs become one '-'. */
static void
keys(void **state)
{
	(void)state;
	key_is("Company founded", "company-founded");
	key_is("client_since", "client-since");
	key_is("  Birthday ", "birthday");
	key_is("A  __ B", "a-b");
	key_is("Gründung", "gründung");
	key_is("already-dashed", "already-dashed");
	key_is("", "");
	key_is("Spouse's Birthday", "spouses-birthday");
	key_is("Spouse\xe2\x80\x99s Birthday", "spouses-birthday");
	/* letters after a byte beyond ASCII lowered as text_lower does */
	key_is("\xc3\x84RGER Key", "\xc3\xa4rger-key");
	key_is("Key \xc3\x84" "B C", "key-\xc3\xa4" "b-c");
	key_is("X\xc3" "AB", "x\xc3" "Ab");
	key_is("Role/Title", "role-title");
	key_is("Role / Title", "role-title");
	key_is("GRÖSSE", "grösse");
	key_is("Address.City", "address.city");
	key_is("Q&A", "q&a");
}

static void
lower_is(const char *in, const char *want)
{
	char *s = strdup(in);
	text_lower(s, strlen(s));
	assert_string_equal(s, want);
	free(s);
}

/* Lowercasing: ASCII and Latin-1 letters, nothing else. */
static void
lower(void **state)
{
	(void)state;
	lower_is("Glückwunsch", "glückwunsch");
	lower_is("ÄÖÜÀÉÎÑØÞ", "äöüàéîñøþ");
	lower_is("×", "×");		/* U+00D7 is no letter */
	lower_is("ẞ Ω", "ẞ Ω");	/* outside Latin-1: as written */
	lower_is("\xc3", "\xc3");	/* a cut sequence stays */
}

#define SCAN(s) text_scan(s, sizeof(s) - 1)

/* text_scan finds each kind of byte wherever it stands: in the eight-byte
 * words and in the tail. */
static void
scans(void **state)
{
	(void)state;
	assert_int_equal(SCAN(""), 0);
	assert_int_equal(SCAN("plain text, long enough for words"), 0);
	assert_int_equal(SCAN("a\0b"), TEXT_NUL);
	assert_int_equal(SCAN("0123456789abcdef\0"), TEXT_NUL);
	assert_int_equal(SCAN("0123456\0" "89abcdef"), TEXT_NUL);
	assert_int_equal(SCAN("caf\xc3\xa9"), TEXT_NONASCII);
	assert_int_equal(SCAN("01234567caf\xc3\xa9"), TEXT_NONASCII);
	assert_int_equal(SCAN("<!-- x"), TEXT_LT);
	assert_int_equal(SCAN("01234567 <"), TEXT_LT);
	assert_int_equal(SCAN("a\rb"), TEXT_CR);
	assert_int_equal(SCAN("0123456\r89abcdef"), TEXT_CR);
	assert_int_equal(SCAN("0123456789abcde\r"), TEXT_CR);
	/* bytes next to the ones sought are none of them */
	assert_int_equal(SCAN("\x01\x0c\x0e\x3b\x3d\x7f"
	    "\x01\x0c\x0e\x3b\x3d"), 0);
	assert_int_equal(SCAN("\r\0<\xff\r\0<\xff\r\0<\xff"),
	    TEXT_NUL | TEXT_NONASCII | TEXT_LT | TEXT_CR);
	/* bytes below 0x0E that are neither NUL nor CR: looked at again,
	 * with the non-ASCII ones kept */
	assert_int_equal(SCAN("\tcaf\xc3\xa9\t\x0b\x0c\x0d"),
	    TEXT_NONASCII | TEXT_CR);
	assert_int_equal(SCAN("\t\x0b\x0c\x01\x0d"), TEXT_CR);
	assert_int_equal(SCAN("\tcaf\xc3\xa9\t\x0b\x0c\x0e"), TEXT_NONASCII);
	assert_int_equal(SCAN("01234567\t\x01\x0b\x0c\x0e\x7f"), 0);
	assert_int_equal(SCAN("\xe2\x82\xac 12,50 <"), TEXT_NONASCII | TEXT_LT);
}

#define DIGIT(s) text_find_digit(s, sizeof(s) - 1)

/* text_find_digit: the first digit in the words, in the tail, in a tail
 * that overlaps the last word; the bytes next to '0' and '9' are none. */
static void
finds_digits(void **state)
{
	(void)state;
	assert_int_equal(DIGIT(""), 0);
	assert_int_equal(DIGIT("no digit here at all"), 20);
	assert_int_equal(DIGIT("/:/:/:/:/:/:/:/:/:/:\xb0\xb9"), 22);
	assert_int_equal(DIGIT("0"), 0);
	assert_int_equal(DIGIT("abc9"), 3);
	assert_int_equal(DIGIT("abcdefgh9"), 8);
	assert_int_equal(DIGIT("abcdefghij9"), 10);
	assert_int_equal(DIGIT("abcdefg5abcdefg"), 7);
	assert_int_equal(DIGIT("sent flowers 24,90 \xe2\x82\xac"), 13);
	/* a word of bytes just around the digits, then one of all bytes
	 * whose x ^ '0' is below 10 or has its high bit: none a digit */
	assert_int_equal(DIGIT("\x2f\x3a\x3f\x20\x00\x7f\xb0\xb9"
	    "\xb5\xff\x80\x3a\x2f\x10\x1a\x4a"), 16);
	assert_int_equal(DIGIT("\xb0\xb9\x3a\x2f\x3a\x2f\x3a\x2f" "9"), 8);
	for (int c = 0; c < 256; c++) {
		char b[12];
		memset(b, 'x', sizeof b);
		b[9] = (char)c;
		bool digit = c >= '0' && c <= '9';
		assert_int_equal(text_find_digit(b, sizeof b), digit ? 9 : 12);
		assert_int_equal(text_find_digit(b + 2, 8), digit ? 7 : 8);
	}
}

/* Levenshtein in characters: an umlaut is one edit, not two. */
static void
distance(void **state)
{
	(void)state;
	assert_int_equal(text_distance("", ""), 0);
	assert_int_equal(text_distance("", "abc"), 3);
	assert_int_equal(text_distance("kitten", "sitting"), 3);
	assert_int_equal(text_distance("geburstag", "geburtstag"), 1);
	assert_int_equal(text_distance("muller", "m\xc3\xbcller"), 1);
	assert_int_equal(text_distance("abc", "abc"), 0);
	assert_int_equal(text_distance("\xff", "a"), 1);
}

/* Up to three, nearest first, within max(2, len/3). */
static void
nearest(void **state)
{
	(void)state;
	const char *cand[] = { "christmas", "geburtstag", "birthday",
	    "geburtstag", NULL, "", "bday", "gebutstag", "geburtstage",
	    "geburtstagx" };
	const char *out[TEXT_NEAREST];
	size_t n = text_nearest("geburstag", cand, 10, out);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "geburtstag");
	assert_string_equal(out[1], "gebutstag");
	assert_string_equal(out[2], "geburtstage");
	assert_int_equal(text_nearest("xyz", cand, 10, out), 0);
	assert_int_equal(text_nearest("bdy", cand, 10, out), 1);
	assert_string_equal(out[0], "bday");
	/* Nothing in common is no suggestion, however short. */
	const char *tiny[] = { "x", "kb", "b" };
	assert_int_equal(text_nearest("ab", tiny, 3, out), 2);
	assert_string_equal(out[0], "b");
	assert_string_equal(out[1], "kb");
	assert_int_equal(text_nearest("/", tiny, 3, out), 0);
}

/* Names for their candidates: each once, at its nearest candidate's
 * distance, nearest first, then by name. */
static void
nearest_of(void **state)
{
	(void)state;
	const char *cand[] = { "m\xc3\xbcller gmbh", "mueller-gmbh", "mg",
	    "acme", "acme ltd", "akme", "beta", NULL, "bta" };
	const char *name[] = { "mueller-gmbh", "mueller-gmbh", "mueller-gmbh",
	    "acme", "acme", "akme", "beta", "gamma", "" };
	const char *out[TEXT_NEAREST];
	assert_int_equal(text_nearest_of("mueller-gmbx", cand, name, 9, out),
	    1);
	assert_string_equal(out[0], "mueller-gmbh");
	assert_int_equal(text_nearest_of("muller gmbh", cand, name, 9, out),
	    1);
	assert_string_equal(out[0], "mueller-gmbh");
	/* acme at 0 (not at 4 for "acme ltd"), akme at 1. */
	assert_int_equal(text_nearest_of("acme", cand, name, 9, out), 2);
	assert_string_equal(out[0], "acme");
	assert_string_equal(out[1], "akme");
	/* A name moves up when a nearer candidate of it comes later. */
	const char *c2[] = { "abcdx", "abcxy", "abcde", "zzz", "abcd" };
	const char *n2[] = { "p", "q", "r", "s", "q" };
	assert_int_equal(text_nearest_of("abcd", c2, n2, 5, out), 3);
	assert_string_equal(out[0], "q");
	assert_string_equal(out[1], "p");
	assert_string_equal(out[2], "r");
	/* Empty names and NULL candidates are skipped. */
	assert_int_equal(text_nearest_of("bta", cand, name, 9, out), 1);
	assert_string_equal(out[0], "beta");
}

/* The phrase of the suggestions: none, one, two, three. */
static void
did_you_mean(void **state)
{
	(void)state;
	const char *near[] = { "a", "b", "c" };
	const char *want[] = { "x", "x (did you mean 'a'?)",
	    "x (did you mean 'a' or 'b'?)",
	    "x (did you mean 'a', 'b' or 'c'?)" };
	for (size_t k = 0; k <= 3; k++) {
		struct buf b = {0};
		buf_adds(&b, "x");
		text_did_you_mean(&b, near, k);
		assert_string_equal(b.s, want[k]);
		buf_free(&b);
	}
}

/* text_common on texts t[0..n): the prefix and suffix it finds. */
static void
common_is(const char *const *t, size_t n, const char *pre, const char *suf)
{
	size_t p, s;
	text_common(t, n, &p, &s);
	assert_int_equal(p, strlen(pre));
	assert_memory_equal(t[0], pre, p);
	assert_int_equal(s, strlen(suf));
	assert_memory_equal(t[0] + strlen(t[0]) - s, suf, s);
}

/* Whole words at both ends, never overlapping, no character cut. */
static void
common(void **state)
{
	(void)state;
	const char *call[] = { "Call Heike Lindner: happy birthday",
	    "Call Hauke Janssen: happy birthday", "Call the team: happy birthday" };
	common_is(call, 3, "Call ", ": happy birthday");
	const char *note[] = { "Personal note, refer to Portal live",
	    "Personal note, refer to", "Personal note, refer to Zwiebelkuchen" };
	common_is(note, 3, "Personal note, refer to", "");
	const char *same[] = { "Handwritten card", "Handwritten card" };
	common_is(same, 2, "Handwritten card", "");
	/* "Hand" is no word of "Handwritten", and "nd" is no word start */
	const char *word[] = { "Handwritten card and", "Hand it over and" };
	common_is(word, 2, "", " and");
	/* the suffix starts at an ASCII byte: "ö" in "Jörg" is not cut */
	const char *utf[] = { "für Jörg", "für Görg" };
	common_is(utf, 2, "für ", "");
	/* "aa" and "aaa": the prefix takes the shorter, the suffix nothing */
	const char *over[] = { "aa", "aaa" };
	common_is(over, 2, "", "");
	const char *one[] = { "x y" };
	common_is(one, 1, "x y", "");
	const char *empty[] = { "", "abc" };
	common_is(empty, 2, "", "");
}

/* Whole words only, at either end or between non-alphanumerics. */
static void
has_words(void **state)
{
	(void)state;
	assert_true(text_has_words("autohaus-brenner-gmbh", "brenner"));
	assert_true(text_has_words("autohaus-brenner-gmbh", "autohaus-brenner"));
	assert_true(text_has_words("a/katrin-brenner", "katrin"));
	assert_true(text_has_words("brenner", "brenner"));
	assert_false(text_has_words("brennerei", "brenner"));
	assert_false(text_has_words("xbrenner", "brenner"));
	assert_false(text_has_words("abc", ""));
	/* a later occurrence counts when the first is inside a word */
	assert_true(text_has_words("brennerei-brenner", "brenner"));
}

/* The ASCII tags as the pattern (?<!\\S)#TAG_WORD reads them; a byte
 * beyond ASCII next to or in the tag leaves it to the pattern. */
static void
ascii_tags(void **state)
{
	(void)state;
	const char *s = "#a1-b_c, x#y \v#Geburtstag #1 #";
	size_t n = strlen(s);
	assert_int_equal(text_ascii_tag(s, n, 0), 7);
	assert_int_equal(text_ascii_tag(s, n, 10), 0);	/* after x */
	assert_int_equal(text_ascii_tag(s, n, 14), 25);	/* after VT */
	assert_int_equal(text_ascii_tag(s, n, 26), 0);	/* a digit */
	assert_int_equal(text_ascii_tag(s, n, 29), 0);	/* at the end */
	const char *u = "\xc3\xa4#a #\xc3\xa4 #ab\xc3\xa4";
	n = strlen(u);
	assert_true(text_ascii_tag(u, n, 2) == TEXT_TAG_UNSURE);
	assert_true(text_ascii_tag(u, n, 5) == TEXT_TAG_UNSURE);
	assert_true(text_ascii_tag(u, n, 9) == TEXT_TAG_UNSURE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_accepts),
		cmocka_unit_test(utf8_rejects),
		cmocka_unit_test(seqlen),
		cmocka_unit_test(decode),
		cmocka_unit_test(trims),
		cmocka_unit_test(keys),
		cmocka_unit_test(lower),
		cmocka_unit_test(scans),
		cmocka_unit_test(finds_digits),
		cmocka_unit_test(distance),
		cmocka_unit_test(nearest),
		cmocka_unit_test(common),
		cmocka_unit_test(nearest_of),
		cmocka_unit_test(did_you_mean),
		cmocka_unit_test(has_words),
		cmocka_unit_test(ascii_tags),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
