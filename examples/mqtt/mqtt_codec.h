/*
 * MQTT 3.1.1 packets as bytes, for examples/mqtt/mqtt_client.c: pure
 * functions over the caller's buffers (no sockets, no heap, no state), so
 * that they can be tested and fuzzed alone.
 *
 * A packet is a fixed header, its type and flags in one byte and then the
 * remaining length in 1 to 4 bytes, followed by a body of that length.  The
 * encoders write a whole packet; the decoders take a body whose fixed header
 * the caller has read (the type, the flags and the length it gave).
 */
#ifndef EXAMPLE_MQTT_CODEC_H
#define EXAMPLE_MQTT_CODEC_H

#include <stddef.h>

#define MQTT_LENGTH_MAX 268435455UL /* the largest remaining length: 4 bytes of 7 bits */
#define MQTT_HEADER_MAX 5           /* the largest fixed header */

enum mqtt_type {
    MQTT_CONNECT = 1, MQTT_CONNACK, MQTT_PUBLISH, MQTT_PUBACK, MQTT_PUBREC, MQTT_PUBREL, MQTT_PUBCOMP,
    MQTT_SUBSCRIBE, MQTT_SUBACK, MQTT_UNSUBSCRIBE, MQTT_UNSUBACK, MQTT_PINGREQ, MQTT_PINGRESP, MQTT_DISCONNECT
};

/* A PUBLISH's fields; decoded, topic and payload point into the body. */
struct mqtt_publish {
    unsigned qos;                   /* 0, 1 or 2 */
    int dup, retain;                /* the fixed header's flags, 0 or 1 */
    const unsigned char *topic;     /* a topic name: UTF-8, no NUL, no + or # */
    size_t topic_length;            /* 1 to 65535 */
    unsigned id;                    /* the packet id, 1 to 65535; none (0) at qos 0 */
    const unsigned char *payload;   /* may be NULL when payload_length is 0 */
    size_t payload_length;
};

/*
 * The remaining length n in MQTT's form (7 bits a byte, least significant
 * first, the top bit set on every byte but the last) into out.  Returns its
 * size, 1 to 4; 0 when n is over MQTT_LENGTH_MAX (out untouched).
 */
size_t mqtt_encode_length(unsigned char out[4], unsigned long n);

/*
 * A remaining length from the first have bytes at in (only those are read).
 * Returns its size once complete (1 to 4), with *n its value; 0 while it
 * needs more bytes; -1 when a 4th byte still says "more" (malformed).
 */
int mqtt_decode_length(const unsigned char *in, size_t have, unsigned long *n);

/*
 * The encoders: a whole packet into out (size bytes).  Each returns the
 * packet's size, or 0 (out's contents then undefined) when it does not fit
 * or a field is out of range, as each says.
 */

/* CONNECT for a clean session, no will, user name or password: client_id UTF-8 of at most 65535 bytes. */
size_t mqtt_encode_connect(unsigned char *out, size_t size, const char *client_id, unsigned keepalive);

/* SUBSCRIBE to one filter (mqtt_filter_ok, at most 65535 bytes) at qos 0 to 2; id 1 to 65535. */
size_t mqtt_encode_subscribe(unsigned char *out, size_t size, unsigned id, const char *filter, unsigned qos);

/* PUBLISH with p's fields, as struct mqtt_publish says they may be; dup only at qos 1 or 2. */
size_t mqtt_encode_publish(unsigned char *out, size_t size, const struct mqtt_publish *p);

/* PUBACK for packet id (1 to 65535). */
size_t mqtt_encode_puback(unsigned char *out, size_t size, unsigned id);

/* A packet with no body and no flags: PINGREQ or DISCONNECT only (2 bytes). */
size_t mqtt_encode_empty(unsigned char *out, size_t size, enum mqtt_type type);

/*
 * The decoders: a body of length bytes whose fixed header gave flags (its
 * low 4 bits).
 */

/*
 * A CONNACK for a clean session: flags 0, 2 bytes, no session present.
 * Returns 0 with *code its return code (0 accepted; see mqtt_refusal());
 * -1 when it is malformed (*code untouched).
 */
int mqtt_decode_connack(unsigned flags, const unsigned char *body, size_t length, unsigned *code);

/*
 * A PUBLISH (MQTT 3.1.1, 3.3.1 and 3.3.2).  Returns NULL when it is
 * well-formed, *p then filled; otherwise what makes it malformed, in words
 * (p->qos, dup and retain are set from flags either way).
 */
const char *mqtt_decode_publish(unsigned flags, const unsigned char *body, size_t length, struct mqtt_publish *p);

/*
 * A SUBACK for one filter: the packet id and one return code (3 bytes).
 * Sets *id (0 when the body is under 2 bytes).  Returns 0 with *code the
 * return code (a qos granted, or 0x80 for a refusal), or -1 when its length
 * is not 3.
 */
int mqtt_decode_suback(const unsigned char *body, size_t length, unsigned *id, unsigned *code);

/* A PUBACK: 0 with *id its packet id when it is 2 bytes; -1 otherwise, *id 0. */
int mqtt_decode_puback(const unsigned char *body, size_t length, unsigned *id);

/*
 * Whether n bytes at p are well-formed UTF-8 with no NUL, as MQTT 3.1.1
 * (1.5.3) wants every string: 1, or 0.
 */
int mqtt_utf8_ok(const unsigned char *p, size_t n);

/*
 * Whether a topic filter puts its wildcards where MQTT 3.1.1 allows (4.7.1):
 * + as a whole level, # as the whole last level ("a/+/c", "a/#", "#"; not
 * "a+", "a/#/c").  1, or 0.
 */
int mqtt_filter_ok(const char *filter);

/* A packet type's name ("CONNACK"; "reserved (0)" and "reserved (15)"); type is taken modulo 16. */
const char *mqtt_type_name(unsigned type);

/* What a CONNACK's return code means (3.2.2.3): "" for 0, a sentence for 1 to 5, "reserved: ..." above. */
const char *mqtt_refusal(unsigned code);

#endif
