/*
 * The runtime's resolver against Debian's dnsmasq on the kernel's side of
 * the configuration (dnsmasq.h has its zone): A, AAAA, CNAME, NSAPI_UNSPEC
 * and its fall-back, NXDOMAIN, the wrong version, the TTL cache, servers
 * asked in order, a server that never answers, no server, bad names, the
 * server list.  Configurations with no kernel side (lwIP loopback) skip it.
 */
#define _POSIX_C_SOURCE 200809L

#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "dnsmasq.h"
#include "fixture.h"
#include "sigio_wait.h"

static nsapi_socket_address_t server;

static void setup(void)
{
    fixture_setup();
    fixture_require(NSAPI_UDP);
    if (fx->kernel == NULL) {
        fixture_teardown();
        cr_skip_test("unsupported: %s has no kernel side to run a DNS server on", fx->name);
    }
    dnsmasq_start(fx->kernel);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&server, fx->kernel), NSAPI_ERROR_OK);
    nsapi_socket_address_set_port(&server, 53);
}

static void teardown(void)
{
    dnsmasq_stop();
    fixture_teardown();
}

TestSuite(dns, .init = setup, .fini = teardown, .timeout = 60);

/* Resolve name, expecting err and, for OK, the address text want. */
static void expect(const char *name, nsapi_version_t version, nsapi_error_t err, const char *want)
{
    nsapi_socket_address_t got = {{NSAPI_UNSPEC, {0}}, 0};
    char text[NSAPI_IP_SIZE];
    nsapi_error_t r;

    nsapi_socket_address_set_port(&got, 8080);
    r = nsapi_stack_gethostbyname(fx->stack, name, &got, version);
    cr_assert_eq(r, err, "%s on %s: %s, want %s", name, fx->name, nsapi_error_name(r), nsapi_error_name(err));
    if (err == NSAPI_ERROR_OK) {
        cr_assert_gt(nsapi_socket_address_get_ip_address(&got, text, sizeof text), 0);
        cr_expect_str_eq(text, want, "%s", name);
        cr_expect_eq(nsapi_socket_address_get_port(&got), 8080, "the port is kept");
    }
}

Test(dns, a_aaaa_and_cname)
{
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40");
    expect("six.test", NSAPI_IPv6, NSAPI_ERROR_OK, "2001:db8::60");
    expect("Alias.TEST.", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.20");
    expect("alias.test", NSAPI_IPv6, NSAPI_ERROR_OK, "2001:db8::20");
}

Test(dns, unspec_asks_the_stacks_version_first_then_the_other)
{
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    expect("both.test", NSAPI_IPv6, NSAPI_ERROR_OK, "2001:db8::20"); /* now in the cache */
    expect("both.test", NSAPI_UNSPEC, NSAPI_ERROR_OK, "192.0.2.20"); /* the stack's own address is IPv4 */
    expect("six.test", NSAPI_UNSPEC, NSAPI_ERROR_OK, "2001:db8::60");
}

Test(dns, a_name_that_does_not_exist_fails_at_once)
{
    long start;

    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    start = now_ms();
    expect("missing.test", NSAPI_IPv4, NSAPI_ERROR_DNS_FAILURE, NULL);
    expect("missing.test", NSAPI_UNSPEC, NSAPI_ERROR_DNS_FAILURE, NULL);
    expect("four.test", NSAPI_IPv6, NSAPI_ERROR_DNS_FAILURE, NULL);
    cr_expect_lt(now_ms() - start, 1000, "answered, not timed out");
}

Test(dns, answers_are_kept_for_their_ttl)
{
    struct timespec past_ttl = {DNSMASQ_TTL, 200 * 1000000L};

    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40");
    dnsmasq_stop();
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40"); /* from the cache: the server is gone */
    nanosleep(&past_ttl, NULL);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_DNS_FAILURE, NULL);
}

Test(dns, servers_are_asked_newest_first_until_one_answers)
{
    nsapi_socket_address_t silent = server;
    long start, elapsed;

    nsapi_socket_address_set_port(&silent, 5353); /* nobody there: the query goes unanswered */
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &silent), NSAPI_ERROR_OK);
    start = now_ms();
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40");
    elapsed = now_ms() - start;
    cr_expect(elapsed >= NSAPI_DNS_TRIES * NSAPI_DNS_TRY_MS - 50 && elapsed < NSAPI_DNS_TRIES * NSAPI_DNS_TRY_MS + 1000,
              "the silent server was asked %d times first: %ld ms", NSAPI_DNS_TRIES, elapsed);
}

Test(dns, no_answer_from_any_server_is_a_failure)
{
    nsapi_socket_address_t silent = server;

    nsapi_socket_address_set_port(&silent, 5353);
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &silent), NSAPI_ERROR_OK);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_DNS_FAILURE, NULL);
}

Test(dns, errors_before_any_query)
{
    char label[70], name[300];

    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_NO_ADDRESS, NULL); /* no server yet */
    expect("192.0.2.1", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.1");  /* a literal needs none */
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    expect("", NSAPI_IPv4, NSAPI_ERROR_PARAMETER, NULL);
    expect("a..test", NSAPI_IPv4, NSAPI_ERROR_PARAMETER, NULL);
    expect(".", NSAPI_UNSPEC, NSAPI_ERROR_PARAMETER, NULL);
    memset(label, 'a', 64);
    label[64] = '\0';
    expect(label, NSAPI_IPv4, NSAPI_ERROR_PARAMETER, NULL);
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    expect(name, NSAPI_IPv4, NSAPI_ERROR_PARAMETER, NULL);
    cr_expect_eq(fx->stack->sockets, 0, "no socket was opened or kept");
}

Test(dns, the_server_list)
{
    nsapi_socket_address_t s = server, zero = {{NSAPI_IPv4, {0}}, 53};
    int i;

    cr_expect_eq(nsapi_stack_add_dns_server(fx->stack, &zero), NSAPI_ERROR_PARAMETER);
    for (i = 0; i < NSAPI_DNS_SERVERS; i++) {
        nsapi_socket_address_set_port(&s, (uint16_t)(6000 + i));
        cr_expect_eq(nsapi_stack_add_dns_server(fx->stack, &s), NSAPI_ERROR_OK);
    }
    cr_expect_eq(nsapi_stack_add_dns_server(fx->stack, &s), NSAPI_ERROR_OK, "there already");
    nsapi_socket_address_set_port(&s, 53);
    cr_expect_eq(nsapi_stack_add_dns_server(fx->stack, &s), NSAPI_ERROR_NO_MEMORY, "full");
}
