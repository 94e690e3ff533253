/* Helpers for command-line programs: getopt_long() tables turned into
 * short-option strings, and dispatch of "PROGRAM [OPTIONS] COMMAND
 * [ARG...]" style subcommands through a table of struct ovs_cmdl_command.
 *
 * Errors in the command line (unknown command, wrong number of arguments)
 * are reported with ovs_fatal(), i.e. "PROGRAM: message" and exit
 * status 1. */

#ifndef COMMAND_LINE_H_INCLUDED
#define COMMAND_LINE_H_INCLUDED 1

#include <stdbool.h>
#include "openvswitch/compiler.h"

struct option;

/* What a subcommand's handler receives: the command's name in argv[0],
 * then its arguments, and a pointer the program passes through. */
struct ovs_cmdl_context {
    int argc;
    char **argv;
    void *pvt;
};

typedef void (*ovs_cmdl_handler)(struct ovs_cmdl_context *);

/* Whether a command only reads (and so may run in a read-only mode). */
enum ovs_cmdl_mode {
    OVS_RO,
    OVS_RW
};

struct ovs_cmdl_command {
    const char *name;           /* Command name, e.g. "add-flow". */
    const char *usage;          /* Argument synopsis, e.g. "SWITCH FLOW". */
    int min_args;               /* Minimum number of arguments. */
    int max_args;               /* Maximum number of arguments; INT_MAX
                                 * means unlimited. */
    ovs_cmdl_handler handler;   /* Runs the command. */
    enum ovs_cmdl_mode mode;
};

/* Returns a getopt() short-option string ("ab:c::") for the single-letter
 * options in OPTIONS (a table terminated by an all-zero entry).  The
 * caller frees the result. */
char *ovs_cmdl_long_options_to_short_options(const struct option *options);

/* Prints each option in OPTIONS, one per line ("--name", "--name=ARG",
 * "--name[=ARG]", and "-c" forms), for shell completion scripts. */
void ovs_cmdl_print_options(const struct option *options);

/* Prints "The available commands are:" and a line per command of COMMANDS
 * (terminated by an entry whose name is NULL). */
void ovs_cmdl_print_commands(const struct ovs_cmdl_command *commands);

/* Runs the command named CTX->argv[0] from COMMANDS with CTX, after
 * checking the number of arguments.  Exits via ovs_fatal() if argc is 0,
 * the command is unknown or the argument count is wrong. */
void ovs_cmdl_run_command(struct ovs_cmdl_context *,
                          const struct ovs_cmdl_command *commands);
/* The same, but refuses (with ovs_fatal()) commands whose mode is
 * OVS_RW. */
void ovs_cmdl_run_command_read_only(struct ovs_cmdl_context *,
                                    const struct ovs_cmdl_command *);

/* Process-title support is not implemented; these do nothing and exist so
 * that daemons can call them unconditionally. */
void ovs_cmdl_proctitle_init(int argc, char **argv);
void ovs_cmdl_proctitle_set(const char *, ...) OVS_PRINTF_FORMAT(1, 2);
void ovs_cmdl_proctitle_restore(void);

#endif /* command-line.h */
