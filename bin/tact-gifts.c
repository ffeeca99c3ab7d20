/* tact-gifts: records in, the gift ledger of one business year out (SPEC
 * "Gifts"; the rules and columns are in tact-gifts(1)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "gifts.h"
#include "input.h"
#include "opts.h"
#include "util.h"

int
main(int argc, char *argv[])
{
	opts_begin("tact-gifts", "tact-gifts [-t DATE] [-y YEAR] [-s MM-DD] "
	    "[-b AMOUNT[CUR]] [-r RATES] [-c] [FILE ...]", argc, argv);
	struct gifts_opts o = {.warn = true};
	const char *rates = NULL;
	bool tflag = false, cflag = false;
	int c;
	while ((c = opts_next(argc, argv, "b:cr:s:t:y:")) != -1) {
		switch (c) {
		case 'b':
			if (gifts_limit_parse(optarg, &o.limit, o.currency))
				opts_fail("-b '%s': write an amount and an "
				    "optional currency, e.g. 35 or 25USD",
				    optarg);
			break;
		case 'c':
			cflag = true;
			break;
		case 'r':
			rates = optarg;
			break;
		case 's':
			opts_year_start(c, optarg, &o.start_m, &o.start_d);
			break;
		case 't':
			o.today = opts_date(c, optarg);
			tflag = true;
			break;
		case 'y':
			o.year = opts_number(c, optarg, 1, 9998, "years");
			break;
		}
	}
	if (!tflag)
		o.today = date_today();

	struct gifts *g = gifts_new(&o);
	if (rates) {
		FILE *fp = fopen(rates, "r");
		if (!fp) {
			diag_syserr("cannot read '%s'", rates);
			gifts_free(g);
			return 2;
		}
		gifts_rates_read(g, fp, rates);
		fclose(fp);
	}
	input_each(argc - optind, argv + optind, false, gifts_read, g);
	gifts_end(g);
	gifts_print(g, stdout, cflag ? GIFTS_CSV : GIFTS_TSV);
	gifts_free(g);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
