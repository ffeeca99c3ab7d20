/* tact-done: log a gesture as done, as one entry in the client's notes,
 * or for a person of a client, one that names the person (SPEC
 * "tact-done"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "donegift.h"
#include "notesedit.h"
#include "occasion.h"
#include "opts.h"
#include "show.h"
#include "text.h"
#include "util.h"

/* Is name a rule of the occasions file (compared as tags are)?  0 when
 * it is (or when it is no occasion name at all: notesedit_done says
 * so), 1 after a message with the nearest names, 2 when the file cannot
 * be read. */
static int
known_occasion(const char *file, const char *name)
{
	if (notesedit_occasion_problem(name))
		return 0;
	struct occasions os;
	occasions_init(&os, file);
	if (occasions_load(&os) != 0) {
		occasions_free(&os);
		return 2;
	}
	char *low = xstrdup(name);
	text_lower(low, strlen(low));
	int st = 0;
	if (!occasions_has(&os, low)) {
		const char **names = xmalloc((os.n + 1) * sizeof *names);
		for (size_t i = 0; i < os.n; i++)
			names[i] = os.v[i]->name;
		const char *near[TEXT_NEAREST];
		size_t k = text_nearest(low, names, os.n, near);
		struct buf msg = {0};
		buf_printf(&msg, "unknown occasion '%s': no rule of that name "
		    "in '%s'", name, file);
		text_did_you_mean(&msg, near, k);
		buf_adds(&msg, "; nothing written");
		diag_problem("%s", msg.s);
		buf_free(&msg);
		free(names);
		st = 1;
	}
	free(low);
	occasions_free(&os);
	return st;
}

int
main(int argc, char *argv[])
{
	opts_begin("tact-done", "tact-done [-n] [-d dmy | mdy] [-t DATE] "
	    "[-o OCCASIONS] [-f FILE | DIR] CLIENT OCCASION [TEXT ...]", argc, argv);
	struct notesedit_req rq = {0};
	bool tflag = false;
	const char *order = NULL, *occfile = NULL;
	char **paths = NULL;
	int c;
	/* Options end at CLIENT: TEXT may start with '-'. */
	while ((c = opts_next(argc, argv, "d:f:no:t:")) != -1) {
		switch (c) {
		case 'd':
			order = optarg;
			break;
		case 'f':
			if (!strcmp(optarg, "-")) {
				free(paths);
				opts_fail("-f -: standard input cannot be "
				    "written; name a file");
			}
			paths = xrealloc(paths, (size_t)(rq.npaths + 1) *
			    sizeof *paths);
			paths[rq.npaths++] = optarg;
			break;
		case 'o':
			occfile = optarg;
			break;
		case 'n':
			rq.dry = true;
			break;
		case 't':
			rq.date = opts_date(c, optarg);
			tflag = true;
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || !*argv[0]) {
		free(paths);
		opts_fail(argc < 2 ? "a client and an occasion are needed" :
		    "the client is empty");
	}
	if (!rq.npaths) {
		static char dot[] = ".";
		char *env = getenv("TACT_NOTES");
		paths = xmalloc(sizeof *paths);
		paths[rq.npaths++] = env && *env ? env : dot;
	}
	rq.order = opts_date_order('d', order);
	rq.paths = paths;
	rq.client = argv[0];
	rq.occasion = argv[1];
	if (!tflag)
		rq.date = date_today();

	struct buf text = {0};
	for (int i = 2; i < argc; i++)
		buf_printf(&text, "%s%s", i > 2 ? " " : "", argv[i]);
	rq.text = text.s ? text.s : "";

	if (!occfile) {
		char *env = getenv("TACT_OCCASIONS");
		occfile = env && *env ? env : NULL;
	}
	int st = occfile ? known_occasion(occfile, rq.occasion) : 0;
	if (st) {
		buf_free(&text);
		free(paths);
		return st;
	}

	struct notesedit_result res;
	st = notesedit_done(&rq, &res);
	if (st == 0 && res.added) {	/* for people: shown harmlessly */
		struct buf said = {0}, shown = {0};
		buf_printf(&said, "%s:%ld: %s", res.file, res.line, res.entry);
		show_text(&shown, said.s, said.len, SHOW_TAB);
		printf("%s\n", shown.s);
		buf_free(&said);
		buf_free(&shown);
		donegift_warn(&rq, &res);
		if (rq.dry)
			diag_note("-n: nothing written");
	}
	else if (st == 0)
		diag_note("%s:%ld: already logged; nothing added", res.file,
		    res.line);
	notesedit_result_free(&res);
	buf_free(&text);
	free(paths);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return st;
}
