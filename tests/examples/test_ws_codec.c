/*
 * examples/websocket/ws_codec alone: RFC 6455's handshake example (1.3) and
 * frame examples (5.7) byte for byte, masking, base64 on RFC 4648's vectors,
 * the answer to the handshake line by line, every frame a client must
 * refuse, close frames, messages put together from fragments, then a
 * bounded fuzz run: random and mutated frame headers, close payloads and
 * answer lines never read out of bounds (ASan), and every header read is
 * written back to the same bytes.
 */
#include <criterion/criterion.h>

#include "fuzz.h"
#include "websocket/ws_codec.h"

#define BYTES(...) ((const unsigned char[]){__VA_ARGS__}), sizeof((const unsigned char[]){__VA_ARGS__})

static void assert_bytes(const unsigned char *got, size_t got_size, const unsigned char *want, size_t want_size)
{
    cr_assert_eq(got_size, want_size, "%zu bytes, not %zu", got_size, want_size);
    cr_assert_arr_eq(got, want, want_size);
}

Test(ws_codec, handshake_example_of_rfc_6455_1_3)
{
    char key[WS_KEY_SIZE], accept[WS_ACCEPT_SIZE];

    ws_key((const unsigned char *)"the sample nonce", key);
    cr_assert_str_eq(key, "dGhlIHNhbXBsZSBub25jZQ==");
    ws_accept(key, accept);
    cr_assert_str_eq(accept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

Test(ws_codec, base64_vectors_of_rfc_4648)
{
    static const char *const vectors[][2] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
                                             {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
    char out[16];
    size_t i;

    for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        size_t size = strlen(vectors[i][0]), length = strlen(vectors[i][1]);

        cr_assert_eq(ws_base64((const unsigned char *)vectors[i][0], size, out, sizeof out), length);
        cr_assert_str_eq(out, vectors[i][1]);
        cr_assert_eq(ws_base64((const unsigned char *)vectors[i][0], size, out, length + 1), length, "exactly room");
        if (size > 0) {
            cr_assert_eq(ws_base64((const unsigned char *)vectors[i][0], size, out, length), 0, "no room for the NUL");
        }
    }
    cr_assert_eq(ws_base64((const unsigned char *)"f", 1, out, 0), 0);
}

Test(ws_codec, request_and_its_checks)
{
    char out[256];
    size_t n = ws_encode_request(out, sizeof out, "/chat?x=1", "ws.test:8765", "dGhlIHNhbXBsZSBub25jZQ==");

    cr_assert_str_eq(out, "GET /chat?x=1 HTTP/1.1\r\nHost: ws.test:8765\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n");
    cr_assert_eq(n, strlen(out));
    cr_assert_eq(ws_encode_request(out, n, "/chat?x=1", "ws.test:8765", "dGhlIHNhbXBsZSBub25jZQ=="), 0, "no NUL");
    cr_assert_eq(ws_encode_request(out, sizeof out, "/a b", "h", "k"), 0, "a space in the target");
    cr_assert_eq(ws_encode_request(out, sizeof out, "/", "h\r\nX: y", "k"), 0, "a header smuggled in the host");
    cr_assert(ws_visible("a/b?c", 5) && !ws_visible("a\x7f", 2) && !ws_visible("\t", 1));
}

Test(ws_codec, answer_line_by_line)
{
    char line[128];
    const char *value;
    struct ws_answer a = {0, 0, 0, 0};

    cr_assert(ws_status_line_ok("HTTP/1.1 101 Switching Protocols") && ws_status_line_ok("HTTP/1.1 101"));
    cr_assert(!ws_status_line_ok("HTTP/1.1 200 OK") && !ws_status_line_ok("HTTP/1.1 1010") && !ws_status_line_ok(""));
    strcpy(line, "upgrade:  WebSocket \t");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_OK);
    cr_assert_str_eq(value, "WebSocket");
    cr_assert_str_eq(ws_answer_missing(&a), "\"Connection: Upgrade\"");
    strcpy(line, "Connection: keep-alive");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_OK);
    strcpy(line, "Connection: x, Upgrade");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_OK, "upgrade in a second Connection line");
    cr_assert_str_eq(ws_answer_missing(&a), "Sec-WebSocket-Accept");
    strcpy(line, "Sec-WebSocket-Accept: acc=");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_OK);
    cr_assert_null(ws_answer_missing(&a));
    strcpy(line, "Sec-WebSocket-Accept: other");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_BAD_ACCEPT);
    cr_assert_str_eq(value, "other");
    strcpy(line, "Upgrade: websocket");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_BAD_UPGRADE, "a second Upgrade");
    strcpy(line, "Sec-WebSocket-Protocol: chat");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_NOT_OFFERED);
    a.lines = WS_ANSWER_LINES_MAX;
    strcpy(line, "X: y");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_TOO_MANY_LINES);
    a = (struct ws_answer){0, 0, 0, 0};
    strcpy(line, "Upgrade: h2c");
    cr_assert_eq(ws_answer_line(&a, line, "acc=", &value), WS_BAD_UPGRADE);
}

