/* Daemon plumbing: detaching, pidfiles, monitoring, changing user.
 *
 * Detaching.  With --detach, daemonize_start() forks.  The parent does not
 * exit at once: it blocks reading a pipe until the child writes one byte
 * to it from daemonize_complete(), i.e. until the daemon is really ready
 * (sockets open, pidfile written).  Only then does the parent exit with
 * status 0.  If the child dies first, the pipe reads end-of-file and the
 * parent exits with status 1, so a startup failure is never hidden from
 * the script that started the daemon.
 *
 * Pidfiles.  The daemon writes its pid to a temporary file, takes an
 * fcntl() write lock on it and renames it over the pidfile, so the pidfile
 * appears atomically and complete.  The lock lives as long as the process
 * (the descriptor is never closed), which is what read_pidfile() checks:
 * a pidfile whose lock is gone belongs to a dead process and is stale.
 * The pidfile is removed when the daemon exits or dies of a fatal signal.
 *
 * Monitoring.  With --monitor, an extra process sits between the parent
 * and the daemon and starts a new daemon whenever the current one dies of
 * a signal that suggests a crash (SIGSEGV, SIGABRT, ...). */

#include <config.h>
#include "daemon.h"

#include <errno.h>
#include <fcntl.h>
/* User and group database, for --user. */
#include <grp.h>
#include <pwd.h>
/* Processes and signals. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef HAVE_LIBCAPNG
#include <cap-ng.h>
#endif

#include "dirs.h"
#include "fatal-signal.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "timeval.h"

VLOG_DEFINE_THIS_MODULE(daemon);

/* Options. */
static bool detach;
static bool chdir_ = true;
static char *pidfile;
static bool overwrite_pidfile;
static bool monitor;

/* --user. */
static bool switch_user;
static uid_t new_uid;
static gid_t new_gid;
static char *new_user_name;

/* Write end of the pipe to the waiting parent, or -1. */
static int daemonize_fd = -1;

/* True once daemonize_complete() ran. */
static bool completed;

/* Identity of our own pidfile, while we hold it. */
static bool pidfile_held;
static dev_t pidfile_dev;
static ino_t pidfile_ino;

void
set_detach(void)
{
    detach = true;
}

bool
get_detach(void)
{
    return detach;
}

void
set_no_chdir(void)
{
    chdir_ = false;
}

/* Sets the pidfile name: NAME relative to the run directory (if not
 * absolute), or $OVS_RUNDIR/PROGRAM.pid if NAME is NULL or empty. */
void
set_pidfile(const char *name)
{
    free(pidfile);
    if (!name || !name[0]) {
        pidfile = xasprintf("%s/%s.pid", ovs_rundir(),
                            ovs_get_program_name());
    } else if (name[0] == '/') {
        pidfile = xstrdup(name);
    } else {
        pidfile = xasprintf("%s/%s", ovs_rundir(), name);
    }
}

const char *
get_pidfile(void)
{
    return pidfile;
}

void
ignore_existing_pidfile(void)
{
    overwrite_pidfile = true;
}

void
daemon_set_monitor(void)
{
    monitor = true;
}

/* Parses USER_SPEC, "USER[:GROUP]", for --user.  Exits with a message if a
 * name is unknown. */
void
daemon_set_new_user(const char *user_spec)
{
    char *spec = xstrdup(user_spec);
    char *colon = strchr(spec, ':');
    const char *group_name = NULL;
    struct passwd *pw;

    if (colon) {
        *colon = '\0';
        group_name = colon + 1;
    }
    if (!spec[0]) {
        ovs_fatal(0, "--user: \"%s\": missing user name", user_spec);
    }

    pw = getpwnam(spec);
    if (!pw) {
        ovs_fatal(0, "--user: user \"%s\" not found", spec);
    }
    new_uid = pw->pw_uid;
    new_gid = pw->pw_gid;

    if (group_name && group_name[0]) {
        struct group *gr = getgrnam(group_name);
        char **member;
        bool ok;

        if (!gr) {
            ovs_fatal(0, "--user: group \"%s\" not found", group_name);
        }
        /* The group must be the user's primary group or list the user. */
        ok = gr->gr_gid == pw->pw_gid;
        for (member = gr->gr_mem; !ok && member && *member; member++) {
            ok = !strcmp(*member, spec);
        }
        if (!ok) {
            ovs_fatal(0, "--user: user \"%s\" is not a member of group "
                      "\"%s\"", spec, group_name);
        }
        new_gid = gr->gr_gid;
    }

    free(new_user_name);
    new_user_name = xstrdup(spec);
    switch_user = true;
    free(spec);
}

