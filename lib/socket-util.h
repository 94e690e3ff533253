/* Helpers for sockets and file descriptors: nonblocking mode, parsing and
 * formatting of addresses, opening TCP and Unix domain sockets, checking
 * whether a connection completed, and reading or writing whole buffers. */

#ifndef SOCKET_UTIL_H
#define SOCKET_UTIL_H 1

#include <netinet/in.h>
#include <netinet/ip.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>

struct ds;

/* Default DSCP for control traffic (the "internetwork control" class). */
#define DSCP_DEFAULT (IPTOS_PREC_INTERNETCONTROL >> 2)

/* Nonblocking mode.  set_nonblocking() returns 0 or a positive errno value;
 * xset_nonblocking() exits the program on failure. */
int set_nonblocking(int fd);
void xset_nonblocking(int fd);

/* Sets the DSCP bits of FD's outgoing IPv4 or IPv6 (FAMILY) packets.
 * Returns 0 or a positive errno value; DSCP must be less than 64. */
int set_dscp(int fd, int family, uint8_t dscp);

/* Disables Nagle's algorithm on TCP socket FD (errors only logged). */
void setsockopt_tcp_nodelay(int fd);

/* Pipes, with both ends close-on-exec.  Exit the program on failure. */
void xpipe(int fds[2]);
void xpipe_nonblocking(int fds[2]);

/* Returns a descriptor open on /dev/null for reading and writing, or a
 * negative errno value.  The same descriptor is returned every time. */
int get_null_fd(void);

/* Socket errors and connections. */
int get_socket_error(int fd);
int check_connection_completion(int fd);

/* Reads or writes exactly N bytes, retrying after EINTR and partial
 * transfers (FD should be blocking).  Returns 0 on success, EOF if the
 * peer closed the connection before N bytes could be read, or a positive
 * errno value; *BYTES_DONE tells how many bytes were transferred. */
int read_fully(int fd, void *, size_t n, size_t *bytes_read);
int write_fully(int fd, const void *, size_t n, size_t *bytes_written);

/* Discards everything queued for reading on FD (best effort). */
int drain_rcvbuf(int fd);
void drain_fd(int fd, size_t n_packets);

/* Returns a description of FD for humans (e.g. "10.0.0.1:6653<->...",
 * "unix socket /path", "pipe"), which the caller must free(). */
char *describe_fd(int fd);

/* Addresses.
 *
 * An active target is "HOST[:PORT]" and a passive one "[PORT][:HOST]",
 * where HOST is an IPv4 address or an IPv6 address in square brackets
 * (also a host name, if RESOLVE_HOST is true; names are resolved with the
 * system resolver, which may block).  A missing port means DEFAULT_PORT,
 * or is an error if DEFAULT_PORT is negative.  On failure, the functions
 * log a warning, clear *SSP, set *DNS_FAILURE (if nonnull) to tell whether
 * name resolution was the cause, and return false. */
bool inet_parse_active(const char *target, int default_port,
                       struct sockaddr_storage *ssp,
                       bool resolve_host, bool *dns_failure);
bool inet_parse_passive(const char *target, int default_port,
                        struct sockaddr_storage *ssp,
                        bool resolve_host, bool *dns_failure);

/* Like inet_parse_active() and inet_parse_passive(), but instead of logging
 * return an error message (without the target in it) that the caller must
 * free(), or NULL on success. */
char *inet_parse_active_error(const char *target, int default_port,
                              struct sockaddr_storage *ssp,
                              bool resolve_host, bool *dns_failure);
char *inet_parse_passive_error(const char *target, int default_port,
                               struct sockaddr_storage *ssp,
                               bool resolve_host, bool *dns_failure);

/* Opens a nonblocking socket of type STYLE (SOCK_STREAM ...) and starts
 * connecting it to TARGET (as for inet_parse_active()).  Returns 0 if the
 * connection completed at once, EAGAIN if it is in progress (wait for
 * POLLOUT, then check_connection_completion()), or another positive errno
 * value (EINVAL for a malformed TARGET, ENOENT for an unknown host name).
 * On 0 or EAGAIN, *FDP is the socket (else -1).  *SSP, if nonnull,
 * receives the parsed address.  inet_open_active_ss() does the same for an
 * address already parsed. */
int inet_open_active(int style, const char *target, int default_port,
                     struct sockaddr_storage *ssp, int *fdp, uint8_t dscp);
int inet_open_active_ss(int style, const struct sockaddr_storage *,
                        int *fdp, uint8_t dscp);

/* Opens a nonblocking socket of type STYLE listening on TARGET (as for
 * inet_parse_passive(); an empty HOST means all IPv4 addresses).  Returns
 * the socket or a negative errno value.  *SSP, if nonnull, receives the
 * bound address, with the actual port when port 0 was requested.  If
 * KERNEL_PRINT_PORT, the port number is printed on stdout.
 * inet_open_passive_ss() does the same for an address already parsed,
 * which it updates to the bound address. */
int inet_open_passive(int style, const char *target, int default_port,
                      struct sockaddr_storage *ssp, uint8_t dscp,
                      bool kernel_print_port);
int inet_open_passive_ss(int style, struct sockaddr_storage *, uint8_t dscp);

/* Opens a Unix domain socket of type STYLE, nonblocking if NONBLOCK, bound
 * to BIND_PATH (if nonnull; an existing file there is removed first and the
 * new one is registered for removal at exit) and connected to CONNECT_PATH
 * (if nonnull).  Paths too long for a sockaddr_un are reached through
 * /proc/self/fd.  Returns the socket (connection may be in progress if
 * nonblocking: check errno with check_connection_completion()) or a
 * negative errno value; -EAGAIN means the connection is in progress and
 * the socket is unavailable, so callers treat it as a transient failure. */
int make_unix_socket(int style, bool nonblock,
                     const char *bind_path, const char *connect_path);
int get_unix_name_len(const struct sockaddr_un *, socklen_t sun_len);

/* Fills in *UN for PATH, opening PATH's directory and naming it through
 * /proc/self/fd if PATH is too long.  On success returns 0 and sets *DIRFDP
 * to the directory descriptor (or -1) and *UN_LEN; release with
 * free_sockaddr_un(*DIRFDP, NULL).  Returns a positive errno value
 * (ENAMETOOLONG) on failure. */
int make_sockaddr_un(const char *path, struct sockaddr_un *un,
                     socklen_t *un_len, int *dirfdp);
void free_sockaddr_un(int dirfd, const char *linkname);

/* struct sockaddr_storage helpers. */
uint16_t ss_get_port(const struct sockaddr_storage *);
size_t ss_length(const struct sockaddr_storage *);
void ss_format_address(const struct sockaddr_storage *, struct ds *);
void ss_format_address_nobracks(const struct sockaddr_storage *,
                                struct ds *);

#endif /* socket-util.h */
