/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* Mbed's netsocket/nsapi.h: every network class but TLS's (include TLSSocket.h and link nsapi-tls for those). */
#ifndef NSAPI_MBED_NSAPI_H
#define NSAPI_MBED_NSAPI_H

#include "nsapi_types.h"
#include "SocketAddress.h"
#include "NetworkStack.h"
#include "NetworkInterface.h"
#include "EthInterface.h"
#include "EthernetInterface.h"
#include "WiFiInterface.h"
#include "Socket.h"
#include "InternetSocket.h"
#include "TCPSocket.h"
#include "TCPServer.h"
#include "UDPSocket.h"

#endif /* NSAPI_MBED_NSAPI_H */
