/*
 * What every fixture shares: the two configurations (IPv4, IPv6) and how
 * they are described, and what lets the suite run on a backend that does
 * not do everything yet (a new one from `scons new-stack`, or one without
 * UDP): a case whose suite needs a protocol the stack cannot open is
 * reported skipped, as unsupported, instead of failing on its first open.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "fixture.h"

static struct fixture fixtures[2];
struct fixture *fx = &fixtures[0];

struct fixture *fixture_describe(nsapi_stack_t *stack, nsapi_version_t version, const char *name, const char *local,
                                 const char *peer)
{
    static const uint16_t ports[SERVICES] = {7, 9, 19, 13};
    struct fixture *f = &fixtures[version == NSAPI_IPv6];
    nsapi_socket_address_t at = {{NSAPI_UNSPEC, {0}}, 0};
    int i;

    memset(f, 0, sizeof *f);
    f->stack = stack;
    f->version = version;
    f->name = name;
    f->udp_max = 60000;
    cr_assert_eq(nsapi_socket_address_set_ip_address(&f->local, local), NSAPI_ERROR_OK, "%s", local);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&at, peer), NSAPI_ERROR_OK, "%s", peer);
    for (i = 0; i < SERVICES; i++) {
        f->tcp[i] = f->udp[i] = at;
        nsapi_socket_address_set_port(&f->tcp[i], ports[i]);
        nsapi_socket_address_set_port(&f->udp[i], ports[i]);
    }
    f->closed = at;
    nsapi_socket_address_set_port(&f->closed, 1);
    fx = &fixtures[0];
    return f;
}

void fixture_use(nsapi_version_t version)
{
    fx = &fixtures[version == NSAPI_IPv6];
}

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
