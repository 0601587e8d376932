/*
 * A connection of a stack with itself, both ends nsapi sockets: a listener
 * on the stack's own address, a client connected to it, and the connection
 * the listener accepted.  Whichever end a case closes or resets, both ends
 * are the stack under test.
 */
#ifndef FAULTS_PAIR_H
#define FAULTS_PAIR_H

#include "nsapi/nsapi.h"

struct pair {
    nsapi_tcp_server_t server;
    nsapi_tcp_socket_t client;
    nsapi_tcp_socket_t accepted;
    nsapi_socket_address_t at; /* where the server listens */
};

/* Open the server and listen on the fixture's own address, port, with backlog; fails the case if it cannot. */
void pair_listen(struct pair *p, uint16_t port, int backlog);

/* Open the client, connect it and accept it (each blocking call within 3 s); the first error, or
 * NSAPI_ERROR_OK. */
nsapi_error_t pair_connect(struct pair *p);

/* Close both connection ends (the accepted one first), leaving the server open. */
void pair_hang_up(struct pair *p);

/* Close all three. */
void pair_close(struct pair *p);

#endif