/* ------------------------------------------------------------------ */
/* Pidfiles. */

/* Returns the pid of the process holding a lock on open file FD, 0 if
 * nobody does, or a negative errno value. */
static pid_t
lock_holder(int fd)
{
    struct flock lck;

    memset(&lck, 0, sizeof lck);
    lck.l_type = F_WRLCK;
    lck.l_whence = SEEK_SET;
    lck.l_start = 0;
    lck.l_len = 0;
    if (fcntl(fd, F_GETLK, &lck) < 0) {
        return -errno;
    }
    return lck.l_type == F_UNLCK ? 0 : lck.l_pid;
}

pid_t
read_pidfile(const char *name)
{
    struct stat s;
    char buf[32];
    ssize_t n;
    pid_t holder;
    int fd;

    /* fcntl() does not report our own locks, so recognize our own file. */
    if (pidfile_held && !stat(name, &s) && s.st_dev == pidfile_dev
        && s.st_ino == pidfile_ino) {
        return getpid();
    }

    fd = open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -errno;
    }

    holder = lock_holder(fd);
    if (holder <= 0) {
        close(fd);
        return holder < 0 ? holder : -ESRCH;
    }

    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n > 0) {
        long int pid;

        buf[n] = '\0';
        pid = strtol(buf, NULL, 10);
        if (pid != holder) {
            VLOG_WARN("%s: pidfile names pid %ld but pid %ld holds its lock",
                      name, pid, (long int) holder);
        }
    }
    return holder;
}

/* Removes pidfile 'name_' at exit if it still names this process.  A
 * daemon started with --overwrite-pidfile may have taken the name over, and
 * its pidfile is not ours to remove (that would leave it running with no
 * pidfile).  A child forked later keeps this hook but has another pid, so
 * it leaves the file alone too. */
static void
unlink_pidfile_if_ours(void *name_)
{
    const char *name = name_;
    FILE *file = fopen(name, "r");
    long int pid;

    if (file) {
        bool ours = fscanf(file, "%ld", &pid) == 1 && pid == getpid();

        fclose(file);
        if (ours) {
            unlink(name);
        }
    }
}

/* Creates the pidfile, or exits if another running process holds it. */
static void
make_pidfile(void)
{
    long int pid = getpid();
    struct flock lck;
    struct stat s;
    char *tmpfile;
    char *text;
    size_t done;
    int error;
    int fd;

    if (!overwrite_pidfile) {
        pid_t other = read_pidfile(pidfile);

        if (other > 0 && other != pid) {
            VLOG_FATAL("%s: already running as pid %ld, aborting", pidfile,
                       (long int) other);
        }
    }

    tmpfile = xasprintf("%s.tmp%ld", pidfile, pid);
    fatal_signal_add_file_to_unlink(tmpfile);
    fd = open(tmpfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        VLOG_FATAL("%s: create failed (%s)", tmpfile, ovs_strerror(errno));
    }

    memset(&lck, 0, sizeof lck);
    lck.l_type = F_WRLCK;
    lck.l_whence = SEEK_SET;
    if (fcntl(fd, F_SETLK, &lck) < 0) {
        VLOG_FATAL("%s: fcntl(F_SETLK) failed (%s)", tmpfile,
                   ovs_strerror(errno));
    }

    text = xasprintf("%ld\n", pid);
    error = write_fully(fd, text, strlen(text), &done);
    free(text);
    if (error) {
        VLOG_FATAL("%s: write failed (%s)", tmpfile, ovs_strerror(error));
    }

    /* Check again just before taking over the name, to narrow the window
     * in which two daemons starting together could both succeed. */
    if (!overwrite_pidfile) {
        pid_t other = read_pidfile(pidfile);

        if (other > 0 && other != pid) {
            VLOG_FATAL("%s: already running as pid %ld, aborting", pidfile,
                       (long int) other);
        }
    }

    fatal_signal_add_hook(unlink_pidfile_if_ours, NULL, xstrdup(pidfile),
                          true);
    if (rename(tmpfile, pidfile) < 0) {
        VLOG_FATAL("failed to rename \"%s\" to \"%s\" (%s)", tmpfile,
                   pidfile, ovs_strerror(errno));
    }
    fatal_signal_remove_file_to_unlink(tmpfile);
    free(tmpfile);

    if (fstat(fd, &s) < 0) {
        VLOG_FATAL("%s: fstat failed (%s)", pidfile, ovs_strerror(errno));
    }
    pidfile_dev = s.st_dev;
    pidfile_ino = s.st_ino;
    pidfile_held = true;
    /* 'fd' stays open for the life of the process: closing it would drop
     * the lock. */
}

