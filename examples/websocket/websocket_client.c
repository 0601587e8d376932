/*
 * A WebSocket client (RFC 6455) over a TCPSocket, or TLS over it (wss://).  It upgrades an HTTP/1.1
 * connection (a random Sec-WebSocket-Key; the server's Sec-WebSocket-Accept,
 * its 101 status and its Upgrade and Connection headers checked), then runs
 * a fixed script against an echo server, comparing every echo with what it
 * sent: the text "hello", a binary message of every byte value, a 64 KiB
 * binary message, a text message sent in three fragments, a ping with a
 * payload (its pong must carry the same bytes), and the close handshake.
 *
 * Every frame it sends is masked with a fresh random key.  Every frame it
 * receives is checked: not masked, no reserved bits, a known opcode, a
 * length in its shortest form, control frames whole and at most 125 bytes,
 * text in UTF-8; fragments are reassembled into messages of at most
 * 128 KiB, in any number of frames, but at most 1000 frames that add no
 * bytes (empty fragments, pings, unasked-for pongs) are taken while waiting
 * for one.  Pings are answered with a pong carrying the same bytes.  A
 * server that breaks the protocol is sent a close frame whose status says
 * why (1002 protocol error, 1007 invalid text, 1008 too many empty frames,
 * 1009 too big) and the connection is dropped.  Text from the server is
 * printed with control characters escaped (\xNN).
 *
 * usage: websocket_client [--interface SPEC] [INTERFACE OPTIONS] [--cacert FILE] ws[s]://HOST[:PORT][/PATH][?QUERY]
 * wss:// is over TLS (PORT 443 unless given): the server's certificate must chain to --cacert (a PEM
 * file or a directory, default /etc/ssl/certs) and name HOST.
 *                         [--message TEXT]
 *        HOST a name or an address ([v6] in brackets), PORT 80 unless given.
 *        --message TEXT: send TEXT as one text message, print the answer and close, instead of the script.
 * Prints each step; exits 0 when every echo matched and the close handshake completed (the server's close
 * status 1000 or none, then the server closing TCP within 2 s), 1 on any error, 2 on bad usage.  Each step
 * (a message and its echo) must be done within 10 s.  The key and the masks come from /dev/urandom (on a
 * device: its hardware random generator).
 *
 * The protocol's bytes are ws_codec.c's (the handshake's key and answer, frame headers, masking, close
 * frames, messages from fragments); this file is the command line, the socket loop and what it prints.
 */
#define _DEFAULT_SOURCE /* strncasecmp */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_network.h"
#include "common/link.h"
#include "common/net_io.h"
#include "common/url.h"
#include "common/usage.h"
#include "common/utf8.h"
#include "ws_codec.h"

#define STEP_MS 10000            /* for each step: the handshake, a message and its echo, the close */
#define FINISH_MS 2000           /* waiting for the server to close TCP after the close frames */
#define MESSAGE_MAX (128 * 1024) /* the largest message reassembled */
#define IDLE_MAX 1000            /* frames adding no bytes (empty, pings, pongs) while waiting for a message */
#define LINE_MAX_BYTES 1024      /* one header line of the server's answer */
#define SHOWN_MAX 100            /* bytes of the server's text quoted in an error message */

struct url {
    int secure;                              /* wss:// */
    char host[NSAPI_DNS_NAME_SIZE];
    char authority[NSAPI_DNS_NAME_SIZE + 8]; /* the Host header: [v6] in brackets, :port unless 80 */
    unsigned port;
    char target[512];                        /* the request's: the path ("/" when none), then any ?query */
};

static const char *cacert = "/etc/ssl/certs";

struct connection {
    struct example_link link;          /* TCP, or TLS over it */
    FILE *random;                      /* the key and every mask */
    long long deadline;                /* of the current step, in example_now_ms() time */
    int step_ms;                       /* how long the current step may take */
    int upgraded;                      /* the handshake succeeded: frames follow */
    unsigned close_sent;               /* the status of the close frame we sent (nothing may follow it); 0 */
    unsigned char in[4096];            /* received, not yet read */
    size_t start, end;
    struct ws_message assembly;        /* the message being put together, in message */
    unsigned char message[MESSAGE_MAX];
    unsigned char control[WS_CONTROL_MAX];
};

