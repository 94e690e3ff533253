/* JSON values (RFC 8259): building, inspecting, parsing and printing.
 *
 * A "struct json" is a tree of values.  Containers own their children:
 * json_array_add() and json_object_put() take ownership of the value passed
 * in, and json_destroy() frees a whole tree.  Values are reference counted:
 * json_clone() is cheap and returns a shared value that must not be
 * modified; json_deep_clone() makes an independent copy.
 *
 * Numbers are kept exactly when they are integers that fit in 64 bits
 * (JSON_INTEGER, "long long int"); other numbers are doubles (JSON_REAL).
 * Strings are NUL-terminated, valid UTF-8 and never contain U+0000.
 *
 * Parsing never fails by returning NULL from json_from_string() and
 * friends: a malformed input yields a JSON_STRING whose text is the error
 * message.  As in Open vSwitch, a document's top-level value must be an
 * object or an array (RFC 4627), so a JSON_STRING result is always an
 * error; inside them, everything RFC 8259 allows is accepted. */

#ifndef OPENVSWITCH_JSON_H
#define OPENVSWITCH_JSON_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

struct ds;
struct json_member_order;
struct shash;

enum json_type {
    JSON_NULL,                  /* The literal null. */
    JSON_FALSE,                 /* The literal false... */
    JSON_TRUE,                  /* ...and true. */
    JSON_OBJECT,                /* Members: {"name": value, ...}. */
    JSON_ARRAY,                 /* Elements: [value, ...]. */
    JSON_INTEGER,               /* Exact: -9223372036854775808 and up. */
    JSON_REAL,                  /* Any other number, as a double. */
    JSON_STRING,                /* Quoted text. */
    JSON_N_TYPES
};

/* Names as printed in error messages: "null", "false", "true", "object",
 * "array", "integer", "real", "string". */
const char *json_type_to_string(enum json_type);

/* The elements of a JSON array. */
struct json_array {
    size_t n;                   /* Number of elements. */
    size_t n_allocated;         /* Room in 'elems'. */
    struct json **elems;        /* Owned elements. */
};

struct json {
    enum json_type type;
    size_t count;               /* Reference count. */
    union {
        struct {                /* JSON_OBJECT. */
            struct shash *object;       /* Name -> struct json *. */
            struct json_member_order *member_order_;    /* Private. */
        };
        struct json_array array;        /* JSON_ARRAY. */
        long long int integer;  /* JSON_INTEGER. */
        double real;            /* JSON_REAL. */
        char *string;           /* JSON_STRING: owned, NUL-terminated. */
    };
};

/* Constructors.  Each returns a new value with one reference, owned by the
 * caller. */
struct json *json_null_create(void);
struct json *json_boolean_create(bool);
struct json *json_string_create(const char *);
struct json *json_string_create_nocopy(char *); /* Takes ownership. */
struct json *json_integer_create(long long int);
struct json *json_real_create(double);

struct json *json_array_create_empty(void);
void json_array_add(struct json *array, struct json *element);
void json_array_set(struct json *array, size_t index, struct json *element);
struct json *json_array_get(const struct json *array, size_t index);
size_t json_array_size(const struct json *array);
void json_array_trim(struct json *array);
struct json *json_array_create(struct json **elements, size_t n);
struct json *json_array_create_1(struct json *elem0);
struct json *json_array_create_2(struct json *elem0, struct json *elem1);
struct json *json_array_create_3(struct json *elem0, struct json *elem1,
                                 struct json *elem2);

/* Objects keep their members in insertion order.  Putting a name that is
 * already present replaces (and frees) the old value in place. */
struct json *json_object_create(void);
void json_object_put(struct json *object, const char *name,
                     struct json *value);
void json_object_put_nocopy(struct json *object, char *name,
                            struct json *value);
void json_object_put_string(struct json *object, const char *name,
                            const char *value);
void json_object_put_format(struct json *object, const char *name,
                            const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Accessors.  Each asserts that the value has the right type. */
const char *json_string(const struct json *);
struct json_array *json_array(const struct json *);
struct shash *json_object(const struct json *);
bool json_boolean(const struct json *);
double json_real(const struct json *);    /* Also accepts JSON_INTEGER. */
int64_t json_integer(const struct json *);

/* Copying and freeing. */
struct json *json_clone(const struct json *);
struct json *json_deep_clone(const struct json *);
void json_destroy(struct json *);

/* Comparison: structural equality, objects compared as unordered sets of
 * members.  json_hash() is consistent with json_equal(). */
size_t json_hash(const struct json *, size_t basis);
bool json_equal(const struct json *, const struct json *);

/* Incremental parsing, for byte streams: feed bytes as they arrive, until
 * json_parser_is_done(); json_parser_finish() then returns the value (or a
 * JSON_STRING holding the error) and frees the parser.
 *
 * By default the parser accepts one top-level value and stops at its end,
 * which is how a stream of concatenated values is split; with JSPF_TRAILER,
 * anything but white space after the value is an error. */
enum {
    JSPF_TRAILER = 1 << 0
};

struct json_parser;
struct json_parser *json_parser_create(int flags);
void json_parser_abort(struct json_parser *);

/* Returns the number of bytes used: fewer than offered once done. */
size_t json_parser_feed(struct json_parser *, const char *, size_t);
bool json_parser_is_done(const struct json_parser *);

/* Frees the parser; returns the value or a JSON_STRING error. */
struct json *json_parser_finish(struct json_parser *);

/* Whole-document parsing.  Each returns a new value or, on error, a new
 * JSON_STRING with the error message; never NULL. */
struct json *json_from_string(const char *string);
struct json *json_from_file(const char *file_name);
struct json *json_from_stream(FILE *stream);

/* Serialization.  Output is compact and deterministic: object members in
 * insertion order, or sorted by name with JSSF_SORT; JSSF_PRETTY adds
 * newlines and indentation. */
enum {
    JSSF_PRETTY = 1 << 0,
    JSSF_SORT = 1 << 1
};

char *json_to_string(const struct json *, int flags);
void json_to_ds(const struct json *, int flags, struct ds *);

/* Strings. */
void json_string_escape(const char *in, struct ds *out);
bool json_string_unescape(const char *in, size_t in_len, char **outp);

#ifdef __cplusplus
}
#endif

#endif /* openvswitch/json.h */
