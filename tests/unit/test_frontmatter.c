/* test_frontmatter.c: frontmatter_parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "frontmatter.h"
#include "util.h"

static struct buf got;	/* one line a key: "key=value@line" */

static void
collect(const char *key, const char *value, long line, void *ctx)
{
	(*(int *)ctx)++;
	buf_printf(&got, "%s=%s@%ld\n", key, value, line);
}

/* Parse s[0..n) from a copy of exactly n bytes (the sanitizers catch a
 * read past n); the calls of fn go to got. */
static int
parse(const char *s, size_t n, long *errline, char **errmsg, int *calls)
{
	char *copy = malloc(n ? n : 1);
	assert_non_null(copy);
	memcpy(copy, s, n);
	buf_reset(&got);
	buf_adds(&got, "");
	*calls = 0;
	int r = frontmatter_parse(copy, n, collect, calls, errline, errmsg);
	free(copy);
	return r;
}

/* s parses, and the keys are want. */
static void
ok_n(const char *s, size_t n, const char *want, const char *file, int line)
{
	long errline = -7;
	char *errmsg = (char *)"x";
	int calls;
	int r = parse(s, n, &errline, &errmsg, &calls);
	if (r != 0)
		fprintf(stderr, "unexpected error at %ld: %s\n", errline,
		    errmsg);
	_assert_int_equal(r, 0, file, line);
	_assert_int_equal(errline, 0, file, line);
	_assert_true(errmsg == NULL, "errmsg == NULL", file, line);
	_assert_string_equal(got.s, want, file, line);
}
#define OK(s, want) ok_n(s, strlen(s), want, __FILE__, __LINE__)

/* s is refused at line wantline with message wantmsg, and fn was never
 * called. */
static void
bad_n(const char *s, size_t n, long wantline, const char *wantmsg,
    const char *file, int line)
{
	long errline = -7;
	char *errmsg = NULL;
	int calls;
	int r = parse(s, n, &errline, &errmsg, &calls);
	_assert_int_equal(r, -1, file, line);
	_assert_int_equal(calls, 0, file, line);
	_assert_true(errmsg != NULL, "errmsg != NULL", file, line);
	_assert_string_equal(errmsg, wantmsg, file, line);
	_assert_int_equal(errline, wantline, file, line);
	free(errmsg);
}
#define BAD(s, l, msg) bad_n(s, strlen(s), l, msg, __FILE__, __LINE__)

/* Plain scalars of every kind are text, as written. */
static void
scalars(void **state)
{
	(void)state;
	OK("name: Anna Müller\nage: 42\nactive: true\nratio: 1.5e3\n"
	    "tier: A\n",
	    "name=Anna Müller@1\nage=42@2\nactive=true@3\nratio=1.5e3@4\n"
	    "tier=A@5\n");
	/* A plain scalar over two lines is folded into one. */
	OK("note: a long\n  sentence\n", "note=a long sentence@1\n");
	/* Tags are ignored. */
	OK("n: !!str 12\nb: !foo bar\n", "n=12@1\nb=bar@2\n");
}

/* Single and double quotes, with their escapes. */
static void
quoted(void **state)
{
	(void)state;
	OK("a: 'it''s'\nb: \"tab\\there \\\"q\\\"\"\nc: \"\\u00e4\\x41\"\n"
	    "d: '#not a comment'\ne: \"x: y\"\n",
	    "a=it's@1\nb=tab\there \"q\"@2\nc=äA@3\nd=#not a comment@4\n"
	    "e=x: y@5\n");
	/* Quoted, "null" and "" are text. */
	OK("a: 'null'\nb: \"~\"\n", "a=null@1\nb=~@2\n");
}

/* Literal and folded blocks, with their chomping; the key's line. */
static void
block_scalars(void **state)
{
	(void)state;
	OK("a: |\n  one\n  two\nb: >\n  folded\n  text\n\n  para\n"
	    "c: |-\n  strip\nd: >+\n  keep\n\ne: 1\n",
	    "a=one\ntwo\n@1\nb=folded text\npara\n@4\nc=strip@9\n"
	    "d=keep\n\n@11\ne=1@14\n");
}

