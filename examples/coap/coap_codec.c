#include <stdio.h>
#include <string.h>

#include "coap_codec.h"

#define PAYLOAD_MARKER 0xFF
#define EXTENDED_MAX (269u + 65535u) /* the largest option delta or length: nibble 14 and two bytes */

/* Record the first fault; every later write then does nothing. */
static enum coap_fault fail(struct coap_writer *w, enum coap_fault fault)
{
    if (w->fault == COAP_OK) {
        w->fault = fault;
    }
    return w->fault;
}

static enum coap_fault append(struct coap_writer *w, const void *data, size_t size)
{
    if (w->fault != COAP_OK || size > w->size - w->length) {
        return fail(w, COAP_TOO_BIG);
    }
    if (size > 0) { /* data may be NULL then */
        memcpy(w->bytes + w->length, data, size);
    }
    w->length += size;
    return COAP_OK;
}

enum coap_fault coap_write_header(struct coap_writer *w, unsigned char *out, size_t size,
                                  const struct coap_message *head)
{
    unsigned char header[4];

    w->bytes = out;
    w->size = size;
    w->length = 0;
    w->last_option = 0;
    w->fault = COAP_OK;
    if (head->type > COAP_RST || head->code > 255 || head->id > 65535 || head->token_length > COAP_TOKEN_MAX) {
        return fail(w, COAP_OUT_OF_ORDER);
    }
    header[0] = (unsigned char)(1 << 6 | head->type << 4 | head->token_length); /* version 1 */
    header[1] = (unsigned char)head->code;
    header[2] = (unsigned char)(head->id >> 8);
    header[3] = (unsigned char)head->id;
    append(w, header, sizeof header);
    return append(w, head->token, head->token_length);
}

