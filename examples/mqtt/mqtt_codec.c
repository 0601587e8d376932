#include <string.h>

#include "common/utf8.h"
#include "mqtt_codec.h"

#define U16_MAX 65535u

size_t mqtt_encode_length(unsigned char out[4], unsigned long n)
{
    size_t used = 0;

    if (n > MQTT_LENGTH_MAX) {
        return 0;
    }
    do {
        out[used] = (unsigned char)(n % 128);
        n /= 128;
        if (n > 0) {
            out[used] |= 128;
        }
        used++;
    } while (n > 0);
    return used;
}

int mqtt_decode_length(const unsigned char *in, size_t have, unsigned long *n)
{
    size_t i;

    *n = 0;
    for (i = 0; i < have && i < 4; i++) {
        *n |= (unsigned long)(in[i] & 127) << (7 * i);
        if ((in[i] & 128) == 0) {
            return (int)i + 1;
        }
    }
    return have >= 4 ? -1 : 0;
}

static unsigned char *put_u16(unsigned char *p, unsigned value)
{
    p[0] = (unsigned char)(value >> 8);
    p[1] = (unsigned char)value;
    return p + 2;
}

static unsigned get_u16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* An MQTT string: its length in two bytes, then its bytes. */
static unsigned char *put_string(unsigned char *p, const void *text, size_t length)
{
    p = put_u16(p, (unsigned)length);
    if (length > 0) {
        memcpy(p, text, length);
    }
    return p + length;
}

/* The fixed header of a packet with a body of length bytes, if the whole packet fits size: where the body
 * goes, or NULL. */
static unsigned char *begin(unsigned char *out, size_t size, unsigned first_byte, size_t length)
{
    unsigned char head[4];
    size_t used = length <= MQTT_LENGTH_MAX ? mqtt_encode_length(head, (unsigned long)length) : 0;

    if (used == 0 || size < 1 || size - 1 < used || size - 1 - used < length) {
        return NULL;
    }
    out[0] = (unsigned char)first_byte;
    memcpy(out + 1, head, used);
    return out + 1 + used;
}

/* A string an encoder takes: UTF-8 with no NUL, 65535 bytes at most. */
static int string_ok(const char *text, size_t length)
{
    return length <= U16_MAX && mqtt_utf8_ok((const unsigned char *)text, length);
}

size_t mqtt_encode_connect(unsigned char *out, size_t size, const char *client_id, unsigned keepalive)
{
    size_t id = strlen(client_id), length = 10 + 2 + id;
    unsigned char *p = begin(out, size, MQTT_CONNECT << 4, length), *body = p;

    if (p == NULL || !string_ok(client_id, id) || keepalive > U16_MAX) {
        return 0;
    }
    p = put_string(p, "MQTT", 4);
    *p++ = 4;    /* protocol level: 3.1.1 */
    *p++ = 0x02; /* clean session; no will, user name or password */
    p = put_u16(p, keepalive);
    put_string(p, client_id, id);
    return (size_t)(body - out) + length;
}

size_t mqtt_encode_subscribe(unsigned char *out, size_t size, unsigned id, const char *filter, unsigned qos)
{
    size_t topic = strlen(filter), length = 2 + 2 + topic + 1;
    unsigned char *p = begin(out, size, MQTT_SUBSCRIBE << 4 | 2, length), *body = p; /* 2: the flags 3.1.1 wants */

    if (p == NULL || id == 0 || id > U16_MAX || topic == 0 || !string_ok(filter, topic) || !mqtt_filter_ok(filter)
        || qos > 2) {
        return 0;
    }
    p = put_u16(p, id);
    p = put_string(p, filter, topic);
    *p = (unsigned char)qos;
    return (size_t)(body - out) + length;
}

size_t mqtt_encode_publish(unsigned char *out, size_t size, const struct mqtt_publish *m)
{
    size_t length = 2 + m->topic_length + (m->qos > 0 ? 2 : 0) + m->payload_length;
    unsigned first = MQTT_PUBLISH << 4 | (m->dup ? 8u : 0) | m->qos << 1 | (m->retain ? 1u : 0);
    unsigned char *p, *body;

    if (m->qos > 2 || (m->qos == 0 && m->dup) || (m->qos > 0 && (m->id == 0 || m->id > U16_MAX))
        || m->topic_length == 0 || m->topic_length > U16_MAX || m->payload_length > MQTT_LENGTH_MAX
        || !mqtt_utf8_ok(m->topic, m->topic_length) || memchr(m->topic, '+', m->topic_length) != NULL
        || memchr(m->topic, '#', m->topic_length) != NULL || (p = begin(out, size, first, length)) == NULL) {
        return 0;
    }
    body = p;
    p = put_string(p, m->topic, m->topic_length);
    if (m->qos > 0) {
        p = put_u16(p, m->id);
    }
    if (m->payload_length > 0) {
        memcpy(p, m->payload, m->payload_length);
    }
    return (size_t)(body - out) + length;
}

