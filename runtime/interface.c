/*
 * NetworkInterface: what every backend's interfaces share.  The backend
 * brings its device up and down and reports what happens to it
 * (nsapi_interface_report_status); the runtime keeps the status, makes a
 * blocking connect wait for it, adds the DNS servers the network announced
 * to the stack's resolver, and tells the callbacks each change once, in
 * order, never under its lock (so a callback may call the interface back).
 * The generated checks refuse an interface that was not initialised (api
 * NULL) before any function here but init runs.
 */
#include <string.h>

#include "dns.h"
#include "impl.h"
#include "os.h"
#include "stack_api_calls.h"

/* ---- status changes and their delivery ----------------------------------------------------- */

/* Note a new status, under the lock: queue it for the callbacks and wake a waiting connect. */
static void change(nsapi_interface_t *interface, nsapi_connection_status_t status)
{
    if (status == interface->status) {
        return;
    }
    interface->status = status;
    interface->changes++;
    if (interface->queued == NSAPI_INTERFACE_EVENT_QUEUE) {
        /* The callbacks are far behind: the oldest change they have not been told goes, the latest stays. */
        memmove(&interface->queue[0], &interface->queue[1], (interface->queued - 1) * sizeof interface->queue[0]);
        interface->queued--;
    }
    interface->queue[interface->queued++] = status;
    nsapi_os_wake_all(&interface->sync);
}

/*
 * Hand the queued changes to the callbacks, without the lock while each runs.
 * One thread delivers at a time, so the callbacks see the changes in order:
 * a thread that queues while another delivers leaves its change to that one.
 */
static void deliver(nsapi_interface_t *interface)
{
    nsapi_os_lock(&interface->sync);
    if (interface->delivering) {
        nsapi_os_unlock(&interface->sync);
        return;
    }
    interface->delivering = 1;
    while (interface->queued > 0) {
        nsapi_connection_status_t status = interface->queue[0];
        unsigned k;

        interface->queued--;
        memmove(&interface->queue[0], &interface->queue[1], interface->queued * sizeof interface->queue[0]);
        for (k = 0; k < NSAPI_INTERFACE_LISTENERS; k++) {
            nsapi_interface_listener_t listener = interface->listeners[k]; /* read under the lock: one removed is never called */

            if (listener.callback == NULL) {
                continue;
            }
            nsapi_os_unlock(&interface->sync);
            listener.callback(NSAPI_EVENT_CONNECTION_STATUS_CHANGE, (intptr_t)status, listener.context);
            nsapi_os_lock(&interface->sync);
        }
    }
    interface->delivering = 0;
    nsapi_os_wake_all(&interface->sync);
    nsapi_os_unlock(&interface->sync);
}

/* Give the stack's resolver the servers the network announced; the first announced ends up asked first. */
static void learn_dns_servers(nsapi_interface_t *interface)
{
    nsapi_addr_t found[NSAPI_DNS_SERVERS];
    int count = 0;

    while (count < NSAPI_DNS_SERVERS) {
        memset(&found[count], 0, sizeof found[count]);
        if (interface_api_get_dns_server(interface, count, &found[count]) != NSAPI_ERROR_OK) {
            break;
        }
        count++;
    }
    while (count-- > 0) {
        nsapi_socket_address_t server;

        memset(&server, 0, sizeof server);
        if (nsapi_socket_address_set_addr(&server, &found[count]) == NSAPI_ERROR_OK
            && nsapi_socket_address_is_nonzero(&server)) {
            (void)nsapi_stack_add_dns_server(interface->stack, &server); /* a full list keeps the program's servers */
        }
    }
}

/* ---- up and down ---------------------------------------------------------------------------- */

/*
 * The backend's up and down never run at once: the one flag below says one is
 * running.  Nothing waits for it (a callback run from inside up may call
 * disconnect in the same thread): a disconnect during up leaves the down to
 * the connect, when up returns; a connect during down is BUSY.
 */

