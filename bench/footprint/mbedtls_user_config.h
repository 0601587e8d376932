/* mbedTLS on a Cortex-M4 without an OS thread library: Debian's configuration less its pthread mutexes. */
#undef MBEDTLS_THREADING_C
#undef MBEDTLS_THREADING_PTHREAD
#undef MBEDTLS_NET_C
#undef MBEDTLS_TIMING_C
#undef MBEDTLS_HAVEGE_C
