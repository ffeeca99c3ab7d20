/* test_diag.c: diagnostics are shown harmlessly, as one line each, and
 * add up to the exit status.  The tests run in order: the status only
 * grows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static FILE *sink;

static int
setup(void **state)
{
	(void)state;
	sink = tmpfile();
	assert_non_null(sink);
	diag_output(sink);
	progname = "tact-x";
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	diag_output(NULL);
	fclose(sink);
	return 0;
}

/* What was written since the last call (malloc'd). */
static char *
written(void)
{
	struct buf b = {0};
	fflush(sink);
	rewind(sink);
	int c;
	while ((c = getc(sink)) != EOF)
		buf_addc(&b, (char)c);
	rewind(sink);
	if (ftruncate(fileno(sink), 0) != 0)
		fail_msg("ftruncate");
	buf_adds(&b, "");
	return buf_steal(&b);
}

static void
wrote(const char *want)
{
	char *got = written();
	assert_string_equal(got, want);
	free(got);
}

/* A warning's file name and quoted text: control characters, C1 and
 * bidirectional controls and bytes that are not UTF-8 are escaped; a TAB
 * stays; the status does not change. */
static void
warning_shown(void **state)
{
	(void)state;
	diag_warning("x\x1b[2J.md", 3, "bad id '%s'\tskipped",
	    "a\x1b]52;c;ZXZpbA==\x07\xE2\x80\xAE\xC2\x9B\xff");
	wrote("x\\033[2J.md:3: warning: bad id 'a\\033]52;c;ZXZpbA==\\007"
	    "\\u202E\\u009B\\xff'\tskipped\n");
	assert_int_equal(diag_status(), 0);
}

/* An error cannot forge a second line: its LF is escaped. */
static void
error_one_line(void **state)
{
	(void)state;
	diag_error("a\nb.md", 1, "x\ny.md:2: error: %s", "forged");
	wrote("a\\012b.md:1: error: x\\012y.md:2: error: forged\n");
	assert_int_equal(diag_status(), 1);
}

/* Captured lines are escaped as written ones; the status still counts. */
static void
capture_shown(void **state)
{
	(void)state;
	struct buf b = {0};
	diag_capture(&b);
	diag_error("f", 2, "\x1b[31mred");
	diag_fatal("cannot read '%s'", "\x1b[31m");
	diag_capture(NULL);
	wrote("");
	assert_string_equal(b.s, "f:2: error: \\033[31mred\n"
	    "tact-x: cannot read '\\033[31m'\n");
	diag_flush(&b);
	wrote("f:2: error: \\033[31mred\ntact-x: cannot read '\\033[31m'\n");
	buf_free(&b);
	assert_int_equal(diag_status(), 2);
}

/* "PROG: MESSAGE: strerror" is shown by the same rule. */
static void
syserr_shown(void **state)
{
	(void)state;
	errno = ENOENT;
	diag_syserr("cannot read '%s'", "\xE2\x80\xAE" "dm.txt");
	wrote("tact-x: cannot read '\\u202Edm.txt': No such file or "
	    "directory\n");
	diag_problem("unknown client '\x9b'");
	wrote("tact-x: unknown client '\\x9b'\n");
}

/* Quiet: errors and warnings count but show nothing; a file that
 * cannot be read is still reported. */
static void
quiet_input(void **state)
{
	(void)state;
	diag_quiet(true);
	diag_warning("f", 1, "w");
	diag_error("f", 2, "e");
	errno = EIO;
	diag_syserr("cannot read '%s'", "f");
	diag_quiet(false);
	wrote("tact-x: cannot read 'f': Input/output error\n");
	diag_warning("f", 3, "w");
	wrote("f:3: warning: w\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(warning_shown),
		cmocka_unit_test(error_one_line),
		cmocka_unit_test(capture_shown),
		cmocka_unit_test(syserr_shown),
		cmocka_unit_test(quiet_input),
	};
	return cmocka_run_group_tests_name("diag", tests, setup, teardown);
}
