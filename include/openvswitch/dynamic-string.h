/* Growable, always null-terminated strings ("dynamic strings").
 *
 * A "struct ds" owns a heap buffer.  'string' is NULL until something is
 * appended; ds_cstr() always returns a valid (possibly empty) C string.
 * Appending never fails (allocation failure aborts the program).  Free the
 * buffer with ds_destroy(), or take ownership of it with ds_steal_cstr(). */

#ifndef OPENVSWITCH_DYNAMIC_STRING_H_INCLUDED
#define OPENVSWITCH_DYNAMIC_STRING_H_INCLUDED 1

#include "openvswitch/compiler.h"
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

struct ds {
    char *string;       /* Null-terminated text, or NULL if never used. */
    size_t length;      /* Bytes in 'string', excluding the null. */
    size_t allocated;   /* Capacity of 'string', excluding the null. */
};

#define DS_EMPTY_INITIALIZER { NULL, 0, 0 }

/* Life cycle and capacity. */
void ds_init(struct ds *str);
void ds_destroy(struct ds *str);
void ds_clear(struct ds *str);          /* Keeps the buffer. */
void ds_truncate(struct ds *str, size_t new_length);
void ds_reserve(struct ds *str, size_t min_length);
void ds_swap(struct ds *, struct ds *);
void ds_clone(struct ds *dst, struct ds *source);

/* Appends N uninitialized bytes and returns a pointer to them, for the
 * caller to fill in. */
char *ds_put_uninit(struct ds *, size_t n);

static inline void
ds_put_char(struct ds *str, char c)
{
    if (str->length < str->allocated) {
        str->string[str->length++] = c;
        str->string[str->length] = '\0';
    } else {
        *ds_put_uninit(str, 1) = c;
    }
}

void ds_put_utf8(struct ds *, int uc);
void ds_put_char_multiple(struct ds *, char, size_t n);
void ds_put_buffer(struct ds *, const char *, size_t n);
void ds_put_cstr(struct ds *, const char *);
/* Appends S and frees it. */
void ds_put_and_free_cstr(struct ds *, char *s);
void ds_put_format(struct ds *, const char *, ...) OVS_PRINTF_FORMAT(2, 3);
void ds_put_format_valist(struct ds *, const char *, va_list)
    OVS_PRINTF_FORMAT(2, 0);

/* Appends the N bytes at S, writing each byte that is not printable ASCII,
 * and each '\\' and '"', as a backslash and 3 octal digits. */
void ds_put_printable(struct ds *, const char *s, size_t n);

/* Appends BUF as one big-endian hexadecimal number: "0x" then the bytes
 * without leading zero bytes ("0" alone if every byte is zero). */
void ds_put_hex(struct ds *, const void *buf, size_t size);

/* Appends a classic hex dump of BUF, 16 bytes per line, each line starting
 * with the offset; OFS is the offset of BUF's first byte.  With ASCII, each
 * line ends with the printable characters between '|' signs. */
void ds_put_hex_dump(struct ds *, const void *buf, size_t size,
                     uintptr_t ofs, bool ascii);
/* Like ds_put_hex_dump(), but skips lines that are entirely zero. */
void ds_put_sparse_hex_dump(struct ds *, const void *buf, size_t size,
                            uintptr_t ofs, bool ascii);

/* Appends WHEN (milliseconds since the epoch) formatted by strftime()
 * with TEMPLATE, in UTC if UTC is true, otherwise local time.  In the
 * output, each run of '#' is replaced by the milliseconds ("###" -> 3
 * digits). */
void ds_put_strftime_msec(struct ds *, const char *template,
                          long long int when, bool utc);
/* The same, returned as a new string that the caller must free. */
char *xastrftime_msec(const char *template, long long int when, bool utc);

/* Reads a line from FILE into DS, replacing its contents, without the
 * trailing new-line.  Returns 0, or EOF if no characters were read. */
int ds_get_line(struct ds *, FILE *);
/* Like ds_get_line(), but deletes comments (from '#' to the end of the
 * line) and skips lines that are blank after that.  Increments
 * *LINE_NUMBER (if nonnull) for each line read. */
int ds_get_preprocessed_line(struct ds *, FILE *, int *line_number);
/* For test programs reading scripts: like ds_get_preprocessed_line(), but
 * a line that starts with '#' is echoed to stdout and a blank line prints
 * an empty line to stdout, before reading on. */
int ds_get_test_line(struct ds *, FILE *);

/* The contents as a C string, owned by DS.  ds_cstr() may allocate the
 * buffer; ds_cstr_ro() never does and returns "" for a never-used DS. */
char *ds_cstr(struct ds *);
const char *ds_cstr_ro(const struct ds *);
/* Returns the contents, which the caller must free, and leaves DS empty. */
char *ds_steal_cstr(struct ds *);

/* The last character, or EOF if DS is empty. */
int ds_last(const struct ds *);
/* Removes a final C; true if there was one. */
bool ds_chomp(struct ds *, int c);

#endif /* openvswitch/dynamic-string.h */
