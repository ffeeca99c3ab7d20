/* test_gesture.c: gesture templates: placeholders, defaults, #tags,
 * white space, and the errors of a malformed template. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "gesture.h"

/* Fields of the test client: "key=value" pairs. */
static const char *const fields[] = {
	"contact=Anna Müller", "interests=literature, mountaineering",
	"company-founded=2016", "empty=", "blank=   ", "date=a field",
	NULL
};

static const char *
field(const char *key, void *arg)
{
	(void)arg;
	size_t n = strlen(key);
	for (const char *const *f = fields; *f; f++)
		if (!strncmp(*f, key, n) && (*f)[n] == '=')
			return *f + n + 1;
	return NULL;
}

static const struct gesture_vals vals = {
	.client = "Müller GmbH", .id = "mueller-gmbh", .years = "10",
	.date = "2026-11-30",
	.entry = "new role: Head of Marketing #job-change",
	.last = "#literature mentioned she is reading #book Der Zauberberg",
	.field = field,
};

/* Expand tmpl with v; the result is malloc'd. */
static char *
expand(const char *tmpl, const struct gesture_vals *v)
{
	struct gesture g;
	char *err = NULL;
	if (gesture_compile(&g, tmpl, strlen(tmpl), &err) < 0)
		fail_msg("compile '%s': %s", tmpl, err);
	struct buf out = {0};
	gesture_expand(&g, v, &out);
	gesture_free(&g);
	return buf_steal(&out);
}

static void
check(const char *tmpl, const struct gesture_vals *v, const char *want)
{
	char *got = expand(tmpl, v);
	assert_string_equal(got, want);
	free(got);
}

/* Compiling tmpl fails with a message that contains want. */
static void
check_error(const char *tmpl, const char *want)
{
	struct gesture g;
	char *err = NULL;
	assert_int_equal(gesture_compile(&g, tmpl, strlen(tmpl), &err), -1);
	assert_non_null(err);
	if (!strstr(err, want))
		fail_msg("'%s': got '%s', want '%s'", tmpl, err, want);
	assert_int_equal(g.n, 0);
	free(err);
}

/* Text without placeholders is kept as it is. */
static void
plain_text(void **state)
{
	(void)state;
	check("Call her", &vals, "Call her");
}

/* {KEY} is the client's field. */
static void
field_value(void **state)
{
	(void)state;
	check("Call {contact}: happy birthday", &vals,
	    "Call Anna Müller: happy birthday");
}

/* Placeholder keys are normalized like field keys. */
static void
key_normalized(void **state)
{
	(void)state;
	check("{Company Founded} {company_founded} {CONTACT}", &vals,
	    "2016 2016 Anna Müller");
}

/* {KEY|default}: the default where the field is missing. */
static void
default_when_missing(void **state)
{
	(void)state;
	check("Call {phone|the office} or {contact|nobody}", &vals,
	    "Call the office or Anna Müller");
}

/* An empty (or blank) value counts as missing. */
static void
empty_is_missing(void **state)
{
	(void)state;
	check("[{empty|none}] [{blank|none}]", &vals, "[none] [none]");
}

/* Missing without a default is empty; runs of spaces close up. */
static void
missing_without_default(void **state)
{
	(void)state;
	check("Call {phone} now", &vals, "Call now");
	check("{phone}", &vals, "");
}

/* An unknown field is no error. */
static void
unknown_field(void **state)
{
	(void)state;
	check("x{no-such-field}y", &vals, "xy");
}

/* The built-in placeholders. */
static void
builtins(void **state)
{
	(void)state;
	check("{client}|{id}|{years}|{date}", &vals,
	    "Müller GmbH|mueller-gmbh|10|2026-11-30");
}

/* Built-in names win over fields of the same name. */
static void
builtin_over_field(void **state)
{
	(void)state;
	check("{date}", &vals, "2026-11-30");
}

/* Missing built-ins take their default. */
static void
builtin_defaults(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.years = NULL;
	v.entry = NULL;
	v.last = "";
	check("{years|many} years, {entry|no entry}, {last|our talk}", &v,
	    "many years, no entry, our talk");
}

