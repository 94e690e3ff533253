/* test-fatal-signal: checks that fatal signals and normal exit clean up.
 *
 *   ovstest test-fatal-signal wait FILE...
 *       Creates each FILE, registers it for removal, registers a hook that
 *       prints "hook ran", writes its process id to "fatal-signal.pid"
 *       (not registered), prints "ready" and runs an idle main loop until
 *       a fatal signal kills it.
 *
 *   ovstest test-fatal-signal exit FILE...
 *       The same, but exits normally at once: files registered for
 *       removal go, hooks not meant for exit time do not run.
 *
 *   ovstest test-fatal-signal keep KEPT REMOVED
 *       Registers both files, then unregisters KEPT and removes REMOVED
 *       at once with fatal_signal_unlink_file_now(); then waits for a
 *       signal like "wait".
 *
 *   ovstest test-fatal-signal fork PARENT_FILE CHILD_FILE
 *       Registers PARENT_FILE, forks; the child calls fatal_signal_fork(),
 *       registers CHILD_FILE and dies of SIGTERM; the parent reports how
 *       the child died and which files still exist. */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fatal-signal.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "ovstest.h"

static void
create_file(const char *file)
{
    int fd = open(file, O_CREAT | O_WRONLY | O_TRUNC, 0600);

    if (fd < 0) {
        printf("%s: create failed (%s)\n", file, ovs_strerror(errno));
        exit(EXIT_FAILURE);
    }
    close(fd);
}

static void
print_hook(void *aux)
{
    printf("%s ran\n", (const char *) aux);
    fflush(stdout);
}

static void OVS_NO_RETURN
wait_for_signal(void)
{
    FILE *f = fopen("fatal-signal.pid.tmp", "w");

    if (!f || fprintf(f, "%ld\n", (long int) getpid()) < 0 || fclose(f)
        || rename("fatal-signal.pid.tmp", "fatal-signal.pid")) {
        printf("could not write fatal-signal.pid\n");
        exit(EXIT_FAILURE);
    }
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        poll_block();           /* Only the fatal-signal pipe is waited on. */
    }
}

static void
register_files(int argc, char *argv[])
{
    int i;

    for (i = 0; i < argc; i++) {
        create_file(argv[i]);
        fatal_signal_add_file_to_unlink(argv[i]);
    }
}

static void
do_fork(const char *parent_file, const char *child_file)
{
    int status;
    pid_t pid;

    create_file(parent_file);
    fatal_signal_add_file_to_unlink(parent_file);
    fatal_signal_add_hook(print_hook, NULL, "parent hook", true);

    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        printf("fork failed (%s)\n", ovs_strerror(errno));
        exit(EXIT_FAILURE);
    } else if (!pid) {
        fatal_signal_fork();
        create_file(child_file);
        fatal_signal_add_file_to_unlink(child_file);
        raise(SIGTERM);
        for (;;) {
            poll_block();
        }
    }

    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            printf("waitpid failed (%s)\n", ovs_strerror(errno));
            exit(EXIT_FAILURE);
        }
    }
    if (WIFSIGNALED(status)) {
        printf("child died of signal %d\n", WTERMSIG(status));
    } else {
        printf("child exited with status %d\n", WEXITSTATUS(status));
    }
    printf("%s %s\n", parent_file,
           access(parent_file, F_OK) ? "removed" : "exists");
    printf("%s %s\n", child_file,
           access(child_file, F_OK) ? "removed" : "exists");
    fflush(stdout);

    /* Normal exit: the parent's own file goes and its hook runs. */
}

static void
test_fatal_signal_main(int argc, char *argv[])
{
    const char *cmd = argc > 1 ? argv[1] : "";

    if (!strcmp(cmd, "wait") && argc > 2) {
        /* A shell starts background jobs with SIGINT ignored, and
         * fatal-signal rightly leaves ignored signals alone; the tests
         * want to see SIGINT handled, so take it back first. */
        signal(SIGINT, SIG_DFL);
        register_files(argc - 2, argv + 2);
        fatal_signal_add_hook(print_hook, NULL, "hook", false);
        wait_for_signal();
    } else if (!strcmp(cmd, "exit") && argc > 2) {
        register_files(argc - 2, argv + 2);
        fatal_signal_add_hook(print_hook, NULL, "signal-only hook", false);
        fatal_signal_add_hook(print_hook, NULL, "exit hook", true);
        printf("exiting\n");
        fflush(stdout);
        exit(EXIT_SUCCESS);
    } else if (!strcmp(cmd, "keep") && argc == 4) {
        register_files(2, argv + 2);
        fatal_signal_remove_file_to_unlink(argv[2]);
        if (fatal_signal_unlink_file_now(argv[3])) {
            printf("%s: unlink failed\n", argv[3]);
            exit(EXIT_FAILURE);
        }
        printf("%s %s\n", argv[3],
               access(argv[3], F_OK) ? "removed" : "exists");
        wait_for_signal();
    } else if (!strcmp(cmd, "fork") && argc == 4) {
        do_fork(argv[2], argv[3]);
    } else {
        printf("bad command or argument count\n");
        exit(EXIT_FAILURE);
    }
}

OVSTEST_REGISTER("test-fatal-signal", test_fatal_signal_main);
