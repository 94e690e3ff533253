/* Dynamic strings: a heap buffer that grows as text is appended.
 *
 * The invariant is simple: when 'string' is nonnull it holds 'allocated'
 * + 1 bytes, of which the first 'length' are the text and the next one is
 * a null terminator.  Growth at least doubles the capacity, so appending
 * is amortized O(1) per byte.  The formatting helpers here produce the
 * exact text layouts (hex numbers, hex dumps, escaped strings) that the
 * rest of the tree prints and that tests compare against. */

#include <config.h>
#include "openvswitch/dynamic-string.h"

#include <inttypes.h>
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

#include "openvswitch/util.h"

void
ds_init(struct ds *str)
{
    str->string = NULL;
    str->length = 0;
    str->allocated = 0;
}

/* Empties STR without releasing its memory. */
void
ds_clear(struct ds *str)
{
    str->length = 0;
    if (str->string) {
        str->string[0] = '\0';
    }
}

/* Shortens STR to NEW_LENGTH bytes; does nothing if it is already that
 * short. */
void
ds_truncate(struct ds *str, size_t new_length)
{
    if (str->length > new_length) {
        str->length = new_length;
        str->string[new_length] = '\0';
    }
}

/* Makes sure STR can hold MIN_LENGTH bytes of text without reallocating. */
void
ds_reserve(struct ds *str, size_t min_length)
{
    if (min_length > str->allocated || !str->string) {
        size_t grown = str->allocated + str->allocated / 2 + 8;

        str->allocated = MAX(min_length, grown);
        str->string = xrealloc(str->string, str->allocated + 1);
        str->string[str->length] = '\0';
    }
}

char *
ds_put_uninit(struct ds *str, size_t n)
{
    ds_reserve(str, str->length + n);
    str->length += n;
    str->string[str->length] = '\0';
    return &str->string[str->length - n];
}

/* Appends the UTF-8 encoding of Unicode code point UC (which must be a
 * valid scalar value below 0x110000). */
void
ds_put_utf8(struct ds *str, int uc)
{
    if (uc < 0x80) {
        ds_put_char(str, uc);
    } else if (uc < 0x800) {
        ds_put_char(str, 0xc0 | (uc >> 6));
        ds_put_char(str, 0x80 | (uc & 0x3f));
    } else if (uc < 0x10000) {
        ds_put_char(str, 0xe0 | (uc >> 12));
        ds_put_char(str, 0x80 | ((uc >> 6) & 0x3f));
        ds_put_char(str, 0x80 | (uc & 0x3f));
    } else {
        ds_put_char(str, 0xf0 | (uc >> 18));
        ds_put_char(str, 0x80 | ((uc >> 12) & 0x3f));
        ds_put_char(str, 0x80 | ((uc >> 6) & 0x3f));
        ds_put_char(str, 0x80 | (uc & 0x3f));
    }
}

void
ds_put_char_multiple(struct ds *str, char c, size_t n)
{
    memset(ds_put_uninit(str, n), c, n);
}

void
ds_put_buffer(struct ds *str, const char *s, size_t n)
{
    nullable_memcpy(ds_put_uninit(str, n), s, n);
}

void
ds_put_cstr(struct ds *str, const char *s)
{
    ds_put_buffer(str, s, strlen(s));
}

void
ds_put_and_free_cstr(struct ds *str, char *s)
{
    ds_put_cstr(str, s);
    free(s);
}

void
ds_put_format(struct ds *str, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    ds_put_format_valist(str, format, args);
    va_end(args);
}

/* Formats into the free space first; if the text does not fit, grows the
 * buffer to the exact size vsnprintf() reported and formats again. */
