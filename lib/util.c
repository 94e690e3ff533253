/* General utilities: program identity, checked memory allocation, error
 * reporting, strings to numbers and file names.
 *
 * The common theme is that these are the small pieces of plumbing that
 * every program and module needs and that the C library either lacks or
 * provides with awkward error handling.  Allocation failures abort (there
 * is nothing sensible a switch can do without memory); everything that
 * parses input reports failure through its return value instead. */

#include <config.h>
#include "openvswitch/util.h"

#include <errno.h>
#include <ctype.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>

#include "openvswitch/dynamic-string.h"

/* ---- Program identity ---- */

const char *program_name = "";
static const char *program_version = "";
static char *subprogram_name;

const char *
ovs_package_version(void)
{
    return PACKAGE_VERSION;
}

/* Records the program's name (from ARGV0) and VERSION.  ARGV0 is not
 * copied beyond what is needed: the name is kept in a private buffer, so
 * the caller may modify argv[0] afterward. */
void
ovs_set_program_name(const char *argv0, const char *version)
{
    static char *saved_name;
    const char *slash = strrchr(argv0, '/');
    const char *name = slash ? slash + 1 : argv0;

    /* Programs run through libtool wrappers are called "lt-NAME". */
    if (!strncmp(name, "lt-", 3)) {
        name += 3;
    }

    free(saved_name);
    saved_name = xstrdup(name);
    program_name = saved_name;
    program_version = version;
}

const char *
ovs_get_program_name(void)
{
    return program_name;
}

const char *
ovs_get_program_version(void)
{
    return program_version;
}

const char *
get_subprogram_name(void)
{
    return subprogram_name ? subprogram_name : "";
}

/* Sets the subprogram name to a copy of NAME (NULL or "" clears it). */
void
set_subprogram_name(const char *name)
{
    free(subprogram_name);
    subprogram_name = name && name[0] ? xstrdup(name) : NULL;
}

void
ovs_print_version(uint8_t min_ofp, uint8_t max_ofp)
{
    printf("%s (Open vSwitch) %s\n", program_name, PACKAGE_VERSION);
    if (min_ofp || max_ofp) {
        printf("OpenFlow versions %#x:%#x\n", min_ofp, max_ofp);
    }
}

/* ---- Assertions ---- */

void
ovs_assert_failure(const char *where, const char *func,
                   const char *condition)
{
    fprintf(stderr, "%s: %s: assertion %s failed in %s()\n",
            program_name[0] ? program_name : "ovs", where, condition, func);
    fflush(stderr);
    abort();
}

/* ---- Memory allocation ---- */

void
out_of_memory(void)
{
    ovs_abort(0, "virtual memory exhausted");
}

/* malloc(0) may legitimately return NULL, which we must not mistake for
 * failure, so every allocator asks for at least one byte. */
void *
xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (!p) {
        out_of_memory();
    }
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = (n && size) ? calloc(n, size) : malloc(1);

    if (!p) {
        out_of_memory();
    }
    return p;
}

void *
xzalloc(size_t size)
{
    return xcalloc(1, size);
}

void *
xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);

    if (!q) {
        out_of_memory();
    }
    return q;
}

void *
xmemdup(const void *p, size_t size)
{
    void *copy = xmalloc(size);

    nullable_memcpy(copy, p, size);
    return copy;
}

char *
xmemdup0(const char *p, size_t length)
{
    char *copy = xmalloc(length + 1);

    nullable_memcpy(copy, p, length);
    copy[length] = '\0';
    return copy;
}

char *
xstrdup(const char *s)
{
    return xmemdup0(s, strlen(s));
}

char *
nullable_xstrdup(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

char *
xvasprintf(const char *format, va_list args)
{
    va_list args2;
    int needed;
    char *s;

    va_copy(args2, args);
    needed = vsnprintf(NULL, 0, format, args);
    if (needed < 0) {
        /* Only an invalid format can get here. */
        va_end(args2);
        return xstrdup("");
    }
    s = xmalloc((size_t) needed + 1);
    vsnprintf(s, (size_t) needed + 1, format, args2);
    va_end(args2);
    return s;
}

char *
xasprintf(const char *format, ...)
{
    char *result;
    va_list ap;

    va_start(ap, format);
    result = xvasprintf(format, ap);
    va_end(ap);
    return result;
}

void *
x2nrealloc(void *p, size_t *n, size_t s)
{
    size_t want;

    if (*n == 0) {
        /* Start with about 64 bytes' worth, but at least one element. */
        want = s < 64 ? 64 / s : 1;
    } else {
        if (*n > SIZE_MAX / 2 / s) {
            out_of_memory();
        }
        want = *n * 2;
    }
    *n = want;
    return xrealloc(p, want * s);
}

void *
xmalloc_cacheline(size_t size)
{
    return xmalloc(size);
}

void *
xzalloc_cacheline(size_t size)
{
    return xzalloc(size);
}

void
free_cacheline(void *p)
{
    free(p);
}

/* ---- Strings ---- */

/* Copies as much of SRC as fits into the SIZE-byte DST, always
 * null-terminated if SIZE > 0.  Returns strlen(SRC), so that truncation
 * shows as a return value >= SIZE. */
size_t
ovs_strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);

    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;

        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

