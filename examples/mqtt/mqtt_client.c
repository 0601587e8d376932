/*
 * An MQTT 3.1.1 client: connect to a broker (clean session, a keep-alive),
 * subscribe to a topic, publish a message to it if asked (at QoS 0, or at
 * QoS 1 and wait for its PUBACK), print every message the broker delivers
 * (answering those at QoS 1 with a PUBACK), send a PINGREQ whenever nothing
 * was sent for the keep-alive interval, and disconnect after COUNT messages.
 *
 * usage: mqtt_client [--interface SPEC] [INTERFACE OPTIONS] [--cacert FILE] BROKER TOPIC
 *                    [--publish MESSAGE] [--qos 0|1] [--count N] [--keepalive SECONDS] [--time SECONDS]
 *   BROKER          HOST[:PORT] or mqtts://HOST[:PORT]: HOST a name or an address ([v6] in
 *                   brackets); PORT 1883 unless given
 *   mqtts://        MQTT over TLS (a TLSSocket over the TCP socket), PORT 8883 unless given: the
 *                   broker's certificate must chain to --cacert (a PEM file or a directory, default
 *                   /etc/ssl/certs) and name HOST; mqtt:// is the plain default
 *   TOPIC           subscribed to at QoS 1 (the broker may grant 0); published to with --publish
 *                   (so + and # only with no --publish, each filling a whole level, # the last)
 *   --qos           the QoS of the message --publish sends (0 unless given)
 *   --count         messages to receive before disconnecting (1 unless given; 0: publish only)
 *   --keepalive     60 s unless given, 0 for none; each PINGRESP must come within that interval
 *   --time          how long the whole exchange may take (60 s unless given): every wait (connect,
 *                   each send, each packet) ends by then; only a name lookup may overrun it, by at
 *                   most its own 3 s for each --dns server
 * The client id is "nsapi" and the process id.  A packet carries at most 4096 bytes after its
 * fixed header, either way; a bigger one from the broker is an error, and so is any packet 3.1.1
 * has no place for here: a PUBREL, a second CONNACK, a PINGRESP when no PINGREQ awaits one.
 * Prints each step; exits 0 after a clean DISCONNECT, 1 on any error (a refusal with its
 * meaning), 2 on bad usage.
 *
 * The packets' bytes are mqtt_codec.c's (encoded, decoded, checked); this file is the command line,
 * the socket loop and what it prints.
 */
#define _POSIX_C_SOURCE 200809L /* getpid */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/link.h"
#include "common/net_io.h"
#include "common/url.h"
#include "common/usage.h"
#include "mqtt_codec.h"

#define PACKET_MAX 4096      /* the largest remaining length sent or taken: one static buffer each way */
#define IO_TIMEOUT_MS 10000  /* for connect, each send, the CONNACK, a packet's rest: if --time has that long */
#define DRAIN_MS 2000        /* after DISCONNECT, how long to wait for the broker to close */
#define SHOW_MAX 200         /* bytes of a message printed */
#define SUBSCRIBE_ID 1       /* our packet ids (never 0) */
#define PUBLISH_ID 2

struct options {
    char host[NSAPI_DNS_NAME_SIZE];
    unsigned port, qos, count, keepalive, seconds;
    int secure;                /* mqtts:// */
    const char *cacert;
    const char *topic, *message;
};

/* One connection to the broker, and what has happened on it. */
struct session {
    struct example_link link;  /* TCP, or TLS over it */
    const struct options *options;
    long long deadline;        /* for the whole exchange (times are example_now_ms() milliseconds) */
    long long last_sent;       /* the keep-alive interval counts from the last packet we sent */
    long long pong_due;        /* when the PINGRESP to our PINGREQ is late; 0 when none is awaited */
    int subscribed;
    unsigned awaiting_puback;  /* the id of our QoS 1 PUBLISH until its PUBACK comes; 0 when none */
    unsigned received;
    unsigned char in[PACKET_MAX];       /* an incoming packet's body */
    unsigned char out[MQTT_HEADER_MAX + PACKET_MAX]; /* an outgoing packet */
};

enum goal { UNTIL_SUBACK, UNTIL_PUBACK, UNTIL_COUNT };

static long long earlier(long long a, long long b)
{
    return a < b ? a : b;
}

