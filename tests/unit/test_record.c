/* test_record.c: escaping, record_format, the writers of each kind and
 * the record reader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "record.h"

/* A stream of in[0..n). */
static FILE *
input(const char *in, size_t n)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(fwrite(in, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* Read in[0..n) named "t" and return what the reader made of it: one line
 * "LINE|raw" and one line of the fields as record_format writes them per
 * record, then the diagnostics.  The result is malloc'd. */
static char *
read_records(const char *in, size_t n)
{
	FILE *fp = input(in, n);
	struct buf out = {0}, diags = {0};
	struct record rec;
	diag_capture(&diags);
	struct record_reader *r = record_reader_new(fp, "t");
	while (record_next(r, &rec)) {
		assert_string_equal(rec.file, "t");
		assert_int_equal(strlen(rec.raw), rec.rawlen);
		assert_int_equal(rec.kind,
		    record_kind_of(rec.f[RECORD_NAME], rec.nf));
		buf_printf(&out, "%ld|%s\n", rec.line, rec.raw);
		record_format(&out, rec.nf, (const char *const *)rec.f);
	}
	record_reader_free(r);
	diag_capture(NULL);
	fclose(fp);
	if (diags.len) {
		buf_adds(&out, "--\n");
		buf_add(&out, diags.s, diags.len);
	}
	buf_free(&diags);
	return buf_steal(&out);
}

static void
check_read(const char *in, const char *want)
{
	char *got = read_records(in, strlen(in));
	assert_string_equal(got, want);
	free(got);
}

/* Escape a string and unescape it again; the result must be the input. */
static void
round_trip(const char *s, size_t n)
{
	struct buf b = {0};
	record_escape(&b, s, n);
	assert_null(memchr(b.s, '\t', b.len));
	assert_null(memchr(b.s, '\n', b.len));
	assert_null(memchr(b.s, '\r', b.len));
	size_t len = b.len;
	assert_int_equal(record_unescape(b.s, &len), 0);
	assert_int_equal(len, n);
	assert_memory_equal(b.s, s, n);
	assert_int_equal(b.s[len], '\0');
	buf_free(&b);
}

/* Each special byte is written as its two-character escape. */
static void
escape_exact(void **state)
{
	(void)state;
	struct buf b = {0};
	record_escape(&b, "a\tb\\c\r\nd", 8);
	assert_string_equal(b.s, "a\\tb\\\\c\\r\\nd");
	buf_reset(&b);
	record_escape(&b, "plain text, äöü €", strlen("plain text, äöü €"));
	assert_string_equal(b.s, "plain text, äöü €");
	buf_reset(&b);
	record_escape(&b, "x\0y", 3);	/* NUL is copied as it is */
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.s, "x\0y", 3);
	buf_free(&b);
}

/* Tricky strings, and every byte value, survive escape + unescape. */
static void
escape_round_trip(void **state)
{
	(void)state;
	static const char *const tricky[] = {
		"", "\t", "\\", "\r", "\n", "\r\n", "\\t", "\\\\t", "a\\",
		"\\\\", "trailing backslash \\", "\t\t\t", "\\n is not LF",
		"Wine\tand\ncheese\r\\", "\\\t\\\n",
	};
	for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++)
		round_trip(tricky[i], strlen(tricky[i]));
	char all[512];
	for (size_t i = 0; i < sizeof all; i++)
		all[i] = (char)(i % 256);
	round_trip(all, sizeof all);
}

/* Unescaping shrinks the text and NUL-terminates it. */
static void
unescape_good(void **state)
{
	(void)state;
	char s[] = "a\\tb\\\\c\\nd\\re";
	size_t n = strlen(s);
	assert_int_equal(record_unescape(s, &n), 0);
	assert_int_equal(n, 9);
	assert_string_equal(s, "a\tb\\c\nd\re");
}

/* A backslash before anything but \ t r n, or at the end, is an error. */
static void
unescape_bad(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"\\x", "abc\\", "\\", "\\0", "a\\\\\\", "\\T", "\\N", "\\ ",
		"ok\\tthen\\q",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *s = strdup(bad[i]);
		size_t n = strlen(s);
		assert_int_equal(record_unescape(s, &n), -1);
		free(s);
	}
}

/* record_format escapes each field, joins with TAB, ends with LF. */
static void
format_line(void **state)
{
	(void)state;
	const char *f[] = {"entry", "acme", "2026-03-14", "24.90", "EUR",
			   "gift,thanks", "Wine\tand\ncheese \\o/",
			   "notes/a.md:12"};
	struct buf b = {0};
	record_format(&b, 8, f);
	assert_string_equal(b.s, "entry\tacme\t2026-03-14\t24.90\tEUR\t"
			    "gift,thanks\tWine\\tand\\ncheese \\\\o/\t"
			    "notes/a.md:12\n");
	buf_reset(&b);
	const char *g[] = {"client", "", "", ""};
	record_format(&b, 4, g);
	assert_string_equal(b.s, "client\t\t\t\n");
	buf_free(&b);
}

