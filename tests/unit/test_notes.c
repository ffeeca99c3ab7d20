/* Unit tests for the notes parser: items and their order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "notes.h"

static struct buf got;
static char *diags;	/* the diagnostics of the last parse */
static size_t diagslen;

/* A string of an item: its length is n, and it needs no escape when the
 * item says so. */
static void
check_string(const struct notes_item *it, const char *s, size_t n,
    bool esc)
{
	assert_int_equal(strlen(s), n);
	if (it->plain && esc)
		assert_int_equal(strcspn(s, "\\\t\r\n"), n);
}

/* The lengths (and plain) an item gives for the strings of its kind. */
static void
check_lengths(const struct notes_item *it)
{
	check_string(it, it->id, it->idn, true);
	if (it->kind == NOTES_CLIENT || it->kind == NOTES_PERSON)
		check_string(it, it->name, it->namen, true);
	if (it->kind == NOTES_FIELD) {
		check_string(it, it->key, it->keyn, false);
		check_string(it, it->value, it->valuen, true);
	}
	if (it->kind == NOTES_ENTRY) {
		check_string(it, it->tags, it->tagsn, false);
		check_string(it, it->text, it->textn, true);
	}
}

/* One line per item: "KIND id line …". */
static void
collect(const struct notes_item *it, void *ctx)
{
	(void)ctx;
	char d[DATE_BUFSZ], m[MONEY_BUFSZ];
	check_lengths(it);
	switch (it->kind) {
	case NOTES_CLIENT:
		buf_printf(&got, "client %s %ld %s\n", it->id, it->line,
		    it->name);
		break;
	case NOTES_FIELD:
		buf_printf(&got, "field %s %ld %s [%s] %s\n", it->id, it->line,
		    it->key, it->has_date ? date_format(it->date, d) : "",
		    it->value);
		break;
	case NOTES_ENTRY:
		buf_printf(&got, "entry %s %ld %s [%s %s] [%s] %s\n", it->id,
		    it->line, date_format(it->date, d),
		    it->has_amount ? money_format(it->amount.cents, m) : "",
		    it->has_amount ? it->amount.currency : "", it->tags,
		    it->text);
		break;
	case NOTES_SECTION:
		buf_printf(&got, "section %s h%ld i%ld e%ld%s\n", it->id,
		    it->heading_line, it->last_item_line, it->end_line,
		    it->merged ? " merged" : "");
		break;
	case NOTES_PERSON:
		buf_printf(&got, "person %s %ld %s (of %s)\n", it->id,
		    it->line, it->name, it->client);
		break;
	case NOTES_CONCERNS:
		buf_printf(&got, "concerns %s %ld %s\n", it->id, it->line,
		    date_format(it->date, d));
		break;
	}
}

/* Parse the files names[i] holding texts[i], in order, then end, with
 * diagnostics captured into diags. */
static const char *
parse_files(size_t n, const char *const *names, const char *const *texts,
	    enum date_order order)
{
	buf_reset(&got);
	free(diags);
	FILE *err = open_memstream(&diags, &diagslen);
	assert_non_null(err);
	diag_output(err);
	struct notes *np = notes_new(collect, NULL);
	notes_date_order(np, order);
	for (size_t i = 0; i < n; i++) {
		FILE *fp = fmemopen((void *)texts[i], strlen(texts[i]), "r");
		assert_non_null(fp);
		notes_parse(np, fp, names[i]);
		fclose(fp);
	}
	notes_end(np);
	notes_free(np);
	diag_output(NULL);
	fclose(err);
	return got.s ? got.s : "";
}

/* Parse text as file name. */
static const char *
parse(const char *name, const char *text)
{
	return parse_files(1, &name, &text, DATE_ORDER_NONE);
}

/* The SPEC's example client, item by item. */
static void
spec_example(void **state)
{
	(void)state;
	assert_string_equal(parse("m.md",
	    "# Müller GmbH\n"
	    "- contact: Anna Müller\n"
	    "- birthday: 14. März 1980\n"
	    "\n## Log\n"
	    "- 10.05.2026 – new role: Head of Marketing #job-change\n"
	    "- 2025-12-01: book \"Der Zauberberg\" #gift #christmas 24,90 €\n"),
	    "client mueller-gmbh 1 Müller GmbH\n"
	    "field mueller-gmbh 2 contact [] Anna Müller\n"
	    "field mueller-gmbh 3 birthday [1980-03-14] 14. März 1980\n"
	    "entry mueller-gmbh 6 2026-05-10 [ ] [job-change] new role: Head of Marketing #job-change\n"
	    "entry mueller-gmbh 7 2025-12-01 [24.90 EUR] [gift,christmas] book \"Der Zauberberg\" #gift #christmas 24,90 €\n"
	    "section mueller-gmbh h1 i7 e7\n");
}

