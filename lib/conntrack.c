/* Connection tracking: the table, packet classification, and reporting.
 *
 * The table is one hash map in which every connection appears twice, once
 * under the key of its original direction and once under the key of its
 * reply direction, so that one lookup with a packet's own key finds the
 * connection and tells which way the packet goes.  A packet is first parsed
 * into such a key (parse_packet()); ICMP errors are parsed down to the
 * header they quote, whose key is looked up instead.  The connection's
 * protocol class (conntrack-tcp.c, conntrack-other.c) then judges the packet
 * and re-arms the connection's timer.
 *
 * Expiration.  Every connection sits in the list of its timer class.  All
 * connections of one class have the same timeout and are re-armed at the
 * tail, so with a clock that does not go backwards each list is sorted by
 * expiration time and a sweep only looks at list heads.
 *
 * Everything that is printed (dump lines, statistics) follows the text of
 * Open vSwitch's "ovs-appctl dpctl/dump-conntrack" and
 * "dpctl/ct-stats-show" for its userspace datapath. */

#include <config.h>
#include "conntrack.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "byte-order.h"
#include "conntrack-private.h"
#include "csum.h"
#include "dp-packet.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/util.h"
#include "packets.h"
#include "unaligned.h"

#define CT_DEFAULT_MAXCONNS 3000000

/* Default timeouts in milliseconds, indexed by enum ct_timeout. */
static const long long ct_default_timeouts[CT_N_TM] = {
    [CT_TM_TCP_FIRST] = 30 * 1000,
    [CT_TM_TCP_OPENING] = 30 * 1000,
    [CT_TM_TCP_ESTABLISHED] = 24 * 60 * 60 * 1000,
    [CT_TM_TCP_CLOSING] = 15 * 60 * 1000,
    [CT_TM_TCP_FIN_WAIT] = 45 * 1000,
    [CT_TM_TCP_CLOSED] = 30 * 1000,
    [CT_TM_OTHER_FIRST] = 60 * 1000,
    [CT_TM_OTHER_MULTIPLE] = 60 * 1000,
    [CT_TM_OTHER_BIDIR] = 30 * 1000,
    [CT_TM_ICMP_FIRST] = 60 * 1000,
    [CT_TM_ICMP_REPLY] = 30 * 1000,
};

/* Connection count and optional limit of one zone.  Exists while the zone
 * has connections or a limit of its own. */
struct ct_zone {
    struct hmap_node hmap_node;         /* In struct conntrack's 'zones'. */
    uint16_t zone;
    bool has_limit;
    uint32_t limit;
    uint32_t count;
};

struct conntrack {
    struct hmap table;                  /* Contains struct ct_dir. */
    struct hmap zones;                  /* Contains struct ct_zone. */
    uint32_t default_zone_limit;        /* 0: no limit. */
    struct ovs_list timers[CT_N_TM];    /* Contain struct ct_conn. */
    long long timeouts[CT_N_TM];        /* In msec. */
    uint32_t n_conns;
    uint32_t maxconns;
    uint64_t n_refused;                 /* Commits refused: table full. */
    uint64_t next_serial;
    bool tcp_seq_chk;
};

struct conntrack_dump {
    struct conntrack_entry *entries;
    size_t n;
    size_t next;
};

/* ----- Life cycle and settings --------------------------------------- */

struct conntrack *
conntrack_create(void)
{
    struct conntrack *ct = xzalloc(sizeof *ct);

    hmap_init(&ct->table);
    hmap_init(&ct->zones);
    for (int i = 0; i < CT_N_TM; i++) {
        ovs_list_init(&ct->timers[i]);
        ct->timeouts[i] = ct_default_timeouts[i];
    }
    ct->maxconns = CT_DEFAULT_MAXCONNS;
    ct->tcp_seq_chk = true;
    return ct;
}

void
conntrack_destroy(struct conntrack *ct)
{
    if (ct) {
        struct ct_zone *z;

        conntrack_flush(ct, NULL);
        HMAP_FOR_EACH_POP (z, hmap_node, &ct->zones) {
            free(z);
        }
        hmap_destroy(&ct->zones);
        hmap_destroy(&ct->table);
        free(ct);
    }
}

void
conntrack_set_maxconns(struct conntrack *ct, uint32_t maxconns)
{
    ct->maxconns = maxconns;
}

uint32_t
conntrack_get_maxconns(const struct conntrack *ct)
{
    return ct->maxconns;
}

uint32_t
conntrack_get_nconns(const struct conntrack *ct)
{
    return ct->n_conns;
}

uint64_t
conntrack_get_n_refused(const struct conntrack *ct)
{
    return ct->n_refused;
}

void
conntrack_set_tcp_seq_chk(struct conntrack *ct, bool enabled)
{
    ct->tcp_seq_chk = enabled;
}

bool
conntrack_get_tcp_seq_chk(const struct conntrack *ct)
{
    return ct->tcp_seq_chk;
}

bool
ct_tcp_seq_chk(const struct conntrack *ct)
{
    return ct->tcp_seq_chk;
}

/* ----- Zones --------------------------------------------------------- */

static struct ct_zone *
zone_find(const struct conntrack *ct, uint16_t zone)
{
    struct ct_zone *z;

    HMAP_FOR_EACH_WITH_HASH (z, hmap_node, hash_int(zone, 0), &ct->zones) {
        if (z->zone == zone) {
            return z;
        }
    }
    return NULL;
}

