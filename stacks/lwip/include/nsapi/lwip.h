/**
 * @file nsapi/lwip.h
 *
 * The lwIP backend: nsapi over Debian's liblwip, in this process.  lwIP runs
 * its own thread; nsapi drives it through the raw API under its core lock.
 * One lwIP stack exists per process.  Give it netifs after nsapi_lwip_init()
 * as network interfaces: Ethernet over Linux TAP devices (DHCP, SLAAC, static
 * addresses, link state, status events) and the in-process loopback (no
 * privileges needed); traffic to a netif's own addresses loops back
 * in-process too.
 *
 * @code
 * nsapi_stack_t stack = {0};
 * nsapi_interface_t eth = {0};
 * nsapi_lwip_init(&stack);
 * nsapi_lwip_ethernet_init(&eth, &stack, "tap0");
 * nsapi_interface_connect(&eth);      // DHCP; returns once GLOBAL_UP
 * ... open sockets on nsapi_interface_get_stack(&eth) ...
 * nsapi_interface_deinit(&eth);
 * nsapi_lwip_deinit(&stack);
 * @endcode
 */
#ifndef NSAPI_LWIP_H
#define NSAPI_LWIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Start lwIP (the first time in the process) and make stack an lwIP stack,
 * with no netif yet.
 *
 * @param stack A zero-filled stack object.
 * @retval NSAPI_ERROR_OK        the stack is ready for netifs.
 * @retval NSAPI_ERROR_PARAMETER stack is NULL or already initialised.
 * @retval NSAPI_ERROR_BUSY      another nsapi stack already uses lwIP.
 */
nsapi_error_t nsapi_lwip_init(nsapi_stack_t *stack);

/**
 * Add the in-process loopback netif, up with static addresses, and make it
 * the default.  Traffic to its addresses, to 127.0.0.0/8 and to ::1 comes
 * back up the stack; traffic to anything else is dropped.  A shortcut kept
 * for tests and examples: nsapi_lwip_loopback_init() and the interface
 * functions are the way forward (status, events, addresses).
 *
 * @param stack An lwIP stack.
 * @param ipv4  Its IPv4 address (a /24), or NULL for none.
 * @param ipv6  Its IPv6 address (a /64), or NULL for none.
 * @retval NSAPI_ERROR_OK        the netif is up.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack, an address is
 *                               malformed or of the wrong version, both are
 *                               NULL, or the loopback netif exists.
 */
nsapi_error_t nsapi_lwip_add_loopback(nsapi_stack_t *stack, const char *ipv4, const char *ipv6);

/**
 * Attach a netif to an existing Linux TAP device in this process's network
 * namespace (create it with `ip tuntap add dev NAME mode tap`; this needs
 * CAP_NET_ADMIN or a device made for this user).  Frames go through
 * /dev/net/tun; a reader thread of the backend receives them.  It becomes
 * the default netif unless the loopback netif came first.  A shortcut kept
 * for tests and examples (static addresses, no DHCP, no status):
 * nsapi_lwip_ethernet_init() and the interface functions are the way
 * forward.
 *
 * @param stack   An lwIP stack.
 * @param name    The TAP device, such as "tap0".
 * @param ipv4    Its IPv4 address (a /24), or NULL.
 * @param gateway The IPv4 gateway, or NULL for none.
 * @param ipv6    A static IPv6 address (a /64), or NULL; a link-local one is
 *                always added for neighbour discovery.
 * @retval NSAPI_ERROR_OK           the netif is up.
 * @retval NSAPI_ERROR_PARAMETER    stack is not an lwIP stack, name is empty
 *                                  or too long, an address is malformed or of
 *                                  the wrong version, ipv4 and ipv6 are both
 *                                  NULL, or a netif of this stack uses that
 *                                  device already.
 * @retval NSAPI_ERROR_DEVICE_ERROR the device cannot be opened (no such
 *                                  device, no permission).
 * @retval NSAPI_ERROR_NO_MEMORY    no memory or thread for the reader, or
 *                                  NSAPI_LWIP_SHORTCUT_TAPS (4) devices are
 *                                  attached this way already.
 */
