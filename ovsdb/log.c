/* The OVSDB log: an append-only file of JSON records.
 *
 * The whole file is read into memory when it is opened (the database is
 * about to be loaded into memory anyway), which makes parsing simple and
 * lets a damaged tail be found before anything is appended.  Appends go
 * straight to the file descriptor with write(), so that a record reaches
 * the kernel before a client hears that its transaction committed: killing
 * the process cannot lose it.  fsync() on top of that, for "durable"
 * commits, protects against losing power.
 *
 * Replacing the file (compaction) writes a temporary file next to it,
 * syncs it, and renames it over the old one, so that a crash at any moment
 * leaves either the old file or the new one. */

#include <config.h>
#include "log.h"
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "openvswitch/dynamic-string.h"
#include "openvswitch/json.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(ovsdb_log);

#define MAGIC "OVSDB JSON"
#define SHA1_HEX_LEN 40

struct ovsdb_log {
    char *name;
    int fd;                     /* -1 if closed. */
    int lock_fd;                /* -1 if not locked. */
    bool writable;

    char *data;                 /* Whole file as read at open. */
    size_t size;                /* Bytes in 'data'. */
    size_t read_ofs;            /* Where the next read starts. */

    off_t good_ofs;             /* End of the last valid record. */
    off_t file_size;            /* Actual size of the file. */
    char *tail_problem;         /* Why reading stopped early, or NULL. */
};

static void
sha1_hex(const char *data, size_t n, char hex[SHA1_HEX_LEN + 1])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    EVP_Digest(data, n, md, &md_len, EVP_sha1(), NULL);
    for (unsigned int i = 0; i < md_len && i < SHA1_HEX_LEN / 2; i++) {
        snprintf(&hex[i * 2], 3, "%02x", md[i]);
    }
    hex[SHA1_HEX_LEN] = '\0';
}

static char *
lock_file_name(const char *name)
{
    char *copy1 = xstrdup(name), *copy2 = xstrdup(name);
    char *lock = xasprintf("%s/.%s.~lock~", dirname(copy1), basename(copy2));
    free(copy1);
    free(copy2);
    return lock;
}

static struct ovsdb_error *
take_lock(const char *name, int *lock_fdp)
{
    char *lock_name = lock_file_name(name);
    int fd = open(lock_name, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        struct ovsdb_error *error = ovsdb_io_error(errno, "%s: failed to "
                                                   "open lock file",
                                                   lock_name);
        free(lock_name);
        return error;
    }
    struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    if (fcntl(fd, F_SETLK, &l) < 0) {
        int err = errno;
        close(fd);
        struct ovsdb_error *error = ovsdb_io_error(
            err, "%s: failed to lock lockfile", lock_name);
        free(lock_name);
        return error;
    }
    free(lock_name);
    *lock_fdp = fd;
    return NULL;
}

static struct ovsdb_error *
read_whole_file(int fd, const char *name, char **datap, size_t *sizep)
{
    size_t size = 0, allocated = 65536;
    char *data = xmalloc(allocated);
    for (;;) {
        if (size == allocated) {
            allocated *= 2;
            data = xrealloc(data, allocated);
        }
        ssize_t n = read(fd, data + size, allocated - size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            free(data);
            return ovsdb_io_error(errno, "%s: read failed", name);
        } else if (!n) {
            break;
        }
        size += n;
    }
    *datap = data;
    *sizep = size;
    return NULL;
}

struct ovsdb_error *
ovsdb_log_open(const char *name, enum ovsdb_log_open_mode mode,
               struct ovsdb_log **logp)
{
    *logp = NULL;

    int lock_fd = -1;
    if (mode != OVSDB_LOG_READ_ONLY) {
        struct ovsdb_error *error = take_lock(name, &lock_fd);
        if (error) {
            return error;
        }
    }

    int flags = (mode == OVSDB_LOG_READ_ONLY ? O_RDONLY
                 : mode == OVSDB_LOG_READ_WRITE ? O_RDWR
                 : mode == OVSDB_LOG_CREATE_EXCL ? O_RDWR | O_CREAT | O_EXCL
                 : O_RDWR | O_CREAT | O_TRUNC);
    int fd = open(name, flags | O_CLOEXEC, 0666);
    if (fd < 0) {
        int err = errno;
        if (lock_fd >= 0) {
            close(lock_fd);
        }
        return ovsdb_io_error(err, "%s: %s failed", name,
                              (flags & O_CREAT) ? "create" : "open");
    }

    char *data = NULL;
    size_t size = 0;
    struct ovsdb_error *error = read_whole_file(fd, name, &data, &size);
    if (error) {
        close(fd);
        if (lock_fd >= 0) {
            close(lock_fd);
        }
        return error;
    }

