/* Command-line helpers shared by the utilities.
 *
 * Most utilities take "PROGRAM [OPTIONS] COMMAND [ARG...]".  Options are
 * parsed with getopt_long(), for which the short-option string is derived
 * from the long-option table so the two cannot drift apart.  The command
 * is then looked up in a table of struct ovs_cmdl_command, which also
 * gives the permitted number of arguments, so that every utility reports
 * a bad command line with the same wording. */

#include <config.h>
#include "command-line.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"

char *
ovs_cmdl_long_options_to_short_options(const struct option *options)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    for (; options->name; options++) {
        const struct option *o = options;

        /* Only options without a flag and with a single-byte value have a
         * short form. */
        if (!o->flag && o->val > 0 && o->val <= UCHAR_MAX) {
            ds_put_char(&s, o->val);
            if (o->has_arg == required_argument) {
                ds_put_char(&s, ':');
            } else if (o->has_arg == optional_argument) {
                ds_put_cstr(&s, "::");
            }
        }
    }
    return ds_steal_cstr(&s);
}

void
ovs_cmdl_print_options(const struct option *options)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    for (; options->name; options++) {
        const struct option *o = options;
        const char *arg = (o->has_arg == required_argument ? "=ARG"
                           : o->has_arg == optional_argument ? "[=ARG]"
                           : "");

        ds_put_format(&s, "--%s%s\n", o->name, arg);
        if (!o->flag && o->val > 0 && o->val <= UCHAR_MAX) {
            ds_put_format(&s, "-%c%s\n", o->val,
                          o->has_arg == required_argument ? " ARG"
                          : o->has_arg == optional_argument ? " [ARG]"
                          : "");
        }
    }
    fputs(ds_cstr(&s), stdout);
    ds_destroy(&s);
}

void
ovs_cmdl_print_commands(const struct ovs_cmdl_command *commands)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ds_put_cstr(&s, "The available commands are:\n");
    for (; commands->name; commands++) {
        ds_put_format(&s, "  %-23s %s\n", commands->name,
                      commands->usage ? commands->usage : "");
    }
    fputs(ds_cstr(&s), stdout);
    ds_destroy(&s);
}

/* Shared by the two run functions. */
static void
run_command__(struct ovs_cmdl_context *ctx,
              const struct ovs_cmdl_command *commands, bool read_only)
{
    const struct ovs_cmdl_command *c;
    int n_args;

    if (ctx->argc < 1) {
        ovs_fatal(0, "missing command name; use --help for help");
    }
    for (c = commands; c->name; c++) {
        if (!strcmp(c->name, ctx->argv[0])) {
            break;
        }
    }
    if (!c->name) {
        ovs_fatal(0, "unknown command '%s'; use --help for help",
                  ctx->argv[0]);
    }

    /* The wording is always plural ("1 arguments"), as in Open vSwitch,
     * because scripts and tests match these messages. */
    n_args = ctx->argc - 1;
    if (n_args < c->min_args) {
        ovs_fatal(0, "'%s' command requires at least %d arguments",
                  c->name, c->min_args);
    } else if (n_args > c->max_args) {
        ovs_fatal(0, "'%s' command takes at most %d arguments",
                  c->name, c->max_args);
    }
    if (read_only && c->mode == OVS_RW) {
        ovs_fatal(0, "'%s' command does not work in read only mode",
                  c->name);
    }
    c->handler(ctx);
}

void
ovs_cmdl_run_command(struct ovs_cmdl_context *ctx,
                     const struct ovs_cmdl_command *commands)
{
    run_command__(ctx, commands, false);
}

void
ovs_cmdl_run_command_read_only(struct ovs_cmdl_context *ctx,
                               const struct ovs_cmdl_command *commands)
{
    run_command__(ctx, commands, true);
}

void
ovs_cmdl_proctitle_init(int argc OVS_UNUSED, char **argv OVS_UNUSED)
{
}

void
ovs_cmdl_proctitle_set(const char *format OVS_UNUSED, ...)
{
}

void
ovs_cmdl_proctitle_restore(void)
{
}
