/* Unit tests for lib/util*.c, lib/dynamic-string.c, lib/dirs.c,
 * lib/coverage.c and lib/random.c.
 *
 * "ovstest test-util SUBCOMMAND [ARG...]".  Subcommands that check
 * computations against a reference print a one-line summary; the others
 * print results for the autotest case to compare. */

#include <config.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byte-order.h"
#include "command-line.h"
#include "coverage.h"
#include "dirs.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/util.h"
#include "ovstest.h"
#include "random.h"
#include "unaligned.h"

/* ---- Bit counting ---- */

static void
test_bit_counting(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    int n_checked = 0;

    for (int i = 0; i < 64; i++) {
        uint64_t bit = UINT64_C(1) << i;

        if (count_1bits(bit) != 1 || count_1bits(bit - 1) != (unsigned) i
            || rightmost_1bit_idx(bit) != i || leftmost_1bit_idx(bit) != i
            || ctz64(bit) != i || clz64(bit) != 63 - i
            || (i < 32 && (ctz32(bit) != i || clz32(bit) != 31 - i))
            || log_2_floor(bit) != i || log_2_ceil(bit) != i
            || (i > 1 && log_2_ceil(bit + 1) != i + 1)) {
            ovs_fatal(0, "bit counting wrong for bit %d", i);
        }
        n_checked++;
    }
    if (rightmost_1bit_idx(0) != 64 || leftmost_1bit_idx(0) != 64
        || ctz32(0) != 32 || ctz64(0) != 64 || clz32(0) != 32
        || clz64(0) != 64 || count_1bits(0) != 0
        || count_1bits(UINT64_MAX) != 64) {
        ovs_fatal(0, "bit counting wrong for 0 or all-ones");
    }

    /* Random values against a bit-by-bit count. */
    random_set_seed(7);
    for (int i = 0; i < 1000; i++) {
        uint64_t x = random_uint64() >> random_range(64);
        unsigned int expect = 0;

        for (int b = 0; b < 64; b++) {
            expect += (x >> b) & 1;
        }
        if (count_1bits(x) != expect) {
            ovs_fatal(0, "count_1bits(%#"PRIx64") wrong", x);
        }
        n_checked++;
    }
    printf("bit counting: %d cases passed\n", n_checked);
}

/* ---- Bit ranges ---- */

/* Reference implementations, one bit at a time. */
static bool
ref_get_bit(const uint8_t *p, unsigned int len, unsigned int ofs)
{
    return (p[len - 1 - ofs / 8] >> (ofs % 8)) & 1;
}

static void
ref_put_bit(uint8_t *p, unsigned int len, unsigned int ofs, bool bit)
{
    uint8_t mask = 1u << (ofs % 8);

    if (bit) {
        p[len - 1 - ofs / 8] |= mask;
    } else {
        p[len - 1 - ofs / 8] &= ~mask;
    }
}

static void
random_buffer(uint8_t *p, size_t n)
{
    random_bytes(p, n);
}

