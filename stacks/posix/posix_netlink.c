/*
 * Kernel interfaces through rtnetlink: dumps of addresses and routes, each on a
 * socket of its own (so that any thread may ask), and the watch socket's reading.
 * getifaddrs() would give the addresses but not their flags, and an IPv6 address
 * still in duplicate address detection cannot be used yet.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "posix_netlink.h"

#define DUMP_BUFFER 32768 /* more than the kernel puts in one message batch of a dump */
#define DUMP_BATCHES 4096 /* bounds a dump's reading: far beyond any routing table we meet */

typedef void (*visit_t)(const struct nlmsghdr *message, void *context);

/* A socket for one dump: bounded waits, so that a kernel that never ends the dump cannot hold us. */
static int dump_socket(void)
{
    struct timeval second = {1, 0};
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

    if (fd >= 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &second, sizeof second);
    }
    return fd;
}

/* Read a dump's answers into visit until its end; false if it did not end well. */
static bool read_dump(int fd, visit_t visit, void *context)
{
    union {
        struct nlmsghdr header;
        char bytes[DUMP_BUFFER];
    } buffer;
    int batch;

    for (batch = 0; batch < DUMP_BATCHES; batch++) {
        ssize_t n = recv(fd, buffer.bytes, sizeof buffer.bytes, 0);
        const struct nlmsghdr *m;
        unsigned left;

        if (n <= 0) {
            return false;
        }
        left = (unsigned)n;
        for (m = &buffer.header; NLMSG_OK(m, left); m = NLMSG_NEXT(m, left)) {
            if (m->nlmsg_type == NLMSG_DONE) {
                return true;
            }
            if (m->nlmsg_type == NLMSG_ERROR) {
                return false;
            }
            visit(m, context);
        }
    }
    return false;
}

/* Ask the kernel for every address (RTM_GETADDR) or route (RTM_GETROUTE) of a family. */
static bool dump(uint16_t type, uint8_t family, visit_t visit, void *context)
{
    struct {
        struct nlmsghdr header;
        struct rtmsg body; /* its first byte is the family, as ifaddrmsg's */
    } request;
    int fd = dump_socket();
    bool ok;

    if (fd < 0) {
        return false;
    }
    memset(&request, 0, sizeof request);
    request.header.nlmsg_len = NLMSG_LENGTH(type == RTM_GETADDR ? sizeof(struct ifaddrmsg) : sizeof(struct rtmsg));
    request.header.nlmsg_type = type;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = 1;
    request.body.rtm_family = family;
    ok = send(fd, &request, request.header.nlmsg_len, 0) == (ssize_t)request.header.nlmsg_len
         && read_dump(fd, visit, context);
    close(fd);
    return ok;
}

/* ---- addresses ------------------------------------------------------------------------------ */

struct address_scan {
    unsigned index;
    nsapi_address_kind_t kind;
    int rank;          /* of the address in found: 0 none yet, higher is better */
    nsapi_addr_t found;
    bool global;       /* a usable address beyond the link was seen */
    bool link_local;   /* a usable link-local one */
};

static bool is_link_local(const nsapi_addr_t *addr)
{
    return addr->version == NSAPI_IPv4 ? addr->bytes[0] == 169 && addr->bytes[1] == 254
                                       : addr->bytes[0] == 0xfe && (addr->bytes[1] & 0xc0) == 0x80;
}

static void set_netmask(nsapi_addr_t *addr, unsigned prefix)
{
    unsigned k;

    memset(addr, 0, sizeof *addr);
    addr->version = NSAPI_IPv4;
    for (k = 0; k < 4; k++) {
        unsigned bits = prefix > 8 * k ? prefix - 8 * k : 0;

        addr->bytes[k] = bits >= 8 ? 0xff : (uint8_t)(0xff00 >> bits);
    }
}

/* How well an address fits the kind asked for (0: not at all). */
static int rank_of(const nsapi_addr_t *addr, unsigned flags, nsapi_address_kind_t kind)
{
    bool v4 = addr->version == NSAPI_IPv4;

    switch (kind) {
    case NSAPI_ADDRESS_IPv4:
    case NSAPI_ADDRESS_NETMASK:
        return v4 && !(flags & IFA_F_SECONDARY) ? 1 : 0; /* the primary one */
    case NSAPI_ADDRESS_IPv6_LINK_LOCAL:
        return !v4 && is_link_local(addr) ? 1 : 0;
    case NSAPI_ADDRESS_IPv6_GLOBAL:
        return v4 || is_link_local(addr) ? 0 : (flags & IFA_F_DEPRECATED) ? 1 : 2;
    default:
        return 0;
    }
}

/* An address message's address (IFA_LOCAL is ours on point-to-point links, IFA_ADDRESS the peer's)
 * and flags (IFA_FLAGS carries those beyond eight bits). */
