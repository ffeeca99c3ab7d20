/* tact-report: records and due lines in, the nightly report out (SPEC
 * "The report"; the layout is in tact-report(1)). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "input.h"
#include "money.h"
#include "report.h"
#include "util.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: tact-report [-t DATE] [-b AMOUNT] [-q DAYS] "
	    "[FILE ...]\n");
}

static _Noreturn void
bad(int opt, const char *arg, const char *want)
{
	fprintf(stderr, "%s: -%c '%s': %s\n", progname, opt, arg, want);
	usage(stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	progname = "tact-report";
	struct report_opts opt = {.limit = REPORT_LIMIT, .quiet = REPORT_QUIET};
	int tflag = 0, c;
	char *end;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	opterr = 0;
	while ((c = getopt(argc, argv, ":b:hq:t:")) != -1) {
		switch (c) {
		case 'b':
			if (money_parse(optarg, &opt.limit) != 0)
				bad(c, optarg, "write an amount in " REPORT_CURRENCY
				    " such as 35 or 35.00");
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'q':
			errno = 0;
			opt.quiet = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || opt.quiet < 0 ||
			    optarg[0] < '0' || optarg[0] > '9')
				bad(c, optarg, "write a number of days, 0 or more");
			break;
		case 't':
			if (date_parse_iso(optarg, &opt.today, false) != 0)
				bad(c, optarg, "write a date as YYYY-MM-DD");
			tflag = 1;
			break;
		case ':':
			fprintf(stderr, "%s: -%c needs a value\n", progname,
			    optopt);
			usage(stderr);
			return 2;
		default:
			fprintf(stderr, "%s: unknown option -%c\n", progname,
			    optopt);
			usage(stderr);
			return 2;
		}
	}
	if (!tflag)
		opt.today = date_today();

	struct report *r = report_new(&opt);
	input_each(argc - optind, argv + optind, false, report_read, r);
	struct buf out = {0};
	report_write(r, &out);
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	report_free(r);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
