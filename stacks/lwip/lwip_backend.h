/*
 * The lwIP backend's one internal header: its tunables, its socket, and
 * what each of its files offers the others.  A socket is an lwIP pcb plus
 * what the raw API does not keep for us: the received data waiting for the
 * application, and the runtime's event callback.  Everything here runs
 * under lwIP's core lock (LOCK_TCPIP_CORE) unless it says otherwise, from
 * the application's threads or from lwIP's own thread in a pcb callback.
 *
 * The files call each other one way only (tests/structure checks it on the
 * objects): lwip_stack.c (the vtable and nsapi/lwip.h) is on top;
 * lwip_interface.c (the interfaces' operations) calls the netifs,
 * lwip_addresses.c and lwip_status.c (which calls lwip_status_queue.c);
 * lwip_options.c calls lwip_udp.c;
 * lwip_tcp.c and lwip_udp.c call lwip_events.c, lwip_convert.c and
 * lwip_errors.c; lwip_events.c calls netif_loop.c; the netifs call
 * lwip_events.c (to unlock) and lwip_addresses.c, which calls none.
 */
#ifndef NSAPI_LWIP_BACKEND_H
#define NSAPI_LWIP_BACKEND_H

#include <stdbool.h>

#include <lwip/err.h>
#include <lwip/ip_addr.h>
#include <lwip/pbuf.h>
#include <lwip/tcp.h>
#include <lwip/tcpip.h>
#include <lwip/udp.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

/* How a netif hands lwIP a received frame: through lwIP's thread, or (NO_SYS) at once, in the caller. */
#if NO_SYS
#define NSAPI_LWIP_INPUT netif_input
#else
#define NSAPI_LWIP_INPUT tcpip_input
#endif

/* Tunables: defaults that a -D on the compiler's command line overrides. */
#ifndef NSAPI_LWIP_UDP_QUEUE
#define NSAPI_LWIP_UDP_QUEUE 16 /* datagrams a UDP socket holds for the application */
#endif
#ifndef NSAPI_LWIP_UDP_RCVBUF
#define NSAPI_LWIP_UDP_RCVBUF 65536u /* bytes those datagrams may take, unless NSAPI_RCVBUF says otherwise */
#endif
#ifndef NSAPI_LWIP_UDP_GROUPS
#define NSAPI_LWIP_UDP_GROUPS 4 /* multicast groups one UDP socket may join */
#endif
#ifndef NSAPI_LWIP_EVENT_BATCH
#define NSAPI_LWIP_EVENT_BATCH 16 /* events a release of the core lock takes at once; more need the lock again */
#endif
#ifndef NSAPI_LWIP_TAP_LINK_POLL_MS
#define NSAPI_LWIP_TAP_LINK_POLL_MS 100 /* how often a TAP netif looks whether its device is up: the link's latency */
#endif
#ifndef NSAPI_LWIP_SHORTCUT_TAPS
#define NSAPI_LWIP_SHORTCUT_TAPS 4 /* TAP devices nsapi_lwip_add_tap() takes */
#endif
#ifndef NSAPI_LWIP_STATUS_QUEUE
#define NSAPI_LWIP_STATUS_QUEUE 8 /* an interface's statuses not yet reported; beyond, the oldest goes */
#endif
#ifndef NSAPI_LWIP_STATUS_CANCEL_MS
#define NSAPI_LWIP_STATUS_CANCEL_MS 1000 /* the longest down waits for a report of its interface under way */
#endif
#ifndef NSAPI_LWIP_BOGUS_LEASE_RETRY_MS
#define NSAPI_LWIP_BOGUS_LEASE_RETRY_MS 1000 /* after a lease of an address no host may have, DHCP starts over this late */
#endif
#ifndef NSAPI_LWIP_LOOPBACK_PASSES
#define NSAPI_LWIP_LOOPBACK_PASSES 4 /* rounds of netif polls in one loopback delivery; lwIP's thread takes the rest */
#endif

enum nsapi_lwip_tcp_state {
    NSAPI_LWIP_TCP_IDLE,
    NSAPI_LWIP_TCP_CONNECTING,
    NSAPI_LWIP_TCP_CONNECTED,
    NSAPI_LWIP_TCP_LISTENING,
    NSAPI_LWIP_TCP_FAILED
};

