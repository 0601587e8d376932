/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/types.h
 *
 * Scalar types, sizes, address and option types shared by the whole API.
 */
#ifndef NSAPI_TYPES_H
#define NSAPI_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Version of the generated API; the runtime refuses to build against another.
 */
#define NSAPI_ABI_VERSION 1

/** Bytes needed for an IPv4 address as text, with its terminating NUL. */
#define NSAPI_IPv4_SIZE 16

/** Bytes in a binary IPv4 address. */
#define NSAPI_IPv4_BYTES 4

/**
 * Bytes needed for an IPv6 address as text (as nsapi prints it), with its
 * terminating NUL.
 */
#define NSAPI_IPv6_SIZE 40

/** Bytes in a binary IPv6 address. */
#define NSAPI_IPv6_BYTES 16

/** Bytes needed for any IP address as text, with its terminating NUL. */
#define NSAPI_IP_SIZE NSAPI_IPv6_SIZE

/** Bytes in the largest binary IP address. */
#define NSAPI_IP_BYTES NSAPI_IPv6_BYTES

/** Bytes needed for a MAC address as text, with its terminating NUL. */
#define NSAPI_MAC_SIZE 18

/** Bytes in a binary MAC address. */
#define NSAPI_MAC_BYTES 6

/** Length of a network interface name's prefix. */
#define NSAPI_INTERFACE_PREFIX_SIZE 2

/**
 * Bytes needed for a host name as text (at most 253), with its terminating NUL.
 */
#define NSAPI_DNS_NAME_SIZE 254

/** Bytes needed for a network interface name, with its terminating NUL. */
#define NSAPI_INTERFACE_NAME_MAX_SIZE 6

/** A value of enum nsapi_error (0 or negative). */
typedef int nsapi_error_t;

/** A size passed through a socket. */
typedef unsigned int nsapi_size_t;

/** A non-negative size, or a negative nsapi_error code. */
typedef int nsapi_size_or_error_t;

/** A non-negative value, or a negative nsapi_error code. */
typedef int nsapi_value_or_error_t;

/** A stack's own handle for one of its sockets, opaque to everyone else. */
typedef void *nsapi_handle_t;

/* The objects of the API, defined in their own headers. */
typedef struct nsapi_dtls_socket nsapi_dtls_socket_t; /**< @copybrief nsapi_dtls_socket */
typedef struct nsapi_interface nsapi_interface_t; /**< @copybrief nsapi_interface */
typedef struct nsapi_socket nsapi_socket_t; /**< @copybrief nsapi_socket */
typedef struct nsapi_socket_address nsapi_socket_address_t; /**< @copybrief nsapi_socket_address */
typedef struct nsapi_stack nsapi_stack_t; /**< @copybrief nsapi_stack */
typedef struct nsapi_tcp_server nsapi_tcp_server_t; /**< @copybrief nsapi_tcp_server */
typedef struct nsapi_tcp_socket nsapi_tcp_socket_t; /**< @copybrief nsapi_tcp_socket */
typedef struct nsapi_tls_socket nsapi_tls_socket_t; /**< @copybrief nsapi_tls_socket */
typedef struct nsapi_udp_socket nsapi_udp_socket_t; /**< @copybrief nsapi_udp_socket */
typedef struct nsapi_stack_api nsapi_stack_api_t; /**< @copybrief nsapi_stack_api */
typedef struct nsapi_interface_api nsapi_interface_api_t; /**< @copybrief nsapi_interface_api */

/** IP version of an address. */
typedef enum nsapi_version {
    NSAPI_UNSPEC = 0, /**< no address, or either version when asking for one */
    NSAPI_IPv4 = 1,   /**< IPv4 */
    NSAPI_IPv6 = 2,   /**< IPv6 */
} nsapi_version_t;

/** Transport protocol of a socket. */
typedef enum nsapi_protocol {
    NSAPI_TCP = 0,  /**< TCP, a reliable byte stream */
    NSAPI_UDP = 1,  /**< UDP, unreliable datagrams */
    NSAPI_ICMP = 2, /**< ICMP messages */
} nsapi_protocol_t;

/** Option level for options that apply to a whole stack. */
typedef enum nsapi_stack_level {
    NSAPI_STACK = 5000, /**< stack option level */
} nsapi_stack_level_t;

/** Options at level NSAPI_STACK. */
typedef enum nsapi_stack_option {
    NSAPI_IPV4_MRU = 0, /**< largest IPv4 datagram the stack reassembles from fragments */
    NSAPI_IPV6_MRU = 1, /**< largest IPv6 datagram the stack reassembles from fragments */
} nsapi_stack_option_t;

/** Option level for options that apply to one socket. */
typedef enum nsapi_socket_level {
    NSAPI_SOCKET = 7000, /**< socket option level */
} nsapi_socket_level_t;

/** Options at level NSAPI_SOCKET. The value is an int unless stated. */
typedef enum nsapi_socket_option {
    NSAPI_REUSEADDR = 0,        /**< allow binding to a local address still in use */
    NSAPI_KEEPALIVE = 1,        /**< send TCP keep-alive probes */
    NSAPI_KEEPIDLE = 2,         /**< idle time in milliseconds before the first keep-alive probe */
    NSAPI_KEEPINTVL = 3,        /**< time in milliseconds between keep-alive probes */
    NSAPI_LINGER = 4,           /**< time close waits for unsent data to leave */
    NSAPI_SNDBUF = 5,           /**< send buffer size in bytes */
    NSAPI_RCVBUF = 6,           /**< receive buffer size in bytes */
    NSAPI_ADD_MEMBERSHIP = 7,   /**< join a multicast group (value is an nsapi_ip_mreq_t) */
    NSAPI_DROP_MEMBERSHIP = 8,  /**< leave a multicast group (value is an nsapi_ip_mreq_t) */
    NSAPI_BIND_TO_DEVICE = 9,   /**< send and receive through the named interface only (value is the name) */
    NSAPI_LATENCY = 10,         /**< estimated latency to a destination (read only) */
    NSAPI_STAGGER = 11,         /**< estimated stagger for a destination (read only) */
    NSAPI_IPTOS = 12,           /**< IP type-of-service byte */
    NSAPI_BROADCAST = 13,       /**< allow sending UDP broadcasts */
    NSAPI_PKTINFO = 14,         /**< report the destination address of received datagrams */
    NSAPI_NODELAY = 15,         /**< TCP: send short segments at once, not held for an acknowledgement (Nagle's algorithm off); nsapi's own */
} nsapi_socket_option_t;

/**
 * Called when a socket may be able to make progress (receive, send, accept) or
 * has failed. It may be called when nothing changed. It runs in the stack's
 * context, so it must not call the socket's own functions; it should only
 * signal a thread that does.
 */
typedef void (*nsapi_sigio_cb_t)(void *arg);

/** An IP address in network byte order, without a port. */
typedef struct nsapi_addr {
    /** NSAPI_IPv4, NSAPI_IPv6, or NSAPI_UNSPEC for no address. */
    nsapi_version_t version;
    /** The address; IPv4 uses the first four bytes and leaves the rest zero. */
    uint8_t bytes[NSAPI_IP_BYTES];
} nsapi_addr_t;

/** Value of the NSAPI_ADD_MEMBERSHIP and NSAPI_DROP_MEMBERSHIP options. */
typedef struct nsapi_ip_mreq {
    /** The multicast group. */
    nsapi_addr_t imr_multiaddr;
    /** The local interface's address, or NSAPI_UNSPEC for the default one. */
    nsapi_addr_t imr_interface;
} nsapi_ip_mreq_t;

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_TYPES_H */