/* When one step begun now (a connect, a send, the CONNACK, the rest of a packet) must end:
 * IO_TIMEOUT_MS on, or at the deadline of the whole exchange if that comes first. */
static long long step_end(const struct session *s)
{
    return earlier(example_now_ms() + IO_TIMEOUT_MS, s->deadline);
}

/* End a message with how long a wait from begun to until was allowed ("within 2.0 s"), and whether
 * --time is what cut it short.  (None at all when a slow name lookup used up --time.) */
static void print_wait(const struct session *s, long long begun, long long until)
{
    fprintf(stderr, " within %.1f s%s\n", (double)(until > begun ? until - begun : 0) / 1000,
            until == s->deadline ? " (the end of --time)" : "");
}

static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--cacert FILE] BROKER TOPIC [--publish MESSAGE] [--qos 0|1] "
                         "[--count N] [--keepalive SECONDS] [--time SECONDS]",
                         "  BROKER                 HOST[:PORT], or mqtts://HOST[:PORT] over TLS: a name or an\n"
                         "                         address ([v6] in brackets), PORT 1883 (mqtts: 8883) unless given\n"
                         "  --cacert FILE          the authorities an mqtts broker's certificate must chain to:\n"
                         "                         a PEM file or a directory (default /etc/ssl/certs)\n"
                         "  TOPIC                  subscribed to at QoS 1 (the broker may grant 0), published to\n"
                         "                         with --publish (so + and # only without --publish)\n"
                         "  --publish MESSAGE      publish MESSAGE to TOPIC once subscribed (default: none)\n"
                         "  --qos 0|1              the QoS --publish sends at (default 0)\n"
                         "  --count N              messages to receive, then disconnect, 0 to 1000000\n"
                         "                         (default 1; 0: publish only)\n"
                         "  --keepalive SECONDS    the keep-alive interval, 0 to 65535 (default 60; 0: none)\n"
                         "  --time SECONDS         how long the whole exchange may take, 1 to 86400 (default 60)\n",
                         help);
}

/* Print bytes as text: printable ASCII as is, other bytes (and \) as \xNN; at most SHOW_MAX of them. */
static void show(const unsigned char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n && i < SHOW_MAX; i++) {
        if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\') {
            putchar(p[i]);
        } else {
            printf("\\x%02x", p[i]);
        }
    }
    if (n > SHOW_MAX) {
        printf("... (%zu bytes)", n);
    }
}

/* Send the packet of size bytes an encoder wrote at s->out, within one step's time: 0, or 1 with a message.
 * Size 0: it did not fit (check_topic() keeps that from happening). */
static int send_packet(struct session *s, size_t size)
{
    long long begun = example_now_ms(), until = step_end(s);
    nsapi_error_t err;

    if (size == 0) {
        fprintf(stderr, "a packet over %d bytes\n", PACKET_MAX);
        return 1;
    }
    err = example_link_send_all(&s->link, s->out, size, until);
    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        fprintf(stderr, "send: a packet of %zu bytes did not go out", size);
        print_wait(s, begun, until);
        return 1;
    }
    if (err != NSAPI_ERROR_OK) {
        return example_fail("send", err);
    }
    s->last_sent = example_now_ms();
    return 0;
}

/* Exactly size bytes of a packet begun at begun, before until: 0, or -1 with a message. */
static int recv_rest(struct session *s, unsigned char *buf, size_t size, long long begun, long long until)
{
    size_t got;
    nsapi_error_t err = example_link_recv_exact(&s->link, buf, size, until, &got);

    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        fprintf(stderr, "a packet cut short: its rest did not come");
        print_wait(s, begun, until);
        return -1;
    }
    if (err != NSAPI_ERROR_OK) {
        example_fail("recv", err);
        return -1;
    }
    if (got < size) {
        fprintf(stderr, "the broker closed the connection in the middle of a packet\n");
        return -1;
    }
    return 0;
}

/*
 * The next packet, if its first byte comes before the time until: 1, its body in s->in; 0 when
 * nothing came; -1 (with a message) on an error, a close, a malformed length or a packet too big.
 */
