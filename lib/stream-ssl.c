/* "ssl:HOST:PORT" and "pssl:PORT[:HOST]": TLS over TCP, with OpenSSL.
 *
 * Connection setup has two phases: the TCP connection (as for "tcp:"),
 * then the TLS handshake, both driven without blocking from
 * stream_connect().  OpenSSL tells us after each attempt whether it needs
 * the socket to become readable or writable before it can go on; we keep
 * that answer to know what to poll for.
 *
 * Writing needs care.  When SSL_write() cannot finish, OpenSSL insists on
 * being called again later with the same bytes.  Callers of
 * stream_send() expect to hand data over and move on, so in that case we
 * copy the data into our own buffer, report it all as sent, and finish the
 * write from stream_run().  Until the buffer empties, stream_send() says
 * EAGAIN.
 *
 * Reading has its own trap: OpenSSL may already hold decrypted bytes that
 * the socket will never announce again, so a reader that waits for the
 * socket to be readable must first check SSL_pending().
 *
 * One SSL_CTX holds the process-wide configuration (key, certificate, CA)
 * shared by every stream, active or passive. */

#include <config.h>

#include "stream-ssl.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "fatal-signal.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/util.h"
#include "openvswitch/vlog.h"
#include "socket-util.h"
#include "stream-provider.h"
#include "stream-tcp.h"

VLOG_DEFINE_THIS_MODULE(stream_ssl);

static struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(10, 25);

/* One PKI file and whether it was loaded into the context. */
struct pki_file {
    const char *what;           /* "private key", ... for messages. */
    const char *option;         /* "--private-key", ... for messages. */
    char *file_name;            /* NULL if never set. */
    bool loaded;
};

static struct pki_file private_key = { "private key", "--private-key",
                                       NULL, false };
static struct pki_file certificate = { "certificate", "--certificate",
                                       NULL, false };
static struct pki_file ca_cert = { "CA certificate", "--ca-cert",
                                   NULL, false };

/* True unless the CA certificate was set to "none". */
static bool verify_peer = true;

static SSL_CTX *ctx;

static void
free_pki_files(void)
{
    free(private_key.file_name);
    free(certificate.file_name);
    free(ca_cert.file_name);
    private_key.file_name = certificate.file_name = NULL;
    ca_cert.file_name = NULL;
    SSL_CTX_free(ctx);
    ctx = NULL;
}

/* Returns the reason for the first OpenSSL error in the queue (the root
 * cause; later ones tend to be generic), as a static string, and clears
 * the queue. */
static const char *
openssl_reason(void)
{
    unsigned long err = ERR_peek_error();
    const char *reason = err ? ERR_reason_error_string(err) : NULL;

    ERR_clear_error();
    return reason ? reason : "unknown error";
}

static void
configure_verify(void)
{
    SSL_CTX_set_verify(ctx, (verify_peer
                             ? SSL_VERIFY_PEER
                             | SSL_VERIFY_FAIL_IF_NO_PEER_CERT
                             : SSL_VERIFY_NONE), NULL);
}

/* Creates the shared context on first use. */
static SSL_CTX *
get_ctx(void)
{
    if (!ctx) {
        /* OpenSSL writes to the socket itself, without MSG_NOSIGNAL. */
        fatal_ignore_sigpipe();

        ctx = SSL_CTX_new(TLS_method());
        if (!ctx) {
            ovs_fatal(0, "SSL_CTX_new failed: %s", openssl_reason());
        }
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        SSL_CTX_set_mode(ctx, (SSL_MODE_ENABLE_PARTIAL_WRITE
                               | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER));
#ifdef SSL_OP_IGNORE_UNEXPECTED_EOF
        /* A peer that closes the TCP connection without a TLS close_notify
         * is treated as an ordinary end of stream. */
        SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
#endif
        SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
        configure_verify();
        atexit(free_pki_files);
    }
    return ctx;
}

/* Checks that FILE_NAME can be read, logging why not.  Returns true if
 * so. */
static bool
check_readable(const struct pki_file *pki)
{
    if (access(pki->file_name, R_OK)) {
        VLOG_ERR("could not read %s from \"%s\" (%s)",
                 pki->what, pki->file_name, ovs_strerror(errno));
        return false;
    }
    return true;
}

