/* Generated from idl/network_interface.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/network_interface.h
 *
 * NetworkInterface, a network brought up on a stack (Ethernet with DHCP, static
 * addresses, SLAAC), and its status events.
 */
#ifndef NSAPI_NETWORK_INTERFACE_H
#define NSAPI_NETWORK_INTERFACE_H

#include "nsapi/types.h"
#include "nsapi/errors.h"
#include "nsapi/options.h"
#include "nsapi/stack.h"
#include "nsapi/os.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Bytes needed for an interface's name (as Linux's IFNAMSIZ), with its
 * terminating NUL.
 */
#define NSAPI_INTERFACE_NAME_SIZE 16

/** How far an interface is up (Mbed's values). */
typedef enum nsapi_connection_status {
    NSAPI_STATUS_ERROR_UNSUPPORTED = -3002, /**< not an interface (what a NULL or uninitialised interface reports) */
    NSAPI_STATUS_LOCAL_UP = 0,              /**< up with link-local addresses only (IPv6 fe80::/10, IPv4 169.254/16) */
    NSAPI_STATUS_GLOBAL_UP = 1,             /**< up with an address beyond the link (a DHCP lease, a SLAAC or static address) */
    NSAPI_STATUS_DISCONNECTED = 2,          /**< down, or its link is down */
    NSAPI_STATUS_CONNECTING = 3,            /**< coming up (link up, addresses not yet) */
} nsapi_connection_status_t;

/** What an interface's event callbacks are told about. */
typedef enum nsapi_event {
    NSAPI_EVENT_CONNECTION_STATUS_CHANGE = 0, /**< the status changed; the argument is the new nsapi_connection_status_t */
} nsapi_event_t;

/**
 * Told of an interface's events, each status change once and in the order they
 * happened. It runs in the thread that caused the change (the caller of connect
 * or disconnect, or the backend's own thread for a lease, an address or a link
 * coming or going), never under a lock of nsapi's: it may call the interface's
 * functions, but not nsapi_interface_deinit().
 */
typedef void (*nsapi_interface_cb_t)(nsapi_event_t event, intptr_t argument, void *context);

/** One event callback of an interface. */
typedef struct nsapi_interface_listener {
    /** The function, NULL for a free place. */
    nsapi_interface_cb_t callback;
    /** Passed to it. */
    void *context;
} nsapi_interface_listener_t;

/**
 * @defgroup nsapi_interface_class NetworkInterface
 * @copybrief nsapi_interface
 * @{
 */

/**
 * A network an application brings up and opens sockets on (Mbed's
 * NetworkInterface and EthInterface). A backend makes one, from its own
 * function (nsapi_lwip_ethernet_init(), nsapi_posix_interface_init()), over a
 * device of its stack; the object is the caller's, as sockets are. It starts
 * DISCONNECTED, blocking, with DHCP on where the backend lets the program
 * choose. nsapi_interface_connect() brings it up; nsapi_interface_get_stack()
 * gives the stack its sockets open on. Status changes go to the callbacks of
 * nsapi_interface_attach() and nsapi_interface_add_event_listener().
 *
 * The fields are the runtime's; use the functions.
 */
struct nsapi_interface {
    /** The backend's operations, NULL until a backend made the interface. */
    const nsapi_interface_api_t *api;
    /** The backend's own state for this interface. */
    void *context;
    /** The stack the interface belongs to. */
    nsapi_stack_t *stack;
    /** Its name, as the backend gave it. */
    char name[NSAPI_INTERFACE_NAME_SIZE];
    /** The status last reported. */
    nsapi_connection_status_t status;
    /** Milliseconds a blocking connect may take. */
    int timeout;
    /** Status changes so far, so that a waiting connect notices each. */
    unsigned changes;
    /** 1 from connect to disconnect; the backend's reports count only then. */
    uint8_t wanted;
    /** 1 when connect waits for the network. */
    uint8_t blocking;
    /** 1 when connect asks DHCP for an IPv4 address. */
    uint8_t dhcp;
    /** 1 while a thread hands queued events to the callbacks. */
    uint8_t delivering;
    /**
     * 1 while the backend's up, down or set_mac_address runs; a connect
     * meanwhile is BUSY.
     */
    uint8_t switching;
    /**
     * 1 when a disconnect came while up ran; the connect runs down when up
     * returns.
     */
    uint8_t down_pending;
    /** Blocking connects waiting for the network (deinit is BUSY meanwhile). */
    uint8_t waiting;
    /** Status changes not yet handed to the callbacks, oldest first. */
    nsapi_connection_status_t queue[NSAPI_INTERFACE_EVENT_QUEUE];
    /** How many of queue are in use. */
    unsigned queued;
    /** The callbacks; the first is nsapi_interface_attach()'s. */
    nsapi_interface_listener_t listeners[NSAPI_INTERFACE_LISTENERS];
    /** Lock and wake-up for the fields above. */
    nsapi_os_sync_t sync;
};