/* {entry} and {last} lose their #tags. */
static void
entry_tags_removed(void **state)
{
	(void)state;
	check("on the new role: {entry}!", &vals,
	    "on the new role: new role: Head of Marketing!");
	check("recall {last}.", &vals,
	    "recall mentioned she is reading Der Zauberberg.");
}

/* Wikilinks in entries read as their labels, as in a note's preview. */
static void
entry_links_resolved(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.last = "Mittag mit [[Goldschmiede Kramer|Ilse]] und [[Jakob]] #call";
	check("recall {last}", &v, "recall Mittag mit Ilse und Jakob");
}

/* An entry of tags only is missing. */
static void
entry_only_tags(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.entry = "#gift #christmas";
	check("[{entry|nothing}]", &v, "[nothing]");
}

/* A '#' that is no tag stays: inside a word, or before a digit. */
static void
entry_not_tags(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.entry = "room#4 and #1 fan #Äpfel-und_Birnen2 done";
	check("{entry}", &v, "room#4 and #1 fan done");
}

/* Runs of white space (tabs, newlines too) become one space; trimmed. */
static void
whitespace_collapsed(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.client = "  Big \t Co\n";
	check("  Card   for\t{client}  ", &v, "Card for Big Co");
}

/* A default keeps its text; '|' after the first belongs to it. */
static void
default_text(void **state)
{
	(void)state;
	check("{x|a|b} {y|}", &vals, "a|b");
}

/* Placeholder values are not expanded again. */
static void
values_not_expanded(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.client = "{contact}";
	check("{client}", &v, "{contact}");
}

/* White space collapsed: texts with nothing to change (kept as they
 * are) and with a change at their start, inside or at their end. */
static void
untag_collapses(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"a b c", "a b c"}, {"a  b", "a b"}, {" a", "a"}, {"a ", "a"},
		{"a\tb", "a b"}, {"ab \n", "ab"}, {"a b  c d", "a b c d"},
		{"x\x01 y", "x\x01 y"}, {"", ""}, {" \t ", ""}, {"a", "a"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf u = {0};
		buf_adds(&u, "=");
		gesture_untag(&u, cases[i][0]);
		assert_string_equal(u.s + 1, cases[i][1]);
		buf_free(&u);
	}
}

/* {last} given as gesture_strip made it is not untagged again (a
 * wikilink's label may read as a tag); it is trimmed and collapsed with
 * the rest, an empty one takes the default; {entry} is untagged still. */
static void
last_untagged(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	struct buf u = {0};
	gesture_strip(&u, " met  at [[Fair|#fair]] #visit");
	assert_string_equal(u.s, " met  at #fair ");
	v.last = u.s;
	v.last_untagged = true;
	check("refer to {last}.", &v, "refer to met at #fair.");
	check("{entry}", &v, "new role: Head of Marketing");
	v.last = " \t";
	check("{last|nothing}", &v, "nothing");
	buf_free(&u);
}

/* A lone '}' is text. */
static void
lone_close(void **state)
{
	(void)state;
	check("a } b", &vals, "a } b");
}

/* Text that is not UTF-8 is inserted as it is. */
static void
entry_not_utf8(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.entry = "caf\xe9 #tag";
	check("{entry}", &v, "caf\xe9 #tag");
}

/* {name}: the person's name, or the client's display name; missing
 * without one. */
static void
name_placeholder(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	v.name = "Katrin Brenner";
	check("Happy birthday, {name}! ({client})", &v,
	    "Happy birthday, Katrin Brenner! (Müller GmbH)");
	v.name = NULL;
	check("{name|you}", &v, "you");
}

/* {contact}: vals.contact when the caller gives one, else the field
 * contact, else its default. */
static void
contact_placeholder(void **state)
{
	(void)state;
	struct gesture_vals v = vals;
	check("{contact}", &v, "Anna Müller");
	v.contact = "Katrin";
	check("{contact}, {Contact|x}", &v, "Katrin, Katrin");
	v.contact = "";
	check("{contact|the team}", &v, "the team");
	v.contact = NULL;
	v.field = NULL;
	check("{contact|the team}", &v, "the team");
}

