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

/* Append a field that may hold a TAB, a backslash or a CR, and a TAB.
 * A long run without escapes is written at once, not copied into out: a
 * line of 100 MB is then held by the parser only. */
static void
add(const char *s)
{
	for (;;) {
		size_t run = strcspn(s, "\\\t\r\n");
		if (run >= 1 << 16) {
			flush();
			fwrite(s, 1, run, stdout);
		} else {
			buf_add(&out, s, run);
		}
		s += run;
		if (!*s)
			break;
		record_escape(&out, s++, 1);
	}
	buf_addc(&out, '\t');
}

/* Append a field that cannot need an escape (a kind, a key, a date, an
 * amount, tags: their characters are letters, digits and "-_,."), and
 * a TAB. */
static void
add_plain(const char *s)
{
	buf_adds(&out, s);
	buf_addc(&out, '\t');
}

/* "FILE:", escaped once a file rather than once a record. */
static void
add_source(const char *file, long line)
{
	static const char *last;	/* the file of esc (compared by
					 * pointer: names outlive the parse,
					 * journal entries come with the
					 * parser's own copy) */
	static struct buf esc;
	if (!file) {		/* the end: free the cache */
		buf_free(&esc);
		return;
	}
	if (file != last) {
		buf_reset(&esc);
		record_escape_str(&esc, file);
		buf_addc(&esc, ':');
		last = file;
	}
	buf_add(&out, esc.s, esc.len);
	buf_addnum(&out, line);
	buf_addc(&out, '\n');
}

/* Write one item of the notes as a record (tact-records(5)). */
static void
put(const struct notes_item *it, void *ctx)
{
	(void)ctx;
	char date[DATE_BUFSZ], amount[MONEY_BUFSZ];
	switch (it->kind) {
	case NOTES_CLIENT:
		add_plain("client");
		add(it->id);
		add(it->name);
		break;
	case NOTES_FIELD:
		add_plain("field");
		add(it->id);
		add_plain(it->key);
		add_plain(it->has_date ? date_format(it->date, date) : "");
		add(it->value);
		break;
	case NOTES_ENTRY:
		add_plain("entry");
		add(it->id);
		add_plain(date_format(it->date, date));
		if (it->has_amount) {
			add_plain(money_format(it->amount.cents, amount));
			add_plain(it->amount.currency);
		} else {
			buf_add(&out, "\t\t", 2);
		}
		add_plain(it->tags);
		add(it->text);
		break;
	case NOTES_SECTION:
		return;
	}
	add_source(it->file, it->line);
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

	struct notes *np = notes_new(put, NULL);
	notes_date_order(np, opts_date_order('d', order));
	input_each_x(argc - optind, argv + optind, true, &ex, parse, np);
	notes_end(np);
	notes_free(np);
	free(ex.pat);
	flush();
	buf_free(&out);
	add_source(NULL, 0);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return diag_status();
}