/* The 4-bit field for an option delta or length (at most EXTENDED_MAX), and the 0 to 2 bytes that extend it. */
static size_t extend(size_t value, unsigned *nibble, unsigned char *more)
{
    if (value < 13) {
        *nibble = (unsigned)value;
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

enum coap_fault coap_write_option(struct coap_writer *w, unsigned number, const void *value, size_t length)
{
    unsigned char head[5];
    unsigned delta_nibble, length_nibble;
    size_t used;

    if (w->fault != COAP_OK) {
        return w->fault;
    }
    if (number < w->last_option || number > 65535) {
        return fail(w, COAP_OUT_OF_ORDER);
    }
    if (length > EXTENDED_MAX) {
        return fail(w, COAP_TOO_BIG);
    }
    used = 1 + extend(number - w->last_option, &delta_nibble, head + 1);
    used += extend(length, &length_nibble, head + used);
    head[0] = (unsigned char)(delta_nibble << 4 | length_nibble);
    if (used + length > w->size - w->length) {
        return fail(w, COAP_TOO_BIG); /* checked whole: no option is left half written */
    }
    append(w, head, used);
    append(w, value, length);
    w->last_option = number;
    return COAP_OK;
}

enum coap_fault coap_write_uint_option(struct coap_writer *w, unsigned number, unsigned long value)
{
    unsigned char bytes[4];
    size_t length = 0, i;

    if (value > 0xffffffffUL) {
        return fail(w, COAP_OUT_OF_ORDER);
    }
    while (length < 4 && value >> (8 * length) != 0) {
        length++;
    }
    for (i = 0; i < length; i++) {
        bytes[i] = (unsigned char)(value >> (8 * (length - 1 - i)));
    }
    return coap_write_option(w, number, bytes, length);
}

enum coap_fault coap_write_payload(struct coap_writer *w, const void *payload, size_t length)
{
    static const unsigned char marker = PAYLOAD_MARKER;

    if (w->fault != COAP_OK || length == 0) {
        return w->fault;
    }
    if (1 + length > w->size - w->length) {
        return fail(w, COAP_TOO_BIG);
    }
    append(w, &marker, 1);
    return append(w, payload, length);
}

static int hex(char digit)
{
    return digit >= '0' && digit <= '9' ? digit - '0' : digit >= 'a' && digit <= 'f' ? digit - 'a' + 10
           : digit >= 'A' && digit <= 'F' ? digit - 'A' + 10 : -1;
}

/* text up to end, %-decoded, into value (COAP_OPTION_MAX bytes) and *length: COAP_OK, or the fault. */
static enum coap_fault percent_decode(const char *text, const char *end, unsigned char *value, size_t *length)
{
    for (*length = 0; text < end; text++) {
        int c = (unsigned char)*text;

        if (c == '%') {
            if (end - text < 3 || hex(text[1]) < 0 || hex(text[2]) < 0) {
                return COAP_BAD_PERCENT;
            }
            c = hex(text[1]) << 4 | hex(text[2]);
            text += 2;
        }
        if (*length == COAP_OPTION_MAX) {
            return COAP_PART_TOO_LONG;
        }
        value[(*length)++] = (unsigned char)c;
    }
    return COAP_OK;
}

/* Where the part of text that starts at text ends: the next separator, or end. */
static const char *part_end(const char *text, const char *end, char separator)
{
    const char *at = memchr(text, separator, (size_t)(end - text));

    return at != NULL ? at : end;
}

/* One option per part of text (up to end) between separators, %-decoded. */
static enum coap_fault write_parts(struct coap_writer *w, unsigned number, const char *text, const char *end,
                                   char separator)
{
    for (;;) {
        const char *stop = part_end(text, end, separator);
        unsigned char value[COAP_OPTION_MAX];
        size_t length;
        enum coap_fault fault = percent_decode(text, stop, value, &length);

        if (fault == COAP_OK) {
            fault = coap_write_option(w, number, value, length);
        }
        if (fault != COAP_OK || stop == end) {
            return fault;
        }
        text = stop + 1;
    }
}

/* The path (up to end: "" or "/..."), its dot segments resolved as RFC 3986 5.2.4 does (also %-encoded
 * ones: %2E is "."), as Uri-Path options: "/a/./b/../c" is a, c; "/a/b/.." is "/a/", so a and an empty
 * one; "/" is none (RFC 7252 6.4). */
static enum coap_fault write_path(struct coap_writer *w, const char *text, const char *end)
{
    struct {
        const char *start, *end;
    } kept[COAP_SEGMENTS_MAX];
    unsigned char value[COAP_OPTION_MAX];
    size_t count = 0, length, i;
    enum coap_fault fault;

    while (text < end) { /* text is at a '/' */
        const char *start = text + 1, *stop = part_end(start, end, '/');
        size_t dots;

        if ((fault = percent_decode(start, stop, value, &length)) != COAP_OK) {
            return fault;
        }
        dots = length <= 2 && memcmp(value, "..", length) == 0 ? length : 0; /* ".", "..", or 0 */
        if (dots == 2 && count > 0) {
            count--;
        }
        if (dots == 0 || stop == end) { /* a "." or ".." at the end leaves the path ending in "/" */
            if (count == COAP_SEGMENTS_MAX) {
                return COAP_TOO_MANY_SEGMENTS;
            }
            kept[count].start = dots == 0 ? start : stop;
            kept[count++].end = stop;
        }
        text = stop;
    }
    if (count == 1 && kept[0].start == kept[0].end) {
        return COAP_OK; /* the path "/" */
    }
    for (i = 0, fault = COAP_OK; i < count && fault == COAP_OK; i++) {
        percent_decode(kept[i].start, kept[i].end, value, &length); /* no fault: it was decoded above */
        fault = coap_write_option(w, COAP_URI_PATH, value, length);
    }
    return fault;
}

enum coap_fault coap_encode_request(unsigned char *out, size_t size, const struct coap_request *r, size_t *length)
{
    const char *query = strchr(r->target, '?');
    const char *path_end = query != NULL ? query : r->target + strlen(r->target);
    struct coap_writer w;
    enum coap_fault fault = coap_write_header(&w, out, size, r->head);

    if (fault == COAP_OK && r->host != NULL) {
        size_t host = strlen(r->host);

        fault = host > COAP_OPTION_MAX ? COAP_PART_TOO_LONG : coap_write_option(&w, COAP_URI_HOST, r->host, host);
    }
    if (fault == COAP_OK && *r->target != '\0' && *r->target != '/' && *r->target != '?') {
        fault = COAP_OUT_OF_ORDER; /* a target is a path, a query, or nothing */
    }
    if (fault == COAP_OK) {
        fault = write_path(&w, r->target, path_end);
    }
    if (fault == COAP_OK && r->content_format >= 0) {
        fault = r->content_format > 65535 ? COAP_OUT_OF_ORDER
                                           : coap_write_uint_option(&w, COAP_CONTENT_FORMAT,
                                                                    (unsigned long)r->content_format);
    }
    if (fault == COAP_OK && query != NULL && query[1] != '\0') { /* a bare "?" has no Uri-Query (6.4) */
        fault = write_parts(&w, COAP_URI_QUERY, query + 1, query + strlen(query), '&');
    }
    if (fault == COAP_OK && r->payload_length > COAP_PAYLOAD_MAX) {
        fault = COAP_PAYLOAD_TOO_BIG;
    }
    if (fault == COAP_OK) {
        fault = coap_write_payload(&w, r->payload, r->payload_length);
    }
    *length = fault == COAP_OK ? w.length : 0;
    return fault;
}

size_t coap_encode_empty(unsigned char out[4], enum coap_type type, unsigned id)
{
    out[0] = (unsigned char)(1 << 6 | (type & 3) << 4);
    out[1] = 0;
    out[2] = (unsigned char)(id >> 8);
    out[3] = (unsigned char)id;
    return 4;
}

int coap_is_response(unsigned code)
{
    return code >> 5 == 2 || code >> 5 == 4 || code >> 5 == 5;
}

enum coap_fault coap_decode_header(const unsigned char *in, size_t size, struct coap_message *m, size_t *at)
{
    unsigned tkl;

    memset(m, 0, sizeof *m);
    m->content_format = -1;
    m->type = 99; /* none, until the header is read */
    if (size < 4) {
        return COAP_SHORT;
    }
    m->type = in[0] >> 4 & 3;
    m->code = in[1];
    m->id = (unsigned)in[2] << 8 | in[3];
    tkl = in[0] & 15;
    if (tkl > COAP_TOKEN_MAX) {
        return COAP_TOKEN_TOO_LONG;
    }
    if (size - 4 < tkl) {
        return COAP_TOKEN_CUT;
    }
    memcpy(m->token, in + 4, tkl);
    m->token_length = tkl;
    *at = 4 + tkl;
    return COAP_OK;
}

void coap_read_options(struct coap_reader *r, const unsigned char *in, size_t size, size_t at)
{
    r->in = in;
    r->size = size;
    r->at = at;
    r->number = 0;
    r->fault = COAP_OK;
}

/* An option delta or length whose nibble is 13 or 14 continues in 1 or 2 bytes; 15 is reserved. */
static enum coap_fault read_extended(struct coap_reader *r, size_t *value)
{
    if (*value == 15) {
        return COAP_RESERVED_NIBBLE;
    }
    if (*value == 13) {
        if (r->size - r->at < 1) {
            return COAP_OPTION_HEADER_CUT;
        }
        *value = 13u + r->in[r->at++];
    } else if (*value == 14) {
        if (r->size - r->at < 2) {
            return COAP_OPTION_HEADER_CUT;
        }
        *value = 269u + ((size_t)r->in[r->at] << 8 | r->in[r->at + 1]);
        r->at += 2;
    }
    return COAP_OK;
}

int coap_next_option(struct coap_reader *r, unsigned *number, const unsigned char **value, size_t *length)
{
    size_t delta;

    if (r->fault != COAP_OK) {
        return -1;
    }
    if (r->at >= r->size || r->in[r->at] == PAYLOAD_MARKER) {
        return 0;
    }
    delta = r->in[r->at] >> 4;
    *length = r->in[r->at] & 15;
    r->at++;
    if ((r->fault = read_extended(r, &delta)) != COAP_OK || (r->fault = read_extended(r, length)) != COAP_OK) {
        return -1;
    }
    if (*length > r->size - r->at) {
        r->fault = COAP_OPTION_VALUE_CUT;
        return -1;
    }
    if (r->number + delta > 65535) {
        r->fault = COAP_OPTION_NUMBER_TOO_BIG;
        return -1;
    }
    r->number += (unsigned)delta;
    *number = r->number;
    *value = r->in + r->at;
    r->at += *length;
    return 1;
}

static unsigned long read_uint(const unsigned char *value, size_t length)
{
    unsigned long n = 0;

    while (length-- > 0) {
        n = n << 8 | *value++;
    }
    return n;
}

/* What the client makes of one option of a response: COAP_OK, or why the response must be rejected. */
static enum coap_fault take_option(struct coap_message *m, unsigned number, const unsigned char *value,
                                   size_t length)
{
    if (number == COAP_CONTENT_FORMAT) { /* elective: a repeat is ignored, the first one kept (5.4.5) */
        if (!m->seen_content_format && length <= 2) {
            m->content_format = (long)read_uint(value, length);
        }
        m->seen_content_format = 1;
    } else if (number == COAP_BLOCK2 && m->seen_block2) {
        return COAP_REPEATED_BLOCK2; /* critical: a repeat rejects the message (5.4.5) */
    } else if (number == COAP_BLOCK2 && length <= 3) {
        m->more_blocks = (read_uint(value, length) & 8) != 0;
        m->seen_block2 = 1;
    } else if (number % 2 == 1) { /* critical (RFC 7252 5.4.1): one not understood rejects the message */
        m->bad_option = number;
        m->bad_length = length;
        return COAP_UNKNOWN_CRITICAL;
    }
    return COAP_OK; /* elective: ignored */
}

enum coap_fault coap_decode(const unsigned char *in, size_t size, struct coap_message *m)
{
    struct coap_reader r;
    const unsigned char *value;
    unsigned number;
    size_t at, length;
    enum coap_fault fault = coap_decode_header(in, size, m, &at);
    int more;

    if (fault != COAP_OK) {
        return fault;
    }
    if (m->code == 0) {
        return size > 4 ? COAP_EMPTY_NOT_EMPTY : COAP_OK;
    }
    if (m->code >> 5 != 0 && !coap_is_response(m->code)) {
        return COAP_RESERVED_CLASS;
    }
    coap_read_options(&r, in, size, at);
    while ((more = coap_next_option(&r, &number, &value, &length)) > 0) {
        if ((fault = take_option(m, number, value, length)) != COAP_OK) {
            return fault;
        }
    }
    if (more < 0) {
        return r.fault;
    }
    at = r.at;
    if (at < size && ++at == size) {
        return COAP_MARKER_NO_PAYLOAD;
    }
    m->payload = in + at;
    m->payload_length = size - at;
    return COAP_OK;
}

const char *coap_code_name(unsigned code)
{
    static const struct {
        unsigned code;
        const char *name;
    } names[] = {
        {COAP_CODE(2, 1), "Created"}, {COAP_CODE(2, 2), "Deleted"}, {COAP_CODE(2, 3), "Valid"},
        {COAP_CODE(2, 4), "Changed"}, {COAP_CODE(2, 5), "Content"}, {COAP_CODE(2, 31), "Continue"},
        {COAP_CODE(4, 0), "Bad Request"}, {COAP_CODE(4, 1), "Unauthorized"}, {COAP_CODE(4, 2), "Bad Option"},
        {COAP_CODE(4, 3), "Forbidden"}, {COAP_CODE(4, 4), "Not Found"}, {COAP_CODE(4, 5), "Method Not Allowed"},
        {COAP_CODE(4, 6), "Not Acceptable"}, {COAP_CODE(4, 8), "Request Entity Incomplete"},
        {COAP_CODE(4, 12), "Precondition Failed"}, {COAP_CODE(4, 13), "Request Entity Too Large"},
        {COAP_CODE(4, 15), "Unsupported Content-Format"}, {COAP_CODE(5, 0), "Internal Server Error"},
        {COAP_CODE(5, 1), "Not Implemented"}, {COAP_CODE(5, 2), "Bad Gateway"},
        {COAP_CODE(5, 3), "Service Unavailable"}, {COAP_CODE(5, 4), "Gateway Timeout"},
        {COAP_CODE(5, 5), "Proxying Not Supported"},
    };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i].code == code) {
            return names[i].name;
        }
    }
    return "(unknown code)";
}

