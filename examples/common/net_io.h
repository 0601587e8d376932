/*
 * Whole sends and receives on a TCPSocket, each bounded by a deadline on
 * example_now_ms()'s clock: every call waits at most the time left (the
 * socket's timeout is set to it).  EXAMPLE_FOREVER as the deadline leaves
 * the socket's own timeout to bound each call instead.
 */
#ifndef EXAMPLE_NET_IO_H
#define EXAMPLE_NET_IO_H

#include <stddef.h>

#include "nsapi/nsapi.h"

#define EXAMPLE_FOREVER (-1LL)
#define EXAMPLE_POLL_MS 200 /* the longest wait between two looks at a stop function */

/* Set the socket's timeout to the time left until deadline: 1, or 0 (timeout untouched) when none is left. */
int example_time_left(nsapi_tcp_socket_t *socket, long long deadline);

/*
 * The longest a single send or recv of the functions below has blocked in
 * this process, in ms: how long the network once gave nothing (a stall on a
 * lossy link).  For reports; not kept per thread.
 */
long long example_longest_wait_ms(void);

/*
 * Send all size bytes of data by deadline.  stop: NULL, or asked before each
 * call whether to give up; with one, no call waits over EXAMPLE_POLL_MS.
 * *sent (when not NULL) is set to the bytes that went, also on a failure.
 * Returns NSAPI_ERROR_OK once all went; NSAPI_ERROR_WOULD_BLOCK when the
 * deadline came first, stop said so, or (EXAMPLE_FOREVER) a call timed out;
 * NSAPI_ERROR_NO_CONNECTION for a send that took nothing; or send's error.
 */
nsapi_error_t example_send_all(nsapi_tcp_socket_t *socket, const void *data, size_t size, long long deadline,
                               int (*stop)(void), size_t *sent);

/*
 * One receive of at most size bytes, waiting no later than deadline.
 * Returns the count; 0 when the peer has closed; NSAPI_ERROR_WOULD_BLOCK
 * when nothing came in time (at once when the deadline has passed); or
 * recv's error.
 */
nsapi_size_or_error_t example_recv_by(nsapi_tcp_socket_t *socket, void *data, size_t size, long long deadline);

/*
 * Exactly size bytes into data by deadline; *received is set to the count
 * that came.  Returns NSAPI_ERROR_OK when all came, or when the peer closed
 * first (*received < size); NSAPI_ERROR_WOULD_BLOCK when the deadline came
 * first (or, EXAMPLE_FOREVER, a call timed out); or recv's error.
 */
nsapi_error_t example_recv_exact(nsapi_tcp_socket_t *socket, void *data, size_t size, long long deadline,
                                 size_t *received);

#endif
