/* ovs-vsctl: edits the Open vSwitch configuration database.
 *
 * One invocation runs a chain of commands, separated by "--", as a single
 * OVSDB transaction: either all of them take effect or none does.  The
 * generic database commands (list, get, set, create, ...) come from
 * lib/db-ctl-base.c; this file adds the commands that know the shape of
 * the Open_vSwitch schema (a bridge is a Bridge row listed in the
 * Open_vSwitch row, with Port rows that hold Interface rows), the
 * program's options, and the main loop:
 *
 *   1. connect and wait for the IDL to replicate the database;
 *   2. run every command against the replica, building the transaction;
 *   3. commit; if the server reports that something the commands relied on
 *      changed meanwhile (TXN_TRY_AGAIN), wait for the replica to catch up
 *      and start again at 2;
 *   4. print the commands' output;
 *   5. unless --no-wait, wait until ovs-vswitchd reports (through cur_cfg)
 *      that it has applied the new configuration (next_cfg). */

#include <config.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db-ctl-base.h"
#include "dirs.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/shash.h"
#include "openvswitch/sset.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "ovsdb-data.h"
#include "ovsdb-idl.h"
#include "vswitch-idl.h"

VLOG_DEFINE_THIS_MODULE(vsctl);

/* Options. */
static char *db;                        /* --db. */
static bool wait_for_reload = true;     /* !--no-wait. */
static bool dry_run;                    /* --dry-run. */
static bool oneline;                    /* --oneline. */
static bool retry;                      /* --retry. */
static int timeout;                     /* --timeout, in seconds. */
static struct ctl_table_style table_style = CTL_TABLE_STYLE_DEFAULT;

/* State kept for the exit path, so that ctl_fatal() can clean up. */
static struct ovsdb_idl *the_idl;
static struct ovsdb_idl_txn *the_txn;

static void vsctl_cleanup(void);
static void usage(void) OVS_NO_RETURN;

/* ------------------------------------------------------------------ */
/* How records are named on the command line. */

static const struct ctl_table_class vsctl_tables[] = {
    { &ovsrec_table_open_vswitch, {{ &ovsrec_table_open_vswitch, NULL,
                                     NULL }}},
    { &ovsrec_table_bridge, {{ &ovsrec_table_bridge,
                               &ovsrec_bridge_col_name, NULL }}},
    { &ovsrec_table_port, {{ &ovsrec_table_port,
                             &ovsrec_port_col_name, NULL }}},
    { &ovsrec_table_interface, {{ &ovsrec_table_interface,
                                  &ovsrec_interface_col_name, NULL }}},
    { &ovsrec_table_controller, {{ &ovsrec_table_bridge,
                                   &ovsrec_bridge_col_name,
                                   &ovsrec_bridge_col_controller }}},
    { &ovsrec_table_mirror, {{ &ovsrec_table_mirror,
                               &ovsrec_mirror_col_name, NULL }}},
    { &ovsrec_table_manager, {{ &ovsrec_table_manager,
                                &ovsrec_manager_col_target, NULL }}},
    { &ovsrec_table_ssl, {{ &ovsrec_table_open_vswitch, NULL,
                            &ovsrec_open_vswitch_col_ssl }}},
    { NULL, {{ NULL, NULL, NULL }}},
};

/* ------------------------------------------------------------------ */
/* Looking up bridges, ports and interfaces. */

struct vsctl_context {
    const struct ovsrec_open_vswitch *ovs;
};

static const struct ovsrec_open_vswitch *
get_ovs(const struct ctl_context *ctx)
{
    return ((const struct vsctl_context *) ctx->pvt)->ovs;
}

static const struct ovsrec_bridge *
find_bridge(const struct ctl_context *ctx, const char *name, bool must_exist)
{
    const struct ovsrec_open_vswitch *ovs = get_ovs(ctx);
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        if (!strcmp(ovs->bridges[i]->name, name)) {
            return ovs->bridges[i];
        }
    }
    if (must_exist) {
        ctl_fatal("no bridge named %s", name);
    }
    return NULL;
}

/* Finds the port named 'name' on any bridge, storing its bridge in
 * '*brp'. */
static const struct ovsrec_port *
find_port(const struct ctl_context *ctx, const char *name,
          const struct ovsrec_bridge **brp, bool must_exist)
{
    const struct ovsrec_open_vswitch *ovs = get_ovs(ctx);
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        const struct ovsrec_bridge *br = ovs->bridges[i];
        for (size_t j = 0; j < br->n_ports; j++) {
            if (!strcmp(br->ports[j]->name, name)) {
                *brp = br;
                return br->ports[j];
            }
        }
    }
    if (must_exist) {
        ctl_fatal("no port named %s", name);
    }
    *brp = NULL;
    return NULL;
}