const char *coap_type_name(unsigned type)
{
    static const char *const names[] = {"CON", "NON", "ACK", "RST"};

    return names[type % 4];
}

const char *coap_fault_text(enum coap_fault fault, const struct coap_message *m, char *out, size_t size)
{
    static const char *const texts[] = {
        [COAP_OK] = "no fault",
        [COAP_TOO_BIG] = "the message does not fit its buffer",
        [COAP_OUT_OF_ORDER] = "an option out of order or a field out of range",
        [COAP_BAD_PERCENT] = "a bad %-encoding in the URL",
        [COAP_PART_TOO_LONG] = "a URL path segment or query part over 255 bytes",
        [COAP_TOO_MANY_SEGMENTS] = "over 64 URL path segments",
        [COAP_PAYLOAD_TOO_BIG] = "the payload is over 1024 bytes",
        [COAP_SHORT] = "shorter than a CoAP header",
        [COAP_TOKEN_TOO_LONG] = "a token length over 8",
        [COAP_TOKEN_CUT] = "cut inside its token",
        [COAP_EMPTY_NOT_EMPTY] = "an Empty message with bytes after its header",
        [COAP_RESERVED_CLASS] = "a code of a reserved class",
        [COAP_RESERVED_NIBBLE] = "a reserved option delta or length (15)",
        [COAP_OPTION_HEADER_CUT] = "an option header cut short",
        [COAP_OPTION_VALUE_CUT] = "an option value cut short",
        [COAP_OPTION_NUMBER_TOO_BIG] = "an option number over 65535",
        [COAP_REPEATED_BLOCK2] = "a repeated Block2 option",
        [COAP_UNKNOWN_CRITICAL] = "an unrecognised critical option",
        [COAP_MARKER_NO_PAYLOAD] = "a payload marker with no payload",
    };

    if (fault == COAP_UNKNOWN_CRITICAL && m != NULL) {
        snprintf(out, size, "%s %u (%zu bytes)", texts[fault], m->bad_option, m->bad_length);
    } else {
        snprintf(out, size, "%s", (size_t)fault < sizeof texts / sizeof texts[0] ? texts[fault] : "an unknown fault");
    }
    return out;
}
