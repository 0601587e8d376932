/*
 * CoAP (RFC 7252) messages as bytes, for examples/coap/coap_client.c: pure
 * functions over the caller's buffers (no sockets, no heap, no state), so
 * that they can be tested and fuzzed alone.
 *
 * A message is a 4-byte header (version 1, type, token length, code,
 * message id), the token, options in order of their numbers (each a delta
 * from the last one and a length, 4 bits each, extended by 1 or 2 bytes),
 * then a payload after a 0xFF marker.  A writer builds one option by option,
 * a reader walks the options of one received; coap_encode_request() and
 * coap_decode() do the whole of what the client sends and receives.
 */
#ifndef EXAMPLE_COAP_CODEC_H
#define EXAMPLE_COAP_CODEC_H

#include <stddef.h>

#define COAP_PORT 5683
#define COAP_MESSAGE_MAX 1152  /* RFC 7252 4.6: fits IPv6's minimum MTU (1280) with its headers */
#define COAP_PAYLOAD_MAX 1024  /* the largest request payload coap_encode_request() takes */
#define COAP_OPTION_MAX 255    /* the largest Uri-Host, Uri-Path or Uri-Query */
#define COAP_SEGMENTS_MAX 64   /* Uri-Path options in a request, once "." and ".." are resolved */
#define COAP_TOKEN_MAX 8

#define COAP_CODE(class, detail) ((class) << 5 | (detail))

enum coap_type { COAP_CON, COAP_NON, COAP_ACK, COAP_RST };
enum coap_option_number {
    COAP_URI_HOST = 3, COAP_URI_PATH = 11, COAP_CONTENT_FORMAT = 12, COAP_URI_QUERY = 15, COAP_BLOCK2 = 23
};

/* What is wrong with a request to build (up to COAP_PAYLOAD_TOO_BIG) or a message received (the others). */
enum coap_fault {
    COAP_OK = 0,
    COAP_TOO_BIG,               /* the message does not fit the buffer, or an option value is over 65804 bytes */
    COAP_OUT_OF_ORDER,          /* an option numbered below the last one written, or a field out of range */
    COAP_BAD_PERCENT,           /* a bad %-encoding in the target */
    COAP_PART_TOO_LONG,         /* a path segment or query part over COAP_OPTION_MAX bytes */
    COAP_TOO_MANY_SEGMENTS,     /* over COAP_SEGMENTS_MAX path segments */
    COAP_PAYLOAD_TOO_BIG,       /* a request payload over COAP_PAYLOAD_MAX */
    COAP_SHORT,                 /* under 4 bytes */
    COAP_TOKEN_TOO_LONG,        /* a token length over 8 */
    COAP_TOKEN_CUT,             /* cut inside its token */
    COAP_EMPTY_NOT_EMPTY,       /* an Empty message (code 0.00) with bytes after its header */
    COAP_RESERVED_CLASS,        /* a code of class 1, 3, 6 or 7 */
    COAP_RESERVED_NIBBLE,       /* an option delta or length of 15 */
    COAP_OPTION_HEADER_CUT,     /* an option's extended delta or length cut short */
    COAP_OPTION_VALUE_CUT,      /* an option's value cut short */
    COAP_OPTION_NUMBER_TOO_BIG, /* an option number over 65535 */
    COAP_REPEATED_BLOCK2,       /* a second Block2 option */
    COAP_UNKNOWN_CRITICAL,      /* a critical option the client does not know (struct coap_message says which) */
    COAP_MARKER_NO_PAYLOAD      /* a payload marker with nothing after it */
};

/* A message's header and what the client takes from its options; decoded, payload points into the input. */
struct coap_message {
    unsigned type, code, id;          /* type: enum coap_type; code 0 to 255; id 0 to 65535 */
    unsigned char token[COAP_TOKEN_MAX];
    unsigned token_length;
    long content_format;              /* -1 when absent */
    int more_blocks;                  /* a Block2 option with its M bit: only the first block is here */
    int seen_content_format, seen_block2;
    unsigned bad_option;              /* COAP_UNKNOWN_CRITICAL: its number */
    size_t bad_length;                /* and its length */
    const unsigned char *payload;
    size_t payload_length;
};

/* A message being built: its bytes (size of them) at bytes, length written, the last option number. */
struct coap_writer {
    unsigned char *bytes;
    size_t size, length;
    unsigned last_option;
    enum coap_fault fault;            /* the first fault met; every later write then does nothing */
};

/* The options of a received message being read: the next at at, the last number read. */
struct coap_reader {
    const unsigned char *in;
    size_t size, at;
    unsigned number;
    enum coap_fault fault;            /* why coap_next_option() said -1 */
};

