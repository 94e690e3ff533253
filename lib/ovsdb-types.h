/* OVSDB column types (RFC 7047 section 3.2).
 *
 * Every value in an OVSDB database is a set or a map built from atoms of
 * five "atomic types".  A column's type says which atomic type its keys
 * (and, for a map, its values) have, with optional constraints on each atom
 * (numeric ranges, string lengths, an enumeration of allowed values, or for
 * UUIDs the table they refer to), and how many elements the set or map may
 * hold: n_min is 0 or 1, n_max is 1 or more, UINT_MAX meaning "unlimited".
 * A type with n_min == n_max == 1 and no value type is a plain scalar. */

#ifndef OVSDB_TYPES_H
#define OVSDB_TYPES_H 1

#include <float.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include "ovsdb-error.h"

struct json;
struct ovsdb_datum;
struct ovsdb_table;

enum ovsdb_atomic_type {
    OVSDB_TYPE_VOID,            /* No value: marks "not a map". */
    OVSDB_TYPE_INTEGER,         /* Signed 64-bit integer. */
    OVSDB_TYPE_REAL,            /* IEEE 754 double. */
    OVSDB_TYPE_BOOLEAN,         /* true or false. */
    OVSDB_TYPE_STRING,          /* UTF-8 string. */
    OVSDB_TYPE_UUID,            /* 128-bit UUID. */
    OVSDB_N_TYPES
};

static inline bool
ovsdb_atomic_type_is_valid(enum ovsdb_atomic_type type)
{
    return (int) type >= 0 && type < OVSDB_N_TYPES;
}

const char *ovsdb_atomic_type_to_string(enum ovsdb_atomic_type);
bool ovsdb_atomic_type_from_string(const char *, enum ovsdb_atomic_type *);
struct ovsdb_error *ovsdb_atomic_type_from_json(enum ovsdb_atomic_type *,
                                                const struct json *)
    OVSDB_MUST_USE;
struct json *ovsdb_atomic_type_to_json(enum ovsdb_atomic_type);

/* How a UUID-typed column refers to rows of its refTable. */
enum ovsdb_ref_type {
    OVSDB_REF_STRONG,           /* Target must exist; keeps it alive. */
    OVSDB_REF_WEAK              /* Silently dropped when target goes. */
};

struct ovsdb_integer_constraints {
    int64_t min;                /* INT64_MIN if unconstrained. */
    int64_t max;                /* INT64_MAX if unconstrained. */
};

struct ovsdb_real_constraints {
    double min;                 /* -DBL_MAX if unconstrained. */
    double max;                 /* DBL_MAX if unconstrained. */
};

struct ovsdb_string_constraints {
    unsigned int minLen;        /* 0 if unconstrained. */
    unsigned int maxLen;        /* UINT_MAX if unconstrained. */
};

struct ovsdb_uuid_constraints {
    char *refTableName;         /* Name of referenced table, or NULL. */
    struct ovsdb_table *refTable; /* Resolved by the schema's owner. */
    enum ovsdb_ref_type refType;  /* Meaningful only if refTableName. */
};

/* The type of one atom plus its constraints. */
struct ovsdb_base_type {
    enum ovsdb_atomic_type type;

    /* If nonnull, the atom must be one of the keys of this datum (a set of
     * atoms of 'type').  Owned by the base type. */
    struct ovsdb_datum *enum_;

    union {
        struct ovsdb_integer_constraints integer;
        struct ovsdb_real_constraints real;
        struct ovsdb_string_constraints string;
        struct ovsdb_uuid_constraints uuid;
    };
};

void ovsdb_base_type_init(struct ovsdb_base_type *, enum ovsdb_atomic_type);
void ovsdb_base_type_clone(struct ovsdb_base_type *dst,
                           const struct ovsdb_base_type *src);
