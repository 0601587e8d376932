/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* MBED_ASSERT and MBED_STATIC_ASSERT, as Mbed's platform gives them: a failed assertion prints where and aborts. */
#ifndef NSAPI_MBED_ASSERT_H
#define NSAPI_MBED_ASSERT_H

#include <cstdio>
#include <cstdlib>

/** Abort with expr's text, file and line when expr is false (also with NDEBUG, as on Mbed's debug builds). */
#define MBED_ASSERT(expr)                                                                          \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            std::fprintf(stderr, "MBED assertion failed: %s, file: %s, line %d\n", #expr, __FILE__, \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)

/** A compile-time assertion. */
#define MBED_STATIC_ASSERT(expr, msg) static_assert(expr, msg)

#endif /* NSAPI_MBED_ASSERT_H */
