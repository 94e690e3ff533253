/* Logging: modules, levels, destinations, patterns, rate limits.
 *
 * Each source file that logs is a "module" (VLOG_DEFINE_THIS_MODULE), and
 * each module has a level per destination: the console (stderr), syslog and
 * a log file.  A message is written to a destination when the module's level
 * there is at least as verbose as the message.  To make the common case of a
 * suppressed debug message cost one comparison, every module caches in
 * 'min_level' the most verbose level that any live destination shows (the
 * file counts only while a log file is open).
 *
 * A message becomes a line through its destination's pattern, a small
 * printf-like language ("%D{%H:%M:%S}|%05N|%c|%p|%m") whose escapes stand for
 * the time, the message number, the module, the level, the message itself
 * and so on.  Every message has one serial number, whatever the number of
 * destinations it goes to, so lines in different destinations correlate.
 *
 * Rate limits are token buckets: a message spends a token; tokens come back
 * at the configured rate up to the burst size.  Dropped messages are counted
 * and summed up in one line when a message next gets through.
 *
 * All state here is protected by one recursive mutex, so any thread may log,
 * and logging from within the logging code (e.g. "opened log file") works. */

#include <config.h>
#include "openvswitch/vlog.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "dirs.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "timeval.h"
#include "unixctl.h"

VLOG_DEFINE_THIS_MODULE(vlog);

/* Everything below is guarded by this lock. */
static pthread_mutex_t log_mutex = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* All modules, sorted by name. */
static struct vlog_module *all_modules;

/* Level names, as accepted in settings and as printed in log lines. */
static const char *const level_names[VLL_N_LEVELS] = {
    "off", "emer", "err", "warn", "info", "dbg"
};
static const char *const level_names_upper[VLL_N_LEVELS] = {
    "OFF", "EMER", "ERR", "WARN", "INFO", "DBG"
};

/* syslog(3) priority of each level. */
static const int level_syslog_priority[VLL_N_LEVELS] = {
    LOG_ALERT, LOG_ALERT, LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_DEBUG
};

struct destination {
    const char *name;
    const char *default_pattern;
    char *pattern;              /* Current pattern, owned, or NULL for the
                                 * default. */
};

static struct destination destinations[VLF_N_DESTINATIONS] = {
    [VLF_SYSLOG] = { "syslog", "ovs|%05N|%c%T|%p|%m", NULL },
    [VLF_CONSOLE] = { "console", "%D{%Y-%m-%dT%H:%M:%SZ}|%05N|%c%T|%p|%m",
                      NULL },
    [VLF_FILE] = { "file", "%D{%Y-%m-%dT%H:%M:%S.###Z}|%05N|%c%T|%p|%m",
                   NULL },
};

/* The log file.  'log_file_name' stays set after vlog/close, so that
 * vlog/reopen can open the file again. */
static char *log_file_name;
static int log_fd = -1;

/* Serial number of the last message. */
static unsigned int msg_num;

/* syslog(3) state. */
static bool syslog_opened;

static void update_min_level(struct vlog_module *);
static void update_all_min_levels(void);

/* ------------------------------------------------------------------ */
/* Names. */

/* Returns the lowercase name of LEVEL ("off", "emer", ...). */
const char *
vlog_get_level_name(enum vlog_level level)
{
    return level < VLL_N_LEVELS ? level_names[level] : "<invalid>";
}

/* Returns the level named NAME (case-insensitive), or VLL_N_LEVELS. */
enum vlog_level
vlog_get_level_val(const char *name)
{
    int i;

    for (i = 0; i < VLL_N_LEVELS; i++) {
        if (!strcasecmp(level_names[i], name)) {
            return i;
        }
    }
    return VLL_N_LEVELS;
}

const char *
vlog_get_destination_name(enum vlog_destination destination)
{
    return (destination >= 0 && destination < VLF_N_DESTINATIONS
            ? destinations[destination].name : "<invalid>");
}