/* ------------------------------------------------------------------ */
/* Forking. */

/* Forks.  The parent waits until the child calls daemonize_complete() and
 * then exits with status 0; if the child dies first, the parent reports
 * that and exits with status 1.  Returns (in the child only) with
 * 'daemonize_fd' set. */
static void
fork_and_wait_for_startup(void)
{
    int fds[2];
    pid_t pid;

    if (pipe(fds) < 0) {
        VLOG_FATAL("pipe failed (%s)", ovs_strerror(errno));
    }

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0) {
        VLOG_FATAL("could not fork (%s)", ovs_strerror(errno));
    } else if (pid > 0) {
        /* Parent. */
        char c;
        ssize_t n;

        close(fds[1]);
        do {
            n = read(fds[0], &c, 1);
        } while (n < 0 && errno == EINTR);

        if (n == 1) {
            /* Ready.  _exit() so that no atexit() handler of ours (which
             * could remove files the child now owns) runs here. */
            _exit(0);
        } else {
            int status;
            pid_t retval;

            do {
                retval = waitpid(pid, &status, 0);
            } while (retval < 0 && errno == EINTR);

            if (retval == pid && WIFEXITED(status)) {
                _exit(WEXITSTATUS(status) ? WEXITSTATUS(status) : 1);
            } else if (retval == pid && WIFSIGNALED(status)) {
                ovs_error(0, "fork child died before signaling startup "
                          "(killed by signal %d)", WTERMSIG(status));
            } else {
                ovs_error(0, "fork child died before signaling startup");
            }
            _exit(1);
        }
    }

    /* Child. */
    close(fds[0]);
    daemonize_fd = fds[1];
    fatal_signal_fork();
    if (setsid() < 0) {
        VLOG_WARN("setsid failed (%s)", ovs_strerror(errno));
    }
}

static bool
is_crash_signal(int signr)
{
    return (signr == SIGSEGV || signr == SIGABRT || signr == SIGBUS
            || signr == SIGFPE || signr == SIGILL || signr == SIGSYS
            || signr == SIGXCPU || signr == SIGXFSZ);
}

/* Runs the monitor: forks the daemon, and forks it again each time it
 * crashes.  Returns only in a daemon child. */
static void
monitor_daemon(void)
{
    long long int last_restart = LLONG_MIN;

    for (;;) {
        int status;
        pid_t pid;

        fflush(stdout);
        fflush(stderr);
        pid = fork();
        if (pid < 0) {
            VLOG_FATAL("could not fork (%s)", ovs_strerror(errno));
        } else if (!pid) {
            /* The daemon. */
            fatal_signal_fork();
            return;
        }

        /* The monitor keeps no copy of the readiness pipe: if the first
         * daemon dies before writing to it, the parent must see EOF. */
        if (daemonize_fd >= 0) {
            close(daemonize_fd);
            daemonize_fd = -1;
        }

        for (;;) {
            pid_t retval = waitpid(pid, &status, 0);

            if (retval == pid) {
                break;
            } else if (retval < 0 && errno != EINTR) {
                VLOG_FATAL("waitpid failed (%s)", ovs_strerror(errno));
            }
            fatal_signal_run();
        }

        if (!WIFSIGNALED(status) || !is_crash_signal(WTERMSIG(status))) {
            /* A deliberate exit or stop: the monitor is done too. */
            VLOG_INFO("pid %ld died, exiting", (long int) pid);
            exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
        }

        VLOG_ERR("pid %ld died, killed by signal %d, restarting",
                 (long int) pid, WTERMSIG(status));
        /* Do not restart more than once every 10 seconds. */
        if (last_restart != LLONG_MIN) {
            long long int wait = last_restart + 10000 - time_msec();

            if (wait > 0) {
                usleep(wait * 1000);
            }
        }
        last_restart = time_msec();
    }
}