static const struct ovsrec_interface *
find_iface(const struct ctl_context *ctx, const char *name,
           const struct ovsrec_port **portp,
           const struct ovsrec_bridge **brp, bool must_exist)
{
    const struct ovsrec_open_vswitch *ovs = get_ovs(ctx);
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        const struct ovsrec_bridge *br = ovs->bridges[i];
        for (size_t j = 0; j < br->n_ports; j++) {
            const struct ovsrec_port *port = br->ports[j];
            for (size_t k = 0; k < port->n_interfaces; k++) {
                if (!strcmp(port->interfaces[k]->name, name)) {
                    *portp = port;
                    *brp = br;
                    return port->interfaces[k];
                }
            }
        }
    }
    if (must_exist) {
        ctl_fatal("no interface named %s", name);
    }
    *portp = NULL;
    *brp = NULL;
    return NULL;
}

/* The bridge's "local" port is the one that has the bridge's name. */
static bool
is_local_port(const struct ovsrec_bridge *br, const struct ovsrec_port *p)
{
    return !strcmp(br->name, p->name);
}

/* Appends 'row' to a reference array, returning a new array that the
 * caller frees. */
static void *
array_append(void *const *array, size_t n, const void *row)
{
    const void **a = xmalloc((n + 1) * sizeof *a);
    memcpy(a, array, n * sizeof *a);
    a[n] = row;
    return a;
}

/* Returns a copy of a reference array without 'row'; '*np' is updated. */
static void *
array_remove(void *const *array, size_t *np, const void *row)
{
    const void **a = xmalloc((*np + 1) * sizeof *a);
    size_t n = 0;
    for (size_t i = 0; i < *np; i++) {
        if (array[i] != row) {
            a[n++] = array[i];
        }
    }
    *np = n;
    return a;
}

static void
ovs_add_bridge(const struct ovsrec_open_vswitch *ovs,
               const struct ovsrec_bridge *br)
{
    struct ovsrec_bridge **bridges = array_append(
        (void *const *) ovs->bridges, ovs->n_bridges, br);
    ovsrec_open_vswitch_verify_bridges(ovs);
    ovsrec_open_vswitch_set_bridges(ovs, bridges, ovs->n_bridges + 1);
    free(bridges);
}

static void
ovs_remove_bridge(const struct ovsrec_open_vswitch *ovs,
                  const struct ovsrec_bridge *br)
{
    size_t n = ovs->n_bridges;
    struct ovsrec_bridge **bridges = array_remove(
        (void *const *) ovs->bridges, &n, br);
    ovsrec_open_vswitch_verify_bridges(ovs);
    ovsrec_open_vswitch_set_bridges(ovs, bridges, n);
    free(bridges);
}

static void
bridge_add_port(const struct ovsrec_bridge *br,
                const struct ovsrec_port *port)
{
    struct ovsrec_port **ports = array_append((void *const *) br->ports,
                                              br->n_ports, port);
    ovsrec_bridge_verify_ports(br);
    ovsrec_bridge_set_ports(br, ports, br->n_ports + 1);
    free(ports);
}

static void
bridge_remove_port(const struct ovsrec_bridge *br,
                   const struct ovsrec_port *port)
{
    size_t n = br->n_ports;
    struct ovsrec_port **ports = array_remove((void *const *) br->ports, &n,
                                              port);
    ovsrec_bridge_verify_ports(br);
    ovsrec_bridge_set_ports(br, ports, n);
    free(ports);
}

static void
delete_port(const struct ovsrec_port *port)
{
    for (size_t i = 0; i < port->n_interfaces; i++) {
        ovsrec_interface_delete(port->interfaces[i]);
    }
    ovsrec_port_delete(port);
}

static void
print_sorted(struct ds *out, struct sset *names)
{
    const char **sorted = sset_sort(names);
    for (size_t i = 0; i < sset_count(names); i++) {
        ds_put_format(out, "%s\n", sorted[i]);
    }
    free(sorted);
    sset_destroy(names);
}

/* ------------------------------------------------------------------ */
/* Bridge commands. */

static void
cmd_init(struct ctl_context *ctx OVS_UNUSED)
{
}

