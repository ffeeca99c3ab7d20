/* record.c: escaping, formatting and reading the record stream.
 *
 * The reader keeps three buffers per input and reuses them for every line:
 * the block buffer of lines.h holds the line as read (rec->raw), a second
 * buffer its copy that is split at TABs and unescaped in place (rec->f[i]
 * point into it), and the array of field pointers.  They only grow, so a
 * long input costs no allocation per line once the longest line has been
 * seen.  A line without a backslash (most lines) is not unescaped at all:
 * its TABs are found with strchr, which finds a NUL byte on the way, and
 * its fields are only NUL-terminated.  Its UTF-8 is checked only when it
 * has a byte beyond ASCII, and its dates of the common form are read
 * without the general parser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "lines.h"
#include "money.h"
#include "record.h"
#include "text.h"

/* A NUL byte needs no escape: it is copied like any other byte (only
 * record_format, which takes NUL-terminated fields, cannot write one;
 * the reader rejects lines that contain one). */
void
record_escape(struct buf *out, const char *s, size_t n)
{
	/* Most fields need no escape: find the next byte that does with a
	 * table lookup and copy the runs between them in one piece. */
	static const char esc[256] = {
		['\\'] = '\\', ['\t'] = 't', ['\r'] = 'r', ['\n'] = 'n',
	};
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		char e = esc[(unsigned char)s[i]];
		if (!e)
			continue;
		char pair[2] = { '\\', e };
		buf_add(out, s + start, i - start);
		buf_add(out, pair, 2);
		start = i + 1;
	}
	buf_add(out, s + start, n - start);
}

void
record_escape_str(struct buf *out, const char *s)
{
	for (;;) {
		size_t run = strcspn(s, "\\\t\r\n");
		buf_add(out, s, run);
		s += run;
		if (!*s)
			return;
		record_escape(out, s, 1);
		s++;
	}
}

/* Unescape s[0..*n) in place.  Returns SIZE_MAX, or the offset (in the
 * original text) of the backslash of the first bad escape; s is then left
 * partly unescaped. */
static size_t
unescape(char *s, size_t *n)
{
	char *bs = memchr(s, '\\', *n);
	if (!bs) {
		s[*n] = '\0';
		return SIZE_MAX;
	}
	size_t j = (size_t)(bs - s);
	for (size_t i = j; i < *n; i++) {
		if (s[i] != '\\') {
			s[j++] = s[i];
			continue;
		}
		if (i + 1 == *n)
			return i;
		switch (s[i + 1]) {
		case '\\': s[j++] = '\\'; break;
		case 't': s[j++] = '\t'; break;
		case 'r': s[j++] = '\r'; break;
		case 'n': s[j++] = '\n'; break;
		default: return i;
		}
		i++;
	}
	s[j] = '\0';
	*n = j;
	return SIZE_MAX;
}

int
record_unescape(char *s, size_t *n)
{
	return unescape(s, n) == SIZE_MAX ? 0 : -1;
}

void
record_format(struct buf *out, size_t nf, const char *const *f)
{
	for (size_t i = 0; i < nf; i++) {
		if (i)
			buf_addc(out, '\t');
		record_escape(out, f[i], strlen(f[i]));
	}
	buf_addc(out, '\n');
}

/* The kinds by enum record_kind: their names and numbers of fields. */
static const struct {
	const char *name;
	size_t nf;
} kinds[] = {
	[RECORD_UNKNOWN] = {"", 0},
	[RECORD_CLIENT] = {RECORD_CLIENT_NAME, CLIENT_NF},
	[RECORD_FIELD] = {RECORD_FIELD_NAME, FIELD_NF},
	[RECORD_ENTRY] = {RECORD_ENTRY_NAME, ENTRY_NF},
	[RECORD_DUE] = {RECORD_DUE_NAME, DUE_NF},
	[RECORD_OVERDUE] = {RECORD_OVERDUE_NAME, DUE_NF},
	[RECORD_PERSON] = {RECORD_PERSON_NAME, PERSON_NF},
	[RECORD_CONCERNS] = {RECORD_CONCERNS_NAME, CONCERNS_NF},
	[RECORD_PLAN] = {RECORD_PLAN_NAME, PLAN_NF},
};

/* Is name[0..n) the kind name lit?  With lit's length known, the
 * comparison is a few loads, not a call. */
#define KIND_IS(name, n, lit) \
	((n) == sizeof lit - 1 && memcmp(name, lit, sizeof lit - 1) == 0)

