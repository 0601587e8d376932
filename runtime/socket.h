/*
 * What every socket class shares inside the runtime: opening on a stack, the
 * stack's event callback, and the one loop that turns a non-blocking stack
 * operation into a blocking call with a timeout.
 */
#ifndef NSAPI_RUNTIME_SOCKET_H
#define NSAPI_RUNTIME_SOCKET_H

#include "nsapi/nsapi.h"
#include "stack_api_calls.h"

/* Bits of nsapi_socket_t.flags. */
#define SOCKET_OPEN 0x01u        /* open on s->stack */
#define SOCKET_CLOSING 0x02u     /* close() runs: refuse new calls, wake waiting ones */
#define SOCKET_TIMEOUT_SET 0x04u /* s->timeout holds a value; otherwise block without limit */
#define SOCKET_SIGIO_SENT 0x08u  /* sigio called since the last attempt: coalesce */
#define SOCKET_OPENING 0x10u     /* claimed by an open or accept that has not finished */
#define SOCKET_SIGIO_OWED 0x20u  /* a call that could not wait found its turn taken: sigio when it frees */

/*
 * Which turn a call takes: one receiver and one sender at a time, each
 * waiting for its turn; control calls (bind, options) need no turn, but
 * close still waits for them to leave the stack.
 */
enum socket_role { SOCKET_RECEIVER, SOCKET_SENDER, SOCKET_CONTROL };

/* An attempt's verdict: done with *result, try again at once, or after the next event. */
enum socket_step { SOCKET_DONE, SOCKET_AGAIN, SOCKET_WAIT };

/*
 * One non-blocking attempt at an operation, run without the socket's lock.
 * It sets *result either way: what the call returns if it ends here.
 */
typedef enum socket_step (*socket_attempt_fn)(nsapi_socket_t *socket, void *op, nsapi_size_or_error_t *result);

/* Open socket on stack for proto, counting it against the stack's limit. */
nsapi_error_t nsapi_rt_socket_open(nsapi_socket_t *socket, nsapi_stack_t *stack, nsapi_protocol_t proto);

/* Whether socket is open, under its lock. */
bool nsapi_rt_socket_is_open(nsapi_socket_t *socket);

/*
 * A call's own check of the socket, run under its lock once the socket is
 * known open and before the call waits for its turn (a UDP send reads its
 * peer here).  NSAPI_ERROR_OK to go on, or the error the call returns.
 */
typedef nsapi_error_t (*socket_check_fn)(nsapi_socket_t *socket, void *op);

/*
 * Run attempt until it is done, the socket's timeout passes (the last
 * *result stands) or the socket is closed (NSAPI_ERROR_NO_SOCKET).  Waits
 * for the role's turn first.
 */
nsapi_size_or_error_t nsapi_rt_socket_run(nsapi_socket_t *socket, enum socket_role role, socket_attempt_fn attempt, void *op);

/*
 * nsapi_rt_socket_run() with check(socket, op) first, in the same hold of
 * the lock: NSAPI_ERROR_NO_SOCKET if the socket is not open, check's error
 * if it fails, else what the run returns.
 */
nsapi_size_or_error_t nsapi_rt_socket_run_checked(nsapi_socket_t *socket, enum socket_role role,
                                                  socket_check_fn check, socket_attempt_fn attempt, void *op);

/* Whether a datagram from from comes from peer: the same address and port, where an IPv4-mapped
 * IPv6 peer (::ffff:a.b.c.d) is the IPv4 host a.b.c.d, as a dual-stack stack reports it. */
bool nsapi_rt_socket_same_peer(const nsapi_socket_address_t *from, const nsapi_socket_address_t *peer);

/* The socket's next receiving call expects to wait (a connect just had to): on a stack that waits
 * itself, it waits before it tries. */
void nsapi_rt_socket_expect_wait(nsapi_socket_t *socket);

/* Whether socket never blocks (timeout 0), read once at the start of a call. */
bool nsapi_rt_socket_nonblocking(nsapi_socket_t *socket);

/* Count one more socket on stack (an accept's, say): NSAPI_ERROR_NO_SOCKET at the limit. */
nsapi_error_t nsapi_rt_stack_take_socket(nsapi_stack_t *stack);

/* Whether stack is below its socket limit now (another thread may fill it next). */
bool nsapi_rt_stack_has_room(nsapi_stack_t *stack);

/* The stack's event callback: ctx is the socket. */
void nsapi_rt_socket_event(void *ctx);

/*
 * Claim a closed socket for an open (or an accept into it): OS sync ready,
 * state reset, other opens and calls refused until nsapi_rt_socket_opened() or
 * nsapi_rt_socket_unclaim().  NSAPI_ERROR_PARAMETER if it is open, closing or claimed.
 */
nsapi_error_t nsapi_rt_socket_claim(nsapi_socket_t *socket);

/* Give up a claim: the socket stays closed. */
void nsapi_rt_socket_unclaim(nsapi_socket_t *socket);

/*
 * Mark a claimed socket open on stack with handle, the stack's events on if
 * a sigio wants them.  NSAPI_ERROR_NO_SOCKET if the stack cannot turn them
 * on: then handle is closed, uncounted, and the socket stays closed.
 */
nsapi_error_t nsapi_rt_socket_opened(nsapi_socket_t *socket, nsapi_stack_t *stack, nsapi_handle_t handle);

#endif /* NSAPI_RUNTIME_SOCKET_H */
