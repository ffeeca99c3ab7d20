/* record.h: the record stream (tact-records(5)): writing with escapes,
 * and one reader shared by every command that reads records.
 *
 * One record a line, fields separated by one TAB, the first field the
 * kind.  In a field '\' is written "\\", TAB "\t", CR "\r", LF "\n". */
#ifndef TACT_RECORD_H
#define TACT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* Append s[0..n) to out, escaped. */
void record_escape(struct buf *out, const char *s, size_t n);

/* The same for a NUL-terminated string (faster: no separate strlen). */
void record_escape_str(struct buf *out, const char *s);

/* Unescape s[0..*n) in place; *n becomes the new length and s is
 * NUL-terminated.  Returns 0, or -1 on a bad escape ('\' followed by
 * anything but '\\', 't', 'r', 'n', or at the end). */
int record_unescape(char *s, size_t *n);

/* Append one record line (ending in '\n') of nf NUL-terminated fields,
 * the first being the kind; each field is escaped. */
void record_format(struct buf *out, size_t nf, const char *const *f);

/* The kinds tact knows, and the columns of each: f[KIND_NF - 1] is the
 * last field, f[0] the kind's name.  due and overdue records have the
 * same columns (DUE_*). */
enum record_kind {
	RECORD_UNKNOWN,		/* a kind tact does not know: skipped or
				 * passed through */
	RECORD_CLIENT,
	RECORD_FIELD,
	RECORD_ENTRY,
	RECORD_DUE,
	RECORD_OVERDUE,
	RECORD_PERSON,		/* a person of a client */
	RECORD_CONCERNS,	/* an entry concerns a person */
	RECORD_PLAN,		/* the planned cost of a rule (tact-due -p) */
};

/* The kinds' names, as written in f[RECORD_NAME] (the first field). */
enum { RECORD_NAME = 0 };
#define RECORD_CLIENT_NAME "client"
#define RECORD_FIELD_NAME "field"
#define RECORD_ENTRY_NAME "entry"
#define RECORD_DUE_NAME "due"
#define RECORD_OVERDUE_NAME "overdue"
#define RECORD_PERSON_NAME "person"
#define RECORD_CONCERNS_NAME "concerns"
#define RECORD_PLAN_NAME "plan"
enum { CLIENT_ID = 1, CLIENT_NAME, CLIENT_SOURCE, CLIENT_NF };
enum { FIELD_ID = 1, FIELD_KEY, FIELD_DATE, FIELD_VALUE, FIELD_SOURCE,
	FIELD_NF };
enum { ENTRY_ID = 1, ENTRY_DATE, ENTRY_AMOUNT, ENTRY_CURRENCY, ENTRY_TAGS,
	ENTRY_TEXT, ENTRY_SOURCE, ENTRY_NF };
/* person ID NAME SOURCE: ID is "CLIENT/SLUG"; the person's fields are
 * field records under that ID. */
enum { PERSON_ID = 1, PERSON_NAME, PERSON_SOURCE, PERSON_NF };
/* concerns ID DATE SOURCE: the entry of the client at SOURCE (its DATE)
 * concerns the person ID.  It follows its entry, or comes later (persons
 * of notes of their own are known only at the end of the input). */
enum { CONCERNS_ID = 1, CONCERNS_DATE, CONCERNS_SOURCE, CONCERNS_NF };
/* plan OCCASION AMOUNT CURRENCY SOURCE: the rule OCCASION plans to spend
 * AMOUNT (as an entry's: "15.00") in CURRENCY on each of its gestures;
 * SOURCE is the rule's line of the occasions file. */
enum { PLAN_OCCASION = 1, PLAN_AMOUNT, PLAN_CURRENCY, PLAN_SOURCE,
	PLAN_NF };
enum { DUE_ACT = 1, DUE_DATE, DUE_ID, DUE_OCCASION, DUE_GESTURE, DUE_SOURCE,
	DUE_NF };

/* The kind named name ("entry" …), or RECORD_UNKNOWN. */
enum record_kind record_kind(const char *name);

/* The name of a known kind ("" for RECORD_UNKNOWN). */
const char *record_kind_name(enum record_kind kind);

/* The number of fields of a known kind, its name included (CLIENT_NF …),
 * or 0 for RECORD_UNKNOWN. */
size_t record_kind_nf(enum record_kind kind);

/* The kind of a record of nf fields whose first is name, for records made
 * by hand: RECORD_UNKNOWN when name is unknown or nf is not the number of
 * fields of its kind (record_next diagnoses such a line). */
enum record_kind record_kind_of(const char *name, size_t nf);

/* A record as read: f[0] is the kind's name, f[1..nf-1] the unescaped
 * fields, kind the kind (a known kind has exactly its number of fields,
 * named by the column constants above).  raw/rawlen is the line as read,
 * without its '\n' (for passing records through unchanged).  All pointers
 * stay valid until the next call. */
