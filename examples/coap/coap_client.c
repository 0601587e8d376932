/*
 * A CoAP (RFC 7252) client: one GET or PUT to a coap:// URL over a UDPSocket,
 * or to a coaps:// URL over a DTLSSocket (coap_link.c).
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
 * usage: coap_client [--interface SPEC] [INTERFACE OPTIONS] [--ack-timeout MS] [--psk-identity ID]
 *                    [--psk KEY] [--cacert FILE] [--cert FILE] [--key FILE]
 *                    get|put coap[s]://HOST[:PORT][/PATH][?QUERY] [PAYLOAD]
 *        coaps:// runs DTLS 1.2 first, with --psk-identity ID --psk KEY (KEY's bytes, as libcoap's -k), or
 *        with certificates: --cacert FILE (default /etc/ssl/certs; the server's certificate must name
 *        HOST) and, for a server that asks, --cert FILE --key FILE.  Its PORT is 5684 unless given.
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
 *
 * The messages' bytes are coap_codec.c's (built, read, checked); this file is the command line,
 * the exchange over the socket (retransmissions, matching) and what it prints.
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
#include "common/example_network.h"
#include "common/url.h"
#include "common/usage.h"
#include "coap_codec.h"
#include "coap_link.h"

#define ACK_TIMEOUT_MS 2000
#define MAX_RETRANSMIT 4
#define STRANGERS_MAX 100  /* unrelated or ignored messages tolerated in one exchange */
#define TOKEN_LENGTH 4
#define WHY_MAX 64         /* a fault in words */

/* The request's bytes, sent again unchanged while no ACK comes. */
struct request {
    unsigned char bytes[COAP_MESSAGE_MAX];
    size_t length;
};

struct url {
    char host[NSAPI_DNS_NAME_SIZE];
    int literal;         /* an IP address, so no Uri-Host */
    unsigned port;
    const char *path;    /* "/PATH?QUERY", or "" */
    int secure;          /* coaps:// */
};

#define COAPS_PORT 5684

/* coaps://'s credentials, from the command line. */
static struct coap_security security;

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

static int usage(const char *argv0, int help)
{
    return example_usage(argv0, "[--ack-timeout MS] [--psk-identity ID] [--psk KEY] [--cacert FILE] [--cert FILE]"
                         " [--key FILE] get|put coap[s]://HOST[:PORT][/PATH][?QUERY] [PAYLOAD]",
                         "  get|put                the request's method\n"
                         "  coap[s]://HOST[:PORT][/PATH][?QUERY]\n"
                         "                         HOST a name or an address ([v6] in brackets), PORT 5683\n"
                         "                         (coaps: 5684, over DTLS) unless given; PATH and QUERY\n"
                         "                         %-decoded, none unless given\n"
                         "  --psk-identity ID      coaps with a pre-shared key: the identity (default: none,\n"
                         "                         certificates)\n"
                         "  --psk KEY              the key, its bytes (1 to 64) as libcoap's -k takes them\n"
                         "  --cacert FILE          coaps with certificates: the authorities the server's must\n"
                         "                         chain to, a PEM file or a directory (default\n"
                         "                         /etc/ssl/certs); it must name HOST\n"
                         "  --cert FILE            this client's certificate, for a server that asks (default:\n"
                         "                         none)\n"
                         "  --key FILE             its private key\n"
                         "  PAYLOAD                what put sends, as text/plain, up to 1024 bytes (default empty)\n"
                         "  --ack-timeout MS       the first wait for an ACK, 10 to 60000 (default 2000)\n",
                         help);
}

/* A coaps:// option and its value into security: 1, or 0 when option is none of them. */
static int credential(const char *option, const char *value)
{
    static const char *const names[] = {"--psk-identity", "--psk", "--cacert", "--cert", "--key"};
    const char **fields[] = {&security.psk_identity, &security.psk, &security.cacert, &security.cert, &security.key};
    size_t i;

    for (i = 0; value != NULL && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(option, names[i]) == 0) {
            *fields[i] = value;
            return 1;
        }
    }
    return 0;
}

/* Whether the credentials given fit the URL: none for coap://; for coaps:// a PSK (identity and key, 1 to 64
 * bytes) or certificates (the system store unless --cacert; --cert and --key together). */
static int credentials_fit(const struct url *url)
{
    const struct coap_security *s = &security;
    int any = s->psk_identity || s->psk || s->cacert || s->cert || s->key;
    size_t psk = s->psk != NULL ? strlen(s->psk) : 0;

    if (!url->secure) {
        return !any;
    }
    if (s->psk_identity != NULL || s->psk != NULL) {
        return s->psk_identity != NULL && psk >= 1 && psk <= 64 && !s->cacert && !s->cert && !s->key;
    }
    if (s->cacert == NULL) {
        security.cacert = "/etc/ssl/certs";
    }
    return (s->cert == NULL) == (s->key == NULL);
}

/* Characters of a host name in a URL (RFC 3986 reg-name) but '%': names are not %-decoded. */
#define NAME_CHARACTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;="