/* The known kinds, their names and field counts; others are unknown. */
static void
kind_fields(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum record_kind kind;
		size_t nf;
	} k[] = {
		{"client", RECORD_CLIENT, 4}, {"field", RECORD_FIELD, 6},
		{"entry", RECORD_ENTRY, 8}, {"due", RECORD_DUE, 7},
		{"overdue", RECORD_OVERDUE, 7}, {"person", RECORD_PERSON, 4},
		{"concerns", RECORD_CONCERNS, 4}, {"plan", RECORD_PLAN, 5},
	};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		assert_int_equal(record_kind(k[i].name), k[i].kind);
		assert_string_equal(record_kind_name(k[i].kind), k[i].name);
		assert_int_equal(record_kind_nf(k[i].kind), k[i].nf);
		assert_int_equal(record_kind_of(k[i].name, k[i].nf),
		    k[i].kind);
		assert_int_equal(record_kind_of(k[i].name, k[i].nf + 1),
		    RECORD_UNKNOWN);
	}
	assert_int_equal(CLIENT_NF, 4);
	assert_int_equal(FIELD_NF, 6);
	assert_int_equal(ENTRY_NF, 8);
	assert_int_equal(DUE_NF, 7);
	assert_int_equal(PLAN_NF, 5);
	static const char *const unknown[] = {"note", "", "Entry", "entryx"};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		assert_int_equal(record_kind(unknown[i]), RECORD_UNKNOWN);
		assert_int_equal(record_kind_of(unknown[i], 4),
		    RECORD_UNKNOWN);
	}
	assert_int_equal(record_kind_nf(RECORD_UNKNOWN), 0);
	assert_string_equal(record_kind_name(RECORD_UNKNOWN), "");
}

/* The writers write what record_format writes of the same fields: every
 * kind, with bytes to escape in the escaped fields, empty optional fields,
 * a file that changes and comes back. */
static void
writers(void **state)
{
	(void)state;
	struct buf got = {0}, want = {0}, esc = {0};
	struct record_out w;
	record_out_init(&w, &got, NULL);
	const char *file = "n\\a\tb.md", *other = "other.md";

	record_put_client(&w, "ac\\me", "M\\u\tl\rl\ner", file, 1);
	record_format(&want, 4, (const char *[]){"client", "ac\\me",
	    "M\\u\tl\rl\ner", "n\\a\tb.md:1"});
	record_put_field(&w, "acme", "birthday", "--03-14", "A\nna\t",
	    file, 3);
	record_format(&want, 6, (const char *[]){"field", "acme", "birthday",
	    "--03-14", "A\nna\t", "n\\a\tb.md:3"});
	record_put_entry(&w, &(struct record_entry){"acme", "2026-03-14",
	    "24.90", "EUR", "gift,thanks", "Wine\tand\ncheese \\o/"},
	    other, 12);
	record_format(&want, 8, (const char *[]){"entry", "acme",
	    "2026-03-14", "24.90", "EUR", "gift,thanks",
	    "Wine\tand\ncheese \\o/", "other.md:12"});
	record_put_field(&w, "acme", "email", "", "", file, 4);
	record_format(&want, 6, (const char *[]){"field", "acme", "email",
	    "", "", "n\\a\tb.md:4"});
	record_put_entry(&w, &(struct record_entry){"acme", "2024-02-29",
	    "", "", "", ""}, file, 13);
	record_format(&want, 8, (const char *[]){"entry", "acme",
	    "2024-02-29", "", "", "", "", "n\\a\tb.md:13"});

	/* The gesture is given escaped; ID and SOURCE by their lengths. */
	record_escape_str(&esc, "card\t\\x");
	record_put_due(&w, &(struct record_due){RECORD_OVERDUE, "2026-03-10",
	    "2026-03-14", "a\tb", "birth\\day", esc.s, "occ\n:2",
	    3, esc.len, 6});
	record_format(&want, 7, (const char *[]){"overdue", "2026-03-10",
	    "2026-03-14", "a\tb", "birth\\day", "card\t\\x", "occ\n:2"});
	record_put_due(&w, &(struct record_due){RECORD_DUE, "2026-03-10",
	    "2026-03-14", "acme", "x", "", "s", 4, 0, 1});
	record_format(&want, 7, (const char *[]){"due", "2026-03-10",
	    "2026-03-14", "acme", "x", "", "s"});

	record_put_plan(&w, "thanks", "15.00", "EUR", "occ\tx:5");
	record_format(&want, 5, (const char *[]){"plan", "thanks", "15.00",
	    "EUR", "occ\tx:5"});

	assert_int_equal(got.len, want.len);
	assert_string_equal(got.s, want.s);
	record_out_free(&w);
	buf_free(&esc);
	buf_free(&want);
	buf_free(&got);
}

/* With a file, the writer leaves the buffer to its owner until a run of
 * 64 KB without escapes comes: then what the buffer holds and the run go
 * to the file at once, and the rest of the record into the buffer. */