/* The kind named name[0..n): by its first letter, then one comparison of
 * a known length.  Inline: the reader calls it for every line. */
static inline enum record_kind
kind_of(const char *name, size_t n)
{
	switch (name[0]) {
	case 'c':
		return KIND_IS(name, n, RECORD_CLIENT_NAME) ? RECORD_CLIENT :
		    KIND_IS(name, n, RECORD_CONCERNS_NAME) ? RECORD_CONCERNS :
		    RECORD_UNKNOWN;
	case 'd':
		return KIND_IS(name, n, RECORD_DUE_NAME) ? RECORD_DUE :
		    RECORD_UNKNOWN;
	case 'e':
		return KIND_IS(name, n, RECORD_ENTRY_NAME) ? RECORD_ENTRY :
		    RECORD_UNKNOWN;
	case 'f':
		return KIND_IS(name, n, RECORD_FIELD_NAME) ? RECORD_FIELD :
		    RECORD_UNKNOWN;
	case 'o':
		return KIND_IS(name, n, RECORD_OVERDUE_NAME) ?
		    RECORD_OVERDUE : RECORD_UNKNOWN;
	case 'p':
		return KIND_IS(name, n, RECORD_PERSON_NAME) ? RECORD_PERSON :
		    KIND_IS(name, n, RECORD_PLAN_NAME) ? RECORD_PLAN :
		    RECORD_UNKNOWN;
	default:
		return RECORD_UNKNOWN;
	}
}

enum record_kind
record_kind(const char *name)
{
	return kind_of(name, strlen(name));
}

const char *
record_kind_name(enum record_kind kind)
{
	return kinds[kind].name;
}

size_t
record_kind_nf(enum record_kind kind)
{
	return kinds[kind].nf;
}

enum record_kind
record_kind_of(const char *name, size_t nf)
{
	enum record_kind k = record_kind(name);
	return nf == kinds[k].nf ? k : RECORD_UNKNOWN;
}

struct record_reader {
	const char *name;
	long lineno;
	struct lines in;	/* the line as read */
	char *line;		/* the current line, in the block of in */
	char *work;		/* the line split and unescaped */
	size_t workcap;
	char **f;
	size_t fcap;
	struct buf show;	/* a field shown escaped, for messages */
	bool utf8;		/* diagnose lines that are not UTF-8 */
};

static void more_fields(struct record_reader *r);

struct record_reader *
record_reader_new(FILE *fp, const char *name)
{
	struct record_reader *r = xcalloc(1, sizeof *r);
	lines_init(&r->in, fp, name);
	r->name = name;
	more_fields(r);		/* never NULL: the split works from its end */
	return r;
}

void
record_reader_utf8(struct record_reader *r)
{
	r->utf8 = true;
}

void
record_reader_free(struct record_reader *r)
{
	if (!r)
		return;
	lines_free(&r->in);
	free(r->work);
	free(r->f);
	buf_free(&r->show);
	free(r);
}

void
record_read_each(FILE *fp, const char *name,
    void (*add)(void *ctx, const struct record *rec), void *ctx)
{
	struct record_reader *rd = record_reader_new(fp, name);
	struct record rec;
	while (record_next(rd, &rec))
		add(ctx, &rec);
	record_reader_free(rd);
}

/* An unescaped field as it would be written, for quoting in a message. */
static const char *
show(struct record_reader *r, const char *s)
{
	buf_reset(&r->show);
	record_escape(&r->show, s, strlen(s));
	return r->show.s ? r->show.s : "";
}

/* Diagnose the bad escape at s[at] (s is field fi, 0 being the kind). */
static void
bad_escape(struct record_reader *r, const char *s, size_t len, size_t at,
	   size_t fi)
{
	size_t field = fi + 1;
	if (at + 1 == len) {
		diag_error(r->name, r->lineno, "bad escape '\\' at the end of "
			   "field %zu: write '\\\\' for a backslash", field);
		return;
	}
	unsigned char c = (unsigned char)s[at + 1];
	if (c < 0x20 || c == 0x7f) {
		diag_error(r->name, r->lineno, "bad escape: '\\' followed by "
			   "byte 0x%02x in field %zu: write '\\\\' for a "
			   "backslash", c, field);
		return;
	}
	/* Show a whole UTF-8 character after the backslash. */
	size_t n = 1;
	if (c >= 0x80)
		while (n < 4 && at + 1 + n < len &&
		       ((unsigned char)s[at + 1 + n] & 0xc0) == 0x80)
			n++;
	diag_error(r->name, r->lineno, "bad escape '\\%.*s' in field %zu: "
		   "write '\\\\' for a backslash", (int)n, s + at + 1, field);
}

