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

#endif
