/* JSON values, their parser and their printer.
 *
 * Values.  A struct json is a tagged union with a reference count.
 * Objects are a struct shash from member name to child value; because a
 * hash table has no useful order, each object also keeps a small private
 * index that gives every member name the sequence number of its first
 * insertion, and the printer lists members in that order (or sorted by
 * name, with JSSF_SORT).  Code that edits json_object() directly still
 * works: members the index does not know are printed last, sorted.
 *
 * Parsing is incremental, byte by byte, so that a JSON-RPC connection can
 * feed whatever the socket delivered and learn when a whole value has
 * arrived.  Two layers cooperate:
 *
 *   - the lexer turns bytes into tokens ('{', '}', '[', ']', ':', ',',
 *     strings, numbers and the keywords true, false and null).  Strings
 *     are decoded and checked as they arrive (escapes, surrogate pairs,
 *     UTF-8), so an error points at the offending byte.  A number or a
 *     keyword ends only at the first byte that cannot belong to it; that
 *     byte is then handed to the lexer again as the start of what follows.
 *
 *   - the parser is a pushdown automaton over tokens.  Its stack holds the
 *     open arrays and objects (at most JSON_MAX_DEPTH of them).
 *
 * On the first error everything stops and the message, prefixed with the
 * line, column and byte where it was found, becomes the result. */

#include <config.h>
#include "openvswitch/json.h"

/* From the C library. */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* From this project. */
#include "openvswitch/dynamic-string.h"
#include "openvswitch/hash.h"
#include "openvswitch/hmap.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"

/* Arrays and objects may nest this deep and no deeper. */
#define JSON_MAX_DEPTH 1000

/* ------------------------------------------------------------------ */
/* Types. */

/* Indexed by enum json_type. */
static const char *const json_type_names[JSON_N_TYPES] = {
    [JSON_NULL] = "null", [JSON_FALSE] = "false", [JSON_TRUE] = "true",
    [JSON_OBJECT] = "object", [JSON_ARRAY] = "array",
    [JSON_INTEGER] = "integer", [JSON_REAL] = "real",
    [JSON_STRING] = "string",
};

const char *
json_type_to_string(enum json_type type)
{
    return ((unsigned int) type < JSON_N_TYPES
            ? json_type_names[type] : "<invalid>");
}

/* ------------------------------------------------------------------ */
/* Member order of objects. */

/* One name known to an object's order index. */
struct member_seq {
    struct hmap_node hmap_node; /* In json_member_order's 'index'. */
    unsigned long long seq;     /* When the name was (last) added. */
    char name[];                /* Null-terminated copy of the name. */
};

struct json_member_order {
    struct hmap index;          /* Of struct member_seq, by hash of name. */
    unsigned long long next_seq;
};

static struct member_seq *
member_order_find(const struct json_member_order *order, const char *name,
                  uint32_t hash)
{
    struct member_seq *ms;

    HMAP_FOR_EACH_WITH_HASH (ms, hmap_node, hash, &order->index) {
        if (!strcmp(ms->name, name)) {
            return ms;
        }
    }
    return NULL;
}

/* Records that NAME has just been added to an object as a new member. */
static void
member_order_note(struct json_member_order *order, const char *name)
{
    uint32_t hash = hash_string(name, 0);
    struct member_seq *ms = member_order_find(order, name, hash);

    if (!ms) {
        size_t len = strlen(name);

        ms = xmalloc(sizeof *ms + len + 1);
        memcpy(ms->name, name, len + 1);
        hmap_insert(&order->index, &ms->hmap_node, hash);
    }
    ms->seq = order->next_seq++;
}

static void
member_order_destroy(struct json_member_order *order)
{
    if (order) {
        struct member_seq *ms;

        HMAP_FOR_EACH_POP (ms, hmap_node, &order->index) {
            free(ms);
        }
        hmap_destroy(&order->index);
        free(order);
    }
}

/* ------------------------------------------------------------------ */
/* Construction. */

/* Returns a new value of TYPE with one reference and all-zero contents. */
static struct json *
json_alloc__(enum json_type type)
{
    struct json *j = xzalloc(sizeof *j);

    j->count = 1;
    j->type = type;
    return j;
}

struct json *
json_null_create(void)
{
    return json_alloc__(JSON_NULL);
}

struct json *
json_boolean_create(bool value)
{
    return json_alloc__(value ? JSON_TRUE : JSON_FALSE);
}

/* Takes ownership of S, which must be a malloc()'d UTF-8 string. */
struct json *
json_string_create_nocopy(char *s)
{
    struct json *j = json_alloc__(JSON_STRING);

    j->string = s;
    return j;
}

struct json *
json_string_create(const char *s)
{
    char *copy = xstrdup(s);

    return json_string_create_nocopy(copy);
}

struct json *
json_integer_create(long long int value)
{
    struct json *j = json_alloc__(JSON_INTEGER);

    j->integer = value;
    return j;
}

struct json *
json_real_create(double value)
{
    struct json *j = json_alloc__(JSON_REAL);

    j->real = value;
    return j;
}

struct json *
json_array_create_empty(void)
{
    return json_alloc__(JSON_ARRAY);
}

/* Appends ELEMENT, taking ownership of it. */
void
json_array_add(struct json *array, struct json *element)
{
    struct json_array *a = json_array(array);

    if (a->n == a->n_allocated) {
        a->elems = x2nrealloc(a->elems, &a->n_allocated, sizeof a->elems[0]);
    }
    a->elems[a->n] = element;
    a->n++;
}

/* Replaces the element at INDEX (which must exist) with ELEMENT, taking
 * ownership of ELEMENT and freeing the old one. */
void
json_array_set(struct json *array_, size_t index, struct json *element)
{
    struct json_array *array = json_array(array_);

    ovs_assert(index < array->n);
    json_destroy(array->elems[index]);
    array->elems[index] = element;
}

/* Returns the element at INDEX, or NULL if there is none.  The array keeps
 * ownership. */
struct json *
json_array_get(const struct json *array_, size_t index)
{
    const struct json_array *array = json_array(array_);

    return index < array->n ? array->elems[index] : NULL;
}

size_t
json_array_size(const struct json *array)
{
    return json_array(array)->n;
}

/* Releases unused room at the end of ARRAY. */
void
json_array_trim(struct json *array_)
{
    struct json_array *array = json_array(array_);

    if (array->n < array->n_allocated) {
        array->n_allocated = array->n;
        if (array->n) {
            array->elems = xrealloc(array->elems,
                                    array->n * sizeof *array->elems);
        } else {
            free(array->elems);
            array->elems = NULL;
        }
    }
}

/* Returns a new array whose N elements are ELEMENTS[], taking ownership of
 * both the elements and ELEMENTS itself (which must come from malloc(), or
 * be NULL if N is 0). */
