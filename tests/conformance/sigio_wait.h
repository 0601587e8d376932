/*
 * Helpers the conformance cases share: a monotonic clock, and a flag that a
 * sigio callback raises and a case waits for with a bound.
 */
#ifndef CONFORMANCE_SIGIO_WAIT_H
#define CONFORMANCE_SIGIO_WAIT_H

/* Milliseconds on the monotonic clock. */
long now_ms(void);

/* A sigio callback: raises the flag and wakes signal_wait(). */
void signal_raise(void *arg);

/* Wait up to timeout_ms for the flag; returns whether it was raised, and lowers it. */
int signal_wait(int timeout_ms);

/* Lower the flag. */
void signal_reset(void);

#endif
