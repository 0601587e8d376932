/*
 * runtime/os.h without threads, for a firmware whose network stack runs in
 * the caller (lwIP with NO_SYS=1), as Mbed OS's bare-metal profile does: a
 * wait runs the registered poll function (the stack's input and timers)
 * until something wakes the waiter or the deadline passes.  The clock wraps
 * a 32-bit millisecond count into 64 bits.
 */
#include <stddef.h>

#include "os.h"

static void (*poll_fn)(void);
static uint32_t (*clock_fn)(void);
static uint32_t (*random_fn)(void);
static bool polling; /* inside poll_fn: a nested wait must not run the stack again */

void nsapi_os_set_poll(void (*poll)(void))
{
    poll_fn = poll;
}

void nsapi_os_set_clock(uint32_t (*now_ms)(void), uint32_t (*random)(void))
{
    clock_fn = now_ms;
    random_fn = random;
}

nsapi_error_t nsapi_os_sync_init(nsapi_os_sync_t *sync)
{
    sync->woken = false;
    return NSAPI_ERROR_OK;
}

void nsapi_os_sync_destroy(nsapi_os_sync_t *sync)
{
    (void)sync;
}

void nsapi_os_lock(nsapi_os_sync_t *sync)
{
    (void)sync; /* one thread: the state cannot change under the caller except in its own waits */
}

void nsapi_os_unlock(nsapi_os_sync_t *sync)
{
    (void)sync;
}

void nsapi_os_wake_all(nsapi_os_sync_t *sync)
{
    sync->woken = true;
}

bool nsapi_os_wait(nsapi_os_sync_t *sync, uint64_t deadline_ms)
{
    while (!sync->woken) {
        if (nsapi_os_now_ms() >= deadline_ms) {
            return false;
        }
        if (poll_fn != NULL && !polling) {
            polling = true;
            poll_fn();
            polling = false;
        }
    }
    sync->woken = false;
    return true;
}

uint64_t nsapi_os_now_ms(void)
{
    static uint64_t high;
    static uint32_t last;
    uint32_t now = clock_fn != NULL ? clock_fn() : 0;

    if (now < last) {
        high += (uint64_t)1 << 32; /* the 32-bit count wrapped (every 49 days) */
    }
    last = now;
    return high + now;
}

uint64_t nsapi_os_deadline(int timeout_ms)
{
    return timeout_ms < 0 ? NSAPI_OS_FOREVER : nsapi_os_now_ms() + (uint64_t)timeout_ms;
}

uint32_t nsapi_os_random(void)
{
    static uint32_t fallback = 2463534242u;

    if (random_fn != NULL) {
        return random_fn();
    }
    fallback ^= fallback << 13;
    fallback ^= fallback >> 17;
    fallback ^= fallback << 5;
    return fallback;
}

uintptr_t nsapi_os_thread_self(void)
{
    return 1; /* one thread: a turn it finds taken is its own, further up */
}

nsapi_error_t nsapi_os_thread_start(void (*fn)(void *arg), void *arg)
{
    (void)fn, (void)arg;
    return NSAPI_ERROR_NO_MEMORY; /* no threads: the runtime's asynchronous lookups are unavailable */
}