/* A file without heading is one client named after the file. */
static void
no_heading(void **state)
{
	(void)state;
	assert_string_equal(parse("dir/Hofmann Schreinerei.md",
	    "---\ntier: \"A\"\n---\ntext\n- 2026-01-01: x\n"),
	    "client hofmann-schreinerei 1 Hofmann Schreinerei\n"
	    "field hofmann-schreinerei 2 tier [] A\n"
	    "entry hofmann-schreinerei 5 2026-01-01 [ ] [] x\n"
	    "section hofmann-schreinerei h0 i5 e5\n");
}

/* Front matter goes to the first heading's client, right after it. */
static void
front_matter_first_client(void **state)
{
	(void)state;
	assert_string_equal(parse("f.md",
	    "---\ntier: A\n---\n# One\n- contact: Eva\n# Two\n"),
	    "client one 4 One\n"
	    "field one 2 tier [] A\n"
	    "field one 5 contact [] Eva\n"
	    "section one h4 i5 e5\n"
	    "client two 6 Two\n"
	    "section two h6 i0 e6\n");
}

/* Front matter's id names the first heading's client; a "name" field
 * gives a file without heading its display name, not its id. */
static void
front_matter_id_and_name(void **state)
{
	(void)state;
	assert_string_equal(parse("f.md",
	    "---\nid: lena\n---\n# Lena Vogt\n"),
	    "client lena 4 Lena Vogt\n"
	    "field lena 2 id [] lena\n"
	    "section lena h4 i0 e4\n");
	assert_string_equal(parse("dir/hof.md",
	    "---\nname: Hofmann Schreinerei\n---\n"),
	    "client hof 1 Hofmann Schreinerei\n"
	    "field hof 2 name [] Hofmann Schreinerei\n"
	    "section hof h0 i0 e3\n");
}

/* An empty file gives nothing. */
static void
empty_file(void **state)
{
	(void)state;
	assert_string_equal(parse("e.md", "\n \n"), "");
}

/* The id field names the client wherever it stands in the section. */
static void
id_field_late(void **state)
{
	(void)state;
	assert_string_equal(parse("i.md",
	    "# Acme Corp\n- 2026-01-01: x\n- id: acme\n"),
	    "client acme 1 Acme Corp\n"
	    "entry acme 2 2026-01-01 [ ] [] x\n"
	    "field acme 3 id [] acme\n"
	    "section acme h1 i3 e3\n");
}

/* A client met again is merged: no second client item. */
static void
merge_same_id(void **state)
{
	(void)state;
	int before = diag_status();
	assert_string_equal(parse("m.md",
	    "# Müller\n- 2026-01-01: a\n# Mueller\n- 2026-01-02: b\n"),
	    "client mueller 1 Müller\n"
	    "entry mueller 2 2026-01-01 [ ] [] a\n"
	    "section mueller h1 i2 e2\n"
	    "entry mueller 4 2026-01-02 [ ] [] b\n"
	    "section mueller h3 i4 e4 merged\n");
	assert_int_equal(diag_status(), before);	/* a warning only */
	assert_string_equal(diags, "m.md:3: warning: client 'mueller' "
	    "already at m.md:1; merged\n");
}

/* Code blocks and HTML comments hide their lines. */
static void
hidden_lines(void **state)
{
	(void)state;
	assert_string_equal(parse("h.md",
	    "# H\n```\n- 2026-01-01: no\n```\n<!-- - 2026-01-02: no -->\n"
	    "<!--\n- 2026-01-03: no\n-->\n- 2026-01-04: yes <!-- x --> y\n"),
	    "client h 1 H\n"
	    "entry h 9 2026-01-04 [ ] [] yes  y\n"
	    "section h h1 i9 e9\n");
}

/* Task items: done ones with a date are entries, open ones ignored. */
static void
task_items(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n- [ ] 2026-01-01 open\n- [x] 2026-01-02 done #call\n"),
	    "client t 1 T\n"
	    "entry t 3 2026-01-02 [ ] [call] done #call\n"
	    "section t h1 i3 e3\n");
}

/* Tags: lowercased, no repeats, only after white space or at the start. */
static void
tags_rules(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n- 2026-01-01: #Gift a#b #gift #Geschäft #1x #job-change\n"),
	    "client t 1 T\n"
	    "entry t 2 2026-01-01 [ ] [gift,geschäft,job-change] #Gift a#b #gift #Geschäft #1x #job-change\n"
	    "section t h1 i2 e2\n");
}

