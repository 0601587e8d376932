#define _DEFAULT_SOURCE /* strcasecmp */

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/http_header.h"
#include "common/utf8.h"
#include "sha1.h"
#include "ws_codec.h"

#define GUID "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" /* RFC 6455 section 1.3 */

size_t ws_base64(const unsigned char *in, size_t size, char *out, size_t out_size)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i, used = 0;

    if (out_size == 0 || size > (out_size - 1) / 4 * 3) { /* room for (size + 2) / 3 groups and the NUL */
        return 0;
    }
    for (i = 0; i < size; i += 3) {
        unsigned long v = (unsigned long)in[i] << 16 | (i + 1 < size ? (unsigned long)in[i + 1] << 8 : 0)
                          | (i + 2 < size ? in[i + 2] : 0);

        out[used++] = digits[v >> 18 & 63];
        out[used++] = digits[v >> 12 & 63];
        out[used++] = i + 1 < size ? digits[v >> 6 & 63] : '=';
        out[used++] = i + 2 < size ? digits[v & 63] : '=';
    }
    out[used] = '\0';
    return used;
}

void ws_key(const unsigned char nonce[WS_NONCE_SIZE], char key[WS_KEY_SIZE])
{
    ws_base64(nonce, WS_NONCE_SIZE, key, WS_KEY_SIZE);
}

void ws_accept(const char *key, char accept[WS_ACCEPT_SIZE])
{
    unsigned char digest[SHA1_SIZE];
    struct sha1 sha;

    sha1_init(&sha);
    sha1_update(&sha, key, strlen(key));
    sha1_update(&sha, GUID, strlen(GUID));
    sha1_final(&sha, digest);
    ws_base64(digest, sizeof digest, accept, WS_ACCEPT_SIZE);
}

int ws_visible(const char *s, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++) {
        if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f) {
            return 0;
        }
    }
    return 1;
}

size_t ws_encode_request(char *out, size_t size, const char *target, const char *host, const char *key)
{
    int n;

    if (!ws_visible(target, strlen(target)) || !ws_visible(host, strlen(host)) || !ws_visible(key, strlen(key))) {
        return 0;
    }
    n = snprintf(out, size,
                 "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", target, host, key);
    return n < 0 || (size_t)n >= size ? 0 : (size_t)n;
}

int ws_status_line_ok(const char *line)
{
    return strncmp(line, "HTTP/1.1 101", 12) == 0 && (line[12] == ' ' || line[12] == '\0');
}

enum ws_fault ws_answer_line(struct ws_answer *a, char *line, const char *accept, const char **value)
{
    if (++a->lines > WS_ANSWER_LINES_MAX) {
        return WS_TOO_MANY_LINES;
    }
    if (example_http_header(line, "Upgrade", value)) {
        if (a->upgrade++ > 0 || strcasecmp(*value, "websocket") != 0) {
            return WS_BAD_UPGRADE;
        }
    } else if (example_http_header(line, "Connection", value)) {
        a->connection |= example_http_has_token(*value, "upgrade"); /* in any of its lines */
    } else if (example_http_header(line, "Sec-WebSocket-Accept", value)) {
        if (strcmp(*value, accept) != 0) {
            return WS_BAD_ACCEPT;
        }
        a->accepted = 1;
    } else if (example_http_header(line, "Sec-WebSocket-Extensions", value)
               || example_http_header(line, "Sec-WebSocket-Protocol", value)) {
        return WS_NOT_OFFERED;
    }
    return WS_OK;
}

const char *ws_answer_missing(const struct ws_answer *a)
{
    return !a->upgrade ? "\"Upgrade: websocket\"" : !a->connection ? "\"Connection: Upgrade\""
           : !a->accepted ? "Sec-WebSocket-Accept" : NULL;
}

static int known_opcode(int opcode)
{
    return opcode == WS_CONTINUATION || opcode == WS_TEXT || opcode == WS_BINARY || opcode == WS_CLOSE
           || opcode == WS_PING || opcode == WS_PONG;
}

size_t ws_encode_frame_header(unsigned char *out, size_t size, int fin, int opcode, unsigned long long length,
                              const unsigned char mask[4])
{
    size_t extended = length < 126 ? 0 : length <= 0xffff ? 2 : 8, used = 0, i;
    size_t need = 2 + extended + (mask != NULL ? 4 : 0);

    if (!known_opcode(opcode) || ((opcode & 0x8) && (!fin || length > WS_CONTROL_MAX)) || length >> 63 != 0
        || size < need) {
        return 0;
    }
    out[used++] = (unsigned char)((fin ? 0x80 : 0) | opcode);
    out[used++] = (unsigned char)((mask != NULL ? 0x80 : 0) | (extended == 0 ? length : extended == 2 ? 126 : 127));
    for (i = extended; i > 0; i--) { /* big-endian */
        out[used++] = (unsigned char)(length >> (8 * (i - 1)));
    }
    if (mask != NULL) {
        memcpy(out + used, mask, 4);
        used += 4;
    }
    return used;
}

