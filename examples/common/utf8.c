#include "utf8.h"

size_t example_utf8_char(const unsigned char *s, size_t size)
{
    size_t k, need;
    unsigned long code, least;

    if (s[0] < 0x80) {
        return 1;
    }
    if (s[0] >= 0xc2 && s[0] <= 0xdf) { /* 0xc0 and 0xc1 could only start an overlong form */
        need = 1, code = s[0] & 0x1f, least = 0x80;
    } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
        need = 2, code = s[0] & 0x0f, least = 0x800;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) { /* 0xf5 up could only start what is above U+10FFFF */
        need = 3, code = s[0] & 0x07, least = 0x10000;
    } else {
        return 0;
    }
    if (size - 1 < need) {
        return 0;
    }
    for (k = 1; k <= need; k++) {
        if ((s[k] & 0xc0) != 0x80) {
            return 0;
        }
        code = code << 6 | (s[k] & 0x3f);
    }
    return code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0 : need + 1;
}

int example_utf8_valid(const unsigned char *s, size_t size)
{
    size_t i, n;

    for (i = 0; i < size; i += n) {
        if ((n = example_utf8_char(s + i, size - i)) == 0) {
            return 0;
        }
    }
    return 1;
}
