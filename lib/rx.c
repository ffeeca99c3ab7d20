/* rx.c: PCRE2 wrapper.  Match and depth limits keep any pattern from
 * backtracking for long, whatever the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "util.h"

enum { RX_MATCH_LIMIT = 100000, RX_DEPTH_LIMIT = 1000 };

static pcre2_match_context *mctx;

void
rx_init(struct rx *rx, const char *pattern, uint32_t flags)
{
	int err;
	PCRE2_SIZE off;
	rx->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | flags, &err, &off, NULL);
	if (!rx->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		fprintf(stderr, "%s: bad pattern at %zu: %s: %s\n", progname,
		    (size_t)off, (char *)msg, pattern);
		abort();
	}
	/* JIT where it can (best effort).  TACT_PCRE2_JIT=0 turns it off:
	 * valgrind reports the JIT's aligned reads past a subject's end as
	 * uses of uninitialised memory (make check-valgrind sets it). */
	const char *jit = getenv("TACT_PCRE2_JIT");
	if (!jit || strcmp(jit, "0") != 0)
		pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	if (!rx->md)
		die_oom();
	if (!mctx) {
		mctx = pcre2_match_context_create(NULL);
		if (!mctx)
			die_oom();
		pcre2_set_match_limit(mctx, RX_MATCH_LIMIT);
		pcre2_set_depth_limit(mctx, RX_DEPTH_LIMIT);
	}
}

void
rx_free(struct rx *rx)
{
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	rx->md = NULL;
	rx->code = NULL;
}

bool
rx_match(struct rx *rx, const char *s, size_t n, size_t start,
    uint32_t options)
{
	int rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, start,
	    options | PCRE2_NO_UTF_CHECK, rx->md, mctx);
	return rc > 0;
}

PCRE2_SIZE *
rx_ov(struct rx *rx)
{
	return pcre2_get_ovector_pointer(rx->md);
}

bool
rx_group(struct rx *rx, int i)
{
	PCRE2_SIZE *ov = rx_ov(rx);
	if ((uint32_t)i >= pcre2_get_ovector_count(rx->md))
		return false;
	return ov[2 * i] != PCRE2_UNSET;
}
