/*
 * examples/mqtt/mqtt_codec alone: MQTT 3.1.1's remaining-length examples
 * (2.2.3), each packet the client sends byte for byte, the decoders on good,
 * truncated and malformed bodies, then a bounded fuzz run: random and mutated
 * bodies never read out of bounds (ASan), and whatever decodes encodes back
 * to the same bytes.
 */
#include <criterion/criterion.h>

#include "fuzz.h"
#include "mqtt/mqtt_codec.h"

#define BYTES(...) ((const unsigned char[]){__VA_ARGS__}), sizeof((const unsigned char[]){__VA_ARGS__})

static void assert_bytes(const unsigned char *got, size_t got_size, const unsigned char *want, size_t want_size)
{
    cr_assert_eq(got_size, want_size, "%zu bytes, not %zu", got_size, want_size);
    cr_assert_arr_eq(got, want, want_size);
}

/* The table in MQTT 3.1.1 section 2.2.3: the bounds of each encoded size. */
static const struct {
    unsigned long n;
    unsigned char bytes[4];
    size_t size;
} LENGTHS[] = {
    {0, {0x00}, 1}, {127, {0x7f}, 1}, {128, {0x80, 0x01}, 2}, {16383, {0xff, 0x7f}, 2},
    {16384, {0x80, 0x80, 0x01}, 3}, {2097151, {0xff, 0xff, 0x7f}, 3}, {2097152, {0x80, 0x80, 0x80, 0x01}, 4},
    {268435455, {0xff, 0xff, 0xff, 0x7f}, 4}, {321, {0xc1, 0x02}, 2},
};

Test(mqtt_codec, remaining_length_examples_of_the_standard)
{
    size_t i;

    for (i = 0; i < sizeof LENGTHS / sizeof LENGTHS[0]; i++) {
        unsigned char out[4];
        unsigned long n;

        assert_bytes(out, mqtt_encode_length(out, LENGTHS[i].n), LENGTHS[i].bytes, LENGTHS[i].size);
        cr_assert_eq(mqtt_decode_length(LENGTHS[i].bytes, LENGTHS[i].size, &n), (int)LENGTHS[i].size);
        cr_assert_eq(n, LENGTHS[i].n);
        cr_assert_eq(mqtt_decode_length(LENGTHS[i].bytes, LENGTHS[i].size - 1, &n), 0, "a byte short: more needed");
    }
}

Test(mqtt_codec, remaining_length_out_of_range_or_malformed)
{
    unsigned char out[4] = {0xaa, 0xaa, 0xaa, 0xaa};
    unsigned long n;

    cr_assert_eq(mqtt_encode_length(out, MQTT_LENGTH_MAX + 1), 0);
    cr_assert_eq(out[0], 0xaa, "untouched");
    cr_assert_eq(mqtt_decode_length(BYTES(0xff, 0xff, 0xff, 0xff), &n), -1, "a 4th byte saying more");
    cr_assert_eq(mqtt_decode_length(BYTES(0xff, 0xff, 0xff, 0xff, 0x01), &n), -1, "never a 5th byte");
    cr_assert_eq(mqtt_decode_length(BYTES(0x80), &n), 0);
    cr_assert_eq(mqtt_decode_length(NULL, 0, &n), 0, "nothing read of no bytes");
    cr_assert_eq(mqtt_decode_length(BYTES(0x80, 0x00), &n), 2, "a longer form than needed is still 3.1.1");
    cr_assert_eq(n, 0);
}

Test(mqtt_codec, connect_byte_for_byte)
{
    unsigned char out[64];

    assert_bytes(out, mqtt_encode_connect(out, sizeof out, "nsapi1", 60),
                 BYTES(0x10, 18, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 6, 'n', 's', 'a', 'p', 'i', '1'));
    cr_assert_eq(mqtt_encode_connect(out, 19, "nsapi1", 60), 0, "one byte short");
    cr_assert_eq(mqtt_encode_connect(out, 20, "nsapi1", 60), 20);
    cr_assert_eq(mqtt_encode_connect(out, sizeof out, "nsapi1", 65536), 0, "keep-alive over 16 bits");
    cr_assert_eq(mqtt_encode_connect(out, sizeof out, "bad\xc0\x80", 60), 0, "client id not UTF-8");
    cr_assert_eq(mqtt_encode_connect(out, 0, "x", 60), 0);
}

