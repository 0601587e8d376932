/*
 * The POSIX backend's state: one per stack (its epoll set and event
 * thread) and one per socket (a non-blocking kernel descriptor and what
 * the kernel does not keep for us).
 */
#ifndef NSAPI_POSIX_SOCKET_H
#define NSAPI_POSIX_SOCKET_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "nsapi/nsapi.h"
#include "nsapi/stack_api.h"

/* Tunables: defaults that a -D on the compiler's command line overrides. */
#ifndef NSAPI_POSIX_EVENT_BATCH
#define NSAPI_POSIX_EVENT_BATCH 64 /* epoll events the event thread takes in one wait */
#endif
#ifndef NSAPI_POSIX_CLOSED_BATCH
#define NSAPI_POSIX_CLOSED_BATCH 32 /* closed sockets kept before the event thread is woken to free them */
#endif
#ifndef NSAPI_POSIX_ACCEPT_TRIES
#define NSAPI_POSIX_ACCEPT_TRIES 16 /* aborted connections one accept skips before it answers WOULD_BLOCK */
#endif

enum posix_tcp_state { POSIX_IDLE, POSIX_CONNECTING, POSIX_CONNECTED, POSIX_FAILED };

/* Whether the runtime wants a socket's events: not said yet (then they come as socket_open says), yes, no. */
enum posix_events { POSIX_EVENTS_UNSAID, POSIX_EVENTS_WANTED, POSIX_EVENTS_UNWANTED };

struct posix_socket {
    int fd;
    int family;                    /* AF_INET6 (dual-stack), or AF_INET on a host without IPv6 */
    nsapi_protocol_t proto;
    /* Touched only by the calls that send (connect, send, sendto) and their waits, which the runtime
     * serialises. */
    enum posix_tcp_state state;
    /* The kernel's SO_RCVTIMEO and SO_SNDTIMEO now, in ms (0: none, as the kernel says it), and
     * whether socket_block let the next call of each kind (nsapi_wait_t) block that long; each
     * touched only by the calls of its kind, which the runtime serialises. */
    int kernel_timeout[2];
    bool may_block[2];
    /* O_NONBLOCK is set on fd: by a non-blocking connect or accept, the only calls that need it (the
     * others pass MSG_DONTWAIT), and cleared by a blocking call of the same kind (connect or send; accept)
     * before it blocks.  A recv on a descriptor left non-blocking cannot block: it tries and the runtime
     * polls.  Atomic. */
    bool fd_nonblocking;
    /* A connect is in the kernel or about to be: socket_wake shuts the socket down until it has left,
     * since a connect, unlike the other calls, starts afresh on a socket shut down before it.  Atomic. */
    bool connecting;
    /* The kernel ended the connection with an error (a reset, a refusal, a peer given up on), which
     * it reports once, to whichever call comes first: a recv reading 0 after that is not the peer's
     * orderly close.  Every call that can take that error is ours, and sets this.  Atomic. */
    bool ended;
    /* Set by bind and listen, read by other control calls that may run at the same time: atomic. */
    bool bound;
    bool listening;
    /* Set by recv or send once the kernel gave up on the peer (ETIMEDOUT), which it reports once:
     * every later recv and send says CONNECTION_LOST too, as on lwIP.  Atomic. */
    bool lost;
    /* Set by socket_wake before it shuts the socket down for close: what fails from then on is the
     * shutdown's doing, and answers WOULD_BLOCK (the runtime then says NO_SOCKET).  Atomic. */
    bool woken;
    /* Under the stack's lock (in this order, the structure stays 72 bytes: 80 with malloc's header). */
    enum posix_events wanted;      /* what the runtime said with socket_events */
    nsapi_event_cb_t event;        /* NULL once closed */
    void *context;
    bool watching_writes;          /* EPOLLOUT is wanted, once a send found no room */
    bool watched;                  /* in the epoll set */
    bool ever_watched;             /* was in it once: an event read before the close may name it */
    struct posix_socket *next_closed;
};

struct posix_stack {
    int epoll;
    int wake;                      /* eventfd: ends the thread's wait to stop it or to free closed sockets */
    pthread_t thread;
    pthread_mutex_t lock;          /* over everything below */
    pthread_cond_t delivered;      /* signalled when an event's delivery ends */
    struct posix_socket *delivering; /* whose event the thread is delivering, unlocked */
    bool stopping;
    unsigned sockets;              /* open kernel sockets */
    struct posix_socket *closed;   /* closed, but an event read before the close may still name them */
    unsigned closed_count;         /* how many */
    bool dual_by_default;          /* the kernel makes IPv6 sockets dual-stack by itself (atomic) */
};

