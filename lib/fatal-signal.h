/* Clean exit on fatal signals.
 *
 * SIGTERM, SIGINT, SIGHUP and SIGALRM end the process, but first the
 * process gets a chance to clean up: every registered hook runs and every
 * registered file (pidfile, unix socket, lock file) is removed.  The
 * signal handler itself only takes note; the clean-up happens in
 * fatal_signal_run(), which poll_block() calls, so it never runs in the
 * middle of other work.  Finally the process kills itself with the same
 * signal, so that its parent sees the real cause of death. */

#ifndef FATAL_SIGNAL_H
#define FATAL_SIGNAL_H 1

#include <stdbool.h>

/* Installs the signal handlers.  Called implicitly by every other function
 * here; calling it again does nothing.  A signal that was ignored when the
 * process started (e.g. SIGHUP under nohup) stays ignored. */
void fatal_signal_init(void);

/* Registers HOOK_CB(AUX) to run when a fatal signal arrives and also, if
 * RUN_AT_EXIT, when the process exits normally.  CANCEL_CB (if nonnull) is
 * called instead in a child process that fatal_signal_fork() separates from
 * the parent, to release whatever AUX holds without acting on it. */
void fatal_signal_add_hook(void (*hook_cb)(void *aux),
                           void (*cancel_cb)(void *aux), void *aux,
                           bool run_at_exit);

/* Files removed when the process dies of a fatal signal or exits.  The
 * functions copy FILE; the caller keeps ownership of its string. */
void fatal_signal_add_file_to_unlink(const char *file);
void fatal_signal_remove_file_to_unlink(const char *file);

/* Removes FILE now and forgets it.  Returns 0 or a positive errno value
 * (failures are also logged). */
int fatal_signal_unlink_file_now(const char *file);

/* If a fatal signal arrived, runs the hooks, removes the files and dies of
 * that signal.  Otherwise does nothing. */
void fatal_signal_run(void);

/* Makes the next poll_block() wake up when a fatal signal arrives. */
void fatal_signal_wait(void);

/* Makes writes to a closed socket or pipe fail with EPIPE instead of
 * killing the process with SIGPIPE. */
void fatal_ignore_sigpipe(void);

/* For use in a child just after fork(): forgets the parent's hooks and
 * files (calling their cancel callbacks), so that the child's death does
 * not remove the parent's files.  A signal received before the fork is
 * delivered again in the child. */
void fatal_signal_fork(void);

/* Runs the hooks and removes the files as if a fatal signal had arrived,
 * without killing the process.  For callers about to exit() by themselves
 * from a context where atexit() handlers do not run. */
void fatal_signal_atexit_handler(void);

#endif /* fatal-signal.h */
