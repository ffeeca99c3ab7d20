/* tact-report: records and due lines in, the nightly report out (SPEC
 * "The report"; the layout is in tact-report(1)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "gifts.h"
#include "input.h"
#include "opts.h"
#include "report.h"
#include "util.h"

int
main(int argc, char *argv[])
{
	opts_begin("tact-report", "tact-report [-t DATE] [-s MM-DD] "
	    "[-b AMOUNT[CUR]] [-r RATES] [-q DAYS] [FILE ...]", argc, argv);
	struct report_opts opt = {.quiet = REPORT_QUIET};
	const char *rates = NULL;
	bool tflag = false;
	int c;
	while ((c = opts_next(argc, argv, "b:q:r:s:t:")) != -1) {
		switch (c) {
		case 'b':
			if (gifts_limit_parse(optarg, &opt.limit,
			    opt.currency))
				opts_fail("-b '%s': write an amount and an "
				    "optional currency, e.g. 35 or 25USD",
				    optarg);
			break;
		case 'r':
			rates = optarg;
			break;
		case 's':
			opts_year_start(c, optarg, &opt.start_m, &opt.start_d);
			break;
		case 'q':
			opt.quiet = opts_number(c, optarg, 0, 36500, "days");
			break;
		case 't':
			opt.today = opts_date(c, optarg);
			tflag = true;
			break;
		}
	}
	if (!tflag)
		opt.today = date_today();

	struct report *r = report_new(&opt);
	if (rates) {
		FILE *fp = fopen(rates, "r");
		if (!fp) {
			diag_syserr("cannot read '%s'", rates);
			report_free(r);
			return 2;
		}
		report_rates_read(r, fp, rates);
		fclose(fp);
	}
	input_each(argc - optind, argv + optind, false, report_read, r);
	report_print(r, stdout);
	report_free(r);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