nsapi_error_t nsapi_lwip_add_tap(nsapi_stack_t *stack, const char *name, const char *ipv4, const char *gateway,
                                 const char *ipv6);

/**
 * Make interface an Ethernet interface (Mbed's EthernetInterface) over an
 * existing Linux TAP device of this process's network namespace.  The netif
 * has a MAC address of its own, locally administered and distinct per device
 * (nsapi_interface_set_mac_address() changes it while the interface is
 * down); the interface's name is the device's.  It starts DISCONNECTED with
 * DHCP on; nsapi_interface_connect() brings it up with lwIP's DHCP client
 * (or the static IPv4 address of nsapi_interface_set_network()), an IPv6
 * link-local address at once and SLAAC addresses from router
 * advertisements (stateless DHCPv6 for DNS servers when a router says so).
 * The device's link (the kernel's side up or down: its IFF_UP flag, looked
 * at every 100 ms) is the netif's link: it going down reports DISCONNECTED,
 * its return the status of the addresses kept (GLOBAL_UP with the lease,
 * which lwIP's DHCP confirms by INIT-REBOOT), else CONNECTING.  Several
 * interfaces (one per device) may share a stack, each with its own
 * addresses and status; the DNS servers DHCP announces are lwIP's one list,
 * which nsapi_interface_get_dns_server() of each shows.
 * nsapi_interface_deinit() removes the netif and closes the device.
 *
 * @param interface A zero-filled interface object, the caller's until
 *                  nsapi_interface_deinit().
 * @param stack     An lwIP stack.
 * @param tap       The TAP device's name, such as "tap0" (shorter than
 *                  NSAPI_INTERFACE_NAME_SIZE).
 * @retval NSAPI_ERROR_OK           the interface is ready, DISCONNECTED.
 * @retval NSAPI_ERROR_PARAMETER    a NULL argument, stack is not an lwIP
 *                                  stack, tap is empty or too long, interface
 *                                  is already initialised, or a netif of this
 *                                  stack uses that device already.
 * @retval NSAPI_ERROR_DEVICE_ERROR the device cannot be opened (no such
 *                                  device, no permission).
 * @retval NSAPI_ERROR_NO_MEMORY    no memory, thread or lwIP netif for it.
 */
nsapi_error_t nsapi_lwip_ethernet_init(nsapi_interface_t *interface, nsapi_stack_t *stack, const char *tap);

/**
 * Make interface the stack's in-process loopback netif (name "loop"):
 * traffic to its addresses, to 127.0.0.0/8 and to ::1 comes back up the
 * stack.  It has no DHCP (nsapi_interface_set_dhcp() is
 * NSAPI_ERROR_UNSUPPORTED) and no MAC address (nsapi_interface_get_mac_address()
 * is NSAPI_ERROR_UNSUPPORTED).  nsapi_interface_connect() gives it the static
 * addresses of nsapi_interface_set_network(), 10.0.0.1/24 and fd00::1/64
 * when none was set, and it is GLOBAL_UP at once.  It becomes the default
 * netif.
 *
 * @param interface A zero-filled interface object.
 * @param stack     An lwIP stack.
 * @retval NSAPI_ERROR_OK        the interface is ready, DISCONNECTED.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, stack is not an lwIP stack,
 *                               interface is already initialised, or the
 *                               stack's loopback netif exists already.
 * @retval NSAPI_ERROR_NO_MEMORY no memory or lwIP netif for it.
 */
nsapi_error_t nsapi_lwip_loopback_init(nsapi_interface_t *interface, nsapi_stack_t *stack);

/**
 * Remove the netifs and release the stack.  lwIP's own thread keeps running
 * (lwIP cannot stop it); a later nsapi_lwip_init() uses it again.
 *
 * @param stack An lwIP stack whose sockets are all closed.
 * @retval NSAPI_ERROR_OK        released.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on it, or an interface
 *                               of nsapi_lwip_ethernet_init() or
 *                               nsapi_lwip_loopback_init() on it is not
 *                               deinitialised.
 */
