/* frontmatter.c: YAML front matter through libyaml's event parser.
 *
 * One pass over the events.  A stack of the open lists and maps says
 * where the next node goes (place()): it is a key, a value written out as
 * a pair "path = value", an item of the list being joined, or nothing (a
 * key that is not a scalar, and its value).  The pairs are collected in
 * one pool and handed to the callback only when the whole text has
 * parsed, so an error reports nothing.
 *
 * Anchors: the events of an anchored node are kept in a compact log (only
 * while such a node is open, so a text without anchors logs nothing); an
 * alias replays them at its own place.  Every byte made and every event
 * replayed is paid from a budget linear in the input (spend()), which
 * stops a "billion laughs" as well as long keys over many nested keys. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "frontmatter.h"
#include "hash.h"
#include "util.h"

enum {
	FM_DEPTH = 64,		/* lists and maps inside each other */
	FM_FACTOR = 8,		/* the budget: FM_FACTOR * n + FM_SLACK */
	FM_SLACK = 65536
};

enum kind { K_MAP, K_SEQ };

/* What the nodes inside a collection give. */
enum mode {
	M_OUT,			/* a map whose values are written out */
	M_FLAT,			/* items of the list being joined */
	M_SKIP			/* nothing (inside a key that is no scalar) */
};

/* Where the next node goes. */
enum place { P_ROOT, P_KEY, P_VALUE, P_ITEM, P_SKIP };

struct frame {
	enum kind kind;
	enum mode mode;
	bool key_next;		/* a map: the next node is a key */
	bool skip_value;	/* a map: the key was not a scalar */
	bool list;		/* the list whose items make one value */
	size_t plen;		/* an M_OUT map: the length of its own path */
	size_t npair;		/* an M_OUT map: the pairs before it */
	long line;		/* an M_OUT map: the line of its current key */
	char *anchor;		/* its anchor while it is open (malloc'd) */
	size_t logstart;	/* where its events start in the log */
};

struct pair {
	size_t key, val;	/* offsets into the pool */
	long line;
};

/* An anchored node: its events are log[start..end). */
struct span {
	size_t start, end;
};

/* Log operations: one byte, then for S, N and A a length or an index. */
enum {
	OP_SCALAR = 'S', OP_NULL = 'N', OP_MAP = 'M', OP_SEQ = 'L',
	OP_END = 'E', OP_ALIAS = 'A'
};

struct fm {
	const char *text;
	size_t n;
	struct frame stack[FM_DEPTH];
	int depth;
	int docs;
	struct buf path;	/* the key path of the node being read */
	struct buf list;	/* the list value being joined */
	size_t nitems;		/* its items so far */
	struct buf pool;	/* "key\0value\0" of each pair */
	struct pair *pair;
	size_t npair, paircap;
	struct buf log;		/* the events of anchored nodes */
	int open;		/* anchored nodes open: events are logged */
	struct span *rec;
	size_t nrec, reccap;
	struct hash anchors;	/* anchor name → index in rec, plus 1 */
	size_t cost, limit;
	size_t at_index, at_off;	/* line_at's place: a character */
	long at_line;			/* index, its offset and line */
	long errline;
	const char *errmsg;	/* a string literal (ours or libyaml's) */
};

static int
fail(struct fm *st, long line, const char *msg)
{
	st->errline = line;
	st->errmsg = msg;
	return -1;
}

static int
spend(struct fm *st, size_t k, long line)
{
	if (k > st->limit - st->cost)
		return fail(st, line,
		    "aliases or nested keys expand to too much text");
	st->cost += k;
	return 0;
}

/* The line of libyaml's character index (CRLF is two characters): the
 * place moves from the last one, so a pass costs O(n) in all. */
static long
line_at(struct fm *st, size_t index)
{
	const unsigned char *t = (const unsigned char *)st->text;
	while (st->at_index < index && st->at_off < st->n) {
		if (t[st->at_off++] == '\n')
			st->at_line++;
		while (st->at_off < st->n && (t[st->at_off] & 0xC0) == 0x80)
			st->at_off++;
		st->at_index++;
	}
	while (st->at_index > index) {
		do
			st->at_off--;
		while (st->at_off > 0 && (t[st->at_off] & 0xC0) == 0x80);
		if (t[st->at_off] == '\n')
			st->at_line--;
		st->at_index--;
	}
	return st->at_line;
}