/* Many distinct tags in one entry stay linear and all are kept. */
static void
many_tags(void **state)
{
	(void)state;
	struct buf in = {0};
	buf_adds(&in, "# T\n- 2026-01-01:");
	for (int i = 0; i < 3000; i++)
		buf_printf(&in, " #t%d", i);
	buf_adds(&in, "\n");
	parse("t.md", in.s);
	assert_non_null(strstr(got.s, "t0,t1,t2,"));
	assert_non_null(strstr(got.s, ",t2999]"));
	buf_free(&in);
}

/* The last item line follows continuation lines (for tact-done). */
static void
last_item_continuation(void **state)
{
	(void)state;
	assert_string_equal(parse("c.md",
	    "# C\n- 2026-01-01: a\n  more of a\n\nparagraph\n"),
	    "client c 1 C\n"
	    "entry c 2 2026-01-01 [ ] [] a\n"
	    "section c h1 i3 e5\n");
}

/* Bad lines are skipped with an error status; the rest goes on. */
static void
errors_skip_line(void **state)
{
	(void)state;
	assert_string_equal(parse("e.md",
	    "# E\n- 03/04/2026: x\n- 14.03.: y\n- 2026-01-01: z\n"),
	    "client e 1 E\n"
	    "entry e 4 2026-01-01 [ ] [] z\n"
	    "section e h1 i4 e4\n");
	assert_int_equal(diag_status(), 1);
	assert_string_equal(diags,
	    "e.md:2: error: ambiguous date '03/04/2026': write 2026-04-03 "
	    "or 2026-03-04\n"
	    "e.md:3: error: date '14.03.' has no year: an entry needs one, "
	    "e.g. YYYY-03-14\n");
}


/* Fields in every form: list items at any depth, bold keys and inline
 * fields outside lists, bracketed inline fields, wikilinks in values,
 * keys in any script and with '.', '/', apostrophes. */
static void
field_forms(void **state)
{
	(void)state;
	assert_string_equal(parse("f.md",
	    "# F\n"
	    "**Geburtstag:** 12.04.1975  \n"
	    "**Role** : CFO\n"
	    "Gründung:: 2011-05-01\n"
	    "- **Hobby**:: Segeln\n"
	    "\t\t- Spouse's Birthday: 1980-03-14\n"
	    "        * Role/Title: Boss\n"
	    "We met [Kunde seit:: 2019-03-01] and (hobby2:: Jazz) then.\n"
	    "- Firma: [[Kunden/Weingut Rebholz|Rebholz]] and [[Anna]]\n"
	    "- created: 2024-06-14 23:02\n"
	    "- address.city: Köln\n"
	    "Plain: no field outside a list\n"
	    "- https://example.com\n"
	    "- 10:30 call\n"),
	    "client f 1 F\n"
	    "field f 2 geburtstag [1975-04-12] 12.04.1975\n"
	    "field f 3 role [] CFO\n"
	    "field f 4 gründung [2011-05-01] 2011-05-01\n"
	    "field f 5 hobby [] Segeln\n"
	    "field f 6 spouses-birthday [1980-03-14] 1980-03-14\n"
	    "field f 7 role-title [] Boss\n"
	    "field f 8 kunde-seit [2019-03-01] 2019-03-01\n"
	    "field f 8 hobby2 [] Jazz\n"
	    "field f 9 firma [] Rebholz and Anna\n"
	    "field f 10 created [2024-06-14] 2024-06-14 23:02\n"
	    "field f 11 address.city [] Köln\n"
	    "section f h1 i14 e14\n");
	assert_string_equal(diags, "");
}

/* Two-column tables: rows are fields, not the header; a table of dated
 * rows draws one warning; wider tables are left alone. */
static void
tables(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n"
	    "| Key | Value |\n"
	    "|---|---|\n"
	    "| **Role** | Engineering Lead |\n"
	    "| Email: | a@b.example |\n"
	    "\n"
	    "| Datum | Was |\n"
	    "|---|---|\n"
	    "| 2026-01-01 | x |\n"
	    "| 2026-01-02 | y |\n"
	    "\n"
	    "| a | b | c |\n"
	    "|---|---|---|\n"
	    "| x | y | z |\n"
	    "| no | delimiter |\n"),
	    "client t 1 T\n"
	    "field t 4 role [] Engineering Lead\n"
	    "field t 5 email [] a@b.example\n"
	    "section t h1 i0 e15\n");
	assert_string_equal(diags,
	    "t.md:9: warning: a table of dated rows is not read: write each "
	    "row as a list item '- DATE: text'\n");
}

/* Date headings below the client own the lines under them: text, tags
 * and the amount; dated items under them are entries of their own. */
