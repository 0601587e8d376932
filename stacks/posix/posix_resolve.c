/*
 * Names as the host resolves them: getaddrinfo(), so /etc/hosts, /etc/resolv.conf and
 * nsswitch.conf apply as for any program on the machine.  The runtime asks this only while the
 * program has given its resolver no server (then the program's servers win), and runs it in a
 * thread of its own for asynchronous lookups, since getaddrinfo() blocks.
 */
#define _POSIX_C_SOURCE 200809L

#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

#include "posix_socket.h"

static int family_of(nsapi_version_t version)
{
    return version == NSAPI_IPv4 ? AF_INET : version == NSAPI_IPv6 ? AF_INET6 : AF_UNSPEC;
}

nsapi_error_t nsapi_posix_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr,
                                        nsapi_version_t version)
{
    struct addrinfo hints, *found = NULL;
    struct sockaddr_storage first;
    nsapi_socket_address_t address;
    int rc;

    (void)stack;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family_of(version);
    hints.ai_socktype = SOCK_DGRAM; /* one entry an address, not one a socket type */
    rc = getaddrinfo(host, NULL, &hints, &found);
    if (rc == EAI_MEMORY) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (rc != 0 || found == NULL || found->ai_addrlen > sizeof first) {
        if (found != NULL) {
            freeaddrinfo(found);
        }
        return NSAPI_ERROR_DNS_FAILURE; /* no such name, none of that version, or no server answered */
    }
    memset(&first, 0, sizeof first);
    memcpy(&first, found->ai_addr, found->ai_addrlen); /* the host's preferred address comes first */
    freeaddrinfo(found);
    nsapi_posix_from_sockaddr(&first, &address);
    *addr = address.addr;
    return NSAPI_ERROR_OK;
}
