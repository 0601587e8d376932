/*
 * The WebSocket protocol (RFC 6455) as bytes, for a client
 * (examples/websocket/websocket_client.c): pure functions over the caller's
 * buffers (no sockets, no heap, no state of their own), so that they can be
 * tested and fuzzed alone.  The opening handshake (the key, the request, the
 * answer checked line by line), frame headers written and read (what a
 * client must refuse refused), masking, close frames, and a message put
 * together from its fragments.
 */
#ifndef EXAMPLE_WS_CODEC_H
#define EXAMPLE_WS_CODEC_H

#include <stddef.h>

#define WS_NONCE_SIZE 16       /* the random bytes of a Sec-WebSocket-Key */
#define WS_KEY_SIZE 25         /* a Sec-WebSocket-Key: their base64, and a NUL */
#define WS_ACCEPT_SIZE 29      /* a Sec-WebSocket-Accept: base64 of a SHA-1, and a NUL */
#define WS_HEADER_MAX 14       /* the largest frame header: 2 bytes, a 64-bit length, a mask */
#define WS_CONTROL_MAX 125     /* the largest control frame payload (5.5) */
#define WS_ANSWER_LINES_MAX 100 /* header lines taken in the server's answer */

enum ws_opcode { WS_CONTINUATION = 0x0, WS_TEXT = 0x1, WS_BINARY = 0x2, WS_CLOSE = 0x8, WS_PING = 0x9, WS_PONG = 0xa };

/* Close statuses (7.4.1); WS_STATUS_NONE is never sent: it stands for a close without one. */
enum ws_status {
    WS_STATUS_NORMAL = 1000, WS_STATUS_PROTOCOL_ERROR = 1002, WS_STATUS_NONE = 1005, WS_STATUS_INVALID_TEXT = 1007,
    WS_STATUS_POLICY = 1008, WS_STATUS_TOO_BIG = 1009
};

/* What the server got wrong, or WS_OK; WS_MORE asks for more bytes. */
enum ws_fault {
    WS_OK = 0,
    WS_MORE,                 /* the frame header, or the message, goes on: more is needed */
    WS_NOT_101,              /* the answer's status line is not HTTP/1.1 101 */
    WS_TOO_MANY_LINES,       /* over WS_ANSWER_LINES_MAX header lines */
    WS_BAD_UPGRADE,          /* an Upgrade header other than one "websocket" */
    WS_BAD_ACCEPT,           /* a Sec-WebSocket-Accept other than the one expected */
    WS_NOT_OFFERED,          /* an extension or subprotocol chosen, though none was offered */
    WS_RESERVED_BITS,        /* a frame with RSV1 to RSV3 set (struct ws_frame's rsv says which) */
    WS_MASKED,               /* a masked frame: a server must not mask (5.1) */
    WS_UNKNOWN_OPCODE,       /* an opcode RFC 6455 does not define */
    WS_LENGTH_TOP_BIT,       /* a 64-bit length with its most significant bit set */
    WS_LENGTH_NOT_SHORTEST,  /* a length in a longer form than it needs */
    WS_CONTROL_FRAGMENTED,   /* a control frame without FIN */
    WS_CONTROL_TOO_BIG,      /* a control frame over WS_CONTROL_MAX bytes */
    WS_NO_MESSAGE_BEGUN,     /* a continuation frame with no message begun */
    WS_MESSAGE_UNFINISHED,   /* a new message before the last one's final fragment */
    WS_MESSAGE_TOO_BIG,      /* a message over the caller's limit */
    WS_INVALID_TEXT,         /* a text message that is not UTF-8 */
    WS_BAD_CLOSE_STATUS,     /* a close payload of 1 byte, or with a status no peer may send */
    WS_BAD_CLOSE_REASON      /* a close reason that is not UTF-8 */
};

/* A frame's header. */
struct ws_frame {
    int fin, opcode;
    unsigned rsv;            /* the reserved bits as they sit in the first byte (0x70 at most) */
    unsigned long long size; /* the payload's */
};

/* A message being put together from its frames. */
struct ws_message {
    int opcode;              /* WS_TEXT or WS_BINARY; WS_CONTINUATION when none is begun */
    size_t size;             /* its bytes so far */
    unsigned frames;         /* its frames so far */
    int whole;               /* its final frame came: the next frame begins another */
};

/* The answer to the opening handshake, as its header lines are checked. */
struct ws_answer {
    unsigned lines;
    int upgrade, connection, accepted; /* the headers seen */
};

/*
 * Base64 (RFC 4648, padded) of size bytes at in into out (out_size bytes,
 * NUL-terminated).  Returns the characters written, or 0 (out untouched)
 * when out cannot hold 4 * ((size + 2) / 3) + 1.
 */
size_t ws_base64(const unsigned char *in, size_t size, char *out, size_t out_size);

/* The Sec-WebSocket-Key of nonce (16 random bytes): their base64. */
void ws_key(const unsigned char nonce[WS_NONCE_SIZE], char key[WS_KEY_SIZE]);

