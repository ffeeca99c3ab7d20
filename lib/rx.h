/* rx.h: PCRE2 patterns compiled once, with JIT and match limits. */
#ifndef TACT_RX_H
#define TACT_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

/* A compiled pattern with its own match data.  Patterns are UTF-8 with
 * PCRE2_UTF | PCRE2_UCP (plus flags); a pattern that does not compile is
 * a bug: message and abort. */
struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
};

void rx_init(struct rx *rx, const char *pattern, uint32_t flags);
void rx_free(struct rx *rx);

/* Match s[0..n) from offset start (PCRE2_NO_UTF_CHECK is used: callers
 * pass valid UTF-8).  Returns true on a match; then rx_ov(rx) holds the
 * offsets (ov[2*i], ov[2*i+1] for group i; PCRE2_UNSET when a group did
 * not take part).  A match or depth limit hit counts as no match. */
bool rx_match(struct rx *rx, const char *s, size_t n, size_t start,
	      uint32_t options);
PCRE2_SIZE *rx_ov(struct rx *rx);

/* Did group i take part in the last match? */
bool rx_group(struct rx *rx, int i);

#endif
