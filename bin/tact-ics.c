/* tact-ics: due and overdue lines in, one iCalendar file out (RFC 5545),
 * for a calendar application to import or subscribe to. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "ics.h"
#include "input.h"
#include "record.h"
#include "util.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: tact-ics [-t DATE] [FILE ...]\n");
}

static void
read_records(FILE *fp, const char *name, void *ctx)
{
	struct record_reader *r = record_reader_new(fp, name);
	struct record rec;
	while (record_next(r, &rec))
		ics_record(ctx, &rec);
	record_reader_free(r);
}

int
main(int argc, char *argv[])
{
	progname = "tact-ics";
	struct date today;
	bool tflag = false;
	int c;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	while ((c = getopt(argc, argv, "ht:")) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 't':
			if (date_parse_iso(optarg, &today, false) < 0) {
				fprintf(stderr, "%s: -t '%s': write a date as "
				    "YYYY-MM-DD\n", progname, optarg);
				usage(stderr);
				return 2;
			}
			tflag = true;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	char stamp[ICS_STAMP_BUFSZ];
	struct ics *cal = ics_new(stdout, ics_dtstamp(tflag ? &today : NULL,
	    stamp));
	input_each(argc - optind, argv + optind, false, read_records, cal);
	ics_finish(cal);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