static bool
load_private_key(void)
{
    if (!check_readable(&private_key)) {
        return false;
    }
    ERR_clear_error();
    if (SSL_CTX_use_PrivateKey_file(get_ctx(), private_key.file_name,
                                    SSL_FILETYPE_PEM) != 1) {
        VLOG_ERR("\"%s\" does not contain a usable private key (%s)",
                 private_key.file_name, openssl_reason());
        return false;
    }
    return true;
}

static bool
load_certificate(void)
{
    if (!check_readable(&certificate)) {
        return false;
    }
    ERR_clear_error();
    if (SSL_CTX_use_certificate_chain_file(get_ctx(),
                                           certificate.file_name) != 1) {
        VLOG_ERR("\"%s\" does not contain a usable certificate (%s)",
                 certificate.file_name, openssl_reason());
        return false;
    }
    return true;
}

static bool
load_ca_cert(void)
{
    STACK_OF(X509_NAME) *names;

    if (!check_readable(&ca_cert)) {
        return false;
    }
    ERR_clear_error();
    if (SSL_CTX_load_verify_locations(get_ctx(), ca_cert.file_name,
                                      NULL) != 1) {
        VLOG_ERR("\"%s\" does not contain a usable CA certificate (%s)",
                 ca_cert.file_name, openssl_reason());
        return false;
    }

    /* Tell clients which CA we accept, so they pick the right
     * certificate. */
    names = SSL_load_client_CA_file(ca_cert.file_name);
    if (names) {
        SSL_CTX_set_client_CA_list(ctx, names);
    }
    ERR_clear_error();
    return true;
}

/* Records FILE_NAME for PKI and loads it with LOAD, unless it is already
 * loaded from the same file. */
static void
set_pki_file(struct pki_file *pki, const char *file_name,
             bool (*load)(void))
{
    if (pki->loaded && pki->file_name && !strcmp(pki->file_name, file_name)) {
        return;
    }
    free(pki->file_name);
    pki->file_name = xstrdup(file_name);
    pki->loaded = load();
}

void
stream_ssl_set_private_key_file(const char *file_name)
{
    set_pki_file(&private_key, file_name, load_private_key);
}

void
stream_ssl_set_certificate_file(const char *file_name)
{
    set_pki_file(&certificate, file_name, load_certificate);
}

void
stream_ssl_set_key_and_cert(const char *private_key_file,
                            const char *certificate_file)
{
    /* The certificate first: OpenSSL drops a loaded key that does not match
     * a newly loaded certificate, while the opposite order keeps both. */
    stream_ssl_set_certificate_file(certificate_file);
    stream_ssl_set_private_key_file(private_key_file);
}

void
stream_ssl_set_ca_cert_file(const char *file_name, bool bootstrap)
{
    if (bootstrap) {
        VLOG_ERR("bootstrapping the CA certificate is not supported; "
                 "install \"%s\" first", file_name);
    }
    if (!strcmp(file_name, "none")) {
        VLOG_WARN("peer certificates will not be verified "
                  "(--ca-cert=none is insecure)");
        verify_peer = false;
        free(ca_cert.file_name);
        ca_cert.file_name = xstrdup(file_name);
        ca_cert.loaded = true;
        get_ctx();
        configure_verify();
        return;
    }
    verify_peer = true;
    get_ctx();
    configure_verify();
    set_pki_file(&ca_cert, file_name, load_ca_cert);
}

bool
stream_ssl_is_configured(void)
{
    return private_key.file_name || certificate.file_name
           || ca_cert.file_name;
}

