/*
 * Port features (link speed, medium, autonegotiation, pause), as a bitmap
 * whose bits coincide with OpenFlow 1.1's ofp_port features.  Shared by
 * the OpenFlow codec (lib/ofp-port.c) and network devices.
 */

#ifndef NETDEV_FEATURES_H
#define NETDEV_FEATURES_H 1

#include <stdint.h>

enum netdev_features {
    NETDEV_F_10MB_HD = 1 << 0,
    NETDEV_F_10MB_FD = 1 << 1,
    NETDEV_F_100MB_HD = 1 << 2,
    NETDEV_F_100MB_FD = 1 << 3,
    NETDEV_F_1GB_HD = 1 << 4,
    NETDEV_F_1GB_FD = 1 << 5,
    NETDEV_F_10GB_FD = 1 << 6,
    NETDEV_F_40GB_FD = 1 << 7,
    NETDEV_F_100GB_FD = 1 << 8,
    NETDEV_F_1TB_FD = 1 << 9,
    NETDEV_F_OTHER = 1 << 10,
    NETDEV_F_COPPER = 1 << 11,
    NETDEV_F_FIBER = 1 << 12,
    NETDEV_F_AUTONEG = 1 << 13,
    NETDEV_F_PAUSE = 1 << 14,
    NETDEV_F_PAUSE_ASYM = 1 << 15,
};

#define NETDEV_DEFAULT_BPS UINT64_C(10 * 1000 * 1000 * 1000)

#endif /* netdev-features.h */
