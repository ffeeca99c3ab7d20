/* frontmatter.h: a note's YAML front matter as keys and values, read with
 * libyaml (SPEC "Notes", the "Front matter" bullet).
 *
 * What a key's value is:
 *   - a scalar: its text as libyaml gives it, in any style (plain, quoted,
 *     literal "|" and folded ">" blocks); tags are ignored and dates and
 *     datetimes stay as written ("2024-06-14T23:02:00").  A plain null
 *     (nothing, "~", "null", "Null", "NULL") is "".
 *   - a list: its items joined by ", " ("[a, b]" and "- a" alike).  A list
 *     inside is flattened the same way, a map inside gives its values (not
 *     its keys) the same way; an empty list or map inside gives no item, an
 *     empty scalar an empty one ("[a, ~, b]" → "a, , b").  "[]" is "".
 *   - a map: no value of its own but one key for each of its keys,
 *     "outer.inner", at any depth up to the limit; an empty map "{}" is
 *     one key with "".
 * Keys are as written (not normalized; "2024", "true", "~" and "" are keys
 * like any other).  A key that is not a scalar (a complex key "? [a, b]")
 * is skipped with its value.  A key given twice is reported twice.
 *
 * Anchors and aliases: an alias ("*a") stands for a copy of its anchored
 * node ("&a"), so an alias to a scalar gives the scalar, one to a list its
 * items, one to a map its keys under the alias's key; keys that come from
 * an alias have the alias's line.  The copies are bounded (below), so a
 * "billion laughs" is an error, not a hang.  "<<" (merge) is an ordinary
 * key.
 *
 * Limits and error messages (text is text[0..n)):
 *   - nesting of lists and maps deeper than 64 levels:
 *     "nesting deeper than 64 levels";
 *   - every byte of a key path or value made, and every event copied by an
 *     alias, counts; more than 8 * n + 65536 in all:
 *     "aliases or nested keys expand to too much text";
 *   - "undefined alias", "more than one document",
 *     "top level is a list, not a map", "top level is a scalar, not a map";
 *   - otherwise libyaml's own message ("found character that cannot start
 *     any token", "invalid leading UTF-8 octet", ...).
 * Time and memory are linear in n.  A NUL byte from a "\0" escape ends
 * the key or value there.  A leading UTF-8 byte-order mark is skipped; any
 * other encoding than UTF-8 is an error. */
#ifndef TACT_FRONTMATTER_H
#define TACT_FRONTMATTER_H

#include <stddef.h>

/* One key of the front matter: key is the path of map keys joined by '.'
 * ("address.city"), as written (not normalized); value is the scalar, or
 * for a list its items joined by ", " (nested lists flattened the same
 * way; a map inside a list gives its scalar values joined by ", " too);
 * null / empty values are "".  line is the 1-based line within text where
 * the key stands.  Both strings are NUL-terminated and valid only during
 * the call. */
typedef void (*frontmatter_fn)(const char *key, const char *value, long line,
    void *ctx);

/* Parse YAML text[0..n) (the lines between the two '---' lines, not
 * including them).  On success call fn for every key in document order and
 * return 0.  When text is not valid YAML, or its top level is not a map (a
 * scalar or a list), or it exceeds the limits above, call fn for nothing
 * and return -1 with *errline (1-based line within text) and *errmsg
 * (malloc'd, short, lower case, e.g. "found character that cannot start
 * any token", suitable after "front matter is not valid YAML: ").  An
 * empty or comments-only text (or a null document, "~") is success with
 * no keys.  On success *errline is 0 and *errmsg NULL; errline and errmsg
 * may be NULL. */
int frontmatter_parse(const char *text, size_t n, frontmatter_fn fn,
    void *ctx, long *errline, char **errmsg);

#endif
