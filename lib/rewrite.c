/* rewrite.c: lock, read and atomically replace one file.
 *
 * Why the lock is on the file itself and not on a lock file beside it: a
 * lock file would stay behind in the notes directory for good.  The cost
 * is that rename(2) gives the name a new inode, so a process that waited
 * for the lock may hold it on the replaced file: after locking, it checks
 * that the name still leads to the inode it locked, and locks the new
 * file otherwise.  fcntl locks belong to the process and vanish when any
 * descriptor of the file is closed, so the file is read through the
 * locked descriptor only. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "rewrite.h"

/* A name that a stream of other writers replaces this often is given up. */
enum { MAX_RELOCK = 1000 };

static void
close_fd(struct rewrite *rw)
{
	if (rw->fd >= 0)
		close(rw->fd);	/* releases the lock */
	rw->fd = -1;
}

static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static int
lock_fd(int fd)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 0;		/* the whole file */
	while (fcntl(fd, F_SETLKW, &fl) == -1)
		if (errno != EINTR)
			return -1;
	return 0;
}

static int
read_all(struct rewrite *rw)
{
	char chunk[65536];
	buf_reset(&rw->data);
	if (lseek(rw->fd, 0, SEEK_SET) == -1)
		return -1;
	for (;;) {
		ssize_t got = read(rw->fd, chunk, sizeof chunk);
		if (got == 0)
			return 0;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf_add(&rw->data, chunk, (size_t)got);
	}
}

int
rewrite_open(struct rewrite *rw, const char *name)
{
	memset(rw, 0, sizeof *rw);
	rw->name = name;
	rw->fd = -1;
	rw->path = realpath(name, NULL);
	if (!rw->path) {
		if (errno == ENOMEM)
			die_oom();
		diag_syserr("cannot read '%s'", name);
		return -1;
	}
	for (int tries = 0;; tries++) {
		if (tries == MAX_RELOCK) {
			diag_fatal("cannot write '%s': it keeps being replaced",
			    name);
			return -1;
		}
		rw->fd = open(rw->path, O_RDWR | O_NOCTTY | O_CLOEXEC);
		if (rw->fd < 0) {
			diag_syserr("cannot write '%s'", name);
			return -1;
		}
		struct stat now;
		if (fstat(rw->fd, &rw->st) != 0) {
			diag_syserr("cannot write '%s'", name);
			return -1;
		}
		if (!S_ISREG(rw->st.st_mode)) {
			diag_fatal("cannot write '%s': not a regular file",
			    name);
			return -1;
		}
		if (lock_fd(rw->fd) != 0) {
			diag_syserr("cannot lock '%s'", name);
			return -1;
		}
		if (stat(rw->path, &now) == 0 && same_file(&now, &rw->st))
			break;
		close_fd(rw);	/* replaced while we waited */
	}
	/* The size and times as they are now that nobody else writes. */
	if (fstat(rw->fd, &rw->st) != 0 || read_all(rw) != 0) {
		diag_syserr("cannot read '%s'", name);
		return -1;
	}
	return 0;
}

/* Has the file been changed since it was read (by a writer that does not
 * take the lock, such as an editor)? */
static bool
changed(const struct rewrite *rw)
{
	struct stat byname, byfd;
	if (stat(rw->path, &byname) != 0 || !same_file(&byname, &rw->st))
		return true;
	if (fstat(rw->fd, &byfd) != 0)
		return true;
	return byfd.st_size != rw->st.st_size ||
	    byfd.st_mtim.tv_sec != rw->st.st_mtim.tv_sec ||
	    byfd.st_mtim.tv_nsec != rw->st.st_mtim.tv_nsec;
}

static int
write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Fill the temporary file fd with data and give it the file's owner and
 * mode; the owner first, since changing it may clear set-id bits. */
static int
fill(int fd, const struct stat *st, const char *data, size_t n)
{
	struct stat tst;
	if (write_all(fd, data, n) != 0 || fstat(fd, &tst) != 0)
		return -1;
	if ((tst.st_uid != st->st_uid || tst.st_gid != st->st_gid) &&
	    fchown(fd, st->st_uid, st->st_gid) != 0)
		return -1;
	if (fchmod(fd, st->st_mode & 07777) != 0 || fsync(fd) != 0)
		return -1;
	return 0;
}

/* Make the rename durable.  Some file systems cannot fsync a directory;
 * the file is replaced all the same, so failures are not reported. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int
rewrite_commit(struct rewrite *rw, const char *data, size_t n)
{
	if (changed(rw))
		return 1;

	/* rw->path is absolute (realpath), so it has a '/'. */
	const char *slash = strrchr(rw->path, '/');
	size_t dl = (size_t)(slash - rw->path);
	char *dir = dl ? xstrndup(rw->path, dl) : xstrdup("/");
	struct buf tmp = {0};
	buf_printf(&tmp, "%s/.tact-done.XXXXXX", dl ? dir : "");

	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGQUIT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	struct sigaction ign, oldxfsz;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &oldxfsz);

	int ret = 0;
	int fd = mkstemp(tmp.s);
	if (fd < 0) {
		ret = -1;
	} else if (fill(fd, &rw->st, data, n) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp.s);
		errno = e;
		ret = -1;
	} else if (close(fd) != 0 || rename(tmp.s, rw->path) != 0) {
		int e = errno;
		unlink(tmp.s);
		errno = e;
		ret = -1;
	}
	if (ret == 0)
		sync_dir(dir);
	else
		diag_syserr("cannot write '%s'", rw->name);

	sigaction(SIGXFSZ, &oldxfsz, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	buf_free(&tmp);
	free(dir);
	return ret;
}

void
rewrite_close(struct rewrite *rw)
{
	close_fd(rw);
	free(rw->path);
	rw->path = NULL;
	buf_free(&rw->data);
}
