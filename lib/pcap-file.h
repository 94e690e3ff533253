/* Reading and writing pcap capture files.
 *
 * Only the classic libpcap format with Ethernet link type is supported,
 * in either byte order and with micro- or nanosecond timestamps when
 * reading; files are written in host byte order with microseconds. */

#ifndef PCAP_FILE_H
#define PCAP_FILE_H 1

#include <stdio.h>
#include <stdint.h>

struct dp_packet;

/* An open pcap file. */
struct pcap_file;

/* Opens 'file_name' with fopen() mode 'mode' ("rb" to read, "wb" to write
 * a new file with its header, "ab" to append, writing a header only if the
 * file is empty).  Returns NULL and sets errno on failure.  For "rb" the
 * header is read and checked; a bad header also yields NULL, with errno
 * EPROTO, after logging why. */
struct pcap_file *ovs_pcap_open(const char *file_name, const char *mode);

/* Wraps the already-open 'stream' (taking ownership of it) in a pcap_file
 * for reading; reads and checks the header.  On error returns NULL, closes
 * 'stream' and stores a malloc()'d message in '*errorp'. */
struct pcap_file *ovs_pcap_stdio_read(FILE *stream, char **errorp);

/* Reads the next packet.  Returns 0 and stores a new packet (owned by the
 * caller) in '*bufp', EOF at the clean end of the file, or a positive
 * errno value for a truncated or garbled record (also storing a malloc()'d
 * description in '*errorp' if 'errorp' is nonnull).  '*when', if nonnull,
 * receives the capture time in milliseconds. */
int ovs_pcap_read(struct pcap_file *, struct dp_packet **bufp,
                  long long int *when, char **errorp);

/* Writes the file header / one packet record. */
void ovs_pcap_write_header(struct pcap_file *);
void ovs_pcap_write(struct pcap_file *, struct dp_packet *);

void ovs_pcap_close(struct pcap_file *);

/* The underlying stream (for fileno(), fflush()). */
FILE *ovs_pcap_stream(const struct pcap_file *);

#endif /* pcap-file.h */
