/* OVSDB values: atoms and datums.
 *
 * A datum keeps its keys sorted (by ovsdb_atom_compare_3way()) and unique,
 * with the values of a map in a parallel array.  Everything that builds a
 * datum from outside input goes through a "sort" step that either reports
 * duplicates or removes them, so the rest of the code may rely on order:
 * lookups are binary searches and set operations are merges.
 *
 * Two external syntaxes are handled here.  JSON follows RFC 7047 section
 * 5.1.  The text syntax is the one ovs-vsctl users type: an atom is a bare
 * word or a JSON-quoted string, a set is "[a, b]" (brackets optional), a map
 * is "{k=v, ...}" (braces optional), and a UUID may be written "@name" to
 * refer to a row created earlier on the same command line. */

#include <config.h>
#include "ovsdb-data.h"
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/smap.h"
#include "openvswitch/util.h"
#include "ovsdb-parser.h"

/* ------------------------------------------------------------------ */
/* Atoms. */

void
ovsdb_atom_init_default(union ovsdb_atom *atom, enum ovsdb_atomic_type type)
{
    memset(atom, 0, sizeof *atom);
    if (type == OVSDB_TYPE_STRING) {
        atom->string = xstrdup("");
    }
}

const union ovsdb_atom *
ovsdb_atom_default(enum ovsdb_atomic_type type)
{
    /* Every default is all-zero bits, except that a string needs a real
     * (empty) string rather than a null pointer. */
    static union ovsdb_atom zero_atom;
    static union ovsdb_atom empty_string_atom = { .string = (char *) "" };
    return type == OVSDB_TYPE_STRING ? &empty_string_atom : &zero_atom;
}

bool
ovsdb_atom_is_default(const union ovsdb_atom *atom,
                      enum ovsdb_atomic_type type)
{
    /* Atoms without a value (void) count as default. */
    return (!ovsdb_atomic_type_is_valid(type) || type == OVSDB_TYPE_VOID
            || ovsdb_atom_equals(atom, ovsdb_atom_default(type), type));
}

void
ovsdb_atom_clone(union ovsdb_atom *dst, const union ovsdb_atom *src,
                 enum ovsdb_atomic_type type)
{
    if (type == OVSDB_TYPE_STRING) {
        dst->string = xstrdup(src->string);
    } else {
        *dst = *src;
    }
}

void
ovsdb_atom_swap(union ovsdb_atom *a, union ovsdb_atom *b)
{
    union ovsdb_atom tmp = *a;
    *a = *b;
    *b = tmp;
}

void
ovsdb_atom_destroy(union ovsdb_atom *atom, enum ovsdb_atomic_type type)
{
    if (type == OVSDB_TYPE_STRING) {
        free(atom->string);
        atom->string = NULL;
    }
}

uint32_t
ovsdb_atom_hash(const union ovsdb_atom *atom, enum ovsdb_atomic_type type,
                uint32_t basis)
{
    switch (type) {
    case OVSDB_TYPE_INTEGER:
        return hash_bytes(&atom->integer, sizeof atom->integer, basis);
    case OVSDB_TYPE_REAL: {
        /* Make 0.0 and -0.0, which compare equal, hash equal too. */
        double d = atom->real == 0.0 ? 0.0 : atom->real;
        return hash_bytes(&d, sizeof d, basis);
    }
    case OVSDB_TYPE_BOOLEAN:
        return hash_bytes(&atom->boolean, sizeof atom->boolean, basis);
    case OVSDB_TYPE_STRING:
        return hash_string(atom->string, basis);
    case OVSDB_TYPE_UUID:
        return hash_bytes(&atom->uuid, sizeof atom->uuid, basis);
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        return basis;
    }
}

static int
compare_uuids(const struct uuid *a, const struct uuid *b)
{
    for (size_t i = 0; i < ARRAY_SIZE(a->parts); i++) {
        if (a->parts[i] != b->parts[i]) {
            return a->parts[i] < b->parts[i] ? -1 : 1;
        }
    }
    return 0;
}

int
ovsdb_atom_compare_3way(const union ovsdb_atom *a,
                        const union ovsdb_atom *b,
                        enum ovsdb_atomic_type type)
{
#define SIGN_OF_DIFF(X, Y) ((X) > (Y) ? 1 : (X) < (Y) ? -1 : 0)
    if (type == OVSDB_TYPE_STRING) {
        return SIGN_OF_DIFF(strcmp(a->string, b->string), 0);
    } else if (type == OVSDB_TYPE_INTEGER) {
        return SIGN_OF_DIFF(a->integer, b->integer);
    } else if (type == OVSDB_TYPE_UUID) {
        return compare_uuids(&a->uuid, &b->uuid);
    } else if (type == OVSDB_TYPE_REAL) {
        return SIGN_OF_DIFF(a->real, b->real);
    } else if (type == OVSDB_TYPE_BOOLEAN) {
        return SIGN_OF_DIFF(a->boolean, b->boolean);
    }
#undef SIGN_OF_DIFF
    return 0;
}

/* Parses a UUID in JSON form: ["uuid", "TEXT"] or, given 'symtab',
 * ["named-uuid", "NAME"]. */
static struct ovsdb_error *
uuid_from_json(struct uuid *uuid, const struct json *json,
               struct ovsdb_symbol_table *symtab)
{
    if (json->type != JSON_ARRAY || json_array(json)->n != 2
        || json_array(json)->elems[0]->type != JSON_STRING
        || json_array(json)->elems[1]->type != JSON_STRING) {
        return ovsdb_syntax_error(json, NULL, "expected [\"uuid\", "
                                  "\"<uuid>\"] or [\"named-uuid\", "
                                  "\"<name>\"]");
    }

    const char *kind = json_string(json_array(json)->elems[0]);
    const char *text = json_string(json_array(json)->elems[1]);
    if (!strcmp(kind, "uuid")) {
        if (!uuid_from_string(uuid, text)) {
            return ovsdb_syntax_error(json, NULL, "\"%s\" is not a valid "
                                      "UUID", text);
        }
        return NULL;
    } else if (!strcmp(kind, "named-uuid")) {
        if (!symtab) {
            return ovsdb_syntax_error(json, NULL, "named-uuid is not "
                                      "allowed here");
        }
        if (!ovsdb_token_is_id(text)) {
            return ovsdb_syntax_error(json, NULL, "\"%s\" is not a valid "
                                      "name for a named-uuid", text);
        }
        *uuid = ovsdb_symbol_table_insert(symtab, text)->uuid;
        return NULL;
    }
    return ovsdb_syntax_error(json, NULL, "\"%s\" is not \"uuid\" or "
                              "\"named-uuid\"", kind);
}