/* record_put_cols: columns of known length, escaped or as they are. */
static void
writer_cols(void **state)
{
	(void)state;
	struct buf got = {0}, want = {0};
	struct record_out w;
	record_out_init(&w, &got, NULL);
	const struct record_col c[] = {
		{"ac\\me", 5, true}, {"birthday", 8, false},
		{"--03-14", 7, false}, {"A\nna\t", 5, true}, {"", 0, false},
	};
	record_put_cols(&w, "field", 5, c, 4, "f.md", 123456789);
	record_format(&want, 6, (const char *[]){"field", "ac\\me",
	    "birthday", "--03-14", "A\nna\t", "f.md:123456789"});
	record_put_cols(&w, "x", 1, c + 4, 1, "f.md", -7);
	buf_add(&want, "x\t\tf.md:-7\n", 12);
	assert_string_equal(got.s, want.s);
	record_out_free(&w);
	buf_free(&got);
	buf_free(&want);
}

static void
writer_long_run(void **state)
{
	(void)state;
	FILE *fp = tmpfile();
	assert_non_null(fp);
	struct buf b = {0}, want = {0};
	struct record_out w;
	record_out_init(&w, &b, fp);
	record_put_client(&w, "a", "short", "f.md", 1);
	assert_int_equal(ftell(fp), 0);
	size_t n = 1 << 17;
	char *big = malloc(n + 3);
	assert_non_null(big);
	memset(big, 'x', n);
	memcpy(big + n, "\ty", 3);
	record_put_field(&w, "a", "k", "", big, "f.md", 2);
	assert_true(ftell(fp) > (long)n);
	assert_true(b.len < 64);
	record_out_flush(&w);
	assert_int_equal(b.len, 0);

	record_format(&want, 4, (const char *[]){"client", "a", "short",
	    "f.md:1"});
	record_format(&want, 6, (const char *[]){"field", "a", "k", "", big,
	    "f.md:2"});
	assert_int_equal(ftell(fp), (long)want.len);
	rewind(fp);
	char *got = malloc(want.len);
	assert_non_null(got);
	assert_int_equal(fread(got, 1, want.len, fp), want.len);
	assert_memory_equal(got, want.s, want.len);
	free(got);
	free(big);
	record_out_free(&w);
	buf_free(&want);
	buf_free(&b);
	fclose(fp);
}

/* The reader sets the kind of every record, RECORD_UNKNOWN for kinds it
 * does not know. */
static void
read_kinds(void **state)
{
	(void)state;
	static const char in[] =
		"client\tacme\tAcme\tn:1\n"
		"field\tacme\tk\t\tv\tn:2\n"
		"entry\tacme\t2026-03-14\t\t\t\tt\tn:3\n"
		"due\t2026-03-10\t2026-03-14\tacme\tb\tcard\tocc:2\n"
		"overdue\t2026-01-01\t2026-01-05\tacme\tn\tcall\tocc:3\n"
		"note\tanything\n"
		"client\tonly-two\n";
	static const enum record_kind want[] = {
		RECORD_CLIENT, RECORD_FIELD, RECORD_ENTRY, RECORD_DUE,
		RECORD_OVERDUE, RECORD_UNKNOWN,
	};
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fputs(in, fp);
	rewind(fp);
	struct buf diags = {0};
	diag_capture(&diags);
	struct record_reader *r = record_reader_new(fp, "t");
	struct record rec;
	size_t n = 0;
	while (record_next(r, &rec)) {
		assert_true(n < sizeof want / sizeof want[0]);
		assert_int_equal(rec.kind, want[n]);
		if (rec.kind != RECORD_UNKNOWN)
			assert_int_equal(rec.nf, record_kind_nf(rec.kind));
		n++;
	}
	diag_capture(NULL);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	assert_non_null(strstr(diags.s, "t:7: error: client record has 2 "
	    "fields, expected 4"));
	record_reader_free(r);
	buf_free(&diags);
	fclose(fp);
}

/* A good record of every kind is returned unchanged, with no diagnostic
 * (this test runs first: the status is still 0). */
static void
read_good(void **state)
{
	(void)state;
	const char *in =
		"client\tacme\tMüller GmbH\tnotes/a.md:1\n"
		"field\tacme\tbirthday\t--03-14\tAnna\tnotes/a.md:3\n"
		"field\tacme\tfounded\t2001-05-01\t\tnotes/a.md:4\n"
		"field\tacme\temail\t\tanna@example.com\tnotes/a.md:5\n"
		"entry\tacme\t2026-03-14\t24.90\tEUR\tgift\tWine\\tred\tn:7\n"
		"entry\tacme\t2024-02-29\t\t\t\tcalled\tn:8\n"
		"due\t2026-03-10\t2026-03-14\tacme\tbirthday\tcard\tocc:2\n"
		"overdue\t2026-01-01\t2026-01-05\tacme\tnew-year\tcall\tocc:3\n";
	check_read(in,
		"1|client\tacme\tMüller GmbH\tnotes/a.md:1\n"
		"client\tacme\tMüller GmbH\tnotes/a.md:1\n"
		"2|field\tacme\tbirthday\t--03-14\tAnna\tnotes/a.md:3\n"
		"field\tacme\tbirthday\t--03-14\tAnna\tnotes/a.md:3\n"
		"3|field\tacme\tfounded\t2001-05-01\t\tnotes/a.md:4\n"
		"field\tacme\tfounded\t2001-05-01\t\tnotes/a.md:4\n"
		"4|field\tacme\temail\t\tanna@example.com\tnotes/a.md:5\n"
		"field\tacme\temail\t\tanna@example.com\tnotes/a.md:5\n"
		"5|entry\tacme\t2026-03-14\t24.90\tEUR\tgift\tWine\\tred\tn:7\n"
		"entry\tacme\t2026-03-14\t24.90\tEUR\tgift\tWine\\tred\tn:7\n"
		"6|entry\tacme\t2024-02-29\t\t\t\tcalled\tn:8\n"
		"entry\tacme\t2024-02-29\t\t\t\tcalled\tn:8\n"
		"7|due\t2026-03-10\t2026-03-14\tacme\tbirthday\tcard\tocc:2\n"
		"due\t2026-03-10\t2026-03-14\tacme\tbirthday\tcard\tocc:2\n"
		"8|overdue\t2026-01-01\t2026-01-05\tacme\tnew-year\tcall\tocc:3\n"
		"overdue\t2026-01-01\t2026-01-05\tacme\tnew-year\tcall\tocc:3\n");
	assert_int_equal(diag_status(), 0);
}