static bool read_address(const struct nlmsghdr *m, nsapi_addr_t *addr, unsigned *flags)
{
    const struct ifaddrmsg *ifa = NLMSG_DATA(m);
    unsigned left = IFA_PAYLOAD(m), size = ifa->ifa_family == AF_INET ? 4 : 16;
    const struct rtattr *a;
    const void *local = NULL, *address = NULL;

    *flags = ifa->ifa_flags;
    for (a = IFA_RTA(ifa); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
        if (a->rta_type == IFA_LOCAL && RTA_PAYLOAD(a) == size) {
            local = RTA_DATA(a);
        } else if (a->rta_type == IFA_ADDRESS && RTA_PAYLOAD(a) == size) {
            address = RTA_DATA(a);
        } else if (a->rta_type == IFA_FLAGS && RTA_PAYLOAD(a) == 4) {
            memcpy(flags, RTA_DATA(a), 4);
        }
    }
    if (local == NULL) {
        local = address;
    }
    if (local == NULL) {
        return false;
    }
    memset(addr, 0, sizeof *addr);
    addr->version = size == 4 ? NSAPI_IPv4 : NSAPI_IPv6;
    memcpy(addr->bytes, local, size);
    return true;
}

static void visit_address(const struct nlmsghdr *m, void *context)
{
    struct address_scan *scan = context;
    const struct ifaddrmsg *ifa = NLMSG_DATA(m);
    nsapi_addr_t addr;
    unsigned flags;
    int rank;

    if (m->nlmsg_type != RTM_NEWADDR || m->nlmsg_len < NLMSG_LENGTH(sizeof *ifa) || ifa->ifa_index != scan->index
        || (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6) || !read_address(m, &addr, &flags)
        || (flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED))) {
        return;
    }
    if (is_link_local(&addr)) {
        scan->link_local = true;
    } else {
        scan->global = true;
    }
    rank = rank_of(&addr, flags, scan->kind);
    if (rank > scan->rank) {
        scan->rank = rank;
        scan->found = addr;
        if (scan->kind == NSAPI_ADDRESS_NETMASK) {
            set_netmask(&scan->found, ifa->ifa_prefixlen);
        }
    }
}

static bool scan_addresses(unsigned index, struct address_scan *scan)
{
    memset(&scan->found, 0, sizeof scan->found);
    scan->index = index;
    scan->rank = 0;
    scan->global = scan->link_local = false;
    return index != 0 && dump(RTM_GETADDR, AF_UNSPEC, visit_address, scan);
}

/* ---- routes --------------------------------------------------------------------------------- */

struct route_scan {
    unsigned index;    /* the interface whose default route is wanted, 0 for any */
    bool found;
    unsigned metric;
    unsigned oif;
    nsapi_addr_t gateway;
};

static void visit_route(const struct nlmsghdr *m, void *context)
{
    struct route_scan *scan = context;
    const struct rtmsg *rt = NLMSG_DATA(m);
    unsigned left = RTM_PAYLOAD(m), table, metric = 0, oif = 0, size = rt->rtm_family == AF_INET ? 4 : 16;
    const struct rtattr *a;
    const void *gateway = NULL;

    if (m->nlmsg_type != RTM_NEWROUTE || m->nlmsg_len < NLMSG_LENGTH(sizeof *rt) || rt->rtm_dst_len != 0
        || rt->rtm_type != RTN_UNICAST) {
        return;
    }
    table = rt->rtm_table;
    for (a = RTM_RTA(rt); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
        if (a->rta_type == RTA_TABLE && RTA_PAYLOAD(a) == 4) {
            memcpy(&table, RTA_DATA(a), 4);
        } else if (a->rta_type == RTA_PRIORITY && RTA_PAYLOAD(a) == 4) {
            memcpy(&metric, RTA_DATA(a), 4);
        } else if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) == 4) {
            memcpy(&oif, RTA_DATA(a), 4);
        } else if (a->rta_type == RTA_GATEWAY && RTA_PAYLOAD(a) == size) {
            gateway = RTA_DATA(a);
        }
    }
    /* Multipath routes name no single interface (RTA_OIF): they are left out. */
    if (table != RT_TABLE_MAIN || oif == 0 || (scan->index != 0 && oif != scan->index)
        || (scan->found && metric >= scan->metric)) {
        return;
    }
    scan->found = true;
    scan->metric = metric;
    scan->oif = oif;
    memset(&scan->gateway, 0, sizeof scan->gateway);
    if (gateway != NULL) {
        scan->gateway.version = size == 4 ? NSAPI_IPv4 : NSAPI_IPv6;
        memcpy(scan->gateway.bytes, gateway, size);
    }
}

static bool scan_default_routes(uint8_t family, unsigned index, struct route_scan *scan)
{
    memset(scan, 0, sizeof *scan);
    scan->index = index;
    return dump(RTM_GETROUTE, family, visit_route, scan) && scan->found;
}