/* Whether stack is a POSIX stack (posix_interface.c makes interfaces on those only). */
bool nsapi_posix_is_stack(const nsapi_stack_t *stack);

/* Start the event thread of a stack whose epoll and wake descriptors are open. */
nsapi_error_t nsapi_posix_events_start(struct posix_stack *ps);

/* Stop and join it; free every closed socket.  Not from the event thread. */
void nsapi_posix_events_stop(struct posix_stack *ps);

/* Count s, opened or (listener not NULL) accepted, as open, with event(context) to call while it is
 * watched, and watch it now if it must be (posix_events.c says when).  NSAPI_ERROR_NO_MEMORY
 * (nothing counted) if the kernel cannot watch it. */
nsapi_error_t nsapi_posix_events_add(struct posix_stack *ps, struct posix_socket *s, nsapi_event_cb_t event,
                                     void *context, const struct posix_socket *listener);

/* A TCP socket starts connecting or listening: watched from now on unless the runtime said it wants
 * no events (a fresh TCP socket has none to give, and epoll would report it hung up at once).
 * NSAPI_ERROR_NO_MEMORY if the kernel cannot watch it. */
nsapi_error_t nsapi_posix_events_begin(struct posix_stack *ps, struct posix_socket *s);

/* Watch s for room to send as well, from now on; by the calls that send, after one found no room.
 * NSAPI_ERROR_NO_MEMORY if the kernel cannot: then no event would tell the caller of room. */
nsapi_error_t nsapi_posix_events_want_write(struct posix_stack *ps, struct posix_socket *s);

/* Stop watching s, close its descriptors, and free it once no event can name it. */
void nsapi_posix_events_remove(struct posix_stack *ps, struct posix_socket *s);

/* The vtable's socket_events: put s in the epoll set (which reports its readiness at once, so an
 * event comes if it is ready) or take it out.  NSAPI_ERROR_NO_MEMORY if the kernel cannot watch it. */
nsapi_error_t nsapi_posix_socket_events(nsapi_stack_t *stack, nsapi_handle_t handle, bool wanted);

/* The vtable's socket_wait (posix_wait.c): poll s.  NSAPI_ERROR_OK when s may be ready, was woken or
 * the wait ended early; NSAPI_ERROR_WOULD_BLOCK when timeout_ms passed. */
nsapi_error_t nsapi_posix_socket_wait(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what,
                                      int timeout_ms);

/* The vtable's socket_block: let s's next call of the kind what block for timeout_ms, setting the
 * kernel's timeout for that kind to it when it differs.  NSAPI_ERROR_OK (a timeout the kernel
 * refuses leaves the call not to block: the runtime then polls). */
nsapi_error_t nsapi_posix_socket_block(nsapi_stack_t *stack, nsapi_handle_t handle, nsapi_wait_t what,
                                       int timeout_ms);

/* Whether s's call of the kind what may block (without MSG_DONTWAIT): said once, for that call. */
bool nsapi_posix_take_allowance(struct posix_socket *s, nsapi_wait_t what);

/* Make s's descriptor non-blocking or blocking, unless it is already: false when the kernel refused. */
bool nsapi_posix_fd_mode(struct posix_socket *s, bool nonblocking);

/* The vtable's socket_wake: shut s down, so that every wait on it returns at once from now until
 * close.  NSAPI_ERROR_OK. */
nsapi_error_t nsapi_posix_socket_wake(nsapi_stack_t *stack, nsapi_handle_t handle);

/* Options (posix_options.c): level NSAPI_SOCKET, as the vtable's setsockopt and getsockopt. */
nsapi_error_t nsapi_posix_setsockopt(struct posix_socket *s, int level, int optname, const void *optval,
                                     unsigned optlen);
nsapi_error_t nsapi_posix_getsockopt(struct posix_socket *s, int level, int optname, void *optval,
                                     unsigned *optlen);

/* Addresses (posix_address.c). */
socklen_t nsapi_posix_to_sockaddr(const struct posix_socket *s, const nsapi_socket_address_t *address,
                                  struct sockaddr_storage *out);
void nsapi_posix_from_sockaddr(const struct sockaddr_storage *in, nsapi_socket_address_t *address);
int nsapi_posix_ifindex(const nsapi_addr_t *addr);
nsapi_error_t nsapi_posix_get_ip_address(nsapi_stack_t *stack, nsapi_addr_t *addr);

/* The host's name resolution (posix_resolve.c), as the vtable's gethostbyname. */
nsapi_error_t nsapi_posix_gethostbyname(nsapi_stack_t *stack, const char *host, nsapi_addr_t *addr,
                                        nsapi_version_t version);

#endif
