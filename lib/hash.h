/* Forwarding header: the hash API is declared in
 * "openvswitch/hash.h", so that code may include either name. */

#ifndef LIB_HASH_H_INCLUDED
#define LIB_HASH_H_INCLUDED 1

#include "openvswitch/hash.h"

#endif /* hash.h */
