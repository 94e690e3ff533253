/* Where Open vSwitch keeps its files.
 *
 * Each function returns a directory name that the caller must not free.
 * An environment variable, when set and nonempty, overrides the default
 * compiled in at configure time:
 *
 *     ovs_sysconfdir()  OVS_SYSCONFDIR  (keys and certificates live below)
 *     ovs_pkgdatadir()  OVS_PKGDATADIR  (schemas)
 *     ovs_rundir()      OVS_RUNDIR      (pidfiles, sockets)
 *     ovs_logdir()      OVS_LOGDIR      (log files)
 *     ovs_dbdir()       OVS_DBDIR       (databases; if unset, the
 *                                        "openvswitch" subdirectory of
 *                                        OVS_SYSCONFDIR when that is set)
 *     ovs_bindir()      OVS_BINDIR      (installed programs)
 *
 * The environment is read on first use of each function. */

#ifndef DIRS_H_INCLUDED
#define DIRS_H_INCLUDED 1

const char *ovs_sysconfdir(void);
const char *ovs_pkgdatadir(void);
const char *ovs_rundir(void);
const char *ovs_logdir(void);
const char *ovs_dbdir(void);
const char *ovs_bindir(void);

#endif /* dirs.h */