/* Fields are unescaped; raw is the line exactly as read. */
static void
read_raw_and_fields(void **state)
{
	(void)state;
	const char *line = "entry\tid\t2026-01-02\t5\tEUR\t\t"
			   "a\\tb\\nc\\\\d\\re\tx:1";
	FILE *fp = tmpfile();
	assert_non_null(fp);
	fprintf(fp, "%s\n", line);
	rewind(fp);
	struct record_reader *r = record_reader_new(fp, "t");
	struct record rec;
	assert_int_equal(record_next(r, &rec), 1);
	assert_int_equal(rec.nf, 8);
	assert_int_equal(rec.kind, RECORD_ENTRY);
	assert_string_equal(rec.f[RECORD_NAME], "entry");
	assert_string_equal(rec.f[ENTRY_AMOUNT], "5");
	assert_string_equal(rec.f[ENTRY_TAGS], "");
	assert_string_equal(rec.f[ENTRY_TEXT], "a\tb\nc\\d\re");
	assert_string_equal(rec.f[ENTRY_SOURCE], "x:1");
	assert_int_equal(rec.rawlen, strlen(line));
	assert_memory_equal(rec.raw, line, rec.rawlen);
	assert_int_equal(rec.line, 1);
	assert_int_equal(record_next(r, &rec), 0);
	assert_int_equal(record_next(r, &rec), 0);
	record_reader_free(r);
	fclose(fp);
}

/* Unknown kinds come back as they are, whatever their field count. */
static void
read_unknown_kind(void **state)
{
	(void)state;
	check_read("note\tx\ty\nfuture\nreminder\t\\tz\t\t\n",
		"1|note\tx\ty\nnote\tx\ty\n"
		"2|future\nfuture\n"
		"3|reminder\t\\tz\t\t\nreminder\t\\tz\t\t\n");
}

/* Known kinds with the wrong number of fields are diagnosed and skipped. */
static void
read_field_counts(void **state)
{
	(void)state;
	check_read(
		"entry\tacme\t2026-03-14\t24.90\tEUR\tgift\tWine\n"
		"client\tacme\tAcme\tn:1\textra\n"
		"due\t2026-03-10\t2026-03-14\tacme\tbirthday\tcard\n"
		"client\tacme\tAcme\tn:1\n"
		"field\n"
		"overdue\t2026-01-01\t2026-01-05\tacme\tx\tcall\tocc:3\t\n",
		"4|client\tacme\tAcme\tn:1\nclient\tacme\tAcme\tn:1\n"
		"--\n"
		"t:1: error: entry record has 7 fields, expected 8\n"
		"t:2: error: client record has 5 fields, expected 4\n"
		"t:3: error: due record has 6 fields, expected 7\n"
		"t:5: error: field record has 1 fields, expected 6\n"
		"t:6: error: overdue record has 8 fields, expected 7\n");
	assert_int_equal(diag_status(), 1);
}