void
stream_ssl_set_protocols(const char *protocols)
{
    char *copy = xstrdup(protocols);
    char *save_ptr = NULL;
    int min_version = 0, max_version = 0;
    char *word;

    for (word = strtok_r(copy, " ,\t", &save_ptr); word;
         word = strtok_r(NULL, " ,\t", &save_ptr)) {
        int version;

        if (!strcmp(word, "TLSv1.2")) {
            version = TLS1_2_VERSION;
        } else if (!strcmp(word, "TLSv1.3")) {
            version = TLS1_3_VERSION;
        } else {
            VLOG_ERR("%s: unknown SSL protocol (use TLSv1.2 or TLSv1.3)",
                     word);
            free(copy);
            return;
        }
        if (!min_version || version < min_version) {
            min_version = version;
        }
        if (version > max_version) {
            max_version = version;
        }
    }
    free(copy);

    if (!min_version) {
        VLOG_ERR("no SSL protocols given");
        return;
    }
    SSL_CTX_set_min_proto_version(get_ctx(), min_version);
    SSL_CTX_set_max_proto_version(ctx, max_version);
}

void
stream_ssl_set_ciphers(const char *ciphers)
{
    ERR_clear_error();
    if (SSL_CTX_set_cipher_list(get_ctx(), ciphers) != 1) {
        VLOG_ERR("%s: bad cipher list (%s)", ciphers, openssl_reason());
    }
}

/* Checks, before opening stream NAME, that key, certificate and CA are
 * all usable (retrying files that failed to load).  Returns 0 or
 * ENOPROTOOPT after logging what is missing. */
static int
check_configuration(const char *name)
{
    struct pki_file *pkis[] = { &private_key, &certificate, &ca_cert };
    bool (*loaders[])(void) = { load_private_key, load_certificate,
                                load_ca_cert };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(pkis); i++) {
        struct pki_file *pki = pkis[i];

        if (!pki->file_name) {
            VLOG_ERR("%s: SSL needs a %s (set one with %s)",
                     name, pki->what, pki->option);
            return ENOPROTOOPT;
        }
        if (!pki->loaded) {
            pki->loaded = loaders[i]();
            if (!pki->loaded) {
                VLOG_ERR("%s: cannot use SSL without a valid %s",
                         name, pki->what);
                return ENOPROTOOPT;
            }
        }
    }

    ERR_clear_error();
    if (SSL_CTX_check_private_key(get_ctx()) != 1) {
        VLOG_ERR("%s: private key \"%s\" does not match certificate \"%s\"",
                 name, private_key.file_name, certificate.file_name);
        ERR_clear_error();
        return ENOPROTOOPT;
    }
    return 0;
}

/* SSL streams. */

enum ssl_state {
    SSL_TCP_CONNECTING,         /* Waiting for the TCP connection. */
    SSL_HANDSHAKING             /* TLS handshake in progress. */
};

enum ssl_role {
    SSL_CLIENT,
    SSL_SERVER
};

struct ssl_stream {
    struct stream stream;
    enum ssl_state state;
    enum ssl_role role;
    int fd;
    SSL *ssl;

    /* What OpenSSL waits for (SSL_READING, SSL_WRITING or SSL_NOTHING),
     * for reading/handshaking and for flushing 'txbuf'. */
    int rx_want;
    int tx_want;

    /* Data accepted by stream_send() that SSL_write() has not finished. */
    uint8_t *txbuf;
    size_t tx_len;              /* Bytes in 'txbuf'. */
    size_t tx_ofs;              /* Bytes of 'txbuf' already written. */
    int tx_error;               /* Positive errno if flushing failed. */
};

static struct ssl_stream *
ssl_stream_cast(struct stream *stream)
{
    return CONTAINER_OF(stream, struct ssl_stream, stream);
}

/* Translates an SSL_get_error() answer into what OpenSSL waits for. */
static int
want_from_error(int ssl_error)
{
    return (ssl_error == SSL_ERROR_WANT_READ ? SSL_READING
            : ssl_error == SSL_ERROR_WANT_WRITE ? SSL_WRITING
            : SSL_NOTHING);
}

static void
wait_for(const struct ssl_stream *s, int want)
{
    switch (want) {
    case SSL_READING:
        poll_fd_wait(s->fd, POLLIN);
        break;
    case SSL_WRITING:
        poll_fd_wait(s->fd, POLLOUT);
        break;
    default:
        poll_immediate_wake();
        break;
    }
}

/* Interprets the failure of an SSL call on S that returned RETVAL, given
 * SSL_get_error() answer SSL_ERROR, during OPERATION.  Returns EAGAIN
 * (setting *WANT) when OpenSSL only waits for the socket, EOF for a clean
 * end of stream, otherwise a positive errno value after logging. */
