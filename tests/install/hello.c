/* Built against an installed nsapi with nothing but `pkg-config --cflags --libs nsapi`. */
#include <stdio.h>
#include <string.h>

#include <nsapi/nsapi.h>

int main(void)
{
    nsapi_socket_address_t address = {0};
    char text[NSAPI_IP_SIZE];

    if (nsapi_socket_address_set_ip_address(&address, "2001:DB8::0:1") != NSAPI_ERROR_OK ||
        nsapi_socket_address_get_ip_address(&address, text, sizeof text) < 0 ||
        strcmp(text, "2001:db8::1") != 0 ||
        strcmp(nsapi_error_name(NSAPI_ERROR_NO_SOCKET), "NSAPI_ERROR_NO_SOCKET") != 0) {
        fprintf(stderr, "installed nsapi misbehaves\n");
        return 1;
    }
    printf("%s\n", text);
    return 0;
}
