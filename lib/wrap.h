/* wrap.h: plain-text layout by columns: the width of UTF-8 text, word
 * wrapping with a hanging indent, padding.
 *
 * A column is one UTF-8 character (a code point), whatever it looks like
 * on a terminal; a byte that does not start a valid UTF-8 sequence counts
 * as one column of its own.  No locale is consulted. */
#ifndef TACT_WRAP_H
#define TACT_WRAP_H

#include <stddef.h>

#include "util.h"

/* Columns of s[0..n). */
size_t wrap_width(const char *s, size_t n);

/* Byte length of the longest prefix of s[0..n) of at most cols columns,
 * cut between characters. */
size_t wrap_prefix(const char *s, size_t n, size_t cols);

/* Append s[0..n) to out as one line of words: control characters (TAB,
 * LF, ...) become spaces, runs of spaces one space, both ends trimmed. */
void wrap_squeeze(struct buf *out, const char *s, size_t n);

/* The first line of the squeezed text s[0..n) (see wrap_squeeze) within
 * cols columns (at least 1): returns its byte length and sets *rest to
 * where the next line starts.  The line ends at a space; a word longer
 * than cols is broken between characters.  n == 0 gives 0 and *rest 0. */
size_t wrap_next(const char *s, size_t n, size_t cols, size_t *rest);

/* Append s[0..n), squeezed, as a paragraph of lines of at most width
 * columns, each ending in '\n': the first indented by first spaces, the
 * others by hang.  Each line holds at least one column of text, even
 * when an indent leaves no room (then it is wider than width).  Nothing
 * is appended for text that squeezes to nothing. */
void wrap_para(struct buf *out, const char *s, size_t n, size_t width,
	       size_t first, size_t hang);

/* Append s[0..n) and then spaces up to cols columns. */
void wrap_pad(struct buf *out, const char *s, size_t n, size_t cols);

/* Append n spaces. */
void wrap_spaces(struct buf *out, size_t n);

#endif
