/* pcap capture files.
 *
 * A pcap file is a 24-byte header (magic number, version, time zone,
 * snapshot length, link type) followed by records, each a 16-byte header
 * (seconds, sub-seconds, captured length, original length) and the
 * captured bytes.  The magic number tells the byte order in which the
 * writer stored every integer and whether sub-seconds are micro- or
 * nanoseconds.  Readers here check every length against what the file
 * holds, so a truncated or garbled file is an error, never a crash. */

#include <config.h>
#include "pcap-file.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "byte-order.h"
#include "dp-packet.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"

VLOG_DEFINE_THIS_MODULE(pcap);

#define PCAP_MAGIC_USEC 0xa1b2c3d4
#define PCAP_MAGIC_NSEC 0xa1b23c4d
#define PCAP_LINKTYPE_ETHERNET 1

/* Largest record we accept: bigger is certainly garbage. */
#define PCAP_MAX_RECORD (1024 * 1024)

struct pcap_hdr {
    uint32_t magic;
    uint16_t version_major;
    uint16_t version_minor;
    int32_t thiszone;
    uint32_t sigfigs;
    uint32_t snaplen;
    uint32_t network;
};

struct pcaprec_hdr {
    uint32_t ts_sec;
    uint32_t ts_subsec;
    uint32_t incl_len;
    uint32_t orig_len;
};

struct pcap_file {
    FILE *stream;
    bool swapped;               /* Integers in the other byte order? */
    bool nsec;                  /* Nanosecond timestamps? */
};

static uint32_t
swap32(uint32_t x)
{
    return ((x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000)
            | (x << 24));
}

static uint16_t
swap16(uint16_t x)
{
    return (x >> 8) | (x << 8);
}

/* Reads and checks the file header of 'p'.  Returns NULL or a malloc()'d
 * error. */
static char *
read_header(struct pcap_file *p)
{
    struct pcap_hdr ph;
    size_t n = fread(&ph, 1, sizeof ph, p->stream);
    uint16_t major;
    uint32_t network;

    if (n != sizeof ph) {
        return (ferror(p->stream)
                ? xasprintf("failed to read pcap header: %s",
                            ovs_strerror(errno))
                : xasprintf("failed to read pcap header: file is truncated "
                            "(%zu of %zu bytes)",
                            n, sizeof ph));
    }
    switch (ph.magic) {
    case PCAP_MAGIC_USEC: p->swapped = false; p->nsec = false; break;
    case PCAP_MAGIC_NSEC: p->swapped = false; p->nsec = true; break;
    default:
        if (ph.magic == swap32(PCAP_MAGIC_USEC)) {
            p->swapped = true;
            p->nsec = false;
        } else if (ph.magic == swap32(PCAP_MAGIC_NSEC)) {
            p->swapped = true;
            p->nsec = true;
        } else {
            return xasprintf("bad magic 0x%08"PRIx32" reading pcap file "
                             "(expected 0x%08x or 0x%08x)", ph.magic,
                             PCAP_MAGIC_USEC, PCAP_MAGIC_NSEC);
        }
    }
    major = p->swapped ? swap16(ph.version_major) : ph.version_major;
    network = p->swapped ? swap32(ph.network) : ph.network;
    if (major != 2) {
        return xasprintf("unsupported pcap version %"PRIu16, major);
    }
    if (network != PCAP_LINKTYPE_ETHERNET) {
        return xasprintf("unsupported pcap link type %"PRIu32" (only "
                         "Ethernet, 1, is supported)", network);
    }
    return NULL;
}

struct pcap_file *
ovs_pcap_stdio_read(FILE *stream, char **errorp)
{
    struct pcap_file *p = xzalloc(sizeof *p);
    char *error;

    p->stream = stream;
    error = read_header(p);
    if (error) {
        fclose(stream);
        free(p);
        if (errorp) {
            *errorp = error;
        } else {
            free(error);
        }
        return NULL;
    }
    if (errorp) {
        *errorp = NULL;
    }
    return p;
}