struct json *
json_array_create(struct json **elements, size_t n)
{
    struct json *j = json_alloc__(JSON_ARRAY);

    j->array = (struct json_array) {
        .n = n, .n_allocated = n, .elems = elements
    };
    return j;
}

/* Shorthands for arrays of one, two or three elements (owned). */
struct json *
json_array_create_1(struct json *first)
{
    struct json *j = json_array_create_empty();

    json_array_add(j, first);
    return j;
}

struct json *
json_array_create_2(struct json *first, struct json *second)
{
    struct json *j = json_array_create_1(first);

    json_array_add(j, second);
    return j;
}

struct json *
json_array_create_3(struct json *first, struct json *second,
                    struct json *third)
{
    struct json *j = json_array_create_2(first, second);

    json_array_add(j, third);
    return j;
}

struct json *
json_object_create(void)
{
    struct json *j = json_alloc__(JSON_OBJECT);
    struct json_member_order *order = xmalloc(sizeof *order);

    hmap_init(&order->index);
    order->next_seq = 0;
    j->member_order_ = order;
    j->object = xmalloc(sizeof *j->object);
    shash_init(j->object);
    return j;
}

/* Sets member NAME of OBJECT to VALUE, taking ownership of both NAME and
 * VALUE.  An existing member of that name keeps its place; its old value
 * is freed. */
void
json_object_put_nocopy(struct json *object, char *name, struct json *value)
{
    struct shash *members = json_object(object);
    struct shash_node *node = shash_find(members, name);

    if (node) {
        json_destroy(node->data);
        node->data = value;
        free(name);
    } else {
        member_order_note(object->member_order_, name);
        shash_add_nocopy(members, name, value);
    }
}

/* Sets member NAME (copied) of OBJECT to VALUE (owned). */
void
json_object_put(struct json *object, const char *name, struct json *value)
{
    json_object_put_nocopy(object, xstrdup(name), value);
}

void
json_object_put_string(struct json *object, const char *name,
                       const char *value)
{
    json_object_put(object, name, json_string_create(value));
}

void
json_object_put_format(struct json *object, const char *name,
                       const char *format, ...)
{
    va_list args;

    va_start(args, format);
    json_object_put(object, name,
                    json_string_create_nocopy(xvasprintf(format, args)));
    va_end(args);
}

/* ------------------------------------------------------------------ */
/* Accessors. */

/* Each accessor checks the type first: asking a value for the wrong type
 * is a programming error. */
static const struct json *
json_check_type(const struct json *j, enum json_type t1, enum json_type t2)
{
    ovs_assert(j->type == t1 || j->type == t2);
    return j;
}

const char *
json_string(const struct json *j)
{
    return json_check_type(j, JSON_STRING, JSON_STRING)->string;
}

struct json_array *
json_array(const struct json *j)
{
    json_check_type(j, JSON_ARRAY, JSON_ARRAY);
    return CONST_CAST(struct json_array *, &j->array);
}

struct shash *
json_object(const struct json *j)
{
    return json_check_type(j, JSON_OBJECT, JSON_OBJECT)->object;
}

bool
json_boolean(const struct json *j)
{
    return json_check_type(j, JSON_FALSE, JSON_TRUE)->type != JSON_FALSE;
}

double
json_real(const struct json *j)
{
    json_check_type(j, JSON_INTEGER, JSON_REAL);
    if (j->type == JSON_INTEGER) {
        return j->integer;
    }
    return j->real;
}

int64_t
json_integer(const struct json *j)
{
    return json_check_type(j, JSON_INTEGER, JSON_INTEGER)->integer;
}

/* ------------------------------------------------------------------ */
/* Copying and freeing. */

/* Returns JSON itself with one more reference.  The caller owns that
 * reference and must not modify the (shared) value. */
struct json *
json_clone(const struct json *json_)
{
    struct json *json = CONST_CAST(struct json *, json_);

    json->count++;
    return json;
}

/* A member of an object paired with its print position. */
struct ordered_member {
    const struct shash_node *node;
    unsigned long long seq;     /* ULLONG_MAX if the order index lacks it. */
};

static int
compare_ordered_members(const void *a_, const void *b_)
{
    const struct ordered_member *a = a_;
    const struct ordered_member *b = b_;

    if (a->seq != b->seq) {
        return a->seq < b->seq ? -1 : 1;
    }
    return strcmp(a->node->name, b->node->name);
}

/* Returns the members of OBJECT in the order in which they are printed:
 * by name if SORT is true, otherwise in insertion order.  Returns NULL if
 * OBJECT has no members; otherwise the caller must free() the array (but
 * not the nodes), which holds shash_count(json_object(OBJECT)) entries. */
static const struct shash_node **
json_object_members_in_order(const struct json *object, bool sort)
{
    size_t n = shash_count(object->object);
    const struct shash_node **nodes;
    struct ordered_member *members;
    const struct shash_node *node;
    size_t i;

    if (!n) {
        return NULL;
    }
    if (sort) {
        return shash_sort(object->object);
    }

    members = xmalloc(n * sizeof *members);
    i = 0;
    SHASH_FOR_EACH (node, object->object) {
        const struct member_seq *ms;

        ms = member_order_find(object->member_order_, node->name,
                               hash_string(node->name, 0));
        members[i].node = node;
        members[i].seq = ms ? ms->seq : ULLONG_MAX;
        i++;
    }
    qsort(members, n, sizeof *members, compare_ordered_members);

    nodes = xmalloc(n * sizeof *nodes);
    for (i = 0; i < n; i++) {
        nodes[i] = members[i].node;
    }
    free(members);
    return nodes;
}

static struct json *
json_deep_clone_object(const struct json *src)
{
    const struct shash_node **nodes = json_object_members_in_order(src,
                                                                   false);
    size_t n = shash_count(src->object);
    struct json *dst = json_object_create();
    size_t i;

    for (i = 0; i < n; i++) {
        json_object_put(dst, nodes[i]->name,
                        json_deep_clone(nodes[i]->data));
    }
    free(nodes);
    return dst;
}

/* Returns an independent copy of SRC (with one reference), which the
 * caller owns. */
struct json *
json_deep_clone(const struct json *src)
{
    struct json *copy;
    size_t i;

    if (src->type == JSON_OBJECT) {
        return json_deep_clone_object(src);
    } else if (src->type == JSON_STRING) {
        return json_string_create(src->string);
    }

    copy = json_alloc__(src->type);
    if (src->type == JSON_ARRAY) {
        for (i = 0; i < src->array.n; i++) {
            json_array_add(copy, json_deep_clone(src->array.elems[i]));
        }
    } else if (src->type == JSON_INTEGER) {
        copy->integer = src->integer;
    } else if (src->type == JSON_REAL) {
        copy->real = src->real;
    }
    return copy;
}