/* The line of byte offset off. */
static long
line_of_offset(const char *text, size_t n, size_t off)
{
	long line = 1;
	const char *p = text, *end = text + (off < n ? off : n);
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		line++;
		p++;
	}
	return line;
}

/* ---- Where nodes go ------------------------------------------------ */

static enum place
place(const struct fm *st)
{
	if (!st->depth)
		return P_ROOT;
	const struct frame *f = &st->stack[st->depth - 1];
	if (f->mode == M_SKIP)
		return P_SKIP;
	if (f->kind == K_SEQ)
		return P_ITEM;
	if (f->key_next)
		return P_KEY;
	if (f->skip_value)
		return P_SKIP;
	return f->mode == M_OUT ? P_VALUE : P_ITEM;
}

/* A node is complete: its map goes from the key to the value, or from
 * the value to the next key (and the key leaves the path). */
static void
done(struct fm *st)
{
	if (!st->depth)
		return;
	struct frame *f = &st->stack[st->depth - 1];
	if (f->kind != K_MAP)
		return;
	if (f->key_next) {
		f->key_next = false;
		return;
	}
	f->key_next = true;
	f->skip_value = false;
	if (f->mode == M_OUT) {
		st->path.len = f->plen;
		st->path.s[f->plen] = '\0';
	}
}

/* A pair: the current path and v[0..vn), at the line of its key; the
 * value is paid for unless paid is set (a list's items are, as they
 * come). */
static int
emit(struct fm *st, const char *v, size_t vn, bool paid, long line)
{
	if (spend(st, st->path.len + 1 + (paid ? 0 : vn), line))
		return -1;
	if (st->npair == st->paircap) {
		if (st->paircap > (size_t)-1 / 2 / sizeof *st->pair)
			die_oom();
		st->paircap = st->paircap ? 2 * st->paircap : 64;
		st->pair = xrealloc(st->pair, st->paircap * sizeof *st->pair);
	}
	struct pair *p = &st->pair[st->npair++];
	p->key = st->pool.len;
	buf_add(&st->pool, st->path.s, st->path.len + 1);
	p->val = st->pool.len;
	buf_add(&st->pool, v, vn);
	buf_addc(&st->pool, '\0');
	p->line = line;
	return 0;
}

/* One more item of the list being joined. */
static int
item(struct fm *st, const char *v, size_t vn, long line)
{
	if (spend(st, vn + 2, line))
		return -1;
	if (st->nitems++)
		buf_add(&st->list, ", ", 2);
	buf_add(&st->list, v, vn);
	return 0;
}

/* A scalar v[0..vn); null: it is a plain null, whose value is "". */
static int
on_scalar(struct fm *st, const char *v, size_t vn, bool null, long line)
{
	struct frame *f = st->depth ? &st->stack[st->depth - 1] : NULL;
	switch (place(st)) {
	case P_ROOT:
		if (!null)
			return fail(st, line, "top level is a scalar, not a map");
		break;
	case P_KEY:
		if (f->mode != M_OUT)
			break;
		if (spend(st, vn + 1, line))
			return -1;
		if (st->depth > 1)
			buf_addc(&st->path, '.');
		buf_add(&st->path, v, vn);
		f->line = line;
		break;
	case P_VALUE:
		if (emit(st, v, null ? 0 : vn, false, f->line))
			return -1;
		break;
	case P_ITEM:
		if (item(st, v, null ? 0 : vn, line))
			return -1;
		break;
	case P_SKIP:
		break;
	}
	done(st);
	return 0;
}

static int
on_start(struct fm *st, enum kind kind, long line)
{
	enum place pl = place(st);
	if (pl == P_ROOT && kind != K_MAP)
		return fail(st, line, "top level is a list, not a map");
	if (st->depth == FM_DEPTH)
		return fail(st, line, "nesting deeper than 64 levels");
	struct frame *parent = st->depth ? &st->stack[st->depth - 1] : NULL;
	struct frame *f = &st->stack[st->depth++];
	*f = (struct frame){ .kind = kind, .key_next = kind == K_MAP };
	switch (pl) {
	case P_ROOT:
		f->mode = M_OUT;
		break;
	case P_KEY:
		parent->skip_value = true;
		f->mode = M_SKIP;
		break;
	case P_VALUE:
		if (kind == K_MAP) {
			f->mode = M_OUT;
			f->plen = st->path.len;
			f->npair = st->npair;
		} else {
			f->mode = M_FLAT;
			f->list = true;
			buf_reset(&st->list);
			st->nitems = 0;
		}
		break;
	case P_ITEM:
		f->mode = M_FLAT;
		break;
	case P_SKIP:
		f->mode = M_SKIP;
		break;
	}
	return 0;
}

