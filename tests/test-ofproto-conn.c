/* A scripted OpenFlow client for end-to-end tests of ofproto: it speaks
 * one connection to a switch and shows what comes back, for requests that
 * ovs-ofctl has no command for (roles, resumes built by hand).
 *
 *   ovstest test-ofproto-conn TARGET VERSION STEP...
 *
 * TARGET is a vconn name ("unix:br0.mgmt"), VERSION one OpenFlow version
 * ("OpenFlow13").  Each STEP sends one request, then a barrier, and prints
 * "STEP:" followed by every message that arrived before the barrier reply,
 * one per line, in ofp-print form without xids ("ok" if none did):
 *
 *   role:ROLE[:GENERATION]   role request ("master", "slave", "equal",
 *                            "nochange")
 *   flow:FLOW-MOD            a flow-mod in add-flows file syntax
 *                            ("add in_port=1,actions=2", "delete ...")
 *   resume:UUID              an NXT_RESUME whose closure claims bridge
 *                            UUID and holds a small packet and no actions
 *   resume-bad               an NXT_RESUME with a truncated property
 *   controller-id:ID         NXT_SET_CONTROLLER_ID
 *   packet-out:SPEC          a packet-out in "ovs-ofctl packet-out" syntax
 *   get-async                get the asynchronous configuration
 *   enable-closures          turn on NXT_CLOSURE (as master and equal)
 *
 * Three more steps send nothing; they help a test synchronize with
 * asynchronous messages:
 *
 *   touch:FILE               creates FILE (to say "set up, go ahead")
 *   wait:FILE                waits (at most 20 s) until FILE exists
 *   recv:N                   waits for N more messages (at most 20 s) and
 *                            prints the type of each, e.g. "NXT_CLOSURE"
 *   drain:MSECS              prints the type of every message that arrives
 *                            within MSECS milliseconds ("none" if none)
 *
 * The messages are built here, by hand where the codec has no encoder, so
 * the switch sees exactly what a controller would send. */

#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dynamic-string.h"
#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-flow.h"
#include "ofp-msgs.h"
#include "ofp-packet.h"
#include "ofp-print.h"
#include "ofp-prop.h"
#include "ofp-protocol.h"
#include "openflow/nicira-ext.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "openvswitch/poll-loop.h"
#include "timeval.h"
#include "uuid.h"
#include "vconn.h"

/* A broadcast ARP request, enough of a packet for a closure. */
static const uint8_t arp_frame[42] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x50, 0x54, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
    0x50, 0x54, 0x00, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x02,
};

static struct ofpbuf *
make_resume(enum ofp_version version, const struct uuid *bridge,
            bool truncated)
{
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_NXT_RESUME, version, 0);

    ofpprop_put(msg, NXCPT_PACKET, arp_frame, sizeof arp_frame);
    ofpprop_put_uuid(msg, NXCPT_BRIDGE, bridge);
    if (truncated) {
        /* A property header that claims more bytes than follow. */
        ovs_be16 hdr[2] = { htons(NXCPT_MIRRORS), htons(64) };
        ofpbuf_put(msg, hdr, sizeof hdr);
        ofpbuf_put_zeros(msg, 4);
    }
    ofpmsg_update_length(msg);
    return msg;
}

static enum ofp12_controller_role
parse_role(const char *s)
{
    return (!strcmp(s, "master") ? OFPCR12_ROLE_MASTER
            : !strcmp(s, "slave") ? OFPCR12_ROLE_SLAVE
            : !strcmp(s, "equal") ? OFPCR12_ROLE_EQUAL
            : !strcmp(s, "nochange") ? OFPCR12_ROLE_NOCHANGE
            : (ovs_fatal(0, "unknown role %s", s), 0));
}