static void
date_headings(void **state)
{
	(void)state;
	assert_string_equal(parse("d.md",
	    "# D\n"
	    "## Log\n"
	    "### 2. März 2026 – Workshop\n"
	    "Es gab Kuchen #Kuchen 24,90 €\n"
	    "- Notiz dazu #extra #kuchen\n"
	    "- 2026-03-04: eigener Eintrag #own\n"
	    "### 2026-04-01\n"
	    "\n"
	    "Erster Text\n"
	    "und mehr #tag2\n"
	    "## Notizen\n"
	    "Text #notag\n"
	    "## **2026-09-15**\n"
	    "- [x] 2026-09-16 done #karte\n"
	    "## 2026-10-02\n"
	    "Fest #fest\n"
	    "### 2026-10-03 – danach\n"
	    "Karte #karte\n"),
	    "client d 1 D\n"
	    "entry d 3 2026-03-02 [24.90 EUR] [kuchen,extra] Workshop\n"
	    "entry d 6 2026-03-04 [ ] [own] eigener Eintrag #own\n"
	    "entry d 7 2026-04-01 [ ] [tag2] Erster Text\n"
	    "entry d 13 2026-09-15 [ ] [] \n"
	    "entry d 14 2026-09-16 [ ] [karte] done #karte\n"
	    "entry d 15 2026-10-02 [ ] [fest] Fest #fest\n"
	    "entry d 17 2026-10-03 [ ] [karte] danach\n"
	    "section d h1 i14 e18\n");
	assert_string_equal(diags, "");
}

/* Dated lines outside lists: with ':' or a dash an entry, else a
 * warning; bold dates. */
static void
dated_lines(void **state)
{
	(void)state;
	assert_string_equal(parse("l.md",
	    "# L\n"
	    "2026-03-02: Anruf mit Anna\n"
	    "2026-03-03 – Besuch\n"
	    "2026-03-04 ohne Trenner\n"
	    "- **2026-09-15**: Besuch #Glückwunsch\n"
	    "- __2026-09-16:__ Karte\n"),
	    "client l 1 L\n"
	    "entry l 2 2026-03-02 [ ] [] Anruf mit Anna\n"
	    "entry l 3 2026-03-03 [ ] [] Besuch\n"
	    "entry l 5 2026-09-15 [ ] [glückwunsch] Besuch #Glückwunsch\n"
	    "entry l 6 2026-09-16 [ ] [] Karte\n"
	    "section l h1 i6 e6\n");
	assert_string_equal(diags,
	    "l.md:4: warning: line starts with the date '2026-03-04' but is "
	    "no entry: write '- 2026-03-04: …' or '2026-03-04: …'\n");
}

/* A key given twice with different values: the last wins, a warning
 * names the first; the same value again says nothing.  With '##'
 * headings in the client the warning points to tact-clients. */
static void
key_twice(void **state)
{
	(void)state;
	assert_string_equal(parse("k.md",
	    "# K\n- tier: A\n- tier: A\n- tier: B\n"),
	    "client k 1 K\n"
	    "field k 4 tier [] B\n"
	    "section k h1 i4 e4\n");
	assert_string_equal(diags,
	    "k.md:4: warning: 'tier' given twice: 'B' here replaces 'A' of "
	    "line 2\n");
	parse("k.md", "# Kunden\n## Eins\n- tier: A\n## Zwei\n- tier: B\n");
	assert_string_equal(diags,
	    "k.md:5: warning: 'tier' given twice: 'B' here replaces 'A' of "
	    "line 3; if this file holds one client a '##' heading, add "
	    "'tact-clients: h2' to its front matter\n");
}

/* "tact-clients: h2": one client a level-2 heading, the level-1 heading
 * a title, date headings from level 3. */
static void
clients_h2(void **state)
{
	(void)state;
	assert_string_equal(parse("c.md",
	    "---\ntact-clients: h2\n---\n"
	    "# Kunden\n"
	    "## Eins\n- tier: A\n### 2026-01-05\nTreffen\n"
	    "## Zwei\n- tier: B\n"),
	    "client eins 5 Eins\n"
	    "field eins 6 tier [] A\n"
	    "entry eins 7 2026-01-05 [ ] [] Treffen\n"
	    "section eins h5 i6 e8\n"
	    "client zwei 9 Zwei\n"
	    "field zwei 10 tier [] B\n"
	    "section zwei h9 i10 e10\n");
	assert_string_equal(diags, "");
}

/* Journal pages: lines that link a client are its entries, dated by the
 * page or the line; by name, file name or alias; after every file. */