/* Malformed dates in each kind's DATE fields are diagnosed and skipped. */
static void
read_bad_dates(void **state)
{
	(void)state;
	check_read(
		"entry\tid\t2026-13-01\t\t\t\tt\ts\n"
		"entry\tid\t\t\t\t\tt\ts\n"
		"entry\tid\t14.03.2026\t\t\t\tt\ts\n"
		"entry\tid\t--03-14\t\t\t\tt\ts\n"
		"field\tid\tk\t2026-02-30\tv\ts\n"
		"field\tid\tk\t--13-01\tv\ts\n"
		"field\tid\tk\t--02-29\tv\ts\n"
		"field\tid\tk\t2026-2-3\tv\ts\n"
		"due\t2026-03-1\t2026-03-14\tid\to\tg\ts\n"
		"overdue\t2026-03-10\t2025-02-29\tid\to\tg\ts\n"
		"due\t2026-03-10\t--03-14\tid\to\tg\ts\n"
		"entry\tid\t2026-01-0\\t\t\t\t\tt\ts\n",
		"7|field\tid\tk\t--02-29\tv\ts\n"
		"field\tid\tk\t--02-29\tv\ts\n"
		"--\n"
		"t:1: error: bad date '2026-13-01' in entry record: "
		"expected YYYY-MM-DD\n"
		"t:2: error: bad date '' in entry record: expected YYYY-MM-DD\n"
		"t:3: error: bad date '14.03.2026' in entry record: "
		"expected YYYY-MM-DD\n"
		"t:4: error: bad date '--03-14' in entry record: "
		"expected YYYY-MM-DD\n"
		"t:5: error: bad date '2026-02-30' in field record: "
		"expected YYYY-MM-DD, --MM-DD or nothing\n"
		"t:6: error: bad date '--13-01' in field record: "
		"expected YYYY-MM-DD, --MM-DD or nothing\n"
		"t:8: error: bad date '2026-2-3' in field record: "
		"expected YYYY-MM-DD, --MM-DD or nothing\n"
		"t:9: error: bad act date '2026-03-1' in due record: "
		"expected YYYY-MM-DD\n"
		"t:10: error: bad date '2025-02-29' in overdue record: "
		"expected YYYY-MM-DD\n"
		"t:11: error: bad date '--03-14' in due record: "
		"expected YYYY-MM-DD\n"
		"t:12: error: bad date '2026-01-0\\t' in entry record: "
		"expected YYYY-MM-DD\n");
}

/* person and concerns records: the ID is CLIENT/SLUG, the DATE of a
 * concerns record a full date; a person's field record is a field. */
static void
read_persons(void **state)
{
	(void)state;
	check_read(
		"person\tacme/katrin-brenner\tKatrin Brenner\tn.md:3\n"
		"field\tacme/katrin-brenner\tbirthday\t1975-04-12\t12.04.1975"
		"\tn.md:4\n"
		"concerns\tacme/katrin-brenner\t2026-03-02\tn.md:9\n"
		"person\tacme\tAcme\tn.md:1\n"
		"person\tacme/\tA\tn.md:1\n"
		"person\t/katrin\tA\tn.md:1\n"
		"person\ta/b/c\tA\tn.md:1\n"
		"concerns\tacme/katrin\t--03-02\tn.md:9\n"
		"concerns\tacme\t2026-03-02\tn.md:9\n",
		"1|person\tacme/katrin-brenner\tKatrin Brenner\tn.md:3\n"
		"person\tacme/katrin-brenner\tKatrin Brenner\tn.md:3\n"
		"2|field\tacme/katrin-brenner\tbirthday\t1975-04-12\t12.04.1975"
		"\tn.md:4\n"
		"field\tacme/katrin-brenner\tbirthday\t1975-04-12\t12.04.1975"
		"\tn.md:4\n"
		"3|concerns\tacme/katrin-brenner\t2026-03-02\tn.md:9\n"
		"concerns\tacme/katrin-brenner\t2026-03-02\tn.md:9\n"
		"--\n"
		"t:4: error: bad person id 'acme' in person record: "
		"expected CLIENT/SLUG\n"
		"t:5: error: bad person id 'acme/' in person record: "
		"expected CLIENT/SLUG\n"
		"t:6: error: bad person id '/katrin' in person record: "
		"expected CLIENT/SLUG\n"
		"t:7: error: bad person id 'a/b/c' in person record: "
		"expected CLIENT/SLUG\n"
		"t:8: error: bad date '--03-02' in concerns record: "
		"expected YYYY-MM-DD\n"
		"t:9: error: bad person id 'acme' in concerns record: "
		"expected CLIENT/SLUG\n");
}

/* Malformed amounts, and an amount without a currency, are errors. */
static void
read_bad_amounts(void **state)
{
	(void)state;
	check_read(
		"entry\tid\t2026-01-01\t24,90\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t5.555\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t-3\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t€5\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t5.5\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t24.90\t\t\tt\ts\n"
		"entry\tid\t2026-01-01\t24.90\teuro\t\tt\ts\n"
		"entry\tid\t2026-01-01\t\tEUR\t\tt\ts\n",
		"5|entry\tid\t2026-01-01\t5.5\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t5.5\tEUR\t\tt\ts\n"
		"8|entry\tid\t2026-01-01\t\tEUR\t\tt\ts\n"
		"entry\tid\t2026-01-01\t\tEUR\t\tt\ts\n"
		"--\n"
		"t:1: error: bad amount '24,90' in entry record: expected "
		"digits with '.' and up to two decimals\n"
		"t:2: error: bad amount '5.555' in entry record: expected "
		"digits with '.' and up to two decimals\n"
		"t:3: error: bad amount '-3' in entry record: expected "
		"digits with '.' and up to two decimals\n"
		"t:4: error: bad amount '€5' in entry record: expected "
		"digits with '.' and up to two decimals\n"
		"t:6: error: entry record has the amount '24.90' but no "
		"currency: write a code such as EUR\n"
		"t:7: error: bad currency 'euro' in entry record: expected "
		"a three-letter code such as EUR\n");
}

/* A plan record: its AMOUNT and CURRENCY are checked as an entry's, and
 * both are needed; its OCCASION may not be empty. */
