/*
 * Tests of lib/vconn.c and lib/rconn.c over Unix domain sockets in the
 * current directory.  Both ends run in this one process; each loop runs
 * until the interesting thing happened or a connection failed, so no test
 * depends on timing.
 *
 *   ovstest test-vconn negotiate SERVER_VERSIONS CLIENT_VERSIONS
 *       Connects with the given version lists (e.g. OpenFlow10,OpenFlow13)
 *       and prints what each side ended up with.
 *   ovstest test-vconn transact VERSIONS
 *       Sends an echo request with vconn_transact() and prints the reply.
 *   ovstest test-vconn refused
 *       Connects to a socket that does not exist.
 *   ovstest test-vconn serve VERSIONS
 *       Serves one connection, printing what arrives and answering echo
 *       requests (for tests against other OpenFlow clients).
 *   ovstest test-vconn rconn
 *       Runs an rconn against a listener: connect, send through the queue,
 *       have an echo request answered automatically, see the peer close.
 */

#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "ofp-connection.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "rconn.h"
#include "vconn.h"

#define SOCKET "test-vconn.sock"

static uint32_t
parse_versions(const char *s)
{
    uint32_t versions = ofputil_versions_from_string(s);
    if (!versions) {
        ovs_fatal(0, "%s: bad version list", s);
    }
    return versions;
}

static struct pvconn *
listen_or_die(uint32_t versions)
{
    struct pvconn *pvconn;
    unlink(SOCKET);
    int error = pvconn_open("punix:" SOCKET, versions, 0, &pvconn);
    if (error) {
        ovs_fatal(error, "punix:%s", SOCKET);
    }
    return pvconn;
}

static struct vconn *
accept_block(struct pvconn *pvconn)
{
    for (;;) {
        struct vconn *vconn;
        int error = pvconn_accept(pvconn, &vconn);
        if (!error) {
            return vconn;
        } else if (error != EAGAIN) {
            ovs_fatal(error, "accept");
        }
        pvconn_wait(pvconn);
        poll_block();
    }
}

static void
print_status(const char *who, struct vconn *vconn)
{
    int error = vconn_get_status(vconn);
    if (!error) {
        printf("%s: connected, version 0x%02x\n", who,
               vconn_get_version(vconn));
    } else {
        printf("%s: %s\n", who, ovs_retval_to_string(error));
    }
}

/* Runs both ends until neither is still negotiating. */
static void
negotiate(struct vconn *a, struct vconn *b)
{
    while (vconn_connect(a) == EAGAIN || vconn_connect(b) == EAGAIN) {
        vconn_run(a);
        vconn_run(b);
        vconn_run_wait(a);
        vconn_run_wait(b);
        vconn_connect_wait(a);
        vconn_connect_wait(b);
        poll_block();
    }
}

static void
test_negotiate(const char *server_versions, const char *client_versions)
{
    struct pvconn *pvconn = listen_or_die(parse_versions(server_versions));
    struct vconn *client;

    int error = vconn_open("unix:" SOCKET, parse_versions(client_versions),
                           0, &client);
    if (error) {
        ovs_fatal(error, "unix:%s", SOCKET);
    }
    struct vconn *server = accept_block(pvconn);

    negotiate(server, client);
    print_status("server", server);
    print_status("client", client);

    /* When negotiation failed, the side that noticed first sent an
     * OFPHFC_INCOMPATIBLE error; show it as the other side got it. */
    if (vconn_get_status(client) && vconn_get_status(server)) {
        printf("(no further messages)\n");
    }

    vconn_close(client);
    vconn_close(server);
    pvconn_close(pvconn);
    unlink(SOCKET);
}

