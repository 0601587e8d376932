/*
 * The POSIX backend blocks calls itself (socket_wait: poll on the socket,
 * which close wakes by shutting it down) and keeps a socket out of its event
 * thread's watch until a sigio wants events (socket_events); a receiver that
 * expects to wait waits before it tries, and a recv that reads 0 after a wait
 * trusts what the wait saw.  What that must not change: close wakes every
 * caller blocked on a socket, whichever way it waits and whatever the socket
 * (a stream, a listener, a connect under way, a datagram socket); a timeout
 * bounds the whole call however often the socket wakes it, and however it
 * starts; a peer's close reads 0 and a reset an error, every time after; and
 * no sigio is lost, whether the callback came before the open or came back
 * after a time without one.  All on 127.0.0.1, each case bounded in time.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "blocked_recv.h"
#include "clock.h"
#include "nsapi/posix.h"
#include "waits.h"

#define BOUND_MS 5000 /* longest any case waits for what it expects */

/* A kernel socket of type on 127.0.0.1, a port of its own; its address in *at. */
static int kernel_socket(int type, nsapi_socket_address_t *at)
{
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof in;
    int fd = socket(AF_INET, type, 0);

    cr_assert_geq(fd, 0);
    cr_assert_eq(bind(fd, (struct sockaddr *)&in, sizeof in), 0);
    cr_assert_eq(getsockname(fd, (struct sockaddr *)&in, &length), 0);
    nsapi_socket_address_set_ip_address(at, "127.0.0.1");
    nsapi_socket_address_set_port(at, ntohs(in.sin_port));
    return fd;
}

static void kernel_send_to(int fd, const nsapi_socket_address_t *to)
{
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(to->port)};

    memcpy(&in.sin_addr, to->addr.bytes, 4);
    cr_assert_eq(sendto(fd, "x", 1, 0, (struct sockaddr *)&in, sizeof in), 1);
}

/* Join thread, failing the case if it has not ended within BOUND_MS. */
static void join_bounded(pthread_t thread, const char *what)
{
    struct timespec until = deadline_ms(BOUND_MS);

    cr_assert_eq(pthread_timedjoin_np(thread, NULL, &until), 0, "%s is still blocked", what);
}

static nsapi_stack_t stack;

static void start(void)
{
    memset(&stack, 0, sizeof stack);
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
}

static void stop(void)
{
    nsapi_posix_deinit(&stack);
}

TestSuite(posix_blocking, .init = start, .fini = stop, .timeout = 30);

struct call {
    nsapi_tcp_socket_t *socket;
    bool send;
    nsapi_size_or_error_t result;
};

static void *blocked_call(void *arg)
{
    static char big[8 << 20]; /* more than the kernel buffers: a send that blocks while nobody reads */
    struct call *c = arg;
    char buf[16];

    c->result = c->send ? nsapi_tcp_socket_send(c->socket, big, sizeof big)
                        : nsapi_tcp_socket_recv(c->socket, buf, sizeof buf);
    return NULL;
}

Test(posix_blocking, close_wakes_every_caller_blocked_on_the_socket)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t at;
    int listener = kernel_socket(SOCK_STREAM, &at), peer;
    struct call calls[] = {{&s, false, 1}, {&s, true, 1}, {&s, false, 1}}; /* the second recv waits its turn */
    const char *names[] = {"the recv", "the send", "the recv waiting its turn"};
    pthread_t threads[3];
    long start_ms;
    int i;

    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&s, &at), NSAPI_ERROR_OK);
    peer = accept(listener, NULL, NULL); /* and never reads */
    cr_assert_geq(peer, 0);
    for (i = 0; i < 3; i++) {
        cr_assert_eq(pthread_create(&threads[i], NULL, blocked_call, &calls[i]), 0);
        sleep_ms(100); /* each in its wait before the next starts */
    }
    start_ms = now_ms();
    cr_expect_eq(nsapi_tcp_socket_close(&s), NSAPI_ERROR_OK);
    for (i = 0; i < 3; i++) {
        join_bounded(threads[i], names[i]);
        cr_expect_eq(calls[i].result, NSAPI_ERROR_NO_SOCKET, "%s: %d", names[i], calls[i].result);
    }
    cr_expect_lt(now_ms() - start_ms, 1000, "close woke them at once");
    close(peer);
    close(listener);
}

