/* Transactions over an in-memory database.
 *
 * A transaction changes the tables of its database directly, so that
 * every operation in it sees the effect of the ones before.  It remembers,
 * for each row it touched, the row as it was before ("old") and as it is
 * now ("new"); either may be NULL for inserted or deleted rows.  Aborting
 * puts every old row back.  Committing first enforces the rules that only
 * make sense for a whole transaction (references, garbage collection of
 * unreferenced rows, row limits, unique indexes), then hands the changes to
 * the database's replicas and throws the old rows away. */

#ifndef OVSDB_TRANSACTION_H
#define OVSDB_TRANSACTION_H 1

#include <stdbool.h>
#include "ovsdb-error.h"

struct ovsdb;
struct ovsdb_row;
struct ovsdb_table;
struct uuid;

/* Starts a transaction on 'db', which must not have one in progress. */
struct ovsdb_txn *ovsdb_txn_create(struct ovsdb *db);

/* Undoes every change and frees 'txn'. */
void ovsdb_txn_abort(struct ovsdb_txn *txn);

/* Checks and commits 'txn' (waiting for the disk if 'durable'), then frees
 * it.  On error, the changes are undone and the error returned. */
struct ovsdb_error *ovsdb_txn_commit(struct ovsdb_txn *txn, bool durable)
    OVSDB_MUST_USE;

/* Returns a version of 'row' that may be modified within 'txn'.  The
 * caller must not keep pointers to 'row' itself afterwards. */
struct ovsdb_row *ovsdb_txn_row_modify(struct ovsdb_txn *,
                                       const struct ovsdb_row *row);

/* Adds new 'row' (with its UUID set) to its table; 'txn' takes ownership. */
void ovsdb_txn_row_insert(struct ovsdb_txn *, struct ovsdb_row *row);

/* Removes 'row' from its table within 'txn'. */
void ovsdb_txn_row_delete(struct ovsdb_txn *, const struct ovsdb_row *row);

/* Returns true if 'txn' changes nothing. */
bool ovsdb_txn_is_empty(const struct ovsdb_txn *);

void ovsdb_txn_add_comment(struct ovsdb_txn *, const char *comment);
const char *ovsdb_txn_get_comment(const struct ovsdb_txn *);

/* Calls 'cb' for each row that 'txn' changed, with its old and new
 * versions (either may be NULL, never both), stopping if 'cb' returns
 * false.  For use by replicas during commit. */
typedef bool ovsdb_txn_row_cb_func(const struct ovsdb_row *old,
                                   const struct ovsdb_row *new,
                                   void *aux);
bool ovsdb_txn_for_each_change(const struct ovsdb_txn *,
                               ovsdb_txn_row_cb_func *, void *aux);

#endif /* ovsdb/transaction.h */