/* What the server sent next: a whole message, a pong, or its close frame. */
struct event {
    int opcode;                        /* WS_TEXT, WS_BINARY, WS_PONG or WS_CLOSE */
    const unsigned char *data;
    size_t size;
    unsigned frames;                   /* WS_TEXT, WS_BINARY: how many frames the message came in */
    unsigned status;                   /* WS_CLOSE: its status, WS_STATUS_NONE when it had none */
};

static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--cacert FILE] ws[s]://HOST[:PORT][/PATH][?QUERY] [--message TEXT]",
                         "  ws[s]://HOST[:PORT][/PATH][?QUERY]\n"
                         "                         an echo server: HOST a name or an address ([v6] in brackets),\n"
                         "                         PORT 80 (wss: 443, over TLS) unless given, PATH / unless given\n"
                         "  --cacert FILE          the authorities a wss server's certificate must chain to:\n"
                         "                         a PEM file or a directory (default /etc/ssl/certs)\n"
                         "  --message TEXT         send TEXT as one text message, print the answer and close\n"
                         "                         (default: the whole script of messages, each echo checked)\n",
                         help);
}

/* ws[s]://HOST[:PORT][/PATH][?QUERY] (RFC 6455 section 3), the scheme in any case; 0, or -1. */
static int parse_url(const char *text, struct url *url)
{
    const char *end;
    unsigned standard;
    int n;

    url->secure = strncasecmp(text, "wss://", 6) == 0;
    standard = url->secure ? 443 : 80;
    if ((!url->secure && strncasecmp(text, "ws://", 5) != 0)
        || (end = example_authority(text + 5 + url->secure, url->host, sizeof url->host, &url->port, standard)) == NULL
        || !ws_visible(url->host, strlen(url->host))) {
        return -1;
    }
    if (*end != '\0' && *end != '/' && *end != '?') {
        return -1;
    }
    n = snprintf(url->target, sizeof url->target, "%s%s", *end == '/' ? "" : "/", end);
    if (n < 0 || (size_t)n >= sizeof url->target || !ws_visible(url->target, (size_t)n)
        || strchr(url->target, '#') != NULL) {
        return -1; /* it goes into the request line: no spaces, no line breaks, no fragment */
    }
    example_host_header(url->authority, sizeof url->authority, url->host, url->port, standard);
    return 0;
}

/* The server's text on out, UTF-8 as it is but controls (C0, DEL, C1), backslashes and bytes outside
 * UTF-8 as \xNN: no terminal escape sequence, no NUL gets through. */
static void print_text(FILE *out, const void *text, size_t size)
{
    const unsigned char *s = text;
    size_t i, n;

    for (i = 0; i < size; i += n) {
        n = example_utf8_char(s + i, size - i);
        if (n == 0 || s[i] < 0x20 || s[i] == 0x7f || s[i] == '\\' || (s[i] == 0xc2 && s[i + 1] < 0xa0)) {
            fprintf(out, "\\x%02x", s[i]);
            n = 1;
        } else {
            fwrite(s + i, 1, n, out);
        }
    }
}

/* An error on stderr: the printf-style format, then the server's text quoted (at most SHOWN_MAX bytes). */
static void quote(const void *text, size_t size, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('"', stderr);
    print_text(stderr, text, size < SHOWN_MAX ? size : SHOWN_MAX);
    fprintf(stderr, "\"%s\n", size > SHOWN_MAX ? "..." : "");
}

static int random_bytes(struct connection *c, unsigned char *out, size_t size)
{
    if (fread(out, 1, size, c->random) != size) {
        fprintf(stderr, "reading /dev/urandom failed\n");
        return -1;
    }
    return 0;
}