static void
test_bitwise(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    enum { SRC_LEN = 9, DST_LEN = 13 };
    int n_checked = 0;

    random_set_seed(42);
    for (int iter = 0; iter < 20000; iter++) {
        uint8_t src[SRC_LEN], dst[DST_LEN], expect[DST_LEN];
        unsigned int n_bits = random_range(SRC_LEN * 8 + 1);
        unsigned int src_ofs = random_range(SRC_LEN * 8 - n_bits + 1);
        unsigned int dst_ofs = random_range(MIN(DST_LEN * 8 - n_bits,
                                                DST_LEN * 8) + 1);

        random_buffer(src, sizeof src);
        random_buffer(dst, sizeof dst);

        /* bitwise_copy(). */
        memcpy(expect, dst, sizeof dst);
        for (unsigned int i = 0; i < n_bits; i++) {
            ref_put_bit(expect, DST_LEN, dst_ofs + i,
                        ref_get_bit(src, SRC_LEN, src_ofs + i));
        }
        bitwise_copy(src, SRC_LEN, src_ofs, dst, DST_LEN, dst_ofs, n_bits);
        if (memcmp(dst, expect, DST_LEN)) {
            ovs_fatal(0, "bitwise_copy(src_ofs=%u, dst_ofs=%u, n_bits=%u) "
                      "wrong", src_ofs, dst_ofs, n_bits);
        }

        /* bitwise_zero() / bitwise_one() / bitwise_is_all_zeros(). */
        bool one = random_range(2);
        for (unsigned int i = 0; i < n_bits; i++) {
            ref_put_bit(expect, DST_LEN, dst_ofs + i, one);
        }
        if (one) {
            bitwise_one(dst, DST_LEN, dst_ofs, n_bits);
        } else {
            bitwise_zero(dst, DST_LEN, dst_ofs, n_bits);
        }
        if (memcmp(dst, expect, DST_LEN)) {
            ovs_fatal(0, "bitwise_%s(ofs=%u, n_bits=%u) wrong",
                      one ? "one" : "zero", dst_ofs, n_bits);
        }
        bool all_zeros = true;
        for (unsigned int i = 0; i < n_bits; i++) {
            all_zeros &= !ref_get_bit(src, SRC_LEN, src_ofs + i);
        }
        if (bitwise_is_all_zeros(src, SRC_LEN, src_ofs, n_bits)
            != all_zeros) {
            ovs_fatal(0, "bitwise_is_all_zeros() wrong");
        }

        /* bitwise_get() / bitwise_put() of up to 64 bits. */
        unsigned int n64 = MIN(n_bits, 64);
        uint64_t value = 0;
        for (unsigned int i = n64; i-- > 0; ) {
            value = (value << 1) | ref_get_bit(src, SRC_LEN, src_ofs + i);
        }
        if (bitwise_get(src, SRC_LEN, src_ofs, n64) != value) {
            ovs_fatal(0, "bitwise_get(ofs=%u, n_bits=%u) wrong",
                      src_ofs, n64);
        }
        uint64_t put = random_uint64();
        memcpy(expect, dst, sizeof dst);
        for (unsigned int i = 0; i < n64; i++) {
            ref_put_bit(expect, DST_LEN, dst_ofs + i, (put >> i) & 1);
        }
        bitwise_put(put, dst, DST_LEN, dst_ofs, n64);
        if (memcmp(dst, expect, DST_LEN)) {
            ovs_fatal(0, "bitwise_put(ofs=%u, n_bits=%u) wrong",
                      dst_ofs, n64);
        }

        /* bitwise_scan() / bitwise_rscan() over [start, end). */
        unsigned int start = random_range(SRC_LEN * 8);
        unsigned int end = start + random_range(SRC_LEN * 8 - start + 1);
        bool target = random_range(2);
        unsigned int want = end;
        for (unsigned int i = start; i < end; i++) {
            if (ref_get_bit(src, SRC_LEN, i) == target) {
                want = i;
                break;
            }
        }
        if (bitwise_scan(src, SRC_LEN, target, start, end) != want) {
            ovs_fatal(0, "bitwise_scan(%d, %u, %u) wrong", target, start,
                      end);
        }
        int rstart = (int) end - 1, rend = (int) start - 1;
        int rwant = rend;
        for (int i = rstart; i > rend; i--) {
            if (ref_get_bit(src, SRC_LEN, i) == target) {
                rwant = i;
                break;
            }
        }
        if (bitwise_rscan(src, SRC_LEN, target, rstart, rend) != rwant) {
            ovs_fatal(0, "bitwise_rscan(%d, %d, %d) wrong", target, rstart,
                      rend);
        }

        /* Single bits. */
        unsigned int bit = random_range(DST_LEN * 8);
        bitwise_toggle_bit(dst, DST_LEN, bit);
        ref_put_bit(expect, DST_LEN, bit, !ref_get_bit(expect, DST_LEN, bit));
        bitwise_put_bit(dst, DST_LEN, (bit + 1) % (DST_LEN * 8), one);
        ref_put_bit(expect, DST_LEN, (bit + 1) % (DST_LEN * 8), one);
        if (memcmp(dst, expect, DST_LEN)
            || bitwise_get_bit(dst, DST_LEN, bit)
               != ref_get_bit(expect, DST_LEN, bit)) {
            ovs_fatal(0, "single-bit operations wrong at %u", bit);
        }
        n_checked++;
    }
    printf("bitwise: %d random cases passed\n", n_checked);
}

