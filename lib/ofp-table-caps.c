/*
 * Table capabilities of OpenFlow 1.1 and 1.2 table stats.
 *
 * Each wire bitmap numbers its bits by a wire code: an action type, an
 * instruction type, an OpenFlow 1.1 match-field flag or an OXM field
 * number.  The catalogs in ofp-table-caps.h give each action and field
 * its codes in both versions, so decoding and encoding are the same loop
 * run in opposite directions, and anything one version cannot name (a
 * set_field action in 1.1, an IPv6 field in 1.1, an OpenFlow 1.1 action
 * such as mod_dl_src in 1.2) silently drops out.
 *
 * Printing follows ovs-ofctl, which shows these entries as table
 * features: sections that repeat the previous table's are abbreviated to
 * "(same ...)", and match fields that share a prefix are grouped as in
 * "eth_{src,dst,type}".
 */

#include <config.h>
#include "ofp-table-caps.h"

#include <inttypes.h>
#include <string.h>

#include "byte-order.h"
#include "ofp-actions.h"
#include "openflow/openflow-1.0.h"
#include "openflow/openflow-1.1.h"
#include "openflow/openflow-1.2.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ofp_table_caps);

static struct vlog_rate_limit bad_rl = VLOG_RATE_LIMIT_INIT(1, 5);

/* A catalog entry: printed name and wire codes (bit numbers). */
struct table_cap_info {
    const char *name;
    int of11;
    int of12;
};

static const struct table_cap_info action_info[N_OTAS] = {
#define OTA(ENUM, NAME, OF11, OF12) { NAME, OF11, OF12 },
    OFPUTIL_TABLE_ACTIONS
#undef OTA
};

static const struct table_cap_info field_info[N_OTFS] = {
#define OTF(ENUM, NAME, OF10, OF11, OF12) { NAME, OF11, OF12 },
    OFPUTIL_TABLE_FIELDS
#undef OTF
};

/* OpenFlow 1.0 wildcard bits of each field (a mask: an IPv4 address has
 * six bits for its prefix length). */
static const uint32_t field_of10_wildcards[N_OTFS] = {
#define OTF(ENUM, NAME, OF10, OF11, OF12) OF10,
    OFPUTIL_TABLE_FIELDS
#undef OTF
};

const char *
ofputil_table_field_name(enum ofputil_table_field field)
{
    return field < N_OTFS ? field_info[field].name : NULL;
}

/* Translates 'wire', a bitmap over the wire codes of 'info' (the OpenFlow
 * 1.1 codes if 'of11', otherwise the 1.2 ones), into a bitmap over the
 * 'n' catalog entries, or the reverse if 'to_wire'. */
static uint64_t
translate_bits(uint64_t bits, const struct table_cap_info *info, size_t n,
               bool of11, bool to_wire)
{
    uint64_t out = 0;

    for (size_t i = 0; i < n; i++) {
        int code = of11 ? info[i].of11 : info[i].of12;
        if (code < 0) {
            continue;
        }
        uint64_t catalog_bit = UINT64_C(1) << i;
        uint64_t wire_bit = UINT64_C(1) << code;
        if (to_wire ? bits & catalog_bit : bits & wire_bit) {
            out |= to_wire ? wire_bit : catalog_bit;
        }
    }
    return out;
}

static uint32_t
actions_from_wire(ovs_be32 wire, bool of11)
{
    return translate_bits(ntohl(wire), action_info, N_OTAS, of11, false);
}

static ovs_be32
actions_to_wire(uint32_t actions, bool of11)
{
    return htonl(translate_bits(actions, action_info, N_OTAS, of11, true));
}

static uint64_t
fields_from_wire(uint64_t wire, bool of11)
{
    return translate_bits(wire, field_info, N_OTFS, of11, false);
}

static uint64_t
fields_to_wire(uint64_t fields, bool of11)
{
    return translate_bits(fields, field_info, N_OTFS, of11, true);
}

