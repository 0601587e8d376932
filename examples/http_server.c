/*
 * A small HTTP/1.1 server, the kind a device serves its status page with,
 * that keeps serving when clients are many, slow or hostile: up to 64
 * connections at once on non-blocking sockets, one event loop woken by
 * their sigio; more wait in the listen queue (its backlog, 64 unless
 * --backlog says otherwise), where a client beyond it waits and retries
 * its SYN.  One request a connection, GET and HEAD (http/http_answer.h
 * has the routes); anything else gets its error: 400 a malformed request,
 * 404 another path, 405 another method, 431 a request head over 8 KiB,
 * 505 a major version other than 1 (http/http_request.h).
 *
 * Each connection has its deadlines: 10 s from the accept to the end of
 * its request head (TLS handshake included), 60 s for the answer.  When
 * every slot is taken, connections that have kept the server waiting 1 s
 * give way, so that idle and slowloris clients cannot keep the others
 * out.  Only the client's time counts: from the accept, or from the last
 * time the server moved the connection on (the TLS handshake's steps, whose
 * own work may wait its turn behind 63 others), to the last look that
 * found the client had sent nothing that moves it on (a ClientHello, the
 * rest of the handshake, a whole request head).  A stop request cuts
 * answers short.
 *
 * usage: http_server [--interface SPEC] [INTERFACE OPTIONS] [--backlog N] [--cert FILE --key FILE] PORT [REQUESTS]
 *        (--help: every option)
 *        Answers REQUESTS requests, then stops (serves forever unless given),
 *        or stops on SIGINT/SIGTERM.  With a certificate and its key (PEM or
 *        DER), it serves HTTPS: a TLSSocket over each accepted connection.
 * Prints a line for each request; exits 0 once stopped, 1 when it cannot
 * listen, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/listener.h"
#include "common/usage.h"
#include "common/wakeup.h"
#include "examples.h"
#include "http/http_request.h"
#include "http/http_answer.h"
#include "nsapi/tls_socket.h"

#define CONNECTIONS 64         /* served at once; more wait in the listen queue */
#define HEAD_MS 10000          /* from the accept to the end of the request head */
#define ANSWER_MS 60000        /* for the whole answer */
#define CROWDED_MS 1000        /* with every slot taken, a connection that kept the server waiting that long gives way */
#define LINGER_MS 1000         /* reading what the client still sends before the close */
#define DRAIN_MAX (1ul << 20)
#define POLL_MS 200            /* the longest sleep between two looks at the deadlines and the stop flag */
#define OUT_SIZE 16384         /* a connection's answer is produced and sent a piece of this size at a time */

enum phase { FREE, HANDSHAKE, HEAD, ANSWER, LINGER };

struct connection {
    enum phase phase;
    nsapi_tcp_socket_t socket;
    nsapi_tls_socket_t tls;      /* over socket, when serving HTTPS */
    nsapi_socket_address_t from;
    long long accepted, deadline;
    long long client_turn;       /* since then the client owes the next move (the accept, or the server's last move) */
    long long checked;           /* the last look that found it still owing it */
    int answered;
    struct http_request request;
    struct http_response response;
    unsigned char out[OUT_SIZE]; /* the piece of the answer being sent */
    size_t out_start, out_end, out_body;
    unsigned long long sent;     /* body bytes that went */
    size_t drained;
};

static nsapi_tcp_server_t server;
static struct connection connections[CONNECTIONS];
static struct example_wakeup wakeup;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t wakeup_once = PTHREAD_ONCE_INIT;
static int asked_to_stop;
/* HTTPS: the certificate and key (NULL for HTTP). */
static struct { unsigned char *cert, *key; size_t cert_size, key_size; } identity;

static void init_wakeup(void)
{
    example_wakeup_init(&wakeup);
}

void http_server_stop(void)
{
    pthread_mutex_lock(&lock);
    asked_to_stop = 1;
    pthread_mutex_unlock(&lock);
    example_wakeup_signal(&wakeup);
}