void
ds_put_format_valist(struct ds *str, const char *format, va_list args_)
{
    size_t room = str->string ? str->allocated - str->length + 1 : 0;
    va_list args;
    int needed;

    va_copy(args, args_);
    needed = vsnprintf(room ? &str->string[str->length] : NULL, room,
                       format, args);
    va_end(args);
    if (needed < 0) {
        /* Invalid format: leave STR as it was. */
        if (str->string) {
            str->string[str->length] = '\0';
        }
        return;
    }

    if ((size_t) needed < room) {
        str->length += needed;
    } else {
        ds_reserve(str, str->length + needed);
        va_copy(args, args_);
        vsnprintf(&str->string[str->length], needed + 1, format, args);
        va_end(args);
        str->length += needed;
    }
}

void
ds_put_printable(struct ds *str, const char *s, size_t n)
{
    ds_reserve(str, str->length + n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];

        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
            ds_put_char(str, c);
        } else {
            ds_put_format(str, "\\%03o", (unsigned int) c);
        }
    }
}

void
ds_put_hex(struct ds *str, const void *buf_, size_t size)
{
    const uint8_t *buf = buf_;
    size_t i = 0;

    /* Leading zero bytes do not change the number. */
    while (i < size && !buf[i]) {
        i++;
    }
    if (i == size) {
        ds_put_char(str, '0');
        return;
    }

    ds_put_format(str, "0x%"PRIx8, buf[i++]);
    for (; i < size; i++) {
        ds_put_format(str, "%02"PRIx8, buf[i]);
    }
}

/* Appends one hex-dump line covering bytes [START, END) of the 16-byte row
 * that begins at offset ROW_OFS; BYTES points to the byte at START. */
static void
put_hex_dump_line(struct ds *str, const uint8_t *bytes, uintptr_t row_ofs,
                  size_t start, size_t end, bool ascii)
{
    enum { PER_LINE = 16 };

    ds_put_format(str, "%08"PRIxMAX"  ", (uintmax_t) row_ofs);
    for (size_t i = 0; i < PER_LINE; i++) {
        if (i < start || i >= end) {
            if (i < end || ascii) {
                ds_put_cstr(str, "   ");
            }
        } else {
            /* A dash separates the two halves of the row. */
            ds_put_format(str, "%02x%c", bytes[i - start],
                          i == PER_LINE / 2 - 1 ? '-' : ' ');
        }
    }
    if (ascii) {
        ds_put_char(str, '|');
        for (size_t i = 0; i < PER_LINE; i++) {
            if (i < start || i >= end) {
                ds_put_char(str, ' ');
            } else {
                uint8_t c = bytes[i - start];

                ds_put_char(str, c >= 0x20 && c < 0x7f ? c : '.');
            }
        }
        ds_put_char(str, '|');
    } else {
        ds_chomp(str, ' ');
    }
    ds_put_char(str, '\n');
}

/* Shared by the plain and sparse hex dumps: SKIP_ZERO_LINES omits rows
 * whose bytes are all zero. */
static void
put_hex_dump__(struct ds *str, const void *buf_, size_t size, uintptr_t ofs,
               bool ascii, bool skip_zero_lines)
{
    const uint8_t *buf = buf_;

    while (size > 0) {
        size_t start = ofs % 16;
        size_t n = MIN(16 - start, size);

        if (!skip_zero_lines || !is_all_zeros(buf, n)) {
            put_hex_dump_line(str, buf, ofs - start, start, start + n, ascii);
        }
        ofs += n;
        buf += n;
        size -= n;
    }
}

void
ds_put_hex_dump(struct ds *str, const void *buf, size_t size, uintptr_t ofs,
                bool ascii)
{
    put_hex_dump__(str, buf, size, ofs, ascii, false);
}

void
ds_put_sparse_hex_dump(struct ds *str, const void *buf, size_t size,
                       uintptr_t ofs, bool ascii)
{
    put_hex_dump__(str, buf, size, ofs, ascii, true);
}

