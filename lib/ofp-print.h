/*
 * Printing OpenFlow messages in the text form that Open vSwitch uses
 * (ovs-ofctl ofp-print, monitor, snoop, and logs).
 *
 * ofp_to_string() identifies a message, prints its header line
 * ("OFPT_HELLO (OF1.3) (xid=0x1):") and hands the rest to the printer that
 * lib/ofp-print.c's dispatch table lists for the message's type.  A module
 * that owns a message adds one row to that table, pointing at a function
 * of type ofp_print_func that lives in the module itself.
 *
 * 'verbosity' follows ovs-ofctl: 0 and 1 are terse, 2 (the default) adds
 * hex dumps of opaque payloads, higher values add more detail.
 */

#ifndef OFP_PRINT_H
#define OFP_PRINT_H 1

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "ofp-errors.h"

struct ds;
struct ofp_header;
struct ofputil_port_map;

/* Prints the body of message 'oh' (whose length has been checked) into
 * 's' after its header line.  Returns 0, or an error that makes the caller
 * print "***decode error: ...***" and a hex dump instead. */
typedef enum ofperr ofp_print_func(struct ds *s, const struct ofp_header *oh,
                                   const struct ofputil_port_map *,
                                   int verbosity);

/* Returns a malloc()'d string (owned by the caller) that describes the
 * OpenFlow message in the 'len' bytes at 'data'.  'port_map' (which may be
 * NULL) supplies port names. */
char *ofp_to_string(const void *data, size_t len,
                    const struct ofputil_port_map *, int verbosity);
void ofp_print(FILE *, const void *data, size_t len,
               const struct ofputil_port_map *, int verbosity);

/* Helpers for printers. */
void ofp_print_error(struct ds *, enum ofperr);
void ofp_print_duration(struct ds *, unsigned int sec, unsigned int nsec);

#endif /* ofp-print.h */