struct ovsdb_error *
ovsdb_atom_from_json(union ovsdb_atom *atom,
                     const struct ovsdb_base_type *base,
                     const struct json *json, struct ovsdb_symbol_table *names)
{
    struct ovsdb_symbol_table *symtab = names;
    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        if (json->type == JSON_INTEGER) {
            atom->integer = json_integer(json);
            return NULL;
        }
        break;
    case OVSDB_TYPE_REAL:
        if (json->type == JSON_INTEGER) {
            atom->real = json_integer(json);
            return NULL;
        } else if (json->type == JSON_REAL) {
            atom->real = json_real(json);
            return NULL;
        }
        break;
    case OVSDB_TYPE_BOOLEAN:
        if (json->type == JSON_TRUE || json->type == JSON_FALSE) {
            atom->boolean = json->type == JSON_TRUE;
            return NULL;
        }
        break;
    case OVSDB_TYPE_STRING:
        if (json->type == JSON_STRING) {
            atom->string = xstrdup(json_string(json));
            return NULL;
        }
        break;
    case OVSDB_TYPE_UUID:
        return uuid_from_json(&atom->uuid, json, symtab);
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        return ovsdb_internal_error("bad atomic type %d", base->type);
    }
    return ovsdb_syntax_error(json, NULL, "expected %s",
                              ovsdb_atomic_type_to_string(base->type));
}

struct json *
ovsdb_atom_to_json(const union ovsdb_atom *atom, enum ovsdb_atomic_type type)
{
    if (type == OVSDB_TYPE_UUID) {
        char text[UUID_LEN + 1];
        snprintf(text, sizeof text, UUID_FMT, UUID_ARGS(&atom->uuid));
        return json_array_create_2(json_string_create("uuid"),
                                   json_string_create(text));
    }
    return (type == OVSDB_TYPE_STRING ? json_string_create(atom->string)
            : type == OVSDB_TYPE_INTEGER ? json_integer_create(atom->integer)
            : type == OVSDB_TYPE_REAL ? json_real_create(atom->real)
            : type == OVSDB_TYPE_BOOLEAN ? json_boolean_create(atom->boolean)
            : json_null_create());
}

/* Parses the bare text 's' (already unquoted) as an atom of 'base''s type,
 * without constraint checks.  Returns NULL or a malloc'd message. */
static char *
atom_from_token(union ovsdb_atom *atom, const struct ovsdb_base_type *base,
                const char *s, struct ovsdb_symbol_table *symtab)
{
    switch (base->type) {
    case OVSDB_TYPE_INTEGER: {
        char *end;
        errno = 0;
        long long int value = strtoll(s, &end, 10);
        if (!*s || *end || errno == ERANGE || isspace((unsigned char) *s)) {
            return xasprintf("\"%s\" is not a valid integer", s);
        }
        atom->integer = value;
        return NULL;
    }
    case OVSDB_TYPE_REAL: {
        char *end;
        errno = 0;
        double value = strtod(s, &end);
        if (!*s || *end || errno == ERANGE || !isfinite(value)
            || isspace((unsigned char) *s)) {
            return xasprintf("\"%s\" is not a valid real number", s);
        }
        atom->real = value == 0.0 ? 0.0 : value;
        return NULL;
    }
    case OVSDB_TYPE_BOOLEAN:
        if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on")
            || !strcmp(s, "1")) {
            atom->boolean = true;
        } else if (!strcmp(s, "false") || !strcmp(s, "no")
                   || !strcmp(s, "off") || !strcmp(s, "0")) {
            atom->boolean = false;
        } else {
            return xasprintf("\"%s\" is not a valid boolean (use \"true\" "
                             "or \"false\")", s);
        }
        return NULL;
    case OVSDB_TYPE_STRING:
        atom->string = xstrdup(s);
        return NULL;
    case OVSDB_TYPE_UUID:
        if (*s == '@') {
            if (!symtab) {
                return xasprintf("\"%s\": row names (@name) are not "
                                 "allowed here", s);
            }
            if (!ovsdb_token_is_id(s + 1)) {
                return xasprintf("\"%s\" is not a valid row name", s);
            }
            struct ovsdb_symbol *symbol = ovsdb_symbol_table_insert(symtab,
                                                                    s + 1);
            atom->uuid = symbol->uuid;
            if (ovsdb_base_type_is_strong_ref(base)) {
                symbol->strong_ref = true;
            } else if (ovsdb_base_type_is_weak_ref(base)) {
                symbol->weak_ref = true;
            }
            return NULL;
        }
        if (!uuid_from_string(&atom->uuid, s)) {
            return xasprintf("\"%s\" is not a valid UUID", s);
        }
        return NULL;
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        return xasprintf("bad atomic type %d", base->type);
    }
}

/* Converts a constraint-check error into a plain message. */
static char *
error_to_message(struct ovsdb_error *error)
{
    const char *details = ovsdb_error_get_details(error);
    char *s = xstrdup(details ? details : ovsdb_error_get_tag(error));
    ovsdb_error_destroy(error);
    return s;
}

/* Characters that end a bare (unquoted) token in the text syntax. */
#define TOKEN_DELIMITERS ":=, []{}!<>"

/* Reads one token starting at '*sp' (after skipping white space): either a
 * JSON-quoted string or a run of characters up to one of 'delims' or white
 * space.  On success stores the unquoted text, newly allocated, in '*tokenp'
 * and advances '*sp'; otherwise returns an error message. */