/**
 * Take the interface down if it is up and release it, the backend's device
 * included. Sockets open on its stack stay open (they lose their addresses).
 * Not from one of its callbacks.
 *
 * @param interface The NetworkInterface.
 * @retval NSAPI_ERROR_OK        released; the object may be made again.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the interface is not
 *                               initialised.
 * @retval NSAPI_ERROR_BUSY      a connect is waiting in another thread, or a
 *                               callback of its is running.
 */
nsapi_error_t nsapi_interface_deinit(nsapi_interface_t *interface);

/**
 * Bring the interface up: its link, then addresses by DHCP (when on) or the
 * static ones of nsapi_interface_set_network(), and IPv6 link-local and SLAAC
 * addresses where the backend has them. The status becomes CONNECTING at once.
 * Blocking (the default), it returns when the status is GLOBAL_UP, or after the
 * time of nsapi_interface_set_timeout() (NSAPI_INTERFACE_CONNECT_TIMEOUT_MS
 * unless set) with the interface taken down again. Non-blocking, it returns at
 * once, and the status events tell how it goes; a backend then keeps trying
 * (DHCP retransmits) until disconnect. The DNS servers the network announces
 * (DHCP option 6, DHCPv6) are added to the stack's resolver when it reaches
 * GLOBAL_UP.
 *
 * @param interface The NetworkInterface.
 * @retval NSAPI_ERROR_OK            blocking, the interface is GLOBAL_UP;
 *                                   non-blocking, it is coming up.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or the interface is not
 *                                   initialised.
 * @retval NSAPI_ERROR_IS_CONNECTED  it is up already (LOCAL_UP or GLOBAL_UP).
 * @retval NSAPI_ERROR_BUSY          it is coming up already (CONNECTING).
 * @retval NSAPI_ERROR_DHCP_FAILURE  blocking, DHCP was on and gave no lease in
 *                                   time.
 * @retval NSAPI_ERROR_NO_CONNECTION blocking, the time passed with the link
 *                                   down or without a global address, or
 *                                   disconnect was called meanwhile.
 * @retval NSAPI_ERROR_DEVICE_ERROR  the backend's device failed.
 * @retval NSAPI_ERROR_NO_MEMORY     the backend could not start its clients
 *                                   (DHCP).
 */
nsapi_error_t nsapi_interface_connect(nsapi_interface_t *interface);

/**
 * Take the interface down: release a DHCP lease, remove its addresses; the
 * status becomes DISCONNECTED. A blocking connect in another thread returns
 * NSAPI_ERROR_NO_CONNECTION.
 *
 * @param interface The NetworkInterface.
 * @retval NSAPI_ERROR_OK            down.
 * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or the interface is not
 *                                   initialised.
 * @retval NSAPI_ERROR_NO_CONNECTION it was not connected or connecting.
 */
nsapi_error_t nsapi_interface_disconnect(nsapi_interface_t *interface);

/**
 * Whether connect waits for the network (the default) or returns at once.
 *
 * @param interface The NetworkInterface.
 * @param blocking  true to wait.
 * @retval NSAPI_ERROR_OK        set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the interface is not
 *                               initialised.
 */
nsapi_error_t nsapi_interface_set_blocking(nsapi_interface_t *interface, bool blocking);

/**
 * How long a blocking connect may take.
 *
 * @param interface The NetworkInterface.
 * @param timeout   Milliseconds. From 1 to 86400000.
 * @retval NSAPI_ERROR_OK        set.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, a timeout out of range, or the
 *                               interface is not initialised.
 */
