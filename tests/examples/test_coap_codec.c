/*
 * examples/coap/coap_codec alone: RFC 7252's option delta and length forms
 * at each boundary, its Appendix A GET and response byte for byte, requests
 * built from targets (dot segments, %-encoding, queries) and the faults of
 * each kind, received messages good, truncated and malformed, then a bounded
 * fuzz run: random and mutated messages never read out of bounds (ASan), and
 * whatever reads whole writes back to the same bytes.
 */
#include <stdio.h>

#include <criterion/criterion.h>

#include "coap/coap_codec.h"
#include "fuzz.h"

#define BYTES(...) ((const unsigned char[]){__VA_ARGS__}), sizeof((const unsigned char[]){__VA_ARGS__})

static void assert_bytes(const unsigned char *got, size_t got_size, const unsigned char *want, size_t want_size)
{
    cr_assert_eq(got_size, want_size, "%zu bytes, not %zu", got_size, want_size);
    cr_assert_arr_eq(got, want, want_size);
}

static const struct coap_message GET_7D34 = {COAP_CON, COAP_CODE(0, 1), 0x7d34, {0}, 0, -1, 0, 0, 0, 0, 0, NULL, 0};

/* An option written alone after option previous: its bytes are want. */
static void assert_option(unsigned previous, unsigned number, size_t length, const unsigned char *want,
                          size_t want_size)
{
    static unsigned char value[70000], out[70100];
    struct coap_writer w;
    struct coap_reader r;
    const unsigned char *read_value;
    unsigned read_number;
    size_t read_length, start;

    cr_assert_eq(coap_write_header(&w, out, sizeof out, &GET_7D34), COAP_OK);
    if (previous > 0) {
        cr_assert_eq(coap_write_option(&w, previous, NULL, 0), COAP_OK);
    }
    start = w.length;
    cr_assert_eq(coap_write_option(&w, number, value, length), COAP_OK);
    cr_assert_eq(w.length - start, want_size + length);
    cr_assert_arr_eq(out + start, want, want_size, "option %u of %zu bytes after %u", number, length, previous);
    coap_read_options(&r, out, w.length, start);
    r.number = previous;
    cr_assert_eq(coap_next_option(&r, &read_number, &read_value, &read_length), 1);
    cr_assert(read_number == number && read_length == length && read_value == out + start + want_size);
    cr_assert_eq(coap_next_option(&r, &read_number, &read_value, &read_length), 0);
}

Test(coap_codec, option_delta_and_length_forms_of_rfc_7252_3_1)
{
    assert_option(0, 12, 0, BYTES(0xc0));                   /* 4 bits */
    assert_option(0, 13, 0, BYTES(0xd0, 0x00));             /* 13 + 1 byte */
    assert_option(0, 268, 0, BYTES(0xd0, 0xff));
    assert_option(0, 269, 0, BYTES(0xe0, 0x00, 0x00));      /* 269 + 2 bytes */
    assert_option(0, 65535, 0, BYTES(0xe0, 0xfe, 0xf2));
    assert_option(11, 11, 0, BYTES(0x00));                  /* a repeat: delta 0 */
    assert_option(11, 23, 12, BYTES(0xcc));
    assert_option(0, 1, 13, BYTES(0x1d, 0x00));
    assert_option(0, 1, 268, BYTES(0x1d, 0xff));
    assert_option(0, 1, 269, BYTES(0x1e, 0x00, 0x00));
    assert_option(3, 300, 65804, BYTES(0xee, 0x00, 0x1c, 0xff, 0xff)); /* both extended: delta first */
}