static struct ct_zone *
zone_get(struct conntrack *ct, uint16_t zone)
{
    struct ct_zone *z = zone_find(ct, zone);

    if (!z) {
        z = xzalloc(sizeof *z);
        z->zone = zone;
        hmap_insert(&ct->zones, &z->hmap_node, hash_int(zone, 0));
    }
    return z;
}

/* Frees 'z' if it no longer records anything. */
static void
zone_release(struct conntrack *ct, struct ct_zone *z)
{
    if (!z->count && !z->has_limit) {
        hmap_remove(&ct->zones, &z->hmap_node);
        free(z);
    }
}

/* Returns the limit that applies to 'zone', or UINT32_MAX for none. */
static uint32_t
zone_effective_limit(const struct conntrack *ct, uint16_t zone)
{
    const struct ct_zone *z = zone_find(ct, zone);

    return (z && z->has_limit ? z->limit
            : ct->default_zone_limit ? ct->default_zone_limit
            : UINT32_MAX);
}

void
conntrack_set_default_zone_limit(struct conntrack *ct, uint32_t limit)
{
    ct->default_zone_limit = limit;
}

uint32_t
conntrack_get_default_zone_limit(const struct conntrack *ct)
{
    return ct->default_zone_limit;
}

void
conntrack_set_zone_limit(struct conntrack *ct, uint16_t zone, uint32_t limit)
{
    struct ct_zone *z = zone_get(ct, zone);

    z->has_limit = true;
    z->limit = limit;
}

void
conntrack_del_zone_limit(struct conntrack *ct, uint16_t zone)
{
    struct ct_zone *z = zone_find(ct, zone);

    if (z) {
        z->has_limit = false;
        zone_release(ct, z);
    }
}

static int
compare_zones(const void *a_, const void *b_)
{
    const uint16_t *a = a_;
    const uint16_t *b = b_;

    return (*a > *b) - (*a < *b);
}

static void
put_zone_limit(struct ds *s, const struct conntrack *ct, uint16_t zone)
{
    const struct ct_zone *z = zone_find(ct, zone);

    ds_put_format(s, "\nzone=%"PRIu16",limit=%"PRIu32",count=%"PRIu32,
                  zone, (z && z->has_limit ? z->limit
                         : ct->default_zone_limit),
                  z ? z->count : 0);
}

void
conntrack_format_zone_limits(struct ds *s, const struct conntrack *ct,
                             const uint16_t *zones, size_t n)
{
    ds_put_format(s, "default limit=%"PRIu32, ct->default_zone_limit);
    if (n) {
        for (size_t i = 0; i < n; i++) {
            put_zone_limit(s, ct, zones[i]);
        }
    } else {
        uint16_t *limited = xmalloc((hmap_count(&ct->zones) + 1)
                                    * sizeof *limited);
        const struct ct_zone *z;
        size_t n_limited = 0;

        HMAP_FOR_EACH (z, hmap_node, &ct->zones) {
            if (z->has_limit) {
                limited[n_limited++] = z->zone;
            }
        }
        qsort(limited, n_limited, sizeof *limited, compare_zones);
        for (size_t i = 0; i < n_limited; i++) {
            put_zone_limit(s, ct, limited[i]);
        }
        free(limited);
    }
}

/* ----- Keys ---------------------------------------------------------- */

/* If 'type' is an ICMP (or, for IPPROTO_ICMPV6, ICMPv6) query or answer
 * type that the tracker pairs, stores the type of the other half of the
 * exchange in '*peer' and returns true; otherwise returns false. */
static bool
icmp_query_peer(uint8_t nw_proto, uint8_t type, uint8_t *peer)
{
    static const uint8_t v4_pairs[][2] = {
        { ICMP4_ECHO_REQUEST, ICMP4_ECHO_REPLY },
        { 13, 14 },             /* Timestamp. */
        { 15, 16 },             /* Information. */
    };
    static const uint8_t v6_pairs[][2] = {
        { 128, 129 },           /* Echo. */
    };
    const uint8_t (*pairs)[2] = nw_proto == IPPROTO_ICMP ? v4_pairs
                                                         : v6_pairs;
    size_t n = (nw_proto == IPPROTO_ICMP ? ARRAY_SIZE(v4_pairs)
                : ARRAY_SIZE(v6_pairs));

    for (size_t i = 0; i < n; i++) {
        if (pairs[i][0] == type || pairs[i][1] == type) {
            *peer = pairs[i][0] == type ? pairs[i][1] : pairs[i][0];
            return true;
        }
    }
    return false;
}

static bool
is_icmp_proto(uint8_t nw_proto)
{
    return nw_proto == IPPROTO_ICMP || nw_proto == IPPROTO_ICMPV6;
}

/* Returns the tuple that packets going the other way carry. */
static struct conntrack_tuple
tuple_reverse(const struct conntrack_tuple *t)
{
    struct conntrack_tuple r = *t;

    r.src = t->dst;
    r.dst = t->src;
    r.src_port = t->dst_port;
    r.dst_port = t->src_port;
    if (is_icmp_proto(t->nw_proto)) {
        icmp_query_peer(t->nw_proto, t->icmp_type, &r.icmp_type);
    }
    return r;
}

static uint32_t
ct_key_hash(const struct ct_key *key)
{
    return hash_bytes(key, sizeof *key, 0);
}

static bool
addr_equals(const union ct_addr *a, const union ct_addr *b)
{
    return !memcmp(a, b, sizeof *a);
}

/* ----- Parsing ------------------------------------------------------- */

