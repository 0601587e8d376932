/*
 * nsapi's lwIP options: lwIP is compiled from its sources with this file
 * (stacks/lwip/SConscript), as a firmware project compiles it with its own.
 *
 * To change an option without editing this file, define it first: with -D,
 * or in a header of your own named by NSAPI_LWIP_OPTIONS_FILE (`scons
 * LWIP_OPTIONS=path/to/my_opts.h`), which is included before anything here.
 * Every value below is a default that such a definition replaces.  What the
 * backend cannot work without is checked at the end of this file; what the
 * product promises beyond that (DHCP, the netif callbacks ...) is checked by
 * tests/stacks/test_lwip_options.c.
 *
 * Two profiles share the file: a Unix host (the Unix port: tests, examples,
 * the bench), with a 64 KiB window and memory from malloc, and anything else
 * (a microcontroller; the bench's Cortex-M4 figure), with lwIP's small
 * default window and static pools (see "TCP" and "Memory").
 */
#ifndef NSAPI_LWIPOPTS_H
#define NSAPI_LWIPOPTS_H

#ifdef NSAPI_LWIP_OPTIONS_FILE
#include NSAPI_LWIP_OPTIONS_FILE
#endif

/* ---- Threads and the core lock ------------------------------------------------------------ */

/* lwIP runs its own thread (timers, received frames); applications run in theirs. */
#ifndef NO_SYS
#define NO_SYS 0
#endif

/* The backend calls the raw API from the application's thread under the core lock, so a call
 * costs a mutex, not a message to lwIP's thread and a wait for its answer. */
#ifndef LWIP_TCPIP_CORE_LOCKING
#define LWIP_TCPIP_CORE_LOCKING 1
#endif

/* Frames from a driver's reader thread are queued to lwIP's thread rather than processed under
 * the core lock in the reader: the reader never waits behind an application's call. */
#ifndef LWIP_TCPIP_CORE_LOCKING_INPUT
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0
#endif

/* Releases the core lock, having first delivered what was looped back meanwhile (see
 * "Loopback"; config/core_unlock.c). */
void nsapi_lwip_unlock_core(void);

/* How nsapi_lwip_unlock_core releases the lock once the loopback is delivered: NULL releases it
 * (NSAPI_LWIP_RELEASE_CORE); nsapi's backend sets its own, which releases it and then sends the
 * sockets' events the holder raised (stacks/lwip/lwip_events.c).  Set once, before lwIP runs. */
extern void (*nsapi_lwip_release_hook)(void);

#if !NO_SYS && LWIP_TCPIP_CORE_LOCKING && !defined(LOCK_TCPIP_CORE)
#if defined(__unix__)
/* The Unix port's lock records its holder, so that a raw-API call made without the core lock
 * fails an assertion instead of racing (lwIP checks it on every such call). */
void sys_lock_tcpip_core(void);
void sys_unlock_tcpip_core(void);
void sys_check_core_locking(void);
void sys_mark_tcpip_thread(void);
#define LOCK_TCPIP_CORE() sys_lock_tcpip_core()
#define NSAPI_LWIP_RELEASE_CORE() sys_unlock_tcpip_core()
#define LWIP_ASSERT_CORE_LOCKED() sys_check_core_locking()
#define LWIP_MARK_TCPIP_THREAD() sys_mark_tcpip_thread()
#else
#define LOCK_TCPIP_CORE() sys_mutex_lock(&lock_tcpip_core)
#define NSAPI_LWIP_RELEASE_CORE() sys_mutex_unlock(&lock_tcpip_core)
#endif
#define UNLOCK_TCPIP_CORE() nsapi_lwip_unlock_core()
#endif

/* No threads at all (NO_SYS 1: a bare-metal firmware such as ports/mps2): lwIP runs inside the
 * application's blocking calls (nsapi_lwip_poll, the OS port's poll), so there is no core lock to
 * take; releasing it still delivers what the call looped back. */
#if NO_SYS && !defined(LOCK_TCPIP_CORE)
#define LOCK_TCPIP_CORE()
#define NSAPI_LWIP_RELEASE_CORE()
#define UNLOCK_TCPIP_CORE() nsapi_lwip_unlock_core()
#endif

