/* fuzz.h: what the libFuzzer targets in tests/fuzz/ share.
 *
 * CHECK stops the run with a message (libFuzzer saves the input) when an
 * invariant does not hold; it is on whatever NDEBUG says.  Diagnostics of
 * the code under test go to /dev/null, or into a buffer to be checked. */
#ifndef TACT_FUZZ_H
#define TACT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: " \
	"%s\n", __FILE__, __LINE__, #c); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'd copy of data with exactly size bytes (ASan sees any read
 * past its end), or NUL-terminated when nul is set. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size, int nul)
{
	char *s = xmalloc(size + (nul ? 1 : 0));
	if (size)
		memcpy(s, data, size);
	if (nul)
		s[size] = '\0';
	return s;
}

/* A stream reading s[0..n) (fmemopen takes size 0 in glibc >= 2.22). */
static inline FILE *
fuzz_open(char *s, size_t n)
{
	FILE *fp = fmemopen(s, n, "r");
	CHECK(fp != NULL);
	return fp;
}

/* Diagnostics to /dev/null, once. */
static inline void
fuzz_quiet(void)
{
	static FILE *null;
	if (!null) {
		null = fopen("/dev/null", "w");
		CHECK(null != NULL);
		diag_output(null);
	}
}

#endif