static bool
iso_ok(const char *s, bool yearless_ok)
{
	struct date d;
	return date_parse_iso_inline(s, &d, yearless_ok) == 0;
}

static bool
bad_date(struct record_reader *r, const char *what, const char *s,
    enum record_kind kind)
{
	diag_error(r->name, r->lineno, "bad %s '%s' in %s record: expected "
		   "YYYY-MM-DD", what, show(r, s), record_kind_name(kind));
	return false;
}

/* The DATE of a field record: "YYYY-MM-DD", "--MM-DD" or empty. */
static bool
check_field(struct record_reader *r, char **f)
{
	const char *date = f[FIELD_DATE];
	if (*date && !iso_ok(date, true)) {
		diag_error(r->name, r->lineno, "bad date '%s' in field record: "
			   "expected YYYY-MM-DD, --MM-DD or nothing",
			   show(r, date));
		return false;
	}
	return true;
}

static bool
currency_ok(const char *cur)
{
	return strlen(cur) == 3 &&
	    cur[0] >= 'A' && cur[0] <= 'Z' &&
	    cur[1] >= 'A' && cur[1] <= 'Z' &&
	    cur[2] >= 'A' && cur[2] <= 'Z';
}

/* An AMOUNT and CURRENCY of an entry or plan record (kind). */
static bool
check_amount(struct record_reader *r, const char *amount, const char *cur,
    enum record_kind kind)
{
	const char *file = r->name, *name = record_kind_name(kind);
	long line = r->lineno;
	long long cents;
	if (*amount && money_parse(amount, &cents) != 0) {
		diag_error(file, line, "bad amount '%s' in %s record: "
			   "expected digits with '.' and up to two "
			   "decimals", show(r, amount), name);
		return false;
	}
	if (*cur && !currency_ok(cur)) {
		diag_error(file, line, "bad currency '%s' in %s "
			   "record: expected a three-letter code such "
			   "as EUR", show(r, cur), name);
		return false;
	}
	if (*amount && !*cur) {
		diag_error(file, line, "%s record has the amount '%s' "
			   "but no currency: write a code such as EUR",
			   name, show(r, amount));
		return false;
	}
	return true;
}

/* The DATE, AMOUNT and CURRENCY of an entry record. */
static bool
check_entry(struct record_reader *r, char **f)
{
	if (!iso_ok(f[ENTRY_DATE], false))
		return bad_date(r, "date", f[ENTRY_DATE], RECORD_ENTRY);
	/* Most entries have neither. */
	return (!*f[ENTRY_AMOUNT] && !*f[ENTRY_CURRENCY]) ||
	    check_amount(r, f[ENTRY_AMOUNT], f[ENTRY_CURRENCY], RECORD_ENTRY);
}

/* The AMOUNT and CURRENCY of a plan record: both needed. */
static bool
check_plan(struct record_reader *r, char **f)
{
	if (!*f[PLAN_AMOUNT]) {
		diag_error(r->name, r->lineno, "plan record has no amount: "
			   "write the planned cost, e.g. 15.00");
		return false;
	}
	return check_amount(r, f[PLAN_AMOUNT], f[PLAN_CURRENCY],
	    RECORD_PLAN);
}

/* The ACT and DATE of a due or overdue record. */
static bool
check_due(struct record_reader *r, char **f, enum record_kind kind)
{
	if (!iso_ok(f[DUE_ACT], false))
		return bad_date(r, "act date", f[DUE_ACT], kind);
	if (!iso_ok(f[DUE_DATE], false))
		return bad_date(r, "date", f[DUE_DATE], kind);
	return true;
}

/* The ID of a person or concerns record: "CLIENT/SLUG". */
static bool
check_person_id(struct record_reader *r, const char *id,
    enum record_kind kind)
{
	size_t n = record_person_client_len(id);
	if (n == 0 || !id[n + 1] || strchr(id + n + 1, '/')) {
		diag_error(r->name, r->lineno, "bad person id '%s' in %s "
			   "record: expected CLIENT/SLUG", show(r, id),
			   record_kind_name(kind));
		return false;
	}
	return true;
}

size_t
record_person_client_len(const char *id)
{
	const char *slash = strchr(id, '/');
	return slash ? (size_t)(slash - id) : 0;
}

/* Check a record of a known kind with nf fields; diagnose and return false
 * when it is malformed. */
