/* slug.h: client ids from display names. */
#ifndef TACT_SLUG_H
#define TACT_SLUG_H

#include <stddef.h>

/* The slug of the UTF-8 text s[0..n), SPEC "Notes": ASCII letters
 * lowercased; ä ö ü → ae oe ue and ß → ss (either case); other Latin-1
 * letters with diacritics to their base letter (é→e, ç→c, ñ→n, ø→o, å→a,
 * æ→ae, œ→oe, þ→th, ð→d); every other run of characters that is not an
 * ASCII letter or digit becomes one '-'; leading and trailing '-'
 * dropped.  "Müller GmbH" → "mueller-gmbh".  Returns a malloc'd string,
 * possibly empty. */
char *slug_make(const char *s, size_t n);

#endif
