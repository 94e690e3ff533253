/* Unit tests for lib/command-line.c.
 *
 * "ovstest test-command-line [--read-only] COMMAND [ARG...]" dispatches
 * COMMAND from a small table, so that the autotest cases can check the
 * messages for unknown commands and wrong argument counts.  The special
 * commands "short-options", "print-options" and "print-commands" show the
 * table-derived helpers' output. */

#include <config.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command-line.h"
#include "openvswitch/util.h"
#include "ovstest.h"

static void
echo_args(struct ovs_cmdl_context *ctx)
{
    printf("%s:", ctx->argv[0]);
    for (int i = 1; i < ctx->argc; i++) {
        printf(" %s", ctx->argv[i]);
    }
    printf(" (pvt=%s)\n", (const char *) ctx->pvt);
}

static const struct option long_options[] = {
    {"verbose", optional_argument, NULL, 'v'},
    {"timeout", required_argument, NULL, 't'},
    {"help", no_argument, NULL, 'h'},
    {"strict", no_argument, NULL, 256},
    {"name", required_argument, NULL, 257},
    {NULL, 0, NULL, 0},
};

static void
short_options(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    char *s = ovs_cmdl_long_options_to_short_options(long_options);

    printf("short options: \"%s\"\n", s);
    free(s);
}

static void
print_options(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    ovs_cmdl_print_options(long_options);
}

static void print_commands(struct ovs_cmdl_context *);

static const struct ovs_cmdl_command commands[] = {
    { "none", "", 0, 0, echo_args, OVS_RO },
    { "one", "ARG", 1, 1, echo_args, OVS_RO },
    { "two-to-three", "A B [C]", 2, 3, echo_args, OVS_RW },
    { "many", "[ARG...]", 0, INT_MAX, echo_args, OVS_RW },
    { "short-options", NULL, 0, 0, short_options, OVS_RO },
    { "print-options", NULL, 0, 0, print_options, OVS_RO },
    { "print-commands", NULL, 0, 0, print_commands, OVS_RO },
    { NULL, NULL, 0, 0, NULL, OVS_RO },
};

static void
print_commands(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    ovs_cmdl_print_commands(commands);
}

static void
test_command_line_main(int argc, char *argv[])
{
    struct ovs_cmdl_context ctx;
    bool read_only = false;

    set_program_name(argv[0]);
    argc--;
    argv++;
    if (argc > 0 && !strcmp(argv[0], "--read-only")) {
        read_only = true;
        argc--;
        argv++;
    }

    ctx.argc = argc;
    ctx.argv = argv;
    ctx.pvt = "private";
    if (read_only) {
        ovs_cmdl_run_command_read_only(&ctx, commands);
    } else {
        ovs_cmdl_run_command(&ctx, commands);
    }
}

OVSTEST_REGISTER("test-command-line", test_command_line_main);
