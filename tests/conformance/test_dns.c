/*
 * The runtime's resolver against Debian's dnsmasq on the kernel's side of
 * the configuration (dnsmasq.h has its zone): A, AAAA, CNAME, NSAPI_UNSPEC
 * and its fall-back, NXDOMAIN, the wrong version, the TTL cache, servers
 * asked in order, a server that never answers, no server, bad names, the
 * server list; and the asynchronous form: its callback, answers at once,
 * failures and timeouts, the bound on lookups in flight, unique ids, cancel.  Configurations with no kernel side (lwIP loopback) skip it.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/stack_api.h" /* whether the backend has a resolver of its own */

#include "clock.h"
#include "dns_late_server.h"
#include "dnsmasq.h"
#include "fixture.h"
#include "waits.h"

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
    dns_late_server_stop(NULL); /* when a case failed before it stopped it */
    lookups_wait(fx->stack);
    fixture_teardown();
}

TestSuite(dns, .init = setup, .fini = teardown, .timeout = 60);

/* How long the resolver waits for one server at most: NSAPI_DNS_TRIES waits, each twice the one before. */
#define SERVER_MS ((long)NSAPI_DNS_TRY_MS * ((1L << NSAPI_DNS_TRIES) - 1))

/* A name no resolver knows: under .invalid (RFC 6761), NXDOMAIN from every server. */
#define NO_SUCH_NAME "nothing.invalid"

/* Whether names go to the backend's own resolver until the program gives a server (POSIX: the
 * host's, which answers NO_SUCH_NAME with DNS_FAILURE), rather than failing with NO_ADDRESS. */
static bool backend_resolves(void)
{
    return fx->stack->api->gethostbyname != NULL;
}

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
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40");
    dnsmasq_stop();
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40"); /* from the cache: the server is gone */
    sleep_ms(DNSMASQ_TTL * 1000L + 200);
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
    cr_expect(elapsed >= SERVER_MS - 50 && elapsed < SERVER_MS + 1000,
              "the silent server was asked %d times first: %ld ms", NSAPI_DNS_TRIES, elapsed);
}

Test(dns, tries_back_off_and_a_late_answer_to_an_earlier_one_counts)
{
    nsapi_socket_address_t late = server;
    struct dns_late_report heard;
    long start, elapsed, wait = NSAPI_DNS_TRY_MS;
    int i;

    /* It answers the first query only once it has heard every try: a lossy link that lost the first answers. */
    dns_late_server_start(fx->kernel, 5354, NSAPI_DNS_TRIES, "192.0.2.99");
    nsapi_socket_address_set_port(&late, 5354);
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &late), NSAPI_ERROR_OK);
    start = now_ms();
    expect("late.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.99");
    elapsed = now_ms() - start;
    dns_late_server_stop(&heard);
    cr_expect_eq(heard.queries, NSAPI_DNS_TRIES, "every try, then no more: %d queries", heard.queries);
    cr_expect(heard.same_query, "each try sends the same query, so that an answer to any of them counts");
    for (i = 1; i < heard.queries && i < DNS_LATE_SERVER_MAX; i++, wait *= 2) {
        long gap = heard.at_ms[i] - heard.at_ms[i - 1];

        cr_expect(gap >= wait - 20 && gap < wait + 400, "try %d came %ld ms after the one before, not %ld", i + 1,
                  gap, wait);
    }
    cr_expect_lt(elapsed, SERVER_MS, "answered before the last try's wait ran out: %ld ms", elapsed);
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

    expect(NO_SUCH_NAME, NSAPI_IPv4, backend_resolves() ? NSAPI_ERROR_DNS_FAILURE : NSAPI_ERROR_NO_ADDRESS, NULL);
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

/* --- asynchronous lookups ----------------------------------------------------------------- */

static pthread_mutex_t results_lock = PTHREAD_MUTEX_INITIALIZER;
static int calls;
static nsapi_value_or_error_t last_result;
static char last_text[NSAPI_IP_SIZE];
static void *last_context;

static void record_result(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context)
{
    pthread_mutex_lock(&results_lock);
    calls++;
    last_result = result;
    last_context = context;
    last_text[0] = '\0';
    if (address != NULL) {
        nsapi_socket_address_get_ip_address(address, last_text, sizeof last_text);
    }
    pthread_mutex_unlock(&results_lock);
    signal_raise(NULL);
}

static int calls_so_far(void)
{
    int n;

    pthread_mutex_lock(&results_lock);
    n = calls;
    pthread_mutex_unlock(&results_lock);
    return n;
}

