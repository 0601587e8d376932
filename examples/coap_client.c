/*
 * A CoAP (RFC 7252) client: one GET or PUT to a coap:// URL over a UDPSocket.
 * The request is confirmable (CON), with a random message id and token; it
 * is sent again, unchanged, while no ACK comes: first after ACK_TIMEOUT to
 * ACK_TIMEOUT x 1.5 (random), then after twice as long each time, at most
 * MAX_RETRANSMIT (4) times.  The response comes piggybacked on the ACK, or
 * separately: an empty ACK, then the response in a CON of its own, which is
 * acknowledged.  Responses are matched by message id (the ACK) and token;
 * an unexpected CON is answered with a reset (RST), other strangers are
 * ignored.  A malformed ACK or RST for the request is ignored too (RFC 7252
 * 4.2): the request goes on being sent; a malformed separate response is
 * reset and ends the run.  Prints the response code (2.05 Content) and the
 * payload.
 *
 * usage: coap_client --stack lwip-loop|lwip-tap|posix [--dns ADDRESS] [--ack-timeout MS]
 *                    get|put coap://HOST[:PORT][/PATH][?QUERY] [PAYLOAD]
 *        HOST an address (IPv6 in brackets) or a name (also sent as a Uri-Host), taken as it
 *        is: a name with a '%' (or another character a URL host may not have) is refused.
 *        PORT 5683 unless given.  Each /PATH segment becomes a Uri-Path option (at most 64,
 *        "." and ".." resolved away), each &-separated part of a non-empty QUERY a Uri-Query
 *        (both %-decoded).  PUT sends PAYLOAD (up to 1024 bytes, empty unless given) as
 *        text/plain.  --ack-timeout is ACK_TIMEOUT, 2000 ms unless given (10 to 60000:
 *        tests use a short one).
 * Exits 0 on a 2.xx response, 1 on another response or any error (the reason on stderr:
 * no answer after the retransmissions, with the last malformed ACK or RST ignored if any;
 * a reset; a malformed separate response), 2 on bad usage.
 * A separate response must come within MAX_TRANSMIT_WAIT (93 s with the default
 * ACK_TIMEOUT) of the empty ACK, a limit of this client's own; at most 100 unrelated or
 * ignored messages are tolerated.
 * Block-wise transfers (RFC 7959) are not followed: a body in blocks shows its first.
 */
#define _DEFAULT_SOURCE /* strcasecmp, clock_gettime */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/cli.h"
#include "common/clock.h"
#include "common/example_stack.h"
#include "common/url.h"

#define COAP_PORT 5683
#define ACK_TIMEOUT_MS 2000
#define MAX_RETRANSMIT 4
#define MESSAGE_MAX 1152   /* RFC 7252 4.6: fits IPv6's minimum MTU (1280) with its headers */
#define PAYLOAD_MAX 1024
#define OPTION_MAX 255     /* Uri-Host, Uri-Path, Uri-Query: at most 255 bytes each */
#define SEGMENTS_MAX 64    /* Uri-Path options, once "." and ".." are resolved */
#define STRANGERS_MAX 100  /* unrelated or ignored messages tolerated in one exchange */
#define TOKEN_LENGTH 4

#define CODE(class, detail) ((class) << 5 | (detail))
enum type { CON, NON, ACK, RST };
enum option { URI_HOST = 3, URI_PATH = 11, CONTENT_FORMAT = 12, URI_QUERY = 15, BLOCK2 = 23 };
static const char *const types[] = {"CON", "NON", "ACK", "RST"};

/* A message's fields; for a received one, the payload points into the receive buffer. */
struct message {
    unsigned type, code, id;
    unsigned char token[8];
    unsigned token_length;
    long content_format; /* -1 when absent */
    int more_blocks;     /* a Block2 option with its M bit: only the first block is here */
    int seen_content_format, seen_block2; /* neither is repeatable (RFC 7252 5.4.5) */
    const unsigned char *payload;
    size_t payload_length;
};

/* The request being built: its bytes and the last option number written (options go in order). */
struct request {
    unsigned char bytes[MESSAGE_MAX];
    size_t length;
    unsigned last_option;
};

struct url {
    char host[NSAPI_DNS_NAME_SIZE];
    int literal;         /* an IP address, so no Uri-Host */
    unsigned port;
    const char *path;    /* "/PATH?QUERY", or "" */
};