/* Flow and block lists give their items joined by ", ". */
static void
lists(void **state)
{
	(void)state;
	OK("tags: [a, b, 'c, d']\nkids:\n  - Max\n  - Lena\nnone: []\n",
	    "tags=a, b, c, d@1\nkids=Max, Lena@2\nnone=@5\n");
	/* Items at the key's indentation. */
	OK("kids:\n- Max\n- Lena\nx: 1\n", "kids=Max, Lena@1\nx=1@4\n");
	/* Nested lists are flattened; empty ones give no item. */
	OK("a: [x, [y, [z]], [], w]\nb:\n  - - 1\n    - 2\n  - 3\n",
	    "a=x, y, z, w@1\nb=1, 2, 3@2\n");
	/* A map in a list gives its values; a null item is an empty one. */
	OK("people:\n  - name: Anna\n    born: 1980\n  - {name: Max, tags: [a]}\n"
	    "  - ~\n  -\n  - end\n",
	    "people=Anna, 1980, Max, a, , , end@1\n");
	OK("a: [[], {}, [[]]]\n", "a=@1\n");
}

/* Nested maps to depth 3 give "outer.inner" keys, as written. */
static void
nested_maps(void **state)
{
	(void)state;
	OK("address:\n  City: Berlin\n  geo:\n    lat: 52.5\n    lon: 13.4\n"
	    "  zip: 10115\nafter: x\n",
	    "address.City=Berlin@2\naddress.geo.lat=52.5@4\n"
	    "address.geo.lon=13.4@5\naddress.zip=10115@6\nafter=x@7\n");
	OK("a: {b: {c: 1, d: [2, 3]}, e: 4}\n",
	    "a.b.c=1@1\na.b.d=2, 3@1\na.e=4@1\n");
	/* An empty map is its key with "". */
	OK("a: {}\nb:\n  c: {}\n", "a=@1\nb.c=@3\n");
	/* Keys with dots and spaces stay as written. */
	OK("Company Founded:\n  v1.2: x\n", "Company Founded.v1.2=x@2\n");
}

/* Null and empty values are "". */
static void
empty_values(void **state)
{
	(void)state;
	OK("a:\nb: ~\nc: null\nd: \"\"\ne: NULL\nf: ''\ng:\n",
	    "a=@1\nb=@2\nc=@3\nd=@4\ne=@5\nf=@6\ng=@7\n");
	/* Nothing, or only comments and blank lines: no keys. */
	OK("", "");
	OK("\n\n", "");
	OK("# just a comment\n  # another\n\n", "");
	/* A null document. */
	OK("~\n", "");
}

/* Comments are dropped, wherever they stand. */
static void
comments(void **state)
{
	(void)state;
	OK("# head\na: 1 # trailing\n# between\nb: [x, # in a list\n  y]\n"
	    "c: x#y\n",
	    "a=1@2\nb=x, y@4\nc=x#y@6\n");
}

/* Dates and datetimes are plain scalars, passed on as written. */
static void
datetimes(void **state)
{
	(void)state;
	OK("birthday: 2024-06-14\nmet: 2024-06-14T23:02:00\n"
	    "call: 2024-06-14 23:02:00 +01:00\nutc: 2001-12-14t21:59:43.10Z\n",
	    "birthday=2024-06-14@1\nmet=2024-06-14T23:02:00@2\n"
	    "call=2024-06-14 23:02:00 +01:00@3\n"
	    "utc=2001-12-14t21:59:43.10Z@4\n");
}

/* Not YAML: -1 at the right line with libyaml's message, nothing
 * reported. */
