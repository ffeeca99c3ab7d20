/* rewrite.c: lock, read and atomically replace one file.
 *
 * Why the lock is on the file itself and not on a lock file beside it: a
 * lock file would stay behind in the notes directory for good.  The cost
 * is that rename(2) gives the name a new inode, so a process that waited
 * for the lock may hold it on the replaced file: after locking, it checks
 * that the name still leads to the inode it locked, and locks the new
 * file otherwise.  fcntl locks belong to the process and vanish when any
 * descriptor of the file is closed, so the file is read through the
 * locked descriptor only.
 *
 * An editor takes no lock.  What it saves while tact-done works must not
 * be renamed over: the file's identity, size, times and a sum of its
 * content are noted when it is locked and compared once more after the
 * new content is written and synced, right before rename(2).  What
 * remains is the moment between that comparison and the rename. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "rewrite.h"
#include "util.h"

/* A name that a stream of other writers replaces this often is given up. */
enum { MAX_RELOCK = 1000 };

/* The sum is taken over blocks of this size, filled completely (so the
 * sum of a content does not depend on how reads return it). */
enum { SUM_BLOCK = 65536 };

static const char tmp_prefix[] = ".tact-done.";

static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The directory of the absolute path p (malloc'd). */
static char *
dir_of(const char *p)
{
	const char *slash = strrchr(p, '/');
	return slash == p ? xstrdup("/") : xstrndup(p, (size_t)(slash - p));
}

/* ---- Waiting for the lock ------------------------------------------- */

static long
ms_until(const struct timespec *deadline)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

static void
nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The pid of a process that holds a lock on fd, or 0 when not known
 * (released meanwhile, or held on another machine). */
static long
lock_holder(int fd)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type == F_UNLCK)
		return 0;
	return fl.l_pid > 0 ? (long)fl.l_pid : 0;
}

/* Take fd's write lock, trying until deadline.  Returns 0, or -1 with
 * errno set; EAGAIN when another process still holds it. */
static int
lock_fd(int fd, const struct timespec *deadline)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_len = 0;		/* the whole file */
	long wait = 1;
	while (fcntl(fd, F_SETLK, &fl) != 0) {
		if (errno == EINTR)
			continue;
		if (errno != EACCES && errno != EAGAIN)
			return -1;
		long left = ms_until(deadline);
		if (left <= 0) {
			errno = EAGAIN;
			return -1;
		}
		nap(wait < left ? wait : left);
		if (wait < 64)
			wait *= 2;
	}
	return 0;
}

static void
lock_failed(const struct rewrite *rw)
{
	if (errno != EAGAIN) {
		diag_syserr("cannot lock '%s'", rw->name);
		return;
	}
	long pid = lock_holder(rw->fd);
	struct buf who = {0};
	if (pid)
		buf_printf(&who, "process %ld", pid);
	else
		buf_adds(&who, "another process");
	diag_fatal("cannot lock '%s': %s holds its lock; gave up after %g s",
	    rw->name, who.s, rw->opts.lock_wait_ms / 1000.0);
	buf_free(&who);
}

int
rewrite_relock(struct rewrite *rw)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (lock_fd(rw->fd, &now) == 0)
		return 0;
	if (errno == EAGAIN)
		return 1;
	diag_syserr("cannot lock '%s'", rw->name);
	return -1;
}

/* ---- What the file is and holds ------------------------------------- */

