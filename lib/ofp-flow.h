/*
 * Flow-table modification messages: flow-mods in their three encodings
 * (OpenFlow 1.0, Nicira NXM, OpenFlow 1.1 and later), their printed form,
 * and the ovs-ofctl text syntax that describes one ("table=1,ip,
 * actions=output:2").
 *
 * struct ofputil_flow_mod is the version-independent view.  Decoders fill
 * it from any encoding; encoders write it in the encoding that a protocol
 * (enum ofputil_protocol) calls for; the text parser fills it and tells the
 * caller which protocols can carry what it parsed.
 */

#ifndef OFP_FLOW_H
#define OFP_FLOW_H 1

#include <stdbool.h>
#include <stdint.h>
#include "match.h"
#include "ofp-errors.h"
#include "ofp-protocol.h"
#include "openvswitch/types.h"

struct ds;
struct ofp_header;
struct ofpact;
struct ofpbuf;
struct ofputil_port_map;
struct ovs_list;

/* Flow-mod flags, independent of their (version-specific) wire bits. */
enum ofputil_flow_mod_flags {
    OFPUTIL_FF_SEND_FLOW_REM = 1 << 0,
    OFPUTIL_FF_CHECK_OVERLAP = 1 << 1,
    OFPUTIL_FF_RESET_COUNTS = 1 << 2,   /* OpenFlow 1.2+. */
    OFPUTIL_FF_NO_PKT_COUNTS = 1 << 3,  /* OpenFlow 1.3+. */
    OFPUTIL_FF_NO_BYT_COUNTS = 1 << 4,  /* OpenFlow 1.3+. */
    OFPUTIL_FF_EMERG = 1 << 5,          /* OpenFlow 1.0 only. */
};

/* Timeouts of 0 mean "never". */
#define OFPUTIL_FLOW_PERMANENT 0
/* A priority that the printed match leaves out. */
#define OFPUTIL_DEFAULT_PRIORITY 0x8000
/* "No buffered packet". */
#define OFPUTIL_NO_BUFFER UINT32_MAX

/* A flow-mod.
 *
 * Cookies: 'cookie' and 'cookie_mask' select flows for modify and delete
 * commands (mask 0: any cookie).  'new_cookie' is the cookie given to
 * added or modified flows; UINT64_MAX (as ovs_be64) means "leave it as it
 * is" for modify commands.  'modify_cookie' is true when a modify command
 * should change the cookie.
 *
 * 'table_id' is OFPTT_ALL (255) when the message names no table.
 * 'ofpacts' points to 'ofpacts_len' bytes of actions owned by whoever
 * filled in the structure (see each function). */
struct ofputil_flow_mod {
    struct match match;
    int priority;

    ovs_be64 cookie;
    ovs_be64 cookie_mask;
    ovs_be64 new_cookie;
    bool modify_cookie;

    uint16_t command;           /* OFPFC_*. */
    uint8_t table_id;
    enum ofputil_flow_mod_flags flags;

    /* Seconds; OFPUTIL_FLOW_PERMANENT for none. */
    uint16_t hard_timeout, idle_timeout;
    uint16_t importance;        /* OpenFlow 1.4+. */

    uint32_t buffer_id;         /* OFPUTIL_NO_BUFFER for none. */

    /* Deletes only: flows must output to these (OFPP_NONE, OFPG_ANY: no
     * restriction). */
    ofp_port_t out_port;
    uint32_t out_group;

    struct ofpact *ofpacts;
    size_t ofpacts_len;
};

/* Decodes flow-mod 'oh' into 'fm'.  The actions are appended to 'ofpacts'
 * (owned by the caller) and 'fm->ofpacts' points into it, so 'fm' is valid
 * only while 'ofpacts' is unchanged.  'protocol' tells whether an OpenFlow
 * 1.0 'command' carries a table id in its upper byte.  Returns 0 or an
 * OpenFlow error. */
