/* input.h: the shared "files, directories, or standard input" loop. */
#ifndef TACT_INPUT_H
#define TACT_INPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef void (*input_fn)(FILE *fp, const char *name, void *ctx);

/* Call fn once for each input, in order: each file argument; for a
 * directory argument (only when dirs is true) every "*.md" file below it,
 * recursively, hidden entries (names starting with '.') skipped, in byte
 * order of their paths (named "DIR/sub/x.md"); standard input for "-" or
 * when argc is 0 (named "-").  An input that cannot be opened or read is
 * reported as "PROG: cannot read 'NAME': strerror" (status 2) and the
 * loop goes on.  A directory given when dirs is false is such an error.
 * fn must not close fp.  A read error while fn reads through the line
 * reader is reported by it as it happens (lines.h); one it leaves on the
 * stream is reported after fn returns. */
void input_each(int argc, char *const argv[], bool dirs, input_fn fn,
		void *ctx);

/* What to leave out: files and folders whose name or path relative to
 * the directory argument matches one of the shell patterns (fnmatch(3)),
 * e.g. "Templates", "Archive", "*.draft.md", "Daily/2019-*". */
struct input_exclude {
	char **pat;
	size_t n;
};

/* input_each, leaving out what ex names (ex may be NULL). */
void input_each_x(int argc, char *const argv[], bool dirs,
		  const struct input_exclude *ex, input_fn fn, void *ctx);

#endif
