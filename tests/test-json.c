/* Unit tests for lib/json.c.
 *
 * "ovstest test-json [OPTIONS] FILE" parses FILE ("-" for standard input)
 * and prints the value on one line, or "error: MESSAGE" (then the exit
 * status is 1).  Options:
 *
 *     --multiple   FILE holds a sequence of values; print each in turn
 *                  (after an error, parsing goes on where it stopped)
 *     --pretty     print with JSSF_PRETTY
 *     --sort       print object members sorted by name (JSSF_SORT)
 *
 * "ovstest test-json-api" exercises the programming interface (building,
 * member order, cloning, equality, hashing, escaping) and prints what it
 * sees, for the test suite to compare. */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/shash.h"
#include "openvswitch/util.h"
#include "ovstest.h"

static int print_flags;

/* Prints JSON (or the error it holds) and frees it.  Returns true if it was
 * not an error. */
static bool
print_and_free_json(struct json *json)
{
    bool is_error = json->type == JSON_STRING;
    char *text = (is_error
                  ? xasprintf("error: %s", json_string(json))
                  : json_to_string(json, print_flags));

    printf("%s\n", text);
    free(text);
    json_destroy(json);
    return !is_error;
}

static bool
is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses consecutive values from STREAM.  Returns true if all were good. */
static bool
parse_multiple(FILE *stream)
{
    struct json_parser *parser = NULL;
    bool ok = true;
    char buffer[4096];
    size_t n;

    while ((n = fread(buffer, 1, sizeof buffer, stream)) > 0) {
        size_t used = 0;

        while (used < n) {
            if (!parser) {
                /* Separating white space belongs to no value. */
                if (is_json_space(buffer[used])) {
                    used++;
                    continue;
                }
                parser = json_parser_create(0);
            }
            used += json_parser_feed(parser, &buffer[used], n - used);
            if (json_parser_is_done(parser)) {
                ok = print_and_free_json(json_parser_finish(parser)) && ok;
                parser = NULL;
            }
        }
    }
    if (parser) {
        ok = print_and_free_json(json_parser_finish(parser)) && ok;
    }
    return ok;
}

static void
test_json_main(int argc, char *argv[])
{
    enum { OPT_MULTIPLE = UCHAR_MAX + 1, OPT_PRETTY, OPT_SORT };
    static const struct option long_options[] = {
        {"multiple", no_argument, NULL, OPT_MULTIPLE},
        {"pretty", no_argument, NULL, OPT_PRETTY},
        {"sort", no_argument, NULL, OPT_SORT},
        {NULL, 0, NULL, 0},
    };
    bool multiple = false;
    bool ok;
    FILE *stream;

    print_flags = 0;
    optind = 1;
    for (;;) {
        int c = getopt_long(argc, argv, "", long_options, NULL);

        if (c == -1) {
            break;
        }
        switch (c) {
        case OPT_MULTIPLE:
            multiple = true;
            break;
        case OPT_PRETTY:
            print_flags |= JSSF_PRETTY;
            break;
        case OPT_SORT:
            print_flags |= JSSF_SORT;
            break;
        default:
            ovs_fatal(0, "usage: test-json [--multiple] [--pretty] "
                      "[--sort] FILE");
        }
    }
    if (optind + 1 != argc) {
        ovs_fatal(0, "exactly one non-option argument required");
    }

    if (!multiple) {
        ok = print_and_free_json(!strcmp(argv[optind], "-")
                                 ? json_from_stream(stdin)
                                 : json_from_file(argv[optind]));
    } else {
        if (!strcmp(argv[optind], "-")) {
            stream = stdin;
        } else {
            stream = fopen(argv[optind], "r");
            if (!stream) {
                ovs_fatal(errno, "cannot open \"%s\"", argv[optind]);
            }
        }
        ok = parse_multiple(stream);
        if (stream != stdin) {
            fclose(stream);
        }
    }
    exit(ok ? 0 : 1);
}

OVSTEST_REGISTER("test-json", test_json_main);

/* test-json-api. */

static void
print_json(const char *title, const struct json *json, int flags)
{
    char *s = json_to_string(json, flags);

    printf("%s: %s\n", title, s);
    free(s);
}

