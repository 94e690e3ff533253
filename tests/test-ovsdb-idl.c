/* test-ovsdb-idl: exercises the IDL against a running ovsdb-server that
 * serves tests/idltest.ovsschema, through the typed interface that
 * ovsdb-idlc generated for that schema (tests/idltest.[ch]).
 *
 *     ovstest test-ovsdb-idl [--lock=NAME] [--track] REMOTE STEP...
 *
 * The IDL replicates every table.  With --lock, it first acquires lock
 * NAME (and its transactions then assert it).  With --track, change
 * tracking is on and, after each step, the simple rows that changed are
 * listed ("tracked: i=I insert|modify|delete [COLUMN...]").  Each STEP is
 * one of:
 *
 *   - A JSON array: the parameters of a "transact" request, sent on a
 *     separate plain connection (as another client would).  Prints the
 *     result, then waits until the replica has changed.
 *
 *   - "idl OP[ OP]...": one IDL transaction made of the OPs below, then
 *     committed; prints its status.
 *
 * After every step, the replica's rows are printed, sorted, with
 * references shown as the name (or "i" value) of the row they point to.
 *
 * IDL OPs ("simple I" is the simple row whose i column is I):
 *   insert:I         insert a simple row with i=I
 *   set:I:COL=VALUE  set column COL (any type, ovs-vsctl syntax)
 *   s:I:VALUE        set s through the typed setter
 *   ia:I:N,N,...     set ia through the typed setter
 *   ssm:I:KEY=VALUE  set one key of ssm through the partial setter
 *   ssmdel:I:KEY     delete one key of ssm through the partial setter
 *   delete:I         delete simple I
 *   verify:I:COL     verify column COL of simple I
 *   increment:I      increment column n of simple I, print the new value
 *   race:I           before committing, change simple I's s column through
 *                    the plain connection (so that a verify fails)
 *   link1:NAME[:K]   insert a link1 row NAME whose k refers to link1 K
 *   dry-run          make it a dry run
 */

#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/idltest.h"
#include "jsonrpc.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "ovsdb-idl.h"
#include "ovstest.h"
#include "socket-util.h"
#include "sset.h"
#include "stream.h"

static const char *remote;
static struct jsonrpc *raw_conn;

/* Sends transaction 'params' (taken over) on the plain connection and
 * returns the reply's result or error, which the caller frees. */
static struct json *
raw_transact(struct json *params)
{
    if (!raw_conn) {
        struct stream *stream;
        int error = stream_open_block(stream_open(remote, &stream,
                                                  DSCP_DEFAULT), -1,
                                      &stream);
        if (error) {
            ovs_fatal(error, "%s: connect failed", remote);
        }
        raw_conn = jsonrpc_open(stream);
    }
    struct jsonrpc_msg *request = jsonrpc_create_request("transact", params,
                                                         NULL);
    struct jsonrpc_msg *reply;
    int error = jsonrpc_transact_block(raw_conn, request, &reply);
    if (error) {
        ovs_fatal(error, "transaction failed");
    }
    struct json *result = json_clone(reply->result ? reply->result
                                     : reply->error);
    jsonrpc_msg_destroy(reply);
    return result;
}

/* Runs 'idl' until 'done(idl, aux)' holds. */
static void
run_until(struct ovsdb_idl *idl,
          bool (*done)(const struct ovsdb_idl *, unsigned int), unsigned aux)
{
    while (ovsdb_idl_run(idl), !done(idl, aux)) {
        ovsdb_idl_wait(idl);
        poll_block();
    }
}

static bool
seqno_differs(const struct ovsdb_idl *idl, unsigned int seqno)
{
    return ovsdb_idl_get_seqno(idl) != seqno;
}

static bool
has_replica(const struct ovsdb_idl *idl, unsigned int unused OVS_UNUSED)
{
    return ovsdb_idl_has_ever_connected(idl);
}

/* Printing the replica. */

static void
put_ints(struct ds *s, const int64_t *v, size_t n)
{
    ds_put_char(s, '[');
    for (size_t i = 0; i < n; i++) {
        ds_put_format(s, "%s%"PRId64, i ? "," : "", v[i]);
    }
    ds_put_char(s, ']');
}

static const char *
link1_name(const struct idltest_link1 *l)
{
    return l ? l->name : "-";
}

