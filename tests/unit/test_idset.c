/* test_idset.c: the set of client ids and their first places. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "idset.h"

/* An id met twice keeps its first place; another is new. */
static void
first_place(void **state)
{
	(void)state;
	struct idset s = {0};
	struct idset_place at = {3, 14};
	assert_false(idset_get(&s, "acme", NULL));
	assert_false(idset_put(&s, "acme", &at));
	at = (struct idset_place){7, 99};
	assert_true(idset_put(&s, "acme", &at));
	assert_int_equal(at.file, 3);
	assert_int_equal(at.line, 14);
	at = (struct idset_place){7, 99};
	assert_false(idset_put(&s, "acme-gmbh", &at));
	assert_true(idset_get(&s, "acme-gmbh", &at));
	assert_int_equal(at.file, 7);
	assert_int_equal(at.line, 99);
	assert_true(idset_get(&s, "acme", NULL));
	assert_false(idset_get(&s, "acm", NULL));
	assert_false(idset_get(&s, "", NULL));
	idset_free(&s);
}

/* The file of each id, when files come back (a person's own note is
 * handed on at the end): each keeps its own. */
static void
files_again(void **state)
{
	(void)state;
	struct idset s = {0};
	static const size_t file[] = { 5, 5, 2, 2, 5, 0, 9, 9 };
	char id[16];
	for (size_t i = 0; i < sizeof file / sizeof *file; i++) {
		snprintf(id, sizeof id, "c%zu", i);
		struct idset_place at = {file[i], (long)i + 1};
		assert_false(idset_put(&s, id, &at));
	}
	for (size_t i = 0; i < sizeof file / sizeof *file; i++) {
		struct idset_place at;
		snprintf(id, sizeof id, "c%zu", i);
		assert_true(idset_get(&s, id, &at));
		assert_int_equal(at.file, file[i]);
		assert_int_equal(at.line, i + 1);
	}
	idset_free(&s);
}

/* Many ids, through many times the table grows, with places of every
 * size (a line beyond 32 bits, the empty id); each is found again. */
static void
many(void **state)
{
	(void)state;
	struct idset s = {0};
	char id[32];
	enum { N = 200000 };
	for (long i = 0; i < N; i++) {
		snprintf(id, sizeof id, "client-%ld", i * 7919 % N);
		struct idset_place at = {(size_t)i / 1000, i * 100003L};
		assert_false(idset_put(&s, id, &at));
	}
	struct idset_place at = {1, 1};
	assert_false(idset_put(&s, "", &at));
	for (long i = 0; i < N; i++) {
		snprintf(id, sizeof id, "client-%ld", i * 7919 % N);
		at = (struct idset_place){0, 0};
		assert_true(idset_put(&s, id, &at));
		assert_int_equal(at.file, (size_t)i / 1000);
		assert_int_equal(at.line, i * 100003L);
	}
	assert_true(idset_get(&s, "", &at));
	assert_int_equal(at.line, 1);
	assert_false(idset_get(&s, "client-200000", NULL));
	assert_int_equal(s.n, N + 1);
	idset_free(&s);
	assert_false(idset_get(&s, "client-1", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_place),
		cmocka_unit_test(files_again),
		cmocka_unit_test(many),
	};
	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
