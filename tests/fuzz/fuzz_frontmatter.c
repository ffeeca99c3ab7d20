/* fuzz_frontmatter: frontmatter_parse on any bytes.
 *
 * Invariants: it returns 0 or -1 and reads nothing past n.  On -1 fn was
 * never called, the message is there, short and not capitalized, and its
 * line is within the text.  On 0 there is no message; every key and value
 * is valid UTF-8, every line within the text and not before the last
 * one (keys come in document order), and keys and values together stay
 * within the budget the header documents (8 * n + 65536), which bounds
 * what aliases make.  Without errline and errmsg the result is the same. */
#include "frontmatter.h"
#include "text.h"
#include "fuzz.h"

struct run {
	long nlines;		/* lines of the input */
	long calls;
	long last;		/* the line of the last key */
	size_t bytes;		/* keys and values so far */
};

static void
put(const char *key, const char *value, long line, void *ctx)
{
	struct run *r = ctx;
	size_t kn = strlen(key), vn = strlen(value);
	CHECK(utf8_valid(key, kn));
	CHECK(utf8_valid(value, vn));
	CHECK(line >= 1 && line <= r->nlines);
	CHECK(line >= r->last);
	r->last = line;
	r->bytes += kn + vn;
	r->calls++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run r = { .nlines = 1 };
	for (size_t i = 0; i < size; i++)
		r.nlines += data[i] == '\n';
	if (size && data[size - 1] == '\n' && r.nlines > 1)
		r.nlines--;

	char *s = fuzz_copy(data, size, 0);
	long line = -7;
	char *msg = (char *)"unset";
	int ret = frontmatter_parse(s, size, put, &r, &line, &msg);
	CHECK(ret == 0 || ret == -1);
	if (ret == 0) {
		CHECK(line == 0 && msg == NULL);
		CHECK(r.bytes <= 8 * size + 65536);
	} else {
		CHECK(r.calls == 0);
		CHECK(msg != NULL && *msg && strlen(msg) < 80);
		CHECK(!(*msg >= 'A' && *msg <= 'Z'));
		CHECK(line >= 1 && line <= r.nlines);
		free(msg);
	}

	struct run again = { .nlines = r.nlines };
	CHECK(frontmatter_parse(s, size, put, &again, NULL, NULL) == ret);
	CHECK(again.calls == r.calls && again.bytes == r.bytes);
	free(s);
	return 0;
}