struct stranger {
    int fd;
    nsapi_socket_address_t to;
};

/* A datagram from a host the socket is not connected to every 50 ms, for 2 s. */
static void *stranger_sends(void *arg)
{
    struct stranger *st = arg;
    int i;

    for (i = 0; i < 40; i++) {
        kernel_send_to(st->fd, &st->to);
        sleep_ms(50);
    }
    return NULL;
}

/* An nsapi UDP socket on any port, connected to a kernel socket (*peer_fd); its own address in *at. */
static void open_connected(nsapi_udp_socket_t *s, int *peer_fd, nsapi_socket_address_t *at)
{
    nsapi_socket_address_t peer, any = {{NSAPI_UNSPEC, {0}}, 0};
    struct sockaddr_in from;
    socklen_t length = sizeof from;
    char buf[4];

    *peer_fd = kernel_socket(SOCK_DGRAM, &peer);
    cr_assert_eq(nsapi_udp_socket_open(s, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(s, &any), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_connect(s, &peer), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_send(s, "hi", 2), 2); /* the peer learns our port */
    cr_assert_eq(recvfrom(*peer_fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &length), 2);
    nsapi_socket_address_set_ip_address(at, "127.0.0.1");
    nsapi_socket_address_set_port(at, ntohs(from.sin_port));
}

Test(posix_blocking, a_timeout_bounds_the_call_however_often_the_socket_wakes_it)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t unused;
    struct stranger st;
    pthread_t thread;
    int peer;
    char buf[8];
    long start_ms, took;

    open_connected(&s, &peer, &st.to);
    st.fd = kernel_socket(SOCK_DGRAM, &unused);
    nsapi_udp_socket_set_timeout(&s, 400);
    cr_assert_eq(pthread_create(&thread, NULL, stranger_sends, &st), 0);
    start_ms = now_ms();
    /* Each of the stranger's datagrams wakes the wait; the call drops it and waits on. */
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    took = now_ms() - start_ms;
    cr_expect_geq(took, 390, "not before the timeout: %ld ms", took);
    cr_expect_lt(took, 1500, "the timeout counts from the call's start, not from the last wake: %ld ms", took);
    join_bounded(thread, "the stranger");
    nsapi_udp_socket_close(&s);
    close(st.fd);
    close(peer);
}

Test(posix_blocking, a_sigio_given_before_the_open_gets_events)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t at, any = {{NSAPI_UNSPEC, {0}}, 0};
    int sender = kernel_socket(SOCK_DGRAM, &at);

    signal_reset();
    cr_assert_eq(nsapi_udp_socket_sigio(&s, signal_raise, NULL), NSAPI_ERROR_OK); /* on the closed socket */
    cr_assert_eq(nsapi_udp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    nsapi_udp_socket_set_blocking(&s, false);
    nsapi_socket_address_set_ip_address(&any, "127.0.0.1");
    cr_assert_eq(nsapi_udp_socket_bind(&s, &any), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_sendto(&s, &at, "hi", 2), 2);
    {
        struct sockaddr_in from;
        socklen_t length = sizeof from;
        char buf[4];

        cr_assert_eq(recvfrom(sender, buf, sizeof buf, 0, (struct sockaddr *)&from, &length), 2);
        nsapi_socket_address_set_port(&any, ntohs(from.sin_port));
    }
    signal_reset(); /* what the send may have signalled */
    kernel_send_to(sender, &any);
    cr_expect(signal_wait(BOUND_MS), "the datagram is signalled");
    nsapi_udp_socket_close(&s);
    close(sender);
}