static uint32_t
instructions_from_wire(ovs_be32 wire)
{
    uint32_t bits = ntohl(wire);
    uint32_t insts = 0;

    for (int i = 0; i < N_OVS_INSTRUCTIONS; i++) {
        uint16_t code = ovs_instruction_code(i);
        if (code < 32 && bits & (UINT32_C(1) << code)) {
            insts |= UINT32_C(1) << i;
        }
    }
    return insts;
}

static ovs_be32
instructions_to_wire(uint32_t insts)
{
    uint32_t bits = 0;

    for (int i = 0; i < N_OVS_INSTRUCTIONS; i++) {
        uint16_t code = ovs_instruction_code(i);
        if (code < 32 && insts & (UINT32_C(1) << i)) {
            bits |= UINT32_C(1) << code;
        }
    }
    return htonl(bits);
}

/* The miss behaviours have their wire codes as values; the fourth code
 * is reserved and read as the OpenFlow 1.1 default. */
static enum ofputil_table_miss
miss_from_config(ovs_be32 config_)
{
    uint32_t config = ntohl(config_);
    uint32_t code = config & OFPTC11_TABLE_MISS_MASK;

    if (code == OFPTC11_TABLE_MISS_MASK) {
        VLOG_WARN_RL(&bad_rl, "bad table miss config %d", (int) config);
        code = OFPTC11_TABLE_MISS_CONTROLLER;
    }
    return code;
}

static uint64_t
get_be64_field(const void *p)
{
    ovs_be64 x;
    memcpy(&x, p, sizeof x);
    return ntohll(x);
}

static void
put_be64_field(void *p, uint64_t x)
{
    ovs_be64 be = htonll(x);
    memcpy(p, &be, sizeof be);
}

/* OpenFlow 1.0 entries list only the fields that can be wildcarded, which
 * are all that can be matched; there is nothing else to say. */
void
ofputil_table_caps_from_ofp10(struct ofputil_table_caps *caps,
                              uint32_t wildcards)
{
    memset(caps, 0, sizeof *caps);
    for (int i = 0; i < N_OTFS; i++) {
        if (wildcards & field_of10_wildcards[i]) {
            caps->match |= UINT64_C(1) << i;
        }
    }
    caps->wildcard = caps->match;
}

/* OpenFlow 1.1 entries list the fields that may be wildcarded apart from
 * those that can be matched; a field in either can be matched.
 *
 * The "apply_actions" bitmap is read as a copy of "write_actions", the way
 * Open vSwitch reads it, so that both print the same; our switch sends
 * the same bitmap in both. */
void
ofputil_table_caps_from_ofp11(struct ofputil_table_caps *caps,
                              const struct ofp11_table_stats *ots)
{
    uint32_t wildcards = ntohl(ots->wildcards);

    memset(caps, 0, sizeof *caps);
    caps->miss = miss_from_config(ots->config);
    caps->instructions = instructions_from_wire(ots->instructions);
    caps->write.actions = actions_from_wire(ots->write_actions, true);
    caps->apply = caps->write;
    caps->match = fields_from_wire(wildcards | ntohl(ots->match), true);
    caps->wildcard = fields_from_wire(wildcards, true);
}

void
ofputil_table_caps_to_ofp11(const struct ofputil_table_caps *caps,
                            struct ofp11_table_stats *ots)
{
    ots->wildcards = htonl(fields_to_wire(caps->wildcard, true));
    ots->match = htonl(fields_to_wire(caps->match, true));
    ots->instructions = instructions_to_wire(caps->instructions);
    ots->write_actions = actions_to_wire(caps->write.actions, true);
    ots->apply_actions = actions_to_wire(caps->apply.actions, true);
    ots->config = htonl(caps->miss);
}

void
ofputil_table_caps_from_ofp12(struct ofputil_table_caps *caps,
                              const struct ofp12_table_stats *ots)
{
    uint64_t wildcards = get_be64_field(&ots->wildcards);
    uint64_t match = get_be64_field(&ots->match);

    memset(caps, 0, sizeof *caps);
    caps->miss = miss_from_config(ots->config);
    caps->metadata_match = get_be64_field(&ots->metadata_match);
    caps->metadata_write = get_be64_field(&ots->metadata_write);
    caps->instructions = instructions_from_wire(ots->instructions);
    caps->write.actions = actions_from_wire(ots->write_actions, false);
    caps->write.set_fields = fields_from_wire(
        get_be64_field(&ots->write_setfields), false);
    caps->apply.actions = actions_from_wire(ots->apply_actions, false);
    caps->apply.set_fields = fields_from_wire(
        get_be64_field(&ots->apply_setfields), false);
    caps->match = fields_from_wire(wildcards | match, false);
    caps->wildcard = fields_from_wire(wildcards, false);
}