/* The end of the innermost list or map: a joined list is written out,
 * and so is an empty map (its key with ""). */
static int
on_end(struct fm *st)
{
	struct frame *f = &st->stack[--st->depth];
	struct frame *parent = st->depth ? &st->stack[st->depth - 1] : NULL;
	if (f->list) {
		if (emit(st, st->list.s, st->list.len, true,
		    parent->line))
			return -1;
	} else if (parent && f->mode == M_OUT && st->npair == f->npair) {
		if (emit(st, "", 0, false, parent->line))
			return -1;
	}
	done(st);
	return 0;
}

/* ---- Anchors ----------------------------------------------------- */

static void
log_num(struct buf *b, size_t v)
{
	while (v >= 0x80) {
		buf_addc(b, (char)((v & 0x7F) | 0x80));
		v >>= 7;
	}
	buf_addc(b, (char)v);
}

static size_t
get_num(const char *s, size_t *i)
{
	size_t v = 0;
	unsigned shift = 0;
	unsigned char c;
	do {
		c = (unsigned char)s[(*i)++];
		v |= (size_t)(c & 0x7F) << shift;
		shift += 7;
	} while (c & 0x80);
	return v;
}

/* An anchored node is complete: its events are log[start..). */
static void
keep_anchor(struct fm *st, const char *name, size_t start)
{
	if (st->nrec == st->reccap) {
		if (st->reccap > (size_t)-1 / 2 / sizeof *st->rec)
			die_oom();
		st->reccap = st->reccap ? 2 * st->reccap : 16;
		st->rec = xrealloc(st->rec, st->reccap * sizeof *st->rec);
	}
	st->rec[st->nrec] = (struct span){ start, st->log.len };
	*hash_put(&st->anchors, name) = (void *)(uintptr_t)++st->nrec;
}

/* Replay anchored node id at an alias on line.  Nested aliases recurse,
 * each inside one more list or map, so no deeper than the nesting. */
static int
replay(struct fm *st, size_t id, long line)
{
	size_t i = st->rec[id].start, end = st->rec[id].end;
	while (i < end) {
		if (spend(st, 1, line))
			return -1;
		int op = (unsigned char)st->log.s[i++];
		size_t v = 0;
		if (op == OP_SCALAR || op == OP_NULL || op == OP_ALIAS)
			v = get_num(st->log.s, &i);
		int r;
		switch (op) {
		case OP_SCALAR:
		case OP_NULL:
			r = on_scalar(st, st->log.s + i, v, op == OP_NULL,
			    line);
			i += v;
			break;
		case OP_MAP:
			r = on_start(st, K_MAP, line);
			break;
		case OP_SEQ:
			r = on_start(st, K_SEQ, line);
			break;
		case OP_END:
			r = on_end(st);
			break;
		default:
			r = replay(st, v, line);
			break;
		}
		if (r)
			return r;
	}
	return 0;
}

/* ---- Events -------------------------------------------------------- */

static bool
is_null(const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    ev->data.scalar.tag)
		return false;
	return n == 0 || (n == 1 && *v == '~') || (n == 4 &&
	    (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) ||
	    !memcmp(v, "NULL", 4)));
}

/* The events of the text: logged while an anchored node is open (and for
 * an anchored scalar), then read. */
static int
take_scalar(struct fm *st, const yaml_event_t *ev, long line)
{
	const char *v = (const char *)ev->data.scalar.value;
	const char *anchor = (const char *)ev->data.scalar.anchor;
	size_t vn = ev->data.scalar.length, start = st->log.len;
	bool null = is_null(ev);
	if (anchor || st->open) {
		buf_addc(&st->log, null ? OP_NULL : OP_SCALAR);
		log_num(&st->log, vn);
		buf_add(&st->log, v, vn);
	}
	if (anchor)
		keep_anchor(st, anchor, start);
	return on_scalar(st, v, vn, null, line);
}

