/* UTF-8 (RFC 3629) as the protocols want it checked: the MQTT and WebSocket codecs share it. */
#ifndef EXAMPLE_UTF8_H
#define EXAMPLE_UTF8_H

#include <stddef.h>

/*
 * The length (1 to 4) of the UTF-8 character at s, of which size bytes (at
 * least 1) may be read; 0 when there is none: a stray continuation byte, one
 * missing, an overlong form, a UTF-16 surrogate, anything above U+10FFFF.
 */
size_t example_utf8_char(const unsigned char *s, size_t size);

/* Whether size bytes at s are UTF-8 throughout: 1, or 0. */
int example_utf8_valid(const unsigned char *s, size_t size);

#endif
