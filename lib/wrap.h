/* wrap.h: plain-text layout by display columns: the width of UTF-8 text
 * on a terminal, word wrapping with a hanging indent, padding.
 *
 * Columns are counted as a terminal shows text, by a table of our own
 * (no locale is consulted): East Asian Wide and Fullwidth characters
 * (CJK, Hangul, most emoji) take two columns, combining marks and
 * zero-width characters none, every other character one; a byte that
 * does not start a valid UTF-8 sequence counts as one column of its own.
 * Where the table is unsure it counts wide, which only makes a line
 * shorter.  The text measured is text as wrap_squeeze shows it: without
 * control characters. */
#ifndef TACT_WRAP_H
#define TACT_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Columns of the character cp: 0, 1 or 2. */
size_t wrap_cp_width(uint32_t cp);

/* Columns of s[0..n). */
size_t wrap_width(const char *s, size_t n);

/* Byte length of the longest prefix of s[0..n) of at most cols columns,
 * cut between characters; zero-width characters after its last
 * character (combining marks) stay with it. */
size_t wrap_prefix(const char *s, size_t n, size_t cols);

/* Append s[0..n) to out as one line of words to show people: spaces and
 * TABs separate words (runs of them become one space, both ends are
 * trimmed), and each word is shown by the rule of show.h, so a control
 * character, a bidirectional control or a byte that is not UTF-8 appears
 * as an escape (\033, \u202E, \xff), never raw. */
void wrap_squeeze(struct buf *out, const char *s, size_t n);

/* The first line of the squeezed text s[0..n) (see wrap_squeeze) within
 * cols columns (at least 1): returns its byte length and sets *rest to
 * where the next line starts.  The line ends at a space; a word longer
 * than cols is broken between characters, and a character wider than
 * cols makes a line of its own.  n == 0 gives 0 and *rest 0. */
size_t wrap_next(const char *s, size_t n, size_t cols, size_t *rest);

/* Append s[0..n), squeezed, as a paragraph of lines of at most width
 * columns, each ending in '\n': the first indented by first spaces, the
 * others by hang.  Each line holds at least one column of text, even
 * when an indent leaves no room (then it is wider than width).  Nothing
 * is appended for text that squeezes to nothing.  s must not be in out. */
void wrap_para(struct buf *out, const char *s, size_t n, size_t width,
	       size_t first, size_t hang);

/* Append s[0..n) and then spaces up to cols columns. */
void wrap_pad(struct buf *out, const char *s, size_t n, size_t cols);

/* Append n spaces. */
void wrap_spaces(struct buf *out, size_t n);

#endif
