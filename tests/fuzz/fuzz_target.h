/*
 * What every libFuzzer target in tests/fuzz shares: the entry point libFuzzer
 * calls, and a check that aborts (a crash libFuzzer reports and saves) when a
 * property the parser promises does not hold.
 */
#ifndef TESTS_FUZZ_TARGET_H
#define TESTS_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer's entry point: one input, size bytes at data; returns 0 (libFuzzer takes no other value). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with what failed when cond is false: a finding, as a sanitizer report would be. */
#define FUZZ_CHECK(cond)                                                                                   \
    do {                                                                                                   \
        if (!(cond)) {                                                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                      \
            abort();                                                                                       \
        }                                                                                                  \
    } while (0)

#endif
