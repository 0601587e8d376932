/*
 * What the codec suites' fuzz runs share: a seeded generator (splitmix64),
 * so that every run tries the same inputs, and mutations of a valid packet.
 * A decoder is given each input in a heap block of exactly its size, so that
 * ASan sees any read past its end.
 */
#ifndef TEST_EXAMPLES_FUZZ_H
#define TEST_EXAMPLES_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ROUNDS 200000

struct fuzz {
    uint64_t state;
};

static inline uint64_t fuzz_next(struct fuzz *f)
{
    uint64_t z = (f->state += 0x9e3779b97f4a7c15u);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* 0 to n - 1 (n > 0). */
static inline size_t fuzz_below(struct fuzz *f, size_t n)
{
    return (size_t)(fuzz_next(f) % n);
}

/* size random bytes into out. */
static inline void fuzz_bytes(struct fuzz *f, unsigned char *out, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++) {
        out[i] = (unsigned char)fuzz_next(f);
    }
}

/* One to four edits of the n bytes at b (capacity bytes of room): a byte replaced, a bit flipped, the end
 * cut, or a random byte inserted.  The new length. */
static inline size_t fuzz_mutate(struct fuzz *f, unsigned char *b, size_t n, size_t capacity)
{
    size_t edits = 1 + fuzz_below(f, 4), e;

    for (e = 0; e < edits && n > 0; e++) {
        size_t at = fuzz_below(f, n);

        switch (fuzz_below(f, 4)) {
        case 0:
            b[at] = (unsigned char)fuzz_next(f);
            break;
        case 1:
            b[at] ^= (unsigned char)(1u << fuzz_below(f, 8));
            break;
        case 2:
            n = at;
            break;
        default:
            if (n < capacity) {
                memmove(b + at + 1, b + at, n - at);
                b[at] = (unsigned char)fuzz_next(f);
                n++;
            }
        }
    }
    return n;
}

/* A heap copy of the n bytes at b, of exactly that size (ASan reports any access to a block of 0): NULL only
 * when out of memory. */
static inline unsigned char *fuzz_exact(const unsigned char *b, size_t n)
{
    unsigned char *copy = malloc(n);

    if (copy != NULL && n > 0) {
        memcpy(copy, b, n);
    }
    return copy;
}

#endif
