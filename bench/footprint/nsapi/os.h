/**
 * @file nsapi/os.h (the footprint port)
 *
 * nsapi_os_sync_t as an RTOS port would have it: handles of a mutex and of an
 * event the waiters sleep on, the kind CMSIS-RTOS or FreeRTOS hands out.
 * Only for measuring the runtime's size on a Cortex-M4 (bench/run.py).
 */
#ifndef NSAPI_OS_H
#define NSAPI_OS_H

typedef struct nsapi_os_sync {
    void *mutex;
    void *event;
} nsapi_os_sync_t;

#endif
