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

class NetworkInterface {
public:
    NetworkInterface() : _c(nullptr), _stack(), _status_cb(), _text() {}
    virtual ~NetworkInterface() {}

    /** The configured interface, or nullptr when it cannot be made (nsapi_default_interface_error() says why). */
    static NetworkInterface *get_default_instance();

    /** Bring the interface up (DHCP unless set_dhcp(false) and set_network()). */
    virtual nsapi_error_t connect()
    {
        return nsapi_object() != nullptr ? nsapi_interface_connect(_c) : nsapi_default_interface_error();
    }

    /** Take the interface down. */
    virtual nsapi_error_t disconnect() { return nsapi_interface_disconnect(nsapi_object()); }

    /** The stack to open sockets on, or nullptr when the interface cannot be made. */
    virtual NetworkStack *get_stack()
    {
        if (nsapi_object() == nullptr) {
            return nullptr;
        }
        _stack.nsapi_set_object(nsapi_interface_get_stack(_c));
        return &_stack;
    }

    /** The interface's address into *address. */
    virtual nsapi_error_t get_ip_address(SocketAddress *address)
    {
        return nsapi_interface_get_ip_address(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /** The netmask into *address. */
    virtual nsapi_error_t get_netmask(SocketAddress *address)
    {
        return nsapi_interface_get_netmask(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /** The gateway into *address. */
    virtual nsapi_error_t get_gateway(SocketAddress *address)
    {
        return nsapi_interface_get_gateway(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }
    /** The IPv6 link-local address into *address. */
    virtual nsapi_error_t get_ipv6_link_local_address(SocketAddress *address)
    {
        return nsapi_interface_get_ipv6_link_local_address(nsapi_object(), address ? address->nsapi_object() : nullptr);
    }

    /** Mbed 5: the address as text, or nullptr. */
    virtual const char *get_ip_address() { return text(&NetworkInterface::get_ip_address, _text.ip); }
    /** Mbed 5: the netmask as text, or nullptr. */
    virtual const char *get_netmask() { return text(&NetworkInterface::get_netmask, _text.mask); }
    /** Mbed 5: the gateway as text, or nullptr. */
    virtual const char *get_gateway() { return text(&NetworkInterface::get_gateway, _text.gateway); }

    /** The MAC address as text ("02:00:00:00:00:01"), or nullptr. */
    virtual const char *get_mac_address()
    {
        return nsapi_interface_get_mac_address(nsapi_object(), _text.mac, sizeof _text.mac) == NSAPI_ERROR_OK
                   ? _text.mac : nullptr;
    }

    /** The interface's name into interface_name (NSAPI_INTERFACE_NAME_SIZE bytes), or nullptr. */
    virtual char *get_interface_name(char *interface_name)
    {
        return nsapi_interface_get_interface_name(nsapi_object(), interface_name, NSAPI_INTERFACE_NAME_SIZE)
                       == NSAPI_ERROR_OK ? interface_name : nullptr;
    }

    /** A static address, netmask and gateway for the next connect (with set_dhcp(false)). */
    virtual nsapi_error_t set_network(const SocketAddress &ip_address, const SocketAddress &netmask,
                                      const SocketAddress &gateway)
    {
        return nsapi_interface_set_network(nsapi_object(), ip_address.nsapi_object(), netmask.nsapi_object(),
                                           gateway.nsapi_object());
    }
    /** Mbed 5: set_network from text. */
    virtual nsapi_error_t set_network(const char *ip_address, const char *netmask, const char *gateway)
    {
        return set_network(SocketAddress(ip_address), SocketAddress(netmask), SocketAddress(gateway));
    }

    /** Resolve host on the interface's stack. */
    virtual nsapi_error_t gethostbyname(const char *host, SocketAddress *address,
                                        nsapi_version_t version = NSAPI_UNSPEC, const char *interface_name = nullptr)
    {
        (void)interface_name;
        return nsapi_interface_gethostbyname(nsapi_object(), host, address ? address->nsapi_object() : nullptr,
                                             version);
    }

    /** Add a DNS server for the interface. */
    virtual nsapi_error_t add_dns_server(const SocketAddress &address, const char *interface_name = nullptr)
    {
        (void)interface_name;
        return nsapi_interface_add_dns_server(nsapi_object(), address.nsapi_object());
    }

    /** Call status_cb on each status change (NSAPI_EVENT_CONNECTION_STATUS_CHANGE, the new status). */
    virtual void attach(mbed::Callback<void(nsapi_event_t, intptr_t)> status_cb)
    {
        _status_cb = status_cb;
        (void)nsapi_interface_attach(nsapi_object(), status_cb ? &on_event : nullptr, this);
    }

    /** The interface as an Ethernet interface, or nullptr. */
    virtual EthInterface *ethInterface() { return nullptr; }
    /** nullptr: no Wi-Fi here. */
    virtual WiFiInterface *wifiInterface() { return nullptr; }
    /** nullptr: no mesh here. */
    virtual MeshInterface *meshInterface() { return nullptr; }
    /** nullptr: no cellular here. */
    virtual CellularInterface *cellularInterface() { return nullptr; }
    /** nullptr: no EMAC here. */
    virtual EMACInterface *emacInterface() { return nullptr; }

    /** Mbed's set_as_default: here the configuration chooses. */
    virtual void set_as_default() {}

    /** The C object (the default interface, made on first use), or nullptr when it cannot be made. */
    nsapi_interface_t *nsapi_object()
    {
        if (_c == nullptr) {
            _c = nsapi_default_interface();
        }
        return _c;
    }

    /** NetworkInterface's nsapi_interface_get_connection_status(), as a member. */
    nsapi_connection_status_t get_connection_status()
    {
        return nsapi_interface_get_connection_status(nsapi_object());
    }

    /** NetworkInterface's nsapi_interface_set_mac_address(), as a member. */
    nsapi_error_t set_mac_address(const uint8_t *mac, nsapi_size_t size)
    {
        return nsapi_interface_set_mac_address(nsapi_object(), mac, size);
    }

    /** NetworkInterface's nsapi_interface_get_dns_server(), as a member. */
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
    /** This. */
    EthInterface *ethInterface() override { return this; }

    /** The configured interface, or nullptr when it cannot be made. */
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
