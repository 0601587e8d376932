/*
 * TCP over lwIP's raw API.  Received segments stay in lwIP's pbufs, queued
 * on the socket, and are copied straight into the caller's buffer; the window
 * reopens (tcp_recved) only as the application reads, so a slow reader slows
 * the sender instead of filling memory.  Every callback here runs in lwIP's
 * thread with the core lock held, and only records state and notifies.
 */
#include <string.h>

#include <lwip/priv/tcp_priv.h> /* TCP_SLOW_INTERVAL, the unit of a pcb's timers */

#include "lwip_backend.h"

/* What waits unread on a socket fits the window, and so a pbuf chain's 16-bit tot_len. */
#if TCP_WND > 0xffff
#error "lwip_tcp.c assumes a receive window of at most 65535 bytes"
#endif

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    struct nsapi_lwip_socket *s = arg;

    (void)pcb;
    (void)err;
    if (p == NULL) {
        s->eof = true;
    } else if (s->rx == NULL) {
        s->rx = p;
    } else {
        pbuf_cat(s->rx, p);
    }
    nsapi_lwip_notify(s);
    return ERR_OK;
}

static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
    (void)len;
    nsapi_lwip_rto_sent(pcb);      /* lwIP has processed the ACK and taken its sample */
    nsapi_lwip_recovery_sent(pcb); /* and has not sent yet */
    nsapi_lwip_notify(arg);
    return ERR_OK;
}

/* Each slow-timer tick, after lwIP's own timeouts; lwIP sends what this queued when it returns. */
static err_t on_poll(void *arg, struct tcp_pcb *pcb)
{
    (void)arg;
    nsapi_lwip_rto_poll(pcb);
    nsapi_lwip_recovery_poll(pcb);
    nsapi_lwip_ooseq_poll(pcb);
    nsapi_lwip_fill_ack_poll(pcb);
    return ERR_OK;
}

/* lwIP has freed the pcb (reset, abort, retransmissions exhausted). */
static void on_error(void *arg, err_t err)
{
    struct nsapi_lwip_socket *s = arg;

    s->pcb.tcp = NULL;
    s->error = err;
    s->state = NSAPI_LWIP_TCP_FAILED;
    nsapi_lwip_notify(s);
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct nsapi_lwip_socket *s = arg;

    (void)pcb;
    (void)err; /* lwIP calls this only with ERR_OK; failures come through on_error */
    s->state = NSAPI_LWIP_TCP_CONNECTED;
    nsapi_lwip_notify(s);
    return ERR_OK;
}

/* lwIP 2.1 starts every connection with a 3 s retransmission timeout; RFC 6298 says 1 s.  An accepted
 * connection has measured its handshake already: only a larger timeout is lowered. */
static void initial_rto(struct tcp_pcb *pcb)
{
    const s16_t ticks = NSAPI_LWIP_INITIAL_RTO_MS / TCP_SLOW_INTERVAL;

    if (pcb->rto > ticks) {
        pcb->rto = ticks;
    }
    if (pcb->sv > ticks) {
        pcb->sv = ticks;
    }
}

static void attach(struct nsapi_lwip_socket *s, struct tcp_pcb *pcb)
{
    s->pcb.tcp = pcb;
    initial_rto(pcb);
    tcp_arg(pcb, s);
    tcp_recv(pcb, on_recv);
    tcp_sent(pcb, on_sent);
    tcp_poll(pcb, on_poll, 1);
    tcp_err(pcb, on_error);
}

/* Cut a pcb loose from its socket: lwIP's defaults take its remaining traffic. */
static void detach(struct tcp_pcb *pcb)
{
    tcp_arg(pcb, NULL);
    if (pcb->state == LISTEN) {
        tcp_accept(pcb, NULL); /* lwIP asserts that a listening pcb gets no other callbacks */
        return;
    }
    tcp_recv(pcb, NULL);
    tcp_sent(pcb, NULL);
    tcp_poll(pcb, NULL, 0);
    tcp_err(pcb, NULL);
}

/* Forget the queued connections their clients reset before accept took them.  lwIP stopped counting
 * each against the backlog when it freed its pcb, and admitted a SYN in its place: kept, they would
 * make that connection's accept callback find the queue full and reset an honest client (issue 18). */