Test(mqtt_codec, subscribe_byte_for_byte)
{
    unsigned char out[64];

    assert_bytes(out, mqtt_encode_subscribe(out, sizeof out, 1, "a/b", 1),
                 BYTES(0x82, 8, 0, 1, 0, 3, 'a', '/', 'b', 1));
    cr_assert_eq(mqtt_encode_subscribe(out, 9, 1, "a/b", 1), 0, "one byte short");
    cr_assert_eq(mqtt_encode_subscribe(out, sizeof out, 0, "a/b", 1), 0, "packet id 0");
    cr_assert_eq(mqtt_encode_subscribe(out, sizeof out, 65536, "a/b", 1), 0, "packet id over 16 bits");
    cr_assert_eq(mqtt_encode_subscribe(out, sizeof out, 1, "a/b", 3), 0, "qos 3");
    cr_assert_eq(mqtt_encode_subscribe(out, sizeof out, 1, "", 1), 0, "an empty filter");
    cr_assert_eq(mqtt_encode_subscribe(out, sizeof out, 1, "a+", 1), 0, "+ inside a level");
    cr_assert_neq(mqtt_encode_subscribe(out, sizeof out, 1, "+/b/#", 0), 0);
}

Test(mqtt_codec, publish_byte_for_byte_and_back)
{
    unsigned char out[64];
    struct mqtt_publish m = {1, 0, 1, (const unsigned char *)"t", 1, 2, (const unsigned char *)"hi", 2}, d;
    size_t n = mqtt_encode_publish(out, sizeof out, &m);
    unsigned long length;

    assert_bytes(out, n, BYTES(0x33, 7, 0, 1, 't', 0, 2, 'h', 'i'));
    cr_assert_eq(mqtt_decode_length(out + 1, n - 1, &length), 1);
    cr_assert_null(mqtt_decode_publish(out[0] & 15, out + 2, length, &d));
    cr_assert(d.qos == 1 && !d.dup && d.retain && d.id == 2);
    cr_assert(d.topic == out + 4 && d.topic_length == 1 && d.payload == out + 7 && d.payload_length == 2);
    m.qos = 0;
    m.retain = 0;
    m.payload_length = 0;
    assert_bytes(out, mqtt_encode_publish(out, sizeof out, &m), BYTES(0x30, 3, 0, 1, 't'));
}

Test(mqtt_codec, publish_encoder_refuses_what_3_1_1_forbids)
{
    unsigned char out[64];
    const struct mqtt_publish good = {1, 1, 0, (const unsigned char *)"a/b", 3, 7, NULL, 0};
    struct mqtt_publish m = good;

    cr_assert_neq(mqtt_encode_publish(out, sizeof out, &m), 0, "dup at qos 1");
    m.qos = 0;
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "dup at qos 0");
    m = good;
    m.qos = 3;
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "qos 3");
    m = good;
    m.id = 0;
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "id 0 at qos 1");
    m = good;
    m.topic = (const unsigned char *)"a/#";
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "a wildcard in a topic name");
    m.topic = (const unsigned char *)"a\0b";
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "a NUL in a topic name");
    m = good;
    m.topic_length = 0;
    cr_assert_eq(mqtt_encode_publish(out, sizeof out, &m), 0, "an empty topic");
    m = good;
    cr_assert_eq(mqtt_encode_publish(out, 8, &m), 0, "one byte short");
    cr_assert_eq(mqtt_encode_publish(out, 9, &m), 9);
}

Test(mqtt_codec, puback_and_empty_packets)
{
    unsigned char out[8];

    assert_bytes(out, mqtt_encode_puback(out, sizeof out, 0x1234), BYTES(0x40, 2, 0x12, 0x34));
    cr_assert_eq(mqtt_encode_puback(out, sizeof out, 0), 0);
    cr_assert_eq(mqtt_encode_puback(out, 3, 1), 0);
    assert_bytes(out, mqtt_encode_empty(out, sizeof out, MQTT_PINGREQ), BYTES(0xc0, 0));
    assert_bytes(out, mqtt_encode_empty(out, sizeof out, MQTT_DISCONNECT), BYTES(0xe0, 0));
    cr_assert_eq(mqtt_encode_empty(out, sizeof out, MQTT_CONNECT), 0, "CONNECT has a body");
    cr_assert_eq(mqtt_encode_empty(out, 1, MQTT_PINGREQ), 0);
}

