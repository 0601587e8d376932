/**
 * @file nsapi/posix.h
 *
 * The POSIX backend: nsapi over the host kernel's sockets (Linux).  Each
 * nsapi socket is one non-blocking descriptor; one event thread per stack
 * waits on them all with epoll and tells the runtime when a socket can make
 * progress, so blocking calls, timeouts and sigio behave as on any backend.
 * Sockets are dual-stack (IPv6 with IPv4-mapped addresses), so one socket
 * reaches IPv4 and IPv6 peers, as on lwIP.
 *
 * @code
 * nsapi_stack_t stack = {0};
 * nsapi_posix_init(&stack);
 * ... open sockets on &stack; they reach whatever the host reaches ...
 * nsapi_posix_deinit(&stack);
 * @endcode
 */
#ifndef NSAPI_POSIX_H
#define NSAPI_POSIX_H

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Make stack a stack on the kernel's sockets and start its event thread.
 * Several such stacks may exist at once, each with its own thread.
 *
 * @param stack A zero-filled stack object.
 * @retval NSAPI_ERROR_OK           the stack is ready.
 * @retval NSAPI_ERROR_PARAMETER    stack is NULL or already initialised.
 * @retval NSAPI_ERROR_NO_SOCKET    no descriptor for epoll or its wake-up.
 * @retval NSAPI_ERROR_NO_MEMORY    no memory or no thread for the stack.
 */
nsapi_error_t nsapi_posix_init(nsapi_stack_t *stack);

/**
 * Stop the event thread (joined before this returns), close the stack's
 * descriptors and release the stack.  Every socket must be closed first.
 * Not from a sigio callback.
 *
 * @param stack A POSIX stack.
 * @retval NSAPI_ERROR_OK        stopped; the object may be initialised again.
 * @retval NSAPI_ERROR_PARAMETER stack is not a POSIX stack.
 * @retval NSAPI_ERROR_BUSY      sockets are still open on it, or the caller
 *                               is its event thread.
 */
nsapi_error_t nsapi_posix_deinit(nsapi_stack_t *stack);

/**
 * How many kernel sockets the stack holds (0 when every socket is closed;
 * sockets accepted but not yet given to the runtime count).
 *
 * @param stack A POSIX stack.
 * @return The count, or 0 if stack is not a POSIX stack.
 */
unsigned nsapi_posix_open_sockets(nsapi_stack_t *stack);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_POSIX_H */