static void
json_free_members(struct json *object)
{
    struct shash_node *node;

    SHASH_FOR_EACH_SAFE (node, object->object) {
        struct json *value = node->data;

        shash_delete(object->object, node);
        json_destroy(value);
    }
    shash_destroy(object->object);
    free(object->object);
    member_order_destroy(object->member_order_);
}

/* Frees J, whose last reference is gone, and its children. */
static void
json_destroy__(struct json *j)
{
    if (j->type == JSON_OBJECT) {
        json_free_members(j);
    } else if (j->type == JSON_ARRAY) {
        size_t i = j->array.n;

        while (i-- > 0) {
            json_destroy(j->array.elems[i]);
        }
        free(j->array.elems);
    } else if (j->type == JSON_STRING) {
        free(j->string);
    }
    free(j);
}

/* Drops one reference to JSON, freeing it (and its children) with the
 * last one.  JSON may be NULL. */
void
json_destroy(struct json *json)
{
    if (json && !--json->count) {
        json_destroy__(json);
    }
}

/* ------------------------------------------------------------------ */
/* Comparison and hashing. */

static bool
json_equal_object(const struct json *a, const struct json *b)
{
    const struct shash_node *node;

    if (shash_count(a->object) != shash_count(b->object)) {
        return false;
    }
    SHASH_FOR_EACH (node, a->object) {
        const struct json *b_value = shash_find_data(b->object, node->name);

        if (!b_value || !json_equal(node->data, b_value)) {
            return false;
        }
    }
    return true;
}

static bool
json_equal_array(const struct json_array *a, const struct json_array *b)
{
    size_t n = a->n;

    if (n != b->n) {
        return false;
    }
    while (n-- > 0) {
        if (!json_equal(a->elems[n], b->elems[n])) {
            return false;
        }
    }
    return true;
}

/* Returns true if A and B have the same type and value.  Object members
 * compare as sets: their order does not matter.  A JSON_INTEGER never
 * equals a JSON_REAL, even if their values are numerically equal. */
