/*
 * The event-driven echo of event_echo.h.  The callbacks never run at once
 * (lwIP's core lock); what the starting thread reads of their work goes
 * through this file's mutex, taken briefly and never around a socket call.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <string.h>

#include "clock.h"
#include "event_echo.h"

#define CHUNK 4096

enum { CLIENT, CONNECTION, LISTENER, SOCKETS };

static nsapi_tcp_server_t listener;
static nsapi_tcp_socket_t client, connection;
static size_t total;
static bool accepted;
static unsigned char echo_buf[CHUNK];   /* what the connection received and has not sent back */
static size_t echo_off, echo_left;
static pthread_t starter, server_thread;
static bool server_thread_known;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t progressed = PTHREAD_COND_INITIALIZER;
static struct event_echo_result result; /* under lock */
static bool closed[SOCKETS];            /* under lock: that socket's close has returned */

static unsigned char pattern(size_t i)
{
    return (unsigned char)(i * 7u + i / 251u);
}

/* Whether the socket's close has returned (an event now is late: counted); under nothing. */
static bool late(int which)
{
    bool is_late;

    pthread_mutex_lock(&lock);
    is_late = closed[which];
    result.late += is_late;
    pthread_mutex_unlock(&lock);
    return is_late;
}

static void fail(void)
{
    pthread_mutex_lock(&lock);
    result.failed = true;
    pthread_mutex_unlock(&lock);
}

static void client_send(void)
{
    unsigned char out[CHUNK];
    size_t sent, n, i;
    nsapi_size_or_error_t r;

    pthread_mutex_lock(&lock);
    sent = result.sent;
    pthread_mutex_unlock(&lock);
    while (sent < total) {
        n = total - sent < CHUNK ? total - sent : CHUNK;
        for (i = 0; i < n; i++) {
            out[i] = pattern(sent + i);
        }
        r = nsapi_tcp_socket_send(&client, out, (nsapi_size_t)n);
        if (r <= 0) {
            if (r != NSAPI_ERROR_WOULD_BLOCK) {
                fail();
            }
            break;
        }
        sent += (size_t)r;
    }
    pthread_mutex_lock(&lock);
    result.sent = sent;
    pthread_mutex_unlock(&lock);
}

/* Check what came back against the pattern. */
static void client_receive(void)
{
    unsigned char in[CHUNK];
    nsapi_size_or_error_t r;
    size_t i;

    while ((r = nsapi_tcp_socket_recv(&client, in, sizeof in)) > 0) {
        pthread_mutex_lock(&lock);
        for (i = 0; i < (size_t)r; i++) {
            result.corrupt |= in[i] != pattern(result.got + i);
        }
        result.got += (size_t)r;
        pthread_cond_broadcast(&progressed);
        pthread_mutex_unlock(&lock);
    }
    if (r < 0 && r != NSAPI_ERROR_WOULD_BLOCK) {
        fail();
    }
}

static void on_client(void *arg)
{
    (void)arg;
    if (late(CLIENT)) {
        return;
    }
    client_send();
    client_receive();
}

static void note_server_thread(void)
{
    bool ok;

    if (!server_thread_known) {
        server_thread = pthread_self();
        server_thread_known = true;
    }
    ok = pthread_equal(server_thread, pthread_self()) && !pthread_equal(starter, pthread_self());
    if (!ok) {
        pthread_mutex_lock(&lock);
        result.server_thread_ok = false;
        pthread_mutex_unlock(&lock);
    }
}