static int stopping(void)
{
    int asked;

    pthread_mutex_lock(&lock);
    asked = asked_to_stop;
    pthread_mutex_unlock(&lock);
    return asked || example_signalled();
}

static nsapi_size_or_error_t receive(struct connection *c, void *data, size_t size)
{
    return identity.cert != NULL ? nsapi_tls_socket_recv(&c->tls, data, (nsapi_size_t)size)
                                 : nsapi_tcp_socket_recv(&c->socket, data, (nsapi_size_t)size);
}

static nsapi_size_or_error_t send_some(struct connection *c, const void *data, size_t size)
{
    return identity.cert != NULL ? nsapi_tls_socket_send(&c->tls, data, (nsapi_size_t)size)
                                 : nsapi_tcp_socket_send(&c->socket, data, (nsapi_size_t)size);
}

/* "IP port N", the client's, into text. */
static const char *client_name(const struct connection *c, char *text, size_t size)
{
    char ip[NSAPI_IP_SIZE];

    nsapi_socket_address_get_ip_address(&c->from, ip, sizeof ip);
    snprintf(text, size, "%s port %u", ip, nsapi_socket_address_get_port(&c->from));
    return text;
}

static void say(const struct connection *c, const char *what)
{
    char name[NSAPI_IP_SIZE + 16];

    printf("%s: %s\n", client_name(c, name, sizeof name), what);
    fflush(stdout);
}

/* Close the connection and free its slot; the count of requests it answered (0 or 1). */
static unsigned long release(struct connection *c)
{
    if (identity.cert != NULL) {
        nsapi_tls_socket_close(&c->tls); /* close_notify, if it can go at once */
    }
    nsapi_tcp_socket_close(&c->socket);
    c->phase = FREE;
    return (unsigned long)c->answered;
}

/* A request head has come, or the answer to give without one: on to the answer. */
static void start_answer(struct connection *c, int status)
{
    http_response_prepare(&c->response, &c->request, status);
    c->phase = ANSWER;
    c->deadline = example_now_ms() + ANSWER_MS;
    c->out_start = c->out_end = c->out_body = 0;
    c->sent = 0;
}

/* The answer is over (err: what cut it short, or NSAPI_ERROR_OK): its log line, then linger. */
static void end_answer(struct connection *c, nsapi_error_t err)
{
    const struct http_request *r = &c->request;
    const struct http_response *out = &c->response;
    int named = out->status != 400 && r->method != NULL;
    char line[HTTP_HEAD_MAX + 200], name[NSAPI_IP_SIZE + 16];
    int n;

    /* One printf for the line: the demo's other threads print too. */
    n = snprintf(line, sizeof line, "%s %s from %s: %d", named ? r->method : "-", named ? r->path : "-",
                 client_name(c, name, sizeof name), out->status);
    if (out->reason != NULL) {
        n += snprintf(line + n, sizeof line - (size_t)n, " (%s)", out->reason);
    } else {
        n += snprintf(line + n, sizeof line - (size_t)n, ", %llu bytes", c->sent);
    }
    if (err != NSAPI_ERROR_OK) {
        snprintf(line + n, sizeof line - (size_t)n, ", then send: %s%s", nsapi_error_name(err),
                 err == NSAPI_ERROR_TIMEOUT ? " (over 60 s, or the server stops)" : "");
    }
    printf("%s\n", line);
    fflush(stdout);
    c->answered = 1;
    c->phase = LINGER; /* what the client still sends is read, so that the close is a FIN, not a reset */
    c->deadline = example_now_ms() + (r->has_body || r->used > r->length ? LINGER_MS : 0);
    c->drained = 0;
}

/* After a look at c: the server moved it on (the client owes the next move from now), or the client still owes it. */
static void looked_at(struct connection *c, int moved)
{
    c->checked = example_now_ms();
    if (moved) {
        c->client_turn = c->checked;
    }
}

