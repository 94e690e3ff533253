/* Datapath control commands ("ovs-appctl dpctl/...").
 *
 * The commands that inspect and manage a userspace datapath's connection
 * tracker, with the arguments and output of Open vSwitch's dpctl:
 *
 *   dpctl/dump-dps
 *   dpctl/dump-conntrack [DP] [zone=N] [-m] [-s]
 *   dpctl/flush-conntrack [DP] [zone=N] [CT-TUPLE [CT-TUPLE]]
 *   dpctl/ct-stats-show [DP] [zone=N] [verbose]
 *   dpctl/ct-set-maxconns [DP] N
 *   dpctl/ct-get-maxconns [DP]
 *   dpctl/ct-get-nconns [DP]
 *   dpctl/ct-set-limits [DP] [default=L] [zone=N,limit=L]...
 *   dpctl/ct-get-limits [DP] [zone=N1[,N2]...]
 *   dpctl/ct-del-limits [DP] zone=N1[,N2]...
 *   dpctl/ct-enable-tcp-seq-chk, ct-disable-tcp-seq-chk,
 *   ct-get-tcp-seq-chk [DP]
 *
 * DP names an open datapath ("dummy@ovs-dummy", or just its type); it may
 * be left out when only one datapath is open. */

#ifndef DPCTL_H
#define DPCTL_H 1

struct ds;

/* Registers the unixctl commands, once (later calls do nothing).  The
 * userspace datapath calls it when it creates its first datapath. */
void dpctl_init(void);

/* Runs the command named by 'argv[0]' (without the "dpctl/" prefix) with
 * the 'argc' - 1 arguments that follow, appending its output to 'out'.
 * Returns NULL on success, otherwise an error message (for the caller to
 * free) in Open vSwitch's form, e.g. "datapath not found (Invalid
 * argument)". */
char *dpctl_run(int argc, const char *argv[], struct ds *out);

#endif /* dpctl.h */