/* A new step: every call it makes must be done within ms. */
static void begin_step(struct connection *c, int ms)
{
    c->step_ms = ms;
    c->deadline = example_now_ms() + ms;
}

/* All of data within the step; 0, or -1 (said why). */
static int send_all(struct connection *c, const unsigned char *data, size_t size)
{
    nsapi_error_t err = example_link_send_all(&c->link, data, size, c->deadline);

    if (err == NSAPI_ERROR_WOULD_BLOCK) {
        fprintf(stderr, "the server took nothing more within %d s\n", c->step_ms / 1000);
    } else if (err != NSAPI_ERROR_OK) {
        example_fail("send", err);
    }
    return err == NSAPI_ERROR_OK ? 0 : -1;
}

/* Receive into the empty buffer: 0, or -1 (said why) when the step's time ran out or the connection ended. */
static int fill(struct connection *c)
{
    nsapi_size_or_error_t n = example_link_recv_by(&c->link, c->in, sizeof c->in, c->deadline);

    if (n <= 0) {
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            fprintf(stderr, "nothing from the server within %d s\n", c->step_ms / 1000);
        } else if (n == 0) {
            fprintf(stderr, "the server closed the connection%s\n", c->upgraded ? " without a close frame" : "");
        } else {
            example_fail("recv", n);
        }
        return -1;
    }
    c->start = 0;
    c->end = (size_t)n;
    return 0;
}

static int read_exact(struct connection *c, unsigned char *out, size_t size)
{
    while (size > 0) {
        size_t take = c->end - c->start < size ? c->end - c->start : size;

        memcpy(out, c->in + c->start, take);
        c->start += take;
        out += take;
        size -= take;
        if (size > 0 && fill(c) != 0) {
            return -1;
        }
    }
    return 0;
}

/* One line of the server's HTTP answer, without its CRLF, NUL-terminated: its length, or -1 (said why). */
static long read_line(struct connection *c, char *line, size_t max)
{
    size_t used = 0;

    for (;;) {
        unsigned char *nl = memchr(c->in + c->start, '\n', c->end - c->start);
        size_t take = nl != NULL ? (size_t)(nl - (c->in + c->start)) + 1 : c->end - c->start;

        if (used + take >= max) {
            fprintf(stderr, "a header line longer than %zu bytes\n", max - 1);
            return -1;
        }
        memcpy(line + used, c->in + c->start, take);
        used += take;
        c->start += take;
        if (nl != NULL) {
            used -= 1 + (used >= 2 && line[used - 2] == '\r');
            line[used] = '\0';
            return (long)used;
        }
        if (fill(c) != 0) {
            return -1;
        }
    }
}

/* One frame, masked with a fresh random key (RFC 6455 section 5.3); 0, or -1 (said why). */
static int send_frame(struct connection *c, int fin, int opcode, const unsigned char *data, size_t size)
{
    unsigned char out[1024], mask[4];
    size_t used, done = 0;

    if (random_bytes(c, mask, sizeof mask) != 0) {
        return -1;
    }
    used = ws_encode_frame_header(out, sizeof out, fin, opcode, size, mask); /* never 0: our frames are valid */
    do { /* the header goes with the first piece of payload: one segment for a small frame */
        size_t take = size - done < sizeof out - used ? size - done : sizeof out - used;

        if (take > 0) {
            memcpy(out + used, data + done, take);
            ws_mask(out + used, take, mask, done);
        }
        if (send_all(c, out, used + take) != 0) {
            return -1;
        }
        done += take;
        used = 0;
    } while (done < size);
    return 0;
}

/* A close frame with status (none for WS_STATUS_NONE); nothing may be sent after it. */
static int send_close(struct connection *c, unsigned status)
{
    unsigned char payload[2];

    c->close_sent = status;
    return send_frame(c, 1, WS_CLOSE, payload, ws_encode_close(payload, status));
}

/* The server broke the protocol: say how, send a close frame whose status says why (unless ours went
 * out already), and fail (-1). */