/* ICMP error types whose body quotes the offending packet's header. */
static bool
icmp4_is_error(uint8_t type)
{
    return (type == ICMP4_DST_UNREACH
            || type == 4            /* Source quench. */
            || type == 5            /* Redirect. */
            || type == 11           /* Time exceeded. */
            || type == 12);         /* Parameter problem. */
}

static bool
icmp6_is_error(uint8_t type)
{
    return type >= 1 && type <= 4;  /* Unreachable, too big, time
                                     * exceeded, parameter problem. */
}

static bool parse_l3(const void *l3, size_t size, ovs_be16 dl_type,
                     bool quoted, struct ct_pkt *);

/* Parses the transport header at 'l4' ('size' bytes) into 'pkt->key'.
 * 'quoted' is true inside an ICMP error, where only the first 8 bytes of
 * the transport header are guaranteed and errors may not nest. */
static bool
parse_l4(const uint8_t *l4, size_t size, bool quoted, struct ct_pkt *pkt)
{
    struct conntrack_tuple *t = &pkt->key.tuple;

    pkt->l4 = l4;
    pkt->l4_size = size;
    switch (t->nw_proto) {
    case IPPROTO_TCP: {
        const struct tcp_header *th = (const void *) l4;

        if (quoted) {
            if (size < 8) {
                return false;
            }
        } else if (size < TCP_HEADER_LEN
                   || TCP_OFFSET(th->tcp_ctl) < 5
                   || TCP_OFFSET(th->tcp_ctl) * 4 > size) {
            return false;
        }
        t->src_port = th->tcp_src;
        t->dst_port = th->tcp_dst;
        return true;
    }

    case IPPROTO_UDP: {
        const struct udp_header *uh = (const void *) l4;

        if (size < UDP_HEADER_LEN) {
            return false;
        }
        t->src_port = uh->udp_src;
        t->dst_port = uh->udp_dst;
        return true;
    }

    case IPPROTO_ICMP:
    case IPPROTO_ICMPV6: {
        const struct icmp_header *icmp = (const void *) l4;
        bool v4 = t->nw_proto == IPPROTO_ICMP;
        uint8_t peer;

        if (size < ICMP_HEADER_LEN) {
            return false;
        }
        t->icmp_type = icmp->icmp_type;
        t->icmp_code = icmp->icmp_code;
        if (icmp_query_peer(t->nw_proto, t->icmp_type, &peer)) {
            t->src_port = t->dst_port = icmp->icmp_fields.echo.id;
            return true;
        }
        if (quoted || !(v4 ? icmp4_is_error(t->icmp_type)
                           : icmp6_is_error(t->icmp_type))) {
            return false;
        }

        /* An error: track the packet it quotes, which was sent by the
         * host that this error goes to. */
        union ct_addr outer_dst = t->dst;
        uint16_t zone = pkt->key.zone;

        memset(pkt, 0, sizeof *pkt);
        pkt->key.zone = zone;
        if (!parse_l3(l4 + ICMP_HEADER_LEN, size - ICMP_HEADER_LEN,
                      htons(v4 ? ETH_TYPE_IP : ETH_TYPE_IPV6), true, pkt)
            || !addr_equals(&pkt->key.tuple.src, &outer_dst)) {
            return false;
        }
        pkt->related = true;
        pkt->l4 = NULL;
        pkt->l4_size = 0;
        return true;
    }

    default:
        /* Other protocols, SCTP included (as in Open vSwitch 3.1), are
         * identified by addresses and protocol alone. */
        return true;
    }
}

static bool
parse_ipv4(const uint8_t *l3, size_t size, bool quoted, struct ct_pkt *pkt)
{
    const struct ip_header *ip = (const void *) l3;
    struct conntrack_tuple *t = &pkt->key.tuple;
    size_t ihl, tot_len;

    if (size < IP_HEADER_LEN || IP_VER(ip->ip_ihl_ver) != 4) {
        return false;
    }
    ihl = IP_IHL(ip->ip_ihl_ver) * 4;
    tot_len = ntohs(ip->ip_tot_len);
    if (ihl < IP_HEADER_LEN || ihl > size || tot_len < ihl) {
        return false;
    }
    if (quoted) {
        /* The quote may be cut short; only the later fragments lack the
         * ports that identify a connection. */
        if (ip->ip_frag_off & htons(IP_FRAG_OFF_MASK)) {
            return false;
        }
        tot_len = size;
    } else if (tot_len > size || csum(ip, ihl)
               || IP_IS_FRAGMENT(ip->ip_frag_off)) {
        return false;
    }

    t->dl_type = htons(ETH_TYPE_IP);
    t->nw_proto = ip->ip_proto;
    t->src.ipv4 = get_16aligned_be32(&ip->ip_src);
    t->dst.ipv4 = get_16aligned_be32(&ip->ip_dst);
    return parse_l4(l3 + ihl, tot_len - ihl, quoted, pkt);
}

