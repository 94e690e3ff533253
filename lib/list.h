/* Forwarding header: the list API is declared in
 * "openvswitch/list.h", so that code may include either name. */

#ifndef LIB_LIST_H_INCLUDED
#define LIB_LIST_H_INCLUDED 1

#include "openvswitch/list.h"

#endif /* list.h */
