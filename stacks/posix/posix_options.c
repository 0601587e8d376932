/*
 * Socket options on kernel sockets, with lwIP's meaning where both have
 * the option: keep-alive times in milliseconds (the kernel keeps whole
 * seconds, so they round up), buffer sizes as the application asked for
 * them (the kernel stores twice the value for its bookkeeping and reports
 * that; we halve it), no keep-alive options on a listening socket.
 * getsockopt reads every value back from the kernel, so it reports what
 * the kernel uses: a buffer size outside its limits comes back clamped.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include "posix_errors.h"
#include "posix_socket.h"

#define KEEP_MAX_S 32767 /* the kernel's limit for TCP_KEEPIDLE and TCP_KEEPINTVL */

static nsapi_error_t membership(struct posix_socket *s, bool add, const nsapi_ip_mreq_t *mreq)
{
    const nsapi_addr_t *group = &mreq->imr_multiaddr;
    int err;

    if (group->version == NSAPI_IPv4 && (group->bytes[0] & 0xf0) == 0xe0) {
        struct ip_mreqn req;

        memset(&req, 0, sizeof req);
        memcpy(&req.imr_multiaddr, group->bytes, 4);
        if (mreq->imr_interface.version == NSAPI_IPv4) {
            memcpy(&req.imr_address, mreq->imr_interface.bytes, 4);
        } else if (mreq->imr_interface.version != NSAPI_UNSPEC) {
            return NSAPI_ERROR_PARAMETER;
        }
        err = setsockopt(s->fd, IPPROTO_IP, add ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &req, sizeof req);
    } else if (group->version == NSAPI_IPv6 && group->bytes[0] == 0xff) {
        struct ipv6_mreq req;
        int index = nsapi_posix_ifindex(&mreq->imr_interface);

        if (index < 0) {
            return NSAPI_ERROR_NO_ADDRESS;
        }
        if (s->family != AF_INET6) {
            return NSAPI_ERROR_UNSUPPORTED;
        }
        memcpy(&req.ipv6mr_multiaddr, group->bytes, 16);
        req.ipv6mr_interface = (unsigned)index;
        err = setsockopt(s->fd, IPPROTO_IPV6, add ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, &req, sizeof req);
    } else {
        return NSAPI_ERROR_PARAMETER;
    }
    if (err != 0 && errno == EADDRNOTAVAIL) {
        return NSAPI_ERROR_NO_ADDRESS; /* joining: no such interface; leaving: not a member */
    }
    return err == 0 ? NSAPI_ERROR_OK : nsapi_posix_error(errno);
}

/* Where the kernel keeps an int option: level and name, and whether it is ours to offer on this socket. */
static nsapi_error_t locate(const struct posix_socket *s, int optname, int *level, int *name)
{
    switch (optname) {
    case NSAPI_REUSEADDR:
        *level = SOL_SOCKET;
        *name = SO_REUSEADDR;
        return NSAPI_ERROR_OK;
    case NSAPI_SNDBUF:
    case NSAPI_RCVBUF:
        *level = SOL_SOCKET;
        *name = optname == NSAPI_SNDBUF ? SO_SNDBUF : SO_RCVBUF;
        return NSAPI_ERROR_OK;
    case NSAPI_KEEPALIVE:
    case NSAPI_KEEPIDLE:
    case NSAPI_KEEPINTVL:
        if (s->proto != NSAPI_TCP || __atomic_load_n(&s->listening, __ATOMIC_RELAXED)) {
            return NSAPI_ERROR_UNSUPPORTED; /* as on lwIP: a listener has no keep-alive timers */
        }
        *level = optname == NSAPI_KEEPALIVE ? SOL_SOCKET : IPPROTO_TCP;
        *name = optname == NSAPI_KEEPALIVE ? SO_KEEPALIVE : optname == NSAPI_KEEPIDLE ? TCP_KEEPIDLE : TCP_KEEPINTVL;
        return NSAPI_ERROR_OK;
    case NSAPI_NODELAY:
        if (s->proto != NSAPI_TCP) {
            return NSAPI_ERROR_UNSUPPORTED;
        }
        *level = IPPROTO_TCP;
        *name = TCP_NODELAY;
        return NSAPI_ERROR_OK;
    default:
        return NSAPI_ERROR_UNSUPPORTED; /* LINGER, BIND_TO_DEVICE and the rest: not offered, as on lwIP */
    }
}

nsapi_error_t nsapi_posix_setsockopt(struct posix_socket *s, int level, int optname, const void *optval,
                                     unsigned optlen)
{
    int klevel, kname, value;
    nsapi_error_t err;

    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (optname == NSAPI_ADD_MEMBERSHIP || optname == NSAPI_DROP_MEMBERSHIP) {
        if (optlen != sizeof(nsapi_ip_mreq_t)) {
            return NSAPI_ERROR_PARAMETER;
        }
        return s->proto == NSAPI_UDP ? membership(s, optname == NSAPI_ADD_MEMBERSHIP, optval)
                                     : NSAPI_ERROR_UNSUPPORTED;
    }
    err = locate(s, optname, &klevel, &kname);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    if (optlen != sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    memcpy(&value, optval, sizeof value);
    if (optname == NSAPI_KEEPIDLE || optname == NSAPI_KEEPINTVL) {
        if (value <= 0 || value > KEEP_MAX_S * 1000) {
            return NSAPI_ERROR_PARAMETER;
        }
        value = (value + 999) / 1000;
    } else if ((optname == NSAPI_SNDBUF || optname == NSAPI_RCVBUF) && value <= 0) {
        return NSAPI_ERROR_PARAMETER;
    } else if (optname == NSAPI_REUSEADDR || optname == NSAPI_KEEPALIVE || optname == NSAPI_NODELAY) {
        value = value != 0;
    }
    return setsockopt(s->fd, klevel, kname, &value, sizeof value) == 0 ? NSAPI_ERROR_OK : nsapi_posix_error(errno);
}

nsapi_error_t nsapi_posix_getsockopt(struct posix_socket *s, int level, int optname, void *optval, unsigned *optlen)
{
    int klevel, kname, value = 0;
    socklen_t length = sizeof value;
    nsapi_error_t err;

    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    err = locate(s, optname, &klevel, &kname);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    if (*optlen < sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (getsockopt(s->fd, klevel, kname, &value, &length) != 0) {
        return nsapi_posix_error(errno);
    }
    if (optname == NSAPI_KEEPIDLE || optname == NSAPI_KEEPINTVL) {
        value *= 1000;
    } else if (optname == NSAPI_SNDBUF || optname == NSAPI_RCVBUF) {
        value /= 2;
    } else {
        value = value != 0;
    }
    memcpy(optval, &value, sizeof value);
    *optlen = sizeof value;
    return NSAPI_ERROR_OK;
}
