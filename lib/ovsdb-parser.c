/* Pulling members out of JSON objects, with precise errors.
 *
 * The parser keeps only the first error it meets: once something is wrong,
 * later lookups return NULL quietly, so a caller can ask for every member
 * it needs in sequence and check for problems once.  Members are recorded
 * as they are asked for, so that finishing can tell about unexpected
 * members, which RFC 7047 treats as errors. */

#include <config.h>
#include "ovsdb-parser.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"

void
ovsdb_parser_init(struct ovsdb_parser *parser, const struct json *json,
                  const char *name, ...)
{
    va_list ap;
    va_start(ap, name);
    char *what = xvasprintf(name, ap);
    va_end(ap);

    *parser = (struct ovsdb_parser) { .name = what, .json = json };
    sset_init(&parser->used);
    if (!json || json->type != JSON_OBJECT) {
        ovsdb_parser_raise_error(parser, "Object expected.");
    }
}

bool
ovsdb_parser_is_id(const char *s)
{
    if (!s || (!isalpha((unsigned char) *s) && *s != '_')) {
        return false;
    }
    for (s++; *s; s++) {
        if (!isalnum((unsigned char) *s) && *s != '_') {
            return false;
        }
    }
    return true;
}

/* Appends a list of the JSON types in 'types' to 's', for messages. */
static void
put_type_names(struct ds *s, unsigned int types)
{
    static const struct {
        unsigned int bits;
        const char *name;
    } names[] = {
        { OP_NULL, "null" }, { OP_BOOLEAN, "boolean" },
        { OP_OBJECT, "object" }, { OP_ARRAY, "array" },
        { OP_NUMBER, "number" }, { OP_INTEGER, "integer" },
        { OP_REAL, "real number" }, { OP_STRING, "string" },
    };
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        unsigned int bits = names[i].bits;
        if ((types & bits) != bits) {
            continue;
        }
        types &= ~bits;
        if (n++) {
            ds_put_cstr(s, " or ");
        }
        ds_put_cstr(s, names[i].name);
    }
}

const struct json *
ovsdb_parser_member(struct ovsdb_parser *parser, const char *name,
                    enum ovsdb_parser_types types)
{
    if (parser->error) {
        return NULL;
    }

    sset_add(&parser->used, name);
    const struct json *value = shash_find_data(json_object(parser->json),
                                               name);
    if (!value) {
        if (!(types & OP_OPTIONAL)) {
            ovsdb_parser_raise_error(parser,
                                     "Required '%s' member is missing.",
                                     name);
        }
        return NULL;
    }

    unsigned int type_bits = 1u << value->type;
    if (!(types & type_bits)
        && !((types & OP_ID) && value->type == JSON_STRING)) {
        struct ds expected = DS_EMPTY_INITIALIZER;
        put_type_names(&expected, types & ~(OP_ID | OP_OPTIONAL));
        if (types & OP_ID) {
            ds_put_format(&expected, "%sidentifier",
                          expected.length ? " or " : "");
        }
        ovsdb_parser_raise_error(parser, "Type mismatch for member '%s': "
                                 "%s expected.", name, ds_cstr(&expected));
        ds_destroy(&expected);
        return NULL;
    }
    if ((types & OP_ID) && value->type == JSON_STRING
        && !(types & OP_STRING) && !ovsdb_parser_is_id(json_string(value))) {
        ovsdb_parser_raise_error(parser, "Member '%s' must be a valid "
                                 "identifier.", name);
        return NULL;
    }
    return value;
}

void
ovsdb_parser_raise_error(struct ovsdb_parser *parser, const char *format, ...)
{
    if (parser->error) {
        return;
    }
    va_list args;
    va_start(args, format);
    char *message = xvasprintf(format, args);
    va_end(args);

    parser->error = ovsdb_syntax_error(parser->json, NULL, "Parsing %s "
                                       "failed: %s", parser->name, message);
    free(message);
}

bool
ovsdb_parser_has_error(const struct ovsdb_parser *parser)
{
    return parser->error != NULL;
}

void
ovsdb_parser_put_error(struct ovsdb_parser *parser, struct ovsdb_error *error)
{
    if (parser->error) {
        ovsdb_error_destroy(error);
    } else {
        parser->error = error;
    }
}

struct ovsdb_error *
ovsdb_parser_get_error(const struct ovsdb_parser *parser)
{
    return ovsdb_error_clone(parser->error);
}

struct ovsdb_error *
ovsdb_parser_finish(struct ovsdb_parser *parser)
{
    if (!parser->error) {
        const struct shash_node *node;
        SHASH_FOR_EACH (node, json_object(parser->json)) {
            if (!sset_contains(&parser->used, node->name)) {
                ovsdb_parser_raise_error(parser, "Member '%s' is present "
                                         "but not allowed here.",
                                         node->name);
                break;
            }
        }
    }
    struct ovsdb_error *error = parser->error;
    parser->error = NULL;
    ovsdb_parser_destroy(parser);
    return error;
}

void
ovsdb_parser_destroy(struct ovsdb_parser *parser)
{
    free(parser->name);
    sset_destroy(&parser->used);
    ovsdb_error_destroy(parser->error);
    parser->error = NULL;
}