/* HTTPS: the server's side of the handshake, a step at a time. */
static int handshake_step(struct connection *c)
{
    uint32_t before = 0, after = 0;
    nsapi_error_t err;
    char why[200], text[300];

    nsapi_tls_socket_get_handshake_steps(&c->tls, &before);
    err = nsapi_tls_socket_accept(&c->tls);
    nsapi_tls_socket_get_handshake_steps(&c->tls, &after);
    if (err == NSAPI_ERROR_IN_PROGRESS || err == NSAPI_ERROR_ALREADY || err == NSAPI_ERROR_WOULD_BLOCK) {
        looked_at(c, after != before); /* unmoved: no ClientHello yet, part of one, or the client's reply not whole */
        return after != before;
    }
    if (err == NSAPI_ERROR_OK || err == NSAPI_ERROR_IS_CONNECTED) {
        c->phase = HEAD;
        looked_at(c, 1);
        return 1;
    }
    nsapi_tls_socket_get_tls_error(&c->tls, why, sizeof why);
    snprintf(text, sizeof text, "TLS handshake failed: %s%s%s", nsapi_error_name(err), why[0] ? ", " : "", why);
    say(c, text);
    release(c);
    return 1;
}

static int head_step(struct connection *c)
{
    struct http_request *r = &c->request;
    nsapi_size_or_error_t n = receive(c, r->head + r->used, http_request_room(r));
    int status;

    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        looked_at(c, 0);
        return 0;
    }
    if (n <= 0) {
        say(c, "closed before a complete request, dropped");
        release(c);
        return 1;
    }
    status = http_request_received(r, (size_t)n);
    if (status != HTTP_MORE) {
        start_answer(c, status);
    } else {
        looked_at(c, 0); /* part of a head: a slowloris owes the rest */
    }
    return 1;
}

static int answer_step(struct connection *c)
{
    nsapi_size_or_error_t n;

    if (c->out_start == c->out_end) {
        c->out_start = 0;
        c->out_end = http_response_next(&c->response, c->out, sizeof c->out, &c->out_body);
        if (c->out_end == 0) {
            end_answer(c, NSAPI_ERROR_OK);
            return 1;
        }
    }
    n = send_some(c, c->out + c->out_start, c->out_end - c->out_start);
    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return 0;
    }
    if (n <= 0) {
        end_answer(c, n == 0 ? NSAPI_ERROR_NO_CONNECTION : n);
        return 1;
    }
    c->out_start += (size_t)n;
    if (c->out_start == c->out_end) {
        c->sent += c->out_body; /* counted once its piece has gone whole */
        c->out_start = c->out_end = 0;
        c->out_end = http_response_next(&c->response, c->out, sizeof c->out, &c->out_body);
        if (c->out_end == 0) {
            end_answer(c, NSAPI_ERROR_OK); /* at once: the client may have it all and stop us now */
        }
    }
    return 1;
}

/* Read and discard what the client sent beyond the head: the count answered when done, or -1. */
static long linger_step(struct connection *c)
{
    static char sink[4096];
    nsapi_size_or_error_t n = receive(c, sink, sizeof sink);

    if (n == NSAPI_ERROR_WOULD_BLOCK) {
        return -1;
    }
    c->drained += n > 0 ? (size_t)n : 0;
    return n > 0 && c->drained < DRAIN_MAX ? -1 : (long)release(c);
}

/* A turn for one connection: whether it made progress; *answered grows by the requests it finished. */
static int step(struct connection *c, unsigned long *answered)
{
    long done;

    switch (c->phase) {
    case HANDSHAKE:
        return handshake_step(c);
    case HEAD:
        return head_step(c);
    case ANSWER:
        return answer_step(c);
    case LINGER:
        done = linger_step(c);
        *answered += done > 0 ? (unsigned long)done : 0;
        return done >= 0;
    case FREE:
        break;
    }
    return 0;
}

