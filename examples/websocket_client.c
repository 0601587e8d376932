/*
 * A WebSocket client (RFC 6455) over a TCPSocket.  It upgrades an HTTP/1.1
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
 * usage: websocket_client --stack lwip-loop|lwip-tap|posix [--dns ADDRESS] ws://HOST[:PORT][/PATH][?QUERY]
 *                         [--message TEXT]
 *        HOST a name or an address ([v6] in brackets), PORT 80 unless given.
 *        --message TEXT: send TEXT as one text message, print the answer and close, instead of the script.
 * Prints each step; exits 0 when every echo matched and the close handshake completed (the server's close
 * status 1000 or none, then the server closing TCP within 2 s), 1 on any error, 2 on bad usage.  Each step
 * (a message and its echo) must be done within 10 s.  The key and the masks come from /dev/urandom (on a
 * device: its hardware random generator).
 */
#define _DEFAULT_SOURCE /* strcasecmp, strncasecmp */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_stack.h"
#include "common/net_io.h"
#include "common/url.h"
#include "sha1.h"

#define STEP_MS 10000            /* for each step: the handshake, a message and its echo, the close */
#define FINISH_MS 2000           /* waiting for the server to close TCP after the close frames */
#define MESSAGE_MAX (128 * 1024) /* the largest message reassembled */
#define CONTROL_MAX 125          /* the largest control frame payload (RFC 6455 section 5.5) */
#define IDLE_MAX 1000            /* frames adding no bytes (empty, pings, pongs) while waiting for a message */
#define LINE_MAX_BYTES 1024      /* one header line of the server's answer */
#define LINES_MAX 100            /* header lines in the server's answer */
#define SHOWN_MAX 100            /* bytes of the server's text quoted in an error message */
#define GUID "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" /* RFC 6455 section 1.3 */

enum opcode { CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xa };

/* Close status codes (RFC 6455 section 7.4.1); NO_STATUS is never sent, it stands for a close without one. */
enum status { NORMAL = 1000, PROTOCOL_ERROR = 1002, NO_STATUS = 1005, INVALID_TEXT = 1007, POLICY = 1008,
              TOO_BIG = 1009 };

struct url {
    char host[NSAPI_DNS_NAME_SIZE];
    char authority[NSAPI_DNS_NAME_SIZE + 8]; /* the Host header: [v6] in brackets, :port unless 80 */
    unsigned port;
    char target[512];                        /* the request's: the path ("/" when none), then any ?query */
};

struct connection {
    nsapi_tcp_socket_t socket;
    FILE *random;                      /* the key and every mask */
    long long deadline;                /* of the current step, in example_now_ms() time */
    int step_ms;                       /* how long the current step may take */
    int upgraded;                      /* the handshake succeeded: frames follow */
    unsigned close_sent;               /* the status of the close frame we sent (nothing may follow it); 0 */
    unsigned char in[4096];            /* received, not yet read */
    size_t start, end;
    int opcode;                        /* of the message being reassembled; CONTINUATION when none */
    size_t size;                       /* its bytes so far */
    unsigned frames;                   /* its frames so far */
    unsigned char message[MESSAGE_MAX];
    unsigned char control[CONTROL_MAX];
};

/* What the server sent next: a whole message, a pong, or its close frame. */
struct event {
    int opcode;                        /* TEXT, BINARY, PONG or CLOSE */
    const unsigned char *data;
    size_t size;
    unsigned frames;                   /* TEXT, BINARY: how many frames the message came in */
    unsigned status;                   /* CLOSE: its status, NO_STATUS when it had none */
};

struct frame {
    int fin, opcode;
    unsigned long long size;
};

static int usage(void)
{
    fprintf(stderr, "usage: websocket_client --stack lwip-loop|lwip-tap|posix [--dns ADDRESS] "
                    "ws://HOST[:PORT][/PATH][?QUERY] [--message TEXT]\n");
    return 2;
}

/* Whether size bytes of s could go into a request line or header: no controls, no spaces. */
static int visible(const char *s, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++) {
        if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f) {
            return 0;
        }
    }
    return 1;
}

