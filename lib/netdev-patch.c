/* Patch ports: a pair of ports that connect two bridges without any I/O.
 *
 * A patch device only remembers the name of its peer (options:peer).
 * Translation sees that the output port is a patch port and continues in
 * the bridge that owns the peer; no packet ever reaches the device, so it
 * has no receive queue and sending to it fails. */

#include <config.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "netdev-provider.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"

struct netdev_patch {
    struct netdev up;
    char *peer;                 /* options:peer, or NULL. */
    enum netdev_flags flags;
};

static struct netdev_patch *
netdev_patch_cast(const struct netdev *netdev)
{
    return CONTAINER_OF(netdev, struct netdev_patch, up);
}

static struct netdev *
patch_alloc(const char *name OVS_UNUSED, int *errorp OVS_UNUSED)
{
    struct netdev_patch *patch = xzalloc(sizeof *patch);

    patch->flags = NETDEV_UP;
    return &patch->up;
}

static void
patch_destroy(struct netdev *netdev)
{
    struct netdev_patch *patch = netdev_patch_cast(netdev);

    free(patch->peer);
    free(patch);
}

static int
patch_set_config(struct netdev *netdev, const struct smap *args,
                 char **errp)
{
    struct netdev_patch *patch = netdev_patch_cast(netdev);
    const char *name = netdev_get_name(netdev);
    const char *peer = smap_get(args, "peer");

    if (!peer || !*peer) {
        *errp = xasprintf("%s: patch type requires valid 'peer' argument",
                          name);
        return EINVAL;
    }
    if (smap_count(args) > 1) {
        *errp = xasprintf("%s: patch type takes only a 'peer' argument",
                          name);
        return EINVAL;
    }
    if (!strcmp(name, peer)) {
        *errp = xasprintf("%s: patch interface cannot have itself as peer",
                          name);
        return EINVAL;
    }
    free(patch->peer);
    patch->peer = xstrdup(peer);
    return 0;
}

static const char *
patch_get_peer(const struct netdev *netdev)
{
    return netdev_patch_cast(netdev)->peer;
}

static int
patch_get_flags(const struct netdev *netdev, enum netdev_flags *flags)
{
    *flags = netdev_patch_cast(netdev)->flags;
    return 0;
}

static int
patch_set_flags(struct netdev *netdev, enum netdev_flags flags)
{
    netdev_patch_cast(netdev)->flags = flags;
    return 0;
}

static int
patch_get_stats(const struct netdev *netdev OVS_UNUSED,
                struct netdev_stats *stats OVS_UNUSED)
{
    return 0;
}

const struct netdev_class netdev_patch_class = {
    .type = "patch",
    .alloc = patch_alloc,
    .destroy = patch_destroy,
    .set_config = patch_set_config,
    .get_peer = patch_get_peer,
    .get_flags = patch_get_flags,
    .set_flags = patch_set_flags,
    .get_stats = patch_get_stats,
};
