/* Streams over a plain socket descriptor: the shared implementation of
 * "tcp:", "unix:" and their passive forms. */

#ifndef STREAM_FD_H
#define STREAM_FD_H 1

#include <stddef.h>
#include <sys/socket.h>

struct pstream;
struct stream;

/* Creates a stream named NAME (ownership taken) over the socket FD
 * (ownership taken), whose connection status is CONNECT_STATUS (0,
 * EAGAIN, or an errno value) and whose address family is FD_TYPE (AF_INET,
 * AF_UNIX...).  Returns 0 and stores the stream in *STREAMP. */
int new_fd_stream(char *name, int fd, int connect_status, int fd_type,
                  struct stream **streamp);

/* Creates a passive stream named NAME (ownership taken) over the
 * listening socket FD (ownership taken).  For each accepted connection,
 * ACCEPT_CB is called with the new socket and the peer's address and must
 * create the stream (closing the socket if it fails).  UNLINK_PATH
 * (ownership taken, may be NULL) is removed when the pstream is closed.
 * Returns 0 and stores the pstream in *PSTREAMP. */
int new_fd_pstream(char *name, int fd,
                   int (*accept_cb)(int fd, const struct sockaddr_storage *,
                                    size_t ss_len, struct stream **),
                   char *unlink_path, struct pstream **pstreamp);

#endif /* stream-fd.h */