static void
read_plans(void **state)
{
	(void)state;
	check_read(
		"plan\tthanks\t15.00\tEUR\tocc:5\n"
		"plan\tthanks\t15,00\tEUR\tocc:5\n"
		"plan\tthanks\t15\teuro\tocc:5\n"
		"plan\tthanks\t15\t\tocc:5\n"
		"plan\tthanks\t\tEUR\tocc:5\n"
		"plan\t\t15\tEUR\tocc:5\n"
		"plan\tthanks\t15\tEUR\n",
		"1|plan\tthanks\t15.00\tEUR\tocc:5\n"
		"plan\tthanks\t15.00\tEUR\tocc:5\n"
		"--\n"
		"t:2: error: bad amount '15,00' in plan record: expected "
		"digits with '.' and up to two decimals\n"
		"t:3: error: bad currency 'euro' in plan record: expected "
		"a three-letter code such as EUR\n"
		"t:4: error: plan record has the amount '15' but no "
		"currency: write a code such as EUR\n"
		"t:5: error: plan record has no amount: write the planned "
		"cost, e.g. 15.00\n"
		"t:6: error: plan record has an empty OCCASION\n"
		"t:7: error: plan record has 4 fields, expected 5\n");
}

/* An empty ID (the ID field of each known kind) is an error. */
static void
read_empty_id(void **state)
{
	(void)state;
	check_read(
		"client\t\tAcme\ts\n"
		"field\t\tk\t\tv\ts\n"
		"entry\t\t2026-01-01\t\t\t\tt\ts\n"
		"due\t2026-01-01\t2026-01-02\t\to\tg\ts\n"
		"overdue\t2026-01-01\t2026-01-02\t\to\tg\ts\n"
		"due\t2026-01-01\t2026-01-02\tx\t\t\t\n",
		"6|due\t2026-01-01\t2026-01-02\tx\t\t\t\n"
		"due\t2026-01-01\t2026-01-02\tx\t\t\t\n"
		"--\n"
		"t:1: error: client record has an empty ID\n"
		"t:2: error: field record has an empty ID\n"
		"t:3: error: entry record has an empty ID\n"
		"t:4: error: due record has an empty ID\n"
		"t:5: error: overdue record has an empty ID\n");
}

/* Bad escapes name the field (the kind is field 1) and are skipped. */
static void
read_bad_escapes(void **state)
{
	(void)state;
	check_read(
		"client\tid\ta\\xb\ts\n"
		"client\tid\tname\\\n"
		"note\\q\tx\n"
		"client\tid\ta\\\x01z\ts\n"
		"client\tid\ta\\äb\ts\n"
		"client\tid\ta\\\\\\\\\ts\n",
		"6|client\tid\ta\\\\\\\\\ts\nclient\tid\ta\\\\\\\\\ts\n"
		"--\n"
		"t:1: error: bad escape '\\x' in field 3: "
		"write '\\\\' for a backslash\n"
		"t:2: error: bad escape '\\' at the end of field 3: "
		"write '\\\\' for a backslash\n"
		"t:3: error: bad escape '\\q' in field 1: "
		"write '\\\\' for a backslash\n"
		"t:4: error: bad escape: '\\' followed by byte 0x01 in field 3: "
		"write '\\\\' for a backslash\n"
		"t:5: error: bad escape '\\ä' in field 3: "
		"write '\\\\' for a backslash\n");
}

/* Blank lines are skipped but counted; a last line without LF counts. */
static void
read_blank_and_last_line(void **state)
{
	(void)state;
	check_read("\n\nnote\ta\n  \t \n\nclient\tid\n\nnote\tlast",
		"3|note\ta\nnote\ta\n"
		"8|note\tlast\nnote\tlast\n"
		"--\n"
		"t:6: error: client record has 2 fields, expected 4\n");
	check_read("", "");
	check_read("\n", "");
	check_read("x", "1|x\nx\n");
}

/* A NUL byte, a raw CR at the end and an empty kind are errors. */
static void
read_nul_cr_empty_kind(void **state)
{
	(void)state;
	static const char in[] = "note\ta\0b\nnote\tc\r\nnote\td\re\n"
				 "\tx\nnote\tok\n";
	char *got = read_records(in, sizeof in - 1);
	assert_string_equal(got,
		"3|note\td\re\nnote\td\\re\n"
		"5|note\tok\nnote\tok\n"
		"--\n"
		"t:1: error: NUL byte in record\n"
		"t:2: error: record ends in a CR (CRLF line end?): end lines "
		"with LF alone, and write a CR in a field as '\\r'\n"
		"t:4: error: record has an empty kind: a record starts with "
		"its kind, e.g. 'entry'\n");
	free(got);
}