static int fail_connection(struct connection *c, unsigned status, const char *why, ...)
{
    va_list args;

    va_start(args, why);
    vfprintf(stderr, why, args);
    va_end(args);
    if (c->close_sent) {
        fprintf(stderr, "; our close (status %u) was already sent\n", c->close_sent);
        return -1;
    }
    fprintf(stderr, "; closing with status %u (%s)\n", status, ws_status_name(status));
    begin_step(c, FINISH_MS); /* the step's time may be gone; the close frame still deserves some */
    send_close(c, status);
    return -1;
}

/* What the server got wrong in a frame, said, and answered with a close frame (fail_connection); -1. */
static int frame_fault(struct connection *c, enum ws_fault fault, const struct ws_frame *f)
{
    unsigned status = ws_fault_status(fault);

    switch (fault) {
    case WS_RESERVED_BITS:
        return fail_connection(c, status, "a frame with reserved bits set (0x%02x) and no extension agreed", f->rsv);
    case WS_MASKED:
        return fail_connection(c, status, "a masked frame: a server must not mask");
    case WS_UNKNOWN_OPCODE:
        return fail_connection(c, status, "a frame with the unknown opcode 0x%x", f->opcode);
    case WS_LENGTH_TOP_BIT:
        return fail_connection(c, status, "a 64-bit frame length with its most significant bit set");
    case WS_LENGTH_NOT_SHORTEST:
        return fail_connection(c, status, "a frame length of %llu not in its shortest form", f->size);
    case WS_CONTROL_FRAGMENTED:
        return fail_connection(c, status, "a fragmented control frame (opcode 0x%x)", f->opcode);
    case WS_CONTROL_TOO_BIG:
        return fail_connection(c, status, "a control frame of %llu bytes (at most %d)", f->size, WS_CONTROL_MAX);
    case WS_NO_MESSAGE_BEGUN:
        return fail_connection(c, status, "a continuation frame with no message begun");
    case WS_MESSAGE_UNFINISHED:
        return fail_connection(c, status, "a new message before the last one's final fragment");
    case WS_MESSAGE_TOO_BIG:
        return fail_connection(c, status, "a message larger than %d bytes", MESSAGE_MAX);
    case WS_INVALID_TEXT:
        return fail_connection(c, status, "a text message that is not UTF-8");
    case WS_BAD_CLOSE_REASON:
        return fail_connection(c, status, "a close frame whose reason is not UTF-8");
    default: /* the others are the handshake's, or a close status, said where they are met */
        return fail_connection(c, status, "a frame RFC 6455 does not allow");
    }
}

/* A frame's header, checked for what a client must refuse (RFC 6455 section 5.2); 0, or -1 (said why). */
static int read_header(struct connection *c, struct ws_frame *f)
{
    unsigned char b[WS_HEADER_MAX];
    size_t have = 0, need = 2;
    enum ws_fault fault;

    do { /* the first 2 bytes are checked before the extended length is waited for */
        if (read_exact(c, b + have, need - have) != 0) {
            return -1;
        }
        have = need;
    } while ((fault = ws_decode_frame_header(b, have, f, &need)) == WS_MORE);
    return fault == WS_OK ? 0 : frame_fault(c, fault, f);
}

/* A close frame's payload: its status must be one a peer may send, its reason UTF-8.  Replies when first. */
static int take_close(struct connection *c, size_t size, struct event *e)
{
    enum ws_fault fault = ws_decode_close(c->control, size, &e->status, &e->data, &e->size);

    e->opcode = WS_CLOSE;
    if (fault == WS_BAD_CLOSE_STATUS) {
        return fail_connection(c, ws_fault_status(fault), "a close frame with a bad status (%zu bytes, status %u)",
                               size, e->status);
    }
    if (fault != WS_OK) {
        return frame_fault(c, fault, NULL);
    }
    if (!c->close_sent && send_close(c, e->status) != 0) { /* the reply echoes the server's status */
        return -1;
    }
    return 0;
}