Test(ws_codec, frame_examples_of_rfc_6455_5_7)
{
    static const unsigned char mask[4] = {0x37, 0xfa, 0x21, 0x3d};
    unsigned char out[16];
    size_t n;

    n = ws_encode_frame_header(out, sizeof out, 1, WS_TEXT, 5, NULL);
    memcpy(out + n, "Hello", 5);
    assert_bytes(out, n + 5, BYTES(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
    n = ws_encode_frame_header(out, sizeof out, 1, WS_TEXT, 5, mask);
    memcpy(out + n, "Hello", 5);
    ws_mask(out + n, 5, mask, 0);
    assert_bytes(out, n + 5, BYTES(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
    memcpy(out + n, "Hello", 5); /* masked in two pieces: the same bytes */
    ws_mask(out + n, 3, mask, 0);
    ws_mask(out + n + 3, 2, mask, 3);
    assert_bytes(out, n + 5, BYTES(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
    ws_mask(out + n, 5, mask, 0);
    cr_assert_arr_eq(out + n, "Hello", 5, "masking twice unmasks");
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 0, WS_TEXT, 3, NULL), BYTES(0x01, 0x03));
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 1, WS_CONTINUATION, 2, NULL), BYTES(0x80, 0x02));
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 1, WS_PING, 5, NULL), BYTES(0x89, 0x05));
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 1, WS_PONG, 5, mask),
                 BYTES(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d));
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 1, WS_BINARY, 256, NULL), BYTES(0x82, 0x7e, 0x01, 0x00));
    assert_bytes(out, ws_encode_frame_header(out, sizeof out, 1, WS_BINARY, 65536, NULL),
                 BYTES(0x82, 0x7f, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00));
}

Test(ws_codec, frame_encoder_refuses_what_no_peer_may_send)
{
    unsigned char out[WS_HEADER_MAX];
    static const unsigned char mask[4] = {1, 2, 3, 4};

    cr_assert_eq(ws_encode_frame_header(out, sizeof out, 1, 3, 0, NULL), 0, "opcode 3");
    cr_assert_eq(ws_encode_frame_header(out, sizeof out, 0, WS_PING, 0, NULL), 0, "a fragmented ping");
    cr_assert_eq(ws_encode_frame_header(out, sizeof out, 1, WS_CLOSE, 126, NULL), 0, "a long close");
    cr_assert_eq(ws_encode_frame_header(out, sizeof out, 1, WS_BINARY, 1ULL << 63, NULL), 0, "the top bit");
    cr_assert_eq(ws_encode_frame_header(out, 13, 1, WS_BINARY, 65536, mask), 0, "14 bytes into 13");
    cr_assert_eq(ws_encode_frame_header(out, 14, 1, WS_BINARY, 65536, mask), 14);
    cr_assert_eq(ws_encode_frame_header(out, sizeof out, 1, WS_CLOSE, 125, mask), 6);
}

/* in is refused for fault, after need bytes at most were wanted. */
static void assert_frame_fault(const unsigned char *in, size_t size, enum ws_fault fault)
{
    struct ws_frame f;
    size_t need;
    unsigned char *exact = fuzz_exact(in, size);

    cr_assert(exact != NULL);
    cr_assert_eq(ws_decode_frame_header(exact, size, &f, &need), fault);
    free(exact);
}

