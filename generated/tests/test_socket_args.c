/* Generated from idl/socket.yaml, idl/tcp_server.yaml, idl/tcp_socket.yaml, idl/udp_socket.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * Socket's methods, in every class that offers them: each bad input the IDL documents gets the
 * documented answer.  Each method's cases are written once, as a macro of a class's C name and object
 * parameter, and expanded once per row of SOCKET_CLASSES.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/nsapi.h"

/* Rejected calls leave the object as it was: zero-filled. */
static int is_zero(const void *object, size_t size)
{
    const unsigned char *bytes = object;
    size_t i;

    for (i = 0; i < size; i++) {
        if (bytes[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* The classes that offer Socket's methods: C name, object parameter. */
#define SOCKET_CLASSES(X) \
    X(tcp_server, server) \
    X(tcp_socket, socket) \
    X(udp_socket, socket)

#define OPEN_CASES(c_name, object)                                                   \
/* the Socket is NULL */                                                             \
Test(nsapi_##c_name##_open, null_##object)                                           \
{                                                                                    \
    nsapi_stack_t stack_object;                                                      \
                                                                                     \
    memset(&stack_object, 0, sizeof stack_object);                                   \
    cr_expect_eq(nsapi_##c_name##_open(NULL, &stack_object), NSAPI_ERROR_PARAMETER); \
}                                                                                    \
                                                                                     \
/* stack is NULL */                                                                  \
Test(nsapi_##c_name##_open, null_stack)                                              \
{                                                                                    \
    nsapi_##c_name##_t object;                                                       \
                                                                                     \
    memset(&object, 0, sizeof object);                                               \
    cr_expect_eq(nsapi_##c_name##_open(&object, NULL), NSAPI_ERROR_PARAMETER);       \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");              \
}
SOCKET_CLASSES(OPEN_CASES)

#define CLOSE_CASES(c_name, object)                                       \
/* the Socket is NULL */                                                  \
Test(nsapi_##c_name##_close, null_##object)                               \
{                                                                         \
    cr_expect_eq(nsapi_##c_name##_close(NULL), NSAPI_ERROR_PARAMETER);    \
}                                                                         \
                                                                          \
/* the Socket is not open */                                              \
Test(nsapi_##c_name##_close, not_open)                                    \
{                                                                         \
    nsapi_##c_name##_t object;                                            \
                                                                          \
    memset(&object, 0, sizeof object);                                    \
    cr_expect_eq(nsapi_##c_name##_close(&object), NSAPI_ERROR_NO_SOCKET); \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");   \
}
SOCKET_CLASSES(CLOSE_CASES)

#define BIND_CASES(c_name, object)                                                        \
/* the Socket is NULL */                                                                  \
Test(nsapi_##c_name##_bind, null_##object)                                                \
{                                                                                         \
    nsapi_socket_address_t address_object;                                                \
                                                                                          \
    memset(&address_object, 0, sizeof address_object);                                    \
    cr_expect_eq(nsapi_##c_name##_bind(NULL, &address_object), NSAPI_ERROR_PARAMETER);    \
}                                                                                         \
                                                                                          \
/* address is NULL */                                                                     \
Test(nsapi_##c_name##_bind, null_address)                                                 \
{                                                                                         \
    nsapi_##c_name##_t object;                                                            \
                                                                                          \
    memset(&object, 0, sizeof object);                                                    \
    cr_expect_eq(nsapi_##c_name##_bind(&object, NULL), NSAPI_ERROR_PARAMETER);            \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                   \
}                                                                                         \
                                                                                          \
/* the Socket is not open */                                                              \
Test(nsapi_##c_name##_bind, not_open)                                                     \
{                                                                                         \
    nsapi_##c_name##_t object;                                                            \
    nsapi_socket_address_t address_object;                                                \
                                                                                          \
    memset(&object, 0, sizeof object);                                                    \
    memset(&address_object, 0, sizeof address_object);                                    \
    cr_expect_eq(nsapi_##c_name##_bind(&object, &address_object), NSAPI_ERROR_NO_SOCKET); \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                   \
}
SOCKET_CLASSES(BIND_CASES)

#define SET_BLOCKING_CASES(c_name, object)                                           \
/* the Socket is NULL */                                                             \
Test(nsapi_##c_name##_set_blocking, null_##object)                                   \
{                                                                                    \
    cr_expect_eq(nsapi_##c_name##_set_blocking(NULL, false), NSAPI_ERROR_PARAMETER); \
}
SOCKET_CLASSES(SET_BLOCKING_CASES)

#define SET_TIMEOUT_CASES(c_name, object)                                       \
/* the Socket is NULL */                                                        \
Test(nsapi_##c_name##_set_timeout, null_##object)                               \
{                                                                               \
    cr_expect_eq(nsapi_##c_name##_set_timeout(NULL, 0), NSAPI_ERROR_PARAMETER); \
}
SOCKET_CLASSES(SET_TIMEOUT_CASES)

#define SIGIO_CASES(c_name, object)                                                      \
/* the Socket is NULL */                                                                 \
Test(nsapi_##c_name##_sigio, null_##object)                                              \
{                                                                                        \
    unsigned char arg_object[64];                                                        \
                                                                                         \
    memset(&arg_object, 0, sizeof arg_object);                                           \
    cr_expect_eq(nsapi_##c_name##_sigio(NULL, NULL, arg_object), NSAPI_ERROR_PARAMETER); \
}
SOCKET_CLASSES(SIGIO_CASES)

#define SETSOCKOPT_CASES(c_name, object)                                                               \
/* the Socket is NULL */                                                                               \
Test(nsapi_##c_name##_setsockopt, null_##object)                                                       \
{                                                                                                      \
    unsigned char optval_object[64];                                                                   \
                                                                                                       \
    memset(&optval_object, 0, sizeof optval_object);                                                   \
    cr_expect_eq(nsapi_##c_name##_setsockopt(NULL, 0, 0, optval_object, 0), NSAPI_ERROR_PARAMETER);    \
}                                                                                                      \
                                                                                                       \
/* optval is NULL and optlen is not 0 */                                                               \
Test(nsapi_##c_name##_setsockopt, null_optval_with_optlen)                                             \
{                                                                                                      \
    nsapi_##c_name##_t object;                                                                         \
                                                                                                       \
    memset(&object, 0, sizeof object);                                                                 \
    cr_expect_eq(nsapi_##c_name##_setsockopt(&object, 0, 0, NULL, 1), NSAPI_ERROR_PARAMETER);          \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                                \
}                                                                                                      \
                                                                                                       \
/* the Socket is not open */                                                                           \
Test(nsapi_##c_name##_setsockopt, not_open)                                                            \
{                                                                                                      \
    nsapi_##c_name##_t object;                                                                         \
    unsigned char optval_object[64];                                                                   \
                                                                                                       \
    memset(&object, 0, sizeof object);                                                                 \
    memset(&optval_object, 0, sizeof optval_object);                                                   \
    cr_expect_eq(nsapi_##c_name##_setsockopt(&object, 0, 0, optval_object, 0), NSAPI_ERROR_NO_SOCKET); \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                                \
}
SOCKET_CLASSES(SETSOCKOPT_CASES)

#define GETSOCKOPT_CASES(c_name, object)                                                                            \
/* the Socket is NULL */                                                                                            \
Test(nsapi_##c_name##_getsockopt, null_##object)                                                                    \
{                                                                                                                   \
    unsigned char optval_object[64];                                                                                \
    unsigned optlen_object;                                                                                         \
                                                                                                                    \
    memset(&optval_object, 0, sizeof optval_object);                                                                \
    memset(&optlen_object, 0, sizeof optlen_object);                                                                \
    cr_expect_eq(nsapi_##c_name##_getsockopt(NULL, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_PARAMETER);    \
}                                                                                                                   \
                                                                                                                    \
/* optval is NULL */                                                                                                \
Test(nsapi_##c_name##_getsockopt, null_optval)                                                                      \
{                                                                                                                   \
    nsapi_##c_name##_t object;                                                                                      \
    unsigned optlen_object;                                                                                         \
                                                                                                                    \
    memset(&object, 0, sizeof object);                                                                              \
    memset(&optlen_object, 0, sizeof optlen_object);                                                                \
    cr_expect_eq(nsapi_##c_name##_getsockopt(&object, 0, 0, NULL, &optlen_object), NSAPI_ERROR_PARAMETER);          \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                                             \
}                                                                                                                   \
                                                                                                                    \
/* optlen is NULL */                                                                                                \
Test(nsapi_##c_name##_getsockopt, null_optlen)                                                                      \
{                                                                                                                   \
    nsapi_##c_name##_t object;                                                                                      \
    unsigned char optval_object[64];                                                                                \
                                                                                                                    \
    memset(&object, 0, sizeof object);                                                                              \
    memset(&optval_object, 0, sizeof optval_object);                                                                \
    cr_expect_eq(nsapi_##c_name##_getsockopt(&object, 0, 0, optval_object, NULL), NSAPI_ERROR_PARAMETER);           \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                                             \
}                                                                                                                   \
                                                                                                                    \
/* the Socket is not open */                                                                                        \
Test(nsapi_##c_name##_getsockopt, not_open)                                                                         \
{                                                                                                                   \
    nsapi_##c_name##_t object;                                                                                      \
    unsigned char optval_object[64];                                                                                \
    unsigned optlen_object;                                                                                         \
                                                                                                                    \
    memset(&object, 0, sizeof object);                                                                              \
    memset(&optval_object, 0, sizeof optval_object);                                                                \
    memset(&optlen_object, 0, sizeof optlen_object);                                                                \
    cr_expect_eq(nsapi_##c_name##_getsockopt(&object, 0, 0, optval_object, &optlen_object), NSAPI_ERROR_NO_SOCKET); \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                                             \
}
SOCKET_CLASSES(GETSOCKOPT_CASES)

#define GETPEERNAME_CASES(c_name, object)                                                        \
/* the Socket is NULL */                                                                         \
Test(nsapi_##c_name##_getpeername, null_##object)                                                \
{                                                                                                \
    nsapi_socket_address_t address_object;                                                       \
                                                                                                 \
    memset(&address_object, 0, sizeof address_object);                                           \
    cr_expect_eq(nsapi_##c_name##_getpeername(NULL, &address_object), NSAPI_ERROR_PARAMETER);    \
}                                                                                                \
                                                                                                 \
/* address is NULL */                                                                            \
Test(nsapi_##c_name##_getpeername, null_address)                                                 \
{                                                                                                \
    nsapi_##c_name##_t object;                                                                   \
                                                                                                 \
    memset(&object, 0, sizeof object);                                                           \
    cr_expect_eq(nsapi_##c_name##_getpeername(&object, NULL), NSAPI_ERROR_PARAMETER);            \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                          \
}                                                                                                \
                                                                                                 \
/* the Socket is not open */                                                                     \
Test(nsapi_##c_name##_getpeername, not_open)                                                     \
{                                                                                                \
    nsapi_##c_name##_t object;                                                                   \
    nsapi_socket_address_t address_object;                                                       \
                                                                                                 \
    memset(&object, 0, sizeof object);                                                           \
    memset(&address_object, 0, sizeof address_object);                                           \
    cr_expect_eq(nsapi_##c_name##_getpeername(&object, &address_object), NSAPI_ERROR_NO_SOCKET); \
    cr_expect(is_zero(&object, sizeof object), #object " was changed");                          \
}
SOCKET_CLASSES(GETPEERNAME_CASES)
