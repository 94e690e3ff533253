/* Logging with per-module, per-destination verbosity.
 *
 * Every source file that logs names itself once, near the top:
 *
 *     VLOG_DEFINE_THIS_MODULE(widget);
 *
 * and then logs with VLOG_ERR(), VLOG_WARN(), VLOG_INFO(), VLOG_DBG() and
 * friends, which take printf()-style arguments.  A message goes to each
 * destination (the console, i.e. stderr; syslog; a log file) whose level for
 * that module is at least as verbose as the message's level.  Levels are
 * changed at run time from the command line (-v, --verbose) or through the
 * "vlog/set" unixctl command.
 *
 * Messages that could be triggered by remote input should be rate-limited:
 *
 *     static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(5, 20);
 *     VLOG_WARN_RL(&rl, "bad packet from %s", peer);
 *
 * The functions here may be called from any thread. */

#ifndef OPENVSWITCH_VLOG_H
#define OPENVSWITCH_VLOG_H 1

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "openvswitch/token-bucket.h"

#ifdef __cplusplus
extern "C" {
#endif

struct ds;

/* Severity levels, from "log nothing" to "log everything".  A destination
 * set to level L shows every message whose level is L or more severe. */
enum vlog_level {
    VLL_OFF,                    /* Nothing at all. */
    VLL_EMER,                   /* The program is about to die. */
    VLL_ERR,                    /* Something failed. */
    VLL_WARN,                   /* Something unusual that may be a problem. */
    VLL_INFO,                   /* Normal, interesting events. */
    VLL_DBG,                    /* Details for debugging. */
    VLL_N_LEVELS
};

const char *vlog_get_level_name(enum vlog_level);
enum vlog_level vlog_get_level_val(const char *name); /* VLL_N_LEVELS if
                                                        * unknown. */

/* Where messages go. */
enum vlog_destination {
    VLF_SYSLOG,
    VLF_CONSOLE,
    VLF_FILE,
    VLF_N_DESTINATIONS,
    VLF_ANY_DESTINATION = -1
};

const char *vlog_get_destination_name(enum vlog_destination);
enum vlog_destination vlog_get_destination_val(const char *name);
                                          /* VLF_N_DESTINATIONS if unknown. */

/* A logging module.  Define one per source file with
 * VLOG_DEFINE_THIS_MODULE; the fields are private to vlog.c. */
struct vlog_module {
    struct vlog_module *next;   /* In vlog.c's list of all modules. */
    const char *name;           /* As written in VLOG_DEFINE_THIS_MODULE. */
    int levels[VLF_N_DESTINATIONS];
    int min_level;              /* Least severe level any destination shows,
                                 * so that VLOG_IS_ENABLED is one compare. */
    bool honor_rate_limits;     /* False while debugging rate-limited
                                 * messages ("vlog/disable-rate-limit"). */
};

void vlog_insert_module(struct vlog_module *);

#define VLOG_DEFINE_MODULE__(MODULE)                                    \
    struct vlog_module VLM_##MODULE = {                                 \
        NULL, #MODULE, { VLL_INFO, VLL_INFO, VLL_INFO }, VLL_INFO, true \
    };                                                                  \
    static void init_vlm_##MODULE(void) __attribute__((constructor));   \
    static void                                                         \
    init_vlm_##MODULE(void)                                             \
    {                                                                   \
        vlog_insert_module(&VLM_##MODULE);                              \
    }

/* Defines the logging module for the current source file.  MODULE must be
 * unique in the program; it is a C identifier (e.g. ofproto_dpif). */
#define VLOG_DEFINE_THIS_MODULE(MODULE)                                 \
    VLOG_DEFINE_MODULE__(MODULE)                                        \
    static struct vlog_module *const THIS_MODULE = &VLM_##MODULE

struct vlog_module *vlog_module_from_name(const char *name);
const char *vlog_get_module_name(const struct vlog_module *);

/* Levels. */
enum vlog_level vlog_get_level(const struct vlog_module *,
                               enum vlog_destination);
void vlog_set_levels(struct vlog_module *, enum vlog_destination,
                     enum vlog_level);
bool vlog_is_enabled(const struct vlog_module *, enum vlog_level);

/* Parses and applies a settings string, as for "vlog/set" and -v:
 * space- or comma-separated words, each a module name (or "any"), a
 * destination (or "any") or a level; "PATTERN:DEST:TEXT" sets a
 * destination's line format instead.  Returns NULL on success, otherwise an
 * error message that the caller must free(). */
char *vlog_set_levels_from_string(const char *);
void vlog_set_levels_from_string_assert(const char *);

/* Returns a table of every module's level on each destination, as
 * "vlog/list" prints it.  The caller must free() it. */
char *vlog_get_levels(void);

/* Returns the patterns of each destination, one per line.  The caller must
 * free() the result. */
char *vlog_get_patterns(void);

/* Handles -v / --verbose: with no argument (NULL or ""), sets every module
 * on every destination to "dbg"; otherwise applies ARG as
 * vlog_set_levels_from_string() would, exiting with a message on error. */
void vlog_set_verbosity(const char *arg);

/* Sets the line format of DESTINATION (or of all, VLF_ANY_DESTINATION). */
void vlog_set_pattern(enum vlog_destination, const char *pattern);

/* Log file.  FILE_NAME NULL means the default, $OVS_LOGDIR/PROGRAM.log.
 * Returns 0 or a positive errno value (the error has also been logged). */
int vlog_set_log_file(const char *file_name);
int vlog_reopen_log_file(void);
void vlog_close_log_file(void);

/* Registers the unixctl commands (vlog/set, vlog/list, vlog/list-pattern,
 * vlog/reopen, vlog/close, vlog/enable-rate-limit,
 * vlog/disable-rate-limit).  Called from unixctl_server_create(), so
 * daemons need not call it; calling it again does nothing. */
void vlog_init(void);

/* Emitting messages.  MODULE is the module (THIS_MODULE in the macros).
 * vlog_fatal() logs at VLL_EMER and exits with status 1; vlog_abort() logs
 * at VLL_EMER and aborts (core dump). */
void vlog(const struct vlog_module *, enum vlog_level, const char *format,
          ...) __attribute__((format(printf, 3, 4)));
void vlog_valist(const struct vlog_module *, enum vlog_level,
                 const char *, va_list)
    __attribute__((format(printf, 3, 0)));
void vlog_fatal(const struct vlog_module *, const char *format, ...)
    __attribute__((format(printf, 2, 3), noreturn));
void vlog_fatal_valist(const struct vlog_module *, const char *, va_list)
    __attribute__((format(printf, 2, 0), noreturn));
void vlog_abort(const struct vlog_module *, const char *format, ...)
    __attribute__((format(printf, 2, 3), noreturn));
void vlog_abort_valist(const struct vlog_module *, const char *, va_list)
    __attribute__((format(printf, 2, 0), noreturn));

/* Rate limiting.  A limiter lets BURST messages through at once and then
 * RATE messages per minute on average; the rest are dropped and counted,
 * and the next message that gets through is preceded by a summary. */
struct vlog_rate_limit {
    /* A message costs VLOG_MSG_TOKENS, so that RATE messages per minute
     * earn RATE tokens per millisecond. */
    struct token_bucket bucket;
    time_t first_dropped;       /* Time of first drop in this run. */
    time_t last_dropped;        /* Time of latest drop. */
    unsigned int n_dropped;     /* Messages dropped since last report. */
};

#define VLOG_MSG_TOKENS (60ULL * 1000)

#define VLOG_RATE_LIMIT_INIT(RATE, BURST)                               \
    {                                                                   \
        TOKEN_BUCKET_INIT((RATE),                                       \
                          ((BURST) ? (BURST) : 1) * VLOG_MSG_TOKENS),   \
        0, 0, 0                                                         \
    }

/* Returns true if a message at LEVEL for MODULE must be suppressed, either
 * because no destination shows it or because RL has no credit left. */
bool vlog_should_drop(const struct vlog_module *, enum vlog_level,
                      struct vlog_rate_limit *);
void vlog_rate_limit(const struct vlog_module *, enum vlog_level,
                     struct vlog_rate_limit *, const char *, ...)
    __attribute__((format(printf, 4, 5)));

/* The logging macros proper.  Each evaluates its arguments only if the
 * message will be shown. */
#define VLOG_DBG(...) VLOG(VLL_DBG, __VA_ARGS__)
#define VLOG_INFO(...) VLOG(VLL_INFO, __VA_ARGS__)
#define VLOG_WARN(...) VLOG(VLL_WARN, __VA_ARGS__)
#define VLOG_ERR(...) VLOG(VLL_ERR, __VA_ARGS__)
#define VLOG_EMER(...) VLOG(VLL_EMER, __VA_ARGS__)

/* These two do not return. */
#define VLOG_ABORT(...) vlog_abort(THIS_MODULE, __VA_ARGS__)
#define VLOG_FATAL(...) vlog_fatal(THIS_MODULE, __VA_ARGS__)

#define VLOG_IS_ENABLED(LEVEL) (THIS_MODULE->min_level >= (int) (LEVEL))
#define VLOG_IS_EMER_ENABLED() VLOG_IS_ENABLED(VLL_EMER)
#define VLOG_IS_ERR_ENABLED() VLOG_IS_ENABLED(VLL_ERR)
#define VLOG_IS_WARN_ENABLED() VLOG_IS_ENABLED(VLL_WARN)
#define VLOG_IS_INFO_ENABLED() VLOG_IS_ENABLED(VLL_INFO)
#define VLOG_IS_DBG_ENABLED() VLOG_IS_ENABLED(VLL_DBG)

#define VLOG_ERR_RL(RL, ...) VLOG_RL(RL, VLL_ERR, __VA_ARGS__)
#define VLOG_WARN_RL(RL, ...) VLOG_RL(RL, VLL_WARN, __VA_ARGS__)
#define VLOG_INFO_RL(RL, ...) VLOG_RL(RL, VLL_INFO, __VA_ARGS__)
#define VLOG_DBG_RL(RL, ...) VLOG_RL(RL, VLL_DBG, __VA_ARGS__)

/* Logs only the first time control reaches it (per process). */
#define VLOG_ERR_ONCE(...) VLOG_ONCE(VLL_ERR, __VA_ARGS__)
#define VLOG_WARN_ONCE(...) VLOG_ONCE(VLL_WARN, __VA_ARGS__)
#define VLOG_INFO_ONCE(...) VLOG_ONCE(VLL_INFO, __VA_ARGS__)
#define VLOG_DBG_ONCE(...) VLOG_ONCE(VLL_DBG, __VA_ARGS__)

#define VLOG(LEVEL, ...)                                        \
    do {                                                        \
        int level__ = (LEVEL);                                  \
        if (THIS_MODULE->min_level >= level__) {                \
            vlog(THIS_MODULE, level__, __VA_ARGS__);            \
        }                                                       \
    } while (0)
#define VLOG_RL(RL, LEVEL, ...)                                 \
    do {                                                        \
        int level__ = (LEVEL);                                  \
        if (THIS_MODULE->min_level >= level__) {                \
            vlog_rate_limit(THIS_MODULE, level__, RL,           \
                            __VA_ARGS__);                       \
        }                                                       \
    } while (0)
#define VLOG_ONCE(LEVEL, ...)                                   \
    do {                                                        \
        static bool done__;                                     \
        if (!done__) {                                          \
            done__ = true;                                      \
            VLOG(LEVEL, __VA_ARGS__);                           \
        }                                                       \
    } while (0)

/* Command-line integration.  In a program's option parsing:
 *
 *     enum { VLOG_OPTION_ENUMS, ... };
 *     static const struct option long_options[] = {
 *         VLOG_LONG_OPTIONS,
 *         ...
 *     };
 *     ... "v::" in the short options ...
 *     switch (c) {
 *         VLOG_OPTION_HANDLERS
 *         ...
 *     }
 */
#define VLOG_OPTION_ENUMS                       \
        OPT_LOG_FILE = UCHAR_MAX + 1024
#define VLOG_LONG_OPTIONS                                       \
        {"verbose",  optional_argument, NULL, 'v'},             \
        {"log-file", optional_argument, NULL, OPT_LOG_FILE}
#define VLOG_OPTION_HANDLERS \
    case OPT_LOG_FILE: vlog_set_log_file(optarg); break; \
    case 'v': vlog_set_verbosity(optarg); break;

/* Prints the usage text for the options above to stdout. */
void vlog_usage(void);

#ifdef __cplusplus
}
#endif

#endif /* openvswitch/vlog.h */