static void
invalid(void **state)
{
	(void)state;
	BAD("telegram: @carl\n", 1,
	    "found character that cannot start any token");
	BAD("name: Carl\nphone: 123\ntelegram: @carl\nx: 1\n", 3,
	    "found character that cannot start any token");
	BAD("a: `b`\n", 1, "found character that cannot start any token");
	/* A mark at the end stands on the last line. */
	BAD("a: \"open\nb: 1\n", 2, "found unexpected end of stream");
	BAD("a: 1\n b: 2\n", 2,
	    "mapping values are not allowed in this context");
	BAD("a: [b\n", 1, "did not find expected ',' or ']'");
	BAD("a: 1\nb\n", 2, "could not find expected ':'");
	BAD("a: 1\n\tb: 2\n", 2,
	    "found a tab character that violates indentation");
	BAD("a: *nothing\n", 1, "undefined alias");
	BAD("a: 1\n...\nb: 2\n", 3, "did not find expected <document start>");
	BAD("a: 1\n--- \nb: 2\n", 2, "more than one document");
	/* Not UTF-8 (the reader counts lines by bytes). */
	BAD("a: 1\nb: \xff\n", 2, "invalid leading UTF-8 octet");
	BAD("a: 1\nb: x\x01\n", 2, "control characters are not allowed");
	BAD("\xff\xfe" "a\0:\0", 1, "invalid leading UTF-8 octet");
}

/* The top level must be a map. */
static void
top_level(void **state)
{
	(void)state;
	BAD("- a\n- b\n", 1, "top level is a list, not a map");
	BAD("\n[a, b]\n", 2, "top level is a list, not a map");
	BAD("just text\n", 1, "top level is a scalar, not a map");
	BAD("'quoted'\n", 1, "top level is a scalar, not a map");
	BAD("|\n  block\n", 1, "top level is a scalar, not a map");
}

/* k copies of s at the end of b. */
static void
repeat(struct buf *b, const char *s, int k)
{
	while (k-- > 0)
		buf_adds(b, s);
}

/* d maps inside each other ("a.a.a..." = "1"), flow or block style. */
static char *
nest_maps(int d, int block)
{
	struct buf b = { 0 };
	for (int i = 0; i < d; i++) {
		if (block)
			repeat(&b, " ", i);
		buf_adds(&b, i + 1 == d ? "a: 1" : block ? "a:\n" : "a: {");
	}
	repeat(&b, block ? "\n" : "}", block ? 1 : d - 1);
	return buf_steal(&b);
}

/* 64 levels of lists and maps are read, the 65th is an error. */
static void
depth_limit(void **state)
{
	(void)state;
	struct buf want = { 0 };
	for (int i = 0; i < 64; i++)
		buf_adds(&want, i ? ".a" : "a");
	buf_adds(&want, "=1@64\n");
	char *s = nest_maps(64, 1);
	OK(s, want.s);
	free(s);
	s = nest_maps(65, 1);
	BAD(s, 65, "nesting deeper than 64 levels");
	free(s);
	want.len -= 4;
	buf_adds(&want, "@1\n");
	s = nest_maps(64, 0);
	OK(s, want.s);
	free(s);
	s = nest_maps(65, 0);
	BAD(s, 1, "nesting deeper than 64 levels");
	free(s);
	buf_free(&want);

	/* A list under the root map: 63 lists are 64 levels. */
	struct buf b = { 0 };
	buf_adds(&b, "a: ");
	repeat(&b, "[", 63);
	buf_adds(&b, "x");
	repeat(&b, "]", 63);
	OK(b.s, "a=x@1\n");
	buf_reset(&b);
	buf_adds(&b, "a:\n ");
	repeat(&b, "[", 100000);
	BAD(b.s, 2, "nesting deeper than 64 levels");
	/* Deep nesting inside a skipped key counts too. */
	buf_reset(&b);
	buf_adds(&b, "? ");
	repeat(&b, "[", 64);
	repeat(&b, "]", 64);
	buf_adds(&b, "\n: x\n");
	BAD(b.s, 1, "nesting deeper than 64 levels");
	buf_free(&b);
}