void ovsdb_base_type_destroy(struct ovsdb_base_type *);
bool ovsdb_base_type_is_valid(const struct ovsdb_base_type *);
bool ovsdb_base_type_has_constraints(const struct ovsdb_base_type *);
void ovsdb_base_type_clear_constraints(struct ovsdb_base_type *);
bool ovsdb_base_type_is_strong_ref(const struct ovsdb_base_type *);
bool ovsdb_base_type_is_weak_ref(const struct ovsdb_base_type *);
struct ovsdb_error *ovsdb_base_type_from_json(struct ovsdb_base_type *,
                                              const struct json *)
    OVSDB_MUST_USE;
struct json *ovsdb_base_type_to_json(const struct ovsdb_base_type *);

/* A complete column type. */
struct ovsdb_type {
    struct ovsdb_base_type key;
    struct ovsdb_base_type value;   /* OVSDB_TYPE_VOID if not a map. */
    unsigned int n_min;             /* 0 or 1. */
    unsigned int n_max;             /* >= 1; UINT_MAX means unlimited. */
};

/* Static initializers for unconstrained base types and scalar types, e.g.
 *     static const struct ovsdb_type t =
 *         OVSDB_TYPE_SCALAR_INITIALIZER(OVSDB_BASE_STRING_INIT); */
#define OVSDB_BASE_VOID_INIT { .type = OVSDB_TYPE_VOID }
#define OVSDB_BASE_BOOLEAN_INIT { .type = OVSDB_TYPE_BOOLEAN }
#define OVSDB_BASE_INTEGER_INIT \
    { .type = OVSDB_TYPE_INTEGER, .integer.min = INT64_MIN, \
      .integer.max = INT64_MAX }
#define OVSDB_BASE_REAL_INIT \
    { .type = OVSDB_TYPE_REAL, .real.min = -DBL_MAX, .real.max = DBL_MAX }
#define OVSDB_BASE_STRING_INIT \
    { .type = OVSDB_TYPE_STRING, .string.maxLen = UINT_MAX }
#define OVSDB_BASE_UUID_INIT \
    { .type = OVSDB_TYPE_UUID, .uuid.refType = OVSDB_REF_STRONG }
#define OVSDB_TYPE_SCALAR_INITIALIZER(...) \
    { __VA_ARGS__, OVSDB_BASE_VOID_INIT, 1, 1 }

/* Unconstrained scalar types, one per atomic type. */
extern const struct ovsdb_type ovsdb_type_integer, ovsdb_type_real,
    ovsdb_type_boolean, ovsdb_type_string, ovsdb_type_uuid;

void ovsdb_type_init(struct ovsdb_type *);
void ovsdb_type_clone(struct ovsdb_type *dst, const struct ovsdb_type *src);
void ovsdb_type_destroy(struct ovsdb_type *);
bool ovsdb_type_is_valid(const struct ovsdb_type *);

static inline bool
ovsdb_type_is_scalar(const struct ovsdb_type *type)
{
    return (type->value.type == OVSDB_TYPE_VOID
            && type->n_min == 1 && type->n_max == 1);
}

static inline bool
ovsdb_type_is_optional(const struct ovsdb_type *type)
{
    return type->n_min == 0;
}

static inline bool
ovsdb_type_is_optional_scalar(const struct ovsdb_type *type)
{
    return (type->value.type == OVSDB_TYPE_VOID
            && type->n_min == 0 && type->n_max == 1);
}

static inline bool
ovsdb_type_is_composite(const struct ovsdb_type *type)
{
    return type->n_max > 1;
}

static inline bool
ovsdb_type_is_set(const struct ovsdb_type *type)
{
    return (type->value.type == OVSDB_TYPE_VOID
            && (type->n_min != 1 || type->n_max != 1));
}

static inline bool
ovsdb_type_is_map(const struct ovsdb_type *type)
{
    return type->value.type != OVSDB_TYPE_VOID;
}

struct ovsdb_error *ovsdb_type_from_json(struct ovsdb_type *,
                                         const struct json *)
    OVSDB_MUST_USE;
struct json *ovsdb_type_to_json(const struct ovsdb_type *);

/* Describes 'type' in English ("map of 1 or more string-integer pairs"),
 * returning a string that the caller must free. */
char *ovsdb_type_to_english(const struct ovsdb_type *);

#endif /* ovsdb-types.h */
