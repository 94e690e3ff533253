/* TCP socket helpers shared by the "tcp"/"ptcp" and "ssl"/"pssl" stream
 * classes (SSL runs over TCP and opens its sockets the same way). */

#ifndef STREAM_TCP_H
#define STREAM_TCP_H 1

#include <stdint.h>
#include <sys/socket.h>

/* Starts a TCP connection for stream NAME to SUFFIX ("HOST:PORT").
 * Returns 0 and sets *FDP, *CONNECT_STATUSP (0 or EAGAIN) and *FAMILYP,
 * or returns a positive errno value. */
int tcp_open_socket(const char *name, const char *suffix, int *fdp,
                    int *connect_statusp, int *familyp, uint8_t dscp);

/* Opens a TCP listener on SUFFIX ("PORT[:HOST]").  Returns 0 and sets
 * *FDP, *PORTP (the bound port, host order) and *BOUND_NAMEP (a name
 * "PREFIX:PORT:ADDRESS" the caller must free), or returns a positive
 * errno value. */
int ptcp_open_socket(const char *name, const char *prefix,
                     const char *suffix, int *fdp, char **bound_namep,
                     uint16_t *portp, uint8_t dscp);

/* Returns "PREFIX:ADDRESS:PORT" for peer SS, which the caller frees. */
char *tcp_format_peer(const char *prefix, const struct sockaddr_storage *);

#endif /* stream-tcp.h */
