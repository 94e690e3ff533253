/* Forwarding header: the util API is declared in
 * "openvswitch/util.h", so that code may include either name. */

#ifndef LIB_UTIL_H_INCLUDED
#define LIB_UTIL_H_INCLUDED 1

#include "openvswitch/util.h"

#endif /* util.h */
