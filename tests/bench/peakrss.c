/* peakrss: the peak of the memory a pipeline holds at one moment.
 *
 *	peakrss OUT COMMAND [ARG ...]
 *
 * runs COMMAND (e.g. sh -c 'a | b | c') in a process group of its own and,
 * every 10 ms until it ends, adds up the resident memory (VmRSS) of every
 * process of that group; the largest sum is written to OUT in kB.  Its
 * exit status is COMMAND's.
 *
 * The stages of a pipeline seldom peak at the same moment (tact-due holds
 * its clients until its input ends, tact-report builds its sections after
 * tact-due has ended), so the sum of their peaks, which bench.sh also
 * shows, is an upper bound; this is what the machine had to hold.  A peak
 * shorter than the interval can be missed: the figure is a lower bound,
 * the sum of peaks an upper one. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* /proc/PID/NAME's first size - 1 bytes into buf, NUL-terminated;
 * false when it cannot be read (the process has ended). */
static bool
proc_read(const char *pid, const char *name, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%s/%s", pid, name);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return false;
	size_t n = fread(buf, 1, size - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return true;
}

/* The process group of process pid from /proc/PID/stat, or -1.  The
 * command's name (field 2) is in parentheses and may hold spaces: the
 * fields after it are counted from its last ')'. */
static long
pgid_of(const char *pid)
{
	char line[1024];
	if (!proc_read(pid, "stat", line, sizeof line))
		return -1;
	char *p = strrchr(line, ')');
	char state;
	int ppid;
	long pgid;
	if (!p || sscanf(p + 1, " %c %d %ld", &state, &ppid, &pgid) != 3)
		return -1;
	return pgid;
}

/* VmRSS of process pid in kB, or 0.  (Its line comes early in status,
 * within the first 4 kB.) */
static long
rss_of(const char *pid)
{
	char text[4096];
	if (!proc_read(pid, "status", text, sizeof text))
		return 0;
	const char *p = strstr(text, "\nVmRSS:");
	long kb = 0;
	if (p)
		sscanf(p + 1, "VmRSS: %ld", &kb);
	return kb;
}

/* The resident memory of the processes of group pgid, in kB. */
static long
group_rss(pid_t pgid)
{
	DIR *d = opendir("/proc");
	if (!d)
		return 0;
	long sum = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9' &&
		    pgid_of(e->d_name) == (long)pgid)
			sum += rss_of(e->d_name);
	closedir(d);
	return sum;
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: peakrss OUT COMMAND [ARG ...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("peakrss: fork");
		return 2;
	}
	if (pid == 0) {
		setpgid(0, 0);
		execvp(argv[2], argv + 2);
		perror("peakrss: exec");
		_exit(127);
	}
	setpgid(pid, pid);	/* either of the two calls wins the race */
	long peak = 0;
	int status;
	const struct timespec tick = { 0, 10 * 1000 * 1000 };
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			perror("peakrss: waitpid");
			return 2;
		}
		long now = group_rss(pid);
		if (now > peak)
			peak = now;
		nanosleep(&tick, NULL);
	}
	FILE *out = fopen(argv[1], "w");
	if (!out || fprintf(out, "%ld\n", peak) < 0 || fclose(out) != 0) {
		perror(argv[1]);
		return 2;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
