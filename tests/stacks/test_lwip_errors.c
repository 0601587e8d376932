/* Every lwIP err_t maps to the nsapi code lwip_errors.c documents. */
#include <criterion/criterion.h>

#include "lwip_backend.h"

Test(lwip_errors, table)
{
    static const struct {
        err_t err;
        nsapi_error_t want;
    } table[] = {
        {ERR_OK, NSAPI_ERROR_OK},
        {ERR_MEM, NSAPI_ERROR_NO_MEMORY},
        {ERR_BUF, NSAPI_ERROR_NO_MEMORY},
        {ERR_TIMEOUT, NSAPI_ERROR_TIMEOUT},
        {ERR_RTE, NSAPI_ERROR_NO_CONNECTION},
        {ERR_INPROGRESS, NSAPI_ERROR_IN_PROGRESS},
        {ERR_VAL, NSAPI_ERROR_PARAMETER},
        {ERR_WOULDBLOCK, NSAPI_ERROR_WOULD_BLOCK},
        {ERR_USE, NSAPI_ERROR_ADDRESS_IN_USE},
        {ERR_ALREADY, NSAPI_ERROR_ALREADY},
        {ERR_ISCONN, NSAPI_ERROR_IS_CONNECTED},
        {ERR_CONN, NSAPI_ERROR_NO_CONNECTION},
        {ERR_IF, NSAPI_ERROR_DEVICE_ERROR},
        {ERR_ABRT, NSAPI_ERROR_CONNECTION_LOST},
        {ERR_RST, NSAPI_ERROR_NO_CONNECTION},
        {ERR_CLSD, NSAPI_ERROR_NO_CONNECTION},
        {ERR_ARG, NSAPI_ERROR_PARAMETER},
        {-17, NSAPI_ERROR_DEVICE_ERROR},
        {-100, NSAPI_ERROR_DEVICE_ERROR},
    };
    size_t i;

    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        cr_expect_eq(nsapi_lwip_error(table[i].err), table[i].want, "err_t %d: got %s, want %s", table[i].err,
                     nsapi_error_name(nsapi_lwip_error(table[i].err)), nsapi_error_name(table[i].want));
    }
}