size_t mqtt_encode_puback(unsigned char *out, size_t size, unsigned id)
{
    unsigned char *p = begin(out, size, MQTT_PUBACK << 4, 2);

    if (p == NULL || id == 0 || id > U16_MAX) {
        return 0;
    }
    put_u16(p, id);
    return 4;
}

size_t mqtt_encode_empty(unsigned char *out, size_t size, enum mqtt_type type)
{
    if ((type != MQTT_PINGREQ && type != MQTT_DISCONNECT) || begin(out, size, (unsigned)type << 4, 0) == NULL) {
        return 0;
    }
    return 2;
}

int mqtt_decode_connack(unsigned flags, const unsigned char *body, size_t length, unsigned *code)
{
    if (flags != 0 || length != 2 || body[0] != 0) {
        return -1;
    }
    *code = body[1];
    return 0;
}

const char *mqtt_decode_publish(unsigned flags, const unsigned char *body, size_t length, struct mqtt_publish *p)
{
    size_t topic = length >= 2 ? get_u16(body) : 0, start;

    p->qos = (flags >> 1) & 3;
    p->dup = (flags & 8) != 0;
    p->retain = flags & 1;
    if (p->qos == 3) {
        return "qos 3 does not exist";
    }
    if (p->qos == 0 && p->dup) {
        return "DUP set at qos 0, which is never sent again";
    }
    if (length < 2 || 2 + topic + (p->qos > 0 ? 2 : 0) > length) {
        return p->qos > 0 ? "its topic and packet id run past its end" : "its topic runs past its end";
    }
    p->id = p->qos > 0 ? get_u16(body + 2 + topic) : 0;
    if (p->qos > 0 && p->id == 0) {
        return "packet id 0";
    }
    if (topic == 0) {
        return "an empty topic";
    }
    if (memchr(body + 2, '+', topic) != NULL || memchr(body + 2, '#', topic) != NULL) {
        return "+ or # in its topic, which only a filter may hold";
    }
    if (!mqtt_utf8_ok(body + 2, topic)) {
        return "a topic that is not UTF-8 or holds a NUL";
    }
    start = 2 + topic + (p->qos > 0 ? 2 : 0);
    p->topic = body + 2;
    p->topic_length = topic;
    p->payload = body + start;
    p->payload_length = length - start;
    return NULL;
}

int mqtt_decode_suback(const unsigned char *body, size_t length, unsigned *id, unsigned *code)
{
    *id = length >= 2 ? get_u16(body) : 0;
    if (length != 3) { /* one return code, for the one filter */
        return -1;
    }
    *code = body[2];
    return 0;
}

int mqtt_decode_puback(const unsigned char *body, size_t length, unsigned *id)
{
    *id = length == 2 ? get_u16(body) : 0;
    return length == 2 ? 0 : -1;
}

int mqtt_utf8_ok(const unsigned char *p, size_t n)
{
    return (n == 0 || memchr(p, 0, n) == NULL) && example_utf8_valid(p, n);
}

int mqtt_filter_ok(const char *filter)
{
    size_t i;

    for (i = 0; filter[i] != '\0'; i++) {
        int level_starts = i == 0 || filter[i - 1] == '/', level_ends = filter[i + 1] == '\0' || filter[i + 1] == '/';

        if ((filter[i] == '+' && !(level_starts && level_ends))
            || (filter[i] == '#' && !(level_starts && filter[i + 1] == '\0'))) {
            return 0;
        }
    }
    return 1;
}

const char *mqtt_type_name(unsigned type)
{
    static const char *const names[16] = {"reserved (0)", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC",
                                          "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK",
                                          "PINGREQ", "PINGRESP", "DISCONNECT", "reserved (15)"};

    return names[type % 16];
}

const char *mqtt_refusal(unsigned code)
{
    static const char *const refusals[6] = {
        "", "unacceptable protocol version: the broker does not speak MQTT 3.1.1",
        "identifier rejected: the broker does not take this client id", "server unavailable: the MQTT service is down",
        "bad user name or password", "not authorized: the broker does not let this client connect"};

    return code < 6 ? refusals[code] : "reserved: not a code MQTT 3.1.1 defines";
}
