/* gen: a deterministic corpus of realistic notes for `make bench`.
 *
 *   gen DIR CLIENTS
 *
 * writes DIR/notes/clients-NNNN.md (1 000 clients a file, about 25 lines
 * a client: fields, a "## Log" heading, 15 dated entries with tags, every
 * fifth with an amount), DIR/occasions (8 rules, every WHEN form),
 * DIR/birthdays.records (a client and a birthday field record a client)
 * and DIR/birthdays.rem (the same birthdays as remind(1) REM lines).
 * A fixed-seed LCG makes every run write the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long seed = 20261127;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static const char *first[] = { "Anna", "Jonas", "Eva", "Lukas", "Marie",
    "Paul", "Sophie", "Felix", "Laura", "Tim", "Claire", "James", "Zoë",
    "Jürgen", "Ingrid", "Mehmet" };
static const char *last[] = { "Müller", "Schmidt", "Weber", "Fischer",
    "Becker", "Hofmann", "Wagner", "Smith", "Jones", "Dubois", "Rossi",
    "Keller", "Brandt", "Yılmaz" };
static const char *kind[] = { "GmbH", "AG", "KG", "& Co.", "Ltd", "Studio",
    "Consulting", "Architekten", "Werkstatt" };
static const char *interest[] = { "sailing", "jazz", "literature",
    "mountaineering", "wine", "football", "cooking", "gardening", "chess",
    "cycling", "photography", "opera" };
static const char *monde[] = { "Januar", "Februar", "März", "April", "Mai",
    "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember" };
static const char *monen[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *what[] = {
    "call about the new offer, she asked for references",
    "lunch at the Italian place near their office, talked about the team",
    "sent the project report, he liked the charts",
    "visit at their site, new production hall is almost finished",
    "mentioned the daughter starts university in autumn",
    "meeting on the relaunch, budget approved for next quarter",
    "short call, back from holiday in Portugal",
    "asked for a recommendation for a tax adviser",
    "Telefonat wegen Rahmenvertrag, Verlängerung um zwei Jahre",
    "Besuch auf der Messe, Stand war gut besucht",
};
static const char *tag[] = { "#call", "#meeting", "#visit", "#mail",
    "#lunch", "#project", "#job-change", "#referral", "#birthday",
    "#christmas" };
static const char *gift[] = { "book \"Der Zauberberg\" %d,%02d €",
    "wine from the Pfalz €%d.%02d", "flowers EUR %d", "chocolates %d,- €",
    "tea set %d.%02d EUR" };

static FILE *
create(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

int
main(int argc, char *argv[])
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen DIR CLIENTS\n");
		return 2;
	}
	const char *dir = argv[1];
	long n = atol(argv[2]);
	char path[4096];
	snprintf(path, sizeof path, "%s/notes", dir);
	mkdir(dir, 0777);
	mkdir(path, 0777);

	FILE *occ = create(dir, "occasions");
	fputs("# name         when                 lead  gesture\n"
	    "birthday       birthday             2     Call {contact|the team}: happy birthday\n"
	    "jubilee        founded@5,10,25      14    Card by hand: {years} years {client}; recall {last}\n"
	    "milestone      client-since/5       7     Thank {contact} for {years} years of working together\n"
	    "congrats       #job-change+7        0     Congratulate {contact} on the new role: {entry}\n"
	    "christmas      12-24                21    Personal note, refer to {last}\n"
	    "trade-fair     2027-04-20           10    Invite {contact} to our booth\n"
	    "stay-in-touch  last+90?tier=A       0     Call {contact} without a sales reason\n"
	    "thanks         #referral+2          1w    Thank {contact} for the referral, small gift for {interests} (~15 EUR)\n", occ);
	fclose(occ);

	FILE *brec = create(dir, "birthdays.records");
	FILE *brem = create(dir, "birthdays.rem");
	FILE *f = NULL;
	for (long c = 0; c < n; c++) {
		if (c % 1000 == 0) {
			if (f)
				fclose(f);
			char name[64];
			snprintf(name, sizeof name, "notes/clients-%04ld.md",
			    c / 1000);
			f = create(dir, name);
		}
		const char *fn = first[rnd(16)], *ln = last[rnd(14)];
		int by = 1950 + (int)rnd(50), bm = 1 + (int)rnd(12);
		int bd = 1 + (int)rnd(28);
		fprintf(f, "# %s %s %s %06ld\n", ln, kind[rnd(9)],
		    rnd(2) ? "Nord" : "Süd", c);
		fprintf(f, "- **contact**: %s %s\n", fn, ln);
		switch (rnd(3)) {
		case 0:
			fprintf(f, "- birthday: %d. %s %d\n", bd,
			    monde[bm - 1], by);
			break;
		case 1:
			fprintf(f, "- Birthday: %02d.%02d.%d\n", bd, bm, by);
			break;
		default:
			fprintf(f, "- birthday: %d-%02d-%02d\n", by, bm, bd);
		}
		fprintf(f, "- founded: %d-%02d-%02d\n", 1980 + (int)rnd(45),
		    1 + (int)rnd(12), 1 + (int)rnd(28));
		fprintf(f, "- client since: %s %d, %d\n", monen[rnd(12)],
		    1 + (int)rnd(28), 2000 + (int)rnd(26));
		fprintf(f, "- interests: %s, %s\n", interest[rnd(12)],
		    interest[rnd(12)]);
		fprintf(f, "- tier: %c\n", "ABC"[rnd(3)]);
		fprintf(f, "- email: %c.%s@example.com\n", fn[0], "office");
		fputs("\nNotes from the first meeting: prefers calls to mail.\n"
		    "\n## Log\n", f);
		int y = 2025, m = 1 + (int)rnd(3), d = 1 + (int)rnd(28);
		for (int e = 0; e < 15; e++) {
			fprintf(f, "- %d-%02d-%02d: %s %s", y, m, d,
			    what[rnd(10)], tag[rnd(10)]);
			if (e % 5 == 4) {
				fputc(' ', f);
				fprintf(f, gift[rnd(5)], 5 + (int)rnd(20),
				    (int)rnd(100));
				fputs(" #gift", f);
			}
			fputc('\n', f);
			d += 5 + (int)rnd(30);
			while (d > 28) {
				d -= 28;
				if (++m > 12) {
					m = 1;
					y++;
				}
			}
		}
		fputc('\n', f);

		fprintf(brec, "client\tc%06ld\t%s %s\tb.md:%ld\n", c, fn, ln,
		    2 * c + 1);
		fprintf(brec, "field\tc%06ld\tbirthday\t%d-%02d-%02d\t"
		    "%d-%02d-%02d\tb.md:%ld\n", c, by, bm, bd, by, bm, bd,
		    2 * c + 2);
		fprintf(brem, "REM %d %s +14 MSG Call %s %s: happy birthday\n",
		    bd, monen[bm - 1], fn, ln);
	}
	if (f)
		fclose(f);
	fclose(brec);
	fclose(brem);
	return 0;
}
