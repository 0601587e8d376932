/*
 * The examples as functions on a stack that is already up, so that the demo
 * can run servers and clients in one process (lwIP's loopback netif only
 * reaches its own process).  Each example's file holds its function and a
 * main() that parses the command line; the demo builds them with
 * EXAMPLE_NO_MAIN.  Each returns its program's exit code: 0 done, 1 an
 * error (printed on stderr), 2 bad arguments.
 */
#ifndef EXAMPLES_H
#define EXAMPLES_H

#include <stdio.h>

#include "nsapi/nsapi.h"
#include "ping_pong.h"

/* GET url (http://HOST[:PORT][/PATH]) and copy the body to out (NULL: count it only). */
int http_client_get(nsapi_stack_t *stack, const char *url, FILE *out);

/*
 * The servers: listen on port (once a process), then serve, in the thread
 * of one's choosing, until the limit (0: none) or until asked to stop from
 * another thread (or by SIGINT/SIGTERM in their own programs).
 */
#define HTTP_SERVER_BACKLOG 64 /* http_server's listen queue, unless told otherwise */
int http_server_listen(nsapi_stack_t *stack, unsigned port, int backlog);
int http_server_run(unsigned long requests);
void http_server_stop(void);

int echo_server_listen(nsapi_stack_t *stack, unsigned port);
int echo_server_run(int tcp_clients);
void echo_server_stop(void);

/* One game of ping-pong against an echo partner. */
int tcp_ping_pong_play(nsapi_stack_t *stack, const nsapi_socket_address_t *partner, const struct ping_pong *game);
int udp_ping_pong_play(nsapi_stack_t *stack, const nsapi_socket_address_t *partner, const struct ping_pong *game);

#endif
