/* rewrite.h: replacing a file's content safely, for tact-done, the only
 * command that writes notes.
 *
 * The file is locked (a write lock with fcntl(2) on the file itself, so a
 * second tact-done waits), read, and replaced atomically: the new content
 * goes to a temporary file in the same directory, which is fsync'd, given
 * the old file's owner and mode, and renamed over the file.  A symbolic
 * link is followed: the file it points to is replaced, the link stays. */
#ifndef TACT_REWRITE_H
#define TACT_REWRITE_H

#include <stddef.h>
#include <sys/stat.h>

#include "util.h"

struct rewrite {
	const char *name;	/* as the user named it, for messages */
	char *path;		/* the file itself, links resolved */
	int fd;			/* read-write and locked; -1: not open */
	struct stat st;		/* of fd, when data was read */
	struct buf data;	/* the content, read under the lock */
};

/* Open name (which must stay valid until rewrite_close), wait for its
 * write lock and read its content into rw->data.  Renaming a new file
 * over name replaces the file a waiter has locked: it then locks the new
 * one instead.  Returns 0, or -1 after "PROG: cannot read|write 'NAME':
 * REASON" (status 2).  Call rewrite_close in either case. */
int rewrite_open(struct rewrite *rw, const char *name);

/* Replace the file's content with data[0..n).  Returns 0 when done; 1
 * when the file was changed by someone else since rewrite_open (other
 * size, modification time or inode: nothing is written, read it again);
 * -1 after "PROG: cannot write 'NAME': REASON" (status 2), the file
 * untouched.  No temporary file is left behind, and signals that would
 * end the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT) wait until the file
 * is replaced or the temporary file removed; SIGXFSZ is ignored so that a
 * file size limit is an error like a full disk. */
int rewrite_commit(struct rewrite *rw, const char *data, size_t n);

/* Release the lock, close the file, free what rw holds. */
void rewrite_close(struct rewrite *rw);

#endif
