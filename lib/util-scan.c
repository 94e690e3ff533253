/* ovs_scan(): a small, predictable scanf() for parsing text formats.
 *
 * The C library's sscanf() is almost right for parsing things like
 * "in_port(%d)" or "%[^,],%n", but it has traps: it skips white space
 * before most conversions and after the match, it cannot tell the caller
 * that the whole format matched, and %s has no bound.  ovs_scan()
 * interprets the same directives itself with a few deliberate choices:
 *
 *   - It succeeds only if the whole FORMAT matched; trailing input is
 *     left alone (use %n to find where matching stopped).
 *   - White space in FORMAT matches any amount of white space, including
 *     none; numeric, %s and float conversions skip leading white space,
 *     %c and %[ do not.
 *   - Integer conversions fail on values that do not fit in 64 bits and
 *     are then truncated to the destination type, like scanf().
 *
 * Callers are expected to give field widths for %s, %c and %[ that fit
 * their buffers. */

#include <config.h>
#include "openvswitch/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Size of the destination argument, from the length modifier. */
enum scan_size {
    SCAN_DEFAULT,       /* int, float. */
    SCAN_CHAR,          /* hh */
    SCAN_SHORT,         /* h */
    SCAN_LONG,          /* l: long, double. */
    SCAN_LLONG,         /* ll, q, and L (long double for floats). */
    SCAN_INTMAX,        /* j */
    SCAN_SIZE,          /* z */
    SCAN_PTRDIFF        /* t */
};

/* One parsed conversion specification. */
struct scan_spec {
    bool suppress;              /* '*' given: consume but do not store. */
    size_t width;               /* Maximum characters, SIZE_MAX if none. */
    enum scan_size size;
    char type;                  /* Conversion character. */
};

static const char *
skip_spaces(const char *s)
{
    while (isspace((unsigned char) *s)) {
        s++;
    }
    return s;
}

/* Parses the part of a conversion specification after '%' at FORMAT into
 * *SPEC.  Returns a pointer just past the conversion character (or to the
 * '[' of a set), or NULL if the specification is malformed. */
static const char *
parse_spec(const char *format, struct scan_spec *spec)
{
    spec->suppress = false;
    spec->width = SIZE_MAX;
    spec->size = SCAN_DEFAULT;

    if (*format == '*') {
        spec->suppress = true;
        format++;
    }
    if (isdigit((unsigned char) *format)) {
        spec->width = 0;
        while (isdigit((unsigned char) *format)) {
            spec->width = spec->width * 10 + (*format++ - '0');
        }
        if (!spec->width) {
            return NULL;
        }
    }

    switch (*format) {
    case 'h':
        format++;
        if (*format == 'h') {
            format++;
            spec->size = SCAN_CHAR;
        } else {
            spec->size = SCAN_SHORT;
        }
        break;
    case 'l':
        format++;
        if (*format == 'l') {
            format++;
            spec->size = SCAN_LLONG;
        } else {
            spec->size = SCAN_LONG;
        }
        break;
    case 'q':
    case 'L':
        format++;
        spec->size = SCAN_LLONG;
        break;
    case 'j':
        format++;
        spec->size = SCAN_INTMAX;
        break;
    case 'z':
        format++;
        spec->size = SCAN_SIZE;
        break;
    case 't':
        format++;
        spec->size = SCAN_PTRDIFF;
        break;
    default:
        break;
    }

    spec->type = *format;
    return *format ? format + 1 : NULL;
}

/* Returns a copy of at most WIDTH characters of S when WIDTH limits the
 * conversion, or NULL when S itself can be parsed directly. */
static char *
width_limited_copy(const char *s, size_t width)
{
    return width != SIZE_MAX ? xmemdup0(s, strnlen(s, width)) : NULL;
}

/* Parses an integer in BASE at S (honoring SPEC's width), stores it in the
 * next argument according to SPEC, and returns the number of characters
 * consumed, or 0 on failure. */
