/*
 * The overview's worked example as firmware for the mps2 board (QEMU's
 * mps2-an386): bring up Ethernet (the LAN9118) with DHCP, print the
 * addresses, resolve the host through the DNS server DHCP gave, connect,
 * send a GET, print the status line and the body's length, close,
 * disconnect, and end: QEMU exits 0 if all of it worked, 1 if not.
 *
 * The host is NSAPI_BOARD_HTTP_HOST at build time (no command line on a
 * board); the console is the board's UART0.
 */
#include <stdio.h>
#include <string.h>

#include "board.h"

#ifndef NSAPI_BOARD_HTTP_HOST
#define NSAPI_BOARD_HTTP_HOST "www.demo.test"
#endif
#define CONNECT_MS 20000 /* a DHCP lease */
#define SOCKET_MS 10000  /* any one socket call */
#define HEAD_MAX 1024    /* bytes kept of the response's head */

static int fail(const char *what, nsapi_error_t err)
{
    printf("%s failed: %s\n", what, nsapi_error_name(err));
    return 1;
}

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

static int bring_up(nsapi_interface_t *net)
{
    char mac[NSAPI_MAC_SIZE] = "none";
    nsapi_error_t err;

    nsapi_interface_set_blocking(net, true);
    nsapi_interface_set_timeout(net, CONNECT_MS);
    err = nsapi_interface_connect(net);
    if (err != NSAPI_ERROR_OK) {
        return fail("connect", err);
    }
    (void)nsapi_interface_get_mac_address(net, mac, sizeof mac);
    printf("MAC address: %s\n", mac);
    print_address("IP address", nsapi_interface_get_ip_address, net);
    print_address("Netmask", nsapi_interface_get_netmask, net);
    print_address("Gateway", nsapi_interface_get_gateway, net);
    return 0;
}

static int send_request(nsapi_tcp_socket_t *socket)
{
    char request[256];
    int size = snprintf(request, sizeof request, "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n",
                        NSAPI_BOARD_HTTP_HOST);
    int sent = 0;

    while (sent < size) {
        nsapi_size_or_error_t n = nsapi_tcp_socket_send(socket, request + sent, (nsapi_size_t)(size - sent));

        if (n < 0) {
            return fail("send", n);
        }
        sent += n;
    }
    printf("sent %d bytes [GET / HTTP/1.1]\n", size);
    return 0;
}

/* To the end of the response (the server closes): the status line and the body's length. */
static int read_response(nsapi_tcp_socket_t *socket)
{
    static char head[HEAD_MAX + 1];
    char *end = NULL, *eol;
    unsigned long kept = 0, body = 0;
    nsapi_size_or_error_t n;

    for (;;) {
        char chunk[512];

        n = nsapi_tcp_socket_recv(socket, chunk, sizeof chunk);
        if (n <= 0) {
            break;
        }
        if (end == NULL) {
            unsigned long take = (unsigned long)n < HEAD_MAX - kept ? (unsigned long)n : HEAD_MAX - kept;

            memcpy(head + kept, chunk, take);
            kept += take;
            head[kept] = '\0';
            end = strstr(head, "\r\n\r\n");
            body += end != NULL ? (unsigned long)(head + kept - (end + 4)) + ((unsigned long)n - take) : 0;
        } else {
            body += (unsigned long)n;
        }
    }
    if (n < 0) {
        return fail("recv", n);
    }
    if (end == NULL || (eol = strstr(head, "\r\n")) == NULL) {
        printf("the server closed without a whole response head\n");
        return 1;
    }
    printf("recv: %.*s\n", (int)(eol - head), head);
    printf("body: %lu bytes\n", body);
    return 0;
}

static int transaction(nsapi_interface_t *net)
{
    nsapi_socket_address_t server;
    nsapi_tcp_socket_t socket;
    char text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    int rc;

    memset(&socket, 0, sizeof socket);
    err = nsapi_tcp_socket_open(&socket, nsapi_interface_get_stack(net));
    if (err != NSAPI_ERROR_OK) {
        return fail("open", err);
    }
    nsapi_tcp_socket_set_timeout(&socket, SOCKET_MS);
    memset(&server, 0, sizeof server);
    err = nsapi_interface_gethostbyname(net, NSAPI_BOARD_HTTP_HOST, &server, NSAPI_IPv4);
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&socket);
        return fail("gethostbyname", err);
    }
    nsapi_socket_address_set_port(&server, 80);
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    printf("%s is %s; connecting to port 80\n", NSAPI_BOARD_HTTP_HOST, text);
    err = nsapi_tcp_socket_connect(&socket, &server);
    rc = err != NSAPI_ERROR_OK ? fail("connect", err) : send_request(&socket);
    if (rc == 0) {
        rc = read_response(&socket);
    }
    nsapi_tcp_socket_close(&socket);
    return rc;
}

int main(void)
{
    nsapi_interface_t *net;
    int rc;

    printf("Ethernet socket example (mps2-an386, LAN9118, lwIP NO_SYS)\n");
    net = nsapi_board_ethernet();
    if (net == NULL) {
        printf("no Ethernet: the LAN9118 did not answer\n");
        return 1;
    }
    rc = bring_up(net);
    if (rc == 0) {
        rc = transaction(net);
        nsapi_interface_disconnect(net);
    }
    if (rc == 0) {
        printf("Done\n");
    }
    return rc;
}
