/* gen-vault: a deterministic Obsidian-style vault for `make bench`.
 *
 *   gen-vault DIR CLIENTS
 *
 * writes DIR/vault/ in the notations of real vaults, one note a client:
 *
 *   Clients/X/NAME.md   YAML front matter (aliases, block and flow lists,
 *                       tier, founded or birthday), a level-1 heading in
 *                       every second note (else the file name is the name),
 *                       `**Key:** value` lines, `Key:: value` fields (a line
 *                       of their own, a list item, bracketed in a
 *                       paragraph), date headings `## 2025-03-04` and
 *                       `### 2. März 2025 – Workshop` with paragraphs, tags
 *                       and amounts, then a `## Log` of dated list items;
 *   Daily/DATE.md       daily notes whose lines link clients by name or
 *                       alias (`[[NAME]]`, `[[ALIAS|label]]`), some lines
 *                       linking none;
 *   Templates/          note templates with {{title}} placeholders, to be
 *                       left out with `tact-parse -x Templates`;
 *   .obsidian/          the app's settings (no *.md: hidden anyway).
 *
 * About 30 lines a client note, so its MB compare with gen's corpus.
 * Names come from the client's number, everything else from a fixed-seed
 * LCG: every run writes the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long seed = 20261207;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *first[] = { "Anna", "Jonas", "Eva", "Lukas", "Marie",
    "Paul", "Sophie", "Felix", "Laura", "Tim", "Claire", "James", "Zoë",
    "Jürgen", "Ingrid", "Mehmet" };
static const char *last[] = { "Müller", "Schmidt", "Weber", "Fischer",
    "Becker", "Hofmann", "Wagner", "Smith", "Jones", "Dubois", "Rossi",
    "Keller", "Brandt", "Yılmaz" };
static const char *kind[] = { "GmbH", "AG", "KG", "Ltd", "Studio",
    "Consulting", "Architekten", "Werkstatt", "Weingut" };
static const char *region[] = { "Nord", "Süd", "Ost", "West" };
static const char *interest[] = { "sailing", "jazz", "literature",
    "mountaineering", "wine", "football", "cooking", "gardening", "chess",
    "cycling", "photography", "opera" };
static const char *monde[] = { "Januar", "Februar", "März", "April", "Mai",
    "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember" };
static const char *monen[] = { "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November",
    "December" };
static const char *what[] = {
    "Call about the new offer, she asked for references.",
    "Lunch at the Italian place near their office, talked about the team.",
    "Sent the project report, he liked the charts.",
    "Visit at their site, the new production hall is almost finished.",
    "Mentioned that the daughter starts university in autumn.",
    "Meeting on the relaunch, budget approved for next quarter.",
    "Short call, back from holiday in Portugal.",
    "Asked for a recommendation for a tax adviser.",
    "Telefonat wegen Rahmenvertrag, Verlängerung um zwei Jahre.",
    "Besuch auf der Messe, der Stand war gut besucht.",
};
static const char *detail[] = {
    "Follow up in two weeks with the revised figures.",
    "They consider a second site in Leipzig next year.",
    "Anna prefers calls in the morning, mails are read late.",
    "Bring the brochure and the reference list next time.",
    "Der Geschäftsführer war selbst dabei, sehr offenes Gespräch.",
    "Nothing urgent; keep in touch before the summer break.",
};
static const char *tag[] = { "#call", "#meeting", "#visit", "#mail",
    "#lunch", "#project", "#job-change", "#referral", "#birthday",
    "#christmas" };
static const char *gift[] = { "Sent the book \"Der Zauberberg\" %d,%02d €",
    "A case of wine from the Pfalz €%d.%02d", "Flowers for the office EUR %d",
    "Chocolates %d,- €", "Tea set %d.%02d EUR" };
static const char *daily[] = {
    "Called [[%s]] about the offer #call",
    "Lunch with [[%s]], talked about the trade fair #lunch",
    "Sent the proposal to [[%s]] #mail",
    "[[%s]]: the contract is signed, send a card #project",
    "Visited [[%s]] at their new site #visit",
};
static const char *nolink[] = { "- Groceries, gym at six",
    "- Read the chapter on pricing", "Quiet morning, planning the week.",
    "- Backup of the laptop" };

static void
die(const char *path)
{
	fprintf(stderr, "gen-vault: %s: %s\n", path, strerror(errno));
	exit(1);
}

static const char *
join(char *path, size_t size, const char *dir, const char *name)
{
	if ((size_t)snprintf(path, size, "%s/%s", dir, name) >= size) {
		fprintf(stderr, "gen-vault: %s: path too long\n", dir);
		exit(1);
	}
	return path;
}

static void
mkdirs(const char *dir, const char *sub)
{
	char path[4096];
	if (mkdir(join(path, sizeof path, dir, sub), 0777) != 0 &&
	    errno != EEXIST)
		die(path);
}

static FILE *
create(const char *dir, const char *name)
{
	char path[4096];
	FILE *f = fopen(join(path, sizeof path, dir, name), "w");
	if (!f)
		die(path);
	return f;
}

static void
finish(FILE *f)
{
	if (fclose(f) != 0) {
		fprintf(stderr, "gen-vault: write: %s\n", strerror(errno));
		exit(1);
	}
}

/* Client c's name parts, from its number alone, so that daily notes can
 * link any client without a table. */