static int read_packet(struct session *s, long long until, unsigned *type, unsigned *flags, size_t *length)
{
    long long begun;
    unsigned char head[MQTT_HEADER_MAX]; /* the first byte, then the remaining length's 1 to 4 */
    unsigned long n;
    int have = 0, size = 0;
    nsapi_size_or_error_t got = example_link_recv_by(&s->link, head, 1, until);

    if (got == NSAPI_ERROR_WOULD_BLOCK) {
        return 0;
    }
    if (got <= 0) {
        if (got == 0) {
            fprintf(stderr, "the broker closed the connection\n");
        } else {
            example_fail("recv", got);
        }
        return -1;
    }
    begun = example_now_ms();
    until = step_end(s); /* the rest of a packet comes promptly */
    while (size == 0) { /* at most 4 turns: mqtt_decode_length says -1 at the 4th byte if not done */
        if (recv_rest(s, head + 1 + have, 1, begun, until) != 0) {
            return -1;
        }
        size = mqtt_decode_length(head + 1, (size_t)++have, &n);
    }
    *type = head[0] >> 4;
    *flags = head[0] & 15;
    if (size < 0) {
        fprintf(stderr, "a malformed %s: its remaining length goes on past 4 bytes\n", mqtt_type_name(*type));
        return -1;
    }
    if (n > PACKET_MAX) {
        fprintf(stderr, "the broker sent a %s of %lu bytes; this client takes at most %d\n", mqtt_type_name(*type), n,
                PACKET_MAX);
        return -1;
    }
    *length = n;
    return recv_rest(s, s->in, n, begun, until) == 0 ? 1 : -1;
}

/* CONNECT, then the CONNACK, which must come first: 0, or 1 with a message. */
static int mqtt_connect(struct session *s)
{
    char id[24];
    unsigned type, flags, code;
    size_t length;
    long long begun, until;
    int got;

    snprintf(id, sizeof id, "nsapi%ld", (long)getpid()); /* letters and digits: any broker takes those */
    if (send_packet(s, mqtt_encode_connect(s->out, sizeof s->out, id, s->options->keepalive)) != 0) {
        return 1;
    }
    begun = example_now_ms();
    until = step_end(s);
    got = read_packet(s, until, &type, &flags, &length);
    if (got == 0) {
        fprintf(stderr, "no CONNACK from the broker");
        print_wait(s, begun, until);
    }
    if (got <= 0) {
        return 1;
    }
    if (type != MQTT_CONNACK) {
        fprintf(stderr, "expected a CONNACK first, got a %s (%zu bytes)\n", mqtt_type_name(type), length);
        return 1;
    }
    if (mqtt_decode_connack(flags, s->in, length, &code) != 0) { /* no session kept: a clean one */
        fprintf(stderr, "a malformed CONNACK (flags %u, %zu bytes): not 2 bytes with no session present\n", flags,
                length);
        return 1;
    }
    if (code != 0) {
        fprintf(stderr, "the broker refused the connection: return code %u (%s)\n", code, mqtt_refusal(code));
        return 1;
    }
    printf("connected as %s (clean session, keep-alive %u s)\n", id, s->options->keepalive);
    return 0;
}

static int on_publish(struct session *s, unsigned flags, size_t length)
{
    struct mqtt_publish m;
    const char *fault = mqtt_decode_publish(flags, s->in, length, &m);

    if (fault != NULL) {
        fprintf(stderr, "a malformed PUBLISH (%zu bytes, qos %u): %s\n", length, m.qos, fault);
        return -1;
    }
    if (m.qos == 2) {
        fprintf(stderr, "a PUBLISH at qos 2: above the qos 1 subscribed to\n");
        return -1;
    }
    printf("received on ");
    show(m.topic, m.topic_length);
    printf(" (qos %u%s): ", m.qos, m.retain ? ", retained" : "");
    show(m.payload, m.payload_length);
    printf("\n");
    s->received++;
    if (m.qos == 1) { /* at least once: the broker sends it again until we answer */
        return send_packet(s, mqtt_encode_puback(s->out, sizeof s->out, m.id)) == 0 ? 0 : -1;
    }
    return 0;
}

