/* OVSDB values: atoms and datums.
 *
 * An atom is one integer, real, boolean, string or UUID; its type lives
 * outside it (in a struct ovsdb_base_type).  A datum is the value of one
 * column: a set of atoms, or a map from key atoms to value atoms, kept
 * sorted by key with no duplicate keys, so that comparing, searching and
 * merging are cheap.  A scalar column holds a datum with exactly one atom.
 *
 * Values convert to and from RFC 7047 JSON (a bare atom, ["set", [...]],
 * ["map", [[k, v], ...]], ["uuid", "..."], ["named-uuid", "name"]) and to
 * and from the text syntax of ovs-vsctl ("1", "abc", "{a=1, b=2}",
 * "[x, y]", "@name").
 *
 * Memory: an atom of string type owns its string; a datum owns its arrays
 * and their atoms.  Functions that take a type use it only to know how to
 * copy, free, compare or check atoms. */

#ifndef OVSDB_DATA_H
#define OVSDB_DATA_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "openvswitch/uuid.h"
#include "ovsdb-error.h"
#include "ovsdb-types.h"

struct ds;
struct json;
struct shash;
struct smap;
struct ovsdb_symbol_table;

/* ------------------------------------------------------------------ */
/* Atoms. */

union ovsdb_atom {
    int64_t integer;
    double real;
    bool boolean;
    char *string;               /* Owned, UTF-8, never NULL once set. */
    struct uuid uuid;
};

/* Default values: 0, 0.0, false, "", all-zeros UUID. */
void ovsdb_atom_init_default(union ovsdb_atom *, enum ovsdb_atomic_type);
const union ovsdb_atom *ovsdb_atom_default(enum ovsdb_atomic_type);
bool ovsdb_atom_is_default(const union ovsdb_atom *,
                           enum ovsdb_atomic_type);

void ovsdb_atom_clone(union ovsdb_atom *dst, const union ovsdb_atom *src,
                      enum ovsdb_atomic_type);
void ovsdb_atom_swap(union ovsdb_atom *a, union ovsdb_atom *b);
void ovsdb_atom_destroy(union ovsdb_atom *, enum ovsdb_atomic_type);

uint32_t ovsdb_atom_hash(const union ovsdb_atom *, enum ovsdb_atomic_type,
                         uint32_t basis);
int ovsdb_atom_compare_3way(const union ovsdb_atom *a,
                            const union ovsdb_atom *b,
                            enum ovsdb_atomic_type);
static inline bool
ovsdb_atom_equals(const union ovsdb_atom *a, const union ovsdb_atom *b,
                  enum ovsdb_atomic_type type)
{
    return !ovsdb_atom_compare_3way(a, b, type);
}

/* Parses 'json' as an atom of 'base' type (without checking 'base''s
 * constraints) into 'atom', which the caller must later destroy on success.
 * With 'symtab', ["named-uuid", NAME] is accepted and resolved through it
 * (an unknown NAME is added with a fresh UUID). */
struct ovsdb_error *ovsdb_atom_from_json(union ovsdb_atom *atom,
                                         const struct ovsdb_base_type *base,
                                         const struct json *json,
                                         struct ovsdb_symbol_table *symtab)
    OVSDB_MUST_USE;
struct json *ovsdb_atom_to_json(const union ovsdb_atom *,
                                enum ovsdb_atomic_type);

/* Parses 's' in ovs-vsctl syntax as an atom of 'base' type and checks
 * 'base''s constraints.  Returns NULL on success, otherwise a malloc'd error
 * message (and 'atom' is left unset).  "@name" is accepted for UUIDs when
 * 'symtab' is nonnull. */
char *ovsdb_atom_from_string(union ovsdb_atom *atom,
                             const struct ovsdb_base_type *base,
                             const char *s,
                             struct ovsdb_symbol_table *symtab)
    OVSDB_MUST_USE;

/* Appends 'atom' to 'out' in ovs-vsctl syntax (strings quoted only when
 * needed to parse back), or without any quoting for to_bare. */
void ovsdb_atom_to_string(const union ovsdb_atom *, enum ovsdb_atomic_type,
                          struct ds *out);
void ovsdb_atom_to_bare(const union ovsdb_atom *, enum ovsdb_atomic_type,
                        struct ds *out);

/* Checks 'atom' against the constraints of 'base' (range, length, enum).
 * Returns NULL or a "constraint violation" error. */
