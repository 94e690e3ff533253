/*
 * Prints, one hex string per line, messages built by the OpenFlow codec's
 * encoders, in every version that has them.  tests/interop/ofp-print.at
 * feeds the lines to independent decoders (Open vSwitch's ovs-ofctl,
 * tshark) and to ours and compares.
 *
 *   ovstest test-ofp-encode [closures]
 *       Without arguments, only messages that Open vSwitch 3.1 also
 *       knows; with "closures", only the async-config messages that carry
 *       the closure extension.
 */

#include <config.h>

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "ofp-actions.h"
#include "ofp-connection.h"
#include "openflow/nicira-ext.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "ofp-protocol.h"
#include "ofp-switch.h"
#include "ofp-table-stats.h"
#include "openvswitch/list.h"
#include "openvswitch/ofpbuf.h"
#include "openvswitch/util.h"
#include "ovstest.h"

static void
emit(struct ofpbuf *msg)
{
    const uint8_t *p = msg->data;
    for (size_t i = 0; i < msg->size; i++) {
        printf("%02x", p[i]);
    }
    printf("\n");
    ofpbuf_delete(msg);
}

static void
emit_list(struct ovs_list *replies)
{
    struct ofpbuf *msg;
    LIST_FOR_EACH_POP (msg, list_node, replies) {
        emit(msg);
    }
}

static struct ofputil_phy_port
sample_port(uint16_t port_no, const char *name)
{
    struct ofputil_phy_port pp;

    memset(&pp, 0, sizeof pp);
    pp.port_no = u16_to_ofp(port_no);
    uint8_t mac[6] = { 0x50, 0x54, 0x00, 0x00, 0x00, port_no & 0xff };
    memcpy(pp.hw_addr.ea, mac, sizeof mac);
    ovs_strlcpy(pp.name, name, sizeof pp.name);
    pp.config = OFPUTIL_PC_NO_PACKET_IN;
    pp.state = OFPUTIL_PS_LINK_DOWN;
    pp.curr = NETDEV_F_1GB_FD | NETDEV_F_COPPER | NETDEV_F_AUTONEG;
    pp.advertised = pp.curr;
    pp.supported = pp.curr | NETDEV_F_100MB_FD;
    pp.curr_speed = 1000000;
    pp.max_speed = 1000000;
    return pp;
}

/* Table stats replies to 'request'.  The OpenFlow 1.1 and 1.2 ones vary
 * the capabilities from table to table so that every abbreviation of the
 * printout shows up: a repeated table, repeated features with other
 * counters, repeated matching or actions, and differing write and apply
 * actions. */
static void
emit_table_stats_replies(const struct ofp_header *request)
{
    struct ofpbuf *reply = ofpraw_alloc_stats_reply(request, 0);
    struct ofputil_table_stats ts = {
        .table_id = 0, .name = "classifier",
        .max_entries = 1000000, .ofp10_wildcards = 0x3fffff,
        .active_count = 4, .lookup_count = 10, .matched_count = 8,
    };
    struct ofputil_table_caps *caps = &ts.caps;

    caps->metadata_match = UINT64_MAX;
    caps->metadata_write = 0xff00;
    caps->instructions = (1u << N_OVS_INSTRUCTIONS) - 1;
    caps->write.actions = ((1u << OTA_OUTPUT) | (1u << OTA_SET_FIELD)
                           | (1u << OTA_SET_VLAN_VID) | (1u << OTA_POP_VLAN)
                           | (1u << OTA_DEC_NW_TTL));
    caps->write.set_fields = ((UINT64_C(1) << OTF_ETH_SRC)
                              | (UINT64_C(1) << OTF_ETH_DST)
                              | (UINT64_C(1) << OTF_IP_DSCP));
    caps->apply = caps->write;
    caps->match = (UINT64_C(1) << N_OTFS) - 1;
    caps->wildcard = caps->match & ~(UINT64_C(1) << OTF_ETH_TYPE);
    ofputil_append_table_stats_reply(reply, &ts);

    /* Same features, other counters; then the same again. */
    ts.table_id = 1;
    ts.name[0] = '\0';
    ts.active_count = 0;
    ofputil_append_table_stats_reply(reply, &ts);
    ts.table_id = 2;
    ofputil_append_table_stats_reply(reply, &ts);
    ts.table_id = 3;
    ofputil_append_table_stats_reply(reply, &ts);

    /* Other miss behaviour and instructions, same actions and matching. */
    ts.table_id = 4;
    caps->miss = OFPUTIL_TABLE_MISS_DROP;
    caps->instructions &= ~(1u << OVSINST_OFPIT11_GOTO_TABLE);
    ofputil_append_table_stats_reply(reply, &ts);

    /* Apply-actions differ from write-actions; fewer match fields. */
    ts.table_id = 5;
    ovs_strlcpy(ts.name, "last", sizeof ts.name);
    caps->miss = OFPUTIL_TABLE_MISS_CONTINUE;
    caps->apply.actions |= 1u << OTA_PUSH_VLAN;
    caps->apply.set_fields |= UINT64_C(1) << OTF_VLAN_VID;
    caps->match &= ~(UINT64_C(1) << OTF_METADATA);
    caps->wildcard &= caps->match;
    ofputil_append_table_stats_reply(reply, &ts);

    emit(reply);
}

