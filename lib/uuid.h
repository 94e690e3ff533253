/* Forwarding header: the uuid API is declared in
 * "openvswitch/uuid.h", so that code may include either name. */

#ifndef LIB_UUID_H_INCLUDED
#define LIB_UUID_H_INCLUDED 1

#include "openvswitch/uuid.h"

#endif /* uuid.h */
