/* The counts of counts.h. */
#define _GNU_SOURCE

#include <dirent.h>
#include <malloc.h>

#include "clock.h"
#include "counts.h"

#if defined(__SANITIZE_ADDRESS__)
#define COUNTS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNTS_ASAN 1
#endif
#endif

#ifdef COUNTS_ASAN
#if defined(__has_include) && __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#else
#include <stddef.h>
/* ASan's interface (its allocator_interface.h, which clang ships and GCC's Debian packages do not). */
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

long counts_heap(void)
{
    return (long)__sanitizer_get_current_allocated_bytes();
}
#else
long counts_heap(void)
{
    struct mallinfo2 m = mallinfo2();

    return (long)m.uordblks + (long)m.hblkhd; /* small chunks in use, and the mmapped ones */
}
#endif

long counts_heap_settled(long baseline, long slack)
{
    long heap = counts_heap();
    int tries = 0;

    while (heap - baseline > slack && tries++ < 50) {
        sleep_ms(20);
        heap = counts_heap();
    }
    return heap;
}

int counts_descriptors(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int n = 0;

    if (d == NULL) {
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        n += e->d_name[0] != '.';
    }
    closedir(d);
    return n - 1;
}
