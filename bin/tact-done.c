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
#include "opts.h"
#include "show.h"
#include "util.h"

int
main(int argc, char *argv[])
{
	opts_begin("tact-done", "tact-done [-n] [-d dmy | mdy] [-t DATE] "
	    "[-f FILE | DIR] CLIENT OCCASION [TEXT ...]", argc, argv);
	struct notesedit_req rq = {0};
	bool tflag = false;
	const char *order = NULL;
	char **paths = NULL;
	int c;
	/* Options end at CLIENT: TEXT may start with '-'. */
	while ((c = opts_next(argc, argv, "d:f:nt:")) != -1) {
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

	struct notesedit_result res;
	int st = notesedit_done(&rq, &res);
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
