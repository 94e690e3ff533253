/* Forwarding header: the dynamic-string API is declared in
 * "openvswitch/dynamic-string.h", so that code may include either name. */

#ifndef LIB_DYNAMIC_STRING_H_INCLUDED
#define LIB_DYNAMIC_STRING_H_INCLUDED 1

#include "openvswitch/dynamic-string.h"

#endif /* dynamic-string.h */
