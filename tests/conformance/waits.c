/* The helpers of waits.h. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include "clock.h"
#include "os.h"
#include "waits.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int raised;

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
    struct timespec until = deadline_ms(timeout_ms);
    int got;

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
    int i, tries, busy = 1;

    for (tries = 0; tries < 300 && busy; tries++) {
        busy = 0;
        nsapi_os_lock(&stack->sync); /* the runtime's lock over them (runtime/os.h) */
        for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
            busy |= stack->dns_queries[i].state != 0;
        }
        nsapi_os_unlock(&stack->sync);
        if (busy) {
            sleep_ms(10);
        }
    }
}
