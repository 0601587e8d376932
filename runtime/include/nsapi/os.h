/**
 * @file nsapi/os.h
 *
 * The OS port's storage for nsapi_os_sync_t: what one socket or stack needs
 * to lock its state and to sleep until woken or timed out.  This is the
 * pthread port (Linux and other POSIX hosts).  Another OS provides its own
 * nsapi/os.h defining nsapi_os_sync_t, and runtime/os_<port>.c
 * implementing runtime/os.h.
 */
#ifndef NSAPI_OS_H
#define NSAPI_OS_H

#include <pthread.h>

/** A mutex and the condition variable its waiters sleep on. */
typedef struct nsapi_os_sync {
    pthread_mutex_t mutex; /**< Guards the owner's state. */
    pthread_cond_t cond;   /**< Signalled when that state changes; uses the monotonic clock. */
} nsapi_os_sync_t;

#endif /* NSAPI_OS_H */
