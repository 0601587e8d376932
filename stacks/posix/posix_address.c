/*
 * nsapi addresses <-> kernel sockaddrs.  Sockets are dual-stack AF_INET6,
 * so IPv4 addresses travel as IPv4-mapped IPv6 (::ffff:a.b.c.d) and come
 * back as IPv4.  nsapi addresses carry no zone: a link-local IPv6 peer gets
 * scope 0, which the kernel accepts only where the route is unambiguous.
 */
#define _GNU_SOURCE

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include "posix_socket.h"

static const uint8_t mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

socklen_t nsapi_posix_to_sockaddr(const struct posix_socket *s, const nsapi_socket_address_t *address,
                                  struct sockaddr_storage *out)
{
    const nsapi_addr_t *addr = &address->addr;

    memset(out, 0, sizeof(struct sockaddr_in6)); /* the larger of the two used, not the whole storage */
    if (s->family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;

        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(address->port);
        if (addr->version == NSAPI_IPv4) {
            memcpy(in6->sin6_addr.s6_addr, mapped_prefix, sizeof mapped_prefix);
            memcpy(in6->sin6_addr.s6_addr + 12, addr->bytes, 4);
        } else if (addr->version == NSAPI_IPv6) {
            memcpy(in6->sin6_addr.s6_addr, addr->bytes, 16);
        } else if (addr->version != NSAPI_UNSPEC) {
            return 0;
        }
        return sizeof *in6;
    }
    if (addr->version == NSAPI_IPv4 || addr->version == NSAPI_UNSPEC) {
        struct sockaddr_in *in4 = (struct sockaddr_in *)out;

        in4->sin_family = AF_INET;
        in4->sin_port = htons(address->port);
        if (addr->version == NSAPI_IPv4) {
            memcpy(&in4->sin_addr, addr->bytes, 4);
        }
        return sizeof *in4;
    }
    return 0; /* IPv6 on a host without it */
}

void nsapi_posix_from_sockaddr(const struct sockaddr_storage *in, nsapi_socket_address_t *address)
{
    nsapi_addr_t addr;
    uint16_t port = 0;

    memset(&addr, 0, sizeof addr);
    if (in->ss_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)in;

        if (memcmp(in6->sin6_addr.s6_addr, mapped_prefix, sizeof mapped_prefix) == 0) {
            addr.version = NSAPI_IPv4;
            memcpy(addr.bytes, in6->sin6_addr.s6_addr + 12, 4);
        } else {
            addr.version = NSAPI_IPv6;
            memcpy(addr.bytes, in6->sin6_addr.s6_addr, 16);
        }
        port = ntohs(in6->sin6_port);
    } else if (in->ss_family == AF_INET) {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)in;

        addr.version = NSAPI_IPv4;
        memcpy(addr.bytes, &in4->sin_addr, 4);
        port = ntohs(in4->sin_port);
    }
    /* Every byte set above: what the setters would store, without their checks on a datagram's path. */
    address->addr = addr;
    address->port = port;
}

/* The sockaddr bytes of an interface address, and their length; 0 for other families. */
static size_t if_bytes(const struct sockaddr *sa, const uint8_t **bytes)
{
    if (sa != NULL && sa->sa_family == AF_INET) {
        *bytes = (const uint8_t *)&((const struct sockaddr_in *)(const void *)sa)->sin_addr;
        return 4;
    }
    if (sa != NULL && sa->sa_family == AF_INET6) {
        *bytes = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr;
        return 16;
    }
    return 0;
}

int nsapi_posix_ifindex(const nsapi_addr_t *addr)
{
    struct ifaddrs *all, *i;
    int index = -1;

    if (addr->version == NSAPI_UNSPEC) {
        return 0;
    }
    if (getifaddrs(&all) != 0) {
        return -1;
    }
    for (i = all; i != NULL && index < 0; i = i->ifa_next) {
        const uint8_t *bytes;
        size_t length = if_bytes(i->ifa_addr, &bytes);

        if (length == (addr->version == NSAPI_IPv4 ? 4u : 16u) && memcmp(bytes, addr->bytes, length) == 0) {
            index = (int)if_nametoindex(i->ifa_name);
        }
    }
    freeifaddrs(all);
    return index;
}

/* The host's address: the first IPv4 one not on loopback, else the first global IPv6 one, else loopback's. */
nsapi_error_t nsapi_posix_get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr)
{
    struct ifaddrs *all, *i;
    int best = 0; /* 3 IPv4, 2 IPv6 not on loopback, 1 on loopback */

    (void)stack;
    if (getifaddrs(&all) != 0) {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    for (i = all; i != NULL; i = i->ifa_next) {
        const uint8_t *bytes;
        size_t length = if_bytes(i->ifa_addr, &bytes);
        int rank;

        if (length == 0 || !(i->ifa_flags & IFF_UP)) {
            continue;
        }
        if (length == 16 && bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) {
            continue; /* link-local: useless without its zone */
        }
        rank = (i->ifa_flags & IFF_LOOPBACK) ? 1 : length == 4 ? 3 : 2;
        if (rank > best) {
            best = rank;
            memset(addr, 0, sizeof *addr);
            addr->version = length == 4 ? NSAPI_IPv4 : NSAPI_IPv6;
            memcpy(addr->bytes, bytes, length);
        }
    }
    freeifaddrs(all);
    return best > 0 ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_ADDRESS;
}