bool
json_equal(const struct json *a, const struct json *b)
{
    if (a == b) {
        return true;
    } else if (a->type != b->type) {
        return false;
    }

    switch (a->type) {
    case JSON_OBJECT:
        return json_equal_object(a, b);
    case JSON_ARRAY:
        return json_equal_array(&a->array, &b->array);
    case JSON_STRING:
        return !strcmp(a->string, b->string);
    case JSON_INTEGER:
        return a->integer == b->integer;
    case JSON_REAL:
        return a->real == b->real;
    case JSON_NULL:
    case JSON_FALSE:
    case JSON_TRUE:
        return true;
    case JSON_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

/* Returns a hash of JSON, starting from BASIS.  Values that json_equal()
 * considers equal hash equally. */
size_t
json_hash(const struct json *json, size_t basis)
{
    switch (json->type) {
    case JSON_OBJECT: {
        const struct shash_node *node;
        uint32_t sum = 0;

        /* Addition makes the result independent of member order. */
        SHASH_FOR_EACH (node, json->object) {
            sum += hash_string(node->name, json_hash(node->data, 0));
        }
        return hash_2words(sum, basis);
    }

    case JSON_ARRAY: {
        uint32_t hash = basis;
        size_t i;

        for (i = 0; i < json->array.n; i++) {
            hash = json_hash(json->array.elems[i], hash);
        }
        return hash_2words(json->array.n, hash);
    }

    case JSON_STRING:
        return hash_string(json->string, basis);

    case JSON_INTEGER:
        return hash_uint64_basis(json->integer, basis);

    case JSON_REAL: {
        /* 0.0 and -0.0 are equal, so they must hash alike. */
        double d = json->real == 0 ? 0 : json->real;

        return hash_bytes(&d, sizeof d, basis);
    }

    case JSON_NULL:
    case JSON_FALSE:
    case JSON_TRUE:
        return hash_int(json->type, basis);

    case JSON_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

/* ------------------------------------------------------------------ */
/* Decoding the inside of a quoted string.
 *
 * The decoder takes one byte at a time, expands escapes (joining
 * surrogate pairs), checks that raw bytes form valid UTF-8, and appends the
 * result to 'out'.  It is shared by the parser and json_string_unescape(). */

enum string_state {
    STR_NORMAL,                 /* Plain characters. */
    STR_ESCAPE,                 /* After a backslash. */
    STR_UHEX,                   /* Inside the 4 hex digits of \u. */
    STR_PAIR_BACKSLASH,         /* After a leading surrogate: want '\'. */
    STR_PAIR_U                  /* After a leading surrogate and '\'. */
};

struct string_decoder {
    enum string_state state;
    unsigned int n_hex;         /* Hex digits seen in STR_UHEX. */
    unsigned int code_unit;     /* Value of those digits. */
    unsigned int high;          /* Pending leading surrogate, or 0. */

    /* A multibyte UTF-8 sequence in progress. */
    unsigned int utf8_len;      /* Bytes it must have (0 = none open). */
    unsigned int utf8_have;     /* Bytes seen so far. */
    unsigned char utf8_bytes[4];

    struct ds *out;
};

enum string_status {
    STRING_MORE,                /* Byte taken, string goes on. */
    STRING_DONE,                /* Byte was the closing quote. */
    STRING_ERROR                /* Byte is bad; see '*errorp'. */
};

static void
string_decoder_init(struct string_decoder *d, struct ds *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
}

static void
format_utf8_bytes(struct ds *s, const unsigned char *bytes, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        ds_put_format(s, "%s0x%02x", i ? " " : "", bytes[i]);
    }
}

static char *
utf8_sequence_error(const struct string_decoder *d, const char *before,
                    const char *after)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ds_put_cstr(&s, before);
    format_utf8_bytes(&s, d->utf8_bytes, d->utf8_have);
    ds_put_cstr(&s, after);
    return ds_steal_cstr(&s);
}

/* Handles byte C inside a multibyte UTF-8 sequence. */
static enum string_status
string_decode_utf8_continuation(struct string_decoder *d, unsigned char c,
                                char **errorp)
{
    static const unsigned int min_value[] = { 0, 0, 0x80, 0x800, 0x10000 };
    unsigned int cp;
    unsigned int i;

    if ((c & 0xc0) != 0x80) {
        *errorp = utf8_sequence_error(d, "incomplete UTF-8 sequence ",
                                      " in quoted string");
        return STRING_ERROR;
    }
    d->utf8_bytes[d->utf8_have++] = c;
    if (d->utf8_have < d->utf8_len) {
        return STRING_MORE;
    }

    /* The lead byte keeps 7 - len bits; each continuation byte 6. */
    cp = d->utf8_bytes[0] & (0x7f >> d->utf8_len);
    for (i = 1; i < d->utf8_len; i++) {
        cp = (cp << 6) | (d->utf8_bytes[i] & 0x3f);
    }
    if (cp < min_value[d->utf8_len]) {
        *errorp = utf8_sequence_error(d, "overlong UTF-8 sequence ",
                                      " in quoted string");
        return STRING_ERROR;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
        char *tail = xasprintf(" encodes surrogate U+%04X in quoted string",
                               cp);
        *errorp = utf8_sequence_error(d, "UTF-8 sequence ", tail);
        free(tail);
        return STRING_ERROR;
    } else if (cp > 0x10ffff) {
        char *tail = xasprintf(" encodes U+%X, beyond U+10FFFF, in quoted "
                               "string", cp);
        *errorp = utf8_sequence_error(d, "UTF-8 sequence ", tail);
        free(tail);
        return STRING_ERROR;
    }
    ds_put_buffer(d->out, (const char *) d->utf8_bytes, d->utf8_len);
    d->utf8_len = d->utf8_have = 0;
    return STRING_MORE;
}

/* Handles the 16-bit code unit of a complete \uXXXX escape. */
static enum string_status
string_decode_code_unit(struct string_decoder *d, char **errorp)
{
    unsigned int u = d->code_unit;

    if (d->high) {
        if (u < 0xdc00 || u > 0xdfff) {
            *errorp = xstrdup("second half of escaped surrogate pair is not "
                              "trailing surrogate");
            return STRING_ERROR;
        }
        ds_put_utf8(d->out,
                    0x10000 + ((d->high - 0xd800) << 10) + (u - 0xdc00));
        d->high = 0;
        d->state = STR_NORMAL;
    } else if (u >= 0xd800 && u <= 0xdbff) {
        d->high = u;
        d->state = STR_PAIR_BACKSLASH;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
        *errorp = xasprintf("escaped trailing surrogate \\u%04x without "
                            "leading surrogate", u);
        return STRING_ERROR;
    } else if (!u) {
        *errorp = xstrdup("null bytes not supported in quoted strings");
        return STRING_ERROR;
    } else {
        ds_put_utf8(d->out, u);
        d->state = STR_NORMAL;
    }
    return STRING_MORE;
}

/* Feeds byte C to D.  If QUOTE_ENDS, an unescaped '"' ends the string;
 * otherwise it is an ordinary character.  On STRING_ERROR, '*errorp' is a
 * message that the caller must free(). */
static enum string_status
string_decoder_input(struct string_decoder *d, unsigned char c,
                     bool quote_ends, char **errorp)
{
    if (d->utf8_len) {
        return string_decode_utf8_continuation(d, c, errorp);
    }

    switch (d->state) {
    case STR_NORMAL:
        if (c == '"' && quote_ends) {
            return STRING_DONE;
        } else if (c == '\\') {
            d->state = STR_ESCAPE;
        } else if (c < 0x20) {
            *errorp = xasprintf("U+%04X must be escaped in quoted string", c);
            return STRING_ERROR;
        } else if (c < 0x80) {
            ds_put_char(d->out, c);
        } else if (c >= 0xc2 && c <= 0xf4) {
            d->utf8_len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
            d->utf8_bytes[0] = c;
            d->utf8_have = 1;
        } else {
            *errorp = xasprintf("invalid UTF-8 byte 0x%02x in quoted string",
                                c);
            return STRING_ERROR;
        }
        return STRING_MORE;

    case STR_ESCAPE:
        d->state = STR_NORMAL;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            ds_put_char(d->out, c);
            break;
        case 'b':
            ds_put_char(d->out, '\b');
            break;
        case 'f':
            ds_put_char(d->out, '\f');
            break;
        case 'n':
            ds_put_char(d->out, '\n');
            break;
        case 'r':
            ds_put_char(d->out, '\r');
            break;
        case 't':
            ds_put_char(d->out, '\t');
            break;
        case 'u':
            d->state = STR_UHEX;
            d->n_hex = 0;
            d->code_unit = 0;
            break;
        default:
            if (c > 0x20 && c < 0x7f) {
                *errorp = xasprintf("bad escape \\%c", c);
            } else {
                *errorp = xasprintf("bad escape: byte 0x%02x after \\", c);
            }
            return STRING_ERROR;
        }
        return STRING_MORE;

    case STR_UHEX: {
        int value = hexit_value(c);

        if (value < 0) {
            *errorp = xstrdup("malformed \\u escape");
            return STRING_ERROR;
        }
        d->code_unit = (d->code_unit << 4) | value;
        if (++d->n_hex < 4) {
            return STRING_MORE;
        }
        return string_decode_code_unit(d, errorp);
    }

    case STR_PAIR_BACKSLASH:
    case STR_PAIR_U:
        if (c != (d->state == STR_PAIR_BACKSLASH ? '\\' : 'u')) {
            *errorp = xstrdup("malformed escaped surrogate pair");
            return STRING_ERROR;
        }
        if (d->state == STR_PAIR_BACKSLASH) {
            d->state = STR_PAIR_U;
        } else {
            d->state = STR_UHEX;
            d->n_hex = 0;
            d->code_unit = 0;
        }
        return STRING_MORE;

    default:
        OVS_NOT_REACHED();
    }
}

/* Returns true if D is between characters, i.e. the input may end here. */
static bool
string_decoder_at_boundary(const struct string_decoder *d)
{
    return d->state == STR_NORMAL && !d->utf8_len;
}

/* Decodes the IN_LEN bytes at IN as the inside of a JSON string (without
 * the quotes; a '"' in IN stands for itself).  On success stores the
 * decoded string in '*outp' and returns true; otherwise stores an error
 * message there and returns false.  Either way the caller must free()
 * '*outp'. */
bool
json_string_unescape(const char *in, size_t in_len, char **outp)
{
    struct ds out = DS_EMPTY_INITIALIZER;
    struct string_decoder d;
    char *error = NULL;
    size_t i;

    string_decoder_init(&d, &out);
    for (i = 0; i < in_len; i++) {
        if (string_decoder_input(&d, in[i], false, &error) == STRING_ERROR) {
            break;
        }
    }
    if (!error && !string_decoder_at_boundary(&d)) {
        error = xstrdup("unexpected end of input in quoted string");
    }

    if (error) {
        ds_destroy(&out);
        *outp = error;
        return false;
    }
    ds_cstr(&out);
    *outp = ds_steal_cstr(&out);
    return true;
}

/* ------------------------------------------------------------------ */
/* The parser. */

enum lex_state {
    LEX_START,                  /* Between tokens. */
    LEX_KEYWORD,                /* Inside true, false, null, or garbage. */
    LEX_NUMBER,                 /* Inside a number. */
    LEX_STRING                  /* Inside a quoted string. */
};

/* Where we are inside a number: -12.5e+3 goes SIGN INT DOT FRAC E ESIGN
 * EXP, 0.5 goes ZERO DOT FRAC. */
enum number_state {
    NUM_SIGN,
    NUM_ZERO,
    NUM_INT,
    NUM_DOT,
    NUM_FRAC,
    NUM_E,
    NUM_ESIGN,
    NUM_EXP
};

enum parse_state {
    PARSE_START,                /* Want the top-level value. */
    PARSE_END,                  /* Have it; only white space may follow. */
    PARSE_OBJECT_INIT,          /* After '{': want name or '}'. */
    PARSE_OBJECT_NAME,          /* After ',' in object: want name. */
    PARSE_OBJECT_COLON,         /* After name: want ':'. */
    PARSE_OBJECT_VALUE,         /* After ':': want value. */
    PARSE_OBJECT_NEXT,          /* After member: want ',' or '}'. */
    PARSE_ARRAY_INIT,           /* After '[': want value or ']'. */
    PARSE_ARRAY_VALUE,          /* After ',' in array: want value. */
    PARSE_ARRAY_NEXT,           /* After element: want ',' or ']'. */
    PARSE_ERROR                 /* Failed; 'error' says why. */
};

/* A token as the lexer hands it to the parser.  Punctuation is its own
 * character; everything else is a value. */
enum token_type {
    T_BEGIN_OBJECT = '{',
    T_END_OBJECT = '}',
    T_BEGIN_ARRAY = '[',
    T_END_ARRAY = ']',
    T_COLON = ':',
    T_COMMA = ',',
    T_VALUE = 256               /* String, number or keyword. */
};

struct json_parser {
    int flags;                  /* JSPF_*. */

    /* Position of the last byte consumed, for error messages. */
    unsigned long long int line_number;
    unsigned long long int column_number;
    unsigned long long int byte_number;

    /* Lexer. */
    enum lex_state lex_state;
    enum number_state number_state;
    struct ds buffer;           /* Token text or decoded string so far. */
    struct string_decoder string;

    /* Parser. */
    enum parse_state parse_state;
    struct json **stack;        /* Open arrays and objects, outermost
                                 * first.  Each is also already inside its
                                 * parent (or is 'result'). */
    size_t height, allocated_height;
    char *member_name;          /* Name of the object member whose value
                                 * comes next, owned, or NULL. */
    struct json *result;        /* The top-level value (maybe still
                                 * incomplete), or NULL. */
    char *error;                /* Error message with position, or NULL. */
};

static void json_parser_error(struct json_parser *, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);

/* Records the first error and stops the parser. */
static void
json_parser_error(struct json_parser *p, const char *format, ...)
{
    va_list ap;
    char *what;

    if (p->error) {
        return;
    }
    va_start(ap, format);
    what = xvasprintf(format, ap);
    va_end(ap);
    p->error = xasprintf("line %llu, column %llu, byte %llu: %s",
                         p->line_number, p->column_number, p->byte_number,
                         what);
    free(what);
    p->parse_state = PARSE_ERROR;
}

/* Like json_parser_error(), for a message already allocated. */
static void
json_parser_error_take(struct json_parser *p, char *message)
{
    json_parser_error(p, "%s", message);
    free(message);
}

/* Returns a new parser.  FLAGS is 0 or JSPF_TRAILER. */
struct json_parser *
json_parser_create(int flags)
{
    struct json_parser *p = xzalloc(sizeof *p);

    p->flags = flags;
    p->lex_state = LEX_START;
    p->parse_state = PARSE_START;
    ds_init(&p->buffer);
    return p;
}

/* The state the parser enters after a complete value at the current
 * nesting level. */
static enum parse_state
state_after_value(const struct json_parser *p)
{
    if (!p->height) {
        return PARSE_END;
    }
    return (p->stack[p->height - 1]->type == JSON_ARRAY
            ? PARSE_ARRAY_NEXT : PARSE_OBJECT_NEXT);
}

/* Stores VALUE (owned) where the grammar says it goes: as the top-level
 * result, as the next array element, or as the pending object member. */
static void
json_parser_place(struct json_parser *p, struct json *value)
{
    if (!p->height) {
        p->result = value;
    } else {
        struct json *container = p->stack[p->height - 1];

        if (container->type == JSON_ARRAY) {
            json_array_add(container, value);
        } else {
            json_object_put_nocopy(container, p->member_name, value);
            p->member_name = NULL;
        }
    }
}

static void
json_parser_push(struct json_parser *p, struct json *container)
{
    if (p->height >= JSON_MAX_DEPTH) {
        json_destroy(container);
        json_parser_error(p, "input exceeds maximum nesting depth %d",
                          JSON_MAX_DEPTH);
        return;
    }
    json_parser_place(p, container);
    if (p->height >= p->allocated_height) {
        p->stack = x2nrealloc(p->stack, &p->allocated_height,
                              sizeof *p->stack);
    }
    p->stack[p->height++] = container;
    p->parse_state = (container->type == JSON_ARRAY
                      ? PARSE_ARRAY_INIT : PARSE_OBJECT_INIT);
}

static void
json_parser_pop(struct json_parser *p)
{
    p->height--;
    p->parse_state = state_after_value(p);
}

/* Handles a token where the grammar wants a value (or, in PARSE_ARRAY_INIT,
 * possibly ']').  VALUE is the token's value for T_VALUE, owned.
 *
 * At the top level only an object or an array is accepted (the RFC 4627
 * rule, which Open vSwitch keeps): that way a JSON_STRING result of
 * json_from_string() and friends always means an error. */
static void
json_parser_want_value(struct json_parser *p, enum token_type token,
                       struct json *value)
{
    switch (token) {
    case T_VALUE:
        if (p->parse_state == PARSE_START) {
            /* Only an object or an array may stand at the top level. */
            json_destroy(value);
            break;
        }
        json_parser_place(p, value);
        p->parse_state = state_after_value(p);
        return;

    case T_BEGIN_OBJECT:
        json_parser_push(p, json_object_create());
        return;

    case T_BEGIN_ARRAY:
        json_parser_push(p, json_array_create_empty());
        return;

    case T_END_ARRAY:
        if (p->parse_state == PARSE_ARRAY_INIT) {
            json_parser_pop(p);
            return;
        }
        break;

    case T_END_OBJECT:
    case T_COLON:
    case T_COMMA:
    default:
        break;
    }

    if (p->parse_state == PARSE_START) {
        json_parser_error(p, "syntax error at beginning of input");
    } else {
        json_parser_error(p, "syntax error expecting value");
    }
}

/* Gives TOKEN to the grammar.  For T_VALUE, VALUE is the token's value,
 * owned (freed here on error). */
static void
json_parser_token(struct json_parser *p, enum token_type token,
                  struct json *value)
{
    switch (p->parse_state) {
    case PARSE_START:
    case PARSE_OBJECT_VALUE:
    case PARSE_ARRAY_INIT:
    case PARSE_ARRAY_VALUE:
        json_parser_want_value(p, token, value);
        return;

    case PARSE_OBJECT_INIT:
    case PARSE_OBJECT_NAME:
        if (token == T_VALUE && value->type == JSON_STRING) {
            p->member_name = value->string;
            value->string = NULL;
            p->parse_state = PARSE_OBJECT_COLON;
            break;
        } else if (token == T_END_OBJECT
                   && p->parse_state == PARSE_OBJECT_INIT) {
            json_parser_pop(p);
            break;
        }
        json_parser_error(p, "syntax error parsing object expecting "
                          "string");
        break;

    case PARSE_OBJECT_COLON:
        if (token == T_COLON) {
            p->parse_state = PARSE_OBJECT_VALUE;
        } else {
            json_parser_error(p, "syntax error parsing object expecting "
                              "':'");
        }
        break;

    case PARSE_OBJECT_NEXT:
        if (token == T_COMMA) {
            p->parse_state = PARSE_OBJECT_NAME;
        } else if (token == T_END_OBJECT) {
            json_parser_pop(p);
        } else {
            json_parser_error(p, "syntax error expecting '}' or ','");
        }
        break;

    case PARSE_ARRAY_NEXT:
        if (token == T_COMMA) {
            p->parse_state = PARSE_ARRAY_VALUE;
        } else if (token == T_END_ARRAY) {
            json_parser_pop(p);
        } else {
            json_parser_error(p, "syntax error expecting ']' or ','");
        }
        break;

    case PARSE_END:
        json_parser_error(p, "trailing garbage at end of input");
        break;

    case PARSE_ERROR:
    default:
        break;
    }
    json_destroy(value);
}

/* Lexer: keywords. */

static bool
is_keyword_char(unsigned char c)
{
    return isalnum(c) || c == '_';
}

static void
json_lex_finish_keyword(struct json_parser *p)
{
    const char *s = ds_cstr(&p->buffer);

    p->lex_state = LEX_START;
    if (!strcmp(s, "true")) {
        json_parser_token(p, T_VALUE, json_boolean_create(true));
    } else if (!strcmp(s, "false")) {
        json_parser_token(p, T_VALUE, json_boolean_create(false));
    } else if (!strcmp(s, "null")) {
        json_parser_token(p, T_VALUE, json_null_create());
    } else if (p->buffer.length > 40) {
        json_parser_error(p, "invalid keyword '%.40s...'", s);
    } else {
        json_parser_error(p, "invalid keyword '%s'", s);
    }
}

/* Lexer: numbers. */

/* Converts the digit string DIGITS (no leading zeros, not empty) times
 * 10**EXP10 into an integer in '*valuep', if it is an integer that fits in
 * a long long int with sign NEGATIVE.  Returns false otherwise. */
static bool
number_to_integer(const char *digits, size_t n_digits, long long int exp10,
                  bool negative, long long int *valuep)
{
    unsigned long long int limit = negative ? 9223372036854775808ULL
                                            : 9223372036854775807ULL;
    unsigned long long int value = 0;
    long long int i;

    if (exp10 < 0 || n_digits + exp10 > 19) {
        return false;
    }
    for (i = 0; i < (long long int) n_digits + exp10; i++) {
        unsigned int digit = i < n_digits ? digits[i] - '0' : 0;

        /* With at most 19 digits, 'value' cannot overflow 64 bits. */
        value = value * 10 + digit;
    }
    if (value > limit) {
        return false;
    }
    *valuep = (negative
               ? (value == limit ? LLONG_MIN : -(long long int) value)
               : (long long int) value);
    return true;
}

/* Turns the text of a number (valid per the number grammar) into a value:
 * an integer if it denotes one that fits in 64 bits, else a real. */
static void
json_lex_finish_number(struct json_parser *p)
{
    const char *text = ds_cstr(&p->buffer);
    const char *s = text;
    bool negative = false;
    struct ds digits = DS_EMPTY_INITIALIZER;
    long long int exp10 = 0;
    long long int value;
    size_t start;

    p->lex_state = LEX_START;

    if (*s == '-') {
        negative = true;
        s++;
    }
    for (; isdigit((unsigned char) *s); s++) {
        ds_put_char(&digits, *s);
    }
    if (*s == '.') {
        for (s++; isdigit((unsigned char) *s); s++) {
            ds_put_char(&digits, *s);
            exp10--;
        }
    }
    if (*s == 'e' || *s == 'E') {
        bool exp_negative = false;
        long long int exp = 0;

        s++;
        if (*s == '+' || *s == '-') {
            exp_negative = *s == '-';
            s++;
        }
        for (; isdigit((unsigned char) *s); s++) {
            exp = exp * 10 + (*s - '0');
            if (exp > INT_MAX) {
                ds_destroy(&digits);
                json_parser_error(p, "exponent outside valid range");
                return;
            }
        }
        exp10 += exp_negative ? -exp : exp;
    }

    /* Normalize the significand: no leading or trailing zeros. */
    ds_cstr(&digits);
    for (start = 0; start < digits.length && digits.string[start] == '0';
         start++) {
        continue;
    }
    while (digits.length > start && digits.string[digits.length - 1] == '0') {
        digits.length--;
        exp10++;
    }

    if (start == digits.length) {
        json_parser_token(p, T_VALUE, json_integer_create(0));
    } else if (number_to_integer(digits.string + start,
                                 digits.length - start, exp10, negative,
                                 &value)) {
        json_parser_token(p, T_VALUE, json_integer_create(value));
    } else {
        double d;

        errno = 0;
        d = strtod(text, NULL);
        if (isinf(d) || isnan(d)) {
            json_parser_error(p, "number outside valid range");
        } else {
            /* Underflow to 0 or a denormal is fine: it is the nearest
             * double. */
            json_parser_token(p, T_VALUE, json_real_create(d ? d : 0.0));
        }
    }
    ds_destroy(&digits);
}

/* Reports why the number being lexed cannot go on, or cannot end, in its
 * current state. */
static void
json_lex_number_error(struct json_parser *p)
{
    switch (p->number_state) {
    case NUM_SIGN:
        json_parser_error(p, "'-' must be followed by digit");
        break;
    case NUM_ZERO:
        json_parser_error(p, "leading zeros not allowed");
        break;
    case NUM_DOT:
        json_parser_error(p, "decimal point must be followed by digit");
        break;
    case NUM_E:
    case NUM_ESIGN:
        json_parser_error(p, "exponent must contain at least one digit");
        break;
    case NUM_INT:
    case NUM_FRAC:
    case NUM_EXP:
    default:
        OVS_NOT_REACHED();
    }
}

static bool
number_may_end(enum number_state state)
{
    return (state == NUM_ZERO || state == NUM_INT || state == NUM_FRAC
            || state == NUM_EXP);
}

enum number_step {
    NUMBER_TAKE,                /* C continues the number. */
    NUMBER_END,                 /* C follows the number, which is done. */
    NUMBER_BAD                  /* C makes the number malformed. */
};

/* Decides what byte C does to the number being lexed, and updates the
 * number's state if C continues it. */
static enum number_step
json_lex_number_step(struct json_parser *p, unsigned char c)
{
    bool digit = isdigit(c);
    bool e = c == 'e' || c == 'E';
    enum number_state next;

    switch (p->number_state) {
    case NUM_SIGN:
        if (!digit) {
            return NUMBER_BAD;
        }
        next = c == '0' ? NUM_ZERO : NUM_INT;
        break;

    case NUM_ZERO:
    case NUM_INT:
        if (digit) {
            if (p->number_state == NUM_ZERO) {
                return NUMBER_BAD;
            }
            next = NUM_INT;
        } else if (c == '.') {
            next = NUM_DOT;
        } else if (e) {
            next = NUM_E;
        } else {
            return NUMBER_END;
        }
        break;

    case NUM_DOT:
        if (!digit) {
            return NUMBER_BAD;
        }
        next = NUM_FRAC;
        break;

    case NUM_FRAC:
        if (digit) {
            next = NUM_FRAC;
        } else if (e) {
            next = NUM_E;
        } else {
            return NUMBER_END;
        }
        break;

    case NUM_E:
        if (c == '+' || c == '-') {
            next = NUM_ESIGN;
            break;
        }
        /* Fall through. */
    case NUM_ESIGN:
    case NUM_EXP:
        if (digit) {
            next = NUM_EXP;
        } else if (p->number_state == NUM_EXP) {
            return NUMBER_END;
        } else {
            return NUMBER_BAD;
        }
        break;

    default:
        OVS_NOT_REACHED();
    }
    p->number_state = next;
    return NUMBER_TAKE;
}

/* Lexer: the whole thing. */

static void
json_lex_advance(struct json_parser *p, unsigned char c)
{
    p->byte_number++;
    if (c == '\n') {
        p->line_number++;
        p->column_number = 0;
    } else {
        p->column_number++;
    }
}

static void
json_lex_start_token(struct json_parser *p, unsigned char c)
{
    switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
        return;

    case '{':
    case '}':
    case '[':
    case ']':
    case ':':
    case ',':
        json_parser_token(p, c, NULL);
        return;

    case '"':
        p->lex_state = LEX_STRING;
        ds_clear(&p->buffer);
        string_decoder_init(&p->string, &p->buffer);
        return;

    default:
        break;
    }

    if (c == '-' || isdigit(c)) {
        p->lex_state = LEX_NUMBER;
        p->number_state = (c == '-' ? NUM_SIGN
                           : c == '0' ? NUM_ZERO : NUM_INT);
        ds_clear(&p->buffer);
        ds_put_char(&p->buffer, c);
    } else if (isalpha(c)) {
        p->lex_state = LEX_KEYWORD;
        ds_clear(&p->buffer);
        ds_put_char(&p->buffer, c);
    } else if (c >= 0x20 && c < 0x7f) {
        json_parser_error(p, "invalid character '%c'", c);
    } else if (c < 0x80) {
        json_parser_error(p, "invalid character U+%04x", c);
    } else {
        json_parser_error(p, "invalid character: byte 0x%02x outside "
                          "quoted string", c);
    }
}

