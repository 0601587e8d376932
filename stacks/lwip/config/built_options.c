/*
 * The options nsapi's lwIP library was compiled with, kept in the library
 * (nsapi_lwip_built_with, lwipopts.h): a program compiled with other options
 * than its lwIP would disagree with it about every structure's layout.
 */
#include <string.h>

#include <lwip/netif.h>
#include <lwip/tcp.h>
#include <lwip/udp.h>

#define RECORD(option) {#option, (long)(option)},

static const struct {
    const char *name;
    long value;
} built[] = {
    NSAPI_LWIP_RECORDED_OPTIONS(RECORD)
    {"struct netif", (long)sizeof(struct netif)},
    {"struct tcp_pcb", (long)sizeof(struct tcp_pcb)},
    {"struct udp_pcb", (long)sizeof(struct udp_pcb)},
};

long nsapi_lwip_built_with(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof built / sizeof built[0]; i++) {
        if (strcmp(built[i].name, name) == 0) {
            return built[i].value;
        }
    }
    return -1;
}
