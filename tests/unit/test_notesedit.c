/* Unit tests for tact-done's library: the entry line, where it goes, the
 * insertion, finding the client, and the locked atomic rewrite with its
 * failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "notesedit.h"
#include "rewrite.h"

static char dir[] = "/tmp/test_notesedit.XXXXXX";
static const struct date day = { 2026, 11, 27 };

/* dir/name, in a static buffer that the next call reuses. */
static const char *
path(const char *name)
{
	static struct buf b;
	if (!name) {
		buf_free(&b);
		return NULL;
	}
	buf_reset(&b);
	buf_printf(&b, "%s/%s", dir, name);
	return b.s;
}

static void
put_file(const char *name, const char *text)
{
	FILE *fp = fopen(path(name), "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* The file's content (malloc'd). */
static char *
get_file(const char *name)
{
	FILE *fp = fopen(path(name), "r");
	assert_non_null(fp);
	struct buf b = {0};
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, got);
	fclose(fp);
	return buf_steal(&b);
}

/* The number of entries in dir: no temporary file left behind. */
static int
count_dir(void)
{
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(dp)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	DIR *dp = opendir(dir);
	struct dirent *de;
	while (dp && (de = readdir(dp)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			unlink(path(de->d_name));
	if (dp)
		closedir(dp);
	rmdir(dir);
	path(NULL);
	return 0;
}

/* Run tact-done's logic on dir/name; returns the status. */
static int
done(const char *name, const char *client, const char *occ,
     const char *text, struct notesedit_result *res)
{
	char *p = xstrdup(path(name));
	char *paths[] = { p };
	struct notesedit_req rq = {
		.paths = paths, .npaths = 1, .client = client,
		.occasion = occ, .text = text, .date = day,
	};
	int st = notesedit_done(&rq, res);
	free(p);
	return st;
}

/* Occasion names: [a-z0-9-]+ with a letter first, to be a tag. */
static void
occasion_names(void **state)
{
	(void)state;
	assert_null(notesedit_occasion_problem("christmas"));
	assert_null(notesedit_occasion_problem("stay-in-touch2"));
	assert_non_null(notesedit_occasion_problem(""));
	assert_non_null(notesedit_occasion_problem("Christmas"));
	assert_non_null(notesedit_occasion_problem("a_b"));
	assert_non_null(notesedit_occasion_problem("2027-fair"));
	assert_non_null(notesedit_occasion_problem("-x"));
}

/* The line: text trimmed, tag appended once, amount kept. */
static void
entry_line(void **state)
{
	(void)state;
	static const struct {
		const char *text, *line, *parsed;
	} t[] = {
		{ "", "- 2026-11-27: #xmas", "#xmas" },
		{ "  sent card ", "- 2026-11-27: sent card #xmas",
		  "sent card #xmas" },
		{ "book 24,90 €", "- 2026-11-27: book 24,90 € #xmas",
		  "book 24,90 € #xmas" },
		{ "#Xmas card", "- 2026-11-27: #Xmas card", "#Xmas card" },
		{ "a#xmas", "- 2026-11-27: a#xmas #xmas", "a#xmas #xmas" },
		{ "- dash", "- 2026-11-27: - dash #xmas", "dash #xmas" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *parsed;
		const char *why = NULL;
		char *line = notesedit_line(day, t[i].text, "xmas", &parsed,
		    &why);
		assert_non_null(line);
		assert_string_equal(line, t[i].line);
		assert_string_equal(parsed, t[i].parsed);
		free(line);
		free(parsed);
	}
}

/* Text that cannot be one entry with its tag is refused. */
static void
entry_line_refused(void **state)
{
	(void)state;
	const char *bad[] = { "a\nb", "a\rb", "bad \xff byte",
	    "hidden <!-- comment" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *parsed;
		const char *why = NULL;
		assert_null(notesedit_line(day, bad[i], "xmas", &parsed,
		    &why));
		assert_null(parsed);
		assert_non_null(why);
	}
}

/* The line end of the first line decides. */
static void
line_ends(void **state)
{
	(void)state;
	assert_string_equal(notesedit_eol("a\r\nb\n", 5), "\r\n");
	assert_string_equal(notesedit_eol("a\nb\r\n", 5), "\n");
	assert_string_equal(notesedit_eol("abc", 3), "\n");
	assert_string_equal(notesedit_eol("", 0), "\n");
	assert_string_equal(notesedit_eol("\r\n", 2), "\r\n");
}

/* Where: after the last item, else the last non-blank line, else EOF. */
static void
where(void **state)
{
	(void)state;
	const char *s = "# A\n- x\n  more\n\npara\n\n# B\n";
	size_t n = strlen(s);
	assert_int_equal(notesedit_where(s, n, 1, 3, 6), 15);
	assert_int_equal(notesedit_where(s, n, 1, 0, 6), 21); /* after para */
	assert_int_equal(notesedit_where(s, n, 7, 0, 7), n);
	assert_int_equal(notesedit_where(s, n, 0, 0, 7), n);
	const char *t = "# A\r\n\r\n \t\r\n# B";
	assert_int_equal(notesedit_where(t, strlen(t), 1, 0, 3), 5);
	assert_int_equal(notesedit_where(t, strlen(t), 4, 0, 4), strlen(t));
	const char *u = "- a";
	assert_int_equal(notesedit_where(u, 3, 0, 1, 1), 3);
}

/* Insertion: in the middle, at the end, without a final line end. */
static void
insert(void **state)
{
	(void)state;
	struct buf b = {0};
	assert_int_equal(notesedit_insert(&b, "a\nb\n", 4, 2, "N", "\n"), 2);
	assert_string_equal(b.s, "a\nN\nb\n");
	buf_reset(&b);
	assert_int_equal(notesedit_insert(&b, "a\nb\n", 4, 4, "N", "\n"), 3);
	assert_string_equal(b.s, "a\nb\nN\n");
	buf_reset(&b);
	assert_int_equal(notesedit_insert(&b, "a\nb", 3, 3, "N", "\n"), 3);
	assert_string_equal(b.s, "a\nb\nN");
	buf_reset(&b);
	assert_int_equal(notesedit_insert(&b, "a\r\nb", 4, 3, "N", "\r\n"),
	    2);
	assert_string_equal(b.s, "a\r\nN\r\nb");
	buf_reset(&b);
	assert_int_equal(notesedit_insert(&b, "", 0, 0, "N", "\n"), 1);
	assert_string_equal(b.s, "N\n");
	buf_free(&b);
}

/* The whole run: added after the last item of the last section. */
static void
done_adds(void **state)
{
	(void)state;
	put_file("a.md", "# Acme\n- 2026-01-01: a\n\n# Beta\n- x: y\n"
	    "# Acme\n- 2026-02-02: b\n\ntext\n");
	struct notesedit_result res;
	assert_int_equal(done("a.md", "acme", "xmas", "card", &res), 0);
	assert_true(res.added);
	assert_int_equal(res.line, 8);
	assert_string_equal(res.entry, "- 2026-11-27: card #xmas");
	notesedit_result_free(&res);
	char *s = get_file("a.md");
	assert_string_equal(s, "# Acme\n- 2026-01-01: a\n\n# Beta\n- x: y\n"
	    "# Acme\n- 2026-02-02: b\n- 2026-11-27: card #xmas\n\ntext\n");
	free(s);

	/* Again: nothing added, the entry's place reported. */
	assert_int_equal(done("a.md", "Acme", "xmas", " card", &res), 0);
	assert_false(res.added);
	assert_int_equal(res.line, 8);
	notesedit_result_free(&res);
	s = get_file("a.md");
	assert_non_null(strstr(s, "#xmas\n\ntext"));
	assert_null(strstr(strstr(s, "#xmas") + 1, "#xmas"));
	free(s);
	assert_int_equal(count_dir(), 1);
	unlink(path("a.md"));
}

/* Finding the client: id, slug, display name (ASCII and Latin-1 case),
 * unknown and ambiguous ones. */
static void
done_clients(void **state)
{
	(void)state;
	const char *text = "# Ärzte Bund\n- id: aerzte\n"
	    "# Anna Schmidt\n- id: schmidt-a\n"
	    "# ANNA SCHMIDT\n- id: schmidt-b\n"
	    "# Müller GmbH\n";
	put_file("c.md", text);
	struct notesedit_result res;
	assert_int_equal(done("c.md", "ärzte BUND", "call", "", &res), 0);
	assert_int_equal(res.line, 3);
	notesedit_result_free(&res);
	assert_int_equal(done("c.md", "MÜLLER gmbh", "call", "", &res), 0);
	assert_int_equal(res.line, 9);
	notesedit_result_free(&res);
	assert_int_equal(done("c.md", "schmidt-b", "call", "", &res), 0);
	assert_int_equal(res.line, 8);
	notesedit_result_free(&res);
	char *before = get_file("c.md");
	assert_int_equal(done("c.md", "Anna Schmidt", "call", "", &res), 1);
	notesedit_result_free(&res);
	assert_int_equal(done("c.md", "nobody", "call", "", &res), 1);
	notesedit_result_free(&res);
	assert_int_equal(done("c.md", "aerzte", "1call", "", &res), 2);
	notesedit_result_free(&res);
	char *after = get_file("c.md");
	assert_string_equal(before, after);
	free(before);
	free(after);
	unlink(path("c.md"));
}

/* An insertion point inside an unclosed code block is refused. */
static void
done_hidden(void **state)
{
	(void)state;
	const char *text = "# A\n```\ncode\n";
	put_file("h.md", text);
	struct notesedit_result res;
	assert_int_equal(done("h.md", "a", "call", "", &res), 1);
	notesedit_result_free(&res);
	char *s = get_file("h.md");
	assert_string_equal(s, text);
	free(s);
	assert_int_equal(count_dir(), 1);
	unlink(path("h.md"));
}

/* The mode is kept and a symbolic link stays a link to the new file. */
static void
rewrite_keeps(void **state)
{
	(void)state;
	put_file("t.md", "old\n");
	assert_int_equal(chmod(path("t.md"), 0640), 0);
	char *target = xstrdup(path("t.md"));
	assert_int_equal(symlink(target, path("l.md")), 0);
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("l.md")), 0);
	assert_string_equal(rw.data.s, "old\n");
	assert_int_equal(rewrite_commit(&rw, "new\n", 4), 0);
	rewrite_close(&rw);
	struct stat st;
	assert_int_equal(lstat(path("l.md"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	char *s = get_file("t.md");
	assert_string_equal(s, "new\n");
	free(s);
	assert_int_equal(count_dir(), 2);
	unlink(path("l.md"));
	unlink(target);
	free(target);
}

/* A change behind the lock's back: nothing written, try again. */
static void
rewrite_changed(void **state)
{
	(void)state;
	put_file("t.md", "old\n");
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("t.md")), 0);
	put_file("t.md", "edited by hand\n");
	assert_int_equal(rewrite_commit(&rw, "new\n", 4), 1);
	rewrite_close(&rw);
	char *s = get_file("t.md");
	assert_string_equal(s, "edited by hand\n");
	free(s);
	assert_int_equal(count_dir(), 1);
	unlink(path("t.md"));
}

/* A write that fails (a file size limit, which holds for root too):
 * status 2, the file as it was, no temporary file. */
static void
rewrite_fails(void **state)
{
	(void)state;
	const char *text = "# A\n- 2026-01-01: x\n";
	put_file("f.md", text);
	struct rlimit old, zero;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	zero = old;
	zero.rlim_cur = 0;
	void (*oldsig)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &zero), 0);
	struct notesedit_result res;
	int st = done("f.md", "a", "call", "", &res);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, oldsig);
	assert_int_equal(st, 2);
	notesedit_result_free(&res);
	char *s = get_file("f.md");
	assert_string_equal(s, text);
	free(s);
	assert_int_equal(count_dir(), 1);
	unlink(path("f.md"));
}

/* Files that cannot be opened for writing. */
static void
rewrite_open_fails(void **state)
{
	(void)state;
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("missing.md")), -1);
	rewrite_close(&rw);
	assert_int_equal(rewrite_open(&rw, dir), -1);
	rewrite_close(&rw);
	assert_int_equal(count_dir(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(occasion_names),
		cmocka_unit_test(entry_line),
		cmocka_unit_test(entry_line_refused),
		cmocka_unit_test(line_ends),
		cmocka_unit_test(where),
		cmocka_unit_test(insert),
		cmocka_unit_test(done_adds),
		cmocka_unit_test(done_clients),
		cmocka_unit_test(done_hidden),
		cmocka_unit_test(rewrite_keeps),
		cmocka_unit_test(rewrite_changed),
		cmocka_unit_test(rewrite_fails),
		cmocka_unit_test(rewrite_open_fails),
	};
	return cmocka_run_group_tests_name("notesedit", tests, setup,
	    teardown);
}
