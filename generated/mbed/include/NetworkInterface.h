/* Generated from idl/network_interface.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * NetworkInterface: Mbed's network interface over nsapi_interface_t.  Every object stands for the
 * host's default interface (nsapi/default_interface.h: NSAPI_INTERFACE, else the library's build
 * option), made on first use, so that `EthernetInterface net;` at file scope costs nothing before
 * main.  Mbed 6's calls fill a SocketAddress; Mbed 5's return text kept inside the object (nullptr
 * when there is none), valid until the next such call.  EthInterface and EthernetInterface are
 * defined here too (their headers include this one), with get_default_instance().
 */
#ifndef NSAPI_MBED_NETWORKINTERFACE_H
#define NSAPI_MBED_NETWORKINTERFACE_H

#include <cstring>

#include "nsapi_types.h"
#include "nsapi/default_interface.h"
#include "Callback.h"
#include "NetworkStack.h"
#include "SocketAddress.h"

class EthInterface;
class WiFiInterface;
class MeshInterface;
class CellularInterface;
class EMACInterface;

/** The host's network interface (nsapi_interface_t), nsapi_default_interface() made on first use. */
class NetworkInterface {
public:
    NetworkInterface() : _c(nullptr), _stack(), _status_cb(), _text() {}
    virtual ~NetworkInterface() {}

    /**
     * The configured interface.
     * @return It, or nullptr when it cannot be made (nsapi_default_interface_error() says why).
     */
    static NetworkInterface *get_default_instance();

    /**
     * Bring the interface up: its link, then addresses by DHCP (when on) or the
     * static ones of nsapi_interface_set_network(), and IPv6 link-local and
     * SLAAC addresses where the backend has them. The status becomes CONNECTING
     * at once. Blocking (the default), it returns when the status is GLOBAL_UP,
     * or after the time of nsapi_interface_set_timeout()
     * (NSAPI_INTERFACE_CONNECT_TIMEOUT_MS unless set) with the interface taken
     * down again. Non-blocking, it returns at once, and the status events tell
     * how it goes; a backend then keeps trying (DHCP retransmits) until
     * disconnect. The DNS servers the network announces (DHCP option 6, DHCPv6)
     * are added to the stack's resolver when it reaches GLOBAL_UP.
     *
     * @retval NSAPI_ERROR_OK            blocking, the interface is GLOBAL_UP;
     *                                   non-blocking, it is coming up.
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or the interface is
     *                                   not initialised.
     * @retval NSAPI_ERROR_IS_CONNECTED  it is up already (LOCAL_UP or
     *                                   GLOBAL_UP).
     * @retval NSAPI_ERROR_BUSY          it is coming up already (CONNECTING).
     * @retval NSAPI_ERROR_DHCP_FAILURE  blocking, DHCP was on and gave no lease
     *                                   in time.
     * @retval NSAPI_ERROR_NO_CONNECTION blocking, the time passed with the link
     *                                   down or without a global address, or
     *                                   disconnect was called meanwhile.
     * @retval NSAPI_ERROR_DEVICE_ERROR  the backend's device failed.
     * @retval NSAPI_ERROR_NO_MEMORY     the backend could not start its clients
     *                                   (DHCP).
     * @see nsapi_interface_connect
     */
    virtual nsapi_error_t connect()
    {
        return nsapi_object() != nullptr ? nsapi_interface_connect(_c) : nsapi_default_interface_error();
    }

    /**
     * Take the interface down: release a DHCP lease, remove its addresses; the
     * status becomes DISCONNECTED. A blocking connect in another thread returns
     * NSAPI_ERROR_NO_CONNECTION.
     *
     * @retval NSAPI_ERROR_OK            down.
     * @retval NSAPI_ERROR_PARAMETER     a NULL argument, or the interface is
     *                                   not initialised.
     * @retval NSAPI_ERROR_NO_CONNECTION it was not connected or connecting.
     * @see nsapi_interface_disconnect
     */
    virtual nsapi_error_t disconnect() { return nsapi_interface_disconnect(nsapi_object()); }

    /**
     * The stack to open sockets on.
     * @return It, or nullptr when the interface cannot be made.
     * @see nsapi_interface_get_stack
     */
    virtual NetworkStack *get_stack()
    {
        if (nsapi_object() == nullptr) {
            return nullptr;
        }
        _stack.nsapi_set_object(nsapi_interface_get_stack(_c));
        return &_stack;
    }

