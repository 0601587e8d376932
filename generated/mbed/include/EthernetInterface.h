/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * EthernetInterface: `EthernetInterface net; net.connect();` brings up the host's default interface
 * (NSAPI_INTERFACE or the library's build option: lwip-tap:NAME, lwip-loop, posix, posix:NAME).
 * Defined in NetworkInterface.h with the default instance.
 */
#ifndef NSAPI_MBED_ETHERNETINTERFACE_H
#define NSAPI_MBED_ETHERNETINTERFACE_H

#include "NetworkInterface.h"

#endif /* NSAPI_MBED_ETHERNETINTERFACE_H */