/* ---- Strings to numbers ---- */

static void
test_str_to(struct ovs_cmdl_context *ctx)
{
    for (int i = 1; i < ctx->argc; i++) {
        const char *s = ctx->argv[i];
        unsigned long long ull;
        unsigned int u;
        long long ll;
        double d;
        int x;

        printf("\"%s\":", s);
        if (str_to_int(s, 0, &x)) {
            printf(" int=%d", x);
        } else {
            printf(" int=error");
        }
        if (str_to_uint(s, 10, &u)) {
            printf(" uint=%u", u);
        } else {
            printf(" uint=error");
        }
        if (str_to_llong(s, 16, &ll)) {
            printf(" llong16=%lld", ll);
        } else {
            printf(" llong16=error");
        }
        if (str_to_ullong(s, 10, &ull)) {
            printf(" ullong=%llu", ull);
        } else {
            printf(" ullong=error");
        }
        if (str_to_double(s, &d)) {
            printf(" double=%g", d);
        } else {
            printf(" double=error");
        }
        putchar('\n');
    }
}

static void
test_parse_int_string(struct ovs_cmdl_context *ctx)
{
    int width = atoi(ctx->argv[1]);

    for (int i = 2; i < ctx->argc; i++) {
        uint8_t value[32];
        char *tail;
        int error;

        ovs_assert(width > 0 && width <= (int) sizeof value);
        error = parse_int_string(ctx->argv[i], value, width, &tail);
        printf("\"%s\": ", ctx->argv[i]);
        if (error) {
            printf("%s", ovs_strerror(error));
        } else {
            struct ds s = DS_EMPTY_INITIALIZER;

            ds_put_hex(&s, value, width);
            printf("%s", ds_cstr(&s));
            ds_destroy(&s);
        }
        printf(" tail=\"%s\"\n", tail);
    }
}

static void
test_hexits(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    bool ok;

    ovs_assert(hexit_value('0') == 0 && hexit_value('9') == 9);
    ovs_assert(hexit_value('a') == 10 && hexit_value('F') == 15);
    ovs_assert(hexit_value('g') == -1 && hexit_value(' ') == -1);
    ovs_assert(hexits_value("1aF", 3, &ok) == 0x1af && ok);
    ovs_assert(hexits_value("12x4", 4, &ok) == UINTMAX_MAX && !ok);
    ovs_assert(hexits_value("ffffffffffffffff", 16, &ok) == UINT64_MAX
               && ok);
    ovs_assert(hexits_value("", 0, &ok) == 0 && ok);
    printf("hexits passed\n");
}

/* ---- ovs_scan() ---- */

