/*
 * MQTT packets (examples/mqtt/mqtt_codec.c) as the client reads them from a
 * broker: the input is a stream of packets, each a fixed header byte, a
 * remaining length and a body, taken in turn until one is cut short.  Each
 * body is handed to its decoder in a heap block of exactly its size (ASan
 * sees a read past it); a PUBLISH that decodes encodes back to its bytes.
 */
#include <string.h>

#include "fuzz_target.h"
#include "mqtt/mqtt_codec.h"

#define PACKETS_MAX 64

static void check_publish(unsigned flags, const unsigned char *body, size_t length)
{
    static unsigned char again[MQTT_HEADER_MAX + 65536];
    struct mqtt_publish m;
    unsigned long n;
    size_t size;
    int used;

    if (mqtt_decode_publish(flags, body, length, &m) != NULL) {
        return;
    }
    FUZZ_CHECK(m.topic == body + 2 && m.topic_length >= 1);
    FUZZ_CHECK(m.payload_length == 0 || m.payload + m.payload_length == body + length);
    FUZZ_CHECK(mqtt_utf8_ok(m.topic, m.topic_length));
    size = mqtt_encode_publish(again, sizeof again, &m);
    FUZZ_CHECK(size != 0);
    FUZZ_CHECK(again[0] == (MQTT_PUBLISH << 4 | flags));
    used = mqtt_decode_length(again + 1, size - 1, &n);
    FUZZ_CHECK(used > 0 && n == length && size == 1 + (size_t)used + length);
    FUZZ_CHECK(memcmp(again + 1 + used, body, length) == 0);
}

/* One packet's body (its fixed header's first byte is first). */
static void decode(unsigned first, const unsigned char *body, size_t length)
{
    unsigned flags = first & 15, code = 0, id = 0;

    FUZZ_CHECK(mqtt_type_name(first >> 4) != NULL);
    switch (first >> 4) {
    case MQTT_CONNACK:
        if (mqtt_decode_connack(flags, body, length, &code) == 0) {
            FUZZ_CHECK(mqtt_refusal(code) != NULL);
        }
        break;
    case MQTT_PUBLISH:
        check_publish(flags, body, length);
        break;
    case MQTT_SUBACK:
        (void)mqtt_decode_suback(body, length, &id, &code);
        break;
    case MQTT_PUBACK:
        if (mqtt_decode_puback(body, length, &id) == 0) {
            FUZZ_CHECK(length == 2);
        }
        break;
    default:
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t at = 0;
    int packets;

    for (packets = 0; packets < PACKETS_MAX && at < size; packets++) {
        unsigned long length;
        int used = mqtt_decode_length(data + at + 1, size - at - 1, &length);
        unsigned char *body;

        if (used <= 0 || length > size - at - 1 - (size_t)used) {
            return 0; /* malformed, or cut short: the client waits for more or hangs up */
        }
        FUZZ_CHECK(length <= MQTT_LENGTH_MAX);
        body = malloc(length > 0 ? length : 1);
        if (body == NULL) {
            return 0;
        }
        memcpy(body, data + at + 1 + used, length);
        decode(data[at], body, length);
        free(body);
        at += 1 + (size_t)used + length;
    }
    return 0;
}