Test(posix_blocking, a_sigio_given_again_hears_of_what_came_while_there_was_none)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t at;
    int peer;
    char buf[4];

    open_connected(&s, &peer, &at);
    cr_assert_eq(nsapi_udp_socket_sigio(&s, signal_raise, NULL), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_sigio(&s, NULL, NULL), NSAPI_ERROR_OK);
    {
        struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(at.port)};

        memcpy(&to.sin_addr, at.addr.bytes, 4);
        cr_assert_eq(sendto(peer, "x", 1, 0, (struct sockaddr *)&to, sizeof to), 1);
    }
    sleep_ms(100); /* it is there, and no event thread watched the socket */
    signal_reset();
    cr_assert_eq(nsapi_udp_socket_sigio(&s, signal_raise, NULL), NSAPI_ERROR_OK);
    cr_expect(signal_wait(BOUND_MS), "the datagram that came meanwhile is signalled");
    nsapi_udp_socket_set_blocking(&s, false);
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), 1, "and is there");
    nsapi_udp_socket_sigio(&s, NULL, NULL);
    nsapi_udp_socket_close(&s);
    close(peer);
}

struct other_call {
    nsapi_tcp_server_t *server;
    nsapi_tcp_socket_t *client;
    nsapi_udp_socket_t *udp;
    const nsapi_socket_address_t *to;
    nsapi_size_or_error_t result;
};

static void *blocked_other_call(void *arg)
{
    struct other_call *c = arg;
    nsapi_tcp_socket_t accepted = {0};
    char buf[4];

    if (c->server != NULL) {
        c->result = nsapi_tcp_server_accept(c->server, &accepted, NULL);
    } else if (c->client != NULL) {
        c->result = nsapi_tcp_socket_connect(c->client, c->to);
    } else {
        c->result = nsapi_udp_socket_recv(c->udp, buf, sizeof buf);
    }
    return NULL;
}

/* Start c in a thread, let it block, close what it blocks on with close_it, and see it return NO_SOCKET. */
static void expect_close_wakes(struct other_call *c, void (*close_it)(struct other_call *), const char *what)
{
    pthread_t thread;
    long start_ms;

    cr_assert_eq(pthread_create(&thread, NULL, blocked_other_call, c), 0);
    sleep_ms(150); /* in its wait */
    start_ms = now_ms();
    close_it(c);
    join_bounded(thread, what);
    cr_expect_eq(c->result, NSAPI_ERROR_NO_SOCKET, "%s: %s", what, nsapi_error_name(c->result));
    cr_expect_lt(now_ms() - start_ms, 1000, "close woke %s at once", what);
}

static void close_server(struct other_call *c)
{
    cr_expect_eq(nsapi_tcp_server_close(c->server), NSAPI_ERROR_OK);
}

static void close_client(struct other_call *c)
{
    cr_expect_eq(nsapi_tcp_socket_close(c->client), NSAPI_ERROR_OK);
}

static void close_udp(struct other_call *c)
{
    cr_expect_eq(nsapi_udp_socket_close(c->udp), NSAPI_ERROR_OK);
}

