/*
 * What every conformance case runs against: a stack, and the peer services
 * (RFC 862 echo, 863 discard, 864 chargen, 867 daytime) the case talks to.
 * Each backend configuration provides its own fixture_*.c; the cases
 * (test_*.c) are written against this header only, so a new backend reuses
 * them unchanged.
 */
#ifndef CONFORMANCE_FIXTURE_H
#define CONFORMANCE_FIXTURE_H

#include "nsapi/nsapi.h"

enum service { ECHO, DISCARD, CHARGEN, DAYTIME, SERVICES };

struct fixture {
    nsapi_stack_t *stack;
    nsapi_version_t version;                    /* of the addresses below */
    nsapi_socket_address_t local;               /* the stack's own address, port 0 */
    nsapi_socket_address_t tcp[SERVICES];       /* where each TCP service listens */
    nsapi_socket_address_t udp[SERVICES];       /* where each UDP service listens (ECHO and DISCARD) */
    nsapi_socket_address_t closed;              /* a TCP port nobody listens on: connects are refused */
    unsigned udp_max;                           /* the largest datagram that makes the round trip */
    bool tcp_buffers;                           /* NSAPI_SNDBUF and NSAPI_RCVBUF work on TCP sockets */
    const char *kernel;                         /* an IPv4 address of the kernel's, reachable from the stack,
                                                   where a case may start a server (dnsmasq); NULL if none */
    const char *name;                           /* backend configuration, for messages */
};

/* The fixture of this run: IPv4 services, or IPv6 after fixture_use(NSAPI_IPv6). */
extern struct fixture *fx;

/* Bring up the stack and its services; Criterion .init of every suite. */
void fixture_setup(void);

/* Stop the services, check that nothing leaked, release the stack; Criterion .fini. */
void fixture_teardown(void);

/* Describe the configuration of one IP version (fixture_common.c): the stack, its name in
 * messages, the stack's own address local, and the services at peer (ports 7, 9, 19, 13; port 1
 * refuses).  udp_max starts at 60000 and tcp_buffers false: the caller changes what differs.
 * fx points at the IPv4 configuration afterwards. */
struct fixture *fixture_describe(nsapi_stack_t *stack, nsapi_version_t version, const char *name, const char *local,
                                 const char *peer);

/* Point fx at the services of one IP version. */
void fixture_use(nsapi_version_t version);

/* Skip the case, reported as unsupported, if the stack opens no socket of proto (fixture_common.c). */
void fixture_require(nsapi_protocol_t proto);

/* Sockets the backend still holds (0 after every case). */
unsigned fixture_backend_sockets(void);

#endif
