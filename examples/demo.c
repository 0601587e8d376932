/*
 * The demo's in-process part (after tap_demo.sh, the worked example, as
 * root): lwIP, the embedded default, in this process on its loopback
 * interface (the default interface "lwip-loop", no privileges needed), with
 * the project's own echo and HTTP servers each in a thread, serving the
 * client examples step by step:
 * TCP and UDP ping-pong (UDP over IPv6), then three HTTP fetches (a page,
 * a chunked body, 1 MiB with a Content-Length).
 *
 * usage: demo
 * Exits 0 when every step worked, 1 otherwise.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "examples.h"
#include "nsapi/default_interface.h"

#define ECHO_PORT 7
#define HTTP_PORT 80

static int step_number;

static void step(const char *what)
{
    printf("\n== %d. %s\n", ++step_number, what);
}

static void *echo_thread(void *arg)
{
    (void)arg;
    echo_server_run(0);
    return NULL;
}

static void *http_thread(void *arg)
{
    (void)arg;
    http_server_run(0);
    return NULL;
}

static int ping_pong(nsapi_stack_t *stack, const char *ip, unsigned rounds, unsigned size,
                     ping_pong_play_t play)
{
    nsapi_socket_address_t partner = {{NSAPI_UNSPEC, {0}}, 0};
    struct ping_pong game;

    game.rounds = rounds;
    game.size = size;
    game.timeout_ms = PING_PONG_TIMEOUT_MS;
    nsapi_socket_address_set_ip_address(&partner, ip);
    nsapi_socket_address_set_port(&partner, ECHO_PORT);
    return play(stack, &partner, &game);
}

/* The steps that use the servers; the number that failed. */
static int clients(nsapi_stack_t *stack)
{
    int failed = 0;

    step("tcp_ping_pong: 20 rounds of 1000 bytes with the echo server at 10.0.0.1");
    failed += ping_pong(stack, "10.0.0.1", 20, 1000, tcp_ping_pong_play) != 0;
    step("udp_ping_pong: 20 rounds of 1000 bytes with the echo server at fd00::1 (IPv6)");
    failed += ping_pong(stack, "fd00::1", 20, 1000, udp_ping_pong_play) != 0;
    step("http_client: GET http://10.0.0.1/ from the HTTP server, the page printed");
    failed += http_client_get(stack, "http://10.0.0.1/", stdout) != 0;
    step("http_client: GET http://[fd00::1]/chunked/100000 (IPv6, a chunked body)");
    failed += http_client_get(stack, "http://[fd00::1]/chunked/100000", NULL) != 0;
    step("http_client: GET http://10.0.0.1/bytes/1048576 (1 MiB with a Content-Length)");
    failed += http_client_get(stack, "http://10.0.0.1/bytes/1048576", NULL) != 0;
    return failed;
}

/* The loopback interface, up: its stack, or NULL after saying why not. */
static nsapi_stack_t *loopback_up(void)
{
    nsapi_interface_t *net;
    nsapi_error_t err;

    if (nsapi_default_interface_select("lwip-loop") != NSAPI_ERROR_OK || (net = nsapi_default_interface()) == NULL) {
        example_fail("lwip-loop", nsapi_default_interface_error());
        return NULL;
    }
    err = nsapi_interface_connect(net); /* static addresses: GLOBAL_UP at once */
    if (err != NSAPI_ERROR_OK) {
        example_fail("connect", err);
        nsapi_default_interface_release();
        return NULL;
    }
    return nsapi_interface_get_stack(net);
}

int main(void)
{
    nsapi_stack_t *stack;
    pthread_t echo, http;
    int failed;

    setvbuf(stdout, NULL, _IOLBF, 0); /* the servers' lines and the clients' lines, in the order they happen */
    printf("\n=== lwIP in this process; the servers and the clients are examples of this project\n");
    step("lwIP starts in this process; its loopback interface comes up at 10.0.0.1 and fd00::1");
    stack = loopback_up();
    if (stack == NULL) {
        return 1;
    }
    step("echo_server and http_server listen, each then serving in a thread of its own");
    if (echo_server_listen(stack, ECHO_PORT) != 0 || http_server_listen(stack, HTTP_PORT, HTTP_SERVER_BACKLOG) != 0) {
        return 1; /* they said why; exiting takes the stack down with the process */
    }
    if (pthread_create(&echo, NULL, echo_thread, NULL) != 0 || pthread_create(&http, NULL, http_thread, NULL) != 0) {
        fprintf(stderr, "no thread for a server\n");
        return 1;
    }
    failed = clients(stack);
    step("the servers stop, the interface goes down, and lwIP's netifs go");
    echo_server_stop();
    http_server_stop();
    pthread_join(echo, NULL);
    pthread_join(http, NULL);
    nsapi_interface_disconnect(nsapi_default_interface());
    nsapi_default_interface_release();
    if (failed != 0) {
        printf("\n%d steps failed\n", failed);
        return 1;
    }
    printf("\nevery step worked\n");
    return 0;
}