static size_t
scan_int(const char *s, const struct scan_spec *spec, int base,
         bool is_signed, va_list *args)
{
    char *copy = width_limited_copy(s, spec->width);
    const char *start = copy ? copy : s;
    unsigned long long int value;
    int saved_errno = errno;
    char *tail;
    size_t n;

    errno = 0;
    if (is_signed) {
        value = (unsigned long long int) strtoll(start, &tail, base);
    } else {
        value = strtoull(start, &tail, base);
    }
    n = tail - start;
    if (errno) {
        n = 0;
    }
    errno = saved_errno;
    free(copy);

    if (!n || spec->suppress) {
        return n;
    }

    /* Truncation to the destination type is intended, as in scanf(). */
    switch (spec->size) {
    case SCAN_DEFAULT:
        *va_arg(*args, int *) = (int) value;
        break;
    case SCAN_CHAR:
        *va_arg(*args, char *) = (char) value;
        break;
    case SCAN_SHORT:
        *va_arg(*args, short *) = (short) value;
        break;
    case SCAN_LONG:
        *va_arg(*args, long *) = (long) value;
        break;
    case SCAN_LLONG:
        *va_arg(*args, long long *) = (long long) value;
        break;
    case SCAN_INTMAX:
        *va_arg(*args, intmax_t *) = (intmax_t) value;
        break;
    case SCAN_SIZE:
        *va_arg(*args, size_t *) = (size_t) value;
        break;
    case SCAN_PTRDIFF:
        *va_arg(*args, ptrdiff_t *) = (ptrdiff_t) value;
        break;
    }
    return n;
}

/* Parses a floating-point number at S, like scan_int(). */
static size_t
scan_float(const char *s, const struct scan_spec *spec, va_list *args)
{
    char *copy = width_limited_copy(s, spec->width);
    const char *start = copy ? copy : s;
    int saved_errno = errno;
    long double value;
    char *tail;
    size_t n;

    errno = 0;
    value = strtold(start, &tail);
    n = errno == ERANGE && value != 0 ? 0 : tail - start;
    errno = saved_errno;
    free(copy);

    if (!n || spec->suppress) {
        return n;
    }
    if (spec->size == SCAN_LLONG) {
        *va_arg(*args, long double *) = value;
    } else if (spec->size == SCAN_LONG) {
        *va_arg(*args, double *) = value;
    } else {
        *va_arg(*args, float *) = value;
    }
    return n;
}

/* Stores N characters at S, and a null terminator if TERMINATE, in the next
 * argument (a char *) unless SPEC says to suppress it. */
static void
store_chars(const char *s, size_t n, bool terminate,
            const struct scan_spec *spec, va_list *args)
{
    if (!spec->suppress) {
        char *dst = va_arg(*args, char *);

        memcpy(dst, s, n);
        if (terminate) {
            dst[n] = '\0';
        }
    }
}

/* Parses the set of a "%[" conversion starting at FORMAT (just after the
 * '['), marking members in SET[].  Returns a pointer just past the closing
 * ']', or NULL if there is none. */
static const char *
parse_set(const char *format, bool set[UCHAR_MAX + 1])
{
    bool negate = false;
    const char *p = format;

    if (*p == '^') {
        negate = true;
        p++;
    }
    memset(set, 0, (UCHAR_MAX + 1) * sizeof set[0]);

    /* A ']' right after "[" or "[^" is a member, not the end. */
    if (*p == ']') {
        set[(unsigned char) ']'] = true;
        p++;
    }
    for (; *p != ']'; p++) {
        if (!*p) {
            return NULL;
        }
        if (p[1] == '-' && p[2] && p[2] != ']') {
            unsigned char lo = p[0], hi = p[2];

            for (unsigned int c = lo; c <= hi; c++) {
                set[c] = true;
            }
            p += 2;
        } else {
            set[(unsigned char) *p] = true;
        }
    }
    if (negate) {
        for (unsigned int c = 0; c <= UCHAR_MAX; c++) {
            set[c] = !set[c];
        }
    }
    set[0] = false;             /* Never match past the end of input. */
    return p + 1;
}

