/* Datapath control commands: the "dpctl/" unixctl commands.
 *
 * Each command is a function that takes its arguments already split and
 * appends its output to a string; dpctl_run() picks the function by name,
 * and the unixctl handler only turns the result into a reply.  Tests call
 * dpctl_run() directly.  Arguments are interpreted the way Open vSwitch's
 * dpctl does: options ("-m", "-s") anywhere, "zone=N" where a zone may be
 * given, and an optional datapath name as the first other argument. */

#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <stdlib.h>
#include <ctype.h>

#include "dpctl.h"
#include "conntrack.h"
#include "dpif.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "timeval.h"
#include "unixctl.h"
#include "util.h"

/* Arguments common to the conntrack commands, after parsing. */
struct dpctl_args {
    struct dpif *dpif;          /* The datapath. */
    bool has_zone;              /* "zone=N" given? */
    uint16_t zone;
    bool more;                  /* -m, --more. */
    bool stats;                 /* -s, --statistics. */
    const char *rest[16];       /* Other arguments, in order. */
    size_t n_rest;
};

static char *
dpctl_error(const char *msg, int error)
{
    return xasprintf("%s (%s)", msg, ovs_strerror(error));
}

/* Parses "zone=N" in 's' into '*zone'.  Returns false if 's' is not
 * that. */
static bool
parse_zone(const char *s, uint16_t *zone)
{
    unsigned long v;
    char *end;

    if (strncmp(s, "zone=", 5) || !s[5]) {
        return false;
    }
    v = strtoul(s + 5, &end, 0);
    if (*end || v > UINT16_MAX) {
        return false;
    }
    *zone = v;
    return true;
}

/* Splits 'argv' into options, a zone, the datapath and at most
 * 'max_rest' other arguments, and finds the datapath.  Among the arguments
 * that are neither options nor the zone, the first is the datapath's name
 * if there is one more of them than 'max_rest', or if it names an open
 * datapath and could not be another argument. */
static char *
parse_args(int argc, const char *argv[], size_t max_rest,
           struct dpctl_args *args)
{
    const char *pos[17];
    const char *dp_name = NULL;
    size_t n_pos = 0, i;
    int k;

    memset(args, 0, sizeof *args);
    for (k = 1; k < argc; k++) {
        const char *arg = argv[k];

        if (!strcmp(arg, "-m") || !strcmp(arg, "--more")) {
            args->more = true;
        } else if (!strcmp(arg, "-s") || !strcmp(arg, "--statistics")) {
            args->stats = true;
        } else if (arg[0] == '-' && arg[1]) {
            return xasprintf("invalid option `%s' (%s)", arg,
                             ovs_strerror(EINVAL));
        } else if (!args->has_zone && parse_zone(arg, &args->zone)) {
            args->has_zone = true;
        } else if (n_pos < ARRAY_SIZE(pos)) {
            pos[n_pos++] = arg;
        } else {
            return dpctl_error("too many arguments", EINVAL);
        }
    }

    i = 0;
    if (n_pos > max_rest
        || (n_pos && dpif_find(pos[0]) && !strchr(pos[0], '=')
            && strcmp(pos[0], "verbose"))) {
        dp_name = pos[i++];
    }
    if (n_pos - i > max_rest) {
        return dpctl_error("invalid argument", EINVAL);
    }
    for (; i < n_pos; i++) {
        args->rest[args->n_rest++] = pos[i];
    }
    args->dpif = dpif_find(dp_name);
    if (!args->dpif) {
        return dpctl_error("datapath not found", EINVAL);
    }
    return NULL;
}

static char *
cmd_dump_dps(int argc OVS_UNUSED, const char *argv[] OVS_UNUSED,
             struct ds *out)
{
    dpif_names(out);
    return NULL;
}

static char *
cmd_dump_conntrack(int argc, const char *argv[], struct ds *out)
{
    struct conntrack_dump *dump;
    struct conntrack_entry e;
    struct dpctl_args args;
    char *error;

    error = parse_args(argc, argv, 0, &args);
    if (error) {
        return error;
    }
    dump = conntrack_dump_start(dpif_conntrack(args.dpif),
                                args.has_zone ? &args.zone : NULL,
                                time_msec());
    while (conntrack_dump_next(dump, &e)) {
        conntrack_format_entry(out, &e, args.more, args.stats);
        ds_put_char(out, '\n');
    }
    conntrack_dump_done(dump);
    return NULL;
}