struct record {
	enum record_kind kind;
	size_t nf;
	char **f;
	const char *raw;
	size_t rawlen;
	const char *file;	/* the input's name, for diagnostics */
	long line;
};

/* Writing records of each kind, escaped as record_format does, into a
 * buffer the caller owns and writes out.  With fp set, a long run of a
 * field without escapes is written to fp at once (after what the buffer
 * holds) rather than copied: a line of 100 MB is then held by its owner
 * only.  A record's SOURCE "FILE:LINE" is given as file and line; the
 * escaped name of the last file is kept (compared by pointer: the name
 * must not change while the writer is used). */
struct record_out {
	struct buf *buf;	/* records not yet written */
	FILE *fp;		/* where long runs go at once, or NULL */
	const char *file;	/* the file whose name src holds */
	struct buf src;		/* "FILE:", escaped */
};

void record_out_init(struct record_out *w, struct buf *buf, FILE *fp);
/* Write the buffer to fp and empty it (nothing without fp). */
void record_out_flush(struct record_out *w);
void record_out_free(struct record_out *w);

/* A record of kind (its name, kn bytes) from nc columns (at most 8) of
 * known length: c[i].n bytes at c[i].s, followed by a NUL there, escaped
 * when c[i].esc (else written as they are); as the writers below do, for
 * a caller that knows the lengths (tact-parse). */
struct record_col {
	const char *s;
	size_t n;
	bool esc;
};
void record_put_cols(struct record_out *w, const char *kind, size_t kn,
    const struct record_col *c, size_t nc, const char *file, long line);

/* client ID NAME SOURCE */
void record_put_client(struct record_out *w, const char *id,
    const char *name, const char *file, long line);

/* field ID KEY DATE VALUE SOURCE; key and date ("" for none) are written
 * as they are: they cannot need an escape. */
void record_put_field(struct record_out *w, const char *id, const char *key,
    const char *date, const char *value, const char *file, long line);

/* entry ID DATE AMOUNT CURRENCY TAGS TEXT SOURCE; date, amount, currency
 * and tags ("" for none) are written as they are. */
struct record_entry {
	const char *id, *date, *amount, *currency, *tags, *text;
};
void record_put_entry(struct record_out *w, const struct record_entry *e,
    const char *file, long line);

/* due or overdue ACT DATE ID OCCASION GESTURE SOURCE.  The lengths of id,
 * gesture and source are given (a caller writing many lines finds them
 * ahead, so that their loads overlap); the gesture is escaped already
 * (record_escape), act and date are written as they are. */
struct record_due {
	enum record_kind kind;	/* RECORD_DUE or RECORD_OVERDUE */
	const char *act, *date, *id, *occasion, *gesture, *source;
	size_t idlen, gesturelen, sourcelen;
};
/* person ID NAME SOURCE */
void record_put_person(struct record_out *w, const char *id,
    const char *name, const char *file, long line);

/* concerns ID DATE SOURCE; date is written as it is. */
void record_put_concerns(struct record_out *w, const char *id,
    const char *date, const char *file, long line);

/* The length of the client id that starts a person id "CLIENT/SLUG", or
 * 0 when id is not a person's id (a client id has no '/'). */
size_t record_person_client_len(const char *id);

void record_put_due(struct record_out *w, const struct record_due *d);

/* plan OCCASION AMOUNT CURRENCY SOURCE; amount and currency are written
 * as they are, source ("FILE:LINE", given whole) escaped. */
void record_put_plan(struct record_out *w, const char *occasion,
    const char *amount, const char *currency, const char *source);

struct record_reader;

/* Read records from fp, named name in diagnostics ("-" for stdin). */
struct record_reader *record_reader_new(FILE *fp, const char *name);
void record_reader_free(struct record_reader *r);
/* From now on, diagnose a line that is not valid UTF-8 as an error and
 * skip it (tact-due: gestures are text for people).  By default such a
 * line is returned as it is (tact-ics repairs what it writes). */
void record_reader_utf8(struct record_reader *r);

/* Next well-formed record into *rec (its kind set): 1, or 0 at the end
 * of the input.
 * A blank line is skipped.  A line of a known kind with the wrong number
 * of fields, a bad escape, a malformed date (a DATE field of field,
 * entry, due, overdue records: "YYYY-MM-DD"; a field's DATE may also be
 * "--MM-DD" or empty) or a malformed amount (of an entry or a plan) is
 * diagnosed as
 * "FILE:LINE: error: …" and skipped.  Records of unknown kinds are
 * returned as they are (callers skip or pass them through). */
int record_next(struct record_reader *r, struct record *rec);

/* Read every record of fp (named name in diagnostics) and hand each to
 * add(ctx, rec): the loop of an input_fn (input.h) over records. */
void record_read_each(FILE *fp, const char *name,
    void (*add)(void *ctx, const struct record *rec), void *ctx);

#endif