static void
print_replica(struct ovsdb_idl *idl, int step)
{
    struct sset lines = SSET_INITIALIZER(&lines);
    struct ds s = DS_EMPTY_INITIALIZER;

    const struct idltest_simple *sr;
    IDLTEST_SIMPLE_FOR_EACH (sr, idl) {
        ds_clear(&s);
        ds_put_format(&s, "simple i=%"PRId64" r=%g b=%s s=%s u=%s ia=",
                      sr->i, sr->r, sr->b ? "true" : "false", sr->s,
                      uuid_is_zero(&sr->u) ? "zero" : "set");
        put_ints(&s, sr->ia, sr->n_ia);
        ds_put_cstr(&s, " sa=[");
        for (size_t i = 0; i < sr->n_sa; i++) {
            ds_put_format(&s, "%s%s", i ? "," : "", sr->sa[i]);
        }
        ds_put_cstr(&s, "] oi=");
        put_ints(&s, sr->oi, sr->n_oi);
        ds_put_format(&s, " os=%s ssm={", sr->os ? sr->os : "NULL");
        const struct smap_node **nodes = smap_sort(&sr->ssm);
        for (size_t i = 0; i < smap_count(&sr->ssm); i++) {
            ds_put_format(&s, "%s%s=%s", i ? "," : "", nodes[i]->key,
                          nodes[i]->value);
        }
        free(nodes);
        ds_put_cstr(&s, "} sim={");
        for (size_t i = 0; i < sr->n_sim; i++) {
            ds_put_format(&s, "%s%s=%"PRId64, i ? "," : "",
                          sr->key_sim[i], sr->value_sim[i]);
        }
        ds_put_format(&s, "} n=%"PRId64, sr->n);
        sset_add(&lines, ds_cstr(&s));
    }

    const struct idltest_link1 *l1;
    IDLTEST_LINK1_FOR_EACH (l1, idl) {
        struct sset ka = SSET_INITIALIZER(&ka);
        ds_clear(&s);
        ds_put_format(&s, "link1 name=%s k=%s ka=[", l1->name,
                      link1_name(l1->k));
        for (size_t i = 0; i < l1->n_ka; i++) {
            sset_add(&ka, l1->ka[i]->name);
        }
        const char **sorted = sset_sort(&ka);
        for (size_t i = 0; i < sset_count(&ka); i++) {
            ds_put_format(&s, "%s%s", i ? "," : "", sorted[i]);
        }
        free(sorted);
        sset_destroy(&ka);
        ds_put_format(&s, "] l2=%s", l1->l2 ? l1->l2->name : "-");
        sset_add(&lines, ds_cstr(&s));
    }

    const struct idltest_link2 *l2;
    IDLTEST_LINK2_FOR_EACH (l2, idl) {
        ds_clear(&s);
        ds_put_format(&s, "link2 name=%s l1=%s", l2->name,
                      link1_name(l2->l1));
        sset_add(&lines, ds_cstr(&s));
    }

    if (sset_is_empty(&lines)) {
        printf("%03d: empty\n", step);
    }
    const char **sorted = sset_sort(&lines);
    for (size_t i = 0; i < sset_count(&lines); i++) {
        printf("%03d: %s\n", step, sorted[i]);
    }
    free(sorted);
    sset_destroy(&lines);
    ds_destroy(&s);
}

/* IDL transactions. */

static const struct idltest_simple *
find_simple(struct ovsdb_idl *idl, const char *i_s)
{
    long long int i = strtoll(i_s, NULL, 10);
    const struct idltest_simple *sr;
    IDLTEST_SIMPLE_FOR_EACH (sr, idl) {
        if (sr->i == i) {
            return sr;
        }
    }
    ovs_fatal(0, "no simple row with i=%s", i_s);
}

static const struct idltest_link1 *
find_link1(struct ovsdb_idl *idl, const char *name)
{
    const struct idltest_link1 *l;
    IDLTEST_LINK1_FOR_EACH (l, idl) {
        if (!strcmp(l->name, name)) {
            return l;
        }
    }
    ovs_fatal(0, "no link1 row named %s", name);
}

static const struct ovsdb_idl_column *
find_simple_column(const char *name)
{
    for (size_t i = 0; i < IDLTEST_SIMPLE_N_COLUMNS; i++) {
        if (!strcmp(idltest_simple_columns[i].name, name)) {
            return &idltest_simple_columns[i];
        }
    }
    ovs_fatal(0, "simple has no column %s", name);
}

/* Splits 'op' at ':' into at most 'max' fields. */
static size_t
split_op(char *op, char **fields, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *f = strtok_r(op, ":", &save); f && n < max;
         f = strtok_r(NULL, n + 1 < max ? ":" : "", &save)) {
        fields[n++] = f;
    }
    return n;
}

