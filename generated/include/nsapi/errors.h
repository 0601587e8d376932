/* Generated from idl/errors.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/errors.h
 *
 * Error codes returned by every nsapi function, and their names and meanings as
 * strings.
 */
#ifndef NSAPI_ERRORS_H
#define NSAPI_ERRORS_H

#include "nsapi/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup nsapi_error_codes nsapi_error
 * @copybrief nsapi_error
 * @{
 */

/**
 * Standard error codes. Zero is success; every failure is one of these negative
 * values. Functions that transfer data return a non-negative byte count on
 * success instead of NSAPI_ERROR_OK.
 */
enum nsapi_error {
    NSAPI_ERROR_OK = 0,                     /**< no error */
    NSAPI_ERROR_WOULD_BLOCK = -3001,        /**< operation cannot complete now without blocking */
    NSAPI_ERROR_UNSUPPORTED = -3002,        /**< operation not supported */
    NSAPI_ERROR_PARAMETER = -3003,          /**< invalid argument or socket state */
    NSAPI_ERROR_NO_CONNECTION = -3004,      /**< not connected */
    NSAPI_ERROR_NO_SOCKET = -3005,          /**< socket not open or none available */
    NSAPI_ERROR_NO_ADDRESS = -3006,         /**< no IP address known */
    NSAPI_ERROR_NO_MEMORY = -3007,          /**< out of memory or buffer space */
    NSAPI_ERROR_NO_SSID = -3008,            /**< wireless network (SSID) not found */
    NSAPI_ERROR_DNS_FAILURE = -3009,        /**< host name could not be resolved */
    NSAPI_ERROR_DHCP_FAILURE = -3010,       /**< no address obtained by DHCP */
    NSAPI_ERROR_AUTH_FAILURE = -3011,       /**< authentication failed */
    NSAPI_ERROR_DEVICE_ERROR = -3012,       /**< network device or stack failure */
    NSAPI_ERROR_IN_PROGRESS = -3013,        /**< operation started and still in progress */
    NSAPI_ERROR_ALREADY = -3014,            /**< operation already in progress */
    NSAPI_ERROR_IS_CONNECTED = -3015,       /**< socket already connected */
    NSAPI_ERROR_CONNECTION_LOST = -3016,    /**< connection lost */
    NSAPI_ERROR_CONNECTION_TIMEOUT = -3017, /**< connection attempt timed out */
    NSAPI_ERROR_ADDRESS_IN_USE = -3018,     /**< address already in use */
    NSAPI_ERROR_TIMEOUT = -3019,            /**< operation timed out */
    NSAPI_ERROR_BUSY = -3020,               /**< device busy, try again later */
};

/**
 * The name of an error code, such as "NSAPI_ERROR_WOULD_BLOCK".
 *
 * @param error Any value.
 * @return The code's name, or "unknown" if error is not a code.
 */
const char *nsapi_error_name(nsapi_error_t error);

/**
 * What an error code means, in a few words.  A runtime built with
 * NSAPI_CONFIG_ERROR_TEXT 0 keeps no meanings: this returns what
 * nsapi_error_name() does.
 *
 * @param error Any value.
 * @return The meaning, or "unknown error" if error is not a code.
 */
const char *nsapi_strerror(nsapi_error_t error);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_ERRORS_H */