static char *
parse_token(const char **sp, const char *delims, char **tokenp)
{
    const char *s = *sp;
    while (isspace((unsigned char) *s)) {
        s++;
    }

    if (*s == '"') {
        const char *start = ++s;
        bool escaped = false;
        for (; *s; s++) {
            if (escaped) {
                escaped = false;
            } else if (*s == '\\') {
                escaped = true;
            } else if (*s == '"') {
                break;
            }
        }
        if (*s != '"') {
            return xasprintf("%s: missing quote at end of quoted string",
                             start - 1);
        }
        char *unescaped;
        if (!json_string_unescape(start, s - start, &unescaped)) {
            char *msg = xasprintf("%.*s: %s", (int) (s - start + 2),
                                  start - 1, unescaped);
            free(unescaped);
            return msg;
        }
        *tokenp = unescaped;
        *sp = s + 1;
        return NULL;
    }

    const char *start = s;
    while (*s && !strchr(delims, *s) && !isspace((unsigned char) *s)) {
        s++;
    }
    if (s == start) {
        return (*start
                ? xasprintf("syntax error at \"%s\"", start)
                : xstrdup("missing value"));
    }
    *tokenp = xmemdup0(start, s - start);
    *sp = s;
    return NULL;
}

char *
ovsdb_atom_from_string(union ovsdb_atom *atom,
                       const struct ovsdb_base_type *base, const char *s,
                       struct ovsdb_symbol_table *symtab)
{
    char *token = NULL;
    const char *p = s;
    char *msg;

    /* A quoted string is unquoted first; anything else is taken whole, so
     * that "tcp:1.2.3.4:6653" works as a scalar string. */
    while (isspace((unsigned char) *p)) {
        p++;
    }
    if (*p == '"') {
        msg = parse_token(&p, "", &token);
        if (!msg) {
            while (isspace((unsigned char) *p)) {
                p++;
            }
            if (*p) {
                msg = xasprintf("%s: trailing garbage after quoted string",
                                s);
            }
        }
        if (msg) {
            free(token);
            return msg;
        }
    } else {
        token = xstrdup(s);
    }

    msg = atom_from_token(atom, base, token, symtab);
    free(token);
    if (msg) {
        return msg;
    }

    struct ovsdb_error *error = ovsdb_atom_check_constraints(atom, base);
    if (error) {
        ovsdb_atom_destroy(atom, base->type);
        return error_to_message(error);
    }
    return NULL;
}

/* Returns true if string 's' must be quoted to read back as the same
 * string in the text syntax. */
static bool
string_needs_quotes(const char *s)
{
    if (!isalpha((unsigned char) s[0]) && s[0] != '_') {
        return true;
    }
    for (const char *p = s; *p; p++) {
        unsigned char c = *p;
        if (!isalnum(c) && c != '_' && c != '-' && c != '.') {
            return true;
        }
    }
    struct uuid uuid;
    return (!strcmp(s, "true") || !strcmp(s, "false")
            || uuid_from_string(&uuid, s));
}

static void
put_real(double d, struct ds *out)
{
    /* Shortest form that reads back exactly. */
    char buf[64];
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (strtod(buf, NULL) == d) {
            break;
        }
    }
    ds_put_cstr(out, buf);
}

void
ovsdb_atom_to_string(const union ovsdb_atom *atom,
                     enum ovsdb_atomic_type type, struct ds *out)
{
    if (type == OVSDB_TYPE_STRING) {
        const char *s = atom->string;
        if (!string_needs_quotes(s)) {
            ds_put_cstr(out, s);
        } else {
            json_string_escape(s, out);
        }
    } else if (type == OVSDB_TYPE_UUID) {
        ds_put_format(out, UUID_FMT, UUID_ARGS(&atom->uuid));
    } else if (type == OVSDB_TYPE_INTEGER) {
        ds_put_format(out, "%"PRId64, atom->integer);
    } else if (type == OVSDB_TYPE_REAL) {
        put_real(atom->real, out);
    } else if (type == OVSDB_TYPE_BOOLEAN) {
        ds_put_cstr(out, atom->boolean ? "true" : "false");
    }
}

void
ovsdb_atom_to_bare(const union ovsdb_atom *atom,
                   enum ovsdb_atomic_type type, struct ds *out)
{
    if (type == OVSDB_TYPE_STRING) {
        ds_put_cstr(out, atom->string);
    } else {
        ovsdb_atom_to_string(atom, type, out);
    }
}

/* Returns the number of UTF-8 characters in 's', or -1 if 's' is not valid
 * UTF-8. */
static long long int
utf8_length(const char *s)
{
    long long int n = 0;
    const unsigned char *p = (const unsigned char *) s;
    while (*p) {
        int extra = (*p < 0x80 ? 0
                     : (*p & 0xe0) == 0xc0 ? 1
                     : (*p & 0xf0) == 0xe0 ? 2
                     : (*p & 0xf8) == 0xf0 ? 3 : -1);
        if (extra < 0) {
            return -1;
        }
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xc0) != 0x80) {
                return -1;
            }
        }
        n++;
    }
    return n;
}