/* Feeds byte C to the lexer.  Returns true if C was consumed, false if it
 * ended a number or keyword and must be fed again. */
static bool
json_lex_input(struct json_parser *p, unsigned char c)
{
    switch (p->lex_state) {
    case LEX_KEYWORD:
        if (!is_keyword_char(c)) {
            json_lex_finish_keyword(p);
            return false;
        }
        json_lex_advance(p, c);
        ds_put_char(&p->buffer, c);
        return true;

    case LEX_NUMBER:
        switch (json_lex_number_step(p, c)) {
        case NUMBER_TAKE:
            json_lex_advance(p, c);
            ds_put_char(&p->buffer, c);
            return true;
        case NUMBER_END:
            json_lex_finish_number(p);
            return false;
        case NUMBER_BAD:
        default:
            json_lex_advance(p, c);
            json_lex_number_error(p);
            return true;
        }

    case LEX_STRING: {
        char *error = NULL;

        json_lex_advance(p, c);
        switch (string_decoder_input(&p->string, c, true, &error)) {
        case STRING_MORE:
            break;
        case STRING_DONE:
            p->lex_state = LEX_START;
            ds_cstr(&p->buffer);
            json_parser_token(p, T_VALUE,
                              json_string_create_nocopy(
                                  ds_steal_cstr(&p->buffer)));
            break;
        case STRING_ERROR:
            json_parser_error_take(p, error);
            break;
        }
        return true;
    }

    case LEX_START:
    default:
        json_lex_advance(p, c);
        if (p->parse_state == PARSE_END
            && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            json_parser_error(p, "trailing garbage at end of input");
        } else {
            json_lex_start_token(p, c);
        }
        return true;
    }
}