static unsigned long long
sum_block(unsigned long long h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 8) {
		uint64_t w = 0;
		memcpy(&w, p + i, n - i < 8 ? n - i : 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	return h;
}

/* Fill buf[0..n) from fd at off; returns the bytes read (fewer at the
 * end of the file), or -1. */
static ssize_t
read_full(int fd, unsigned char *buf, size_t n, off_t off)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, off + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* A sum of fd's whole content and its length. */
static int
sum_fd(int fd, unsigned long long *sum)
{
	unsigned char block[SUM_BLOCK];
	unsigned long long h = 0xcbf29ce484222325ULL;
	off_t len = 0;
	ssize_t got;
	do {
		if ((got = read_full(fd, block, sizeof block, len)) < 0)
			return -1;
		h = sum_block(h, block, (size_t)got);
		len += got;
	} while (got == (ssize_t)sizeof block);
	*sum = sum_block(h, (const unsigned char *)&len, sizeof len);
	return 0;
}

/* The content first, then the times: a write during the sum shows in
 * them. */
static int
fingerprint(int fd, struct rewrite_print *p)
{
	struct stat st;
	if (sum_fd(fd, &p->sum) != 0 || fstat(fd, &st) != 0)
		return -1;
	p->dev = st.st_dev;
	p->ino = st.st_ino;
	p->size = st.st_size;
	p->mtime = st.st_mtim;
	p->ctime = st.st_ctim;
	return 0;
}

static bool
same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static bool
same_print(const struct rewrite_print *a, const struct rewrite_print *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    same_time(a->mtime, b->mtime) && same_time(a->ctime, b->ctime) &&
	    a->sum == b->sum;
}

/* ---- Opening --------------------------------------------------------- */

/* Open rw->path without blocking on a FIFO or a device, and refuse
 * anything but a regular file. */
static int
open_regular(struct rewrite *rw, struct stat *st)
{
	rw->fd = open(rw->path, O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (rw->fd < 0 || fstat(rw->fd, st) != 0) {
		diag_syserr("cannot write '%s'", rw->name);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		diag_fatal("cannot write '%s': not a regular file", rw->name);
		return -1;
	}
	int fl = fcntl(rw->fd, F_GETFL);
	if (fl == -1 || fcntl(rw->fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
		diag_syserr("cannot write '%s'", rw->name);
		return -1;
	}
	return 0;
}

/* Open and lock the file that rw->path names now. */
static int
open_locked(struct rewrite *rw)
{
	struct timespec deadline;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += rw->opts.lock_wait_ms / 1000;
	deadline.tv_nsec += (rw->opts.lock_wait_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	for (int tries = 0; tries < MAX_RELOCK; tries++) {
		struct stat st, now;
		if (open_regular(rw, &st) != 0)
			return -1;
		if (lock_fd(rw->fd, &deadline) != 0) {
			lock_failed(rw);
			return -1;
		}
		if (stat(rw->path, &now) == 0 && same_file(&now, &st)) {
			rw->mode = st.st_mode & 07777;
			rw->uid = st.st_uid;
			rw->gid = st.st_gid;
			return 0;
		}
		close(rw->fd);	/* replaced while we waited */
		rw->fd = -1;
	}
	diag_fatal("cannot write '%s': it keeps being replaced", rw->name);
	return -1;
}

int
rewrite_open(struct rewrite *rw, const char *name,
	     const struct rewrite_opts *opts)
{
	memset(rw, 0, sizeof *rw);
	rw->name = name;
	rw->fd = -1;
	if (opts)
		rw->opts = *opts;
	if (rw->opts.lock_wait_ms <= 0)
		rw->opts.lock_wait_ms = REWRITE_LOCK_WAIT_MS;
	rw->path = realpath(name, NULL);
	if (!rw->path) {
		if (errno == ENOMEM)
			die_oom();
		diag_syserr("cannot read '%s'", name);
		return -1;
	}
	if (open_locked(rw) != 0)
		return -1;
	if (fingerprint(rw->fd, &rw->print) != 0 ||
	    !(rw->in = fdopen(rw->fd, "r"))) {
		diag_syserr("cannot read '%s'", name);
		return -1;
	}
	return 0;
}

FILE *
rewrite_input(struct rewrite *rw)
{
	if (fseeko(rw->in, 0, SEEK_SET) != 0) {
		diag_syserr("cannot read '%s'", rw->name);
		return NULL;
	}
	clearerr(rw->in);
	return rw->in;
}

/* ---- The temporary file ---------------------------------------------- */

/* Every signal that can wait waits until the temporary file is renamed
 * or removed; SIGXFSZ is ignored (a write error follows). */
static void
block_signals(struct rewrite *rw)
{
	sigset_t all;
	sigfillset(&all);
	sigdelset(&all, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &all, &rw->oldmask);
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &rw->oldxfsz);
}

static void
restore_signals(struct rewrite *rw)
{
	sigaction(SIGXFSZ, &rw->oldxfsz, NULL);
	sigprocmask(SIG_SETMASK, &rw->oldmask, NULL);
}

/* The pid in a temporary file's name ".tact-done.PID.XXXXXX", or 0. */
static pid_t
tmp_pid(const char *name)
{
	size_t k = sizeof tmp_prefix - 1;
	if (strncmp(name, tmp_prefix, k))
		return 0;
	long pid = 0;
	const char *p = name + k;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (pid > INT_MAX / 10)
			return 0;
		pid = pid * 10 + (*p - '0');
	}
	if (*p != '.' || strlen(p + 1) != 6 || (long)(pid_t)pid != pid)
		return 0;
	return (pid_t)pid;
}

/* Remove the temporary files that processes no longer running (killed,
 * out of memory) left in dir: regular files of this user only. */
static void
remove_stale(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *de;
	while ((de = readdir(dp))) {
		pid_t pid = tmp_pid(de->d_name);
		if (pid <= 0 || pid == getpid() || kill(pid, 0) == 0 ||
		    errno != ESRCH)
			continue;
		struct stat st;
		if (fstatat(dirfd(dp), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			(void)unlinkat(dirfd(dp), de->d_name, 0);
	}
	closedir(dp);
}

/* A user's or group's name, else its number (malloc'd). */
static char *
owner_name(bool group, unsigned long id)
{
	struct passwd *pw = group ? NULL : getpwuid((uid_t)id);
	struct group *gr = group ? getgrgid((gid_t)id) : NULL;
	if (pw)
		return xstrdup(pw->pw_name);
	if (gr)
		return xstrdup(gr->gr_name);
	struct buf b = {0};
	buf_printf(&b, "%lu", id);
	return buf_steal(&b);
}

/* Give the temporary file fd the file's owner and group, before its
 * mode (a change of owner may clear set-id bits).  Only the owner or root
 * can give a file away: anyone else is refused, rather than leaving the
 * notes owned by someone else. */
static int
keep_owner(const struct rewrite *rw, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_syserr("cannot write '%s'", rw->name);
		return -1;
	}
	if ((st.st_uid == rw->uid && st.st_gid == rw->gid) ||
	    fchown(fd, rw->uid, rw->gid) == 0)
		return 0;
	int e = errno;
	bool group = st.st_uid == rw->uid;
	char *who = owner_name(group, group ? (unsigned long)rw->gid :
	    (unsigned long)rw->uid);
	diag_fatal("cannot keep the %s %s of '%s': %s; nothing written "
	    "(%s or root can add entries to it)", group ? "group" : "owner",
	    who, rw->name, strerror(e), group ? "a member of the group" :
	    "its owner");
	free(who);
	return -1;
}

/* Remove the temporary file, if any, and let the signals in. */
static void
discard(struct rewrite *rw)
{
	if (!rw->tmp)
		return;
	if (rw->out)
		fclose(rw->out);
	rw->out = NULL;
	unlink(rw->tmp);
	free(rw->tmp);
	rw->tmp = NULL;
	restore_signals(rw);
}

FILE *
rewrite_begin(struct rewrite *rw)
{
	char *dir = dir_of(rw->path);
	struct buf tmp = {0};
	buf_printf(&tmp, "%s/%s%ld.XXXXXX", strcmp(dir, "/") ? dir : "",
	    tmp_prefix, (long)getpid());
	block_signals(rw);
	remove_stale(dir);
	free(dir);
	int fd = mkstemp(tmp.s);
	if (fd < 0) {
		diag_syserr("cannot write '%s'", rw->name);
		buf_free(&tmp);
		restore_signals(rw);
		return NULL;
	}
	rw->tmp = buf_steal(&tmp);
	if (keep_owner(rw, fd) != 0) {
		close(fd);
		discard(rw);
		return NULL;
	}
	if (!(rw->out = fdopen(fd, "w+"))) {
		diag_syserr("cannot write '%s'", rw->name);
		close(fd);
		discard(rw);
	}
	return rw->out;
}

FILE *
rewrite_written(struct rewrite *rw)
{
	if (fflush(rw->out) != 0 || fseeko(rw->out, 0, SEEK_SET) != 0) {
		diag_syserr("cannot write '%s'", rw->name);
		return NULL;
	}
	return rw->out;
}

/* ---- Replacing -------------------------------------------------------- */

/* Give the new content the file's mode, put it on disk, close it. */
static int
finish(struct rewrite *rw)
{
	FILE *out = rw->out;
	rw->out = NULL;
	int fd = fileno(out);
	int ret = 0;
	if (ferror(out)) {
		errno = EIO;
		ret = -1;
	} else if (fflush(out) != 0 || fchmod(fd, rw->mode) != 0 ||
	    fsync(fd) != 0) {
		ret = -1;
	}
	int e = errno;
	if (fclose(out) != 0 && ret == 0)
		return -1;
	errno = e;
	return ret;
}

/* Is the file what it was when it was locked, and still under its
 * name?  1 when it changed, 0 when not, -1 when it cannot be read. */
static int
changed(const struct rewrite *rw)
{
	struct rewrite_print now;
	struct stat byname;
	if (fingerprint(rw->fd, &now) != 0)
		return -1;
	if (stat(rw->path, &byname) != 0)
		return 1;
	return !same_print(&rw->print, &now) || byname.st_dev != now.dev ||
	    byname.st_ino != now.ino;
}

/* Make the rename durable.  Some file systems cannot fsync a directory;
 * the file is replaced all the same, so failures are not reported. */
static void
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
rewrite_commit(struct rewrite *rw)
{
	int ret = finish(rw);
	if (ret == 0 && rw->opts.before_check)
		rw->opts.before_check(rw->opts.arg);
	if (ret == 0)
		ret = changed(rw);
	/* Nothing between the check and the rename. */
	if (ret == 0 && rename(rw->tmp, rw->path) != 0)
		ret = -1;
	if (ret == 0) {
		free(rw->tmp);
		rw->tmp = NULL;
		restore_signals(rw);
		sync_dir(rw->path);
		return 0;
	}
	if (ret < 0)
		diag_syserr("cannot write '%s'", rw->name);
	discard(rw);
	return ret;
}

void
rewrite_close(struct rewrite *rw)
{
	discard(rw);
	if (rw->in)
		fclose(rw->in);	/* closes fd, which releases the lock */
	else if (rw->fd >= 0)
		close(rw->fd);
	rw->in = NULL;
	rw->fd = -1;
	free(rw->path);
	rw->path = NULL;
}
