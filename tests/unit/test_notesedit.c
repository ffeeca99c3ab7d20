/* Unit tests for tact-done's library: the entry line, where it goes, the
 * streamed insertion, finding the client or a person, and the locked
 * atomic rewrite with its failures: an editor saving meanwhile, a lock
 * held too long, signals, temporary files left by killed runs, an owner
 * that cannot be kept, files that are not regular. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "donegift.h"
#include "notesedit.h"
#include "rewrite.h"

/* In /dev/shm where there is one: the 1000 runs of editor_race take
 * seconds there, and a minute when every fsync goes to a busy disk. */
static char dir[64];
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
	snprintf(dir, sizeof dir, "%s/test_notesedit.XXXXXX",
	    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
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

/* Run tact-done's logic on dir/name with the rewrite options o (NULL:
 * the defaults); returns the status. */
static int
done_opts(const char *name, const char *client, const char *occ,
	  const char *text, const struct rewrite_opts *o,
	  struct notesedit_result *res)
{
	char *p = xstrdup(path(name));
	char *paths[] = { p };
	struct notesedit_req rq = {
		.paths = paths, .npaths = 1, .client = client,
		.occasion = occ, .text = text, .date = day, .rewrite = o,
	};
	int st = notesedit_done(&rq, res);
	free(p);
	return st;
}

static int
done(const char *name, const char *client, const char *occ,
     const char *text, struct notesedit_result *res)
{
	return done_opts(name, client, occ, text, NULL, res);
}

/* Does dir/name hold exactly want? */
static void
file_is(const char *name, const char *want)
{
	char *s = get_file(name);
	assert_string_equal(s, want);
	free(s);
}

/* Occasion names: tag words of any script, a letter first. */
static void
occasion_names(void **state)
{
	(void)state;
	assert_null(notesedit_occasion_problem("christmas"));
	assert_null(notesedit_occasion_problem("stay-in-touch2"));
	assert_null(notesedit_occasion_problem("Christmas"));
	assert_null(notesedit_occasion_problem("a_b"));
	assert_null(notesedit_occasion_problem("glückwunsch"));
	assert_non_null(notesedit_occasion_problem(""));
	assert_non_null(notesedit_occasion_problem("2027-fair"));
	assert_non_null(notesedit_occasion_problem("-x"));
	assert_non_null(notesedit_occasion_problem("a b"));
	assert_non_null(notesedit_occasion_problem("a.b"));
	assert_non_null(notesedit_occasion_problem("\xff"));
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

/* copy(s, after): s copied with "N" inserted after line after (malloc'd);
 * the new line's number in *lno. */
static char *
copy(const char *s, long after, long *lno)
{
	char *in_s = xstrdup(s);
	FILE *in = fmemopen(in_s, strlen(s), "r");
	char *out_s = NULL;
	size_t out_n = 0;
	FILE *out = open_memstream(&out_s, &out_n);
	assert_non_null(out);
	if (!*s) {		/* fmemopen may refuse size 0 */
		fclose(in);
		in = fopen("/dev/null", "r");
	}
	assert_non_null(in);
	*lno = notesedit_copy(in, out, after, "N");
	fclose(in);
	assert_int_equal(fclose(out), 0);
	free(in_s);
	return out_s;
}

/* Where: after the last item, else the last non-blank line, else EOF. */
static void
after(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		long heading, item, end, after;
	} t[] = {
		{ "# A\n- x\n  more\n\npara\n\n# B\n", 1, 3, 6, 3 },
		{ "# A\n- x\n  more\n\npara\n\n# B\n", 1, 0, 6, 5 },
		{ "# A\n- x\n  more\n\npara\n\n# B\n", 7, 0, 7, 7 },
		{ "# A\n- x\n  more\n\npara\n\n# B\n", 0, 0, 7, 0 },
		{ "# A\r\n\r\n \t\r\n# B", 1, 0, 3, 1 },
		{ "# A\r\n\r\n \t\r\n# B", 4, 0, 4, 4 },
		{ "- a", 0, 1, 1, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *s = xstrdup(t[i].s);
		FILE *fp = fmemopen(s, strlen(s), "r");
		assert_non_null(fp);
		assert_int_equal(notesedit_after(fp, t[i].heading, t[i].item,
		    t[i].end), t[i].after);
		fclose(fp);
		free(s);
	}
}

/* The copy: in the middle, at the end, without a final line end, in the
 * first line's line end, in blocks of any size. */
static void
copy_insert(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		long after;
		const char *want;
		long lno;
	} t[] = {
		{ "a\nb\n", 1, "a\nN\nb\n", 2 },
		{ "a\nb\n", 2, "a\nb\nN\n", 3 },
		{ "a\nb\n", 0, "a\nb\nN\n", 3 },
		{ "a\nb", 2, "a\nb\nN", 3 },
		{ "a\nb", 9, "a\nb\nN", 3 },
		{ "a\r\nb", 1, "a\r\nN\r\nb", 2 },
		{ "a\r\nb", 0, "a\r\nb\r\nN", 3 },
		{ "a\nb\r\n", 1, "a\nN\nb\r\n", 2 },
		{ "", 0, "N\n", 1 },
		{ "abc", 0, "abc\nN", 2 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		long lno;
		char *out = copy(t[i].s, t[i].after, &lno);
		assert_string_equal(out, t[i].want);
		assert_int_equal(lno, t[i].lno);
		free(out);
	}

	/* Lines across the copy's blocks, a CR at the end of one. */
	struct buf big = {0}, want = {0};
	for (int k = 0; k < 30000; k++) {
		buf_printf(&big, "line %d\r\n", k);
		buf_printf(&want, "line %d\r\n%s", k, k == 20000 ? "N\r\n" : "");
	}
	long lno;
	char *out = copy(big.s, 20001, &lno);
	assert_int_equal(lno, 20002);
	assert_true(!strcmp(out, want.s));
	free(out);
	buf_free(&big);
	buf_free(&want);
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
	file_is("a.md", "# Acme\n- 2026-01-01: a\n\n# Beta\n- x: y\n"
	    "# Acme\n- 2026-02-02: b\n- 2026-11-27: card #xmas\n\ntext\n");

	/* Again: nothing added, the entry's place reported. */
	assert_int_equal(done("a.md", "Acme", "xmas", " card", &res), 0);
	assert_false(res.added);
	assert_int_equal(res.line, 8);
	notesedit_result_free(&res);
	char *s = get_file("a.md");
	assert_non_null(strstr(s, "#xmas\n\ntext"));
	assert_null(strstr(strstr(s, "#xmas") + 1, "#xmas"));
	free(s);
	assert_int_equal(count_dir(), 1);
	unlink(path("a.md"));
}

/* What is said on standard error goes to *said (malloc'd) from
 * said_begin to said_end.  Not diag_capture: the notes parser sets and
 * ends a capture of its own. */
static struct {
	FILE *fp, *was;
	size_t n;
} said_to;

static void
said_begin(char **said)
{
	*said = NULL;
	said_to.fp = open_memstream(said, &said_to.n);
	assert_non_null(said_to.fp);
	said_to.was = diag_output(said_to.fp);
}

static void
said_end(void)
{
	diag_output(said_to.was);
	assert_int_equal(fclose(said_to.fp), 0);
}

/* Log a gift for client on dir/name and return what donegift_warn says
 * (malloc'd, "" when nothing); *res is left for the caller to check. */
static char *
gift_said(const char *name, const char *client, const char *occ,
	  const char *text, struct notesedit_result *res)
{
	char *p = xstrdup(path(name));
	char *paths[] = { p };
	struct notesedit_req rq = {
		.paths = paths, .npaths = 1, .client = client,
		.occasion = occ, .text = text, .date = day,
	};
	assert_int_equal(notesedit_done(&rq, res), 0);
	char *said;
	said_begin(&said);
	donegift_warn(&rq, res);
	said_end();
	free(p);
	return said;
}

/* The entry written tells its client, tags and amount; a gift that takes
 * its recipient over the limit draws one warning, the next gift, an
 * expense or an entry without an amount none; an amount not converted
 * is said instead. */
static void
done_gift_limit(void **state)
{
	(void)state;
	put_file("g.md", "# Acme\n- id: acme\n- **Katrin Brenner** (CEO)\n"
	    "\t- Geburtstag: 12.04.1975\n- 2026-02-10: Wein f\xc3\xbcr "
	    "Katrin Brenner 37 \xe2\x82\xac #gift\n");
	struct notesedit_result res;
	char *said = gift_said("g.md", "Katrin Brenner", "birthday",
	    "Blumen 25 EUR #gift", &res);
	assert_true(res.added && res.has_amount);
	assert_string_equal(res.client_id, "acme");
	assert_string_equal(res.tags, "gift,birthday");
	assert_non_null(strstr(said, "warning: this gift takes Katrin "
	    "Brenner (Acme) to 62.00 EUR in 2026, over the limit of 50.00 "
	    "EUR: none of their 2026 gifts is deductible"));
	assert_null(strstr(strstr(said, "warning") + 1, "warning"));
	notesedit_result_free(&res);
	free(said);

	said = gift_said("g.md", "Katrin Brenner", "thanks", "Karte 3 EUR",
	    &res);
	assert_true(res.has_amount);
	assert_string_equal(said, "");
	notesedit_result_free(&res);
	free(said);

	said = gift_said("g.md", "acme", "lunch", "Essen 80 EUR #bewirtung",
	    &res);
	assert_true(res.has_amount);
	assert_string_equal(said, "");
	notesedit_result_free(&res);
	free(said);

	said = gift_said("g.md", "acme", "call", "called", &res);
	assert_true(res.added);
	assert_false(res.has_amount);
	assert_string_equal(said, "");
	notesedit_result_free(&res);
	free(said);

	said = gift_said("g.md", "acme", "xmas", "Uhr CHF 30.-", &res);
	assert_non_null(strstr(said, "warning: cannot tell whether this gift "
	    "takes Acme over the limit of 50.00 EUR in 2026: 30.00 CHF is "
	    "not converted into EUR"));
	notesedit_result_free(&res);
	free(said);
	unlink(path("g.md"));
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
	file_is("h.md", text);
	assert_int_equal(count_dir(), 1);
	unlink(path("h.md"));
}

/* A person's entry names it: "NAME – TEXT", or NAME alone. */
static void
named_text(void **state)
{
	(void)state;
	char *s = notesedit_named("Katrin Brenner", "  card  ");
	assert_string_equal(s, "Katrin Brenner \xe2\x80\x93 card");
	free(s);
	s = notesedit_named("Katrin Brenner", " ");
	assert_string_equal(s, "Katrin Brenner");
	free(s);
}

static const char persons_md[] =
    "# Acme\n"
    "- **Katrin Brenner** (GF)\n"
    "  - birthday: 12.04.1975\n"
    "- contact: Jörg Brenner\n"
    "  - birthday: 03.11.1972\n"
    "- 2026-01-01: kickoff\n"
    "\n"
    "# Beta\n"
    "- **Anna Schmidt**\n"
    "  - birthday: 14.03.1980\n"
    "\n"
    "# Acme\n"
    "- 2026-02-02: later section, no persons\n";

/* A person of a client's section: by id, name or slug; the entry goes
 * into the section that defines it, named unless the text names it
 * (a unique first name does; a shared last name does not), once. */
static void
done_person(void **state)
{
	(void)state;
	put_file("p.md", persons_md);
	struct notesedit_result res;
	assert_int_equal(done("p.md", "acme/katrin-brenner", "xmas", "card",
	    &res), 0);
	assert_true(res.added);
	assert_int_equal(res.line, 7);
	assert_string_equal(res.entry,
	    "- 2026-11-27: Katrin Brenner \xe2\x80\x93 card #xmas");
	notesedit_result_free(&res);

	/* Again, by name and by slug: found, nothing added. */
	assert_int_equal(done("p.md", "katrin BRENNER", "xmas", "card ",
	    &res), 0);
	assert_false(res.added);
	assert_int_equal(res.line, 7);
	notesedit_result_free(&res);
	assert_int_equal(done("p.md", "katrin-brenner", "xmas", "card", &res),
	    0);
	assert_false(res.added);
	notesedit_result_free(&res);

	/* Named by a unique first name: as given; by the last name that
	 * both share: named.  No text: the name alone. */
	assert_int_equal(done("p.md", "Jörg Brenner", "xmas", "mug for Jörg",
	    &res), 0);
	assert_string_equal(res.entry, "- 2026-11-27: mug for Jörg #xmas");
	assert_int_equal(res.line, 8);
	notesedit_result_free(&res);
	assert_int_equal(done("p.md", "Jörg Brenner", "gift",
	    "wine for Brenner", &res), 0);
	assert_string_equal(res.entry, "- 2026-11-27: Jörg Brenner "
	    "\xe2\x80\x93 wine for Brenner #gift");
	notesedit_result_free(&res);
	assert_int_equal(done("p.md", "beta/anna-schmidt", "xmas", "", &res),
	    0);
	assert_string_equal(res.entry, "- 2026-11-27: Anna Schmidt #xmas");
	assert_int_equal(res.line, 14);
	notesedit_result_free(&res);

	/* The client itself: its last section, its own entry. */
	assert_int_equal(done("p.md", "acme", "xmas", "card", &res), 0);
	assert_true(res.added);
	assert_int_equal(res.line, 18);
	notesedit_result_free(&res);
	file_is("p.md",
	    "# Acme\n"
	    "- **Katrin Brenner** (GF)\n"
	    "  - birthday: 12.04.1975\n"
	    "- contact: Jörg Brenner\n"
	    "  - birthday: 03.11.1972\n"
	    "- 2026-01-01: kickoff\n"
	    "- 2026-11-27: Katrin Brenner \xe2\x80\x93 card #xmas\n"
	    "- 2026-11-27: mug for Jörg #xmas\n"
	    "- 2026-11-27: Jörg Brenner \xe2\x80\x93 wine for Brenner #gift\n"
	    "\n"
	    "# Beta\n"
	    "- **Anna Schmidt**\n"
	    "  - birthday: 14.03.1980\n"
	    "- 2026-11-27: Anna Schmidt #xmas\n"
	    "\n"
	    "# Acme\n"
	    "- 2026-02-02: later section, no persons\n"
	    "- 2026-11-27: card #xmas\n");
	assert_int_equal(count_dir(), 1);
	unlink(path("p.md"));
}

/* Unknown and ambiguous persons: status 1, nothing written. */
static void
done_person_refused(void **state)
{
	(void)state;
	const char *text = "# Acme\n- **Anna Schmidt**\n  - birthday: 1.1.1980\n"
	    "# Beta\n- **Anna Schmidt**\n  - birthday: 2.2.1980\n"
	    "# Bernd Kaiser\n- tier: A\n"
	    "# Gamma\n- contact: Bernd Kaiser\n  - role: CEO\n";
	put_file("r.md", text);
	struct notesedit_result res;
	assert_int_equal(done("r.md", "Anna Schmidt", "xmas", "", &res), 1);
	notesedit_result_free(&res);
	assert_int_equal(done("r.md", "anna-schmidt", "xmas", "", &res), 1);
	notesedit_result_free(&res);
	assert_int_equal(done("r.md", "Bernd Kaiser", "xmas", "", &res), 1);
	notesedit_result_free(&res);
	assert_int_equal(done("r.md", "acme/bernd-kaiser", "xmas", "", &res),
	    1);
	notesedit_result_free(&res);
	file_is("r.md", text);
	/* An id names one alone, a client's too. */
	assert_int_equal(done("r.md", "bernd-kaiser", "xmas", "", &res), 0);
	assert_string_equal(res.entry, "- 2026-11-27: #xmas");
	notesedit_result_free(&res);
	unlink(path("r.md"));
}

/* A person's own note: the entry goes there, unnamed, once; the
 * client's file stays as it was.  Its section end in an unclosed code
 * block: refused. */
static void
done_person_note(void **state)
{
	(void)state;
	const char *client = "# Weingut Rebholz\n- 2026-01-01: Probe\n";
	put_file("w.md", client);
	put_file("Hermann Rebholz.md",
	    "---\ncompany: \"[[Weingut Rebholz]]\"\n---\n"
	    "Der Senior.\n\n- Hobbys: Skat\n\nmore\n");
	struct notesedit_result res;
	assert_int_equal(done("", "Hermann Rebholz", "xmas", "wine", &res), 0);
	assert_true(res.added);
	assert_non_null(strstr(res.file, "Hermann Rebholz.md"));
	assert_int_equal(res.line, 7);
	assert_string_equal(res.entry, "- 2026-11-27: wine #xmas");
	notesedit_result_free(&res);
	assert_int_equal(done("", "weingut-rebholz/hermann-rebholz", "xmas",
	    "wine", &res), 0);
	assert_false(res.added);
	assert_int_equal(res.line, 7);
	notesedit_result_free(&res);
	file_is("Hermann Rebholz.md",
	    "---\ncompany: \"[[Weingut Rebholz]]\"\n---\n"
	    "Der Senior.\n\n- Hobbys: Skat\n- 2026-11-27: wine #xmas\n\n"
	    "more\n");
	file_is("w.md", client);

	/* A note and its client in one file: the parser reads the file
	 * again at notes_end (which drops the lock; it is taken again). */
	put_file("k.md", "---\ncompany: Acme\n---\n# Hermann Kunz\n"
	    "- hobby: Skat\n\n# Acme\n- 2026-01-01: a\n");
	assert_int_equal(done("k.md", "acme/hermann-kunz", "xmas", "wine",
	    &res), 0);
	assert_int_equal(res.line, 6);
	notesedit_result_free(&res);
	file_is("k.md", "---\ncompany: Acme\n---\n# Hermann Kunz\n"
	    "- hobby: Skat\n- 2026-11-27: wine #xmas\n\n# Acme\n"
	    "- 2026-01-01: a\n");
	unlink(path("k.md"));

	const char *hidden = "---\nfirma: Weingut Rebholz\n---\n# Lena R.\n"
	    "```\ncode\n";
	put_file("l.md", hidden);
	assert_int_equal(done("", "weingut-rebholz/lena-r", "xmas", "", &res),
	    1);
	notesedit_result_free(&res);
	file_is("l.md", hidden);
	assert_int_equal(count_dir(), 3);
	unlink(path("w.md"));
	unlink(path("Hermann Rebholz.md"));
	unlink(path("l.md"));
}

/* Run tact-done's logic on dir/name; *said (malloc'd) gets what it
 * says on standard error. */
static int
done_said(const char *name, const char *client, char **said,
	  struct notesedit_result *res)
{
	said_begin(said);
	int st = done(name, client, "xmas", "card", res);
	said_end();
	return st;
}

static const char aliases_md[] =
    "---\naliases: [Brenner, AHB]\n---\n# Anwaltskanzlei Hans Brenner\n"
    "- 2026-01-01: a\n"
    "# Weingut Rebholz\n"
    "- aliases:: Rebholz, Weingut R.\n"
    "- **Katrin Brenner** (GF)\n"
    "  - aliases: KB, Kati\n"
    "- 2026-01-02: b\n"
    "# Gamma GmbH\n"
    "alias:: \xe6\xa0\xaa\xe5\xbc\x8f\n"
    "# Beta\n"
    "- id: ahb-x\n";

/* Aliases find their client (front matter, "aliases::" line, list
 * item, case and slug aside, a name without slug as it is) or person;
 * an id, or CLIENT's slug being one, wins over an alias. */
static void
done_alias(void **state)
{
	(void)state;
	put_file("a.md", aliases_md);
	struct notesedit_result res;
	assert_int_equal(done("a.md", "ahb", "xmas", "card", &res), 0);
	assert_string_equal(res.client_id, "anwaltskanzlei-hans-brenner");
	assert_int_equal(res.line, 6);
	notesedit_result_free(&res);
	assert_int_equal(done("a.md", "weingut r", "xmas", "", &res), 0);
	assert_string_equal(res.client_id, "weingut-rebholz");
	assert_int_equal(res.line, 12);
	notesedit_result_free(&res);
	assert_int_equal(done("a.md", "REBHOLZ", "xmas", "", &res), 0);
	assert_false(res.added);
	notesedit_result_free(&res);
	assert_int_equal(done("a.md", "\xe6\xa0\xaa\xe5\xbc\x8f", "xmas", "",
	    &res), 0);
	assert_string_equal(res.client_id, "gamma-gmbh");
	notesedit_result_free(&res);
	/* A person's alias: the person, named in the entry. */
	assert_int_equal(done("a.md", "kati", "xmas", "wine", &res), 0);
	assert_string_equal(res.client_id, "weingut-rebholz");
	assert_string_equal(res.entry, "- 2026-11-27: Katrin Brenner "
	    "\xe2\x80\x93 wine #xmas");
	notesedit_result_free(&res);
	/* The id ahb-x wins over the alias "AHB-X"... of nobody; the slug
	 * of "Ahb X" is the id too. */
	assert_int_equal(done("a.md", "Ahb X", "xmas", "", &res), 0);
	assert_string_equal(res.client_id, "ahb-x");
	notesedit_result_free(&res);
	file_is("a.md",
	    "---\naliases: [Brenner, AHB]\n---\n# Anwaltskanzlei Hans Brenner\n"
	    "- 2026-01-01: a\n"
	    "- 2026-11-27: card #xmas\n"
	    "# Weingut Rebholz\n"
	    "- aliases:: Rebholz, Weingut R.\n"
	    "- **Katrin Brenner** (GF)\n"
	    "  - aliases: KB, Kati\n"
	    "- 2026-01-02: b\n"
	    "- 2026-11-27: #xmas\n"
	    "- 2026-11-27: Katrin Brenner \xe2\x80\x93 wine #xmas\n"
	    "# Gamma GmbH\n"
	    "alias:: \xe6\xa0\xaa\xe5\xbc\x8f\n"
	    "- 2026-11-27: #xmas\n"
	    "# Beta\n"
	    "- id: ahb-x\n"
	    "- 2026-11-27: #xmas\n");

	/* An id beats an alias: a client whose id is another's alias. */
	const char *both = "# Brenner\n- id: ahb\n# Kanzlei\n- aliases: AHB\n"
	    "# Zwei\n- aliases: Kanzlei\n# Drei\n- aliases: brenner, KB\n";
	put_file("b.md", both);
	assert_int_equal(done("b.md", "ahb", "xmas", "", &res), 0);
	assert_string_equal(res.client_id, "ahb");
	notesedit_result_free(&res);
	/* So does CLIENT whose slug is an id: "AHB", "Kanzlei". */
	assert_int_equal(done("b.md", "AHB", "xmas", "", &res), 0);
	assert_string_equal(res.client_id, "ahb");
	assert_false(res.added);
	notesedit_result_free(&res);
	assert_int_equal(done("b.md", "Kanzlei", "xmas", "", &res), 0);
	assert_string_equal(res.client_id, "kanzlei");
	notesedit_result_free(&res);
	/* A display name and another's alias: both candidates. */
	char *before = get_file("b.md");
	assert_int_equal(done("b.md", "BRENNER", "xmas", "", &res), 1);
	notesedit_result_free(&res);
	file_is("b.md", before);
	free(before);
	unlink(path("b.md"));
	unlink(path("a.md"));
}

/* An alias of two clients, or a display name and an alias, or a person's
 * alias and a client's: ambiguous, the candidates named, nothing
 * written. */
static void
done_alias_ambiguous(void **state)
{
	(void)state;
	const char *text = "# Anna Brenner\n- aliases: Brenner\n"
	    "# Hans Brenner\n- alias: brenner\n"
	    "# Kanzlei\n- 2026-01-01: a\n"
	    "# Zwei\n- aliases: KANZLEI\n"
	    "# Drei\n- **Kurt Berg**\n  - aliases: KB\n"
	    "# KB Bau\n- aliases: KB\n";
	put_file("m.md", text);
	struct notesedit_result res;
	char *said;
	assert_int_equal(done_said("m.md", "Brenner", &said, &res), 1);
	assert_non_null(strstr(said, "client 'Brenner' is ambiguous: "
	    "anna-brenner ("));
	assert_non_null(strstr(said, "m.md:1), hans-brenner ("));
	assert_non_null(strstr(said, "m.md:3); give its id\n"));
	notesedit_result_free(&res);
	free(said);
	assert_int_equal(done_said("m.md", "kanzlei", &said, &res), 0);
	assert_string_equal(res.client_id, "kanzlei");	/* its id */
	notesedit_result_free(&res);
	free(said);
	assert_int_equal(done_said("m.md", "Kanzlei ", &said, &res), 0);
	assert_false(res.added);
	notesedit_result_free(&res);
	free(said);
	assert_int_equal(done_said("m.md", "kb", &said, &res), 1);
	assert_non_null(strstr(said, "'kb' is ambiguous: kb-bau ("));
	assert_non_null(strstr(said, "drei/kurt-berg ("));
	notesedit_result_free(&res);
	free(said);
	file_is("m.md", "# Anna Brenner\n- aliases: Brenner\n"
	    "# Hans Brenner\n- alias: brenner\n"
	    "# Kanzlei\n- 2026-01-01: a\n- 2026-11-27: card #xmas\n"
	    "# Zwei\n- aliases: KANZLEI\n"
	    "# Drei\n- **Kurt Berg**\n  - aliases: KB\n"
	    "# KB Bau\n- aliases: KB\n");
	unlink(path("m.md"));
}

/* No client of that name: up to three ids whose id, display name,
 * alias or person's id or name is nearest, within max(2, length / 3)
 * edits; none when nothing is near; nothing written. */
static void
done_suggest(void **state)
{
	(void)state;
	const char *text = "# M\xc3\xbcller GmbH\n- aliases: MG Holz\n"
	    "# Mueller AG\n"
	    "# Acme\n- id: acme-x\n- **Katrin Brenner**\n  - tier: A\n"
	    "# Weingut Rebholz\n";
	put_file("s.md", text);
	struct notesedit_result res;
	char *said;
	const struct {
		const char *client, *says;
	} t[] = {
		{ "mueller-gmbx",
		  " (did you mean 'mueller-gmbh' or 'mueller-ag'?):" },
		{ "M\xc3\xbcler GmbH", " (did you mean 'mueller-gmbh'?):" },
		{ "mueler-ag", " (did you mean 'mueller-ag'?):" },
		{ "mg holt", " (did you mean 'mueller-gmbh'?):" },
		{ "Katrin Bruner", " (did you mean 'acme-x/katrin-brenner'?):" },
		{ "acme-x/katrin-brener",
		  " (did you mean 'acme-x/katrin-brenner'?):" },
		{ "Acmee", " (did you mean 'acme-x'?):" },
		{ "Weingut Rebholts", " (did you mean 'weingut-rebholz'?):" },
		{ "mueller", ": give its id" },
		{ "nobody", ": give its id" },
		{ "m", ": give its id" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		assert_int_equal(done_said("s.md", t[i].client, &said, &res),
		    1);
		if (!strstr(said, t[i].says))
			fail_msg("%s: %s", t[i].client, said);
		assert_non_null(strstr(said, ": no client '"));
		notesedit_result_free(&res);
		free(said);
	}
	file_is("s.md", text);
	assert_int_equal(count_dir(), 1);
	unlink(path("s.md"));
}

/* Replace dir/name's content with text through rewrite.h; returns what
 * rewrite_commit returns (or -1 when it is not reached). */
static int
rewrite(const char *name, const char *text, const struct rewrite_opts *o)
{
	struct rewrite rw;
	int r = -1;
	if (rewrite_open(&rw, path(name), o) == 0) {
		FILE *out = rewrite_begin(&rw);
		if (out) {
			fputs(text, out);
			r = rewrite_commit(&rw);
		}
	}
	rewrite_close(&rw);
	return r;
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
	assert_int_equal(rewrite_open(&rw, path("l.md"), NULL), 0);
	char got[8] = "";
	FILE *in = rewrite_input(&rw);
	assert_non_null(in);
	assert_non_null(fgets(got, sizeof got, in));
	assert_string_equal(got, "old\n");
	FILE *out = rewrite_begin(&rw);
	assert_non_null(out);
	fputs("new\n", out);
	assert_int_equal(rewrite_commit(&rw), 0);
	rewrite_close(&rw);
	struct stat st;
	assert_int_equal(lstat(path("l.md"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	file_is("t.md", "new\n");
	assert_int_equal(count_dir(), 2);
	unlink(path("l.md"));
	unlink(target);
	free(target);
}

/* A change behind the lock's back before the new content is written:
 * nothing written, try again. */
static void
rewrite_changed(void **state)
{
	(void)state;
	put_file("t.md", "old\n");
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("t.md"), NULL), 0);
	put_file("t.md", "edited by hand\n");
	FILE *out = rewrite_begin(&rw);
	assert_non_null(out);
	fputs("new\n", out);
	assert_int_equal(rewrite_commit(&rw), 1);
	rewrite_close(&rw);
	file_is("t.md", "edited by hand\n");
	assert_int_equal(count_dir(), 1);
	unlink(path("t.md"));
}

/* An editor that saves while tact-done writes: as sed -i and many
 * editors do (a new file renamed over the old one), or in place, with
 * the same size (only the content sum may tell) or another.  saves:
 * how many saves to make at most (0: every time it is called). */
struct editor {
	const char *name;
	int how, saves, made;
};

static void
editor_save(void *arg)
{
	struct editor *ed = arg;
	if (ed->saves && ed->made >= ed->saves)
		return;
	ed->made++;
	if (ed->how % 3 == 0) {
		put_file("editor.tmp", "# A\n- 2026-01-01: EDIT-new\n");
		char *from = xstrdup(path("editor.tmp"));
		assert_int_equal(rename(from, path(ed->name)), 0);
		free(from);
		return;
	}
	FILE *fp = fopen(path(ed->name), "r+");
	assert_non_null(fp);
	if (ed->how % 3 == 1)
		fputs("# A\n- 2026-01-01: EDI\n", fp);	/* same size */
	else
		fputs("# A\n- 2026-01-01: EDIT-longer\n", fp);
	assert_int_equal(fclose(fp), 0);
}

/* The regression test of the lost save: in 1000 runs of tact-done's
 * whole edit, an editor saves right after the new content is written
 * and synced.  Every save survives, and the entry is added to it. */
static void
editor_race(void **state)
{
	(void)state;
	int lost = 0, entries = 0;
	for (int i = 0; i < 1000; i++) {
		put_file("r.md", "# A\n- 2026-01-01: old\n");
		struct editor ed = { "r.md", i, 1, 0 };
		struct rewrite_opts o = { .before_check = editor_save,
		    .arg = &ed };
		struct notesedit_result res;
		assert_int_equal(done_opts("r.md", "a", "call", "", &o, &res),
		    0);
		assert_true(res.added);
		notesedit_result_free(&res);
		char *s = get_file("r.md");
		lost += !strstr(s, ": EDI");
		entries += strstr(s, "- 2026-11-27: #call\n") != NULL;
		free(s);
		assert_int_equal(ed.made, 1);
	}
	assert_int_equal(lost, 0);
	assert_int_equal(entries, 1000);
	assert_int_equal(count_dir(), 1);
	unlink(path("r.md"));
}

/* An editor that saves every time: tact-done gives up, status 2, with
 * the last save in the file. */
static void
editor_always(void **state)
{
	(void)state;
	put_file("r.md", "# A\n- 2026-01-01: old\n");
	struct editor ed = { "r.md", 0, 0, 0 };
	struct rewrite_opts o = { .before_check = editor_save, .arg = &ed };
	struct notesedit_result res;
	assert_int_equal(done_opts("r.md", "a", "call", "", &o, &res), 2);
	notesedit_result_free(&res);
	assert_int_equal(ed.made, 10);
	file_is("r.md", "# A\n- 2026-01-01: EDIT-new\n");
	assert_int_equal(count_dir(), 1);
	unlink(path("r.md"));
}

/* What fn(arg) writes to standard error (malloc'd). */
static char *
messages(int (*fn)(void *), void *arg, int *ret)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fflush(stderr);
	int saved = dup(2);
	assert_true(saved >= 0 && dup2(fileno(fp), 2) == 2);
	*ret = fn(arg);
	fflush(stderr);
	assert_int_equal(dup2(saved, 2), 2);
	close(saved);
	rewind(fp);
	struct buf b = {0};
	buf_adds(&b, "");
	char chunk[512];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, got);
	fclose(fp);
	return buf_steal(&b);
}

static int
open_quick(void *arg)
{
	struct rewrite rw;
	struct rewrite_opts o = { .lock_wait_ms = 300 };
	int r = rewrite_open(&rw, arg, &o);
	rewrite_close(&rw);
	return r;
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A lock that another process keeps (stopped, say): given up after the
 * wait, with the holder's pid in the message. */
static void
lock_gives_up(void **state)
{
	(void)state;
	put_file("k.md", "x\n");
	int pfd[2];
	assert_int_equal(pipe(pfd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		int fd = open(path("k.md"), O_RDWR);
		if (fd < 0 || fcntl(fd, F_SETLK, &fl) != 0 ||
		    write(pfd[1], "k", 1) != 1)
			_exit(1);
		pause();	/* holding the lock until killed */
		_exit(0);
	}
	close(pfd[1]);
	char c;
	assert_int_equal(read(pfd[0], &c, 1), 1);
	close(pfd[0]);
	char *p = xstrdup(path("k.md"));
	double t0 = seconds();
	int r;
	char *msg = messages(open_quick, p, &r);
	double t = seconds() - t0;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_int_equal(r, -1);
	assert_true(t >= 0.29 && t < 3);
	struct buf want = {0};
	buf_printf(&want, "tact: cannot lock '%s': process %ld holds its lock; "
	    "gave up after 0.3 s\n", p, (long)pid);
	assert_string_equal(msg, want.s);
	buf_free(&want);
	free(msg);
	/* Released: taken at once. */
	assert_int_equal(open_quick(p), 0);
	free(p);
	unlink(path("k.md"));
}

/* Signals that end the process, sent while the new content is written,
 * wait until the file is replaced: no temporary file is left.  Each run
 * in a child, which the signal ends. */
static void
send_signal(void *arg)
{
	raise(*(int *)arg);
}

static void
signals_wait(void **state)
{
	(void)state;
	int sigs[] = { SIGUSR1, SIGALRM, SIGTERM, SIGINT, SIGHUP, SIGPIPE,
	    SIGUSR2, SIGVTALRM };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		put_file("g.md", "old\n");
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct rewrite_opts o = { .before_check = send_signal,
			    .arg = &sigs[i] };
			_exit(rewrite("g.md", "new\n", &o) == 0 ? 0 : 1);
		}
		int ws;
		assert_int_equal(waitpid(pid, &ws, 0), pid);
		assert_true(WIFSIGNALED(ws));
		assert_int_equal(WTERMSIG(ws), sigs[i]);
		file_is("g.md", "new\n");
		assert_int_equal(count_dir(), 1);
	}
	unlink(path("g.md"));
}

/* Temporary files of processes that are gone are removed by the next
 * run; those of running processes, of other users, and other names
 * stay. */
static void
stale_removed(void **state)
{
	(void)state;
	pid_t dead = fork();
	assert_true(dead >= 0);
	if (dead == 0)
		_exit(0);
	assert_int_equal(waitpid(dead, NULL, 0), dead);
	struct buf b = {0};
	buf_printf(&b, ".tact-done.%ld.aB3xYz", (long)dead);
	char *gone = buf_steal(&b);
	buf_printf(&b, ".tact-done.%ld.dirdir", (long)dead);
	char *subdir = buf_steal(&b);
	buf_printf(&b, ".tact-done.%ld.abcdefg", (long)dead);
	char *longer = buf_steal(&b);
	buf_printf(&b, ".tact-done.%ld.other1", (long)dead);
	char *other = buf_steal(&b);
	const char *kept[] = { ".tact-done.1.aB3xYz", ".tact-done.aB3xYz",
	    ".tact-done.0.aB3xYz", ".tact-done.-5.aB3xYz",
	    ".tact-done.99999999999999999999.aB3xYz", longer };
	put_file("s.md", "old\n");
	put_file(gone, "an old copy\n");
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		put_file(kept[i], "kept\n");
	assert_int_equal(mkdir(path(subdir), 0700), 0);
	put_file(other, "another user's\n");
	bool root = geteuid() == 0 && chown(path(other), 4242, 4242) == 0;
	assert_int_equal(rewrite("s.md", "new\n", NULL), 0);
	assert_int_equal(access(path(gone), F_OK), -1);
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		assert_int_equal(access(path(kept[i]), F_OK), 0);
	assert_int_equal(access(path(subdir), F_OK), 0);
	assert_int_equal(access(path(other), F_OK), root ? 0 : -1);
	assert_int_equal(rmdir(path(subdir)), 0);
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		unlink(path(kept[i]));
	unlink(path(other));
	unlink(path("s.md"));
	assert_int_equal(count_dir(), 0);
	free(gone);
	free(subdir);
	free(longer);
	free(other);
}

/* A member of the file's group who is not its owner: the owner cannot
 * be kept, so nothing is written, with a message that says so (root
 * only, to act as another user). */
static int
done_as_nobody(void *arg)
{
	(void)arg;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(9);
		struct notesedit_result res;
		_exit(done("o.md", "a", "call", "", &res));
	}
	int ws;
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

static void
owner_kept_or_refused(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip();
	const char *text = "# A\n- 2026-01-01: x\n";
	put_file("o.md", text);
	assert_int_equal(chown(path("o.md"), 0, 65534), 0);
	assert_int_equal(chmod(path("o.md"), 0664), 0);
	assert_int_equal(chown(dir, 0, 65534), 0);
	assert_int_equal(chmod(dir, 0775), 0);
	int st;
	char *msg = messages(done_as_nobody, NULL, &st);
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(chown(dir, 0, 0), 0);
	assert_int_equal(st, 2);
	struct buf want = {0};
	buf_printf(&want, "tact: cannot keep the owner root of '%s': %s; "
	    "nothing written (its owner or root can add entries to it)\n",
	    path("o.md"), strerror(EPERM));
	assert_string_equal(msg, want.s);
	buf_free(&want);
	free(msg);
	file_is("o.md", text);
	assert_int_equal(count_dir(), 1);
	unlink(path("o.md"));
}

/* A FIFO or a device is refused at once, not waited on. */
static void
not_regular(void **state)
{
	(void)state;
	assert_int_equal(mkfifo(path("fifo.md"), 0600), 0);
	struct notesedit_result res;
	alarm(10);		/* a hang fails the test */
	assert_int_equal(done("fifo.md", "a", "call", "", &res), 2);
	notesedit_result_free(&res);
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("fifo.md"), NULL), -1);
	rewrite_close(&rw);
	assert_int_equal(rewrite_open(&rw, "/dev/null", NULL), -1);
	rewrite_close(&rw);
	alarm(0);
	unlink(path("fifo.md"));
	assert_int_equal(count_dir(), 0);
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
	file_is("f.md", text);
	assert_int_equal(count_dir(), 1);
	unlink(path("f.md"));
}

