/* diag.c: diagnostics and the exit status they add up to. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "show.h"

static int status;
static struct buf *capture;
static FILE *sink;
static bool quiet;

FILE *
diag_output(FILE *f)
{
	FILE *old = sink;
	sink = f;
	return old;
}

static FILE *
out(void)
{
	return sink ? sink : stderr;
}

void
diag_raise(int st)
{
	if (st > status)
		status = st;
}

int
diag_status(void)
{
	return status;
}

void
diag_quiet(bool on)
{
	quiet = on;
}

void
diag_capture(struct buf *b)
{
	capture = b;
}

void
diag_flush(struct buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, out());
	buf_reset(b);
}

/* Write the message m as one line, shown by the rule of show.h (TAB
 * kept), or append it to the capture buffer. */
static void
put_line(const struct buf *m)
{
	struct buf tmp = {0};
	struct buf *b = capture ? capture : &tmp;
	show_text(b, m->s ? m->s : "", m->len, SHOW_TAB);
	buf_addc(b, '\n');
	if (!capture) {
		fwrite(tmp.s, 1, tmp.len, out());
		buf_free(&tmp);
	}
}

static void
emit(const char *kind, const char *file, long line, const char *fmt, va_list ap)
{
	if (quiet)
		return;
	struct buf m = {0};
	buf_printf(&m, "%s:%ld: %s: ", file, line, kind);
	buf_vprintf(&m, fmt, ap);
	put_line(&m);
	buf_free(&m);
}

void
diag_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("error", file, line, fmt, ap);
	va_end(ap);
	diag_raise(1);
}

void
diag_warning(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("warning", file, line, fmt, ap);
	va_end(ap);
}

static void
vfatal(int st, int errnum, const char *fmt, va_list ap)
{
	struct buf m = {0};
	buf_printf(&m, "%s: ", progname);
	buf_vprintf(&m, fmt, ap);
	if (errnum)
		buf_printf(&m, ": %s", strerror(errnum));
	put_line(&m);
	buf_free(&m);
	diag_raise(st);
}

void
diag_fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfatal(2, 0, fmt, ap);
	va_end(ap);
}

void
diag_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfatal(0, 0, fmt, ap);
	va_end(ap);
}

void
diag_syserr(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vfatal(2, e, fmt, ap);
	va_end(ap);
}

void
diag_problem(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfatal(1, 0, fmt, ap);
	va_end(ap);
}