static void
journal_pages(void **state)
{
	(void)state;
	const char *names[] = {"Daily/2026-11-24.md", "journals/2026_11_25.md",
	    "Kunden/rebholz.md", "Kunden/acme.md"};
	const char *texts[] = {
	    "# Tagebuch\n"
	    "- Anruf mit [[Weingut Rebholz]] #call\n"
	    "- [[Kunden/rebholz|die Rebholzens]] und [[Weingut Rebholz]] "
	    "wieder\n"
	    "- [[Unbekannt]] nichts\n"
	    "- ohne Link\n"
	    "Absatz mit [[ACME]] 20 €\n"
	    "- [ ] [[ACME]] offen\n",
	    "- 2026-11-20: spät notiert [[Acme Ltd|Acme]]\n",
	    "---\naliases: [Rebholz, Weingut R.]\n---\n# Weingut Rebholz\n",
	    "# Acme Ltd\n- id: acme\n- alias: ACME\n",
	};
	assert_string_equal(parse_files(4, names, texts, DATE_ORDER_NONE),
	    "client weingut-rebholz 4 Weingut Rebholz\n"
	    "field weingut-rebholz 2 aliases [] Rebholz, Weingut R.\n"
	    "section weingut-rebholz h4 i0 e4\n"
	    "client acme 1 Acme Ltd\n"
	    "field acme 2 id [] acme\n"
	    "field acme 3 alias [] ACME\n"
	    "section acme h1 i3 e3\n"
	    "entry weingut-rebholz 2 2026-11-24 [ ] [call] Anruf mit "
	    "[[Weingut Rebholz]] #call\n"
	    "entry weingut-rebholz 3 2026-11-24 [ ] [] [[Kunden/rebholz|die "
	    "Rebholzens]] und [[Weingut Rebholz]] wieder\n"
	    "entry acme 6 2026-11-24 [20.00 EUR] [] Absatz mit [[ACME]] 20 €\n"
	    "entry acme 1 2026-11-20 [ ] [] spät notiert [[Acme Ltd|Acme]]\n");
	assert_string_equal(diags, "");
}

/* Unfilled template placeholders are no clients. */
static void
template_placeholders(void **state)
{
	(void)state;
	assert_string_equal(parse("Templates/Kunde.md",
	    "# {{title}}\n- contact: \n# <% tp.file.title %>\n- x: y\n"), "");
	assert_string_equal(diags,
	    "Templates/Kunde.md:1: warning: client '{{title}}' is an unfilled "
	    "template placeholder: skipped (leave templates out with -x, "
	    "e.g. -x Templates)\n"
	    "Templates/Kunde.md:3: warning: client '<% tp.file.title %>' is "
	    "an unfilled template placeholder: skipped (leave templates out "
	    "with -x, e.g. -x Templates)\n");
}

/* Tags in any script, lowercased as far as Latin-1 goes. */
static void
tags_any_script(void **state)
{
	(void)state;
	assert_string_equal(parse("t.md",
	    "# T\n- 2026-01-01: #Glückwunsch #Geschenk #ÄRGER #日本 #café\n"),
	    "client t 1 T\n"
	    "entry t 2 2026-01-01 [ ] [glückwunsch,geschenk,ärger,日本,café] "
	    "#Glückwunsch #Geschenk #ÄRGER #日本 #café\n"
	    "section t h1 i2 e2\n");
}

/* Lines nested under an entry item are its details: their tags and
 * amount are the entry's (Logseq's child blocks); Logseq's task markers
 * and block properties. */
static void
entry_children(void **state)
{
	(void)state;
	assert_string_equal(parse("p.md",
	    "# P\n"
	    "- 2026-03-14 lunch with Tom #lunch\n"
	    "\t- gave him a bottle of wine £25 #gift\n"
	    "\t  id:: 6571a2b3-1c2d-4e5f-8a9b-0c1d2e3f4a5b\n"
	    "\t\t- collapsed:: true\n"
	    "  continued #more\n"
	    "- tier: A\n"
	    "- DONE 2026-03-15 sent the card #card\n"
	    "- TODO 2026-03-16 call back\n"
	    "- LATER ask about [[Anna]]\n"
	    "- id:: 6571a2b3-1c2d-4e5f-8a9b-0c1d2e3f4a5b\n"),
	    "client p 1 P\n"
	    "entry p 2 2026-03-14 [25.00 GBP] [lunch,gift,more] lunch with "
	    "Tom #lunch\n"
	    "field p 7 tier [] A\n"
	    "entry p 8 2026-03-15 [ ] [card] sent the card #card\n"
	    "section p h1 i11 e11\n");
	assert_string_equal(diags, "");
}

/* A note without heading and without fields or entries is no client (a
 * dashboard, a project page); one with a field is. */
static void
note_without_data(void **state)
{
	(void)state;
	assert_string_equal(parse("Home.md", "Welcome!\n\n```dataview\n"
	    "table x\n```\n- [[Kunden]]\n"), "");
	assert_string_equal(diags, "");
}

