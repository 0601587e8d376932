/*
 * Socket options at level NSAPI_SOCKET over lwIP's pcbs: REUSEADDR and
 * KEEPALIVE in the pcb's so_options, the keep-alive times in the TCP pcb
 * (milliseconds, as lwIP keeps them), NODELAY as the pcb's Nagle flag, RCVBUF as the UDP queue's byte
 * budget, and UDP multicast membership.  What lwIP fixes when it is built
 * (LINGER, SNDBUF, a TCP socket's RCVBUF) is UNSUPPORTED.
 */
#include <string.h>

#include "lwip_backend.h"

/* The pcb's so_options byte, which TCP and UDP pcbs both carry. */
static u8_t *so_options(struct nsapi_lwip_socket *s)
{
    if (s->proto == NSAPI_TCP) {
        return s->pcb.tcp != NULL ? &s->pcb.tcp->so_options : NULL;
    }
    return &s->pcb.udp->so_options;
}

static bool int_option_known(int optname)
{
    return optname == NSAPI_REUSEADDR || optname == NSAPI_KEEPALIVE || optname == NSAPI_KEEPIDLE
           || optname == NSAPI_KEEPINTVL || optname == NSAPI_RCVBUF || optname == NSAPI_NODELAY;
}

/* Set (set) or read (!set) an int-valued option.  Core lock held. */
static nsapi_error_t int_option(struct nsapi_lwip_socket *s, int optname, int *value, bool set)
{
    u8_t *options = so_options(s);
    /* A listening pcb is lwIP's smaller tcp_pcb_listen: it has no keep-alive timers. */
    struct tcp_pcb *tcp = s->proto == NSAPI_TCP && s->state != NSAPI_LWIP_TCP_LISTENING ? s->pcb.tcp : NULL;
    u8_t flag = optname == NSAPI_REUSEADDR ? SOF_REUSEADDR : SOF_KEEPALIVE;

    switch (optname) {
    case NSAPI_REUSEADDR:
    case NSAPI_KEEPALIVE:
        if (options == NULL) {
            return NSAPI_ERROR_NO_CONNECTION;
        }
        if (optname == NSAPI_KEEPALIVE && tcp == NULL) {
            return s->state == NSAPI_LWIP_TCP_LISTENING ? NSAPI_ERROR_UNSUPPORTED : NSAPI_ERROR_NO_CONNECTION;
        }
        if (set) {
            *options = (u8_t)(*value ? *options | flag : *options & ~flag);
        } else {
            *value = (*options & flag) != 0;
        }
        return NSAPI_ERROR_OK;
    case NSAPI_KEEPIDLE:
    case NSAPI_KEEPINTVL:
        if (tcp == NULL) {
            return s->proto == NSAPI_TCP && s->state != NSAPI_LWIP_TCP_LISTENING ? NSAPI_ERROR_NO_CONNECTION
                                                                      : NSAPI_ERROR_UNSUPPORTED;
        }
        if (set && *value <= 0) {
            return NSAPI_ERROR_PARAMETER;
        }
        if (optname == NSAPI_KEEPIDLE) {
            set ? (void)(tcp->keep_idle = (u32_t)*value) : (void)(*value = (int)tcp->keep_idle);
        } else {
            set ? (void)(tcp->keep_intvl = (u32_t)*value) : (void)(*value = (int)tcp->keep_intvl);
        }
        return NSAPI_ERROR_OK;
    case NSAPI_NODELAY:
        if (tcp == NULL) {
            return s->proto == NSAPI_TCP && s->state != NSAPI_LWIP_TCP_LISTENING ? NSAPI_ERROR_NO_CONNECTION
                                                                      : NSAPI_ERROR_UNSUPPORTED;
        }
        if (set && *value) {
            tcp_nagle_disable(tcp);
        } else if (set) {
            tcp_nagle_enable(tcp);
        } else {
            *value = tcp_nagle_disabled(tcp) != 0;
        }
        return NSAPI_ERROR_OK;
    case NSAPI_RCVBUF:
        if (s->proto != NSAPI_UDP) {
            return NSAPI_ERROR_UNSUPPORTED; /* lwIP's TCP window is fixed when it is built */
        }
        if (set && *value <= 0) {
            return NSAPI_ERROR_PARAMETER;
        }
        set ? (void)(s->rcvbuf = (unsigned)*value) : (void)(*value = (int)s->rcvbuf);
        return NSAPI_ERROR_OK;
    default:
        return NSAPI_ERROR_UNSUPPORTED;
    }
}

nsapi_error_t nsapi_lwip_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                    const void *optval, unsigned optlen)
{
    struct nsapi_lwip_socket *s = handle;
    nsapi_error_t err;
    int value;

    (void)stack;
    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (optname == NSAPI_ADD_MEMBERSHIP || optname == NSAPI_DROP_MEMBERSHIP) {
        if (optlen != sizeof(nsapi_ip_mreq_t)) {
            return NSAPI_ERROR_PARAMETER;
        }
        if (s->proto != NSAPI_UDP) {
            return NSAPI_ERROR_UNSUPPORTED;
        }
        NSAPI_LWIP_LOCKED(err = nsapi_lwip_udp_membership(s, optname == NSAPI_ADD_MEMBERSHIP, optval));
        return err;
    }
    if (!int_option_known(optname)) {
        return NSAPI_ERROR_UNSUPPORTED; /* LINGER and SNDBUF among them: lwIP fixes both when it is built */
    }
    if (optlen != sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    memcpy(&value, optval, sizeof value);
    NSAPI_LWIP_LOCKED(err = int_option(s, optname, &value, true));
    return err;
}

nsapi_error_t nsapi_lwip_getsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                    void *optval, unsigned *optlen)
{
    nsapi_error_t err;
    int value = 0;

    (void)stack;
    if (level != NSAPI_SOCKET) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (!int_option_known(optname)) {
        return NSAPI_ERROR_UNSUPPORTED;
    }
    if (*optlen < sizeof(int)) {
        return NSAPI_ERROR_PARAMETER;
    }
    NSAPI_LWIP_LOCKED(err = int_option(handle, optname, &value, false));
    if (err == NSAPI_ERROR_OK) {
        memcpy(optval, &value, sizeof value);
        *optlen = sizeof value;
    }
    return err;
}