/* A data frame's payload, added to the message being put together; 1 when the message is whole, 0, or -1. */
static int take_data(struct connection *c, const struct ws_frame *f, struct event *e)
{
    struct ws_message *m = &c->assembly;
    enum ws_fault fault = ws_message_begin_frame(m, f, sizeof c->message);

    if (fault != WS_OK) {
        return frame_fault(c, fault, f);
    }
    if (read_exact(c, c->message + m->size, (size_t)f->size) != 0) {
        return -1;
    }
    fault = ws_message_end_frame(m, f, c->message);
    if (fault == WS_MORE) {
        return 0;
    }
    if (fault != WS_OK) {
        return frame_fault(c, fault, f);
    }
    e->opcode = m->opcode;
    e->data = c->message;
    e->size = m->size;
    e->frames = m->frames;
    return 1;
}

/* The next message, pong or close frame from the server, answering pings on the way; 0, or -1 (said why). */
static int receive(struct connection *c, struct event *e)
{
    unsigned idle = 0;

    for (;;) { /* bounded: a frame either adds bytes to the message (at most MESSAGE_MAX) or counts as idle */
        struct ws_frame f;
        int whole;

        if (read_header(c, &f) != 0) {
            return -1;
        }
        if ((f.size == 0 || (f.opcode & 0x8)) && ++idle > IDLE_MAX) {
            return fail_connection(c, WS_STATUS_POLICY,
                                   "more than %d empty frames or pings while waiting for a message", IDLE_MAX);
        }
        if (!(f.opcode & 0x8)) {
            whole = take_data(c, &f, e);
            if (whole != 0) {
                return whole < 0 ? -1 : 0;
            }
            continue;
        }
        if (read_exact(c, c->control, (size_t)f.size) != 0) {
            return -1;
        }
        if (f.opcode == WS_CLOSE) {
            return take_close(c, (size_t)f.size, e);
        }
        if (f.opcode == WS_PONG) {
            e->opcode = WS_PONG;
            e->data = c->control;
            e->size = (size_t)f.size;
            return 0;
        }
        if (!c->close_sent) { /* a ping gets a pong with its payload, unless our close went out */
            if (send_frame(c, 1, WS_PONG, c->control, (size_t)f.size) != 0) {
                return -1;
            }
            printf("answered a ping (%llu bytes)\n", f.size);
        }
    }
}

/* The server's answer to the upgrade: 101, one Upgrade: websocket, Connection listing upgrade (in any of
 * its lines), the right accept key; 0, or -1 (said why). */
static int read_answer(struct connection *c, const char *accept)
{
    char line[LINE_MAX_BYTES], status[64];
    const char *value, *missing;
    struct ws_answer answer = {0, 0, 0, 0};
    long got;

    if ((got = read_line(c, line, sizeof line)) < 0) {
        return -1;
    }
    if (!ws_status_line_ok(line)) {
        quote(line, (size_t)got, "not 101 Switching Protocols: the server answered ");
        return -1;
    }
    snprintf(status, sizeof status, "%.60s", line + 9);
    while ((got = read_line(c, line, sizeof line)) > 0) {
        switch (ws_answer_line(&answer, line, accept, &value)) {
        case WS_OK:
            continue;
        case WS_TOO_MANY_LINES:
            fprintf(stderr, "more than %d header lines\n", WS_ANSWER_LINES_MAX);
            return -1;
        case WS_BAD_UPGRADE:
            quote(line, strlen(line), "one \"Upgrade: websocket\" expected, the server sent ");
            return -1;
        case WS_BAD_ACCEPT:
            quote(value, strlen(value), "Sec-WebSocket-Accept should be \"%s\", the server sent ", accept);
            return -1;
        default: /* WS_NOT_OFFERED */
            quote(line, strlen(line), "the server chose what was not offered: ");
            return -1;
        }
    }
    if (got < 0) {
        return -1;
    }
    if ((missing = ws_answer_missing(&answer)) != NULL) {
        fprintf(stderr, "the answer lacks %s\n", missing);
        return -1;
    }
    printf("handshake: ");
    print_text(stdout, status, strlen(status));
    printf(", Sec-WebSocket-Accept checked\n");
    c->upgraded = 1;
    return 0;
}