static bool
parse_ipv6(const uint8_t *l3, size_t size, bool quoted, struct ct_pkt *pkt)
{
    const struct ovs_16aligned_ip6_hdr *ip6 = (const void *) l3;
    struct conntrack_tuple *t = &pkt->key.tuple;
    const uint8_t *p;
    size_t plen, left;
    uint8_t nxt;

    if (size < IPV6_HEADER_LEN
        || ntohl(get_16aligned_be32(&ip6->ip6_flow)) >> 28 != 6) {
        return false;
    }
    plen = ntohs(ip6->ip6_plen);
    if (quoted) {
        left = size - IPV6_HEADER_LEN;
    } else if (plen + IPV6_HEADER_LEN > size) {
        return false;
    } else {
        left = plen;
    }
    p = l3 + IPV6_HEADER_LEN;
    nxt = ip6->ip6_nxt;

    /* Skip extension headers.  Fragments are never tracked. */
    for (;;) {
        size_t len;

        if (nxt == IPPROTO_HOPOPTS || nxt == IPPROTO_ROUTING
            || nxt == IPPROTO_DSTOPTS) {
            if (left < 8) {
                return false;
            }
            len = (p[1] + 1) * 8;
        } else if (nxt == IPPROTO_AH) {
            if (left < 8) {
                return false;
            }
            len = (p[1] + 2) * 4;
        } else if (nxt == IPPROTO_FRAGMENT) {
            return false;
        } else {
            break;
        }
        if (len > left) {
            return false;
        }
        nxt = p[0];
        p += len;
        left -= len;
    }

    t->dl_type = htons(ETH_TYPE_IPV6);
    t->nw_proto = nxt;
    memcpy(&t->src.ipv6, &ip6->ip6_src, sizeof t->src.ipv6);
    memcpy(&t->dst.ipv6, &ip6->ip6_dst, sizeof t->dst.ipv6);
    return parse_l4(p, left, quoted, pkt);
}

static bool
parse_l3(const void *l3, size_t size, ovs_be16 dl_type, bool quoted,
         struct ct_pkt *pkt)
{
    if (dl_type == htons(ETH_TYPE_IP)) {
        return parse_ipv4(l3, size, quoted, pkt);
    } else if (dl_type == htons(ETH_TYPE_IPV6)) {
        return parse_ipv6(l3, size, quoted, pkt);
    }
    return false;
}

/* Fills 'pkt' from the packet 'b', whose EtherType is 'dl_type', for a
 * lookup in 'zone'.  Returns false if the packet cannot be tracked. */
static bool
parse_packet(const struct dp_packet *b, ovs_be16 dl_type, uint16_t zone,
             struct ct_pkt *pkt)
{
    const void *l3 = dp_packet_l3(b);

    memset(pkt, 0, sizeof *pkt);
    pkt->key.zone = zone;
    return l3 && parse_l3(l3, dp_packet_l3_size(b), dl_type, false, pkt);
}

/* ----- The table ----------------------------------------------------- */

static struct ct_conn *
ct_dir_conn(const struct ct_dir *dir)
{
    return CONTAINER_OF(dir - dir->index, struct ct_conn, dirs);
}

static bool
conn_expired(const struct ct_conn *conn, long long now)
{
    return now >= conn->expiration;
}

static void
conn_delete(struct conntrack *ct, struct ct_conn *conn)
{
    hmap_remove(&ct->table, &conn->dirs[0].hmap_node);
    hmap_remove(&ct->table, &conn->dirs[1].hmap_node);
    ovs_list_remove(&conn->exp_node);
    ct->n_conns--;

    struct ct_zone *z = zone_find(ct, conn->dirs[0].key.zone);
    if (z) {
        z->count--;
        zone_release(ct, z);
    }
    free(conn);
}

void
ct_conn_arm(struct conntrack *ct, struct ct_conn *conn,
            enum ct_timeout timer, long long now)
{
    conn->timer = timer;
    conn->expiration = now + ct->timeouts[timer];
    ovs_list_remove(&conn->exp_node);
    ovs_list_push_back(&ct->timers[timer], &conn->exp_node);
}

/* Finds the live connection that 'key' belongs to; '*reply' tells whether
 * 'key' is its reply direction.  Deletes the connection instead if it has
 * expired. */
static struct ct_conn *
conn_lookup(struct conntrack *ct, const struct ct_key *key, long long now,
            bool *reply)
{
    struct ct_dir *dir;

    HMAP_FOR_EACH_WITH_HASH (dir, hmap_node, ct_key_hash(key), &ct->table) {
        if (!memcmp(&dir->key, key, sizeof *key)) {
            struct ct_conn *conn = ct_dir_conn(dir);

            if (conn_expired(conn, now)) {
                conn_delete(ct, conn);
                return NULL;
            }
            *reply = dir->index == 1;
            return conn;
        }
    }
    return NULL;
}

static const struct ct_l4_class *
l4_class_for(uint8_t nw_proto)
{
    return (nw_proto == IPPROTO_TCP ? &ct_l4_tcp
            : is_icmp_proto(nw_proto) ? &ct_l4_icmp
            : &ct_l4_other);
}

/* Commits a new connection whose first packet is 'pkt'. */
static struct ct_conn *
conn_create(struct conntrack *ct, const struct ct_pkt *pkt, long long now)
{
    struct ct_conn *conn = xzalloc(sizeof *conn);

    conn->dirs[0].key = pkt->key;
    conn->dirs[0].index = 0;
    conn->dirs[1].key = pkt->key;
    conn->dirs[1].key.tuple = tuple_reverse(&pkt->key.tuple);
    conn->dirs[1].index = 1;
    for (int i = 0; i < 2; i++) {
        hmap_insert(&ct->table, &conn->dirs[i].hmap_node,
                    ct_key_hash(&conn->dirs[i].key));
    }
    ovs_list_init(&conn->exp_node);
    conn->serial = ct->next_serial++;
    conn->l4 = l4_class_for(pkt->key.tuple.nw_proto);
    conn->l4->start(ct, conn, pkt, now);
    ct->n_conns++;
    zone_get(ct, pkt->key.zone)->count++;
    return conn;
}