static unsigned long
hash(long c)
{
	return ((unsigned long)c * 2654435761u) >> 8 & 0xffffff;
}

static const char *
lastname(long c)
{
	return last[hash(c) % N(last)];
}

static void
clientname(char *buf, size_t size, long c)
{
	snprintf(buf, size, "%s %s %s %06ld", lastname(c),
	    kind[hash(c) / N(last) % N(kind)],
	    region[hash(c) / N(last) / N(kind) % N(region)], c);
}

static void
alias(char *buf, size_t size, long c)
{
	snprintf(buf, size, "%s %06ld", lastname(c), c);
}

/* Day n after 2021-01-01 as a calendar date (daily notes need every
 * real date, not gen's months of 28 days). */
static void
dayof(long n, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	*y = 2021;
	*m = 1;
	for (;;) {
		int len = mdays[*m - 1] + (*m == 2 && *y % 4 == 0);
		if (n < len)
			break;
		n -= len;
		if (++*m > 12) {
			*m = 1;
			++*y;
		}
	}
	*d = (int)n + 1;
}

static void
client(const char *dir, long c)
{
	char name[128], al[64], path[256];
	clientname(name, sizeof name, c);
	alias(al, sizeof al, c);
	/* A folder a first letter, as people sort their vaults. */
	snprintf(path, sizeof path, "Clients/%c/%s.md", lastname(c)[0], name);
	FILE *f = create(dir, path);
	const char *fn = first[rnd(N(first))], *ln = lastname(c);
	int by = 1950 + (int)rnd(50), bm = 1 + (int)rnd(12);
	int bd = 1 + (int)rnd(28);
	int fy = 1980 + (int)rnd(45), fm = 1 + (int)rnd(12);
	int fd = 1 + (int)rnd(28);

	fprintf(f, "---\naliases: [%s]\ntags:\n  - client\n  - %s\n", al,
	    rnd(2) ? "region/nord" : "region/sued");
	fprintf(f, "tier: %c\n", "ABC"[rnd(3)]);
	if (rnd(2))
		fprintf(f, "founded: %d-%02d-%02d\n", fy, fm, fd);
	if (rnd(2))
		fprintf(f, "interests: [%s, %s]\n", interest[rnd(12)],
		    interest[rnd(12)]);
	else
		fprintf(f, "interests:\n  - %s\n  - %s\n", interest[rnd(12)],
		    interest[rnd(12)]);
	if (c % 3 == 0)
		fprintf(f, "contacts:\n  - %s %s\n", first[rnd(N(first))], ln);
	fputs("---\n", f);
	if (c % 2 == 0)
		fprintf(f, "# %s\n", name);
	fprintf(f, "\n**Contact:** %s %s\n", fn, ln);
	switch (rnd(3)) {
	case 0:
		fprintf(f, "**Birthday:** %d. %s %d\n", bd, monde[bm - 1], by);
		break;
	case 1:
		fprintf(f, "**Geburtstag**: %02d.%02d.%d\n", bd, bm, by);
		break;
	default:
		fprintf(f, "Birthday:: %d-%02d-%02d\n", by, bm, bd);
	}
	fprintf(f, "Client since:: %s %d, %d\n", monen[rnd(12)],
	    1 + (int)rnd(28), 2000 + (int)rnd(26));
	fprintf(f, "- Email:: %c.office@example.com\n", fn[0]);
	fprintf(f, "- Phone:: +49 30 %07u\n", rnd(10000000));
	fprintf(f, "\nMet at a trade fair, [Industry:: %s] is their field. "
	    "Prefers calls to mail.\n", interest[rnd(12)]);

	long day = (long)rnd(1500);
	for (int e = 0; e < 6; e++) {
		int y, m, d;
		dayof(day, &y, &m, &d);
		if (e == 3)
			fprintf(f, "\n### %d. %s %d – Workshop\n", d,
			    monde[m - 1], y);
		else
			fprintf(f, "\n## %d-%02d-%02d\n", y, m, d);
		fprintf(f, "%s %s\n", what[rnd(N(what))], tag[rnd(N(tag))]);
		if (e % 3 == 2) {
			fprintf(f, gift[rnd(N(gift))], 5 + (int)rnd(20),
			    (int)rnd(100));
			fputs(" #gift\n", f);
		} else
			fprintf(f, "%s\n", detail[rnd(N(detail))]);
		day += 10 + (long)rnd(60);
	}
	fputs("\n## Log\n", f);
	for (int e = 0; e < 5; e++) {
		int y, m, d;
		dayof(day, &y, &m, &d);
		fprintf(f, "- %d-%02d-%02d: %s %s\n", y, m, d,
		    what[rnd(N(what))], tag[rnd(N(tag))]);
		day += 10 + (long)rnd(60);
	}
	finish(f);
}

