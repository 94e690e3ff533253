/* Pulling members out of JSON objects, with precise errors.
 *
 * RFC 7047 messages and schemas are JSON objects with known members.  An
 * ovsdb_parser walks one such object: each ovsdb_parser_member() call names
 * a member and the JSON types it may have; the first problem (a missing
 * member, a member of the wrong type) is remembered and later calls become
 * no-ops, so callers check once at the end with ovsdb_parser_finish(), which
 * also rejects members that nobody asked for. */

#ifndef OVSDB_PARSER_H
#define OVSDB_PARSER_H 1

#include <stdbool.h>
#include "openvswitch/json.h"
#include "openvswitch/sset.h"
#include "ovsdb-error.h"

/* Bit-masks of acceptable JSON types for a member. */
enum ovsdb_parser_types {
    OP_NULL = 1 << JSON_NULL,
    OP_FALSE = 1 << JSON_FALSE,
    OP_TRUE = 1 << JSON_TRUE,
    OP_OBJECT = 1 << JSON_OBJECT,
    OP_ARRAY = 1 << JSON_ARRAY,
    OP_INTEGER = 1 << JSON_INTEGER,
    OP_REAL = 1 << JSON_REAL,
    OP_STRING = 1 << JSON_STRING,
    OP_BOOLEAN = OP_FALSE | OP_TRUE,
    OP_NUMBER = OP_INTEGER | OP_REAL,
    OP_ANY = (OP_NULL | OP_BOOLEAN | OP_OBJECT | OP_ARRAY | OP_NUMBER
              | OP_STRING),
    OP_ID = 1 << 24,            /* String that is a valid identifier. */
    OP_OPTIONAL = 1 << 25       /* Member may be absent. */
};

struct ovsdb_parser {
    char *name;                 /* What is being parsed, for messages. */
    struct sset used;           /* Members already asked for. */
    const struct json *json;    /* The object itself. */
    struct ovsdb_error *error;  /* First error, or NULL. */
};

/* Starts parsing 'json', described by the printf-style 'name' in errors.
 * If 'json' is not an object, the parser starts out in error. */
void ovsdb_parser_init(struct ovsdb_parser *, const struct json *json,
                       const char *name, ...) OVSDB_ERROR_FMT(3, 4);

/* Returns member 'name' if present and of one of the 'types', otherwise
 * records an error (unless OP_OPTIONAL and absent) and returns NULL.  The
 * returned JSON belongs to the object being parsed. */
const struct json *ovsdb_parser_member(struct ovsdb_parser *,
                                       const char *name,
                                       enum ovsdb_parser_types types);

/* Records a "syntax error" with the given details, unless there already is
 * an error. */
void ovsdb_parser_raise_error(struct ovsdb_parser *, const char *format, ...)
    OVSDB_ERROR_FMT(2, 3);
bool ovsdb_parser_has_error(const struct ovsdb_parser *);

/* Adds 'error' (taking ownership) as the parser's error unless it already
 * has one, in which case 'error' is destroyed. */
void ovsdb_parser_put_error(struct ovsdb_parser *, struct ovsdb_error *error);

/* Returns a copy of the current error, or NULL. */
struct ovsdb_error *ovsdb_parser_get_error(const struct ovsdb_parser *);

/* Ends parsing: returns the first error, or an error naming a member that
 * no ovsdb_parser_member() call asked for, or NULL.  Frees the parser. */
struct ovsdb_error *ovsdb_parser_finish(struct ovsdb_parser *)
    OVSDB_MUST_USE;

/* Frees the parser without reporting anything. */
void ovsdb_parser_destroy(struct ovsdb_parser *);

bool ovsdb_parser_is_id(const char *string);

#endif /* ovsdb-parser.h */
