/*
 * A scriptable OpenFlow controller for the closure tests: it enables
 * closures on its connection, waits for one NXT_CLOSURE and then does one
 * thing with it that "ovs-ofctl monitor BR resume" never does, such as
 * change the closure before resuming it, resume it twice, keep it for
 * later, or send the switch many damaged copies of it.
 *
 *   ovstest test-closure-controller TARGET VERSIONS MODE [ARG...]
 *
 * TARGET is a vconn name (unix:$OVS_RUNDIR/br0.mgmt); VERSIONS a version
 * list such as OpenFlow10 or OpenFlow13.  After closures are enabled the
 * program creates the file "controller.ready" so that the test knows it
 * may send its packet.  Modes:
 *
 *   set-reg N VALUE    sets register N in the closure's metadata, resumes.
 *   set-packet HEX     replaces the closure's packet, resumes.
 *   twice              resumes the same closure twice.
 *   save FILE          writes the NXT_CLOSURE to FILE, does not resume.
 *   send FILE          (no waiting) resumes the closure saved in FILE.
 *   fuzz N SEED        sends N damaged NXT_RESUMEs built from the closure,
 *                      then the intact one.
 *   slave              becomes a slave (role request), then resumes.
 *
 * After each message it sends, the program sends a barrier and prints the
 * errors the switch answered with (by name), or "ok" if there were none.
 */

#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "match.h"
#include "meta-flow.h"
#include "ofp-closure.h"
#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-protocol.h"
#include "openflow/nicira-ext.h"
#include "openflow/openflow-common.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "random.h"
#include "util.h"
#include "vconn.h"

static struct vconn *
connect_or_die(const char *target, const char *versions_s)
{
    uint32_t versions = ofputil_versions_from_string(versions_s);
    struct vconn *vconn;
    int error;

    if (!versions) {
        ovs_fatal(0, "%s: bad version list", versions_s);
    }
    error = vconn_open_block(target, versions, 0, -1, &vconn);
    if (error) {
        ovs_fatal(error, "%s: connection failed", target);
    }
    return vconn;
}

/* The errors a switch answered with, by name, and how many. */
struct error_log {
    struct ds names;            /* " NAME" for each error. */
    int n;
};

#define ERROR_LOG_INITIALIZER { DS_EMPTY_INITIALIZER, 0 }

/* Adds 'msg' to 'log' if it is an error; other messages are ignored. */
static void
note_message(struct error_log *log, const struct ofpbuf *msg)
{
    const struct ofp_header *oh = msg->data;
    enum ofptype type;

    if (!ofptype_decode(&type, oh) && type == OFPTYPE_ERROR) {
        enum ofperr err = ofperr_decode_msg(oh, NULL);
        ds_put_format(&log->names, " %s",
                      err ? ofperr_get_name(err) : "(undecodable)");
        log->n++;
    }
}

/* Notes the messages that have already arrived, without waiting, so that
 * the switch's replies never pile up while we keep sending (a switch stops
 * reading from a peer that does not read its replies). */
static void
drain(struct vconn *vconn, struct error_log *log)
{
    for (;;) {
        struct ofpbuf *msg;
        int error = vconn_recv(vconn, &msg);

        if (error == EAGAIN) {
            return;
        } else if (error) {
            ovs_fatal(error, "the switch closed the connection");
        }
        note_message(log, msg);
        ofpbuf_delete(msg);
    }
}

/* Sends 'msg', noting in 'log' the errors that arrive while the send has
 * to wait (never the reply to 'msg' itself).  Reading while the send is
 * blocked matters: the switch stops reading from a peer
 * whose replies pile up, so a sender that only sends would wait for the
 * switch while the switch waits for it. */
static void
send_and_drain(struct vconn *vconn, struct ofpbuf *msg,
               struct error_log *log)
{
    for (;;) {
        int error = vconn_send(vconn, msg);
        if (!error) {
            break;
        } else if (error != EAGAIN) {
            ovs_fatal(error, "send failed");
        }
        drain(vconn, log);
        vconn_run(vconn);
        vconn_run_wait(vconn);
        vconn_send_wait(vconn);
        vconn_recv_wait(vconn);
        poll_block();
    }
}

/* Sends a barrier request and notes in 'log' every error that arrives
 * before its reply: the replies to everything sent earlier. */
static void
wait_for_barrier(struct vconn *vconn, struct error_log *log)
{
    enum ofp_version version = vconn_get_version(vconn);
    struct ofpbuf *barrier = ofpraw_alloc(version == OFP10_VERSION
                                          ? OFPRAW_OFPT10_BARRIER_REQUEST
                                          : OFPRAW_OFPT11_BARRIER_REQUEST,
                                          version, 0);
    ovs_be32 xid = ((struct ofp_header *) barrier->data)->xid;

    send_and_drain(vconn, barrier, log);
    for (;;) {
        struct ofpbuf *msg;
        int error = vconn_recv_block(vconn, &msg);
        enum ofptype type;

        if (error) {
            ovs_fatal(error, "connection to the switch failed");
        }
        const struct ofp_header *oh = msg->data;
        if (!ofptype_decode(&type, oh) && type == OFPTYPE_BARRIER_REPLY
            && oh->xid == xid) {
            ofpbuf_delete(msg);
            return;
        }
        note_message(log, msg);
        ofpbuf_delete(msg);
    }
}

