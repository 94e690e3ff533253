/* OVSDB column types (RFC 7047 section 3.2).
 *
 * A type is written in a schema either as a bare atomic type name
 * ("integer") or as an object with "key", optional "value", "min" and "max".
 * A base type is likewise a bare name or an object with "type" and the
 * constraints that make sense for it.  Constraints that do not apply to a
 * base type's atomic type are rejected as unexpected members, so a schema
 * that says {"type": "string", "minInteger": 1} fails to parse rather than
 * silently ignoring the constraint. */

#include <config.h>
#include "ovsdb-types.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "ovsdb-data.h"
#include "ovsdb-parser.h"

/* Unconstrained scalar types, one per atomic type. */
#define SCALAR(...) OVSDB_TYPE_SCALAR_INITIALIZER(__VA_ARGS__)
const struct ovsdb_type ovsdb_type_integer = SCALAR(OVSDB_BASE_INTEGER_INIT);
const struct ovsdb_type ovsdb_type_real = SCALAR(OVSDB_BASE_REAL_INIT);
const struct ovsdb_type ovsdb_type_boolean = SCALAR(OVSDB_BASE_BOOLEAN_INIT);
const struct ovsdb_type ovsdb_type_string = SCALAR(OVSDB_BASE_STRING_INIT);
const struct ovsdb_type ovsdb_type_uuid = SCALAR(OVSDB_BASE_UUID_INIT);
#undef SCALAR

static const char *const atomic_type_names[OVSDB_N_TYPES] = {
    [OVSDB_TYPE_VOID] = "void",
    [OVSDB_TYPE_INTEGER] = "integer",
    [OVSDB_TYPE_REAL] = "real",
    [OVSDB_TYPE_BOOLEAN] = "boolean",
    [OVSDB_TYPE_STRING] = "string",
    [OVSDB_TYPE_UUID] = "uuid",
};

const char *
ovsdb_atomic_type_to_string(enum ovsdb_atomic_type type)
{
    return (ovsdb_atomic_type_is_valid(type)
            ? atomic_type_names[type] : "<invalid>");
}

bool
ovsdb_atomic_type_from_string(const char *s, enum ovsdb_atomic_type *type)
{
    /* "void" is internal only: a schema cannot name it. */
    for (int i = OVSDB_TYPE_INTEGER; i < OVSDB_N_TYPES; i++) {
        if (!strcmp(s, atomic_type_names[i])) {
            *type = i;
            return true;
        }
    }
    return false;
}

struct ovsdb_error *
ovsdb_atomic_type_from_json(enum ovsdb_atomic_type *type,
                            const struct json *json)
{
    *type = OVSDB_TYPE_VOID;
    if (json->type != JSON_STRING) {
        return ovsdb_syntax_error(json, NULL, "Atomic type expected");
    }
    const char *name = json_string(json);
    return (ovsdb_atomic_type_from_string(name, type)
            ? NULL
            : ovsdb_syntax_error(json, NULL, "Unknown atomic type %s",
                                 name));
}

struct json *
ovsdb_atomic_type_to_json(enum ovsdb_atomic_type type)
{
    return json_string_create(ovsdb_atomic_type_to_string(type));
}

/* ------------------------------------------------------------------ */
/* Base types. */

void
ovsdb_base_type_init(struct ovsdb_base_type *base,
                     enum ovsdb_atomic_type type)
{
    memset(base, 0, sizeof *base);
    base->type = type;
    base->enum_ = NULL;
    ovsdb_base_type_clear_constraints(base);
}

/* Returns the type of an enum datum: a set of atoms of 'base''s type. */
static void
enum_type_init(struct ovsdb_type *type, enum ovsdb_atomic_type atomic)
{
    ovsdb_type_init(type);
    ovsdb_base_type_init(&type->key, atomic);
    type->n_min = 1;
    type->n_max = UINT_MAX;
}

void
ovsdb_base_type_clone(struct ovsdb_base_type *dst,
                      const struct ovsdb_base_type *src)
{
    *dst = *src;
    if (src->enum_) {
        struct ovsdb_type etype;
        enum_type_init(&etype, src->type);
        dst->enum_ = xmalloc(sizeof *dst->enum_);
        ovsdb_datum_clone(dst->enum_, src->enum_, &etype);
    }
    if (src->type == OVSDB_TYPE_UUID && src->uuid.refTableName) {
        dst->uuid.refTableName = xstrdup(src->uuid.refTableName);
    }
}