static void
cmd_add_br(struct ctl_context *ctx)
{
    bool may_exist = shash_find(ctx->options, "--may-exist");
    const char *name = ctx->argv[1];
    const struct ovsrec_open_vswitch *ovs = get_ovs(ctx);

    if (ctx->argc != 2) {
        ctl_fatal("'add-br' with a parent bridge and VLAN (a \"fake "
                  "bridge\") is not supported");
    }
    if (find_bridge(ctx, name, false)) {
        if (may_exist) {
            return;
        }
        ctl_fatal("cannot create a bridge named %s because a bridge named "
                  "%s already exists", name, name);
    }

    const struct ovsrec_bridge *other;
    const struct ovsrec_port *p;
    if (find_port(ctx, name, &other, false)) {
        ctl_fatal("cannot create a bridge named %s because a port named %s "
                  "already exists on bridge %s", name, name, other->name);
    }
    if (find_iface(ctx, name, &p, &other, false)) {
        ctl_fatal("cannot create a bridge named %s because an interface "
                  "named %s already exists on bridge %s", name, name,
                  other->name);
    }

    struct ovsrec_interface *iface = ovsrec_interface_insert(ctx->txn);
    ovsrec_interface_set_name(iface, name);
    ovsrec_interface_set_type(iface, "internal");

    struct ovsrec_port *port = ovsrec_port_insert(ctx->txn);
    ovsrec_port_set_name(port, name);
    ovsrec_port_set_interfaces(port, &iface, 1);

    struct ovsrec_bridge *br = ovsrec_bridge_insert(ctx->txn);
    ovsrec_bridge_set_name(br, name);
    ovsrec_bridge_set_ports(br, &port, 1);

    ovs_add_bridge(ovs, br);
}

static void
cmd_del_br(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1],
                                                 !if_exists);
    if (!br) {
        return;
    }
    for (size_t i = 0; i < br->n_ports; i++) {
        delete_port(br->ports[i]);
    }
    ovs_remove_bridge(get_ovs(ctx), br);
    ovsrec_bridge_delete(br);
}

static void
cmd_list_br(struct ctl_context *ctx)
{
    const struct ovsrec_open_vswitch *ovs = get_ovs(ctx);
    struct sset names = SSET_INITIALIZER(&names);
    for (size_t i = 0; i < ovs->n_bridges; i++) {
        sset_add(&names, ovs->bridges[i]->name);
    }
    print_sorted(&ctx->output, &names);
}

static void
cmd_br_exists(struct ctl_context *ctx)
{
    if (!find_bridge(ctx, ctx->argv[1], false)) {
        ctl_exit(2);
    }
}

static void
cmd_br_to_vlan(struct ctl_context *ctx)
{
    find_bridge(ctx, ctx->argv[1], true);
    ds_put_cstr(&ctx->output, "0\n");
}

static void
cmd_br_to_parent(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    ds_put_format(&ctx->output, "%s\n", br->name);
}

static void
cmd_add_port(struct ctl_context *ctx)
{
    bool may_exist = shash_find(ctx->options, "--may-exist");
    const char *br_name = ctx->argv[1];
    const char *name = ctx->argv[2];

    const struct ovsrec_bridge *other;
    const struct ovsrec_port *old = find_port(ctx, name, &other, false);
    if (old && may_exist) {
        if (strcmp(other->name, br_name)) {
            ctl_fatal("\"--may-exist add-port %s %s\" but %s is actually "
                      "attached to bridge %s", br_name, name, name,
                      other->name);
        }
        return;
    }

    const struct ovsrec_bridge *br = find_bridge(ctx, br_name, true);
    if (old) {
        ctl_fatal("cannot create a port named %s because a port named %s "
                  "already exists on bridge %s", name, name, other->name);
    }
    if (find_bridge(ctx, name, false)) {
        ctl_fatal("cannot create a port named %s because a bridge named %s "
                  "already exists", name, name);
    }
    const struct ovsrec_port *p;
    if (find_iface(ctx, name, &p, &other, false)) {
        ctl_fatal("cannot create an interface named %s because an "
                  "interface named %s already exists on bridge %s",
                  name, name, other->name);
    }

    struct ovsrec_interface *iface = ovsrec_interface_insert(ctx->txn);
    ovsrec_interface_set_name(iface, name);

    struct ovsrec_port *port = ovsrec_port_insert(ctx->txn);
    ovsrec_port_set_name(port, name);
    ovsrec_port_set_interfaces(port, &iface, 1);
    for (int i = 3; i < ctx->argc; i++) {
        ctl_set_column(&ovsrec_table_port, &port->header_, ctx->argv[i],
                       ctx->symtab);
    }
    bridge_add_port(br, port);
}

static void
cmd_del_port(struct ctl_context *ctx)
{
    bool if_exists = shash_find(ctx->options, "--if-exists");
    bool with_iface = shash_find(ctx->options, "--with-iface");
    const char *target = ctx->argv[ctx->argc - 1];
    const struct ovsrec_bridge *br;
    const struct ovsrec_port *port = find_port(ctx, target, &br, false);

    if (!port && with_iface) {
        const struct ovsrec_interface *iface;
        iface = find_iface(ctx, target, &port, &br, false);
        if (iface && port->n_interfaces != 1) {
            ctl_fatal("cannot delete interface %s because it is part of "
                      "bonded port %s", target, port->name);
        }
    }
    if (!port) {
        if (if_exists) {
            return;
        }
        ctl_fatal(with_iface ? "no port or interface named %s"
                  : "no port named %s", target);
    }
    if (ctx->argc == 3) {
        const struct ovsrec_bridge *parent = find_bridge(ctx, ctx->argv[1],
                                                         true);
        if (parent != br) {
            ctl_fatal("bridge %s does not have a port %s", ctx->argv[1],
                      target);
        }
    }
    if (is_local_port(br, port)) {
        ctl_fatal("cannot delete port %s because it is the local port for "
                  "bridge %s (deleting this port requires deleting the "
                  "entire bridge)", port->name, br->name);
    }
    bridge_remove_port(br, port);
    delete_port(port);
}