struct ovsdb_error *ovsdb_atom_check_constraints(
    const union ovsdb_atom *atom, const struct ovsdb_base_type *base)
    OVSDB_MUST_USE;

/* ------------------------------------------------------------------ */
/* Datums. */

struct ovsdb_datum {
    unsigned int n;             /* Number of keys (and values). */
    union ovsdb_atom *keys;     /* n atoms, sorted, unique. */
    union ovsdb_atom *values;   /* NULL unless the type is a map. */
};

/* An empty datum (right for a set or map that allows no elements). */
void ovsdb_datum_init_empty(struct ovsdb_datum *);

/* The default value of a column of 'type': empty if n_min == 0, otherwise
 * one default atom (with a default value, for maps). */
void ovsdb_datum_init_default(struct ovsdb_datum *, const struct ovsdb_type *);
bool ovsdb_datum_is_default(const struct ovsdb_datum *,
                            const struct ovsdb_type *);
/* A shared, read-only default datum for 'type'. */
const struct ovsdb_datum *ovsdb_datum_default(const struct ovsdb_type *);

void ovsdb_datum_clone(struct ovsdb_datum *dst,
                       const struct ovsdb_datum *src,
                       const struct ovsdb_type *);
void ovsdb_datum_destroy(struct ovsdb_datum *, const struct ovsdb_type *);
void ovsdb_datum_swap(struct ovsdb_datum *a, struct ovsdb_datum *b);

/* Sorting.  ovsdb_datum_sort() reports duplicate keys as an error;
 * ovsdb_datum_sort_unique() drops them (for maps, keeping the first). */
struct ovsdb_error *ovsdb_datum_sort(struct ovsdb_datum *,
                                     enum ovsdb_atomic_type key_type)
    OVSDB_MUST_USE;
void ovsdb_datum_sort_assert(struct ovsdb_datum *,
                             enum ovsdb_atomic_type key_type);
/* Returns how many elements were dropped as duplicates. */
size_t ovsdb_datum_sort_unique(struct ovsdb_datum *,
                               enum ovsdb_atomic_type key_type,
                               enum ovsdb_atomic_type value_type);

/* Checks each atom against its base type's constraints.  Does not check
 * the number of elements (ovsdb_datum_from_json() does that). */
struct ovsdb_error *ovsdb_datum_check_constraints(
    const struct ovsdb_datum *, const struct ovsdb_type *)
    OVSDB_MUST_USE;

/* Parses 'json' as a datum of 'type', checking syntax, duplicate keys, the
 * element count and atom constraints.  On success the caller owns 'datum'.
 * 'symtab' as for ovsdb_atom_from_json(). */
struct ovsdb_error *ovsdb_datum_from_json(struct ovsdb_datum *datum,
                                          const struct ovsdb_type *type,
                                          const struct json *json,
                                          struct ovsdb_symbol_table *symtab)
    OVSDB_MUST_USE;
struct json *ovsdb_datum_to_json(const struct ovsdb_datum *,
                                 const struct ovsdb_type *);

/* Parses 's' in ovs-vsctl syntax: a single atom, "[a, b]" or "a, b" for a
 * set, "{k=v, ...}" or "k=v, ..." for a map; "[]"/"{}" for empty.  Checks
 * constraints and the element count.  Returns NULL and sets 'datum' (owned
 * by the caller) or returns a malloc'd error message. */
char *ovsdb_datum_from_string(struct ovsdb_datum *datum,
                              const struct ovsdb_type *type, const char *s,
                              struct ovsdb_symbol_table *symtab)
    OVSDB_MUST_USE;
void ovsdb_datum_to_string(const struct ovsdb_datum *,
                           const struct ovsdb_type *, struct ds *out);
void ovsdb_datum_to_bare(const struct ovsdb_datum *,
                         const struct ovsdb_type *, struct ds *out);

/* Builds a string-to-string map datum from 'smap' / 'sh' (whose data are
 * char * strings). */
void ovsdb_datum_from_smap(struct ovsdb_datum *, const struct smap *);
void ovsdb_datum_from_shash(struct ovsdb_datum *, struct shash *);

/* Hashing and comparison.  Datums of one type are totally ordered: first
 * by size, then key by key, then value by value. */
