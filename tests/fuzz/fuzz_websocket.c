/*
 * WebSocket (examples/websocket/ws_codec.c) as the client reads a server:
 * the input's first byte chooses what the rest is.  Even: the frames after
 * the handshake, each header decoded, its payload taken, data frames put
 * together into messages of at most MESSAGE_MAX bytes, close payloads read;
 * until one is cut short or refused.  Odd: the handshake's answer, lines
 * ending in LF, checked as the client checks them against RFC 6455's
 * sample key.
 */
#include <string.h>

#include "fuzz_target.h"
#include "websocket/ws_codec.h"

#define MESSAGE_MAX 4096
#define FRAMES_MAX 256
#define LINE_MAX_BYTES 1024

static unsigned char message[MESSAGE_MAX];

/* One frame's payload (size bytes at payload): 0 to go on, -1 when the client would fail the connection. */
static int take_payload(struct ws_message *m, const struct ws_frame *f, const unsigned char *payload)
{
    size_t size = (size_t)f->size;

    if (f->opcode == WS_CLOSE) {
        unsigned char *copy = malloc(size > 0 ? size : 1); /* exactly the payload: ASan sees a read past it */
        const unsigned char *reason = NULL;
        size_t reason_size = 0;
        unsigned status = 0;
        enum ws_fault fault;

        if (copy == NULL) {
            return -1;
        }
        memcpy(copy, payload, size);
        fault = ws_decode_close(copy, size, &status, &reason, &reason_size);
        FUZZ_CHECK(fault != WS_OK || status == WS_STATUS_NONE || ws_status_valid(status));
        FUZZ_CHECK(fault != WS_OK || reason_size == 0 || (reason >= copy && reason + reason_size <= copy + size));
        free(copy);
        return -1; /* a close ends the connection */
    }
    if (f->opcode == WS_PING || f->opcode == WS_PONG) {
        return 0;
    }
    if (ws_message_begin_frame(m, f, MESSAGE_MAX) != WS_OK) {
        return -1;
    }
    FUZZ_CHECK(m->size + size <= MESSAGE_MAX);
    memcpy(message + m->size, payload, size);
    switch (ws_message_end_frame(m, f, message)) {
    case WS_MORE:
    case WS_OK:
        FUZZ_CHECK(m->size <= MESSAGE_MAX);
        return 0;
    default:
        return -1;
    }
}

static void frames(const uint8_t *data, size_t size)
{
    struct ws_message m = {WS_CONTINUATION, 0, 0, 1};
    size_t at = 0;
    int n;

    for (n = 0; n < FRAMES_MAX && at < size; n++) {
        struct ws_frame f;
        size_t need = 0;
        enum ws_fault fault = ws_decode_frame_header(data + at, size - at, &f, &need);

        if (fault == WS_MORE) {
            FUZZ_CHECK(need > size - at && need <= WS_HEADER_MAX);
            return;
        }
        if (fault != WS_OK) {
            FUZZ_CHECK(ws_fault_status(fault) >= 1000);
            return;
        }
        FUZZ_CHECK(need >= 2 && need <= size - at && need <= WS_HEADER_MAX);
        at += need;
        if (f.size > size - at || take_payload(&m, &f, data + at) != 0) {
            return;
        }
        at += (size_t)f.size;
    }
}

static void answer(const uint8_t *data, size_t size)
{
    static char line[LINE_MAX_BYTES];
    struct ws_answer a;
    char accept[WS_ACCEPT_SIZE];
    const char *value;
    size_t at = 0;
    int first = 1;

    memset(&a, 0, sizeof a);
    ws_accept("dGhlIHNhbXBsZSBub25jZQ==", accept);
    while (at < size) {
        const uint8_t *lf = memchr(data + at, '\n', size - at);
        size_t length = lf != NULL ? (size_t)(lf - (data + at)) : size - at;

        if (length >= sizeof line) {
            return;
        }
        memcpy(line, data + at, length);
        at += length + 1;
        length -= length > 0 && line[length - 1] == '\r';
        line[length] = '\0';
        if (first) {
            if (!ws_status_line_ok(line)) {
                return;
            }
            first = 0;
        } else if (line[0] == '\0' || ws_answer_line(&a, line, accept, &value) != WS_OK) {
            break;
        }
    }
    (void)ws_answer_missing(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    if (data[0] % 2 == 0) {
        frames(data + 1, size - 1);
    } else {
        answer(data + 1, size - 1);
    }
    return 0;
}