/* ---- Protocols ---------------------------------------------------------------------------- */

/* Both IP versions on one socket, as nsapi's addresses are either. */
#ifndef LWIP_IPV4
#define LWIP_IPV4 1
#endif
#ifndef LWIP_IPV6
#define LWIP_IPV6 1
#endif
#ifndef LWIP_TCP
#define LWIP_TCP 1
#endif
#ifndef LWIP_UDP
#define LWIP_UDP 1
#endif
/* Ethernet netifs (the TAP netif, an Ethernet driver): ARP, and ND through ICMPv6. */
#ifndef LWIP_ARP
#define LWIP_ARP 1
#endif
#ifndef LWIP_ETHERNET
#define LWIP_ETHERNET 1
#endif
#ifndef LWIP_ICMP
#define LWIP_ICMP 1
#endif
#ifndef LWIP_ICMP6
#define LWIP_ICMP6 1
#endif
/* A few datagrams queued per neighbour while its address is resolved, not just the last one:
 * an application's first burst to a new peer is not thinned. */
#ifndef ARP_QUEUEING
#define ARP_QUEUEING 1
#endif
/* Multicast groups (ADD_MEMBERSHIP, DROP_MEMBERSHIP), IPv4 and IPv6. */
#ifndef LWIP_IGMP
#define LWIP_IGMP 1
#endif
#ifndef LWIP_IPV6_MLD
#define LWIP_IPV6_MLD 1
#endif
/* Per-pcb multicast TTL, interface and loop, which Mbed's multicast options map onto. */
#ifndef LWIP_MULTICAST_TX_OPTIONS
#define LWIP_MULTICAST_TX_OPTIONS 1
#endif
/* A datagram up to nsapi's 65507-byte limit arrives in 45 fragments of a 1500-byte link (a
 * small target keeps lwIP's 10, and so its pool). */
#if defined(__unix__) && !defined(IP_REASS_MAX_PBUFS)
#define IP_REASS_MAX_PBUFS 48
#endif
/* An end host: packets for others are dropped, never routed between netifs. */
#ifndef IP_FORWARD
#define IP_FORWARD 0
#endif
#ifndef LWIP_IPV6_FORWARD
#define LWIP_IPV6_FORWARD 0
#endif
/* Not used by nsapi: no raw pcbs, no UDP-Lite, no TLS layering. */
#ifndef LWIP_RAW
#define LWIP_RAW 0
#endif
#ifndef LWIP_UDPLITE
#define LWIP_UDPLITE 0
#endif
#ifndef LWIP_ALTCP
#define LWIP_ALTCP 0
#endif

/* ---- Addresses: DHCP, AutoIP, IPv6 autoconfiguration -------------------------------------- */

/* lwIP's own clients, for the interface layer to start on a netif instead of writing its own. */
#ifndef LWIP_DHCP
#define LWIP_DHCP 1
#endif
/* A link-local 169.254/16 address when no DHCP server answers, as other hosts fall back. */
#ifndef LWIP_AUTOIP
#define LWIP_AUTOIP 1
#endif
#ifndef LWIP_DHCP_AUTOIP_COOP
#define LWIP_DHCP_AUTOIP_COOP 1
#endif
/* SLAAC: addresses from a router's advertised prefixes; router solicitation to get them soon. */
#ifndef LWIP_IPV6_AUTOCONFIG
#define LWIP_IPV6_AUTOCONFIG 1
#endif
#ifndef LWIP_IPV6_SEND_ROUTER_SOLICIT
#define LWIP_IPV6_SEND_ROUTER_SOLICIT 1
#endif
/* DHCPv6 stateless (what a router's "other configuration" flag asks for); addresses themselves
 * come from SLAAC: lwIP 2.1 has no stateful DHCPv6. */
#ifndef LWIP_IPV6_DHCP6
#define LWIP_IPV6_DHCP6 1
#endif
#ifndef LWIP_IPV6_DHCP6_STATELESS
#define LWIP_IPV6_DHCP6_STATELESS 1
#endif
/* lwIP keeps the DNS servers DHCP and DHCPv6 announce (dns_getserver), for the runtime's own
 * resolver (runtime/dns.c), which is what resolves names: lwIP's resolver is compiled but unused.
 * Without it DHCP asks for no servers, and a stateless DHCPv6 request would ask for nothing
 * (lwIP 2.1.3 then does not even compile dhcp6.c under -pedantic: an empty array). */
