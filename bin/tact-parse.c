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
#include "opts.h"
#include "record.h"
#include "util.h"

static struct buf out;	/* records not yet written */

static void
flush(void)
{
	if (out.len)	/* out.s is NULL when nothing was written */
		fwrite(out.s, 1, out.len, stdout);
	buf_reset(&out);
}

/* Append a field and its TAB. */
static void
add(const char *s)
{
	record_escape_str(&out, s);
	buf_addc(&out, '\t');
}

/* Write one item of the notes as a record (tact-records(5)). */
static void
put(const struct notes_item *it, void *ctx)
{
	(void)ctx;
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	switch (it->kind) {
	case NOTES_CLIENT:
		add("client");
		add(it->id);
		add(it->name);
		break;
	case NOTES_FIELD:
		add("field");
		add(it->id);
		add(it->key);
		add(it->has_date ? date_format(it->date, date) : "");
		add(it->value);
		break;
	case NOTES_ENTRY:
		add("entry");
		add(it->id);
		add(date_format(it->date, date));
		add(it->has_amount ? money_format(it->amount.cents, amount) : "");
		add(it->has_amount ? it->amount.currency : "");
		add(it->tags);
		add(it->text);
		break;
	case NOTES_SECTION:
		return;
	}
	record_escape_str(&out, it->file);
	buf_addc(&out, ':');
	buf_addnum(&out, it->line);
	buf_addc(&out, '\n');
	if (out.len >= 1 << 16)
		flush();
}

static void
parse(FILE *fp, const char *name, void *np)
{
	notes_parse(np, fp, name);
}

int
main(int argc, char *argv[])
{
	opts_begin("tact-parse", "tact-parse [-h] [FILE | DIR | -] ...", argc,
	    argv);
	while (opts_next(argc, argv, "") != -1)
		;

	struct notes *np = notes_new(put, NULL);
	input_each(argc - optind, argv + optind, true, parse, np);
	notes_free(np);
	flush();
	buf_free(&out);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