/* Every near miss draws a warning that says what to write; the line is
 * not read (or read without the date). */
static void
near_misses(void **state)
{
	(void)state;
	assert_string_equal(parse("w.md",
	    "# W\n"
	    "- 2026-06-1O: call\n"
	    "- 2026-09-14Besuch bei Anna\n"
	    "Geburtstag: 12.03.1980\n"
	    "Plain: prose, no date\n"
	    "- Gegründet: 1996\n"
	    "- Mitarbeiter: 1996\n"
	    "- Kunde seit: März 2022\n"
	    "- Geburtstag: 12.4.75\n"
	    "### 14. März\n"
	    "- 2026-03-02 – ok\n"),
	    "client w 1 W\n"
	    "field w 6 gegründet [] 1996\n"
	    "field w 7 mitarbeiter [] 1996\n"
	    "field w 8 kunde-seit [] März 2022\n"
	    "entry w 11 2026-03-02 [ ] [] ok\n"
	    "section w h1 i11 e11\n");
	assert_string_equal(diags,
	    "w.md:2: warning: misspelt date '2026-06-1O': letter 'O' among "
	    "the digits; write 2026-06-10\n"
	    "w.md:3: warning: date glued to text: put ':' or a space after "
	    "'2026-09-14'\n"
	    "w.md:4: warning: 'Geburtstag: 12.03.1980' outside a list is not "
	    "read: write it as a list item '- Geburtstag: 12.03.1980'\n"
	    "w.md:6: warning: 'gegründet: 1996' has no day: no occasion can "
	    "fall on it; write the whole date, e.g. YYYY-MM-DD\n"
	    "w.md:8: warning: 'kunde-seit: März 2022' has no day: no occasion "
	    "can fall on it; write the whole date, e.g. YYYY-MM-DD\n"
	    "w.md:9: error: ambiguous date '12.4.75': write the year in full, "
	    "e.g. 1975-04-12\n"
	    "w.md:10: error: date '14. März' has no year: a date heading "
	    "needs one, e.g. YYYY-03-14\n");
}

/* Front matter as YAML: lists joined, nested maps as key.sub, quotes and
 * dates; the h2 switch is no field; a bad key is skipped. */
static void
yaml_front_matter(void **state)
{
	(void)state;
	assert_string_equal(parse("y.md",
	    "---\n"
	    "aliases: [Rebholz, \"Weingut R.\"]\n"
	    "tags:\n  - kunde\n  - wein\n"
	    "address:\n  city: Köln\n  geo: {lat: 50.9}\n"
	    "birthday: 1975-04-12\n"
	    "created: 2024-06-14T16:30\n"
	    "\"bad key!\": x\n"
	    "note: |\n  two\n  lines\n"
	    "---\n# Y\n"),
	    "client y 16 Y\n"
	    "field y 2 aliases [] Rebholz, Weingut R.\n"
	    "field y 3 tags [] kunde, wein\n"
	    "field y 7 address.city [] Köln\n"
	    "field y 8 address.geo.lat [] 50.9\n"
	    "field y 9 birthday [1975-04-12] 1975-04-12\n"
	    "field y 10 created [2024-06-14] 2024-06-14T16:30\n"
	    "field y 12 note [] two\nlines\n"
	    "section y h16 i0 e16\n");
	assert_string_equal(diags,
	    "y.md:11: warning: front matter key 'bad key!' is no field key (up "
	    "to 40 letters, digits, spaces, '-', '_', '/', '&'); skipped\n");
}

/* Invalid YAML: a warning, then line by line, "- item" lines a list. */
static void
yaml_invalid(void **state)
{
	(void)state;
	assert_string_equal(parse("i.md",
	    "---\n"
	    "telegram: @carl\n"
	    "tags:\n  - a\n  - 'b'\n"
	    "tier: \"A\"\n"
	    "not a field line\n"
	    "---\n# I\n"),
	    "client i 9 I\n"
	    "field i 2 telegram [] @carl\n"
	    "field i 3 tags [] a, b\n"
	    "field i 6 tier [] A\n"
	    "section i h9 i0 e9\n");
	assert_string_equal(diags,
	    "i.md:2: warning: front matter is not valid YAML (found character "
	    "that cannot start any token): read line by line as 'key: "
	    "value'\n"
	    "i.md:7: warning: front matter line is not 'key: value'; "
	    "skipped\n");
}

