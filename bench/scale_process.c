/* The scale bench's view of its own process: resident memory and the descriptor limit. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "scale.h"

long scale_rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size, resident = -1;

    if (f == NULL) {
        return -1;
    }
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) {
        resident = -1;
    }
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void scale_report(struct scale_result *result)
{
    result->rss_full_kib = scale_rss_kib();
    printf("rss_before_kib %ld rss_full_kib %ld connections %lu\n", result->rss_before_kib, result->rss_full_kib,
           result->connections);
    fflush(stdout);
}

int scale_raise_nofile(unsigned long want)
{
    struct rlimit limit;

    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        perror("getrlimit");
        return -1;
    }
    if (limit.rlim_cur >= want) {
        return 0;
    }
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < want) {
        fprintf(stderr, "descriptors: %lu needed, the hard limit is %lu (raise it: ulimit -Hn %lu as root)\n", want,
                (unsigned long)limit.rlim_max, want);
        return -1;
    }
    limit.rlim_cur = want;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
        perror("setrlimit");
        return -1;
    }
    return 0;
}