uint32_t ovsdb_datum_hash(const struct ovsdb_datum *,
                          const struct ovsdb_type *, uint32_t basis);
/* Returns -1, 0 or 1. */
int ovsdb_datum_compare_3way(const struct ovsdb_datum *,
                             const struct ovsdb_datum *,
                             const struct ovsdb_type *);
/* Same as ovsdb_datum_compare_3way() == 0. */
bool ovsdb_datum_equals(const struct ovsdb_datum *,
                        const struct ovsdb_datum *,
                        const struct ovsdb_type *);

/* Searching.  Return an index into 'keys', or UINT_MAX if absent. */
unsigned int ovsdb_datum_find_key(const struct ovsdb_datum *,
                                  const union ovsdb_atom *key,
                                  enum ovsdb_atomic_type key_type);
/* Like ovsdb_datum_find_key(), but for maps the value must match too. */
unsigned int ovsdb_datum_find_key_value(const struct ovsdb_datum *,
                                        const union ovsdb_atom *key,
                                        enum ovsdb_atomic_type kt,
                                        const union ovsdb_atom *value,
                                        enum ovsdb_atomic_type vt);

/* Set relations: every element (key, or key-value pair for maps) of 'b'
 * is (includes_all) / none is (excludes_all) an element of 'a'. */
bool ovsdb_datum_includes_all(const struct ovsdb_datum *a,
                              const struct ovsdb_datum *b,
                              const struct ovsdb_type *);
bool ovsdb_datum_excludes_all(const struct ovsdb_datum *a,
                              const struct ovsdb_datum *b,
                              const struct ovsdb_type *);

/* Adds to 'a' each element of 'b' whose key 'a' lacks (for maps, existing
 * keys keep their values). */
void ovsdb_datum_union(struct ovsdb_datum *a, const struct ovsdb_datum *b,
                       const struct ovsdb_type *);

/* Removes from 'a' each element of 'b'.  For a map 'a', 'b' may be a map
 * (remove matching key-value pairs) or a set of keys ('b_type' says which;
 * 'b_type' must have a_type's key type). */
void ovsdb_datum_subtract(struct ovsdb_datum *a,
                          const struct ovsdb_type *a_type,
                          const struct ovsdb_datum *b,
                          const struct ovsdb_type *b_type);

/* Low-level editing that leaves the datum unsorted or not: callers must
 * re-sort.  add_unsafe takes ownership of clones of 'key'/'value'. */
void ovsdb_datum_add_unsafe(struct ovsdb_datum *,
                            const union ovsdb_atom *key,
                            const union ovsdb_atom *value,
                            const struct ovsdb_type *);
void ovsdb_datum_remove_unsafe(struct ovsdb_datum *, size_t idx,
                               const struct ovsdb_type *);

/* ------------------------------------------------------------------ */
/* Symbol tables: names for UUIDs, as in ["named-uuid", "x"] in a
 * transaction or "@x" on an ovs-vsctl command line. */

struct ovsdb_symbol {
    struct uuid uuid;           /* The UUID the name stands for. */
    bool created;               /* Has a row been inserted under it? */
    bool strong_ref;            /* Referenced through a strong ref? */
    bool weak_ref;              /* Referenced through a weak ref? */
};

struct ovsdb_symbol_table *ovsdb_symbol_table_create(void);
void ovsdb_symbol_table_destroy(struct ovsdb_symbol_table *);
struct ovsdb_symbol *ovsdb_symbol_table_find(
    const struct ovsdb_symbol_table *, const char *name);
/* Adds 'name' -> 'uuid' (the name must be new). */
struct ovsdb_symbol *ovsdb_symbol_table_put(struct ovsdb_symbol_table *,
                                            const char *name,
                                            const struct uuid *,
                                            bool created);
/* Returns the symbol for 'name', adding it with a random UUID if new. */
struct ovsdb_symbol *ovsdb_symbol_table_insert(struct ovsdb_symbol_table *,
                                               const char *name);
/* Returns the name of some symbol that is referenced but not created, or
 * NULL if there is none. */
const char *ovsdb_symbol_table_find_uncreated(
    const struct ovsdb_symbol_table *);

/* Returns true if 's' is a valid OVSDB identifier: [_a-zA-Z][_a-zA-Z0-9]*
 * (used for table and column names and for named UUIDs). */
bool ovsdb_token_is_id(const char *s);

#endif /* ovsdb-data.h */
