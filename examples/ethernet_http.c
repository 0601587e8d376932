/*
 * The overview's worked example, step for step ("The program brings up
 * Ethernet as the underlying network interface, and uses it to perform an
 * HTTP transaction over a TCPSocket", Mbed's TCPSocket_Example): take the
 * default interface, connect it (DHCP), print its addresses, open a
 * TCPSocket on it, resolve the host through it (the DNS server DHCP gave),
 * connect, send a GET, print the status line and the body's length, close,
 * disconnect.
 *
 * usage: ethernet_http [--interface SPEC] [--timeout SECONDS] HOST [PORT]
 *        SPEC as NSAPI_INTERFACE (lwip-tap:NAME, lwip-loop, posix, posix:NAME); --help says more.
 * Exits 0 once the whole response was read, 1 on any error, 2 on bad usage (a malformed
 * NSAPI_INTERFACE included).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/net_io.h"
#include "nsapi/default_interface.h"

#define CONNECT_S 30       /* the default bound on connect: a DHCP lease, or the link */
#define RESPONSE_MS 30000  /* the bound on the whole HTTP transaction */
#define HEAD_MAX 4096      /* bytes kept of the response's head */
#define SPECS "lwip-tap:NAME, lwip-loop, posix or posix:NAME"

struct options {
    const char *interface, *host;
    long timeout_s;
    unsigned port;
};

static int usage(const char *argv0, int help)
{
    const char *slash = strrchr(argv0, '/');
    const char *name = slash != NULL ? slash + 1 : argv0;
    FILE *out = help ? stdout : stderr;

    fprintf(out, "usage: %s [--interface SPEC] [--timeout SECONDS] HOST [PORT]\n", name);
    if (!help) {
        fprintf(out, "%s --help lists every option and its default\n", name);
        return 2;
    }
    fprintf(out, "  --interface SPEC       the network: lwip-tap:NAME (lwIP, Ethernet over TAP device NAME,\n"
                 "                         DHCP), lwip-loop (lwIP's loopback netif in this process), posix\n"
                 "                         (the kernel's default route's interface) or posix:NAME\n"
                 "                         (default: NSAPI_INTERFACE, else the build's; now %s)\n"
                 "  --timeout SECONDS      how long connect may take, 1 to 3600 (default %d)\n"
                 "  HOST                   the server, a name (asked of the DNS server DHCP gave) or an address\n"
                 "  PORT                   its port, 1 to 65535 (default 80)\n"
                 "  -h, --help             print this help and exit\n",
            nsapi_default_interface_spec(), CONNECT_S);
    return 0;
}

/* A number from min to max, digits only, into *value: 0, or -1. */
static int number(const char *text, long min, long max, long *value)
{
    char *end;

    if (text[0] < '0' || text[0] > '9') {
        return -1;
    }
    *value = strtol(text, &end, 10);
    return *end == '\0' && *value >= min && *value <= max ? 0 : -1;
}

static int parse(int argc, char **argv, struct options *o)
{
    long port = 80;
    int i = 1;

    o->interface = NULL;
    o->timeout_s = CONNECT_S;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        if (strcmp(argv[i], "--interface") == 0) {
            o->interface = argv[i + 1];
        } else if (strcmp(argv[i], "--timeout") != 0 || number(argv[i + 1], 1, 3600, &o->timeout_s) != 0) {
            return -1;
        }
    }
    if (i >= argc || argc - i > 2 || argv[i][0] == '-'
        || (argc - i == 2 && number(argv[i + 1], 1, 65535, &port) != 0)) {
        return -1;
    }
    o->host = argv[i];
    o->port = (unsigned)port;
    return 0;
}

/* Print "label: address" for one of the interface's addresses, "none" when it has none. */
static void print_address(const char *label, nsapi_error_t (*get)(nsapi_interface_t *, nsapi_socket_address_t *),
                          nsapi_interface_t *net)
{
    nsapi_socket_address_t address;
    char text[NSAPI_IP_SIZE] = "none";

    memset(&address, 0, sizeof address);
    if (get(net, &address) == NSAPI_ERROR_OK) {
        nsapi_socket_address_get_ip_address(&address, text, sizeof text);
    }
    printf("%s: %s\n", label, text);
}

/* The default interface, or NULL after saying why; *rc is then the exit code. */
static nsapi_interface_t *default_interface(const char *selected, int *rc)
{
    nsapi_interface_t *net;
    nsapi_error_t err;

    *rc = 2;
    if (selected != NULL && nsapi_default_interface_select(selected) != NSAPI_ERROR_OK) {
        fprintf(stderr, "--interface %s: not an interface (%s)\n", selected, SPECS);
        return NULL;
    }
    net = nsapi_default_interface();
    if (net != NULL) {
        return net;
    }
    err = nsapi_default_interface_error();
    if (err == NSAPI_ERROR_PARAMETER) {
        fprintf(stderr, "%s%s: not an interface (%s)\n", selected == NULL ? "NSAPI_INTERFACE=" : "--interface ",
                nsapi_default_interface_spec(), SPECS);
        return NULL;
    }
    if (err == NSAPI_ERROR_NO_CONNECTION && strcmp(nsapi_default_interface_spec(), "posix") == 0) {
        fprintf(stderr, "interface posix: the host has no default route (name one: --interface posix:lo)\n");
        *rc = 1;
        return NULL;
    }
    fprintf(stderr, "interface %s: ", nsapi_default_interface_spec());
    *rc = example_fail("cannot be made", err);
    return NULL;
}