/* Builds the request for 'step'.  The caller owns the result. */
static struct ofpbuf *
make_request(const char *step, enum ofp_version version)
{
    enum ofputil_protocol protocol
        = ofputil_protocol_from_ofp_version(version);

    if (!strncmp(step, "role:", 5)) {
        char *copy = xstrdup(step + 5);
        char *gen = strchr(copy, ':');
        struct ofputil_role_request rr;

        memset(&rr, 0, sizeof rr);
        if (gen) {
            *gen++ = '\0';
            rr.have_generation_id = true;
            rr.generation_id = strtoull(gen, NULL, 0);
        }
        rr.role = parse_role(copy);
        free(copy);
        return ofputil_encode_role_request(&rr, protocol);
    } else if (!strncmp(step, "flow:", 5)) {
        struct ofputil_flow_mod fm;
        enum ofputil_protocol usable;
        char *error = parse_ofp_flow_mod_str(&fm, step + 5, NULL, -2,
                                             &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        struct ofpbuf *msg = ofputil_encode_flow_mod(&fm, protocol);
        free(fm.ofpacts);
        return msg;
    } else if (!strncmp(step, "resume:", 7)) {
        struct uuid uuid;
        if (!uuid_from_string(&uuid, step + 7)) {
            ovs_fatal(0, "%s: bad uuid", step);
        }
        return make_resume(version, &uuid, false);
    } else if (!strcmp(step, "resume-bad")) {
        struct uuid uuid;
        uuid_zero(&uuid);
        return make_resume(version, &uuid, true);
    } else if (!strncmp(step, "packet-out:", 11)) {
        struct ofputil_packet_out po;
        enum ofputil_protocol usable;
        char *error = parse_ofp_packet_out_str(&po, step + 11, NULL,
                                               &usable);
        if (error) {
            ovs_fatal(0, "%s", error);
        }
        struct ofpbuf *msg = ofputil_encode_packet_out(&po, protocol);
        free(CONST_CAST(void *, po.packet));
        free(po.ofpacts);
        return msg;
    } else if (!strcmp(step, "get-async")) {
        return ofputil_encode_get_async_request(version);
    } else if (!strcmp(step, "enable-closures")) {
        struct ofputil_async_cfg cfg = ofputil_async_cfg_default(version);

        cfg.master[OAM_CLOSURE] = 1;
        return ofputil_encode_set_async_config(&cfg, 1u << OAM_CLOSURE,
                                               version);
    } else if (!strncmp(step, "controller-id:", 14)) {
        return ofputil_encode_set_controller_id(version,
                                                atoi(step + 14));
    }
    ovs_fatal(0, "unknown step %s", step);
}

/* Prints 'msg' in ofp-print form, without its xid, as the tests expect. */
static void
print_message(const struct ofpbuf *msg)
{
    char *s = ofp_to_string(msg->data, msg->size, NULL, 1);
    struct ds out = DS_EMPTY_INITIALIZER;

    for (const char *p = s; *p; p++) {
        if (!strncmp(p, " (xid=0x", 8)) {
            const char *end = strchr(p, ')');
            if (end) {
                p = end;
                continue;
            }
        }
        ds_put_char(&out, *p);
    }
    ds_chomp(&out, '\n');
    printf("%s\n", ds_cstr(&out));
    ds_destroy(&out);
    free(s);
}

/* Prints the name of the type of 'msg', e.g. "NXT_CLOSURE", and for a
 * closure the port its packet came in on, which shows how the switch
 * shared the closure queue among ports. */
static void
print_type(const struct ofpbuf *msg)
{
    enum ofpraw raw;

    if (ofpraw_decode(&raw, msg->data)) {
        printf("(undecodable)\n");
        return;
    }
    printf("%s", ofpraw_get_name(raw));
    if (raw == OFPRAW_NXT_CLOSURE) {
        struct ofputil_closure closure;

        if (!ofputil_decode_closure(msg->data, &closure, NULL)) {
            printf(" in_port=%"PRIu16,
                   ofp_to_u16(closure.metadata.flow.in_port.ofp_port));
            ofputil_closure_destroy(&closure);
        }
    }
    printf("\n");
}

/* Handles the steps that only wait or signal.  Returns false if 'step' is
 * not one of them. */
static bool
run_wait_step(struct vconn *vconn, const char *step)
{
    if (!strncmp(step, "touch:", 6)) {
        FILE *f = fopen(step + 6, "w");
        if (!f) {
            ovs_fatal(errno, "%s: create failed", step + 6);
        }
        fclose(f);
        return true;
    } else if (!strncmp(step, "wait:", 5)) {
        for (int i = 0; access(step + 5, F_OK); i++) {
            if (i >= 2000) {
                ovs_fatal(0, "%s: timed out", step);
            }
            usleep(10000);
        }
        return true;
    } else if (!strncmp(step, "recv:", 5)) {
        int n = atoi(step + 5);

        printf("%s:\n", step);
        alarm(20);
        for (int i = 0; i < n; i++) {
            struct ofpbuf *msg;
            int error = vconn_recv_block(vconn, &msg);
            if (error) {
                ovs_fatal(error, "receive failed");
            }
            print_type(msg);
            ofpbuf_delete(msg);
        }
        alarm(0);
        return true;
    } else if (!strncmp(step, "drain:", 6)) {
        long long int deadline = time_msec() + atoi(step + 6);
        bool any = false;

        printf("%s:\n", step);
        while (time_msec() < deadline) {
            struct ofpbuf *msg;
            int error = vconn_recv(vconn, &msg);
            if (!error) {
                print_type(msg);
                ofpbuf_delete(msg);
                any = true;
            } else if (error == EAGAIN) {
                vconn_run(vconn);
                vconn_run_wait(vconn);
                vconn_recv_wait(vconn);
                poll_timer_wait_until(deadline);
                poll_block();
            } else {
                ovs_fatal(error, "receive failed");
            }
        }
        if (!any) {
            printf("none\n");
        }
        return true;
    }
    return false;
}

static void
run_step(struct vconn *vconn, const char *step, enum ofp_version version)
{
    if (run_wait_step(vconn, step)) {
        fflush(stdout);
        return;
    }

    struct ofpbuf *request = make_request(step, version);
    struct ofpbuf *barrier = ofpraw_alloc(
        version == OFP10_VERSION ? OFPRAW_OFPT10_BARRIER_REQUEST
        : OFPRAW_OFPT11_BARRIER_REQUEST, version, 0);
    ovs_be32 barrier_xid = ((struct ofp_header *) barrier->data)->xid;
    bool any = false;
    int error;

    printf("%s:\n", step);
    error = vconn_send_block(vconn, request);
    if (!error) {
        error = vconn_send_block(vconn, barrier);
    }
    if (error) {
        ovs_fatal(error, "send failed");
    }

    for (;;) {
        struct ofpbuf *reply;

        error = vconn_recv_block(vconn, &reply);
        if (error) {
            ovs_fatal(error, "receive failed");
        }
        const struct ofp_header *oh = reply->data;
        if (oh->xid == barrier_xid) {
            ofpbuf_delete(reply);
            break;
        }
        print_message(reply);
        any = true;
        ofpbuf_delete(reply);
    }
    if (!any) {
        printf("ok\n");
    }
    fflush(stdout);
}

static void
test_ofproto_conn_main(int argc, char *argv[])
{
    struct vconn *vconn;
    int version;
    int error;

    if (argc < 3) {
        ovs_fatal(0, "usage: %s TARGET VERSION STEP...", argv[0]);
    }
    version = ofputil_version_from_string(argv[2]);
    if (version <= 0) {
        ovs_fatal(0, "%s: unknown version", argv[2]);
    }

    error = vconn_open_block(argv[1], 1u << version, 0, 10000, &vconn);
    if (error) {
        ovs_fatal(error, "%s: connection failed", argv[1]);
    }
    for (int i = 3; i < argc; i++) {
        run_step(vconn, argv[i], version);
    }
    vconn_close(vconn);
}

OVSTEST_REGISTER("test-ofproto-conn", test_ofproto_conn_main);
