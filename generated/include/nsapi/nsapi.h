/* Generated from idl/errors.yaml, idl/options.yaml, idl/socket.yaml, idl/socket_address.yaml, idl/stack.yaml, idl/stack_api.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/types.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/nsapi.h
 *
 * The whole nsapi API: include this one header.
 */
#ifndef NSAPI_NSAPI_H
#define NSAPI_NSAPI_H

#include "nsapi/errors.h"
#include "nsapi/options.h"
#include "nsapi/socket.h"
#include "nsapi/socket_address.h"
#include "nsapi/stack.h"
#include "nsapi/stack_api.h"
#include "nsapi/tcp_server.h"
#include "nsapi/tcp_socket.h"
#include "nsapi/types.h"
#include "nsapi/udp_socket.h"

#endif /* NSAPI_NSAPI_H */