struct nsapi_lwip_datagram {
    struct pbuf *p;
    nsapi_socket_address_t from;
};

struct nsapi_lwip_socket {
    nsapi_protocol_t proto;
    nsapi_event_cb_t event; /* NULL until the runtime owns the socket (accepted ones wait), and from its close */
    void *context;
    bool event_queued;      /* an event raised, to be sent when the core lock is released */
    struct nsapi_lwip_socket *next_event;
    union {
        struct tcp_pcb *tcp;  /* NULL once lwIP freed it (reset, abort) */
        struct udp_pcb *udp;
    } pcb;
    /* TCP */
    enum nsapi_lwip_tcp_state state;
    struct pbuf *rx;          /* received, not yet read */
    bool eof;                 /* the peer closed its side */
    err_t error;              /* why lwIP dropped the pcb */
    nsapi_socket_address_t peer;
    struct nsapi_lwip_socket *pending; /* listener: accepted by lwIP, not yet by the application */
    struct nsapi_lwip_socket *next;
    unsigned backlog, waiting;
    /* UDP */
    struct nsapi_lwip_datagram queue[NSAPI_LWIP_UDP_QUEUE];
    unsigned head, count;
    unsigned queued, rcvbuf;  /* bytes held, and the most allowed */
    nsapi_ip_mreq_t groups[NSAPI_LWIP_UDP_GROUPS]; /* joined, left again when the socket closes */
    unsigned joined;
};

/* ---- lwip_events.c: the sockets' events, sent once the core lock is released; their count ---- */

/*
 * Make the core lock's release send the sockets' events (nsapi_lwip_release_hook);
 * once, before lwIP runs.  No lock.
 */
void nsapi_lwip_events_start(void);

/*
 * Take the core lock, unless this thread holds it already to send events in
 * the event-driven mode (then a sigio is calling the stack).
 */
void nsapi_lwip_lock(void);

/*
 * End what nsapi_lwip_lock() began: feed what the caller's calls looped back
 * into lwIP (netif_loop.c), and release the core lock if it took it; the
 * events raised meanwhile are sent after the release, once a socket (in the
 * event-driven mode, just before it).
 */
void nsapi_lwip_unlock(void);

/* Whether this thread is sending events under the core lock (event-driven mode): it must not sleep.  No lock. */
bool nsapi_lwip_inside_events(void);

/*
 * Have lwIP's thread send events before it releases the core lock (on), or
 * whoever releases it send them after (off).  Core lock held.
 * NSAPI_ERROR_OK: done; NSAPI_ERROR_BUSY: sockets are alive, nothing changed;
 * NSAPI_ERROR_NO_MEMORY: no message to wake lwIP's thread, nothing changed.
 */
nsapi_error_t nsapi_lwip_events_drive(bool on);

/* Mark the calling thread as lwIP's own, the one that sends events in the event-driven mode; from lwIP's thread, once. */
void nsapi_lwip_events_mark_thread(void);

/* Take the core lock, evaluate expr, and end as nsapi_lwip_unlock() does. */
#define NSAPI_LWIP_LOCKED(expr)                                                                                       \
    do {                                                                                                              \
        nsapi_lwip_lock();                                                                                            \
        expr;                                                                                                         \
        nsapi_lwip_unlock();                                                                                          \
    } while (0)

/* Tell the runtime the socket may make progress, once the core lock is released. */
void nsapi_lwip_notify(struct nsapi_lwip_socket *s);

/*
 * End the socket's events, as its close begins: none is queued or sent from
 * now on, and one that another thread is sending ends before this returns,
 * which releases the core lock meanwhile (the caller's own sending, further
 * up its stack, does not wait).
 */
void nsapi_lwip_silence(struct nsapi_lwip_socket *s);

/* A new socket, zero-filled and counted, or NULL; nsapi_lwip_socket_free() undoes it. */
struct nsapi_lwip_socket *nsapi_lwip_socket_alloc(nsapi_protocol_t proto);
void nsapi_lwip_socket_free(struct nsapi_lwip_socket *s);

/* Sockets alive, connections waiting to be accepted included. */
unsigned nsapi_lwip_socket_count(void);

/* ---- lwip_convert.c: nsapi's addresses and buffers against lwIP's ------------------------------ */