static void
cmd_list_ports(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    struct sset names = SSET_INITIALIZER(&names);
    for (size_t i = 0; i < br->n_ports; i++) {
        if (!is_local_port(br, br->ports[i])) {
            sset_add(&names, br->ports[i]->name);
        }
    }
    print_sorted(&ctx->output, &names);
}

static void
cmd_list_ifaces(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    struct sset names = SSET_INITIALIZER(&names);
    for (size_t i = 0; i < br->n_ports; i++) {
        const struct ovsrec_port *port = br->ports[i];
        for (size_t j = 0; j < port->n_interfaces; j++) {
            if (strcmp(port->interfaces[j]->name, br->name)) {
                sset_add(&names, port->interfaces[j]->name);
            }
        }
    }
    print_sorted(&ctx->output, &names);
}

static void
cmd_port_to_br(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br;
    find_port(ctx, ctx->argv[1], &br, true);
    ds_put_format(&ctx->output, "%s\n", br->name);
}

static void
cmd_iface_to_br(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br;
    const struct ovsrec_port *port;
    find_iface(ctx, ctx->argv[1], &port, &br, true);
    ds_put_format(&ctx->output, "%s\n", br->name);
}

/* ------------------------------------------------------------------ */
/* Controllers and fail mode. */

static void
delete_controllers(const struct ovsrec_bridge *br)
{
    for (size_t i = 0; i < br->n_controller; i++) {
        ovsrec_controller_delete(br->controller[i]);
    }
}

static void
cmd_get_controller(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    struct sset targets = SSET_INITIALIZER(&targets);
    ovsrec_bridge_verify_controller(br);
    for (size_t i = 0; i < br->n_controller; i++) {
        sset_add(&targets, br->controller[i]->target);
    }
    print_sorted(&ctx->output, &targets);
}

static void
cmd_del_controller(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    ovsrec_bridge_verify_controller(br);
    delete_controllers(br);
    ovsrec_bridge_set_controller(br, NULL, 0);
}

static void
cmd_set_controller(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    size_t n = ctx->argc - 2;
    struct ovsrec_controller **controllers = xmalloc(n * sizeof
                                                     *controllers);

    ovsrec_bridge_verify_controller(br);
    delete_controllers(br);
    for (size_t i = 0; i < n; i++) {
        controllers[i] = ovsrec_controller_insert(ctx->txn);
        ovsrec_controller_set_target(controllers[i], ctx->argv[i + 2]);
    }
    ovsrec_bridge_set_controller(br, controllers, n);
    free(controllers);
}

static void
cmd_get_fail_mode(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    ovsrec_bridge_verify_fail_mode(br);
    if (br->fail_mode && br->fail_mode[0]) {
        ds_put_format(&ctx->output, "%s\n", br->fail_mode);
    }
}

static void
cmd_del_fail_mode(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    ovsrec_bridge_set_fail_mode(br, NULL);
}

static void
cmd_set_fail_mode(struct ctl_context *ctx)
{
    const struct ovsrec_bridge *br = find_bridge(ctx, ctx->argv[1], true);
    const char *mode = ctx->argv[2];
    if (strcmp(mode, "standalone") && strcmp(mode, "secure")) {
        ctl_fatal("fail-mode must be \"standalone\" or \"secure\"");
    }
    ovsrec_bridge_set_fail_mode(br, mode);
}

/* ------------------------------------------------------------------ */
/* show. */

/* What "show" prints for each kind of row: the column that names it and
 * the columns listed below it. */
struct show_table {
    const struct ovsdb_idl_table_class *table;
    const struct ovsdb_idl_column *name_column;
    const struct ovsdb_idl_column *columns[4];
};