Test(ws_codec, frames_a_client_must_refuse)
{
    struct ws_frame f;
    size_t need;

    assert_frame_fault(BYTES(0xc1, 0x00), WS_RESERVED_BITS);
    assert_frame_fault(BYTES(0x81, 0x80), WS_MASKED);
    assert_frame_fault(BYTES(0x83, 0x00), WS_UNKNOWN_OPCODE);
    assert_frame_fault(BYTES(0x8b, 0x00), WS_UNKNOWN_OPCODE);
    assert_frame_fault(BYTES(0x82, 0x7e, 0x00, 0x05), WS_LENGTH_NOT_SHORTEST);
    assert_frame_fault(BYTES(0x82, 0x7f, 0, 0, 0, 0, 0, 0, 0xff, 0xff), WS_LENGTH_NOT_SHORTEST);
    assert_frame_fault(BYTES(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 0), WS_LENGTH_TOP_BIT);
    assert_frame_fault(BYTES(0x09, 0x00), WS_CONTROL_FRAGMENTED);
    assert_frame_fault(BYTES(0x89, 0x7e, 0x00, 0x7e), WS_CONTROL_TOO_BIG);
    cr_assert_eq(ws_decode_frame_header(BYTES(0xc1), &f, &need), WS_MORE);
    cr_assert_eq(need, 2);
    cr_assert_eq(ws_decode_frame_header(BYTES(0xc1, 0xfe), &f, &need), WS_RESERVED_BITS, "before the extended length");
    cr_assert_eq(f.rsv, 0x40);
    cr_assert_eq(ws_decode_frame_header(BYTES(0x89, 0x7e), &f, &need), WS_MORE, "the length first, then control rules");
    cr_assert_eq(need, 4);
    cr_assert_eq(ws_decode_frame_header(BYTES(0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0), &f, &need), WS_OK);
    cr_assert(f.fin && f.opcode == WS_BINARY && f.size == 65536 && need == 10);
}

Test(ws_codec, close_frames)
{
    unsigned char out[2];
    const unsigned char *reason;
    size_t reason_size;
    unsigned status;
    static const unsigned char bye[] = {0x03, 0xe8, 'b', 'y', 'e'};

    cr_assert_eq(ws_decode_close(bye, sizeof bye, &status, &reason, &reason_size), WS_OK);
    cr_assert(status == 1000 && reason == bye + 2 && reason_size == 3);
    cr_assert_eq(ws_decode_close(NULL, 0, &status, &reason, &reason_size), WS_OK);
    cr_assert(status == WS_STATUS_NONE && reason_size == 0);
    cr_assert_eq(ws_decode_close(BYTES(0x03), &status, &reason, &reason_size), WS_BAD_CLOSE_STATUS);
    cr_assert_eq(ws_decode_close(BYTES(0x03, 0xed), &status, &reason, &reason_size), WS_BAD_CLOSE_STATUS, "1005");
    cr_assert_eq(status, 1005);
    cr_assert_eq(ws_decode_close(BYTES(0x03, 0xe8, 0xc0, 0x80), &status, &reason, &reason_size), WS_BAD_CLOSE_REASON);
    cr_assert(ws_status_valid(1000) && ws_status_valid(1014) && ws_status_valid(3000) && ws_status_valid(4999));
    cr_assert(!ws_status_valid(999) && !ws_status_valid(1004) && !ws_status_valid(1006) && !ws_status_valid(1015)
              && !ws_status_valid(2999) && !ws_status_valid(5000));
    assert_bytes(out, ws_encode_close(out, 1002), BYTES(0x03, 0xea));
    cr_assert_eq(ws_encode_close(out, WS_STATUS_NONE), 0);
    cr_assert_str_eq(ws_status_name(1008), "policy violation");
    cr_assert_eq(ws_fault_status(WS_MESSAGE_TOO_BIG), 1009);
    cr_assert_eq(ws_fault_status(WS_BAD_CLOSE_REASON), 1007);
    cr_assert_eq(ws_fault_status(WS_MASKED), 1002);
}

/* One frame of payload into the message m (buffer message, at most max bytes): its fault. */
static enum ws_fault frame(struct ws_message *m, unsigned char *message, size_t max, int fin, int opcode,
                           const char *payload)
{
    struct ws_frame f = {fin, opcode, 0, strlen(payload)};
    enum ws_fault fault = ws_message_begin_frame(m, &f, max);

    if (fault != WS_OK) {
        return fault;
    }
    memcpy(message + m->size, payload, (size_t)f.size);
    return ws_message_end_frame(m, &f, message);
}