/* Send back what is held, then take more, until the stack would block either way. */
static void on_connection(void *arg)
{
    nsapi_size_or_error_t r;

    (void)arg;
    if (late(CONNECTION)) {
        return;
    }
    note_server_thread();
    for (;;) {
        if (echo_left > 0) {
            r = nsapi_tcp_socket_send(&connection, echo_buf + echo_off, (nsapi_size_t)echo_left);
            if (r > 0) {
                echo_off += (size_t)r;
                echo_left -= (size_t)r;
                continue;
            }
        } else {
            r = nsapi_tcp_socket_recv(&connection, echo_buf, sizeof echo_buf);
            if (r > 0) {
                echo_off = 0;
                echo_left = (size_t)r;
                continue;
            }
        }
        if (r < 0 && r != NSAPI_ERROR_WOULD_BLOCK) {
            fail();
        }
        return; /* WOULD_BLOCK, or the client's close (0) */
    }
}

static void on_listener(void *arg)
{
    nsapi_error_t err;

    (void)arg;
    if (late(LISTENER) || accepted) {
        return;
    }
    err = nsapi_tcp_server_accept(&listener, &connection, NULL);
    if (err == NSAPI_ERROR_OK) {
        accepted = true;
    } else if (err != NSAPI_ERROR_WOULD_BLOCK) {
        fail();
    }
}

int event_echo_start(nsapi_stack_t *stack, const char *addr, uint16_t port, size_t bytes)
{
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0};
    nsapi_error_t err;

    memset(&listener, 0, sizeof listener);
    memset(&client, 0, sizeof client);
    memset(&connection, 0, sizeof connection);
    total = bytes;
    accepted = server_thread_known = false;
    echo_off = echo_left = 0;
    starter = pthread_self();
    pthread_mutex_lock(&lock);
    memset(&result, 0, sizeof result);
    memset(closed, 0, sizeof closed);
    result.server_thread_ok = true;
    pthread_mutex_unlock(&lock);
    if (nsapi_socket_address_set_ip_address(&at, addr) != NSAPI_ERROR_OK) {
        return -1;
    }
    nsapi_socket_address_set_port(&at, port);
    nsapi_tcp_server_set_blocking(&listener, false);
    nsapi_tcp_socket_set_blocking(&connection, false);
    nsapi_tcp_socket_set_blocking(&client, false);
    nsapi_tcp_socket_sigio(&connection, on_connection, NULL); /* kept by the accept */
    nsapi_tcp_server_sigio(&listener, on_listener, NULL);
    nsapi_tcp_socket_sigio(&client, on_client, NULL);
    if (nsapi_tcp_server_open(&listener, stack) != NSAPI_ERROR_OK || nsapi_tcp_server_bind(&listener, &at) != NSAPI_ERROR_OK
        || nsapi_tcp_server_listen(&listener, 2) != NSAPI_ERROR_OK || nsapi_tcp_socket_open(&client, stack) != NSAPI_ERROR_OK) {
        return -1;
    }
    err = nsapi_tcp_socket_connect(&client, &at);
    return err == NSAPI_ERROR_IN_PROGRESS || err == NSAPI_ERROR_OK ? 0 : -1;
}

bool event_echo_wait(size_t bytes, int ms)
{
    struct timespec deadline = deadline_ms(ms);
    bool reached;

    pthread_mutex_lock(&lock);
    while (result.got < bytes && !result.failed && pthread_cond_timedwait(&progressed, &lock, &deadline) == 0) {
    }
    reached = result.got >= bytes;
    pthread_mutex_unlock(&lock);
    return reached;
}

static void mark_closed(int which)
{
    pthread_mutex_lock(&lock);
    closed[which] = true;
    pthread_mutex_unlock(&lock);
}

void event_echo_close(void)
{
    nsapi_tcp_socket_close(&client);
    mark_closed(CLIENT);
    nsapi_tcp_socket_close(&connection); /* NO_SOCKET if nothing was accepted */
    mark_closed(CONNECTION);
    nsapi_tcp_server_close(&listener);
    mark_closed(LISTENER);
}

struct event_echo_result event_echo_result(void)
{
    struct event_echo_result r;

    pthread_mutex_lock(&lock);
    r = result;
    pthread_mutex_unlock(&lock);
    return r;
}