static const struct show_table show_tables[] = {
    { &ovsrec_table_open_vswitch, NULL,
      { &ovsrec_open_vswitch_col_manager_options,
        &ovsrec_open_vswitch_col_bridges,
        &ovsrec_open_vswitch_col_ovs_version, NULL }},
    { &ovsrec_table_bridge, &ovsrec_bridge_col_name,
      { &ovsrec_bridge_col_controller, &ovsrec_bridge_col_fail_mode,
        &ovsrec_bridge_col_datapath_type, &ovsrec_bridge_col_ports }},
    { &ovsrec_table_port, &ovsrec_port_col_name,
      { &ovsrec_port_col_tag, &ovsrec_port_col_trunks,
        &ovsrec_port_col_interfaces, NULL }},
    { &ovsrec_table_interface, &ovsrec_interface_col_name,
      { &ovsrec_interface_col_type, &ovsrec_interface_col_options,
        &ovsrec_interface_col_error, &ovsrec_interface_col_bfd_status }},
    { &ovsrec_table_controller, &ovsrec_controller_col_target,
      { &ovsrec_controller_col_is_connected, NULL, NULL, NULL }},
    { &ovsrec_table_manager, &ovsrec_manager_col_target,
      { &ovsrec_manager_col_is_connected, NULL, NULL, NULL }},
};

static const struct show_table *
find_show_table(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(show_tables); i++) {
        if (!strcmp(show_tables[i].table->name, name)) {
            return &show_tables[i];
        }
    }
    return NULL;
}

static void
show_row(struct ctl_context *ctx, const struct ovsdb_idl_row *row,
         int level, struct sset *shown)
{
    const struct show_table *st = find_show_table(row->table->class_->name);
    struct ds *out = &ctx->output;
    char uuid_s[UUID_LEN + 1];

    snprintf(uuid_s, sizeof uuid_s, UUID_FMT, UUID_ARGS(&row->uuid));
    ds_put_char_multiple(out, ' ', level * 4);
    if (st && st->name_column) {
        const struct ovsdb_datum *name = ovsdb_idl_read(row,
                                                        st->name_column);
        ds_put_format(out, "%s ", st->table->name);
        ovsdb_datum_to_string(name, &st->name_column->type, out);
    } else {
        ds_put_cstr(out, uuid_s);
    }
    ds_put_char(out, '\n');

    if (!st || !sset_add(shown, uuid_s)) {
        return;
    }
    for (size_t i = 0; i < ARRAY_SIZE(st->columns) && st->columns[i]; i++) {
        const struct ovsdb_idl_column *c = st->columns[i];
        const struct ovsdb_datum *d = ovsdb_idl_read(row, c);
        const char *ref = c->type.key.uuid.refTableName;

        if (c->type.key.type == OVSDB_TYPE_UUID && ref
            && find_show_table(ref)) {
            const struct ovsdb_idl_table_class *rt = ctl_get_table(ref);
            for (size_t j = 0; j < d->n; j++) {
                const struct ovsdb_idl_row *r = ovsdb_idl_get_row_for_uuid(
                    ctx->idl, rt, &d->keys[j].uuid);
                if (r) {
                    show_row(ctx, r, level + 1, shown);
                }
            }
        } else if (!ovsdb_datum_is_default(d, &c->type)) {
            ds_put_char_multiple(out, ' ', (level + 1) * 4);
            ds_put_format(out, "%s: ", c->name);
            ovsdb_datum_to_string(d, &c->type, out);
            ds_put_char(out, '\n');
        }
    }
}

static void
cmd_show(struct ctl_context *ctx)
{
    struct sset shown = SSET_INITIALIZER(&shown);
    const struct ovsrec_open_vswitch *ovs;
    OVSREC_OPEN_VSWITCH_FOR_EACH (ovs, ctx->idl) {
        show_row(ctx, &ovs->header_, 0, &shown);
    }
    sset_destroy(&shown);
}

static const struct ctl_command_syntax vsctl_commands[] = {
    { "init", 0, 0, "", cmd_init, NULL, "", false },
    { "show", 0, 0, "", cmd_show, NULL, "", true },
    { "add-br", 1, 3, "NEW-BRIDGE [PARENT] [NEW-VLAN]", cmd_add_br, NULL,
      "--may-exist", false },
    { "del-br", 1, 1, "BRIDGE", cmd_del_br, NULL, "--if-exists", false },
    { "list-br", 0, 0, "", cmd_list_br, NULL, "--real,--fake", true },
    { "br-exists", 1, 1, "BRIDGE", cmd_br_exists, NULL, "", true },
    { "br-to-vlan", 1, 1, "BRIDGE", cmd_br_to_vlan, NULL, "", true },
    { "br-to-parent", 1, 1, "BRIDGE", cmd_br_to_parent, NULL, "", true },
    { "list-ports", 1, 1, "BRIDGE", cmd_list_ports, NULL, "", true },
    { "add-port", 2, INT_MAX, "BRIDGE NEW-PORT [COLUMN[:KEY]=VALUE]...",
      cmd_add_port, NULL, "--may-exist", false },
    { "del-port", 1, 2, "[BRIDGE] PORT|IFACE", cmd_del_port, NULL,
      "--if-exists,--with-iface", false },
    { "port-to-br", 1, 1, "PORT", cmd_port_to_br, NULL, "", true },
    { "list-ifaces", 1, 1, "BRIDGE", cmd_list_ifaces, NULL, "", true },
    { "iface-to-br", 1, 1, "IFACE", cmd_iface_to_br, NULL, "", true },
    { "get-controller", 1, 1, "BRIDGE", cmd_get_controller, NULL, "", true },
    { "del-controller", 1, 1, "BRIDGE", cmd_del_controller, NULL, "",
      false },
    { "set-controller", 1, INT_MAX, "BRIDGE TARGET...", cmd_set_controller,
      NULL, "", false },
    { "get-fail-mode", 1, 1, "BRIDGE", cmd_get_fail_mode, NULL, "", true },
    { "del-fail-mode", 1, 1, "BRIDGE", cmd_del_fail_mode, NULL, "", false },
    { "set-fail-mode", 2, 2, "BRIDGE MODE", cmd_set_fail_mode, NULL, "",
      false },
    { NULL, 0, 0, NULL, NULL, NULL, NULL, false },
};