/* Random bits for ids, tokens and the first timeout; a device would use its TRNG. */
static void random_bytes(unsigned char *out, size_t size)
{
    FILE *f = fopen("/dev/urandom", "rb");
    struct timespec now;
    size_t i;

    if (f != NULL && fread(out, 1, size, f) == size) {
        fclose(f);
        return;
    }
    if (f != NULL) {
        fclose(f);
    }
    clock_gettime(CLOCK_REALTIME, &now); /* weak, but ids need only differ between runs */
    for (i = 0; i < size; i++) {
        out[i] = (unsigned char)(now.tv_nsec >> (i % 4 * 8) ^ now.tv_sec >> (i % 2 * 8));
    }
}

static int usage(void)
{
    fprintf(stderr, "usage: coap_client --stack lwip-loop|lwip-tap|posix [--dns ADDRESS] [--ack-timeout MS]\n"
                    "                   get|put coap://HOST[:PORT][/PATH][?QUERY] [PAYLOAD]\n");
    return 2;
}

static const char *code_name(unsigned code)
{
    static const struct {
        unsigned code;
        const char *name;
    } names[] = {
        {CODE(2, 1), "Created"}, {CODE(2, 2), "Deleted"}, {CODE(2, 3), "Valid"}, {CODE(2, 4), "Changed"},
        {CODE(2, 5), "Content"}, {CODE(2, 31), "Continue"}, {CODE(4, 0), "Bad Request"},
        {CODE(4, 1), "Unauthorized"}, {CODE(4, 2), "Bad Option"}, {CODE(4, 3), "Forbidden"},
        {CODE(4, 4), "Not Found"}, {CODE(4, 5), "Method Not Allowed"}, {CODE(4, 6), "Not Acceptable"},
        {CODE(4, 8), "Request Entity Incomplete"}, {CODE(4, 12), "Precondition Failed"},
        {CODE(4, 13), "Request Entity Too Large"}, {CODE(4, 15), "Unsupported Content-Format"},
        {CODE(5, 0), "Internal Server Error"}, {CODE(5, 1), "Not Implemented"}, {CODE(5, 2), "Bad Gateway"},
        {CODE(5, 3), "Service Unavailable"}, {CODE(5, 4), "Gateway Timeout"}, {CODE(5, 5), "Proxying Not Supported"},
    };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].code == code) {
            return names[i].name;
        }
    }
    return "(unknown code)";
}

/* Characters of a host name in a URL (RFC 3986 reg-name) but '%': names are not %-decoded. */
#define NAME_CHARACTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;="

/* coap://HOST[:PORT][/PATH][?QUERY] into url; 0, or -1 (no fragment: RFC 7252 6.4 refuses it). */
static int parse_url(const char *text, struct url *url)
{
    nsapi_socket_address_t probe = {{NSAPI_UNSPEC, {0}}, 0};
    const char *end;
    size_t length, i;

    if (strncasecmp(text, "coap://", 7) != 0 || strchr(text, '#') != NULL
        || (end = example_authority(text + 7, url->host, sizeof url->host, &url->port, COAP_PORT)) == NULL) {
        return -1;
    }
    length = strlen(url->host);
    for (i = 0; i < length; i++) {
        url->host[i] = (char)tolower((unsigned char)url->host[i]); /* Uri-Host is lowercase */
    }
    url->literal = nsapi_socket_address_set_ip_address(&probe, url->host) == NSAPI_ERROR_OK;
    if (text[7] == '[' ? !url->literal || nsapi_socket_address_get_ip_version(&probe) != NSAPI_IPv6
                       : strspn(url->host, NAME_CHARACTERS) != length) {
        return -1; /* brackets hold an IPv6 address only */
    }
    url->path = end;
    return 0;
}

/* The 4-bit field for an option delta or length, and the 0 to 2 bytes that extend it. */
static size_t extend(unsigned value, unsigned *nibble, unsigned char *more)
{
    if (value < 13) {
        *nibble = value;
        return 0;
    }
    if (value < 269) {
        *nibble = 13;
        more[0] = (unsigned char)(value - 13);
        return 1;
    }
    *nibble = 14;
    more[0] = (unsigned char)((value - 269) >> 8);
    more[1] = (unsigned char)(value - 269);
    return 2;
}

