/* test_lines.c: the line reader: lines in place, the line limit, inputs
 * that are no text, read errors.  The tests run in order: the exit
 * status only grows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lines.h"

/* Read the stream fp named "t" with the limit max (0: the default):
 * "LINE|text" a line (a NUL shown as '@'), then "--" and the
 * diagnostics.  *failed tells whether the input failed.  Malloc'd. */
static char *
read_lines(FILE *fp, size_t max, bool *failed)
{
	FILE *err = tmpfile();
	assert_non_null(err);
	diag_output(err);
	struct lines l;
	lines_init(&l, fp, "t");
	if (max)
		lines_limit(&l, max);
	struct buf out = {0};
	char *s;
	size_t n;
	while ((s = lines_next(&l, &n))) {
		assert_int_equal(s[n], '\0');
		for (size_t i = 0; i < n; i++)
			if (!s[i])
				s[i] = '@';
		buf_printf(&out, "%ld|%s\n", l.lineno, s);
	}
	*failed = l.failed;
	assert_null(lines_next(&l, &n));	/* and it stays at the end */
	lines_free(&l);
	diag_output(NULL);
	rewind(err);
	int c;
	bool first = true;
	while ((c = getc(err)) != EOF) {
		if (first)
			buf_adds(&out, "--\n");
		first = false;
		buf_addc(&out, (char)c);
	}
	fclose(err);
	return buf_steal(&out);
}

/* The lines of in[0..n) with the limit max, compared with want. */
static void
check(const char *in, size_t n, size_t max, const char *want, bool failed)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(fwrite(in, 1, n, fp), n);
	rewind(fp);
	bool f;
	char *got = read_lines(fp, max, &f);
	assert_string_equal(got, want);
	assert_int_equal(f, failed);
	assert_false(ferror(fp));
	free(got);
	fclose(fp);
}

#define CHECK(in, max, want, failed) check(in, sizeof(in) - 1, max, want, \
	failed)

/* Lines with their numbers; a CR, a NUL and a last line without '\n'
 * are kept as they are. */
static void
plain_lines(void **state)
{
	(void)state;
	CHECK("", 0, "", false);
	CHECK("\n", 0, "1|\n", false);
	CHECK("a\r\n\nb\0c\nlast", 0, "1|a\r\n2|\n3|b@c\n4|last\n", false);
	assert_int_equal(diag_status(), 0);
}

/* A line of the limit is read; one byte more is an error at its line,
 * and the lines after it are still read with their own numbers. */
static void
limit_skips(void **state)
{
	(void)state;
	CHECK("abcd\nabcde\nx\nabcdefgh", 4,
	    "1|abcd\n3|x\n--\nt:2: error: line longer than 4 bytes; skipped\n"
	    "t:4: error: line longer than 4 bytes; skipped\n", false);
	CHECK("ab\n", 1, "--\nt:1: error: line longer than 1 byte; "
	    "skipped\n", false);
	assert_int_equal(diag_status(), 1);
}

/* A line far longer than the buffer is read past, block by block, not
 * held; a line of 3 MiB against a limit of 2 MiB says "2 MiB". */
static void
limit_long_line(void **state)
{
	(void)state;
	size_t big = 3u << 20;
	char *in = malloc(big + 8);
	assert_non_null(in);
	memset(in, 'x', big);
	memcpy(in + big, "\nafter\n", 7);
	check(in, big + 7, 2u << 20, "2|after\n--\nt:1: error: line longer "
	    "than 2 MiB; skipped\n", false);
	check(in, big + 7, 100, "2|after\n--\nt:1: error: line longer than "
	    "100 bytes; skipped\n", false);
	in[big] = 'x';		/* no line end at all */
	check(in, big + 7, 100, "--\nt:1: error: line longer than 100 "
	    "bytes; skipped\n", false);
	free(in);
}

/* A line over the limit with a NUL byte in it is no text: the input ends
 * there, status 2.  A NUL beyond the limit does not count. */
