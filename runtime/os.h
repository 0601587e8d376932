/*
 * The OS layer under the runtime: a lock with a wake-up, and a monotonic
 * clock.  Nothing else in the runtime touches threads.  Ports implement it in
 * runtime/os_<port>.c, with the storage type in include/nsapi/os.h.
 */
#ifndef NSAPI_RUNTIME_OS_H
#define NSAPI_RUNTIME_OS_H

#include <stdbool.h>
#include <stdint.h>

#include "nsapi/nsapi.h"

/** A deadline that never comes. */
#define NSAPI_OS_FOREVER UINT64_MAX

/** Make sync usable; NSAPI_ERROR_NO_MEMORY if the OS cannot. */
nsapi_error_t nsapi_os_sync_init(nsapi_os_sync_t *sync);

/** Release sync; nobody may hold or wait on it. */
void nsapi_os_sync_destroy(nsapi_os_sync_t *sync);

void nsapi_os_lock(nsapi_os_sync_t *sync);
void nsapi_os_unlock(nsapi_os_sync_t *sync);

/** Wake every thread waiting on sync.  The caller holds the lock. */
void nsapi_os_wake_all(nsapi_os_sync_t *sync);

/**
 * Release the lock, sleep until woken or until the monotonic clock reaches
 * deadline_ms, take the lock again.  Returns false if the deadline passed.
 * Wake-ups may be spurious: callers re-check their condition.
 */
bool nsapi_os_wait(nsapi_os_sync_t *sync, uint64_t deadline_ms);

/** Milliseconds on a clock that never goes back. */
uint64_t nsapi_os_now_ms(void);

/** The deadline timeout_ms from now; NSAPI_OS_FOREVER for a negative timeout. */
uint64_t nsapi_os_deadline(int timeout_ms);

/** 32 bits no one off the machine can guess (DNS query ids): the OS's random source. */
uint32_t nsapi_os_random(void);

/** The calling thread's identity: never 0, the same for every call from one thread. */
uintptr_t nsapi_os_thread_self(void);

/** Run fn(arg) in a new thread of its own, which nobody joins.  NSAPI_ERROR_NO_MEMORY if none can start. */
nsapi_error_t nsapi_os_thread_start(void (*fn)(void *arg), void *arg);

#endif /* NSAPI_RUNTIME_OS_H */