void
ovsdb_base_type_destroy(struct ovsdb_base_type *base)
{
    if (!base) {
        return;
    }
    if (base->enum_) {
        struct ovsdb_type etype;
        enum_type_init(&etype, base->type);
        ovsdb_datum_destroy(base->enum_, &etype);
        free(base->enum_);
        base->enum_ = NULL;
    }
    if (base->type == OVSDB_TYPE_UUID) {
        free(base->uuid.refTableName);
        base->uuid.refTableName = NULL;
    }
}

bool
ovsdb_base_type_is_valid(const struct ovsdb_base_type *base)
{
    if (!ovsdb_atomic_type_is_valid(base->type)) {
        return false;
    }
    /* Only ranges can be inverted. */
    return (base->type == OVSDB_TYPE_INTEGER
            ? base->integer.max >= base->integer.min
            : base->type == OVSDB_TYPE_REAL
            ? base->real.max >= base->real.min
            : base->type == OVSDB_TYPE_STRING
            ? base->string.maxLen >= base->string.minLen
            : true);
}

bool
ovsdb_base_type_has_constraints(const struct ovsdb_base_type *base)
{
    if (base->enum_) {
        return true;
    }
    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        return (base->integer.min != INT64_MIN
                || base->integer.max != INT64_MAX);
    case OVSDB_TYPE_REAL:
        return base->real.min != -DBL_MAX || base->real.max != DBL_MAX;
    case OVSDB_TYPE_STRING:
        return base->string.minLen != 0 || base->string.maxLen != UINT_MAX;
    case OVSDB_TYPE_UUID:
        return base->uuid.refTableName != NULL;
    case OVSDB_TYPE_VOID:
    case OVSDB_TYPE_BOOLEAN:
    case OVSDB_N_TYPES:
    default:
        return false;
    }
}

void
ovsdb_base_type_clear_constraints(struct ovsdb_base_type *base)
{
    /* The "unconstrained" value of each kind of constraint. */
    static const struct ovsdb_base_type open_range[OVSDB_N_TYPES] = {
        [OVSDB_TYPE_INTEGER] = OVSDB_BASE_INTEGER_INIT,
        [OVSDB_TYPE_REAL] = OVSDB_BASE_REAL_INIT,
        [OVSDB_TYPE_STRING] = OVSDB_BASE_STRING_INIT,
        [OVSDB_TYPE_UUID] = OVSDB_BASE_UUID_INIT,
    };
    enum ovsdb_atomic_type type = base->type;

    ovsdb_base_type_destroy(base);
    if (ovsdb_atomic_type_is_valid(type)) {
        *base = open_range[type];
    } else {
        memset(base, 0, sizeof *base);
    }
    base->type = type;
}

bool
ovsdb_base_type_is_strong_ref(const struct ovsdb_base_type *base)
{
    return (base->type == OVSDB_TYPE_UUID && base->uuid.refTableName
            && base->uuid.refType == OVSDB_REF_STRONG);
}

bool
ovsdb_base_type_is_weak_ref(const struct ovsdb_base_type *base)
{
    return (base->type == OVSDB_TYPE_UUID && base->uuid.refTableName
            && base->uuid.refType == OVSDB_REF_WEAK);
}

/* Reads optional integer member 'name' of 'parser' into '*value' (which
 * keeps its default when the member is absent). */
static void
parse_optional_int(struct ovsdb_parser *parser, const char *name,
                   int64_t *value)
{
    const struct json *json = ovsdb_parser_member(parser, name,
                                                  OP_INTEGER | OP_OPTIONAL);
    if (json) {
        *value = json_integer(json);
    }
}

static void
parse_optional_real(struct ovsdb_parser *parser, const char *name,
                    double *value)
{
    const struct json *json = ovsdb_parser_member(parser, name,
                                                  OP_NUMBER | OP_OPTIONAL);
    if (json) {
        *value = (json->type == JSON_INTEGER
                  ? (double) json_integer(json) : json_real(json));
    }
}

/* Reads optional length member 'name' (0 to UINT_MAX - 1) into '*value'. */
static void
parse_optional_length(struct ovsdb_parser *parser, const char *name,
                      unsigned int *value)
{
    const struct json *json = ovsdb_parser_member(parser, name,
                                                  OP_INTEGER | OP_OPTIONAL);
    if (json) {
        long long int n = json_integer(json);
        if (n < 0 || n >= UINT_MAX) {
            ovsdb_parser_raise_error(parser, "%s out of valid range 0 to "
                                     "%u", name, UINT_MAX - 1);
        } else {
            *value = n;
        }
    }
}

