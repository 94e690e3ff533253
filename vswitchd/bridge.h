/* The bridge layer of ovs-vswitchd: keeps the switches (ofprotos) in step
 * with the Open_vSwitch configuration database.  See bridge.c. */

#ifndef VSWITCHD_BRIDGE_H
#define VSWITCHD_BRIDGE_H 1

#include <stdbool.h>

/* Connects to the database at 'remote' (e.g. "unix:/run/ovs/db.sock") and
 * registers the bridge's unixctl commands.  Call once, after
 * ofproto_init(). */
void bridge_init(const char *remote);

/* With 'override' true, Interface rows of type "" or "system" are opened
 * as dummy devices (ovs-vswitchd --enable-dummy=override), so that a test
 * can use ports named like real devices without touching them. */
void bridge_set_dummy_override(bool override);

/* One main-loop iteration: reads database changes, reconfigures bridges,
 * runs each ofproto and the datapaths, and writes status back. */
void bridge_run(void);
void bridge_wait(void);

/* True once the first configuration read from the database has been
 * applied and its results (port numbers, errors, cur_cfg) committed to the
 * database.  ovs-vswitchd releases a waiting --detach parent only then, so
 * that when the parent returns the bridges exist and the database says
 * so. */
bool bridge_is_configured(void);

/* Destroys every bridge and the database connection.  'cleanup' is true
 * for "ovs-appctl exit --cleanup"; the userspace datapath keeps no state
 * beyond the process, so both cases release everything. */
void bridge_exit(bool cleanup);

#endif /* vswitchd/bridge.h */
