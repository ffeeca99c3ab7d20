/* slug.c: client ids from display names.
 *
 * Beyond SPEC: Latin Extended-A letters fold to their base letter too
 * (ł→l, š→s, ő→o, ı→i, ĳ→ij, œ→oe), ẞ (U+1E9E) → ss, and combining
 * diacritics (U+0300–U+036F) after a letter are dropped, with U+0308
 * after a, o, u giving ae, oe, ue: a name in decomposed form (NFD, as
 * in file names from macOS) has the same slug as in composed form. */
#include <stdint.h>

#include "slug.h"
#include "util.h"

/* Folding of U+00C0..U+017F, by ranges of code points. */
static const struct fold {
	uint16_t lo, hi;
	const char *to;
} fold[] = {
	{ 0x00C0, 0x00C3, "a" }, { 0x00C4, 0x00C4, "ae" },
	{ 0x00C5, 0x00C5, "a" }, { 0x00C6, 0x00C6, "ae" },
	{ 0x00C7, 0x00C7, "c" }, { 0x00C8, 0x00CB, "e" },
	{ 0x00CC, 0x00CF, "i" }, { 0x00D0, 0x00D0, "d" },
	{ 0x00D1, 0x00D1, "n" }, { 0x00D2, 0x00D5, "o" },
	{ 0x00D6, 0x00D6, "oe" }, { 0x00D8, 0x00D8, "o" },
	{ 0x00D9, 0x00DB, "u" }, { 0x00DC, 0x00DC, "ue" },
	{ 0x00DD, 0x00DD, "y" }, { 0x00DE, 0x00DE, "th" },
	{ 0x00DF, 0x00DF, "ss" },
	{ 0x00E0, 0x00E3, "a" }, { 0x00E4, 0x00E4, "ae" },
	{ 0x00E5, 0x00E5, "a" }, { 0x00E6, 0x00E6, "ae" },
	{ 0x00E7, 0x00E7, "c" }, { 0x00E8, 0x00EB, "e" },
	{ 0x00EC, 0x00EF, "i" }, { 0x00F0, 0x00F0, "d" },
	{ 0x00F1, 0x00F1, "n" }, { 0x00F2, 0x00F5, "o" },
	{ 0x00F6, 0x00F6, "oe" }, { 0x00F8, 0x00F8, "o" },
	{ 0x00F9, 0x00FB, "u" }, { 0x00FC, 0x00FC, "ue" },
	{ 0x00FD, 0x00FD, "y" }, { 0x00FE, 0x00FE, "th" },
	{ 0x00FF, 0x00FF, "y" },
	/* Latin Extended-A */
	{ 0x0100, 0x0105, "a" }, { 0x0106, 0x010D, "c" },
	{ 0x010E, 0x0111, "d" }, { 0x0112, 0x011B, "e" },
	{ 0x011C, 0x0123, "g" }, { 0x0124, 0x0127, "h" },
	{ 0x0128, 0x0131, "i" }, { 0x0132, 0x0133, "ij" },
	{ 0x0134, 0x0135, "j" }, { 0x0136, 0x0138, "k" },
	{ 0x0139, 0x0142, "l" }, { 0x0143, 0x014B, "n" },
	{ 0x014C, 0x0151, "o" }, { 0x0152, 0x0153, "oe" },
	{ 0x0154, 0x0159, "r" }, { 0x015A, 0x0161, "s" },
	{ 0x0162, 0x0167, "t" }, { 0x0168, 0x0173, "u" },
	{ 0x0174, 0x0175, "w" }, { 0x0176, 0x0178, "y" },
	{ 0x0179, 0x017E, "z" }, { 0x017F, 0x017F, "s" },
};

static const char *
fold_cp(uint32_t c)
{
	if (c == 0x1E9E)
		return "ss";
	if (c < 0x00C0 || c > 0x017F)
		return NULL;
	for (size_t i = 0; i < sizeof fold / sizeof *fold; i++)
		if (c >= fold[i].lo && c <= fold[i].hi)
			return fold[i].to;
	return NULL;		/* × ÷ */
}

/* Decode the UTF-8 character at s[0..n), n > 0: its code point, and its
 * length in *len; an invalid sequence is one byte, code point -1. */
static long
decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char b = s[0];
	size_t l;
	uint32_t c, min;
	*len = 1;
	if (b < 0x80)
		return b;
	if (b >= 0xC2 && b <= 0xDF) {
		l = 2;
		c = b & 0x1F;
		min = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		l = 3;
		c = b & 0x0F;
		min = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		l = 4;
		c = b & 0x07;
		min = 0x10000;
	} else
		return -1;
	if (l > n)
		return -1;
	for (size_t i = 1; i < l; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*len = l;
	return (long)c;
}

/* A slug is never longer than its text: a character gives at most as
 * many letters as it has bytes, a run of others one '-'.  So it is
 * written into one allocation of n + 1 bytes, with no checks. */
char *
slug_make(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	const unsigned char *u = (const unsigned char *)s;
	int dash = 0;		/* a run of other characters is pending */
	int letter = 0;		/* the last character gave a letter */
	for (size_t i = 0, len; i < n; i += len) {
		/* ASCII, most of a name, without decoding or folding. */
		if (u[i] < 0x80) {
			char a = (char)u[i];
			len = 1;
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (!((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))) {
				dash = o > out;
				letter = 0;
				continue;
			}
			if (dash)
				*o++ = '-';
			dash = 0;
			*o++ = a;
			letter = !(a >= '0' && a <= '9');
			continue;
		}
		long c = decode(u + i, n - i, &len);
		const char *to = NULL;
		char one[2] = { 0, 0 };
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			one[0] = (char)c;
			to = one;
		} else if (c >= 'A' && c <= 'Z') {
			one[0] = (char)(c - 'A' + 'a');
			to = one;
		} else if (c >= 0x0300 && c <= 0x036F && letter) {
			/* combining mark: ä as a + U+0308 is still ae */
			char last = o[-1];
			if (c == 0x0308 && (last == 'a' || last == 'o' ||
			    last == 'u'))
				*o++ = 'e';
			continue;
		} else
			to = fold_cp(c < 0 ? 0 : (uint32_t)c);
		if (!to) {
			dash = o > out;
			letter = 0;
			continue;
		}
		if (dash)
			*o++ = '-';
		dash = 0;
		while (*to)
			*o++ = *to++;
		letter = !(o[-1] >= '0' && o[-1] <= '9');
	}
	*o = '\0';
	return out;
}
