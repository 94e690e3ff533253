/* Turning a program into a well-behaved daemon.
 *
 * The usual sequence in a daemon's main():
 *
 *     parse options (DAEMON_OPTION_HANDLERS set what is wanted);
 *     daemonize_start(false);    // fork if --detach, write the pidfile
 *     ... set up listening sockets, the unixctl server, ... ;
 *     daemonize_complete();      // tell the waiting parent we are ready
 *     main loop;
 *
 * With --detach the parent process stays until the child calls
 * daemonize_complete(), then exits with status 0, so that a script that
 * started the daemon can rely on it being ready to serve.  If the child
 * dies first, the parent exits with an error.
 *
 * The pidfile is created with an fcntl() write lock that the daemon holds
 * for its life: a second copy finds the lock and refuses to start, and a
 * pidfile whose lock is gone is stale and simply replaced. */

#ifndef DAEMON_H
#define DAEMON_H 1

/* UCHAR_MAX, bool, pid_t. */
#include <limits.h>
#include <stdbool.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DAEMON_OPTION_ENUMS \
    OPT_DETACH = UCHAR_MAX + 2048, OPT_PIDFILE, OPT_NO_CHDIR, OPT_MONITOR, \
    OPT_OVERWRITE_PIDFILE, OPT_USER_GROUP

#define DAEMON_LONG_OPTIONS \
    {"detach", no_argument, NULL, OPT_DETACH}, \
    {"pidfile", optional_argument, NULL, OPT_PIDFILE}, \
    {"no-chdir", no_argument, NULL, OPT_NO_CHDIR}, \
    {"monitor", no_argument, NULL, OPT_MONITOR}, \
    {"overwrite-pidfile", no_argument, NULL, OPT_OVERWRITE_PIDFILE}, \
    {"user", required_argument, NULL, OPT_USER_GROUP}

#define DAEMON_OPTION_HANDLERS \
    case OPT_DETACH: set_detach(); break; \
    case OPT_PIDFILE: set_pidfile(optarg); break; \
    case OPT_NO_CHDIR: set_no_chdir(); break; \
    case OPT_MONITOR: daemon_set_monitor(); break; \
    case OPT_OVERWRITE_PIDFILE: ignore_existing_pidfile(); break; \
    case OPT_USER_GROUP: daemon_set_new_user(optarg); break;

/* Option setters (normally called through DAEMON_OPTION_HANDLERS). */
void set_detach(void);
bool get_detach(void);
void set_no_chdir(void);
void set_pidfile(const char *name);   /* NULL: $OVS_RUNDIR/PROGRAM.pid. */
const char *get_pidfile(void);        /* NULL if no pidfile was asked for. */
void ignore_existing_pidfile(void);
void daemon_set_monitor(void);
void daemon_set_new_user(const char *user_spec);  /* "USER[:GROUP]". */

/* Does everything at once: daemonize_start(false), daemonize_complete(). */
void daemonize(void);

/* First half: forks (if --detach) and, with --monitor, starts the monitor
 * process; then writes the pidfile and switches user (if --user).
 * ACCESS_DATAPATH says whether the daemon needs the capabilities for
 * network administration after it drops root. */
void daemonize_start(bool access_datapath);

/* Second half: tells the parent that the daemon is ready, then detaches
 * from the session (setsid(), chdir("/") unless --no-chdir, standard
 * descriptors to /dev/null).  Calling it again is harmless. */
void daemonize_complete(void);

/* Switches to the --user user and group now (for programs that do not
 * daemonize).  Does nothing if --user was not given. */
void daemon_become_new_user(bool access_datapath);

/* Prints the usage text for the options above to stdout. */
void daemon_usage(void);

/* Returns the pid of the process that holds the pidfile PIDFILE locked, or
 * a negative errno value: -ESRCH if the file exists but nobody holds it
 * (stale), -ENOENT if it does not exist, or another error. */
pid_t read_pidfile(const char *pidfile);

/* Points stdin, stdout and stderr at /dev/null. */
void close_standard_fds(void);

#ifdef __cplusplus
}
#endif

#endif /* daemon.h */
