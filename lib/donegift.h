/* donegift.h: tact-done's warning when the gift it has just logged takes
 * its recipient over the limit of the year (SPEC "Gifts", last item).
 *
 * Only an entry with an amount that the ledger counts as a gift
 * (gifts_kind_of) costs anything: then the notes are read once more, as
 * they are now, and the ledger (gifts.h) of the calendar year holding
 * the entry's date is made of its client's records, with the default
 * limit (50.00 EUR; 35.00 EUR before 2024). */
#ifndef TACT_DONEGIFT_H
#define TACT_DONEGIFT_H

#include "notesedit.h"

/* After notesedit_done added res's entry for rq: for each recipient of
 * the entry (the persons it concerns, else its client) that it takes
 * over the limit, "PROG: warning: this gift takes …" on standard error;
 * when the recipient's total is unknown (an amount not converted), one
 * warning that says so instead.  The status stays. */
void donegift_warn(const struct notesedit_req *rq,
		   const struct notesedit_result *res);

#endif
