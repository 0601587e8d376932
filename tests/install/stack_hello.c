/*
 * Built against an installed nsapi with nothing but `pkg-config --cflags --libs nsapi-STACK`, for
 * each stack: the module alone must bring the backend's library, its dependencies and nsapi's.
 * Compiled with -DSTACK=name (lwip, posix, ...).
 */
#include <stdio.h>

#include <nsapi/nsapi.h>

#define TEXT(x) #x
#define NAME(x) TEXT(x)
#define HEADER(name) TEXT(nsapi/name.h)
#include HEADER(STACK)

#define JOIN(a, b, c) a##b##c
#define ENTRY(name, what) JOIN(nsapi_, name, what)

int main(void)
{
    nsapi_stack_t stack = {0};
    nsapi_udp_socket_t socket = {0};
    nsapi_error_t err = ENTRY(STACK, _init)(&stack);

    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "init: %s\n", nsapi_strerror(err));
        return 1;
    }
    err = nsapi_udp_socket_open(&socket, &stack);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_udp_socket_close(&socket);
    }
    if (err != NSAPI_ERROR_OK && err != NSAPI_ERROR_UNSUPPORTED) { /* a fresh scaffold opens nothing yet */
        fprintf(stderr, "a UDP socket: %s\n", nsapi_strerror(err));
        return 1;
    }
    err = ENTRY(STACK, _deinit)(&stack);
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "deinit: %s\n", nsapi_strerror(err));
        return 1;
    }
    printf("%s: init, a UDP socket, deinit\n", NAME(STACK));
    return 0;
}