nsapi_error_t nsapi_interface_set_timeout(nsapi_interface_t *interface, int timeout);

/**
 * Static addresses for the next connect (ports are ignored). An IPv4 address is
 * used when DHCP is off; an IPv6 one is added beside link-local and SLAAC
 * addresses.
 *
 * @param interface  The NetworkInterface.
 * @param ip_address The address, IPv4 or IPv6.
 * @param netmask    Its IPv4 netmask (NULL or empty for 255.255.255.0); for
 *                   IPv6 the prefix is /64. May be NULL.
 * @param gateway    The IPv4 gateway, or NULL or empty for none. May be NULL.
 * @retval NSAPI_ERROR_OK          stored for the next connect.
 * @retval NSAPI_ERROR_PARAMETER   a NULL interface or ip_address, an empty
 *                                 address, a netmask or gateway of another
 *                                 version than IPv4, a netmask that is not a
 *                                 prefix, or the interface is not initialised.
 * @retval NSAPI_ERROR_UNSUPPORTED the OS owns the interface's addresses
 *                                 (POSIX).
 */
nsapi_error_t nsapi_interface_set_network(nsapi_interface_t *interface, const nsapi_socket_address_t *ip_address, const nsapi_socket_address_t *netmask, const nsapi_socket_address_t *gateway);

/**
 * Whether the next connect asks DHCP for the IPv4 address.
 *
 * @param interface The NetworkInterface.
 * @param dhcp      true to use DHCP, false for the address of
 *                  nsapi_interface_set_network().
 * @retval NSAPI_ERROR_OK          stored for the next connect.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the interface is not
 *                                 initialised.
 * @retval NSAPI_ERROR_UNSUPPORTED the OS owns the interface's addresses
 *                                 (POSIX), or the device has no DHCP (the lwIP
 *                                 loopback netif).
 */
nsapi_error_t nsapi_interface_set_dhcp(nsapi_interface_t *interface, bool dhcp);

/**
 * The interface's status.
 *
 * @param interface The NetworkInterface.
 * @return The status; NSAPI_STATUS_ERROR_UNSUPPORTED for a NULL or
 *         uninitialised interface.
 * @return NSAPI_STATUS_ERROR_UNSUPPORTED when a pointer argument is NULL.
 */
nsapi_connection_status_t nsapi_interface_get_connection_status(nsapi_interface_t *interface);

/**
 * Set the interface's main event callback (Mbed's attach), replacing the one
 * before.
 *
 * @param interface The NetworkInterface.
 * @param callback  The function, or NULL to remove it. May be NULL.
 * @param context   Passed to callback. May be NULL.
 * @retval NSAPI_ERROR_OK        set.
 * @retval NSAPI_ERROR_PARAMETER a NULL interface, or the interface is not
 *                               initialised.
 */
nsapi_error_t nsapi_interface_attach(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);

/**
 * Add an event callback beside the main one. Each is called once an event, the
 * main one first, then in the order they were added.
 *
 * @param interface The NetworkInterface.
 * @param callback  The function.
 * @param context   Passed to callback; with callback it names the listener for
 *                  removal. May be NULL.
 * @retval NSAPI_ERROR_OK        added, or it was there already.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, or the interface is not
 *                               initialised.
 * @retval NSAPI_ERROR_NO_MEMORY NSAPI_INTERFACE_LISTENERS - 1 listeners are
 *                               there already.
 */
nsapi_error_t nsapi_interface_add_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);

/**
 * Remove a callback that nsapi_interface_add_event_listener() added.
 *
 * @param interface The NetworkInterface.
 * @param callback  The function.
 * @param context   The context it was added with. May be NULL.
 * @retval NSAPI_ERROR_OK         removed; it is not called again once calls
 *                                under way have returned.
 * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
 *                                initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS no such listener.
 */
nsapi_error_t nsapi_interface_remove_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context);

/**
 * The stack to open sockets on (Mbed's get_stack()).
 *
 * @param interface The NetworkInterface.
 * @return The stack; NULL for a NULL or uninitialised interface.
 * @return NULL when a pointer argument is NULL.
 */