/* ws://HOST[:PORT][/PATH][?QUERY] (RFC 6455 section 3), the scheme in any case; 0, or -1. */
static int parse_url(const char *text, struct url *url)
{
    const char *end;
    int n;

    if (strncasecmp(text, "ws://", 5) != 0
        || (end = example_authority(text + 5, url->host, sizeof url->host, &url->port, 80)) == NULL
        || !visible(url->host, strlen(url->host))) {
        return -1;
    }
    if (*end != '\0' && *end != '/' && *end != '?') {
        return -1;
    }
    n = snprintf(url->target, sizeof url->target, "%s%s", *end == '/' ? "" : "/", end);
    if (n < 0 || (size_t)n >= sizeof url->target || !visible(url->target, (size_t)n)
        || strchr(url->target, '#') != NULL) {
        return -1; /* it goes into the request line: no spaces, no line breaks, no fragment */
    }
    example_host_header(url->authority, sizeof url->authority, url->host, url->port, 80);
    return 0;
}

/* Base64 (RFC 4648, padded) of size bytes into out, which holds 4 * ((size + 2) / 3) + 1 bytes. */
static void base64(const unsigned char *in, size_t size, char *out)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i;

    for (i = 0; i < size; i += 3) {
        unsigned long v = (unsigned long)in[i] << 16 | (i + 1 < size ? (unsigned long)in[i + 1] << 8 : 0)
                          | (i + 2 < size ? in[i + 2] : 0);

        *out++ = digits[v >> 18 & 63];
        *out++ = digits[v >> 12 & 63];
        *out++ = i + 1 < size ? digits[v >> 6 & 63] : '=';
        *out++ = i + 2 < size ? digits[v & 63] : '=';
    }
    *out = '\0';
}

/* The length (1 to 4) of the UTF-8 character (RFC 3629) at s, or 0 when there is none: not an overlong
 * form, not a surrogate, nothing above U+10FFFF. */
static size_t utf8_char(const unsigned char *s, size_t size)
{
    size_t k, need;
    unsigned long code, least;

    if (s[0] < 0x80) {
        return 1;
    }
    if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        need = 1, code = s[0] & 0x1f, least = 0x80;
    } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
        need = 2, code = s[0] & 0x0f, least = 0x800;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        need = 3, code = s[0] & 0x07, least = 0x10000;
    } else {
        return 0;
    }
    if (size - 1 < need) {
        return 0;
    }
    for (k = 1; k <= need; k++) {
        if ((s[k] & 0xc0) != 0x80) {
            return 0;
        }
        code = code << 6 | (s[k] & 0x3f);
    }
    return code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0 : need + 1;
}

static int utf8_valid(const unsigned char *s, size_t size)
{
    size_t i, n;

    for (i = 0; i < size; i += n) {
        if ((n = utf8_char(s + i, size - i)) == 0) {
            return 0;
        }
    }
    return 1;
}

/* The server's text on out, UTF-8 as it is but controls (C0, DEL, C1), backslashes and bytes outside
 * UTF-8 as \xNN: no terminal escape sequence, no NUL gets through. */
