/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* EthInterface: an Ethernet interface, defined in NetworkInterface.h with the default instance. */
#ifndef NSAPI_MBED_ETHINTERFACE_H
#define NSAPI_MBED_ETHINTERFACE_H

#include "NetworkInterface.h"

#endif /* NSAPI_MBED_ETHINTERFACE_H */