Test(coap_codec, writer_refuses_disorder_and_overflow)
{
    unsigned char out[8];
    struct coap_writer w;

    cr_assert_eq(coap_write_header(&w, out, sizeof out, &GET_7D34), COAP_OK);
    cr_assert_eq(coap_write_option(&w, 11, "ab", 2), COAP_OK);
    cr_assert_eq(coap_write_option(&w, 3, NULL, 0), COAP_OUT_OF_ORDER);
    cr_assert_eq(coap_write_option(&w, 12, NULL, 0), COAP_OUT_OF_ORDER, "the first fault stays");
    cr_assert_eq(w.length, 7);
    cr_assert_eq(coap_write_header(&w, out, sizeof out, &GET_7D34), COAP_OK);
    cr_assert_eq(coap_write_option(&w, 11, "abcd", 4), COAP_TOO_BIG, "5 bytes into 4");
    cr_assert_eq(w.length, 4, "nothing of it written");
    cr_assert_eq(coap_write_header(&w, out, 3, &GET_7D34), COAP_TOO_BIG);
    cr_assert_eq(coap_write_header(&w, out, sizeof out, &GET_7D34), COAP_OK);
    cr_assert_eq(coap_write_payload(&w, "abcd", 4), COAP_TOO_BIG, "the marker counts");
    cr_assert_eq(coap_write_header(&w, out, sizeof out, &GET_7D34), COAP_OK);
    cr_assert_eq(coap_write_uint_option(&w, 12, 0x1234), COAP_OK);
    assert_bytes(out + 4, w.length - 4, BYTES(0xc2, 0x12, 0x34));
}

Test(coap_codec, appendix_a_get_and_its_piggybacked_answer)
{
    unsigned char out[COAP_MESSAGE_MAX];
    struct coap_request r = {&GET_7D34, NULL, "/temperature", -1, NULL, 0};
    struct coap_message m;
    size_t length;
    const unsigned char *answer;

    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK);
    assert_bytes(out, length,
                 BYTES(0x40, 0x01, 0x7d, 0x34, 0xbb, 't', 'e', 'm', 'p', 'e', 'r', 'a', 't', 'u', 'r', 'e'));
    answer = (const unsigned char[]){0x60, 0x45, 0x7d, 0x34, 0xff, '2', '2', '.', '3', ' ', 'C'};
    cr_assert_eq(coap_decode(answer, 11, &m), COAP_OK);
    cr_assert(m.type == COAP_ACK && m.code == COAP_CODE(2, 5) && m.id == 0x7d34 && m.token_length == 0);
    cr_assert(m.payload == answer + 5 && m.payload_length == 6 && m.content_format == -1);
    cr_assert_str_eq(coap_code_name(m.code), "Content");
    cr_assert_str_eq(coap_type_name(m.type), "ACK");
}

Test(coap_codec, request_with_every_part)
{
    unsigned char out[COAP_MESSAGE_MAX];
    struct coap_message head = {COAP_CON, COAP_CODE(0, 3), 0x0102, {0xaa, 0xbb}, 2, -1, 0, 0, 0, 0, 0, NULL, 0};
    struct coap_request r = {&head, "h", "/x/../e%2Fc/./d/..?a=1&b%20c&", 0, (const unsigned char *)"hi", 2};
    size_t length;

    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK);
    assert_bytes(out, length, BYTES(0x42, 0x03, 0x01, 0x02, 0xaa, 0xbb,
                                    0x31, 'h',                        /* Uri-Host */
                                    0x83, 'e', '/', 'c', 0x00,        /* Uri-Path e/c, then the empty one ".." left */
                                    0x10,                             /* Content-Format 0 */
                                    0x33, 'a', '=', '1', 0x03, 'b', ' ', 'c', 0x00, /* Uri-Query, an empty last */
                                    0xff, 'h', 'i'));
    r.target = "/";
    r.content_format = -1;
    r.payload_length = 0;
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK);
    assert_bytes(out, length, BYTES(0x42, 0x03, 0x01, 0x02, 0xaa, 0xbb, 0x31, 'h'));
    r.target = "?";
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK, "a bare ? is no query");
    cr_assert_eq(length, 8);
}