void ws_mask(unsigned char *data, size_t size, const unsigned char mask[4], unsigned long long offset)
{
    size_t i;

    for (i = 0; i < size; i++) {
        data[i] ^= mask[(offset + i) % 4];
    }
}

enum ws_fault ws_decode_frame_header(const unsigned char *in, size_t have, struct ws_frame *f, size_t *need)
{
    size_t extended, i;

    *need = 2;
    if (have < 2) {
        return WS_MORE;
    }
    f->fin = in[0] >> 7;
    f->rsv = in[0] & 0x70;
    f->opcode = in[0] & 0x0f;
    f->size = in[1] & 0x7f;
    if (f->rsv != 0) {
        return WS_RESERVED_BITS;
    }
    if (in[1] & 0x80) {
        return WS_MASKED;
    }
    if (!known_opcode(f->opcode)) {
        return WS_UNKNOWN_OPCODE;
    }
    extended = f->size == 126 ? 2 : f->size == 127 ? 8 : 0;
    *need = 2 + extended;
    if (have < *need) {
        return WS_MORE;
    }
    if (extended > 0) {
        for (f->size = 0, i = 0; i < extended; i++) {
            f->size = f->size << 8 | in[2 + i];
        }
        if (f->size >> 63) {
            return WS_LENGTH_TOP_BIT;
        }
        if (f->size < 126 || (extended == 8 && f->size <= 0xffff)) {
            return WS_LENGTH_NOT_SHORTEST;
        }
    }
    if ((f->opcode & 0x8) && !f->fin) {
        return WS_CONTROL_FRAGMENTED;
    }
    if ((f->opcode & 0x8) && f->size > WS_CONTROL_MAX) {
        return WS_CONTROL_TOO_BIG;
    }
    return WS_OK;
}

enum ws_fault ws_message_begin_frame(struct ws_message *m, const struct ws_frame *f, size_t max)
{
    if (m->whole) {
        m->opcode = WS_CONTINUATION;
        m->whole = 0;
    }
    if (f->opcode == WS_CONTINUATION && m->opcode == WS_CONTINUATION) {
        return WS_NO_MESSAGE_BEGUN;
    }
    if (f->opcode != WS_CONTINUATION && m->opcode != WS_CONTINUATION) {
        return WS_MESSAGE_UNFINISHED;
    }
    if (f->opcode != WS_CONTINUATION) {
        m->opcode = f->opcode;
        m->size = 0;
        m->frames = 0;
    }
    return f->size > max - m->size ? WS_MESSAGE_TOO_BIG : WS_OK;
}

enum ws_fault ws_message_end_frame(struct ws_message *m, const struct ws_frame *f, const unsigned char *data)
{
    m->size += (size_t)f->size;
    m->frames++;
    if (!f->fin) {
        return WS_MORE;
    }
    if (m->opcode == WS_TEXT && !example_utf8_valid(data, m->size)) { /* text is checked once whole */
        return WS_INVALID_TEXT;
    }
    m->whole = 1;
    return WS_OK;
}

int ws_status_valid(unsigned status)
{
    return (status >= 1000 && status <= 1003) || (status >= 1007 && status <= 1014)
           || (status >= 3000 && status <= 4999);
}

enum ws_fault ws_decode_close(const unsigned char *payload, size_t size, unsigned *status,
                              const unsigned char **reason, size_t *reason_size)
{
    *status = size >= 2 ? (unsigned)payload[0] << 8 | payload[1] : WS_STATUS_NONE;
    *reason = payload + (size >= 2 ? 2 : size);
    *reason_size = size >= 2 ? size - 2 : 0;
    if (size == 1 || (size >= 2 && !ws_status_valid(*status))) {
        return WS_BAD_CLOSE_STATUS;
    }
    return example_utf8_valid(*reason, *reason_size) ? WS_OK : WS_BAD_CLOSE_REASON;
}

size_t ws_encode_close(unsigned char out[2], unsigned status)
{
    if (status == WS_STATUS_NONE) {
        return 0;
    }
    out[0] = (unsigned char)(status >> 8);
    out[1] = (unsigned char)status;
    return 2;
}

const char *ws_status_name(unsigned status)
{
    switch (status) {
    case WS_STATUS_NORMAL: return "normal";
    case 1001: return "going away";
    case WS_STATUS_PROTOCOL_ERROR: return "protocol error";
    case WS_STATUS_NONE: return "no status";
    case WS_STATUS_INVALID_TEXT: return "invalid text";
    case WS_STATUS_POLICY: return "policy violation";
    case WS_STATUS_TOO_BIG: return "message too big";
    case 1011: return "server error";
    default: return "other";
    }
}

unsigned ws_fault_status(enum ws_fault fault)
{
    return fault == WS_INVALID_TEXT || fault == WS_BAD_CLOSE_REASON ? WS_STATUS_INVALID_TEXT
           : fault == WS_MESSAGE_TOO_BIG ? WS_STATUS_TOO_BIG : WS_STATUS_PROTOCOL_ERROR;
}