Test(posix_blocking, close_wakes_a_blocked_accept_connect_and_datagram_recv)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0};
    nsapi_udp_socket_t udp = {0};
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0}, full, any = {{NSAPI_UNSPEC, {0}}, 0};
    struct other_call accept_call = {&server, NULL, NULL, NULL, 1};
    struct other_call connect_call = {NULL, &client, NULL, &full, 1};
    struct other_call recv_call = {NULL, NULL, &udp, NULL, 1};
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int listener = kernel_socket(SOCK_STREAM, &full), queued = socket(AF_INET, SOCK_STREAM, 0);

    nsapi_socket_address_set_ip_address(&at, "127.0.0.1");
    nsapi_socket_address_set_port(&at, 0);
    cr_assert_eq(nsapi_tcp_server_open(&server, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(&server, &at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(&server, 1), NSAPI_ERROR_OK);
    expect_close_wakes(&accept_call, close_server, "the accept");

    /* A listener whose queue is full drops SYNs: a connect to it stays under way. */
    cr_assert_eq(listen(listener, 0), 0);
    in.sin_port = htons(full.port);
    cr_assert_geq(queued, 0);
    cr_assert_eq(connect(queued, (struct sockaddr *)&in, sizeof in), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&client, &stack), NSAPI_ERROR_OK);
    expect_close_wakes(&connect_call, close_client, "the connect");

    cr_assert_eq(nsapi_udp_socket_open(&udp, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_udp_socket_bind(&udp, &any), NSAPI_ERROR_OK); /* unconnected for the kernel */
    expect_close_wakes(&recv_call, close_udp, "the datagram recv");
    cr_expect_eq(nsapi_posix_open_sockets(&stack), 0);
    close(queued);
    close(listener);
}

Test(posix_blocking, a_receiver_that_waits_first_keeps_its_timeout_and_takes_what_is_there)
{
    nsapi_udp_socket_t s = {0};
    nsapi_socket_address_t at;
    struct sockaddr_in to = {.sin_family = AF_INET};
    int peer;
    char buf[8];
    long start_ms, took;

    open_connected(&s, &peer, &at);
    to.sin_port = htons(at.port);
    memcpy(&to.sin_addr, at.addr.bytes, 4);
    nsapi_udp_socket_set_timeout(&s, 300);
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK, "nothing came");
    /* This one waits before it tries: the wait and the attempt after it share one timeout. */
    start_ms = now_ms();
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK, "nothing came again");
    took = now_ms() - start_ms;
    cr_expect_geq(took, 290, "not before the timeout: %ld ms", took);
    cr_expect_lt(took, 550, "one timeout, not one for the wait and one for the attempt: %ld ms", took);
    cr_assert_eq(sendto(peer, "x", 1, 0, (struct sockaddr *)&to, sizeof to), 1);
    sleep_ms(50); /* there before the call */
    start_ms = now_ms();
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), 1, "what is there is taken");
    cr_expect_lt(now_ms() - start_ms, 100, "at once");
    nsapi_udp_socket_set_blocking(&s, false);
    cr_expect_eq(nsapi_udp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK, "non-blocking never waits");
    nsapi_udp_socket_close(&s);
    close(peer);
}

/* Connect s to a kernel listener, block a recv on it, end the peer (resetting it or not), and return
 * what the recv said. */
static nsapi_size_or_error_t recv_across_peer_end(nsapi_tcp_socket_t *s, bool reset)
{
    nsapi_socket_address_t at;
    int listener = kernel_socket(SOCK_STREAM, &at), peer;
    struct blocked_recv r = {s, 1};
    struct linger abort_it = {1, 0};
    pthread_t thread;

    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_tcp_socket_open(s, &stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(s, BOUND_MS);
    cr_assert_eq(nsapi_tcp_socket_connect(s, &at), NSAPI_ERROR_OK);
    peer = accept(listener, NULL, NULL);
    cr_assert_geq(peer, 0);
    cr_assert_eq(pthread_create(&thread, NULL, blocked_recv, &r), 0);
    sleep_ms(100); /* in its wait */
    if (reset) {
        cr_assert_eq(setsockopt(peer, SOL_SOCKET, SO_LINGER, &abort_it, sizeof abort_it), 0);
    }
    close(peer);
    join_bounded(thread, "the recv");
    close(listener);
    return r.result;
}

Test(posix_blocking, after_a_wait_a_close_reads_0_and_a_reset_an_error_every_time)
{
    nsapi_tcp_socket_t s = {0};
    char buf[4];

    cr_expect_eq(recv_across_peer_end(&s, false), 0, "the peer's close");
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), 0, "and again");
    nsapi_tcp_socket_close(&s);
    cr_expect_eq(recv_across_peer_end(&s, true), NSAPI_ERROR_NO_CONNECTION, "the peer's reset");
    cr_expect_eq(nsapi_tcp_socket_recv(&s, buf, sizeof buf), NSAPI_ERROR_NO_CONNECTION, "and again");
    nsapi_tcp_socket_close(&s);
}

/* ---- calls that block in the kernel's own call (socket_block) ---------------------------------- */

static void no_restart(int sig)
{
    (void)sig; /* installed without SA_RESTART: a blocked call returns EINTR */
}

