/* show.c: the one rule for text shown to people (show.h). */
#include <stdbool.h>
#include <stdint.h>

#include "show.h"
#include "text.h"

/* Is cp a character that reorders or breaks the text around it? */
static bool
hidden_control(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* The length of the run at s[0..n) that is shown as it is: printable
 * ASCII, TAB with SHOW_TAB, and UTF-8 characters that are no control. */
static size_t
plain_run(const char *s, size_t n, int flags)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c == '\t' && (flags & SHOW_TAB)) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = c >= 0x80 ? utf8_decode(s + i, n - i, &cp) : 0;
		if (!len || hidden_control(cp))
			break;
		i += len;
	}
	return i;
}

/* Append the escape of the character or stray byte at s[0..n); returns
 * its length in bytes. */
static size_t
escape_one(struct buf *out, const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	uint32_t cp;
	size_t len;
	if (c < 0x80) {
		buf_printf(out, "\\%03o", c);
		return 1;
	}
	if ((len = utf8_decode(s, n, &cp)) != 0) {
		buf_printf(out, "\\u%04X", (unsigned)cp);
		return len;
	}
	buf_printf(out, "\\x%02x", c);
	return 1;
}

void
show_text(struct buf *out, const char *s, size_t n, int flags)
{
	size_t i = 0;
	while (i < n) {
		size_t run = plain_run(s + i, n - i, flags);
		buf_add(out, s + i, run);
		i += run;
		if (i < n)
			i += escape_one(out, s + i, n - i);
	}
	if (!out->s)
		buf_add(out, "", 0);
}
