/* notesedit.c: tact-done's one change to the notes.
 *
 * The notes are read twice: all of them without a lock, to find the
 * client and the file of its last section; then that file alone, read
 * under its lock (rewrite.h), to place the entry in what is really there
 * now.  A client's id does not depend on other files (merging only joins
 * sections of one id), so the file parsed alone names it the same way.
 * The new content is parsed once more before it is written: the entry
 * must come out as an entry of the client with its tag, which catches an
 * insertion point hidden in an unclosed code block or comment. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "notes.h"
#include "notesedit.h"
#include "rewrite.h"
#include "slug.h"
#include "text.h"

/* Start over at most this often when the file changes under us. */
enum { MAX_TRIES = 10 };

struct sect {
	char *id, *name, *file;
	long heading_line, last_item_line, end_line;
};

struct ent {
	char *id, *file, *text, *tags;
	struct date date;
	long line;
};

/* What tact-done needs to know about a set of parsed notes. */
struct found {
	struct notes *np;
	FILE *quiet;		/* where the parser's diagnostics go */
	struct sect *sec;
	size_t nsec, capsec;
	struct ent *ent;
	size_t nent, capent;
};

static void
collect(const struct notes_item *it, void *ctx)
{
	struct found *f = ctx;
	if (it->kind == NOTES_SECTION) {
		if (f->nsec == f->capsec) {
			f->capsec = f->capsec ? 2 * f->capsec : 16;
			f->sec = xrealloc(f->sec, f->capsec * sizeof *f->sec);
		}
		struct sect *s = &f->sec[f->nsec++];
		s->id = xstrdup(it->id);
		s->name = xstrdup(it->name ? it->name : "");
		s->file = xstrdup(it->file);
		s->heading_line = it->heading_line;
		s->last_item_line = it->last_item_line;
		s->end_line = it->end_line;
	} else if (it->kind == NOTES_ENTRY) {
		if (f->nent == f->capent) {
			f->capent = f->capent ? 2 * f->capent : 64;
			f->ent = xrealloc(f->ent, f->capent * sizeof *f->ent);
		}
		struct ent *e = &f->ent[f->nent++];
		e->id = xstrdup(it->id);
		e->file = xstrdup(it->file);
		e->text = xstrdup(it->text);
		e->tags = xstrdup(it->tags);
		e->date = it->date;
		e->line = it->line;
	}
}

static void
found_init(struct found *f, FILE *quiet)
{
	memset(f, 0, sizeof *f);
	f->quiet = quiet;
	f->np = notes_new(collect, f);
}

static void
found_free(struct found *f)
{
	for (size_t i = 0; i < f->nsec; i++) {
		free(f->sec[i].id);
		free(f->sec[i].name);
		free(f->sec[i].file);
	}
	for (size_t i = 0; i < f->nent; i++) {
		free(f->ent[i].id);
		free(f->ent[i].file);
		free(f->ent[i].text);
		free(f->ent[i].tags);
	}
	free(f->sec);
	free(f->ent);
	notes_free(f->np);
	memset(f, 0, sizeof *f);
}

static void
parse_fp(FILE *fp, const char *name, void *ctx)
{
	struct found *f = ctx;
	if (f->quiet)
		diag_output(f->quiet);
	notes_parse(f->np, fp, name);
	diag_output(NULL);
}

/* Parse s[0..n) as the file name. */
static void
parse_mem(struct found *f, const char *s, size_t n, const char *name)
{
	if (n == 0)
		return;		/* no clients; fmemopen may refuse size 0 */
	FILE *fp = fmemopen((void *)s, n, "r");
	if (!fp)
		die_oom();
	parse_fp(fp, name, f);
	fclose(fp);
}

