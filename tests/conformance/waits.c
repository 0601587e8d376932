/* The helpers of waits.h. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <time.h>

#include "os.h"
#include "waits.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int raised;

long now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void signal_raise(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    raised = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
}

int signal_wait(int timeout_ms)
{
    struct timespec until;
    int got;

    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&lock);
    while (!raised && pthread_cond_timedwait(&cond, &lock, &until) == 0) {
    }
    got = raised;
    raised = 0;
    pthread_mutex_unlock(&lock);
    return got;
}

void signal_reset(void)
{
    pthread_mutex_lock(&lock);
    raised = 0;
    pthread_mutex_unlock(&lock);
}

void lookups_wait(nsapi_stack_t *stack)
{
    struct timespec pause = {0, 10 * 1000000L};
    int i, tries, busy = 1;

    for (tries = 0; tries < 300 && busy; tries++) {
        busy = 0;
        nsapi_os_lock(&stack->sync); /* the runtime's lock over them (runtime/os.h) */
        for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
            busy |= stack->dns_queries[i].state != 0;
        }
        nsapi_os_unlock(&stack->sync);
        if (busy) {
            nanosleep(&pause, NULL);
        }
    }
}