static void
test_scan(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    char s1[16], s2[16], c3[3];
    unsigned int u;
    long long ll;
    uint8_t u8;
    uint16_t u16;
    int i, n;
    double d;
    float f;
    size_t z;

    /* Integers of each size and base, with %n. */
    ovs_assert(ovs_scan("in_port(12),x", "in_port(%d)%n", &i, &n)
               && i == 12 && n == 11);
    ovs_assert(ovs_scan("0x1f/077 42", "%x/%o %zu", &u, &i, &z)
               && u == 0x1f && i == 077 && z == 42);
    ovs_assert(ovs_scan("ff", "%"SCNx8, &u8) && u8 == 0xff);
    ovs_assert(ovs_scan("65535", "%"SCNu16, &u16) && u16 == 65535);
    ovs_assert(ovs_scan("-9223372036854775808", "%lld", &ll)
               && ll == INT64_MIN);
    ovs_assert(ovs_scan("0x10 010 10", "%i %i %i%n", &i, &i, &i, &n)
               && i == 10 && n == 11);
    ovs_assert(ovs_scan("123", "%zu", &z) && z == 123);

    /* Widths limit numbers, strings and sets. */
    ovs_assert(ovs_scan("12345", "%2d%3d", &i, &n) && i == 12 && n == 345);
    ovs_assert(ovs_scan("abcdefgh", "%3s%15s", s1, s2)
               && !strcmp(s1, "abc") && !strcmp(s2, "defgh"));
    ovs_assert(ovs_scan("abc", "%2c%n", c3, &n) && n == 2
               && c3[0] == 'a' && c3[1] == 'b');

    /* Sets, including negation, ranges and a leading ']'. */
    ovs_assert(ovs_scan("eth0:rest", "%15[^:]:%15s", s1, s2)
               && !strcmp(s1, "eth0") && !strcmp(s2, "rest"));
    ovs_assert(ovs_scan("a-z09]X", "%15[]a-z0-9-]%n", s1, &n)
               && !strcmp(s1, "a-z09]") && n == 6);
    ovs_assert(!ovs_scan(":x", "%15[^:]", s1));

    /* White space: matches zero or more; %c does not skip it. */
    ovs_assert(ovs_scan("a  ,b", "a , b") && ovs_scan("a,b", "a , b"));
    ovs_assert(ovs_scan("  x", "%c", c3) && c3[0] == ' ');
    ovs_assert(ovs_scan("  x", " %c", c3) && c3[0] == 'x');
    ovs_assert(ovs_scan("   7", "%d", &i) && i == 7);

    /* Literal mismatches, missing input and overflow fail. */
    ovs_assert(!ovs_scan("in_port(1]", "in_port(%d)", &i));
    ovs_assert(!ovs_scan("", "%d", &i));
    ovs_assert(!ovs_scan("x", "%d", &i));
    ovs_assert(!ovs_scan("99999999999999999999", "%lld", &ll));
    ovs_assert(!ovs_scan("ab", "%3c", c3));
    ovs_assert(ovs_scan("50%", "%d%%", &i) && i == 50);
    ovs_assert(!ovs_scan("50", "%d%%", &i));

    /* Floating point and suppression. */
    ovs_assert(ovs_scan("1.5 2.25e1", "%lf %f", &d, &f)
               && d == 1.5 && f == 22.5f);
    ovs_assert(ovs_scan("skip 9", "%*s %d", &i) && i == 9);

    /* ovs_scan_len() continues where it left off. */
    n = 0;
    ovs_assert(ovs_scan_len("a=1,b=2", &n, "a=%d", &i) && i == 1 && n == 3);
    ovs_assert(ovs_scan_len("a=1,b=2", &n, ",b=%d", &i) && i == 2
               && n == 7);
    ovs_assert(!ovs_scan_len("a=1,b=2", &n, "x") && n == 7);
    printf("ovs_scan passed\n");
}

/* ---- Dynamic strings ---- */

