/*
 * Built against an installed nsapi with nothing but `pkg-config --cflags --libs nsapi-host`: the
 * module alone must bring the host port, both stacks, their dependencies and nsapi's.  It makes the
 * default interface as NSAPI_INTERFACE names it (lwip-loop, so that it runs anywhere), brings it
 * up, releases it, and checks that a malformed spec is refused.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stdio.h>
#include <stdlib.h>

#include <nsapi/default_interface.h>

int main(void)
{
    nsapi_socket_address_t address = {{NSAPI_UNSPEC, {0}}, 0};
    char text[NSAPI_IP_SIZE];
    nsapi_interface_t *net;
    nsapi_error_t err;

    if (nsapi_default_interface_select("lwip-tap") != NSAPI_ERROR_PARAMETER) {
        fprintf(stderr, "lwip-tap without a device name was taken\n");
        return 1;
    }
    setenv("NSAPI_INTERFACE", "lwip-loop", 1);
    net = nsapi_default_interface();
    if (net == NULL) {
        fprintf(stderr, "%s: %s\n", nsapi_default_interface_spec(), nsapi_strerror(nsapi_default_interface_error()));
        return 1;
    }
    err = nsapi_interface_connect(net);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_interface_get_ip_address(net, &address);
    }
    if (err == NSAPI_ERROR_OK && nsapi_socket_address_get_ip_address(&address, text, sizeof text) < 0) {
        err = NSAPI_ERROR_NO_ADDRESS;
    }
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "connect: %s\n", nsapi_strerror(err));
        return 1;
    }
    err = nsapi_default_interface_release();
    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "release: %s\n", nsapi_strerror(err));
        return 1;
    }
    printf("host: the default interface (%s) up at %s, released\n", nsapi_default_interface_spec(), text);
    return 0;
}