/* Returns true if P wants no more input: it failed, or it has a whole
 * top-level value and was not asked to check what follows
 * (JSPF_TRAILER). */
bool
json_parser_is_done(const struct json_parser *p)
{
    return (p->parse_state == PARSE_ERROR
            || (p->parse_state == PARSE_END && p->lex_state == LEX_START
                && !(p->flags & JSPF_TRAILER)));
}

/* Feeds up to N bytes at DATA to P and returns how many it consumed, which
 * is less than N only if P became done (json_parser_is_done()) first. */
size_t
json_parser_feed(struct json_parser *p, const char *data, size_t n)
{
    size_t i = 0;

    while (i < n && !json_parser_is_done(p)) {
        if (json_lex_input(p, data[i])) {
            i++;
        }
    }
    return i;
}

static void
json_parser_free(struct json_parser *p)
{
    json_destroy(p->result);
    free(p->member_name);
    free(p->stack);
    ds_destroy(&p->buffer);
    free(p->error);
    free(p);
}

/* Ends input to P: whatever was fed is all there is.  Returns the parsed
 * value, or a JSON_STRING holding the error message; either way the caller
 * owns it.  Frees P. */
struct json *
json_parser_finish(struct json_parser *p)
{
    struct json *json;

    /* End of input ends a number or keyword, but not a string. */
    switch (p->lex_state) {
    case LEX_STRING:
        json_parser_error(p, "unexpected end of input in quoted string");
        break;
    case LEX_NUMBER:
        if (number_may_end(p->number_state)) {
            json_lex_finish_number(p);
        } else {
            json_lex_number_error(p);
        }
        break;
    case LEX_KEYWORD:
        json_lex_finish_keyword(p);
        break;
    case LEX_START:
    default:
        break;
    }

    if (p->parse_state == PARSE_START) {
        json_parser_error(p, "empty input stream");
    } else if (p->parse_state != PARSE_END) {
        json_parser_error(p, "unexpected end of input");
    }

    if (p->error) {
        json = json_string_create_nocopy(p->error);
        p->error = NULL;
    } else {
        json = p->result;
        p->result = NULL;
    }
    json_parser_free(p);
    return json;
}