/* The opening handshake (RFC 6455 section 4.1); 0, or -1 (said why). */
static int handshake(struct connection *c, const struct url *url)
{
    unsigned char nonce[WS_NONCE_SIZE];
    char key[WS_KEY_SIZE], accept[WS_ACCEPT_SIZE], request[1024];
    size_t n;

    begin_step(c, STEP_MS);
    if (random_bytes(c, nonce, sizeof nonce) != 0) {
        return -1;
    }
    ws_key(nonce, key);
    ws_accept(key, accept); /* what the server must answer */
    n = ws_encode_request(request, sizeof request, url->target, url->authority, key);
    if (n == 0) {
        fprintf(stderr, "the request does not fit %zu bytes\n", sizeof request);
        return -1;
    }
    if (send_all(c, (const unsigned char *)request, n) != 0) {
        return -1;
    }
    return read_answer(c, accept);
}

/* A message in pieces frames (the first carries the opcode, the others are continuations); 0, or -1. */
static int send_message(struct connection *c, int opcode, const unsigned char *data, size_t size, unsigned pieces)
{
    size_t done = 0, piece = size / pieces;
    unsigned i;

    for (i = 1; i <= pieces; i++) {
        size_t take = i < pieces ? piece : size - done;

        if (send_frame(c, i == pieces, i == 1 ? opcode : WS_CONTINUATION, data + done, take) != 0) {
            return -1;
        }
        done += take;
    }
    return 0;
}

/* The next event, which must not be the server's close (reported); 0, or -1. */
static int receive_open(struct connection *c, struct event *e)
{
    if (receive(c, e) != 0) {
        return -1;
    }
    if (e->opcode == WS_CLOSE) {
        quote(e->data, e->size, "the server closed the connection: status %u (%s) ", e->status,
              ws_status_name(e->status));
        return -1;
    }
    return 0;
}

/* One step of the script: send a message in pieces, wait for its echo, compare.  1 matched, 0 differs, -1. */
static int echo(struct connection *c, const char *what, int opcode, const unsigned char *data, size_t size,
                unsigned pieces)
{
    struct event e;
    int tries;

    begin_step(c, STEP_MS);
    if (send_message(c, opcode, data, size, pieces) != 0) {
        return -1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) {
        if (receive_open(c, &e) != 0) {
            return -1;
        }
        if (e.opcode == WS_PONG) {
            continue; /* an unasked-for pong may come (RFC 6455 section 5.5.3): skip it */
        }
        if (e.opcode == opcode && e.size == size && memcmp(e.data, data, size) == 0) {
            printf("%s: echo matched (%u frame%s)\n", what, e.frames, e.frames == 1 ? "" : "s");
            return 1;
        }
        printf("%s: echo DIFFERS: a %s message of %zu bytes\n", what, e.opcode == WS_TEXT ? "text" : "binary", e.size);
        return 0;
    }
    printf("%s: no echo, only pongs\n", what);
    return 0;
}

/* Send a ping and wait for the pong with the same payload, skipping others.  1 matched, 0 not, -1. */
static int ping(struct connection *c, const char *payload)
{
    size_t size = strlen(payload);
    struct event e;
    int tries;

    begin_step(c, STEP_MS);
    if (send_frame(c, 1, WS_PING, (const unsigned char *)payload, size) != 0) {
        return -1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) {
        if (receive_open(c, &e) != 0) {
            return -1;
        }
        if (e.opcode == WS_PONG && e.size == size && memcmp(e.data, payload, size) == 0) {
            printf("ping \"%s\": pong matched\n", payload);
            return 1;
        }
        if (e.opcode != WS_PONG) {
            printf("ping \"%s\": a message came instead of the pong\n", payload);
            return 0;
        }
    }
    printf("ping \"%s\": no pong with its payload\n", payload);
    return 0;
}

