/* Unit tests for noteline: the markdown form of a line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "noteline.h"
#include "util.h"

#define S(lit) lit, sizeof lit - 1

/* List items at any depth, with spaces or tabs; not emphasis. */
static void
list_items(void **state)
{
	(void)state;
	size_t t;
	assert_true(line_list_item(S("- a"), &t));
	assert_int_equal(t, 2);
	assert_true(line_list_item(S("\t\t- a"), &t));
	assert_int_equal(t, 4);
	assert_true(line_list_item(S("        * a"), &t));
	assert_true(line_list_item(S("+"), &t));
	assert_int_equal(t, 1);
	assert_false(line_list_item(S("**Key:** v"), &t));
	assert_false(line_list_item(S("-x"), &t));
	assert_false(line_list_item(S("text"), &t));
}

/* ATX headings: level, text without the closing '#'s. */
static void
headings(void **state)
{
	(void)state;
	const char *h;
	size_t n;
	assert_int_equal(line_heading(S("# Name ##"), &h, &n), 1);
	assert_memory_equal(h, "Name", n);
	assert_int_equal(n, 4);
	assert_int_equal(line_heading(S("### 2. März 2026 – Workshop"), &h,
	    &n), 3);
	assert_int_equal(line_heading(S("###### x"), &h, &n), 6);
	assert_int_equal(line_heading(S("####### x"), &h, &n), 0);
	assert_int_equal(line_heading(S("#tag"), &h, &n), 0);
	assert_int_equal(line_heading(S("    # code"), &h, &n), 0);
	assert_int_equal(line_heading(S("## C#"), &h, &n), 2);
	assert_int_equal(n, 2);
	assert_int_equal(line_heading(S("#"), &h, &n), 1);
	assert_int_equal(n, 0);
}

/* Fences: three or more, at most three spaces in; closed by as many. */
static void
fences(void **state)
{
	(void)state;
	char c;
	size_t len;
	assert_true(line_fence_open(S("```c"), &c, &len));
	assert_int_equal(len, 3);
	assert_true(line_fence_open(S("   ~~~~"), &c, &len));
	assert_false(line_fence_open(S("    ```"), &c, &len));
	assert_false(line_fence_open(S("``"), &c, &len));
	assert_true(line_fence_close(S("~~~~~  "), '~', 4));
	assert_false(line_fence_close(S("~~~"), '~', 4));
	assert_false(line_fence_close(S("``` x"), '`', 3));
}

/* Tables: rows, delimiter rows, two-cell rows with escaped bars. */
static void
tables(void **state)
{
	(void)state;
	const char *a, *b;
	size_t an, bn;
	assert_true(line_table_row(S("| a | b |")));
	assert_true(line_table_delim(S("|---|:--:|")));
	assert_false(line_table_delim(S("| a | b |")));
	assert_false(line_table_delim(S("| | |")));
	assert_true(line_table_pair(S("| **Role** | Engineering Lead |"), &a,
	    &an, &b, &bn));
	assert_int_equal(an, 8);
	assert_memory_equal(a, "**Role**", 8);
	assert_int_equal(bn, 16);
	assert_true(line_table_pair(S("|a|b"), &a, &an, &b, &bn));
	assert_true(line_table_pair(S("| x | a \\| b |"), &a, &an, &b, &bn));
	assert_memory_equal(b, "a \\| b", bn);
	assert_false(line_table_pair(S("| a | b | c |"), &a, &an, &b, &bn));
	assert_false(line_table_pair(S("| a |"), &a, &an, &b, &bn));
}

/* Emphasis around the whole text, nested. */
static void
unemph(void **state)
{
	(void)state;
	size_t n = sizeof "**_Name_**" - 1;
	const char *s = line_unemph("**_Name_**", &n);
	assert_int_equal(n, 4);
	assert_memory_equal(s, "Name", 4);
	n = 6;
	s = line_unemph("**a* b", &n);
	assert_int_equal(n, 6);
}

/* Wikilinks: target without heading and folders, label. */
static void
wikilinks(void **state)
{
	(void)state;
	const char *t, *l;
	size_t tn, ln, len;
	assert_true(line_wikilink(S("[[Kunden/Weingut Rebholz#Log|Rebholz]] x"),
	    &t, &tn, &l, &ln, &len));
	assert_int_equal(tn, 15);
	assert_memory_equal(t, "Weingut Rebholz", 15);
	assert_int_equal(ln, 7);
	assert_memory_equal(l, "Rebholz", 7);
	assert_int_equal(len, 38);
	assert_true(line_wikilink(S("[[Mar 14th, 2019]]"), &t, &tn, &l, &ln,
	    &len));
	assert_int_equal(ln, 14);
	assert_false(line_wikilink(S("[[open"), &t, &tn, &l, &ln, &len));
	assert_false(line_wikilink(S("[x]"), &t, &tn, &l, &ln, &len));

	struct buf b = {0};
	line_unlink(&b, S("[[A]] and [[B|bee]] and [[ x"));
	assert_string_equal(b.s, "A and bee and [[ x");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_items),
		cmocka_unit_test(headings),
		cmocka_unit_test(fences),
		cmocka_unit_test(tables),
		cmocka_unit_test(unemph),
		cmocka_unit_test(wikilinks),
	};
	return cmocka_run_group_tests_name("noteline", tests, NULL, NULL);
}
