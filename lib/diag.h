/* diag.h: diagnostics on standard error and the toolkit's exit status.
 *
 * Exit status (every command): 0 success, 1 some input drew an error
 * diagnostic, 2 usage error or a file that cannot be read.  diag_status()
 * is the largest status any diagnostic asked for.
 *
 * Every diagnostic is one line, and the whole of it, file names and
 * quoted text included, is shown by the rule of show.h: a control
 * character (but TAB), a bidirectional control or a byte that is not
 * UTF-8 in a notes file or a file name reaches the terminal as an escape
 * such as \033, never raw. */
#ifndef TACT_DIAG_H
#define TACT_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

/* "FILE:LINE: error: MESSAGE" (status 1) and "FILE:LINE: warning: MESSAGE". */
void diag_error(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "PROG: MESSAGE" for a file that cannot be read and the like (status 2).
 * diag_syserr appends ": strerror(errno)". */
void diag_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_syserr(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "PROG: MESSAGE" that is no problem (the status stays), e.g. tact-done's
 * "already logged". */
void diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "PROG: MESSAGE" for a problem that is not about a file (status 1). */
void diag_problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* While a capture buffer is set, every diagnostic appends its line to it
 * instead of writing it (the status still counts), so a caller can hold
 * them back and print them in order later with diag_flush().  NULL ends
 * the capture. */
void diag_capture(struct buf *b);
void diag_flush(struct buf *b);

/* While quiet, diag_error and diag_warning count (the status) but show
 * nothing, and the other diagnostics are shown as ever: a command that
 * reads notes only to find a client (tact-done) keeps their problems to
 * itself, but not a file that cannot be read, which the line reader
 * (lines.h) reports while the notes are being read. */
void diag_quiet(bool on);

/* Where diagnostics go (NULL: standard error, the default); returns
 * where they went, so that a caller can put it back. */
FILE *diag_output(FILE *f);

/* Raise the status to at least st. */
void diag_raise(int st);
int diag_status(void);

#endif
