/* Forwarding header: the smap API is declared in
 * "openvswitch/smap.h", so that code may include either name. */

#ifndef LIB_SMAP_H_INCLUDED
#define LIB_SMAP_H_INCLUDED 1

#include "openvswitch/smap.h"

#endif /* smap.h */