/* The closing handshake (RFC 6455 section 7): send close 1000, read until the server's close, which must
 * be 1000 or carry no status; 0, or -1. */
static int close_handshake(struct connection *c)
{
    struct event e;
    int tries;

    begin_step(c, STEP_MS);
    if (send_close(c, WS_STATUS_NORMAL) != 0) {
        return -1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) { /* messages the server sent before it saw ours */
        if (receive(c, &e) != 0) {
            return -1;
        }
        if (e.opcode != WS_CLOSE) {
            continue;
        }
        if (e.status != WS_STATUS_NORMAL && e.status != WS_STATUS_NONE) {
            quote(e.data, e.size, "close: sent %d, the server answered %u (%s) ", WS_STATUS_NORMAL, e.status,
                  ws_status_name(e.status));
            return -1;
        }
        printf("close: sent %d, the server answered %u (%s)\n", WS_STATUS_NORMAL, e.status, ws_status_name(e.status));
        return 0;
    }
    fprintf(stderr, "no close frame after %d messages\n", IDLE_MAX);
    return -1;
}

/* The fixed script against an echo server: 0 when every echo matched, 1 otherwise. */
static int script(struct connection *c)
{
    static const char hello[] = "hello";
    /* UTF-8 whose first fragment ends inside the arrow: text is checked once whole, not frame by frame */
    static const char fragmented[] = "fragments \xe2\x86\x92 one message, \xc3\xa9t\xc3\xa9 \xe2\x82\xac";
    static unsigned char bytes[256], big[65536];
    static const struct {
        const char *what;
        int opcode;
        const unsigned char *data;
        size_t size;
        unsigned pieces;
    } steps[] = {
        {"text \"hello\"", WS_TEXT, (const unsigned char *)hello, sizeof hello - 1, 1},
        {"binary, every byte value (256 bytes)", WS_BINARY, bytes, sizeof bytes, 1},     /* a 16-bit length */
        {"binary, 65536 bytes", WS_BINARY, big, sizeof big, 1},                           /* a 64-bit length */
        {"text in 3 fragments", WS_TEXT, (const unsigned char *)fragmented, sizeof fragmented - 1, 3},
    };
    int matched = 0, r;
    size_t i;

    for (i = 0; i < sizeof bytes; i++) {
        bytes[i] = (unsigned char)i;
    }
    for (i = 0; i < sizeof big; i++) {
        big[i] = (unsigned char)(i * 7 + (i >> 8)); /* each 256-byte block differs */
    }
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        r = echo(c, steps[i].what, steps[i].opcode, steps[i].data, steps[i].size, steps[i].pieces);
        if (r < 0) {
            return 1;
        }
        matched += r;
    }
    if ((r = ping(c, "are you there?")) < 0 || close_handshake(c) != 0) {
        return 1;
    }
    matched += r;
    if (matched != 5) {
        fprintf(stderr, "%d of 5 echoes matched\n", matched);
        return 1;
    }
    return 0;
}

/* --message: send text, print what comes back, close; 0, or 1. */
static int one_message(struct connection *c, const char *text)
{
    struct event e;
    int tries;

    begin_step(c, STEP_MS);
    if (send_message(c, WS_TEXT, (const unsigned char *)text, strlen(text), 1) != 0) {
        return 1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) {
        if (receive_open(c, &e) != 0) {
            return 1;
        }
        if (e.opcode != WS_PONG) {
            break;
        }
    }
    if (e.opcode == WS_TEXT) {
        printf("received text (%zu bytes, %u frame%s): ", e.size, e.frames, e.frames == 1 ? "" : "s");
        print_text(stdout, e.data, e.size);
        printf("\n");
    } else if (e.opcode == WS_BINARY) {
        printf("received a binary message (%zu bytes, %u frame%s)\n", e.size, e.frames, e.frames == 1 ? "" : "s");
    } else {
        printf("no answer, only pongs\n");
    }
    if (close_handshake(c) != 0) {
        return 1;
    }
    return e.opcode == WS_PONG;
}

