/*
 * runtime/os.h over an RTOS's primitives (declared here, defined by the
 * RTOS), for measuring the runtime's size on a Cortex-M4: the calls an RTOS
 * port makes, and no more.
 */
#include "os.h"

void *rtos_mutex_new(void);
void *rtos_event_new(void);
void rtos_delete(void *object);
void rtos_mutex_lock(void *mutex);
void rtos_mutex_unlock(void *mutex);
void rtos_event_set(void *event);
bool rtos_event_wait(void *event, void *mutex, uint32_t ms); /* unlocks, waits, locks */
uint64_t rtos_ticks_ms(void);
uint32_t rtos_random(void);
bool rtos_thread_new(void (*fn)(void *arg), void *arg);
void *rtos_thread_self(void);

nsapi_error_t nsapi_os_sync_init(nsapi_os_sync_t *sync)
{
    sync->mutex = rtos_mutex_new();
    sync->event = rtos_event_new();
    return sync->mutex != NULL && sync->event != NULL ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}

void nsapi_os_sync_destroy(nsapi_os_sync_t *sync)
{
    rtos_delete(sync->mutex);
    rtos_delete(sync->event);
}

void nsapi_os_lock(nsapi_os_sync_t *sync)
{
    rtos_mutex_lock(sync->mutex);
}

void nsapi_os_unlock(nsapi_os_sync_t *sync)
{
    rtos_mutex_unlock(sync->mutex);
}

void nsapi_os_wake_all(nsapi_os_sync_t *sync)
{
    rtos_event_set(sync->event);
}

bool nsapi_os_wait(nsapi_os_sync_t *sync, uint64_t deadline_ms)
{
    uint64_t now = rtos_ticks_ms();

    if (deadline_ms <= now) {
        return false;
    }
    return rtos_event_wait(sync->event, sync->mutex,
                           deadline_ms - now > UINT32_MAX ? UINT32_MAX : (uint32_t)(deadline_ms - now));
}

uint64_t nsapi_os_now_ms(void)
{
    return rtos_ticks_ms();
}

uint64_t nsapi_os_deadline(int timeout_ms)
{
    return timeout_ms < 0 ? NSAPI_OS_FOREVER : rtos_ticks_ms() + (uint64_t)timeout_ms;
}

uint32_t nsapi_os_random(void)
{
    return rtos_random();
}

uintptr_t nsapi_os_thread_self(void)
{
    return (uintptr_t)rtos_thread_self();
}

nsapi_error_t nsapi_os_thread_start(void (*fn)(void *arg), void *arg)
{
    return rtos_thread_new(fn, arg) ? NSAPI_ERROR_OK : NSAPI_ERROR_NO_MEMORY;
}