/* nsapi's address as lwIP's (NSAPI_UNSPEC: any address of either version); false for one lwIP cannot hold. */
bool nsapi_lwip_to_ip(const nsapi_addr_t *addr, ip_addr_t *ip);
void nsapi_lwip_from_ip(const ip_addr_t *ip, uint16_t port, nsapi_socket_address_t *address);

/* Give a link-local IPv6 address the zone of the netif that has a link-local address. */
void nsapi_lwip_zone(ip_addr_t *ip);

/* Whether a netif holds ip, or ip is a loopback address: what bind accepts. */
bool nsapi_lwip_is_local(const ip_addr_t *ip);

/* Copy up to size bytes from the front of a chain (at most its 16-bit tot_len). */
nsapi_size_t nsapi_lwip_copy_out(const struct pbuf *p, void *data, nsapi_size_t size);

/* ---- lwip_errors.c ------------------------------------------------------------------------------ */

/* The nsapi error for an lwIP error (ERR_OK gives NSAPI_ERROR_OK); the table is in lwip_errors.c.  No lock. */
nsapi_error_t nsapi_lwip_error(err_t err);

/* ---- lwip_tcp.c and lwip_udp.c: the protocol halves of the vtable ---------------------------- */

nsapi_error_t nsapi_lwip_tcp_open(struct nsapi_lwip_socket *s);
void nsapi_lwip_tcp_close(struct nsapi_lwip_socket *s);
nsapi_error_t nsapi_lwip_tcp_bind(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_error_t nsapi_lwip_tcp_listen(struct nsapi_lwip_socket *s, int backlog);
nsapi_error_t nsapi_lwip_tcp_connect(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_error_t nsapi_lwip_tcp_accept(struct nsapi_lwip_socket *s, struct nsapi_lwip_socket **connection);
nsapi_size_or_error_t nsapi_lwip_tcp_send(struct nsapi_lwip_socket *s, const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_lwip_tcp_recv(struct nsapi_lwip_socket *s, void *data, nsapi_size_t size);

nsapi_error_t nsapi_lwip_udp_open(struct nsapi_lwip_socket *s);
void nsapi_lwip_udp_close(struct nsapi_lwip_socket *s);
nsapi_error_t nsapi_lwip_udp_bind(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port);
nsapi_size_or_error_t nsapi_lwip_udp_sendto(struct nsapi_lwip_socket *s, const ip_addr_t *ip, uint16_t port,
                                            const void *data, nsapi_size_t size);
nsapi_size_or_error_t nsapi_lwip_udp_recvfrom(struct nsapi_lwip_socket *s, nsapi_socket_address_t *from, void *data,
                                              nsapi_size_t size);
/* Join (join) or leave a multicast group; the socket keeps its groups, and leaves them when it closes. */
nsapi_error_t nsapi_lwip_udp_membership(struct nsapi_lwip_socket *s, bool join, const nsapi_ip_mreq_t *mreq);

/* ---- lwip_options.c: level NSAPI_SOCKET, as the vtable's setsockopt and getsockopt (they lock) ---- */

nsapi_error_t nsapi_lwip_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                    const void *optval, unsigned optlen);
nsapi_error_t nsapi_lwip_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                    void *optval, unsigned *optlen);

/* ---- netif_loop.c and netif_tap.c: the netifs the backend offers ---------------------------- */

/*
 * Add the loopback netif, down, with ::1 as its only address, its link up,
 * and make it the default; NULL if it exists already.
 */
struct netif *nsapi_lwip_loopback_create(void);

/* Remove it, if it was added. */
void nsapi_lwip_loopback_remove(void);

/*
 * Feed what the caller's own lwIP calls looped back (to this process's
 * addresses, on any netif) into lwIP now, in the caller's thread: the
 * receiving socket's thread is woken straight from here rather than after
 * a hop through lwIP's thread, which would run netif_poll() later.
 */
void nsapi_lwip_loopback_deliver(void);

/* Whether a netif holds looped-back packets not yet fed into lwIP. */
bool nsapi_lwip_loopback_pending(void);

/* A netif on a TAP device (netif_tap.c). */
struct nsapi_lwip_tap;

/*
 * Open the existing TAP device name and add its netif, down, without
 * addresses, its link the device's (and following it from then on), with a
 * MAC address of its own.  Without the core lock.
 * NSAPI_ERROR_PARAMETER: a bad name, or the device has a netif already;
 * NSAPI_ERROR_DEVICE_ERROR: it cannot be opened; NSAPI_ERROR_NO_MEMORY.
 */
nsapi_error_t nsapi_lwip_tap_open(const char *name, struct nsapi_lwip_tap **tap);

/* Its netif.  No lock. */
struct netif *nsapi_lwip_tap_netif(struct nsapi_lwip_tap *tap);

/* Stop its reader, remove its netif and close the device.  Without the core lock. */
void nsapi_lwip_tap_close(struct nsapi_lwip_tap *tap);

#if NO_SYS
/*
 * Without threads a board's Ethernet driver stands in for netif_tap.c and
 * implements the three functions above (name: the board's device, e.g.
 * "lan9118"), and this one: hand lwIP the frames the device has received
 * and follow its link; true if it did anything.  nsapi_lwip_poll() runs it.
 */
bool nsapi_lwip_tap_poll(void);
#endif

/* ---- lwip_addresses.c: a netif's addresses ---------------------------------------------------- */

/* Add a static IPv6 address, valid at once. */
err_t nsapi_lwip_add_static_ip6(struct netif *netif, const ip6_addr_t *ip6);

/* Remove every address but ::1. */
void nsapi_lwip_clear_addresses(struct netif *netif);

/* The netif's address of that kind (a valid one for IPv6, preferred first; never ::1), or NULL. */
const ip_addr_t *nsapi_lwip_find_address(struct netif *netif, nsapi_address_kind_t kind);

/* Whether DHCP gave the netif an address no host may have (0/8, loopback, multicast, 240/4, its subnet's
 * broadcast or network address): lwIP 2.1's dhcp.c binds whatever an ACK says.  find_address hides it. */
bool nsapi_lwip_bogus_lease(struct netif *netif);

/* ---- lwip_status.c: interfaces' status reports, outside the core lock ------------------------ */

/* An interface's statuses waiting to be reported. */
struct nsapi_lwip_pending {
    nsapi_interface_t *interface;
    nsapi_connection_status_t queue[NSAPI_LWIP_STATUS_QUEUE];
    unsigned count;
    bool listed; /* on the reporter's list */
    struct nsapi_lwip_pending *next;
};

/* lwip_status_queue.c: the list of interfaces with statuses to report, oldest first; the caller
 * serialises.  Queue status for p (when p holds NSAPI_LWIP_STATUS_QUEUE, its oldest goes); true when
 * p joined the list. */
bool nsapi_lwip_pending_add(struct nsapi_lwip_pending *p, nsapi_connection_status_t status);

/* The interface to report first, or NULL. */
struct nsapi_lwip_pending *nsapi_lwip_pending_first(void);

/* Take p off the list, if it is on it; its queued statuses stay. */
void nsapi_lwip_pending_remove(struct nsapi_lwip_pending *p);

/* Start the reporting thread, once a process; NSAPI_ERROR_NO_MEMORY if it cannot. */
nsapi_error_t nsapi_lwip_status_start(void);

/* Queue a status for p's interface; the thread reports it, after those queued before.  Any thread, any lock. */
void nsapi_lwip_status_post(struct nsapi_lwip_pending *p, nsapi_connection_status_t status);

#if NO_SYS
/* Without threads (nosys/lwip_status_polled.c): report what is queued now; true if anything was.
 * nsapi_lwip_poll() runs it, outside any lwIP callback. */
bool nsapi_lwip_status_deliver(void);
#endif

/*
 * Drop what p has queued and wait (at most NSAPI_LWIP_STATUS_CANCEL_MS) for
 * a report of p's under way; from the reporting thread itself, no wait.
 * Without the core lock.
 */
void nsapi_lwip_status_cancel(struct nsapi_lwip_pending *p);

/* ---- lwip_interface.c: the interfaces (nsapi_interface_api_t) --------------------------------- */

/* Make interface an Ethernet interface over the TAP device tap; the checks of nsapi/lwip.h are done. */
nsapi_error_t nsapi_lwip_interface_ethernet(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *tap);

/* Make interface the loopback netif's interface. */
nsapi_error_t nsapi_lwip_interface_loopback(nsapi_interface_t *interface, nsapi_stack_t *stack);

/* Interfaces alive (nsapi_lwip_deinit waits for none).  Under the core lock. */
unsigned nsapi_lwip_interface_count(void);

#endif