/* ------------------------------------------------------------------ */
/* Options. */

static void
usage(void)
{
    printf("%s: Open vSwitch configuration utility\n"
           "usage: %s [OPTIONS] COMMAND [ARG...] [-- [OPTIONS] COMMAND "
           "[ARG...]]...\n\n"
           "Bridge and port commands:\n",
           ovs_get_program_name(), ovs_get_program_name());
    for (const struct ctl_command_syntax *p = vsctl_commands; p->name; p++) {
        printf("  %s%s%s\n", p->name, *p->arguments ? " " : "",
               p->arguments);
    }
    ctl_print_generic_usage();
    printf("\nOptions:\n"
           "  --db=DATABASE               connect to DATABASE\n"
           "                              (default: unix:%s/db.sock)\n"
           "  --no-wait                   do not wait for ovs-vswitchd to "
           "reconfigure\n"
           "  --retry                     keep trying to connect to "
           "the server\n"
           "  -t, --timeout=SECS          wait at most SECS seconds\n"
           "  --dry-run                   do not commit changes to "
           "database\n"
           "  --oneline                   print each command's output on "
           "one line\n"
           "  -f, --format=FORMAT         list, table, csv or json\n"
           "  -d, --data=FORMAT           string, bare or json\n"
           "  --no-headings               omit column headings\n"
           "  --pretty                    indent JSON output\n"
           "  --bare                      --format=list --data=bare "
           "--no-headings\n"
           "  -v, --verbose[=SPEC]        set logging levels\n"
           "  -h, --help                  display this help message\n"
           "  -V, --version               display version information\n",
           ovs_rundir());
    exit(EXIT_SUCCESS);
}

/* If 'arg' is the long option '--name' or '--name=value', returns true and
 * stores its value (or the next argument, consumed through '*ip', if
 * 'needs_value' and no "=value" was given). */
static bool
match_option(char *argv[], int argc, int *ip, const char *name,
             bool needs_value, const char **valuep)
{
    const char *arg = argv[*ip];
    size_t len = strlen(name);

    if (strncmp(arg, name, len) || (arg[len] && arg[len] != '=')) {
        return false;
    }
    *valuep = NULL;
    if (arg[len] == '=') {
        if (!needs_value) {
            ctl_fatal("option '%s' doesn't allow an argument", name);
        }
        *valuep = arg + len + 1;
    } else if (needs_value) {
        if (*ip + 1 >= argc) {
            ctl_fatal("option '%s' requires an argument", name);
        }
        *valuep = argv[++*ip];
    }
    return true;
}

static bool
match_short(char *argv[], int argc, int *ip, char c, const char **valuep)
{
    const char *arg = argv[*ip];
    if (arg[0] != '-' || arg[1] != c) {
        return false;
    }
    if (arg[2]) {
        *valuep = arg + 2;
    } else {
        if (*ip + 1 >= argc) {
            ctl_fatal("option '-%c' requires an argument", c);
        }
        *valuep = argv[++*ip];
    }
    return true;
}

/* Parses the options before the first command.  Returns the index of the
 * first argument of the command chain; options that belong to commands go
 * into 'local_options'. */