    struct ovsdb_log *log = xzalloc(sizeof *log);
    log->name = xstrdup(name);
    log->fd = fd;
    log->lock_fd = lock_fd;
    log->writable = mode != OVSDB_LOG_READ_ONLY;
    log->data = data;
    log->size = size;
    log->file_size = size;
    *logp = log;
    return NULL;
}

void
ovsdb_log_close(struct ovsdb_log *log)
{
    if (log) {
        if (log->fd >= 0) {
            close(log->fd);
        }
        if (log->lock_fd >= 0) {
            close(log->lock_fd);
        }
        free(log->data);
        free(log->tail_problem);
        free(log->name);
        free(log);
    }
}

const char *
ovsdb_log_get_name(const struct ovsdb_log *log)
{
    return log->name;
}

off_t
ovsdb_log_get_offset(const struct ovsdb_log *log)
{
    return log->good_ofs;
}

const char *
ovsdb_log_get_tail_problem(const struct ovsdb_log *log)
{
    return log->tail_problem;
}

/* Parses the header at 'p' (with 'avail' bytes available).  On success
 * returns the header's length including its newline and fills in
 * '*lengthp' and 'sha1'; otherwise returns 0. */
static size_t
parse_header(const char *p, size_t avail, size_t *lengthp,
             char sha1[SHA1_HEX_LEN + 1])
{
    const char *nl = memchr(p, '\n', avail < 200 ? avail : 200);
    if (!nl) {
        return 0;
    }
    char line[201];
    size_t len = nl - p;
    memcpy(line, p, len);
    line[len] = '\0';

    unsigned long long int length;
    int consumed = 0;
    if (strncmp(line, MAGIC " ", strlen(MAGIC) + 1)
        || sscanf(line + strlen(MAGIC) + 1, "%llu %40[0-9a-f]%n", &length,
                  sha1, &consumed) != 2
        || strlen(sha1) != SHA1_HEX_LEN
        || line[strlen(MAGIC) + 1 + consumed] != '\0'
        || length > SIZE_MAX / 2) {
        return 0;
    }
    *lengthp = length;
    return len + 1;
}

static void
set_tail_problem(struct ovsdb_log *log, const char *format, ...)
    OVSDB_ERROR_FMT(2, 3);

static void
set_tail_problem(struct ovsdb_log *log, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    free(log->tail_problem);
    log->tail_problem = xvasprintf(format, args);
    va_end(args);
    VLOG_WARN("%s: %s; ignoring the rest of the file (%"PRIuMAX" bytes "
              "from offset %"PRIuMAX")", log->name, log->tail_problem,
              (uintmax_t) (log->size - log->read_ofs),
              (uintmax_t) log->read_ofs);
    /* Nothing after a damaged record is trusted. */
    log->read_ofs = log->size;
}

struct ovsdb_error *
ovsdb_log_read(struct ovsdb_log *log, struct json **jsonp)
{
    *jsonp = NULL;
    if (log->read_ofs >= log->size) {
        return NULL;
    }

    const char *p = log->data + log->read_ofs;
    size_t avail = log->size - log->read_ofs;
    size_t length;
    char expected[SHA1_HEX_LEN + 1];
    size_t header_len = parse_header(p, avail, &length, expected);
    if (!header_len) {
        set_tail_problem(log, "record at offset %zu has a bad header",
                         log->read_ofs);
        return NULL;
    }
    if (length > avail - header_len) {
        set_tail_problem(log, "record at offset %zu is truncated (%zu "
                         "bytes expected, %zu present)", log->read_ofs,
                         length, avail - header_len);
        return NULL;
    }

    const char *body = p + header_len;
    char actual[SHA1_HEX_LEN + 1];
    sha1_hex(body, length, actual);
    if (strcmp(actual, expected)) {
        set_tail_problem(log, "record at offset %zu has bad SHA-1 hash "
                         "(%s, expected %s)", log->read_ofs, actual,
                         expected);
        return NULL;
    }

    char *text = xmemdup0(body, length);
    struct json *json = json_from_string(text);
    free(text);
    if (json->type == JSON_STRING || json->type != JSON_OBJECT) {
        set_tail_problem(log, "record at offset %zu is not a JSON object%s"
                         "%s", log->read_ofs,
                         json->type == JSON_STRING ? ": " : "",
                         json->type == JSON_STRING ? json_string(json) : "");
        json_destroy(json);
        return NULL;
    }

    log->read_ofs += header_len + length;
    log->good_ofs = log->read_ofs;
    *jsonp = json;
    return NULL;
}

