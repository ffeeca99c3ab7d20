/* diag.c: diagnostics and the exit status they add up to. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

static int status;
static struct buf *capture;
static FILE *sink;

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

static void
emit(const char *kind, const char *file, long line, const char *fmt, va_list ap)
{
	struct buf tmp = {0};
	struct buf *b = capture ? capture : &tmp;
	buf_printf(b, "%s:%ld: %s: ", file, line, kind);
	buf_vprintf(b, fmt, ap);
	buf_addc(b, '\n');
	if (!capture) {
		fwrite(tmp.s, 1, tmp.len, out());
		buf_free(&tmp);
	}
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
	fprintf(out(), "%s: ", progname);
	vfprintf(out(), fmt, ap);
	if (errnum)
		fprintf(out(), ": %s", strerror(errnum));
	fputc('\n', out());
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