struct interrupted {
    nsapi_udp_socket_t *udp;
    nsapi_tcp_socket_t *tcp;
    nsapi_tcp_server_t *server;
    nsapi_size_or_error_t result;
};

static void *interrupted_call(void *arg)
{
    struct interrupted *c = arg;
    nsapi_tcp_socket_t accepted = {0};
    char buf[4];

    if (c->udp != NULL) {
        c->result = nsapi_udp_socket_recv(c->udp, buf, sizeof buf);
    } else if (c->tcp != NULL) {
        c->result = nsapi_tcp_socket_recv(c->tcp, buf, sizeof buf);
    } else {
        c->result = nsapi_tcp_server_accept(c->server, &accepted, NULL);
        if (c->result == NSAPI_ERROR_OK) {
            nsapi_tcp_socket_close(&accepted);
        }
    }
    return NULL;
}

/* Signal the thread blocked in c a few times, then let what it waits for come (come(arg)); the call
 * must have gone on waiting through the signals and return what came. */
static void expect_signals_ignored(struct interrupted *c, void (*come)(void *), void *arg, const char *what)
{
    struct sigaction action = {.sa_handler = no_restart}, old;
    pthread_t thread;
    int i;

    sigemptyset(&action.sa_mask);
    cr_assert_eq(sigaction(SIGUSR1, &action, &old), 0);
    cr_assert_eq(pthread_create(&thread, NULL, interrupted_call, c), 0);
    for (i = 0; i < 3; i++) {
        sleep_ms(50); /* in the kernel's call */
        cr_assert_eq(pthread_kill(thread, SIGUSR1), 0);
    }
    sleep_ms(50);
    come(arg);
    join_bounded(thread, what);
    cr_assert_eq(sigaction(SIGUSR1, &old, NULL), 0);
    cr_expect_geq(c->result, 0, "%s through the signals: %s", what, nsapi_error_name(c->result));
}

struct datagram_to {
    int fd;
    struct sockaddr_in to;
};

static void send_datagram(void *arg)
{
    struct datagram_to *d = arg;

    cr_assert_eq(sendto(d->fd, "x", 1, 0, (struct sockaddr *)&d->to, sizeof d->to), 1);
}

static void send_byte(void *arg)
{
    cr_assert_eq(send(*(int *)arg, "x", 1, 0), 1);
}

static void connect_to(void *arg)
{
    const nsapi_socket_address_t *at = arg;
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(at->port)};
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    memcpy(&in.sin_addr, at->addr.bytes, 4);
    cr_assert_eq(connect(fd, (struct sockaddr *)&in, sizeof in), 0);
    sleep_ms(50); /* accepted before it goes */
    close(fd);
}

/* Open server listening on 127.0.0.1, on a port the kernel just gave another socket; its address in *at. */
static void listen_free_port(nsapi_tcp_server_t *server, nsapi_socket_address_t *at)
{
    close(kernel_socket(SOCK_STREAM, at));
    cr_assert_eq(nsapi_tcp_server_open(server, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_bind(server, at), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_server_listen(server, 4), NSAPI_ERROR_OK);
}

Test(posix_blocking, a_signal_does_not_end_a_blocked_recv_or_accept)
{
    nsapi_udp_socket_t udp = {0};
    nsapi_tcp_socket_t tcp = {0};
    nsapi_tcp_server_t server = {0};
    nsapi_socket_address_t at, udp_at;
    struct datagram_to d = {.to = {.sin_family = AF_INET}};
    struct interrupted udp_call = {&udp, NULL, NULL, -1}, tcp_call = {NULL, &tcp, NULL, -1};
    struct interrupted accept_call = {NULL, NULL, &server, -1};
    int listener = kernel_socket(SOCK_STREAM, &at), peer;

    open_connected(&udp, &d.fd, &udp_at);
    d.to.sin_port = htons(udp_at.port);
    memcpy(&d.to.sin_addr, udp_at.addr.bytes, 4);
    expect_signals_ignored(&udp_call, send_datagram, &d, "a datagram recv");
    nsapi_udp_socket_close(&udp);
    close(d.fd);

    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&tcp, &stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_tcp_socket_connect(&tcp, &at), NSAPI_ERROR_OK);
    peer = accept(listener, NULL, NULL);
    cr_assert_geq(peer, 0);
    expect_signals_ignored(&tcp_call, send_byte, &peer, "a stream recv");
    nsapi_tcp_socket_close(&tcp);
    close(peer);
    close(listener);

    listen_free_port(&server, &at);
    expect_signals_ignored(&accept_call, connect_to, &at, "an accept");
    nsapi_tcp_server_close(&server);
}