static void print_text(FILE *out, const void *text, size_t size)
{
    const unsigned char *s = text;
    size_t i, n;

    for (i = 0; i < size; i += n) {
        n = utf8_char(s + i, size - i);
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

/* The statuses a close frame may carry (RFC 6455 section 7.4, and IANA's 1012 to 1014). */
static int status_valid(unsigned status)
{
    return (status >= 1000 && status <= 1003) || (status >= 1007 && status <= 1014)
           || (status >= 3000 && status <= 4999);
}

static const char *status_name(unsigned status)
{
    switch (status) {
    case NORMAL: return "normal";
    case 1001: return "going away";
    case PROTOCOL_ERROR: return "protocol error";
    case NO_STATUS: return "no status";
    case INVALID_TEXT: return "invalid text";
    case POLICY: return "policy violation";
    case TOO_BIG: return "message too big";
    case 1011: return "server error";
    default: return "other";
    }
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
    nsapi_error_t err = example_send_all(&c->socket, data, size, c->deadline, NULL, NULL);

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
    nsapi_size_or_error_t n = example_recv_by(&c->socket, c->in, sizeof c->in, c->deadline);

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
    size_t used = 0, done = 0;
    int i;

    if (random_bytes(c, mask, sizeof mask) != 0) {
        return -1;
    }
    out[used++] = (unsigned char)((fin ? 0x80 : 0) | opcode);
    if (size < 126) {
        out[used++] = (unsigned char)(0x80 | size);
    } else if (size <= 0xffff) {
        out[used++] = 0x80 | 126;
        out[used++] = (unsigned char)(size >> 8);
        out[used++] = (unsigned char)size;
    } else {
        out[used++] = 0x80 | 127;
        for (i = 7; i >= 0; i--) {
            out[used++] = (unsigned char)((unsigned long long)size >> (8 * i));
        }
    }
    memcpy(out + used, mask, sizeof mask);
    used += sizeof mask;
    do { /* the header goes with the first piece of payload: one segment for a small frame */
        for (; used < sizeof out && done < size; used++, done++) {
            out[used] = data[done] ^ mask[done % 4];
        }
        if (send_all(c, out, used) != 0) {
            return -1;
        }
        used = 0;
    } while (done < size);
    return 0;
}

/* A close frame with status (none for NO_STATUS); nothing may be sent after it. */
static int send_close(struct connection *c, unsigned status)
{
    unsigned char payload[2] = {(unsigned char)(status >> 8), (unsigned char)status};

    c->close_sent = status;
    return send_frame(c, 1, CLOSE, payload, status == NO_STATUS ? 0 : 2);
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
    fprintf(stderr, "; closing with status %u (%s)\n", status, status_name(status));
    begin_step(c, FINISH_MS); /* the step's time may be gone; the close frame still deserves some */
    send_close(c, status);
    return -1;
}

/* A frame's header, checked for what a client must refuse (RFC 6455 section 5.2); 0, or -1 (said why). */
static int read_header(struct connection *c, struct frame *f)
{
    unsigned char b[8];
    size_t extended;
    unsigned i;

    if (read_exact(c, b, 2) != 0) {
        return -1;
    }
    f->fin = b[0] >> 7;
    f->opcode = b[0] & 0x0f;
    f->size = b[1] & 0x7f;
    if (b[0] & 0x70) {
        return fail_connection(c, PROTOCOL_ERROR, "a frame with reserved bits set (0x%02x) and no extension agreed",
                               b[0] & 0x70);
    }
    if (b[1] & 0x80) {
        return fail_connection(c, PROTOCOL_ERROR, "a masked frame: a server must not mask");
    }
    if (f->opcode > BINARY && f->opcode != CLOSE && f->opcode != PING && f->opcode != PONG) {
        return fail_connection(c, PROTOCOL_ERROR, "a frame with the unknown opcode 0x%x", f->opcode);
    }
    extended = f->size == 126 ? 2 : f->size == 127 ? 8 : 0;
    if (extended > 0) {
        if (read_exact(c, b, extended) != 0) {
            return -1;
        }
        for (f->size = 0, i = 0; i < extended; i++) {
            f->size = f->size << 8 | b[i];
        }
        if (f->size >> 63) {
            return fail_connection(c, PROTOCOL_ERROR, "a 64-bit frame length with its most significant bit set");
        }
        if (f->size < 126 || (extended == 8 && f->size <= 0xffff)) {
            return fail_connection(c, PROTOCOL_ERROR, "a frame length of %llu not in its shortest form", f->size);
        }
    }
    if ((f->opcode & 0x8) && !f->fin) {
        return fail_connection(c, PROTOCOL_ERROR, "a fragmented control frame (opcode 0x%x)", f->opcode);
    }
    if ((f->opcode & 0x8) && f->size > CONTROL_MAX) {
        return fail_connection(c, PROTOCOL_ERROR, "a control frame of %llu bytes (at most %d)", f->size, CONTROL_MAX);
    }
    return 0;
}

/* A close frame's payload: its status must be one a peer may send, its reason UTF-8.  Replies when first. */
static int take_close(struct connection *c, size_t size, struct event *e)
{
    e->opcode = CLOSE;
    e->status = size >= 2 ? (unsigned)c->control[0] << 8 | c->control[1] : NO_STATUS;
    e->data = c->control + 2;
    e->size = size >= 2 ? size - 2 : 0;
    if (size == 1 || (size >= 2 && !status_valid(e->status))) {
        return fail_connection(c, PROTOCOL_ERROR, "a close frame with a bad status (%zu bytes, status %u)", size,
                               e->status);
    }
    if (!utf8_valid(e->data, e->size)) {
        return fail_connection(c, INVALID_TEXT, "a close frame whose reason is not UTF-8");
    }
    if (!c->close_sent && send_close(c, e->status) != 0) { /* the reply echoes the server's status */
        return -1;
    }
    return 0;
}

/* A data frame's payload, added to the message being reassembled; 1 when the message is whole, 0, or -1. */
static int take_data(struct connection *c, const struct frame *f, struct event *e)
{
    if (f->opcode == CONTINUATION && c->opcode == CONTINUATION) {
        return fail_connection(c, PROTOCOL_ERROR, "a continuation frame with no message begun");
    }
    if (f->opcode != CONTINUATION && c->opcode != CONTINUATION) {
        return fail_connection(c, PROTOCOL_ERROR, "a new message before the last one's final fragment");
    }
    if (f->opcode != CONTINUATION) {
        c->opcode = f->opcode;
        c->size = 0;
        c->frames = 0;
    }
    if (f->size > MESSAGE_MAX - c->size) {
        return fail_connection(c, TOO_BIG, "a message larger than %d bytes", MESSAGE_MAX);
    }
    if (read_exact(c, c->message + c->size, (size_t)f->size) != 0) {
        return -1;
    }
    c->size += (size_t)f->size;
    c->frames++;
    if (!f->fin) {
        return 0;
    }
    if (c->opcode == TEXT && !utf8_valid(c->message, c->size)) {
        return fail_connection(c, INVALID_TEXT, "a text message that is not UTF-8");
    }
    e->opcode = c->opcode;
    e->data = c->message;
    e->size = c->size;
    e->frames = c->frames;
    c->opcode = CONTINUATION;
    return 1;
}

/* The next message, pong or close frame from the server, answering pings on the way; 0, or -1 (said why). */
static int receive(struct connection *c, struct event *e)
{
    unsigned idle = 0;

    for (;;) { /* bounded: a frame either adds bytes to the message (at most MESSAGE_MAX) or counts as idle */
        struct frame f;
        int whole;

        if (read_header(c, &f) != 0) {
            return -1;
        }
        if ((f.size == 0 || (f.opcode & 0x8)) && ++idle > IDLE_MAX) {
            return fail_connection(c, POLICY, "more than %d empty frames or pings while waiting for a message",
                                   IDLE_MAX);
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
        if (f.opcode == CLOSE) {
            return take_close(c, (size_t)f.size, e);
        }
        if (f.opcode == PONG) {
            e->opcode = PONG;
            e->data = c->control;
            e->size = (size_t)f.size;
            return 0;
        }
        if (!c->close_sent) { /* a ping gets a pong with its payload, unless our close went out */
            if (send_frame(c, 1, PONG, c->control, (size_t)f.size) != 0) {
                return -1;
            }
            printf("answered a ping (%llu bytes)\n", f.size);
        }
    }
}

/* Whether a comma-separated header value lists token (case-insensitive). */
static int has_token(const char *value, const char *token)
{
    size_t length = strlen(token);

    while (*value != '\0') {
        size_t n;

        value += strspn(value, " \t,");
        n = strcspn(value, " \t,");
        if (n == length && strncasecmp(value, token, length) == 0) {
            return 1;
        }
        value += n;
    }
    return 0;
}

/* Whether header line names the header name (case-insensitive); *value is then its value, trimmed. */
static int header(char *line, const char *name, const char **value)
{
    size_t length = strlen(name), end;

    if (strncasecmp(line, name, length) != 0 || line[length] != ':') {
        return 0;
    }
    end = strlen(line);
    while (end > length + 1 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
        line[--end] = '\0';
    }
    *value = line + length + 1 + strspn(line + length + 1, " \t");
    return 1;
}

/* The server's answer to the upgrade: 101, one Upgrade: websocket, Connection listing upgrade (in any of
 * its lines), the right accept key; 0, or -1 (said why). */
static int read_answer(struct connection *c, const char *accept)
{
    char line[LINE_MAX_BYTES], status[64];
    const char *value;
    int lines = 0, upgrade = 0, connection = 0, accepted = 0;
    long got;

    if ((got = read_line(c, line, sizeof line)) < 0) {
        return -1;
    }
    if (strncmp(line, "HTTP/1.1 101", 12) != 0 || (line[12] != ' ' && line[12] != '\0')) {
        quote(line, (size_t)got, "not 101 Switching Protocols: the server answered ");
        return -1;
    }
    snprintf(status, sizeof status, "%.60s", line + 9);
    while ((got = read_line(c, line, sizeof line)) > 0) {
        if (++lines > LINES_MAX) {
            fprintf(stderr, "more than %d header lines\n", LINES_MAX);
            return -1;
        }
        if (header(line, "Upgrade", &value)) {
            if (upgrade++ > 0 || strcasecmp(value, "websocket") != 0) {
                quote(line, strlen(line), "one \"Upgrade: websocket\" expected, the server sent ");
                return -1;
            }
        } else if (header(line, "Connection", &value)) {
            connection |= has_token(value, "upgrade");
        } else if (header(line, "Sec-WebSocket-Accept", &value)) {
            if (strcmp(value, accept) != 0) {
                quote(value, strlen(value), "Sec-WebSocket-Accept should be \"%s\", the server sent ", accept);
                return -1;
            }
            accepted = 1;
        } else if (header(line, "Sec-WebSocket-Extensions", &value) || header(line, "Sec-WebSocket-Protocol", &value)) {
            quote(line, strlen(line), "the server chose what was not offered: ");
            return -1;
        }
    }
    if (got < 0) {
        return -1;
    }
    if (!upgrade || !connection || !accepted) {
        fprintf(stderr, "the answer lacks %s\n", !upgrade ? "\"Upgrade: websocket\"" : !connection
                ? "\"Connection: Upgrade\"" : "Sec-WebSocket-Accept");
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
    unsigned char nonce[16], digest[SHA1_SIZE];
    char key[25], accept[29], request[1024];
    struct sha1 sha;
    int n;

    begin_step(c, STEP_MS);
    if (random_bytes(c, nonce, sizeof nonce) != 0) {
        return -1;
    }
    base64(nonce, sizeof nonce, key);
    sha1_init(&sha); /* what the server must answer: base64(SHA-1(key GUID)) */
    sha1_update(&sha, key, strlen(key));
    sha1_update(&sha, GUID, strlen(GUID));
    sha1_final(&sha, digest);
    base64(digest, sizeof digest, accept);
    n = snprintf(request, sizeof request,
                 "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", url->target, url->authority, key);
    if (n < 0 || (size_t)n >= sizeof request) {
        fprintf(stderr, "the request does not fit %zu bytes\n", sizeof request);
        return -1;
    }
    if (send_all(c, (const unsigned char *)request, (size_t)n) != 0) {
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

        if (send_frame(c, i == pieces, i == 1 ? opcode : CONTINUATION, data + done, take) != 0) {
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
    if (e->opcode == CLOSE) {
        quote(e->data, e->size, "the server closed the connection: status %u (%s) ", e->status,
              status_name(e->status));
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
        if (e.opcode == PONG) {
            continue; /* an unasked-for pong may come (RFC 6455 section 5.5.3): skip it */
        }
        if (e.opcode == opcode && e.size == size && memcmp(e.data, data, size) == 0) {
            printf("%s: echo matched (%u frame%s)\n", what, e.frames, e.frames == 1 ? "" : "s");
            return 1;
        }
        printf("%s: echo DIFFERS: a %s message of %zu bytes\n", what, e.opcode == TEXT ? "text" : "binary", e.size);
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
    if (send_frame(c, 1, PING, (const unsigned char *)payload, size) != 0) {
        return -1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) {
        if (receive_open(c, &e) != 0) {
            return -1;
        }
        if (e.opcode == PONG && e.size == size && memcmp(e.data, payload, size) == 0) {
            printf("ping \"%s\": pong matched\n", payload);
            return 1;
        }
        if (e.opcode != PONG) {
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
    if (send_close(c, NORMAL) != 0) {
        return -1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) { /* messages the server sent before it saw ours */
        if (receive(c, &e) != 0) {
            return -1;
        }
        if (e.opcode != CLOSE) {
            continue;
        }
        if (e.status != NORMAL && e.status != NO_STATUS) {
            quote(e.data, e.size, "close: sent %d, the server answered %u (%s) ", NORMAL, e.status,
                  status_name(e.status));
            return -1;
        }
        printf("close: sent %d, the server answered %u (%s)\n", NORMAL, e.status, status_name(e.status));
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
        {"text \"hello\"", TEXT, (const unsigned char *)hello, sizeof hello - 1, 1},
        {"binary, every byte value (256 bytes)", BINARY, bytes, sizeof bytes, 1},     /* a 16-bit length */
        {"binary, 65536 bytes", BINARY, big, sizeof big, 1},                           /* a 64-bit length */
        {"text in 3 fragments", TEXT, (const unsigned char *)fragmented, sizeof fragmented - 1, 3},
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
    if (send_message(c, TEXT, (const unsigned char *)text, strlen(text), 1) != 0) {
        return 1;
    }
    for (tries = 0; tries < IDLE_MAX; tries++) {
        if (receive_open(c, &e) != 0) {
            return 1;
        }
        if (e.opcode != PONG) {
            break;
        }
    }
    if (e.opcode == TEXT) {
        printf("received text (%zu bytes, %u frame%s): ", e.size, e.frames, e.frames == 1 ? "" : "s");
        print_text(stdout, e.data, e.size);
        printf("\n");
    } else if (e.opcode == BINARY) {
        printf("received a binary message (%zu bytes, %u frame%s)\n", e.size, e.frames, e.frames == 1 ? "" : "s");
    } else {
        printf("no answer, only pongs\n");
    }
    if (close_handshake(c) != 0) {
        return 1;
    }
    return e.opcode == PONG;
}

/* After the close frames, or a failure: let the server close TCP first (RFC 6455 section 7.1.1), within
 * FINISH_MS, discarding what still comes (unread data would turn our close into a reset).  Returns rc, or
 * 1 (said why) when rc is 0 but the server did not close TCP in time: the close handshake is not done. */
static int finish(struct connection *c, int rc)
{
    nsapi_size_or_error_t n;

    begin_step(c, FINISH_MS);
    while ((n = example_recv_by(&c->socket, c->in, sizeof c->in, c->deadline)) > 0) {
        /* discarded */
    }
    nsapi_tcp_socket_close(&c->socket);
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
    err = nsapi_stack_gethostbyname(stack, url->host, &peer, NSAPI_UNSPEC);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("gethostbyname", err);
    }
    nsapi_socket_address_set_port(&peer, (uint16_t)url->port);
    nsapi_socket_address_get_ip_address(&peer, address, sizeof address);
    printf("connecting to %s port %u\n", address, url->port);
    err = nsapi_tcp_socket_open(&c->socket, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    nsapi_tcp_socket_set_timeout(&c->socket, STEP_MS);
    err = nsapi_tcp_socket_connect(&c->socket, &peer);
    if (err != NSAPI_ERROR_OK) {
        nsapi_tcp_socket_close(&c->socket);
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
        nsapi_tcp_socket_close(&c.socket); /* no WebSocket yet: nothing to close but TCP */
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
    nsapi_stack_t stack;
    struct url url;
    const char *text = NULL, *address = NULL;
    int rc = example_stack_up(&argc, argv, &stack), i;

    if (rc != 0) {
        return rc == 2 ? usage() : rc;
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--message") == 0 && i + 1 < argc && text == NULL) {
            text = argv[++i];
        } else if (address == NULL) {
            address = argv[i];
        } else {
            address = "";
        }
    }
    if (address == NULL || parse_url(address, &url) != 0) {
        if (address != NULL && strncasecmp(address, "wss://", 6) == 0) {
            fprintf(stderr, "wss:// needs TLS, which this example has not: use ws://\n");
        }
        example_stack_down(&stack);
        return usage();
    }
    if (text != NULL && (strlen(text) > MESSAGE_MAX || !utf8_valid((const unsigned char *)text, strlen(text)))) {
        fprintf(stderr, "--message TEXT must be UTF-8, at most %d bytes\n", MESSAGE_MAX);
        example_stack_down(&stack);
        return usage();
    }
    rc = run(&stack, &url, text);
    example_stack_down(&stack);
    return rc;
}