static int
interpret_ssl_error(struct ssl_stream *s, const char *operation,
                    int retval, int ssl_error, int *want)
{
    const char *name = stream_get_name(&s->stream);

    switch (ssl_error) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        *want = want_from_error(ssl_error);
        return EAGAIN;

    case SSL_ERROR_ZERO_RETURN:
        return EOF;

    case SSL_ERROR_SYSCALL: {
        int error = errno;

        if (ERR_peek_error()) {
            break;              /* A library error after all. */
        }
        if (retval == 0 || !error) {
            return EOF;         /* Connection closed without close_notify. */
        }
        VLOG_WARN_RL(&rl, "%s: %s: %s",
                     name, operation, ovs_strerror(error));
        return error;
    }

    default:
        break;
    }

    /* A protocol or verification failure. */
    if (SSL_get_verify_result(s->ssl) != X509_V_OK
        && ERR_GET_REASON(ERR_peek_last_error())
           == SSL_R_CERTIFICATE_VERIFY_FAILED) {
        long result = SSL_get_verify_result(s->ssl);
        VLOG_WARN_RL(&rl, "%s: %s failed: peer certificate not trusted (%s)",
                     name, operation,
                     X509_verify_cert_error_string(result));
        ERR_clear_error();
    } else {
        VLOG_WARN_RL(&rl, "%s: %s failed: %s",
                     name, operation, openssl_reason());
    }
    return EPROTO;
}

/* Takes ownership of FD and NAME. */
static int
new_ssl_stream(char *name, int fd, enum ssl_role role, int connect_status,
               struct stream **streamp)
{
    struct ssl_stream *s;
    SSL *ssl;

    ERR_clear_error();
    ssl = SSL_new(get_ctx());
    if (!ssl || SSL_set_fd(ssl, fd) != 1) {
        VLOG_ERR("%s: could not set up SSL (%s)", name, openssl_reason());
        SSL_free(ssl);
        close(fd);
        free(name);
        return ENOPROTOOPT;
    }
    if (role == SSL_CLIENT) {
        SSL_set_connect_state(ssl);
    } else {
        SSL_set_accept_state(ssl);
    }

    s = xzalloc(sizeof *s);
    /* Until the handshake is over the stream is "connecting", even if the
     * TCP connection is already up (CONNECT_STATUS 0 rather than EAGAIN). */
    stream_init(&s->stream, &ssl_stream_class, EAGAIN, name);
    s->state = connect_status == EAGAIN ? SSL_TCP_CONNECTING
               : SSL_HANDSHAKING;
    s->role = role;
    s->fd = fd;
    s->ssl = ssl;
    s->rx_want = s->tx_want = SSL_NOTHING;
    *streamp = &s->stream;
    return 0;
}

static int
ssl_open(const char *name, char *suffix, struct stream **streamp,
         uint8_t dscp)
{
    int fd, status, family;
    int error;

    error = check_configuration(name);
    if (error) {
        return error;
    }
    error = tcp_open_socket(name, suffix, &fd, &status, &family, dscp);
    if (error) {
        return error;
    }
    return new_ssl_stream(xstrdup(name), fd, SSL_CLIENT, status, streamp);
}

static void
ssl_close(struct stream *stream)
{
    struct ssl_stream *s = ssl_stream_cast(stream);

    /* Send close_notify if we can without waiting; a peer that misses it
     * still sees the TCP connection close. */
    if (s->state == SSL_HANDSHAKING && SSL_is_init_finished(s->ssl)) {
        ERR_clear_error();
        SSL_shutdown(s->ssl);
    }
    ERR_clear_error();
    SSL_free(s->ssl);
    close(s->fd);
    free(s->txbuf);
    free(s);
}

/* Sets the stream's peer identity from the peer certificate's common
 * name, if any. */