/* The server answers one echo request. */
static void
test_transact(const char *versions)
{
    uint32_t v = parse_versions(versions);
    struct pvconn *pvconn = listen_or_die(v);
    struct vconn *client;

    ovs_assert(!vconn_open("unix:" SOCKET, v, 0, &client));
    struct vconn *server = accept_block(pvconn);
    negotiate(server, client);

    struct ofpbuf *request = ofpraw_alloc(OFPRAW_OFPT_ECHO_REQUEST,
                                          vconn_get_version(client), 4);
    ofpbuf_put(request, "ping", 4);
    ofpmsg_update_length(request);
    ovs_be32 xid = ((struct ofp_header *) request->data)->xid;
    ovs_assert(!vconn_send_block(client, request));

    struct ofpbuf *msg;
    ovs_assert(!vconn_recv_block(server, &msg));
    struct ofpbuf *reply = ofpraw_alloc_reply(OFPRAW_OFPT_ECHO_REPLY,
                                              msg->data, 4);
    ofpbuf_put(reply, (uint8_t *) msg->data + 8, msg->size - 8);
    ofpmsg_update_length(reply);
    ofpbuf_delete(msg);
    ovs_assert(!vconn_send_block(server, reply));

    ovs_assert(!vconn_recv_xid(client, xid, &msg));
    ofp_print(stdout, msg->data, msg->size, NULL, 2);
    ofpbuf_delete(msg);

    vconn_close(client);
    vconn_close(server);
    pvconn_close(pvconn);
    unlink(SOCKET);
}

static void
test_refused(void)
{
    struct vconn *vconn;

    unlink(SOCKET);
    int error = vconn_open("unix:" SOCKET, 0, 0, &vconn);
    if (!error) {
        error = vconn_connect_block(vconn, -1);
        vconn_close(vconn);
    }
    printf("%s\n", ovs_strerror(error));
    printf("bogus:x -> %s\n",
           ovs_strerror(vconn_open("bogus:x", 0, 0, &vconn)));
}

static void
test_rconn(void)
{
    uint32_t v = 1u << OFP13_VERSION;
    struct pvconn *pvconn = listen_or_die(v);
    struct rconn *rc = rconn_create(0, 0, 0, v);
    struct rconn_packet_counter *counter = rconn_packet_counter_create();
    struct vconn *server = NULL;

    printf("state before connect: %s\n", rconn_get_state(rc));
    rconn_connect(rc, "unix:" SOCKET, "ctl");

    /* Run until both sides are connected. */
    while (!rconn_is_connected(rc) || !server
           || vconn_connect(server) == EAGAIN) {
        rconn_run(rc);
        if (!server) {
            int error = pvconn_accept(pvconn, &server);
            ovs_assert(!error || error == EAGAIN);
        }
        if (server) {
            vconn_run(server);
            vconn_run_wait(server);
            vconn_connect_wait(server);
        } else {
            pvconn_wait(pvconn);
        }
        rconn_run_wait(rc);
        poll_block();
    }
    printf("state: %s, version 0x%02x, admitted: %s\n", rconn_get_state(rc),
           rconn_get_version(rc), rconn_is_admitted(rc) ? "yes" : "no");

    /* Send a barrier request through the queue, charged to 'counter'. */
    struct ofpbuf *msg = ofpraw_alloc(OFPRAW_OFPT11_BARRIER_REQUEST,
                                      OFP13_VERSION, 0);
    ovs_assert(!rconn_send(rc, msg, counter));
    ovs_assert(!vconn_recv_block(server, &msg));
    ofp_print(stdout, msg->data, msg->size, NULL, 2);
    ofpbuf_delete(msg);
    printf("queued after send: %u\n",
           rconn_packet_counter_n_packets(counter));

    /* An echo request from the server is answered by the rconn itself. */
    msg = ofpraw_alloc(OFPRAW_OFPT_ECHO_REQUEST, OFP13_VERSION, 0);
    ovs_assert(!vconn_send_block(server, msg));
    struct ofpbuf *reply = NULL;
    while (!reply) {
        rconn_run(rc);
        ovs_assert(!rconn_recv(rc));
        int error = vconn_recv(server, &reply);
        ovs_assert(!error || error == EAGAIN);
        rconn_run_wait(rc);
        rconn_recv_wait(rc);
        vconn_recv_wait(server);
        if (!reply) {
            poll_block();
        }
    }
    ofp_print(stdout, reply->data, reply->size, NULL, 2);
    ofpbuf_delete(reply);

    /* A real message is admitted and delivered. */
    msg = ofpraw_alloc(OFPRAW_OFPT11_BARRIER_REPLY, OFP13_VERSION, 0);
    ovs_assert(!vconn_send_block(server, msg));
    for (msg = NULL; !msg; ) {
        rconn_run(rc);
        msg = rconn_recv(rc);
        if (!msg) {
            rconn_run_wait(rc);
            rconn_recv_wait(rc);
            poll_block();
        }
    }
    ofp_print(stdout, msg->data, msg->size, NULL, 2);
    ofpbuf_delete(msg);
    printf("admitted: %s, received: %u, sent: %u\n",
           rconn_is_admitted(rc) ? "yes" : "no",
           rconn_packets_received(rc), rconn_packets_sent(rc));

    /* The peer goes away. */
    unsigned int seqno = rconn_get_connection_seqno(rc);
    vconn_close(server);
    while (rconn_is_connected(rc)) {
        rconn_run(rc);
        ovs_assert(!rconn_recv(rc));
        rconn_run_wait(rc);
        rconn_recv_wait(rc);
        poll_block();
    }
    printf("after peer close: %s, seqno changed: %s, last error: %s\n",
           rconn_get_state(rc),
           rconn_get_connection_seqno(rc) != seqno ? "yes" : "no",
           ovs_retval_to_string(rconn_get_last_error(rc)));
    printf("send while disconnected: %s\n",
           ovs_strerror(rconn_send(rc, ofpraw_alloc(
                                       OFPRAW_OFPT11_BARRIER_REQUEST,
                                       OFP13_VERSION, 0), counter)));

    rconn_packet_counter_destroy(counter);
    rconn_destroy(rc);
    pvconn_close(pvconn);
    unlink(SOCKET);
}

