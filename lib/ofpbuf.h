/* Forwarding header: the ofpbuf API is declared in
 * "openvswitch/ofpbuf.h", so that code may include either name. */

#ifndef LIB_OFPBUF_H_INCLUDED
#define LIB_OFPBUF_H_INCLUDED 1

#include "openvswitch/ofpbuf.h"

#endif /* ofpbuf.h */
