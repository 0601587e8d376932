#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <time.h>

#include "clock.h"

long long example_now_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}
