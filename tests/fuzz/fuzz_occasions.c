/* fuzz_occasions: the occasions parser (lib/occasion.h) on any bytes, read
 * through a stream as tact-due reads the file, then the due engine with
 * the rules it kept, on fixed records, at three dates (the first and the
 * last day of the calendar among them).
 *
 * Invariants: every rule kept is within the documented bounds (name,
 * lead, N, years, dates, filters, a gesture), is found by its name, and
 * names are unique; tact-due's output is well-formed (fuzz_due.h). */
#include "date.h"
#include "due.h"
#include "occasion.h"
#include "record.h"
#include "text.h"
#include "fuzz.h"
#include "fuzz_due.h"

/* Clients with every kind of field and entry a rule can read. */
static const char records[] =
    "client\ta\tAnna A\ta.md:1\n"
    "field\ta\tbirthday\t1980-02-29\t29.02.1980\ta.md:2\n"
    "field\ta\tfounded\t2016-06-20\t2016-06-20\ta.md:3\n"
    "field\ta\tclient-since\t--06-21\t21.06.\ta.md:4\n"
    "field\ta\ttier\t\tA, b\ta.md:5\n"
    "field\ta\tcontact\t\tAnna {x}\ta.md:6\n"
    "entry\ta\t2026-06-10\t15.00\tEUR\tjob-change,referral\t"
	"new role #job-change\ta.md:7\n"
    "entry\ta\t2026-06-01\t\t\tbirthday\tcalled #birthday\ta.md:8\n"
    "entry\ta\t0001-01-01\t\t\tx,start\tfirst\ta.md:9\n"
    "entry\ta\t9999-12-30\t\t\tx,end\tlast\ta.md:10\n"
    "client\tb\tB\tb.md:1\n"
    "field\tb\tbirthday\t0001-01-01\t0001-01-01\tb.md:2\n"
    "field\tb\tfounded\t9999-12-31\t9999-12-31\tb.md:3\n"
    "entry\tb\t9999-12-31\t\t\tjob-change\tx\tb.md:4\n"
    "client\tc\tC\tc.md:1\n";

static struct record *recs;
static size_t nrecs;
static char *recbuf;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	/* The records, split once: f[] point into recbuf. */
	recbuf = xstrdup(records);
	for (char *line = recbuf, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		recs = xrealloc(recs, (nrecs + 1) * sizeof *recs);
		struct record *r = &recs[nrecs++];
		r->nf = 1;
		for (char *p = line; *p; p++)
			r->nf += *p == '\t';
		r->f = xmalloc(r->nf * sizeof *r->f);
		size_t i = 0;
		for (char *p = line, *t; ; p = t + 1) {
			r->f[i++] = p;
			if (!(t = strchr(p, '\t')))
				break;
			*t = '\0';
		}
		r->kind = record_kind_of(r->f[RECORD_NAME], r->nf);
		r->file = "records";
		r->line = (long)nrecs;
	}
	return 0;
}

static void
check_rule(const struct occasions *os, const struct occasion *o)
{
	/* A tag word, lowercased as tags are: no ASCII capital, no white
	 * space, no '#', a letter (not a digit, '-' or '_') first. */
	CHECK(o->name && *o->name);
	CHECK(utf8_valid(o->name, strlen(o->name)));
	CHECK(!(o->name[0] >= '0' && o->name[0] <= '9') &&
	    o->name[0] != '-' && o->name[0] != '_');
	for (const char *p = o->name; *p; p++)
		CHECK(!(*p >= 'A' && *p <= 'Z') && *p != ' ' && *p != '\t' &&
		    *p != '#' && *p != ',');
	CHECK(hash_get(&os->names, o->name) == o);
	CHECK(o->lead >= 0 && o->lead <= OCC_MAX_LEAD);
	CHECK(o->line >= 1 && o->source && *o->source);
	CHECK(o->gesture.n > 0);
	for (size_t i = 0; i < o->nfilter; i++)
		CHECK(*o->filter[i].key && *o->filter[i].value &&
		    !strchr(o->filter[i].value, ','));
	switch (o->when) {
	case OCC_FIELD:
		CHECK(o->key && *o->key);
		CHECK(o->every >= 0 && o->every <= OCC_MAX_YEARS);
		CHECK(!(o->every && o->nyears));
		for (size_t i = 0; i < o->nyears; i++) {
			CHECK(o->years[i] >= 1 && o->years[i] <= OCC_MAX_YEARS);
			CHECK(!i || o->years[i - 1] <= o->years[i]);
		}
		break;
	case OCC_YEARLY:
		CHECK(o->date.y == 0 && date_valid(o->date));
		break;
	case OCC_ONCE:
		CHECK(o->date.y >= 1 && date_valid(o->date));
		break;
	case OCC_TAG:
		CHECK(o->key && *o->key && strcmp(o->key, o->name) != 0);
		/* fall through */
	case OCC_LAST:
		CHECK(o->days >= 0 && o->days <= OCC_MAX_DAYS);
		break;
	default:
		CHECK(!"unknown WHEN");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct occasions os;
	occasions_init(&os, "occasions");
	char *s = fuzz_copy(data, size, 0);
	FILE *fp = fuzz_open(s, size);
	CHECK(occasions_read(&os, fp) == 0);
	fclose(fp);
	free(s);

	CHECK(os.n == os.names.len);
	for (size_t i = 0; i < os.n; i++)
		check_rule(&os, os.v[i]);

	static const struct due_opts opts[] = {
		{ .today = { 2026, 6, 15 }, .window = 14, .grace = 7 },
		{ .today = { 1, 1, 1 }, .window = DUE_MAX_DAYS,
		  .grace = DUE_MAX_DAYS },
		{ .today = { 9999, 12, 31 }, .window = DUE_MAX_DAYS,
		  .grace = DUE_MAX_DAYS },
	};
	for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
		struct due *d = due_new(&os, &opts[k]);
		for (size_t i = 0; i < nrecs; i++)
			due_add(d, &recs[i]);
		struct buf out = {0};
		due_finish(d, &out);
		fuzz_check_due(&out, &opts[k], &os);
		buf_free(&out);
		due_free(d);
	}
	occasions_free(&os);
	return 0;
}