static bool
has_tag(const char *tags, const char *tag)
{
	size_t k = strlen(tag);
	for (const char *p = tags; *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == k && !memcmp(p, tag, k))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

const char *
notesedit_occasion_problem(const char *name)
{
	if (!*name)
		return "an occasion name cannot be empty";
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return "an occasion name is made of a-z, 0-9 and '-'";
	if (name[0] < 'a' || name[0] > 'z')
		return "a tag starts with a letter, so no entry could mark "
		    "its gesture done";
	return NULL;
}

/* The entry the parser reads from the line "- DATE: text". */
static struct ent *
parse_line(struct found *f, struct date d, const char *text)
{
	char ds[DATE_BUFSZ];
	struct buf doc = {0};
	buf_printf(&doc, "# x\n- %s: %s\n", date_format(d, ds), text);
	parse_mem(f, doc.s, doc.len, "-");
	buf_free(&doc);
	return f->nent == 1 && f->ent[0].line == 2 ? &f->ent[0] : NULL;
}

char *
notesedit_line(struct date d, const char *text, const char *occasion,
	       char **parsed, const char **why)
{
	*parsed = NULL;
	size_t n = strlen(text);
	text = trim(text, &n);
	if (memchr(text, '\n', n) || memchr(text, '\r', n)) {
		*why = "it must be one line";
		return NULL;
	}
	if (!utf8_valid(text, n)) {
		*why = "it is not valid UTF-8";
		return NULL;
	}
	FILE *quiet = fopen("/dev/null", "w");
	struct found f;
	struct buf t = {0};
	buf_add(&t, text, n);
	bool tagged = false;
	if (n) {
		found_init(&f, quiet);
		struct ent *e = parse_line(&f, d, t.s);
		tagged = e && has_tag(e->tags, occasion);
		found_free(&f);
	}
	if (!tagged)
		buf_printf(&t, "%s#%s", n ? " " : "", occasion);

	found_init(&f, quiet);
	struct ent *e = parse_line(&f, d, t.s);
	if (e && has_tag(e->tags, occasion))
		*parsed = xstrdup(e->text);
	found_free(&f);
	if (quiet)
		fclose(quiet);

	struct buf line = {0};
	char ds[DATE_BUFSZ];
	if (*parsed)
		buf_printf(&line, "- %s: %s", date_format(d, ds), t.s);
	else
		*why = "it would hide the tag (an HTML comment?)";
	buf_free(&t);
	return *parsed ? buf_steal(&line) : NULL;
}

const char *
notesedit_eol(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	return nl && nl > s && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* The offset just after line L (1-based): after its '\n', or n. */
static size_t
after_line(const char *s, size_t n, long L)
{
	size_t at = 0;
	for (long i = 0; i < L && at < n; i++) {
		const char *nl = memchr(s + at, '\n', n - at);
		at = nl ? (size_t)(nl - s) + 1 : n;
	}
	return at;
}

static bool
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_blank(s[i]) && s[i] != '\r')
			return false;
	return true;
}

size_t
notesedit_where(const char *s, size_t n, long heading_line,
		long last_item_line, long end_line)
{
	if (last_item_line > 0)
		return after_line(s, n, last_item_line);
	if (heading_line <= 0)
		return n;
	long last = heading_line;
	size_t at = after_line(s, n, heading_line);
	for (long L = heading_line + 1; L <= end_line && at < n; L++) {
		const char *nl = memchr(s + at, '\n', n - at);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (!blank(s + at, end - at))
			last = L;
		at = nl ? end + 1 : n;
	}
	return after_line(s, n, last);
}

static long
count_lines(const char *s, size_t n)
{
	long k = 0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s)));
	    p++)
		k++;
	return k;
}

long
notesedit_insert(struct buf *out, const char *s, size_t n, size_t at,
		 const char *line, const char *eol)
{
	long before = count_lines(s, at);
	buf_add(out, s, at);
	if (at == n && n > 0 && s[n - 1] != '\n') {
		buf_adds(out, eol);
		buf_adds(out, line);
		return before + 2;
	}
	buf_adds(out, line);
	buf_adds(out, eol);
	buf_add(out, s + at, n - at);
	return before + 1;
}

/* Fold ASCII and Latin-1 capitals (U+00C0..U+00DE but U+00D7) to small
 * letters and compare. */