static void drop_reset_pending(struct nsapi_lwip_socket *listener)
{
    struct nsapi_lwip_socket **p = &listener->pending;

    while (*p != NULL) {
        struct nsapi_lwip_socket *c = *p;

        if (c->pcb.tcp != NULL) {
            p = &c->next;
            continue;
        }
        *p = c->next;
        listener->waiting--;
        if (c->rx != NULL) {
            pbuf_free(c->rx);
        }
        nsapi_lwip_socket_free(c);
    }
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct nsapi_lwip_socket *listener = arg;
    struct nsapi_lwip_socket *c, **tail;

    if (err != ERR_OK || pcb == NULL) {
        return ERR_VAL;
    }
    /* lwIP counts a connection against the backlog (TCP_LISTEN_BACKLOG) only until this callback;
     * it stays counted until accept takes it, so that lwIP ignores SYNs over the backlog and the
     * client retries them, as with Linux, instead of a reset. */
    if (listener->waiting >= listener->backlog) {
        drop_reset_pending(listener);
    }
    if (listener->waiting >= listener->backlog || (c = nsapi_lwip_socket_alloc(NSAPI_TCP)) == NULL) {
        return ERR_MEM; /* out of memory: lwIP aborts the connection and the client sees a reset */
    }
    tcp_backlog_delayed(pcb);
    attach(c, pcb);
    c->state = NSAPI_LWIP_TCP_CONNECTED;
    nsapi_lwip_from_ip(&pcb->remote_ip, pcb->remote_port, &c->peer);
    for (tail = &listener->pending; *tail != NULL; tail = &(*tail)->next) {
    }
    *tail = c;
    listener->waiting++;
    nsapi_lwip_notify(listener);
    return ERR_OK;
}

nsapi_error_t nsapi_lwip_tcp_open(struct nsapi_lwip_socket *s)
{
    struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_ANY);

    if (pcb == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    attach(s, pcb);
    return NSAPI_ERROR_OK;
}

static void close_pcb(struct tcp_pcb *pcb)
{
    detach(pcb);
    if (tcp_close(pcb) != ERR_OK) {
        tcp_abort(pcb); /* no memory for the FIN: reset instead of lingering */
    }
}

void nsapi_lwip_tcp_close(struct nsapi_lwip_socket *s)
{
    while (s->pending != NULL) {
        struct nsapi_lwip_socket *c = s->pending;

        s->pending = c->next;
        if (c->pcb.tcp != NULL) {
            detach(c->pcb.tcp);
            tcp_abort(c->pcb.tcp);
        }
        nsapi_lwip_socket_free(c);
    }
    if (s->pcb.tcp != NULL) {
        close_pcb(s->pcb.tcp); /* lwIP finishes the close on its own; close never waits for it */
        s->pcb.tcp = NULL;
    }
    if (s->rx != NULL) {
        pbuf_free(s->rx);
        s->rx = NULL;
    }
}

nsapi_error_t nsapi_lwip_tcp_bind(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port)
{
    if (s->pcb.tcp == NULL || s->state != NSAPI_LWIP_TCP_IDLE || s->pcb.tcp->local_port != 0) {
        return NSAPI_ERROR_PARAMETER; /* already bound, implicitly by connect or by an earlier bind */
    }
    return nsapi_lwip_error(tcp_bind(s->pcb.tcp, ip, port));
}