static int on_suback(struct session *s, size_t length)
{
    unsigned code, id;

    if (mqtt_decode_suback(s->in, length, &id, &code) != 0 || id != SUBSCRIBE_ID || s->subscribed) {
        fprintf(stderr, "a SUBACK of %zu bytes for packet %u, while %s\n", length, id,
                s->subscribed ? "already subscribed" : "awaiting one of 3 bytes for packet 1");
        return -1;
    }
    if (code == 0x80) {
        fprintf(stderr, "the broker refused the subscription to %s (SUBACK 0x80: not allowed or not valid)\n",
                s->options->topic);
        return -1;
    }
    if (code > 1) {
        fprintf(stderr, "a SUBACK return code 0x%02x: neither a qos up to the 1 asked for nor 0x80\n", code);
        return -1;
    }
    printf("subscribed to %s (granted qos %u)\n", s->options->topic, code);
    s->subscribed = 1;
    return 0;
}

static int on_puback(struct session *s, size_t length)
{
    unsigned id;

    if (mqtt_decode_puback(s->in, length, &id) != 0 || s->awaiting_puback == 0 || id != s->awaiting_puback) {
        fprintf(stderr, "a PUBACK of %zu bytes for packet %u, while awaiting one for packet %u (0: none)\n",
                length, id, s->awaiting_puback);
        return -1;
    }
    printf("PUBACK for packet %u\n", id);
    s->awaiting_puback = 0;
    return 0;
}

/* One packet from the broker once connected: 0, or -1 with a message.  Its type first, so that a
 * packet with no place here is named for what it is, not for flags meant for another type. */
static int handle(struct session *s, unsigned type, unsigned flags, size_t length)
{
    if (type != MQTT_PUBLISH && type != MQTT_SUBACK && type != MQTT_PUBACK
        && !(type == MQTT_PINGRESP && s->pong_due != 0)) {
        fprintf(stderr, "an unexpected %s (%zu bytes) from the broker%s\n", mqtt_type_name(type), length,
                type == MQTT_PINGRESP ? ": no PINGREQ awaits one" : "");
        return -1;
    }
    if (type == MQTT_PUBLISH) {
        return on_publish(s, flags, length);
    }
    if (flags != 0) {
        fprintf(stderr, "a malformed %s: flags %u where 3.1.1 says 0\n", mqtt_type_name(type), flags);
        return -1;
    }
    if (type == MQTT_SUBACK) {
        return on_suback(s, length);
    }
    if (type == MQTT_PUBACK) {
        return on_puback(s, length);
    }
    if (length != 0) {
        fprintf(stderr, "a malformed PINGRESP of %zu bytes: 3.1.1 says 0\n", length);
        return -1;
    }
    printf("PINGRESP received\n");
    s->pong_due = 0;
    return 0;
}

static int ping(struct session *s)
{
    if (send_packet(s, mqtt_encode_empty(s->out, sizeof s->out, MQTT_PINGREQ)) != 0) {
        return 1;
    }
    s->pong_due = s->last_sent + s->options->keepalive * 1000LL;
    printf("idle for %u s: PINGREQ sent\n", s->options->keepalive);
    return 0;
}

static int reached(const struct session *s, enum goal goal)
{
    return goal == UNTIL_SUBACK ? s->subscribed
           : goal == UNTIL_PUBACK ? s->awaiting_puback == 0
                                  : s->received >= s->options->count;
}

/* Take the broker's packets, keeping the connection alive, until goal: 0, or 1 with a message. */
static int run_until(struct session *s, enum goal goal)
{
    long long keepalive = s->options->keepalive * 1000LL;

    while (!reached(s, goal)) {
        long long now = example_now_ms(), wake = s->deadline;
        unsigned type, flags;
        size_t length;
        int got;

        if (now >= s->deadline) {
            if (goal == UNTIL_COUNT) {
                fprintf(stderr, "%u of %u messages received in %u s\n", s->received, s->options->count,
                        s->options->seconds);
            } else {
                fprintf(stderr, "no %s within %u s\n", goal == UNTIL_SUBACK ? "SUBACK" : "PUBACK",
                        s->options->seconds);
            }
            return 1;
        }
        if (keepalive > 0 && s->pong_due != 0) {
            if (now >= s->pong_due) {
                fprintf(stderr, "no PINGRESP within %u s of the PINGREQ: the broker is gone\n",
                        s->options->keepalive);
                return 1;
            }
            wake = earlier(wake, s->pong_due);
        } else if (keepalive > 0) {
            if (now - s->last_sent >= keepalive) {
                if (ping(s) != 0) {
                    return 1;
                }
                continue;
            }
            wake = earlier(wake, s->last_sent + keepalive);
        }
        got = read_packet(s, wake, &type, &flags, &length);
        if (got < 0 || (got > 0 && handle(s, type, flags, length) != 0)) {
            return 1;
        }
    }
    return 0;
}

