/*
 * The lwIP loopback netif answers what nsapi/lwip.h promises: its own
 * addresses, 127.0.0.1 and ::1 reach this process, over TCP and UDP.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "nsapi/lwip.h"

static nsapi_stack_t stack;

static void up(void)
{
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_add_loopback(&stack, "10.0.0.1", "fd00::1"), NSAPI_ERROR_OK);
}

static void down(void)
{
    nsapi_lwip_deinit(&stack);
}

static nsapi_socket_address_t address(const char *ip, uint16_t port)
{
    nsapi_socket_address_t a = {{NSAPI_UNSPEC, {0}}, 0};

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, ip), NSAPI_ERROR_OK, "%s", ip);
    nsapi_socket_address_set_port(&a, port);
    return a;
}

static const char *const TARGETS[] = {"127.0.0.1", "::1", "10.0.0.1", "fd00::1"};

Test(lwip_loopback, tcp_to_each_local_address, .init = up, .fini = down, .timeout = 20)
{
    nsapi_tcp_server_t server = {0};
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 7000};
    size_t i;

    cr_assert_eq(nsapi_tcp_server_open(&server, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&server, &any), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&server, 2), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(&server, 3000);
    for (i = 0; i < sizeof TARGETS / sizeof TARGETS[0]; i++) {
        nsapi_tcp_socket_t client = {0}, accepted = {0};
        nsapi_socket_address_t to = address(TARGETS[i], 7000), from;
        char got[8] = {0};

        cr_assert_eq(nsapi_tcp_socket_open(&client, &stack), NSAPI_ERROR_OK);
        nsapi_tcp_socket_set_timeout(&client, 3000);
        cr_assert_eq(nsapi_tcp_socket_connect(&client, &to), NSAPI_ERROR_OK, "connect to %s", TARGETS[i]);
        cr_assert_eq(nsapi_tcp_server_accept(&server, &accepted, &from), NSAPI_ERROR_OK, "%s", TARGETS[i]);
        cr_assert_eq(nsapi_socket_address_get_ip_version(&from), nsapi_socket_address_get_ip_version(&to),
                     "the peer of %s is of its version", TARGETS[i]);
        cr_assert_eq(nsapi_tcp_socket_send(&client, "ping", 4), 4);
        nsapi_tcp_socket_set_timeout(&accepted, 3000);
        cr_assert_eq(nsapi_tcp_socket_recv(&accepted, got, sizeof got), 4, "%s", TARGETS[i]);
        cr_assert_str_eq(got, "ping");
        nsapi_tcp_socket_close(&accepted);
        nsapi_tcp_socket_close(&client);
    }
    nsapi_tcp_server_close(&server);
}

Test(lwip_loopback, udp_to_each_local_address, .init = up, .fini = down, .timeout = 20)
{
    nsapi_udp_socket_t receiver = {0}, sender = {0};
    nsapi_socket_address_t any = {{NSAPI_UNSPEC, {0}}, 7001};
    size_t i;

    cr_assert_eq(nsapi_udp_socket_open(&receiver, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(&receiver, &any), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_open(&sender, &stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_timeout(&receiver, 3000);
    for (i = 0; i < sizeof TARGETS / sizeof TARGETS[0]; i++) {
        nsapi_socket_address_t to = address(TARGETS[i], 7001), from;
        char got[8] = {0};

        cr_assert_eq(nsapi_udp_socket_sendto(&sender, &to, "ping", 4), 4, "sendto %s", TARGETS[i]);
        cr_assert_eq(nsapi_udp_socket_recvfrom(&receiver, &from, got, sizeof got), 4, "from %s", TARGETS[i]);
        cr_assert_str_eq(got, "ping");
        cr_assert_eq(nsapi_socket_address_get_ip_version(&from), nsapi_socket_address_get_ip_version(&to));
    }
    nsapi_udp_socket_close(&sender);
    nsapi_udp_socket_close(&receiver);
}