/* Returns the destination named NAME (case-insensitive), or
 * VLF_ANY_DESTINATION for "any", or VLF_N_DESTINATIONS if unknown. */
enum vlog_destination
vlog_get_destination_val(const char *name)
{
    int i;

    for (i = 0; i < VLF_N_DESTINATIONS; i++) {
        if (!strcasecmp(destinations[i].name, name)) {
            return i;
        }
    }
    return !strcasecmp(name, "any") ? VLF_ANY_DESTINATION
                                    : VLF_N_DESTINATIONS;
}

/* ------------------------------------------------------------------ */
/* Modules and levels. */

/* Adds MODULE to the list of modules.  Called from constructors that
 * VLOG_DEFINE_THIS_MODULE generates, before main(). */
void
vlog_insert_module(struct vlog_module *module)
{
    struct vlog_module **p;

    pthread_mutex_lock(&log_mutex);
    for (p = &all_modules; *p && strcmp((*p)->name, module->name) < 0;
         p = &(*p)->next) {
        continue;
    }
    module->next = *p;
    *p = module;
    update_min_level(module);
    pthread_mutex_unlock(&log_mutex);
}

/* Returns the module named NAME (case-insensitive), or NULL. */
struct vlog_module *
vlog_module_from_name(const char *name)
{
    struct vlog_module *module;

    for (module = all_modules; module; module = module->next) {
        if (!strcasecmp(module->name, name)) {
            return module;
        }
    }
    return NULL;
}

const char *
vlog_get_module_name(const struct vlog_module *module)
{
    return module->name;
}

enum vlog_level
vlog_get_level(const struct vlog_module *module,
               enum vlog_destination destination)
{
    ovs_assert(destination >= 0 && destination < VLF_N_DESTINATIONS);
    return module->levels[destination];
}

static void
update_min_level(struct vlog_module *module)
{
    int min = VLL_OFF;
    int d;

    for (d = 0; d < VLF_N_DESTINATIONS; d++) {
        if (d == VLF_FILE && log_fd < 0) {
            continue;
        }
        if (module->levels[d] > min) {
            min = module->levels[d];
        }
    }
    module->min_level = min;
}

static void
update_all_min_levels(void)
{
    struct vlog_module *module;

    for (module = all_modules; module; module = module->next) {
        update_min_level(module);
    }
}

static void
set_module_level(struct vlog_module *module,
                 enum vlog_destination destination, enum vlog_level level)
{
    if (destination == VLF_ANY_DESTINATION) {
        int d;

        for (d = 0; d < VLF_N_DESTINATIONS; d++) {
            module->levels[d] = level;
        }
    } else {
        module->levels[destination] = level;
    }
    update_min_level(module);
}

/* Sets the level of MODULE (every module, if NULL) on DESTINATION (every
 * destination, if VLF_ANY_DESTINATION) to LEVEL. */
void
vlog_set_levels(struct vlog_module *module, enum vlog_destination destination,
                enum vlog_level level)
{
    ovs_assert(destination == VLF_ANY_DESTINATION
               || (destination >= 0 && destination < VLF_N_DESTINATIONS));
    ovs_assert(level < VLL_N_LEVELS);

    pthread_mutex_lock(&log_mutex);
    if (module) {
        set_module_level(module, destination, level);
    } else {
        for (module = all_modules; module; module = module->next) {
            set_module_level(module, destination, level);
        }
    }
    pthread_mutex_unlock(&log_mutex);
}

/* Returns true if a message at LEVEL from MODULE would go anywhere. */
bool
vlog_is_enabled(const struct vlog_module *module, enum vlog_level level)
{
    return module->min_level >= (int) level;
}

/* ------------------------------------------------------------------ */
/* Patterns. */

static const char *
destination_pattern(enum vlog_destination destination)
{
    const struct destination *d = &destinations[destination];

    return d->pattern ? d->pattern : d->default_pattern;
}