bool nsapi_posix_netlink_default_interface(char *name)
{
    struct route_scan scan;

    return (scan_default_routes(AF_INET, 0, &scan) || scan_default_routes(AF_INET6, 0, &scan))
           && if_indextoname(scan.oif, name) != NULL;
}

/* ---- what the interface has ----------------------------------------------------------------- */

nsapi_error_t nsapi_posix_netlink_address(const char *name, nsapi_address_kind_t kind, nsapi_addr_t *addr)
{
    unsigned index = if_nametoindex(name);

    if (kind == NSAPI_ADDRESS_GATEWAY) {
        struct route_scan scan;

        if (index == 0 || !scan_default_routes(AF_INET, index, &scan) || scan.gateway.version == NSAPI_UNSPEC) {
            return NSAPI_ERROR_NO_ADDRESS;
        }
        *addr = scan.gateway;
    } else {
        struct address_scan scan;

        scan.kind = kind;
        if (!scan_addresses(index, &scan) || scan.rank == 0) {
            return NSAPI_ERROR_NO_ADDRESS;
        }
        *addr = scan.found;
    }
    return NSAPI_ERROR_OK;
}

/* The interface request (SIOCGIFFLAGS, SIOCGIFHWADDR) for the named interface into *request; false if it failed. */
static bool ask_interface(const char *name, unsigned long what, struct ifreq *request)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    bool ok;

    if (fd < 0) {
        return false;
    }
    memset(request, 0, sizeof *request);
    strncpy(request->ifr_name, name, IF_NAMESIZE - 1);
    ok = ioctl(fd, what, request) == 0;
    close(fd);
    return ok;
}

/* Whether the named interface is up with a carrier. */
static bool is_running(const char *name)
{
    struct ifreq request;

    return ask_interface(name, SIOCGIFFLAGS, &request)
           && (request.ifr_flags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);
}

nsapi_error_t nsapi_posix_netlink_mac_address(const char *name, uint8_t *mac)
{
    struct ifreq request;

    if (!ask_interface(name, SIOCGIFHWADDR, &request) || request.ifr_hwaddr.sa_family != ARPHRD_ETHER) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    memcpy(mac, request.ifr_hwaddr.sa_data, NSAPI_MAC_BYTES);
    return NSAPI_ERROR_OK;
}

nsapi_connection_status_t nsapi_posix_netlink_status(const char *name)
{
    struct address_scan scan;

    if (!is_running(name)) {
        return NSAPI_STATUS_DISCONNECTED;
    }
    scan.kind = NSAPI_ADDRESS_IPv4;
    if (!scan_addresses(if_nametoindex(name), &scan)) {
        return NSAPI_STATUS_CONNECTING;
    }
    return scan.global ? NSAPI_STATUS_GLOBAL_UP : scan.link_local ? NSAPI_STATUS_LOCAL_UP : NSAPI_STATUS_CONNECTING;
}

/* ---- hearing of changes --------------------------------------------------------------------- */

int nsapi_posix_netlink_watch(void)
{
    struct sockaddr_nl local;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);

    if (fd < 0) {
        return -1;
    }
    memset(&local, 0, sizeof local);
    local.nl_family = AF_NETLINK;
    local.nl_groups = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR;
    if (bind(fd, (struct sockaddr *)&local, sizeof local) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Whether one message may change the status of the interface numbered index. */
static bool concerns(const struct nlmsghdr *m, unsigned index)
{
    if (m->nlmsg_type == RTM_NEWLINK || m->nlmsg_type == RTM_DELLINK) {
        return true; /* any link: ours may have been made again under a new index */
    }
    if ((m->nlmsg_type == RTM_NEWADDR || m->nlmsg_type == RTM_DELADDR)
        && m->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifaddrmsg))) {
        return ((const struct ifaddrmsg *)NLMSG_DATA(m))->ifa_index == index;
    }
    return false;
}

bool nsapi_posix_netlink_changed(int watch, const char *name)
{
    union {
        struct nlmsghdr header;
        char bytes[8192];
    } buffer;
    unsigned index = if_nametoindex(name);
    bool changed = false;
    int batch;

    for (batch = 0; batch < DUMP_BATCHES; batch++) {
        ssize_t n = recv(watch, buffer.bytes, sizeof buffer.bytes, 0);
        const struct nlmsghdr *m;
        unsigned left;

        if (n < 0) {
            return changed || errno == ENOBUFS; /* ENOBUFS: messages were lost, look again */
        }
        left = (unsigned)n;
        for (m = &buffer.header; NLMSG_OK(m, left); m = NLMSG_NEXT(m, left)) {
            changed = changed || concerns(m, index);
        }
    }
    return true; /* more than we read at once: look */
}