#ifndef LWIP_DNS
#define LWIP_DNS 1
#endif
/* A link-local address, one configured by hand, and two from advertised prefixes. */
#ifndef LWIP_IPV6_NUM_ADDRESSES
#define LWIP_IPV6_NUM_ADDRESSES 4
#endif

/* ---- Netifs -------------------------------------------------------------------------------- */

/* An interface layer learns of an address gained or lost (status), of a cable or radio link
 * coming and going (link), and of each change with its old value (ext, for several listeners). */
#ifndef LWIP_NETIF_STATUS_CALLBACK
#define LWIP_NETIF_STATUS_CALLBACK 1
#endif
#ifndef LWIP_NETIF_LINK_CALLBACK
#define LWIP_NETIF_LINK_CALLBACK 1
#endif
#ifndef LWIP_NETIF_EXT_STATUS_CALLBACK
#define LWIP_NETIF_EXT_STATUS_CALLBACK 1
#endif

/* ---- Loopback ------------------------------------------------------------------------------ */

/* Traffic to a netif's own addresses (and 127/8, ::1) is looped back to input: the backend's
 * in-process loopback netif (stacks/lwip/netif_loop.c) is any netif that is up and default, so
 * lwIP's own `lo` is not added. */
#ifndef LWIP_NETIF_LOOPBACK
#define LWIP_NETIF_LOOPBACK 1
#endif
#ifndef LWIP_HAVE_LOOPIF
#define LWIP_HAVE_LOOPIF 0
#endif
/* No hop through lwIP's thread for looped-back packets.  With 1, every burst a thread loops
 * back posts a netif_poll message to lwIP's thread, which wakes, waits for the core lock and
 * mostly finds the queue already emptied by the backend.  With 0, whoever holds the core lock
 * empties the queues before releasing it (nsapi_lwip_unlock_core, config/core_unlock.c): an
 * application thread at the end of its call, lwIP's thread after its timers and messages. */
#ifndef LWIP_NETIF_LOOPBACK_MULTITHREADING
#define LWIP_NETIF_LOOPBACK_MULTITHREADING 0
#endif

/* ---- TCP ----------------------------------------------------------------------------------- */

/* Full Ethernet segments; lwIP lowers the MSS to each netif's MTU. */
#ifndef TCP_MSS
#define TCP_MSS 1460
#endif
#if defined(__unix__)
/* Throughput: the largest window without scaling (the backend keeps a socket's unread data in
 * one pbuf chain, whose length is 16 bits), and a send buffer that fills it. */
#ifndef TCP_WND
#define TCP_WND 0xffff
#endif
#ifndef TCP_SND_BUF
#define TCP_SND_BUF TCP_WND
#endif
#else
/* A small target: four segments each way per connection (lwIP's own default). */
#ifndef TCP_WND
#define TCP_WND (4 * TCP_MSS)
#endif
#ifndef TCP_SND_BUF
#define TCP_SND_BUF (2 * TCP_MSS)
#endif
#endif
/* lwIP 2.1.3 answers every ACK that reaches a zero receive window with an ACK of its own, so two
 * full ends answer each other forever on the loopback netif; such ACKs, which carry nothing new,
 * are dropped before lwIP sees them (config/zero_window_ack.c: nonzero means drop). */
struct tcp_pcb;
struct tcp_hdr;
struct pbuf;
int nsapi_lwip_tcp_in(const struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p);
/* A client's new SYN (or its reset) ends a TIME-WAIT connection on the same 4-tuple instead of
 * being answered with an ACK it cannot use (config/time_wait.c: nonzero means lwIP drops the
 * segment, which that file has dealt with). */
int nsapi_lwip_time_wait_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, unsigned short optlen,
                            unsigned short opt1len, const unsigned char *opt2, const struct pbuf *p);
