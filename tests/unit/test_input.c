/* test_input.c: input_each over files, directory trees and stdin. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"

/* The tests run in a scratch directory holding this tree under "t":
 *   a.md a-c.md a/b.md a/.hid.md a/deep/er/x.md .hidden.md .git/x.md
 *   notes.txt README.MD x.md.bak dir.md/y.md link.md -> a.md
 *   linkdir -> a   fifo.md (a FIFO)   empty/ */
static char scratch[] = "/tmp/tact-test-input-XXXXXX";
static char *oldcwd;

static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
		fail_msg("cannot write %s", path);
}

static int
setup(void **state)
{
	(void)state;
	oldcwd = getcwd(NULL, 0);
	if (!oldcwd || !mkdtemp(scratch) || chdir(scratch) != 0)
		return -1;
	static const char *const dirs[] = {
		"t", "t/a", "t/a/deep", "t/a/deep/er", "t/.git", "t/dir.md",
		"t/empty",
	};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (mkdir(dirs[i], 0777) != 0)
			return -1;
	put("t/a.md", "A\n");
	put("t/a-c.md", "AC\n");
	put("t/a/b.md", "B\n");
	put("t/a/.hid.md", "hidden\n");
	put("t/a/deep/er/x.md", "X");
	put("t/.hidden.md", "hidden\n");
	put("t/.git/x.md", "hidden\n");
	put("t/notes.txt", "TXT\n");
	put("t/README.MD", "upper\n");
	put("t/x.md.bak", "bak\n");
	put("t/dir.md/y.md", "Y\n");
	if (symlink("a.md", "t/link.md") != 0 ||
	    symlink("a", "t/linkdir") != 0 ||
	    mkfifo("t/fifo.md", 0666) != 0)
		return -1;
	return 0;
}

static void
rm_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *dp = opendir(path);
		struct dirent *de;
		while (dp && (de = readdir(dp))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			struct buf b = {0};
			buf_printf(&b, "%s/%s", path, de->d_name);
			rm_tree(b.s);
			buf_free(&b);
		}
		if (dp)
			closedir(dp);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int
teardown(void **state)
{
	(void)state;
	if (chdir(oldcwd) != 0)
		return -1;
	rm_tree(scratch);
	free(oldcwd);
	return 0;
}

/* The callback: note "NAME|first line" (or "NAME|(eof)"). */
static void
visit(FILE *fp, const char *name, void *ctx)
{
	struct buf *out = ctx;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, fp);
	if (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	buf_printf(out, "%s|%s\n", name, n >= 0 ? line : "(eof)");
	free(line);
}

/* Standard error is sent to a temporary file while fn runs. */
struct run {
	struct buf out;
	char *err;
};

static struct run
run_input_x(int argc, char *const argv[], bool dirs,
	    const struct input_exclude *ex)
{
	struct run r = {{0}, NULL};
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	fflush(stderr);
	int saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	if (ex)
		input_each_x(argc, argv, dirs, ex, visit, &r.out);
	else
		input_each(argc, argv, dirs, visit, &r.out);
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	rewind(tmp);
	struct buf err = {0};
	char chunk[256];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, tmp)) > 0)
		buf_add(&err, chunk, n);
	fclose(tmp);
	r.err = buf_steal(&err);
	if (!r.out.s)
		buf_adds(&r.out, "");
	return r;
}

static struct run
run_input(int argc, char *const argv[], bool dirs)
{
	return run_input_x(argc, argv, dirs, NULL);
}

static void
check_run(int argc, char *const argv[], bool dirs, const char *want_out,
	  const char *want_err)
{
	struct run r = run_input(argc, argv, dirs);
	assert_string_equal(r.out.s, want_out);
	assert_string_equal(r.err, want_err);
	buf_free(&r.out);
	free(r.err);
}

/* A directory yields its *.md files, recursively, hidden ones, other
 * names, FIFOs and linked directories left out, in byte order of the
 * whole path ("a-c.md" < "a.md" < "a/b.md"); linked files are read. */
static void
walk_tree(void **state)
{
	(void)state;
	char *argv[] = {"t"};
	check_run(1, argv, true,
		"t/a-c.md|AC\n"
		"t/a.md|A\n"
		"t/a/b.md|B\n"
		"t/a/deep/er/x.md|X\n"
		"t/dir.md/y.md|Y\n"
		"t/link.md|A\n", "");
	assert_int_equal(diag_status(), 0);
}

/* -x leaves out folders and files by name or by path below the
 * directory argument, and file arguments by name. */
static void
walk_excluded(void **state)
{
	(void)state;
	char *argv[] = {"t", "t/a.md"};
	char *pat[] = {"deep", "a-*.md", "dir.md/y.md", "link.md"};
	struct input_exclude ex = {pat, 4};
	struct run r = run_input_x(2, argv, true, &ex);
	assert_string_equal(r.out.s,
		"t/a.md|A\n"
		"t/a/b.md|B\n"
		"t/a.md|A\n");
	assert_string_equal(r.err, "");
	buf_free(&r.out);
	free(r.err);
	char *pat2[] = {"a"};
	struct input_exclude ex2 = {pat2, 1};
	r = run_input_x(1, argv, true, &ex2);
	assert_string_equal(r.out.s,
		"t/a-c.md|AC\n"
		"t/a.md|A\n"
		"t/dir.md/y.md|Y\n"
		"t/link.md|A\n");
	buf_free(&r.out);
	free(r.err);
}