static void
set_pattern(enum vlog_destination destination, const char *pattern)
{
    struct destination *d = &destinations[destination];

    free(d->pattern);
    d->pattern = (strcmp(pattern, d->default_pattern)
                  ? xstrdup(pattern) : NULL);
}

/* Sets the pattern of DESTINATION (of all of them, if VLF_ANY_DESTINATION)
 * to PATTERN, which is copied. */
void
vlog_set_pattern(enum vlog_destination destination, const char *pattern)
{
    pthread_mutex_lock(&log_mutex);
    if (destination == VLF_ANY_DESTINATION) {
        int d;

        for (d = 0; d < VLF_N_DESTINATIONS; d++) {
            set_pattern(d, pattern);
        }
    } else {
        ovs_assert(destination >= 0 && destination < VLF_N_DESTINATIONS);
        set_pattern(destination, pattern);
    }
    pthread_mutex_unlock(&log_mutex);
}

/* Returns each destination's pattern on a line of its own, as
 * "DESTINATION: PATTERN".  The caller must free() the result. */
char *
vlog_get_patterns(void)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    int d;

    pthread_mutex_lock(&log_mutex);
    for (d = 0; d < VLF_N_DESTINATIONS; d++) {
        ds_put_format(&s, "%s: %s\n", destinations[d].name,
                      destination_pattern(d));
    }
    pthread_mutex_unlock(&log_mutex);
    return ds_steal_cstr(&s);
}

static const char *
local_host_name(void)
{
    static char host_name[256];

    if (!host_name[0] && gethostname(host_name, sizeof host_name - 1)) {
        ovs_strlcpy(host_name, "localhost", sizeof host_name);
    }
    return host_name;
}

/* Expands PATTERN for a message MESSAGE at LEVEL from MODULE into S.
 *
 * Each escape is '%', optional '-' (justify left), an optional field width
 * (a leading '0' pads numbers with zeros), and a letter; a '{...}' argument
 * may follow the letters that take one. */
