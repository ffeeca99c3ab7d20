/* tact-report: records and due lines in, the nightly report out (SPEC
 * "The report"; the layout is in tact-report(1)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "input.h"
#include "money.h"
#include "opts.h"
#include "report.h"
#include "util.h"

int
main(int argc, char *argv[])
{
	opts_begin("tact-report", "tact-report [-t DATE] [-b AMOUNT] [-q DAYS] "
	    "[FILE ...]", argc, argv);
	struct report_opts opt = {.limit = REPORT_LIMIT, .quiet = REPORT_QUIET};
	bool tflag = false;
	int c;
	while ((c = opts_next(argc, argv, "b:q:t:")) != -1) {
		switch (c) {
		case 'b':
			if (money_parse(optarg, &opt.limit) != 0)
				opts_fail("-b '%s': write an amount in "
				    REPORT_CURRENCY " such as 35 or 35.00",
				    optarg);
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