void
conntrack_sweep(struct conntrack *ct, long long now)
{
    for (int i = 0; i < CT_N_TM; i++) {
        while (!ovs_list_is_empty(&ct->timers[i])) {
            struct ct_conn *conn = CONTAINER_OF(ovs_list_front(&ct->timers[i]),
                                                struct ct_conn, exp_node);
            if (!conn_expired(conn, now)) {
                break;
            }
            conn_delete(ct, conn);
        }
    }
}

size_t
conntrack_flush(struct conntrack *ct, const uint16_t *zone)
{
    size_t n = 0;

    /* Every connection is in exactly one timer list, so walking the lists
     * visits each once, and deleting it disturbs no other list node. */
    for (int i = 0; i < CT_N_TM; i++) {
        struct ct_conn *conn;

        LIST_FOR_EACH_SAFE (conn, exp_node, &ct->timers[i]) {
            if (!zone || conn->dirs[0].key.zone == *zone) {
                conn_delete(ct, conn);
                n++;
            }
        }
    }
    return n;
}

static bool
tuple_matches(const struct conntrack_tuple *t,
              const struct conntrack_tuple_match *m)
{
    const uint8_t *tp = (const uint8_t *) t;
    const uint8_t *vp = (const uint8_t *) &m->value;
    const uint8_t *mp = (const uint8_t *) &m->mask;

    for (size_t i = 0; i < sizeof *t; i++) {
        if ((tp[i] ^ vp[i]) & mp[i]) {
            return false;
        }
    }
    return true;
}

size_t
conntrack_flush_matching(struct conntrack *ct, const uint16_t *zone,
                         const struct conntrack_tuple_match *orig,
                         const struct conntrack_tuple_match *reply)
{
    size_t n = 0;

    for (int i = 0; i < CT_N_TM; i++) {
        struct ct_conn *conn;

        LIST_FOR_EACH_SAFE (conn, exp_node, &ct->timers[i]) {
            if ((!zone || conn->dirs[0].key.zone == *zone)
                && (!orig || tuple_matches(&conn->dirs[0].key.tuple, orig))
                && (!reply
                    || tuple_matches(&conn->dirs[1].key.tuple, reply))) {
                conn_delete(ct, conn);
                n++;
            }
        }
    }
    return n;
}

/* Sets 'field' (of 'size' bytes, inside 'match->value') to 'value' and
 * makes it significant in 'match->mask'. */
static void
match_set_field(struct conntrack_tuple_match *match, void *field,
                const void *value, size_t size)
{
    size_t ofs = (uint8_t *) field - (uint8_t *) &match->value;

    memcpy(field, value, size);
    memset((uint8_t *) &match->mask + ofs, 0xff, size);
}

/* Parses an unsigned number no larger than 'max' from 's'. */
static bool
parse_uint_max(const char *s, unsigned long max, unsigned long *out)
{
    char *tail;

    if (!*s) {
        return false;
    }
    errno = 0;
    *out = strtoul(s, &tail, 0);
    return !errno && !*tail && *out <= max;
}

static char *
tuple_parse_field(const char *key, const char *value,
                  struct conntrack_tuple_match *match)
{
    struct conntrack_tuple *v = &match->value;
    bool src = strstr(key, "_src") != NULL;
    unsigned long n;

    if (!strcmp(key, "ct_nw_src") || !strcmp(key, "ct_nw_dst")) {
        ovs_be32 ip;
        char *error = ip_parse(value, &ip);

        if (error) {
            return error;
        }
        match_set_field(match, src ? &v->src.ipv4 : &v->dst.ipv4, &ip,
                        sizeof ip);
        ovs_be16 dl_type = htons(ETH_TYPE_IP);
        match_set_field(match, &v->dl_type, &dl_type, sizeof dl_type);
    } else if (!strcmp(key, "ct_ipv6_src") || !strcmp(key, "ct_ipv6_dst")) {
        struct in6_addr ip6;
        char *error = ipv6_parse(value, &ip6);

        if (error) {
            return error;
        }
        match_set_field(match, src ? &v->src.ipv6 : &v->dst.ipv6, &ip6,
                        sizeof ip6);
        ovs_be16 dl_type = htons(ETH_TYPE_IPV6);
        match_set_field(match, &v->dl_type, &dl_type, sizeof dl_type);
    } else if (!strcmp(key, "ct_nw_proto") || !strcmp(key, "icmp_type")
               || !strcmp(key, "icmp_code")) {
        uint8_t u8;

        if (!parse_uint_max(value, UINT8_MAX, &n)) {
            return xasprintf("%s=%s: bad value", key, value);
        }
        u8 = n;
        match_set_field(match, (key[0] == 'c' ? &v->nw_proto
                                : key[5] == 't' ? &v->icmp_type
                                : &v->icmp_code), &u8, 1);
    } else if (!strcmp(key, "ct_tp_src") || !strcmp(key, "ct_tp_dst")
               || !strcmp(key, "icmp_id")) {
        ovs_be16 be16;

        if (!parse_uint_max(value, UINT16_MAX, &n)) {
            return xasprintf("%s=%s: bad value", key, value);
        }
        be16 = htons(n);
        if (!strcmp(key, "icmp_id")) {
            /* The identifier stands for both "ports" of an ICMP tuple. */
            match_set_field(match, &v->src_port, &be16, sizeof be16);
            match_set_field(match, &v->dst_port, &be16, sizeof be16);
        } else {
            match_set_field(match, src ? &v->src_port : &v->dst_port,
                            &be16, sizeof be16);
        }
    } else {
        return xasprintf("invalid conntrack tuple field: %s", key);
    }
    return NULL;
}

