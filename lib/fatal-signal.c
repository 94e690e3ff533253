/* Fatal signals: run clean-up hooks, then die of the signal.
 *
 * A signal handler may do almost nothing safely, so ours records the
 * signal number and writes a byte into a pipe (the "self-pipe").  The read
 * end of that pipe is part of every poll_block(), so a sleeping main loop
 * wakes up and calls fatal_signal_run(), which does the real work in
 * ordinary context: it calls each hook once, removes the registered files,
 * restores the default action for the signal and raises it again.
 *
 * Normal exit takes the same path for hooks registered with
 * 'run_at_exit' (through atexit(3)), so a daemon that exits on "ovs-appctl
 * exit" also removes its pidfile and sockets.
 *
 * The file list is itself just one hook.  A mutex guards the hook and file
 * lists because any thread may register a file while the main thread
 * handles a signal; it is recursive so that a hook may call back into this
 * module. */

#include <config.h>

#include "fatal-signal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"

VLOG_DEFINE_THIS_MODULE(fatal_signal);

static const int fatal_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGALRM };

struct hook {
    void *aux;                  /* Argument for both callbacks. */
    void (*hook_cb)(void *aux); /* The clean-up itself. */
    void (*cancel_cb)(void *aux);   /* In a forked child, instead. */
    bool run_at_exit;           /* Also on normal exit? */
    bool done;                  /* Already ran; never run twice. */
};

static pthread_mutex_t mutex = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static struct hook *hooks;
static size_t n_hooks, allocated_hooks;

/* Files to remove, each owned by this list. */
static char **files;
static size_t n_files, allocated_files;
static bool files_hook_added;

/* Self-pipe: the handler writes to [1], poll_block() waits on [0]. */
static int signal_fds[2] = { -1, -1 };

/* The first fatal signal received, or 0. */
static volatile sig_atomic_t stored_sig_nr;

static bool inited;

static void run_hooks(bool at_exit);

static void
fatal_signal_handler(int sig_nr)
{
    int saved_errno = errno;
    char c = 0;

    if (!stored_sig_nr) {
        stored_sig_nr = sig_nr;
    }
    /* Nonblocking: if the pipe is full, a wakeup is already pending. */
    if (write(signal_fds[1], &c, 1) < 0) {
        /* Nothing can be done about it here. */
    }
    errno = saved_errno;
}

static void
atexit_handler(void)
{
    run_hooks(true);
}

static void
open_signal_pipe(void)
{
    if (pipe2(signal_fds, O_NONBLOCK | O_CLOEXEC)) {
        ovs_fatal(errno, "could not create the fatal-signal pipe");
    }
}

void
fatal_signal_init(void)
{
    size_t i;

    pthread_mutex_lock(&mutex);
    if (inited) {
        pthread_mutex_unlock(&mutex);
        return;
    }
    inited = true;

    open_signal_pipe();
    for (i = 0; i < ARRAY_SIZE(fatal_signals); i++) {
        int sig_nr = fatal_signals[i];
        struct sigaction old_sa, sa;

        if (sigaction(sig_nr, NULL, &old_sa)) {
            ovs_fatal(errno, "sigaction(%d) failed", sig_nr);
        }
        if (old_sa.sa_handler == SIG_IGN) {
            continue;
        }

        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_signal_handler;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < ARRAY_SIZE(fatal_signals); j++) {
            sigaddset(&sa.sa_mask, fatal_signals[j]);
        }
        sa.sa_flags = SA_RESTART;
        if (sigaction(sig_nr, &sa, NULL)) {
            ovs_fatal(errno, "sigaction(%d) failed", sig_nr);
        }
    }
    atexit(atexit_handler);
    pthread_mutex_unlock(&mutex);
}

void
fatal_signal_add_hook(void (*hook_cb)(void *aux),
                      void (*cancel_cb)(void *aux), void *aux,
                      bool run_at_exit)
{
    struct hook *h;

    fatal_signal_init();

    pthread_mutex_lock(&mutex);
    if (n_hooks >= allocated_hooks) {
        allocated_hooks = allocated_hooks ? 2 * allocated_hooks : 8;
        hooks = xrealloc(hooks, allocated_hooks * sizeof *hooks);
    }
    h = &hooks[n_hooks++];
    h->hook_cb = hook_cb;
    h->cancel_cb = cancel_cb;
    h->aux = aux;
    h->run_at_exit = run_at_exit;
    h->done = false;
    pthread_mutex_unlock(&mutex);
}