nsapi_error_t nsapi_lwip_deinit(nsapi_stack_t *stack);

/**
 * Choose where sigio callbacks run.  Off (the default), a socket's event
 * reaches the runtime just after lwIP's core lock is released, in the thread
 * that held it.  On (event-driven), lwIP's own thread delivers every event,
 * before it releases the lock, as lwIP's raw API runs its callbacks; an
 * application thread whose call raised events wakes it.  A non-blocking
 * application that does its socket work in sigio then takes no lock and
 * crosses no thread per event.  The rules for such a callback:
 *
 * - Socket calls only (nsapi_tcp_socket_*, nsapi_udp_socket_*,
 *   nsapi_tcp_server_*); they run in the callback's hold of the lock.
 * - Nothing waits there: a call that would wait returns at once what a
 *   timeout of 0 returns (NSAPI_ERROR_WOULD_BLOCK, NSAPI_ERROR_IN_PROGRESS
 *   for a connect, or the count a send queued), whatever the socket's
 *   timeout; so does a call whose turn another thread's call of the same
 *   kind on that socket holds.
 * - Close is safe, of any socket: no event of that socket follows; but
 *   while another thread's call on that socket is under way, close returns
 *   NSAPI_ERROR_WOULD_BLOCK and leaves it open.
 * - No name lookups, interface calls or anything else that blocks: lwIP
 *   stands still until the callback returns.
 *
 * Other threads may keep using sockets as before, blocking calls included;
 * their close waits for no callback, since none runs while they hold the
 * lock.  Without threads (NO_SYS) events are sent where the lock would be
 * released: in nsapi_lwip_poll() or at the end of the call that raised them.
 *
 * @param stack An lwIP stack.
 * @param on    true for the event-driven mode, false for the default.
 * @retval NSAPI_ERROR_OK        set; it holds until changed.
 * @retval NSAPI_ERROR_PARAMETER stack is not an lwIP stack.
 * @retval NSAPI_ERROR_BUSY      sockets are open; nothing changed.
 * @retval NSAPI_ERROR_NO_MEMORY lwIP had no message to wake its thread with; nothing changed.
 */
nsapi_error_t nsapi_lwip_set_event_driven(nsapi_stack_t *stack, bool on);

/**
 * Sockets, and connections waiting to be accepted, that the backend holds:
 * 0 once everything is closed (tests check it for leaks).
 *
 * @param stack An lwIP stack.
 * @return The count, or 0 if stack is not an lwIP stack.
 */
unsigned nsapi_lwip_open_sockets(nsapi_stack_t *stack);

/**
 * One round of lwIP in a firmware without threads (lwIP built with NO_SYS
 * 1, e.g. ports/mps2; absent from other builds): the Ethernet driver's
 * received frames into lwIP, lwIP's due timers, then the interfaces' status
 * reports.  The board registers it, or a function calling it, as the
 * bare-metal OS port's poll (nsapi_os_set_poll), so every blocking call
 * runs it while it waits; sigio and status callbacks run from here.  Not
 * reentrant: never from a callback.
 *
 * @return true if it did anything (a frame, a report), false if it found
 *         nothing to do (the caller may sleep until the next interrupt).
 */
bool nsapi_lwip_poll(void);

/* ---- A fault-injecting link (netif_impair.c) ---------------------------------------------- */

/**
 * What an impaired link does to its frames, each direction alike.  Rates are
 * in hundredths of a percent (0 to 10000: 1000 is 10 %), decided per frame
 * by a generator seeded with seed, so a run that sees the same frames makes
 * the same decisions.
 */
typedef struct nsapi_lwip_impairment {
    unsigned loss;      /**< frames dropped */
    unsigned reorder;   /**< frames held back until the next frame has overtaken them */
    unsigned duplicate; /**< frames sent twice */
    unsigned corrupt;   /**< frames with one byte changed (past the Ethernet header) */
    unsigned delay_ms;  /**< every frame's delay, 0 to 10000 ms */
    long blackhole_ms;  /**< the link drops everything from this many ms after it is set on; -1: never */
    unsigned seed;      /**< the generator's seed */
    unsigned queue;     /**< frames held at once per direction (delayed or reordered), 1 to 4096; a
                             frame beyond it is dropped and counted as overflowed */
} nsapi_lwip_impairment_t;

