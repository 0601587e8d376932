/*
 * nsapi over its POSIX backend against the kernel's sockets used directly,
 * on 127.0.0.1, on bench.h's three workloads.
 *
 * usage: bench_posix tcp_bulk|udp_pingpong|tcp_connect nsapi|kernel|all REPS [BYTES]
 */
#include "bench.h"
#include "nsapi/posix.h"

static void nothing(void)
{
}

int main(int argc, char **argv)
{
    static nsapi_stack_t stack;
    const struct bench_api apis[] = {bench_nsapi, bench_kernel_sockets};
    int rc;

    bench_address = "127.0.0.1";
    bench_check("nsapi_posix_init", nsapi_posix_init(&stack));
    bench_nsapi_use(&stack);
    rc = bench_main(argc, argv, apis, 2, nothing);
    nsapi_posix_deinit(&stack);
    return rc;
}