nsapi_stack_t *nsapi_interface_get_stack(nsapi_interface_t *interface);

/**
 * The interface's address, IPv4 if it has one, else a global IPv6 one.
 *
 * @param interface The NetworkInterface.
 * @param address   Receives the address, port 0.
 * @retval NSAPI_ERROR_OK         address holds it.
 * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
 *                                initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS it has none (not connected, or no lease yet).
 */
nsapi_error_t nsapi_interface_get_ip_address(nsapi_interface_t *interface, nsapi_socket_address_t *address);

/**
 * The interface's IPv6 link-local address.
 *
 * @param interface The NetworkInterface.
 * @param address   Receives the address, port 0.
 * @retval NSAPI_ERROR_OK          address holds it.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the interface is not
 *                                 initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS  it has none.
 * @retval NSAPI_ERROR_UNSUPPORTED the backend cannot tell.
 */
nsapi_error_t nsapi_interface_get_ipv6_link_local_address(nsapi_interface_t *interface, nsapi_socket_address_t *address);

/**
 * The netmask of its IPv4 address.
 *
 * @param interface The NetworkInterface.
 * @param address   Receives the netmask, port 0.
 * @retval NSAPI_ERROR_OK         address holds it.
 * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
 *                                initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS it has no IPv4 address.
 */
nsapi_error_t nsapi_interface_get_netmask(nsapi_interface_t *interface, nsapi_socket_address_t *address);

/**
 * Its IPv4 gateway.
 *
 * @param interface The NetworkInterface.
 * @param address   Receives the gateway, port 0.
 * @retval NSAPI_ERROR_OK         address holds it.
 * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
 *                                initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS it has no gateway.
 */
nsapi_error_t nsapi_interface_get_gateway(nsapi_interface_t *interface, nsapi_socket_address_t *address);

/**
 * Its MAC address as text, six pairs of lower-case hex digits joined by colons.
 *
 * @param interface The NetworkInterface.
 * @param buffer    Receives the text and its NUL.
 * @param size      Bytes in buffer, at least NSAPI_MAC_SIZE. From 18 to 65535.
 * @retval NSAPI_ERROR_OK          buffer holds it.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, size too small, or the
 *                                 interface is not initialised.
 * @retval NSAPI_ERROR_UNSUPPORTED the device has no MAC address (a loopback
 *                                 netif).
 */
nsapi_error_t nsapi_interface_get_mac_address(nsapi_interface_t *interface, char *buffer, nsapi_size_t size);

/**
 * Give the device a MAC address, while the interface is down.
 *
 * @param interface The NetworkInterface.
 * @param mac       The address, NSAPI_MAC_BYTES bytes; a unicast one (the first
 *                  byte even).
 * @param size      Bytes at mac. From 6 to 6.
 * @retval NSAPI_ERROR_OK          set; it is used from the next connect on.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, a wrong size, a multicast or
 *                                 all-zero address, or the interface is not
 *                                 initialised.
 * @retval NSAPI_ERROR_BUSY        the interface is not DISCONNECTED.
 * @retval NSAPI_ERROR_UNSUPPORTED the device's address cannot be changed.
 */
nsapi_error_t nsapi_interface_set_mac_address(nsapi_interface_t *interface, const uint8_t *mac, nsapi_size_t size);

/**
 * The interface's name.
 *
 * @param interface The NetworkInterface.
 * @param buffer    Receives the name and its NUL.
 * @param size      Bytes in buffer; NSAPI_INTERFACE_NAME_SIZE is always enough.
 *                  From 1 to 65535.
 * @retval NSAPI_ERROR_OK        buffer holds it.
 * @retval NSAPI_ERROR_PARAMETER a NULL argument, a buffer too small for the
 *                               name, or the interface is not initialised.
 */
nsapi_error_t nsapi_interface_get_interface_name(nsapi_interface_t *interface, char *buffer, nsapi_size_t size);