/* Discards P and whatever it parsed.  P may be NULL. */
void
json_parser_abort(struct json_parser *p)
{
    if (p) {
        json_parser_free(p);
    }
}

/* Parses STRING, which must hold exactly one JSON value (surrounded by
 * optional white space).  Returns the value or a JSON_STRING error; the
 * caller owns it. */
struct json *
json_from_string(const char *s)
{
    struct json_parser *parser = json_parser_create(JSPF_TRAILER);
    size_t len = strlen(s);

    json_parser_feed(parser, s, len);
    return json_parser_finish(parser);
}

/* Like json_from_string(), for the contents of FILE_NAME. */
struct json *
json_from_file(const char *file_name)
{
    FILE *f = fopen(file_name, "r");
    struct json *result;

    if (f) {
        result = json_from_stream(f);
        fclose(f);
    } else {
        result = json_string_create_nocopy(
            xasprintf("error opening \"%s\": %s", file_name,
                      ovs_strerror(errno)));
    }
    return result;
}

/* Like json_from_string(), for everything that can be read from STREAM. */
struct json *
json_from_stream(FILE *stream)
{
    struct json_parser *p = json_parser_create(JSPF_TRAILER);
    struct json *json;

    while (!json_parser_is_done(p)) {
        char buffer[4096];
        size_t n = fread(buffer, 1, sizeof buffer, stream);

        json_parser_feed(p, buffer, n);
        if (n < sizeof buffer) {
            break;
        }
    }

    if (ferror(stream)) {
        json_parser_abort(p);
        return json_string_create_nocopy(
            xasprintf("error reading JSON stream: %s", ovs_strerror(errno)));
    }
    json = json_parser_finish(p);
    return json;
}