/* A data segment shorter than a full one is acknowledged at once, not at lwIP's next fast timer,
 * which a peer's Nagle would wait for (config/quick_ack.c; always 0). */
int nsapi_lwip_quick_ack(struct tcp_pcb *pcb, const struct pbuf *p);
/* Loss recovery without the retransmission timer (config/tcp_recovery.c: limited transmit,
 * NewReno's partial ACKs, the peer's SACK blocks, a tail-loss probe): the hook sees each segment first (always 0), and
 * the backend's sent callback, after lwIP processed an ACK, sends the next missing segment. */
int nsapi_lwip_recovery_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, unsigned short optlen,
                           unsigned short opt1len, const unsigned char *opt2, const struct pbuf *p);
void nsapi_lwip_recovery_sent(struct tcp_pcb *pcb);
/* The backend's poll callback, each slow-timer tick: the tail-loss probe. */
void nsapi_lwip_recovery_poll(struct tcp_pcb *pcb);
/* What those repairs did, over every connection since start, and the timeouts lwIP still took;
 * read under the core lock. */
struct nsapi_lwip_recovery_counts {
    unsigned long recoveries;        /* lwIP's fast retransmits */
    unsigned long partial_resends;   /* holes sent again at a partial ACK */
    unsigned long limited_transmits; /* new segments a duplicate ACK let go */
    unsigned long sack_recoveries;   /* fast retransmits the peer's SACK blocks started early */
    unsigned long sack_resends;      /* holes sent again because SACK showed their last sending lost */
    unsigned long probes;            /* tail-loss probes sent */
    unsigned long timeouts;          /* retransmission timeouts */
};
void nsapi_lwip_recovery_counts(struct nsapi_lwip_recovery_counts *out);
/* The retransmission timeout as RFC 6298 sets it (config/rto.c): the first round-trip sample sets
 * the estimate (lwIP moves it a quarter of the way from the initial 1 s), and the timeout doubles at
 * each expiry of the timer only (lwIP's backoff counts fast retransmits too); undoubled on a thin
 * connection.  The hook (always 0) sees progress and the sample coming, the sent callback seeds the
 * estimate after lwIP took the sample, the poll callback sets the timeout after the timer went off. */
int nsapi_lwip_rto_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr);
void nsapi_lwip_rto_sent(struct tcp_pcb *pcb);
void nsapi_lwip_rto_poll(struct tcp_pcb *pcb);
/* Expiries that keep the timeout undoubled while fewer than four segments are queued, at most this
 * many since the last progress, as Linux's tcp_thin_linear_timeouts (6): at the end of a write only
 * the timer repairs a loss, and three of its sendings lost in a row cost seconds of doubled waits
 * (100, 200, 400, 800 ms from a 100 ms timeout).  They do not count towards TCP_MAXRTX.  0: none. */
#ifndef NSAPI_LWIP_LINEAR_TIMEOUTS
#define NSAPI_LWIP_LINEAR_TIMEOUTS 6
#endif
/* What arrived out of order is kept while the peer repairs the hole before it (config/ooseq_hold.c):
 * lwIP drops it after six of its own retransmission timeouts without a segment, 360 ms with the
 * 10 ms timer below, sooner than a peer's timer resends a hole lost twice (Linux: 200 ms, then
 * 400 ms more).  The hook sees each segment (always 0); the backend's poll callback, each slow-timer
 * tick, holds the queue. */
int nsapi_lwip_ooseq_in(struct tcp_pcb *pcb);
void nsapi_lwip_ooseq_poll(struct tcp_pcb *pcb);
/* How long the queue is kept with nothing arriving: a hole lost seven times in a row from a peer's
 * 200 ms timer (25.4 s).  Keep-alive, which reads the same idle time, is postponed by as much at
 * most while a queue is held. */
#ifndef NSAPI_LWIP_OOSEQ_HOLD_MS
#define NSAPI_LWIP_OOSEQ_HOLD_MS 30000
#endif
/* A segment that fills the hole before what arrived out of order is acknowledged at once, and again
 * at the next slow-timer tick (config/fill_ack.c): that ACK is often the only one the peer gets, and
 * its loss cost a peer's retransmission timeout.  The hook (always 0) and the poll callback. */