static struct ovsdb_error *
parse_enum(struct ovsdb_base_type *base, const struct json *json)
{
    struct ovsdb_type etype;
    enum_type_init(&etype, base->type);
    /* Copy the atom constraints so that enum members are checked against
     * them too, but an enum inside the enum would make no sense. */
    struct ovsdb_base_type key = *base;
    key.enum_ = NULL;
    etype.key = key;
    if (base->type == OVSDB_TYPE_UUID) {
        /* A reference enum makes no sense either; keep the UUID plain. */
        etype.key.uuid.refTableName = NULL;
    }

    struct ovsdb_datum *datum = xmalloc(sizeof *datum);
    struct ovsdb_error *error = ovsdb_datum_from_json(datum, &etype, json,
                                                      NULL);
    if (error) {
        free(datum);
        return error;
    }
    base->enum_ = datum;
    return NULL;
}

struct ovsdb_error *
ovsdb_base_type_from_json(struct ovsdb_base_type *base,
                          const struct json *json)
{
    ovsdb_base_type_init(base, OVSDB_TYPE_VOID);
    if (json->type == JSON_STRING) {
        enum ovsdb_atomic_type type;
        struct ovsdb_error *error = ovsdb_atomic_type_from_json(&type, json);
        if (!error) {
            ovsdb_base_type_init(base, type);
        }
        return error;
    } else if (json->type != JSON_OBJECT) {
        return ovsdb_syntax_error(json, NULL, "base type expected");
    }

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, json, "ovsdb type");
    const struct json *type_json = ovsdb_parser_member(&parser, "type",
                                                       OP_STRING);
    if (ovsdb_parser_has_error(&parser)) {
        return ovsdb_parser_finish(&parser);
    }

    enum ovsdb_atomic_type type;
    struct ovsdb_error *error = ovsdb_atomic_type_from_json(&type,
                                                            type_json);
    if (error) {
        ovsdb_parser_destroy(&parser);
        return error;
    }
    ovsdb_base_type_init(base, type);

    switch (type) {
    case OVSDB_TYPE_INTEGER:
        parse_optional_int(&parser, "minInteger", &base->integer.min);
        parse_optional_int(&parser, "maxInteger", &base->integer.max);
        if (!ovsdb_parser_has_error(&parser)
            && base->integer.min > base->integer.max) {
            ovsdb_parser_raise_error(&parser, "minInteger exceeds "
                                     "maxInteger");
        }
        break;
    case OVSDB_TYPE_REAL:
        parse_optional_real(&parser, "minReal", &base->real.min);
        parse_optional_real(&parser, "maxReal", &base->real.max);
        if (!ovsdb_parser_has_error(&parser)
            && base->real.min > base->real.max) {
            ovsdb_parser_raise_error(&parser, "minReal exceeds maxReal");
        }
        break;
    case OVSDB_TYPE_STRING:
        parse_optional_length(&parser, "minLength", &base->string.minLen);
        parse_optional_length(&parser, "maxLength", &base->string.maxLen);
        if (!ovsdb_parser_has_error(&parser)
            && base->string.minLen > base->string.maxLen) {
            ovsdb_parser_raise_error(&parser, "minLength exceeds "
                                     "maxLength");
        }
        break;
    case OVSDB_TYPE_UUID: {
        const struct json *ref_table = ovsdb_parser_member(
            &parser, "refTable", OP_ID | OP_OPTIONAL);
        if (ref_table) {
            base->uuid.refTableName = xstrdup(json_string(ref_table));
            const struct json *ref_type = ovsdb_parser_member(
                &parser, "refType", OP_STRING | OP_OPTIONAL);
            if (ref_type) {
                const char *s = json_string(ref_type);
                if (!strcmp(s, "strong")) {
                    base->uuid.refType = OVSDB_REF_STRONG;
                } else if (!strcmp(s, "weak")) {
                    base->uuid.refType = OVSDB_REF_WEAK;
                } else {
                    ovsdb_parser_raise_error(&parser, "refType must be "
                                             "\"strong\" or \"weak\" (not "
                                             "\"%s\")", s);
                }
            }
        }
        break;
    }
    case OVSDB_TYPE_BOOLEAN:
    case OVSDB_TYPE_VOID:
    case OVSDB_N_TYPES:
    default:
        break;
    }

    if (!ovsdb_parser_has_error(&parser)) {
        const struct json *enum_json = ovsdb_parser_member(
            &parser, "enum", OP_ANY | OP_OPTIONAL);
        if (enum_json) {
            ovsdb_parser_put_error(&parser, parse_enum(base, enum_json));
        }
    }

    error = ovsdb_parser_finish(&parser);
    if (error) {
        ovsdb_base_type_destroy(base);
        ovsdb_base_type_init(base, OVSDB_TYPE_VOID);
    }
    return error;
}