static bool
check_known(struct record_reader *r, char **f, size_t nf,
    enum record_kind kind)
{
	size_t want = record_kind_nf(kind);
	bool act = kind == RECORD_DUE || kind == RECORD_OVERDUE;
	if (nf != want) {
		diag_error(r->name, r->lineno, "%s record has %zu fields, "
			   "expected %zu", record_kind_name(kind), nf, want);
		return false;
	}
	_Static_assert((int)CLIENT_ID == (int)FIELD_ID &&
	    (int)FIELD_ID == (int)ENTRY_ID &&
	    (int)ENTRY_ID == (int)PERSON_ID &&
	    (int)PERSON_ID == (int)CONCERNS_ID,
	    "the ID of client, field and entry records is one column");
	if (kind == RECORD_PLAN) {
		if (!*f[PLAN_OCCASION]) {
			diag_error(r->name, r->lineno, "plan record has an "
				   "empty OCCASION");
			return false;
		}
		return check_plan(r, f);
	}
	if (!*f[act ? DUE_ID : CLIENT_ID]) {
		diag_error(r->name, r->lineno, "%s record has an empty ID",
			   record_kind_name(kind));
		return false;
	}
	switch (kind) {
	case RECORD_FIELD:
		return check_field(r, f);
	case RECORD_ENTRY:
		return check_entry(r, f);
	case RECORD_DUE:
	case RECORD_OVERDUE:
		return check_due(r, f, kind);
	case RECORD_PERSON:
		return check_person_id(r, f[PERSON_ID], kind);
	case RECORD_CONCERNS:
		if (!check_person_id(r, f[CONCERNS_ID], kind))
			return false;
		if (!iso_ok(f[CONCERNS_DATE], false))
			return bad_date(r, "date", f[CONCERNS_DATE], kind);
		return true;
	default:
		return true;
	}
}

static void
more_fields(struct record_reader *r)
{
	size_t cap = r->fcap ? r->fcap * 2 : 16;
	if (cap > SIZE_MAX / sizeof *r->f)
		die_oom();
	r->f = xrealloc(r->f, cap * sizeof *r->f);
	r->fcap = cap;
}

/* Make r->work hold a copy of the current line's len bytes and a NUL
 * (inline: for every line). */
static inline void
copy_line(struct record_reader *r, size_t len)
{
	if (len + 1 > r->workcap) {
		size_t cap = r->workcap ? r->workcap : 256;
		while (cap < len + 1)
			cap = cap > SIZE_MAX / 2 ? len + 1 : cap * 2;
		free(r->work);
		r->work = xmalloc(cap);
		r->workcap = cap;
	}
	memcpy(r->work, r->line, len);
	r->work[len] = '\0';
}

/* Split the current line, which has a backslash, into r->f, unescaping
 * each field in place in the copy; 0 fields on a bad escape. */
static size_t
split_escaped(struct record_reader *r, size_t len)
{
	copy_line(r, len);
	const char *p = r->line, *end = r->line + len;
	for (size_t nf = 0;; nf++) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		size_t n = tab ? (size_t)(tab - p) : (size_t)(end - p);
		if (nf == r->fcap)
			more_fields(r);
		char *w = r->work + (p - r->line);
		size_t bad = unescape(w, &n);
		if (bad != SIZE_MAX) {
			/* Quote from the raw line: w is partly rewritten. */
			bad_escape(r, p, tab ? (size_t)(tab - p) :
			    (size_t)(end - p), bad, nf);
			return 0;
		}
		r->f[nf] = w;
		if (!tab)
			return nf + 1;
		p = tab + 1;
	}
}

/* Split the current line, which has no backslash, into r->f: a field
 * only needs its NUL, which overwrites its TAB in the copy.  0 fields
 * when the line holds a NUL byte.
 *
 * TABs are looked for in the line as read (NUL-terminated by lines.h)
 * with strchr, which stops at a NUL too: a NUL byte inside the line ends
 * a field early, which the last field's length tells.  So the line
 * needs no scan of its own for NUL bytes.  The fields are cut in the
 * copy, so that the search never reads a byte just written (a stalled
 * load each field): p walks the line, w the same place in the copy.  The
 * pointers are kept in locals (f and fend for the fields' array): a store
 * of a NUL could change r's fields as far as the compiler knows. */