void
ofputil_table_caps_to_ofp12(const struct ofputil_table_caps *caps,
                            struct ofp12_table_stats *ots)
{
    put_be64_field(&ots->match, fields_to_wire(caps->match, false));
    put_be64_field(&ots->wildcards, fields_to_wire(caps->wildcard, false));
    ots->write_actions = actions_to_wire(caps->write.actions, false);
    ots->apply_actions = actions_to_wire(caps->apply.actions, false);
    put_be64_field(&ots->write_setfields,
                   fields_to_wire(caps->write.set_fields, false));
    put_be64_field(&ots->apply_setfields,
                   fields_to_wire(caps->apply.set_fields, false));
    put_be64_field(&ots->metadata_match, caps->metadata_match);
    put_be64_field(&ots->metadata_write, caps->metadata_write);
    ots->instructions = instructions_to_wire(caps->instructions);
    ots->config = htonl(caps->miss);
}

static bool
action_caps_equal(const struct ofputil_table_action_caps *a,
                  const struct ofputil_table_action_caps *b)
{
    return a->actions == b->actions && a->set_fields == b->set_fields;
}

static bool
action_caps_empty(const struct ofputil_table_action_caps *a)
{
    return !a->actions && !a->set_fields;
}

/* Instructions and the actions that go with them. */
static bool
instruction_caps_equal(const struct ofputil_table_caps *a,
                       const struct ofputil_table_caps *b)
{
    return (a->instructions == b->instructions
            && action_caps_equal(&a->write, &b->write)
            && action_caps_equal(&a->apply, &b->apply));
}

bool
ofputil_table_caps_equal(const struct ofputil_table_caps *a,
                         const struct ofputil_table_caps *b)
{
    return (a->miss == b->miss
            && a->metadata_match == b->metadata_match
            && a->metadata_write == b->metadata_write
            && instruction_caps_equal(a, b)
            && a->match == b->match);
}

static const char *
miss_name(enum ofputil_table_miss miss)
{
    switch (miss) {
    case OFPUTIL_TABLE_MISS_CONTINUE:
        return "continue";
    case OFPUTIL_TABLE_MISS_DROP:
        return "drop";
    case OFPUTIL_TABLE_MISS_CONTROLLER:
    default:
        return "controller";
    }
}

void
ofputil_table_caps_format_config(struct ds *s,
                                 const struct ofputil_table_caps *caps)
{
    if (caps->metadata_match || caps->metadata_write) {
        ds_put_format(s, "    metadata: match=%#"PRIx64" write=%#"PRIx64"\n",
                      caps->metadata_match, caps->metadata_write);
    }
    ds_put_format(s, "    config=%s\n", miss_name(caps->miss));
}

/* Length of the part of 'name' before its first '_', or 0 if none. */
static size_t
field_prefix_len(const char *name)
{
    const char *underscore = strchr(name, '_');
    return underscore ? underscore - name : 0;
}

static bool
same_prefix(const char *a, const char *b)
{
    size_t len = field_prefix_len(a);
    return len && len == field_prefix_len(b) && !strncmp(a, b, len);
}

/* Appends the names of 'fields' separated by spaces, grouping a run of
 * names with a common prefix into "prefix_{x,y,z}". */