Test(ws_codec, messages_from_fragments)
{
    unsigned char message[16];
    struct ws_message m = {WS_CONTINUATION, 0, 0, 0};

    cr_assert_eq(frame(&m, message, sizeof message, 0, WS_TEXT, "\xe2\x86"), WS_MORE, "text cut inside a character");
    cr_assert_eq(frame(&m, message, sizeof message, 0, WS_CONTINUATION, "\x92 "), WS_MORE);
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_CONTINUATION, "ok"), WS_OK, "UTF-8 once whole");
    cr_assert(m.opcode == WS_TEXT && m.size == 6 && m.frames == 3 && memcmp(message, "\xe2\x86\x92 ok", 6) == 0);
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_CONTINUATION, "x"), WS_NO_MESSAGE_BEGUN);
    cr_assert_eq(frame(&m, message, sizeof message, 0, WS_BINARY, "12345678"), WS_MORE);
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_TEXT, "x"), WS_MESSAGE_UNFINISHED);
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_CONTINUATION, "123456789"), WS_MESSAGE_TOO_BIG, "17 > 16");
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_CONTINUATION, "12345678"), WS_OK, "16 fit");
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_TEXT, "\xff"), WS_INVALID_TEXT);
    m = (struct ws_message){WS_CONTINUATION, 0, 0, 0};
    cr_assert_eq(frame(&m, message, sizeof message, 1, WS_TEXT, ""), WS_OK, "an empty message");
    cr_assert(m.size == 0 && m.frames == 1);
}

/* Whatever header reads whole must write back as the same bytes. */
static void check_frame_header(const unsigned char *in, size_t size)
{
    unsigned char again[WS_HEADER_MAX];
    struct ws_frame f;
    size_t need;
    enum ws_fault fault = ws_decode_frame_header(in, size, &f, &need);

    if (fault == WS_MORE) {
        cr_assert(need > size && need <= 10);
        return;
    }
    if (fault != WS_OK) {
        return;
    }
    cr_assert(need >= 2 && need <= size && need <= 10);
    cr_assert_eq(ws_encode_frame_header(again, sizeof again, f.fin, f.opcode, f.size, NULL), need);
    cr_assert_arr_eq(again, in, need);
}

Test(ws_codec, fuzzed_input_stays_in_bounds_and_round_trips)
{
    static const unsigned char seeds[][12] = {{0x81, 0x05}, {0x82, 0x7e, 0x01, 0x00}, {0x88, 0x02, 0x03, 0xe8},
                                              {0x02, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0}, {0x89, 0x00}};
    static const size_t seed_sizes[] = {2, 4, 4, 10, 2};
    struct fuzz f = {6455};
    unsigned char b[200], message[64];
    struct ws_message m = {WS_CONTINUATION, 0, 0, 0};
    size_t round, whole = 0;

    for (round = 0; round < FUZZ_ROUNDS; round++) {
        size_t n, which = fuzz_below(&f, 5), reason_size, need;
        unsigned char *exact;
        const unsigned char *reason;
        unsigned status;
        struct ws_frame frame_read;
        struct ws_answer a = {0, 0, 0, 0};
        const char *value;

        if (round % 2 == 0) {
            memcpy(b, seeds[which], seed_sizes[which]);
            n = fuzz_mutate(&f, b, seed_sizes[which], sizeof b - 1);
        } else {
            n = fuzz_below(&f, round % 8 == 1 ? sizeof b - 1 : 12);
            fuzz_bytes(&f, b, n);
        }
        exact = fuzz_exact(b, n);
        cr_assert(exact != NULL);
        check_frame_header(exact, n);
        if (ws_decode_frame_header(exact, n, &frame_read, &need) == WS_OK) {
            whole++;
            if (!(frame_read.opcode & 0x8) && ws_message_begin_frame(&m, &frame_read, sizeof message) == WS_OK) {
                cr_assert(m.size + frame_read.size <= sizeof message);
                fuzz_bytes(&f, message + m.size, (size_t)frame_read.size);
                ws_message_end_frame(&m, &frame_read, message); /* a text message read whole: UTF-8 or not */
                cr_assert(m.size <= sizeof message);
            }
        }
        if (ws_decode_close(exact, n, &status, &reason, &reason_size) != WS_BAD_CLOSE_STATUS) {
            cr_assert(reason >= exact && reason + reason_size == exact + n);
        }
        free(exact);
        b[n] = '\0'; /* a line of the answer, NUL-terminated in an exact block */
        exact = fuzz_exact(b, n + 1);
        cr_assert(exact != NULL);
        ws_status_line_ok((const char *)exact);
        ws_answer_line(&a, (char *)exact, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", &value);
        free(exact);
    }
    cr_assert_gt(whole, FUZZ_ROUNDS / 100, "the mutations keep some headers well-formed (%zu)", whole);
}