/* Accepts one connection on SOCKET, prints the first line of each message
 * received and answers echo requests, until the peer closes. */
static void
test_serve(const char *versions)
{
    struct pvconn *pvconn = listen_or_die(parse_versions(versions));

    /* Tell the test script that the socket is ready. */
    printf("listening\n");
    fflush(stdout);

    struct vconn *vconn = accept_block(pvconn);
    for (;;) {
        struct ofpbuf *msg;
        int error = vconn_recv_block(vconn, &msg);
        if (error) {
            printf("closed: %s\n", ovs_retval_to_string(error));
            break;
        }

        char *s = ofp_to_string(msg->data, msg->size, NULL, 1);
        char *nl = strchr(s, '\n');
        printf("%.*s\n", nl ? (int) (nl - s) : (int) strlen(s), s);
        free(s);
        fflush(stdout);

        enum ofptype type;
        const struct ofp_header *oh = msg->data;
        if (!ofptype_decode(&type, oh) && type == OFPTYPE_ECHO_REQUEST) {
            struct ofpbuf *reply = ofpraw_alloc_reply(
                OFPRAW_OFPT_ECHO_REPLY, oh, msg->size);
            ofpbuf_put(reply, oh + 1, msg->size - sizeof *oh);
            ofpmsg_update_length(reply);
            ovs_assert(!vconn_send_block(vconn, reply));
        }
        ofpbuf_delete(msg);
    }
    vconn_close(vconn);
    pvconn_close(pvconn);
}

static void
test_vconn_main(int argc, char *argv[])
{
    if (argc == 4 && !strcmp(argv[1], "negotiate")) {
        test_negotiate(argv[2], argv[3]);
    } else if (argc == 3 && !strcmp(argv[1], "transact")) {
        test_transact(argv[2]);
    } else if (argc == 2 && !strcmp(argv[1], "refused")) {
        test_refused();
    } else if (argc == 3 && !strcmp(argv[1], "serve")) {
        test_serve(argv[2]);
    } else if (argc == 2 && !strcmp(argv[1], "rconn")) {
        test_rconn();
    } else {
        ovs_fatal(0, "usage: test-vconn negotiate|transact|refused|rconn");
    }
}

OVSTEST_REGISTER("test-vconn", test_vconn_main);
