/*
 * Which destinations the runtime refuses for connect, sendto and send.
 * Left to the backends they disagree: the kernel refuses some at once,
 * lwIP sends to some and waits out the timeout on others.
 */
#include <string.h>

#include "destination.h"

static const uint8_t mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static bool all_zero(const uint8_t *bytes, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++) {
        if (bytes[i] != 0) {
            return false;
        }
    }
    return true;
}

/* The IPv4 address a v4 or IPv4-mapped v6 address carries, or NULL for any other. */
static const uint8_t *ipv4_of(const nsapi_addr_t *addr)
{
    if (addr->version == NSAPI_IPv4) {
        return addr->bytes;
    }
    if (memcmp(addr->bytes, mapped_prefix, sizeof mapped_prefix) == 0) {
        return addr->bytes + sizeof mapped_prefix;
    }
    return NULL;
}

static bool ipv4_usable(const uint8_t *ip, nsapi_protocol_t proto)
{
    static const uint8_t broadcast[NSAPI_IPv4_BYTES] = {255, 255, 255, 255};

    if (all_zero(ip, NSAPI_IPv4_BYTES)) {
        return false;
    }
    if (proto != NSAPI_TCP) {
        return true;
    }
    return (ip[0] & 0xf0u) != 0xe0u && memcmp(ip, broadcast, sizeof broadcast) != 0;
}

bool nsapi_rt_destination_usable(const nsapi_socket_address_t *address, nsapi_protocol_t proto)
{
    const uint8_t *ip4;

    if (address->port == 0 || (address->addr.version != NSAPI_IPv4 && address->addr.version != NSAPI_IPv6)) {
        return false;
    }
    ip4 = ipv4_of(&address->addr);
    if (ip4 != NULL) {
        return ipv4_usable(ip4, proto);
    }
    if (all_zero(address->addr.bytes, NSAPI_IPv6_BYTES)) {
        return false;
    }
    return proto != NSAPI_TCP || address->addr.bytes[0] != 0xffu;
}
