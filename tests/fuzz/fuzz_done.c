/* fuzz_done: tact-done's whole edit (lib/notesedit.h) on any notes file:
 * reading the notes, finding the client, the locked, streamed, atomic
 * rewrite and its checks.
 *
 * The input is written to a file of its own directory (in /dev/shm where
 * there is one: every edit fsyncs), and one of its clients (picked by the
 * input's last byte) gets the entry "- 2026-11-27: done #fuzz".
 * Invariants: the status is 0, or 1 when the entry would be hidden (a
 * code block, a comment); with status 1, or when the entry is there
 * already, the file is unchanged; else the new file is the old one with
 * exactly one line inserted, the entry, at a line start (or at the end,
 * after a line end of its own), ending as the file's first line does,
 * at the line reported, where the parser reads it as the client's entry;
 * a second run adds nothing; no temporary file is left.  Then a dry run
 * (-n) for CLIENT taken from the input's first line, which may be a
 * display name, an alias, a typo or nothing known (did you mean): the
 * status is 0 or 1, and the file stays as it was. */
#include <dirent.h>
#include <stdbool.h>
#include <unistd.h>

#include "notes.h"
#include "notesedit.h"
#include "fuzz.h"

static const struct date day = { 2026, 11, 27 };
static const char entry[] = "- 2026-11-27: done #fuzz";

/* The ids of the clients, in order. */
struct ids {
	char **v;
	size_t n;
};

static void
add_id(const struct notes_item *it, void *ctx)
{
	struct ids *ids = ctx;
	if (it->kind != NOTES_CLIENT)
		return;
	ids->v = xrealloc(ids->v, (ids->n + 1) * sizeof *ids->v);
	ids->v[ids->n++] = xstrdup(it->id);
}

/* Is there an entry of id at line, tagged fuzz? */
struct want {
	const char *id;
	long line;
	bool seen;
};

static void
find_entry(const struct notes_item *it, void *ctx)
{
	struct want *w = ctx;
	if (it->kind == NOTES_ENTRY && it->line == w->line &&
	    !strcmp(it->id, w->id) && !strcmp(it->text, "done #fuzz") &&
	    !date_cmp(it->date, day))
		w->seen = true;
}

static void
parse(const char *s, size_t n, notes_fn fn, void *ctx)
{
	char *copy = fuzz_copy((const uint8_t *)s, n, 0);
	FILE *fp = fuzz_open(copy, n);
	struct notes *np = notes_new(fn, ctx);
	notes_parse(np, fp, "a.md");
	notes_end(np);	/* a note held back as a person's comes now */
	notes_free(np);
	fclose(fp);
	free(copy);
}

/* The work directory and the notes file in it. */
static char dir[64], file[80];

static void
cleanup(void)
{
	unlink(file);
	rmdir(dir);
}

static void
put(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(file, "w");
	CHECK(fp != NULL);
	CHECK(fwrite(data, 1, size, fp) == size);
	CHECK(fclose(fp) == 0);
}

static char *
get(size_t *n)
{
	FILE *fp = fopen(file, "r");
	CHECK(fp != NULL);
	struct buf b = {0};
	buf_adds(&b, "");
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, got);
	fclose(fp);
	*n = b.len;
	return buf_steal(&b);
}

static int
files_in_dir(void)
{
	DIR *dp = opendir(dir);
	CHECK(dp != NULL);
	int k = 0;
	struct dirent *de;
	while ((de = readdir(dp)))
		k += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(dp);
	return k;
}

static int
run_dry(const char *id, bool dry, struct notesedit_result *res)
{
	char *paths[] = { file };
	struct notesedit_req rq = {
		.paths = paths, .npaths = 1, .client = id,
		.occasion = "fuzz", .text = "done", .date = day, .dry = dry,
	};
	return notesedit_done(&rq, res);
}

static int
run(const char *id, struct notesedit_result *res)
{
	return run_dry(id, false, res);
}

/* CLIENT from the input's first line, after the characters people put
 * before a name ("# ", "- alias:: "...), at most 64 bytes; NULL when
 * nothing is left. */
static char *
first_name(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	size_t k = nl ? (size_t)(nl - s) : n;
	size_t skip = strspn(s, "#-*: \t");
	if (skip >= k || memchr(s + skip, '\0', k - skip))
		return NULL;
	s += skip;
	k -= skip;
	return xstrndup(s, k < 64 ? k : 64);
}

/* The line end of old's first line. */
static const char *
first_eol(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	return nl && nl > s && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* Is new old with the entry inserted as line lno? */
static bool
one_line_inserted(const char *old, size_t n, const char *new, size_t m,
		  long lno)
{
	const char *eol = first_eol(old, n);
	size_t k = strlen(entry), e = strlen(eol);
	if (m != n + k + e)
		return false;
	/* The start of line lno in new, which has lno - 1 line ends before
	 * it; the same offset in old. */
	size_t at = 0;
	for (long L = 1; L < lno; L++) {
		const char *nl = memchr(new + at, '\n', m - at);
		if (!nl)
			return false;
		at = (size_t)(nl - new) + 1;
	}
	if (at <= n && !memcmp(new, old, at) && !memcmp(new + at, entry, k) &&
	    !memcmp(new + at + k, eol, e) &&
	    !memcmp(new + at + k + e, old + at, n - at))
		return true;
	/* At the end of a file without a final line end. */
	return n > 0 && old[n - 1] != '\n' && at == n + e &&
	    !memcmp(new, old, n) && !memcmp(new + n, eol, e) &&
	    !memcmp(new + n + e, entry, k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (!*dir) {
		snprintf(dir, sizeof dir, "%s/fuzz_done.XXXXXX",
		    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		CHECK(mkdtemp(dir) != NULL);
		snprintf(file, sizeof file, "%s/a.md", dir);
		atexit(cleanup);
	}
	struct ids ids = {0};
	parse((const char *)data, size, add_id, &ids);
	if (!ids.n)
		return 0;
	const char *id = ids.v[size ? data[size - 1] % ids.n : 0];

	put(data, size);
	struct notesedit_result res;
	int st = run(id, &res);
	CHECK(st == 0 || st == 1);
	size_t m;
	char *now = get(&m);
	if (st == 1 || !res.added) {
		CHECK(m == size && !memcmp(now, data, size));
	} else {
		CHECK(!strcmp(res.entry, entry));
		CHECK(one_line_inserted((const char *)data, size, now, m,
		    res.line));
		struct want w = { id, res.line, false };
		parse(now, m, find_entry, &w);
		CHECK(w.seen);

		/* Again: nothing added. */
		notesedit_result_free(&res);
		CHECK(run(id, &res) == 0 && !res.added);
		size_t m2;
		char *again = get(&m2);
		CHECK(m2 == m && !memcmp(again, now, m));
		free(again);
	}
	CHECK(files_in_dir() == 1);
	notesedit_result_free(&res);

	char *name = first_name(now, m);
	if (name) {
		CHECK(run_dry(name, true, &res) <= 1);
		notesedit_result_free(&res);
		size_t m2;
		char *again = get(&m2);
		CHECK(m2 == m && !memcmp(again, now, m));
		free(again);
		free(name);
	}
	free(now);
	for (size_t i = 0; i < ids.n; i++)
		free(ids.v[i]);
	free(ids.v);
	return 0;
}
