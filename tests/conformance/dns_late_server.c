#define _GNU_SOURCE

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "dns_late_server.h"
#include "dns_message.h"

#define LIFETIME_MS 10000

static struct {
    pthread_t thread;
    bool running;
    pthread_mutex_t lock;
    int fd, answer_after;
    struct in_addr answer;
    bool stop;
    long started;
    struct dns_late_report report;
    uint8_t first[DNS_MESSAGE_MAX];
    size_t first_length;
    struct sockaddr_in first_from;
} late = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* The length of query's header and question (any additional record, as EDNS's, left out); 0 if malformed. */
static size_t question_end(const uint8_t *query, size_t length)
{
    size_t at = 12;

    while (at < length && query[at] != 0 && query[at] < 64) {
        at += 1u + query[at];
    }
    return at < length && query[at] == 0 && at + 5 <= length ? at + 5 : 0;
}

/* Answer the first query heard: its header and question, then one A record pointing at the question's name. */
static void answer_first(void)
{
    static const uint8_t record[] = {0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4};
    uint8_t reply[DNS_MESSAGE_MAX];
    size_t length = question_end(late.first, late.first_length);

    if (length == 0 || length + sizeof record + 4 > sizeof reply) {
        return;
    }
    memcpy(reply, late.first, length);
    reply[2] = (uint8_t)(0x80 | (reply[2] & 0x79)); /* a response, the opcode and RD kept */
    reply[3] = 0x80;                                 /* recursion available, NOERROR */
    memcpy(reply + 6, "\0\1\0\0\0\0", 6);           /* one answer, no other record */
    memcpy(reply + length, record, sizeof record);
    memcpy(reply + length + sizeof record, &late.answer, 4);
    sendto(late.fd, reply, length + sizeof record + 4, 0, (struct sockaddr *)&late.first_from, sizeof late.first_from);
}

/* Record one query; answer the first once enough have come. */
static void heard(const uint8_t *query, size_t length, const struct sockaddr_in *from)
{
    struct dns_late_report *r = &late.report;

    if (r->queries == 0) {
        memcpy(late.first, query, length);
        late.first_length = length;
        late.first_from = *from;
        late.started = now_ms();
    } else {
        r->same_query &= length == late.first_length && memcmp(query, late.first, length) == 0;
    }
    if (r->queries < DNS_LATE_SERVER_MAX) {
        r->at_ms[r->queries] = now_ms() - late.started;
    }
    if (++r->queries == late.answer_after) {
        answer_first();
    }
}

static bool stopping(void)
{
    bool stop;

    pthread_mutex_lock(&late.lock);
    stop = late.stop;
    pthread_mutex_unlock(&late.lock);
    return stop;
}

static void *serve(void *unused)
{
    long until = now_ms() + LIFETIME_MS;
    struct pollfd p = {.fd = late.fd, .events = POLLIN};

    (void)unused;
    while (!stopping() && now_ms() < until) {
        uint8_t query[DNS_MESSAGE_MAX];
        struct sockaddr_in from;
        socklen_t size = sizeof from;
        ssize_t n;

        if (poll(&p, 1, 50) != 1) {
            continue;
        }
        n = recvfrom(late.fd, query, sizeof query, 0, (struct sockaddr *)&from, &size);
        if (n > 12) {
            heard(query, (size_t)n, &from);
        }
    }
    return NULL;
}

void dns_late_server_start(const char *address, unsigned port, int queries, const char *answer_ip)
{
    struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};

    memset(&late.report, 0, sizeof late.report);
    late.report.same_query = true;
    late.answer_after = queries;
    late.stop = false;
    cr_assert_eq(inet_pton(AF_INET, address, &at.sin_addr), 1);
    cr_assert_eq(inet_pton(AF_INET, answer_ip, &late.answer), 1);
    late.fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    cr_assert_geq(late.fd, 0);
    cr_assert_eq(bind(late.fd, (struct sockaddr *)&at, sizeof at), 0, "bind %s port %u", address, port);
    cr_assert_eq(pthread_create(&late.thread, NULL, serve, NULL), 0);
    late.running = true;
}

void dns_late_server_stop(struct dns_late_report *report)
{
    if (!late.running) {
        return;
    }
    late.running = false;
    pthread_mutex_lock(&late.lock);
    late.stop = true;
    pthread_mutex_unlock(&late.lock);
    pthread_join(late.thread, NULL);
    close(late.fd);
    if (report != NULL) {
        *report = late.report;
    }
}
