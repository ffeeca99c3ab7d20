/* tact-done: log a gesture as done, as one entry in the client's notes
 * (SPEC "tact-done"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "notesedit.h"
#include "util.h"

/* glibc's getopt would take options after CLIENT, even in TEXT. */
#ifdef __GLIBC__
#define OPTS "+f:ht:"
#else
#define OPTS "f:ht:"
#endif

static void
usage(FILE *f)
{
	fprintf(f, "usage: tact-done [-t DATE] [-f FILE | DIR] CLIENT "
	    "OCCASION [TEXT ...]\n");
}

int
main(int argc, char *argv[])
{
	progname = "tact-done";
	struct notesedit_req rq = {0};
	bool tflag = false;
	char **paths = NULL;
	int c;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	while ((c = getopt(argc, argv, OPTS)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "-")) {
				fprintf(stderr, "%s: -f -: standard input "
				    "cannot be written; name a file\n",
				    progname);
				free(paths);
				return 2;
			}
			paths = xrealloc(paths, (size_t)(rq.npaths + 1) *
			    sizeof *paths);
			paths[rq.npaths++] = optarg;
			break;
		case 'h':
			usage(stdout);
			free(paths);
			return 0;
		case 't':
			if (date_parse_iso(optarg, &rq.date, false) < 0) {
				fprintf(stderr, "%s: -t '%s': write a date as "
				    "YYYY-MM-DD\n", progname, optarg);
				usage(stderr);
				free(paths);
				return 2;
			}
			tflag = true;
			break;
		default:
			usage(stderr);
			free(paths);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || !*argv[0]) {
		usage(stderr);
		free(paths);
		return 2;
	}
	if (!rq.npaths) {
		static char dot[] = ".";
		char *env = getenv("TACT_NOTES");
		paths = xmalloc(sizeof *paths);
		paths[rq.npaths++] = env && *env ? env : dot;
	}
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
	if (st == 0 && res.added)
		printf("%s:%ld: %s\n", res.file, res.line, res.entry);
	else if (st == 0)
		fprintf(stderr, "%s: %s:%ld: already logged; nothing added\n",
		    progname, res.file, res.line);
	notesedit_result_free(&res);
	buf_free(&text);
	free(paths);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_syserr("write error");
		return 2;
	}
	return st;
}