Test(mqtt_codec, connack)
{
    unsigned code = 99;

    cr_assert_eq(mqtt_decode_connack(0, BYTES(0, 0), &code), 0);
    cr_assert_eq(code, 0);
    cr_assert_eq(mqtt_decode_connack(0, BYTES(0, 5), &code), 0);
    cr_assert_eq(code, 5);
    cr_assert_str_eq(mqtt_refusal(5), "not authorized: the broker does not let this client connect");
    cr_assert_str_eq(mqtt_refusal(6), "reserved: not a code MQTT 3.1.1 defines");
    cr_assert_eq(mqtt_decode_connack(1, BYTES(0, 0), &code), -1, "flags");
    cr_assert_eq(mqtt_decode_connack(0, BYTES(1, 0), &code), -1, "a session present");
    cr_assert_eq(mqtt_decode_connack(0, BYTES(0, 0, 0), &code), -1, "3 bytes");
    cr_assert_eq(mqtt_decode_connack(0, BYTES(0), &code), -1, "1 byte");
}

Test(mqtt_codec, malformed_publishes_and_why)
{
    static const struct {
        unsigned flags;
        unsigned char body[8];
        size_t length;
        const char *why;
    } cases[] = {
        {6, {0, 1, 't'}, 3, "qos 3 does not exist"},
        {8, {0, 1, 't'}, 3, "DUP set at qos 0, which is never sent again"},
        {0, {0}, 1, "its topic runs past its end"},
        {0, {0, 2, 't'}, 3, "its topic runs past its end"},
        {2, {0, 1, 't', 0}, 4, "its topic and packet id run past its end"},
        {2, {0, 1, 't', 0, 0}, 5, "packet id 0"},
        {0, {0, 0, 'x'}, 3, "an empty topic"},
        {0, {0, 2, 'a', '+'}, 4, "+ or # in its topic, which only a filter may hold"},
        {0, {0, 1, '#'}, 3, "+ or # in its topic, which only a filter may hold"},
        {0, {0, 2, 0xc3, 0x28}, 4, "a topic that is not UTF-8 or holds a NUL"},
        {0, {0, 1, 0}, 3, "a topic that is not UTF-8 or holds a NUL"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct mqtt_publish m;
        const char *why = mqtt_decode_publish(cases[i].flags, cases[i].body, cases[i].length, &m);

        cr_assert_not_null(why, "case %zu", i);
        cr_assert_str_eq(why, cases[i].why, "case %zu", i);
        cr_assert_eq(m.qos, (cases[i].flags >> 1) & 3);
    }
}

Test(mqtt_codec, suback_and_puback)
{
    unsigned id = 99, code = 99;

    cr_assert_eq(mqtt_decode_suback(BYTES(0, 1, 0x80), &id, &code), 0);
    cr_assert(id == 1 && code == 0x80);
    cr_assert_eq(mqtt_decode_suback(BYTES(0, 7, 1, 1), &id, &code), -1, "two return codes");
    cr_assert_eq(id, 7, "the id still read");
    cr_assert_eq(mqtt_decode_suback(BYTES(0), &id, &code), -1);
    cr_assert_eq(id, 0);
    cr_assert_eq(mqtt_decode_puback(BYTES(0x12, 0x34), &id), 0);
    cr_assert_eq(id, 0x1234);
    cr_assert_eq(mqtt_decode_puback(BYTES(0, 1, 0), &id), -1);
    cr_assert_eq(id, 0);
}

Test(mqtt_codec, utf8_and_filters)
{
    cr_assert(mqtt_utf8_ok((const unsigned char *)"t\xc3\xa9st \xe2\x82\xac \xf0\x9f\x98\x80", 14));
    cr_assert(mqtt_utf8_ok(NULL, 0));
    cr_assert_not(mqtt_utf8_ok(BYTES('a', 0, 'b')), "a NUL");
    cr_assert_not(mqtt_utf8_ok(BYTES(0xc0, 0x80)), "an overlong NUL");
    cr_assert_not(mqtt_utf8_ok(BYTES(0xed, 0xa0, 0x80)), "a surrogate");
    cr_assert_not(mqtt_utf8_ok(BYTES(0xf4, 0x90, 0x80, 0x80)), "above U+10FFFF");
    cr_assert_not(mqtt_utf8_ok(BYTES(0xe2, 0x82)), "cut short");
    cr_assert_not(mqtt_utf8_ok(BYTES(0x80)), "a stray continuation byte");
    cr_assert(mqtt_filter_ok("a/+/c") && mqtt_filter_ok("a/#") && mqtt_filter_ok("#") && mqtt_filter_ok("+")
              && mqtt_filter_ok("/+/") && mqtt_filter_ok("a/b"));
    cr_assert(!mqtt_filter_ok("a+") && !mqtt_filter_ok("a/#/c") && !mqtt_filter_ok("#a") && !mqtt_filter_ok("+a")
              && !mqtt_filter_ok("a/b#"));
    cr_assert_str_eq(mqtt_type_name(MQTT_PINGRESP), "PINGRESP");
    cr_assert_str_eq(mqtt_type_name(15), "reserved (15)");
}

/* Whatever decodes must encode back to the same bytes; decoding must never read past the body. */
static void check_publish(unsigned flags, const unsigned char *body, size_t length)
{
    static unsigned char again[MQTT_HEADER_MAX + 300];
    struct mqtt_publish m;
    unsigned long n;
    size_t size;
    int used;

    if (mqtt_decode_publish(flags, body, length, &m) != NULL) {
        return;
    }
    cr_assert(m.topic == body + 2 && m.topic_length >= 1);
    cr_assert_eq(m.payload + m.payload_length, body + length, "the payload ends the body");
    size = mqtt_encode_publish(again, sizeof again, &m);
    cr_assert_neq(size, 0, "a decoded PUBLISH encodes");
    cr_assert_eq(again[0], MQTT_PUBLISH << 4 | flags);
    used = mqtt_decode_length(again + 1, size - 1, &n);
    cr_assert(used > 0 && n == length && size == 1 + (size_t)used + length);
    cr_assert_arr_eq(again + 1 + used, body, length);
}

Test(mqtt_codec, fuzzed_bodies_stay_in_bounds_and_round_trip)
{
    struct fuzz f = {13};
    unsigned char seed[MQTT_HEADER_MAX + 64], b[300];
    const struct mqtt_publish m = {1, 1, 0, (const unsigned char *)"a/\xc3\xa9", 4, 9, (const unsigned char *)"xyz", 3};
    size_t seed_size = mqtt_encode_publish(seed, sizeof seed, &m), round, decoded = 0;

    cr_assert_neq(seed_size, 0);
    for (round = 0; round < FUZZ_ROUNDS; round++) {
        size_t n;
        unsigned flags = (unsigned)fuzz_below(&f, 16), code, id;
        unsigned long length;
        unsigned char *exact;
        struct mqtt_publish d;
        int used;

        if (round % 2 == 0) { /* a valid PUBLISH's body, mutated */
            n = seed_size - 2;
            memcpy(b, seed + 2, n);
            n = fuzz_mutate(&f, b, n, sizeof b);
            flags = round % 4 == 0 ? seed[0] & 15 : flags;
        } else { /* random bytes, mostly short */
            n = fuzz_below(&f, round % 8 == 1 ? sizeof b : 12);
            fuzz_bytes(&f, b, n);
        }
        exact = fuzz_exact(b, n);
        cr_assert(exact != NULL);
        check_publish(flags, exact, n);
        decoded += mqtt_decode_publish(flags, exact, n, &d) == NULL;
        mqtt_decode_connack(flags, exact, n, &code);
        mqtt_decode_suback(exact, n, &id, &code);
        mqtt_decode_puback(exact, n, &id);
        mqtt_utf8_ok(exact, n);
        used = mqtt_decode_length(exact, n, &length);
        cr_assert(used >= -1 && used <= 4 && (used <= 0 || (size_t)used <= n));
        if (used > 0) { /* the shortest form of the same length, no longer than the one read */
            unsigned char again[4];
            size_t size = mqtt_encode_length(again, length);
            unsigned long back;

            cr_assert(size > 0 && size <= (size_t)used && length <= MQTT_LENGTH_MAX);
            cr_assert_eq(mqtt_decode_length(again, size, &back), (int)size);
            cr_assert_eq(back, length);
            cr_assert(size < (size_t)used || memcmp(again, exact, size) == 0);
        }
        free(exact);
    }
    cr_assert_gt(decoded, FUZZ_ROUNDS / 100, "the mutations keep some PUBLISHes well-formed (%zu)", decoded);
}
