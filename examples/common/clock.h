/* The examples' clock: every deadline they keep is a time on it. */
#ifndef EXAMPLE_CLOCK_H
#define EXAMPLE_CLOCK_H

/* Milliseconds of the monotonic clock, in 64 bits: a 32-bit long would overflow after 24.8 days up. */
long long example_now_ms(void);

#endif