Test(dns, async_answer_comes_to_the_callback)
{
    int context = 7;
    nsapi_value_or_error_t id;

    signal_reset();
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    id = nsapi_stack_gethostbyname_async(fx->stack, "alias.test", record_result, &context, NSAPI_IPv4);
    cr_assert_gt(id, 0, "an id: %d", id);
    cr_assert(signal_wait(5000), "the callback came");
    pthread_mutex_lock(&results_lock);
    cr_expect_eq(calls, 1);
    cr_expect_eq(last_result, 1);
    cr_expect_str_eq(last_text, "192.0.2.20");
    cr_expect_eq(last_context, &context);
    pthread_mutex_unlock(&results_lock);
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(fx->stack, id), NSAPI_ERROR_PARAMETER, "finished");
    /* Now cached: answered before the call returns. */
    cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, "alias.test", record_result, NULL, NSAPI_IPv4), 0);
    cr_expect_eq(calls_so_far(), 2, "called before the return");
}

Test(dns, async_literals_and_errors_at_once)
{
    int before = 0;

    signal_reset();
    if (backend_resolves()) { /* no server yet: the backend's resolver answers, in the lookup's thread */
        cr_expect_gt(nsapi_stack_gethostbyname_async(fx->stack, NO_SUCH_NAME, record_result, NULL, NSAPI_IPv4), 0);
        cr_assert(signal_wait(20000), "the backend's answer came");
        cr_expect_eq(last_result, NSAPI_ERROR_DNS_FAILURE);
        before = 1;
        signal_reset();
    } else {
        cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, NO_SUCH_NAME, record_result, NULL, NSAPI_IPv4),
                     NSAPI_ERROR_NO_ADDRESS, "no server yet");
    }
    cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, "2001:db8::9", record_result, NULL, NSAPI_UNSPEC), 0);
    cr_expect_eq(calls_so_far(), before + 1, "a literal is answered before the return");
    cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, "2001:db8::9", record_result, NULL, NSAPI_IPv4),
                 NSAPI_ERROR_DNS_FAILURE);
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, "a..test", record_result, NULL, NSAPI_IPv4),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(fx->stack, 12345), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(calls_so_far(), before + 1, "no callback for a call that failed at once");
}

Test(dns, async_failures_come_to_the_callback)
{
    nsapi_socket_address_t silent = server;

    signal_reset();
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &server), NSAPI_ERROR_OK);
    cr_assert_gt(nsapi_stack_gethostbyname_async(fx->stack, "missing.test", record_result, NULL, NSAPI_IPv4), 0);
    cr_assert(signal_wait(5000));
    cr_expect_eq(last_result, NSAPI_ERROR_DNS_FAILURE);
    nsapi_socket_address_set_port(&silent, 5353);
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &silent), NSAPI_ERROR_OK);
    dnsmasq_stop(); /* nobody answers now */
    cr_assert_gt(nsapi_stack_gethostbyname_async(fx->stack, "four.test", record_result, NULL, NSAPI_IPv4), 0);
    cr_assert(signal_wait(2 * SERVER_MS + 2000));
    pthread_mutex_lock(&results_lock);
    cr_expect_eq(last_result, NSAPI_ERROR_TIMEOUT, "no answer from any server: %s", nsapi_error_name(last_result));
    cr_expect_str_eq(last_text, "", "no address");
    pthread_mutex_unlock(&results_lock);
}

Test(dns, async_in_flight_bound_unique_ids_and_cancel)
{
    nsapi_socket_address_t silent = server;
    nsapi_value_or_error_t ids[NSAPI_DNS_QUERIES];
    char name[32];
    long start;
    int i, j;

    nsapi_socket_address_set_port(&silent, 5353); /* every lookup stays in flight */
    cr_assert_eq(nsapi_stack_add_dns_server(fx->stack, &silent), NSAPI_ERROR_OK);
    for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
        snprintf(name, sizeof name, "n%d.test", i);
        ids[i] = nsapi_stack_gethostbyname_async(fx->stack, name, record_result, NULL, NSAPI_IPv4);
        cr_assert_gt(ids[i], 0);
        for (j = 0; j < i; j++) {
            cr_expect_neq(ids[i], ids[j], "ids are unique");
        }
    }
    cr_expect_eq(nsapi_stack_gethostbyname_async(fx->stack, "more.test", record_result, NULL, NSAPI_IPv4),
                 NSAPI_ERROR_NO_MEMORY, "at most NSAPI_DNS_QUERIES in flight");
    start = now_ms();
    for (i = 0; i < NSAPI_DNS_QUERIES; i++) {
        cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(fx->stack, ids[i]), NSAPI_ERROR_OK);
        cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(fx->stack, ids[i]), NSAPI_ERROR_PARAMETER, "once");
    }
    cr_expect_lt(now_ms() - start, 50, "cancels do not wait");
    lookups_wait(fx->stack);
    cr_expect_lt(now_ms() - start, 1000, "the cancelled lookups ended within 100 ms or so");
    ids[0] = nsapi_stack_gethostbyname_async(fx->stack, "again.test", record_result, NULL, NSAPI_IPv4);
    cr_expect_gt(ids[0], 0, "a cancelled lookup's place is free again");
    cr_expect_eq(nsapi_stack_gethostbyname_async_cancel(fx->stack, ids[0]), NSAPI_ERROR_OK);
    sleep_ms(300);
    cr_expect_eq(calls_so_far(), 0, "a cancelled callback is never called");
}
