/* Forwarding header: the sset API is declared in
 * "openvswitch/sset.h", so that code may include either name. */

#ifndef LIB_SSET_H_INCLUDED
#define LIB_SSET_H_INCLUDED 1

#include "openvswitch/sset.h"

#endif /* sset.h */