/* Runs, once each, the hooks that apply: all of them for a signal, those
 * with 'run_at_exit' at exit. */
static void
run_hooks(bool at_exit)
{
    size_t i;

    pthread_mutex_lock(&mutex);
    /* A hook may add hooks (and so move the array): index afresh each
     * time. */
    for (i = 0; i < n_hooks; i++) {
        if (!hooks[i].done && (!at_exit || hooks[i].run_at_exit)) {
            hooks[i].done = true;
            hooks[i].hook_cb(hooks[i].aux);
        }
    }
    pthread_mutex_unlock(&mutex);
}

void
fatal_signal_run(void)
{
    int sig_nr = stored_sig_nr;

    if (!sig_nr) {
        return;
    }

    VLOG_WARN("terminating with signal %d (%s)", sig_nr, strsignal(sig_nr));
    run_hooks(false);

    /* Die of the signal itself, so that the parent sees why. */
    sigset_t set;
    signal(sig_nr, SIG_DFL);
    sigemptyset(&set);
    sigaddset(&set, sig_nr);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig_nr);

    /* Only reached if the signal could not kill us. */
    _exit(128 + sig_nr);
}

void
fatal_signal_wait(void)
{
    fatal_signal_init();
    poll_fd_wait(signal_fds[0], POLLIN);
}

void
fatal_signal_atexit_handler(void)
{
    run_hooks(true);
}

void
fatal_ignore_sigpipe(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPIPE, &sa, NULL);
}

/* Files to unlink. */

static size_t
find_file(const char *file)
{
    size_t i;

    for (i = 0; i < n_files; i++) {
        if (!strcmp(files[i], file)) {
            return i;
        }
    }
    return SIZE_MAX;
}

static void
forget_file(size_t idx)
{
    free(files[idx]);
    files[idx] = files[--n_files];
}

static void
unlink_files(void *aux OVS_UNUSED)
{
    size_t i;

    for (i = 0; i < n_files; i++) {
        if (unlink(files[i]) && errno != ENOENT) {
            /* Keep going: the other files deserve removal too. */
            VLOG_WARN("could not unlink \"%s\" (%s)",
                      files[i], ovs_strerror(errno));
        }
    }
}

static void
clear_files(void *aux OVS_UNUSED)
{
    while (n_files) {
        forget_file(n_files - 1);
    }
    free(files);
    files = NULL;
    allocated_files = 0;
}

void
fatal_signal_add_file_to_unlink(const char *file)
{
    fatal_signal_init();

    pthread_mutex_lock(&mutex);
    if (!files_hook_added) {
        files_hook_added = true;
        fatal_signal_add_hook(unlink_files, clear_files, NULL, true);
    }
    if (find_file(file) == SIZE_MAX) {
        if (n_files >= allocated_files) {
            allocated_files = allocated_files ? 2 * allocated_files : 8;
            files = xrealloc(files, allocated_files * sizeof *files);
        }
        files[n_files++] = xstrdup(file);
    }
    pthread_mutex_unlock(&mutex);
}

void
fatal_signal_remove_file_to_unlink(const char *file)
{
    size_t idx;

    pthread_mutex_lock(&mutex);
    idx = find_file(file);
    if (idx != SIZE_MAX) {
        forget_file(idx);
    }
    if (!n_files) {
        clear_files(NULL);      /* Releases the array: nothing to leak. */
    }
    pthread_mutex_unlock(&mutex);
}

int
fatal_signal_unlink_file_now(const char *file)
{
    int error = 0;

    if (unlink(file) && errno != ENOENT) {
        error = errno;
        VLOG_WARN("could not unlink \"%s\" (%s)", file, ovs_strerror(error));
    }
    fatal_signal_remove_file_to_unlink(file);
    return error;
}

void
fatal_signal_fork(void)
{
    size_t i;

    fatal_signal_init();

    pthread_mutex_lock(&mutex);
    for (i = 0; i < n_hooks; i++) {
        if (hooks[i].cancel_cb) {
            hooks[i].cancel_cb(hooks[i].aux);
        }
    }
    free(hooks);
    hooks = NULL;
    n_hooks = allocated_hooks = 0;
    files_hook_added = false;

    /* The pipe is shared with the parent; a signal to one of us must not
     * wake the other. */
    close(signal_fds[0]);
    close(signal_fds[1]);
    open_signal_pipe();
    pthread_mutex_unlock(&mutex);

    if (stored_sig_nr) {
        fatal_signal_run();
    }
}