static void
test_ds(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    static const uint8_t bytes[] = {
        0x00, 0x01, 0x41, 0x42, 0x7e, 0x7f, 0x80, 0xff,
        0x20, 0x5c, 0x22, 0x0a, 'h', 'e', 'l', 'l', 'o', 0x00, 0x00,
    };
    struct ds s = DS_EMPTY_INITIALIZER;

    /* ds_put_hex(). */
    ds_put_hex(&s, bytes, 4);
    ds_put_char(&s, ' ');
    ds_put_hex(&s, bytes, 1);
    ds_put_char(&s, ' ');
    ds_put_hex(&s, &bytes[1], 1);
    ds_put_char(&s, ' ');
    ds_put_hex(&s, bytes, 0);
    printf("hex: %s\n", ds_cstr(&s));

    /* ds_put_printable(). */
    ds_clear(&s);
    ds_put_printable(&s, (const char *) bytes, sizeof bytes);
    printf("printable: %s\n", ds_cstr(&s));

    /* Hex dumps, aligned and not, with and without ASCII. */
    ds_clear(&s);
    ds_put_hex_dump(&s, bytes, sizeof bytes, 0, true);
    ds_put_hex_dump(&s, bytes, sizeof bytes, 0x13, false);
    ds_put_hex_dump(&s, bytes, 5, 0x1c, true);
    printf("%s", ds_cstr(&s));
    ds_clear(&s);
    ds_put_sparse_hex_dump(&s, (const uint8_t[40]) { [35] = 1 }, 40, 0,
                           false);
    printf("%s", ds_cstr(&s));

    /* Formatting that outgrows the buffer, several times. */
    ds_clear(&s);
    for (int i = 0; i < 200; i++) {
        ds_put_format(&s, "%d,", i);
    }
    ovs_assert(s.length == strlen(s.string) && s.length == 690);
    ds_truncate(&s, 10);
    ds_put_char_multiple(&s, '-', 3);
    ovs_assert(ds_chomp(&s, '-') && !ds_chomp(&s, 'x'));
    ovs_assert(ds_last(&s) == '-');
    printf("format: %s\n", ds_cstr(&s));

    /* UTF-8 and cloning, swapping, stealing. */
    struct ds t;
    ds_clear(&s);
    ds_put_utf8(&s, 'A');
    ds_put_utf8(&s, 0xe9);
    ds_put_utf8(&s, 0x20ac);
    ds_put_utf8(&s, 0x1f600);
    ds_clone(&t, &s);
    ds_put_cstr(&s, "!");
    ds_swap(&s, &t);
    struct ds u = DS_EMPTY_INITIALIZER;
    ds_put_printable(&u, s.string, s.length);
    ds_put_char(&u, '|');
    ds_put_printable(&u, t.string, t.length);
    printf("utf8: %s (%zu bytes)\n", ds_cstr(&u), s.length);
    ds_destroy(&u);
    ds_destroy(&t);
    char *stolen = ds_steal_cstr(&s);
    ovs_assert(s.string == NULL && ds_last(&s) == EOF);
    ovs_assert(!strcmp(ds_cstr_ro(&s), ""));
    free(stolen);

    /* Times: 2021-03-04 05:06:07.089 UTC. */
    ds_put_strftime_msec(&s, "%Y-%m-%dT%H:%M:%S.###Z|%S.#|#####",
                         1614834367089LL, true);
    printf("time: %s\n", ds_cstr(&s));
    ds_clear(&s);
    ds_put_strftime_msec(&s, "%Y-%m-%d %H:%M:%S.###", -1, true);
    printf("time: %s\n", ds_cstr(&s));
    ds_destroy(&s);
}

/* Reads lines from stdin with ds_get_preprocessed_line() (or with
 * ds_get_test_line() if ARGV[1] is "test") and prints them. */
static void
test_ds_lines(struct ovs_cmdl_context *ctx)
{
    struct ds line = DS_EMPTY_INITIALIZER;
    int line_number = 0;

    if (ctx->argc > 1 && !strcmp(ctx->argv[1], "test")) {
        while (!ds_get_test_line(&line, stdin)) {
            printf("line: [%s]\n", ds_cstr(&line));
        }
    } else {
        while (!ds_get_preprocessed_line(&line, stdin, &line_number)) {
            printf("%d: [%s]\n", line_number, ds_cstr(&line));
        }
    }
    ds_destroy(&line);
}

/* ---- File names and directories ---- */