nsapi_error_t nsapi_lwip_tcp_listen(struct nsapi_lwip_socket *s, int backlog)
{
    struct tcp_pcb *listener;
    err_t err = ERR_OK;

    if (s->state == NSAPI_LWIP_TCP_LISTENING) {
        return NSAPI_ERROR_OK;
    }
    if (s->pcb.tcp == NULL || s->state != NSAPI_LWIP_TCP_IDLE || s->pcb.tcp->local_port == 0) {
        return NSAPI_ERROR_PARAMETER;
    }
    listener = tcp_listen_with_backlog_and_err(s->pcb.tcp, (u8_t)backlog, &err);
    if (listener == NULL) {
        return nsapi_lwip_error(err);
    }
    /* tcp_listen freed the old pcb and made a smaller one. */
    s->pcb.tcp = listener;
    s->state = NSAPI_LWIP_TCP_LISTENING;
    s->backlog = (unsigned)backlog;
    tcp_arg(listener, s);
    tcp_accept(listener, on_accept);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_tcp_connect(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port)
{
    err_t err;

    switch (s->state) {
    case NSAPI_LWIP_TCP_CONNECTING:
        return NSAPI_ERROR_ALREADY;
    case NSAPI_LWIP_TCP_CONNECTED:
        return NSAPI_ERROR_IS_CONNECTED;
    case NSAPI_LWIP_TCP_FAILED:
        return NSAPI_ERROR_NO_CONNECTION; /* never a false success; close and open a new socket */
    case NSAPI_LWIP_TCP_LISTENING:
        return NSAPI_ERROR_PARAMETER;
    case NSAPI_LWIP_TCP_IDLE:
        break;
    }
    nsapi_lwip_trim_time_wait(NSAPI_LWIP_TIME_WAIT_MAX); /* each holds its local port */
    err = tcp_connect(s->pcb.tcp, ip, port, on_connected);
    if (err == ERR_BUF) {
        return NSAPI_ERROR_ADDRESS_IN_USE; /* tcp_connect's one ERR_BUF: every ephemeral port is taken */
    }
    if (err != ERR_OK) {
        return nsapi_lwip_error(err);
    }
    s->state = NSAPI_LWIP_TCP_CONNECTING;
    return NSAPI_ERROR_IN_PROGRESS;
}

nsapi_error_t nsapi_lwip_tcp_accept(struct nsapi_lwip_socket *s, struct nsapi_lwip_socket **connection)
{
    struct nsapi_lwip_socket *c = s->pending;

    if (s->state != NSAPI_LWIP_TCP_LISTENING) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (c == NULL) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    s->pending = c->next;
    s->waiting--;
    c->next = NULL;
    if (c->pcb.tcp != NULL) {
        tcp_backlog_accepted(c->pcb.tcp);
    }
    *connection = c;
    return NSAPI_ERROR_OK;
}

/* Why a socket that is not connected cannot carry data. */
static nsapi_error_t not_connected(const struct nsapi_lwip_socket *s)
{
    if (s->state == NSAPI_LWIP_TCP_CONNECTING) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    return s->error == ERR_ABRT ? NSAPI_ERROR_CONNECTION_LOST : NSAPI_ERROR_NO_CONNECTION;
}

nsapi_size_or_error_t nsapi_lwip_tcp_send(struct nsapi_lwip_socket *s, const void *data, nsapi_size_t size)
{
    struct tcp_pcb *pcb = s->pcb.tcp;
    nsapi_size_t room;
    err_t err;

    if (s->state != NSAPI_LWIP_TCP_CONNECTED || pcb == NULL) {
        return not_connected(s);
    }
    if (size == 0) {
        return 0;
    }
    room = tcp_sndbuf(pcb);
    if (room > 0xffffu) {
        room = 0xffffu; /* tcp_write takes a u16_t length */
    }
    if (size > room) {
        size = room;
    }
    if (size == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN) {
        return NSAPI_ERROR_WOULD_BLOCK; /* on_sent notifies when room comes back */
    }
    err = tcp_write(pcb, data, (u16_t)size, TCP_WRITE_FLAG_COPY);
    if (err == ERR_MEM) {
        return NSAPI_ERROR_WOULD_BLOCK;
    }
    if (err != ERR_OK) {
        return nsapi_lwip_error(err);
    }
    tcp_output(pcb);
    return (nsapi_size_or_error_t)size;
}

/*
 * A read from an event-driven sigio that empties the socket sends the ACK lwIP is delaying (as
 * Linux does once the application has read everything): there the whole exchange runs in lwIP's
 * thread, in bursts, and a peer's Nagle held its last short segment for that ACK until lwIP's
 * timer (a 1 MiB transfer over loopback took 22 ms instead of 0.8).  The default mode keeps lwIP's.
 */
static void ack_drained(struct nsapi_lwip_socket *s)
{
    if (s->rx == NULL && nsapi_lwip_inside_events() && (s->pcb.tcp->flags & TF_ACK_DELAY)) {
        tcp_ack_now(s->pcb.tcp);
        tcp_output(s->pcb.tcp);
    }
}

nsapi_size_or_error_t nsapi_lwip_tcp_recv(struct nsapi_lwip_socket *s, void *data, nsapi_size_t size)
{
    nsapi_size_t copied;

    if (s->rx == NULL) {
        if (s->error != ERR_OK) {
            return not_connected(s);
        }
        if (s->eof) {
            return 0;
        }
        return s->state == NSAPI_LWIP_TCP_CONNECTED ? NSAPI_ERROR_WOULD_BLOCK : not_connected(s);
    }
    copied = nsapi_lwip_copy_out(s->rx, data, size);
    s->rx = pbuf_free_header(s->rx, (u16_t)copied);
    if (s->pcb.tcp != NULL) {
        tcp_recved(s->pcb.tcp, (u16_t)copied); /* reopen the window by what the application took */
        ack_drained(s);
    }
    return (nsapi_size_or_error_t)copied;
}