/** What an impaired link did to one direction's frames. */
typedef struct nsapi_lwip_impair_counters {
    unsigned long frames;     /**< frames given to the link */
    unsigned long dropped;    /**< dropped by loss or blackhole */
    unsigned long reordered;  /**< overtaken by a later frame */
    unsigned long duplicated; /**< sent twice */
    unsigned long corrupted;  /**< a byte changed */
    unsigned long delayed;    /**< held for delay_ms */
    unsigned long overflowed; /**< dropped because the queue was full */
} nsapi_lwip_impair_counters_t;

/** The two directions of an impaired link. */
typedef enum nsapi_lwip_impair_direction {
    NSAPI_LWIP_IMPAIR_IN = 0, /**< from the wire to lwIP */
    NSAPI_LWIP_IMPAIR_OUT = 1 /**< from lwIP to the wire */
} nsapi_lwip_impair_direction_t;

/**
 * Read an impairment from text such as
 * "loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed=1": comma-separated
 * items NAME=VALUE, names loss, reorder, duplicate, corrupt (percentages, up
 * to two decimals), delay (ms), blackhole (ms from when it is set on; 0: at
 * once), seed, queue.  An item left out is 0 (blackhole: never; seed: 1;
 * queue: 256).  The empty text is no impairment at all.
 *
 * @param text The text.
 * @param out  The impairment read.
 * @param bad  If not NULL, set to the item that is wrong (a pointer into
 *             text) when the text is malformed, else to NULL.
 * @retval NSAPI_ERROR_OK        read.
 * @retval NSAPI_ERROR_PARAMETER text or out is NULL, an item is not
 *                               NAME=VALUE, its name is unknown or given
 *                               twice, or its value is not a number in range.
 */
nsapi_error_t nsapi_lwip_impairment_parse(const char *text, nsapi_lwip_impairment_t *out, const char **bad);

/**
 * Impair the link of the TAP device name, a netif of nsapi_lwip_add_tap() or
 * nsapi_lwip_ethernet_init(), both ways, from now on; frames it holds from a
 * previous impairment are dropped.  Not while the device is being closed.
 *
 * @param name       The TAP device, such as "tap0".
 * @param impairment What to do, or NULL for a faithful link again.
 * @retval NSAPI_ERROR_OK        in effect.
 * @retval NSAPI_ERROR_PARAMETER name is NULL, no netif uses that device, or
 *                               a rate, the delay or the queue is out of range.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for the queue.
 */
nsapi_error_t nsapi_lwip_tap_impair(const char *name, const nsapi_lwip_impairment_t *impairment);

/**
 * Switch the blackhole of an impaired TAP device's link on or off at once
 * (the link drops every frame, both ways, while on).
 *
 * @param name The TAP device.
 * @param on   true to drop everything, false to go back to the impairment.
 * @retval NSAPI_ERROR_OK        switched.
 * @retval NSAPI_ERROR_PARAMETER name is NULL, or no netif uses that device.
 * @retval NSAPI_ERROR_NO_CONNECTION the device's link is not impaired
 *                               (nsapi_lwip_tap_impair() first).
 */
nsapi_error_t nsapi_lwip_tap_blackhole(const char *name, bool on);

/**
 * What an impaired TAP device's link did to one direction since it was
 * impaired.
 *
 * @param name      The TAP device.
 * @param direction NSAPI_LWIP_IMPAIR_IN or NSAPI_LWIP_IMPAIR_OUT.
 * @param out       The counters.
 * @retval NSAPI_ERROR_OK            counted.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, a bad direction, or no
 *                                   netif uses that device.
 * @retval NSAPI_ERROR_NO_CONNECTION the device's link is not impaired.
 */