static void
test_file_names(struct ovs_cmdl_context *ctx)
{
    for (int i = 1; i < ctx->argc; i++) {
        char *dir = dir_name(ctx->argv[i]);
        char *base = base_name(ctx->argv[i]);
        char *abs = abs_file_name("/d", ctx->argv[i]);

        printf("\"%s\": dir=\"%s\" base=\"%s\" abs=\"%s\"\n",
               ctx->argv[i], dir, base, abs);
        free(dir);
        free(base);
        free(abs);
    }
}

static void
test_dirs(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    printf("sysconfdir=%s\n", ovs_sysconfdir());
    printf("pkgdatadir=%s\n", ovs_pkgdatadir());
    printf("rundir=%s\n", ovs_rundir());
    printf("logdir=%s\n", ovs_logdir());
    printf("dbdir=%s\n", ovs_dbdir());
    printf("bindir=%s\n", ovs_bindir());
}

/* ---- Error reporting, version, coverage, random ---- */

static void
test_version(struct ovs_cmdl_context *ctx)
{
    ovs_print_version(ctx->argc > 1 ? strtol(ctx->argv[1], NULL, 0) : 0,
                      ctx->argc > 2 ? strtol(ctx->argv[2], NULL, 0) : 0);
}

static void
test_error(struct ovs_cmdl_context *ctx)
{
    ovs_error(0, "plain message %d", 1);
    ovs_error(ENOENT, "with errno");
    ovs_error(EOF, "at end of file");
    ovs_error(-1234, "odd return value");
    set_subprogram_name("worker");
    ovs_error(0, "from a subprogram");
    set_subprogram_name(NULL);
    if (ctx->argc > 1) {
        ovs_fatal(EACCES, "fatal: %s", ctx->argv[1]);
    }
}

COVERAGE_DEFINE(test_util_counter);
COVERAGE_DEFINE(test_util_never);

static void
test_coverage(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    unsigned long long int count;
    struct ds s = DS_EMPTY_INITIALIZER;

    /* Snapshot times are synthetic, so the rates are exact. */
    coverage_run_at(1000);
    COVERAGE_ADD(test_util_counter, 10);
    coverage_run_at(6000);
    COVERAGE_INC(test_util_counter);
    coverage_run_at(10999);

    ovs_assert(coverage_read_counter("test_util_counter", &count)
               && count == 11);
    ovs_assert(coverage_read_counter("test_util_never", &count)
               && count == 0);
    ovs_assert(!coverage_read_counter("no_such_counter", &count));

    coverage_format(&s);
    /* Print only our counter's line and the summary's shape. */
    for (char *line = strtok(ds_cstr(&s), "\n"); line;
         line = strtok(NULL, "\n")) {
        if (strstr(line, "test_util") || strstr(line, "Event coverage")) {
            printf("%s\n", line);
        } else if (strstr(line, "never hit")) {
            printf("(some) events never hit\n");
        }
    }
    ds_destroy(&s);
}

static void
test_random(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    uint32_t first[4], second[4];
    unsigned int counts[10] = { 0 };

    random_set_seed(99);
    for (int i = 0; i < 4; i++) {
        first[i] = random_uint32();
    }
    random_set_seed(99);
    for (int i = 0; i < 4; i++) {
        second[i] = random_uint32();
    }
    ovs_assert(!memcmp(first, second, sizeof first));

    /* random_range() stays in range and hits every value. */
    for (int i = 0; i < 10000; i++) {
        uint32_t x = random_range(10);

        ovs_assert(x < 10);
        counts[x]++;
    }
    for (int i = 0; i < 10; i++) {
        ovs_assert(counts[i] > 0);
    }
    ovs_assert(random_range(1) == 0);
    printf("random passed\n");
}

/* ---- Byte order and unaligned access ---- */

