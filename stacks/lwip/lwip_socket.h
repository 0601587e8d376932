/*
 * The lwIP backend's socket: an lwIP pcb plus what the raw API does not
 * keep for us, the received data waiting for the application, and the
 * runtime's event callback.  Everything here is touched only under lwIP's
 * core lock (LOCK_TCPIP_CORE), from the application's threads or from
 * lwIP's own thread in a pcb callback.
 */
#ifndef NSAPI_LWIP_SOCKET_H
#define NSAPI_LWIP_SOCKET_H

#include <stdbool.h>

#include <lwip/ip_addr.h>
#include <lwip/pbuf.h>
#include <lwip/tcp.h>
#include <lwip/udp.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

#define LWIP_UDP_QUEUE 16          /* datagrams a UDP socket holds for the application */
#define LWIP_UDP_GROUPS 4          /* multicast groups one UDP socket may join */
#define LWIP_UDP_RCVBUF 65536u     /* bytes they may take, unless NSAPI_RCVBUF says otherwise */

enum lwip_tcp_state { TCP_IDLE, TCP_CONNECTING, TCP_CONNECTED, TCP_LISTENING, TCP_FAILED };

struct datagram {
    struct pbuf *p;
    nsapi_socket_address_t from;
};

struct lwip_socket {
    nsapi_protocol_t proto;
    nsapi_event_cb_t event; /* NULL until the runtime owns the socket (accepted ones wait) */
    void *context;
    bool batched;           /* an event noted during a loopback delivery, not yet sent (lwip_stack.c) */
    union {
        struct tcp_pcb *tcp;  /* NULL once lwIP freed it (reset, abort) */
        struct udp_pcb *udp;
    } pcb;
    /* TCP */
    enum lwip_tcp_state state;
    struct pbuf *rx;          /* received, not yet read */
    bool eof;                 /* the peer closed its side */
    err_t error;              /* why lwIP dropped the pcb */
    nsapi_socket_address_t peer;
    struct lwip_socket *pending; /* listener: accepted by lwIP, not yet by the application */
    struct lwip_socket *next;
    unsigned backlog, waiting;
    /* UDP */
    struct datagram queue[LWIP_UDP_QUEUE];
    unsigned head, count;
    unsigned queued, rcvbuf;  /* bytes held, and the most allowed */
    nsapi_ip_mreq_t groups[LWIP_UDP_GROUPS]; /* joined, left again when the socket closes */
    unsigned joined;
};

/* Tell the runtime the socket may make progress.  Core lock held. */
void lwip_socket_notify(struct lwip_socket *s);

/* A new backend socket (counted) or NULL; lwip_socket_free() undoes it. */
struct lwip_socket *lwip_socket_alloc(nsapi_protocol_t proto);
void lwip_socket_free(struct lwip_socket *s);

/* Address conversions; false for an address lwIP cannot hold. */
bool lwip_to_ip(const nsapi_addr_t *addr, ip_addr_t *ip);

/* Give a link-local IPv6 address the zone of the netif that has a link-local address.  Core lock held. */
void lwip_zone(ip_addr_t *ip);
void lwip_from_ip(const ip_addr_t *ip, uint16_t port, nsapi_socket_address_t *address);

/* Whether a netif holds ip, or ip is a loopback address: what bind accepts. */
bool lwip_is_local(const ip_addr_t *ip);

/* The protocol halves of the vtable (lwip_tcp.c, lwip_udp.c).  Core lock held. */
nsapi_error_t lwip_tcp_open(struct lwip_socket *s);
void lwip_tcp_close(struct lwip_socket *s);
nsapi_error_t lwip_tcp_bind(struct lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_error_t lwip_tcp_listen(struct lwip_socket *s, int backlog);
nsapi_error_t lwip_tcp_connect(struct lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_error_t lwip_tcp_accept(struct lwip_socket *s, struct lwip_socket **connection);
nsapi_size_or_error_t lwip_tcp_send(struct lwip_socket *s, const void *data, nsapi_size_t size);
nsapi_size_or_error_t lwip_tcp_recv(struct lwip_socket *s, void *data, nsapi_size_t size);

nsapi_error_t lwip_udp_open(struct lwip_socket *s);
void lwip_udp_close(struct lwip_socket *s);
nsapi_error_t lwip_udp_bind(struct lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_size_or_error_t lwip_udp_sendto(struct lwip_socket *s, const ip_addr_t *ip, uint16_t port, const void *data,
                                      nsapi_size_t size);
nsapi_size_or_error_t lwip_udp_recvfrom(struct lwip_socket *s, nsapi_socket_address_t *from, void *data,
                                        nsapi_size_t size);
nsapi_error_t lwip_udp_membership(struct lwip_socket *s, bool join, const nsapi_ip_mreq_t *mreq);

/* Copy up to size bytes from the front of a chain (at most its 16-bit tot_len). */
nsapi_size_t lwip_copy_out(const struct pbuf *p, void *data, nsapi_size_t size);

#endif
