/*
 * The bounded waits the conformance cases (and posix_blocking) share: a flag
 * that a sigio (or DNS) callback raises and a case waits for, and waiting
 * for asynchronous DNS lookups to let go of a stack.
 */
#ifndef CONFORMANCE_WAITS_H
#define CONFORMANCE_WAITS_H

#include "nsapi/nsapi.h"

/* A sigio callback: raises the flag and wakes signal_wait(). */
void signal_raise(void *arg);

/* Wait up to timeout_ms for the flag; returns whether it was raised, and lowers it. */
int signal_wait(int timeout_ms);

/* Lower the flag. */
void signal_reset(void);

/* Wait (at most 3 s) until no asynchronous DNS lookup holds a place on stack: they hold it a moment
 * after their callbacks, or after a cancel. */
void lookups_wait(nsapi_stack_t *stack);

#endif