/* How long call took, in ms. */
#define TIMED(took, call) \
    do { \
        long t0_ = now_ms(); \
        call; \
        (took) = now_ms() - t0_; \
    } while (0)

Test(posix_blocking, each_call_keeps_its_own_timeout_in_the_kernel)
{
    nsapi_tcp_server_t server = {0};
    nsapi_tcp_socket_t client = {0};
    nsapi_udp_socket_t udp = {0};
    nsapi_socket_address_t at, full;
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    struct interrupted recv_call = {&udp, NULL, NULL, -1};
    struct datagram_to d = {.to = {.sin_family = AF_INET}};
    int listener = kernel_socket(SOCK_STREAM, &full), queued = socket(AF_INET, SOCK_STREAM, 0);
    nsapi_error_t err;
    pthread_t thread;
    char buf[4];
    long took;

    listen_free_port(&server, &at);
    nsapi_tcp_server_set_timeout(&server, 300);
    TIMED(took, err = nsapi_tcp_server_accept(&server, &client, NULL));
    cr_expect_eq(err, NSAPI_ERROR_WOULD_BLOCK, "%s", nsapi_error_name(err));
    cr_expect(took >= 290 && took < 1000, "an accept of 300 ms: %ld ms", took);
    nsapi_tcp_server_set_timeout(&server, 100);
    TIMED(took, err = nsapi_tcp_server_accept(&server, &client, NULL));
    cr_expect(err == NSAPI_ERROR_WOULD_BLOCK && took >= 90 && took < 290, "then of 100 ms: %ld ms", took);
    nsapi_tcp_server_set_blocking(&server, false);
    TIMED(took, err = nsapi_tcp_server_accept(&server, &client, NULL));
    cr_expect(err == NSAPI_ERROR_WOULD_BLOCK && took < 50, "then not at all: %ld ms", took);
    nsapi_tcp_server_close(&server);

    /* A listener whose queue is full drops SYNs: a connect to it stays under way. */
    cr_assert_eq(listen(listener, 0), 0);
    in.sin_port = htons(full.port);
    cr_assert_eq(connect(queued, (struct sockaddr *)&in, sizeof in), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&client, &stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_timeout(&client, 300);
    TIMED(took, err = nsapi_tcp_socket_connect(&client, &full));
    cr_expect(err == NSAPI_ERROR_WOULD_BLOCK && took >= 290 && took < 1000, "a connect of 300 ms: %s, %ld ms",
              nsapi_error_name(err), took);
    nsapi_tcp_socket_set_timeout(&client, 100);
    TIMED(took, err = nsapi_tcp_socket_connect(&client, &full));
    cr_expect(err == NSAPI_ERROR_WOULD_BLOCK && took >= 90 && took < 290, "then of 100 ms: %s, %ld ms",
              nsapi_error_name(err), took);
    nsapi_tcp_socket_set_blocking(&client, false);
    TIMED(took, err = nsapi_tcp_socket_connect(&client, &full));
    cr_expect(err == NSAPI_ERROR_ALREADY && took < 50, "then not at all: %s, %ld ms", nsapi_error_name(err), took);
    nsapi_tcp_socket_close(&client);
    close(queued);
    close(listener);

    /* After a call with a timeout, one without: it waits past the old one. */
    open_connected(&udp, &d.fd, &at);
    d.to.sin_port = htons(at.port);
    memcpy(&d.to.sin_addr, at.addr.bytes, 4);
    nsapi_udp_socket_set_timeout(&udp, 100);
    cr_expect_eq(nsapi_udp_socket_recv(&udp, buf, sizeof buf), NSAPI_ERROR_WOULD_BLOCK);
    nsapi_udp_socket_set_blocking(&udp, true);
    cr_assert_eq(pthread_create(&thread, NULL, interrupted_call, &recv_call), 0);
    sleep_ms(400);
    send_datagram(&d);
    join_bounded(thread, "the recv without a timeout");
    cr_expect_eq(recv_call.result, 1, "waited for the datagram: %s", nsapi_error_name(recv_call.result));
    nsapi_udp_socket_close(&udp);
    close(d.fd);
}

struct connecting {
    nsapi_tcp_socket_t *client;
    const nsapi_socket_address_t *to;
    nsapi_error_t result;
};

static void *connect_call(void *arg)
{
    struct connecting *c = arg;

    c->result = nsapi_tcp_socket_connect(c->client, c->to);
    return NULL;
}

Test(posix_blocking, a_blocking_recv_after_a_non_blocking_connect_waits)
{
    nsapi_tcp_socket_t s = {0};
    nsapi_socket_address_t at;
    struct interrupted recv_call = {NULL, &s, NULL, -1};
    int listener = kernel_socket(SOCK_STREAM, &at), peer;
    nsapi_error_t err = NSAPI_ERROR_IN_PROGRESS;
    pthread_t thread;
    int i;

    cr_assert_eq(listen(listener, 1), 0);
    cr_assert_eq(nsapi_tcp_socket_open(&s, &stack), NSAPI_ERROR_OK);
    nsapi_tcp_socket_set_blocking(&s, false);
    for (i = 0; i < 100 && err != NSAPI_ERROR_IS_CONNECTED; i++) {
        err = nsapi_tcp_socket_connect(&s, &at);
        sleep_ms(10);
    }
    cr_assert_eq(err, NSAPI_ERROR_IS_CONNECTED, "%s", nsapi_error_name(err));
    peer = accept(listener, NULL, NULL);
    cr_assert_geq(peer, 0);
    nsapi_tcp_socket_set_blocking(&s, true);
    cr_assert_eq(pthread_create(&thread, NULL, interrupted_call, &recv_call), 0);
    sleep_ms(200);
    send_byte(&peer);
    join_bounded(thread, "the recv");
    cr_expect_eq(recv_call.result, 1, "waited for the byte: %s", nsapi_error_name(recv_call.result));
    cr_expect_eq(nsapi_tcp_socket_send(&s, "y", 1), 1, "and a blocking send goes");
    nsapi_tcp_socket_close(&s);
    close(peer);
    close(listener);
}

Test(posix_blocking, close_stops_a_connect_however_close_it_comes_to_its_start)
{
    nsapi_socket_address_t full;
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int listener = kernel_socket(SOCK_STREAM, &full), queued = socket(AF_INET, SOCK_STREAM, 0);
    long start_ms = now_ms();
    int i;

    cr_assert_eq(listen(listener, 0), 0);
    in.sin_port = htons(full.port);
    cr_assert_eq(connect(queued, (struct sockaddr *)&in, sizeof in), 0);
    /* Closes from 0 to 99 µs after the connect's thread starts: some before the kernel's connect, some in it. */
    for (i = 0; i < 100 && now_ms() - start_ms < 10000; i++) {
        nsapi_tcp_socket_t client = {0};
        struct connecting c = {&client, &full, 1};
        struct timespec pause = {0, i * 1000L};
        pthread_t thread;

        cr_assert_eq(nsapi_tcp_socket_open(&client, &stack), NSAPI_ERROR_OK);
        cr_assert_eq(pthread_create(&thread, NULL, connect_call, &c), 0);
        nanosleep(&pause, NULL);
        cr_expect_eq(nsapi_tcp_socket_close(&client), NSAPI_ERROR_OK);
        join_bounded(thread, "the connect");
        cr_expect(c.result == NSAPI_ERROR_NO_SOCKET || c.result == NSAPI_ERROR_OK, "%s", nsapi_error_name(c.result));
    }
    cr_expect_eq(nsapi_posix_open_sockets(&stack), 0);
    close(queued);
    close(listener);
}
