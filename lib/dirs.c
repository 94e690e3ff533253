/* Directory names, from the environment or from configure.
 *
 * Tests and sandboxes point every program at a private directory through
 * OVS_RUNDIR and friends; installed systems fall back on the directories
 * chosen at configure time.  Each answer is computed once and kept for
 * the life of the process. */

#include <config.h>
#include "dirs.h"

#include <stdlib.h>

#include "openvswitch/util.h"

/* Compiled-in defaults, passed by lib/automake.mk so that they are fully
 * expanded by make (configure would leave "${prefix}" in them). */
#ifndef OVS_DEFAULT_SYSCONFDIR
#define OVS_DEFAULT_SYSCONFDIR "/usr/local/etc"
#endif
#ifndef OVS_DEFAULT_PKGDATADIR
#define OVS_DEFAULT_PKGDATADIR "/usr/local/share/openvswitch"
#endif
#ifndef OVS_DEFAULT_RUNDIR
#define OVS_DEFAULT_RUNDIR "/usr/local/var/run/openvswitch"
#endif
#ifndef OVS_DEFAULT_LOGDIR
#define OVS_DEFAULT_LOGDIR "/usr/local/var/log/openvswitch"
#endif
#ifndef OVS_DEFAULT_DBDIR
#define OVS_DEFAULT_DBDIR "/usr/local/etc/openvswitch"
#endif
#ifndef OVS_DEFAULT_BINDIR
#define OVS_DEFAULT_BINDIR "/usr/local/bin"
#endif

/* VAR's value if it is set and nonempty, otherwise NULL. */
static const char *
env_dir(const char *var)
{
    const char *value = getenv(var);

    return value && value[0] ? value : NULL;
}

/* Returns the cached *DIR, computing it on first use from environment
 * variable VAR or DEFAULT. */
static const char *
cached_dir(const char **dir, const char *var, const char *def)
{
    if (!*dir) {
        const char *value = env_dir(var);

        *dir = value ? xstrdup(value) : def;
    }
    return *dir;
}

const char *
ovs_sysconfdir(void)
{
    static const char *dir;

    return cached_dir(&dir, "OVS_SYSCONFDIR", OVS_DEFAULT_SYSCONFDIR);
}

const char *
ovs_pkgdatadir(void)
{
    static const char *dir;

    return cached_dir(&dir, "OVS_PKGDATADIR", OVS_DEFAULT_PKGDATADIR);
}

const char *
ovs_rundir(void)
{
    static const char *dir;

    return cached_dir(&dir, "OVS_RUNDIR", OVS_DEFAULT_RUNDIR);
}

const char *
ovs_logdir(void)
{
    static const char *dir;

    return cached_dir(&dir, "OVS_LOGDIR", OVS_DEFAULT_LOGDIR);
}

const char *
ovs_bindir(void)
{
    static const char *dir;

    return cached_dir(&dir, "OVS_BINDIR", OVS_DEFAULT_BINDIR);
}

/* The database directory has a second-level fallback: a private
 * OVS_SYSCONFDIR implies a private database directory beneath it. */
const char *
ovs_dbdir(void)
{
    static const char *dir;

    if (!dir) {
        const char *value = env_dir("OVS_DBDIR");
        const char *sysconfdir = env_dir("OVS_SYSCONFDIR");

        if (value) {
            dir = xstrdup(value);
        } else if (sysconfdir) {
            dir = xasprintf("%s/openvswitch", sysconfdir);
        } else {
            dir = OVS_DEFAULT_DBDIR;
        }
    }
    return dir;
}
