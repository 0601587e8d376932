/*
 * The tests' clock: milliseconds on the monotonic clock for the bounds a case
 * measures, a sleep, and the wall-clock deadline that pthread and semaphore
 * timed waits take.  Every C test links clock.c (tests/SConscript).
 */
#ifndef NSAPI_TESTS_CLOCK_H
#define NSAPI_TESTS_CLOCK_H

#include <stdint.h>
#include <time.h>

/* Milliseconds on the monotonic clock, in 64 bits (a 32-bit long would overflow after 24.8 days up);
 * returns them. */
int64_t now_ms(void);

/* Sleep ms milliseconds; a signal may end the sleep sooner, as with nanosleep. */
void sleep_ms(long ms);

/* Returns the CLOCK_REALTIME time ms milliseconds from now: the deadline of pthread_cond_timedwait,
 * pthread_timedjoin_np and sem_timedwait. */
struct timespec deadline_ms(long ms);

#endif
