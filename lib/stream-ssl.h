/* SSL/TLS configuration for the "ssl:" and "pssl:" streams.
 *
 * Both ends of every SSL connection authenticate each other: each presents
 * a certificate (--certificate) for its private key (--private-key), and
 * each checks that the peer's certificate is signed by the trusted CA
 * certificate (--ca-cert).  All three must be set before an SSL stream can
 * be opened.  Problems with the files are logged when the files are set
 * and again when a stream is opened without a usable configuration. */

#ifndef STREAM_SSL_H
#define STREAM_SSL_H 1

#include <limits.h>
#include <stdbool.h>

/* Returns true if any of the PKI options was given. */
bool stream_ssl_is_configured(void);

/* Each of these takes a PEM file name (copied).  Loading happens at once;
 * a file that cannot be loaded is tried again when a stream is opened. */
void stream_ssl_set_private_key_file(const char *file_name);
void stream_ssl_set_certificate_file(const char *file_name);
void stream_ssl_set_key_and_cert(const char *private_key_file,
                                 const char *certificate_file);

/* Sets the CA certificate used to verify peers.  FILE_NAME "none"
 * disables verification of peers (insecure; logged as a warning).
 * Bootstrapping (BOOTSTRAP true: learning the CA from the first peer) is
 * not supported and is reported as an error. */
void stream_ssl_set_ca_cert_file(const char *file_name, bool bootstrap);

/* Restricts the TLS versions to those in the comma- or space-separated
 * list PROTOCOLS ("TLSv1.2", "TLSv1.3"), and the TLS 1.2 cipher suites to
 * the OpenSSL cipher list CIPHERS.  Errors are logged and leave the
 * setting unchanged. */
void stream_ssl_set_protocols(const char *protocols);
void stream_ssl_set_ciphers(const char *ciphers);

/* Command-line options for programs that use SSL:
 *
 *     enum { ..., STREAM_SSL_OPTION_ENUMS, ... };
 *     long_options[] = { ..., STREAM_SSL_LONG_OPTIONS, ... };
 *     short options: "p:c:C:"
 *     switch (c) { ... STREAM_SSL_OPTION_HANDLERS ... }
 */
#define STREAM_SSL_OPTION_ENUMS                 \
        OPT_SSL_PROTOCOLS = UCHAR_MAX + 3072,   \
        OPT_SSL_CIPHERS

#define STREAM_SSL_LONG_OPTIONS                                         \
        {"ssl-protocols", required_argument, NULL, OPT_SSL_PROTOCOLS},  \
        {"ssl-ciphers", required_argument, NULL, OPT_SSL_CIPHERS},      \
        {"private-key", required_argument, NULL, 'p'},                  \
        {"certificate", required_argument, NULL, 'c'},                  \
        {"ca-cert", required_argument, NULL, 'C'}

#define STREAM_SSL_OPTION_HANDLERS                                      \
        case 'p': stream_ssl_set_private_key_file(optarg); break;       \
        case 'c': stream_ssl_set_certificate_file(optarg); break;       \
        case 'C': stream_ssl_set_ca_cert_file(optarg, false); break;    \
        case OPT_SSL_PROTOCOLS: stream_ssl_set_protocols(optarg); break; \
        case OPT_SSL_CIPHERS: stream_ssl_set_ciphers(optarg); break;

#endif /* stream-ssl.h */