/* The engine behind ovs_scan() and ovs_scan_len(): matches FORMAT against
 * S and, on success, stores the number of characters consumed in
 * *CONSUMED. */
static bool
ovs_scan__(const char *s, size_t *consumed, const char *format,
           va_list *args)
{
    const char *const start = s;

    while (*format) {
        struct scan_spec spec;
        size_t n;

        if (isspace((unsigned char) *format)) {
            s = skip_spaces(s);
            format++;
            continue;
        }
        if (*format != '%') {
            if (*s != *format) {
                return false;
            }
            s++;
            format++;
            continue;
        }

        format = parse_spec(format + 1, &spec);
        if (!format) {
            return false;
        }
        switch (spec.type) {
        case '%':
            s = skip_spaces(s);
            if (*s != '%') {
                return false;
            }
            s++;
            break;

        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
            int base = (spec.type == 'd' || spec.type == 'u' ? 10
                        : spec.type == 'i' ? 0
                        : spec.type == 'o' ? 8 : 16);
            bool is_signed = spec.type == 'd' || spec.type == 'i';

            s = skip_spaces(s);
            n = scan_int(s, &spec, base, is_signed, args);
            if (!n) {
                return false;
            }
            s += n;
            break;
        }

        case 'a': case 'A':
        case 'e': case 'E':
        case 'f': case 'F':
        case 'g': case 'G':
            s = skip_spaces(s);
            n = scan_float(s, &spec, args);
            if (!n) {
                return false;
            }
            s += n;
            break;

        case 'c':
            n = spec.width == SIZE_MAX ? 1 : spec.width;
            if (strnlen(s, n) < n) {
                return false;
            }
            store_chars(s, n, false, &spec, args);
            s += n;
            break;

        case 's':
            s = skip_spaces(s);
            for (n = 0; n < spec.width && s[n]
                     && !isspace((unsigned char) s[n]); n++) {
                continue;
            }
            if (!n) {
                return false;
            }
            store_chars(s, n, true, &spec, args);
            s += n;
            break;

        case '[': {
            bool set[UCHAR_MAX + 1];

            format = parse_set(format, set);
            if (!format) {
                return false;
            }
            for (n = 0; n < spec.width && set[(unsigned char) s[n]]; n++) {
                continue;
            }
            if (!n) {
                return false;
            }
            store_chars(s, n, true, &spec, args);
            s += n;
            break;
        }

        case 'n':
            if (!spec.suppress) {
                ptrdiff_t pos = s - start;

                switch (spec.size) {
                case SCAN_CHAR:
                    *va_arg(*args, signed char *) = pos;
                    break;
                case SCAN_SHORT:
                    *va_arg(*args, short *) = pos;
                    break;
                case SCAN_LONG:
                    *va_arg(*args, long *) = pos;
                    break;
                case SCAN_LLONG:
                    *va_arg(*args, long long *) = pos;
                    break;
                case SCAN_INTMAX:
                    *va_arg(*args, intmax_t *) = pos;
                    break;
                case SCAN_SIZE:
                    *va_arg(*args, size_t *) = pos;
                    break;
                case SCAN_PTRDIFF:
                    *va_arg(*args, ptrdiff_t *) = pos;
                    break;
                case SCAN_DEFAULT:
                default:
                    *va_arg(*args, int *) = pos;
                    break;
                }
            }
            break;

        default:
            /* Unsupported conversion: a bug in the caller's format. */
            return false;
        }
    }

    *consumed = s - start;
    return true;
}

bool
ovs_scan(const char *s, const char *format, ...)
{
    size_t consumed;
    va_list args;
    bool ok;

    va_start(args, format);
    ok = ovs_scan__(s, &consumed, format, &args);
    va_end(args);
    return ok;
}

bool
ovs_scan_len(const char *s, int *n, const char *format, ...)
{
    size_t consumed;
    va_list args;
    bool ok;

    va_start(args, format);
    ok = ovs_scan__(s + *n, &consumed, format, &args);
    va_end(args);
    if (ok) {
        *n += consumed;
    }
    return ok;
}
