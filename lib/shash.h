/* Forwarding header: the shash API is declared in
 * "openvswitch/shash.h", so that code may include either name. */

#ifndef LIB_SHASH_H_INCLUDED
#define LIB_SHASH_H_INCLUDED 1

#include "openvswitch/shash.h"

#endif /* shash.h */