/* Copies SRC into the SIZE-byte DST, truncating if necessary, and fills
 * the rest of DST with zeros.  DST is null-terminated if SIZE > 0. */
void
ovs_strzcpy(char *dst, const char *src, size_t size)
{
    if (size > 0) {
        size_t len = strnlen(src, size - 1);

        memcpy(dst, src, len);
        memset(dst + len, 0, size - len);
    }
}

/* ---- Error reporting ---- */

bool
error_is_peer_hangup(int error)
{
    return error == EOF || error == EPIPE || error == ECONNRESET;
}

const char *
ovs_strerror(int error)
{
    const char *s = strerror(error);

    return s ? s : "Unknown error";
}

const char *
ovs_retval_to_string(int retval)
{
    static char unknown[64];

    if (!retval) {
        return "";
    } else if (retval == EOF) {
        return "End of file";
    } else if (retval > 0) {
        return ovs_strerror(retval);
    }
    snprintf(unknown, sizeof unknown, "***unknown return value: %d***",
             retval);
    return unknown;
}

void
ovs_error_valist(int err_no, const char *format, va_list args)
{
    int saved_errno = errno;

    if (subprogram_name) {
        fprintf(stderr, "%s(%s): ", program_name, subprogram_name);
    } else {
        fprintf(stderr, "%s: ", program_name);
    }
    vfprintf(stderr, format, args);
    if (err_no) {
        fprintf(stderr, " (%s)", ovs_retval_to_string(err_no));
    }
    putc('\n', stderr);
    errno = saved_errno;
}

void
ovs_error(int err_no, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    ovs_error_valist(err_no, format, ap);
    va_end(ap);
}

void
ovs_fatal_valist(int err_no, const char *format, va_list args)
{
    ovs_error_valist(err_no, format, args);
    exit(EXIT_FAILURE);
}

void
ovs_fatal(int err_no, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    ovs_fatal_valist(err_no, format, ap);
}

void
ovs_abort_valist(int err_no, const char *format, va_list args)
{
    ovs_error_valist(err_no, format, args);
    fflush(stderr);
    abort();
}

void
ovs_abort(int err_no, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    ovs_abort_valist(err_no, format, ap);
}

void
ovs_hex_dump(FILE *stream, const void *buf, size_t size, uintptr_t ofs,
             bool ascii)
{
    struct ds ds = DS_EMPTY_INITIALIZER;

    ds_put_hex_dump(&ds, buf, size, ofs, ascii);
    fputs(ds_cstr(&ds), stream);
    ds_destroy(&ds);
}

/* ---- Strings to numbers ---- */

bool
str_to_llong_with_tail(const char *s, char **tail, int base, long long *x)
{
    int saved_errno = errno;
    bool ok;

    errno = 0;
    *x = strtoll(s, tail, base);
    ok = *tail != s && !errno;
    if (!ok) {
        *x = 0;
    }
    errno = saved_errno;
    return ok;
}

bool
str_to_llong(const char *s, int base, long long *x)
{
    char *tail;

    if (str_to_llong_with_tail(s, &tail, base, x) && *tail == '\0') {
        return true;
    }
    *x = 0;
    return false;
}

bool
str_to_long(const char *s, int base, long *li)
{
    long long ll;

    if (str_to_llong(s, base, &ll) && ll >= LONG_MIN && ll <= LONG_MAX) {
        *li = ll;
        return true;
    }
    *li = 0;
    return false;
}

bool
str_to_int(const char *s, int base, int *i)
{
    long long ll;

    if (str_to_llong(s, base, &ll) && ll >= INT_MIN && ll <= INT_MAX) {
        *i = ll;
        return true;
    }
    *i = 0;
    return false;
}

bool
str_to_ullong(const char *s, int base, unsigned long long *x)
{
    const char *p = s;
    int saved_errno = errno;
    char *tail;
    bool ok;

    /* strtoull() silently negates "-1"; we want an error instead. */
    while (isspace((unsigned char) *p)) {
        p++;
    }
    if (*p == '-') {
        *x = 0;
        return false;
    }

    errno = 0;
    *x = strtoull(s, &tail, base);
    ok = tail != s && *tail == '\0' && !errno;
    if (!ok) {
        *x = 0;
    }
    errno = saved_errno;
    return ok;
}

