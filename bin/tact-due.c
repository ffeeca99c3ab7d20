/* tact-due: an occasions file and records in, the gestures that are due
 * or overdue out (SPEC "Due gestures"). */
#include <errno.h>
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
#include "util.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: tact-due [-t DATE] [-w DAYS] [-g DAYS] [-p] "
	    "OCCASIONS [RECORDS ...]\n");
}

/* A number of days from 0 to DUE_MAX_DAYS, or exit 2 naming the option. */
static long
days(int opt, const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > DUE_MAX_DAYS) {
		fprintf(stderr, "%s: -%c '%s': write a number of days from 0 "
		    "to %d\n", progname, opt, s, DUE_MAX_DAYS);
		usage(stderr);
		exit(2);
	}
	return v;
}

int
main(int argc, char *argv[])
{
	progname = "tact-due";
	struct due_opts opt = {.window = DUE_WINDOW, .grace = DUE_GRACE};
	bool tflag = false;
	int c;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	opterr = 0;
	while ((c = getopt(argc, argv, ":g:hpt:w:")) != -1) {
		switch (c) {
		case 'g': opt.grace = days(c, optarg); break;
		case 'h': usage(stdout); return 0;
		case 'p': opt.pass = stdout; break;
		case 't':
			if (date_parse_iso(optarg, &opt.today, false) < 0) {
				fprintf(stderr, "%s: -t '%s': write a date as "
				    "YYYY-MM-DD\n", progname, optarg);
				usage(stderr);
				return 2;
			}
			tflag = true;
			break;
		case 'w': opt.window = days(c, optarg); break;
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
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return 2;
	}
	bool stdin_records = argc == 1;
	for (int i = 1; i < argc; i++)
		stdin_records = stdin_records || !strcmp(argv[i], "-");
	if (!strcmp(argv[0], "-") && stdin_records) {
		fprintf(stderr, "%s: the occasions and the records cannot both "
		    "come from standard input\n", progname);
		usage(stderr);
		return 2;
	}
	if (!tflag)
		opt.today = date_today();

	struct occasions os;
	occasions_init(&os, argv[0]);
	occasions_load(&os);
	struct due *d = due_new(&os, &opt);
	input_each(argc - 1, argv + 1, false, due_read, d);
	struct buf out = {0};
	due_finish(d, &out);
	if (out.len)
		fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	due_free(d);
	occasions_free(&os);
	if (fflush(stdout) == EOF || ferror(stdout))
		diag_syserr("write error");
	return diag_status();
}
