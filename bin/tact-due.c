/* tact-due: an occasions file and records in, the gestures that are due
 * or overdue out (SPEC "Due gestures"). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "due.h"
#include "input.h"
#include "occasion.h"
#include "opts.h"
#include "util.h"

int
main(int argc, char *argv[])
{
	opts_begin("tact-due", "tact-due [-t DATE] [-w DAYS] [-g DAYS] [-p] "
	    "OCCASIONS [RECORDS ...]", argc, argv);
	struct due_opts opt = {.window = DUE_WINDOW, .grace = DUE_GRACE};
	bool tflag = false;
	int c;
	while ((c = opts_next(argc, argv, "g:pt:w:")) != -1) {
		switch (c) {
		case 'g':
			opt.grace = opts_number(c, optarg, 0, DUE_MAX_DAYS,
			    "days");
			break;
		case 'p':
			opt.pass = stdout;
			break;
		case 't':
			opt.today = opts_date(c, optarg);
			tflag = true;
			break;
		case 'w':
			opt.window = opts_number(c, optarg, 0, DUE_MAX_DAYS,
			    "days");
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		opts_fail("no occasions file");
	bool stdin_records = argc == 1;
	for (int i = 1; i < argc; i++)
		stdin_records = stdin_records || !strcmp(argv[i], "-");
	if (!strcmp(argv[0], "-") && stdin_records)
		opts_fail("the occasions and the records cannot both come "
		    "from standard input");
	if (!tflag)
		opt.today = date_today();

	struct occasions os;
	occasions_init(&os, argv[0]);
	occasions_load(&os);
	struct due *d = due_new(&os, &opt);
	input_each(argc - 1, argv + 1, false, due_read, d);
	due_write(d, stdout);
	due_free(d);
	occasions_free(&os);
	if (fflush(stdout) == EOF || ferror(stdout))
		diag_syserr("write error");
	return diag_status();
}