static void
record_peer_id(struct ssl_stream *s)
{
    X509 *peer = SSL_get1_peer_certificate(s->ssl);
    char cn[256];

    if (peer) {
        X509_NAME *subject = X509_get_subject_name(peer);
        if (subject && X509_NAME_get_text_by_NID(subject, NID_commonName,
                                                 cn, sizeof cn) > 0) {
            stream_set_peer_id(&s->stream, cn);
        }
        X509_free(peer);
    }
}

static int
ssl_connect(struct stream *stream)
{
    struct ssl_stream *s = ssl_stream_cast(stream);
    int retval;

    if (s->state == SSL_TCP_CONNECTING) {
        int error = check_connection_completion(s->fd);
        if (error) {
            return error;
        }
        setsockopt_tcp_nodelay(s->fd);
        s->state = SSL_HANDSHAKING;
    }

    ERR_clear_error();
    retval = SSL_do_handshake(s->ssl);
    if (retval != 1) {
        int error = interpret_ssl_error(s, "SSL handshake", retval,
                                        SSL_get_error(s->ssl, retval),
                                        &s->rx_want);
        return error == EOF ? ECONNRESET : error;
    }
    s->rx_want = SSL_NOTHING;

    if (verify_peer && !SSL_get0_peer_certificate(s->ssl)) {
        /* Cannot happen with SSL_VERIFY_PEER, but never trust a peer
         * silently. */
        VLOG_WARN_RL(&rl, "%s: peer did not present a certificate",
                     stream_get_name(stream));
        return EPROTO;
    }
    record_peer_id(s);
    return 0;
}

static ssize_t
ssl_recv(struct stream *stream, void *buffer, size_t n)
{
    struct ssl_stream *s = ssl_stream_cast(stream);
    int retval;
    int error;

    ERR_clear_error();
    retval = SSL_read(s->ssl, buffer, MIN(n, (size_t) INT_MAX));
    if (retval > 0) {
        s->rx_want = SSL_NOTHING;
        return retval;
    }
    error = interpret_ssl_error(s, "SSL_read", retval,
                                SSL_get_error(s->ssl, retval), &s->rx_want);
    return error == EOF ? 0 : -error;
}

/* Tries to write the rest of 'txbuf'.  Returns 0 once it is empty, EAGAIN
 * if some remains, or a positive errno value. */
static int
ssl_flush(struct ssl_stream *s)
{
    while (s->tx_ofs < s->tx_len) {
        int retval;

        ERR_clear_error();
        retval = SSL_write(s->ssl, s->txbuf + s->tx_ofs,
                           s->tx_len - s->tx_ofs);
        if (retval > 0) {
            s->tx_ofs += retval;
            s->tx_want = SSL_NOTHING;
        } else {
            int error = interpret_ssl_error(s, "SSL_write", retval,
                                            SSL_get_error(s->ssl, retval),
                                            &s->tx_want);
            return error == EOF ? EPIPE : error;
        }
    }
    free(s->txbuf);
    s->txbuf = NULL;
    s->tx_len = s->tx_ofs = 0;
    return 0;
}

static ssize_t
ssl_send(struct stream *stream, const void *buffer, size_t n)
{
    struct ssl_stream *s = ssl_stream_cast(stream);
    int retval;

    if (s->tx_error) {
        return -s->tx_error;
    }
    if (s->txbuf) {
        int error = ssl_flush(s);
        if (error) {
            if (error != EAGAIN) {
                s->tx_error = error;
            }
            return -error;
        }
    }

    n = MIN(n, (size_t) INT_MAX);
    ERR_clear_error();
    retval = SSL_write(s->ssl, buffer, n);
    if (retval > 0) {
        return retval;
    }

    int error = interpret_ssl_error(s, "SSL_write", retval,
                                    SSL_get_error(s->ssl, retval),
                                    &s->tx_want);
    if (error == EAGAIN) {
        /* Keep the bytes for OpenSSL's retry and report them sent. */
        s->txbuf = xmemdup(buffer, n);
        s->tx_len = n;
        s->tx_ofs = 0;
        return n;
    }
    return -(error == EOF ? EPIPE : error);
}

static void
ssl_run(struct stream *stream)
{
    struct ssl_stream *s = ssl_stream_cast(stream);

    if (s->txbuf && !s->tx_error) {
        int error = ssl_flush(s);
        if (error && error != EAGAIN) {
            s->tx_error = error;
        }
    }
}

