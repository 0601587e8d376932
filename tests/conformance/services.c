/* The peer services of services.h, over nsapi. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include "clock.h"
#include "fixture.h"
#include "services.h"

#define CONNECTIONS 8 /* per TCP service, at once; more are accepted as earlier ones end */
/* Connections a service holds before accepting them: a test opening and closing them in a tight loop
   gets well ahead of the service's threads (over lwIP a connect completes in the caller's own thread). */
#define BACKLOG 64

enum slot { IDLE, SERVING, FINISHED };

struct connection {
    nsapi_tcp_socket_t socket;
    pthread_t thread;
    enum slot state; /* under lock */
    struct tcp_service *service;
};

struct tcp_service {
    enum service kind;
    nsapi_tcp_server_t server;
    pthread_t thread;
    struct connection connections[CONNECTIONS];
};

struct udp_service {
    enum service kind;
    nsapi_udp_socket_t socket;
    pthread_t thread;
};

static struct tcp_service tcp[SERVICES];
static struct udp_service udp[2];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int running;

static void serve(struct connection *c)
{
    static const char line[] = "Tuesday, November 24, 2026 12:00:00-UTC\r\n";
    char buf[16384];
    unsigned offset = 0;
    int n;

    switch (c->service->kind) {
    case ECHO:
        while ((n = nsapi_tcp_socket_recv(&c->socket, buf, sizeof buf)) > 0 &&
               nsapi_tcp_socket_send(&c->socket, buf, (nsapi_size_t)n) == n) {
        }
        break;
    case DISCARD:
        while (nsapi_tcp_socket_recv(&c->socket, buf, sizeof buf) > 0) {
        }
        break;
    case CHARGEN:
        /* RFC 864: lines of 72 printable characters, each starting one further on. */
        for (;;) {
            int i, j;

            for (i = 0; i + 74 <= (int)sizeof buf; i += 74, offset++) {
                for (j = 0; j < 72; j++) {
                    buf[i + j] = (char)(' ' + (offset + (unsigned)j) % 95);
                }
                buf[i + 72] = '\r';
                buf[i + 73] = '\n';
            }
            if (nsapi_tcp_socket_send(&c->socket, buf, (nsapi_size_t)i) != i) {
                break;
            }
        }
        break;
    default:
        nsapi_tcp_socket_send(&c->socket, line, sizeof line - 1);
        break;
    }
}

static void *connection_main(void *arg)
{
    struct connection *c = arg;

    serve(c);
    nsapi_tcp_socket_close(&c->socket); /* NO_SOCKET if services_stop() closed it first */
    pthread_mutex_lock(&lock);
    c->state = FINISHED;
    pthread_mutex_unlock(&lock);
    return NULL;
}

/* A free connection slot, joining a finished thread first; NULL when all are busy. */
static struct connection *free_slot(struct tcp_service *t)
{
    struct connection *found = NULL;
    int i;

    enum slot state = IDLE;

    pthread_mutex_lock(&lock);
    for (i = 0; i < CONNECTIONS && found == NULL; i++) {
        if (t->connections[i].state != SERVING) {
            found = &t->connections[i];
            state = found->state;
        }
    }
    pthread_mutex_unlock(&lock);
    if (state == FINISHED) {
        pthread_join(found->thread, NULL);
        found->state = IDLE; /* its thread has ended: nobody else touches it now */
    }
    return found;
}

static void *tcp_main(void *arg)
{
    struct tcp_service *t = arg;

    for (;;) {
        struct connection *c = free_slot(t);

        if (c == NULL) {
            sleep_ms(10);
            continue;
        }
        if (nsapi_tcp_server_accept(&t->server, &c->socket, NULL) != NSAPI_ERROR_OK) {
            break; /* the server was closed: stop */
        }
        c->service = t;
        pthread_mutex_lock(&lock);
        c->state = SERVING;
        pthread_create(&c->thread, NULL, connection_main, c);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *udp_main(void *arg)
{
    struct udp_service *u = arg;
    static char buf[2][65536];
    char *data = buf[u - udp];
    nsapi_socket_address_t from;
    int n;

    while ((n = nsapi_udp_socket_recvfrom(&u->socket, &from, data, sizeof buf[0])) >= 0) {
        if (u->kind == ECHO) {
            nsapi_udp_socket_sendto(&u->socket, &from, data, (nsapi_size_t)n);
        }
    }
    return NULL;
}

static const uint16_t offsets[SERVICES] = {7, 9, 19, 13};

int services_start(nsapi_stack_t *stack, const nsapi_socket_address_t *address, uint16_t base)
{
    nsapi_socket_address_t at = *address;
    int i;

    for (i = 0; i < SERVICES; i++) {
        memset(&tcp[i], 0, sizeof tcp[i]);
        tcp[i].kind = (enum service)i;
        nsapi_socket_address_set_port(&at, (uint16_t)(base + offsets[i]));
        if (nsapi_tcp_server_open(&tcp[i].server, stack) != NSAPI_ERROR_OK ||
            nsapi_tcp_server_bind(&tcp[i].server, &at) != NSAPI_ERROR_OK ||
            nsapi_tcp_server_listen(&tcp[i].server, BACKLOG) != NSAPI_ERROR_OK) {
            return -1;
        }
        pthread_create(&tcp[i].thread, NULL, tcp_main, &tcp[i]);
    }
    for (i = 0; i < 2; i++) {
        memset(&udp[i], 0, sizeof udp[i]);
        udp[i].kind = (enum service)i;
        nsapi_socket_address_set_port(&at, (uint16_t)(base + offsets[i]));
        if (nsapi_udp_socket_open(&udp[i].socket, stack) != NSAPI_ERROR_OK ||
            nsapi_udp_socket_bind(&udp[i].socket, &at) != NSAPI_ERROR_OK) {
            return -1;
        }
        pthread_create(&udp[i].thread, NULL, udp_main, &udp[i]);
    }
    running = 1;
    return 0;
}

void services_stop(void)
{
    int i, j;

    if (!running) {
        return;
    }
    for (i = 0; i < SERVICES; i++) {
        nsapi_tcp_server_close(&tcp[i].server); /* wakes its accept */
        pthread_join(tcp[i].thread, NULL);
        for (j = 0; j < CONNECTIONS; j++) {
            struct connection *c = &tcp[i].connections[j];
            enum slot state;

            pthread_mutex_lock(&lock);
            state = c->state;
            pthread_mutex_unlock(&lock);
            if (state != IDLE) {
                nsapi_tcp_socket_close(&c->socket); /* wakes a blocked recv or send */
                pthread_join(c->thread, NULL);
                c->state = IDLE;
            }
        }
    }
    for (i = 0; i < 2; i++) {
        nsapi_udp_socket_close(&udp[i].socket);
        pthread_join(udp[i].thread, NULL);
    }
    running = 0;
}