/* ------------------------------------------------------------------ */
/* Printing. */

/* State of json_to_ds(). */
struct json_printer {
    int flags;                  /* JSSF_*. */
    int depth;                  /* Nesting level, for JSSF_PRETTY. */
    struct ds *ds;              /* Output. */
};

static void json_serialize(const struct json *, struct json_printer *);

static void
json_serialize_newline(struct json_printer *s)
{
    if (s->flags & JSSF_PRETTY) {
        ds_put_char(s->ds, '\n');
        ds_put_char_multiple(s->ds, ' ', s->depth * 2);
    }
}

/* Prints D so that reading it back gives exactly D, with as few
 * significant digits as that takes (at most 17 are ever needed). */
static void
json_serialize_real(double d, struct ds *ds)
{
    char buf[64];
    int precision;

    if (!isfinite(d)) {
        /* JSON has no way to write these. */
        ds_put_cstr(ds, "null");
        return;
    } else if (d == 0) {
        /* Also for -0.0, which equals 0. */
        ds_put_char(ds, '0');
        return;
    }
    for (precision = 1; precision < 17; precision++) {
        snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (strtod(buf, NULL) == d) {
            break;
        }
    }
    if (precision == 17) {
        snprintf(buf, sizeof buf, "%.17g", d);
    }
    ds_put_cstr(ds, buf);
}

/* Appends IN to OUT as a JSON string, with quotes.  Control characters,
 * '"' and '\' are escaped; everything else, including non-ASCII UTF-8,
 * is copied as is. */
void
json_string_escape(const char *in, struct ds *out)
{
    const unsigned char *s;

    ds_put_char(out, '"');
    for (s = (const unsigned char *) in; *s; s++) {
        switch (*s) {
        case '"':
            ds_put_cstr(out, "\\\"");
            break;
        case '\\':
            ds_put_cstr(out, "\\\\");
            break;
        case '\b':
            ds_put_cstr(out, "\\b");
            break;
        case '\f':
            ds_put_cstr(out, "\\f");
            break;
        case '\n':
            ds_put_cstr(out, "\\n");
            break;
        case '\r':
            ds_put_cstr(out, "\\r");
            break;
        case '\t':
            ds_put_cstr(out, "\\t");
            break;
        default:
            if (*s < 0x20) {
                ds_put_format(out, "\\u%04x", *s);
            } else {
                ds_put_char(out, *s);
            }
            break;
        }
    }
    ds_put_char(out, '"');
}

static void
json_serialize_object(const struct json *object, struct json_printer *s)
{
    const struct shash_node **nodes;
    size_t n = shash_count(object->object);
    size_t i;

    ds_put_char(s->ds, '{');
    s->depth++;
    nodes = json_object_members_in_order(object, s->flags & JSSF_SORT);
    for (i = 0; i < n; i++) {
        if (i) {
            ds_put_char(s->ds, ',');
        }
        json_serialize_newline(s);
        json_string_escape(nodes[i]->name, s->ds);
        ds_put_char(s->ds, ':');
        if (s->flags & JSSF_PRETTY) {
            ds_put_char(s->ds, ' ');
        }
        json_serialize(nodes[i]->data, s);
    }
    free(nodes);
    s->depth--;
    ds_put_char(s->ds, '}');
}

static void
json_serialize_array(const struct json_array *array,
                     struct json_printer *s)
{
    size_t i;

    ds_put_char(s->ds, '[');
    s->depth++;
    for (i = 0; i < array->n; i++) {
        if (i) {
            ds_put_char(s->ds, ',');
        }
        json_serialize_newline(s);
        json_serialize(array->elems[i], s);
    }
    s->depth--;
    ds_put_char(s->ds, ']');
}

static void
json_serialize(const struct json *json, struct json_printer *s)
{
    switch (json->type) {
    case JSON_NULL:
        ds_put_cstr(s->ds, "null");
        break;
    case JSON_FALSE:
        ds_put_cstr(s->ds, "false");
        break;
    case JSON_TRUE:
        ds_put_cstr(s->ds, "true");
        break;
    case JSON_OBJECT:
        json_serialize_object(json, s);
        break;
    case JSON_ARRAY:
        json_serialize_array(&json->array, s);
        break;
    case JSON_INTEGER:
        ds_put_format(s->ds, "%lld", json->integer);
        break;
    case JSON_REAL:
        json_serialize_real(json->real, s->ds);
        break;
    case JSON_STRING:
        json_string_escape(json->string, s->ds);
        break;
    case JSON_N_TYPES:
    default:
        OVS_NOT_REACHED();
    }
}

/* Appends JSON, formatted according to FLAGS (JSSF_*), to DS. */
void
json_to_ds(const struct json *json, int flags, struct ds *ds)
{
    struct json_printer s = { .flags = flags, .depth = 0, .ds = ds };

    json_serialize(json, &s);
}

/* Returns JSON formatted according to FLAGS (JSSF_*), as a new string that
 * the caller must free(). */
char *
json_to_string(const struct json *json, int flags)
{
    struct ds ds = DS_EMPTY_INITIALIZER;

    json_to_ds(json, flags, &ds);
    return ds_steal_cstr(&ds);
}
