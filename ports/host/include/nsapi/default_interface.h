/**
 * @file nsapi/default_interface.h
 *
 * The host's default network interface (Mbed's
 * NetworkInterface::get_default_instance()): the one place that knows every
 * backend of a Linux host and picks one by configuration, so that a program
 * writes no backend's name.  A board's port gives the same functions for its
 * own hardware.
 *
 * The choice is a spec, taken from the first of:
 *   - nsapi_default_interface_select() (a program's --interface option);
 *   - the environment variable NSAPI_INTERFACE;
 *   - the library's build option, `scons DEFAULT_INTERFACE=SPEC` (the
 *     define NSAPI_DEFAULT_INTERFACE when compiling default_interface.c),
 *     "posix" unless set: the kernel's interface needs no privileges.
 * A spec is one of:
 *   - "lwip-tap:NAME"  lwIP in this process, Ethernet over the existing TAP
 *                      device NAME, DHCP on;
 *   - "lwip-loop"      lwIP's in-process loopback netif, 10.0.0.1 and fd00::1;
 *   - "posix"          the kernel's sockets, the interface of its default
 *                      route;
 *   - "posix:NAME"     the kernel's sockets, interface NAME.
 * NAME has 1 to NSAPI_INTERFACE_NAME_SIZE - 1 characters.
 *
 * @code
 * nsapi_interface_t *net = nsapi_default_interface();
 * if (net == NULL) ... nsapi_default_interface_error() says why ...
 * nsapi_interface_connect(net);
 * ... open sockets on nsapi_interface_get_stack(net) ...
 * nsapi_interface_disconnect(net);
 * nsapi_default_interface_release();
 * @endcode
 *
 * Link with pkg-config's nsapi-host (libnsapi_host, nsapi-lwip and
 * nsapi-posix).  The functions may be called from any thread, not from
 * the interface's own event callbacks.
 */
#ifndef NSAPI_DEFAULT_INTERFACE_H
#define NSAPI_DEFAULT_INTERFACE_H

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Choose the spec, over NSAPI_INTERFACE and the build's, before the first
 * nsapi_default_interface().
 *
 * @param spec A spec as above, or NULL to go back to NSAPI_INTERFACE and the
 *             build's.
 * @retval NSAPI_ERROR_OK        chosen.
 * @retval NSAPI_ERROR_PARAMETER spec is not one of the forms above.
 * @retval NSAPI_ERROR_BUSY      the default interface is made already
 *                               (nsapi_default_interface_release() first).
 */
nsapi_error_t nsapi_default_interface_select(const char *spec);

/**
 * The spec in effect: the selected one, else NSAPI_INTERFACE's value, else
 * the build's.  For messages.
 *
 * @return The spec's text, valid until the next select; never NULL.
 */
const char *nsapi_default_interface_spec(void);

/**
 * The default interface, made on the first call (its stack initialised, the
 * interface made over the device, not yet connected: call
 * nsapi_interface_connect()) and the same object on every later call until
 * nsapi_default_interface_release().
 *
 * @return The interface, or NULL when it cannot be made:
 *         nsapi_default_interface_error() tells why.
 */
nsapi_interface_t *nsapi_default_interface(void);

/**
 * Whether NSAPI_IMPAIR, the environment's impairment of the default
 * interface's link, is usable: text as nsapi_lwip_impairment_parse() reads
 * it, "loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed=1"
 * (percentages, ms).  nsapi_default_interface() applies it to an lwip-tap
 * interface's link (nsapi_lwip_tap_impair()) when it makes the interface,
 * and fails when it is not usable; check first to say why.
 *
 * @param bad If not NULL, set to the malformed item (a pointer into the
 *            variable's value) on NSAPI_ERROR_PARAMETER, else to NULL.
 * @retval NSAPI_ERROR_OK          unset, empty, or usable.
 * @retval NSAPI_ERROR_PARAMETER   malformed.
 * @retval NSAPI_ERROR_UNSUPPORTED set for an interface other than lwip-tap,
 *                                 whose link is the kernel's (impair it
 *                                 there, e.g. with nftables).
 */
nsapi_error_t nsapi_default_interface_impairment(const char **bad);

/**
 * Why the last nsapi_default_interface() gave NULL.
 *
 * @retval NSAPI_ERROR_OK            it did not (or it was not called yet).
 * @retval NSAPI_ERROR_PARAMETER     the spec in effect is malformed (see
 *                                   nsapi_default_interface_spec()), or
 *                                   NSAPI_IMPAIR is.
 * @retval NSAPI_ERROR_DEVICE_ERROR  the device cannot be opened (no such TAP
 *                                   device or kernel interface, no
 *                                   permission).
 * @retval NSAPI_ERROR_NO_CONNECTION "posix" and the host has no default
 *                                   route (name the interface: "posix:lo").
 * @retval NSAPI_ERROR_NO_MEMORY     no memory, thread or netif for the stack
 *                                   or the interface.
 * @retval NSAPI_ERROR_NO_SOCKET     the POSIX stack got no descriptor.
 * @retval NSAPI_ERROR_BUSY          a release is half done: sockets are still
 *                                   open on the old stack.
 * @retval NSAPI_ERROR_UNSUPPORTED   NSAPI_IMPAIR is set but the interface is
 *                                   not lwip-tap (see
 *                                   nsapi_default_interface_impairment()).
 * @return Any other error the backend's init gave.
 */
nsapi_error_t nsapi_default_interface_error(void);

/**
 * Release the default interface (taken down if up) and its stack; the next
 * nsapi_default_interface() makes them again.  Every socket on the stack
 * must be closed first.
 *
 * @retval NSAPI_ERROR_OK            released.
 * @retval NSAPI_ERROR_NO_CONNECTION there is no default interface.
 * @retval NSAPI_ERROR_BUSY          a connect is waiting or a callback runs on
 *                                   the interface, or sockets are still open
 *                                   on its stack (call again once they are
 *                                   closed; the interface is released
 *                                   already then).
 */
nsapi_error_t nsapi_default_interface_release(void);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_DEFAULT_INTERFACE_H */
