/* opts.c: option handling shared by every command. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "opts.h"
#include "util.h"

static const char *usage_line = "";

void
opts_usage(FILE *f)
{
	fprintf(f, "usage: %s\n", usage_line);
}

void
opts_begin(const char *prog, const char *usage, int argc, char *argv[])
{
	progname = prog;
	usage_line = usage;
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		opts_usage(stdout);
		exit(0);
	}
}

_Noreturn void
opts_fail(const char *fmt, ...)
{
	va_list ap;
	struct buf m = {0};
	va_start(ap, fmt);
	buf_vprintf(&m, fmt, ap);
	va_end(ap);
	diag_fatal("%s", m.s ? m.s : "");	/* arguments shown harmlessly */
	buf_free(&m);
	opts_usage(stderr);
	exit(2);
}

int
opts_next(int argc, char *argv[], const char *optstring)
{
	/* ':' for our own messages; '+' stops glibc at the first operand,
	 * as POSIX getopt does. */
	size_t n = strlen(optstring);
	char *spec = xmalloc(n + 4);
	memcpy(spec, "+:h", 3);
	memcpy(spec + 3, optstring, n + 1);
#ifndef __GLIBC__
	memmove(spec, spec + 1, n + 3);
#endif
	opterr = 0;
	int c = getopt(argc, argv, spec);
	free(spec);
	switch (c) {
	case 'h':
		opts_usage(stdout);
		exit(0);
	case ':':
		opts_fail("-%c needs a value", optopt);
	case '?':
		opts_fail("unknown option -%c", optopt);
	}
	return c;
}

struct date
opts_date(int opt, const char *arg)
{
	struct date d;
	if (date_parse_iso(arg, &d, false) != 0)
		opts_fail("-%c '%s': write a date as YYYY-MM-DD", opt, arg);
	return d;
}

void
opts_year_start(int opt, const char *arg, int *m, int *d)
{
	char s[DATE_BUFSZ + 2];
	struct date v;
	if (strlen(arg) > 7 || snprintf(s, sizeof s, "%s%s",
	    strncmp(arg, "--", 2) ? "--" : "", arg) < 0 ||
	    date_parse_iso(s, &v, true) != 0 || v.y)
		opts_fail("-%c '%s': write the first day of the business year "
		    "as MM-DD, e.g. 07-01", opt, arg);
	*m = v.m;
	*d = v.d;
}

long
opts_number(int opt, const char *arg, long min, long max, const char *what)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] < '0' || arg[0] > '9' ||
	    v < min || v > max)
		opts_fail("-%c '%s': write a number of %s from %ld to %ld",
		    opt, arg, what, min, max);
	return v;
}

enum date_order
opts_date_order(int opt, const char *arg)
{
	enum date_order o = DATE_ORDER_NONE;
	if (arg) {
		if (date_order_parse(arg, &o) != 0)
			opts_fail("-%c '%s': write dmy (day first) or mdy "
			    "(month first)", opt, arg);
		return o;
	}
	const char *env = getenv("TACT_DATE_ORDER");
	if (env && *env && date_order_parse(env, &o) != 0)
		opts_fail("TACT_DATE_ORDER '%s': write dmy (day first) or mdy "
		    "(month first)", env);
	return o;
}