static void
test_member_order(void)
{
    struct json *object = json_object_create();
    struct json *copy;
    struct json *other;

    json_object_put(object, "zebra", json_integer_create(1));
    json_object_put(object, "apple", json_integer_create(2));
    json_object_put_string(object, "mango", "fruit");
    json_object_put_format(object, "count", "%d-%s", 42, "x");
    print_json("insertion order", object, 0);
    print_json("sorted", object, JSSF_SORT);

    /* Replacing keeps the member's place. */
    json_object_put(object, "zebra", json_boolean_create(false));
    print_json("after replace", object, 0);

    /* A member removed behind the API's back disappears; one added behind
     * its back goes last. */
    json_destroy(shash_find_and_delete(json_object(object), "apple"));
    shash_add(json_object(object), "added", json_null_create());
    print_json("after direct edits", object, 0);

    /* Putting a removed name again puts it last. */
    json_object_put(object, "apple", json_real_create(2.5));
    print_json("after re-adding", object, 0);

    copy = json_deep_clone(object);
    print_json("deep clone", copy, 0);
    printf("clone equal: %s\n", json_equal(object, copy) ? "yes" : "no");
    printf("hashes equal: %s\n",
           json_hash(object, 0) == json_hash(copy, 0) ? "yes" : "no");

    /* Same members, other order: still equal. */
    other = json_from_string("{\"apple\": 2.5, \"count\": \"42-x\", "
                             "\"mango\": \"fruit\", \"zebra\": false, "
                             "\"added\": null}");
    printf("reordered equal: %s\n", json_equal(object, other) ? "yes" : "no");
    printf("reordered hashes equal: %s\n",
           json_hash(object, 7) == json_hash(other, 7) ? "yes" : "no");

    json_object_put(copy, "apple", json_integer_create(2));
    printf("after change equal: %s\n",
           json_equal(object, copy) ? "yes" : "no");

    json_destroy(other);
    json_destroy(copy);
    json_destroy(object);
}

static void
test_arrays_and_scalars(void)
{
    struct json *array = json_array_create_3(json_integer_create(LLONG_MIN),
                                             json_integer_create(LLONG_MAX),
                                             json_real_create(-0.0));
    struct json *shared;

    json_array_add(array, json_real_create(0.1));
    json_array_add(array, json_real_create(1e300));
    json_array_add(array, json_real_create(2.0));
    json_array_add(array, json_real_create(NAN));
    json_array_add(array, json_array_create_empty());
    json_array_add(array, json_array_create_2(json_null_create(),
                                              json_boolean_create(true)));
    json_array_add(array, json_array_create_1(json_object_create()));
    print_json("array", array, 0);
    printf("size %zu, element 1 is %s\n", json_array_size(array),
           json_type_to_string(json_array_get(array, 1)->type));
    printf("element 99 is %s\n", json_array_get(array, 99) ? "set" : "NULL");

    json_array_set(array, 0, json_string_create("first"));
    json_array_trim(array);
    print_json("after set", array, 0);

    /* json_clone() shares. */
    shared = json_clone(array);
    printf("clone is same object: %s\n", shared == array ? "yes" : "no");
    json_destroy(shared);
    json_destroy(array);

    shared = json_integer_create(3);
    printf("json_real() of integer 3: %g\n", json_real(shared));
    json_destroy(shared);
}

static void
test_pretty(void)
{
    struct json *json = json_from_string(
        "{\"name\": \"x\", \"list\": [1, [], {}, {\"a\": [true]}], "
        "\"empty\": {}}");

    print_json("pretty", json, JSSF_PRETTY);
    print_json("pretty sorted", json, JSSF_PRETTY | JSSF_SORT);
    json_destroy(json);
}

static void
test_escaping(void)
{
    static const char *const inputs[] = {
        "plain", "quote\" backslash\\ slash/", "\b\f\n\r\t",
        "\x01\x1f", "caf\xc3\xa9 \xf0\x9d\x84\x9e",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(inputs); i++) {
        struct ds ds = DS_EMPTY_INITIALIZER;

        json_string_escape(inputs[i], &ds);
        printf("escape %zu: %s\n", i, ds_cstr(&ds));
        ds_destroy(&ds);
    }
}

static void
test_unescaping(void)
{
    static const char *const inputs[] = {
        "abc", "a\\\"b", "\\u00e9\\ud834\\udd1e", "raw \"quote\"",
        "trailing\\", "\\u12", "\\q", "\\ud834", "\\udd1e", "\\u0000",
        "\xc3", "\xff",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(inputs); i++) {
        char *out;
        bool ok = json_string_unescape(inputs[i], strlen(inputs[i]), &out);

        printf("unescape %zu: %s %s\n", i, ok ? "ok" : "error", out);
        free(out);
    }
}

static void
test_json_api_main(int argc OVS_UNUSED, char *argv[] OVS_UNUSED)
{
    test_member_order();
    test_arrays_and_scalars();
    test_pretty();
    test_escaping();
    test_unescaping();
}

OVSTEST_REGISTER("test-json-api", test_json_api_main);
