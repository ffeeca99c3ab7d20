/* opts.h: the option conventions every command shares (SPEC "Exit
 * status, options, conventions"): POSIX short options with getopt, -h and
 * --help print the usage to standard output and exit 0, a usage error
 * prints a sentence and the usage to standard error and exits 2. */
#ifndef TACT_OPTS_H
#define TACT_OPTS_H

#include <stdio.h>

#include "date.h"

/* Set progname and the usage line; answer --help (as the only or first
 * argument) at once. */
void opts_begin(const char *prog, const char *usage, int argc, char *argv[]);

/* getopt(3) over optstring (without a leading ':' or '+': options end at
 * the first operand).  -h is answered here; an unknown option or a
 * missing value is a usage error.  Returns the option, or -1 at the end
 * (then optind is the first operand). */
int opts_next(int argc, char *argv[], const char *optstring);

void opts_usage(FILE *f);

/* "PROG: MESSAGE", the usage on standard error, exit 2. */
_Noreturn void opts_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* The value of option -opt: a date "YYYY-MM-DD", or a whole number from
 * min to max (what names the unit in the message, e.g. "days"). */
struct date opts_date(int opt, const char *arg);
/* How slash dates are read: the value of option -opt when arg is not
 * NULL, else $TACT_DATE_ORDER, else DATE_ORDER_NONE ("dmy" or "mdy";
 * anything else is a usage error). */
enum date_order opts_date_order(int opt, const char *arg);
/* The value of option -opt: the first day of a business year, "MM-DD"
 * (or "--MM-DD"), into *m and *d. */
void opts_year_start(int opt, const char *arg, int *m, int *d);
long opts_number(int opt, const char *arg, long min, long max,
		 const char *what);

#endif
