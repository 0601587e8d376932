/* Generated from idl/stack.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * NetworkStack: the stack sockets open on (nsapi_stack_t), as an interface's get_stack() gives it;
 * name lookups (Mbed 6 and Mbed 5 forms) and the stack's own address.  It points at the C object,
 * which the interface owns.
 */
#ifndef NSAPI_MBED_NETWORKSTACK_H
#define NSAPI_MBED_NETWORKSTACK_H

#include "nsapi_types.h"
#include "SocketAddress.h"

/** The stack sockets open on (nsapi_stack_t), as an interface's get_stack() gives it. */
class NetworkStack {
public:
    /**
     * A view of a C stack.
     * @param c The C object; nullptr: calls fail with NSAPI_ERROR_PARAMETER.
     */
    explicit NetworkStack(nsapi_stack_t *c = nullptr) : _c(c), _ip() {}
    virtual ~NetworkStack() {}

    /**
     * Resolve a host name to an IP address. An IP address in text form is
     * converted without a query, and "localhost" or a name under it (RFC 6761)
     * is 127.0.0.1, or \::1 when NSAPI_IPv6 is asked for, on every backend,
     * without a server. Otherwise, once the program has given servers with
     * nsapi_stack_add_dns_server(), the runtime asks them over a UDPSocket on
     * this stack; until then a backend with a resolver of its own answers
     * (POSIX: the host's, so /etc/hosts and /etc/resolv.conf apply). The
     * runtime's resolver asks its servers newest first, each up to
     * NSAPI_DNS_TRIES times, waiting NSAPI_DNS_TRY_MS for the first answer and
     * twice as long at each try after it (by default 4 tries in 3 s a server),
     * and keeps answers for their TTL. With NSAPI_UNSPEC it asks for the
     * version of the stack's own address first and for the other if the name
     * has none. The port of address is kept. A runtime built without its
     * resolver (NSAPI_CONFIG_DNS 0) converts address text and asks the
     * backend's resolver only.
     *
     * @param host           Host name or IP address text.
     * @param address        Receives the address.
     * @param version        NSAPI_IPv4 or NSAPI_IPv6 to ask for one version,
     *                       NSAPI_UNSPEC for either.
     * @param interface_name Ignored: one interface per stack.
     * @retval NSAPI_ERROR_OK          address holds the result.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, an
     *                                 empty, over-long or malformed name, or
     *                                 the stack is not initialised.
     * @retval NSAPI_ERROR_DNS_FAILURE the name does not exist, has no address
     *                                 of the version asked for, or no server
     *                                 answered.
     * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server was added, and the backend
     *                                 has no resolver of its own.
     * @retval NSAPI_ERROR_NO_MEMORY   the backend's resolver ran out of memory.
     * @retval NSAPI_ERROR_NO_SOCKET   no socket was free for the query.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack has no UDP sockets to ask with;
     *                                 or, in a runtime built without its
     *                                 resolver (NSAPI_CONFIG_DNS 0), host is
     *                                 not an address and the backend has no
     *                                 resolver of its own.
     * @see nsapi_stack_gethostbyname
     */
    virtual nsapi_error_t gethostbyname(const char *host, SocketAddress *address,
                                        nsapi_version_t version = NSAPI_UNSPEC, const char *interface_name = nullptr)
    {
        (void)interface_name;  // one interface per stack here
        return nsapi_stack_gethostbyname(_c, host, address ? address->nsapi_object() : nullptr, version);
    }

    /**
     * The stack's own IP address.
     *
     * @param address Receives the address, port 0.
     * @retval NSAPI_ERROR_OK          address holds it.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the stack is not
     *                                 initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS  the stack has no address yet.
     * @retval NSAPI_ERROR_UNSUPPORTED the stack cannot tell.
     * @see nsapi_stack_get_ip_address
     */
    virtual nsapi_error_t get_ip_address(SocketAddress *address)
    {
        return nsapi_stack_get_ip_address(_c, address ? address->nsapi_object() : nullptr);
    }

    /**
     * Mbed 5: the stack's address as text.
     * @return The text, or nullptr when it has none.
     * @see nsapi_stack_get_ip_address
     */
    virtual const char *get_ip_address()
    {
        SocketAddress a;
        if (get_ip_address(&a) != NSAPI_ERROR_OK || a.get_ip_address() == nullptr) {
            return nullptr;
        }
        std::strncpy(_ip, a.get_ip_address(), sizeof _ip - 1);
        return _ip;
    }

    /** @return The C object, for nsapi's C API. */
    nsapi_stack_t *nsapi_object() const { return _c; }
    /**
     * Point at another C object.
     * @param c The C object.
     */
    void nsapi_set_object(nsapi_stack_t *c) { _c = c; }

    /**
     * Set how many sockets may be open on the stack at once (sockets returned
     * by accept count). An open beyond it returns NSAPI_ERROR_NO_SOCKET.
     * Lowering it closes nothing.
     *
     * @param limit The new limit. From 1 to 65535.
     * @retval NSAPI_ERROR_OK        the limit is set.
     * @retval NSAPI_ERROR_PARAMETER a NULL argument, a limit out of range, or
     *                               the stack is not initialised.
     * @see nsapi_stack_set_socket_limit
     */
    nsapi_error_t set_socket_limit(unsigned limit)
    {
        return nsapi_stack_set_socket_limit(nsapi_object(), limit);
    }

    /**
     * Add a DNS server, asked before those added earlier. Adding one already
     * there changes nothing.
     *
     * @param address The server's address; port 0 means 53.
     * @retval NSAPI_ERROR_OK          the server was added, or was there
     *                                 already.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an empty address, or the
     *                                 stack is not initialised.
     * @retval NSAPI_ERROR_NO_MEMORY   the list already holds NSAPI_DNS_SERVERS
     *                                 servers.
     * @retval NSAPI_ERROR_UNSUPPORTED in a runtime built without its resolver
     *                                 (NSAPI_CONFIG_DNS 0), on a backend that
     *                                 keeps no servers of its own.
     * @see nsapi_stack_add_dns_server
     */
    nsapi_error_t add_dns_server(const SocketAddress &address)
    {
        return nsapi_stack_add_dns_server(nsapi_object(), address.nsapi_object());
    }

private:
    NetworkStack(const NetworkStack &) = delete;
    NetworkStack &operator=(const NetworkStack &) = delete;

    nsapi_stack_t *_c;
    char _ip[NSAPI_IP_SIZE];
};

/** What a socket's open(&stack) opens on. */
inline NetworkStack *nsapi_create_stack(NetworkStack *stack) { return stack; }

#endif /* NSAPI_MBED_NETWORKSTACK_H */