/* Bring net up within timeout_s and print its addresses: 0, or 1 after saying why not. */
static int bring_up(nsapi_interface_t *net, long timeout_s)
{
    char mac[NSAPI_MAC_SIZE] = "none", name[NSAPI_INTERFACE_NAME_SIZE] = "";
    nsapi_error_t err;

    nsapi_interface_set_blocking(net, true);
    nsapi_interface_set_timeout(net, (int)(timeout_s * 1000));
    (void)nsapi_interface_get_interface_name(net, name, sizeof name);
    printf("connecting %s (device %s)\n", nsapi_default_interface_spec(), name);
    err = nsapi_interface_connect(net);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("connect", err);
    }
    (void)nsapi_interface_get_mac_address(net, mac, sizeof mac); /* a loopback netif has none */
    printf("MAC address: %s\n", mac);
    print_address("IP address", nsapi_interface_get_ip_address, net);
    print_address("Netmask", nsapi_interface_get_netmask, net);
    print_address("Gateway", nsapi_interface_get_gateway, net);
    return 0;
}

/* Send the request; 0, or 1 after saying why not. */
static int send_request(nsapi_tcp_socket_t *socket, const char *host, long long deadline)
{
    char request[512];
    int size = snprintf(request, sizeof request, "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
    nsapi_error_t err;

    if (size < 0 || (size_t)size >= sizeof request) {
        fprintf(stderr, "%s: too long a host name\n", host);
        return 1;
    }
    err = example_send_all(socket, request, (size_t)size, deadline, NULL, NULL);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("send", err);
    }
    printf("sent %d bytes [GET / HTTP/1.1]\n", size);
    return 0;
}

/* Read the response to its end (the server closes); print the status line and the body's length. */
static int read_response(nsapi_tcp_socket_t *socket, long long deadline)
{
    char head[HEAD_MAX + 1], *end = NULL, *eol;
    size_t kept = 0, body = 0;
    nsapi_size_or_error_t n;

    for (;;) {
        char chunk[1024];

        n = example_recv_by(socket, chunk, sizeof chunk, deadline);
        if (n <= 0) {
            break;
        }
        if (end == NULL) {
            size_t take = (size_t)n < HEAD_MAX - kept ? (size_t)n : HEAD_MAX - kept;

            memcpy(head + kept, chunk, take);
            kept += take;
            head[kept] = '\0';
            end = strstr(head, "\r\n\r\n");
            body += end != NULL ? (size_t)(head + kept - (end + 4)) + ((size_t)n - take) : 0;
        } else {
            body += (size_t)n;
        }
    }
    if (n < 0) {
        return example_fail("recv", n);
    }
    if (end == NULL || (eol = strstr(head, "\r\n")) == NULL) {
        fprintf(stderr, "the server closed without a whole response head\n");
        return 1;
    }
    printf("recv: %.*s\n", (int)(eol - head), head);
    printf("body: %lu bytes\n", (unsigned long)body);
    return 0;
}

/* The HTTP transaction over a TCPSocket on net's stack: 0, or 1. */
static int transaction(nsapi_interface_t *net, const struct options *o)
{
    long long deadline = example_now_ms() + RESPONSE_MS;
    nsapi_socket_address_t server;
    nsapi_tcp_socket_t socket;
    char text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    int rc;

    memset(&socket, 0, sizeof socket);
    err = nsapi_tcp_socket_open(&socket, nsapi_interface_get_stack(net));
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    memset(&server, 0, sizeof server);
    err = nsapi_interface_gethostbyname(net, o->host, &server, NSAPI_UNSPEC);
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&socket);
        return example_fail("gethostbyname", err);
    }
    nsapi_socket_address_set_port(&server, (uint16_t)o->port);
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    printf("%s is %s; connecting to port %u\n", o->host, text, o->port);
    (void)example_time_left(&socket, deadline);
    err = nsapi_tcp_socket_connect(&socket, &server);
    rc = err != NSAPI_ERROR_OK ? example_fail("connect", err) : send_request(&socket, o->host, deadline);
    if (rc == 0) {
        rc = read_response(&socket, deadline);
    }
    nsapi_tcp_socket_close(&socket);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    nsapi_interface_t *net;
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return usage(argv[0], 1);
        }
    }
    if (parse(argc, argv, &o) != 0) {
        return usage(argv[0], 0);
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("Ethernet socket example\n");
    net = default_interface(o.interface, &rc);
    if (net == NULL) {
        return rc;
    }
    rc = bring_up(net, o.timeout_s);
    if (rc == 0) {
        rc = transaction(net, &o);
        nsapi_interface_disconnect(net);
    }
    nsapi_default_interface_release();
    if (rc == 0) {
        printf("Done\n");
    }
    return rc;
}