static int
parse_options(int argc, char *argv[], struct shash *local_options)
{
    int i;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *v;

        if (!strcmp(arg, "--")) {
            return i + 1;
        } else if (arg[0] != '-') {
            return i;
        } else if (match_option(argv, argc, &i, "--db", true, &v)) {
            free(db);
            db = xstrdup(v);
        } else if (match_option(argv, argc, &i, "--no-wait", false, &v)) {
            wait_for_reload = false;
        } else if (match_option(argv, argc, &i, "--dry-run", false, &v)) {
            dry_run = true;
        } else if (match_option(argv, argc, &i, "--oneline", false, &v)) {
            oneline = true;
        } else if (match_option(argv, argc, &i, "--retry", false, &v)) {
            retry = true;
        } else if (match_option(argv, argc, &i, "--no-syslog", false, &v)) {
            /* Logging goes to the console only; nothing to do. */
        } else if (match_option(argv, argc, &i, "--timeout", true, &v)
                   || match_short(argv, argc, &i, 't', &v)) {
            if (!str_to_int(v, 10, &timeout) || timeout < 0) {
                ctl_fatal("value %s on -t or --timeout is invalid", v);
            }
        } else if (match_option(argv, argc, &i, "--format", true, &v)
                   || match_short(argv, argc, &i, 'f', &v)) {
            if (!ctl_table_parse_format(&table_style, v)) {
                ctl_fatal("unknown output format \"%s\"", v);
            }
        } else if (match_option(argv, argc, &i, "--data", true, &v)
                   || match_short(argv, argc, &i, 'd', &v)) {
            if (!ctl_table_parse_data(&table_style, v)) {
                ctl_fatal("unknown data format \"%s\"", v);
            }
        } else if (match_option(argv, argc, &i, "--no-headings", false,
                                &v)) {
            table_style.headings = false;
        } else if (match_option(argv, argc, &i, "--pretty", false, &v)) {
            table_style.pretty = true;
        } else if (match_option(argv, argc, &i, "--bare", false, &v)) {
            table_style.format = CTL_TF_LIST;
            table_style.cell_format = CTL_CF_BARE;
            table_style.headings = false;
        } else if (!strncmp(arg, "--verbose", 9)
                   && (!arg[9] || arg[9] == '=')) {
            vlog_set_verbosity(arg[9] ? arg + 10 : NULL);
        } else if (!strncmp(arg, "-v", 2) && arg[1] == 'v') {
            vlog_set_verbosity(arg[2] ? arg + 2 : NULL);
        } else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage();
        } else if (!strcmp(arg, "--version") || !strcmp(arg, "-V")) {
            ovs_print_version(0, 0);
            exit(EXIT_SUCCESS);
        } else if (arg[1] == '-') {
            char *name = xstrdup(arg);
            char *eq = strchr(name, '=');
            if (eq) {
                *eq = '\0';
            }
            if (!ctl_is_command_option(name)) {
                ctl_fatal("unrecognized option '%s'", name);
            }
            if (shash_find(local_options, name)) {
                ctl_fatal("'%s' option specified multiple times", name);
            }
            shash_add_nocopy(local_options, name,
                             eq ? xstrdup(arg + (eq - name) + 1) : NULL);
        } else {
            ctl_fatal("invalid option '%s'", arg);
        }
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* Running the commands. */

static void
vsctl_cleanup(void)
{
    if (the_txn) {
        ovsdb_idl_txn_abort(the_txn);
        ovsdb_idl_txn_destroy(the_txn);
        the_txn = NULL;
    }
    ovsdb_idl_destroy(the_idl);
    the_idl = NULL;
    free(db);
    db = NULL;
}

static void
print_output(struct ctl_command *commands, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct ctl_command *c = &commands[i];
        struct ds *ds = &c->output;

        if (c->table) {
            ctl_table_format(c->table, &table_style, ds);
        }
        if (oneline) {
            ds_chomp(ds, '\n');
            for (size_t j = 0; j < ds->length; j++) {
                int ch = ds->string[j];
                if (ch == '\n') {
                    fputs("\\n", stdout);
                } else if (ch == '\\') {
                    fputs("\\\\", stdout);
                } else {
                    putchar(ch);
                }
            }
            putchar('\n');
        } else {
            fputs(ds_cstr(ds), stdout);
        }
    }
    fflush(stdout);
}

/* Runs 'commands' once.  Returns true if done, false if they must be run
 * again after the replica changes. */
static bool
do_vsctl(const char *args, struct ctl_command *commands, size_t n_commands,
         struct ovsdb_idl *idl)
{
    struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
    struct vsctl_context vctx;
    bool try_again = false;

    the_txn = ovsdb_idl_txn_create(idl);
    if (dry_run) {
        ovsdb_idl_txn_set_dry_run(the_txn);
    }
    ovsdb_idl_txn_add_comment(the_txn, "ovs-vsctl: %s", args);

    vctx.ovs = ovsrec_open_vswitch_first(idl);
    if (!vctx.ovs) {
        vctx.ovs = ovsrec_open_vswitch_insert(the_txn);
    }
    if (wait_for_reload) {
        ovsdb_idl_txn_increment(the_txn, &vctx.ovs->header_,
                                &ovsrec_open_vswitch_col_next_cfg, false);
    }

    for (size_t i = 0; i < n_commands; i++) {
        struct ctl_command *c = &commands[i];
        struct ctl_context ctx;
        ds_clear(&c->output);
        ctl_table_destroy(c->table);
        c->table = NULL;
        ctl_context_init(&ctx, c, idl, the_txn, symtab, &vctx);
        c->syntax->run(&ctx);
        try_again = ctx.try_again;
        ctl_context_done(&ctx, c);
        if (try_again) {
            break;
        }
    }

