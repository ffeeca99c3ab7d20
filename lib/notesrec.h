/* notesrec.h: the items of notes (notes.h) as records (tact-records(5)):
 * what tact-parse writes. */
#ifndef TACT_NOTESREC_H
#define TACT_NOTESREC_H

#include "notes.h"
#include "record.h"

/* A notes_fn: write the item it as a record with the writer w (a struct
 * record_out; sections write nothing).  With w's fp set, the buffer is
 * written out once it holds NOTESREC_BLOCK bytes; the caller flushes the
 * rest at the end (record_out_flush). */
#define NOTESREC_BLOCK (1 << 16)
void notes_record(const struct notes_item *it, void *w);

#endif
