/* Generated from idl/errors.yaml, idl/network_interface.yaml, idl/options.yaml, idl/socket.yaml, idl/socket_address.yaml, idl/stack.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/types.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/nsapi.h
 *
 * The API an application calls: include this header, and the header of the
 * backend whose stack the application opens, which declares how to start and
 * stop one: nsapi/posix.h (nsapi_posix_init(): the host kernel's sockets),
 * nsapi/lwip.h (nsapi_lwip_init() and its netifs: lwIP inside the process), or
 * nsapi/NAME.h of a backend made with `scons new-stack NAME=name`. Link
 * libnsapi and that backend's library (pkg-config nsapi-posix, nsapi-lwip).
 *
 * A backend's own sources include nsapi/stack_api.h too: the operations it
 * implements and what it calls (nsapi_interface_init(),
 * nsapi_interface_report_status(), nsapi_stack_init(), nsapi_stack_deinit()).
 */
#ifndef NSAPI_NSAPI_H
#define NSAPI_NSAPI_H

#include "nsapi/errors.h"
#include "nsapi/network_interface.h"
#include "nsapi/options.h"
#include "nsapi/socket.h"
#include "nsapi/socket_address.h"
#include "nsapi/stack.h"
#include "nsapi/tcp_server.h"
#include "nsapi/tcp_socket.h"
#include "nsapi/types.h"
#include "nsapi/udp_socket.h"

#endif /* NSAPI_NSAPI_H */