Test(coap_codec, request_faults)
{
    static char target[2000];
    static unsigned char payload[COAP_PAYLOAD_MAX + 1];
    unsigned char out[COAP_MESSAGE_MAX];
    struct coap_request r = {&GET_7D34, NULL, "/a%2", -1, NULL, 0};
    size_t length, i;
    char text[64];

    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_BAD_PERCENT);
    cr_assert_str_eq(coap_fault_text(COAP_BAD_PERCENT, NULL, text, sizeof text), "a bad %-encoding in the URL");
    r.target = "/a%zz";
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_BAD_PERCENT);
    memset(target, 'y', 257);
    target[0] = '/';
    r.target = target;
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_PART_TOO_LONG, "256 bytes");
    target[256] = '\0';
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK, "255 bytes");
    for (i = 0; i < 65; i++) {
        memcpy(target + 2 * i, "/a", 2);
    }
    target[130] = '\0';
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_TOO_MANY_SEGMENTS);
    target[128] = '\0';
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK, "64 segments");
    for (i = 0; i < 8; i++) { /* 8 segments of 200 bytes: over 1152 */
        target[201 * i] = '/';
        memset(target + 201 * i + 1, 'z', 200);
    }
    target[201 * 8] = '\0';
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_TOO_BIG);
    r.target = "/x";
    r.payload = payload;
    r.payload_length = sizeof payload;
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_PAYLOAD_TOO_BIG);
    r.payload_length = COAP_PAYLOAD_MAX;
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OK);
    cr_assert_eq(coap_encode_request(out, length - 1, &r, &length), COAP_TOO_BIG);
    r.target = "x";
    cr_assert_eq(coap_encode_request(out, sizeof out, &r, &length), COAP_OUT_OF_ORDER, "not a path");
}

Test(coap_codec, empty_messages)
{
    unsigned char out[4];
    struct coap_message m;

    assert_bytes(out, coap_encode_empty(out, COAP_RST, 0x1234), BYTES(0x70, 0x00, 0x12, 0x34));
    assert_bytes(out, coap_encode_empty(out, COAP_ACK, 0x0001), BYTES(0x60, 0x00, 0x00, 0x01));
    cr_assert_eq(coap_decode(out, 4, &m), COAP_OK);
    cr_assert(m.type == COAP_ACK && m.code == 0 && m.id == 1 && m.payload_length == 0);
}

/* in (size bytes) is refused for fault. */
static void assert_fault(const unsigned char *in, size_t size, enum coap_fault fault, const char *text)
{
    struct coap_message m;
    char why[64];
    unsigned char *exact = fuzz_exact(in, size);

    cr_assert(exact != NULL);
    cr_assert_eq(coap_decode(exact, size, &m), fault, "fault %d, not %d", coap_decode(exact, size, &m), fault);
    cr_assert_str_eq(coap_fault_text(fault, &m, why, sizeof why), text);
    free(exact);
}

Test(coap_codec, malformed_messages_and_why)
{
    assert_fault(BYTES(0x60, 0x45, 0x00), COAP_SHORT, "shorter than a CoAP header");
    assert_fault(BYTES(0x69, 0x45, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9), COAP_TOKEN_TOO_LONG, "a token length over 8");
    assert_fault(BYTES(0x64, 0x45, 0, 1, 1, 2, 3), COAP_TOKEN_CUT, "cut inside its token");
    assert_fault(BYTES(0x60, 0x00, 0, 1, 0xff), COAP_EMPTY_NOT_EMPTY, "an Empty message with bytes after its header");
    assert_fault(BYTES(0x60, 0x20, 0, 1), COAP_RESERVED_CLASS, "a code of a reserved class");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xf0), COAP_RESERVED_NIBBLE, "a reserved option delta or length (15)");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0x0f), COAP_RESERVED_NIBBLE, "a reserved option delta or length (15)");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xd0), COAP_OPTION_HEADER_CUT, "an option header cut short");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xe0, 0x01), COAP_OPTION_HEADER_CUT, "an option header cut short");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0x42, 'a'), COAP_OPTION_VALUE_CUT, "an option value cut short");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xe0, 0xff, 0xff), COAP_OPTION_NUMBER_TOO_BIG, "an option number over 65535");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xd1, 10, 0x08, 0x01, 0x00), COAP_REPEATED_BLOCK2, "a repeated Block2 option");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0x92, 'a', 'b'), COAP_UNKNOWN_CRITICAL,
                 "an unrecognised critical option 9 (2 bytes)");
    assert_fault(BYTES(0x60, 0x45, 0, 1, 0xff), COAP_MARKER_NO_PAYLOAD, "a payload marker with no payload");
}