static bool
name_eq(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
		if (!x)
			return true;
		if (x == 0xc3 && a[1] && b[1]) {
			unsigned char p = (unsigned char)a[1];
			unsigned char q = (unsigned char)b[1];
			if (p >= 0x80 && p <= 0x9e && p != 0x97)
				p = (unsigned char)(p + 0x20);
			if (q >= 0x80 && q <= 0x9e && q != 0x97)
				q = (unsigned char)(q + 0x20);
			if (p != q)
				return false;
			a++;
			b++;
		}
	}
}

static const struct sect *
last_section(const struct found *f, const char *id)
{
	for (size_t i = f->nsec; i-- > 0;)
		if (!strcmp(f->sec[i].id, id))
			return &f->sec[i];
	return NULL;
}

static const struct sect *
first_section(const struct found *f, const char *id)
{
	for (size_t i = 0; i < f->nsec; i++)
		if (!strcmp(f->sec[i].id, id))
			return &f->sec[i];
	return NULL;
}

static void
where_looked(struct buf *b, const struct notesedit_req *rq)
{
	for (int i = 0; i < rq->npaths; i++)
		buf_printf(b, "%s'%s'", i ? ", " : "", rq->paths[i]);
}

/* The id of the client rq names, or NULL after a message. */
static const char *
match(const struct found *f, const struct notesedit_req *rq)
{
	size_t n = strlen(rq->client);
	const char *want = trim(rq->client, &n);
	char *name = xstrndup(want, n);
	const char *id = NULL;
	if (first_section(f, name))
		id = first_section(f, name)->id;
	char *slug = slug_make(want, n);
	if (!id && *slug && first_section(f, slug))
		id = first_section(f, slug)->id;
	free(slug);

	/* By display name: every section's name counts. */
	const char **ids = NULL;
	size_t nids = 0;
	for (size_t i = 0; !id && i < f->nsec; i++) {
		if (!name_eq(f->sec[i].name, name))
			continue;
		size_t k = 0;
		while (k < nids && strcmp(ids[k], f->sec[i].id))
			k++;
		if (k == nids) {
			ids = xrealloc(ids, (nids + 1) * sizeof *ids);
			ids[nids++] = f->sec[i].id;
		}
	}
	if (!id && nids == 1)
		id = ids[0];
	if (!id) {
		struct buf msg = {0};
		if (nids == 0) {
			buf_printf(&msg, "no client '%s' in ", name);
			where_looked(&msg, rq);
			buf_adds(&msg, ": give its id or name as "
			    "tact-parse lists them");
		} else {
			buf_printf(&msg, "client '%s' is ambiguous:", name);
			for (size_t k = 0; k < nids; k++) {
				const struct sect *s = first_section(f, ids[k]);
				buf_printf(&msg, "%s %s (%s:%ld)", k ? "," : "",
				    s->id, s->file, s->heading_line ?
				    s->heading_line : 1);
			}
			buf_adds(&msg, "; give its id");
		}
		diag_problem("%s", msg.s);
		buf_free(&msg);
	}
	free(ids);
	free(name);
	return id;
}

/* Are a and b the same text but for the length of runs of blanks? */
static bool
same_text(const char *a, const char *b)
{
	while (*a && *b) {
		if (is_blank(*a) && is_blank(*b)) {
			while (is_blank(*a))
				a++;
			while (is_blank(*b))
				b++;
		} else if (*a++ != *b++) {
			return false;
		}
	}
	return !*a && !*b;
}

/* An entry of client id dated d with the text text, or NULL. */
static const struct ent *
present(const struct found *f, const char *id, struct date d,
	const char *text)
{
	for (size_t i = 0; i < f->nent; i++) {
		const struct ent *e = &f->ent[i];
		if (!strcmp(e->id, id) && !date_cmp(e->date, d) &&
		    same_text(e->text, text))
			return e;
	}
	return NULL;
}

static void
set_result(struct notesedit_result *res, bool added, const char *file,
	   long line, const char *entry)
{
	res->added = added;
	res->file = xstrdup(file);
	res->line = line;
	res->entry = xstrdup(entry);
}

enum { AGAIN = -1 };