/* Waits for the replies to what was sent and prints, on one line, the name
 * of every error among them ("ok" if none). */
static void
report_errors(struct vconn *vconn, const char *what)
{
    struct error_log log = ERROR_LOG_INITIALIZER;

    wait_for_barrier(vconn, &log);
    printf("%s:%s\n", what, log.n ? ds_cstr(&log.names) : " ok");
    fflush(stdout);
    ds_destroy(&log.names);
}

static void
enable_closures(struct vconn *vconn)
{
    struct ofputil_async_cfg cfg;
    FILE *ready;
    int error;

    memset(&cfg, 0, sizeof cfg);
    cfg.master[OAM_CLOSURE] = 1;
    error = vconn_send_block(vconn, ofputil_encode_set_async_config(
                                 &cfg, 1u << OAM_CLOSURE,
                                 vconn_get_version(vconn)));
    if (error) {
        ovs_fatal(error, "enabling closures failed");
    }
    report_errors(vconn, "enable closures");

    ready = fopen("controller.ready", "w");
    if (!ready) {
        ovs_fatal(errno, "controller.ready");
    }
    fclose(ready);
}

/* Waits for the next NXT_CLOSURE and returns it (owned by the caller). */
static struct ofpbuf *
wait_for_closure(struct vconn *vconn)
{
    for (;;) {
        struct ofpbuf *msg;
        enum ofpraw raw;
        int error;

        error = vconn_recv_block(vconn, &msg);
        if (error) {
            ovs_fatal(error, "connection to the switch failed");
        }
        if (!ofpraw_decode(&raw, msg->data) && raw == OFPRAW_NXT_CLOSURE) {
            return msg;
        }
        ofpbuf_delete(msg);
    }
}

/* Builds the NXT_RESUME for 'closure_msg' after letting 'edit' (if
 * nonnull) change the public part. */
static struct ofpbuf *
make_resume(struct vconn *vconn, const struct ofpbuf *closure_msg,
            void (*edit)(struct ofputil_closure *, char *argv[]),
            char *argv[])
{
    enum ofputil_protocol protocol
        = ofputil_protocol_from_ofp_version(vconn_get_version(vconn));
    struct ofputil_closure closure;
    struct ofpbuf private;
    struct ofpbuf *resume;
    enum ofperr error;

    ofpbuf_init(&private, 0);
    error = ofputil_decode_closure(closure_msg->data, &closure, &private);
    if (error) {
        ovs_fatal(0, "decoding NXT_CLOSURE failed (%s)",
                  ofperr_to_string(error));
    }
    if (edit) {
        edit(&closure, argv);
    }
    resume = ofputil_encode_resume(&closure, &private, protocol);
    ofputil_closure_destroy(&closure);
    ofpbuf_uninit(&private);
    return resume;
}

static void
send_or_die(struct vconn *vconn, struct ofpbuf *msg)
{
    int error = vconn_send_block(vconn, msg);
    if (error) {
        ovs_fatal(error, "send failed");
    }
}

static void
edit_set_reg(struct ofputil_closure *closure, char *argv[])
{
    char *name = xasprintf("reg%s", argv[0]);
    const struct mf_field *field = mf_from_name(name);
    union mf_value value;

    if (!field) {
        ovs_fatal(0, "%s: unknown register", name);
    }
    memset(&value, 0, sizeof value);
    value.be32 = htonl(strtoul(argv[1], NULL, 0));
    mf_set_value(field, &value, &closure->metadata);
    free(name);
}

static void
edit_set_packet(struct ofputil_closure *closure, char *argv[])
{
    struct ofpbuf packet;

    ofpbuf_init(&packet, 0);
    if (ofpbuf_put_hex(&packet, argv[0], NULL)[0] != '\0') {
        ovs_fatal(0, "%s: bad hex packet", argv[0]);
    }
    free(closure->packet);
    closure->packet_len = packet.size;
    closure->packet = ofpbuf_steal_data(&packet);
}

/* Damages 'msg' (an NXT_RESUME) in one of several ways chosen at random:
 * flipped bytes, a truncation with the header length adjusted, a
 * property's length field changed, or a duplicated tail. */
