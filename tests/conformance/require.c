/*
 * What lets the suite run on a backend that does not do everything yet (a
 * new one from `scons new-stack`, or one without UDP): a case whose suite
 * needs a protocol the stack cannot open is reported skipped, as
 * unsupported, instead of failing on its first open.
 */
#include <criterion/criterion.h>

#include "fixture.h"

/* Whether the stack opens a socket of proto: OK, UNSUPPORTED, or what went wrong. */
static nsapi_error_t try_open(nsapi_protocol_t proto)
{
    nsapi_tcp_socket_t tcp = {0};
    nsapi_udp_socket_t udp = {0};
    nsapi_error_t err;

    if (proto == NSAPI_TCP) {
        err = nsapi_tcp_socket_open(&tcp, fx->stack);
        nsapi_tcp_socket_close(&tcp);
    } else {
        err = nsapi_udp_socket_open(&udp, fx->stack);
        nsapi_udp_socket_close(&udp);
    }
    return err;
}

void fixture_require(nsapi_protocol_t proto)
{
    const char *name = proto == NSAPI_TCP ? "TCP" : "UDP";
    nsapi_error_t err = try_open(proto);

    if (err == NSAPI_ERROR_UNSUPPORTED) {
        fixture_teardown();
        cr_skip_test("unsupported: %s opens no %s socket", fx->name, name);
    }
    cr_assert_eq(err, NSAPI_ERROR_OK, "open a %s socket on %s: %s", name, fx->name, nsapi_error_name(err));
}