/* A trailing '/' on a directory argument is not doubled; a deeper
 * directory argument and an empty one work the same way. */
static void
walk_trailing_slash(void **state)
{
	(void)state;
	char *argv[] = {"t/a/", "t/empty", "t/a/deep"};
	check_run(3, argv, true,
		"t/a/b.md|B\n"
		"t/a/deep/er/x.md|X\n"
		"t/a/deep/er/x.md|X\n", "");
	assert_int_equal(diag_status(), 0);
}

/* File arguments are read in the order given, whatever their names;
 * directory arguments keep their place among them. */
static void
files_in_order(void **state)
{
	(void)state;
	char *argv[] = {"t/notes.txt", "t/a.md", "t/dir.md", "t/.hidden.md",
			"t/a-c.md"};
	check_run(5, argv, true,
		"t/notes.txt|TXT\n"
		"t/a.md|A\n"
		"t/dir.md/y.md|Y\n"
		"t/.hidden.md|hidden\n"
		"t/a-c.md|AC\n", "");
	assert_int_equal(diag_status(), 0);
}

/* No arguments, or "-", mean standard input, named "-". */
static void
standard_input(void **state)
{
	(void)state;
	assert_non_null(freopen("t/a-c.md", "r", stdin));
	check_run(0, NULL, false, "-|AC\n", "");
	char *argv[] = {"t/a.md", "-"};
	check_run(2, argv, false, "t/a.md|A\n-|(eof)\n", "");
	assert_int_equal(diag_status(), 0);
}

/* A directory where directories are not allowed is a read error. */
static void
directory_refused(void **state)
{
	(void)state;
	char *argv[] = {"t/a", "t/a.md"};
	check_run(2, argv, false, "t/a.md|A\n",
		  "tact: cannot read 't/a': Is a directory\n");
	assert_int_equal(diag_status(), 2);
}

/* A missing file is reported (status 2) and the others are still read. */
static void
missing_file(void **state)
{
	(void)state;
	char *argv[] = {"t/a.md", "t/missing.md", "t/nodir", "t/a-c.md"};
	check_run(4, argv, true, "t/a.md|A\nt/a-c.md|AC\n",
		  "tact: cannot read 't/missing.md': No such file or "
		  "directory\n"
		  "tact: cannot read 't/nodir': No such file or directory\n");
	assert_int_equal(diag_status(), 2);
}

/* A dangling "*.md" link below a directory is reported; the walk goes on
 * (dangling links with other names are ignored). */
static void
dangling_link(void **state)
{
	(void)state;
	assert_int_equal(symlink("nowhere", "t/a/gone.md"), 0);
	assert_int_equal(symlink("nowhere", "t/a/gone.txt"), 0);
	char *argv[] = {"t/a"};
	check_run(1, argv, true, "t/a/b.md|B\nt/a/deep/er/x.md|X\n",
		  "tact: cannot read 't/a/gone.md': No such file or "
		  "directory\n");
	unlink("t/a/gone.md");
	unlink("t/a/gone.txt");
}

/* The callback: fail a write on the input, which sets its error flag. */
static void
break_stream(FILE *fp, const char *name, void *ctx)
{
	struct buf *out = ctx;
	buf_printf(out, "%s|%s\n", name, fputc('x', fp) == EOF ? "failed" : "");
}

/* An error on the stream while fn ran is reported after fn returns, and
 * the next input is still read. */
static void
read_error_after_fn(void **state)
{
	(void)state;
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	fflush(stderr);
	int saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	struct buf out = {0};
	char *argv[] = {"t/a.md", "t/a-c.md"};
	input_each(2, argv, false, break_stream, &out);
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	assert_string_equal(out.s, "t/a.md|failed\nt/a-c.md|failed\n");
	rewind(tmp);
	char *line = NULL;
	size_t cap = 0;
	assert_true(getline(&line, &cap, tmp) > 0);
	assert_true(strncmp(line, "tact: cannot read 't/a.md': ", 28) == 0);
	assert_true(getline(&line, &cap, tmp) > 0);
	assert_true(strncmp(line, "tact: cannot read 't/a-c.md': ", 30) == 0);
	assert_true(getline(&line, &cap, tmp) < 0);
	free(line);
	fclose(tmp);
	buf_free(&out);
	assert_int_equal(diag_status(), 2);
}

/* A subdirectory that cannot be opened is reported and the walk goes on
 * (skipped as root, who can open it anyway). */
static void
unreadable_subdir(void **state)
{
	(void)state;
	if (geteuid() == 0)
		skip();
	assert_int_equal(chmod("t/a/deep", 0), 0);
	char *argv[] = {"t/a"};
	struct run r = run_input(1, argv, true);
	assert_int_equal(chmod("t/a/deep", 0755), 0);
	assert_string_equal(r.out.s, "t/a/b.md|B\n");
	assert_string_equal(r.err, "tact: cannot read 't/a/deep': "
			    "Permission denied\n");
	buf_free(&r.out);
	free(r.err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_tree),
		cmocka_unit_test(walk_trailing_slash),
		cmocka_unit_test(walk_excluded),
		cmocka_unit_test(files_in_order),
		cmocka_unit_test(standard_input),
		cmocka_unit_test(directory_refused),
		cmocka_unit_test(missing_file),
		cmocka_unit_test(dangling_link),
		cmocka_unit_test(read_error_after_fn),
		cmocka_unit_test(unreadable_subdir),
	};
	return cmocka_run_group_tests_name("input", tests, setup, teardown);
}
