/* Unit tests for the notes parser: items and their order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "notes.h"

static struct buf got;
static char *diags;	/* the diagnostics of the last parse */
static size_t diagslen;

/* One line per item: "KIND id line …". */
static void
collect(const struct notes_item *it, void *ctx)
{
	(void)ctx;
	char d[DATE_BUFSZ], m[MONEY_BUFSZ];
	switch (it->kind) {
	case NOTES_CLIENT:
		buf_printf(&got, "client %s %ld %s\n", it->id, it->line,
		    it->name);
		break;
	case NOTES_FIELD:
		buf_printf(&got, "field %s %ld %s [%s] %s\n", it->id, it->line,
		    it->key, it->has_date ? date_format(it->date, d) : "",
		    it->value);
		break;
	case NOTES_ENTRY:
		buf_printf(&got, "entry %s %ld %s [%s %s] [%s] %s\n", it->id,
		    it->line, date_format(it->date, d),
		    it->has_amount ? money_format(it->amount.cents, m) : "",
		    it->has_amount ? it->amount.currency : "", it->tags,
		    it->text);
		break;
	case NOTES_SECTION:
		buf_printf(&got, "section %s h%ld i%ld e%ld%s\n", it->id,
		    it->heading_line, it->last_item_line, it->end_line,
		    it->merged ? " merged" : "");
		break;
	}
}

/* Parse text as file name, with diagnostics captured into diags. */
static const char *
parse(const char *name, const char *text)
{
	buf_reset(&got);
	free(diags);
	FILE *err = open_memstream(&diags, &diagslen);
	assert_non_null(err);
	diag_output(err);
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(fp);
	struct notes *np = notes_new(collect, NULL);
	notes_parse(np, fp, name);
	notes_free(np);
	fclose(fp);
	diag_output(NULL);
	fclose(err);
	return got.s ? got.s : "";
}

/* The SPEC's example client, item by item. */
static void
spec_example(void **state)
{
	(void)state;
	assert_string_equal(parse("m.md",
	    "# Müller GmbH\n"
	    "- contact: Anna Müller\n"
	    "- birthday: 14. März 1980\n"
	    "\n## Log\n"
	    "- 10.05.2026 – new role: Head of Marketing #job-change\n"
	    "- 2025-12-01: book \"Der Zauberberg\" #gift #christmas 24,90 €\n"),
	    "client mueller-gmbh 1 Müller GmbH\n"
	    "field mueller-gmbh 2 contact [] Anna Müller\n"
	    "field mueller-gmbh 3 birthday [1980-03-14] 14. März 1980\n"
	    "entry mueller-gmbh 6 2026-05-10 [ ] [job-change] new role: Head of Marketing #job-change\n"
	    "entry mueller-gmbh 7 2025-12-01 [24.90 EUR] [gift,christmas] book \"Der Zauberberg\" #gift #christmas 24,90 €\n"
	    "section mueller-gmbh h1 i7 e7\n");
}

/* A file without heading is one client named after the file. */
static void
no_heading(void **state)
{
	(void)state;
	assert_string_equal(parse("dir/Hofmann Schreinerei.md",
	    "---\ntier: \"A\"\n---\ntext\n- 2026-01-01: x\n"),
	    "client hofmann-schreinerei 1 Hofmann Schreinerei\n"
	    "field hofmann-schreinerei 2 tier [] A\n"
	    "entry hofmann-schreinerei 5 2026-01-01 [ ] [] x\n"
	    "section hofmann-schreinerei h0 i5 e5\n");
}

/* Front matter goes to the first heading's client, right after it. */
static void
front_matter_first_client(void **state)
{
	(void)state;
	assert_string_equal(parse("f.md",
	    "---\ntier: A\n---\n# One\n- contact: Eva\n# Two\n"),
	    "client one 4 One\n"
	    "field one 2 tier [] A\n"
	    "field one 5 contact [] Eva\n"
	    "section one h4 i5 e5\n"
	    "client two 6 Two\n"
	    "section two h6 i0 e6\n");
}

/* Front matter's id names the first heading's client; a "name" field
 * gives a file without heading its display name, not its id. */
static void
front_matter_id_and_name(void **state)
{
	(void)state;
	assert_string_equal(parse("f.md",
	    "---\nid: lena\n---\n# Lena Vogt\n"),
	    "client lena 4 Lena Vogt\n"
	    "field lena 2 id [] lena\n"
	    "section lena h4 i0 e4\n");
	assert_string_equal(parse("dir/hof.md",
	    "---\nname: Hofmann Schreinerei\n---\n"),
	    "client hof 1 Hofmann Schreinerei\n"
	    "field hof 2 name [] Hofmann Schreinerei\n"
	    "section hof h0 i0 e3\n");
}

/* An empty file gives nothing. */
static void
empty_file(void **state)
{
	(void)state;
	assert_string_equal(parse("e.md", "\n \n"), "");
}

