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

struct items {
	char key[300][16];
	size_t n;
};

static const char *
item_key(const void *ctx, size_t i)
{
	return ((const struct items *)ctx)->key[i];
}

/* An index finds each item by its key through growth and adds the
 * absent with the number it is given. */
static void
index_finds_items(void **state)
{
	(void)state;
	static struct items it;
	struct hash_index x = {0};
	for (size_t i = 0; i < 300; i++) {
		snprintf(it.key[it.n], sizeof it.key[0], "id-%zu", i % 200);
		size_t k = hash_index_put(&x, it.key[it.n], it.n, item_key,
		    &it);
		if (i < 200) {
			assert_int_equal(k, it.n);	/* new */
			it.n++;
		} else {
			assert_int_equal(k, i % 200);	/* met before */
		}
	}
	assert_int_equal(x.len, 200);
	assert_int_equal(hash_index_put(&x, "id-123", it.n, item_key, &it),
	    123);
	snprintf(it.key[it.n], sizeof it.key[0], "id-200");
	assert_int_equal(hash_index_put(&x, it.key[it.n], it.n, item_key,
	    &it), 200);
	assert_int_equal(x.len, 201);
	hash_index_free(&x);
	assert_null(x.slot);
}

/* A shared key is the caller's own string, found as a kept one is, and
 * the two kinds live in one table. */
static void
shared_keys_are_not_copied(void **state)
{
	(void)state;
	static char keys[100][16];
	struct hash h = {0};
	for (int i = 0; i < 100; i++) {
		snprintf(keys[i], sizeof keys[i], "c-%d", i);
		void **slot = i % 2 ? hash_put_shared(&h, keys[i]) :
		    hash_put(&h, keys[i]);
		assert_null(*slot);
		*slot = keys[i];
	}
	assert_int_equal(h.len, 100);
	const char *kept;
	assert_ptr_equal(*hash_put_kept(&h, "c-7", &kept), keys[7]);
	assert_ptr_equal(kept, keys[7]);	/* the caller's, not a copy */
	assert_ptr_equal(*hash_put_kept(&h, "c-8", &kept), keys[8]);
	assert_ptr_not_equal(kept, keys[8]);	/* a copy */
	assert_string_equal(kept, "c-8");
	assert_ptr_equal(*hash_put_shared(&h, "c-9"), keys[9]);
	assert_ptr_equal(hash_get(&h, "c-42"), keys[42]);
	assert_null(hash_get(&h, "c-100"));
	assert_int_equal(h.len, 100);
	hash_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drop_slots_keeps_keys),
		cmocka_unit_test(index_finds_items),
		cmocka_unit_test(shared_keys_are_not_copied),
	};
	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