static int
take_start(struct fm *st, const yaml_event_t *ev, long line)
{
	bool map = ev->type == YAML_MAPPING_START_EVENT;
	const char *anchor = (const char *)(map ?
	    ev->data.mapping_start.anchor : ev->data.sequence_start.anchor);
	size_t start = st->log.len;
	if (on_start(st, map ? K_MAP : K_SEQ, line))
		return -1;
	if (anchor || st->open)
		buf_addc(&st->log, map ? OP_MAP : OP_SEQ);
	if (anchor) {
		struct frame *f = &st->stack[st->depth - 1];
		f->anchor = xstrdup(anchor);
		f->logstart = start;
		st->open++;
	}
	return 0;
}

static int
take_end(struct fm *st)
{
	struct frame *f = &st->stack[st->depth - 1];
	if (st->open)
		buf_addc(&st->log, OP_END);
	if (f->anchor) {
		keep_anchor(st, f->anchor, f->logstart);
		free(f->anchor);
		f->anchor = NULL;
		st->open--;
	}
	return on_end(st);
}

static int
take_alias(struct fm *st, const yaml_event_t *ev, long line)
{
	void *id = hash_get(&st->anchors, (const char *)ev->data.alias.anchor);
	if (!id)
		return fail(st, line, "undefined alias");
	size_t i = (size_t)(uintptr_t)id - 1;
	if (st->open) {
		buf_addc(&st->log, OP_ALIAS);
		log_num(&st->log, i);
	}
	return replay(st, i, line);
}

static int
take(struct fm *st, const yaml_event_t *ev)
{
	long line = line_at(st, ev->start_mark.index);
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (st->docs++)
			return fail(st, line, "more than one document");
		return 0;
	case YAML_SCALAR_EVENT:
		return take_scalar(st, ev, line);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return take_start(st, ev, line);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return take_end(st);
	case YAML_ALIAS_EVENT:
		return take_alias(st, ev, line);
	default:
		return 0;
	}
}

static int
parser_fail(struct fm *st, const yaml_parser_t *p)
{
	if (p->error == YAML_MEMORY_ERROR)
		die_oom();
	long line = p->error == YAML_READER_ERROR ?
	    line_of_offset(st->text, st->n, p->problem_offset) :
	    line_at(st, p->problem_mark.index);
	return fail(st, line, p->problem ? p->problem : "not valid YAML");
}

static int
read_yaml(struct fm *st)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		die_oom();
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)st->text,
	    st->n);
	int r;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			r = parser_fail(st, &p);
			break;
		}
		bool end = ev.type == YAML_STREAM_END_EVENT;
		r = take(st, &ev);
		yaml_event_delete(&ev);
		if (r || end)
			break;
	}
	yaml_parser_delete(&p);
	return r;
}

int
frontmatter_parse(const char *text, size_t n, frontmatter_fn fn, void *ctx,
    long *errline, char **errmsg)
{
	struct fm st = { .text = text, .n = n, .at_line = 1 };
	st.limit = n > ((size_t)-1 - FM_SLACK) / FM_FACTOR ? (size_t)-1 :
	    FM_FACTOR * n + FM_SLACK;
	/* Never NULL, so that buf_add and done() need no checks. */
	buf_add_slow(&st.path, "", 0);
	buf_add_slow(&st.list, "", 0);
	int r = n ? read_yaml(&st) : 0;
	if (r == 0)
		for (size_t i = 0; i < st.npair; i++)
			fn(st.pool.s + st.pair[i].key,
			    st.pool.s + st.pair[i].val, st.pair[i].line, ctx);
	if (errline) {
		*errline = 0;
		if (r) {
			/* A mark at the end of the text may stand after its
			 * last line. */
			long last = line_of_offset(text, n, n);
			if (n && text[n - 1] == '\n' && last > 1)
				last--;
			*errline = st.errline < 1 ? 1 :
			    st.errline > last ? last : st.errline;
		}
	}
	if (errmsg)
		*errmsg = r ? xstrdup(st.errmsg) : NULL;
	for (int i = 0; i < st.depth; i++)
		free(st.stack[i].anchor);
	buf_free(&st.path);
	buf_free(&st.list);
	buf_free(&st.pool);
	buf_free(&st.log);
	free(st.pair);
	free(st.rec);
	hash_free(&st.anchors);
	return r;
}
