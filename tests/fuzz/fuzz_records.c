/* fuzz_records: the record reader (lib/record.h) on any bytes, and the
 * due engine (lib/due.h) on what it returns, with the rules of
 * samples/occasions (gestures shortened) and a few more, at two dates
 * (one at the end of the calendar, with the largest window and grace).
 * Every other input is read as tact-due reads (record_reader_utf8).
 *
 * Invariants: a record has a kind and, for a known kind, its number of
 * fields; writing its fields again gives the line as read (the escapes
 * are canonical) unless the line holds a literal CR; escaping any bytes
 * and unescaping them gives them back; every line tact-due writes is a
 * well-formed due or overdue record whose act date lies where -w and -g
 * put it. */
#include "date.h"
#include "due.h"
#include "occasion.h"
#include "record.h"
#include "text.h"
#include "fuzz.h"
#include "fuzz_due.h"

static const char rules[] =
    "birthday  birthday  2  Call {contact|the team}: happy birthday\n"
    "jubilee  founded@5,10,25  14  Card: {years} years {client}; {last}\n"
    "milestone  client-since/5  7  Thank {contact} for {years} years\n"
    "congrats  #job-change+7  0  Congratulate {contact}: {entry}\n"
    "thanks  #referral+2  0  Thank {contact}, gift for {interests} "
	"(~15 EUR)\n"
    "christmas  12-24  21  Personal note, refer to {last}\n"
    "trade-fair  2027-04-20  10  Invite {contact} to our booth\n"
    "stay-in-touch  last+90?tier=A  0  Call {contact}\n"
    "late  #x+3660?k=v?tier=b  52w  {k|}{x}{date} {id} {years}\n"
    "leap  02-29  366  {client} {date}\n"
    "end  9999-12-31  0  {last}\n"
    "start  0001-01-03  0  {entry}\n"
    "every  birthday/1  1w  {years}\n";

static struct occasions os;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	occasions_init(&os, "occasions");
	char *s = xstrdup(rules);
	FILE *fp = fuzz_open(s, strlen(s));
	CHECK(occasions_read(&os, fp) == 0);
	CHECK(diag_status() == 0);
	fclose(fp);
	free(s);
	return 0;
}

/* The line the fields of rec make, escaped again. */
static void
roundtrip(const struct record *rec)
{
	if (memchr(rec->raw, '\r', rec->rawlen))
		return;
	struct buf b = {0};
	for (size_t i = 0; i < rec->nf; i++) {
		if (i)
			buf_addc(&b, '\t');
		record_escape_str(&b, rec->f[i]);
	}
	CHECK(b.len == rec->rawlen);
	CHECK(!b.len || !memcmp(b.s, rec->raw, b.len));
	buf_free(&b);
}

static void
escape(const uint8_t *data, size_t size)
{
	struct buf b = {0};
	char *s = fuzz_copy(data, size, 0);
	record_escape(&b, s, size);
	CHECK(b.len >= size);
	if (b.len) {
		CHECK(!memchr(b.s, '\t', b.len) && !memchr(b.s, '\n', b.len) &&
		    !memchr(b.s, '\r', b.len));
		size_t n = b.len;
		CHECK(record_unescape(b.s, &n) == 0);
		CHECK(n == size && !memcmp(b.s, s, size));
	}
	buf_free(&b);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	escape(data, size);

	struct due_opts o[2] = {
		{ .today = { 2026, 6, 15 }, .window = 14, .grace = 7 },
		{ .today = { 9999, 12, 31 }, .window = DUE_MAX_DAYS,
		  .grace = DUE_MAX_DAYS },
	};
	struct due *d[2] = { due_new(&os, &o[0]), due_new(&os, &o[1]) };
	char *s = fuzz_copy(data, size, 0);
	FILE *fp = fuzz_open(s, size);
	struct record_reader *r = record_reader_new(fp, "records");
	bool utf8 = size % 2;
	if (utf8)
		record_reader_utf8(r);
	struct record rec;
	while (record_next(r, &rec) == 1) {
		if (utf8)
			CHECK(utf8_valid(rec.raw, rec.rawlen));
		CHECK(rec.nf >= 1 && *rec.f[RECORD_NAME]);
		CHECK(rec.kind == record_kind(rec.f[RECORD_NAME]));
		size_t want = record_kind_nf(rec.kind);
		CHECK(!want || rec.nf == want);
		CHECK(rec.rawlen <= size && !memchr(rec.raw, '\n', rec.rawlen));
		roundtrip(&rec);
		for (int k = 0; k < 2; k++)
			due_add(d[k], &rec);
	}
	record_reader_free(r);
	fclose(fp);
	free(s);

	for (int k = 0; k < 2; k++) {
		struct buf out = {0};
		due_finish(d[k], &out);
		fuzz_check_due(&out, &o[k], &os);
		buf_free(&out);
		due_free(d[k]);
	}
	return 0;
}