/* coap[s]://HOST[:PORT][/PATH][?QUERY] into url; 0, or -1 (no fragment: RFC 7252 6.4 refuses it). */
static int parse_url(const char *text, struct url *url)
{
    nsapi_socket_address_t probe = {{NSAPI_UNSPEC, {0}}, 0};
    const char *end;
    size_t length, i;

    url->secure = strncasecmp(text, "coaps://", 8) == 0;
    if (url->secure) {
        text++; /* "coaps://" is "coap://" a character on */
    }
    if ((!url->secure && strncasecmp(text, "coap://", 7) != 0) || strchr(text, '#') != NULL
        || (end = example_authority(text + 7, url->host, sizeof url->host, &url->port,
                                    url->secure ? COAPS_PORT : COAP_PORT)) == NULL) {
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

/* An Empty ACK or RST for message id (4 bytes, no token). */
static nsapi_size_or_error_t send_empty(struct coap_link *socket, enum coap_type type, unsigned id)
{
    unsigned char out[4];

    return coap_link_send(socket, out, coap_encode_empty(out, type, id));
}

enum outcome { WAITING, REJECTED, EMPTY_ACK, ANSWERED, FAILED };

static int same_token(const struct coap_message *a, const struct coap_message *b)
{
    return a->token_length == b->token_length && memcmp(a->token, b->token, a->token_length) == 0;
}

/* One message from the server, against the request sent and whether it was acknowledged already;
 * for a REJECTED one, why it was (a text of its own, or in text, which holds WHY_MAX bytes). */
static enum outcome handle(struct coap_link *socket, const struct coap_message *sent, int acked,
                           const unsigned char *in, size_t size, struct coap_message *m, char *text,
                           const char **why)
{
    enum coap_fault fault = coap_decode(in, size, m);
    const char *bad = fault != COAP_OK ? coap_fault_text(fault, m, text, WHY_MAX) : NULL;
    int ours;

    if (size < 4 || in[0] >> 6 != 1) {
        printf("ignored a datagram that is not CoAP version 1 (%zu bytes)\n", size);
        return WAITING;
    }
    if (m->type == COAP_ACK || m->type == COAP_RST) {
        ours = m->id == sent->id && !acked;
    } else { /* a separate response carries the request's token and a response code */
        ours = same_token(m, sent) && coap_is_response(m->code);
    }
    if (!ours) {
        if (m->type == COAP_CON && send_empty(socket, COAP_RST, m->id) == 4) {
            printf("reset an unexpected CON message (id 0x%04x)\n", m->id);
        } else {
            printf("ignored an unexpected %s message (id 0x%04x)\n", coap_type_name(m->type), m->id);
        }
        return WAITING;
    }
    if (bad == NULL && m->type == COAP_ACK && m->code != 0 && m->code >> 5 == 0) {
        bad = "an ACK carrying a request";
    }
    if (bad == NULL && m->type == COAP_ACK && m->code != 0 && !same_token(m, sent)) {
        bad = "a piggybacked response with another token";
    }
    if (bad == NULL && m->type == COAP_RST && m->code != 0) {
        bad = "an RST that is not an Empty message";
    }
    if (bad != NULL && (m->type == COAP_ACK || m->type == COAP_RST)) {
        printf("ignored a malformed %s (id 0x%04x): %s\n", coap_type_name(m->type), m->id, bad);
        *why = bad; /* as if it never came (RFC 7252 4.2): the request goes on being sent */
        return REJECTED;
    }
    if (bad != NULL) {
        if (m->type == COAP_CON) {
            send_empty(socket, COAP_RST, m->id); /* rejected: the server need not send it again */
        }
        fprintf(stderr, "a malformed response (%s, id 0x%04x): %s\n", coap_type_name(m->type), m->id, bad);
        return FAILED;
    }
    if (m->type == COAP_RST) {
        fprintf(stderr, "the server rejected the request (RST)\n");
        return FAILED;
    }
    if (m->type == COAP_ACK) {
        printf("%s\n", m->code == 0 ? "empty ACK: the response will come separately" : "piggybacked response");
        return m->code == 0 ? EMPTY_ACK : ANSWERED;
    }
    if (m->type == COAP_CON) {
        nsapi_size_or_error_t n = send_empty(socket, COAP_ACK, m->id);

        if (n != 4) {
            example_fail("send ACK", n < 0 ? n : NSAPI_ERROR_NO_MEMORY);
            return FAILED;
        }
    }
    printf("separate response (%s, id 0x%04x)%s\n", coap_type_name(m->type), m->id,
           m->type == COAP_CON ? ", acknowledged" : "");
    return ANSWERED;
}

/* One transmission of the request: 0, or 1 with a message. */
static int transmit(struct coap_link *socket, const struct request *r)
{
    nsapi_size_or_error_t n = coap_link_send(socket, r->bytes, r->length);

    return n == (nsapi_size_or_error_t)r->length ? 0 : example_fail("send", n < 0 ? n : NSAPI_ERROR_NO_MEMORY);
}

/* Send the request and wait for its response, into m: 0, or 1 with a message. */
static int exchange(struct coap_link *socket, const struct request *r, const struct coap_message *sent,
                    long long ack_timeout, struct coap_message *m)
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
        char text[WHY_MAX];
        const char *why;

        if (left > 0) {
            /* at most MAX_TRANSMIT_WAIT: fits an int; the server's datagrams only */
            n = coap_link_recv(socket, in, sizeof in, (int)left);
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
        outcome = handle(socket, sent, acked, in, (size_t)n, m, text, &why);
        if (outcome == ANSWERED || outcome == FAILED) {
            return outcome == FAILED;
        }
        if (outcome == REJECTED) { /* why may be a buffer the next message overwrites: copied */
            snprintf(rejected, sizeof rejected, "%s (%s, id 0x%04x)", why, coap_type_name(m->type), m->id);
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
static int report(const struct coap_message *m)
{
    printf("%u.%02u %s\n", m->code >> 5, m->code & 31, coap_code_name(m->code));
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
        fprintf(stderr, "the server answered %u.%02u %s\n", m->code >> 5, m->code & 31, coap_code_name(m->code));
        return 1;
    }
    return 0;
}

static int run(nsapi_stack_t *stack, const struct url *url, const struct request *r, const struct coap_message *sent,
               long long ack_timeout)
{
    static struct coap_link link;
    nsapi_socket_address_t server = {{NSAPI_UNSPEC, {0}}, 0};
    struct coap_message response;
    char text[NSAPI_IP_SIZE];
    int rc;

    if (!url->literal) {
        printf("resolving %s\n", url->host);
    }
    if (example_resolve(stack, url->host, url->port, &server) != 0) {
        return 1;
    }
    nsapi_socket_address_get_ip_address(&server, text, sizeof text);
    if (coap_link_open(&link, stack, &server, url->secure ? &security : NULL, url->host) != 0) {
        return 1;
    }
    printf("%s %s to %s port %u (CON, id 0x%04x, token %02x%02x%02x%02x)\n",
           sent->code == COAP_CODE(0, 1) ? "GET" : "PUT", *url->path != '\0' ? url->path : "/", text, url->port,
           sent->id, sent->token[0], sent->token[1], sent->token[2], sent->token[3]);
    rc = exchange(&link, r, sent, ack_timeout, &response);
    coap_link_close(&link);
    return rc != 0 ? rc : report(&response);
}

int main(int argc, char **argv)
{
    static struct request request;
    nsapi_stack_t *stack = NULL;
    struct url url;
    struct coap_message sent = {0};
    unsigned char random[2 + TOKEN_LENGTH];
    const char *words[3];
    char why[WHY_MAX];
    struct coap_request r = {NULL, NULL, "", -1, NULL, 0};
    enum coap_fault fault;
    long long ack_timeout = ACK_TIMEOUT_MS;
    int rc, i, count = 0;

    setvbuf(stdout, NULL, _IOLBF, 0); /* progress lines in order with stderr's, also in a pipe */
    if (example_help_asked(argc, argv)) {
        return usage(argv[0], 1);
    }
    rc = example_network_up(&argc, argv, &stack);
    if (rc != 0) {
        return rc == 2 ? usage(argv[0], 0) : rc;
    }
    for (i = 1; i < argc; i++) {
        if (credential(argv[i], i + 1 < argc ? argv[i + 1] : NULL)) {
            i++;
        } else if (strcmp(argv[i], "--ack-timeout") == 0 && i + 1 < argc) {
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
        || (count == 3 && strcasecmp(words[0], "put") != 0) || parse_url(words[1], &url) != 0
        || !credentials_fit(&url)) {
        example_network_down();
        return usage(argv[0], 0);
    }
    random_bytes(random, sizeof random);
    sent.type = COAP_CON;
    sent.code = strcasecmp(words[0], "get") == 0 ? COAP_CODE(0, 1) : COAP_CODE(0, 3);
    sent.id = (unsigned)random[0] << 8 | random[1];
    sent.token_length = TOKEN_LENGTH;
    memcpy(sent.token, random + 2, TOKEN_LENGTH);
    r.head = &sent;
    r.host = url.literal ? NULL : url.host;
    r.target = url.path;
    r.content_format = sent.code == COAP_CODE(0, 3) ? 0 : -1; /* a PUT's payload is text/plain */
    r.payload = count == 3 ? (const unsigned char *)words[2] : NULL;
    r.payload_length = count == 3 ? strlen(words[2]) : 0;
    fault = coap_encode_request(request.bytes, sizeof request.bytes, &r, &request.length);
    if (fault != COAP_OK) {
        if (fault == COAP_TOO_BIG) {
            fprintf(stderr, "the request does not fit %zu bytes\n", sizeof request.bytes);
        } else {
            fprintf(stderr, "%s\n", coap_fault_text(fault, NULL, why, sizeof why));
        }
        example_network_down();
        return usage(argv[0], 0);
    }
    rc = run(stack, &url, &request, &sent, ack_timeout);
    example_network_down();
    return rc;
}
