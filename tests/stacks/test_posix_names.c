/*
 * The POSIX backend resolves names as the host does (posix_resolve.c): each case runs in mount and
 * network namespaces of its own, with its own /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf
 * bound over the machine's, and dnsmasq on 127.0.0.1 as the host's DNS server.  Needs root.
 */
#define _GNU_SOURCE

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "dnsmasq.h"
#include "nsapi/nsapi.h"
#include "nsapi/posix.h"

static nsapi_stack_t stack;
static char folder[] = "/tmp/nsapi-names-XXXXXX";

/* Bind a file holding text over path, in this case's mount namespace only. */
static void bind_file(const char *path, const char *name, const char *text)
{
    char file[128];
    FILE *f;

    snprintf(file, sizeof file, "%s/%s", folder, name);
    f = fopen(file, "w");
    cr_assert_not_null(f, "%s", file);
    fputs(text, f);
    fclose(f);
    cr_assert_eq(mount(file, path, NULL, MS_BIND, NULL), 0, "bind %s over %s", file, path);
}

static void setup(void)
{
    cr_assert_eq(geteuid(), 0, "mount and network namespaces need root");
    cr_assert_eq(unshare(CLONE_NEWNS | CLONE_NEWNET), 0);
    cr_assert_eq(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), 0, "mounts of this case's own");
    cr_assert_eq(system("ip link set lo up"), 0);
    cr_assert_not_null(mkdtemp(folder));
    bind_file("/etc/hosts", "hosts", "127.0.0.1 localhost\n192.0.2.77 printer.nsapi.test\n"
                                      "2001:db8::77 printer.nsapi.test\n");
    bind_file("/etc/resolv.conf", "resolv.conf", "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    bind_file("/etc/nsswitch.conf", "nsswitch.conf", "hosts: files dns\n");
    dnsmasq_start("127.0.0.1"); /* knows four.test, six.test, both.test, alias.test; not the hosts file */
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK);
}

static void teardown(void)
{
    char command[96];

    cr_expect_eq(nsapi_posix_deinit(&stack), NSAPI_ERROR_OK);
    dnsmasq_stop();
    snprintf(command, sizeof command, "umount /etc/hosts /etc/resolv.conf /etc/nsswitch.conf; rm -rf %s", folder);
    cr_expect_eq(system(command), 0);
}

TestSuite(posix_names, .init = setup, .fini = teardown, .timeout = 30);

/* Resolve name, expecting err and, for OK, the address text want. */
static void expect(const char *name, nsapi_version_t version, nsapi_error_t err, const char *want)
{
    nsapi_socket_address_t got = {{NSAPI_UNSPEC, {0}}, 0};
    char text[NSAPI_IP_SIZE];
    nsapi_error_t r = nsapi_stack_gethostbyname(&stack, name, &got, version);

    cr_assert_eq(r, err, "%s: %s, want %s", name, nsapi_error_name(r), nsapi_error_name(err));
    if (err == NSAPI_ERROR_OK) {
        cr_assert_gt(nsapi_socket_address_get_ip_address(&got, text, sizeof text), 0);
        cr_expect_str_eq(text, want, "%s", name);
    }
}

Test(posix_names, etc_hosts_and_resolv_conf_until_the_program_sets_a_server)
{
    nsapi_socket_address_t server = {{NSAPI_UNSPEC, {0}}, 0}; /* port 0: 53 */

    expect("printer.nsapi.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.77"); /* /etc/hosts */
    expect("printer.nsapi.test", NSAPI_IPv6, NSAPI_ERROR_OK, "2001:db8::77");
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40"); /* resolv.conf's server */
    expect("six.test", NSAPI_IPv6, NSAPI_ERROR_OK, "2001:db8::60");
    expect("nothing.invalid", NSAPI_UNSPEC, NSAPI_ERROR_DNS_FAILURE, NULL);
    /* The program's own server: asked instead of the host's resolution, so /etc/hosts no longer applies. */
    cr_assert_eq(nsapi_socket_address_set_ip_address(&server, "127.0.0.1"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_stack_add_dns_server(&stack, &server), NSAPI_ERROR_OK);
    expect("four.test", NSAPI_IPv4, NSAPI_ERROR_OK, "192.0.2.40");
    expect("printer.nsapi.test", NSAPI_IPv4, NSAPI_ERROR_DNS_FAILURE, NULL);
}

static nsapi_value_or_error_t async_result;
static char async_text[NSAPI_IP_SIZE];

static void record(nsapi_value_or_error_t result, const nsapi_socket_address_t *address, void *context)
{
    async_result = result;
    if (address != NULL) {
        nsapi_socket_address_get_ip_address(address, async_text, sizeof async_text);
    }
    __atomic_store_n((int *)context, 1, __ATOMIC_RELEASE);
}

Test(posix_names, asynchronous_lookups_ask_the_host_too)
{
    int done = 0, i;
    nsapi_value_or_error_t id = nsapi_stack_gethostbyname_async(&stack, "printer.nsapi.test", record, &done,
                                                                 NSAPI_IPv4);

    cr_assert_gt(id, 0, "running in the resolver's thread");
    for (i = 0; i < 500 && !__atomic_load_n(&done, __ATOMIC_ACQUIRE); i++) {
        sleep_ms(10);
    }
    cr_assert(__atomic_load_n(&done, __ATOMIC_ACQUIRE), "answered within 5 s");
    cr_expect_eq(async_result, 1);
    cr_expect_str_eq(async_text, "192.0.2.77");
    for (i = 0; i < 100 && nsapi_posix_deinit(&stack) == NSAPI_ERROR_BUSY; i++) { /* the lookup's place frees */
        sleep_ms(10);
    }
    cr_assert_eq(nsapi_posix_init(&stack), NSAPI_ERROR_OK, "for teardown");
}

Test(posix_names, localhost_needs_neither)
{
    bind_file("/etc/hosts", "empty_hosts", "");
    expect("localhost", NSAPI_IPv4, NSAPI_ERROR_OK, "127.0.0.1");
    expect("localhost", NSAPI_IPv6, NSAPI_ERROR_OK, "::1");
}
