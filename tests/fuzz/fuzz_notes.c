/* fuzz_notes: the notes parser (lib/notes.h) on any bytes, read through a
 * stream as tact-parse reads a file.
 *
 * The input is parsed three times by one parser, as "a.md", as
 * "sub/Ä b.md" (so the second time every client is one met before,
 * merged) and as the journal page "Daily/2026-11-24.md" (its lines that
 * link those clients are entries, handed on by notes_end).
 * Invariants: every item is well-formed (ids not empty, keys normalized,
 * dates valid, amounts in range, tags lowercase without repeats, text
 * valid UTF-8 without NUL, lines within the input), sections are
 * consistent, and the records tact-parse writes for the items are read
 * back by the record reader without a diagnostic. */
#include "date.h"
#include "money.h"
#include "notes.h"
#include "notesrec.h"
#include "record.h"
#include "text.h"
#include "fuzz.h"

struct run {
	long nlines;		/* lines of the input (an upper bound) */
	struct buf recs;	/* the records, as record_format writes them */
	struct buf lib;		/* the same, as tact-parse writes them */
	struct record_out w;	/* (notes_record into lib) */
	size_t nrecs;
	long sections;
};

static void
check_text(const char *s)
{
	CHECK(s != NULL);
	CHECK(utf8_valid(s, strlen(s)));
}

static void
check_tags(const char *tags)
{
	/* "a,b": non-empty items, lowercase ASCII, no repeats. */
	check_text(tags);
	if (!*tags)
		return;
	size_t n = strlen(tags);
	CHECK(tags[0] != ',' && tags[n - 1] != ',');
	for (const char *p = tags; *p; ) {
		size_t len = strcspn(p, ",");
		CHECK(len > 0);
		for (size_t i = 0; i < len; i++)
			CHECK(!(p[i] >= 'A' && p[i] <= 'Z') && p[i] != '#' &&
			    p[i] != ' ' && p[i] != '\t');
		/* no earlier item equal to this one */
		for (const char *q = tags; q < p; ) {
			size_t ql = strcspn(q, ",");
			CHECK(!(ql == len && !memcmp(p, q, len)));
			q += ql + 1;
		}
		p += len;
		if (*p)
			p++;
	}
}

static void
put(const struct notes_item *it, void *ctx)
{
	struct run *r = ctx;
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	struct buf src = {0};
	const char *f[8];
	size_t nf = 0;

	CHECK(it->id && *it->id);
	check_text(it->id);
	CHECK(!strchr(it->id, ' ') && !strchr(it->id, '\t'));
	CHECK(it->line >= 1 && it->line <= r->nlines + 1);
	switch (it->kind) {
	case NOTES_CLIENT:
		check_text(it->name);
		CHECK(!it->merged);
		f[nf++] = "client";
		f[nf++] = it->id;
		f[nf++] = it->name;
		break;
	case NOTES_FIELD:
		check_text(it->key);
		check_text(it->value);
		CHECK(*it->key);
		for (const char *k = it->key; *k; k++)
			CHECK(!(*k >= 'A' && *k <= 'Z') && *k != ' ' &&
			    *k != '\t' && *k != '_');
		if (it->has_date)
			CHECK(date_valid(it->date));
		f[nf++] = "field";
		f[nf++] = it->id;
		f[nf++] = it->key;
		f[nf++] = it->has_date ? date_format(it->date, date) : "";
		f[nf++] = it->value;
		break;
	case NOTES_ENTRY:
		check_text(it->text);
		check_tags(it->tags);
		CHECK(it->date.y >= 1 && date_valid(it->date));
		if (it->has_amount)
			CHECK(it->amount.cents >= 0 &&
			    it->amount.cents <= MONEY_MAX_CENTS &&
			    strlen(it->amount.currency) == 3);
		f[nf++] = "entry";
		f[nf++] = it->id;
		f[nf++] = date_format(it->date, date);
		f[nf++] = it->has_amount ?
		    money_format(it->amount.cents, amount) : "";
		f[nf++] = it->has_amount ? it->amount.currency : "";
		f[nf++] = it->tags;
		f[nf++] = it->text;
		break;
	case NOTES_SECTION:
		r->sections++;
		check_text(it->name);
		CHECK(it->heading_line >= 0 && it->last_item_line >= 0);
		CHECK(it->end_line >= it->heading_line);
		CHECK(it->end_line <= r->nlines);
		CHECK(it->last_item_line <= it->end_line);
		CHECK(!it->last_item_line ||
		    it->last_item_line > it->heading_line);
		return;
	case NOTES_PERSON:
		check_text(it->name);
		CHECK(it->client && *it->client);
		CHECK(record_person_client_len(it->id) == strlen(it->client));
		CHECK(!strchr(it->id + strlen(it->client) + 1, '/'));
		CHECK(it->id[strlen(it->client) + 1] != '\0');
		f[nf++] = "person";
		f[nf++] = it->id;
		f[nf++] = it->name;
		break;
	case NOTES_CONCERNS:
		CHECK(record_person_client_len(it->id) > 0);
		CHECK(date_valid(it->date));
		f[nf++] = "concerns";
		f[nf++] = it->id;
		f[nf++] = date_format(it->date, date);
		break;
	default:
		CHECK(!"unknown item kind");
	}
	buf_printf(&src, "%s:%ld", it->file, it->line);
	f[nf++] = src.s;
	record_format(&r->recs, nf, f);
	notes_record(it, &r->w);
	buf_free(&src);
	r->nrecs++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct run r = {0};
	for (size_t i = 0; i < size; i++)
		r.nlines += data[i] == '\n';
	r.nlines++;	/* a last line without '\n' */

	record_out_init(&r.w, &r.lib, NULL);
	struct notes *np = notes_new(put, &r);
	static const char *const names[] = { "a.md", "sub/\xc3\x84 b.md",
	    "Daily/2026-11-24.md" };
	for (int k = 0; k < 3; k++) {
		char *s = fuzz_copy(data, size, 0);
		FILE *fp = fuzz_open(s, size);
		notes_parse(np, fp, names[k]);
		fclose(fp);
		free(s);
	}
	notes_end(np);
	notes_free(np);

	/* What tact-parse writes, the reader takes: no diagnostic. */
	static char none[1];
	struct buf diags = {0};
	FILE *fp = fuzz_open(r.recs.s ? r.recs.s : none, r.recs.len);
	struct record_reader *rd = record_reader_new(fp, "records");
	struct record rec;
	size_t n = 0;
	diag_capture(&diags);
	while (record_next(rd, &rec) == 1) {
		CHECK(rec.kind != RECORD_UNKNOWN &&
		    rec.nf == record_kind_nf(rec.kind));
		n++;
	}
	diag_capture(NULL);
	if (diags.len)
		fprintf(stderr, "%s", diags.s);
	CHECK(diags.len == 0);
	CHECK(n == r.nrecs);
	record_reader_free(rd);
	fclose(fp);
	buf_free(&diags);
	/* tact-parse's writers write what record_format does. */
	CHECK(r.lib.len == r.recs.len);
	CHECK(!r.lib.len || !memcmp(r.lib.s, r.recs.s, r.lib.len));
	record_out_free(&r.w);
	buf_free(&r.lib);
	buf_free(&r.recs);
	return 0;
}