int nsapi_lwip_fill_ack_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p);
void nsapi_lwip_fill_ack_poll(struct tcp_pcb *pcb);
/* A segment that lies inside data held out of order, and brings nothing else, is answered with an
 * ACK and dropped (config/ooseq_overlap.c): lwIP would cut the held data short at its end, data it
 * has reported in SACK blocks.  The hook: -1 for such a segment, else 0; last in the chain. */
int nsapi_lwip_ooseq_overlap_in(struct tcp_pcb *pcb, const struct tcp_hdr *hdr, const struct pbuf *p);
#ifndef LWIP_TCP_PCB_NUM_EXT_ARGS
#define LWIP_TCP_PCB_NUM_EXT_ARGS 6 /* tcp_recovery.c's three words a pcb, rto.c's, ooseq_hold.c's and fill_ack.c's one */
#endif
#ifndef LWIP_HOOK_TCP_INPACKET_PCB
#define LWIP_HOOK_TCP_INPACKET_PCB(pcb, hdr, optlen, opt1len, opt2, p)                                   \
    (nsapi_lwip_tcp_in(pcb, hdr, p) || nsapi_lwip_time_wait_in(pcb, hdr, optlen, opt1len, opt2, p)       \
     || nsapi_lwip_quick_ack(pcb, p) || nsapi_lwip_recovery_in(pcb, hdr, optlen, opt1len, opt2, p)       \
     || nsapi_lwip_rto_in(pcb, hdr) || nsapi_lwip_ooseq_in(pcb) || nsapi_lwip_fill_ack_in(pcb, hdr, p)   \
     || nsapi_lwip_ooseq_overlap_in(pcb, hdr, p))
#endif
/* End all but the newest keep TIME-WAIT connections (config/time_wait.c); under the core lock.  lwIP
 * does so itself only when its static pool of pcbs is empty, never with pools from malloc. */
void nsapi_lwip_trim_time_wait(unsigned keep);
/* TIME-WAIT connections kept, trimmed to this when a SYN reaches a listener and before a connect:
 * enough to answer a peer's retransmitted FIN for the last few connections, few enough that a
 * lookup walks no long list and a client's 16,384 ephemeral ports never run out. */
#ifndef NSAPI_LWIP_TIME_WAIT_MAX
#define NSAPI_LWIP_TIME_WAIT_MAX 64
#endif
/* Retransmission on a lossy link (issue 18, docs/reliability.md).  lwIP keeps its round-trip
 * estimate and its retransmission timer in slow-timer ticks, 2 * TCP_TMR_INTERVAL, and the
 * integer arithmetic of its estimator never takes the variance below 3 ticks: with lwIP's 250 ms
 * the timeout never fell below 1.5 s, doubling from the first expiry (3 s, 6 s ...).  10 ms makes
 * the floor 60 ms (Linux: 200 ms, but Linux repairs most losses without its timer; lwIP here
 * repairs fewer, config/tcp_recovery.c) and the ACK delay at most 10 ms; the timer runs only
 * while a connection is open. */
#ifndef TCP_TMR_INTERVAL
#define TCP_TMR_INTERVAL 10
#endif
/* The first retransmission timeout of a connection, before a round trip is measured: RFC 6298's
 * 1 s rather than lwIP 2.1's fixed 3 s (the backend sets it on every pcb it attaches). */
#ifndef NSAPI_LWIP_INITIAL_RTO_MS
#define NSAPI_LWIP_INITIAL_RTO_MS 1000
#endif
/* Selective acknowledgements of what arrived out of order, so that a peer which understands them
 * (Linux) sends again only what was lost, several losses a round trip, instead of one. */
#ifndef LWIP_TCP_SACK_OUT
#define LWIP_TCP_SACK_OUT 1
#endif
/* The checksum is computed while data is copied into a segment: one pass over it, not two. */
#ifndef LWIP_CHECKSUM_ON_COPY
#define LWIP_CHECKSUM_ON_COPY 1
#endif
/* A listener's backlog counts the connections being set up and those accepted by lwIP but not
 * yet by nsapi (lwip_tcp.c); a SYN over it is ignored, so the client retries it, as Linux does,
 * rather than meeting a reset. */
