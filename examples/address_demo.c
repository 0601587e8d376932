/*
 * The part of nsapi that needs no network stack yet: parse each argument as
 * an IP address with SocketAddress and print it back in canonical form, or
 * the error code and its meaning.
 *
 * usage: address_demo ADDRESS...
 */
#include <stdio.h>

#include "nsapi/nsapi.h"

static const char *version_name(nsapi_version_t version)
{
    return version == NSAPI_IPv4 ? "IPv4" : version == NSAPI_IPv6 ? "IPv6" : "none";
}

int main(int argc, char **argv)
{
    int i;

    printf("nsapi %d: SocketAddress parses what inet_pton accepts and prints RFC 5952 text\n",
           NSAPI_ABI_VERSION);
    for (i = 1; i < argc; i++) {
        nsapi_socket_address_t address = {0};
        char text[NSAPI_IP_SIZE];
        nsapi_error_t err = nsapi_socket_address_set_ip_address(&address, argv[i]);

        printf("  %-24s -> ", argv[i]);
        if (err != NSAPI_ERROR_OK) {
            printf("%s (%s)\n", nsapi_error_name(err), nsapi_strerror(err));
            continue;
        }
        nsapi_socket_address_set_port(&address, 80);
        if (nsapi_socket_address_get_ip_address(&address, text, sizeof text) < 0) {
            printf("cannot print\n");
            return 1;
        }
        printf("%s %s, port %u\n", version_name(nsapi_socket_address_get_ip_version(&address)), text,
               (unsigned)nsapi_socket_address_get_port(&address));
    }
    return 0;
}
