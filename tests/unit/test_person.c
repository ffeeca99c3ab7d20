/* test_person.c: names in list items, and which persons a text names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "person.h"

/* "name|role" for a person item, or NULL. */
static const char *
item(const char *s)
{
	static char out[512];
	const char *name, *role;
	size_t nn, rn;
	if (!person_item(s, strlen(s), &name, &nn, &role, &rn))
		return NULL;
	snprintf(out, sizeof out, "%.*s|%.*s", (int)nn, name, (int)rn, role);
	return out;
}

static void
items(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} t[] = {
		{"**Katrin Brenner** (Geschäftsführerin)",
		    "Katrin Brenner|Geschäftsführerin"},
		{"**Katrin**", "Katrin|"},
		{"__Jens Albers__ – Einkauf", "Jens Albers|Einkauf"},
		{"Katrin Brenner (Geschäftsführerin)",
		    "Katrin Brenner|Geschäftsführerin"},
		{"Katrin Brenner, CEO", "Katrin Brenner|CEO"},
		{"Katrin Brenner – CEO", "Katrin Brenner|CEO"},
		{"Katrin Brenner - CEO", "Katrin Brenner|CEO"},
		{"Anna von der Heide", "Anna von der Heide|"},
		{"Dr. Özlem Yılmaz", "Dr. Özlem Yılmaz|"},
		{"Jürgen Äbi", "Jürgen Äbi|"},
		{"Hobbys", NULL},
		{"likes cats", NULL},
		{"Katrin likes cats", NULL},
		{"von Berg", NULL},
		{"Anna Berg Carl Dora Emil Fritz", NULL},
		{"Anna  Berg", NULL},
		{"**Geburtstag:**", NULL},
		{"**Key: value**", NULL},
		{"**2026 Plan**", NULL},
		{"Anna Berg (unclosed", NULL},
		{"Projekt 2026", NULL},
		{"**", NULL},
		{"", NULL},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		const char *got = item(t[i].in);
		if (!t[i].want)
			assert_null(got);
		else
			assert_string_equal(got, t[i].want);
	}
}

/* Which of the persons (added in order) the text names, as "01…". */
static const char *
named(struct person_names *pn, const char *text)
{
	static char out[16];
	person_names_text(pn, text, strlen(text));
	size_t i;
	for (i = 0; i < pn->n && i < sizeof out - 1; i++)
		out[i] = person_names_named(pn, i) ? '1' : '0';
	out[i] = '\0';
	return out;
}

static void
add(struct person_names *pn, const char *name)
{
	person_names_add(pn, name, strlen(name));
}

/* Unique first and last names name a person; shared ones do not. */
static void
attribution(void **state)
{
	(void)state;
	struct person_names pn = {0};
	add(&pn, "Katrin Brenner");
	add(&pn, "Jens Albers");
	add(&pn, "Jens Brenner");
	assert_string_equal(named(&pn, "Karte an Katrin"), "100");
	assert_string_equal(named(&pn, "Anruf mit Jens"), "000");
	assert_string_equal(named(&pn, "Anruf mit Jens Albers"), "010");
	assert_string_equal(named(&pn, "Herr Albers rief an"), "010");
	assert_string_equal(named(&pn, "Frau Brenner"), "000");
	assert_string_equal(named(&pn, "KATRIN BRENNER und jens brenner"),
	    "101");
	assert_string_equal(named(&pn, "Katrins Geburtstag"), "100");
	assert_string_equal(named(&pn, "Katrin's birthday"), "100");
	assert_string_equal(named(&pn, "Katrina called"), "000");
	assert_string_equal(named(&pn, "Jensen, Albersdorf"), "000");
	assert_string_equal(named(&pn, "(Katrin)"), "100");
	assert_string_equal(named(&pn, "Gruß an Katrin–Jens Albers"), "110");
	assert_string_equal(named(&pn, ""), "000");
	person_names_clear(&pn);

	add(&pn, "Jürgen Müller");
	add(&pn, "Özlem Yılmaz");
	add(&pn, "Dr. Anna Weiß");
	assert_string_equal(named(&pn, "Gespräch mit JÜRGEN"), "100");
	assert_string_equal(named(&pn, "Blumen für Frau müller"), "100");
	assert_string_equal(named(&pn, "Müllerstraße"), "000");
	assert_string_equal(named(&pn, "özlem hat angerufen"), "010");
	assert_string_equal(named(&pn, "Anna"), "001");
	assert_string_equal(named(&pn, "Dr. Weiß"), "001");
	assert_string_equal(named(&pn, "Dr. Weißer"), "000");
	person_names_free(&pn);

	/* A one-word name counts as a full name only. */
	add(&pn, "Katrin");
	add(&pn, "Katrin Brenner");
	assert_string_equal(named(&pn, "Katrin"), "10");
	assert_string_equal(named(&pn, "Katrin Brenner"), "11");
	assert_string_equal(named(&pn, "Brenner"), "01");
	person_names_free(&pn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(items),
		cmocka_unit_test(attribution),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