static void
ssl_run_wait(struct stream *stream)
{
    struct ssl_stream *s = ssl_stream_cast(stream);

    if (s->txbuf && !s->tx_error) {
        wait_for(s, s->tx_want);
    }
}

static void
ssl_wait(struct stream *stream, enum stream_wait_type wait)
{
    struct ssl_stream *s = ssl_stream_cast(stream);

    switch (wait) {
    case STREAM_CONNECT:
        if (s->state == SSL_TCP_CONNECTING) {
            poll_fd_wait(s->fd, POLLOUT);
        } else {
            wait_for(s, s->rx_want);
        }
        break;

    case STREAM_RECV:
        if (SSL_pending(s->ssl) > 0) {
            poll_immediate_wake();      /* Decrypted data already here. */
        } else if (s->rx_want != SSL_NOTHING) {
            wait_for(s, s->rx_want);
        } else {
            poll_fd_wait(s->fd, POLLIN);
        }
        break;

    case STREAM_SEND:
        if (!s->txbuf || s->tx_error) {
            poll_immediate_wake();      /* Room to send (or an error). */
        } else {
            wait_for(s, s->tx_want);
        }
        break;

    default:
        OVS_NOT_REACHED();
    }
}

const struct stream_class ssl_stream_class = {
    .name = "ssl",
    .needs_probes = true,
    .open = ssl_open,
    .close = ssl_close,
    .connect = ssl_connect,
    .recv = ssl_recv,
    .send = ssl_send,
    .run = ssl_run,
    .run_wait = ssl_run_wait,
    .wait = ssl_wait,
};

/* Passive SSL. */

struct pssl_pstream {
    struct pstream pstream;
    int fd;
};

static struct pssl_pstream *
pssl_pstream_cast(struct pstream *pstream)
{
    return CONTAINER_OF(pstream, struct pssl_pstream, pstream);
}

static int
pssl_open(const char *name, char *suffix, struct pstream **pstreamp,
          uint8_t dscp)
{
    struct pssl_pstream *ps;
    char *bound_name;
    uint16_t port;
    int error;
    int fd;

    error = check_configuration(name);
    if (error) {
        return error;
    }
    error = ptcp_open_socket(name, "pssl", suffix, &fd, &bound_name, &port,
                             dscp);
    if (error) {
        return error;
    }

    ps = xmalloc(sizeof *ps);
    pstream_init(&ps->pstream, &pssl_pstream_class, bound_name);
    pstream_set_bound_port(&ps->pstream, htons(port));
    ps->fd = fd;
    *pstreamp = &ps->pstream;
    return 0;
}

static void
pssl_close(struct pstream *pstream)
{
    struct pssl_pstream *ps = pssl_pstream_cast(pstream);

    close(ps->fd);
    free(ps);
}

static int
pssl_accept(struct pstream *pstream, struct stream **new_streamp)
{
    struct pssl_pstream *ps = pssl_pstream_cast(pstream);
    struct sockaddr_storage ss;
    socklen_t ss_len;
    int new_fd;

    do {
        ss_len = sizeof ss;
        memset(&ss, 0, sizeof ss);
        new_fd = accept4(ps->fd, (struct sockaddr *) &ss, &ss_len,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (new_fd < 0 && errno == EINTR);

    if (new_fd < 0) {
        int error = errno == EWOULDBLOCK ? EAGAIN : errno;
        return error == ECONNABORTED ? EAGAIN : error;
    }
    setsockopt_tcp_nodelay(new_fd);
    return new_ssl_stream(tcp_format_peer("ssl", &ss), new_fd, SSL_SERVER,
                          0, new_streamp);
}

static void
pssl_wait(struct pstream *pstream)
{
    struct pssl_pstream *ps = pssl_pstream_cast(pstream);
    poll_fd_wait(ps->fd, POLLIN);
}

const struct pstream_class pssl_pstream_class = {
    .name = "pssl",
    .needs_probes = true,
    .listen = pssl_open,
    .close = pssl_close,
    .accept = pssl_accept,
    .wait = pssl_wait,
};