/* Slash dates with an order; a level-1 date heading makes a journal. */
static void
slash_dates_and_h1_journal(void **state)
{
	(void)state;
	const char *names[] = {"a.md", "today.md"};
	const char *texts[] = {
	    "# Acme\n- birthday:: 14/03/1980\n- 2/3/2026: call\n",
	    "# 2026-11-24\n- met [[Acme]] #meeting\n",
	};
	assert_string_equal(parse_files(2, names, texts, DATE_ORDER_DMY),
	    "client acme 1 Acme\n"
	    "field acme 2 birthday [1980-03-14] 14/03/1980\n"
	    "entry acme 3 2026-03-02 [ ] [] call\n"
	    "section acme h1 i3 e3\n"
	    "entry acme 2 2026-11-24 [ ] [meeting] met [[Acme]] #meeting\n");
	assert_string_equal(diags, "");
}

/* Persons: a name item (bold, or capitalized words) with fields nested
 * under it, its role; "contact: NAME" with nested fields (the field
 * itself goes); items that are no names keep their fields the client's. */
static void
persons_nested(void **state)
{
	(void)state;
	assert_string_equal(parse("a.md",
	    "# Acme\n"
	    "- contact: Katrin Brenner\n"
	    "- **Katrin Brenner** (Geschäftsführerin)\n"
	    "  - Geburtstag: 12.04.1975\n"
	    "- Jens Albers – Einkauf\n"
	    "\t- birthday: 1980-09-03\n"
	    "- kontakt: Maria Lopez (Assistenz)\n"
	    "  - birthday: 03-15\n"
	    "- Hobbys\n"
	    "  - tier: A\n"
	    "- likes cats\n"
	    "  - color: blue\n"
	    "- Anna Berg\n"
	    "- tier: B\n"),
	    "client acme 1 Acme\n"
	    "field acme 2 contact [] Katrin Brenner\n"
	    "person acme/katrin-brenner 3 Katrin Brenner (of acme)\n"
	    "field acme/katrin-brenner 3 role [] Geschäftsführerin\n"
	    "field acme/katrin-brenner 4 geburtstag [1975-04-12] 12.04.1975\n"
	    "person acme/jens-albers 5 Jens Albers (of acme)\n"
	    "field acme/jens-albers 5 role [] Einkauf\n"
	    "field acme/jens-albers 6 birthday [1980-09-03] 1980-09-03\n"
	    "person acme/maria-lopez 7 Maria Lopez (of acme)\n"
	    "field acme/maria-lopez 7 role [] Assistenz\n"
	    "field acme/maria-lopez 8 birthday [--03-15] 03-15\n"
	    "field acme 12 color [] blue\n"
	    "field acme 14 tier [] B\n"
	    "section acme h1 i14 e14\n");
	assert_string_equal(diags ? diags : "",
	    "a.md:14: warning: 'tier' given twice: 'B' here replaces 'A' of "
	    "line 10\n");
}

/* A contact field whose long value is the person's name: the name is
 * kept while the section's strings grow (read after a move, the
 * sanitizer build would catch it). */
static void
persons_contact_long(void **state)
{
	(void)state;
	struct buf in = {0}, want = {0};
	buf_adds(&in, "# Acme\n- contact: ");
	for (int i = 0; i < 3000; i++)
		buf_adds(&in, "Ab ");
	buf_adds(&in, "Cd\n  - Rolle: x\n");
	const char *got = parse("a.md", in.s);
	buf_adds(&want, "client acme 1 Acme\nperson acme/");
	for (int i = 0; i < 3000; i++)
		buf_adds(&want, "ab-");
	buf_adds(&want, "cd 2 ");
	for (int i = 0; i < 3000; i++)
		buf_adds(&want, "Ab ");
	buf_adds(&want, "Cd (of acme)\nfield acme/");
	for (int i = 0; i < 3000; i++)
		buf_adds(&want, "ab-");
	buf_adds(&want, "cd 3 rolle [] x\nsection acme h1 i3 e3\n");
	assert_string_equal(got, want.s);
	buf_free(&in);
	buf_free(&want);
}

/* A contacts list given twice names its persons once (the items kept for
 * the front matter are those there are); in front matter read line by
 * line, a flow list and quotes still give the names. */
static void
persons_front_lenient(void **state)
{
	(void)state;
	assert_string_equal(parse("a.md",
	    "---\n"
	    "contacts: [\"Anna Kiefer\", Bernd Kiefer]\n"
	    "contacts: [Anna Kiefer, 'Bernd Kiefer']\n"
	    "telegram: @kiefer\n"
	    "---\n"
	    "# Kiefer\n"
	    "- 2026-01-05: Anruf Bernd\n"),
	    "client kiefer 6 Kiefer\n"
	    "person kiefer/anna-kiefer 2 Anna Kiefer (of kiefer)\n"
	    "person kiefer/bernd-kiefer 2 Bernd Kiefer (of kiefer)\n"
	    "field kiefer 3 contacts [] [Anna Kiefer, 'Bernd Kiefer']\n"
	    "field kiefer 4 telegram [] @kiefer\n"
	    "entry kiefer 7 2026-01-05 [ ] [] Anruf Bernd\n"
	    "concerns kiefer/bernd-kiefer 7 2026-01-05\n"
	    "section kiefer h6 i7 e7\n");
}