static void
emit_standard(void)
{
    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        enum ofputil_protocol p = ofputil_protocol_from_ofp_version(v);
        struct ofputil_phy_port pp = sample_port(3, "eth3");
        struct ofputil_phy_port local = sample_port(0xfffe, "br0");

        /* Hello with and without a bitmap. */
        emit(ofputil_encode_hello((2u << v) - 2));
        emit(ofputil_encode_hello((1u << v) | (1u << OFP10_VERSION)));

        /* Echo, features, config, barrier. */
        struct ofpbuf *echo = ofpraw_alloc(OFPRAW_OFPT_ECHO_REQUEST, v, 4);
        ofpbuf_put(echo, "abcd", 4);
        ofpmsg_update_length(echo);
        emit(echo);
        emit(ofpraw_alloc(OFPRAW_OFPT_FEATURES_REQUEST, v, 0));

        struct ofputil_switch_features sf = {
            .datapath_id = 0x0123456789abcdefULL,
            .n_buffers = 256,
            .n_tables = 254,
            .capabilities = (OFPUTIL_C_FLOW_STATS | OFPUTIL_C_TABLE_STATS
                             | OFPUTIL_C_PORT_STATS
                             | OFPUTIL_C_QUEUE_STATS),
            .ofp10_actions = v == OFP10_VERSION ? 0xfff : 0,
        };
        struct ofpbuf *features = ofputil_encode_switch_features(
            &sf, p, htonl(7));
        ofputil_put_switch_features_port(&pp, features);
        ofputil_put_switch_features_port(&local, features);
        emit(features);

        struct ofputil_switch_config sc = {
            .frag = OFPUTIL_FRAG_DROP,
            .invalid_ttl_to_controller = 1,
            .miss_send_len = 128,
        };
        emit(ofputil_encode_set_config(&sc, v));
        emit(ofpraw_alloc(OFPRAW_OFPT_GET_CONFIG_REQUEST, v, 0));
        emit(ofpraw_alloc(v == OFP10_VERSION
                          ? OFPRAW_OFPT10_BARRIER_REQUEST
                          : OFPRAW_OFPT11_BARRIER_REQUEST, v, 0));

        /* Ports. */
        struct ofputil_port_status ps = { .reason = OFPPR_MODIFY,
                                          .desc = pp };
        emit(ofputil_encode_port_status(&ps, p));
        struct ofputil_port_mod pm = {
            .port_no = pp.port_no,
            .hw_addr = pp.hw_addr,
            .config = OFPUTIL_PC_PORT_DOWN,
            .mask = OFPUTIL_PC_PORT_DOWN | OFPUTIL_PC_NO_PACKET_IN,
            .advertise = NETDEV_F_10GB_FD | NETDEV_F_FIBER,
        };
        emit(ofputil_encode_port_mod(&pm, p));
        emit(ofputil_encode_port_desc_stats_request(v, OFPP_NONE));

        struct ofpbuf *request = ofputil_encode_port_desc_stats_request(
            v, OFPP_NONE);
        struct ovs_list replies;
        ofpmp_init(&replies, request->data);
        ofputil_append_port_desc_stats_reply(&pp, &replies);
        ofputil_append_port_desc_stats_reply(&local, &replies);
        emit_list(&replies);
        ofpbuf_delete(request);

        emit(ofputil_encode_port_stats_request(v, u16_to_ofp(3)));
        request = ofputil_encode_port_stats_request(v, OFPP_NONE);
        ofpmp_init(&replies, request->data);
        struct ofputil_port_stats stats = {
            .port_no = pp.port_no,
            .rx_packets = 1, .tx_packets = 2, .rx_bytes = 3, .tx_bytes = 4,
            .rx_dropped = 5, .tx_dropped = 6, .rx_errors = 7,
            .tx_errors = 8, .rx_frame_errors = 9, .rx_over_errors = 10,
            .rx_crc_errors = 11, .collisions = 12,
            .duration_sec = v >= OFP13_VERSION ? 10 : UINT32_MAX,
            .duration_nsec = 500000000,
        };
        ofputil_append_port_stat(&replies, &stats);
        emit_list(&replies);
        ofpbuf_delete(request);

        /* Description, aggregate and table statistics. */
        struct ofpbuf *desc_request = ofpraw_alloc(OFPRAW_OFPST_DESC_REQUEST,
                                                   v, 0);
        struct ofputil_desc_stats ds;
        memset(&ds, 0, sizeof ds);
        ovs_strlcpy(ds.mfr_desc, "Closures Inc.", sizeof ds.mfr_desc);
        ovs_strlcpy(ds.hw_desc, "virtual", sizeof ds.hw_desc);
        ovs_strlcpy(ds.sw_desc, "0.1", sizeof ds.sw_desc);
        ovs_strlcpy(ds.serial_num, "None", sizeof ds.serial_num);
        ovs_strlcpy(ds.dp_desc, "br0", sizeof ds.dp_desc);
        emit(ofpbuf_clone(desc_request));
        emit(ofputil_encode_desc_stats_reply(desc_request->data, &ds));
        ofpbuf_delete(desc_request);

        struct ofpbuf *agg_request = ofpraw_alloc(
            v == OFP10_VERSION ? OFPRAW_OFPST10_AGGREGATE_REQUEST
            : OFPRAW_OFPST11_AGGREGATE_REQUEST, v, 0);
        ofpbuf_put_zeros(agg_request, v == OFP10_VERSION ? 44 : 32);
        ofpmsg_update_length(agg_request);
        struct ofputil_aggregate_stats as = { 100, 6400, 3 };
        emit(ofputil_encode_aggregate_stats_reply(&as, agg_request->data));
        ofpbuf_delete(agg_request);

        struct ofpbuf *table_request = ofputil_encode_table_stats_request(v);
        emit_table_stats_replies(table_request->data);
        emit(table_request);

        /* Roles. */
        struct ofputil_role_request rr = {
            .role = OFPCR12_ROLE_MASTER, .have_generation_id = true,
            .generation_id = 99,
        };
        struct ofpbuf *role = ofputil_encode_role_request(&rr, p);
        rr.role = OFPCR12_ROLE_SLAVE;
        emit(ofputil_encode_role_reply(role->data, &rr));
        emit(role);

        /* Async config without extensions. */
        struct ofputil_async_cfg ac = ofputil_async_cfg_default(v);
        uint32_t oams = ((1u << OAM_PACKET_IN) | (1u << OAM_PORT_STATUS)
                         | (1u << OAM_FLOW_REMOVED));
        emit(ofputil_encode_set_async_config(&ac, oams, v));
        if (v >= OFP13_VERSION) {
            struct ofpbuf *get = ofputil_encode_get_async_request(v);
            emit(ofputil_encode_get_async_reply(get->data, &ac));
            emit(get);
        }

        /* Nicira connection settings. */
        emit(ofputil_encode_set_packet_in_format(v, OFPUTIL_PACKET_IN_NXT));
        emit(ofputil_encode_set_controller_id(v, 42));

        /* Errors. */
        struct ofpbuf *hello = ofputil_encode_hello(1u << v);
        emit(ofperr_encode_reply(OFPERR_OFPBRC_BAD_TYPE, hello->data));
        emit(ofperr_encode_reply(OFPERR_NXBRC_MUST_BE_ZERO, hello->data));
        emit(ofperr_encode_hello(OFPERR_OFPHFC_INCOMPATIBLE, v,
                                 "no common version"));
        ofpbuf_delete(hello);
    }

    /* OpenFlow 1.0 only: flow format and table-id extensions. */
    emit(ofputil_encode_nx_set_flow_format(NXFF_NXM));
    emit(ofputil_encode_nx_set_flow_format(NXFF_OPENFLOW10));
    emit(ofputil_encode_nx_flow_mod_table_id(true));
}

static void
emit_closures(void)
{
    for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
        struct ofputil_async_cfg ac = ofputil_async_cfg_default(v);
        ac.master[OAM_CLOSURE] = 1;
        emit(ofputil_encode_set_async_config(&ac, 1u << OAM_CLOSURE, v));
    }
}

static void
test_ofp_encode_main(int argc, char *argv[])
{
    if (argc > 1 && !strcmp(argv[1], "closures")) {
        emit_closures();
    } else {
        emit_standard();
    }
}

OVSTEST_REGISTER("test-ofp-encode", test_ofp_encode_main);