static struct ovsdb_error *
write_all(int fd, const char *name, const char *data, size_t n)
{
    while (n > 0) {
        ssize_t retval = write(fd, data, n);
        if (retval < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ovsdb_io_error(errno, "%s: write failed", name);
        }
        data += retval;
        n -= retval;
    }
    return NULL;
}

/* Appends the serialized form of 'json' to 's'. */
static void
format_record(const struct json *json, struct ds *s)
{
    struct ds body = DS_EMPTY_INITIALIZER;
    json_to_ds(json, 0, &body);
    ds_put_char(&body, '\n');

    char hex[SHA1_HEX_LEN + 1];
    sha1_hex(body.string, body.length, hex);
    ds_put_format(s, MAGIC" %zu %s\n", body.length, hex);
    ds_put_buffer(s, body.string, body.length);
    ds_destroy(&body);
}

struct ovsdb_error *
ovsdb_log_write(struct ovsdb_log *log, const struct json *json)
{
    if (!log->writable) {
        return ovsdb_error("I/O error", "%s: log is read-only", log->name);
    }

    /* Drop a damaged tail before appending, so the new record follows the
     * last good one. */
    if (log->file_size != log->good_ofs) {
        if (ftruncate(log->fd, log->good_ofs) < 0) {
            return ovsdb_io_error(errno, "%s: cannot truncate to length "
                                  "%"PRIuMAX, log->name,
                                  (uintmax_t) log->good_ofs);
        }
        log->file_size = log->good_ofs;
    }
    if (lseek(log->fd, log->good_ofs, SEEK_SET) < 0) {
        return ovsdb_io_error(errno, "%s: seek failed", log->name);
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    format_record(json, &s);
    struct ovsdb_error *error = write_all(log->fd, log->name, s.string,
                                          s.length);
    if (error) {
        /* Undo a partial write, if possible, so the file stays valid. */
        if (ftruncate(log->fd, log->good_ofs) < 0) {
            log->file_size = -1;
        }
    } else {
        log->good_ofs += s.length;
        log->file_size = log->good_ofs;
    }
    ds_destroy(&s);
    return error;
}

struct ovsdb_error *
ovsdb_log_commit(struct ovsdb_log *log)
{
    if (log->fd >= 0 && fsync(log->fd) < 0) {
        return ovsdb_io_error(errno, "%s: fsync failed", log->name);
    }
    return NULL;
}

static struct ovsdb_error *
sync_directory(const char *name)
{
    char *copy = xstrdup(name);
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(copy);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    return NULL;
}

/* Writes 'records' to a temporary file beside 'name' and renames it over
 * 'name'.  On success returns the new file's descriptor (open for writing)
 * in '*fdp' if 'fdp' is nonnull, and its size in '*sizep'. */
static struct ovsdb_error *
write_and_rename(const char *name, struct json **records, size_t n,
                 int *fdp, off_t *sizep)
{
    char *tmp_name = xasprintf("%s.tmp", name);
    int fd = open(tmp_name, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        struct ovsdb_error *error = ovsdb_io_error(errno, "%s: create "
                                                   "failed", tmp_name);
        free(tmp_name);
        return error;
    }

    struct ds s = DS_EMPTY_INITIALIZER;
    for (size_t i = 0; i < n; i++) {
        format_record(records[i], &s);
    }
    struct ovsdb_error *error = write_all(fd, tmp_name, s.string, s.length);
    if (!error && fsync(fd) < 0) {
        error = ovsdb_io_error(errno, "%s: fsync failed", tmp_name);
    }
    if (!error && rename(tmp_name, name) < 0) {
        error = ovsdb_io_error(errno, "%s: rename to %s failed", tmp_name,
                               name);
    }
    if (error) {
        close(fd);
        unlink(tmp_name);
    } else {
        sync_directory(name);
        if (fdp) {
            *fdp = fd;
        } else {
            close(fd);
        }
        if (sizep) {
            *sizep = s.length;
        }
    }
    ds_destroy(&s);
    free(tmp_name);
    return error;
}

struct ovsdb_error *
ovsdb_log_replace(struct ovsdb_log *log, struct json **records, size_t n)
{
    int fd;
    off_t size;
    struct ovsdb_error *error = write_and_rename(log->name, records, n, &fd,
                                                 &size);
    if (error) {
        return error;
    }
    close(log->fd);
    log->fd = fd;
    log->good_ofs = log->file_size = size;
    free(log->data);
    log->data = NULL;
    log->size = log->read_ofs = 0;
    free(log->tail_problem);
    log->tail_problem = NULL;
    return NULL;
}

struct ovsdb_error *
ovsdb_log_write_file(const char *name, struct json **records, size_t n)
{
    return write_and_rename(name, records, n, NULL, NULL);
}