static char *
cmd_flush_conntrack(int argc, const char *argv[], struct ds *out OVS_UNUSED)
{
    struct conntrack_tuple_match orig, reply;
    struct dpctl_args args;
    struct conntrack *ct;
    uint16_t zone;
    char *error;

    error = parse_args(argc, argv, 2, &args);
    if (error) {
        return error;
    }
    ct = dpif_conntrack(args.dpif);
    if (!args.n_rest) {
        conntrack_flush(ct, args.has_zone ? &args.zone : NULL);
        return NULL;
    }

    error = conntrack_tuple_parse(args.rest[0], &orig);
    if (!error && args.n_rest > 1) {
        error = conntrack_tuple_parse(args.rest[1], &reply);
    }
    if (error) {
        char *e = dpctl_error(error, EINVAL);

        free(error);
        return e;
    }
    /* With a tuple, a missing zone means zone 0, as in Open vSwitch. */
    zone = args.has_zone ? args.zone : 0;
    conntrack_flush_matching(ct, &zone, &orig,
                             args.n_rest > 1 ? &reply : NULL);
    return NULL;
}

static char *
cmd_ct_stats_show(int argc, const char *argv[], struct ds *out)
{
    struct dpctl_args args;
    bool verbose = false;
    char *error;

    error = parse_args(argc, argv, 1, &args);
    if (error) {
        return error;
    }
    if (args.n_rest) {
        if (strcmp(args.rest[0], "verbose")) {
            return dpctl_error("invalid argument", EINVAL);
        }
        verbose = true;
    }
    conntrack_format_stats(out, dpif_conntrack(args.dpif),
                           args.has_zone ? &args.zone : NULL,
                           verbose || args.more, time_msec());
    return NULL;
}

static char *
cmd_ct_set_maxconns(int argc, const char *argv[], struct ds *out)
{
    struct dpctl_args args;
    unsigned long long v;
    char *error, *end;

    error = parse_args(argc, argv, 1, &args);
    if (error) {
        return error;
    }
    if (args.n_rest != 1 || args.has_zone) {
        return dpctl_error("maxconns missing or malformed", EINVAL);
    }
    errno = 0;
    v = strtoull(args.rest[0], &end, 10);
    if (errno || *end || !*args.rest[0] || v > UINT32_MAX) {
        return dpctl_error("maxconns missing or malformed", EINVAL);
    }
    conntrack_set_maxconns(dpif_conntrack(args.dpif), v);
    ds_put_cstr(out, "setting maxconns successful\n");
    return NULL;
}

static char *
cmd_ct_get_maxconns(int argc, const char *argv[], struct ds *out)
{
    struct dpctl_args args;
    char *error = parse_args(argc, argv, 0, &args);

    if (!error) {
        ds_put_format(out, "%"PRIu32"\n",
                      conntrack_get_maxconns(dpif_conntrack(args.dpif)));
    }
    return error;
}

static char *
cmd_ct_get_nconns(int argc, const char *argv[], struct ds *out)
{
    struct dpctl_args args;
    char *error = parse_args(argc, argv, 0, &args);

    if (!error) {
        ds_put_format(out, "%"PRIu32"\n",
                      conntrack_get_nconns(dpif_conntrack(args.dpif)));
    }
    return error;
}

/* Parses "zone=N1[,N2]..." in 's' into 'zones' (room for 'max'), storing
 * how many in '*n'.  Returns false if 's' is not that. */
static bool
parse_zone_list(const char *s, uint16_t *zones, size_t max, size_t *n)
{
    const char *p;

    *n = 0;
    if (strncmp(s, "zone=", 5)) {
        return false;
    }
    for (p = s + 5; ; p++) {
        unsigned long v;
        char *end;

        if (!isdigit((unsigned char) *p) || *n >= max) {
            return false;
        }
        v = strtoul(p, &end, 10);
        if (v > UINT16_MAX || (*end && *end != ',')) {
            return false;
        }
        zones[(*n)++] = v;
        p = end;
        if (!*p) {
            return true;
        }
    }
}