/* Take the interface down; NSAPI_ERROR_NO_CONNECTION if nobody asked it up. */
static nsapi_error_t take_down(nsapi_interface_t *interface)
{
    nsapi_os_lock(&interface->sync);
    if (!interface->wanted) {
        nsapi_os_unlock(&interface->sync);
        return NSAPI_ERROR_NO_CONNECTION;
    }
    interface->wanted = 0; /* from here the backend's reports are ignored */
    change(interface, NSAPI_STATUS_DISCONNECTED);
    if (interface->switching) {
        interface->down_pending = 1; /* up is running: its connect takes it down when up returns */
        nsapi_os_unlock(&interface->sync);
    } else {
        interface->switching = 1;
        nsapi_os_unlock(&interface->sync);
        (void)interface_api_down(interface);
        nsapi_os_lock(&interface->sync);
        interface->switching = 0;
        nsapi_os_wake_all(&interface->sync);
        nsapi_os_unlock(&interface->sync);
    }
    deliver(interface);
    return NSAPI_ERROR_OK;
}

/* Run the backend's up, and the down a disconnect asked for meanwhile; NSAPI_ERROR_NO_CONNECTION then. */
static nsapi_error_t bring_up(nsapi_interface_t *interface)
{
    nsapi_error_t err = interface_api_up(interface);

    nsapi_os_lock(&interface->sync);
    if (interface->down_pending) {
        interface->down_pending = 0;
        nsapi_os_unlock(&interface->sync);
        (void)interface_api_down(interface);
        nsapi_os_lock(&interface->sync);
        err = NSAPI_ERROR_NO_CONNECTION;
    } else if (err != NSAPI_ERROR_OK) {
        interface->wanted = 0;
        change(interface, NSAPI_STATUS_DISCONNECTED);
    }
    interface->switching = 0;
    nsapi_os_wake_all(&interface->sync);
    nsapi_os_unlock(&interface->sync);
    return err;
}

/* Wait for GLOBAL_UP, a disconnect, or the deadline; the caller holds the lock. */
static nsapi_error_t await_up(nsapi_interface_t *interface, uint64_t deadline)
{
    interface->waiting++;
    while (interface->wanted && interface->status != NSAPI_STATUS_GLOBAL_UP) {
        if (!nsapi_os_wait(&interface->sync, deadline)) {
            break;
        }
    }
    interface->waiting--;
    nsapi_os_wake_all(&interface->sync); /* a deinit may wait for no waiter */
    if (!interface->wanted) {
        return NSAPI_ERROR_NO_CONNECTION;
    }
    if (interface->status == NSAPI_STATUS_GLOBAL_UP) {
        return NSAPI_ERROR_OK;
    }
    /* The time ran out.  With the link down it is the link's fault, else DHCP's when it was asked. */
    return interface->dhcp && interface->status != NSAPI_STATUS_DISCONNECTED ? NSAPI_ERROR_DHCP_FAILURE
                                                                               : NSAPI_ERROR_NO_CONNECTION;
}

nsapi_error_t nsapi_impl_interface_connect(nsapi_interface_t *interface)
{
    nsapi_error_t err;
    uint64_t deadline;
    bool blocking;

    nsapi_os_lock(&interface->sync);
    if (interface->wanted || interface->switching) {
        /* Up with an address; or coming up (its link may be down meanwhile), or still going down. */
        bool up = interface->wanted
                  && (interface->status == NSAPI_STATUS_GLOBAL_UP || interface->status == NSAPI_STATUS_LOCAL_UP);

        nsapi_os_unlock(&interface->sync);
        return up ? NSAPI_ERROR_IS_CONNECTED : NSAPI_ERROR_BUSY;
    }
    blocking = interface->blocking;
    deadline = nsapi_os_deadline(interface->timeout);
    interface->wanted = 1;
    interface->switching = 1;
    change(interface, NSAPI_STATUS_CONNECTING);
    nsapi_os_unlock(&interface->sync);

    err = bring_up(interface);
    deliver(interface);
    if (err != NSAPI_ERROR_OK || !blocking) {
        return err;
    }
    nsapi_os_lock(&interface->sync);
    err = await_up(interface, deadline);
    nsapi_os_unlock(&interface->sync);
    if (err == NSAPI_ERROR_DHCP_FAILURE || err == NSAPI_ERROR_NO_CONNECTION) {
        (void)take_down(interface); /* a blocking connect that failed leaves the interface down, as Mbed's */
    }
    return err;
}

nsapi_error_t nsapi_impl_interface_disconnect(nsapi_interface_t *interface)
{
    return take_down(interface);
}