/* Long lines and many fields grow the buffers and read back intact. */
static void
read_long_lines(void **state)
{
	(void)state;
	struct buf in = {0};
	buf_adds(&in, "note");
	for (int i = 0; i < 5000; i++)
		buf_printf(&in, "\tf%d\\t", i);
	buf_addc(&in, '\n');
	buf_adds(&in, "client\tid\t");
	for (int i = 0; i < 100000; i++)
		buf_addc(&in, (char)('a' + i % 26));
	buf_adds(&in, "\\\\\ts\nnote\tshort\n");

	FILE *fp = tmpfile();
	assert_non_null(fp);
	fwrite(in.s, 1, in.len, fp);
	rewind(fp);
	struct record_reader *r = record_reader_new(fp, "t");
	struct record rec;
	assert_int_equal(record_next(r, &rec), 1);
	assert_int_equal(rec.nf, 5001);
	assert_string_equal(rec.f[4321], "f4320\t");
	assert_int_equal(record_next(r, &rec), 1);
	assert_int_equal(rec.nf, 4);
	assert_int_equal(strlen(rec.f[2]), 100001);
	assert_int_equal(rec.f[2][100000], '\\');
	assert_int_equal(rec.rawlen, 100000 + strlen("client\tid\t\\\\\ts"));
	assert_int_equal(record_next(r, &rec), 1);
	assert_int_equal(rec.nf, 2);
	assert_string_equal(rec.f[1], "short");
	assert_int_equal(rec.line, 3);
	assert_int_equal(record_next(r, &rec), 0);
	record_reader_free(r);
	fclose(fp);
	buf_free(&in);
}

/* Invalid UTF-8 is returned as it is, or diagnosed and skipped after
 * record_reader_utf8 (as tact-due reads). */
static void
read_utf8(void **state)
{
	(void)state;
	static const char in[] = "note\tcaf\xe9\nnote\tcaf\xc3\xa9\n"
				 "note\t\xed\xa0\x80\n";
	for (int strict = 0; strict < 2; strict++) {
		FILE *fp = tmpfile();
		assert_non_null(fp);
		fputs(in, fp);
		rewind(fp);
		struct buf diags = {0};
		struct record rec;
		size_t n = 0;
		diag_capture(&diags);
		struct record_reader *r = record_reader_new(fp, "t");
		if (strict)
			record_reader_utf8(r);
		while (record_next(r, &rec))
			n++;
		record_reader_free(r);
		diag_capture(NULL);
		fclose(fp);
		assert_int_equal(n, strict ? 1 : 3);
		assert_string_equal(diags.s ? diags.s : "", strict ?
		    "t:1: error: invalid UTF-8 in record\n"
		    "t:3: error: invalid UTF-8 in record\n" : "");
		buf_free(&diags);
	}
}

/* Read in[0..n) as tact-due does (invalid UTF-8 diagnosed): the
 * diagnostics, malloc'd. */
static char *
read_strict(const char *in, size_t n)
{
	FILE *fp = input(in, n);
	struct buf diags = {0};
	struct record rec;
	diag_capture(&diags);
	struct record_reader *r = record_reader_new(fp, "t");
	record_reader_utf8(r);
	while (record_next(r, &rec))
		;
	record_reader_free(r);
	diag_capture(NULL);
	fclose(fp);
	buf_addc(&diags, '\0');
	return buf_steal(&diags);
}

/* A line with several faults gets one diagnostic, the first of: a NUL
 * byte (anywhere: in the kind, a middle field, the last, with escapes),
 * invalid UTF-8, a CR at the end, a bad escape, the number of fields. */
static void
read_precedence(void **state)
{
	(void)state;
	static const char in[] =
		"entry\\x\ta\0b\t\xe9\r\n"		/* 1 NUL */
		"entry\tid\t2026-01-01\t\t\t\tt\\\ts\0\n" /* 2 NUL */
		"en\0try\tid\n"				/* 3 NUL */
		"\0\n"					/* 4 NUL */
		"note\ta\\\\b\0\n"			/* 5 NUL */
		"note\t\xe9\\x\r\n"			/* 6 UTF-8 */
		"note\t\xc3\xa9\\x\r\n"			/* 7 CR */
		"entry\t\xc3\xa9\\q\t1\n"		/* 8 escape */
		"\t\\q\n"				/* 9 escape */
		"\t\xc3\n"				/* 10 UTF-8 */
		"\tx\ty\r\n"				/* 11 CR */
		"client\t\t\t\t\\x\n"			/* 12 escape */
		"client\t\t\t\n"			/* 13 empty ID */
		"entry\tid\tbad\t1\t\t\tt\n"		/* 14 fields */
		"due\tx\t2026-01-01\t\t\t\t\n"		/* 15 empty ID */
		"due\tx\t2026-01-01\ti\t\t\t\n";	/* 16 act date */
	char *got = read_strict(in, sizeof in - 1);
	assert_string_equal(got,
		"t:1: error: NUL byte in record\n"
		"t:2: error: NUL byte in record\n"
		"t:3: error: NUL byte in record\n"
		"t:4: error: NUL byte in record\n"
		"t:5: error: NUL byte in record\n"
		"t:6: error: invalid UTF-8 in record\n"
		"t:7: error: record ends in a CR (CRLF line end?): end lines "
		"with LF alone, and write a CR in a field as '\\r'\n"
		"t:8: error: bad escape '\\q' in field 2: "
		"write '\\\\' for a backslash\n"
		"t:9: error: bad escape '\\q' in field 2: "
		"write '\\\\' for a backslash\n"
		"t:10: error: invalid UTF-8 in record\n"
		"t:11: error: record ends in a CR (CRLF line end?): end lines "
		"with LF alone, and write a CR in a field as '\\r'\n"
		"t:12: error: bad escape '\\x' in field 5: "
		"write '\\\\' for a backslash\n"
		"t:13: error: client record has an empty ID\n"
		"t:14: error: entry record has 7 fields, expected 8\n"
		"t:15: error: due record has an empty ID\n"
		"t:16: error: bad act date 'x' in due record: "
		"expected YYYY-MM-DD\n");
	free(got);
}

