/* Generated from idl/errors.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Names and meanings of the nsapi_error codes.  Each set is one string of
 * NUL-ended parts in the codes' order, the answer for a value that is not a
 * code last, and a part is found by counting NULs: no table of pointers, only
 * the text and a few compares (strings are not on any hot path).
 */
#include <string.h>

#include "nsapi/options.h" /* NSAPI_CONFIG_ERROR_TEXT */
#include "nsapi/errors.h"

static const char names[] =
    "NSAPI_ERROR_OK" "\0"
    "NSAPI_ERROR_WOULD_BLOCK" "\0"
    "NSAPI_ERROR_UNSUPPORTED" "\0"
    "NSAPI_ERROR_PARAMETER" "\0"
    "NSAPI_ERROR_NO_CONNECTION" "\0"
    "NSAPI_ERROR_NO_SOCKET" "\0"
    "NSAPI_ERROR_NO_ADDRESS" "\0"
    "NSAPI_ERROR_NO_MEMORY" "\0"
    "NSAPI_ERROR_NO_SSID" "\0"
    "NSAPI_ERROR_DNS_FAILURE" "\0"
    "NSAPI_ERROR_DHCP_FAILURE" "\0"
    "NSAPI_ERROR_AUTH_FAILURE" "\0"
    "NSAPI_ERROR_DEVICE_ERROR" "\0"
    "NSAPI_ERROR_IN_PROGRESS" "\0"
    "NSAPI_ERROR_ALREADY" "\0"
    "NSAPI_ERROR_IS_CONNECTED" "\0"
    "NSAPI_ERROR_CONNECTION_LOST" "\0"
    "NSAPI_ERROR_CONNECTION_TIMEOUT" "\0"
    "NSAPI_ERROR_ADDRESS_IN_USE" "\0"
    "NSAPI_ERROR_TIMEOUT" "\0"
    "NSAPI_ERROR_BUSY" "\0"
    "unknown";

#if NSAPI_CONFIG_ERROR_TEXT
static const char texts[] =
    "no error" "\0"
    "operation cannot complete now without blocking" "\0"
    "operation not supported" "\0"
    "invalid argument or socket state" "\0"
    "not connected" "\0"
    "socket not open or none available" "\0"
    "no IP address known" "\0"
    "out of memory or buffer space" "\0"
    "wireless network (SSID) not found" "\0"
    "host name could not be resolved" "\0"
    "no address obtained by DHCP" "\0"
    "authentication failed" "\0"
    "network device or stack failure" "\0"
    "operation started and still in progress" "\0"
    "operation already in progress" "\0"
    "socket already connected" "\0"
    "connection lost" "\0"
    "connection attempt timed out" "\0"
    "address already in use" "\0"
    "operation timed out" "\0"
    "device busy, try again later" "\0"
    "unknown error";
#endif

/* The code's place in the lists, or the place after the last code's. */
static unsigned place(nsapi_error_t error)
{
    if (error == 0) {
        return 0;
    }
    if (error <= -3001 && error >= -3020) {
        return (unsigned)(1 + (-3001 - error));
    }
    return 21;
}

/* The part of a list for error: counted out by NULs. */
static const char *part(const char *list, nsapi_error_t error)
{
    unsigned skip = place(error);

    while (skip-- > 0) {
        list += strlen(list) + 1;
    }
    return list;
}

const char *nsapi_error_name(nsapi_error_t error)
{
    return part(names, error);
}

const char *nsapi_strerror(nsapi_error_t error)
{
#if NSAPI_CONFIG_ERROR_TEXT
    return part(texts, error);
#else
    return part(names, error);
#endif
}