/* The same key for two persons, or a person and the client, is no key
 * given twice; for one person it is. */
static void
persons_keys(void **state)
{
	(void)state;
	assert_string_equal(parse("a.md",
	    "# Acme\n"
	    "- birthday: 2001-01-01\n"
	    "- **Anna**\n"
	    "  - birthday: 1970-01-01\n"
	    "- **Bert**\n"
	    "  - birthday: 1971-01-01\n"
	    "  - birthday: 1972-01-01\n"),
	    "client acme 1 Acme\n"
	    "field acme 2 birthday [2001-01-01] 2001-01-01\n"
	    "person acme/anna 3 Anna (of acme)\n"
	    "field acme/anna 4 birthday [1970-01-01] 1970-01-01\n"
	    "person acme/bert 5 Bert (of acme)\n"
	    "field acme/bert 7 birthday [1972-01-01] 1972-01-01\n"
	    "section acme h1 i7 e7\n");
	assert_string_equal(diags ? diags : "",
	    "a.md:7: warning: 'birthday' given twice: '1972-01-01' here "
	    "replaces '1971-01-01' of line 6\n");
}

/* Entries concern the persons they name or are nested under; persons of
 * the front matter's contacts list have no fields. */
static void
persons_concerns(void **state)
{
	(void)state;
	assert_string_equal(parse("a.md",
	    "---\n"
	    "contacts: [Anna Berg, Bernd Kurz, Anna Kurz]\n"
	    "---\n"
	    "# Beta\n"
	    "- 2026-01-05: Anna zum Essen\n"
	    "- 2026-01-06: Bernd und Frau Berg\n"
	    "- 2026-01-07: Kurz notiert\n"
	    "- **Carl Dorn**\n"
	    "  - 2026-01-08: Anruf\n"),
	    "client beta 4 Beta\n"
	    "field beta 2 contacts [] Anna Berg, Bernd Kurz, Anna Kurz\n"
	    "person beta/anna-berg 2 Anna Berg (of beta)\n"
	    "person beta/bernd-kurz 2 Bernd Kurz (of beta)\n"
	    "person beta/anna-kurz 2 Anna Kurz (of beta)\n"
	    "entry beta 5 2026-01-05 [ ] [] Anna zum Essen\n"
	    "entry beta 6 2026-01-06 [ ] [] Bernd und Frau Berg\n"
	    "concerns beta/anna-berg 6 2026-01-06\n"
	    "concerns beta/bernd-kurz 6 2026-01-06\n"
	    "entry beta 7 2026-01-07 [ ] [] Kurz notiert\n"
	    "person beta/carl-dorn 8 Carl Dorn (of beta)\n"
	    "entry beta 9 2026-01-08 [ ] [] Anruf\n"
	    "concerns beta/carl-dorn 9 2026-01-08\n"
	    "section beta h4 i9 e9\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(persons_nested),
		cmocka_unit_test(persons_keys),
		cmocka_unit_test(persons_contact_long),
		cmocka_unit_test(persons_front_lenient),
		cmocka_unit_test(persons_concerns),
		cmocka_unit_test(spec_example),
		cmocka_unit_test(no_heading),
		cmocka_unit_test(front_matter_first_client),
		cmocka_unit_test(front_matter_id_and_name),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(id_field_late),
		cmocka_unit_test(merge_same_id),
		cmocka_unit_test(hidden_lines),
		cmocka_unit_test(task_items),
		cmocka_unit_test(tags_rules),
		cmocka_unit_test(many_tags),
		cmocka_unit_test(last_item_continuation),
		cmocka_unit_test(errors_skip_line),
		cmocka_unit_test(field_forms),
		cmocka_unit_test(tables),
		cmocka_unit_test(date_headings),
		cmocka_unit_test(dated_lines),
		cmocka_unit_test(key_twice),
		cmocka_unit_test(clients_h2),
		cmocka_unit_test(journal_pages),
		cmocka_unit_test(template_placeholders),
		cmocka_unit_test(tags_any_script),
		cmocka_unit_test(entry_children),
		cmocka_unit_test(note_without_data),
		cmocka_unit_test(near_misses),
		cmocka_unit_test(yaml_front_matter),
		cmocka_unit_test(yaml_invalid),
		cmocka_unit_test(slash_dates_and_h1_journal),
	};
	int rc = cmocka_run_group_tests_name("notes", tests, NULL, NULL);
	buf_free(&got);
	free(diags);
	return rc;
}
