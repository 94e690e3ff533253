/* The OVSDB log: an append-only file of JSON records.
 *
 * Each record is a header line "OVSDB JSON LENGTH SHA1\n" followed by
 * LENGTH bytes: the record's JSON text and a newline, whose SHA-1 (in hex)
 * the header gives.  This is the same layout Open vSwitch uses, so either
 * implementation's tools can read the other's files.
 *
 * Reading stops at the first record that is incomplete or corrupt (for
 * example because the writer was killed in the middle of a write): the
 * file is treated as ending just before it, and the next write first cuts
 * the file back to that point. */

#ifndef OVSDB_LOG_H
#define OVSDB_LOG_H 1

#include <stdbool.h>
#include <sys/types.h>
#include "ovsdb-error.h"

struct json;
struct ovsdb_log;

enum ovsdb_log_open_mode {
    OVSDB_LOG_READ_ONLY,        /* Existing file, no writes. */
    OVSDB_LOG_READ_WRITE,       /* Existing file, appends allowed. */
    OVSDB_LOG_CREATE_EXCL,      /* New file; fails if it exists. */
    OVSDB_LOG_CREATE            /* New file, replacing any old one. */
};

/* Opens 'name'.  Writable modes also take the lock file
 * ".NAME.~lock~" in the same directory, so that two processes never write
 * one log.  On success the caller owns '*logp'. */
struct ovsdb_error *ovsdb_log_open(const char *name,
                                   enum ovsdb_log_open_mode mode,
                                   struct ovsdb_log **logp) OVSDB_MUST_USE;
void ovsdb_log_close(struct ovsdb_log *);

/* Reads the next record into '*jsonp' (owned by the caller), or sets it to
 * NULL at the end of the valid records.  Returns an error only for
 * problems that are not a damaged tail (e.g. I/O errors). */
struct ovsdb_error *ovsdb_log_read(struct ovsdb_log *, struct json **jsonp)
    OVSDB_MUST_USE;

/* If reading stopped at a damaged tail, returns a description of what was
 * wrong (owned by the log), otherwise NULL. */
const char *ovsdb_log_get_tail_problem(const struct ovsdb_log *);

/* Appends 'json' as a record.  ovsdb_log_commit() makes everything
 * written so far durable (fsync). */
struct ovsdb_error *ovsdb_log_write(struct ovsdb_log *, const struct json *)
    OVSDB_MUST_USE;
struct ovsdb_error *ovsdb_log_commit(struct ovsdb_log *) OVSDB_MUST_USE;

/* Size of the valid part of the file, in bytes. */
off_t ovsdb_log_get_offset(const struct ovsdb_log *);
const char *ovsdb_log_get_name(const struct ovsdb_log *);

/* Atomically replaces the log's file by a new one that holds exactly the
 * records in 'records' (n of them), and continues appending to it. */
struct ovsdb_error *ovsdb_log_replace(struct ovsdb_log *,
                                      struct json **records, size_t n)
    OVSDB_MUST_USE;

/* Writes 'records' to a new file 'name' (replacing any old file
 * atomically), without locking. */
struct ovsdb_error *ovsdb_log_write_file(const char *name,
                                         struct json **records, size_t n)
    OVSDB_MUST_USE;

#endif /* ovsdb/log.h */
