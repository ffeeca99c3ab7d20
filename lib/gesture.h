/* gesture.h: gesture templates of the occasions file (tact-occasions(5)):
 * checked and split into parts once, expanded once per due gesture.
 *
 * Placeholders: {KEY} a field (of the person the gesture is for, else
 * of the client), {KEY|default}, and the built-in {client} {name} {id}
 * {years} {date} {entry} {last}, which take precedence over fields of
 * the same name; {contact} is the field contact with a fallback the
 * caller gives.  A default is itself a template: text and placeholders
 * ({kontakt|{contact|das Team}}), nested at most GESTURE_MAX_DEPTH
 * deep.  Keys are normalized like field keys ("Company founded" →
 * company-founded).  An empty value is missing; missing without a
 * default is empty.  Entry texts ({entry}, {last}) are inserted with
 * their #tags removed.  After expansion every run of white space is one
 * space and the text is trimmed. */
#ifndef TACT_GESTURE_H
#define TACT_GESTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* How deep placeholders may nest in defaults: {a|{b|{c|…}}}. */
#define GESTURE_MAX_DEPTH 8

enum gesture_kind {
	GP_TEXT,		/* literal text */
	GP_FIELD,		/* {KEY} */
	GP_CONTACT,		/* {contact}: the field, else vals.contact */
	GP_CLIENT, GP_NAME, GP_ID, GP_YEARS, GP_DATE, GP_ENTRY, GP_LAST
};

struct gesture {
	struct gesture_part *part;
	size_t n;
};

struct gesture_part {
	enum gesture_kind kind;
	char *text;		/* GP_TEXT: the text; else the key */
	struct gesture *def;	/* the default after '|', or NULL */
};

/* The values of one expansion; NULL or empty is missing.  entry and last
 * are entry texts as written, #tags still in.  field(key, arg) returns
 * the field value (the person's, else the client's), or NULL.  name is
 * the person's name, or the client's display name in a client's
 * gesture; contact, when set, is what {contact} is (the caller decides
 * the fallback), else {contact} is the field contact. */
struct gesture_vals {
	const char *client, *name, *contact, *id, *years, *date, *entry,
	    *last;
	const char *(*field)(const char *key, void *arg);
	void *arg;
	bool last_untagged;	/* last is as gesture_strip made it */
};

/* Split s[0..n) into *g.  Returns 0, or -1 with *err a malloc'd message
 * saying what is wrong and what would be right (an unclosed '{', a '{'
 * inside a placeholder's key, an empty key, defaults nested too deep);
 * *g is then empty. */
int gesture_compile(struct gesture *g, const char *s, size_t n, char **err);

/* Append the expansion of g to out. */
void gesture_expand(const struct gesture *g, const struct gesture_vals *v,
		    struct buf *out);

/* Append s (NUL-terminated) without its #tags, white space collapsed and
 * trimmed (text that is not valid UTF-8 is taken as it is). */
void gesture_untag(struct buf *out, const char *s);

/* The same with white space as it is: what {last} and {entry} read of
 * a text (gesture_vals.last_untagged), their white space collapsed with
 * the rest of the gesture. */
void gesture_strip(struct buf *out, const char *s);

/* Call fn for every placeholder of g, those in defaults too. */
void gesture_each(const struct gesture *g,
    void (*fn)(const struct gesture_part *p, void *arg), void *arg);

void gesture_free(struct gesture *g);

#endif