/* After the close frames, or a failure: let the server close TCP first (RFC 6455 section 7.1.1), within
 * FINISH_MS, discarding what still comes (unread data would turn our close into a reset).  Returns rc, or
 * 1 (said why) when rc is 0 but the server did not close TCP in time: the close handshake is not done. */
static int finish(struct connection *c, int rc)
{
    nsapi_size_or_error_t n;

    begin_step(c, FINISH_MS);
    while ((n = example_link_recv_by(&c->link, c->in, sizeof c->in, c->deadline)) > 0) {
        /* discarded */
    }
    example_link_close(&c->link);
    if (rc != 0 || n == 0) {
        return rc;
    }
    if (n < 0 && n != NSAPI_ERROR_WOULD_BLOCK) {
        return example_fail("recv after the close frames", n);
    }
    fprintf(stderr, "the server did not close the connection within %d s of the close frames\n", FINISH_MS / 1000);
    return 1;
}

/* Resolve, open and connect c's socket; 0, or 1 (said why, nothing left open). */
static int connect_to(nsapi_stack_t *stack, const struct url *url, struct connection *c)
{
    nsapi_socket_address_t peer = {{NSAPI_UNSPEC, {0}}, 0};
    char address[NSAPI_IP_SIZE];
    nsapi_error_t err;

    printf("resolving %s\n", url->host);
    if (example_resolve(stack, url->host, url->port, &peer) != 0) {
        return 1;
    }
    nsapi_socket_address_get_ip_address(&peer, address, sizeof address);
    printf("connecting to %s port %u\n", address, url->port);
    err = nsapi_tcp_socket_open(&c->link.tcp, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    nsapi_tcp_socket_set_timeout(&c->link.tcp, STEP_MS);
    err = nsapi_tcp_socket_connect(&c->link.tcp, &peer);
    if (err == NSAPI_ERROR_OK && url->secure
        && (err = example_link_secure(&c->link, cacert, url->host, example_now_ms() + STEP_MS)) != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&c->link.tcp);
        return example_fail("TLS handshake", err);
    }
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&c->link.tcp);
        return example_fail("connect", err);
    }
    return 0;
}

static int run(nsapi_stack_t *stack, const struct url *url, const char *text)
{
    static struct connection c;
    int rc;

    memset(&c, 0, sizeof c);
    c.random = fopen("/dev/urandom", "rb");
    if (c.random == NULL) {
        fprintf(stderr, "cannot open /dev/urandom\n");
        return 1;
    }
    if (connect_to(stack, url, &c) != 0) {
        rc = 1;
    } else if (handshake(&c, url) != 0) {
        example_link_close(&c.link); /* no WebSocket yet: no close frame to send */
        rc = 1;
    } else {
        rc = finish(&c, text != NULL ? one_message(&c, text) : script(&c));
        if (rc == 0) {
            printf("%sthe connection closed cleanly\n", text == NULL ? "every echo matched; " : "");
        }
    }
    fclose(c.random);
    return rc;
}

int main(int argc, char **argv)
{
    nsapi_stack_t *stack = NULL;
    struct url url;
    const char *text = NULL, *address = NULL;
    int rc, i;

    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--message") == 0 && i + 1 < argc && text == NULL) {
            text = argv[++i];
        } else if (strcmp(argv[i], "--cacert") == 0 && i + 1 < argc) {
            cacert = argv[++i];
        } else if (address == NULL) {
            address = argv[i];
        } else {
            address = "";
        }
    }
    if (address == NULL || parse_url(address, &url) != 0) {
        example_network_down();
        return usage(argv[0], 0);
    }
    if (text != NULL
        && (strlen(text) > MESSAGE_MAX || !example_utf8_valid((const unsigned char *)text, strlen(text)))) {
        fprintf(stderr, "--message TEXT must be UTF-8, at most %d bytes\n", MESSAGE_MAX);
        example_network_down();
        return usage(argv[0], 0);
    }
    rc = run(stack, &url, text);
    example_network_down();
    return rc;
}