struct json *
ovsdb_base_type_to_json(const struct ovsdb_base_type *base)
{
    if (!ovsdb_base_type_has_constraints(base)) {
        return ovsdb_atomic_type_to_json(base->type);
    }

    struct json *obj = json_object_create();
    json_object_put(obj, "type", ovsdb_atomic_type_to_json(base->type));
    if (base->enum_) {
        struct ovsdb_type etype;
        enum_type_init(&etype, base->type);
        json_object_put(obj, "enum", ovsdb_datum_to_json(base->enum_,
                                                         &etype));
    }

    switch (base->type) {
    case OVSDB_TYPE_INTEGER:
        if (base->integer.min != INT64_MIN) {
            json_object_put(obj, "minInteger",
                            json_integer_create(base->integer.min));
        }
        if (base->integer.max != INT64_MAX) {
            json_object_put(obj, "maxInteger",
                            json_integer_create(base->integer.max));
        }
        break;
    case OVSDB_TYPE_REAL:
        if (base->real.min != -DBL_MAX) {
            json_object_put(obj, "minReal",
                            json_real_create(base->real.min));
        }
        if (base->real.max != DBL_MAX) {
            json_object_put(obj, "maxReal",
                            json_real_create(base->real.max));
        }
        break;
    case OVSDB_TYPE_STRING:
        if (base->string.minLen != 0) {
            json_object_put(obj, "minLength",
                            json_integer_create(base->string.minLen));
        }
        if (base->string.maxLen != UINT_MAX) {
            json_object_put(obj, "maxLength",
                            json_integer_create(base->string.maxLen));
        }
        break;
    case OVSDB_TYPE_UUID:
        if (base->uuid.refTableName) {
            json_object_put_string(obj, "refTable",
                                   base->uuid.refTableName);
            if (base->uuid.refType == OVSDB_REF_WEAK) {
                json_object_put_string(obj, "refType", "weak");
            }
        }
        break;
    case OVSDB_TYPE_VOID:
    case OVSDB_TYPE_BOOLEAN:
    case OVSDB_N_TYPES:
    default:
        break;
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Complete types. */

void
ovsdb_type_init(struct ovsdb_type *type)
{
    ovsdb_base_type_init(&type->key, OVSDB_TYPE_VOID);
    ovsdb_base_type_init(&type->value, OVSDB_TYPE_VOID);
    type->n_min = 1;
    type->n_max = 1;
}

void
ovsdb_type_clone(struct ovsdb_type *dst, const struct ovsdb_type *src)
{
    *dst = *src;
    /* Now give 'dst' its own copies of what the base types own. */
    ovsdb_base_type_clone(&dst->value, &src->value);
    ovsdb_base_type_clone(&dst->key, &src->key);
}

void
ovsdb_type_destroy(struct ovsdb_type *type)
{
    struct ovsdb_base_type *bases[] = { &type->key, &type->value };
    for (size_t i = 0; i < ARRAY_SIZE(bases); i++) {
        ovsdb_base_type_destroy(bases[i]);
    }
}

bool
ovsdb_type_is_valid(const struct ovsdb_type *type)
{
    bool counts_ok = (type->n_min < 2 && type->n_max > 0
                      && type->n_max >= type->n_min);
    return (counts_ok && type->key.type != OVSDB_TYPE_VOID
            && ovsdb_base_type_is_valid(&type->value)
            && ovsdb_base_type_is_valid(&type->key));
}

static struct ovsdb_error *
parse_n_max(const struct json *json, unsigned int *n_max)
{
    if (!json) {
        *n_max = 1;
    } else if (json->type == JSON_STRING
               && !strcmp(json_string(json), "unlimited")) {
        *n_max = UINT_MAX;
    } else if (json->type == JSON_INTEGER && json_integer(json) >= 1
               && json_integer(json) < UINT_MAX) {
        *n_max = json_integer(json);
    } else {
        return ovsdb_syntax_error(json, NULL, "bad max: must be a "
                                  "positive integer or \"unlimited\"");
    }
    return NULL;
}

struct ovsdb_error *
ovsdb_type_from_json(struct ovsdb_type *type, const struct json *json)
{
    ovsdb_type_init(type);
    if (json->type == JSON_STRING) {
        return ovsdb_base_type_from_json(&type->key, json);
    } else if (json->type != JSON_OBJECT) {
        return ovsdb_syntax_error(json, NULL, "ovsdb type expected");
    }

    struct ovsdb_parser parser;
    ovsdb_parser_init(&parser, json, "ovsdb type");
    const struct json *key_json = ovsdb_parser_member(&parser, "key",
                                                      OP_STRING | OP_OBJECT);
    const struct json *value_json = ovsdb_parser_member(
        &parser, "value", OP_STRING | OP_OBJECT | OP_OPTIONAL);
    const struct json *min_json = ovsdb_parser_member(
        &parser, "min", OP_INTEGER | OP_OPTIONAL);
    const struct json *max_json = ovsdb_parser_member(
        &parser, "max", OP_INTEGER | OP_STRING | OP_OPTIONAL);
    struct ovsdb_error *error = ovsdb_parser_finish(&parser);
    if (error) {
        return error;
    }

    error = ovsdb_base_type_from_json(&type->key, key_json);
    if (!error && value_json) {
        error = ovsdb_base_type_from_json(&type->value, value_json);
    }
    if (!error) {
        if (!min_json) {
            type->n_min = 1;
        } else if (json_integer(min_json) == 0
                   || json_integer(min_json) == 1) {
            type->n_min = json_integer(min_json);
        } else {
            error = ovsdb_syntax_error(min_json, NULL,
                                       "bad min: must be 0 or 1");
        }
    }
    if (!error) {
        error = parse_n_max(max_json, &type->n_max);
    }
    if (!error && type->n_min > type->n_max) {
        error = ovsdb_syntax_error(json, NULL, "ovsdb type fails "
                                   "constraint checks: min exceeds max");
    }
    if (error) {
        ovsdb_type_destroy(type);
        ovsdb_type_init(type);
    }
    return error;
}

struct json *
ovsdb_type_to_json(const struct ovsdb_type *type)
{
    bool plain = (ovsdb_type_is_scalar(type)
                  && !ovsdb_base_type_has_constraints(&type->key));
    if (plain) {
        /* Just the atomic type's name. */
        return ovsdb_atomic_type_to_json(type->key.type);
    }

    struct json *obj = json_object_create();
    json_object_put(obj, "key", ovsdb_base_type_to_json(&type->key));
    if (type->value.type != OVSDB_TYPE_VOID) {
        json_object_put(obj, "value", ovsdb_base_type_to_json(&type->value));
    }
    if (type->n_min != 1) {
        json_object_put(obj, "min", json_integer_create(type->n_min));
    }
    if (type->n_max == UINT_MAX) {
        json_object_put_string(obj, "max", "unlimited");
    } else if (type->n_max != 1) {
        json_object_put(obj, "max", json_integer_create(type->n_max));
    }
    return obj;
}

char *
ovsdb_type_to_english(const struct ovsdb_type *type)
{
    const char *k = ovsdb_atomic_type_to_string(type->key.type);
    const char *v = ovsdb_atomic_type_to_string(type->value.type);
    if (ovsdb_type_is_scalar(type)) {
        return xstrdup(k);
    }

    bool unlimited = type->n_max == UINT_MAX;
    struct ds s = DS_EMPTY_INITIALIZER;
    ds_put_format(&s, "%s of", ovsdb_type_is_map(type) ? "map" : "set");
    if (!type->n_min && !unlimited) {
        ds_put_format(&s, " up to %u", type->n_max);
    } else if (type->n_min && !unlimited) {
        ds_put_format(&s, " %u to %u", type->n_min, type->n_max);
    } else if (type->n_min) {
        ds_put_format(&s, " %u or more", type->n_min);
    }
    if (ovsdb_type_is_map(type)) {
        ds_put_format(&s, " (%s, %s) pairs", k, v);
    } else {
        ds_put_format(&s, " %ss", k);
    }
    return ds_steal_cstr(&s);
}
