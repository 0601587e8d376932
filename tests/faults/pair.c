/* The connection of pair.h. */
#include <string.h>

#include <criterion/criterion.h>

#include "fixture.h"
#include "pair.h"

#define STEP_MS 3000

void pair_listen(struct pair *p, uint16_t port, int backlog)
{
    const int on = 1;

    memset(p, 0, sizeof *p);
    p->at = fx->local;
    nsapi_socket_address_set_port(&p->at, port);
    cr_assert_eq(nsapi_tcp_server_open(&p->server, fx->stack), NSAPI_ERROR_OK);
    nsapi_tcp_server_setsockopt(&p->server, NSAPI_SOCKET, NSAPI_REUSEADDR, &on, sizeof on);
    cr_assert_eq(nsapi_tcp_server_bind(&p->server, &p->at), NSAPI_ERROR_OK, "bind on %s", fx->name);
    cr_assert_eq(nsapi_tcp_server_listen(&p->server, backlog), NSAPI_ERROR_OK);
    nsapi_tcp_server_set_timeout(&p->server, STEP_MS);
}

nsapi_error_t pair_connect(struct pair *p)
{
    nsapi_error_t err = nsapi_tcp_socket_open(&p->client, fx->stack);

    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    nsapi_tcp_socket_set_timeout(&p->client, STEP_MS);
    err = nsapi_tcp_socket_connect(&p->client, &p->at);
    if (err == NSAPI_ERROR_OK) {
        err = nsapi_tcp_server_accept(&p->server, &p->accepted, NULL);
    }
    if (err == NSAPI_ERROR_OK) {
        nsapi_tcp_socket_set_timeout(&p->accepted, STEP_MS);
    }
    return err;
}

void pair_hang_up(struct pair *p)
{
    nsapi_tcp_socket_close(&p->accepted);
    nsapi_tcp_socket_close(&p->client);
}

void pair_close(struct pair *p)
{
    pair_hang_up(p);
    nsapi_tcp_server_close(&p->server);
}
