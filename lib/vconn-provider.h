/*
 * Interface between lib/vconn.c and the classes that move bytes for it.
 *
 * vconn.c does version negotiation and message checks; a class only opens,
 * connects, and sends and receives whole OpenFlow messages.  The one class
 * today is lib/vconn-stream.c, which covers every stream type.
 */

#ifndef VCONN_PROVIDER_H
#define VCONN_PROVIDER_H 1

#include "vconn.h"

struct vconn {
    const struct vconn_class *vclass;
    int state;                  /* enum vconn_state in vconn.c. */
    int error;                  /* Why the connection ended, or 0. */
    uint32_t allowed_versions;  /* Bitmap of versions we accept. */
    uint32_t peer_versions;     /* Bitmap the peer offered. */
    enum ofp_version version;   /* Negotiated version, 0 before. */
    bool recv_any_version;      /* Accept messages of other versions? */
    char *name;
};

/* Initializes 'vconn' for a class's open or accept function.
 * 'connect_status' is 0 if the transport is already connected, EAGAIN if
 * it is connecting, or an error. */
void vconn_init(struct vconn *, const struct vconn_class *,
                int connect_status, const char *name,
                uint32_t allowed_versions);

struct vconn_class {
    const char *name;

    /* Returns 0 if this class handles vconn name 'name'. */
    int (*verify)(const char *name);

    /* Opens 'name'; on success stores a new vconn in '*vconnp'. */
    int (*open)(const char *name, uint32_t allowed_versions, uint8_t dscp,
                struct vconn **vconnp);
    void (*close)(struct vconn *);

    /* Returns 0 when connected, EAGAIN while connecting, else an error. */
    int (*connect)(struct vconn *);

    /* Receives one whole message into a new ofpbuf (owned by the caller);
     * returns 0, EAGAIN, EOF at the end, or an error. */
    int (*recv)(struct vconn *, struct ofpbuf **msgp);

    /* Sends 'msg' and takes ownership on success (0); on EAGAIN the caller
     * keeps it. */
    int (*send)(struct vconn *, struct ofpbuf *msg);

    void (*run)(struct vconn *);
    void (*run_wait)(struct vconn *);
    void (*wait)(struct vconn *, enum vconn_wait_type);
};

struct pvconn {
    const struct pvconn_class *pvclass;
    char *name;
    uint32_t allowed_versions;
};

void pvconn_init(struct pvconn *, const struct pvconn_class *,
                 const char *name, uint32_t allowed_versions);

struct pvconn_class {
    const char *name;
    int (*verify)(const char *name);
    int (*listen)(const char *name, uint32_t allowed_versions, uint8_t dscp,
                  struct pvconn **pvconnp);
    void (*close)(struct pvconn *);
    int (*accept)(struct pvconn *, struct vconn **new_vconnp);
    void (*wait)(struct pvconn *);
};

extern const struct vconn_class stream_vconn_class;
extern const struct pvconn_class pstream_pvconn_class;

#endif /* vconn-provider.h */