/* Close c when its deadline has passed (every deadline, when the server stops): the requests finished. */
static unsigned long expire(struct connection *c, long long now, int stop)
{
    if (c->phase == FREE || (now < c->deadline && !stop)) {
        return 0;
    }
    if (c->phase == HANDSHAKE || c->phase == HEAD) {
        say(c, stop ? "cut off by the stop" : "no complete request within 10 s, dropped");
    }
    if (c->phase == ANSWER) {
        end_answer(c, NSAPI_ERROR_TIMEOUT);
    }
    return release(c);
}

/* With every slot taken: drop the connections whose client has kept the server waiting CROWDED_MS.  Only what a
 * look saw counts: a reply that came while the server was busy with others is not the client's delay. */
static void make_room(void)
{
    int i;

    for (i = 0; i < CONNECTIONS; i++) {
        struct connection *c = &connections[i];

        if ((c->phase == HANDSHAKE || c->phase == HEAD) && c->checked - c->client_turn >= CROWDED_MS) {
            say(c, "kept the server waiting 1 s while it is full, dropped");
            release(c);
        }
    }
}

/* Set up an accepted connection. */
static void open_connection(struct connection *c)
{
    memset(&c->tls, 0, sizeof c->tls);
    http_request_reset(&c->request);
    c->accepted = example_now_ms();
    c->client_turn = c->checked = c->accepted;
    c->deadline = c->accepted + HEAD_MS;
    c->answered = 0;
    c->phase = HEAD;
    nsapi_tcp_socket_set_blocking(&c->socket, false);
    nsapi_tcp_socket_sigio(&c->socket, example_wakeup_signal, &wakeup);
    if (identity.cert == NULL) {
        return;
    }
    c->phase = HANDSHAKE;
    if (nsapi_tls_socket_wrap(&c->tls, &c->socket) != NSAPI_ERROR_OK
        || nsapi_tls_socket_set_cert_key(&c->tls, identity.cert, (nsapi_size_t)identity.cert_size, identity.key,
                                         (nsapi_size_t)identity.key_size) != NSAPI_ERROR_OK) {
        say(c, "TLS cannot be set up, dropped");
        release(c);
        return;
    }
    nsapi_tls_socket_set_blocking(&c->tls, false);
    nsapi_tls_socket_sigio(&c->tls, example_wakeup_signal, &wakeup);
}

/* Take the connections waiting into free slots: whether one was taken. */
static int accept_waiting(void)
{
    int i, took = 0;

    for (i = 0; i < CONNECTIONS; i++) {
        struct connection *c = &connections[i];
        nsapi_error_t err;

        if (c->phase != FREE) {
            continue;
        }
        memset(&c->socket, 0, sizeof c->socket);
        err = nsapi_tcp_server_accept(&server, &c->socket, &c->from);
        if (err != NSAPI_ERROR_OK) {
            if (err != NSAPI_ERROR_WOULD_BLOCK) {
                example_fail("accept", err); /* out of sockets, say: a later turn may do better */
            }
            return took;
        }
        open_connection(c);
        took = 1;
    }
    make_room();
    return took;
}

int http_server_listen(nsapi_stack_t *stack, unsigned port, int backlog)
{
    pthread_once(&wakeup_once, init_wakeup);
    if (example_listen(&server, stack, port, backlog, CONNECTIONS) != 0) {
        return 1;
    }
    nsapi_tcp_server_set_blocking(&server, false);
    nsapi_tcp_server_sigio(&server, example_wakeup_signal, &wakeup);
    printf("http server listening on port %u\n", port);
    fflush(stdout);
    return 0;
}