/* A default may hold placeholders, nested, and text around them. */
static void
nested_defaults(void **state)
{
	(void)state;
	check("{kontakt|{contact|das Team}}", &vals, "Anna Müller");
	check("{kontakt|{nobody|das Team}}", &vals, "das Team");
	check("{a|{b|{c|{client}}}}!", &vals, "Müller GmbH!");
	check("Dear {a|team of {client}, {years|many} years}.", &vals,
	    "Dear team of Müller GmbH, 10 years.");
	check("x{a| {empty} }y", &vals, "x y");
	/* a value with braces is never expanded, in a default neither */
	struct gesture_vals v = vals;
	v.client = "{contact}";
	check("{a|{client}}", &v, "{contact}");
	/* a default whose placeholders are all missing is empty */
	check("[{a|{b}}]", &vals, "[]");
	check("{a|{b}|c}", &vals, "|c");
}

/* Nesting is bounded: 8 deep is fine, 9 an error; a hostile depth of
 * 100000 is an error, not a stack overflow. */
static void
nested_too_deep(void **state)
{
	(void)state;
	check("{a|{a|{a|{a|{a|{a|{a|{a|{client}}}}}}}}}", &vals,
	    "Müller GmbH");
	check_error("{a|{a|{a|{a|{a|{a|{a|{a|{a|{client}}}}}}}}}}",
	    "placeholders nested too deep in '{a|{a|{a|{a|{a|{a|{a|{a|{a|{': "
	    "a default may hold placeholders up to 8 deep, e.g. "
	    "{kontakt|{contact|the team}}");
	enum { N = 100000 };
	char *s = malloc(4 * N + 1);
	assert_non_null(s);
	for (int i = 0; i < N; i++)
		memcpy(s + 3 * i, "{a|", 3);
	memset(s + 3 * N, '}', N);
	s[4 * N] = '\0';
	check_error(s, "placeholders nested too deep");
	/* unclosed, long */
	s[3 * N] = '\0';
	check_error(s, "placeholders nested too deep");
	memcpy(s, "{a|{b}", 7);
	check_error(s, "unclosed '{' in '{a|{b}'");
	free(s);
}

/* Malformed templates: what is wrong and what would be right. */
static void
errors(void **state)
{
	(void)state;
	check_error("Call {contact", "unclosed '{' in '{contact': end the "
	    "placeholder with '}'");
	check_error("Call {contact {x}", "'{' inside the placeholder "
	    "'{contact '");
	check_error("Call {}", "empty placeholder '{}'");
	check_error("Call { |x}", "empty placeholder '{ |x}'");
	check_error("ok {a} {", "unclosed '{' in '{'");
	/* in a default */
	check_error("Call {contact|{x}", "unclosed '{' in '{contact|{x}'");
	check_error("Call {contact|{}}", "empty placeholder '{}'");
	check_error("Call {contact|{a {b}}}", "'{' inside the placeholder "
	    "'{a '");
	check_error("Call {contact|{client", "unclosed '{' in "
	    "'{contact|{client'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text),
		cmocka_unit_test(field_value),
		cmocka_unit_test(key_normalized),
		cmocka_unit_test(default_when_missing),
		cmocka_unit_test(empty_is_missing),
		cmocka_unit_test(missing_without_default),
		cmocka_unit_test(unknown_field),
		cmocka_unit_test(builtins),
		cmocka_unit_test(builtin_over_field),
		cmocka_unit_test(builtin_defaults),
		cmocka_unit_test(entry_tags_removed),
		cmocka_unit_test(entry_links_resolved),
		cmocka_unit_test(entry_only_tags),
		cmocka_unit_test(entry_not_tags),
		cmocka_unit_test(whitespace_collapsed),
		cmocka_unit_test(default_text),
		cmocka_unit_test(values_not_expanded),
		cmocka_unit_test(lone_close),
		cmocka_unit_test(entry_not_utf8),
		cmocka_unit_test(name_placeholder),
		cmocka_unit_test(contact_placeholder),
		cmocka_unit_test(nested_defaults),
		cmocka_unit_test(nested_too_deep),
		cmocka_unit_test(errors),
		cmocka_unit_test(last_untagged),
		cmocka_unit_test(untag_collapses),
	};
	return cmocka_run_group_tests_name("gesture", tests, NULL, NULL);
}