/* Append an option (numbers must not decrease); NULL, or why it does not fit. */
static const char *add_option(struct request *r, unsigned number, const unsigned char *value, size_t length)
{
    unsigned char delta_more[2], length_more[2];
    unsigned delta_nibble, length_nibble;
    size_t delta_size = extend(number - r->last_option, &delta_nibble, delta_more);
    size_t length_size = extend((unsigned)length, &length_nibble, length_more);

    if (1 + delta_size + length_size + length > sizeof r->bytes - r->length) {
        return "the request does not fit 1152 bytes";
    }
    r->bytes[r->length++] = (unsigned char)(delta_nibble << 4 | length_nibble);
    memcpy(r->bytes + r->length, delta_more, delta_size);
    r->length += delta_size;
    memcpy(r->bytes + r->length, length_more, length_size);
    r->length += length_size;
    if (length > 0) { /* value may be NULL then */
        memcpy(r->bytes + r->length, value, length);
    }
    r->length += length;
    r->last_option = number;
    return NULL;
}

static int hex(char digit)
{
    int c = (unsigned char)digit; /* <ctype.h> takes no negative char */

    return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

/* text up to end, %-decoded, into value (OPTION_MAX bytes) and length; NULL, or what is wrong. */
static const char *decode(const char *text, const char *end, unsigned char *value, size_t *length)
{
    for (*length = 0; text < end; text++) {
        int c = (unsigned char)*text;

        if (c == '%') {
            if (end - text < 3 || hex(text[1]) < 0 || hex(text[2]) < 0) {
                return "a bad %-encoding in the URL";
            }
            c = hex(text[1]) << 4 | hex(text[2]);
            text += 2;
        }
        if (*length == OPTION_MAX) {
            return "a URL path segment or query part over 255 bytes";
        }
        value[(*length)++] = (unsigned char)c;
    }
    return NULL;
}

/* Where the part of text that starts at text ends: the next separator, or end. */
static const char *part_end(const char *text, const char *end, char separator)
{
    const char *at = memchr(text, separator, (size_t)(end - text));

    return at != NULL ? at : end;
}

/* One option per part of text (up to end) between separators, %-decoded; NULL, or what is wrong. */
static const char *add_parts(struct request *r, unsigned number, const char *text, const char *end, char separator)
{
    for (;;) {
        const char *stop = part_end(text, end, separator);
        unsigned char value[OPTION_MAX];
        size_t length;
        const char *why = decode(text, stop, value, &length);

        if (why == NULL) {
            why = add_option(r, number, value, length);
        }
        if (why != NULL || stop == end) {
            return why;
        }
        text = stop + 1;
    }
}

/* The path (up to end: "" or "/..."), its dot segments resolved as RFC 3986 5.2.4 does (also
 * %-encoded ones: %2E is "."), as Uri-Path options: "/a/./b/../c" is a, c; "/a/b/.." is "/a/",
 * so a and an empty one; "/" is none (RFC 7252 6.4).  NULL, or what is wrong. */
static const char *add_path(struct request *r, const char *text, const char *end)
{
    struct {
        const char *start, *end;
    } kept[SEGMENTS_MAX];
    unsigned char value[OPTION_MAX];
    size_t count = 0, length, i;
    const char *why;

    while (text < end) { /* text is at a '/' */
        const char *start = text + 1, *stop = part_end(start, end, '/');
        size_t dots;

        if ((why = decode(start, stop, value, &length)) != NULL) {
            return why;
        }
        dots = length <= 2 && memcmp(value, "..", length) == 0 ? length : 0; /* ".", "..", or 0 */
        if (dots == 2 && count > 0) {
            count--;
        }
        if (dots == 0 || stop == end) { /* a "." or ".." at the end leaves the path ending in "/" */
            if (count == SEGMENTS_MAX) {
                return "over 64 URL path segments";
            }
            kept[count].start = dots == 0 ? start : stop;
            kept[count++].end = stop;
        }
        text = stop;
    }
    if (count == 1 && kept[0].start == kept[0].end) {
        return NULL; /* the path "/" */
    }
    for (i = 0, why = NULL; i < count && why == NULL; i++) {
        decode(kept[i].start, kept[i].end, value, &length); /* no error: it was decoded above */
        why = add_option(r, URI_PATH, value, length);
    }
    return why;
}

/* The whole request: header, token, options, payload; NULL, or why it cannot be built. */
static const char *build(struct request *r, const struct message *m, const struct url *url, const char *payload)
{
    const char *query = strchr(url->path, '?');
    const char *path_end = query != NULL ? query : url->path + strlen(url->path);
    size_t payload_length = payload != NULL ? strlen(payload) : 0;
    const char *why = NULL;

    r->bytes[0] = (unsigned char)(1 << 6 | m->type << 4 | m->token_length); /* version 1 */
    r->bytes[1] = (unsigned char)m->code;
    r->bytes[2] = (unsigned char)(m->id >> 8);
    r->bytes[3] = (unsigned char)m->id;
    memcpy(r->bytes + 4, m->token, m->token_length);
    r->length = 4 + m->token_length;
    r->last_option = 0;
    if (!url->literal) {
        why = add_option(r, URI_HOST, (const unsigned char *)url->host, strlen(url->host));
    }
    if (why == NULL) {
        why = add_path(r, url->path, path_end);
    }
    if (why == NULL && m->code == CODE(0, 3)) {
        why = add_option(r, CONTENT_FORMAT, NULL, 0); /* 0, text/plain, is the empty uint */
    }
    if (why == NULL && query != NULL && query[1] != '\0') { /* a bare "?" has no Uri-Query (6.4) */
        why = add_parts(r, URI_QUERY, query + 1, query + strlen(query), '&');
    }
    if (why == NULL && payload_length > PAYLOAD_MAX) {
        why = "the payload is over 1024 bytes";
    }
    if (why == NULL && payload_length > 0) {
        if (1 + payload_length > sizeof r->bytes - r->length) {
            return "the request does not fit 1152 bytes";
        }
        r->bytes[r->length++] = 0xFF; /* the payload marker */
        memcpy(r->bytes + r->length, payload, payload_length);
        r->length += payload_length;
    }
    return why;
}

/* Classes 2, 4 and 5 are responses, 0 requests (or Empty); the others are reserved. */
static int is_response(unsigned code)
{
    return code >> 5 == 2 || code >> 5 == 4 || code >> 5 == 5;
}

/* An option delta or length whose nibble is 13 or 14 continues in 1 or 2 bytes; 15 is reserved. */
static const char *read_extended(const unsigned char *in, size_t size, size_t *at, unsigned *value)
{
    if (*value == 15) {
        return "a reserved option delta or length (15)";
    }
    if (*value == 13) {
        if (size - *at < 1) {
            return "an option header cut short";
        }
        *value = 13u + in[(*at)++];
    } else if (*value == 14) {
        if (size - *at < 2) {
            return "an option header cut short";
        }
        *value = 269u + ((unsigned)in[*at] << 8 | in[*at + 1]);
        *at += 2;
    }
    return NULL;
}

static unsigned long read_uint(const unsigned char *value, size_t length)
{
    unsigned long n = 0;

    while (length-- > 0) {
        n = n << 8 | *value++;
    }
    return n;
}

/* What the client makes of one option of a response; NULL, or why the response must be rejected. */
static const char *take_option(struct message *m, unsigned number, const unsigned char *value, size_t length)
{
    static char why[64];

    if (number == CONTENT_FORMAT) { /* elective: a repeat is ignored, the first one kept (5.4.5) */
        if (!m->seen_content_format && length <= 2) {
            m->content_format = (long)read_uint(value, length);
        }
        m->seen_content_format = 1;
    } else if (number == BLOCK2 && m->seen_block2) {
        return "a repeated Block2 option"; /* critical: a repeat rejects the message (5.4.5) */
    } else if (number == BLOCK2 && length <= 3) {
        m->more_blocks = (read_uint(value, length) & 8) != 0;
        m->seen_block2 = 1;
    } else if (number % 2 == 1) { /* critical (RFC 7252 5.4.1): one not understood rejects the message */
        snprintf(why, sizeof why, "an unrecognised critical option %u (%zu bytes)", number, length);
        return why;
    }
    return NULL; /* elective: ignored */
}

/* Read a received message into m; NULL, or its format error (the fields read so far are set). */
static const char *parse(const unsigned char *in, size_t size, struct message *m)
{
    unsigned number = 0, tkl;
    size_t at;

    memset(m, 0, sizeof *m);
    m->content_format = -1;
    m->type = 99; /* none, until the header is read */
    if (size < 4) {
        return "shorter than a CoAP header";
    }
    m->type = in[0] >> 4 & 3;
    m->code = in[1];
    m->id = (unsigned)in[2] << 8 | in[3];
    tkl = in[0] & 15;
    if (tkl > 8 || size - 4 < tkl) {
        return tkl > 8 ? "a token length over 8" : "cut inside its token";
    }
    memcpy(m->token, in + 4, tkl);
    m->token_length = tkl;
    if (m->code == 0) {
        return size > 4 ? "an Empty message with bytes after its header" : NULL;
    }
    if (m->code >> 5 != 0 && !is_response(m->code)) {
        return "a code of a reserved class";
    }
    for (at = 4 + tkl; at < size && in[at] != 0xFF;) { /* each turn takes at least a byte */
        unsigned delta = in[at] >> 4, length = in[at] & 15;
        const char *why;

        at++;
        if ((why = read_extended(in, size, &at, &delta)) != NULL
            || (why = read_extended(in, size, &at, &length)) != NULL) {
            return why;
        }
        if (length > size - at) {
            return "an option value cut short";
        }
        number += delta;
        if (number > 65535) {
            return "an option number over 65535";
        }
        if ((why = take_option(m, number, in + at, length)) != NULL) {
            return why;
        }
        at += length;
    }
    if (at < size && ++at == size) {
        return "a payload marker with no payload";
    }
    m->payload = in + at;
    m->payload_length = size - at;
    return NULL;
}

/* An Empty ACK or RST for message id (4 bytes, no token). */
static nsapi_size_or_error_t send_empty(nsapi_udp_socket_t *socket, enum type type, unsigned id)
{
    unsigned char out[4] = {(unsigned char)(1 << 6 | type << 4), 0, (unsigned char)(id >> 8), (unsigned char)id};

    return nsapi_udp_socket_send(socket, out, sizeof out);
}

enum outcome { WAITING, REJECTED, EMPTY_ACK, ANSWERED, FAILED };

static int same_token(const struct message *a, const struct message *b)
{
    return a->token_length == b->token_length && memcmp(a->token, b->token, a->token_length) == 0;
}

/* One message from the server, against the request sent and whether it was acknowledged already;
 * for a REJECTED one, why it was. */
static enum outcome handle(nsapi_udp_socket_t *socket, const struct message *sent, int acked,
                           const unsigned char *in, size_t size, struct message *m, const char **why)
{
    const char *bad = parse(in, size, m);
    int ours;

    if (size < 4 || in[0] >> 6 != 1) {
        printf("ignored a datagram that is not CoAP version 1 (%zu bytes)\n", size);
        return WAITING;
    }
    if (m->type == ACK || m->type == RST) {
        ours = m->id == sent->id && !acked;
    } else { /* a separate response carries the request's token and a response code */
        ours = same_token(m, sent) && is_response(m->code);
    }
    if (!ours) {
        if (m->type == CON && send_empty(socket, RST, m->id) == 4) {
            printf("reset an unexpected CON message (id 0x%04x)\n", m->id);
        } else {
            printf("ignored an unexpected %s message (id 0x%04x)\n", types[m->type], m->id);
        }
        return WAITING;
    }
    if (bad == NULL && m->type == ACK && m->code != 0 && m->code >> 5 == 0) {
        bad = "an ACK carrying a request";
    }
    if (bad == NULL && m->type == ACK && m->code != 0 && !same_token(m, sent)) {
        bad = "a piggybacked response with another token";
    }
    if (bad == NULL && m->type == RST && m->code != 0) {
        bad = "an RST that is not an Empty message";
    }
    if (bad != NULL && (m->type == ACK || m->type == RST)) {
        printf("ignored a malformed %s (id 0x%04x): %s\n", types[m->type], m->id, bad);
        *why = bad; /* as if it never came (RFC 7252 4.2): the request goes on being sent */
        return REJECTED;
    }
    if (bad != NULL) {
        if (m->type == CON) {
            send_empty(socket, RST, m->id); /* rejected: the server need not send it again */
        }
        fprintf(stderr, "a malformed response (%s, id 0x%04x): %s\n", types[m->type], m->id, bad);
        return FAILED;
    }
    if (m->type == RST) {
        fprintf(stderr, "the server rejected the request (RST)\n");
        return FAILED;
    }
    if (m->type == ACK) {
        printf("%s\n", m->code == 0 ? "empty ACK: the response will come separately" : "piggybacked response");
        return m->code == 0 ? EMPTY_ACK : ANSWERED;
    }
    if (m->type == CON) {
        nsapi_size_or_error_t n = send_empty(socket, ACK, m->id);

        if (n != 4) {
            example_fail("send ACK", n < 0 ? n : NSAPI_ERROR_NO_MEMORY);
            return FAILED;
        }
    }
    printf("separate response (%s, id 0x%04x)%s\n", types[m->type], m->id, m->type == CON ? ", acknowledged" : "");
    return ANSWERED;
}

/* One transmission of the request: 0, or 1 with a message. */
static int transmit(nsapi_udp_socket_t *socket, const struct request *r)
{
    nsapi_size_or_error_t n = nsapi_udp_socket_send(socket, r->bytes, (nsapi_size_t)r->length);

    return n == (nsapi_size_or_error_t)r->length ? 0 : example_fail("send", n < 0 ? n : NSAPI_ERROR_NO_MEMORY);
}

/* Send the request and wait for its response, into m: 0, or 1 with a message. */
static int exchange(nsapi_udp_socket_t *socket, const struct request *r, const struct message *sent,
                    long long ack_timeout, struct message *m)
{
    static unsigned char in[65536]; /* any UDP datagram: none is cut */
    unsigned char random[2];
    char rejected[100] = ""; /* the last malformed ACK or RST ignored, for the final message */
    long long timeout, deadline, first = example_now_ms();
    int transmissions = 1, ignored = 0, acked = 0;

    random_bytes(random, sizeof random);
    timeout = ack_timeout + ((unsigned)random[0] << 8 | random[1]) % (ack_timeout / 2 + 1); /* x 1 to 1.5 */
    if (transmit(socket, r) != 0) {
        return 1;
    }
    deadline = example_now_ms() + timeout;
    for (;;) {
        long long left = deadline - example_now_ms();
        nsapi_size_or_error_t n = NSAPI_ERROR_WOULD_BLOCK;
        enum outcome outcome;
        const char *why;

        if (left > 0) {
            nsapi_udp_socket_set_timeout(socket, (int)left); /* at most MAX_TRANSMIT_WAIT: fits an int */
            n = nsapi_udp_socket_recv(socket, in, sizeof in); /* connect() made it the server's only */
        }
        if (n == NSAPI_ERROR_WOULD_BLOCK) {
            if (example_now_ms() < deadline) {
                continue; /* woken early */
            }
            if (acked) {
                fprintf(stderr, "no separate response within %lld ms of the empty ACK\n", ack_timeout * 93 / 2);
                return 1;
            }
            if (transmissions == 1 + MAX_RETRANSMIT) {
                fprintf(stderr, "no answer after %d transmissions over %lld ms%s%s\n", transmissions,
                        example_now_ms() - first, rejected[0] != '\0' ? "; last rejected: " : "", rejected);
                return 1;
            }
            printf("no answer after %lld ms, sending again (%d of %d)\n", timeout, ++transmissions,
                   1 + MAX_RETRANSMIT);
            if (transmit(socket, r) != 0) {
                return 1;
            }
            timeout *= 2; /* exponential back-off */
            deadline = example_now_ms() + timeout;
            continue;
        }
        if (n < 0) {
            return example_fail("recv", n);
        }
        outcome = handle(socket, sent, acked, in, (size_t)n, m, &why);
        if (outcome == ANSWERED || outcome == FAILED) {
            return outcome == FAILED;
        }
        if (outcome == REJECTED) { /* why may be a buffer the next message overwrites: copied */
            snprintf(rejected, sizeof rejected, "%s (%s, id 0x%04x)", why, types[m->type], m->id);
        }
        if (outcome == EMPTY_ACK) {
            acked = 1;
            /* This client's own limit for the separate response: RFC 7252 sets none, and the server
             * may take as long as it likes to send it; MAX_TRANSMIT_WAIT is a fair bound. */
            deadline = example_now_ms() + ack_timeout * 93 / 2;
        } else if (++ignored > STRANGERS_MAX) {
            fprintf(stderr, "more than %d unrelated or malformed messages: giving up\n", STRANGERS_MAX);
            return 1;
        }
    }
}

/* Print the response: its code, then the payload; 0 for a 2.xx code, 1 otherwise. */
static int report(const struct message *m)
{
    printf("%u.%02u %s\n", m->code >> 5, m->code & 31, code_name(m->code));
    if (m->more_blocks) {
        printf("(the first block of a larger body: this client does not ask for the others)\n");
    }
    if (m->content_format >= 0) {
        printf("payload: %zu bytes, content-format %ld\n", m->payload_length, m->content_format);
    } else {
        printf("payload: %zu bytes\n", m->payload_length);
    }
    fwrite(m->payload, 1, m->payload_length, stdout);
    if (m->payload_length > 0 && m->payload[m->payload_length - 1] != '\n') {
        putchar('\n');
    }
    if (m->code >> 5 != 2) {
        fprintf(stderr, "the server answered %u.%02u %s\n", m->code >> 5, m->code & 31, code_name(m->code));
        return 1;
    }
    return 0;
}

static int run(nsapi_stack_t *stack, const struct url *url, const struct request *r, const struct message *sent,
               long long ack_timeout)
{
    nsapi_udp_socket_t socket = {0};
    nsapi_socket_address_t server = {{NSAPI_UNSPEC, {0}}, 0};
    struct message response;
    char text[NSAPI_IP_SIZE];
    nsapi_error_t err;
    int rc;

    if (!url->literal) {
        printf("resolving %s\n", url->host);
    }
    err = nsapi_stack_gethostbyname(stack, url->host, &server, NSAPI_UNSPEC);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("gethostbyname", err);
    }
    nsapi_socket_address_set_port(&server, (uint16_t)url->port);
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    err = nsapi_udp_socket_open(&socket, stack);
    if (err != NSAPI_ERROR_OK) {
        return example_fail("open", err);
    }
    err = nsapi_udp_socket_connect(&socket, &server); /* the server's datagrams only */
    if (err != NSAPI_ERROR_OK) {
        nsapi_udp_socket_close(&socket);
        return example_fail("connect", err);
    }
    printf("%s %s to %s port %u (CON, id 0x%04x, token %02x%02x%02x%02x)\n", sent->code == CODE(0, 1) ? "GET" : "PUT",
           *url->path != '\0' ? url->path : "/", text, url->port, sent->id, sent->token[0], sent->token[1],
           sent->token[2], sent->token[3]);
    rc = exchange(&socket, r, sent, ack_timeout, &response);
    nsapi_udp_socket_close(&socket);
    return rc != 0 ? rc : report(&response);
}