bool
str_to_uint(const char *s, int base, unsigned int *u)
{
    unsigned long long ull;

    if (str_to_ullong(s, base, &ull) && ull <= UINT_MAX) {
        *u = ull;
        return true;
    }
    *u = 0;
    return false;
}

bool
str_to_double(const char *s, double *d)
{
    int saved_errno = errno;
    char *tail;
    bool ok;

    errno = 0;
    *d = strtod(s, &tail);
    ok = tail != s && *tail == '\0' && !errno;
    if (!ok) {
        *d = 0;
    }
    errno = saved_errno;
    return ok;
}

int
hexit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    } else if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

uintmax_t
hexits_value(const char *s, size_t n, bool *ok)
{
    uintmax_t value = 0;

    for (size_t i = 0; i < n; i++) {
        int hexit = hexit_value(s[i]);

        if (hexit < 0) {
            *ok = false;
            return UINTMAX_MAX;
        }
        value = (value << 4) | hexit;
    }
    *ok = true;
    return value;
}

/* Multiplies the FIELD_WIDTH-byte big-endian number at VALUE by MUL and
 * adds ADD.  Returns false if the result overflowed. */
static bool
be_mul_add(uint8_t *value, int field_width, unsigned int mul,
           unsigned int add)
{
    unsigned int carry = add;

    for (int i = field_width - 1; i >= 0; i--) {
        unsigned int x = value[i] * mul + carry;

        value[i] = x & 0xff;
        carry = x >> 8;
    }
    return carry == 0;
}

int
parse_int_string(const char *s, uint8_t *valuep, int field_width,
                 char **tail)
{
    unsigned int base = 10;
    const char *p = s;
    bool overflow = false;
    int error = 0;

    memset(valuep, 0, field_width);

    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    }
    if (hexit_value(*p) < 0 || hexit_value(*p) >= (int) base) {
        error = EINVAL;
        p = s;
    } else {
        for (; *p; p++) {
            int digit = hexit_value(*p);

            if (digit < 0 || digit >= (int) base) {
                break;
            }
            if (!be_mul_add(valuep, field_width, base, digit)) {
                overflow = true;
            }
        }
        if (overflow) {
            error = ERANGE;
        }
    }
    if (error) {
        memset(valuep, 0, field_width);
    }
    if (tail) {
        *tail = CONST_CAST(char *, p);
    }
    return error;
}

/* ---- Byte arrays ---- */

bool
is_all_byte(const void *p_, size_t n, uint8_t byte)
{
    const uint8_t *p = p_;

    for (size_t i = 0; i < n; i++) {
        if (p[i] != byte) {
            return false;
        }
    }
    return true;
}

bool
is_all_zeros(const void *p, size_t n)
{
    return is_all_byte(p, n, 0);
}

bool
is_all_ones(const void *p, size_t n)
{
    return is_all_byte(p, n, 0xff);
}

/* ---- File names ---- */

char *
get_cwd(void)
{
    size_t size = 256;

    for (;;) {
        char *buf = xmalloc(size);

        if (getcwd(buf, size)) {
            return buf;
        }
        free(buf);
        if (errno != ERANGE || size > 1024 * 1024) {
            return NULL;
        }
        size *= 2;
    }
}

/* Length of FILE_NAME without trailing slashes (but keeping a lone "/"). */
static size_t
strip_trailing_slashes(const char *file_name)
{
    size_t n = strlen(file_name);

    while (n > 1 && file_name[n - 1] == '/') {
        n--;
    }
    return n;
}

char *
dir_name(const char *file_name)
{
    size_t n = strip_trailing_slashes(file_name);

    /* Drop the last component, then the slashes before it. */
    while (n > 0 && file_name[n - 1] != '/') {
        n--;
    }
    while (n > 1 && file_name[n - 1] == '/') {
        n--;
    }
    return n ? xmemdup0(file_name, n) : xstrdup(".");
}

char *
base_name(const char *file_name)
{
    size_t end = strip_trailing_slashes(file_name);
    size_t start = end;

    if (end == 1 && file_name[0] == '/') {
        return xstrdup("/");
    }
    while (start > 0 && file_name[start - 1] != '/') {
        start--;
    }
    return xmemdup0(file_name + start, end - start);
}

char *
abs_file_name(const char *dir, const char *file_name)
{
    char *cwd = NULL;
    char *result;

    if (file_name[0] == '/') {
        return xstrdup(file_name);
    }
    if (!dir || !dir[0]) {
        cwd = get_cwd();
        if (!cwd) {
            return NULL;
        }
        dir = cwd;
    }
    result = xasprintf("%s%s%s", dir,
                       dir[strlen(dir) - 1] == '/' ? "" : "/", file_name);
    free(cwd);
    return result;
}