void
daemonize_start(bool access_datapath)
{
    if (detach) {
        fork_and_wait_for_startup();
    }
    if (monitor) {
        monitor_daemon();
    }
    if (pidfile) {
        make_pidfile();
    }
    if (switch_user) {
        daemon_become_new_user(access_datapath);
    }
}

void
daemonize_complete(void)
{
    if (completed) {
        return;
    }
    completed = true;

    if (daemonize_fd >= 0) {
        char c = 0;
        ssize_t n;

        do {
            n = write(daemonize_fd, &c, 1);
        } while (n < 0 && errno == EINTR);
        close(daemonize_fd);
        daemonize_fd = -1;
    }

    if (detach) {
        if (chdir_ && chdir("/") < 0) {
            VLOG_WARN("could not change to root directory (%s)",
                      ovs_strerror(errno));
        }
        close_standard_fds();
    }
}

void
daemonize(void)
{
    daemonize_start(false);
    daemonize_complete();
}

void
close_standard_fds(void)
{
    int fd = open("/dev/null", O_RDWR);

    if (fd >= 0) {
        dup2(fd, STDIN_FILENO);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        if (fd > STDERR_FILENO) {
            close(fd);
        }
    }

    /* Nobody reads the console any more. */
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_OFF);
}

/* ------------------------------------------------------------------ */
/* Changing user. */

void
daemon_become_new_user(bool access_datapath)
{
    if (!switch_user) {
        return;
    }
    switch_user = false;

    if (geteuid() == new_uid && getegid() == new_gid) {
        return;                 /* Already there. */
    }
    if (geteuid() != 0) {
        VLOG_FATAL("--user %s: only root can switch to another user",
                   new_user_name);
    }

#ifdef HAVE_LIBCAPNG
    if (access_datapath) {
        /* Keep what a switch needs to manage interfaces, drop the rest. */
        capng_clear(CAPNG_SELECT_BOTH);
        if (capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED,
                         CAP_NET_ADMIN)
            || capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED,
                            CAP_NET_RAW)
            || capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED,
                            CAP_NET_BROADCAST)) {
            VLOG_FATAL("--user %s: libcap-ng capability update failed",
                       new_user_name);
        }
        if (capng_change_id(new_uid, new_gid,
                            CAPNG_DROP_SUPP_GRP | CAPNG_CLEAR_BOUNDING)) {
            VLOG_FATAL("--user %s: libcap-ng failed to switch user",
                       new_user_name);
        }
        VLOG_INFO("switched to user %s (uid %ld, gid %ld), keeping "
                  "network capabilities", new_user_name, (long int) new_uid,
                  (long int) new_gid);
        return;
    }
#else
    (void) access_datapath;
#endif

    if (initgroups(new_user_name, new_gid) < 0
        || setgid(new_gid) < 0 || setuid(new_uid) < 0) {
        VLOG_FATAL("--user %s: could not switch user (%s)", new_user_name,
                   ovs_strerror(errno));
    }
    if (setuid(0) == 0) {
        VLOG_FATAL("--user %s: root privileges could be regained "
                   "after dropping them",
                   new_user_name);
    }
    VLOG_INFO("switched to user %s (uid %ld, gid %ld)", new_user_name,
              (long int) new_uid, (long int) new_gid);
}

void
daemon_usage(void)
{
    printf("\nDaemon options:\n"
           "  --detach                run in background as daemon\n"
           "  --monitor               restart the daemon if it crashes\n"
           "  --no-chdir              do not chdir to '/'\n"
           "  --pidfile[=FILE]        create pidfile (default: %s/%s.pid)\n"
           "  --overwrite-pidfile     with --pidfile, start even if already "
           "running\n"
           "  --user=USER[:GROUP]     run as USER (and GROUP)\n",
           ovs_rundir(), ovs_get_program_name());
}