static void
put_fields(struct ds *s, uint64_t fields)
{
    const char *names[N_OTFS];
    size_t n = 0;

    for (int i = 0; i < N_OTFS; i++) {
        if (fields & (UINT64_C(1) << i)) {
            names[n++] = field_info[i].name;
        }
    }

    for (size_t i = 0; i < n; ) {
        size_t end = i + 1;
        while (end < n && same_prefix(names[i], names[end])) {
            end++;
        }

        ds_put_char(s, ' ');
        if (end - i == 1) {
            ds_put_cstr(s, names[i]);
        } else {
            size_t len = field_prefix_len(names[i]);
            ds_put_format(s, "%.*s_{", (int) len, names[i]);
            for (size_t j = i; j < end; j++) {
                ds_put_format(s, "%s%s", j > i ? "," : "",
                              names[j] + len + 1);
            }
            ds_put_char(s, '}');
        }
        i = end;
    }
}

static void
put_action_caps(struct ds *s, const struct ofputil_table_action_caps *a)
{
    if (a->actions) {
        ds_put_cstr(s, "        actions:");
        for (int i = 0; i < N_OTAS; i++) {
            if (a->actions & (UINT32_C(1) << i)) {
                ds_put_format(s, " %s", action_info[i].name);
            }
        }
        ds_put_char(s, '\n');
    }
    if (a->set_fields) {
        ds_put_cstr(s, "        supported on Set-Field:");
        put_fields(s, a->set_fields);
        ds_put_char(s, '\n');
    }
}

static void
format_instructions(struct ds *s, const struct ofputil_table_caps *caps,
                    const struct ofputil_table_caps *prev)
{
    if (!caps->instructions && action_caps_empty(&caps->write)
        && action_caps_empty(&caps->apply)) {
        return;
    } else if (prev && instruction_caps_equal(caps, prev)) {
        ds_put_cstr(s, "    (same instructions)\n");
        return;
    }

    /* OpenFlow 1.1 and 1.2 cannot give table-miss flows different
     * capabilities from other flows. */
    ds_put_cstr(s, "    instructions (table miss and others):\n");
    if (caps->instructions) {
        if (prev && caps->instructions == prev->instructions) {
            ds_put_cstr(s, "      (same instructions)\n");
        } else {
            ds_put_cstr(s, "      instructions:");
            for (int i = 0; i < N_OVS_INSTRUCTIONS; i++) {
                if (caps->instructions & (UINT32_C(1) << i)) {
                    ds_put_format(s, " %s",
                                  ovs_instruction_name_from_type(i));
                }
            }
            ds_put_char(s, '\n');
        }
    }

    /* ovs-ofctl abbreviates repeated actions only when they include some
     * set_field capabilities (so never for OpenFlow 1.1). */
    if (prev && action_caps_equal(&caps->write, &prev->write)
        && action_caps_equal(&caps->apply, &prev->apply)
        && caps->write.set_fields) {
        ds_put_cstr(s, "      (same actions)\n");
    } else if (action_caps_equal(&caps->write, &caps->apply)) {
        if (!action_caps_empty(&caps->write)) {
            ds_put_cstr(s, "      Write-Actions and Apply-Actions "
                        "features:\n");
            put_action_caps(s, &caps->write);
        }
    } else {
        ds_put_cstr(s, "      Write-Actions features:\n");
        put_action_caps(s, &caps->write);
        ds_put_cstr(s, "      Apply-Actions features:\n");
        put_action_caps(s, &caps->apply);
    }
}

static void
format_matching(struct ds *s, const struct ofputil_table_caps *caps,
                const struct ofputil_table_caps *prev)
{
    if (!caps->match) {
        return;
    } else if (prev && caps->match == prev->match) {
        ds_put_cstr(s, "    (same matching)\n");
        return;
    }

    uint64_t wild = caps->match & caps->wildcard;
    uint64_t exact = caps->match & ~caps->wildcard;

    ds_put_cstr(s, "    matching:\n");
    if (wild) {
        ds_put_cstr(s, "      exact match or wildcard:");
        put_fields(s, wild);
        ds_put_char(s, '\n');
    }
    if (exact) {
        ds_put_cstr(s, "      must exact match:");
        put_fields(s, exact);
        ds_put_char(s, '\n');
    }
}

void
ofputil_table_caps_format(struct ds *s, const struct ofputil_table_caps *caps,
                          const struct ofputil_table_caps *prev)
{
    format_instructions(s, caps, prev);
    format_matching(s, caps, prev);
}