static size_t
split_plain(struct record_reader *r, size_t len)
{
	copy_line(r, len);
	const char *p = r->line;
	char *w = r->work;
	char **f = r->f, **fend = r->f + r->fcap;
	for (;;) {
		if (f == fend) {
			size_t nf = (size_t)(f - r->f);
			more_fields(r);
			f = r->f + nf;
			fend = r->f + r->fcap;
		}
		*f++ = w;
		/* Empty fields are common (an entry's AMOUNT, CURRENCY). */
		const char *tab = *p == '\t' ? p : strchr(p, '\t');
		if (!tab) {
			size_t n = strlen(p);
			return w + n == r->work + len ? (size_t)(f - r->f) : 0;
		}
		w += tab - p;
		*w++ = '\0';
		p = tab + 1;
	}
}

/* The length of the start of s[0..n) that is ASCII for sure: n when all
 * of it is (most records: their UTF-8 then needs no check), else a point
 * before the first byte beyond ASCII (a character boundary).  Eight bytes
 * at a time, four words a step, the rest in words of which the last ends
 * with the last byte. */
static size_t
ascii_prefix(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t a, b, c, d;
	size_t i = 0;
	if (n < 8) {
		for (; i < n; i++)
			if ((unsigned char)s[i] >= 0x80)
				return i;
		return n;
	}
	for (; i + 32 <= n; i += 32) {
		memcpy(&a, s + i, 8);
		memcpy(&b, s + i + 8, 8);
		memcpy(&c, s + i + 16, 8);
		memcpy(&d, s + i + 24, 8);
		if ((a | b | c | d) & high)
			return i;
	}
	for (; i + 8 < n; i += 8) {
		memcpy(&a, s + i, 8);
		if (a & high)
			return i;
	}
	memcpy(&a, s + n - 8, 8);
	return a & high ? i : n;
}

/* Is the line of len bytes valid UTF-8?  Only what follows its ASCII
 * start is looked at again. */
static bool
line_utf8(const char *line, size_t len)
{
	size_t i = ascii_prefix(line, len);
	return i == len || utf8_valid(line + i, len - i);
}

/* Is the line of len bytes no record at all: empty, or spaces and TABs
 * only? */
static bool
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Split the current line into r->f with every check that comes before
 * its kind's, each diagnosed in this order: a NUL byte, invalid UTF-8
 * (when asked for), a CR at the end, a bad escape.  The number of fields
 * and the length of the first, or 0 when the line is diagnosed. */
static size_t
split(struct record_reader *r, size_t len, size_t *kindlen)
{
	const char *line = r->line;
	bool escaped = memchr(line, '\\', len) != NULL;
	/* split_plain finds a NUL byte (0 fields); a line with escapes is
	 * searched for one. */
	size_t nf = escaped ? 0 : split_plain(r, len);
	if (escaped ? memchr(line, '\0', len) != NULL : nf == 0) {
		diag_error(r->name, r->lineno, "NUL byte in record");
		return 0;
	}
	if (r->utf8 && !line_utf8(line, len)) {
		diag_error(r->name, r->lineno, "invalid UTF-8 in record");
		return 0;
	}
	if (line[len - 1] == '\r') {
		diag_error(r->name, r->lineno, "record ends in a CR (CRLF "
			   "line end?): end lines with LF alone, and write a "
			   "CR in a field as '\\r'");
		return 0;
	}
	if (escaped) {
		nf = split_escaped(r, len);
		*kindlen = nf ? strlen(r->f[RECORD_NAME]) : 0;
	} else {
		*kindlen = nf > 1 ? (size_t)(r->f[1] - r->f[0] - 1) : len;
	}
	return nf;
}

int
record_next(struct record_reader *r, struct record *rec)
{
	for (;;) {
		size_t len, kindlen;
		if (!(r->line = lines_next(&r->in, &len)))
			return 0;
		r->lineno = r->in.lineno;
		/* A line starts with a letter (its kind), or is blank. */
		if ((unsigned char)r->line[0] <= ' ' && blank(r->line, len))
			continue;
		size_t nf = split(r, len, &kindlen);
		if (!nf)
			continue;
		if (!kindlen) {
			diag_error(r->name, r->lineno, "record has an empty kind: "
				   "a record starts with its kind, e.g. 'entry'");
			continue;
		}
		enum record_kind kind = kind_of(r->f[RECORD_NAME], kindlen);
		if (kind != RECORD_UNKNOWN && !check_known(r, r->f, nf, kind))
			continue;
		rec->kind = kind;
		rec->nf = nf;
		rec->f = r->f;
		rec->raw = r->line;
		rec->rawlen = len;
		rec->file = r->name;
		rec->line = r->lineno;
		return 1;
	}
}