static void
damage(struct ofpbuf *msg)
{
    size_t header = sizeof(struct nicira_header);
    uint8_t *p = msg->data;
    size_t n;

    switch (random_range(4)) {
    case 0:
        for (n = 1 + random_range(3); n > 0; n--) {
            p[header + random_range(msg->size - header)]
                ^= 1u << random_range(8);
        }
        break;
    case 1:
        msg->size = header + random_range(msg->size - header);
        break;
    case 2: {
        /* Property headers sit at 8-byte boundaries after the header; its
         * length is the second 16-bit word. */
        size_t n_slots = (msg->size - header) / 8;
        if (n_slots) {
            size_t ofs = header + 8 * random_range(n_slots) + 2;
            p[ofs] = random_uint8();
            p[ofs + 1] = random_uint8();
        }
        break;
    }
    default: {
        size_t tail = header + ROUND_DOWN(random_range(msg->size - header),
                                          8);
        ofpbuf_put(msg, p + tail, msg->size - tail);
        break;
    }
    }
    ofpmsg_update_length(msg);
}

static void
fuzz(struct vconn *vconn, const struct ofpbuf *resume, int n, int seed)
{
    struct error_log log = ERROR_LOG_INITIALIZER;

    random_set_seed(seed);
    for (int i = 0; i < n; i++) {
        struct ofpbuf *copy = ofpbuf_clone(resume);
        damage(copy);
        send_and_drain(vconn, copy, &log);
    }
    wait_for_barrier(vconn, &log);
    printf("fuzz: %d damaged resumes sent, switch still answering, %s\n",
           n, log.n ? "errors reported" : "NO ERRORS");
    ds_destroy(&log.names);

    send_or_die(vconn, ofpbuf_clone(resume));
    report_errors(vconn, "intact resume");
}

static void
test_closure_controller_main(int argc, char *argv[])
{
    const char *target, *versions, *mode;
    struct vconn *vconn;

    if (argc < 4) {
        ovs_fatal(0, "usage: %s TARGET VERSIONS MODE [ARG...]", argv[0]);
    }
    target = argv[1];
    versions = argv[2];
    mode = argv[3];
    vconn = connect_or_die(target, versions);

    if (!strcmp(mode, "send")) {
        FILE *f;
        struct ofpbuf saved;
        char buf[4096];
        size_t n;

        if (argc != 5) {
            ovs_fatal(0, "send needs FILE");
        }
        f = fopen(argv[4], "rb");
        if (!f) {
            ovs_fatal(errno, "%s", argv[4]);
        }
        ofpbuf_init(&saved, 0);
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            ofpbuf_put(&saved, buf, n);
        }
        fclose(f);
        send_or_die(vconn, make_resume(vconn, &saved, NULL, NULL));
        report_errors(vconn, "resume");
        ofpbuf_uninit(&saved);
        vconn_close(vconn);
        return;
    }

    enable_closures(vconn);
    struct ofpbuf *closure = wait_for_closure(vconn);
    if (!strcmp(mode, "set-reg") && argc == 6) {
        send_or_die(vconn, make_resume(vconn, closure, edit_set_reg,
                                       &argv[4]));
        report_errors(vconn, "resume");
    } else if (!strcmp(mode, "set-packet") && argc == 5) {
        send_or_die(vconn, make_resume(vconn, closure, edit_set_packet,
                                       &argv[4]));
        report_errors(vconn, "resume");
    } else if (!strcmp(mode, "twice") && argc == 4) {
        struct ofpbuf *resume = make_resume(vconn, closure, NULL, NULL);
        send_or_die(vconn, ofpbuf_clone(resume));
        report_errors(vconn, "first resume");
        send_or_die(vconn, resume);
        report_errors(vconn, "second resume");
    } else if (!strcmp(mode, "save") && argc == 5) {
        FILE *f = fopen(argv[4], "wb");
        if (!f || fwrite(closure->data, 1, closure->size, f) != closure->size
            || fclose(f)) {
            ovs_fatal(errno, "%s: write failed", argv[4]);
        }
        printf("saved\n");
    } else if (!strcmp(mode, "slave") && argc == 4) {
        enum ofputil_protocol protocol
            = ofputil_protocol_from_ofp_version(vconn_get_version(vconn));
        struct ofputil_role_request rr = {
            .role = OFPCR12_ROLE_SLAVE,
            .generation_id = 1,
            .have_generation_id = true,
        };

        send_or_die(vconn, ofputil_encode_role_request(&rr, protocol));
        report_errors(vconn, "become slave");
        send_or_die(vconn, make_resume(vconn, closure, NULL, NULL));
        report_errors(vconn, "resume");
    } else if (!strcmp(mode, "fuzz") && argc == 6) {
        struct ofpbuf *resume = make_resume(vconn, closure, NULL, NULL);
        fuzz(vconn, resume, atoi(argv[4]), atoi(argv[5]));
        ofpbuf_delete(resume);
    } else {
        ovs_fatal(0, "%s: unknown mode or wrong arguments", mode);
    }
    ofpbuf_delete(closure);
    vconn_close(vconn);
}

OVSTEST_REGISTER("test-closure-controller", test_closure_controller_main);