    const char *unused = ovsdb_symbol_table_find_uncreated(symtab);
    if (!try_again && unused) {
        ctl_fatal("row id \"@%s\" is referenced but never created (e.g. "
                  "with \"-- --id=@%s create ...\")", unused, unused);
    }

    enum ovsdb_idl_txn_status status = TXN_TRY_AGAIN;
    if (!try_again) {
        status = ovsdb_idl_txn_commit_block(the_txn);
    }
    int64_t next_cfg = 0;
    if (status == TXN_SUCCESS && wait_for_reload) {
        next_cfg = ovsdb_idl_txn_get_increment_new_value(the_txn);
    }
    if (status == TXN_SUCCESS || status == TXN_UNCHANGED) {
        for (size_t i = 0; i < n_commands; i++) {
            struct ctl_command *c = &commands[i];
            if (c->syntax->postprocess) {
                struct ctl_context ctx;
                ctl_context_init(&ctx, c, idl, the_txn, symtab, &vctx);
                c->syntax->postprocess(&ctx);
                ctl_context_done(&ctx, c);
            }
        }
    }
    char *error = (status == TXN_ERROR
                   ? xstrdup(ovsdb_idl_txn_get_error(the_txn)) : NULL);
    ovsdb_idl_txn_destroy(the_txn);
    the_txn = NULL;
    ovsdb_symbol_table_destroy(symtab);

    if (status == TXN_TRY_AGAIN) {
        return false;           /* Run the commands again. */
    } else if (status == TXN_ERROR) {
        VLOG_WARN("transaction error: %s", error);
        ctl_fatal("transaction error: %s", error);
    } else if (status == TXN_NOT_LOCKED) {
        ctl_fatal("database not locked");
    } else if (status != TXN_SUCCESS && status != TXN_UNCHANGED) {
        ctl_fatal("transaction %s", ovsdb_idl_txn_status_to_string(status));
    }

    print_output(commands, n_commands);

    if (wait_for_reload && status != TXN_UNCHANGED && !dry_run) {
        /* Wait for ovs-vswitchd to catch up. */
        for (;;) {
            ovsdb_idl_run(idl);
            const struct ovsrec_open_vswitch *ovs
                = ovsrec_open_vswitch_first(idl);
            if (ovs && ovs->cur_cfg >= next_cfg) {
                break;
            }
            if (!ovsdb_idl_is_alive(idl)) {
                ctl_fatal("%s: database connection failed (%s)", db,
                          ovs_retval_to_string(
                              ovsdb_idl_get_last_error(idl)));
            }
            ovsdb_idl_wait(idl);
            poll_block();
        }
    }
    return true;
}

int
main(int argc, char *argv[])
{
    struct shash local_options = SHASH_INITIALIZER(&local_options);

    set_program_name(argv[0]);
    signal(SIGPIPE, SIG_IGN);
    vlog_set_levels(NULL, VLF_CONSOLE, VLL_WARN);
    ovsrec_init();
    ctl_init(&ovsrec_idl_class, vsctl_tables, vsctl_cleanup);
    ctl_register_commands(vsctl_commands);

    int first = parse_options(argc, argv, &local_options);
    if (!db) {
        db = xasprintf("unix:%s/db.sock", ovs_rundir());
    }
    size_t n_commands;
    struct ctl_command *commands = ctl_parse_commands(argc - first,
                                                      argv + first,
                                                      &local_options,
                                                      &n_commands);
    shash_destroy_free_data(&local_options);
    char *args = ctl_args_to_string(argc - 1, argv + 1);

    if (timeout) {
        /* The default action of SIGALRM ends the program. */
        alarm(timeout);
    }

    the_idl = ovsdb_idl_create(db, &ovsrec_idl_class, true, retry);
    unsigned int seqno = 0;
    bool done = false;
    while (!done) {
        ovsdb_idl_run(the_idl);
        if (!ovsdb_idl_is_alive(the_idl)) {
            ctl_fatal("%s: database connection failed (%s)", db,
                      ovs_retval_to_string(
                          ovsdb_idl_get_last_error(the_idl)));
        }
        if (ovsdb_idl_has_ever_connected(the_idl)
            && seqno != ovsdb_idl_get_seqno(the_idl)) {
            seqno = ovsdb_idl_get_seqno(the_idl);
            done = do_vsctl(args, commands, n_commands, the_idl);
        }
        if (!done && seqno == ovsdb_idl_get_seqno(the_idl)) {
            ovsdb_idl_wait(the_idl);
            poll_block();
        }
    }

    free(args);
    ctl_commands_destroy(commands, n_commands);
    vsctl_cleanup();
    return 0;
}