int main(int argc, char **argv)
{
    static struct request request;
    nsapi_stack_t stack;
    struct url url;
    struct message sent = {0};
    unsigned char random[2 + TOKEN_LENGTH];
    const char *words[3], *why;
    long long ack_timeout = ACK_TIMEOUT_MS;
    int rc, i, count = 0;

    setvbuf(stdout, NULL, _IOLBF, 0); /* progress lines in order with stderr's, also in a pipe */
    rc = example_stack_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage() : rc;
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--ack-timeout") == 0 && i + 1 < argc) {
            char *end;

            ack_timeout = strtoll(argv[++i], &end, 10);
            if (end == argv[i] || *end != '\0' || ack_timeout < 10 || ack_timeout > 60000) {
                count = -1;
                break;
            }
        } else if (count < 3 && strncmp(argv[i], "--", 2) != 0) {
            words[count++] = argv[i];
        } else {
            count = -1;
            break;
        }
    }
    if (count < 2 || (strcasecmp(words[0], "get") != 0 && strcasecmp(words[0], "put") != 0)
        || (count == 3 && strcasecmp(words[0], "put") != 0) || parse_url(words[1], &url) != 0) {
        example_stack_down(&stack);
        return usage();
    }
    random_bytes(random, sizeof random);
    sent.type = CON;
    sent.code = strcasecmp(words[0], "get") == 0 ? CODE(0, 1) : CODE(0, 3);
    sent.id = (unsigned)random[0] << 8 | random[1];
    sent.token_length = TOKEN_LENGTH;
    memcpy(sent.token, random + 2, TOKEN_LENGTH);
    why = build(&request, &sent, &url, count == 3 ? words[2] : NULL);
    if (why != NULL) {
        fprintf(stderr, "%s\n", why);
        example_stack_down(&stack);
        return usage();
    }
    rc = run(&stack, &url, &request, &sent, ack_timeout);
    example_stack_down(&stack);
    return rc;
}
