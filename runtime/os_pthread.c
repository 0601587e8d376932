/*
 * The OS layer on POSIX threads.  Condition variables wait on
 * CLOCK_MONOTONIC so that setting the wall clock never stretches or cuts a
 * socket timeout.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/types.h>
#include <time.h>

#include "os.h"

nsapi_error_t nsapi_os_sync_init(nsapi_os_sync_t *sync)
{
    pthread_condattr_t attr;

    if (pthread_mutex_init(&sync->mutex, NULL) != 0) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (pthread_condattr_init(&attr) != 0) {
        pthread_mutex_destroy(&sync->mutex);
        return NSAPI_ERROR_NO_MEMORY;
    }
    if (pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) != 0 || pthread_cond_init(&sync->cond, &attr) != 0) {
        pthread_condattr_destroy(&attr);
        pthread_mutex_destroy(&sync->mutex);
        return NSAPI_ERROR_NO_MEMORY;
    }
    pthread_condattr_destroy(&attr);
    return NSAPI_ERROR_OK;
}

void nsapi_os_sync_destroy(nsapi_os_sync_t *sync)
{
    pthread_cond_destroy(&sync->cond);
    pthread_mutex_destroy(&sync->mutex);
}

void nsapi_os_lock(nsapi_os_sync_t *sync)
{
    pthread_mutex_lock(&sync->mutex);
}

void nsapi_os_unlock(nsapi_os_sync_t *sync)
{
    pthread_mutex_unlock(&sync->mutex);
}

void nsapi_os_wake_all(nsapi_os_sync_t *sync)
{
    pthread_cond_broadcast(&sync->cond);
}

bool nsapi_os_wait(nsapi_os_sync_t *sync, uint64_t deadline_ms)
{
    struct timespec until;

    if (deadline_ms == NSAPI_OS_FOREVER) {
        pthread_cond_wait(&sync->cond, &sync->mutex);
        return true;
    }
    if (nsapi_os_now_ms() >= deadline_ms) {
        return false;
    }
    until.tv_sec = (time_t)(deadline_ms / 1000u);
    until.tv_nsec = (long)(deadline_ms % 1000u) * 1000000L;
    return pthread_cond_timedwait(&sync->cond, &sync->mutex, &until) != ETIMEDOUT;
}

uint64_t nsapi_os_now_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

uint64_t nsapi_os_deadline(int timeout_ms)
{
    return timeout_ms < 0 ? NSAPI_OS_FOREVER : nsapi_os_now_ms() + (uint64_t)timeout_ms;
}

uint32_t nsapi_os_random(void)
{
    uint32_t value = 0;

    if (getrandom(&value, sizeof value, GRND_NONBLOCK) != (ssize_t)sizeof value) {
        value = (uint32_t)nsapi_os_now_ms() * 2654435761u; /* only before the kernel's pool is ready */
    }
    return value;
}

struct start {
    void (*fn)(void *arg);
    void *arg;
};

static void *run(void *p)
{
    struct start start = *(struct start *)p;

    free(p);
    start.fn(start.arg);
    return NULL;
}

uintptr_t nsapi_os_thread_self(void)
{
    return (uintptr_t)pthread_self(); /* glibc's is the thread's control block: never 0 */
}

nsapi_error_t nsapi_os_thread_start(void (*fn)(void *arg), void *arg)
{
    struct start *start = malloc(sizeof *start); /* a thread's start, never the hot path */
    pthread_attr_t attr;
    pthread_t thread;
    int err;

    if (start == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    start->fn = fn;
    start->arg = arg;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    err = pthread_create(&thread, &attr, run, start);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        free(start);
        return NSAPI_ERROR_NO_MEMORY;
    }
    return NSAPI_ERROR_OK;
}