/* An alias stands for a copy of its anchored node. */
static void
aliases(void **state)
{
	(void)state;
	OK("base: &b Berlin\ncity: *b\n", "base=Berlin@1\ncity=Berlin@2\n");
	OK("l: &l [a, b]\nm: *l\nn: [*l, c, *l]\n",
	    "l=a, b@1\nm=a, b@2\nn=a, b, c, a, b@3\n");
	OK("d: &d\n  x: 1\n  y: [2, 3]\ne: *d\nf: [*d]\n",
	    "d.x=1@2\nd.y=2, 3@3\ne.x=1@4\ne.y=2, 3@4\nf=1, 2, 3@5\n");
	/* Anchors inside anchored nodes, aliases inside them. */
	OK("a: &a {x: &x 1, y: [*x]}\nb: *x\nc: &c [*a, *x]\nd: *c\n",
	    "a.x=1@1\na.y=1@1\nb=1@2\nc=1, 1, 1@3\nd=1, 1, 1@4\n");
	/* An alias as a key; a redefined anchor means its last node. */
	OK("k: &k name\n*k : v\nr: &k 2\ns: *k\n",
	    "k=name@1\nname=v@2\nr=2@3\ns=2@4\n");
	/* A null under an anchor stays null. */
	OK("a: &n ~\nb: *n\nc: [*n, x]\n", "a=@1\nb=@2\nc=, x@3\n");
	/* "<<" is an ordinary key. */
	OK("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
	    "base.x=1@1\nm.<<.x=1@3\nm.y=2@4\n");
	/* An anchor is known once its node is complete: no recursion. */
	BAD("a: &a [1, *a]\n", 1, "undefined alias");
	BAD("a: &a {b: *a}\n", 1, "undefined alias");
	/* An anchor in a skipped key is still an anchor. */
	OK("? [&k x]\n: skipped\ny: *k\n", "y=x@3\n");
}

/* A billion laughs: 9 levels of 9 aliases, about 10^9 items (or empty
 * lists, which make no text), stop at the budget, fast. */
static void
billion_laughs(void **state)
{
	(void)state;
	for (int empty = 0; empty < 2; empty++) {
		struct buf b = { 0 };
		buf_adds(&b, empty ? "a: &a []\n" : "a: &a lol\n");
		for (char c = 'b'; c <= 'j'; c++) {
			buf_printf(&b, "%c: &%c [", c, c);
			for (int i = 0; i < 9; i++)
				buf_printf(&b, "%s*%c", i ? ", " : "", c - 1);
			buf_adds(&b, "]\n");
		}
		/* As map values too: each level's keys under the next. */
		buf_adds(&b, "m: &m {a: *j, b: *j}\nn: {a: *m, b: *m}\n");
		time_t t0 = time(NULL);
		long line = 0;
		char *msg = NULL;
		int calls;
		int r = parse(b.s, b.len, &line, &msg, &calls);
		assert_int_equal(r, -1);
		assert_int_equal(calls, 0);
		assert_string_equal(msg,
		    "aliases or nested keys expand to too much text");
		assert_true(line >= 2 && line <= 10);
		assert_true(time(NULL) - t0 < 20);
		free(msg);
		buf_free(&b);
	}
	/* Fewer levels stay within the budget. */
	OK("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
	    "a=x, x@1\nb=x, x, x, x@2\nc=x, x, x, x, x, x, x, x@3\n");
}

/* One long key over many nested keys is the same quadratic text. */
static void
long_keys(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_adds(&b, "? ");
	repeat(&b, "k", 100000);
	buf_adds(&b, "\n: {");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%sa: 1", i ? ", " : "");
	buf_adds(&b, "}\n");
	long line = 0;
	char *msg = NULL;
	int calls;
	assert_int_equal(parse(b.s, b.len, &line, &msg, &calls), -1);
	assert_int_equal(calls, 0);
	assert_string_equal(msg,
	    "aliases or nested keys expand to too much text");
	assert_int_equal(line, 2);
	free(msg);
	buf_free(&b);
}

/* CRLF line ends: the same values and lines as LF. */
static void
crlf(void **state)
{
	(void)state;
	OK("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: [p,\r\n  q]\r\nd:\r\n  e: 2\r\n",
	    "a=1@1\nb=x\ny\n@2\nc=p, q@5\nd.e=2@8\n");
	BAD("a: 1\r\nb: 2\r\nc: @x\r\n", 3,
	    "found character that cannot start any token");
	/* A lone CR is a line break to YAML, not to the notes. */
	OK("a: 1\rb: 2\nc: 3\n", "a=1@1\nb=2@1\nc=3@2\n");
}

