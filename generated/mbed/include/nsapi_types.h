/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Mbed's nsapi_types.h: nsapi_error_t and its NSAPI_ERROR_* codes, nsapi_size_t, nsapi_addr_t,
 * nsapi_version_t, the protocol, option and event names, all from nsapi's C API (nsapi/nsapi.h),
 * which uses Mbed's names and values.
 */
#ifndef NSAPI_MBED_NSAPI_TYPES_H
#define NSAPI_MBED_NSAPI_TYPES_H

#include "nsapi/nsapi.h"

#endif /* NSAPI_MBED_NSAPI_TYPES_H */
