/* The scripted backend of fake_stack.h. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fake_stack.h"

#define FAKE(stack) ((struct fake_stack *)(stack)->context)

static struct fake_result next(struct fake_stack *f, enum fake_op op, nsapi_size_or_error_t fallback)
{
    struct fake_result r = {fallback, {{NSAPI_UNSPEC, {0}}, 0}};

    pthread_mutex_lock(&f->lock);
    f->calls[op]++;
    if (f->head[op] != f->tail[op]) {
        r = f->script[op][f->head[op] % FAKE_SCRIPT];
        f->head[op]++;
    }
    pthread_mutex_unlock(&f->lock);
    return r;
}

static nsapi_handle_t handle_of(int index)
{
    return (nsapi_handle_t)(uintptr_t)(index + 1);
}

static int index_of(nsapi_handle_t handle)
{
    return (int)(uintptr_t)handle - 1;
}

static nsapi_error_t add_socket(struct fake_stack *f, nsapi_handle_t *handle, nsapi_event_cb_t event, void *context)
{
    int i;

    pthread_mutex_lock(&f->lock);
    for (i = 0; i < FAKE_SOCKETS && f->sockets[i].used; i++) {
    }
    if (i == FAKE_SOCKETS) {
        pthread_mutex_unlock(&f->lock);
        return NSAPI_ERROR_NO_SOCKET;
    }
    f->sockets[i].used = 1;
    f->sockets[i].event = event;
    f->sockets[i].context = context;
    pthread_mutex_unlock(&f->lock);
    *handle = handle_of(i);
    return NSAPI_ERROR_OK;
}

static nsapi_error_t fake_socket_open(nsapi_stack_t *stack, nsapi_protocol_t proto, nsapi_handle_t *handle,
                                      nsapi_event_cb_t event, void *context)
{
    struct fake_result r = next(FAKE(stack), FAKE_OPEN, NSAPI_ERROR_OK);

    (void)proto;
    return r.rc != NSAPI_ERROR_OK ? r.rc : add_socket(FAKE(stack), handle, event, context);
}

static nsapi_error_t fake_socket_close(nsapi_stack_t *stack, nsapi_handle_t handle)
{
    struct fake_stack *f = FAKE(stack);
    struct fake_result r = next(f, FAKE_CLOSE, NSAPI_ERROR_OK);

    sleep_ms(f->close_delay_ms);

    pthread_mutex_lock(&f->lock);
    memset(&f->sockets[index_of(handle)], 0, sizeof f->sockets[0]);
    pthread_mutex_unlock(&f->lock);
    return r.rc;
}

static nsapi_error_t fake_socket_bind(nsapi_stack_t *stack, nsapi_handle_t handle, const nsapi_socket_address_t *address)
{
    (void)handle;
    FAKE(stack)->last_address[FAKE_BIND] = *address;
    return next(FAKE(stack), FAKE_BIND, NSAPI_ERROR_OK).rc;
}

static nsapi_error_t fake_socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)
{
    (void)handle;
    (void)backlog;
    return next(FAKE(stack), FAKE_LISTEN, NSAPI_ERROR_OK).rc;
}

static nsapi_error_t fake_socket_connect(nsapi_stack_t *stack, nsapi_handle_t handle,
                                         const nsapi_socket_address_t *address)
{
    (void)handle;
    FAKE(stack)->last_address[FAKE_CONNECT] = *address;
    return next(FAKE(stack), FAKE_CONNECT, NSAPI_ERROR_IN_PROGRESS).rc;
}

static nsapi_error_t fake_socket_accept(nsapi_stack_t *stack, nsapi_handle_t server, nsapi_handle_t *handle,
                                        nsapi_socket_address_t *address, nsapi_event_cb_t event, void *context)
{
    struct fake_result r = next(FAKE(stack), FAKE_ACCEPT, NSAPI_ERROR_WOULD_BLOCK);

    (void)server;
    if (r.rc != NSAPI_ERROR_OK) {
        return r.rc;
    }
    *address = r.from;
    return add_socket(FAKE(stack), handle, event, context);
}

static nsapi_size_or_error_t fake_socket_send(nsapi_stack_t *stack, nsapi_handle_t handle, const void *data,
                                              nsapi_size_t size)
{
    (void)handle;
    (void)data;
    FAKE(stack)->last_size[FAKE_SEND] = size;
    return next(FAKE(stack), FAKE_SEND, NSAPI_ERROR_WOULD_BLOCK).rc;
}

static nsapi_size_or_error_t fake_socket_recv(nsapi_stack_t *stack, nsapi_handle_t handle, void *data,
                                              nsapi_size_t size)
{
    struct fake_result r = next(FAKE(stack), FAKE_RECV, NSAPI_ERROR_WOULD_BLOCK);

    (void)handle;
    FAKE(stack)->last_size[FAKE_RECV] = size;
    if (r.rc > 0) {
        memset(data, 'x', (size_t)r.rc < size ? (size_t)r.rc : size);
    }
    return r.rc;
}

static nsapi_size_or_error_t fake_socket_sendto(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                const nsapi_socket_address_t *address, const void *data,
                                                nsapi_size_t size)
{
    (void)handle;
    (void)data;
    FAKE(stack)->last_address[FAKE_SENDTO] = *address;
    FAKE(stack)->last_size[FAKE_SENDTO] = size;
    return next(FAKE(stack), FAKE_SENDTO, (nsapi_size_or_error_t)size).rc;
}

static nsapi_size_or_error_t fake_socket_recvfrom(nsapi_stack_t *stack, nsapi_handle_t handle,
                                                  nsapi_socket_address_t *address, void *data, nsapi_size_t size)
{
    struct fake_result r = next(FAKE(stack), FAKE_RECVFROM, NSAPI_ERROR_WOULD_BLOCK);

    (void)handle;
    (void)data;
    (void)size;
    if (r.rc >= 0 && address != NULL) {
        *address = r.from;
    }
    return r.rc;
}

static nsapi_error_t fake_setsockopt(nsapi_stack_t *stack, nsapi_handle_t handle, int level, int optname,
                                     const void *optval, unsigned optlen)
{
    (void)handle;
    (void)level;
    (void)optname;
    (void)optval;
    (void)optlen;
    return next(FAKE(stack), FAKE_SETSOCKOPT, NSAPI_ERROR_OK).rc;
}

static const nsapi_stack_api_t fake_api = {
    .socket_open = fake_socket_open,
    .socket_close = fake_socket_close,
    .socket_bind = fake_socket_bind,
    .socket_listen = fake_socket_listen,
    .socket_connect = fake_socket_connect,
    .socket_accept = fake_socket_accept,
    .socket_send = fake_socket_send,
    .socket_recv = fake_socket_recv,
    .socket_sendto = fake_socket_sendto,
    .socket_recvfrom = fake_socket_recvfrom,
    .setsockopt = fake_setsockopt,
    /* get_ip_address, gethostbyname, add_dns_server, getsockopt: left NULL on purpose (UNSUPPORTED) */
};

