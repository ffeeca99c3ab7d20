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

/* Number of fields, kind included, of the kinds tact knows, or 0 for an
 * unknown kind: client 4, field 6, entry 8, due 7, overdue 7. */
size_t record_kind_fields(const char *kind);

/* A record as read: f[0] is the kind, f[1..nf-1] the unescaped fields.
 * raw/rawlen is the line as read, without its '\n' (for passing records
 * through unchanged).  All pointers stay valid until the next call. */
struct record {
	size_t nf;
	char **f;
	const char *raw;
	size_t rawlen;
	const char *file;	/* the input's name, for diagnostics */
	long line;
};

struct record_reader;

/* Read records from fp, named name in diagnostics ("-" for stdin). */
struct record_reader *record_reader_new(FILE *fp, const char *name);
void record_reader_free(struct record_reader *r);
/* From now on, diagnose a line that is not valid UTF-8 as an error and
 * skip it (tact-due: gestures are text for people).  By default such a
 * line is returned as it is (tact-ics repairs what it writes). */
void record_reader_utf8(struct record_reader *r);

/* Next well-formed record into *rec: 1, or 0 at the end of the input.
 * A blank line is skipped.  A line of a known kind with the wrong number
 * of fields, a bad escape, a malformed date (a DATE field of field,
 * entry, due, overdue records: "YYYY-MM-DD"; a field's DATE may also be
 * "--MM-DD" or empty) or a malformed amount is diagnosed as
 * "FILE:LINE: error: …" and skipped.  Records of unknown kinds are
 * returned as they are (callers skip or pass them through). */
int record_next(struct record_reader *r, struct record *rec);

#endif
