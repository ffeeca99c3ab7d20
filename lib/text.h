/* text.h: small text helpers shared by the parsers: UTF-8 validity,
 * trimming, and the normalization of field keys. */
#ifndef TACT_TEXT_H
#define TACT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Is s[0..n) valid UTF-8 (no overlongs, no surrogates, at most U+10FFFF)? */
bool utf8_valid(const char *s, size_t n);

/* Length of the UTF-8 sequence that starts with byte c (1 for ASCII and
 * for bytes that cannot start a sequence). */
size_t utf8_seqlen(unsigned char c);

/* The character at s[0..n) (n > 0): its length in bytes, 1 to 4, and its
 * code point in *cp; 0 when s does not start with a valid UTF-8
 * character (a stray byte, a cut or overlong sequence, a surrogate). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* What one pass over a line finds (text_scan). */
enum {
	TEXT_NUL = 1,		/* a NUL byte */
	TEXT_NONASCII = 2,	/* a byte >= 0x80: check the UTF-8 */
	TEXT_LT = 4,		/* a '<' (an HTML comment may start) */
	TEXT_CR = 8		/* a CR (the caller drops a CRLF's first) */
};

/* The TEXT_ flags of s[0..n), eight bytes at a time: most lines are
 * ordinary, and one pass tells so. */
int text_scan(const char *s, size_t n);

/* The offset of the first ASCII digit in s[0..n), or n when there is
 * none; eight bytes at a time, as most text has no digit. */
size_t text_find_digit(const char *s, size_t n);

/* Is c a space or a tab? */
static inline bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Trim spaces and tabs at both ends of s[0..*n): returns the new start
 * and updates *n. */
const char *trim(const char *s, size_t *n);

/* A tag word (tact-notes(5)) as a PCRE2 pattern: a letter, then letters,
 * marks, digits, '-' and '_'.  Tags in notes and gestures, occasion names
 * and tact-done's OCCASION all use it. */
#define TAG_WORD "\\p{L}[\\p{L}\\p{M}\\p{N}_-]*"

/* The #tag whose '#' is s[h], as the pattern "(?<!\\S)#" TAG_WORD reads
 * it, for the tags that ASCII tells (most): the end of its word (the
 * word is s[h + 1..end)); 0 when no tag starts there; TEXT_TAG_UNSURE
 * when a byte beyond ASCII, in the word or just before the '#', leaves
 * it to the pattern. */
#define TEXT_TAG_UNSURE SIZE_MAX
size_t text_ascii_tag(const char *s, size_t n, size_t h);

/* Lowercase s[0..n) in place: ASCII and Latin-1 letters (UTF-8 "Ü" →
 * "ü"); other bytes stay. */
void text_lower(char *s, size_t n);

/* A field key as tact compares it: letters lowercased (text_lower), each
 * run of spaces, '_' and '/' turned into one '-', apostrophes (' and ’)
 * dropped, ends trimmed ("Company founded" → "company-founded", "Spouse's
 * Birthday" → "spouses-birthday").  Returns a malloc'd string. */
char *key_normalize(const char *s, size_t n);
/* The same into out, which has room for n + 1 bytes; returns the key's
 * length. */
size_t key_normalize_into(char *out, const char *s, size_t n);

/* The Levenshtein distance of a and b, in characters (code points of
 * UTF-8; a stray byte counts as one). */
size_t text_distance(const char *a, const char *b);

/* How many suggestions text_nearest gives at most. */
#define TEXT_NEAREST 3

/* The candidates nearest to want, for "did you mean": up to
 * TEXT_NEAREST of cand[0..n) (NULL and empty ones skipped, the same
 * string once) within max(2, characters of want / 3) edits that keep
 * a character of the longer one (so "ab" suggests no "x"), nearest
 * first, then in strcmp order, into out.  Returns how many. */
size_t text_nearest(const char *want, const char *const *cand, size_t n,
		    const char *out[TEXT_NEAREST]);

/* What the texts t[0..n) (n > 0) have in common at both ends, in whole
 * words: *pre bytes at the start, ending at a space or at a text's end,
 * and *suf bytes at the end, starting with an ASCII character that is no
 * letter or digit (": happy birthday"); never overlapping in the
 * shortest text.  What lies between in each text is its own part. */
void text_common(const char *const *t, size_t n, size_t *pre, size_t *suf);
/* The same where cand[i] is a name of name[i] (a client's display name
 * or alias, name[i] its id): each name[i] is given once, at the distance
 * of its nearest candidate; out holds names. */
size_t text_nearest_of(const char *want, const char *const *cand,
		       const char *const *name, size_t n,
		       const char *out[TEXT_NEAREST]);

/* Does hay hold words (a slug: ASCII letters and digits between '-')
 * as whole words, each side at hay's end or at a byte that is no ASCII
 * letter or digit?  "brenner" is in "autohaus-brenner-gmbh", not in
 * "brennerei". */
bool text_has_words(const char *hay, const char *words);

/* Append " (did you mean 'a', 'b' or 'c'?)" for near[0..k) to b;
 * nothing when k is 0. */
struct buf;
void text_did_you_mean(struct buf *b, const char *const *near, size_t k);

#endif
