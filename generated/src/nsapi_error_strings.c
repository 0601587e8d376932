/* Generated from idl/errors.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* Names and meanings of the nsapi_error codes. */
#include "nsapi/errors.h"

const char *nsapi_error_name(nsapi_error_t error)
{
    switch (error) {
    case NSAPI_ERROR_OK:
        return "NSAPI_ERROR_OK";
    case NSAPI_ERROR_WOULD_BLOCK:
        return "NSAPI_ERROR_WOULD_BLOCK";
    case NSAPI_ERROR_UNSUPPORTED:
        return "NSAPI_ERROR_UNSUPPORTED";
    case NSAPI_ERROR_PARAMETER:
        return "NSAPI_ERROR_PARAMETER";
    case NSAPI_ERROR_NO_CONNECTION:
        return "NSAPI_ERROR_NO_CONNECTION";
    case NSAPI_ERROR_NO_SOCKET:
        return "NSAPI_ERROR_NO_SOCKET";
    case NSAPI_ERROR_NO_ADDRESS:
        return "NSAPI_ERROR_NO_ADDRESS";
    case NSAPI_ERROR_NO_MEMORY:
        return "NSAPI_ERROR_NO_MEMORY";
    case NSAPI_ERROR_NO_SSID:
        return "NSAPI_ERROR_NO_SSID";
    case NSAPI_ERROR_DNS_FAILURE:
        return "NSAPI_ERROR_DNS_FAILURE";
    case NSAPI_ERROR_DHCP_FAILURE:
        return "NSAPI_ERROR_DHCP_FAILURE";
    case NSAPI_ERROR_AUTH_FAILURE:
        return "NSAPI_ERROR_AUTH_FAILURE";
    case NSAPI_ERROR_DEVICE_ERROR:
        return "NSAPI_ERROR_DEVICE_ERROR";
    case NSAPI_ERROR_IN_PROGRESS:
        return "NSAPI_ERROR_IN_PROGRESS";
    case NSAPI_ERROR_ALREADY:
        return "NSAPI_ERROR_ALREADY";
    case NSAPI_ERROR_IS_CONNECTED:
        return "NSAPI_ERROR_IS_CONNECTED";
    case NSAPI_ERROR_CONNECTION_LOST:
        return "NSAPI_ERROR_CONNECTION_LOST";
    case NSAPI_ERROR_CONNECTION_TIMEOUT:
        return "NSAPI_ERROR_CONNECTION_TIMEOUT";
    case NSAPI_ERROR_ADDRESS_IN_USE:
        return "NSAPI_ERROR_ADDRESS_IN_USE";
    case NSAPI_ERROR_TIMEOUT:
        return "NSAPI_ERROR_TIMEOUT";
    case NSAPI_ERROR_BUSY:
        return "NSAPI_ERROR_BUSY";
    default:
        return "unknown";
    }
}

const char *nsapi_strerror(nsapi_error_t error)
{
    switch (error) {
    case NSAPI_ERROR_OK:
        return "no error";
    case NSAPI_ERROR_WOULD_BLOCK:
        return "operation cannot complete now without blocking";
    case NSAPI_ERROR_UNSUPPORTED:
        return "operation not supported";
    case NSAPI_ERROR_PARAMETER:
        return "invalid argument or socket state";
    case NSAPI_ERROR_NO_CONNECTION:
        return "not connected";
    case NSAPI_ERROR_NO_SOCKET:
        return "socket not open or none available";
    case NSAPI_ERROR_NO_ADDRESS:
        return "no IP address known";
    case NSAPI_ERROR_NO_MEMORY:
        return "out of memory or buffer space";
    case NSAPI_ERROR_NO_SSID:
        return "wireless network (SSID) not found";
    case NSAPI_ERROR_DNS_FAILURE:
        return "host name could not be resolved";
    case NSAPI_ERROR_DHCP_FAILURE:
        return "no address obtained by DHCP";
    case NSAPI_ERROR_AUTH_FAILURE:
        return "authentication failed";
    case NSAPI_ERROR_DEVICE_ERROR:
        return "network device or stack failure";
    case NSAPI_ERROR_IN_PROGRESS:
        return "operation started and still in progress";
    case NSAPI_ERROR_ALREADY:
        return "operation already in progress";
    case NSAPI_ERROR_IS_CONNECTED:
        return "socket already connected";
    case NSAPI_ERROR_CONNECTION_LOST:
        return "connection lost";
    case NSAPI_ERROR_CONNECTION_TIMEOUT:
        return "connection attempt timed out";
    case NSAPI_ERROR_ADDRESS_IN_USE:
        return "address already in use";
    case NSAPI_ERROR_TIMEOUT:
        return "operation timed out";
    case NSAPI_ERROR_BUSY:
        return "device busy, try again later";
    default:
        return "unknown error";
    }
}