char *
conntrack_tuple_parse(const char *s, struct conntrack_tuple_match *match)
{
    char *copy = xstrdup(s);
    char *save = NULL;
    char *error = NULL;
    ovs_be16 dl_type = 0;

    memset(match, 0, sizeof *match);
    for (char *field = strtok_r(copy, ",", &save); field && !error;
         field = strtok_r(NULL, ",", &save)) {
        char *value = strchr(field, '=');

        if (!value) {
            error = xasprintf("%s: field has no value", field);
            break;
        }
        *value++ = '\0';
        error = tuple_parse_field(field, value, match);
        if (!error && match->mask.dl_type) {
            if (dl_type && dl_type != match->value.dl_type) {
                error = xstrdup("tuple mixes IPv4 and IPv6 addresses");
            }
            dl_type = match->value.dl_type;
        }
    }
    free(copy);
    return error;
}

/* ----- Executing the ct action --------------------------------------- */

static void
apply_u32_masked(uint32_t *dst, const uint32_t *value_mask)
{
    *dst = (*dst & ~value_mask[1]) | (value_mask[0] & value_mask[1]);
}

static void
apply_u128_masked(ovs_u128 *dst, const ovs_u128 *value_mask)
{
    dst->u64.hi = ((dst->u64.hi & ~value_mask[1].u64.hi)
                   | (value_mask[0].u64.hi & value_mask[1].u64.hi));
    dst->u64.lo = ((dst->u64.lo & ~value_mask[1].u64.lo)
                   | (value_mask[0].u64.lo & value_mask[1].u64.lo));
}

/* Classifies an ordinary (not related) packet.  Returns the CS_* bits
 * (without CS_TRACKED) and sets '*connp' to its connection, if any. */
static uint8_t
track_packet(struct conntrack *ct, const struct ct_pkt *pkt, bool commit,
             bool force, long long now, struct ct_conn **connp)
{
    bool reply = false;
    struct ct_conn *conn = conn_lookup(ct, &pkt->key, now, &reply);

    *connp = NULL;
    if (conn && force && reply) {
        conn_delete(ct, conn);
        conn = NULL;
    }
    if (conn) {
        switch (conn->l4->track(ct, conn, pkt, reply, now)) {
        case CT_VERDICT_ACCEPT:
            *connp = conn;
            return CS_ESTABLISHED | (reply ? CS_REPLY_DIR : 0);
        case CT_VERDICT_OPENING:
            /* Reported without CS_REPLY_DIR even for a SYN from the
             * replier, as Open vSwitch does. */
            *connp = conn;
            return CS_NEW;
        case CT_VERDICT_INVALID:
            *connp = conn;
            return CS_INVALID;
        case CT_VERDICT_RESTART:
            conn_delete(ct, conn);
            reply = false;
            break;
        }
    }

    /* No connection (any more): may this packet start one? */
    if (!l4_class_for(pkt->key.tuple.nw_proto)->may_start(pkt)) {
        return CS_INVALID;
    }
    if (commit) {
        const struct ct_zone *z = zone_find(ct, pkt->key.zone);

        if (ct->n_conns >= ct->maxconns
            || (z ? z->count : 0) >= zone_effective_limit(ct,
                                                          pkt->key.zone)) {
            ct->n_refused++;
        } else {
            *connp = conn_create(ct, pkt, now);
        }
    }
    return CS_NEW;
}

uint8_t
conntrack_execute(struct conntrack *ct, struct dp_packet *pkt,
                  struct flow *flow, uint16_t zone, bool commit, bool force,
                  const uint32_t *set_mark, const ovs_u128 *set_label,
                  long long now)
{
    struct ct_conn *conn = NULL;
    struct ct_pkt parsed;
    ovs_be16 dl_type;
    uint8_t state;

    conntrack_sweep(ct, now);
    commit = commit || force;

    dl_type = (flow ? flow->dl_type
               : htons(parse_dl_type(dp_packet_data(pkt),
                                     dp_packet_size(pkt))));
    if (!parse_packet(pkt, dl_type, zone, &parsed)) {
        state = CS_INVALID;
    } else if (parsed.related) {
        bool reply = false;

        conn = conn_lookup(ct, &parsed.key, now, &reply);
        /* The quoted packet went one way; the error comes back the other
         * way. */
        state = conn ? CS_RELATED | (reply ? 0 : CS_REPLY_DIR) : CS_INVALID;
    } else {
        state = track_packet(ct, &parsed, commit, force, now, &conn);
    }
    state |= CS_TRACKED;

    if (conn && commit) {
        if (set_mark) {
            apply_u32_masked(&conn->mark, set_mark);
        }
        if (set_label) {
            apply_u128_masked(&conn->label, set_label);
        }
    }

    pkt->md.ct_state = state;
    pkt->md.ct_zone = zone;
    pkt->md.ct_mark = conn ? conn->mark : 0;
    pkt->md.ct_label = conn ? conn->label : (ovs_u128) { .u64 = { 0, 0 } };
    if (flow) {
        flow->ct_state = state;
        flow->ct_zone = zone;
        flow->ct_mark = pkt->md.ct_mark;
        flow->ct_label = pkt->md.ct_label;
    }
    return state;
}

/* ----- Dumps --------------------------------------------------------- */

