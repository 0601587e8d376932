/*
 * SHA-1 (FIPS 180-4), for the WebSocket handshake's Sec-WebSocket-Accept only:
 * SHA-1 is broken for signatures and certificates, never use it there.
 */
#ifndef EXAMPLE_SHA1_H
#define EXAMPLE_SHA1_H

#include <stddef.h>
#include <stdint.h>

#define SHA1_SIZE 20

struct sha1 {
    uint32_t h[5];
    uint64_t bytes;              /* hashed so far */
    unsigned char block[64];     /* the block being filled */
    size_t used;
};

void sha1_init(struct sha1 *s);
void sha1_update(struct sha1 *s, const void *data, size_t size);
void sha1_final(struct sha1 *s, unsigned char digest[SHA1_SIZE]);

#endif