nsapi_error_t nsapi_impl_interface_report_status(nsapi_interface_t *interface, nsapi_connection_status_t status)
{
    bool came_up;

    if (status == NSAPI_STATUS_ERROR_UNSUPPORTED) {
        return NSAPI_ERROR_PARAMETER;
    }
    nsapi_os_lock(&interface->sync);
    /* At GLOBAL_UP only: a link-local address alone says nothing of this network's servers, and a
     * backend may still hold those of the last one. */
    came_up = interface->wanted && status != interface->status && status == NSAPI_STATUS_GLOBAL_UP;
    nsapi_os_unlock(&interface->sync);
    if (came_up) {
        /* Before the change is seen, by the callbacks and by a waiting connect alike: whoever
         * learns the network is up may resolve a name at once. */
        learn_dns_servers(interface);
    }
    nsapi_os_lock(&interface->sync);
    if (interface->wanted) {
        change(interface, status);
    }
    nsapi_os_unlock(&interface->sync);
    deliver(interface);
    return NSAPI_ERROR_OK;
}

/* ---- life ----------------------------------------------------------------------------------- */

nsapi_error_t nsapi_impl_interface_init(nsapi_interface_t *interface, const nsapi_interface_api_t *api, void *context,
                                        nsapi_stack_t *stack, const char *name, bool dhcp)
{
    size_t length = 0;
    nsapi_error_t err;

    while (length < NSAPI_INTERFACE_NAME_SIZE && name[length] != '\0') { /* strnlen is not C99 */
        length++;
    }
    if (interface->api != NULL || stack->api == NULL || length == 0 || length == NSAPI_INTERFACE_NAME_SIZE) {
        return NSAPI_ERROR_PARAMETER;
    }
    memset(interface, 0, sizeof *interface);
    err = nsapi_os_sync_init(&interface->sync);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    interface->context = context;
    interface->stack = stack;
    memcpy(interface->name, name, length + 1);
    interface->status = NSAPI_STATUS_DISCONNECTED;
    interface->timeout = NSAPI_INTERFACE_CONNECT_TIMEOUT_MS;
    interface->blocking = 1;
    interface->dhcp = dhcp;
    interface->api = api;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_interface_deinit(nsapi_interface_t *interface)
{
    bool busy;

    nsapi_os_lock(&interface->sync);
    busy = interface->waiting || interface->delivering || interface->switching;
    nsapi_os_unlock(&interface->sync);
    if (busy) {
        return NSAPI_ERROR_BUSY;
    }
    (void)take_down(interface);
    (void)interface_api_release(interface);
    nsapi_os_sync_destroy(&interface->sync);
    memset(interface, 0, sizeof *interface);
    return NSAPI_ERROR_OK;
}

/* ---- settings ------------------------------------------------------------------------------- */

nsapi_error_t nsapi_impl_interface_set_blocking(nsapi_interface_t *interface, bool blocking)
{
    nsapi_os_lock(&interface->sync);
    interface->blocking = blocking;
    nsapi_os_unlock(&interface->sync);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_interface_set_timeout(nsapi_interface_t *interface, int timeout)
{
    nsapi_os_lock(&interface->sync);
    interface->timeout = timeout;
    nsapi_os_unlock(&interface->sync);
    return NSAPI_ERROR_OK;
}

/* Whether an IPv4 netmask is ones then zeros. */
static bool is_prefix(const nsapi_addr_t *mask)
{
    uint32_t m = (uint32_t)mask->bytes[0] << 24 | (uint32_t)mask->bytes[1] << 16 | (uint32_t)mask->bytes[2] << 8
                 | mask->bytes[3];

    return (~m & (~m + 1)) == 0; /* the zeros are a run at the bottom: adding one carries through them all */
}

/* An optional IPv4 address: NSAPI_UNSPEC for NULL or empty; false for another version. */
static bool optional_ipv4(const nsapi_socket_address_t *address, nsapi_addr_t *addr)
{
    memset(addr, 0, sizeof *addr);
    if (address == NULL || address->addr.version == NSAPI_UNSPEC) {
        return true;
    }
    *addr = address->addr;
    return addr->version == NSAPI_IPv4;
}

nsapi_error_t nsapi_impl_interface_set_network(nsapi_interface_t *interface, const nsapi_socket_address_t *ip_address,
                                               const nsapi_socket_address_t *netmask,
                                               const nsapi_socket_address_t *gateway)
{
    nsapi_addr_t ip = ip_address->addr, mask, route;

    if (!nsapi_socket_address_is_nonzero(ip_address)
        || (ip.version != NSAPI_IPv4 && ip.version != NSAPI_IPv6) || !optional_ipv4(netmask, &mask)
        || !optional_ipv4(gateway, &route) || (mask.version == NSAPI_IPv4 && !is_prefix(&mask))) {
        return NSAPI_ERROR_PARAMETER;
    }
    return interface_api_set_network(interface, &ip, &mask, &route);
}

nsapi_error_t nsapi_impl_interface_set_dhcp(nsapi_interface_t *interface, bool dhcp)
{
    nsapi_error_t err;

    err = interface_api_set_dhcp(interface, dhcp);
    if (err == NSAPI_ERROR_OK) {
        nsapi_os_lock(&interface->sync);
        interface->dhcp = dhcp;
        nsapi_os_unlock(&interface->sync);
    }
    return err;
}

nsapi_error_t nsapi_impl_interface_set_mac_address(nsapi_interface_t *interface, const uint8_t *mac, nsapi_size_t size)
{
    static const uint8_t zero[NSAPI_MAC_BYTES];
    nsapi_error_t err;

    (void)size; /* NSAPI_MAC_BYTES: the generated check */
    if ((mac[0] & 1) != 0 || memcmp(mac, zero, sizeof zero) == 0) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (interface->api->set_mac_address == NULL) {
        return NSAPI_ERROR_UNSUPPORTED; /* whatever the status: BUSY would promise it later */
    }
    nsapi_os_lock(&interface->sync);
    err = interface->wanted || interface->switching ? NSAPI_ERROR_BUSY : NSAPI_ERROR_OK;
    interface->switching = err == NSAPI_ERROR_OK; /* no connect may start while the device changes */
    nsapi_os_unlock(&interface->sync);
    if (err == NSAPI_ERROR_OK) {
        err = interface_api_set_mac_address(interface, mac);
        nsapi_os_lock(&interface->sync);
        interface->switching = 0;
        nsapi_os_unlock(&interface->sync);
    }
    return err;
}

/* ---- callbacks ------------------------------------------------------------------------------ */

nsapi_error_t nsapi_impl_interface_attach(nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context)
{
    nsapi_os_lock(&interface->sync);
    interface->listeners[0].callback = callback;
    interface->listeners[0].context = context;
    nsapi_os_unlock(&interface->sync);
    return NSAPI_ERROR_OK;
}

/* The listener's place (from 1: place 0 is attach's), or 0 if it is not there. */
static unsigned find_listener(const nsapi_interface_t *interface, nsapi_interface_cb_t callback, void *context)
{
    unsigned k;

    for (k = 1; k < NSAPI_INTERFACE_LISTENERS; k++) {
        if (interface->listeners[k].callback == callback && interface->listeners[k].context == context) {
            return k;
        }
    }
    return 0;
}

nsapi_error_t nsapi_impl_interface_add_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback,
                                                      void *context)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    nsapi_os_lock(&interface->sync);
    if (find_listener(interface, callback, context) == 0) {
        unsigned free = find_listener(interface, NULL, NULL);

        if (free == 0) {
            err = NSAPI_ERROR_NO_MEMORY;
        } else {
            interface->listeners[free].callback = callback;
            interface->listeners[free].context = context;
        }
    }
    nsapi_os_unlock(&interface->sync);
    return err;
}