#ifndef TCP_LISTEN_BACKLOG
#define TCP_LISTEN_BACKLOG 1
#endif
/* nsapi's KEEPALIVE, KEEPIDLE and KEEPINTVL; REUSEADDR. */
#ifndef LWIP_TCP_KEEPALIVE
#define LWIP_TCP_KEEPALIVE 1
#endif
#ifndef SO_REUSE
#define SO_REUSE 1
#endif
/* Ephemeral ports start at a random place: a restarted process does not reuse the previous
 * run's ports while the peer may still hold them in TIME-WAIT. */
#ifndef LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS
#define LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS 1
#endif

/* ---- Memory -------------------------------------------------------------------------------- */

#if defined(__unix__)
/* malloc for the heap and every pool: ASan watches each lwIP object in the test builds, and
 * nothing runs out under the bench's thousands of connections a second (the runtime enforces
 * nsapi's socket limit itself). */
#ifndef MEM_LIBC_MALLOC
#define MEM_LIBC_MALLOC 1
#endif
#ifndef MEMP_MEM_MALLOC
#define MEMP_MEM_MALLOC 1
#endif
#endif
/* What malloc guarantees, so headers in a pbuf are aligned for their fields. */
#ifndef MEM_ALIGNMENT
#ifdef __SIZEOF_POINTER__
#define MEM_ALIGNMENT __SIZEOF_POINTER__
#else
#define MEM_ALIGNMENT 4
#endif
#endif
/* Static pools (when MEMP_MEM_MALLOC is 0), sized for the conformance suite's load: 16 sockets
 * (NSAPI_SOCKET_LIMIT) with both ends of each connection on the same stack, their services'
 * listeners, and connections closed but waiting in TIME-WAIT (lwIP reuses the oldest of those
 * when the pool is empty).  The heap holds unsent and unread data. */
#ifndef MEM_SIZE
#define MEM_SIZE (16 * 1024)
#endif
#ifndef MEMP_NUM_TCP_PCB
#define MEMP_NUM_TCP_PCB 32
#endif
#ifndef MEMP_NUM_TCP_PCB_LISTEN
#define MEMP_NUM_TCP_PCB_LISTEN 8
#endif
#ifndef MEMP_NUM_UDP_PCB
#define MEMP_NUM_UDP_PCB 16
#endif
/* Segments queued to send: four connections with full send buffers (lwIP's TCP_SND_QUEUELEN each). */
#ifndef MEMP_NUM_TCP_SEG
#define MEMP_NUM_TCP_SEG (4 * ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS))
#endif
/* Received frames wait in pool pbufs; enough to hold a full window from a driver. */
#ifndef PBUF_POOL_SIZE
#define PBUF_POOL_SIZE (TCP_WND / TCP_MSS + 2)
#endif
/* Timers (when MEMP_MEM_MALLOC is 0): lwIP 2.1.3 sizes the pool for its own (LWIP_NUM_SYS_TIMEOUT_INTERNAL)
 * but leaves out DHCPv6's, so the pool runs dry once TCP starts its timer; and the backend arms one
 * an interface (a DHCP restart after a bogus lease). */
#ifndef MEMP_NUM_SYS_TIMEOUT
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 1 + 4)
#endif
/* Four groups a socket (the backend's limit) for a few sockets, plus each netif's own. */
#ifndef MEMP_NUM_IGMP_GROUP
#define MEMP_NUM_IGMP_GROUP 16
#endif
#ifndef MEMP_NUM_MLD6_GROUP
#define MEMP_NUM_MLD6_GROUP 16
#endif

/* ---- Diagnostics --------------------------------------------------------------------------- */

/* No counters: nothing reads them, and each costs code on every packet. */
#ifndef LWIP_STATS
#define LWIP_STATS 0
#endif

/* ---- The sequential and socket APIs: off in the product ---------------------------------- */

/* nsapi drives the raw API.  The bench turns these on (-DLWIP_SOCKET=1 -DLWIP_NETCONN=1) for
 * its baseline, lwIP's own BSD sockets, built from these same sources and options. */