static void
test_byte_order(struct ovs_cmdl_context *ctx OVS_UNUSED)
{
    uint8_t buf[16] = { 0 };
    ovs_32aligned_be64 a64;
    ovs_16aligned_be32 a32;

    ovs_assert(ntohll(htonll(0x0102030405060708ULL))
               == 0x0102030405060708ULL);
    ovs_assert(htonl(0x01020304) == CONSTANT_HTONL(0x01020304));
    ovs_assert(htons(0x0102) == CONSTANT_HTONS(0x0102));
    ovs_assert(htonll(0x0102030405060708ULL)
               == CONSTANT_HTONLL(0x0102030405060708ULL));
    ovs_assert(be16_to_be32(htons(0xabcd)) == htonl(0xabcd));
    ovs_assert(be32_to_be64(htonl(0xabcd1234)) == htonll(0xabcd1234));

    put_unaligned_be32(&buf[1], htonl(0xdeadbeef));
    ovs_assert(buf[1] == 0xde && buf[4] == 0xef);
    ovs_assert(ntohl_unaligned(&buf[1]) == 0xdeadbeef);
    put_unaligned_be64(&buf[3], htonll(0x1122334455667788ULL));
    ovs_assert(ntohll(get_unaligned_be64(&buf[3])) == 0x1122334455667788ULL);
    ovs_assert(buf[3] == 0x11 && buf[10] == 0x88);

    put_32aligned_be64(&a64, htonll(0xa1a2a3a4b1b2b3b4ULL));
    ovs_assert(ntohl(a64.hi) == 0xa1a2a3a4 && ntohl(a64.lo) == 0xb1b2b3b4);
    ovs_assert(ntohll(get_32aligned_be64(&a64)) == 0xa1a2a3a4b1b2b3b4ULL);
    put_16aligned_be32(&a32, htonl(0xc1c2d1d2));
    ovs_assert(ntohs(a32.hi) == 0xc1c2 && ntohs(a32.lo) == 0xd1d2);

    ovs_u128 u = { .u64 = { .hi = 1, .lo = 2 } };
    ovs_be128 b = hton128(u);
    ovs_assert(b.be64.hi == htonll(1) && b.be64.lo == htonll(2));
    ovs_assert(ovs_u128_equals(ntoh128(b), u));
    printf("byte order passed\n");
}

static const struct ovs_cmdl_command commands[] = {
    { "bit-counting", "", 0, 0, test_bit_counting, OVS_RO },
    { "bitwise", "", 0, 0, test_bitwise, OVS_RO },
    { "str-to", "STRING...", 1, INT_MAX, test_str_to, OVS_RO },
    { "parse-int-string", "WIDTH STRING...", 2, INT_MAX,
      test_parse_int_string, OVS_RO },
    { "hexits", "", 0, 0, test_hexits, OVS_RO },
    { "scan", "", 0, 0, test_scan, OVS_RO },
    { "ds", "", 0, 0, test_ds, OVS_RO },
    { "ds-lines", "[test]", 0, 1, test_ds_lines, OVS_RO },
    { "file-names", "NAME...", 1, INT_MAX, test_file_names, OVS_RO },
    { "dirs", "", 0, 0, test_dirs, OVS_RO },
    { "version", "[MIN [MAX]]", 0, 2, test_version, OVS_RO },
    { "error", "[FATAL]", 0, 1, test_error, OVS_RO },
    { "coverage", "", 0, 0, test_coverage, OVS_RO },
    { "random", "", 0, 0, test_random, OVS_RO },
    { "byte-order", "", 0, 0, test_byte_order, OVS_RO },
    { NULL, NULL, 0, 0, NULL, OVS_RO },
};

static void
test_util_main(int argc, char *argv[])
{
    struct ovs_cmdl_context ctx = { .argc = argc - 1, .argv = argv + 1 };

    set_program_name(argv[0]);
    ovs_cmdl_run_command(&ctx, commands);
}

OVSTEST_REGISTER("test-util", test_util_main);