nsapi_error_t nsapi_impl_interface_remove_event_listener(nsapi_interface_t *interface, nsapi_interface_cb_t callback,
                                                         void *context)
{
    unsigned k;

    nsapi_os_lock(&interface->sync);
    k = find_listener(interface, callback, context);
    if (k != 0) {
        interface->listeners[k].callback = NULL;
        interface->listeners[k].context = NULL;
    }
    nsapi_os_unlock(&interface->sync);
    return k != 0 ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_ADDRESS;
}

/* ---- what it is and has --------------------------------------------------------------------- */

nsapi_connection_status_t nsapi_impl_interface_get_connection_status(nsapi_interface_t *interface)
{
    nsapi_connection_status_t status;

    nsapi_os_lock(&interface->sync);
    status = interface->status;
    nsapi_os_unlock(&interface->sync);
    return status;
}

nsapi_stack_t *nsapi_impl_interface_get_stack(nsapi_interface_t *interface)
{
    return interface->stack;
}

/* One of the backend's addresses into address, port 0. */
static nsapi_error_t address_of(nsapi_interface_t *interface, nsapi_address_kind_t kind,
                                nsapi_socket_address_t *address)
{
    nsapi_addr_t addr;
    nsapi_error_t err;

    memset(&addr, 0, sizeof addr);
    err = interface_api_get_address(interface, kind, &addr);
    if (err == NSAPI_ERROR_OK && addr.version == NSAPI_UNSPEC) {
        err = NSAPI_ERROR_NO_ADDRESS;
    }
    if (err == NSAPI_ERROR_OK) {
        memset(address, 0, sizeof *address);
        nsapi_socket_address_set_addr(address, &addr);
    }
    return err;
}