struct ovsdb_error *
ovsdb_atom_check_constraints(const union ovsdb_atom *atom,
                             const struct ovsdb_base_type *base)
{
    bool in_enum = (!base->enum_
                    || ovsdb_datum_find_key(base->enum_, atom,
                                            base->type) != UINT_MAX);
    if (!in_enum) {
        struct ds value = DS_EMPTY_INITIALIZER;
        struct ds allowed = DS_EMPTY_INITIALIZER;
        struct ovsdb_type etype = {
            .key = { .type = base->type },
            .value = { .type = OVSDB_TYPE_VOID },
            .n_min = 1, .n_max = UINT_MAX,
        };
        ovsdb_atom_to_string(atom, base->type, &value);
        ovsdb_datum_to_string(base->enum_, &etype, &allowed);
        struct ovsdb_error *error = ovsdb_error(
            "constraint violation", "%s is not one of the allowed values "
            "(%s)", ds_cstr(&value), ds_cstr(&allowed));
        ds_destroy(&value);
        ds_destroy(&allowed);
        return error;
    }

    switch (base->type) {
    case OVSDB_TYPE_INTEGER: {
        int64_t v = atom->integer, min = base->integer.min;
        int64_t max = base->integer.max;
        if (v >= min && v <= max) {
            return NULL;
        } else if (min != INT64_MIN && max != INT64_MAX) {
            return ovsdb_error("constraint violation", "%"PRId64" is not "
                               "in the valid range %"PRId64" to %"PRId64
                               " (inclusive)", v, min, max);
        } else if (v < min) {
            return ovsdb_error("constraint violation", "%"PRId64" is less "
                               "than minimum allowed value %"PRId64,
                               v, min);
        } else {
            return ovsdb_error("constraint violation", "%"PRId64" is "
                               "greater than maximum allowed value "
                               "%"PRId64, v, max);
        }
    }
    case OVSDB_TYPE_REAL: {
        double v = atom->real, min = base->real.min, max = base->real.max;
        if (v >= min && v <= max) {
            return NULL;
        }
        struct ds s = DS_EMPTY_INITIALIZER;
        put_real(v, &s);
        if (min != -DBL_MAX && max != DBL_MAX) {
            ds_put_cstr(&s, " is not in the valid range ");
            put_real(min, &s);
            ds_put_cstr(&s, " to ");
            put_real(max, &s);
            ds_put_cstr(&s, " (inclusive)");
        } else if (v < min) {
            ds_put_cstr(&s, " is less than minimum allowed value ");
            put_real(min, &s);
        } else {
            ds_put_cstr(&s, " is greater than maximum allowed value ");
            put_real(max, &s);
        }
        struct ovsdb_error *error = ovsdb_error("constraint violation",
                                                "%s", ds_cstr(&s));
        ds_destroy(&s);
        return error;
    }
    case OVSDB_TYPE_STRING: {
        long long int len = utf8_length(atom->string);
        if (len < 0) {
            return ovsdb_error("constraint violation", "not a valid UTF-8 "
                               "string");
        } else if (len < base->string.minLen) {
            return ovsdb_error("constraint violation", "\"%s\" length %lld "
                               "is less than minimum allowed length %u",
                               atom->string, len, base->string.minLen);
        } else if (len > base->string.maxLen) {
            return ovsdb_error("constraint violation", "\"%s\" length %lld "
                               "is greater than maximum allowed length %u",
                               atom->string, len, base->string.maxLen);
        }
        return NULL;
    }
    case OVSDB_TYPE_BOOLEAN:
    case OVSDB_TYPE_UUID:
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Datums. */

void
ovsdb_datum_init_empty(struct ovsdb_datum *datum)
{
    datum->n = 0;
    datum->keys = NULL;
    datum->values = NULL;
}

static union ovsdb_atom *
alloc_default_atoms(enum ovsdb_atomic_type type, size_t n)
{
    if (type == OVSDB_TYPE_VOID || !n) {
        return NULL;
    }
    union ovsdb_atom *atoms = xmalloc(n * sizeof *atoms);
    for (size_t i = 0; i < n; i++) {
        ovsdb_atom_init_default(&atoms[i], type);
    }
    return atoms;
}

void
ovsdb_datum_init_default(struct ovsdb_datum *datum,
                         const struct ovsdb_type *type)
{
    unsigned int n = type->n_min;
    datum->values = alloc_default_atoms(type->value.type, n);
    datum->keys = alloc_default_atoms(type->key.type, n);
    datum->n = n;
}

bool
ovsdb_datum_is_default(const struct ovsdb_datum *datum,
                       const struct ovsdb_type *type)
{
    if (datum->n != type->n_min) {
        return false;
    } else if (!datum->n) {
        return true;
    }
    return (ovsdb_atom_is_default(&datum->keys[0], type->key.type)
            && (type->value.type == OVSDB_TYPE_VOID
                || ovsdb_atom_is_default(&datum->values[0],
                                         type->value.type)));
}

const struct ovsdb_datum *
ovsdb_datum_default(const struct ovsdb_type *type)
{
    static const struct ovsdb_datum empty = { 0, NULL, NULL };
    static union ovsdb_atom zero_atom;
    static union ovsdb_atom empty_string = { .string = (char *) "" };
    static struct ovsdb_datum one[OVSDB_N_TYPES][OVSDB_N_TYPES];

    if (type->n_min == 0) {
        return &empty;
    }

    enum ovsdb_atomic_type kt = type->key.type;
    enum ovsdb_atomic_type vt = type->value.type;
    struct ovsdb_datum *d = &one[kt][vt];
    if (!d->n) {
        d->keys = kt == OVSDB_TYPE_STRING ? &empty_string : &zero_atom;
        d->values = (vt == OVSDB_TYPE_VOID ? NULL
                     : vt == OVSDB_TYPE_STRING ? &empty_string
                     : &zero_atom);
        d->n = 1;
    }
    return d;
}

static union ovsdb_atom *
clone_atoms(const union ovsdb_atom *src, enum ovsdb_atomic_type type,
            size_t n)
{
    if (type == OVSDB_TYPE_VOID || !n || !src) {
        return NULL;
    }
    union ovsdb_atom *dst = xmalloc(n * sizeof *dst);
    for (size_t i = 0; i < n; i++) {
        ovsdb_atom_clone(&dst[i], &src[i], type);
    }
    return dst;
}

void
ovsdb_datum_clone(struct ovsdb_datum *dst, const struct ovsdb_datum *src,
                  const struct ovsdb_type *type)
{
    unsigned int n = src->n;
    dst->keys = clone_atoms(src->keys, type->key.type, n);
    dst->values = clone_atoms(src->values, type->value.type, n);
    dst->n = n;
}

static void
free_atoms(union ovsdb_atom *atoms, enum ovsdb_atomic_type type, size_t n)
{
    if (atoms && type == OVSDB_TYPE_STRING) {
        for (size_t i = 0; i < n; i++) {
            free(atoms[i].string);
        }
    }
    free(atoms);
}

void
ovsdb_datum_destroy(struct ovsdb_datum *datum, const struct ovsdb_type *type)
{
    free_atoms(datum->keys, type->key.type, datum->n);
    free_atoms(datum->values, type->value.type, datum->n);
    ovsdb_datum_init_empty(datum);
}

void
ovsdb_datum_swap(struct ovsdb_datum *a, struct ovsdb_datum *b)
{
    struct ovsdb_datum tmp = *a;
    *a = *b;
    *b = tmp;
}

/* Sorting: sorts an index array, then permutes keys and values by it, so
 * that a map's values follow their keys. */
struct sort_aux {
    const union ovsdb_atom *keys;
    enum ovsdb_atomic_type type;
};

static int
compare_indexes(const void *a_, const void *b_, void *aux_)
{
    const struct sort_aux *aux = aux_;
    const unsigned int *a = a_, *b = b_;
    int cmp = ovsdb_atom_compare_3way(&aux->keys[*a], &aux->keys[*b],
                                      aux->type);
    /* Ties keep their input order, so "first wins" is well defined. */
    return cmp ? cmp : (*a < *b ? -1 : *a > *b);
}

static void
sort_datum(struct ovsdb_datum *datum, enum ovsdb_atomic_type key_type)
{
    if (datum->n < 2) {
        return;
    }
    unsigned int *order = xmalloc(datum->n * sizeof *order);
    for (unsigned int i = 0; i < datum->n; i++) {
        order[i] = i;
    }
    struct sort_aux aux = { datum->keys, key_type };
    qsort_r(order, datum->n, sizeof *order, compare_indexes, &aux);

    union ovsdb_atom *keys = xmalloc(datum->n * sizeof *keys);
    union ovsdb_atom *values = (datum->values
                                ? xmalloc(datum->n * sizeof *values) : NULL);
    for (unsigned int i = 0; i < datum->n; i++) {
        keys[i] = datum->keys[order[i]];
        if (values) {
            values[i] = datum->values[order[i]];
        }
    }
    free(datum->keys);
    free(datum->values);
    datum->keys = keys;
    datum->values = values;
    free(order);
}

struct ovsdb_error *
ovsdb_datum_sort(struct ovsdb_datum *datum, enum ovsdb_atomic_type key_type)
{
    sort_datum(datum, key_type);
    for (unsigned int i = 1; i < datum->n; i++) {
        if (ovsdb_atom_equals(&datum->keys[i - 1], &datum->keys[i],
                              key_type)) {
            struct ds s = DS_EMPTY_INITIALIZER;
            ovsdb_atom_to_string(&datum->keys[i], key_type, &s);
            struct ovsdb_error *error = ovsdb_error(
                "constraint violation", "%s contains duplicate %s %s",
                datum->values ? "map" : "set",
                datum->values ? "key" : "value", ds_cstr(&s));
            ds_destroy(&s);
            return error;
        }
    }
    return NULL;
}

void
ovsdb_datum_sort_assert(struct ovsdb_datum *datum,
                        enum ovsdb_atomic_type key_type)
{
    ovsdb_error_assert(ovsdb_datum_sort(datum, key_type));
}

size_t
ovsdb_datum_sort_unique(struct ovsdb_datum *datum,
                        enum ovsdb_atomic_type key_type,
                        enum ovsdb_atomic_type value_type)
{
    sort_datum(datum, key_type);
    if (!datum->n) {
        return 0;
    }
    unsigned int dst = 1;
    for (unsigned int src = 1; src < datum->n; src++) {
        if (ovsdb_atom_equals(&datum->keys[src], &datum->keys[dst - 1],
                              key_type)) {
            ovsdb_atom_destroy(&datum->keys[src], key_type);
            if (datum->values) {
                ovsdb_atom_destroy(&datum->values[src], value_type);
            }
        } else {
            if (src != dst) {
                datum->keys[dst] = datum->keys[src];
                if (datum->values) {
                    datum->values[dst] = datum->values[src];
                }
            }
            dst++;
        }
    }
    size_t removed = datum->n - dst;
    datum->n = dst;
    return removed;
}

struct ovsdb_error *
ovsdb_datum_check_constraints(const struct ovsdb_datum *datum,
                              const struct ovsdb_type *type)
{
    struct ovsdb_error *error = NULL;
    bool has_values = type->value.type != OVSDB_TYPE_VOID;
    for (unsigned int i = 0; !error && i < datum->n; i++) {
        error = ovsdb_atom_check_constraints(&datum->keys[i], &type->key);
        if (!error && has_values) {
            error = ovsdb_atom_check_constraints(&datum->values[i],
                                                 &type->value);
        }
    }
    return error;
}

/* Checks the element count of a freshly parsed 'datum' against 'type'. */
static struct ovsdb_error *
check_count(const struct ovsdb_datum *datum, const struct ovsdb_type *type,
            const struct json *json)
{
    if (datum->n >= type->n_min && datum->n <= type->n_max) {
        return NULL;
    }
    const char *what = ovsdb_type_is_map(type) ? "map" : "set";
    if (type->n_max == UINT_MAX) {
        return ovsdb_syntax_error(json, NULL, "%s must have at least %u "
                                  "members but %u are present", what,
                                  type->n_min, datum->n);
    }
    return ovsdb_syntax_error(json, NULL, "%s must have %u to %u members "
                              "but %u are present", what, type->n_min,
                              type->n_max, datum->n);
}

/* Parses the elements of a ["set", [...]] or ["map", [...]] array. */
static struct ovsdb_error *
parse_elements(struct ovsdb_datum *datum, const struct ovsdb_type *type,
               const struct json *elems, bool is_map,
               struct ovsdb_symbol_table *symtab)
{
    size_t n = json_array(elems)->n;
    datum->keys = n ? xmalloc(n * sizeof *datum->keys) : NULL;
    datum->values = is_map && n ? xmalloc(n * sizeof *datum->values) : NULL;
    datum->n = 0;

    for (size_t i = 0; i < n; i++) {
        const struct json *elem = json_array(elems)->elems[i];
        const struct json *key = elem, *value = NULL;
        if (is_map) {
            if (elem->type != JSON_ARRAY || json_array(elem)->n != 2) {
                return ovsdb_syntax_error(elem, NULL, "expected 2-element "
                                          "array as pair in map value");
            }
            key = json_array(elem)->elems[0];
            value = json_array(elem)->elems[1];
        }

        struct ovsdb_error *error = ovsdb_atom_from_json(
            &datum->keys[datum->n], &type->key, key, symtab);
        if (error) {
            return error;
        }
        if (is_map) {
            error = ovsdb_atom_from_json(&datum->values[datum->n],
                                         &type->value, value, symtab);
            if (error) {
                ovsdb_atom_destroy(&datum->keys[datum->n], type->key.type);
                return error;
            }
        }
        datum->n++;
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_datum_from_json(struct ovsdb_datum *datum, const struct ovsdb_type *type,
                      const struct json *json,
                      struct ovsdb_symbol_table *symtab)
{
    struct ovsdb_error *error = NULL;
    bool is_map = ovsdb_type_is_map(type);

    ovsdb_datum_init_empty(datum);
    if (json->type == JSON_ARRAY && json_array(json)->n >= 1
        && json_array(json)->elems[0]->type == JSON_STRING
        && (!strcmp(json_string(json_array(json)->elems[0]), "set")
            || !strcmp(json_string(json_array(json)->elems[0]), "map"))) {
        const char *kind = json_string(json_array(json)->elems[0]);
        const struct json *elems = (json_array(json)->n == 2
                                    ? json_array(json)->elems[1] : NULL);
        if (!elems || elems->type != JSON_ARRAY) {
            return ovsdb_syntax_error(json, NULL, "[\"%s\", ...] must have "
                                      "an array as its only argument",
                                      kind);
        }
        if (is_map != !strcmp(kind, "map")) {
            return ovsdb_syntax_error(json, NULL, "%s value where %s "
                                      "expected", kind,
                                      is_map ? "map" : "set or atom");
        }
        error = parse_elements(datum, type, elems, is_map, symtab);
    } else if (is_map) {
        return ovsdb_syntax_error(json, NULL, "expected [\"map\", ...]");
    } else {
        datum->keys = xmalloc(sizeof *datum->keys);
        datum->values = NULL;
        error = ovsdb_atom_from_json(&datum->keys[0], &type->key, json,
                                     symtab);
        if (!error) {
            datum->n = 1;
        }
    }

    if (!error) {
        error = check_count(datum, type, json);
    }
    if (!error) {
        error = ovsdb_datum_sort(datum, type->key.type);
    }
    if (!error) {
        error = ovsdb_datum_check_constraints(datum, type);
    }
    if (error) {
        ovsdb_datum_destroy(datum, type);
    }
    return error;
}

struct json *
ovsdb_datum_to_json(const struct ovsdb_datum *datum,
                    const struct ovsdb_type *type)
{
    if (ovsdb_type_is_map(type)) {
        struct json *pairs = json_array_create_empty();
        for (unsigned int i = 0; i < datum->n; i++) {
            json_array_add(pairs, json_array_create_2(
                               ovsdb_atom_to_json(&datum->keys[i],
                                                  type->key.type),
                               ovsdb_atom_to_json(&datum->values[i],
                                                  type->value.type)));
        }
        return json_array_create_2(json_string_create("map"), pairs);
    } else if (datum->n == 1) {
        return ovsdb_atom_to_json(&datum->keys[0], type->key.type);
    } else {
        struct json *elems = json_array_create_empty();
        for (unsigned int i = 0; i < datum->n; i++) {
            json_array_add(elems, ovsdb_atom_to_json(&datum->keys[i],
                                                     type->key.type));
        }
        return json_array_create_2(json_string_create("set"), elems);
    }
}

/* Appends a key (and value) to 'datum' without sorting or checks, taking
 * ownership of the atoms themselves (not copies). */
static void
append_atoms(struct ovsdb_datum *datum, union ovsdb_atom *key,
             union ovsdb_atom *value)
{
    size_t n = datum->n + 1;
    datum->keys = xrealloc(datum->keys, n * sizeof *datum->keys);
    datum->keys[n - 1] = *key;
    if (value) {
        datum->values = xrealloc(datum->values, n * sizeof *datum->values);
        datum->values[n - 1] = *value;
    }
    datum->n = n;
}

static void
skip_spaces(const char **sp)
{
    while (isspace((unsigned char) **sp)) {
        (*sp)++;
    }
}

/* Reads one atom of 'base' type in text syntax from '*sp'. */
static char *
parse_text_atom(const char **sp, const struct ovsdb_base_type *base,
                const char *delims, union ovsdb_atom *atom,
                struct ovsdb_symbol_table *symtab)
{
    char *token;
    char *msg = parse_token(sp, delims, &token);
    if (msg) {
        return msg;
    }
    msg = atom_from_token(atom, base, token, symtab);
    free(token);
    return msg;
}

static char *
datum_from_text(struct ovsdb_datum *datum, const struct ovsdb_type *type,
                const char *s, struct ovsdb_symbol_table *symtab)
{
    bool is_map = ovsdb_type_is_map(type);
    const char *p = s;
    char end = '\0';

    skip_spaces(&p);
    if (*p == (is_map ? '{' : '[')) {
        end = is_map ? '}' : ']';
        p++;
    }
    skip_spaces(&p);

    while (*p && *p != end) {
        union ovsdb_atom key, value;
        char *msg = parse_text_atom(&p, &type->key, TOKEN_DELIMITERS, &key,
                                    symtab);
        if (msg) {
            return msg;
        }
        if (is_map) {
            skip_spaces(&p);
            if (*p != '=') {
                ovsdb_atom_destroy(&key, type->key.type);
                return xasprintf("%s: syntax error at \"%s\" (expected "
                                 "\"=\" after map key)", s, p);
            }
            p++;
            msg = parse_text_atom(&p, &type->value, TOKEN_DELIMITERS,
                                  &value, symtab);
            if (msg) {
                ovsdb_atom_destroy(&key, type->key.type);
                return msg;
            }
        }
        append_atoms(datum, &key, is_map ? &value : NULL);

        skip_spaces(&p);
        if (*p == ',') {
            p++;
            skip_spaces(&p);
            if (!*p || *p == end) {
                return xasprintf("%s: missing element after \",\"", s);
            }
        } else if (*p && *p != end) {
            return xasprintf("%s: syntax error at \"%s\"", s, p);
        }
    }

    if (end) {
        if (*p != end) {
            return xasprintf("%s: missing \"%c\" at end of %s", s, end,
                             is_map ? "map" : "set");
        }
        p++;
        skip_spaces(&p);
    }
    if (*p) {
        return xasprintf("%s: trailing garbage \"%s\"", s, p);
    }
    return NULL;
}

char *
ovsdb_datum_from_string(struct ovsdb_datum *datum,
                        const struct ovsdb_type *type, const char *s,
                        struct ovsdb_symbol_table *symtab)
{
    char *msg;

    ovsdb_datum_init_empty(datum);
    if (ovsdb_type_is_scalar(type)) {
        /* A scalar is one atom, which may contain any delimiter. */
        datum->keys = xmalloc(sizeof *datum->keys);
        msg = ovsdb_atom_from_string(&datum->keys[0], &type->key, s,
                                     symtab);
        if (msg) {
            free(datum->keys);
            ovsdb_datum_init_empty(datum);
            return msg;
        }
        datum->n = 1;
        return NULL;
    }

    msg = datum_from_text(datum, type, s, symtab);
    if (!msg) {
        struct ovsdb_error *error = ovsdb_datum_sort(datum, type->key.type);
        if (!error) {
            error = ovsdb_datum_check_constraints(datum, type);
        }
        if (error) {
            msg = error_to_message(error);
        }
    }
    if (!msg && (datum->n < type->n_min || datum->n > type->n_max)) {
        if (type->n_max == UINT_MAX) {
            msg = xasprintf("\"%s\" has %u elements but at least %u are "
                            "required", s, datum->n, type->n_min);
        } else {
            msg = xasprintf("\"%s\" has %u elements but %u to %u are "
                            "required", s, datum->n, type->n_min,
                            type->n_max);
        }
    }
    if (msg) {
        ovsdb_datum_destroy(datum, type);
    }
    return msg;
}

static void
datum_to_text(const struct ovsdb_datum *datum, const struct ovsdb_type *type,
              struct ds *out, bool bare)
{
    bool is_map = ovsdb_type_is_map(type);
    bool brackets = !bare && (is_map || type->n_max > 1 || datum->n == 0);
    void (*put)(const union ovsdb_atom *, enum ovsdb_atomic_type,
                struct ds *) = bare ? ovsdb_atom_to_bare
                                    : ovsdb_atom_to_string;

    if (brackets) {
        ds_put_char(out, is_map ? '{' : '[');
    }
    for (unsigned int i = 0; i < datum->n; i++) {
        if (i) {
            ds_put_cstr(out, bare ? " " : ", ");
        }
        put(&datum->keys[i], type->key.type, out);
        if (is_map) {
            ds_put_char(out, '=');
            put(&datum->values[i], type->value.type, out);
        }
    }
    if (brackets) {
        ds_put_char(out, is_map ? '}' : ']');
    }
}

void
ovsdb_datum_to_string(const struct ovsdb_datum *datum,
                      const struct ovsdb_type *type, struct ds *out)
{
    datum_to_text(datum, type, out, false);
}

void
ovsdb_datum_to_bare(const struct ovsdb_datum *datum,
                    const struct ovsdb_type *type, struct ds *out)
{
    datum_to_text(datum, type, out, true);
}

void
ovsdb_datum_from_smap(struct ovsdb_datum *datum, const struct smap *smap)
{
    ovsdb_datum_init_empty(datum);
    const struct smap_node *node;
    SMAP_FOR_EACH (node, smap) {
        union ovsdb_atom key = { .string = xstrdup(node->key) };
        union ovsdb_atom value = { .string = xstrdup(node->value) };
        append_atoms(datum, &key, &value);
    }
    ovsdb_datum_sort_unique(datum, OVSDB_TYPE_STRING, OVSDB_TYPE_STRING);
}

void
ovsdb_datum_from_shash(struct ovsdb_datum *datum, struct shash *sh)
{
    ovsdb_datum_init_empty(datum);
    const struct shash_node *node;
    SHASH_FOR_EACH (node, sh) {
        union ovsdb_atom key = { .string = xstrdup(node->name) };
        union ovsdb_atom value = { .string = xstrdup(node->data) };
        append_atoms(datum, &key, &value);
    }
    ovsdb_datum_sort_unique(datum, OVSDB_TYPE_STRING, OVSDB_TYPE_STRING);
}

uint32_t
ovsdb_datum_hash(const struct ovsdb_datum *datum,
                 const struct ovsdb_type *type, uint32_t basis)
{
    uint32_t hash = basis ^ datum->n;
    for (unsigned int i = 0; i < datum->n; i++) {
        hash = ovsdb_atom_hash(&datum->keys[i], type->key.type, hash);
        if (type->value.type != OVSDB_TYPE_VOID) {
            hash = ovsdb_atom_hash(&datum->values[i], type->value.type,
                                   hash);
        }
    }
    return hash;
}

int
ovsdb_datum_compare_3way(const struct ovsdb_datum *a,
                         const struct ovsdb_datum *b,
                         const struct ovsdb_type *type)
{
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    for (unsigned int i = 0; i < a->n; i++) {
        int cmp = ovsdb_atom_compare_3way(&a->keys[i], &b->keys[i],
                                          type->key.type);
        if (cmp) {
            return cmp;
        }
    }
    if (type->value.type != OVSDB_TYPE_VOID) {
        for (unsigned int i = 0; i < a->n; i++) {
            int cmp = ovsdb_atom_compare_3way(&a->values[i], &b->values[i],
                                              type->value.type);
            if (cmp) {
                return cmp;
            }
        }
    }
    return 0;
}

bool
ovsdb_datum_equals(const struct ovsdb_datum *a, const struct ovsdb_datum *b,
                   const struct ovsdb_type *type)
{
    return !ovsdb_datum_compare_3way(a, b, type);
}

unsigned int
ovsdb_datum_find_key(const struct ovsdb_datum *datum,
                     const union ovsdb_atom *key,
                     enum ovsdb_atomic_type key_type)
{
    unsigned int lo = 0, hi = datum->n;
    while (lo < hi) {
        unsigned int mid = lo + (hi - lo) / 2;
        int cmp = ovsdb_atom_compare_3way(key, &datum->keys[mid], key_type);
        if (!cmp) {
            return mid;
        } else if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return UINT_MAX;
}

unsigned int
ovsdb_datum_find_key_value(const struct ovsdb_datum *datum,
                           const union ovsdb_atom *key,
                           enum ovsdb_atomic_type kt,
                           const union ovsdb_atom *value,
                           enum ovsdb_atomic_type vt)
{
    unsigned int i = ovsdb_datum_find_key(datum, key, kt);
    bool value_differs = (i != UINT_MAX && vt != OVSDB_TYPE_VOID
                          && !ovsdb_atom_equals(&datum->values[i], value,
                                                vt));
    return value_differs ? UINT_MAX : i;
}

/* Returns true if element 'i' of 'b' is an element of 'a'. */
static bool
has_element(const struct ovsdb_datum *a, const struct ovsdb_datum *b,
            unsigned int i, const struct ovsdb_type *type)
{
    return ovsdb_datum_find_key_value(
        a, &b->keys[i], type->key.type,
        b->values ? &b->values[i] : NULL, type->value.type) != UINT_MAX;
}

bool
ovsdb_datum_includes_all(const struct ovsdb_datum *a,
                         const struct ovsdb_datum *b,
                         const struct ovsdb_type *type)
{
    for (unsigned int i = 0; i < b->n; i++) {
        if (!has_element(a, b, i, type)) {
            return false;
        }
    }
    return true;
}

bool
ovsdb_datum_excludes_all(const struct ovsdb_datum *a,
                         const struct ovsdb_datum *b,
                         const struct ovsdb_type *type)
{
    for (unsigned int i = 0; i < b->n; i++) {
        if (has_element(a, b, i, type)) {
            return false;
        }
    }
    return true;
}

void
ovsdb_datum_union(struct ovsdb_datum *a, const struct ovsdb_datum *b,
                  const struct ovsdb_type *type)
{
    bool is_map = type->value.type != OVSDB_TYPE_VOID;
    unsigned int old_n = a->n;
    for (unsigned int i = 0; i < b->n; i++) {
        /* Only the first 'old_n' keys are sorted, and 'b' has no duplicate
         * keys, so searching that prefix suffices. */
        struct ovsdb_datum prefix = { old_n, a->keys, a->values };
        if (ovsdb_datum_find_key(&prefix, &b->keys[i], type->key.type)
            == UINT_MAX) {
            union ovsdb_atom key, value;
            ovsdb_atom_clone(&key, &b->keys[i], type->key.type);
            if (is_map) {
                ovsdb_atom_clone(&value, &b->values[i], type->value.type);
            }
            append_atoms(a, &key, is_map ? &value : NULL);
        }
    }
    if (a->n != old_n) {
        sort_datum(a, type->key.type);
    }
}

void
ovsdb_datum_subtract(struct ovsdb_datum *a, const struct ovsdb_type *a_type,
                     const struct ovsdb_datum *b,
                     const struct ovsdb_type *b_type)
{
    bool pairs = (a_type->value.type != OVSDB_TYPE_VOID
                  && b_type->value.type != OVSDB_TYPE_VOID);
    unsigned int dst = 0;
    for (unsigned int src = 0; src < a->n; src++) {
        unsigned int idx = ovsdb_datum_find_key(b, &a->keys[src],
                                                a_type->key.type);
        bool remove = (idx != UINT_MAX
                       && (!pairs
                           || ovsdb_atom_equals(&a->values[src],
                                                &b->values[idx],
                                                a_type->value.type)));
        if (remove) {
            ovsdb_atom_destroy(&a->keys[src], a_type->key.type);
            if (a->values) {
                ovsdb_atom_destroy(&a->values[src], a_type->value.type);
            }
        } else {
            a->keys[dst] = a->keys[src];
            if (a->values) {
                a->values[dst] = a->values[src];
            }
            dst++;
        }
    }
    a->n = dst;
}

void
ovsdb_datum_add_unsafe(struct ovsdb_datum *datum,
                       const union ovsdb_atom *key,
                       const union ovsdb_atom *value,
                       const struct ovsdb_type *type)
{
    union ovsdb_atom k, v;
    ovsdb_atom_clone(&k, key, type->key.type);
    if (type->value.type != OVSDB_TYPE_VOID) {
        ovsdb_atom_clone(&v, value, type->value.type);
    }
    append_atoms(datum, &k, type->value.type != OVSDB_TYPE_VOID ? &v : NULL);
}

void
ovsdb_datum_remove_unsafe(struct ovsdb_datum *datum, size_t idx,
                          const struct ovsdb_type *type)
{
    /* The last element takes the place of the removed one. */
    unsigned int last = --datum->n;
    if (type->value.type != OVSDB_TYPE_VOID) {
        ovsdb_atom_destroy(&datum->values[idx], type->value.type);
        datum->values[idx] = datum->values[last];
    }
    ovsdb_atom_destroy(&datum->keys[idx], type->key.type);
    datum->keys[idx] = datum->keys[last];
}

/* ------------------------------------------------------------------ */
/* Symbol tables. */

struct ovsdb_symbol_table {
    struct shash by_name;       /* Each struct ovsdb_symbol, by name. */
};

struct ovsdb_symbol_table *
ovsdb_symbol_table_create(void)
{
    struct ovsdb_symbol_table *table = xzalloc(sizeof *table);
    shash_init(&table->by_name);
    return table;
}

void
ovsdb_symbol_table_destroy(struct ovsdb_symbol_table *table)
{
    if (!table) {
        return;
    }
    shash_destroy_free_data(&table->by_name);
    free(table);
}

struct ovsdb_symbol *
ovsdb_symbol_table_find(const struct ovsdb_symbol_table *table,
                        const char *name)
{
    struct ovsdb_symbol *found = shash_find_data(&table->by_name, name);
    return found;
}

struct ovsdb_symbol *
ovsdb_symbol_table_put(struct ovsdb_symbol_table *table, const char *name,
                       const struct uuid *uuid, bool created)
{
    struct ovsdb_symbol *new = xzalloc(sizeof *new);
    *new = (struct ovsdb_symbol) { .uuid = *uuid, .created = created };
    shash_add(&table->by_name, name, new);
    return new;
}

struct ovsdb_symbol *
ovsdb_symbol_table_insert(struct ovsdb_symbol_table *table,
                          const char *name)
{
    struct ovsdb_symbol *found = ovsdb_symbol_table_find(table, name);
    if (found) {
        return found;
    }

    struct uuid fresh;
    uuid_generate(&fresh);
    return ovsdb_symbol_table_put(table, name, &fresh, false);
}

const char *
ovsdb_symbol_table_find_uncreated(const struct ovsdb_symbol_table *table)
{
    const struct shash_node *node;
    SHASH_FOR_EACH (node, &table->by_name) {
        const struct ovsdb_symbol *symbol = node->data;
        if (!symbol->created) {
            return node->name;
        }
    }
    return NULL;
}

bool
ovsdb_token_is_id(const char *s)
{
    return ovsdb_parser_is_id(s);
}