/* The zones named by 'args' ("zone=N" parsed already, or a list left in
 * 'rest'): fills 'zones' and '*n', or returns an error. */
static char *
args_zone_list(const struct dpctl_args *args, uint16_t *zones, size_t max,
               size_t *n)
{
    *n = 0;
    if (args->has_zone) {
        zones[(*n)++] = args->zone;
    }
    if (args->n_rest > 1 || (args->n_rest && args->has_zone)
        || (args->n_rest
            && !parse_zone_list(args->rest[0], zones, max, n))) {
        return dpctl_error("invalid zone", EINVAL);
    }
    return NULL;
}

static char *
cmd_ct_set_limits(int argc, const char *argv[], struct ds *out OVS_UNUSED)
{
    struct dpctl_args args;
    struct conntrack *ct;
    size_t i;
    char *error;

    error = parse_args(argc, argv, ARRAY_SIZE(args.rest), &args);
    if (error) {
        return error;
    }
    if (args.has_zone) {
        return dpctl_error("failed to parse zone limit", EINVAL);
    }
    ct = dpif_conntrack(args.dpif);

    /* Check everything before changing anything. */
    for (i = 0; i < args.n_rest; i++) {
        unsigned int zone, limit;
        int n = 0;

        if (!strncmp(args.rest[i], "default=", 8)) {
            if (!ovs_scan(args.rest[i], "default=%u%n", &limit, &n)
                || args.rest[i][n]) {
                return dpctl_error("invalid default limit", EINVAL);
            }
        } else if (!ovs_scan(args.rest[i], "zone=%u,limit=%u%n",
                             &zone, &limit, &n)
                   || args.rest[i][n] || zone > UINT16_MAX) {
            return dpctl_error("failed to parse zone limit", EINVAL);
        }
    }
    for (i = 0; i < args.n_rest; i++) {
        unsigned int zone, limit;

        if (ovs_scan(args.rest[i], "default=%u", &limit)) {
            conntrack_set_default_zone_limit(ct, limit);
        } else if (ovs_scan(args.rest[i], "zone=%u,limit=%u",
                            &zone, &limit)) {
            conntrack_set_zone_limit(ct, zone, limit);
        }
    }
    return NULL;
}

static char *
cmd_ct_get_limits(int argc, const char *argv[], struct ds *out)
{
    uint16_t zones[256];
    struct dpctl_args args;
    size_t n;
    char *error;

    error = parse_args(argc, argv, 1, &args);
    if (!error) {
        error = args_zone_list(&args, zones, ARRAY_SIZE(zones), &n);
    }
    if (!error) {
        conntrack_format_zone_limits(out, dpif_conntrack(args.dpif),
                                     zones, n);
        ds_put_char(out, '\n');
    }
    return error;
}

static char *
cmd_ct_del_limits(int argc, const char *argv[], struct ds *out OVS_UNUSED)
{
    uint16_t zones[256];
    struct dpctl_args args;
    size_t i, n;
    char *error;

    error = parse_args(argc, argv, 1, &args);
    if (!error) {
        error = args_zone_list(&args, zones, ARRAY_SIZE(zones), &n);
    }
    if (!error && !n) {
        error = dpctl_error("invalid zone", EINVAL);
    }
    if (!error) {
        for (i = 0; i < n; i++) {
            conntrack_del_zone_limit(dpif_conntrack(args.dpif), zones[i]);
        }
    }
    return error;
}

static char *
set_tcp_seq_chk(int argc, const char *argv[], struct ds *out, bool enable)
{
    struct dpctl_args args;
    char *error = parse_args(argc, argv, 0, &args);

    if (!error) {
        conntrack_set_tcp_seq_chk(dpif_conntrack(args.dpif), enable);
        ds_put_format(out, "%s TCP sequence checking successful\n",
                      enable ? "enabling" : "disabling");
    }
    return error;
}

