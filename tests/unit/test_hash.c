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
	/* get finds as put does, and adds nothing */
	assert_int_equal(hash_index_get(&x, "id-123", item_key, &it), 123);
	assert_int_equal(hash_index_get(&x, "id-200", item_key, &it), 200);
	assert_int_equal(hash_index_get(&x, "id-201", item_key, &it),
	    SIZE_MAX);
	assert_int_equal(x.len, 201);
	hash_index_free(&x);
	assert_null(x.slot);
	assert_int_equal(hash_index_get(&x, "id-1", item_key, &it), SIZE_MAX);
}

/* A presized index holds what it was sized for without growing, and
 * grows past it. */
static void
index_init_presizes(void **state)
{
	(void)state;
	static struct items it;
	struct hash_index x;
	hash_index_init(&x, 100);
	size_t cap = x.cap;
	assert_true(cap >= 200);
	for (size_t i = 0; i < 150; i++) {
		snprintf(it.key[i], sizeof it.key[0], "r-%zu", i);
		assert_int_equal(hash_index_put(&x, it.key[i], i, item_key,
		    &it), i);
		if (i < 100)
			assert_int_equal(x.cap, cap);
	}
	assert_int_equal(hash_index_put(&x, "r-42", 150, item_key, &it), 42);
	assert_int_equal(x.len, 150);
	hash_index_free(&x);
	hash_index_init(&x, 0);
	assert_int_equal(x.cap, 16);
	hash_index_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drop_slots_keeps_keys),
		cmocka_unit_test(index_finds_items),
		cmocka_unit_test(index_init_presizes),
	};
	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