/* A request for coap_encode_request(). */
struct coap_request {
    const struct coap_message *head;  /* type, code, id, token */
    const char *host;                 /* a Uri-Host option (at most COAP_OPTION_MAX bytes), or NULL for none */
    const char *target;               /* "/PATH?QUERY" or "", %-encoded: Uri-Path and Uri-Query options */
    long content_format;              /* a Content-Format option (0 to 65535), or -1 for none */
    const unsigned char *payload;     /* may be NULL when payload_length is 0 */
    size_t payload_length;
};

/*
 * Start a message in out (size bytes) with head's header and token (its
 * type, code, id and token_length must be in range: else the writer's fault
 * is COAP_OUT_OF_ORDER).  Returns the writer's fault: COAP_OK, or
 * COAP_TOO_BIG when size cannot hold them.
 */
enum coap_fault coap_write_header(struct coap_writer *w, unsigned char *out, size_t size,
                                  const struct coap_message *head);

/*
 * Append an option, its number no lower than the last one's.  value may be
 * NULL when length is 0.  Returns the writer's fault: COAP_OK,
 * COAP_OUT_OF_ORDER, or COAP_TOO_BIG.
 */
enum coap_fault coap_write_option(struct coap_writer *w, unsigned number, const void *value, size_t length);

/* Append an unsigned integer option in its shortest form (0 is no bytes).  Returns as coap_write_option(). */
enum coap_fault coap_write_uint_option(struct coap_writer *w, unsigned number, unsigned long value);

/* Append the payload marker and payload (nothing when length is 0).  Returns the writer's fault. */
enum coap_fault coap_write_payload(struct coap_writer *w, const void *payload, size_t length);

/*
 * The whole request r into out (size bytes): header, token, Uri-Host,
 * Uri-Path (dot segments resolved as RFC 3986 5.2.4 does, also %-encoded
 * ones), Content-Format, Uri-Query (RFC 7252 6.4), payload.  Returns COAP_OK
 * with *length the message's size, or the first fault (COAP_TOO_BIG to
 * COAP_PAYLOAD_TOO_BIG).
 */
enum coap_fault coap_encode_request(unsigned char *out, size_t size, const struct coap_request *r, size_t *length);

/* An Empty ACK or RST (no token) for message id into out.  Returns 4, its size. */
size_t coap_encode_empty(unsigned char out[4], enum coap_type type, unsigned id);

/*
 * The header and token of the size bytes at in into m (type, code, id,
 * token; the rest cleared, content_format -1).  Returns COAP_OK with *at
 * where the options begin, or COAP_SHORT, COAP_TOKEN_TOO_LONG,
 * COAP_TOKEN_CUT (the fields read so far set; m->type 99 when under 4 bytes).
 * The version bits are not checked: the caller judges them.
 */
enum coap_fault coap_decode_header(const unsigned char *in, size_t size, struct coap_message *m, size_t *at);

/* Start reading the options of the size bytes at in from at (as coap_decode_header() gave it). */
void coap_read_options(struct coap_reader *r, const unsigned char *in, size_t size, size_t at);

/*
 * The next option: 1 with its number, value (inside the input) and length;
 * 0 when there are no more (r->at is then at the payload marker or the
 * end); -1 when it is malformed (r->fault says how: COAP_RESERVED_NIBBLE,
 * COAP_OPTION_HEADER_CUT, COAP_OPTION_VALUE_CUT, COAP_OPTION_NUMBER_TOO_BIG).
 */
int coap_next_option(struct coap_reader *r, unsigned *number, const unsigned char **value, size_t *length);

/*
 * A received message, as the client takes it: the header, Content-Format
 * and Block2 read (elective options ignored, a critical one it does not know
 * refused, as RFC 7252 5.4.1 wants), the payload.  Returns COAP_OK, or the
 * first fault from COAP_SHORT on (the fields read so far set).
 */
enum coap_fault coap_decode(const unsigned char *in, size_t size, struct coap_message *m);

/* Whether code is a response's: class 2, 4 or 5 (0 is a request or Empty, the others reserved).  1, or 0. */
int coap_is_response(unsigned code);

/* A response code's name ("Content" for 2.05), or "(unknown code)". */
const char *coap_code_name(unsigned code);

/* A type's name: "CON", "NON", "ACK", "RST" (type taken modulo 4). */
const char *coap_type_name(unsigned type);

/*
 * A fault in words into out (size bytes, always NUL-terminated), with the
 * option's number and length for COAP_UNKNOWN_CRITICAL (from m, which may be
 * NULL otherwise).  Returns out.
 */
const char *coap_fault_text(enum coap_fault fault, const struct coap_message *m, char *out, size_t size);

#endif