static void
conn_to_entry(const struct ct_conn *conn, long long now,
              struct conntrack_entry *entry)
{
    long long left = conn->expiration - now;

    memset(entry, 0, sizeof *entry);
    entry->orig = conn->dirs[0].key.tuple;
    entry->reply = conn->dirs[1].key.tuple;
    entry->zone = conn->dirs[0].key.zone;
    entry->mark = conn->mark;
    entry->label = conn->label;
    entry->timeout = left > 0 ? left / 1000 : 0;
    if (conn->l4->describe) {
        conn->l4->describe(conn, entry);
    }
}

static int
compare_conns_by_serial(const void *a_, const void *b_)
{
    const struct ct_conn *const *a = a_;
    const struct ct_conn *const *b = b_;

    return ((*a)->serial > (*b)->serial) - ((*a)->serial < (*b)->serial);
}

struct conntrack_dump *
conntrack_dump_start(struct conntrack *ct, const uint16_t *zone,
                     long long now)
{
    struct conntrack_dump *dump = xzalloc(sizeof *dump);
    struct ct_conn **conns;
    struct ct_dir *dir;
    size_t n = 0;

    conntrack_sweep(ct, now);
    conns = xmalloc((ct->n_conns + 1) * sizeof *conns);
    HMAP_FOR_EACH (dir, hmap_node, &ct->table) {
        if (!dir->index && (!zone || dir->key.zone == *zone)) {
            conns[n++] = ct_dir_conn(dir);
        }
    }
    qsort(conns, n, sizeof *conns, compare_conns_by_serial);

    dump->entries = xmalloc((n + 1) * sizeof *dump->entries);
    for (size_t i = 0; i < n; i++) {
        conn_to_entry(conns[i], now, &dump->entries[i]);
    }
    dump->n = n;
    free(conns);
    return dump;
}

bool
conntrack_dump_next(struct conntrack_dump *dump,
                    struct conntrack_entry *entry)
{
    if (dump->next >= dump->n) {
        return false;
    }
    *entry = dump->entries[dump->next++];
    return true;
}

void
conntrack_dump_done(struct conntrack_dump *dump)
{
    if (dump) {
        free(dump->entries);
        free(dump);
    }
}

/* ----- Formatting ---------------------------------------------------- */

const char *
ct_tcp_state_name(enum ct_tcp_state state)
{
    static const char *const names[CT_N_TCPS] = {
        [CT_TCPS_CLOSED] = "CLOSED",
        [CT_TCPS_LISTEN] = "LISTEN",
        [CT_TCPS_SYN_SENT] = "SYN_SENT",
        [CT_TCPS_SYN_RECV] = "SYN_RECV",
        [CT_TCPS_ESTABLISHED] = "ESTABLISHED",
        [CT_TCPS_CLOSE_WAIT] = "CLOSE_WAIT",
        [CT_TCPS_FIN_WAIT_1] = "FIN_WAIT_1",
        [CT_TCPS_CLOSING] = "CLOSING",
        [CT_TCPS_LAST_ACK] = "LAST_ACK",
        [CT_TCPS_FIN_WAIT_2] = "FIN_WAIT_2",
        [CT_TCPS_TIME_WAIT] = "TIME_WAIT",
    };

    return state < CT_N_TCPS ? names[state] : NULL;
}

static void
put_tcp_state(struct ds *s, const char *title, unsigned int state)
{
    const char *name = ct_tcp_state_name(state);

    ds_put_cstr(s, title);
    if (name) {
        ds_put_cstr(s, name);
    } else {
        ds_put_format(s, "[%u]", state);
    }
}

/* The one state that a non-verbose dump shows for a TCP connection: the
 * more advanced peer's, with the two states that a single-state tracker
 * (Linux) would not report renamed to the ones it would. */
static unsigned int
tcp_summary_state(const struct conntrack_entry *e)
{
    unsigned int state = MAX(e->tcp_state[0], e->tcp_state[1]);

    return (state == CT_TCPS_FIN_WAIT_2 ? CT_TCPS_TIME_WAIT
            : state == CT_TCPS_SYN_RECV ? CT_TCPS_ESTABLISHED
            : state);
}

static void
put_tcp_flags(struct ds *s, const char *title, uint8_t flags)
{
    ds_put_cstr(s, title);
    if (!flags) {
        ds_put_char(s, '0');
        return;
    }
    if (flags & CT_TCPF_WINDOW_SCALE) {
        ds_put_cstr(s, "WINDOW_SCALE|");
    }
    if (flags & CT_TCPF_BE_LIBERAL) {
        ds_put_cstr(s, "BE_LIBERAL|");
    }
    ds_chomp(s, '|');
}

static void
put_proto_name(struct ds *s, uint8_t nw_proto)
{
    switch (nw_proto) {
    case IPPROTO_ICMP:
        ds_put_cstr(s, "icmp");
        break;
    case IPPROTO_ICMPV6:
        ds_put_cstr(s, "icmpv6");
        break;
    case IPPROTO_TCP:
        ds_put_cstr(s, "tcp");
        break;
    case IPPROTO_UDP:
        ds_put_cstr(s, "udp");
        break;
    case IPPROTO_SCTP:
        ds_put_cstr(s, "sctp");
        break;
    case IPPROTO_UDPLITE:
        ds_put_cstr(s, "udplite");
        break;
    case IPPROTO_DCCP:
        ds_put_cstr(s, "dccp");
        break;
    case IPPROTO_IGMP:
        ds_put_cstr(s, "igmp");
        break;
    default:
        ds_put_format(s, "%u", nw_proto);
        break;
    }
}