/* The Sec-WebSocket-Accept a server must answer key with (4.2.2): base64(SHA-1(key GUID)). */
void ws_accept(const char *key, char accept[WS_ACCEPT_SIZE]);

/* Whether size bytes at s may go into a request line or a header value: no controls, no spaces.  1, or 0. */
int ws_visible(const char *s, size_t size);

/*
 * The opening handshake's request (4.1) into out (size bytes, NUL-terminated):
 * GET target, Host host, the key.  Returns its length, or 0 when it does not
 * fit or target, host or key holds a space or a control character.
 */
size_t ws_encode_request(char *out, size_t size, const char *target, const char *host, const char *key);

/* Whether the answer's status line (without its line end) is "HTTP/1.1 101", then a space or the end: 1, or 0. */
int ws_status_line_ok(const char *line);

/*
 * One header line of the answer (NUL-terminated, without its line end;
 * trailing spaces are overwritten) into a (zeroed before the first), against
 * the accept expected.  Returns WS_OK, WS_TOO_MANY_LINES, WS_BAD_UPGRADE
 * (line is the header), WS_BAD_ACCEPT (*value is what the server sent) or
 * WS_NOT_OFFERED (line is the header).
 */
enum ws_fault ws_answer_line(struct ws_answer *a, char *line, const char *accept, const char **value);

/* What the answer's headers lack, in words ("\"Upgrade: websocket\"", ...), or NULL when nothing. */
const char *ws_answer_missing(const struct ws_answer *a);

/*
 * A frame header into out (size bytes): fin, opcode (one RFC 6455 defines;
 * a control frame with fin and at most WS_CONTROL_MAX bytes), the payload's
 * length in its shortest form, then mask when not NULL (a client masks
 * every frame).  Returns its size, 2 to 14, or 0 when something is out of
 * range or it does not fit.
 */
size_t ws_encode_frame_header(unsigned char *out, size_t size, int fin, int opcode, unsigned long long length,
                              const unsigned char mask[4]);

/*
 * Mask (or unmask) size bytes of payload at data in place with mask (5.3):
 * offset is where data starts in the payload, for a payload masked in pieces.
 */
void ws_mask(unsigned char *data, size_t size, const unsigned char mask[4], unsigned long long offset);

/*
 * A frame header from the server in the have bytes at in (only those are
 * read), checked for what a client must refuse (5.2), the first 2 bytes
 * before the extended length.  Returns WS_OK with *f filled and *need its
 * size; WS_MORE with *need the bytes it takes (more than have); or the fault
 * (*f filled as far as read: WS_RESERVED_BITS, WS_MASKED, WS_UNKNOWN_OPCODE,
 * WS_LENGTH_TOP_BIT, WS_LENGTH_NOT_SHORTEST, WS_CONTROL_FRAGMENTED,
 * WS_CONTROL_TOO_BIG).
 */
enum ws_fault ws_decode_frame_header(const unsigned char *in, size_t have, struct ws_frame *f, size_t *need);

/*
 * A data frame's header against the message m being put together, before
 * its payload is read (at most max bytes a message).  Returns WS_OK (its
 * payload goes at m->size in the caller's message buffer; a first frame
 * begins m afresh), WS_NO_MESSAGE_BEGUN, WS_MESSAGE_UNFINISHED or
 * WS_MESSAGE_TOO_BIG.
 */
enum ws_fault ws_message_begin_frame(struct ws_message *m, const struct ws_frame *f, size_t max);

/*
 * The same frame once its payload is at data + m->size (data the message's
 * buffer).  Returns WS_MORE while fragments are to follow; WS_OK when the
 * message is whole (m says what it is until the next frame); WS_INVALID_TEXT
 * for a text message that is not UTF-8.
 */
enum ws_fault ws_message_end_frame(struct ws_message *m, const struct ws_frame *f, const unsigned char *data);

/*
 * A close frame's payload (size bytes): *status its status (WS_STATUS_NONE
 * when it has none), *reason and *reason_size the reason after it.  Returns
 * WS_OK, WS_BAD_CLOSE_STATUS or WS_BAD_CLOSE_REASON (the outputs set either
 * way).
 */
enum ws_fault ws_decode_close(const unsigned char *payload, size_t size, unsigned *status,
                              const unsigned char **reason, size_t *reason_size);

/* A close frame's payload for status into out: 2 bytes, or 0 for WS_STATUS_NONE (none). */
size_t ws_encode_close(unsigned char out[2], unsigned status);

/* Whether a close frame may carry status (7.4, and IANA's 1012 to 1014): 1, or 0. */
int ws_status_valid(unsigned status);

/* A status's name ("normal", "protocol error", ...; "other" for those without one here). */
const char *ws_status_name(unsigned status);

/* The close status a fault calls for: 1002, 1007 (text) or 1009 (too big). */
unsigned ws_fault_status(enum ws_fault fault);

#endif
