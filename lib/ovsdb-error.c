/* OVSDB error objects.
 *
 * An error is a tag (the RFC 7047 "error" string that programs test),
 * optional details (text for people), optionally the JSON that could not be
 * parsed, and for I/O failures an errno value.  Wrapping an error adds
 * context in front of its details while keeping the tag, so the innermost
 * cause decides what a client sees in "error". */

#include <config.h>
#include "ovsdb-error.h"
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_error);

struct ovsdb_error {
    char *tag;                  /* Static or owned: see 'owns_tag'. */
    char *details;              /* Owned, may be NULL. */
    struct json *syntax;        /* Owned copy, may be NULL. */
    int errno_value;            /* 0 unless an I/O error. */
};

static struct ovsdb_error *
error_create_valist(const char *tag, const char *details, va_list args)
    OVSDB_ERROR_FMT(2, 0);

static struct ovsdb_error *
error_create_valist(const char *tag, const char *details, va_list args)
{
    struct ovsdb_error *e = xzalloc(sizeof *e);
    e->tag = xstrdup(tag);
    e->details = details ? xvasprintf(details, args) : NULL;
    return e;
}

struct ovsdb_error *
ovsdb_error(const char *tag, const char *details, ...)
{
    va_list args;
    va_start(args, details);
    struct ovsdb_error *e = error_create_valist(tag, details, args);
    va_end(args);
    return e;
}

struct ovsdb_error *
ovsdb_io_error(int errno_value, const char *details, ...)
{
    va_list args;
    va_start(args, details);
    struct ovsdb_error *e = error_create_valist("I/O error", details, args);
    va_end(args);
    e->errno_value = errno_value;
    return e;
}

struct ovsdb_error *
ovsdb_syntax_error(const struct json *json, const char *tag,
                   const char *details, ...)
{
    va_list args;
    va_start(args, details);
    struct ovsdb_error *e = error_create_valist(tag ? tag : "syntax error",
                                                details, args);
    va_end(args);
    e->syntax = json ? json_clone(json) : NULL;
    return e;
}

struct ovsdb_error *
ovsdb_internal_error(const char *details, ...)
{
    va_list args;
    va_start(args, details);
    struct ovsdb_error *e = error_create_valist("internal error", details,
                                                args);
    va_end(args);
    VLOG_ERR("internal error: %s", e->details);
    return e;
}

struct ovsdb_error *
ovsdb_wrap_error(struct ovsdb_error *error, const char *details, ...)
{
    va_list args;
    va_start(args, details);
    char *context = xvasprintf(details, args);
    va_end(args);

    if (error->details) {
        char *both = xasprintf("%s: %s", context, error->details);
        free(context);
        free(error->details);
        error->details = both;
    } else {
        error->details = context;
    }
    return error;
}

struct ovsdb_error *
ovsdb_error_clone(const struct ovsdb_error *old)
{
    if (!old) {
        return NULL;
    }
    struct ovsdb_error *e = xzalloc(sizeof *e);
    e->tag = xstrdup(old->tag);
    e->details = old->details ? xstrdup(old->details) : NULL;
    e->syntax = old->syntax ? json_clone(old->syntax) : NULL;
    e->errno_value = old->errno_value;
    return e;
}

void
ovsdb_error_destroy(struct ovsdb_error *error)
{
    if (error) {
        free(error->tag);
        free(error->details);
        json_destroy(error->syntax);
        free(error);
    }
}

const char *
ovsdb_error_get_tag(const struct ovsdb_error *error)
{
    return error->tag;
}

const char *
ovsdb_error_get_details(const struct ovsdb_error *error)
{
    return error->details;
}

/* Returns the details with the errno text appended, in a new string. */
static char *
full_details(const struct ovsdb_error *error)
{
    if (!error->errno_value) {
        return error->details ? xstrdup(error->details) : NULL;
    }
    const char *why = (error->errno_value == EOF
                       ? "unexpected end of file"
                       : strerror(error->errno_value));
    return (error->details
            ? xasprintf("%s (%s)", error->details, why)
            : xstrdup(why));
}

struct json *
ovsdb_error_to_json(const struct ovsdb_error *error)
{
    struct json *obj = json_object_create();
    json_object_put_string(obj, "error", error->tag);
    char *details = full_details(error);
    if (details) {
        json_object_put_string(obj, "details", details);
        free(details);
    }
    if (error->syntax) {
        json_object_put(obj, "syntax",
                        json_string_create_nocopy(
                            json_to_string(error->syntax, JSSF_SORT)));
    }
    return obj;
}

struct json *
ovsdb_error_to_json_free(struct ovsdb_error *error)
{
    struct json *obj = ovsdb_error_to_json(error);
    ovsdb_error_destroy(error);
    return obj;
}

char *
ovsdb_error_to_string(const struct ovsdb_error *error)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    if (error->syntax) {
        char *text = json_to_string(error->syntax, JSSF_SORT);
        ds_put_format(&s, "syntax \"%s\": ", text);
        free(text);
    }
    ds_put_cstr(&s, error->tag);
    char *details = full_details(error);
    if (details) {
        ds_put_format(&s, ": %s", details);
        free(details);
    }
    return ds_steal_cstr(&s);
}

char *
ovsdb_error_to_string_free(struct ovsdb_error *error)
{
    char *text = ovsdb_error_to_string(error);
    ovsdb_error_destroy(error);
    return text;
}

void
ovsdb_error_assert(struct ovsdb_error *error)
{
    if (error) {
        static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(1, 5);
        char *s = ovsdb_error_to_string(error);
        VLOG_ERR_RL(&rl, "unexpected ovsdb error: %s", s);
        free(s);
        ovsdb_error_destroy(error);
    }
}
