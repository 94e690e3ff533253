/* General-purpose utilities: checked allocation, error reporting, string to
 * number conversion, a small scanf, bit twiddling and bit ranges in
 * big-endian byte arrays, and the handful of macros that every file uses.
 *
 * Memory: every x*alloc() function either succeeds or aborts the program
 * with "virtual memory exhausted"; the caller frees the result with
 * free(). */

#ifndef OPENVSWITCH_UTIL_H_INCLUDED
#define OPENVSWITCH_UTIL_H_INCLUDED 1

#include "openvswitch/compiler.h"
#include "openvswitch/types.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- Program identity ---- */

/* The name of the running program: the last component of argv[0], without
 * a libtool "lt-" prefix.  Set by set_program_name(). */
extern const char *program_name;

void ovs_set_program_name(const char *argv0, const char *version);
#define set_program_name(ARGV0) \
    ovs_set_program_name(ARGV0, OVS_PACKAGE_VERSION)
const char *ovs_get_program_name(void);
const char *ovs_get_program_version(void);

/* An optional name for a part of the program (e.g. a thread), shown as
 * "program(subprogram): " in error messages.  Empty by default. */
const char *get_subprogram_name(void);
void set_subprogram_name(const char *name);

/* Prints "PROGRAM (Open vSwitch) VERSION" and, when either argument is
 * nonzero, "OpenFlow versions MIN:MAX" (in hex) to stdout. */
void ovs_print_version(uint8_t min_ofp, uint8_t max_ofp);

/* The package version: a string literal when <config.h> was included
 * first (as it always should be), otherwise a function call. */
const char *ovs_package_version(void);
#ifdef PACKAGE_VERSION
#define OVS_PACKAGE_VERSION PACKAGE_VERSION
#else
#define OVS_PACKAGE_VERSION ovs_package_version()
#endif

/* ---- Assertions ---- */

#define OVS_STRINGIZE__(ARG) #ARG
#define OVS_STRINGIZE(ARG) OVS_STRINGIZE__(ARG)
#define OVS_SOURCE_LOCATOR __FILE__ ":" OVS_STRINGIZE(__LINE__)

/* Like assert(), but never compiled out: a failed ovs_assert() reports the
 * condition and its location on stderr and aborts. */
