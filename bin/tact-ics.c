/* tact-ics: due and overdue lines in, one iCalendar file out (RFC 5545),
 * for a calendar application to import or subscribe to. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "ics.h"
#include "input.h"
#include "opts.h"
#include "record.h"
#include "util.h"

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
	opts_begin("tact-ics", "tact-ics [-t DATE] [FILE ...]", argc, argv);
	struct date today;
	bool tflag = false;
	int c;
	while ((c = opts_next(argc, argv, "t:")) != -1) {
		today = opts_date(c, optarg);	/* c == 't' */
		tflag = true;
	}
	char stamp[ICS_STAMP_BUFSZ];
	struct ics *cal = ics_new(stdout, ics_dtstamp(tflag ? &today : NULL,
	    stamp), tflag ? today : date_today());
	input_each(argc - optind, argv + optind, false, read_records, cal);
	ics_finish(cal);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