/**
 * nsapi_stack_gethostbyname() on the interface's stack.
 *
 * @param interface The NetworkInterface.
 * @param host      Host name or IP address text.
 * @param address   Receives the address.
 * @param version   NSAPI_IPv4 or NSAPI_IPv6 to ask for one version,
 *                  NSAPI_UNSPEC for either.
 * @retval NSAPI_ERROR_OK          address holds the result.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, a
 *                                 malformed name, or the interface is not
 *                                 initialised.
 * @retval NSAPI_ERROR_DNS_FAILURE the name does not exist, has no address of
 *                                 the version asked for, or no server answered.
 * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server is known, and the backend has
 *                                 no resolver of its own.
 * @retval NSAPI_ERROR_NO_MEMORY   the backend's resolver ran out of memory.
 * @retval NSAPI_ERROR_NO_SOCKET   no socket was free for the query.
 * @retval NSAPI_ERROR_UNSUPPORTED as for nsapi_stack_gethostbyname().
 */
nsapi_error_t nsapi_interface_gethostbyname(nsapi_interface_t *interface, const char *host, nsapi_socket_address_t *address, nsapi_version_t version);

/**
 * nsapi_stack_gethostbyname_async() on the interface's stack.
 *
 * @param interface The NetworkInterface.
 * @param host      Host name or IP address text.
 * @param callback  Called once with the result, unless the lookup is cancelled.
 * @param context   Passed to callback. May be NULL.
 * @param version   NSAPI_IPv4 or NSAPI_IPv6 to ask for one version,
 *                  NSAPI_UNSPEC for either.
 * @return 0 if callback was called already, otherwise the lookup's id
 *         (positive); otherwise one of:
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, a
 *                                 malformed name, or the interface is not
 *                                 initialised.
 * @retval NSAPI_ERROR_DNS_FAILURE an address literal of the other version than
 *                                 asked.
 * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server is known, and the backend has
 *                                 no resolver of its own.
 * @retval NSAPI_ERROR_NO_MEMORY   NSAPI_DNS_QUERIES lookups are in flight
 *                                 already, or no thread could be started.
 * @retval NSAPI_ERROR_UNSUPPORTED as for nsapi_stack_gethostbyname_async().
 */
nsapi_value_or_error_t nsapi_interface_gethostbyname_async(nsapi_interface_t *interface, const char *host, nsapi_dns_cb_t callback, void *context, nsapi_version_t version);

/**
 * nsapi_stack_gethostbyname_async_cancel() on the interface's stack.
 *
 * @param interface The NetworkInterface.
 * @param id        What nsapi_interface_gethostbyname_async() returned. At
 *                  least 1.
 * @retval NSAPI_ERROR_OK        cancelled.
 * @retval NSAPI_ERROR_PARAMETER a NULL interface, an id below 1 or of no lookup
 *                               in flight, or the interface is not initialised.
 */
nsapi_error_t nsapi_interface_gethostbyname_async_cancel(nsapi_interface_t *interface, int id);

/**
 * nsapi_stack_add_dns_server() on the interface's stack.
 *
 * @param interface The NetworkInterface.
 * @param address   The server's address; port 0 means 53.
 * @retval NSAPI_ERROR_OK          the server was added, or was there already.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an empty address, or the
 *                                 interface is not initialised.
 * @retval NSAPI_ERROR_NO_MEMORY   the stack's list already holds
 *                                 NSAPI_DNS_SERVERS servers.
 * @retval NSAPI_ERROR_UNSUPPORTED as for nsapi_stack_add_dns_server().
 */
nsapi_error_t nsapi_interface_add_dns_server(nsapi_interface_t *interface, const nsapi_socket_address_t *address);

/**
 * One of the servers the stack's resolver asks, index 0 first (those the
 * program added and those the network announced alike).
 *
 * @param interface The NetworkInterface.
 * @param index     Which server, from 0. From 0 to 255.
 * @param address   Receives the server's address and port.
 * @retval NSAPI_ERROR_OK          address holds it.
 * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an index out of range, or
 *                                 the interface is not initialised.
 * @retval NSAPI_ERROR_NO_ADDRESS  the resolver has fewer servers than index +
 *                                 1.
 * @retval NSAPI_ERROR_UNSUPPORTED the runtime was built without its resolver
 *                                 (NSAPI_CONFIG_DNS 0).
 */
nsapi_error_t nsapi_interface_get_dns_server(nsapi_interface_t *interface, int index, nsapi_socket_address_t *address);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_NETWORK_INTERFACE_H */
