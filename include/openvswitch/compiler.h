/* Compiler-specific helpers: attributes, branch hints, static assertions and
 * no-op thread-safety annotations.
 *
 * Everything here expands to nothing harmful on a compiler that lacks the
 * feature, so other headers can use these macros unconditionally. */

#ifndef OPENVSWITCH_COMPILER_H_INCLUDED
#define OPENVSWITCH_COMPILER_H_INCLUDED 1

#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__) || defined(__clang__)
/* A parameter or variable that may legitimately go unused. */
#define OVS_UNUSED __attribute__((__unused__))
/* FMT is the 1-based index of a printf-style format argument; ARG0 the
 * index of the first variadic argument (0 for a va_list function). */
#define OVS_PRINTF_FORMAT(FMT, ARG0) \
    __attribute__((__format__(printf, FMT, ARG0)))
#define OVS_SCANF_FORMAT(FMT, ARG0) \
    __attribute__((__format__(scanf, FMT, ARG0)))
/* The caller must look at the return value. */
#define OVS_WARN_UNUSED_RESULT __attribute__((__warn_unused_result__))
/* The function never returns to its caller. */
#define OVS_NO_RETURN __attribute__((__noreturn__))
#define OVS_LIKELY(CONDITION) __builtin_expect(!!(CONDITION), 1)
#define OVS_UNLIKELY(CONDITION) __builtin_expect(!!(CONDITION), 0)
/* A variadic function whose argument list must end with a null pointer. */
#define OVS_SENTINEL __attribute__((__sentinel__))
/* Runs before main(); used for static registration tables. */
#define OVS_CONSTRUCTOR(FUNC)                                   \
    static void FUNC(void) __attribute__((__constructor__));   \
    static void FUNC(void)
#define OVS_TYPEOF(OBJECT) __typeof__(OBJECT)
#define OVS_ALIGNED_STRUCT(N, TAG) struct __attribute__((aligned(N))) TAG
#define OVS_ALIGNED_VAR(N) __attribute__((aligned(N)))
#define OVS_PREFETCH(ADDR) __builtin_prefetch(ADDR)
#define OVS_FALLTHROUGH __attribute__((__fallthrough__))
#else
#define OVS_UNUSED
#define OVS_PRINTF_FORMAT(FMT, ARG0)
#define OVS_SCANF_FORMAT(FMT, ARG0)
#define OVS_WARN_UNUSED_RESULT
#define OVS_NO_RETURN
#define OVS_LIKELY(CONDITION) (!!(CONDITION))
#define OVS_UNLIKELY(CONDITION) (!!(CONDITION))
#define OVS_SENTINEL
#define OVS_TYPEOF(OBJECT) void *
#define OVS_ALIGNED_STRUCT(N, TAG) struct TAG
#define OVS_ALIGNED_VAR(N)
#define OVS_PREFETCH(ADDR)
#define OVS_FALLTHROUGH
#endif

/* Wire structures are declared with explicit padding, so "packed" is only
 * needed for the rare layout that the C alignment rules cannot express.
 * Usage: OVS_PACKED(struct foo { ... }); */
#if defined(__GNUC__) || defined(__clang__)
#define OVS_PACKED(DECL) DECL __attribute__((__packed__))
#define OVS_PACKED_ENUM __attribute__((__packed__))
#else
#define OVS_PACKED(DECL) DECL
#define OVS_PACKED_ENUM
#endif

/* Thread-safety annotations.  This code base is single-threaded, so they
 * document intent only and expand to nothing. */
#define OVS_LOCKABLE
#define OVS_GUARDED
#define OVS_GUARDED_BY(LOCK)
#define OVS_ACQUIRES(...)
#define OVS_TRY_LOCK(...)
#define OVS_RELEASES(...)
#define OVS_REQUIRES(...)
#define OVS_REQ_RDLOCK(...)
#define OVS_REQ_WRLOCK(...)
#define OVS_EXCLUDED(...)
#define OVS_NO_THREAD_SAFETY_ANALYSIS

/* Compile-time assertions.
 *
 * BUILD_ASSERT(EXPR) is an expression statement; BUILD_ASSERT_DECL(EXPR)
 * may appear wherever a declaration may (file scope included).
 * BUILD_ASSERT_TYPE(POINTER, TYPE) checks that POINTER converts to TYPE
 * without a cast. */
#define BUILD_ASSERT__(EXPR) \
    sizeof(struct { unsigned int build_assert_failed : (EXPR) ? 1 : -1; })
#define BUILD_ASSERT(EXPR) ((void) BUILD_ASSERT__(EXPR))
#define BUILD_ASSERT_DECL(EXPR) _Static_assert(EXPR, #EXPR)
#define BUILD_ASSERT_GCCONLY(EXPR) BUILD_ASSERT(EXPR)
#define BUILD_ASSERT_DECL_GCCONLY(EXPR) BUILD_ASSERT_DECL(EXPR)
#define BUILD_ASSERT_TYPE(POINTER, TYPE) \
    ((void) sizeof ((int) ((POINTER) == (TYPE) (POINTER))))

#endif /* openvswitch/compiler.h */
