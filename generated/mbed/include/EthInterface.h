/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* EthInterface: an Ethernet interface (the host's default one: lwIP over TAP, or the kernel's). */
#ifndef NSAPI_MBED_ETHINTERFACE_H
#define NSAPI_MBED_ETHINTERFACE_H

#include "NetworkInterface.h"

class EthInterface : public NetworkInterface {
public:
    /** This. */
    EthInterface *ethInterface() override { return this; }

    /** The configured interface, or nullptr when it cannot be made. */
    static EthInterface *get_default_instance();
};

#include "EthernetInterface.h"  /* the default instance */

#endif /* NSAPI_MBED_ETHINTERFACE_H */
