/* Unit tests for util.c, diag.c, hash.c and rx.c: the small foundations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "hash.h"
#include "rx.h"
#include "util.h"

/* buf grows without limit and stays NUL-terminated. */
static void
buf_grows(void **state)
{
	(void)state;
	struct buf b = {0};
	for (int i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	buf_printf(&b, "%d-%s", 42, "end");
	buf_addnum(&b, -1234567890L);
	buf_addnum(&b, 0);
	assert_int_equal(b.len, 10018);
	assert_string_equal(b.s + 10000, "42-end-12345678900");
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	char *s = buf_steal(&b);
	assert_string_equal(s, "");
	assert_null(b.s);
	free(s);
}

/* buf_room: room for what the caller writes, in an empty buffer and in
 * one that must grow. */
static void
buf_room_grows(void **state)
{
	(void)state;
	struct buf b = {0};
	for (size_t n = 0; n < 300; n += 7) {
		char *p = buf_room(&b, n);
		assert_non_null(p);
		assert_true(b.cap > b.len + n);
		memset(p, 'y', n);
		b.len += n;
		b.s[b.len] = '\0';
	}
	assert_int_equal(strspn(b.s, "y"), b.len);
	buf_free(&b);
}

/* Diagnostics: format, capture, flush, and the status they raise. */
static void
diag_lines(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	diag_output(f);
	struct buf cap = {0};
	diag_warning("a.md", 3, "look %s", "here");
	assert_int_equal(diag_status(), 0);
	diag_capture(&cap);
	diag_error("b.md", 7, "bad");
	diag_capture(NULL);
	assert_int_equal(diag_status(), 1);
	fflush(f);
	assert_string_equal(text, "a.md:3: warning: look here\n");
	diag_flush(&cap);
	progname = "tact-x";
	diag_fatal("cannot read '%s'", "c.md");
	assert_int_equal(diag_status(), 2);
	fclose(f);
	diag_output(NULL);
	assert_string_equal(text, "a.md:3: warning: look here\n"
	    "b.md:7: error: bad\ntact-x: cannot read 'c.md'\n");
	free(text);
	buf_free(&cap);
}

/* The hash table keeps every key through growth; clear empties it. */
static void
hash_many(void **state)
{
	(void)state;
	struct hash h = {0};
	char key[32];
	for (long i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%ld", i);
		*hash_put(&h, key) = (void *)(i + 1);
	}
	assert_int_equal(h.len, 5000);
	for (long i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%ld", i);
		assert_ptr_equal(hash_get(&h, key), (void *)(i + 1));
	}
	assert_null(hash_get(&h, "absent"));
	assert_ptr_equal(*hash_put(&h, "k7"), (void *)8);	/* no dup */
	assert_int_equal(h.len, 5000);
	hash_clear(&h);
	assert_int_equal(h.len, 0);
	assert_null(hash_get(&h, "k7"));
	hash_free(&h);
	hash_init(&h, 100);
	assert_true(h.cap >= 200);
	hash_free(&h);
}

/* rx: groups, offsets, and a catastrophic pattern stopped by the limit. */
static void
rx_basic(void **state)
{
	(void)state;
	struct rx rx;
	rx_init(&rx, "(\\d+)-(x)?", 0);
	assert_true(rx_match(&rx, "ab 12-", 6, 0, 0));
	assert_int_equal(rx_ov(&rx)[2], 3);
	assert_int_equal(rx_ov(&rx)[3], 5);
	assert_false(rx_group(&rx, 2));
	assert_false(rx_match(&rx, "ab", 2, 0, 0));
	rx_free(&rx);

	rx_init(&rx, "^(a+)+$", 0);
	char s[64];
	memset(s, 'a', 40);
	s[40] = 'b';
	assert_false(rx_match(&rx, s, 41, 0, 0));	/* returns, no hang */
	rx_free(&rx);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* rx_match of pattern on n 'a's, with the JIT or without (as under
 * valgrind); fails if it takes more than a second. */
static bool
match_as(const char *pattern, size_t n, bool jit)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	memset(s, 'a', n);
	const char *env = getenv("TACT_PCRE2_JIT");
	char *saved = env ? strdup(env) : NULL;
	setenv("TACT_PCRE2_JIT", jit ? "1" : "0", 1);
	struct rx rx;
	rx_init(&rx, pattern, 0);
	if (saved)
		setenv("TACT_PCRE2_JIT", saved, 1);
	else
		unsetenv("TACT_PCRE2_JIT");
	double t0 = now();
	bool m = rx_match(&rx, s, n, 0, 0);
	double t = now() - t0;
	if (t > 1.0)
		fail_msg("'%s' on %zu bytes (jit %d): %.2f s", pattern, n, jit,
		    t);
	rx_free(&rx);
	free(saved);
	free(s);
	return m;
}

/* The limits are ours, not PCRE2's defaults (10 million steps, a depth
 * as deep as the heap allows): a match that needs more backtracking or
 * nesting is none.  Pathological patterns on long subjects return
 * quickly, with the JIT and without. */
static void
rx_limits(void **state)
{
	(void)state;
	for (int jit = 0; jit < 2; jit++) {
		/* some 100000 steps fail the first branch: no match */
		assert_true(match_as("^(?:(a|aa)+c|a+$)", 10, jit));
		assert_false(match_as("^(?:(a|aa)+c|a+$)", 24, jit));
		assert_false(match_as("^(a+)+$b", 100000, jit));
		assert_false(match_as("^(a|aa)*$b", 100000, jit));
		assert_false(match_as("(a*)*b", 100000, jit));
	}
	/* a group a character nests 1000 deep at most (the JIT has its own
	 * stack limit) */
	assert_true(match_as("^(?:(a)|b)*$", 100, false));
	assert_false(match_as("^(?:(a)|b)*$", 2000, false));
}

/* arena_copy: bytes at any place, NULs and all; one larger than a
 * block; none. */
static void
arena_copy_bytes(void **state)
{
	(void)state;
	struct arena a = {0};
	char *x = arena_copy(&a, "a\0b", 3);
	char *y = arena_copy(&a, "\1c\0", 3);
	assert_memory_equal(x, "a\0b", 3);
	assert_memory_equal(y, "\1c\0", 3);
	assert_ptr_equal(y, x + 3);	/* unaligned, one after the other */
	size_t n = 200 * 1024;
	char *big = xmalloc(n);
	memset(big, 'z', n);
	char *z = arena_copy(&a, big, n);
	assert_memory_equal(z, big, n);
	assert_non_null(arena_copy(&a, NULL, 0));
	assert_memory_equal(x, "a\0b", 3);
	free(big);
	arena_free(&a);
}

/* arena_alloc_align: at a multiple of the alignment asked, right after
 * what came before when that is one. */
static void
arena_align(void **state)
{
	(void)state;
	struct arena a = {0};
	char *x = arena_copy(&a, "abc", 3);
	uint64_t *y = arena_alloc_align(&a, 24, _Alignof(uint64_t));
	assert_int_equal((uintptr_t)y % _Alignof(uint64_t), 0);
	assert_true((char *)y >= x + 3 && (char *)y < x + 3 + 8);
	char *z = arena_alloc_align(&a, 8, 8);
	assert_ptr_equal(z, (char *)(y + 3));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_grows),
		cmocka_unit_test(buf_room_grows),
		cmocka_unit_test(diag_lines),
		cmocka_unit_test(hash_many),
		cmocka_unit_test(rx_basic),
		cmocka_unit_test(rx_limits),
		cmocka_unit_test(arena_copy_bytes),
		cmocka_unit_test(arena_align),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