enum ofperr ofputil_decode_flow_mod(struct ofputil_flow_mod *fm,
                                    const struct ofp_header *oh,
                                    enum ofputil_protocol protocol,
                                    struct ofpbuf *ofpacts);

/* Encodes 'fm' for 'protocol'.  The caller owns the returned buffer. */
struct ofpbuf *ofputil_encode_flow_mod(const struct ofputil_flow_mod *fm,
                                       enum ofputil_protocol protocol);

/* Appends the body of the printed form of 'fm' (" ADD table:1 ip
 * actions=drop") to 's'. */
void ofputil_flow_mod_format(struct ds *s, const struct ofputil_flow_mod *fm,
                             enum ofp_version version,
                             const struct ofputil_port_map *port_map);

/* The printer of flow-mod messages (an ofp_print_func). */
enum ofperr ofputil_flow_mod_print(struct ds *, const struct ofp_header *,
                                   const struct ofputil_port_map *,
                                   int verbosity);

/* Prints the name of flow-mod command 'command' ("ADD", "MOD", ...). */
void ofputil_flow_mod_command_format(struct ds *, uint16_t command);

/* Text.
 *
 * parse_ofp_str() parses 'string' (a flow in ovs-ofctl syntax) into 'fm'
 * for 'command' (OFPFC_*).  'fm->ofpacts' is then malloc()'d and owned by
 * the caller (free() it).  '*usable' receives the protocols that can
 * express the result.  Returns NULL, or a malloc()'d error message (then
 * 'fm' holds nothing that needs freeing).
 *
 * parse_ofp_flow_mod_str() is the same, except that 'command' -2 lets the
 * string begin with a command word ("add", "modify", "modify_strict",
 * "delete", "delete_strict"), as in files given to ovs-ofctl add-flows.
 *
 * parse_ofp_flow_mod_file() parses every non-blank, non-comment line of
 * 'file_name' ("-" for stdin).  On success '*fms' is an array of '*n_fms'
 * flow-mods, each with its own 'ofpacts'; the caller frees them all and
 * the array.  '*usable' is what all of them can use. */
char *parse_ofp_str(struct ofputil_flow_mod *fm, int command,
                    const char *string,
                    const struct ofputil_port_map *port_map,
                    enum ofputil_protocol *usable)
    OVS_WARN_UNUSED_RESULT;
char *parse_ofp_flow_mod_str(struct ofputil_flow_mod *fm, const char *string,
                             const struct ofputil_port_map *port_map,
                             int command, enum ofputil_protocol *usable)
    OVS_WARN_UNUSED_RESULT;
char *parse_ofp_flow_mod_file(const char *file_name,
                              const struct ofputil_port_map *port_map,
                              int command, struct ofputil_flow_mod **fms,
                              size_t *n_fms, enum ofputil_protocol *usable)
    OVS_WARN_UNUSED_RESULT;

/* Returns the protocols that can express 'fm' (its match, table id,
 * cookie mask and flags). */
enum ofputil_protocol ofputil_flow_mod_usable_protocols(
    const struct ofputil_flow_mod *fm);

/* Flow statistics requests (OFPST_FLOW, NXST_FLOW, OFPMP_FLOW) and
 * aggregate requests, which select flows the same way.  'table_id' 255
 * means all tables; 'out_port' OFPP_NONE and 'out_group' OFPG_ANY mean no
 * restriction. */
struct ofputil_flow_stats_request {
    bool aggregate;             /* Aggregate rather than per-flow stats. */
    struct match match;
    ovs_be64 cookie, cookie_mask;
    uint8_t table_id;
    ofp_port_t out_port;
    uint32_t out_group;
};

/* Decodes request 'oh' into 'fsr'.  Returns 0 or an OpenFlow error. */
enum ofperr ofputil_decode_flow_stats_request(
    struct ofputil_flow_stats_request *fsr, const struct ofp_header *oh);

/* Encodes 'fsr' for 'protocol'; the caller owns the result. */
struct ofpbuf *ofputil_encode_flow_stats_request(
    const struct ofputil_flow_stats_request *fsr,
    enum ofputil_protocol protocol);

