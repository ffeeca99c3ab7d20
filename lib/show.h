/* show.h: text shown to people, made harmless for a terminal.
 *
 * One rule for everything tact prints for people to read, the
 * diagnostics (diag.h: the whole message, file names included) and the
 * report's text (wrap_squeeze); never for records or calendars, which
 * have escapes of their own.  Described in tact(7), TEXT SHOWN TO PEOPLE:
 *
 * - a C0 control character (U+0000 to U+001F, TAB only without
 *   SHOW_TAB) and DEL are shown as a backslash and three octal digits:
 *   ESC as \033, LF as \012;
 * - a C1 control character (U+0080 to U+009F), a bidirectional control
 *   (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the
 *   line and paragraph separators U+2028, U+2029 as \u and four hex
 *   digits: \u202E;
 * - a byte that is not part of valid UTF-8 as \x and two hex digits:
 *   \xff;
 * - everything else, a backslash too, as it is.
 *
 * The result is for reading, not for reading back.  It is valid UTF-8
 * without a control character (but TAB with SHOW_TAB), and showing it
 * again changes nothing. */
#ifndef TACT_SHOW_H
#define TACT_SHOW_H

#include <stddef.h>

#include "util.h"

enum {
	SHOW_TAB = 1		/* keep TAB as it is */
};

/* Append s[0..n) to out, shown by the rule above. */
void show_text(struct buf *out, const char *s, size_t n, int flags);

#endif
