#define _POSIX_C_SOURCE 200809L

#include <time.h>

#include "wakeup.h"

void example_wakeup_init(struct example_wakeup *w)
{
    pthread_condattr_t attr;

    pthread_mutex_init(&w->lock, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); /* waits never stretch when the wall clock steps */
    pthread_cond_init(&w->woken, &attr);
    pthread_condattr_destroy(&attr);
    w->events = 0;
}

void example_wakeup_signal(void *arg)
{
    struct example_wakeup *w = arg;

    pthread_mutex_lock(&w->lock);
    w->events++;
    pthread_cond_signal(&w->woken);
    pthread_mutex_unlock(&w->lock);
}

void example_wakeup_wait(struct example_wakeup *w, int ms)
{
    struct timespec until;

    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += ms % 1000 * 1000000L;
    until.tv_sec += ms / 1000 + until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&w->lock);
    if (w->events == 0) {
        pthread_cond_timedwait(&w->woken, &w->lock, &until);
    }
    w->events = 0;
    pthread_mutex_unlock(&w->lock);
}
