/* Unit tests for hash.c beyond the basics of test_util.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "hash.h"

/* Dropping the slots keeps the kept keys; the table is then empty and
 * can be filled again. */
static void
drop_slots_keeps_keys(void **state)
{
	(void)state;
	struct hash h = {0};
	const char *kept[1000];
	char key[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "client-%d", i);
		*hash_put_kept(&h, key, &kept[i]) = (void *)(intptr_t)(i + 1);
	}
	hash_drop_slots(&h);
	assert_int_equal(h.len, 0);
	assert_null(hash_get(&h, "client-7"));
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "client-%d", i);
		assert_string_equal(kept[i], key);
	}
	*hash_put(&h, "client-7") = (void *)1;
	assert_ptr_equal(hash_get(&h, "client-7"), (void *)1);
	assert_string_equal(kept[7], "client-7");
	hash_drop_slots(&h);
	hash_drop_slots(&h);	/* twice: nothing to free */
	hash_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drop_slots_keeps_keys),
	};
	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