void fake_init(struct fake_stack *f)
{
    memset(f, 0, sizeof *f);
    pthread_mutex_init(&f->lock, NULL);
    nsapi_stack_init(&f->stack, &fake_api, f);
}

void fake_deinit(struct fake_stack *f)
{
    nsapi_stack_deinit(&f->stack);
    pthread_mutex_destroy(&f->lock);
}

void fake_push_from(struct fake_stack *f, enum fake_op op, nsapi_size_or_error_t rc, const char *ip, uint16_t port)
{
    struct fake_result r = {rc, {{NSAPI_UNSPEC, {0}}, 0}};

    if (ip != NULL) {
        nsapi_socket_address_set_ip_address(&r.from, ip);
        nsapi_socket_address_set_port(&r.from, port);
    }
    pthread_mutex_lock(&f->lock);
    if (f->tail[op] - f->head[op] < FAKE_SCRIPT) {
        f->script[op][f->tail[op] % FAKE_SCRIPT] = r;
        f->tail[op]++;
    } else {
        abort(); /* a test queued more than the script holds */
    }
    pthread_mutex_unlock(&f->lock);
}

void fake_push(struct fake_stack *f, enum fake_op op, nsapi_size_or_error_t rc)
{
    fake_push_from(f, op, rc, NULL, 0);
}

unsigned fake_calls(struct fake_stack *f, enum fake_op op)
{
    unsigned n;

    pthread_mutex_lock(&f->lock);
    n = f->calls[op];
    pthread_mutex_unlock(&f->lock);
    return n;
}

void fake_event(struct fake_stack *f, int index)
{
    nsapi_event_cb_t event;
    void *context;

    pthread_mutex_lock(&f->lock);
    event = f->sockets[index].event;
    context = f->sockets[index].context;
    pthread_mutex_unlock(&f->lock);
    if (event != NULL) {
        event(context);
    }
}

struct later {
    struct fake_stack *f;
    int index;
    int delay_ms;
};

static void *fire_later(void *arg)
{
    struct later *l = arg;

    sleep_ms(l->delay_ms);
    fake_event(l->f, l->index);
    free(l);
    return NULL;
}

void fake_event_later(struct fake_stack *f, int index, int delay_ms, pthread_t *thread)
{
    struct later *l = malloc(sizeof *l);

    if (l == NULL) {
        abort();
    }
    l->f = f;
    l->index = index;
    l->delay_ms = delay_ms;
    pthread_create(thread, NULL, fire_later, l);
}

int fake_open_sockets(struct fake_stack *f)
{
    int i, n = 0;

    pthread_mutex_lock(&f->lock);
    for (i = 0; i < FAKE_SOCKETS; i++) {
        n += f->sockets[i].used;
    }
    pthread_mutex_unlock(&f->lock);
    return n;
}