Test(coap_codec, options_the_client_reads)
{
    /* ETag (4, elective: ignored), Content-Format 50 then a repeat (ignored), Block2 with M, payload */
    static const unsigned char in[] = {0x61, 0x45, 0, 1, 0x7e, 0x41, 'x', 0x81, 50, 0x01, 60, 0xb1, 0x08, 0xff, 'p'};
    struct coap_message m;

    cr_assert_eq(coap_decode(in, sizeof in, &m), COAP_OK);
    cr_assert(m.token_length == 1 && m.token[0] == 0x7e);
    cr_assert_eq(m.content_format, 50);
    cr_assert(m.more_blocks && m.payload_length == 1 && m.payload[0] == 'p');
    cr_assert(coap_is_response(COAP_CODE(4, 4)) && coap_is_response(COAP_CODE(5, 0)));
    cr_assert(!coap_is_response(COAP_CODE(0, 1)) && !coap_is_response(COAP_CODE(3, 0)));
    cr_assert_str_eq(coap_code_name(COAP_CODE(4, 4)), "Not Found");
    cr_assert_str_eq(coap_code_name(COAP_CODE(2, 9)), "(unknown code)");
}

/* Walk in as a reader does; when it reads whole, a writer must give the same bytes back. */
static void check_round_trip(const unsigned char *in, size_t size)
{
    static unsigned char again[1200];
    struct coap_message m;
    struct coap_writer w;
    struct coap_reader r;
    const unsigned char *value;
    unsigned number;
    size_t at, length;
    int more;

    if (coap_decode_header(in, size, &m, &at) != COAP_OK) {
        return;
    }
    cr_assert(at <= size);
    coap_write_header(&w, again, sizeof again, &m);
    coap_read_options(&r, in, size, at);
    while ((more = coap_next_option(&r, &number, &value, &length)) > 0) {
        cr_assert(value >= in + at && value + length <= in + size && number <= 65535);
        cr_assert_eq(coap_write_option(&w, number, value, length), COAP_OK);
    }
    cr_assert(r.at <= size);
    if (more < 0 || r.at + 1 == size) { /* malformed, or a marker with nothing after it: no writer makes that */
        return;
    }
    if (r.at < size) {
        cr_assert_eq(coap_write_payload(&w, in + r.at + 1, size - r.at - 1), COAP_OK);
    }
    cr_assert_eq(w.length, size);
    cr_assert_eq(again[0] & 0x3f, in[0] & 0x3f, "type and token length");
    cr_assert_arr_eq(again + 1, in + 1, size - 1);
}

Test(coap_codec, fuzzed_messages_stay_in_bounds_and_round_trip)
{
    static const unsigned char seed[] = {0x62, 0x45, 0x12, 0x34, 0xaa, 0xbb, 0x44, 't', 'a', 'g', '!',
                                         0x81, 50, 0x22, 0x0e, 0x10, 0x91, 0x08, 0xd2, 0x00, 0x04, 0x00,
                                         0xff, 'h', 'e', 'l', 'l', 'o'};
    struct fuzz f = {7252};
    unsigned char b[600];
    size_t round, whole = 0;

    for (round = 0; round < FUZZ_ROUNDS; round++) {
        struct coap_message m;
        size_t n;
        unsigned char *exact;

        if (round % 2 == 0) {
            memcpy(b, seed, sizeof seed);
            n = fuzz_mutate(&f, b, sizeof seed, sizeof b);
        } else {
            n = fuzz_below(&f, round % 8 == 1 ? sizeof b : 24);
            fuzz_bytes(&f, b, n);
            if (n > 0 && round % 4 == 1) {
                b[0] = (unsigned char)(0x40 | (b[0] & 0x37)); /* version 1, a token of at most 7 */
            }
        }
        exact = fuzz_exact(b, n);
        cr_assert(exact != NULL);
        if (coap_decode(exact, n, &m) == COAP_OK) {
            whole++;
            if (m.payload == NULL) { /* an Empty message */
                cr_assert(m.code == 0 && n == 4 && m.payload_length == 0);
            } else {
                cr_assert(m.payload >= exact && m.payload + m.payload_length == exact + n);
                cr_assert(m.payload_length == 0 || m.payload[-1] == 0xff);
            }
            cr_assert(m.token_length <= COAP_TOKEN_MAX && m.content_format <= 65535);
        }
        check_round_trip(exact, n);
        free(exact);
    }
    cr_assert_gt(whole, FUZZ_ROUNDS / 100, "the mutations keep some messages well-formed (%zu)", whole);
}