int
main(int argc, char *argv[])
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen-vault DIR CLIENTS\n");
		return 2;
	}
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*argv[2] == '\0' || *end != '\0' || n < 1 || n > 1000000) {
		fprintf(stderr, "gen-vault: CLIENTS: 1 to 1000000\n");
		return 2;
	}
	char dir[4000];
	if (mkdir(argv[1], 0777) != 0 && errno != EEXIST)
		die(argv[1]);
	mkdirs(argv[1], "vault");
	join(dir, sizeof dir, argv[1], "vault");
	mkdirs(dir, "Clients");
	mkdirs(dir, "Daily");
	mkdirs(dir, "Templates");
	mkdirs(dir, ".obsidian");
	for (size_t i = 0; i < N(last); i++) {
		char sub[32];
		snprintf(sub, sizeof sub, "Clients/%c", last[i][0]);
		mkdirs(dir, sub);
	}

	FILE *f = create(dir, ".obsidian/app.json");
	fputs("{\n  \"newFileLocation\": \"folder\",\n"
	    "  \"newFileFolderPath\": \"Clients\"\n}\n", f);
	finish(f);
	f = create(dir, "Templates/Client.md");
	fputs("---\naliases: []\ntags:\n  - client\n---\n# {{title}}\n\n"
	    "**Contact:** \n**Birthday:** \nClient since:: {{date}}\n\n"
	    "## {{date}}\n- {{date}}: first call #call\n", f);
	finish(f);
	f = create(dir, "Templates/Daily.md");
	fputs("# {{date}}\n\n- \n", f);
	finish(f);

	for (long c = 0; c < n; c++)
		client(dir, c);

	/* Daily notes: one a day from 2021-01-01, a fifth as many as
	 * clients (at most six years' worth), with more lines a note where
	 * they are capped; three of four lines link a client. */
	long days = n / 5 < 1 ? 1 : n / 5 > 2190 ? 2190 : n / 5;
	long lines = n * 2 / days < 8 ? 8 : n * 2 / days;
	for (long k = 0; k < days; k++) {
		int y, m, d;
		char path[64], name[128];
		dayof(k, &y, &m, &d);
		snprintf(path, sizeof path, "Daily/%d-%02d-%02d.md", y, m, d);
		f = create(dir, path);
		if (k % 2)
			fprintf(f, "# %d-%02d-%02d\n\n", y, m, d);
		for (long i = 0; i < lines; i++) {
			long c = (long)rnd((unsigned)n);
			switch (rnd(8)) {
			case 0:
				fprintf(f, "%s\n", nolink[rnd(N(nolink))]);
				break;
			case 1:
				fprintf(f, "%s\n", nolink[rnd(N(nolink))]);
				break;
			case 2:
				alias(name, sizeof name, c);
				fprintf(f, "- [[%s|%s]]: short call, all well "
				    "#call\n", name, lastname(c));
				break;
			case 3:
				clientname(name, sizeof name, c);
				fprintf(f, "Meeting notes with [[%s]]: the new "
				    "hall is almost finished.\n", name);
				break;
			default:
				clientname(name, sizeof name, c);
				fputs("- ", f);
				fprintf(f, daily[rnd(N(daily))], name);
				fputc('\n', f);
			}
		}
		finish(f);
	}
	return 0;
}