/* SUBSCRIBE to the topic at QoS 1, then wait for its SUBACK (messages may come first). */
static int subscribe(struct session *s)
{
    /* qos 1: the most this client handles */
    if (send_packet(s, mqtt_encode_subscribe(s->out, sizeof s->out, SUBSCRIBE_ID, s->options->topic, 1)) != 0) {
        return 1;
    }
    return run_until(s, UNTIL_SUBACK);
}

/* PUBLISH the message; at QoS 1, wait for the PUBACK with its packet id. */
static int publish(struct session *s)
{
    const struct options *o = s->options;
    struct mqtt_publish m = {0, 0, 0, NULL, 0, 0, NULL, 0};

    m.qos = o->qos;
    m.topic = (const unsigned char *)o->topic;
    m.topic_length = strlen(o->topic);
    m.id = o->qos > 0 ? PUBLISH_ID : 0;
    m.payload = (const unsigned char *)o->message;
    m.payload_length = strlen(o->message);
    if (send_packet(s, mqtt_encode_publish(s->out, sizeof s->out, &m)) != 0) {
        return 1;
    }
    printf("published %zu bytes to %s (qos %u)\n", m.payload_length, o->topic, o->qos);
    if (o->qos == 0) {
        return 0;
    }
    s->awaiting_puback = PUBLISH_ID;
    return run_until(s, UNTIL_PUBACK);
}

static int disconnect(struct session *s)
{
    long long until;

    if (send_packet(s, mqtt_encode_empty(s->out, sizeof s->out, MQTT_DISCONNECT)) != 0) {
        return 1;
    }
    /* The broker closes once it has read DISCONNECT.  Reading (and dropping) what comes until then
     * keeps our close from resetting the connection over unread data, which could lose the DISCONNECT. */
    until = earlier(example_now_ms() + DRAIN_MS, s->deadline);
    while (example_link_recv_by(&s->link, s->in, sizeof s->in, until) > 0) {
    }
    printf("disconnected after %u message%s\n", s->received, s->received == 1 ? "" : "s");
    return 0;
}

/* The TCP connection, within one step's time: 0, or 1 with a message. */
static int connect_broker(struct session *s, const nsapi_socket_address_t *broker)
{
    long long begun = example_now_ms(), until = step_end(s);
    nsapi_error_t err = example_time_left(&s->link.tcp, until) ? nsapi_tcp_socket_connect(&s->link.tcp, broker)
                                                                : NSAPI_ERROR_WOULD_BLOCK;

    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        fprintf(stderr, "connect: no answer from the broker");
        print_wait(s, begun, until);
        return 1;
    }
    if (err != NSAPI_ERROR_OK) {
        return example_fail("connect", err);
    }
    if (!s->options->secure) {
        return 0;
    }
    err = example_link_secure(&s->link, s->options->cacert, s->options->host, step_end(s));
    return err != NSAPI_ERROR_OK ? example_fail("TLS handshake", err) : 0;
}