/* Files that cannot be opened for writing. */
static void
rewrite_open_fails(void **state)
{
	(void)state;
	struct rewrite rw;
	assert_int_equal(rewrite_open(&rw, path("missing.md"), NULL), -1);
	rewrite_close(&rw);
	assert_int_equal(rewrite_open(&rw, dir, NULL), -1);
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
		cmocka_unit_test(after),
		cmocka_unit_test(copy_insert),
		cmocka_unit_test(done_adds),
		cmocka_unit_test(done_clients),
		cmocka_unit_test(done_hidden),
		cmocka_unit_test(done_gift_limit),
		cmocka_unit_test(named_text),
		cmocka_unit_test(done_person),
		cmocka_unit_test(done_person_refused),
		cmocka_unit_test(done_person_note),
		cmocka_unit_test(done_alias),
		cmocka_unit_test(done_alias_ambiguous),
		cmocka_unit_test(done_suggest),
		cmocka_unit_test(rewrite_keeps),
		cmocka_unit_test(rewrite_changed),
		cmocka_unit_test(editor_race),
		cmocka_unit_test(editor_always),
		cmocka_unit_test(lock_gives_up),
		cmocka_unit_test(signals_wait),
		cmocka_unit_test(stale_removed),
		cmocka_unit_test(owner_kept_or_refused),
		cmocka_unit_test(not_regular),
		cmocka_unit_test(rewrite_fails),
		cmocka_unit_test(rewrite_open_fails),
	};
	return cmocka_run_group_tests_name("notesedit", tests, setup,
	    teardown);
}
