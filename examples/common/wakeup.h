/*
 * How an event loop sleeps until a socket's sigio: the callback only notes
 * the event and signals (sigio runs in the stack's thread, where nothing
 * may block for long), and the loop waits for that or a timeout.
 */
#ifndef EXAMPLE_WAKEUP_H
#define EXAMPLE_WAKEUP_H

#include <pthread.h>

struct example_wakeup {
    pthread_mutex_t lock;
    pthread_cond_t woken;
    int events;
};

/* Ready w for use (its condition variable on the monotonic clock). */
void example_wakeup_init(struct example_wakeup *w);

/* A sigio callback: arg is the struct example_wakeup to signal. */
void example_wakeup_signal(void *arg);

/* Wait until a signal since the last wait, or ms milliseconds. */
void example_wakeup_wait(struct example_wakeup *w, int ms);

#endif