nsapi_error_t nsapi_impl_interface_get_ip_address(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    nsapi_error_t err = address_of(interface, NSAPI_ADDRESS_IPv4, address);

    if (err == NSAPI_ERROR_NO_ADDRESS || err == NSAPI_ERROR_UNSUPPORTED) {
        err = address_of(interface, NSAPI_ADDRESS_IPv6_GLOBAL, address);
    }
    return err == NSAPI_ERROR_UNSUPPORTED ? NSAPI_ERROR_NO_ADDRESS : err;
}

nsapi_error_t nsapi_impl_interface_get_ipv6_link_local_address(nsapi_interface_t *interface,
                                                               nsapi_socket_address_t *address)
{
    return address_of(interface, NSAPI_ADDRESS_IPv6_LINK_LOCAL, address);
}

nsapi_error_t nsapi_impl_interface_get_netmask(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    nsapi_error_t err = address_of(interface, NSAPI_ADDRESS_NETMASK, address);

    return err == NSAPI_ERROR_UNSUPPORTED ? NSAPI_ERROR_NO_ADDRESS : err;
}

nsapi_error_t nsapi_impl_interface_get_gateway(nsapi_interface_t *interface, nsapi_socket_address_t *address)
{
    nsapi_error_t err = address_of(interface, NSAPI_ADDRESS_GATEWAY, address);

    return err == NSAPI_ERROR_UNSUPPORTED ? NSAPI_ERROR_NO_ADDRESS : err;
}

nsapi_error_t nsapi_impl_interface_get_mac_address(nsapi_interface_t *interface, char *buffer, nsapi_size_t size)
{
    static const char hex[] = "0123456789abcdef";
    uint8_t mac[NSAPI_MAC_BYTES];
    nsapi_error_t err;
    unsigned k;

    (void)size; /* at least NSAPI_MAC_SIZE: the generated check */
    err = interface_api_get_mac_address(interface, mac);
    for (k = 0; err == NSAPI_ERROR_OK && k < NSAPI_MAC_BYTES; k++) { /* not snprintf: a firmware need not link printf */
        buffer[3 * k] = hex[mac[k] >> 4];
        buffer[3 * k + 1] = hex[mac[k] & 0x0f];
        buffer[3 * k + 2] = k + 1 < NSAPI_MAC_BYTES ? ':' : '\0';
    }
    return err;
}

nsapi_error_t nsapi_impl_interface_get_interface_name(nsapi_interface_t *interface, char *buffer, nsapi_size_t size)
{
    size_t length;

    length = strlen(interface->name);
    if (length >= size) {
        return NSAPI_ERROR_PARAMETER;
    }
    memcpy(buffer, interface->name, length + 1);
    return NSAPI_ERROR_OK;
}

/* ---- names: the interface's stack answers ------------------------------------------------- */

nsapi_error_t nsapi_impl_interface_gethostbyname(nsapi_interface_t *interface, const char *host,
                                                 nsapi_socket_address_t *address, nsapi_version_t version)
{
    return nsapi_stack_gethostbyname(interface->stack, host, address, version);
}

nsapi_value_or_error_t nsapi_impl_interface_gethostbyname_async(nsapi_interface_t *interface, const char *host,
                                                                nsapi_dns_cb_t callback, void *context,
                                                                nsapi_version_t version)
{
    return nsapi_stack_gethostbyname_async(interface->stack, host, callback, context, version);
}

nsapi_error_t nsapi_impl_interface_gethostbyname_async_cancel(nsapi_interface_t *interface, int id)
{
    return nsapi_stack_gethostbyname_async_cancel(interface->stack, id);
}

nsapi_error_t nsapi_impl_interface_add_dns_server(nsapi_interface_t *interface, const nsapi_socket_address_t *address)
{
    return nsapi_stack_add_dns_server(interface->stack, address);
}

nsapi_error_t nsapi_impl_interface_get_dns_server(nsapi_interface_t *interface, int index,
                                                  nsapi_socket_address_t *address)
{
    return nsapi_rt_dns_server(interface->stack, index, address);
}