static void
put_tuple(struct ds *s, const struct conntrack_tuple *t)
{
    if (t->dl_type == htons(ETH_TYPE_IP)) {
        ds_put_format(s, "src="IP_FMT",dst="IP_FMT,
                      IP_ARGS(t->src.ipv4), IP_ARGS(t->dst.ipv4));
    } else {
        ds_put_cstr(s, "src=");
        ipv6_format_addr(&t->src.ipv6, s);
        ds_put_cstr(s, ",dst=");
        ipv6_format_addr(&t->dst.ipv6, s);
    }
    if (is_icmp_proto(t->nw_proto)) {
        ds_put_format(s, ",id=%u,type=%u,code=%u", ntohs(t->src_port),
                      t->icmp_type, t->icmp_code);
    } else {
        ds_put_format(s, ",sport=%u,dport=%u",
                      ntohs(t->src_port), ntohs(t->dst_port));
    }
}

void
conntrack_format_entry(struct ds *s, const struct conntrack_entry *e,
                       bool verbose, bool print_stats)
{
    put_proto_name(s, e->orig.nw_proto);
    ds_put_cstr(s, ",orig=(");
    put_tuple(s, &e->orig);
    ds_put_cstr(s, "),reply=(");
    put_tuple(s, &e->reply);
    ds_put_char(s, ')');
    if (verbose) {
        ds_put_format(s, ",id=%"PRIu32, e->id);
    }
    if (e->zone) {
        ds_put_format(s, ",zone=%"PRIu16, e->zone);
    }
    if (verbose) {
        ds_put_format(s, ",status=%"PRIu32, e->status);
    }
    if (print_stats) {
        ds_put_format(s, ",timeout=%"PRIu32, e->timeout);
    }
    if (e->mark) {
        ds_put_format(s, ",mark=%"PRIu32, e->mark);
    }
    if (!ovs_u128_is_zero(e->label)) {
        ovs_be128 label = hton128(e->label);

        ds_put_cstr(s, ",labels=");
        ds_put_hex(s, &label, sizeof label);
    }
    if (e->orig.nw_proto == IPPROTO_TCP) {
        ds_put_cstr(s, ",protoinfo=(");
        if (!verbose) {
            put_tcp_state(s, "state=", tcp_summary_state(e));
        } else {
            put_tcp_state(s, "state_orig=", e->tcp_state[0]);
            put_tcp_state(s, ",state_reply=", e->tcp_state[1]);
            if (e->tcp_wscale[0] || e->tcp_wscale[1]) {
                ds_put_format(s, ",wscale_orig=%u,wscale_reply=%u",
                              e->tcp_wscale[0], e->tcp_wscale[1]);
            }
            put_tcp_flags(s, ",flags_orig=", e->tcp_flags[0]);
            put_tcp_flags(s, ",flags_reply=", e->tcp_flags[1]);
        }
        ds_put_char(s, ')');
    }
}

void
conntrack_format_stats(struct ds *s, struct conntrack *ct,
                       const uint16_t *zone, bool verbose, long long now)
{
    /* The per-protocol lines, in the order they are printed.  ICMPv6
     * connections count in the total but get no line of their own, as in
     * Open vSwitch 3.1. */
    enum { ST_TCP, ST_UDP, ST_UDPLITE, ST_SCTP, ST_ICMP, ST_DCCP, ST_IGMP,
           ST_OTHER, ST_ICMPV6, N_ST };
    static const char *const labels[N_ST] = {
        "TCP", "UDP", "UDPLITE", "SCTP", "ICMP", "DCCP", "IGMP", "Other",
        NULL,
    };
    unsigned int per_state[CT_N_TCPS] = { 0 };
    unsigned int counts[N_ST] = { 0 };
    struct conntrack_dump *dump;
    struct conntrack_entry e;
    int total = 0;

    dump = conntrack_dump_start(ct, zone, now);
    while (conntrack_dump_next(dump, &e)) {
        int st;

        total++;
        switch (e.orig.nw_proto) {
        case IPPROTO_TCP:
            st = ST_TCP;
            per_state[tcp_summary_state(&e)]++;
            break;
        case IPPROTO_UDP:
            st = ST_UDP;
            break;
        case IPPROTO_UDPLITE:
            st = ST_UDPLITE;
            break;
        case IPPROTO_SCTP:
            st = ST_SCTP;
            break;
        case IPPROTO_ICMP:
            st = ST_ICMP;
            break;
        case IPPROTO_ICMPV6:
            st = ST_ICMPV6;
            break;
        case IPPROTO_DCCP:
            st = ST_DCCP;
            break;
        case IPPROTO_IGMP:
            st = ST_IGMP;
            break;
        default:
            st = ST_OTHER;
            break;
        }
        counts[st]++;
    }
    conntrack_dump_done(dump);

    ds_put_format(s, "Connections Stats:\n    Total: %d\n", total);
    for (int st = 0; st < N_ST; st++) {
        if (!counts[st] || !labels[st]) {
            continue;
        }
        ds_put_format(s, "  %s: %u\n", labels[st], counts[st]);
        if (st == ST_TCP && verbose) {
            ds_put_cstr(s, "    Conn per TCP states:\n");
            for (int i = 0; i < CT_N_TCPS; i++) {
                if (per_state[i]) {
                    put_tcp_state(s, "\t  [", i);
                    ds_put_format(s, "]=%u\n", per_state[i]);
                }
            }
        }
    }
}