int http_server_run(unsigned long requests)
{
    unsigned long answered = 0;
    int i, stop = 0;

    while (!stop) {
        int work = accept_waiting();
        long long now = example_now_ms();

        for (i = 0; i < CONNECTIONS; i++) {
            work |= step(&connections[i], &answered);
            answered += expire(&connections[i], now, 0);
        }
        stop = stopping() || (requests != 0 && answered >= requests);
        if (!work && !stop) {
            example_wakeup_wait(&wakeup, POLL_MS);
        }
    }
    for (i = 0; i < CONNECTIONS; i++) {
        answered += expire(&connections[i], example_now_ms(), 1);
    }
    nsapi_tcp_server_close(&server);
    printf("http server answered %lu requests\n", answered);
    return 0;
}

#ifndef EXAMPLE_NO_MAIN
static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--backlog N] [--cert FILE --key FILE] PORT [REQUESTS]",
                         "  --backlog N            connections the listen queue holds beyond those served, 1 to 255\n"
                         "                         (default: 64)\n"
                         "  --cert FILE            serve HTTPS with this certificate, PEM or DER (default: plain HTTP)\n"
                         "  --key FILE             the certificate's private key (given with --cert)\n"
                         "  PORT                   the TCP port to listen on, 1 to 65535\n"
                         "  REQUESTS               stop after answering this many, 1 to 1000000000\n"
                         "                         (default: serve until SIGINT or SIGTERM)\n",
                         help);
}

/* A whole file in a buffer of its own (free it), or NULL with a message. */
static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long length;

    if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0
        && (data = malloc((size_t)length)) != NULL && fread(data, 1, (size_t)length, f) == (size_t)length) {
        *size = (size_t)length;
    } else {
        fprintf(stderr, "%s: cannot read it\n", path);
        free(data);
        data = NULL;
    }
    if (f != NULL) {
        fclose(f);
    }
    return data;
}

/* --backlog N, digits only, 1 to 255 (nsapi's range), at the front of argv: removed from it; 0, or 2 after a bad one. */
static int backlog_option(int *argc, char **argv, int *backlog)
{
    unsigned long n;
    int i;

    if (*argc < 3 || strcmp(argv[1], "--backlog") != 0) {
        return 0;
    }
    n = strspn(argv[2], "0123456789") == strlen(argv[2]) && strlen(argv[2]) <= 3 ? strtoul(argv[2], NULL, 10) : 0;
    if (n < 1 || n > 255) {
        fprintf(stderr, "--backlog %s: not a number from 1 to 255\n", argv[2]);
        return 2;
    }
    *backlog = (int)n;
    for (i = 1; i + 2 <= *argc; i++) {
        argv[i] = argv[i + 2];
    }
    *argc -= 2;
    return 0;
}

/* --cert FILE --key FILE at the front of argv: read into identity and removed from it; 0, or 1 when unreadable. */
static int identity_options(int *argc, char **argv)
{
    int i;

    if (*argc < 5 || strcmp(argv[1], "--cert") != 0 || strcmp(argv[3], "--key") != 0) {
        return 0;
    }
    identity.cert = read_file(argv[2], &identity.cert_size);
    identity.key = read_file(argv[4], &identity.key_size);
    for (i = 1; i + 4 <= *argc; i++) {
        argv[i] = argv[i + 4];
    }
    *argc -= 4;
    return identity.cert != NULL && identity.key != NULL ? 0 : 1;
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    unsigned port;
    unsigned long count;
    int rc, backlog = HTTP_SERVER_BACKLOG;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc == 0) {
        rc = backlog_option(&argc, argv, &backlog);
    }
    if (rc == 0) {
        rc = identity_options(&argc, argv);
    }
    if (rc == 0 && example_port_count(argc, argv, &port, &count, 1000000000ul) != 0) {
        rc = 2;
    }
    if (rc == 0) {
        example_stop_on_signals();
        rc = http_server_listen(stack, port, backlog);
    }
    if (rc == 0) {
        rc = http_server_run(count);
    }
    example_network_down();
    free(identity.cert);
    free(identity.key);
    return rc == 2 ? usage(argv[0], 0) : rc;
}
#endif
