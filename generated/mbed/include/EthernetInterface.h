/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * EthernetInterface: `EthernetInterface net; net.connect();` brings up the host's default interface
 * (NSAPI_INTERFACE or the library's build option: lwip-tap:NAME, lwip-loop, posix, posix:NAME).
 * Also defines NetworkInterface::get_default_instance(), which returns one such object.
 */
#ifndef NSAPI_MBED_ETHERNETINTERFACE_H
#define NSAPI_MBED_ETHERNETINTERFACE_H

#include "EthInterface.h"

class EthernetInterface : public EthInterface {
};

inline EthInterface *EthInterface::get_default_instance()
{
    static EthernetInterface instance;
    return instance.nsapi_object() != nullptr ? &instance : nullptr;
}

inline NetworkInterface *NetworkInterface::get_default_instance()
{
    return EthInterface::get_default_instance();
}

#endif /* NSAPI_MBED_ETHERNETINTERFACE_H */
