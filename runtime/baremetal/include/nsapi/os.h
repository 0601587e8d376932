/**
 * @file nsapi/os.h (the bare-metal port)
 *
 * nsapi_os_sync_t for a firmware without threads (runtime/baremetal/
 * os_baremetal.c): locks are nothing, and a blocking call does not sleep but
 * runs the network stack, through the poll function the firmware registers,
 * until its condition holds or its deadline passes.  A program compiles
 * against this header instead of runtime/include/nsapi/os.h by putting
 * runtime/baremetal/include first on its include path.
 */
#ifndef NSAPI_OS_H
#define NSAPI_OS_H

#include <stdbool.h>
#include <stdint.h>

/** Set when the owner's state changed; a wait returns when it finds it set. */
typedef struct nsapi_os_sync {
    volatile bool woken; /**< Set by nsapi_os_wake_all(), cleared by the wait it ends. */
} nsapi_os_sync_t;

/**
 * Register what a blocking call runs while it waits: one round of the
 * network stack (a driver's received frames, the stack's timers, the
 * callbacks they lead to), which sleeps until the next interrupt when it
 * found nothing to do.  NULL stops polling (a wait then only watches the
 * clock).  Blocking calls made from inside poll (from a sigio or status
 * callback) do not run it again: they can only time out.
 */
void nsapi_os_set_poll(void (*poll)(void));

/**
 * Register the clock: milliseconds that never go back (the board's tick
 * count), and 32 random bits for DNS ids.  Until it is set the clock reads 0
 * and random numbers come from a fixed sequence.
 */
void nsapi_os_set_clock(uint32_t (*now_ms)(void), uint32_t (*random)(void));

#endif /* NSAPI_OS_H */