struct pcap_file *
ovs_pcap_open(const char *file_name, const char *mode)
{
    struct pcap_file *p;
    struct stat st;
    FILE *stream;

    if (mode[0] != 'r' && mode[0] != 'w' && mode[0] != 'a') {
        errno = EINVAL;
        return NULL;
    }
    stream = fopen(file_name, mode);
    if (!stream) {
        VLOG_WARN("%s: failed to open pcap file for %s (%s)", file_name,
                  mode[0] == 'r' ? "reading" : "writing",
                  ovs_strerror(errno));
        return NULL;
    }

    if (mode[0] == 'r') {
        char *error;

        p = ovs_pcap_stdio_read(stream, &error);
        if (!p) {
            VLOG_WARN("%s: %s", file_name, error);
            free(error);
            errno = EPROTO;
        }
        return p;
    }

    p = xzalloc(sizeof *p);
    p->stream = stream;
    if (mode[0] == 'w'
        || (!fstat(fileno(stream), &st) && st.st_size == 0)) {
        ovs_pcap_write_header(p);
    }
    return p;
}

/* Reads exactly 'n' bytes or explains why not. */
static int
read_exact(struct pcap_file *p, void *buf, size_t n, const char *what,
           char **errorp)
{
    size_t got = fread(buf, 1, n, p->stream);

    if (got == n) {
        return 0;
    }
    if (ferror(p->stream)) {
        int error = errno ? errno : EIO;
        if (errorp) {
            *errorp = xasprintf("failed to read %s: %s", what,
                                ovs_strerror(error));
        }
        return error;
    }
    if (errorp) {
        *errorp = xasprintf("failed to read %s: file is truncated "
                            "(%zu of %zu bytes)", what, got, n);
    }
    return EPROTO;
}

int
ovs_pcap_read(struct pcap_file *p, struct dp_packet **bufp,
              long long int *when, char **errorp)
{
    struct pcaprec_hdr prh;
    struct dp_packet *b;
    uint32_t len, sec, subsec;
    size_t got;
    int error;

    *bufp = NULL;
    if (errorp) {
        *errorp = NULL;
    }

    got = fread(&prh, 1, sizeof prh, p->stream);
    if (!got && feof(p->stream)) {
        return EOF;
    }
    if (got != sizeof prh) {
        if (errorp) {
            *errorp = xasprintf("failed to read pcap record header: file is "
                                "truncated (%zu of %zu"
                                " bytes)", got, sizeof prh);
        }
        return EPROTO;
    }

    len = p->swapped ? swap32(prh.incl_len) : prh.incl_len;
    sec = p->swapped ? swap32(prh.ts_sec) : prh.ts_sec;
    subsec = p->swapped ? swap32(prh.ts_subsec) : prh.ts_subsec;
    if (len > PCAP_MAX_RECORD) {
        if (errorp) {
            *errorp = xasprintf("bogus packet length %"PRIu32" in pcap "
                                "record", len);
        }
        return EPROTO;
    }
    if (when) {
        *when = (long long int) sec * 1000
                + (p->nsec ? subsec / 1000000 : subsec / 1000);
    }

    b = dp_packet_new(len);
    error = read_exact(p, dp_packet_put_uninit(b, len), len, "pcap packet",
                       errorp);
    if (error) {
        dp_packet_delete(b);
        return error;
    }
    *bufp = b;
    return 0;
}

void
ovs_pcap_write_header(struct pcap_file *p)
{
    struct pcap_hdr ph;

    ph.magic = PCAP_MAGIC_USEC;
    ph.version_major = 2;
    ph.version_minor = 4;
    ph.thiszone = 0;
    ph.sigfigs = 0;
    ph.snaplen = 65535;
    ph.network = PCAP_LINKTYPE_ETHERNET;
    ignore(fwrite(&ph, sizeof ph, 1, p->stream));
    fflush(p->stream);
}

/* Appends 'buf' as a record stamped with the current time. */
void
ovs_pcap_write(struct pcap_file *p, struct dp_packet *buf)
{
    struct pcaprec_hdr prh;
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    prh.ts_sec = ts.tv_sec;
    prh.ts_subsec = ts.tv_nsec / 1000;
    prh.incl_len = dp_packet_size(buf);
    prh.orig_len = dp_packet_size(buf);
    ignore(fwrite(&prh, sizeof prh, 1, p->stream));
    ignore(fwrite(dp_packet_data(buf), dp_packet_size(buf), 1, p->stream));
    fflush(p->stream);
}

void
ovs_pcap_close(struct pcap_file *p)
{
    if (p) {
        fclose(p->stream);
        free(p);
    }
}

FILE *
ovs_pcap_stream(const struct pcap_file *p)
{
    return p->stream;
}