/* Appends " table=1 out_port=2 ip" style text for 'fsr'. */
void ofputil_flow_stats_request_format(
    struct ds *, const struct ofputil_flow_stats_request *fsr,
    const struct ofputil_port_map *);

/* One flow's statistics.  Counts of UINT64_MAX mean "unknown"; ages of -1
 * mean "unknown" (only NXST_FLOW carries ages).  'ofpacts' is not owned by
 * the structure: see each function. */
struct ofputil_flow_stats {
    struct match match;
    int priority;
    ovs_be64 cookie;
    uint8_t table_id;
    uint32_t duration_sec, duration_nsec;
    uint16_t idle_timeout, hard_timeout;
    uint16_t importance;
    int idle_age, hard_age;
    uint64_t packet_count, byte_count;
    enum ofputil_flow_mod_flags flags;
    const struct ofpact *ofpacts;
    size_t ofpacts_len;
};

/* Appends 'fs' to the multipart reply 'replies' (started by ofpmp_init()
 * for a flow stats request), in the request's format. */
void ofputil_append_flow_stats_reply(const struct ofputil_flow_stats *fs,
                                     struct ovs_list *replies);

/* Decodes the next flow from reply 'msg' (whose header has not yet been
 * pulled, or which was pulled by an earlier call).  Actions go into
 * 'ofpacts' (owned by the caller, cleared first) and 'fs->ofpacts' points
 * into it.  Returns 0, EOF when no flows remain, or an OpenFlow error. */
int ofputil_decode_flow_stats_reply(struct ofputil_flow_stats *fs,
                                    struct ofpbuf *msg,
                                    struct ofpbuf *ofpacts);

/* Appends the dump-flows line for 'fs' (" cookie=0x0, duration=..."),
 * without a new-line.  'show_stats' false leaves out the cookie,
 * duration, table, counters and ages, as "ovs-ofctl --no-stats" does. */
void ofputil_flow_stats_format(struct ds *,
                               const struct ofputil_flow_stats *fs,
                               const struct ofputil_port_map *,
                               bool show_stats);

/* Printers (ofp_print_func) for the messages above. */
enum ofperr ofputil_flow_stats_request_print(struct ds *,
                                             const struct ofp_header *,
                                             const struct ofputil_port_map *,
                                             int verbosity);
enum ofperr ofputil_flow_stats_reply_print(struct ds *,
                                           const struct ofp_header *,
                                           const struct ofputil_port_map *,
                                           int verbosity);

/* A flow-removed notification.  'reason' is an enum
 * ofp_flow_removed_reason.  'table_id' is 255 when the message has no table
 * (OpenFlow 1.0). */
struct ofputil_flow_removed {
    struct match match;
    int priority;
    ovs_be64 cookie;
    uint8_t reason;
    uint8_t table_id;
    uint32_t duration_sec, duration_nsec;
    uint16_t idle_timeout, hard_timeout;
    uint64_t packet_count, byte_count;
};

/* Decodes 'oh' into 'fr'.  Returns 0 or an OpenFlow error. */
enum ofperr ofputil_decode_flow_removed(struct ofputil_flow_removed *fr,
                                        const struct ofp_header *oh);

/* Encodes 'fr' for 'protocol'; the caller owns the result. */
struct ofpbuf *ofputil_encode_flow_removed(
    const struct ofputil_flow_removed *fr, enum ofputil_protocol protocol);

/* "idle", "hard", "delete", ... or NULL for an unknown reason. */
const char *ofputil_flow_removed_reason_to_string(uint8_t reason);

void ofputil_flow_removed_format(struct ds *,
                                 const struct ofputil_flow_removed *fr,
                                 const struct ofputil_port_map *);
enum ofperr ofputil_flow_removed_print(struct ds *,
                                       const struct ofp_header *,
                                       const struct ofputil_port_map *,
                                       int verbosity);

#endif /* ofp-flow.h */
