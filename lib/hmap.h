/* Forwarding header: the hmap API is declared in
 * "openvswitch/hmap.h", so that code may include either name. */

#ifndef LIB_HMAP_H_INCLUDED
#define LIB_HMAP_H_INCLUDED 1

#include "openvswitch/hmap.h"

#endif /* hmap.h */
