/* OVSDB error objects.
 *
 * RFC 7047 reports every failure as a JSON object with an "error" member (a
 * short tag such as "constraint violation") and optional "details" (free
 * text for humans).  struct ovsdb_error carries exactly that, plus an
 * optional "syntax" member holding the JSON text that was rejected and an
 * errno value for I/O errors.  Errors are heap objects owned by whoever holds
 * the pointer; a null pointer means success. */

#ifndef OVSDB_ERROR_H
#define OVSDB_ERROR_H 1

#include <stdbool.h>

struct json;
struct ovsdb_error;

#define OVSDB_ERROR_FMT(A, B) __attribute__((format(printf, A, B)))
#define OVSDB_MUST_USE __attribute__((warn_unused_result))

/* Construction.  Each returns a new error that the caller owns. */
struct ovsdb_error *ovsdb_error(const char *tag, const char *details, ...)
    OVSDB_ERROR_FMT(2, 3) OVSDB_MUST_USE;
struct ovsdb_error *ovsdb_io_error(int errno_value, const char *details, ...)
    OVSDB_ERROR_FMT(2, 3) OVSDB_MUST_USE;
struct ovsdb_error *ovsdb_syntax_error(const struct json *, const char *tag,
                                       const char *details, ...)
    OVSDB_ERROR_FMT(3, 4) OVSDB_MUST_USE;
struct ovsdb_error *ovsdb_internal_error(const char *details, ...)
    OVSDB_ERROR_FMT(1, 2) OVSDB_MUST_USE;

/* Prefixes the details of 'error' with new text ("context: old details"),
 * taking ownership of 'error' and returning it. */
struct ovsdb_error *ovsdb_wrap_error(struct ovsdb_error *error,
                                     const char *details, ...)
    OVSDB_ERROR_FMT(2, 3) OVSDB_MUST_USE;

struct ovsdb_error *ovsdb_error_clone(const struct ovsdb_error *)
    OVSDB_MUST_USE;
void ovsdb_error_destroy(struct ovsdb_error *);

const char *ovsdb_error_get_tag(const struct ovsdb_error *);
const char *ovsdb_error_get_details(const struct ovsdb_error *);

/* Conversions.  The "_free" variants also destroy the error. */
struct json *ovsdb_error_to_json(const struct ovsdb_error *);
struct json *ovsdb_error_to_json_free(struct ovsdb_error *);
char *ovsdb_error_to_string(const struct ovsdb_error *);
char *ovsdb_error_to_string_free(struct ovsdb_error *);

/* Logs 'error' (if nonnull) as a bug and destroys it: for errors that
 * "cannot happen" where there is no caller to hand them to. */
void ovsdb_error_assert(struct ovsdb_error *error);

#endif /* ovsdb-error.h */