/* One try: AGAIN when the file changed meanwhile, else the status. */
static int
attempt(const struct notesedit_req *rq, const char *line, const char *parsed,
	FILE *quiet, struct notesedit_result *res)
{
	struct found all, one, check;
	found_init(&all, quiet);
	found_init(&one, quiet);
	found_init(&check, quiet);
	struct rewrite rw = { .fd = -1 };
	struct buf out = {0};
	char *id = NULL, *file = NULL;
	int st;

	int st0 = diag_status();
	input_each(rq->npaths, rq->paths, true, parse_fp, &all);
	/* Only input_each's "cannot read" raises the status to 2: the
	 * client may be in the file that could not be read. */
	if (diag_status() >= 2 && st0 < 2) {
		st = 2;
		goto done;
	}
	const char *mid = match(&all, rq);
	if (!mid) {
		st = 1;
		goto done;
	}
	id = xstrdup(mid);
	file = xstrdup(last_section(&all, id)->file);
	const struct ent *e = present(&all, id, rq->date, parsed);
	if (e) {
		set_result(res, false, e->file, e->line, line);
		st = 0;
		goto done;
	}

	if (rewrite_open(&rw, file) != 0) {
		st = 2;
		goto done;
	}
	parse_mem(&one, rw.data.s, rw.data.len, file);
	const struct sect *s = last_section(&one, id);
	if (!s) {
		st = AGAIN;	/* the client left this file meanwhile */
		goto done;
	}
	if ((e = present(&one, id, rq->date, parsed))) {
		set_result(res, false, e->file, e->line, line);
		st = 0;
		goto done;
	}
	const char *data = rw.data.s ? rw.data.s : "";
	size_t at = notesedit_where(data, rw.data.len, s->heading_line,
	    s->last_item_line, s->end_line);
	long lno = notesedit_insert(&out, data, rw.data.len, at, line,
	    notesedit_eol(data, rw.data.len));

	parse_mem(&check, out.s, out.len, file);
	bool ok = false;
	for (size_t i = 0; i < check.nent && !ok; i++)
		ok = check.ent[i].line == lno && !strcmp(check.ent[i].id, id) &&
		    !date_cmp(check.ent[i].date, rq->date) &&
		    !strcmp(check.ent[i].text, parsed);
	if (!ok) {
		diag_problem("%s:%ld: the entry would not be read as an entry "
		    "of '%s' there (inside a code block or comment?); nothing "
		    "written", file, lno, id);
		st = 1;
		goto done;
	}
	switch (rewrite_commit(&rw, out.s, out.len)) {
	case 0:
		set_result(res, true, file, lno, line);
		st = 0;
		break;
	case 1:
		st = AGAIN;
		break;
	default:
		st = 2;
		break;
	}
done:
	rewrite_close(&rw);
	buf_free(&out);
	free(id);
	free(file);
	found_free(&all);
	found_free(&one);
	found_free(&check);
	return st;
}

int
notesedit_done(const struct notesedit_req *rq, struct notesedit_result *res)
{
	memset(res, 0, sizeof *res);
	const char *why = notesedit_occasion_problem(rq->occasion);
	if (why) {
		diag_fatal("bad occasion '%s': %s", rq->occasion, why);
		return 2;
	}
	char *parsed;
	char *line = notesedit_line(rq->date, rq->text, rq->occasion, &parsed,
	    &why);
	if (!line) {
		diag_fatal("bad TEXT: %s", why);
		return 2;
	}
	FILE *quiet = fopen("/dev/null", "w");
	int st = AGAIN;
	for (int i = 0; i < MAX_TRIES && st == AGAIN; i++)
		st = attempt(rq, line, parsed, quiet, res);
	if (st == AGAIN) {
		diag_fatal("the notes keep changing while tact-done writes; "
		    "nothing written");
		st = 2;
	}
	if (quiet)
		fclose(quiet);
	free(line);
	free(parsed);
	return st;
}

void
notesedit_result_free(struct notesedit_result *res)
{
	free(res->file);
	free(res->entry);
	memset(res, 0, sizeof *res);
}