nsapi_error_t nsapi_lwip_tap_impair_counters(const char *name, nsapi_lwip_impair_direction_t direction,
                                             nsapi_lwip_impair_counters_t *out);

/**
 * The impairment layer alone, for a driver of one's own and for tests: one
 * object per link, not thread-safe (its user serialises each direction and
 * changes).  It never allocates after nsapi_lwip_impair_create().
 */
typedef struct nsapi_lwip_impair nsapi_lwip_impair_t;

/** Where a link delivers a frame: context as given, the frame and its length. */
typedef void (*nsapi_lwip_impair_emit_t)(void *context, const unsigned char *frame, size_t length);

/** The longest frame the layer takes: an Ethernet frame with a VLAN tag, without the FCS. */
#define NSAPI_LWIP_IMPAIR_FRAME_MAX 1518

/**
 * Make an impaired link, its queues allocated here.
 *
 * @param impairment What it does.
 * @param now_ms     The time now in ms on a monotonic clock (blackhole_ms
 *                   counts from it).
 * @param out        The link.
 * @retval NSAPI_ERROR_OK        made.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or a value out of range.
 * @retval NSAPI_ERROR_NO_MEMORY no memory for its queues.
 */
nsapi_error_t nsapi_lwip_impair_create(const nsapi_lwip_impairment_t *impairment, uint64_t now_ms,
                                       nsapi_lwip_impair_t **out);

/**
 * Free a link and the frames it holds (they are not delivered).
 *
 * @param impair The link.
 * @retval NSAPI_ERROR_OK        freed.
 * @retval NSAPI_ERROR_PARAMETER impair is NULL.
 */
nsapi_error_t nsapi_lwip_impair_destroy(nsapi_lwip_impair_t *impair);

/**
 * Give the link a frame: it is dropped, delivered through emit now (once or
 * twice, perhaps after a frame it held back), or held for
 * nsapi_lwip_impair_release().  The frame may be changed (corruption).
 *
 * @param impair    The link.
 * @param direction Which way the frame goes.
 * @param frame     The frame, 1 to NSAPI_LWIP_IMPAIR_FRAME_MAX bytes.
 * @param length    Its length.
 * @param now_ms    The time now, on the clock of nsapi_lwip_impair_create().
 * @param emit      Where frames due now go.
 * @param context   emit's first argument.
 * @retval NSAPI_ERROR_OK        taken (whatever became of it: see the counters).
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, a bad direction or length.
 */
nsapi_error_t nsapi_lwip_impair_pass(nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                     unsigned char *frame, size_t length, uint64_t now_ms,
                                     nsapi_lwip_impair_emit_t emit, void *context);

/**
 * Deliver the frames of one direction that are due by now_ms, in order.
 *
 * @param impair    The link.
 * @param direction Which way.
 * @param now_ms    The time now.
 * @param emit      Where they go.
 * @param context   emit's first argument.
 * @param wait_ms   Set to the ms until the next frame held is due, or -1 when
 *                  none is held.
 * @retval NSAPI_ERROR_OK        done.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument or a bad direction.
 */
nsapi_error_t nsapi_lwip_impair_release(nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                        uint64_t now_ms, nsapi_lwip_impair_emit_t emit, void *context,
                                        long *wait_ms);

/**
 * Switch the link's blackhole on or off.
 *
 * @param impair The link.
 * @param on     true: every frame is dropped from now on.
 * @retval NSAPI_ERROR_OK        switched.
 * @retval NSAPI_ERROR_PARAMETER impair is NULL.
 */
nsapi_error_t nsapi_lwip_impair_set_blackhole(nsapi_lwip_impair_t *impair, bool on);

/**
 * What the link did to one direction.
 *
 * @param impair    The link.
 * @param direction Which way.
 * @param out       The counters.
 * @retval NSAPI_ERROR_OK        counted.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument or a bad direction.
 */
nsapi_error_t nsapi_lwip_impair_counters(const nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                         nsapi_lwip_impair_counters_t *out);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_LWIP_H */