static void
do_race(const char *i_s)
{
    char *text = xasprintf("[\"idltest\", {\"op\": \"update\", "
                           "\"table\": \"simple\", \"where\": [[\"i\", "
                           "\"==\", %s]], \"row\": {\"s\": \"raced\"}}]",
                           i_s);
    json_destroy(raw_transact(json_from_string(text)));
    free(text);
}

static void
run_idl_step(struct ovsdb_idl *idl, int argc, char *argv[], int step)
{
    struct ovsdb_idl_txn *txn = ovsdb_idl_txn_create(idl);
    bool incremented = false;
    char *race = NULL;

    for (int a = 0; a < argc; a++) {
        char *copy = xstrdup(argv[a]);
        char *f[4] = { NULL, NULL, NULL, NULL };
        size_t n = split_op(copy, f, 3);
        const char *op = n ? f[0] : "";

        if (!strcmp(op, "insert") && n == 2) {
            struct idltest_simple *sr = idltest_simple_insert(txn);
            idltest_simple_set_i(sr, strtoll(f[1], NULL, 10));
        } else if (!strcmp(op, "set") && n == 3) {
            char *eq = strchr(f[2], '=');
            if (!eq) {
                ovs_fatal(0, "%s: missing '='", argv[a]);
            }
            *eq = '\0';
            const struct ovsdb_idl_column *c = find_simple_column(f[2]);
            struct ovsdb_datum d;
            char *error = ovsdb_datum_from_string(&d, &c->type, eq + 1,
                                                  NULL);
            if (error) {
                ovs_fatal(0, "%s", error);
            }
            ovsdb_idl_txn_write(&find_simple(idl, f[1])->header_, c, &d);
        } else if (!strcmp(op, "s") && n == 3) {
            idltest_simple_set_s(find_simple(idl, f[1]), f[2]);
        } else if (!strcmp(op, "ia") && n == 3) {
            int64_t v[16];
            size_t nv = 0;
            char *save = NULL;
            for (char *t = strtok_r(f[2], ",", &save); t && nv < 16;
                 t = strtok_r(NULL, ",", &save)) {
                v[nv++] = strtoll(t, NULL, 10);
            }
            idltest_simple_set_ia(find_simple(idl, f[1]), v, nv);
        } else if (!strcmp(op, "ssm") && n == 3) {
            char *eq = strchr(f[2], '=');
            if (!eq) {
                ovs_fatal(0, "%s: missing '='", argv[a]);
            }
            *eq = '\0';
            idltest_simple_update_ssm_setkey(find_simple(idl, f[1]), f[2],
                                             eq + 1);
        } else if (!strcmp(op, "ssmdel") && n == 3) {
            idltest_simple_update_ssm_delkey(find_simple(idl, f[1]), f[2]);
        } else if (!strcmp(op, "delete") && n == 2) {
            idltest_simple_delete(find_simple(idl, f[1]));
        } else if (!strcmp(op, "verify") && n == 3) {
            ovsdb_idl_txn_verify(&find_simple(idl, f[1])->header_,
                                 find_simple_column(f[2]));
        } else if (!strcmp(op, "increment") && n == 2) {
            ovsdb_idl_txn_increment(txn, &find_simple(idl, f[1])->header_,
                                    &idltest_simple_col_n, true);
            incremented = true;
        } else if (!strcmp(op, "race") && n == 2) {
            free(race);
            race = xstrdup(f[1]);
        } else if (!strcmp(op, "link1") && (n == 2 || n == 3)) {
            struct idltest_link1 *l = idltest_link1_insert(txn);
            idltest_link1_set_name(l, f[1]);
            if (n == 3) {
                idltest_link1_set_k(l, find_link1(idl, f[2]));
            }
        } else if (!strcmp(op, "dry-run") && n == 1) {
            ovsdb_idl_txn_set_dry_run(txn);
        } else {
            ovs_fatal(0, "bad IDL operation \"%s\"", argv[a]);
        }
        free(copy);
    }

    if (race) {
        do_race(race);
        free(race);
    }
    enum ovsdb_idl_txn_status status = ovsdb_idl_txn_commit_block(txn);
    printf("%03d: commit, status=%s", step,
           ovsdb_idl_txn_status_to_string(status));
    if (incremented && status == TXN_SUCCESS) {
        printf(", increment=%"PRId64,
               ovsdb_idl_txn_get_increment_new_value(txn));
    }
    if (status == TXN_ERROR) {
        printf(", error=%s", ovsdb_idl_txn_get_error(txn));
    }
    putchar('\n');
    ovsdb_idl_txn_destroy(txn);
}

