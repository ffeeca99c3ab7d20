/* noteline.h: the markdown form of one line of notes (tact-notes(5)).
 *
 * Pure functions over s[0..n) (not NUL-terminated): list items, headings,
 * fences, table rows, emphasis and wikilinks.  What a line means (field,
 * entry, client) is decided by notes.c. */
#ifndef TACT_NOTELINE_H
#define TACT_NOTELINE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* A list item ('-', '*' or '+' and white space, at any indentation of
 * spaces or tabs)?  Then *text is where its text starts. */
bool line_list_item(const char *s, size_t n, size_t *text);

/* An ATX heading?  Returns its level (1-6), else 0; *text and *tn are its text
 * with the closing '#'s and white space removed. */
int line_heading(const char *s, size_t n, const char **text, size_t *tn);

/* Does s open a fence (indented by at most 3 spaces)?  Then *c and *len are its character and length. */
bool line_fence_open(const char *s, size_t n, char *c, size_t *len);
bool line_fence_close(const char *s, size_t n, char c, size_t len);

/* A table row "| a | b |" (a line starting with '|')?  A delimiter row
 * "|---|:--:|"? */
bool line_table_row(const char *s, size_t n);
bool line_table_delim(const char *s, size_t n);
/* The cells of a row with exactly two, trimmed: false otherwise. */
bool line_table_pair(const char *s, size_t n, const char **a, size_t *an,
		     const char **b, size_t *bn);

/* Is the line blank (spaces and tabs only)? */
bool line_blank(const char *s, size_t n);
/* Does s, trailing white space aside, consist of mark ("---")? */
bool line_is_rule(const char *s, size_t n, const char *mark);

/* Emphasis ("**", "__", "*", "_") around the whole of s removed, repeated;
 * returns the new start and updates *n. */
const char *line_unemph(const char *s, size_t *n);

/* The wikilink "[[Target]]", "[[Target|Label]]" starting at s: true, the
 * target (without "#heading" and folders) in *t and *tn, the label (or the
 * target) in *l and *ln, and its whole length in *len. */
bool line_wikilink(const char *s, size_t n, const char **t, size_t *tn,
		   const char **l, size_t *ln, size_t *len);

/* s with every wikilink replaced by its label, appended to out. */
void line_unlink(struct buf *out, const char *s, size_t n);

/* The first occurrence of pat in s[0..n), or NULL. */
const char *line_find(const char *s, size_t n, const char *pat);

#endif