/* The id field names the client wherever it stands in the section. */
static void
id_field_late(void **state)
{
	(void)state;
	assert_string_equal(parse("i.md",
	    "# Acme Corp\n- 2026-01-01: x\n- id: acme\n"),
	    "client acme 1 Acme Corp\n"
	    "entry acme 2 2026-01-01 [ ] [] x\n"
	    "field acme 3 id [] acme\n"
	    "section acme h1 i3 e3\n");
}

/* A client met again is merged: no second client item. */
static void
merge_same_id(void **state)
{
	(void)state;
	int before = diag_status();
	assert_string_equal(parse("m.md",
	    "# Müller\n- 2026-01-01: a\n# Mueller\n- 2026-01-02: b\n"),
	    "client mueller 1 Müller\n"
	    "entry mueller 2 2026-01-01 [ ] [] a\n"
	    "section mueller h1 i2 e2\n"
	    "entry mueller 4 2026-01-02 [ ] [] b\n"
	    "section mueller h3 i4 e4 merged\n");
	assert_int_equal(diag_status(), before);	/* a warning only */
	assert_string_equal(diags, "m.md:3: warning: client 'mueller' "
	    "already at m.md:1; merged\n");
}

/* Code blocks and HTML comments hide their lines. */
static void
hidden_lines(void **state)
{
	(void)state;
	assert_string_equal(parse("h.md",
	    "# H\n```\n- 2026-01-01: no\n```\n<!-- - 2026-01-02: no -->\n"
	    "<!--\n- 2026-01-03: no\n-->\n- 2026-01-04: yes <!-- x --> y\n"),
	    "client h 1 H\n"
	    "entry h 9 2026-01-04 [ ] [] yes  y\n"
	    "section h h1 i9 e9\n");
}

/* Task items: done ones with a date are entries, open ones ignored. */
static void
task_items(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n- [ ] 2026-01-01 open\n- [x] 2026-01-02 done #call\n"),
	    "client t 1 T\n"
	    "entry t 3 2026-01-02 [ ] [call] done #call\n"
	    "section t h1 i3 e3\n");
}

/* Tags: lowercased, no repeats, only after white space or at the start. */
static void
tags_rules(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n- 2026-01-01: #Gift a#b #gift #Geschäft #1x #job-change\n"),
	    "client t 1 T\n"
	    "entry t 2 2026-01-01 [ ] [gift,geschäft,job-change] #Gift a#b #gift #Geschäft #1x #job-change\n"
	    "section t h1 i2 e2\n");
}

/* Many distinct tags in one entry stay linear and all are kept. */
static void
many_tags(void **state)
{
	(void)state;
	struct buf in = {0};
	buf_adds(&in, "# T\n- 2026-01-01:");
	for (int i = 0; i < 3000; i++)
		buf_printf(&in, " #t%d", i);
	buf_adds(&in, "\n");
	parse("t.md", in.s);
	assert_non_null(strstr(got.s, "t0,t1,t2,"));
	assert_non_null(strstr(got.s, ",t2999]"));
	buf_free(&in);
}

/* The last item line follows continuation lines (for tact-done). */
static void
last_item_continuation(void **state)
{
	(void)state;
	assert_string_equal(parse("c.md",
	    "# C\n- 2026-01-01: a\n  more of a\n\nparagraph\n"),
	    "client c 1 C\n"
	    "entry c 2 2026-01-01 [ ] [] a\n"
	    "section c h1 i3 e5\n");
}

/* Bad lines are skipped with an error status; the rest goes on. */
static void
errors_skip_line(void **state)
{
	(void)state;
	assert_string_equal(parse("e.md",
	    "# E\n- 03/04/2026: x\n- 14.03.: y\n- 2026-01-01: z\n"),
	    "client e 1 E\n"
	    "entry e 4 2026-01-01 [ ] [] z\n"
	    "section e h1 i4 e4\n");
	assert_int_equal(diag_status(), 1);
	assert_string_equal(diags,
	    "e.md:2: error: ambiguous date '03/04/2026': write 2026-04-03 "
	    "or 2026-03-04\n"
	    "e.md:3: error: date '14.03.' has no year: an entry needs one, "
	    "e.g. YYYY-03-14\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_example),
		cmocka_unit_test(no_heading),
		cmocka_unit_test(front_matter_first_client),
		cmocka_unit_test(front_matter_id_and_name),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(id_field_late),
		cmocka_unit_test(merge_same_id),
		cmocka_unit_test(hidden_lines),
		cmocka_unit_test(task_items),
		cmocka_unit_test(tags_rules),
		cmocka_unit_test(many_tags),
		cmocka_unit_test(last_item_continuation),
		cmocka_unit_test(errors_skip_line),
	};
	int rc = cmocka_run_group_tests_name("notes", tests, NULL, NULL);
	buf_free(&got);
	free(diags);
	return rc;
}
