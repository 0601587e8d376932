/*
 * UDP over lwIP's raw API.  Received datagrams wait in a small ring with
 * their sender; when the ring or its byte budget is full, new ones are
 * dropped, as a datagram socket may.  Sends copy into a PBUF_RAM pbuf (never
 * PBUF_POOL: Debian's build sizes that pool wrongly).
 */
#include <string.h>

#include <lwip/igmp.h>
#include <lwip/mld6.h>

#include "lwip_backend.h"

#define PAYLOAD_MAX 65507u /* 65535 minus the IPv4 and UDP headers */

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *ip, u16_t port)
{
    struct nsapi_lwip_socket *s = arg;
    struct nsapi_lwip_datagram *d;

    (void)pcb;
    if (s->count == NSAPI_LWIP_UDP_QUEUE || s->queued + p->tot_len > s->rcvbuf) {
        pbuf_free(p);
        return;
    }
    d = &s->queue[(s->head + s->count) % NSAPI_LWIP_UDP_QUEUE];
    d->p = p;
    nsapi_lwip_from_ip(ip, port, &d->from);
    s->count++;
    s->queued += p->tot_len;
    nsapi_lwip_notify(s);
}

nsapi_error_t nsapi_lwip_udp_open(struct nsapi_lwip_socket *s)
{
    s->pcb.udp = udp_new_ip_type(IPADDR_TYPE_ANY);
    if (s->pcb.udp == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    s->rcvbuf = NSAPI_LWIP_UDP_RCVBUF;
    udp_recv(s->pcb.udp, on_recv, s);
    return NSAPI_ERROR_OK;
}

void nsapi_lwip_udp_close(struct nsapi_lwip_socket *s)
{
    while (s->joined > 0) {
        nsapi_lwip_udp_membership(s, false, &s->groups[s->joined - 1]); /* a group dies with its socket */
    }
    udp_remove(s->pcb.udp);
    s->pcb.udp = NULL;
    while (s->count > 0) {
        pbuf_free(s->queue[s->head].p);
        s->head = (s->head + 1) % NSAPI_LWIP_UDP_QUEUE;
        s->count--;
    }
}

nsapi_error_t nsapi_lwip_udp_bind(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port)
{
    if (s->pcb.udp->local_port != 0) {
        return NSAPI_ERROR_PARAMETER; /* bound already, maybe implicitly by a send */
    }
    return nsapi_lwip_error(udp_bind(s->pcb.udp, ip, port));
}

nsapi_size_or_error_t nsapi_lwip_udp_sendto(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port,
                                            const void *data, nsapi_size_t size)
{
    struct pbuf *p;
    err_t err;

    if (size > PAYLOAD_MAX) {
        return NSAPI_ERROR_NO_MEMORY; /* no IP packet can carry it: refuse rather than truncate */
    }
    p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)size, PBUF_RAM);
    if (p == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (size > 0) {
        pbuf_take(p, data, (u16_t)size);
    }
    err = udp_sendto(s->pcb.udp, p, ip, port);
    pbuf_free(p);
    return err == ERR_OK ? (nsapi_size_or_error_t)size : nsapi_lwip_error(err);
}

nsapi_size_or_error_t nsapi_lwip_udp_recvfrom(struct nsapi_lwip_socket *s, nsapi_socket_address_t *from, void *data,
                                              nsapi_size_t size)
{
    struct nsapi_lwip_datagram *d;
    nsapi_size_t copied;

    if (s->count == 0) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    d = &s->queue[s->head];
    copied = nsapi_lwip_copy_out(d->p, data, size); /* the rest of a longer datagram is discarded */
    if (from != NULL) {
        *from = d->from;
    }
    s->queued -= d->p->tot_len;
    pbuf_free(d->p);
    s->head = (s->head + 1) % NSAPI_LWIP_UDP_QUEUE;
    s->count--;
    return (nsapi_size_or_error_t)copied;
}

/* Join or leave a group on the interface; error codes as Mbed's lwIP backend. */
static nsapi_error_t change_group(bool join, const ip_addr_t *group, const nsapi_ip_mreq_t *mreq)
{
    ip_addr_t local;
    err_t err;

    if (!nsapi_lwip_to_ip(&mreq->imr_interface, &local)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (IP_IS_V4(group)) {
        const ip4_addr_t *from = mreq->imr_interface.version == NSAPI_IPv4 ? ip_2_ip4(&local) : IP4_ADDR_ANY4;

        err = join ? igmp_joingroup(from, ip_2_ip4(group)) : igmp_leavegroup(from, ip_2_ip4(group));
    } else {
        const ip6_addr_t *from = mreq->imr_interface.version == NSAPI_IPv6 ? ip_2_ip6(&local) : IP6_ADDR_ANY6;

        err = join ? mld6_joingroup(from, ip_2_ip6(group)) : mld6_leavegroup(from, ip_2_ip6(group));
    }
    return nsapi_lwip_error(err);
}

static bool same_addr(const nsapi_addr_t *a, const nsapi_addr_t *b)
{
    size_t size = a->version == NSAPI_IPv4 ? 4 : a->version == NSAPI_IPv6 ? 16 : 0;

    return a->version == b->version && memcmp(a->bytes, b->bytes, size) == 0;
}

static bool same_group(const nsapi_ip_mreq_t *a, const nsapi_ip_mreq_t *b)
{
    return same_addr(&a->imr_multiaddr, &b->imr_multiaddr) && same_addr(&a->imr_interface, &b->imr_interface);
}

nsapi_error_t nsapi_lwip_udp_membership(struct nsapi_lwip_socket *s, bool join, const nsapi_ip_mreq_t *mreq)
{
    ip_addr_t group;
    unsigned i;
    nsapi_error_t err;

    if (mreq->imr_multiaddr.version == NSAPI_UNSPEC || !nsapi_lwip_to_ip(&mreq->imr_multiaddr, &group)
        || !ip_addr_ismulticast(&group)) {
        return NSAPI_ERROR_PARAMETER;
    }
    for (i = 0; i < s->joined && !same_group(&s->groups[i], mreq); i++) {
    }
    if (join && i < s->joined) {
        return NSAPI_ERROR_ADDRESS_IN_USE; /* this socket is a member already */
    }
    if (!join && i == s->joined) {
        return NSAPI_ERROR_NO_ADDRESS; /* not a member through this socket */
    }
    if (join && s->joined == NSAPI_LWIP_UDP_GROUPS) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    err = change_group(join, &group, mreq);
    if (err != NSAPI_ERROR_OK && join) {
        return err;
    }
    if (join) {
        s->groups[s->joined++] = *mreq;
    } else {
        s->groups[i] = s->groups[--s->joined]; /* left even if the interface has gone */
    }
    return err;
}
