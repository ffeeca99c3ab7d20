/* rewrite.h: replacing a file's content safely, for tact-done, the only
 * command that writes notes.
 *
 * The file is locked (a write lock with fcntl(2) on the file itself, so a
 * second tact-done waits, at most a few seconds) and read as a stream;
 * the new content is streamed into a temporary file in the same
 * directory, which gets the old file's owner and mode, is fsync'd and is
 * renamed over the file, unless the file changed meanwhile.  A symbolic
 * link is followed: the file it points to is replaced, the link stays.
 *
 *	rewrite_open     lock; note what the file is and holds
 *	rewrite_input    read it (as often as needed)
 *	rewrite_begin    the temporary file, to write the new content to
 *	rewrite_written  read the new content back
 *	rewrite_commit   replace the file, if it is still what it was
 *	rewrite_close    unlock, remove what is left */
#ifndef TACT_REWRITE_H
#define TACT_REWRITE_H

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

/* How long a lock held by another process is waited for. */
enum { REWRITE_LOCK_WAIT_MS = 5000 };

/* Tuning and test hooks; a NULL options pointer means the defaults. */
struct rewrite_opts {
	int lock_wait_ms;	/* 0: REWRITE_LOCK_WAIT_MS */
	/* Tests only: called once the new content is written and synced,
	 * just before the last check that the file is unchanged (where an
	 * editor's save must be noticed). */
	void (*before_check)(void *arg);
	void *arg;
};

/* The file as it was when locked: a change by a writer that takes no
 * lock (an editor) shows in one of these. */
struct rewrite_print {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	unsigned long long sum;	/* of the content */
};

struct rewrite {
	const char *name;	/* as the user named it, for messages */
	char *path;		/* the file itself, links resolved */
	int fd;			/* read-write and locked; -1: not open */
	FILE *in;		/* reads fd */
	mode_t mode;
	uid_t uid;
	gid_t gid;
	struct rewrite_print print;
	struct rewrite_opts opts;
	/* Between rewrite_begin and the end of rewrite_commit: */
	char *tmp;		/* the temporary file's name; NULL: none */
	FILE *out;		/* open on it for writing and reading */
	sigset_t oldmask;	/* the signal mask before */
	struct sigaction oldxfsz;
};

/* Open name (which must stay valid until rewrite_close), a regular file,
 * and lock it, waiting at most opts->lock_wait_ms for another holder.
 * Renaming a new file over name replaces the file a waiter has locked:
 * it then locks the new one instead.  Returns 0, or -1 after "PROG:
 * cannot read|write|lock 'NAME': REASON" (status 2).  Call rewrite_close
 * in either case. */
int rewrite_open(struct rewrite *rw, const char *name,
		 const struct rewrite_opts *opts);

/* The file's content from its start, or NULL after a message.  The
 * stream belongs to rw: do not close it. */
FILE *rewrite_input(struct rewrite *rw);

/* Take the lock again, without waiting: POSIX releases a process's
 * fcntl(2) locks on a file when the process closes any descriptor of
 * it, as reading the file once more by its name does (the notes parser
 * does, at notes_end, for a person's note).  Returns 0 when it is held;
 * 1 when another process holds it now (the file may have changed: start
 * over); -1 after a message (status 2). */
int rewrite_relock(struct rewrite *rw);

/* Start the new content: removes the temporary files that dead
 * processes left in the directory, blocks every signal that can be
 * blocked (they are delivered once the file is replaced or the temporary
 * file removed; SIGXFSZ is ignored so that a file size limit is an error
 * like a full disk), and creates the temporary file with the file's
 * owner and group.  Returns a stream to write the new content to, or
 * NULL after a message (the owner cannot be kept, the directory cannot
 * be written). */
FILE *rewrite_begin(struct rewrite *rw);

/* The new content from its start, to check it; NULL after a message. */
FILE *rewrite_written(struct rewrite *rw);

/* Replace the file with the new content, if the file is the same as
 * when it was locked (identity, size, times and content).  Returns 0
 * when done; 1 when the file was changed meanwhile (nothing written:
 * read it again); -1 after "PROG: cannot write 'NAME': REASON" (status
 * 2), the file untouched.  In every case the temporary file is gone and
 * the signals are as before rewrite_begin. */
int rewrite_commit(struct rewrite *rw);

/* Remove the temporary file if any, release the lock, close the file,
 * free what rw holds. */
void rewrite_close(struct rewrite *rw);

#endif
