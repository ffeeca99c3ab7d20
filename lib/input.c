/* input.c: the shared "files, directories, or standard input" loop.
 *
 * A directory argument is walked without recursion in C (a work list of
 * directories), so no directory handle is held open while another is read;
 * the "*.md" files found are sorted by their whole path with strcmp, so
 * "a-c.md" comes before "a/b.md" whatever the directory order.
 *
 * Symbolic links below a directory argument: a link to a regular file is
 * followed (and taken when its own name ends in ".md"); a link to a
 * directory is not descended into, so there can be no loops.  A dangling
 * link named "*.md" is reported as unreadable.  A directory argument that
 * is itself a link is followed. */
#include <errno.h>
#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "input.h"
#include "util.h"

/* A growable array of malloc'd strings. */
struct strv {
	char **v;
	size_t n, cap;
};

static void
strv_push(struct strv *sv, char *s)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 16;
		if (cap > (size_t)-1 / sizeof *sv->v)
			die_oom();
		sv->v = xrealloc(sv->v, cap * sizeof *sv->v);
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
}

static void
strv_free(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

static int
cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "dir/name", without doubling a '/' that ends dir. */
static char *
join(const char *dir, const char *name)
{
	struct buf b = {0};
	size_t n = strlen(dir);
	buf_add(&b, dir, n);
	if (n && dir[n - 1] != '/')
		buf_addc(&b, '/');
	buf_adds(&b, name);
	return buf_steal(&b);
}

static int
is_md(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Is the entry path (below the directory argument root) left out? */
static bool
excluded(const struct input_exclude *ex, const char *root, const char *path)
{
	if (!ex || !ex->n)
		return false;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t rl = strlen(root);
	const char *rel = path;
	if (!strncmp(path, root, rl)) {
		rel = path + rl;
		while (*rel == '/')
			rel++;
	}
	for (size_t i = 0; i < ex->n; i++)
		if (!fnmatch(ex->pat[i], base, 0) ||
		    !fnmatch(ex->pat[i], rel, FNM_PATHNAME))
			return true;
	return false;
}

/* Add the "*.md" files below dir to files (unsorted). */
static void
collect(const char *dir, const struct input_exclude *ex, struct strv *files)
{
	struct strv todo = {0};
	strv_push(&todo, xstrdup(dir));
	while (todo.n) {
		char *d = todo.v[--todo.n];
		DIR *dp = opendir(d);
		if (!dp) {
			diag_syserr("cannot read '%s'", d);
			free(d);
			continue;
		}
		struct dirent *de;
		for (;;) {
			errno = 0;
			if (!(de = readdir(dp))) {
				if (errno)
					diag_syserr("cannot read '%s'", d);
				break;
			}
			if (de->d_name[0] == '.')
				continue;
			char *path = join(d, de->d_name);
			if (excluded(ex, dir, path)) {
				free(path);
				continue;
			}
			struct stat st;
			if (lstat(path, &st) != 0) {
				diag_syserr("cannot read '%s'", path);
				free(path);
				continue;
			}
			if (S_ISDIR(st.st_mode)) {
				strv_push(&todo, path);
				continue;
			}
			if (!is_md(de->d_name)) {
				free(path);
				continue;
			}
			if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
				diag_syserr("cannot read '%s'", path);
				free(path);
				continue;
			}
			if (S_ISREG(st.st_mode))
				strv_push(files, path);
			else
				free(path);
		}
		closedir(dp);
		free(d);
	}
	strv_free(&todo);
}

/* Call fn on fp, then report a read error that happened meanwhile. */
static void
run(FILE *fp, const char *name, input_fn fn, void *ctx)
{
	errno = 0;
	fn(fp, name, ctx);
	if (ferror(fp)) {
		/* errno is most likely still the failed read's. */
		if (!errno)
			errno = EIO;
		diag_syserr("cannot read '%s'", name);
		clearerr(fp);
	}
}

/* The readers (lines.h) read large blocks of their own, which stdio
 * reads straight into them when its buffer is smaller: a stdio buffer
 * as large would only copy every block once more. */
static void
run_file(const char *name, input_fn fn, void *ctx)
{
	FILE *fp = fopen(name, "r");
	if (!fp) {
		diag_syserr("cannot read '%s'", name);
		return;
	}
	run(fp, name, fn, ctx);
	fclose(fp);
}

void
input_each(int argc, char *const argv[], bool dirs, input_fn fn, void *ctx)
{
	input_each_x(argc, argv, dirs, NULL, fn, ctx);
}

void
input_each_x(int argc, char *const argv[], bool dirs,
    const struct input_exclude *ex, input_fn fn, void *ctx)
{
	if (argc <= 0) {
		run(stdin, "-", fn, ctx);
		return;
	}
	/* Paths found below directories are kept until the end, so a name
	 * handed to fn stays valid until input_each returns. */
	struct strv found = {0};
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "-") == 0) {
			run(stdin, "-", fn, ctx);
			continue;
		}
		struct stat st;
		if (excluded(ex, "", arg))
			continue;
		if (stat(arg, &st) != 0) {
			diag_syserr("cannot read '%s'", arg);
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			run_file(arg, fn, ctx);
			continue;
		}
		if (!dirs) {
			errno = EISDIR;
			diag_syserr("cannot read '%s'", arg);
			continue;
		}
		size_t first = found.n;
		collect(arg, ex, &found);
		if (found.n > first)
			qsort(found.v + first, found.n - first,
			      sizeof *found.v, cmp_path);
		for (size_t j = first; j < found.n; j++)
			run_file(found.v[j], fn, ctx);
	}
	strv_free(&found);
}