void
ds_put_strftime_msec(struct ds *str, const char *template,
                     long long int when, bool utc)
{
    time_t secs = when >= 0 ? when / 1000 : -((-when + 999) / 1000);
    int msec = when - (long long int) secs * 1000;
    struct tm tm;
    size_t start = str->length;
    char digits[4];

    if (utc) {
        gmtime_r(&secs, &tm);
    } else {
        localtime_r(&secs, &tm);
    }

    /* strftime() returns 0 both for "did not fit" and for an empty result;
     * keep growing up to a generous limit to tell them apart. */
    for (size_t room = 64; ; room *= 2) {
        size_t n;

        ds_reserve(str, start + room);
        n = strftime(&str->string[start], room + 1, template, &tm);
        if (n || room >= 4096) {
            str->length = start + n;
            str->string[str->length] = '\0';
            break;
        }
    }

    /* Replace each run of '#' by the milliseconds, padded with zeros on
     * the right if the run is longer than 3. */
    snprintf(digits, sizeof digits, "%03d", msec);
    for (size_t i = start; i < str->length; ) {
        if (str->string[i] == '#') {
            for (size_t d = 0; i < str->length && str->string[i] == '#'; d++) {
                str->string[i++] = d < 3 ? digits[d] : '0';
            }
        } else {
            i++;
        }
    }
}

char *
xastrftime_msec(const char *template, long long int when, bool utc)
{
    struct ds s = DS_EMPTY_INITIALIZER;

    ds_put_strftime_msec(&s, template, when, utc);
    return ds_steal_cstr(&s);
}

int
ds_get_line(struct ds *str, FILE *file)
{
    ds_clear(str);
    for (;;) {
        int c = getc(file);

        if (c == EOF) {
            return str->length ? 0 : EOF;
        } else if (c == '\n') {
            return 0;
        }
        ds_put_char(str, c);
    }
}

/* Removes a comment (from the first '#' on) from STR, and reports whether
 * anything but white space is left. */
static bool
strip_comment(struct ds *str)
{
    char *hash = str->string ? strchr(str->string, '#') : NULL;

    if (hash) {
        ds_truncate(str, hash - str->string);
    }
    for (size_t i = 0; i < str->length; i++) {
        if (!isspace((unsigned char) str->string[i])) {
            return true;
        }
    }
    return false;
}

int
ds_get_preprocessed_line(struct ds *str, FILE *file, int *line_number)
{
    while (!ds_get_line(str, file)) {
        if (line_number) {
            ++*line_number;
        }
        if (strip_comment(str)) {
            return 0;
        }
    }
    return EOF;
}

int
ds_get_test_line(struct ds *str, FILE *file)
{
    while (!ds_get_line(str, file)) {
        const char *s = ds_cstr(str);

        if (s[0] == '#') {
            puts(s);
        } else if (strip_comment(str)) {
            return 0;
        } else {
            putchar('\n');
        }
    }
    return EOF;
}

char *
ds_cstr(struct ds *str)
{
    if (!str->string) {
        ds_reserve(str, 0);
    }
    str->string[str->length] = '\0';
    return str->string;
}

const char *
ds_cstr_ro(const struct ds *str)
{
    return str->string ? str->string : "";
}

char *
ds_steal_cstr(struct ds *str)
{
    char *s = ds_cstr(str);

    ds_init(str);
    return s;
}

void
ds_destroy(struct ds *str)
{
    free(str->string);
    ds_init(str);
}

void
ds_swap(struct ds *a, struct ds *b)
{
    struct ds tmp = *a;

    *a = *b;
    *b = tmp;
}

/* Initializes DST (whose prior contents are ignored) as a copy of SOURCE. */
void
ds_clone(struct ds *dst, struct ds *source)
{
    ds_init(dst);
    if (source->length) {
        ds_put_buffer(dst, source->string, source->length);
    }
}

int
ds_last(const struct ds *str)
{
    return str->length ? (unsigned char) str->string[str->length - 1] : EOF;
}

bool
ds_chomp(struct ds *str, int c)
{
    if (str->length && (unsigned char) str->string[str->length - 1] == c) {
        str->string[--str->length] = '\0';
        return true;
    }
    return false;
}
