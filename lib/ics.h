/* ics.h: iCalendar output (RFC 5545) for tact-ics: content lines folded
 * at 75 octets, TEXT values escaped, and one all-day event a gesture.
 * The events are kept until the end, so that client and person records
 * name them wherever they come in the input. */
#ifndef TACT_ICS_H
#define TACT_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "record.h"
#include "util.h"

#define ICS_LINE_MAX 75		/* octets of a content line, without CRLF */

/* Append the TEXT value s[0..n) to out, escaped: '\' ';' ',' become
 * "\\" "\;" "\,", a line break (LF, CR LF or CR) "\n".  Other control
 * characters but TAB, which RFC 5545 does not allow, become a space, and
 * bytes that are not UTF-8 U+FFFD, so the value is always valid. */
void ics_escape(struct buf *out, const char *s, size_t n);

/* Append the content line s[0..n) to out, folded: no physical line is
 * longer than ICS_LINE_MAX octets, a continuation line starts with one
 * space, a UTF-8 character is never split, every line ends in CRLF. */
void ics_fold(struct buf *out, const char *s, size_t n);

/* Append the UID of a gesture: "ID.OCCASION.YYYYMMDD@tact", DATE being
 * the occasion's date (not the act date, which moves with the lead), so
 * the same gesture has the same UID in every run.  In ID and OCCASION
 * every byte but ASCII letters, digits, '-' and '_' is written %XX, so
 * different gestures never share a UID. */
void ics_uid(struct buf *out, const char *id, const char *occasion,
	     struct date date);

/* DTSTAMP: "YYYYMMDDT000000Z" for *d, or the current UTC time when d is
 * NULL, into buf (at least ICS_STAMP_BUFSZ bytes); returns buf. */
#define ICS_STAMP_BUFSZ 17
char *ics_dtstamp(const struct date *d, char buf[ICS_STAMP_BUFSZ]);

/* A calendar being written to a stream. */
struct ics;

/* The morning alarm of every event: this long after the start of its
 * day (an all-day event starts at midnight, local time). */
#define ICS_ALARM "PT9H"

/* Start a calendar on out; every event gets the DTSTAMP stamp.  An
 * overdue gesture's event stands on today, where it is seen, not on its
 * past act date. */
struct ics *ics_new(FILE *out, const char *stamp, struct date today);

/* Append an event's SUMMARY before escaping: "OCCASION: NAME", for a
 * person's gesture "OCCASION: NAME (CLIENT)" (client NULL for a client's
 * gesture); an overdue one ends in " (overdue)", or ", overdue" inside
 * the parentheses. */
void ics_summary(struct buf *out, const char *occasion, const char *name,
		 const char *client, bool overdue);

/* Take one record: the event of a due or overdue record, the name of a
 * client or person record (the first of an id), in any order; records of
 * other kinds are skipped.  A gesture whose UID was seen before is
 * skipped with a warning "FILE:LINE: warning: …" naming the first one. */
void ics_record(struct ics *c, const struct record *rec);

/* Write the events, in input order, named by the client and person
 * records read (else by their ids: a client id, a person id's SLUG), end
 * the calendar (an empty one when no gesture came) and free c. */
void ics_finish(struct ics *c);

#endif
