/* test_slug.c: slug_make. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "slug.h"

/* The slug of s[0..n), made from a copy without a NUL after it, so that
 * the sanitizers catch any read past n, is want. */
static void
slug_n(const char *s, size_t n, const char *want, const char *file, int line)
{
	char *copy = malloc(n ? n : 1);
	_assert_true(copy != NULL, "malloc", file, line);
	memcpy(copy, s, n);
	char *got = slug_make(copy, n);
	free(copy);
	_assert_true(got != NULL, "slug_make", file, line);
	_assert_string_equal(got, want, file, line);
	free(got);
}
#define SLUG_N(s, n, want) slug_n(s, n, want, __FILE__, __LINE__)
#define SLUG(s, want) slug_n(s, strlen(s), want, __FILE__, __LINE__)

/* SPEC's example: umlaut to two letters, space to '-'. */
static void
mueller_gmbh(void **state)
{
	(void)state;
	SLUG("Müller GmbH", "mueller-gmbh");
}

/* Accents dropped, " & " and the final '.' one '-' or nothing. */
static void
cafe_zoe(void **state)
{
	(void)state;
	SLUG("Café Zoë & Co.", "cafe-zoe-co");
}

/* ß and capital ẞ become ss. */
static void
sharp_s(void **state)
{
	(void)state;
	SLUG("Straße", "strasse");
	SLUG("STRAẞE", "strasse");
}

/* Upper-case umlauts too: ÄRZTE, ÖL, ÜBER. */
static void
upper_umlauts(void **state)
{
	(void)state;
	SLUG("ÄRZTE", "aerzte");
	SLUG("Öl Über", "oel-ueber");
	SLUG("äöüÄÖÜß", "aeoeueaeoeuess");
}

/* Other Latin-1 letters to their base letter, either case. */
static void
latin1(void **state)
{
	(void)state;
	SLUG("Søren Åberg", "soren-aberg");
	SLUG("Ñandú", "nandu");
	SLUG("Çelik", "celik");
	SLUG("Élodie Hélène", "elodie-helene");
	SLUG("àáâãå èéêë ìíîï òóôõø ùúû ýÿ", "aaaaa-eeee-iiii-ooooo-uuu-yy");
	SLUG("ÀÁÂÃÅ ÈÉÊË ÌÍÎÏ ÒÓÔÕØ ÙÚÛ Ý", "aaaaa-eeee-iiii-ooooo-uuu-y");
}

/* Ligatures and old letters: æ œ þ ð. */
static void
ligatures(void **state)
{
	(void)state;
	SLUG("Ærø", "aero");
	SLUG("Cœur Œuvre", "coeur-oeuvre");
	SLUG("Þór Ðá", "thor-da");
}

/* Latin Extended-A, beyond SPEC. */
static void
latin_extended_a(void **state)
{
	(void)state;
	SLUG("Łódź", "lodz");
	SLUG("Škoda Čech Žižek", "skoda-cech-zizek");
	SLUG("Erdős Győző", "erdos-gyozo");
	SLUG("Gülşen Ağaoğlu", "guelsen-agaoglu");
	SLUG("İstanbul ılık", "istanbul-ilik");
}

/* × and ÷ are no letters. */
static void
latin1_symbols(void **state)
{
	(void)state;
	SLUG("3×4÷2", "3-4-2");
}

/* Decomposed umlauts and accents (NFD) give the composed slug. */
static void
decomposed(void **state)
{
	(void)state;
	SLUG("Mu\xCC\x88ller", "mueller");
	SLUG("Cafe\xCC\x81 Zoe\xCC\x88", "cafe-zoe");
	SLUG("\xCC\x88" "a", "a");
}

/* A run of punctuation, spaces, emoji is one '-'. */
static void
runs(void **state)
{
	(void)state;
	SLUG("a , . ; b", "a-b");
	SLUG("Smith & Wesson -- Ltd.", "smith-wesson-ltd");
	SLUG("a\tb\nc", "a-b-c");
	SLUG("Rock 🎸 Band", "rock-band");
	SLUG("x_y", "x-y");
}

/* Leading and trailing '-' dropped. */
static void
leading_trailing(void **state)
{
	(void)state;
	SLUG("  --ACME--  ", "acme");
	SLUG("(Müller)", "mueller");
	SLUG("🎸a🎸", "a");
}

/* Nothing usable: the empty string. */
static void
empty(void **state)
{
	(void)state;
	SLUG("", "");
	SLUG("日本", "");
	SLUG(" - & . ", "");
	SLUG_N("x", 0, "");
}

/* Digits are kept, ASCII letters lowercased. */
static void
digits(void **state)
{
	(void)state;
	SLUG("3M", "3m");
	SLUG("Studio 54", "studio-54");
	SLUG("2026", "2026");
	SLUG("ABCxyz", "abcxyz");
}

/* Other scripts between Latin letters are one '-'. */
static void
other_scripts(void **state)
{
	(void)state;
	SLUG("Tokyo 東京 Office", "tokyo-office");
	SLUG("Москва GmbH", "gmbh");
}

/* Invalid UTF-8 bytes are separators, never read past n. */
static void
invalid_utf8(void **state)
{
	(void)state;
	SLUG("a\xFF" "b", "a-b");
	SLUG("a\xC3" "b", "a-b");		/* lead byte, no continuation */
	SLUG("a\xC3\xA4\xA4" "b", "aae-b");	/* stray continuation */
	SLUG("a\xC0\xAF" "b", "a-b");		/* overlong '/' */
	SLUG("a\xED\xA0\x80" "b", "a-b");	/* surrogate */
	SLUG("a\xF4\x90\x80\x80" "b", "a-b");	/* above U+10FFFF */
	SLUG("a\xE0\x80\x80" "b", "a-b");	/* overlong, 3 bytes */
	SLUG("caf\xC3", "caf");			/* cut at the end */
	SLUG_N("Müller", 2, "m");		/* n cuts inside ü */
}

/* Only n bytes count; a NUL inside is a separator. */
static void
bounded(void **state)
{
	(void)state;
	SLUG_N("abcdef", 3, "abc");
	SLUG_N("ab\0cd", 5, "ab-cd");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mueller_gmbh),
		cmocka_unit_test(cafe_zoe),
		cmocka_unit_test(sharp_s),
		cmocka_unit_test(upper_umlauts),
		cmocka_unit_test(latin1),
		cmocka_unit_test(ligatures),
		cmocka_unit_test(latin_extended_a),
		cmocka_unit_test(latin1_symbols),
		cmocka_unit_test(decomposed),
		cmocka_unit_test(runs),
		cmocka_unit_test(leading_trailing),
		cmocka_unit_test(empty),
		cmocka_unit_test(digits),
		cmocka_unit_test(other_scripts),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(bounded),
	};
	return cmocka_run_group_tests_name("slug", tests, NULL, NULL);
}