/* UTF-8 keys and values, a byte-order mark, Unicode line breaks. */
static void
utf8(void **state)
{
	(void)state;
	OK("geburtstag: 14.03.1980\ngröße: 1,80 m\nstraße: Hauptstraße 1\n"
	    "日付: 2024-06-14\n",
	    "geburtstag=14.03.1980@1\ngröße=1,80 m@2\n"
	    "straße=Hauptstraße 1@3\n日付=2024-06-14@4\n");
	OK("\xef\xbb\xbf" "a: 1\n", "a=1@1\n");
	/* U+2028 is a line break to YAML 1.1, not to the notes: lines
	 * count '\n' only.  Folding keeps it. */
	OK("a: x\xe2\x80\xa8  y\nb: ü\n", "a=x\xe2\x80\xa8y@1\nb=ü@2\n");
}

/* Keys that are no scalars are skipped with their values; other scalar
 * keys are text; a key given twice is reported twice. */
static void
keys(void **state)
{
	(void)state;
	OK("? [a, b]\n: x\n? {c: d}\n: {e: f}\n2024: y\ntrue: z\n~: n\n"
	    "\"\": e\n",
	    "2024=y@5\ntrue=z@6\n~=n@7\n=e@8\n");
	OK("a: 1\nb: 2\na: 3\n", "a=1@1\nb=2@2\na=3@3\n");
	/* Inside a list, complex keys and their values are skipped too. */
	OK("l: [{[k]: v, x: y}]\n", "l=y@1\n");
	/* A map in a list under an anchor keeps its keys for a map value. */
	OK("l: [&m {x: 1}]\nm: *m\n", "l=1@1\nm.x=1@2\n");
}

/* Only n bytes are read; a "\0" escape cuts the string. */
static void
bounded(void **state)
{
	(void)state;
	ok_n("a: 1\nb: 2\n", 5, "a=1@1\n", __FILE__, __LINE__);
	ok_n("a: xyz", 4, "a=x@1\n", __FILE__, __LINE__);
	OK("a: \"x\\0y\"\n", "a=x@1\n");
	/* A NUL byte in the text is a control character. */
	bad_n("a: x\0y\n", 7, 1, "control characters are not allowed",
	    __FILE__, __LINE__);
	/* errline and errmsg may be NULL. */
	int calls = 0;
	assert_int_equal(frontmatter_parse("a: @", 4, collect, &calls, NULL,
	    NULL), -1);
	assert_int_equal(frontmatter_parse("a: b", 4, collect, &calls, NULL,
	    NULL), 0);
	assert_int_equal(calls, 1);
}

/* A big front matter: 1 MB of keys and values, read in linear time. */
static void
big(void **state)
{
	(void)state;
	struct buf b = { 0 }, want = { 0 };
	for (int i = 0; i < 40000; i++)
		buf_printf(&b, "key%d: [v%d, {w: %d}]\n", i, i, i);
	time_t t0 = time(NULL);
	long line;
	char *msg = (char *)"x";
	int calls;
	assert_int_equal(parse(b.s, b.len, &line, &msg, &calls), 0);
	assert_true(time(NULL) - t0 < 30);
	assert_int_equal(calls, 40000);
	buf_printf(&want, "key39999=v39999, 39999@40000\n");
	assert_string_equal(got.s + got.len - want.len, want.s);
	buf_free(&b);
	buf_free(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scalars),
		cmocka_unit_test(quoted),
		cmocka_unit_test(block_scalars),
		cmocka_unit_test(lists),
		cmocka_unit_test(nested_maps),
		cmocka_unit_test(empty_values),
		cmocka_unit_test(comments),
		cmocka_unit_test(datetimes),
		cmocka_unit_test(invalid),
		cmocka_unit_test(top_level),
		cmocka_unit_test(depth_limit),
		cmocka_unit_test(aliases),
		cmocka_unit_test(billion_laughs),
		cmocka_unit_test(long_keys),
		cmocka_unit_test(crlf),
		cmocka_unit_test(utf8),
		cmocka_unit_test(keys),
		cmocka_unit_test(bounded),
		cmocka_unit_test(big),
	};
	int r = cmocka_run_group_tests_name("frontmatter", tests, NULL, NULL);
	buf_free(&got);
	return r;
}