static int run(nsapi_stack_t *stack, const struct options *o)
{
    static struct session session;
    struct session *s = &session;
    nsapi_socket_address_t broker = {{NSAPI_UNSPEC, {0}}, 0};
    char text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    int rc;

    memset(s, 0, sizeof *s);
    s->options = o;
    s->deadline = example_now_ms() + o->seconds * 1000LL;
    if (example_resolve(stack, o->host, o->port, &broker) != 0) {
        return 1;
    }
    nsapi_socket_address_get_ip_address(&broker, text, sizeof text);
    printf("connecting to %s port %u\n", text, o->port);
    err = nsapi_tcp_socket_open(&s->link.tcp, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    rc = connect_broker(s, &broker);
    if (rc == 0) {
        rc = mqtt_connect(s);
    }
    if (rc == 0) {
        rc = subscribe(s);
    }
    if (rc == 0 && o->message != NULL) {
        rc = publish(s);
    }
    if (rc == 0) {
        rc = run_until(s, UNTIL_COUNT);
    }
    if (rc == 0) {
        rc = disconnect(s);
    }
    example_link_close(&s->link);
    return rc;
}

static int number(const char *text, unsigned long max, unsigned *out)
{
    char *end;
    unsigned long value = strtoul(text, &end, 10);

    if (end == text || *end != '\0' || text[0] == '-' || text[0] == '+' || value > max) {
        return -1;
    }
    *out = (unsigned)value;
    return 0;
}

/* [mqtt[s]://]HOST[:PORT], [V6][:PORT]: 0, or -1. */
static int parse_broker(const char *text, struct options *o)
{
    const char *end;

    o->secure = strncmp(text, "mqtts://", 8) == 0;
    text += o->secure ? 8 : strncmp(text, "mqtt://", 7) == 0 ? 7 : 0;
    end = example_authority(text, o->host, sizeof o->host, &o->port, o->secure ? 8883 : 1883);

    return end != NULL && *end == '\0' ? 0 : -1;
}

/* argv (the stack's options already taken out) into o: 0, or -1 for bad usage. */
static int parse_options(int argc, char **argv, struct options *o)
{
    const char *broker = NULL;
    int i, qos = 0;

    memset(o, 0, sizeof *o);
    o->count = 1;
    o->keepalive = 60;
    o->seconds = 60;
    o->cacert = "/etc/ssl/certs";
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *value = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = 0;

        if (strncmp(a, "--", 2) == 0 && value == NULL) {
            return -1;
        } else if (strcmp(a, "--cacert") == 0) {
            o->cacert = value;
        } else if (strcmp(a, "--publish") == 0) {
            o->message = value;
        } else if (strcmp(a, "--qos") == 0) {
            bad = number(value, 1, &o->qos);
            qos = 1;
        } else if (strcmp(a, "--count") == 0) {
            bad = number(value, 1000000, &o->count);
        } else if (strcmp(a, "--keepalive") == 0) {
            bad = number(value, 65535, &o->keepalive);
        } else if (strcmp(a, "--time") == 0) {
            bad = number(value, 86400, &o->seconds) || o->seconds == 0;
        } else if (strncmp(a, "--", 2) == 0) {
            return -1;
        } else if (broker == NULL) {
            broker = a;
            continue;
        } else if (o->topic == NULL) {
            o->topic = a;
            continue;
        } else {
            return -1;
        }
        if (bad) {
            return -1;
        }
        i++; /* the option's value */
    }
    if (qos && o->message == NULL) {
        fprintf(stderr, "--qos is the QoS of the message --publish sends: it needs --publish\n");
        return -1;
    }
    return broker == NULL || o->topic == NULL || o->topic[0] == '\0' || parse_broker(broker, o) != 0 ? -1 : 0;
}

/* What the protocol forbids, or our buffer cannot hold, said plainly: 0, or -1. */
static int check_topic(const struct options *o)
{
    size_t topic = strlen(o->topic);

    if (!mqtt_utf8_ok((const unsigned char *)o->topic, topic)) {
        fprintf(stderr, "TOPIC is not well-formed UTF-8, which MQTT requires\n");
        return -1;
    }
    if (o->message != NULL && strpbrk(o->topic, "+#") != NULL) {
        fprintf(stderr, "a topic with + or # is a filter: it can be subscribed to, not published to\n");
        return -1;
    }
    if (!mqtt_filter_ok(o->topic)) {
        fprintf(stderr, "TOPIC: + must fill a whole level, # the whole last one (a/+/c, a/#)\n");
        return -1;
    }
    if (5 + topic > PACKET_MAX || (o->message != NULL && 4 + topic + strlen(o->message) > PACKET_MAX)) {
        fprintf(stderr, "TOPIC (at most %d bytes) and MESSAGE together must fit in %d bytes\n", PACKET_MAX - 5,
                PACKET_MAX - 4);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    struct options options;
    int rc;

    setvbuf(stdout, NULL, _IOLBF, 0); /* each step's line out at once, even into a file */
    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    if (parse_options(argc, argv, &options) != 0 || check_topic(&options) != 0) {
        example_network_down();
        return usage(argv[0], 0);
    }
    rc = run(stack, &options);
    example_network_down();
    return rc;
}
