/* tact-parse: markdown notes in, records out (tact-records(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "input.h"
#include "money.h"
#include "notes.h"
#include "record.h"
#include "util.h"

static struct buf out, where;	/* reused for every record */

static void
usage(FILE *f)
{
	fprintf(f, "usage: tact-parse [FILE | DIR | -] ...\n");
}

/* Write one item of the notes as a record. */
static void
put(const struct notes_item *it, void *ctx)
{
	(void)ctx;
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	buf_reset(&where);
	buf_printf(&where, "%s:%ld", it->file, it->line);
	buf_reset(&out);
	switch (it->kind) {
	case NOTES_CLIENT: {
		const char *f[] = { "client", it->id, it->name, where.s };
		record_format(&out, 4, f);
		break;
	}
	case NOTES_FIELD: {
		const char *f[] = { "field", it->id, it->key,
		    it->has_date ? date_format(it->date, date) : "",
		    it->value, where.s };
		record_format(&out, 6, f);
		break;
	}
	case NOTES_ENTRY: {
		const char *f[] = { "entry", it->id,
		    date_format(it->date, date),
		    it->has_amount ? money_format(it->amount.cents, amount) : "",
		    it->has_amount ? it->amount.currency : "",
		    it->tags, it->text, where.s };
		record_format(&out, 8, f);
		break;
	}
	case NOTES_SECTION:
		break;
	}
	fwrite(out.s, 1, out.len, stdout);
}

static void
parse(FILE *fp, const char *name, void *np)
{
	notes_parse(np, fp, name);
}

int
main(int argc, char *argv[])
{
	progname = "tact-parse";
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	int c;
	while ((c = getopt(argc, argv, "h")) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	static char obuf[1 << 16];
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);

	struct notes *np = notes_new(put, NULL);
	input_each(argc - optind, argv + optind, true, parse, np);
	notes_free(np);
	buf_free(&out);
	buf_free(&where);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