static void
limit_binary(void **state)
{
	(void)state;
	CHECK("ok\nab\0cdefgh\nnot read\n", 4, "1|ok\n--\ntact: cannot read "
	    "'t': not a text file (NUL bytes, and no line end within 4 "
	    "bytes)\n", true);
	CHECK("ok\nabcde\0\nread\n", 4, "1|ok\n3|read\n--\nt:2: error: line "
	    "longer than 4 bytes; skipped\n", false);
	assert_int_equal(diag_status(), 2);
}

/* /dev/zero ends at once, in the memory of the limit. */
static void
dev_zero(void **state)
{
	(void)state;
	FILE *fp = fopen("/dev/zero", "r");
	if (!fp)
		skip();
	bool failed;
	char *got = read_lines(fp, 1000, &failed);
	assert_string_equal(got, "--\ntact: cannot read 't': not a text file "
	    "(NUL bytes, and no line end within 1000 bytes)\n");
	assert_true(failed);
	free(got);
	fclose(fp);
}

/* A read error (a directory read as a file) ends the input with its
 * message, once: the stream's error flag is cleared. */
static void
read_error(void **state)
{
	(void)state;
	FILE *fp = fopen(".", "r");
	if (!fp)
		skip();
	bool failed;
	char *got = read_lines(fp, 0, &failed);
	assert_string_equal(got, "--\ntact: cannot read 't': Is a directory\n");
	assert_true(failed);
	assert_false(ferror(fp));
	free(got);
	fclose(fp);
}

/* lines_reuse starts the numbers again and keeps the limit. */
static void
reuse(void **state)
{
	(void)state;
	FILE *a = tmpfile(), *b = tmpfile();
	assert_non_null(a);
	assert_non_null(b);
	fputs("1\n2\n", a);
	fputs("three\n3\n", b);
	rewind(a);
	rewind(b);
	struct lines l;
	size_t n;
	lines_init(&l, a, "a");
	lines_limit(&l, 3);
	assert_string_equal(lines_next(&l, &n), "1");
	assert_string_equal(lines_next(&l, &n), "2");
	assert_null(lines_next(&l, &n));
	FILE *err = tmpfile();
	assert_non_null(err);
	diag_output(err);
	lines_reuse(&l, b, "b");
	assert_string_equal(lines_next(&l, &n), "3");
	assert_int_equal(l.lineno, 2);
	diag_output(NULL);
	lines_free(&l);
	fclose(err);
	fclose(a);
	fclose(b);
}

/* Lines across many blocks: each comes back whole and numbered, those
 * cut by a block's end too (a line whole in the buffer takes a shorter
 * way than one that needs more of the input). */
static void
many_blocks(void **state)
{
	(void)state;
	static const char text[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	FILE *fp = tmpfile();
	assert_non_null(fp);
	for (int i = 0; i < 60000; i++)
		fprintf(fp, "%d %.*s\n", i, i % 37, text);
	rewind(fp);
	struct lines l;
	lines_init(&l, fp, "t");
	char *s, want[64];
	size_t n;
	for (int i = 0; i < 60000; i++) {
		s = lines_next(&l, &n);
		assert_non_null(s);
		snprintf(want, sizeof want, "%d %.*s", i, i % 37, text);
		assert_string_equal(s, want);
		assert_int_equal(n, strlen(want));
		assert_int_equal(l.lineno, i + 1);
	}
	assert_null(lines_next(&l, &n));
	assert_false(l.failed);
	lines_free(&l);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_lines),
		cmocka_unit_test(limit_skips),
		cmocka_unit_test(limit_long_line),
		cmocka_unit_test(limit_binary),
		cmocka_unit_test(dev_zero),
		cmocka_unit_test(read_error),
		cmocka_unit_test(reuse),
		cmocka_unit_test(many_blocks),
	};
	return cmocka_run_group_tests_name("lines", tests, NULL, NULL);
}
