/* Generated from idl/errors.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Every nsapi_error code has its name and meaning; other values get the documented answer.  Built with
 * NSAPI_CONFIG_ERROR_TEXT 0 (the lean configuration) the meaning asked for is the name.
 */
#include <limits.h>

#include <criterion/criterion.h>

#include "nsapi/nsapi.h"

#if NSAPI_CONFIG_ERROR_TEXT
#define TEXT(name, text) text
#else
#define TEXT(name, text) name
#endif

Test(nsapi_error_strings, nsapi_error_ok)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_OK), "NSAPI_ERROR_OK");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_OK), TEXT("NSAPI_ERROR_OK", "no error"));
}

Test(nsapi_error_strings, nsapi_error_would_block)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_WOULD_BLOCK), "NSAPI_ERROR_WOULD_BLOCK");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_WOULD_BLOCK), TEXT("NSAPI_ERROR_WOULD_BLOCK", "operation cannot complete now without blocking"));
}

Test(nsapi_error_strings, nsapi_error_unsupported)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_UNSUPPORTED), "NSAPI_ERROR_UNSUPPORTED");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_UNSUPPORTED), TEXT("NSAPI_ERROR_UNSUPPORTED", "operation not supported"));
}

Test(nsapi_error_strings, nsapi_error_parameter)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_PARAMETER), "NSAPI_ERROR_PARAMETER");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_PARAMETER), TEXT("NSAPI_ERROR_PARAMETER", "invalid argument or socket state"));
}

Test(nsapi_error_strings, nsapi_error_no_connection)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_NO_CONNECTION), "NSAPI_ERROR_NO_CONNECTION");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_NO_CONNECTION), TEXT("NSAPI_ERROR_NO_CONNECTION", "not connected"));
}

Test(nsapi_error_strings, nsapi_error_no_socket)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_NO_SOCKET), "NSAPI_ERROR_NO_SOCKET");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_NO_SOCKET), TEXT("NSAPI_ERROR_NO_SOCKET", "socket not open or none available"));
}

Test(nsapi_error_strings, nsapi_error_no_address)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_NO_ADDRESS), "NSAPI_ERROR_NO_ADDRESS");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_NO_ADDRESS), TEXT("NSAPI_ERROR_NO_ADDRESS", "no IP address known"));
}

Test(nsapi_error_strings, nsapi_error_no_memory)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_NO_MEMORY), "NSAPI_ERROR_NO_MEMORY");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_NO_MEMORY), TEXT("NSAPI_ERROR_NO_MEMORY", "out of memory or buffer space"));
}

Test(nsapi_error_strings, nsapi_error_no_ssid)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_NO_SSID), "NSAPI_ERROR_NO_SSID");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_NO_SSID), TEXT("NSAPI_ERROR_NO_SSID", "wireless network (SSID) not found"));
}

Test(nsapi_error_strings, nsapi_error_dns_failure)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_DNS_FAILURE), "NSAPI_ERROR_DNS_FAILURE");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_DNS_FAILURE), TEXT("NSAPI_ERROR_DNS_FAILURE", "host name could not be resolved"));
}

Test(nsapi_error_strings, nsapi_error_dhcp_failure)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_DHCP_FAILURE), "NSAPI_ERROR_DHCP_FAILURE");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_DHCP_FAILURE), TEXT("NSAPI_ERROR_DHCP_FAILURE", "no address obtained by DHCP"));
}

Test(nsapi_error_strings, nsapi_error_auth_failure)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_AUTH_FAILURE), "NSAPI_ERROR_AUTH_FAILURE");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_AUTH_FAILURE), TEXT("NSAPI_ERROR_AUTH_FAILURE", "authentication failed"));
}

Test(nsapi_error_strings, nsapi_error_device_error)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_DEVICE_ERROR), "NSAPI_ERROR_DEVICE_ERROR");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_DEVICE_ERROR), TEXT("NSAPI_ERROR_DEVICE_ERROR", "network device or stack failure"));
}

Test(nsapi_error_strings, nsapi_error_in_progress)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_IN_PROGRESS), "NSAPI_ERROR_IN_PROGRESS");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_IN_PROGRESS), TEXT("NSAPI_ERROR_IN_PROGRESS", "operation started and still in progress"));
}

Test(nsapi_error_strings, nsapi_error_already)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_ALREADY), "NSAPI_ERROR_ALREADY");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_ALREADY), TEXT("NSAPI_ERROR_ALREADY", "operation already in progress"));
}

Test(nsapi_error_strings, nsapi_error_is_connected)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_IS_CONNECTED), "NSAPI_ERROR_IS_CONNECTED");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_IS_CONNECTED), TEXT("NSAPI_ERROR_IS_CONNECTED", "socket already connected"));
}

Test(nsapi_error_strings, nsapi_error_connection_lost)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_CONNECTION_LOST), "NSAPI_ERROR_CONNECTION_LOST");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_CONNECTION_LOST), TEXT("NSAPI_ERROR_CONNECTION_LOST", "connection lost"));
}

Test(nsapi_error_strings, nsapi_error_connection_timeout)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_CONNECTION_TIMEOUT), "NSAPI_ERROR_CONNECTION_TIMEOUT");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_CONNECTION_TIMEOUT), TEXT("NSAPI_ERROR_CONNECTION_TIMEOUT", "connection attempt timed out"));
}

Test(nsapi_error_strings, nsapi_error_address_in_use)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_ADDRESS_IN_USE), "NSAPI_ERROR_ADDRESS_IN_USE");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_ADDRESS_IN_USE), TEXT("NSAPI_ERROR_ADDRESS_IN_USE", "address already in use"));
}

Test(nsapi_error_strings, nsapi_error_timeout)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_TIMEOUT), "NSAPI_ERROR_TIMEOUT");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_TIMEOUT), TEXT("NSAPI_ERROR_TIMEOUT", "operation timed out"));
}

Test(nsapi_error_strings, nsapi_error_busy)
{
    cr_expect_str_eq(nsapi_error_name(NSAPI_ERROR_BUSY), "NSAPI_ERROR_BUSY");
    cr_expect_str_eq(nsapi_strerror(NSAPI_ERROR_BUSY), TEXT("NSAPI_ERROR_BUSY", "device busy, try again later"));
}

Test(nsapi_error_strings, not_a_code)
{
    static const nsapi_error_t values[] = {INT_MIN, -3021, 1, -1, 1, 65536, INT_MAX};
    size_t i;

    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        cr_expect_str_eq(nsapi_error_name(values[i]), "unknown", "value %d", values[i]);
        cr_expect_str_eq(nsapi_strerror(values[i]), TEXT("unknown", "unknown error"), "value %d", values[i]);
    }
}