#ifndef LWIP_NETCONN
#define LWIP_NETCONN 0
#endif
#ifndef LWIP_SOCKET
#define LWIP_SOCKET 0
#endif
#if LWIP_SOCKET
/* Only lwip_* names, with the host's own socket types and constants (Debian's port headers),
 * so a program can include both lwIP's sockets and the system's. */
#ifndef LWIP_COMPAT_SOCKETS
#define LWIP_COMPAT_SOCKETS 0
#endif
#ifndef LWIP_SOCKET_EXTERNAL_HEADERS
#define LWIP_SOCKET_EXTERNAL_HEADERS 1
#define LWIP_SOCKET_EXTERNAL_HEADER_SOCKETS_H "posix/sockets.h"
#define LWIP_SOCKET_EXTERNAL_HEADER_INET_H "posix/inet.h"
#endif
/* No lwip_select: it would need the host's fd_set to match lwIP's (Debian's build has none
 * either); lwip_poll stays. */
#ifndef LWIP_SOCKET_SELECT
#define LWIP_SOCKET_SELECT 0
#endif
#endif

/* ---- What the build records ----------------------------------------------------------------- */

/* The options whose values the lwIP library keeps (config/built_options.c), so that a test can
 * compare them with what code including lwIP's headers sees, and with what the product needs. */
#define NSAPI_LWIP_RECORDED_OPTIONS(X)                                                               \
    X(NO_SYS) X(LWIP_TCPIP_CORE_LOCKING) X(LWIP_IPV4) X(LWIP_IPV6) X(LWIP_TCP) X(LWIP_UDP)           \
    X(LWIP_IGMP) X(LWIP_IPV6_MLD) X(LWIP_DHCP) X(LWIP_AUTOIP) X(LWIP_DHCP_AUTOIP_COOP)                \
    X(LWIP_IPV6_AUTOCONFIG) X(LWIP_IPV6_DHCP6) X(LWIP_IPV6_DHCP6_STATELESS)                           \
    X(LWIP_NETIF_STATUS_CALLBACK) X(LWIP_NETIF_LINK_CALLBACK) X(LWIP_NETIF_EXT_STATUS_CALLBACK)       \
    X(LWIP_NETIF_LOOPBACK) X(LWIP_NETIF_LOOPBACK_MULTITHREADING) X(TCP_MSS) X(TCP_WND) X(TCP_SND_BUF) \
    X(MEMP_MEM_MALLOC) X(LWIP_SOCKET) X(LWIP_NETCONN) X(TCP_LISTEN_BACKLOG)        \
    X(TCP_TMR_INTERVAL) X(LWIP_TCP_SACK_OUT) X(TCP_QUEUE_OOSEQ)

/* The value the lwIP library was compiled with of an option NSAPI_LWIP_RECORDED_OPTIONS names, or
 * the size it saw of "struct netif", "struct tcp_pcb" or "struct udp_pcb"; -1 for another name. */
long nsapi_lwip_built_with(const char *name);

/* ---- What the backend cannot work without ------------------------------------------------- */

#if !NO_SYS && !LWIP_TCPIP_CORE_LOCKING
#error "nsapi's lwIP backend calls lwIP from application threads under the core lock: LWIP_TCPIP_CORE_LOCKING 1 (or NO_SYS 1)"
#endif
#if !LWIP_IPV4 || !LWIP_IPV6 || !LWIP_TCP || !LWIP_UDP
#error "nsapi's lwIP backend needs IPv4, IPv6, TCP and UDP"
#endif
#if !defined(NSAPI_LWIP_RELEASE_CORE)
#error "the backend sends the sockets' events when the core lock is released: UNLOCK_TCPIP_CORE must be nsapi_lwip_unlock_core (keep nsapi's LOCK_TCPIP_CORE)"
#endif
#if !LWIP_NETIF_LOOPBACK || !LWIP_IGMP || !LWIP_IPV6_MLD || !SO_REUSE || !LWIP_TCP_KEEPALIVE
#error "nsapi's lwIP backend needs LWIP_NETIF_LOOPBACK, LWIP_IGMP, LWIP_IPV6_MLD, SO_REUSE and LWIP_TCP_KEEPALIVE"
#endif

#endif