static bool
has_lock(const struct ovsdb_idl *idl, unsigned int unused OVS_UNUSED)
{
    return ovsdb_idl_has_lock(idl);
}

/* Prints and clears the tracked changes to simple rows. */
static void
print_tracked(struct ovsdb_idl *idl, int step)
{
    struct sset lines = SSET_INITIALIZER(&lines);
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct idltest_simple *sr;

    IDLTEST_SIMPLE_FOR_EACH_TRACKED (sr, idl) {
        ds_clear(&s);
        ds_put_format(&s, "tracked: i=%"PRId64" %s", sr->i,
                      idltest_simple_is_deleted(sr) ? "delete"
                      : idltest_simple_is_new(sr) ? "insert" : "modify");
        for (size_t c = 0; c < IDLTEST_SIMPLE_N_COLUMNS; c++) {
            if (!idltest_simple_is_deleted(sr) && !idltest_simple_is_new(sr)
                && idltest_simple_is_updated(sr, c)) {
                ds_put_format(&s, " %s", idltest_simple_columns[c].name);
            }
        }
        sset_add(&lines, ds_cstr(&s));
    }
    const char **sorted = sset_sort(&lines);
    for (size_t i = 0; i < sset_count(&lines); i++) {
        printf("%03d: %s\n", step, sorted[i]);
    }
    free(sorted);
    sset_destroy(&lines);
    ds_destroy(&s);
    ovsdb_idl_track_clear(idl);
}

static void
test_ovsdb_idl_main(int argc, char *argv[])
{
    const char *lock = NULL;
    bool track = false;
    int first = 1;

    for (; first < argc && !strncmp(argv[first], "--", 2); first++) {
        if (!strncmp(argv[first], "--lock=", 7)) {
            lock = argv[first] + 7;
        } else if (!strcmp(argv[first], "--track")) {
            track = true;
        } else {
            ovs_fatal(0, "unknown option %s", argv[first]);
        }
    }
    if (first >= argc) {
        ovs_fatal(0, "usage: %s [--lock=NAME] [--track] REMOTE STEP...",
                  argv[0]);
    }
    remote = argv[first];
    setvbuf(stdout, NULL, _IOLBF, 0);

    struct ovsdb_idl *idl = ovsdb_idl_create(remote, &idltest_idl_class,
                                             true, true);
    if (track) {
        ovsdb_idl_track_add_all(idl);
    }
    run_until(idl, has_replica, 0);
    if (lock) {
        ovsdb_idl_set_lock(idl, lock);
        run_until(idl, has_lock, 0);
    }
    print_replica(idl, 0);
    if (track) {
        print_tracked(idl, 0);
    }

    for (int i = first + 1; i < argc; i++) {
        const char *arg = argv[i];
        int step = i - first;
        if (arg[0] == '[') {
            unsigned int seqno = ovsdb_idl_get_seqno(idl);
            struct json *result = raw_transact(json_from_string(arg));
            char *s = json_to_string(result, JSSF_SORT);
            bool failed = strstr(s, "\"error\"") != NULL;
            /* Inserted rows' UUIDs vary from run to run. */
            printf("%03d: raw %s\n", step, failed ? s : "ok");
            free(s);
            json_destroy(result);
            if (!failed) {
                run_until(idl, seqno_differs, seqno);
            }
        } else if (!strncmp(arg, "idl ", 4)) {
            char *copy = xstrdup(arg + 4);
            char *ops[64];
            int n = 0;
            char *save = NULL;
            for (char *t = strtok_r(copy, " ", &save); t && n < 64;
                 t = strtok_r(NULL, " ", &save)) {
                ops[n++] = t;
            }
            run_idl_step(idl, n, ops, step);
            free(copy);
            /* Let the replica catch up with our own change. */
            ovsdb_idl_run(idl);
        } else {
            ovs_fatal(0, "unknown step \"%s\"", arg);
        }
        print_replica(idl, step);
        if (track) {
            print_tracked(idl, step);
        }
    }

    ovsdb_idl_destroy(idl);
    jsonrpc_close(raw_conn);
}

OVSTEST_REGISTER("test-ovsdb-idl", test_ovsdb_idl_main);