/* One byte beyond ASCII anywhere in lines of every length up to 80 (the
 * reader looks at eight bytes at a time): a lone 0xe9 is invalid UTF-8,
 * "é" is not. */
static void
read_utf8_every_place(void **state)
{
	(void)state;
	for (size_t n = 1; n <= 80; n++) {
		for (size_t at = 0; at < n; at++) {
			char line[96];
			memset(line, 'a', n);
			line[n] = '\n';
			line[at] = (char)0xe9;
			char *got = read_strict(line, n + 1);
			assert_string_equal(got,
			    "t:1: error: invalid UTF-8 in record\n");
			free(got);
			if (at + 1 < n) {
				memcpy(line + at, "\xc3\xa9", 2);
				got = read_strict(line, n + 1);
				assert_string_equal(got, "");
				free(got);
			}
		}
		char line[96];
		memset(line, 'a', n);
		line[n] = '\n';
		char *got = read_strict(line, n + 1);
		assert_string_equal(got, "");
		free(got);
	}
}

/* Dates the reader reads in its short way, and those next to them:
 * years 0 and 9999, leap days, the last day of each month and the day
 * after, a form with a byte too many or a non-digit. */
static void
read_date_edges(void **state)
{
	(void)state;
	static const struct {
		const char *date;
		bool ok;
	} d[] = {
		{"0000-01-01", false}, {"0001-01-01", true},
		{"9999-12-31", true}, {"2024-02-29", true},
		{"2023-02-29", false}, {"2000-02-29", true},
		{"1900-02-29", false}, {"2026-01-31", true},
		{"2026-01-32", false}, {"2026-04-30", true},
		{"2026-04-31", false}, {"2026-02-28", true},
		{"2026-00-10", false}, {"2026-13-10", false},
		{"2026-01-00", false}, {"2026-12-31", true},
		{"2026-12-31x", false}, {"2026-1a-01", false},
		{"2026/12/31", false}, {"202a-12-31", false},
		{"2026-12-3", false}, {"2026-12-", false},
		{"2026", false}, {"--12-31", false},
	};
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		char in[128], want[160] = "";
		snprintf(in, sizeof in, "entry\tid\t%s\t\t\t\tt\ts\n",
		    d[i].date);
		if (!d[i].ok)
			snprintf(want, sizeof want, "t:1: error: bad date "
			    "'%s' in entry record: expected YYYY-MM-DD\n",
			    d[i].date);
		char *got = read_strict(in, strlen(in));
		assert_string_equal(got, want);
		free(got);
	}
}

/* Kind names that share a first letter or a length with a known one. */
static void
kind_near_misses(void **state)
{
	(void)state;
	static const char *const unknown[] = {
		"c", "cl", "clien", "clients", "concern", "concernss",
		"d", "du", "dues", "e", "entr", "f", "field ", "o",
		"overdu", "overdues", "p", "pe", "persons", "pla", "plans",
		"plam", "entrx", "fielt", "clienT", "persom", "concernt",
		"dua", "overduf",
	};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_int_equal(record_kind(unknown[i]), RECORD_UNKNOWN);
	check_read("plans\tx\nconcern\tx\ndu\tx\n",
		"1|plans\tx\nplans\tx\n2|concern\tx\nconcern\tx\n"
		"3|du\tx\ndu\tx\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_exact),
		cmocka_unit_test(escape_round_trip),
		cmocka_unit_test(unescape_good),
		cmocka_unit_test(unescape_bad),
		cmocka_unit_test(format_line),
		cmocka_unit_test(kind_fields),
		cmocka_unit_test(writers),
		cmocka_unit_test(writer_cols),
		cmocka_unit_test(writer_long_run),
		cmocka_unit_test(read_good),
		cmocka_unit_test(read_raw_and_fields),
		cmocka_unit_test(read_kinds),
		cmocka_unit_test(read_unknown_kind),
		cmocka_unit_test(read_field_counts),
		cmocka_unit_test(read_bad_dates),
		cmocka_unit_test(read_bad_amounts),
		cmocka_unit_test(read_persons),
		cmocka_unit_test(read_plans),
		cmocka_unit_test(read_empty_id),
		cmocka_unit_test(read_bad_escapes),
		cmocka_unit_test(read_blank_and_last_line),
		cmocka_unit_test(read_nul_cr_empty_kind),
		cmocka_unit_test(read_long_lines),
		cmocka_unit_test(read_utf8),
		cmocka_unit_test(read_precedence),
		cmocka_unit_test(read_utf8_every_place),
		cmocka_unit_test(read_date_edges),
		cmocka_unit_test(kind_near_misses),
	};
	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