static void
format_log_line(const struct vlog_module *module, enum vlog_level level,
                const char *pattern, const char *message,
                unsigned int serial, struct ds *s)
{
    const char *p;

    for (p = pattern; *p; ) {
        const char *subprogram;
        bool left = false;
        bool zero = false;
        size_t start;
        int width = 0;
        size_t len;

        if (*p != '%') {
            ds_put_char(s, *p++);
            continue;
        }
        p++;
        if (*p == '-') {
            left = true;
            p++;
        }
        if (*p == '0') {
            zero = true;
            p++;
        }
        while (isdigit((unsigned char) *p)) {
            int digit = *p++ - '0';

            width = MIN(width * 10 + digit, 1000);
        }

        start = s->length;
        switch (*p) {
        case 'A':
            ds_put_cstr(s, program_name ? program_name : "ovs");
            break;
        case 'B':
            /* RFC 5424 priority value, facility local0. */
            ds_put_format(s, "%d",
                          LOG_LOCAL0 + level_syslog_priority[level]);
            break;
        case 'c':
            ds_put_cstr(s, module->name);
            break;
        case 'd':
        case 'D': {
            bool utc = *p == 'D';
            const char *format = "%Y-%m-%d %H:%M:%S.###";
            char *custom = NULL;

            if (p[1] == '{') {
                const char *end = strchr(p + 2, '}');

                if (end) {
                    custom = xmemdup0(p + 2, end - (p + 2));
                    format = custom;
                    p = end;
                }
            }
            ds_put_strftime_msec(s, format, time_wall_msec(), utc);
            free(custom);
            break;
        }
        case 'E':
            ds_put_cstr(s, local_host_name());
            break;
        case 'm':
            ds_put_cstr(s, message);
            break;
        case 'N':
            ds_put_format(s, "%u", serial);
            break;
        case 'n':
            ds_put_cstr(s, "\n");
            break;
        case 'p':
            ds_put_cstr(s, level_names_upper[level]);
            break;
        case 'P':
            ds_put_format(s, "%lld", (long long int) getpid());
            break;
        case 'r':
            /* Milliseconds since the program started. */
            ds_put_format(s, "%lld", -time_boot_msec() + time_msec());
            break;
        case 't':
            subprogram = get_subprogram_name();
            ds_put_cstr(s, subprogram && subprogram[0] ? subprogram : "main");
            break;
        case 'T':
            subprogram = get_subprogram_name();
            if (subprogram && subprogram[0]) {
                ds_put_format(s, "(%s)", subprogram);
            }
            break;
        case '\0':
            /* A '%' at the very end stands for itself. */
            ds_put_char(s, '%');
            continue;
        default:
            ds_put_char(s, *p);
            break;
        }
        p++;

        len = s->length - start;
        if (len < width) {
            size_t pad = width - len;

            if (left) {
                ds_put_char_multiple(s, ' ', pad);
            } else {
                char *field = xmemdup0(s->string + start, len);

                ds_truncate(s, start);
                ds_put_char_multiple(s, zero ? '0' : ' ', pad);
                ds_put_buffer(s, field, len);
                free(field);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* The log file. */

/* Writes all of S to FD, giving up silently on errors (there is nowhere to
 * report them). */
static void
write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t retval = write(fd, s, n);

        if (retval > 0) {
            s += retval;
            n -= retval;
        } else if (retval < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
}

/* Returns an absolute version of NAME (relative names are taken relative
 * to the current directory, so that a later chdir("/") by daemonize
 * leaves it valid).  The caller must free() the result. */
static char *
absolute_file_name(const char *name)
{
    char *cwd;
    char *result;

    if (name[0] == '/') {
        return xstrdup(name);
    }
    cwd = getcwd(NULL, 0);
    if (!cwd) {
        return xstrdup(name);
    }
    result = xasprintf("%s/%s", cwd, name);
    free(cwd);
    return result;
}

/* Opens FILE_NAME (or, if NULL, $OVS_LOGDIR/PROGRAM.log) as the log file,
 * replacing any log file already open.  Returns 0 on success, otherwise a
 * positive errno value; then the old log file (if any) stays in use and a
 * warning is logged. */
int
vlog_set_log_file(const char *file_name)
{
    char *new_name;
    int new_fd;

    new_name = (file_name && file_name[0]
                ? absolute_file_name(file_name)
                : xasprintf("%s/%s.log", ovs_logdir(),
                            program_name ? program_name : "ovs"));

    pthread_mutex_lock(&log_mutex);

    /* Nothing to do if that very file is already open. */
    if (log_fd >= 0 && log_file_name && !strcmp(new_name, log_file_name)) {
        struct stat a, b;

        if (!stat(new_name, &a) && !fstat(log_fd, &b)
            && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            pthread_mutex_unlock(&log_mutex);
            free(new_name);
            return 0;
        }
    }

    new_fd = open(new_name, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0660);
    if (new_fd < 0) {
        int error = errno;

        pthread_mutex_unlock(&log_mutex);
        VLOG_WARN("failed to open %s for logging: %s", new_name,
                  ovs_strerror(error));
        free(new_name);
        return error;
    }

    if (log_fd >= 0) {
        VLOG_INFO("closing log file");
        close(log_fd);
    }
    free(log_file_name);
    log_file_name = new_name;
    log_fd = new_fd;
    update_all_min_levels();
    pthread_mutex_unlock(&log_mutex);

    VLOG_INFO("opened log file %s", new_name);
    return 0;
}

/* Opens the log file again under its name, e.g. after log rotation moved
 * the old one away.  Does nothing if the name still refers to the open
 * file.  Returns 0 or a positive errno value (also if no log file was ever
 * configured: ENOENT). */
int
vlog_reopen_log_file(void)
{
    char *name;
    int error;

    pthread_mutex_lock(&log_mutex);
    name = nullable_xstrdup(log_file_name);
    pthread_mutex_unlock(&log_mutex);

    if (!name) {
        return ENOENT;
    }
    error = vlog_set_log_file(name);
    free(name);
    return error;
}

/* Closes the log file, if one is open.  Its name is remembered for
 * vlog_reopen_log_file(). */
void
vlog_close_log_file(void)
{
    pthread_mutex_lock(&log_mutex);
    if (log_fd >= 0) {
        close(log_fd);
        log_fd = -1;
        update_all_min_levels();
    }
    pthread_mutex_unlock(&log_mutex);
}

/* ------------------------------------------------------------------ */
/* Settings from strings. */

/* Applies one "PATTERN:DESTINATION:PATTERN" setting; REST is the part after
 * the first colon.  Returns NULL or an error message (caller frees). */
static char *
set_pattern_from_string(char *rest)
{
    enum vlog_destination destination;
    char *colon;

    if (!rest || !rest[0]) {
        return xstrdup("missing destination");
    }
    colon = strchr(rest, ':');
    if (colon) {
        *colon = '\0';
    }
    destination = vlog_get_destination_val(rest);
    if (destination == VLF_N_DESTINATIONS) {
        return xasprintf("unknown destination \"%s\"", rest);
    }
    if (!colon) {
        return xstrdup("missing pattern");
    }
    vlog_set_pattern(destination, colon + 1);
    return NULL;
}

/* Parses and applies S (see vlog.h).  Returns NULL on success, otherwise an
 * error message that the caller must free(); then nothing was changed. */
char *
vlog_set_levels_from_string(const char *s_)
{
    char *s = xstrdup(s_);
    enum vlog_destination destination = VLF_ANY_DESTINATION;
    enum vlog_level level = VLL_N_LEVELS;
    struct vlog_module *module = NULL;
    bool have_destination = false;
    char *error = NULL;
    char *save_ptr = NULL;
    char *word;
    size_t prefix;

    /* "PATTERN:..." is a different kind of setting. */
    prefix = strcspn(s, ":");
    if (prefix == 7 && !strncasecmp(s, "pattern", 7)) {
        error = set_pattern_from_string(s[7] ? s + 8 : NULL);
        free(s);
        return error;
    }

    for (word = strtok_r(s, " ,:\t", &save_ptr); word;
         word = strtok_r(NULL, " ,:\t", &save_ptr)) {
        enum vlog_destination d;
        enum vlog_level l;
        struct vlog_module *m;

        if (!strcasecmp(word, "any")) {
            continue;
        }

        d = vlog_get_destination_val(word);
        if (d != VLF_N_DESTINATIONS) {
            if (have_destination) {
                error = xstrdup("cannot specify multiple destinations");
                break;
            }
            have_destination = true;
            destination = d;
            continue;
        }

        l = vlog_get_level_val(word);
        if (l != VLL_N_LEVELS) {
            if (level != VLL_N_LEVELS) {
                error = xstrdup("cannot specify multiple levels");
                break;
            }
            level = l;
            continue;
        }

        m = vlog_module_from_name(word);
        if (m) {
            if (module) {
                error = xstrdup("cannot specify multiple modules");
                break;
            }
            module = m;
            continue;
        }

        error = xasprintf("no destination, level, or module \"%s\"", word);
        break;
    }

    if (!error) {
        vlog_set_levels(module, destination,
                        level == VLL_N_LEVELS ? VLL_DBG : level);
    }
    free(s);
    return error;
}

/* Like vlog_set_levels_from_string(), but aborts on error.  For settings
 * that are constants in the program. */
void
vlog_set_levels_from_string_assert(const char *s)
{
    char *error = vlog_set_levels_from_string(s);

    if (error) {
        ovs_abort(0, "%s", error);
    }
}

/* Handles -v[SPEC] / --verbose[=SPEC]. */
void
vlog_set_verbosity(const char *arg)
{
    if (arg && arg[0]) {
        char *error = vlog_set_levels_from_string(arg);

        if (error) {
            ovs_fatal(0, "processing \"%s\": %s", arg, error);
        }
    } else {
        vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_DBG);
    }
}

/* Returns the table that "vlog/list" prints.  The caller must free() it. */
char *
vlog_get_levels(void)
{
    struct ds s = DS_EMPTY_INITIALIZER;
    const struct vlog_module *module;

    ds_put_cstr(&s, "                 console    syslog    file\n");
    ds_put_cstr(&s, "                 -------    ------    ------\n");

    pthread_mutex_lock(&log_mutex);
    for (module = all_modules; module; module = module->next) {
        ds_put_format(&s, "%-16s  %4s       %4s       %4s",
                      module->name,
                      level_names_upper[module->levels[VLF_CONSOLE]],
                      level_names_upper[module->levels[VLF_SYSLOG]],
                      level_names_upper[module->levels[VLF_FILE]]);
        if (!module->honor_rate_limits) {
            ds_put_cstr(&s, "    (rate limiting disabled)");
        }
        ds_put_char(&s, '\n');
    }
    pthread_mutex_unlock(&log_mutex);

    return ds_steal_cstr(&s);
}

/* ------------------------------------------------------------------ */
/* Emitting messages. */

static void
send_to_syslog(enum vlog_level level, const char *line)
{
    const char *method = getenv("OVS_SYSLOG_METHOD");

    if (method && !strcmp(method, "null")) {
        return;
    }
    if (!syslog_opened) {
        openlog(program_name ? program_name : "ovs", LOG_NDELAY, LOG_DAEMON);
        syslog_opened = true;
    }
    syslog(level_syslog_priority[level], "%s", line);
}

/* Writes MESSAGE (printf FORMAT with ARGS) at LEVEL from MODULE to every
 * destination that wants it.  errno is preserved. */
void
vlog_valist(const struct vlog_module *module, enum vlog_level level,
            const char *format, va_list args)
{
    bool to_console = module->levels[VLF_CONSOLE] >= level;
    bool to_syslog = module->levels[VLF_SYSLOG] >= level;
    bool to_file;
    struct ds message = DS_EMPTY_INITIALIZER;
    struct ds line = DS_EMPTY_INITIALIZER;
    int save_errno = errno;
    unsigned int serial;

    if (level == VLL_OFF || level >= VLL_N_LEVELS) {
        return;
    }

    pthread_mutex_lock(&log_mutex);
    to_file = log_fd >= 0 && module->levels[VLF_FILE] >= level;
    if (!to_console && !to_syslog && !to_file) {
        pthread_mutex_unlock(&log_mutex);
        return;
    }

    errno = save_errno;         /* For "%m" in FORMAT, if anyone uses it. */
    ds_put_format_valist(&message, format, args);
    serial = ++msg_num;

    if (to_console) {
        ds_clear(&line);
        format_log_line(module, level, destination_pattern(VLF_CONSOLE),
                        ds_cstr(&message), serial, &line);
        ds_put_char(&line, '\n');
        write_all(STDERR_FILENO, line.string, line.length);
    }
    if (to_syslog) {
        ds_clear(&line);
        format_log_line(module, level, destination_pattern(VLF_SYSLOG),
                        ds_cstr(&message), serial, &line);
        send_to_syslog(level, ds_cstr(&line));
    }
    if (to_file) {
        ds_clear(&line);
        format_log_line(module, level, destination_pattern(VLF_FILE),
                        ds_cstr(&message), serial, &line);
        ds_put_char(&line, '\n');
        write_all(log_fd, line.string, line.length);
    }
    pthread_mutex_unlock(&log_mutex);

    ds_destroy(&message);
    ds_destroy(&line);
    errno = save_errno;
}

void
vlog(const struct vlog_module *module, enum vlog_level level,
     const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vlog_valist(module, level, format, args);
    va_end(args);
}

/* Logs at VLL_EMER and exits with status 1.  If the message would not be
 * shown anywhere (e.g. a detached daemon with no log file), it is written
 * to stderr the way ovs_fatal() does, so that it is never lost. */
void
vlog_fatal_valist(const struct vlog_module *module, const char *format,
                  va_list args)
{
    if (module->min_level >= VLL_EMER) {
        vlog_valist(module, VLL_EMER, format, args);
    } else {
        ovs_error_valist(0, format, args);
    }
    exit(1);
}

void
vlog_fatal(const struct vlog_module *module, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vlog_fatal_valist(module, format, args);
}

/* Logs at VLL_EMER and aborts. */
void
vlog_abort_valist(const struct vlog_module *module, const char *format,
                  va_list args)
{
    if (module->min_level >= VLL_EMER) {
        vlog_valist(module, VLL_EMER, format, args);
    } else {
        ovs_error_valist(0, format, args);
    }
    abort();
}

void
vlog_abort(const struct vlog_module *module, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vlog_abort_valist(module, format, args);
}

/* ------------------------------------------------------------------ */
/* Rate limiting. */

/* Returns true if a message at LEVEL from MODULE, rate-limited by RL,
 * should not be logged.  When it should be logged and earlier messages
 * were dropped, first logs how many. */
bool
vlog_should_drop(const struct vlog_module *module, enum vlog_level level,
                 struct vlog_rate_limit *rl)
{
    unsigned int n_dropped;
    time_t first_dropped, last_dropped;

    if (!vlog_is_enabled(module, level)) {
        return true;
    }
    if (!module->honor_rate_limits) {
        return false;
    }

    pthread_mutex_lock(&log_mutex);
    if (!token_bucket_withdraw(&rl->bucket, VLOG_MSG_TOKENS, time_msec())) {
        time_t now_sec = time_now();

        if (!rl->n_dropped++) {
            rl->first_dropped = now_sec;
        }
        rl->last_dropped = now_sec;
        pthread_mutex_unlock(&log_mutex);
        return true;
    }
    n_dropped = rl->n_dropped;
    first_dropped = rl->first_dropped;
    last_dropped = rl->last_dropped;
    rl->n_dropped = 0;
    pthread_mutex_unlock(&log_mutex);

    if (n_dropped) {
        time_t now_sec = time_now();

        vlog(module, level,
             "Dropped %u log messages in last %lld seconds (most recently, "
             "%lld seconds ago) due to excessive rate", n_dropped,
             (long long int) (now_sec - first_dropped),
             (long long int) (now_sec - last_dropped));
    }
    return false;
}

void
vlog_rate_limit(const struct vlog_module *module, enum vlog_level level,
                struct vlog_rate_limit *rl, const char *format, ...)
{
    if (!vlog_should_drop(module, level, rl)) {
        va_list args;

        va_start(args, format);
        vlog_valist(module, level, format, args);
        va_end(args);
    }
}

/* ------------------------------------------------------------------ */
/* unixctl commands. */

static void
vlog_unixctl_set(struct unixctl_conn *conn, int argc, const char *argv[],
                 void *aux OVS_UNUSED)
{
    int i;

    if (argc == 1) {
        vlog_set_levels(NULL, VLF_ANY_DESTINATION, VLL_DBG);
    }
    for (i = 1; i < argc; i++) {
        char *error = vlog_set_levels_from_string(argv[i]);

        if (error) {
            unixctl_command_reply_error(conn, error);
            free(error);
            return;
        }
    }
    unixctl_command_reply(conn, NULL);
}

/* vlog/list. */
static void
vlog_unixctl_list(struct unixctl_conn *conn, int argc OVS_UNUSED,
                  const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    char *levels = vlog_get_levels();

    unixctl_command_reply(conn, levels);
    free(levels);
}

static void
vlog_unixctl_list_pattern(struct unixctl_conn *conn, int argc OVS_UNUSED,
                          const char *argv[] OVS_UNUSED,
                          void *aux OVS_UNUSED)
{
    char *patterns = vlog_get_patterns();

    unixctl_command_reply(conn, patterns);
    free(patterns);
}

static void
vlog_unixctl_reopen(struct unixctl_conn *conn, int argc OVS_UNUSED,
                    const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    bool configured;

    pthread_mutex_lock(&log_mutex);
    configured = log_file_name != NULL;
    pthread_mutex_unlock(&log_mutex);

    if (!configured) {
        unixctl_command_reply_error(conn, "Logging to file not configured");
    } else {
        int error = vlog_reopen_log_file();

        if (error) {
            unixctl_command_reply_error(conn, ovs_strerror(error));
        } else {
            unixctl_command_reply(conn, NULL);
        }
    }
}

static void
vlog_unixctl_close(struct unixctl_conn *conn, int argc OVS_UNUSED,
                   const char *argv[] OVS_UNUSED, void *aux OVS_UNUSED)
{
    vlog_close_log_file();
    unixctl_command_reply(conn, NULL);
}

static void
vlog_unixctl_rate_limit(struct unixctl_conn *conn, int argc,
                        const char *argv[], void *enable_)
{
    bool enable = enable_ != NULL;
    struct vlog_module *module;
    int i;

    /* Check every name before changing anything. */
    for (i = 1; i < argc; i++) {
        if (!vlog_module_from_name(argv[i])) {
            char *error = xasprintf("unknown module \"%s\"", argv[i]);

            unixctl_command_reply_error(conn, error);
            free(error);
            return;
        }
    }

    pthread_mutex_lock(&log_mutex);
    if (argc == 1) {
        for (module = all_modules; module; module = module->next) {
            module->honor_rate_limits = enable;
        }
    }
    for (i = 1; i < argc; i++) {
        vlog_module_from_name(argv[i])->honor_rate_limits = enable;
    }
    pthread_mutex_unlock(&log_mutex);
    unixctl_command_reply(conn, NULL);
}

void
vlog_init(void)
{
    static bool registered;

    if (registered) {
        return;
    }
    registered = true;

    unixctl_command_register("vlog/set",
                             "{spec | PATTERN:destination:pattern}",
                             0, INT_MAX, vlog_unixctl_set, NULL);
    unixctl_command_register("vlog/list-pattern", "", 0, 0,
                             vlog_unixctl_list_pattern, NULL);
    unixctl_command_register("vlog/list", "", 0, 0,
                             vlog_unixctl_list, NULL);
    unixctl_command_register("vlog/reopen", "", 0, 0, vlog_unixctl_reopen,
                             NULL);
    unixctl_command_register("vlog/close", "", 0, 0, vlog_unixctl_close,
                             NULL);
    unixctl_command_register("vlog/enable-rate-limit", "[module]...",
                             0, INT_MAX, vlog_unixctl_rate_limit,
                             (void *) 1);
    unixctl_command_register("vlog/disable-rate-limit", "[module]...",
                             0, INT_MAX, vlog_unixctl_rate_limit, NULL);
}

/* Prints the usage of the logging options. */
void
vlog_usage(void)
{
    printf("\nLogging options:\n"
           "  -vSPEC, --verbose=SPEC   set logging levels, where SPEC is\n"
           "                           [MODULE][:DESTINATION][:LEVEL]\n"
           "                           or PATTERN:DESTINATION:PATTERN\n"
           "  -v, --verbose            log everything (level dbg) everywhere\n"
           "  --log-file[=FILE]        also log to FILE\n"
           "                           (default: %s/%s.log)\n",
           ovs_logdir(), program_name ? program_name : "PROGRAM");
}
