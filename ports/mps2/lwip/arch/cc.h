/*
 * lwIP's compiler and platform header for the mps2 board (arm-none-eabi-gcc
 * and newlib): diagnostics to the console, an assertion ends the firmware
 * with a failure QEMU reports.
 */
#ifndef NSAPI_MPS2_ARCH_CC_H
#define NSAPI_MPS2_ARCH_CC_H

#include <stdbool.h>
#include <stdio.h>

void nsapi_board_exit(bool success) __attribute__((noreturn));

#define LWIP_PLATFORM_DIAG(x) \
    do {                      \
        printf x;             \
    } while (0)
#define LWIP_PLATFORM_ASSERT(x)                                                  \
    do {                                                                         \
        printf("lwIP assertion \"%s\" failed at %s:%d\n", x, __FILE__, __LINE__); \
        nsapi_board_exit(false);                                                 \
    } while (0)

#endif