#define ovs_assert(CONDITION)                                           \
    (OVS_LIKELY(CONDITION)                                              \
     ? (void) 0                                                         \
     : ovs_assert_failure(OVS_SOURCE_LOCATOR, __func__, #CONDITION))
OVS_NO_RETURN void ovs_assert_failure(const char *where, const char *func,
                                      const char *condition);

/* Marks code that cannot be reached if the program is correct. */
#define OVS_NOT_REACHED() abort()

/* Evaluates and discards a value the compiler insists we look at. */
static inline void
ovs_ignore(bool x OVS_UNUSED)
{
}
#define ignore(X) ((void) (X))

/* ---- Array, arithmetic and container macros ---- */

#define ARRAY_SIZE(ARRAY) (sizeof (ARRAY) / sizeof (ARRAY)[0])

/* X rounded up / down to a multiple of Y, and X / Y rounded up. */
#define DIV_ROUND_UP(X, Y) (((X) + ((Y) - 1)) / (Y))
#define ROUND_UP(X, Y) (DIV_ROUND_UP(X, Y) * (Y))
#define ROUND_DOWN(X, Y) ((X) / (Y) * (Y))
/* Bytes needed after X bytes to reach a multiple of Y. */
#define PAD_SIZE(X, Y) (ROUND_UP(X, Y) - (X))

/* True if X is a power of 2 (or 0). */
#define IS_POW2(X) ((X) && !((X) & ((X) - 1)))
#define RIGHTMOST_1BIT(X) ((X) & -(X))
#define ZERO_RIGHTMOST_1BIT(X) ((X) & ((X) - 1))

/* The smaller / larger of two values (each may be evaluated twice).
 * <sys/param.h> has the same definitions, hence the guards. */
#if !defined(MIN)
#define MIN(X, Y) ((X) > (Y) ? (Y) : (X))
#endif
#if !defined(MAX)
#define MAX(X, Y) ((X) < (Y) ? (Y) : (X))
#endif

#define CACHE_LINE_SIZE 64

/* Declares MEMBERS followed by padding that rounds their total size up to
 * a multiple of UNIT bytes, inside an anonymous union. */
#define PADDED_MEMBERS(UNIT, MEMBERS)                                   \
    union {                                                             \
        struct { MEMBERS };                                             \
        uint8_t pad[ROUND_UP(sizeof(struct { MEMBERS }), UNIT)];        \
    }

/* Casts away constness.  TYPE must be POINTER's type without "const". */
#define CONST_CAST(TYPE, POINTER) ((TYPE) (POINTER))

/* Casts POINTER to TYPE when the programmer knows the alignment is right
 * (e.g. a struct inside an ofpbuf that was checked earlier). */
#define ALIGNED_CAST(TYPE, POINTER) ((TYPE) (void *) (POINTER))

#define MEMBER_SIZEOF(STRUCT, MEMBER) (sizeof(((STRUCT *) NULL)->MEMBER))

/* Given POINTER, the address of MEMBER within a STRUCT, returns the address
 * of the STRUCT. */
#define CONTAINER_OF(POINTER, STRUCT, MEMBER)                           \
    ((STRUCT *) (void *) ((char *) (POINTER) - offsetof(STRUCT, MEMBER)))

/* Like CONTAINER_OF, but takes the structure type from OBJECT, a pointer
 * variable of that type (which need not be initialized). */
#define OBJECT_OFFSETOF(OBJECT, MEMBER) \
    offsetof(OVS_TYPEOF(*(OBJECT)), MEMBER)
#define OBJECT_CONTAINING(POINTER, OBJECT, MEMBER)                      \
    ((OVS_TYPEOF(OBJECT)) (void *)                                      \
     ((char *) (POINTER) - OBJECT_OFFSETOF(OBJECT, MEMBER)))

/* Sets OBJECT to the structure that contains MEMBER at POINTER.  An
 * expression of type void. */
#define ASSIGN_CONTAINER(OBJECT, POINTER, MEMBER) \
    ((OBJECT) = OBJECT_CONTAINING(POINTER, OBJECT, MEMBER), (void) 0)
#define INIT_CONTAINER(OBJECT, POINTER, MEMBER) \
    ((OBJECT) = NULL, ASSIGN_CONTAINER(OBJECT, POINTER, MEMBER))

/* ---- Checked memory allocation ---- */

OVS_NO_RETURN void out_of_memory(void);
void *xmalloc(size_t) OVS_WARN_UNUSED_RESULT;
void *xcalloc(size_t n, size_t size) OVS_WARN_UNUSED_RESULT;
void *xzalloc(size_t) OVS_WARN_UNUSED_RESULT;
void *xrealloc(void *, size_t) OVS_WARN_UNUSED_RESULT;
void *xmemdup(const void *, size_t) OVS_WARN_UNUSED_RESULT;
char *xmemdup0(const char *, size_t) OVS_WARN_UNUSED_RESULT;
char *xstrdup(const char *) OVS_WARN_UNUSED_RESULT;
char *nullable_xstrdup(const char *) OVS_WARN_UNUSED_RESULT;
char *xasprintf(const char *format, ...)
    OVS_PRINTF_FORMAT(1, 2) OVS_WARN_UNUSED_RESULT;
char *xvasprintf(const char *format, va_list)
    OVS_PRINTF_FORMAT(1, 0) OVS_WARN_UNUSED_RESULT;
/* Grows array P of *N elements of S bytes each: to a small initial size if
 * *N is 0, otherwise about doubling.  Updates *N; returns the new array. */
void *x2nrealloc(void *p, size_t *n, size_t s) OVS_WARN_UNUSED_RESULT;

/* Cache-line-aligned variants (alignment is a performance hint only). */
void *xmalloc_cacheline(size_t) OVS_WARN_UNUSED_RESULT;
void *xzalloc_cacheline(size_t) OVS_WARN_UNUSED_RESULT;
void free_cacheline(void *);

/* memcpy()/memset() that accept a null pointer when the size is 0. */
static inline void
nullable_memcpy(void *dst, const void *src, size_t n)
{
    if (n) {
        memcpy(dst, src, n);
    }
}

static inline void
nullable_memset(void *dst, int c, size_t n)
{
    if (n) {
        memset(dst, c, n);
    }
}

/* Bounded string copies.  ovs_strlcpy() always null-terminates (if SIZE >
 * 0); ovs_strzcpy() also zero-fills the rest of DST, as wire formats
 * want. */
size_t ovs_strlcpy(char *dst, const char *src, size_t size);
void ovs_strzcpy(char *dst, const char *src, size_t size);
#define ovs_strlcpy_arrays(DST, SRC) \
    ovs_strlcpy(DST, SRC, MIN(ARRAY_SIZE(DST), ARRAY_SIZE(SRC)))

/* ---- Error reporting ---- */

/* Print "PROGRAM: MESSAGE" to stderr, followed by " (ERROR STRING)" when
 * ERR_NO is nonzero (see ovs_retval_to_string()), then a new-line.
 * ovs_fatal() then exits with status 1, ovs_abort() calls abort(). */
OVS_NO_RETURN void ovs_fatal(int err_no, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);
OVS_NO_RETURN void ovs_fatal_valist(int err_no, const char *format, va_list)
    OVS_PRINTF_FORMAT(2, 0);
OVS_NO_RETURN void ovs_abort(int err_no, const char *format, ...)
    OVS_PRINTF_FORMAT(2, 3);
OVS_NO_RETURN void ovs_abort_valist(int err_no, const char *format, va_list)
    OVS_PRINTF_FORMAT(2, 0);
void ovs_error(int err_no, const char *format, ...) OVS_PRINTF_FORMAT(2, 3);
void ovs_error_valist(int err_no, const char *format, va_list)
    OVS_PRINTF_FORMAT(2, 0);

/* strerror() that never returns NULL and tolerates unknown values.  The
 * returned string is static or owned by the C library; do not free. */
const char *ovs_strerror(int error);

/* True if 'error' (EOF or an errno value) from a connection only means
 * that the other end went away: EOF when reading, EPIPE or ECONNRESET
 * when a write or read raced with the peer's close.  Such endings are
 * routine and deserve no warning. */
bool error_is_peer_hangup(int error);

/* Describes a function's return value: "" for 0, "End of file" for EOF,
 * strerror() for a positive errno, otherwise a "***unknown return
 * value***" message.  Do not free the result. */
const char *ovs_retval_to_string(int retval);

/* Writes a hex dump of BUF to STREAM, as ds_put_hex_dump() formats it. */
void ovs_hex_dump(FILE *, const void *buf, size_t size, uintptr_t ofs,
                  bool ascii);

/* ---- Strings to numbers ---- */

/* Each of these parses all of S (leading white space allowed, trailing
 * characters not) as a number in BASE (0 means C rules: 0x hex, 0 octal).
 * On success stores the value and returns true; on failure (syntax or
 * range) stores 0 and returns false.  The unsigned variants reject a
 * leading minus sign. */
bool str_to_int(const char *s, int base, int *i);
bool str_to_long(const char *s, int base, long *li);
bool str_to_llong(const char *s, int base, long long *x);
bool str_to_llong_with_tail(const char *s, char **tail, int base,
                            long long *x);
bool str_to_uint(const char *s, int base, unsigned int *u);
bool str_to_ullong(const char *s, int base, unsigned long long *x);
bool str_to_double(const char *s, double *d);

/* The value of hex digit C (0...15), or -1 if C is not one. */
int hexit_value(unsigned char c);
/* Parses exactly N hex digits at S.  Sets *OK to whether they all were hex
 * digits (the value is then meaningful); returns the value. */
uintmax_t hexits_value(const char *s, size_t n, bool *ok);

/* Parses S, a decimal or "0x"-prefixed hexadecimal integer of arbitrary
 * length, into the FIELD_WIDTH-byte big-endian buffer VALUEP.  Stores a
 * pointer to the first unparsed character in *TAIL (if nonnull).  Returns
 * 0 on success, EINVAL for a syntax error, ERANGE if the value does not
 * fit. */
int parse_int_string(const char *s, uint8_t *valuep, int field_width,
                     char **tail);

/* A scanf() for parsing text formats: matches all of FORMAT against a
 * prefix of S and returns true only if every directive matched.
 *
 * Supported: white space in FORMAT (matches zero or more white space
 * characters), ordinary characters (must match exactly), "%%", and the
 * conversions d i o u x X (with hh h l ll j z t), c, s, [set] (including
 * ^ negation and ranges), e f g (float, l for double, L long double) and
 * n.  Any conversion may have a field width; "*" suppresses assignment.
 * Unlike scanf(), ovs_scan() never consumes trailing white space and %s /
 * %[ conversions have no implicit size limit, so give widths that match
 * the destination arrays. */
bool ovs_scan(const char *s, const char *format, ...) OVS_SCANF_FORMAT(2, 3);
/* Like ovs_scan(), but starts at S + *N and, on success, adds the number
 * of characters consumed to *N. */
bool ovs_scan_len(const char *s, int *n, const char *format, ...);

/* ---- Bit counting ---- */

/* Number of 1-bits in X. */
unsigned int count_1bits(uint64_t x);

/* Index of the least significant 1-bit, or 32/64 if X is 0. */
int ctz32(uint32_t x);
int ctz64(uint64_t x);
/* Number of leading 0-bits, or 32/64 if X is 0. */
int clz32(uint32_t x);
int clz64(uint64_t x);

/* Index of the least significant 1-bit in nonzero X. */
static inline int
raw_ctz(uint64_t x)
{
    return __builtin_ctzll(x);
}

/* Index of the most significant 1-bit in nonzero X. */
static inline int
log_2_floor(uint64_t x)
{
    return 63 - __builtin_clzll(x);
}

/* Smallest N such that 2**N >= X, for nonzero X. */
static inline int
log_2_ceil(uint64_t x)
{
    return log_2_floor(x) + !IS_POW2(x);
}

/* Bit index of the most / least significant 1-bit of X, 64 if X is 0. */
static inline int
leftmost_1bit_idx(uint64_t x)
{
    return x ? log_2_floor(x) : 64;
}

static inline int
rightmost_1bit_idx(uint64_t x)
{
    return x ? raw_ctz(x) : 64;
}

static inline uint64_t
rightmost_1bit(uint64_t x)
{
    return x & -x;
}

static inline uint64_t
zero_rightmost_1bit(uint64_t x)
{
    return x & (x - 1);
}

static inline bool
is_pow2(uintmax_t x)
{
    return IS_POW2(x);
}

/* ---- Byte arrays ---- */

bool is_all_zeros(const void *, size_t);
bool is_all_ones(const void *, size_t);
bool is_all_byte(const void *, size_t, uint8_t byte);

/* ---- 128-bit values ---- */

static inline bool
ovs_u128_equals(const ovs_u128 a, const ovs_u128 b)
{
    return a.u64.hi == b.u64.hi && a.u64.lo == b.u64.lo;
}

static inline bool
ovs_u128_is_zero(const ovs_u128 val)
{
    return !(val.u64.hi | val.u64.lo);
}

static inline bool
ovs_u128_is_ones(const ovs_u128 val)
{
    return (val.u64.hi & val.u64.lo) == UINT64_MAX;
}

static inline bool
ovs_be128_equals(const ovs_be128 a, const ovs_be128 b)
{
    return a.be64.hi == b.be64.hi && a.be64.lo == b.be64.lo;
}

static inline bool
ovs_be128_is_zero(const ovs_be128 val)
{
    return !(val.be64.hi | val.be64.lo);
}

static inline ovs_u128
ovs_u128_and(const ovs_u128 a, const ovs_u128 b)
{
    ovs_u128 r;

    r.u64.hi = a.u64.hi & b.u64.hi;
    r.u64.lo = a.u64.lo & b.u64.lo;
    return r;
}

/* ---- Bit ranges in big-endian byte arrays ----
 *
 * These treat a LEN-byte array as one big-endian integer of 8 * LEN bits.
 * Bit offset 0 is the least significant bit of the last byte; bit offset
 * 8 * LEN - 1 the most significant bit of the first byte.  This is how
 * OpenFlow fields and NXM/OXM registers number their bits.  Ranges must
 * lie within the array. */

/* Copies N_BITS bits from SRC, starting at SRC_OFS, into DST at DST_OFS.
 * The two arrays may be the same but the ranges must not overlap. */
void bitwise_copy(const void *src, unsigned int src_len,
                  unsigned int src_ofs,
                  void *dst, unsigned int dst_len, unsigned int dst_ofs,
                  unsigned int n_bits);
/* Sets the N_BITS bits of DST at DST_OFS to 0 or to 1. */
void bitwise_zero(void *dst, unsigned int dst_len, unsigned int dst_ofs,
                  unsigned int n_bits);
void bitwise_one(void *dst, unsigned int dst_len, unsigned int dst_ofs,
                 unsigned int n_bits);
bool bitwise_is_all_zeros(const void *, unsigned int len, unsigned int ofs,
                          unsigned int n_bits);
/* Returns the offset of the first bit equal to TARGET among bits START
 * (inclusive) up to END (exclusive), or END if there is none. */
unsigned int bitwise_scan(const void *, unsigned int len, bool target,
                          unsigned int start, unsigned int end);
/* The same downward: from START (inclusive) to END (exclusive, may be -1),
 * returning END if no bit matches. */
int bitwise_rscan(const void *, unsigned int len, bool target, int start,
                  int end);
/* Writes the low N_BITS (at most 64) bits of VALUE into DST at DST_OFS. */
void bitwise_put(uint64_t value, void *dst, unsigned int dst_len,
                 unsigned int dst_ofs, unsigned int n_bits);
/* Reads N_BITS (at most 64) bits of SRC at SRC_OFS. */
uint64_t bitwise_get(const void *src, unsigned int src_len,
                     unsigned int src_ofs, unsigned int n_bits);
/* Single bits. */
bool bitwise_get_bit(const void *src, unsigned int len, unsigned int ofs);
void bitwise_put0(void *dst, unsigned int len, unsigned int ofs);
void bitwise_put1(void *dst, unsigned int len, unsigned int ofs);
void bitwise_put_bit(void *dst, unsigned int len, unsigned int ofs,
                     bool bit);
void bitwise_toggle_bit(void *dst, unsigned int len, unsigned int ofs);

/* ---- File names ---- */

/* Each returns a new string that the caller must free. */
char *get_cwd(void);                     /* NULL on failure. */
char *dir_name(const char *file_name);   /* "/a/b" -> "/a", "b" -> ".". */
char *base_name(const char *file_name);  /* "/a/b/" -> "b". */
/* FILE_NAME if it is absolute, else DIR (or the working directory if DIR
 * is NULL) joined with it.  NULL if the working directory is unknown. */
char *abs_file_name(const char *dir, const char *file_name);

#endif /* openvswitch/util.h */