    /**
     * The interface's address, IPv4 if it has one, else a global IPv6 one.
     *
     * @param address Receives the address, port 0.
     * @retval NSAPI_ERROR_OK         address holds it.
     * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
     *                                initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS it has none (not connected, or no lease
     *                                yet).
     * @see nsapi_interface_get_ip_address
     */
    virtual nsapi_error_t get_ip_address(SocketAddress *address)
    {
        return nsapi_interface_get_ip_address(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /**
     * The netmask of its IPv4 address.
     *
     * @param address Receives the netmask, port 0.
     * @retval NSAPI_ERROR_OK         address holds it.
     * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
     *                                initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS it has no IPv4 address.
     * @see nsapi_interface_get_netmask
     */
    virtual nsapi_error_t get_netmask(SocketAddress *address)
    {
        return nsapi_interface_get_netmask(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /**
     * Its IPv4 gateway.
     *
     * @param address Receives the gateway, port 0.
     * @retval NSAPI_ERROR_OK         address holds it.
     * @retval NSAPI_ERROR_PARAMETER  a NULL argument, or the interface is not
     *                                initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS it has no gateway.
     * @see nsapi_interface_get_gateway
     */
    virtual nsapi_error_t get_gateway(SocketAddress *address)
    {
        return nsapi_interface_get_gateway(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /**
     * The interface's IPv6 link-local address.
     *
     * @param address Receives the address, port 0.
     * @retval NSAPI_ERROR_OK          address holds it.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, or the interface is not
     *                                 initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS  it has none.
     * @retval NSAPI_ERROR_UNSUPPORTED the backend cannot tell.
     * @see nsapi_interface_get_ipv6_link_local_address
     */
    virtual nsapi_error_t get_ipv6_link_local_address(SocketAddress *address)
    {
        return nsapi_interface_get_ipv6_link_local_address(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /**
     * Mbed 5: the interface's address as text.
     * @return The text, or nullptr.
     * @see nsapi_interface_get_ip_address
     */
    virtual const char *get_ip_address() { return text(&NetworkInterface::get_ip_address, _text.ip); }
    /**
     * Mbed 5: the netmask as text.
     * @return The text, or nullptr.
     * @see nsapi_interface_get_netmask
     */
    virtual const char *get_netmask() { return text(&NetworkInterface::get_netmask, _text.mask); }
    /**
     * Mbed 5: the gateway as text.
     * @return The text, or nullptr.
     * @see nsapi_interface_get_gateway
     */
    virtual const char *get_gateway() { return text(&NetworkInterface::get_gateway, _text.gateway); }

    /**
     * The MAC address as text ("02:00:00:00:00:01").
     * @return The text, or nullptr.
     * @see nsapi_interface_get_mac_address
     */
    virtual const char *get_mac_address()
    {
        return nsapi_interface_get_mac_address(nsapi_object(), _text.mac, sizeof _text.mac) == NSAPI_ERROR_OK
                   ? _text.mac : nullptr;
    }

    /**
     * The interface's name.
     * @param interface_name Room for NSAPI_INTERFACE_NAME_SIZE bytes.
     * @return interface_name, or nullptr on an error.
     * @see nsapi_interface_get_interface_name
     */
    virtual char *get_interface_name(char *interface_name)
    {
        return nsapi_interface_get_interface_name(nsapi_object(), interface_name, NSAPI_INTERFACE_NAME_SIZE)
                       == NSAPI_ERROR_OK ? interface_name : nullptr;
    }

    /**
     * Static addresses for the next connect (ports are ignored). An IPv4
     * address is used when DHCP is off; an IPv6 one is added beside link-local
     * and SLAAC addresses.
     *
     * @param ip_address The address, IPv4 or IPv6.
     * @param netmask    Its IPv4 netmask (NULL or empty for 255.255.255.0); for
     *                   IPv6 the prefix is /64. May be NULL.
     * @param gateway    The IPv4 gateway, or NULL or empty for none. May be
     *                   NULL.
     * @retval NSAPI_ERROR_OK          stored for the next connect.
     * @retval NSAPI_ERROR_PARAMETER   a NULL interface or ip_address, an empty
     *                                 address, a netmask or gateway of another
     *                                 version than IPv4, a netmask that is not
     *                                 a prefix, or the interface is not
     *                                 initialised.
     * @retval NSAPI_ERROR_UNSUPPORTED the OS owns the interface's addresses
     *                                 (POSIX).
     * @see nsapi_interface_set_network
     */
    virtual nsapi_error_t set_network(const SocketAddress &ip_address, const SocketAddress &netmask,
                                      const SocketAddress &gateway)
    {
        return nsapi_interface_set_network(nsapi_object(), ip_address.nsapi_object(), netmask.nsapi_object(),
                                           gateway.nsapi_object());
    }
    /**
     * Static addresses for the next connect (ports are ignored). An IPv4
     * address is used when DHCP is off; an IPv6 one is added beside link-local
     * and SLAAC addresses.
     *
     * Mbed 5: each address as text.
     *
     * @param ip_address The address, IPv4 or IPv6.
     * @param netmask    Its IPv4 netmask (NULL or empty for 255.255.255.0); for
     *                   IPv6 the prefix is /64. May be NULL.
     * @param gateway    The IPv4 gateway, or NULL or empty for none. May be
     *                   NULL.
     * @retval NSAPI_ERROR_OK          stored for the next connect.
     * @retval NSAPI_ERROR_PARAMETER   a NULL interface or ip_address, an empty
     *                                 address, a netmask or gateway of another
     *                                 version than IPv4, a netmask that is not
     *                                 a prefix, or the interface is not
     *                                 initialised.
     * @retval NSAPI_ERROR_UNSUPPORTED the OS owns the interface's addresses
     *                                 (POSIX).
     * @see nsapi_interface_set_network
     */
    virtual nsapi_error_t set_network(const char *ip_address, const char *netmask, const char *gateway)
    {
        return set_network(SocketAddress(ip_address), SocketAddress(netmask), SocketAddress(gateway));
    }

    /**
     * nsapi_stack_gethostbyname() on the interface's stack.
     *
     * @param host           Host name or IP address text.
     * @param address        Receives the address.
     * @param version        NSAPI_IPv4 or NSAPI_IPv6 to ask for one version,
     *                       NSAPI_UNSPEC for either.
     * @param interface_name Ignored: one interface per stack.
     * @retval NSAPI_ERROR_OK          address holds the result.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an unknown version, a
     *                                 malformed name, or the interface is not
     *                                 initialised.
     * @retval NSAPI_ERROR_DNS_FAILURE the name does not exist, has no address
     *                                 of the version asked for, or no server
     *                                 answered.
     * @retval NSAPI_ERROR_NO_ADDRESS  no DNS server is known, and the backend
     *                                 has no resolver of its own.
     * @retval NSAPI_ERROR_NO_MEMORY   the backend's resolver ran out of memory.
     * @retval NSAPI_ERROR_NO_SOCKET   no socket was free for the query.
     * @retval NSAPI_ERROR_UNSUPPORTED as for nsapi_stack_gethostbyname().
     * @see nsapi_interface_gethostbyname
     */
    virtual nsapi_error_t gethostbyname(const char *host, SocketAddress *address,
                                        nsapi_version_t version = NSAPI_UNSPEC, const char *interface_name = nullptr)
    {
        (void)interface_name;
        return nsapi_interface_gethostbyname(nsapi_object(), host, address ? address->nsapi_object() : nullptr,
                                             version);
    }

    /**
     * nsapi_stack_add_dns_server() on the interface's stack.
     *
     * @param address        The server's address; port 0 means 53.
     * @param interface_name Ignored: the server is this interface's.
     * @retval NSAPI_ERROR_OK          the server was added, or was there
     *                                 already.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an empty address, or the
     *                                 interface is not initialised.
     * @retval NSAPI_ERROR_NO_MEMORY   the stack's list already holds
     *                                 NSAPI_DNS_SERVERS servers.
     * @retval NSAPI_ERROR_UNSUPPORTED as for nsapi_stack_add_dns_server().
     * @see nsapi_interface_add_dns_server
     */
    virtual nsapi_error_t add_dns_server(const SocketAddress &address, const char *interface_name = nullptr)
    {
        (void)interface_name;
        return nsapi_interface_add_dns_server(nsapi_object(), address.nsapi_object());
    }

    /**
     * Call status_cb on each status change (NSAPI_EVENT_CONNECTION_STATUS_CHANGE, the new status).
     * @param status_cb The callback; an empty one removes it.
     * @see nsapi_interface_attach
     */
    virtual void attach(mbed::Callback<void(nsapi_event_t, intptr_t)> status_cb)
    {
        _status_cb = status_cb;
        (void)nsapi_interface_attach(nsapi_object(), status_cb ? &on_event : nullptr, this);
    }

    /**
     * The interface as an Ethernet interface.
     * @return It, or nullptr.
     */
    virtual EthInterface *ethInterface() { return nullptr; }
    /**
     * No Wi-Fi here.
     * @return nullptr.
     */
    virtual WiFiInterface *wifiInterface() { return nullptr; }
    /**
     * No mesh here.
     * @return nullptr.
     */
    virtual MeshInterface *meshInterface() { return nullptr; }
    /**
     * No cellular here.
     * @return nullptr.
     */
    virtual CellularInterface *cellularInterface() { return nullptr; }
    /**
     * No EMAC here.
     * @return nullptr.
     */
    virtual EMACInterface *emacInterface() { return nullptr; }

    /** Mbed's set_as_default: here the configuration chooses. */
    virtual void set_as_default() {}

    /**
     * The C object, for nsapi's C API (the default interface, made on first use).
     * @return It, or nullptr when it cannot be made.
     */
    nsapi_interface_t *nsapi_object()
    {
        if (_c == nullptr) {
            _c = nsapi_default_interface();
        }
        return _c;
    }

    /**
     * The interface's status.
     *
     * @return The status; NSAPI_STATUS_ERROR_UNSUPPORTED for a NULL or
     *         uninitialised interface.
     * @return NSAPI_STATUS_ERROR_UNSUPPORTED when a pointer argument is NULL.
     * @see nsapi_interface_get_connection_status
     */
    nsapi_connection_status_t get_connection_status()
    {
        return nsapi_interface_get_connection_status(nsapi_object());
    }

    /**
     * Give the device a MAC address, while the interface is down.
     *
     * @param mac  The address, NSAPI_MAC_BYTES bytes; a unicast one (the first
     *             byte even).
     * @param size Bytes at mac. From 6 to 6.
     * @retval NSAPI_ERROR_OK          set; it is used from the next connect on.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, a wrong size, a
     *                                 multicast or all-zero address, or the
     *                                 interface is not initialised.
     * @retval NSAPI_ERROR_BUSY        the interface is not DISCONNECTED.
     * @retval NSAPI_ERROR_UNSUPPORTED the device's address cannot be changed.
     * @see nsapi_interface_set_mac_address
     */
    nsapi_error_t set_mac_address(const uint8_t *mac, nsapi_size_t size)
    {
        return nsapi_interface_set_mac_address(nsapi_object(), mac, size);
    }

    /**
     * One of the servers the stack's resolver asks, index 0 first (those the
     * program added and those the network announced alike).
     *
     * @param index   Which server, from 0. From 0 to 255.
     * @param address Receives the server's address and port.
     * @retval NSAPI_ERROR_OK          address holds it.
     * @retval NSAPI_ERROR_PARAMETER   a NULL argument, an index out of range,
     *                                 or the interface is not initialised.
     * @retval NSAPI_ERROR_NO_ADDRESS  the resolver has fewer servers than index
     *                                 + 1.
     * @retval NSAPI_ERROR_UNSUPPORTED the runtime was built without its
     *                                 resolver (NSAPI_CONFIG_DNS 0).
     * @see nsapi_interface_get_dns_server
     */
    nsapi_error_t get_dns_server(int index, SocketAddress *address)
    {
        return nsapi_interface_get_dns_server(nsapi_object(), index, address ? address->nsapi_object() : nullptr);
    }

private:
    NetworkInterface(const NetworkInterface &) = delete;
    NetworkInterface &operator=(const NetworkInterface &) = delete;

    static void on_event(nsapi_event_t event, intptr_t argument, void *context)
    {
        NetworkInterface *self = static_cast<NetworkInterface *>(context);
        if (self->_status_cb) {
            self->_status_cb(event, argument);
        }
    }

    template <size_t N>
    const char *text(nsapi_error_t (NetworkInterface::*get)(SocketAddress *), char (&out)[N])
    {
        SocketAddress a;
        if ((this->*get)(&a) != NSAPI_ERROR_OK || a.get_ip_address() == nullptr) {
            return nullptr;
        }
        std::strncpy(out, a.get_ip_address(), N - 1);
        out[N - 1] = '\0';
        return out;
    }

    nsapi_interface_t *_c;
    NetworkStack _stack;
    mbed::Callback<void(nsapi_event_t, intptr_t)> _status_cb;
    struct {
        char ip[NSAPI_IP_SIZE], mask[NSAPI_IP_SIZE], gateway[NSAPI_IP_SIZE], mac[NSAPI_MAC_SIZE];
    } _text;
};

/** What a socket's open(&net) opens on: the interface's stack. */
inline NetworkStack *nsapi_create_stack(NetworkInterface *iface) { return iface ? iface->get_stack() : nullptr; }

/** An Ethernet interface (here every interface is one: lwIP over TAP, lwIP's loopback, or the kernel's). */
class EthInterface : public NetworkInterface {
public:
    /**
     * This interface as an Ethernet one.
     * @return this.
     */
    EthInterface *ethInterface() override { return this; }

    /**
     * The configured interface.
     * @return It, or nullptr when it cannot be made.
     */
    static EthInterface *get_default_instance()
    {
        static EthInterface instance;
        return instance.nsapi_object() != nullptr ? &instance : nullptr;
    }
};

/** `EthernetInterface net; net.connect();`: the host's default interface, as every NetworkInterface here. */
class EthernetInterface : public EthInterface {
};

inline NetworkInterface *NetworkInterface::get_default_instance()
{
    return EthInterface::get_default_instance();
}

#endif /* NSAPI_MBED_NETWORKINTERFACE_H */
