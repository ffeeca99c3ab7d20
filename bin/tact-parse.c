/* tact-parse: markdown notes in, records out (tact-records(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "notes.h"
#include "notesrec.h"
#include "opts.h"
#include "record.h"
#include "util.h"

static void
parse(FILE *fp, const char *name, void *np)
{
	notes_parse(np, fp, name);
}

int
main(int argc, char *argv[])
{
	opts_begin("tact-parse", "tact-parse [-h] [-d dmy | mdy] [-x PATTERN] "
	    "... [FILE | DIR | -] ...", argc, argv);
	const char *order = NULL;
	struct input_exclude ex = {0};
	int c;
	while ((c = opts_next(argc, argv, "d:x:")) != -1) {
		switch (c) {
		case 'd':
			order = optarg;
			break;
		case 'x':
			ex.pat = xrealloc(ex.pat, (ex.n + 1) * sizeof *ex.pat);
			ex.pat[ex.n++] = optarg;
			break;
		}
	}

	struct buf out = {0};	/* records not yet written */
	struct record_out w;
	record_out_init(&w, &out, stdout);
	struct notes *np = notes_new(notes_record, &w);
	notes_date_order(np, opts_date_order('d', order));
	input_each_x(argc - optind, argv + optind, true, &ex, parse, np);
	notes_end(np);
	notes_free(np);
	free(ex.pat);
	record_out_flush(&w);
	record_out_free(&w);
	buf_free(&out);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