static char *
cmd_ct_enable_tcp_seq_chk(int argc, const char *argv[], struct ds *out)
{
    return set_tcp_seq_chk(argc, argv, out, true);
}

static char *
cmd_ct_disable_tcp_seq_chk(int argc, const char *argv[], struct ds *out)
{
    return set_tcp_seq_chk(argc, argv, out, false);
}

static char *
cmd_ct_get_tcp_seq_chk(int argc, const char *argv[], struct ds *out)
{
    struct dpctl_args args;
    char *error = parse_args(argc, argv, 0, &args);

    if (!error) {
        ds_put_format(out, "TCP sequence checking: %s\n",
                      conntrack_get_tcp_seq_chk(dpif_conntrack(args.dpif))
                      ? "enabled" : "disabled");
    }
    return error;
}

struct dpctl_command {
    const char *name;
    const char *usage;
    int min_args, max_args;
    char *(*run)(int argc, const char *argv[], struct ds *);
};

static const struct dpctl_command commands[] = {
    { "dump-dps", "", 0, 0, cmd_dump_dps },
    { "dump-conntrack", "[-m] [-s] [dp] [zone=N]", 0, 4,
      cmd_dump_conntrack },
    { "flush-conntrack", "[dp] [zone=N] [ct-orig-tuple [ct-reply-tuple]]",
      0, 4, cmd_flush_conntrack },
    { "ct-stats-show", "[dp] [zone=N] [verbose]", 0, 4, cmd_ct_stats_show },
    { "ct-set-maxconns", "[dp] maxconns", 1, 2, cmd_ct_set_maxconns },
    { "ct-get-maxconns", "[dp]", 0, 1, cmd_ct_get_maxconns },
    { "ct-get-nconns", "[dp]", 0, 1, cmd_ct_get_nconns },
    { "ct-set-limits", "[dp] [default=L] [zone=N,limit=L]...", 1, 16,
      cmd_ct_set_limits },
    { "ct-get-limits", "[dp] [zone=N1[,N2]...]", 0, 2, cmd_ct_get_limits },
    { "ct-del-limits", "[dp] zone=N1[,N2]...", 1, 2, cmd_ct_del_limits },
    { "ct-enable-tcp-seq-chk", "[dp]", 0, 1, cmd_ct_enable_tcp_seq_chk },
    { "ct-disable-tcp-seq-chk", "[dp]", 0, 1, cmd_ct_disable_tcp_seq_chk },
    { "ct-get-tcp-seq-chk", "[dp]", 0, 1, cmd_ct_get_tcp_seq_chk },
};

char *
dpctl_run(int argc, const char *argv[], struct ds *out)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(commands); i++) {
        if (!strcmp(argv[0], commands[i].name)) {
            if (argc - 1 > commands[i].max_args) {
                return dpctl_error("too many arguments", EINVAL);
            }
            return commands[i].run(argc, argv, out);
        }
    }
    return xasprintf("%s: unknown command", argv[0]);
}

static void
dpctl_unixctl(struct unixctl_conn *conn, int argc, const char *argv[],
              void *aux)
{
    const struct dpctl_command *command = aux;
    struct ds out = DS_EMPTY_INITIALIZER;
    const char **args = xmemdup(argv, argc * sizeof *argv);
    char *error;

    args[0] = command->name;
    error = dpctl_run(argc, args, &out);
    if (error) {
        char *msg = xasprintf("%s: %s\n", program_name, error);

        unixctl_command_reply_error(conn, msg);
        free(msg);
        free(error);
    } else {
        unixctl_command_reply(conn, ds_cstr(&out));
    }
    free(args);
    ds_destroy(&out);
}

void
dpctl_init(void)
{
    static bool registered;
    size_t i;

    if (registered) {
        return;
    }
    registered = true;
    for (i = 0; i < ARRAY_SIZE(commands); i++) {
        char *name = xasprintf("dpctl/%s", commands[i].name);

        unixctl_command_register(name, commands[i].usage,
                                 commands[i].min_args, commands[i].max_args,
                                 dpctl_unixctl,
                                 CONST_CAST(struct dpctl_command *,
                                            &commands[i]));
        free(name);
    }
}
