#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "example_network.h"
#include "nsapi/default_interface.h"

/* The defaults of the older spellings, for the options and their help alike. */
#define TAP "nsapi0"
#define TAP_IP "192.168.7.2"
#define TAP_GATEWAY "192.168.7.1"
#define TAP_IP6 "fd07::2"
#define SPECS "lwip-tap:NAME, lwip-loop, posix or posix:NAME"

struct options {
    const char *interface, *stack, *tap, *ip, *gateway, *ip6;
    int dhcp;
    const char *dns[NSAPI_DNS_SERVERS];
    int servers;
    char spec[80]; /* a longer --tap is cut, and then too long a name for the spec all the same */
};

static nsapi_interface_t *running;

/* Remove count entries of argv from i on; argv[argc] (NULL) moves too. */
static void drop(int *argc, char **argv, int i, int count)
{
    memmove(&argv[i], &argv[i + count], (size_t)(*argc - i - count + 1) * sizeof argv[0]);
    *argc -= count;
}

/* The value of option name at argv[i], taken out of argv; NULL if argv[i] is not that option. */
static const char *take(int *argc, char **argv, int i, const char *name, int *bad)
{
    const char *value;

    if (strcmp(argv[i], name) != 0) {
        return NULL;
    }
    if (i + 1 >= *argc) {
        fprintf(stderr, "%s needs a value\n", name);
        *bad = 1;
        return NULL;
    }
    value = argv[i + 1];
    drop(argc, argv, i, 2);
    return value;
}

/* Take the option at argv[i] into o if it is one of ours: 1; 0 if it is the example's; -1 if bad. */
static int take_one(int *argc, char **argv, int i, struct options *o)
{
    const char **slot[] = {&o->interface, &o->stack, &o->tap, &o->ip, &o->gateway, &o->ip6};
    static const char *const names[] = {"--interface", "--stack", "--tap", "--ip", "--gateway", "--ip6"};
    const char *v;
    int bad = 0;
    size_t k;

    if (strcmp(argv[i], "--dhcp") == 0) {
        o->dhcp = 1;
        drop(argc, argv, i, 1);
        return 1;
    }
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        if ((v = take(argc, argv, i, names[k], &bad)) != NULL) {
            *slot[k] = v;
            return 1;
        }
    }
    if (!bad && (v = take(argc, argv, i, "--dns", &bad)) != NULL) {
        if (o->servers == NSAPI_DNS_SERVERS) {
            fprintf(stderr, "at most %d --dns servers\n", NSAPI_DNS_SERVERS);
            return -1;
        }
        o->dns[o->servers++] = v;
        return 1;
    }
    return bad ? -1 : 0;
}

/* The spec the options name into o->spec (NULL: the default interface); NULL with *bad set if they conflict. */
static const char *spec_of(struct options *o, int *bad)
{
    *bad = 1;
    if (o->interface != NULL && o->stack != NULL) {
        fprintf(stderr, "--interface and --stack are two spellings of one choice: give one\n");
    } else if (o->tap != NULL && (o->stack == NULL || strcmp(o->stack, "lwip-tap") != 0)) {
        fprintf(stderr, "--tap goes with --stack lwip-tap (else: --interface lwip-tap:NAME)\n");
    } else if (o->stack == NULL) {
        *bad = 0;
        return o->interface;
    } else if (strcmp(o->stack, "lwip-tap") == 0) {
        *bad = 0;
        snprintf(o->spec, sizeof o->spec, "lwip-tap:%s", o->tap != NULL ? o->tap : TAP);
        if (!o->dhcp) { /* --stack lwip-tap has always meant these static addresses */
            o->ip = o->ip != NULL ? o->ip : TAP_IP;
            o->gateway = o->gateway != NULL ? o->gateway : TAP_GATEWAY;
            o->ip6 = o->ip6 != NULL ? o->ip6 : TAP_IP6;
        }
        return o->spec;
    } else if (strcmp(o->stack, "lwip-loop") == 0 || strcmp(o->stack, "posix") == 0) {
        *bad = 0;
        return o->stack;
    } else {
        fprintf(stderr, "--stack lwip-loop|lwip-tap|posix, not %s\n", o->stack);
    }
    return NULL;
}

/* Say why the default interface could not be made; the exit code. */
static int refused(const char *selected)
{
    nsapi_error_t err = nsapi_default_interface_error();
    const char *spec = nsapi_default_interface_spec();

    if (err == NSAPI_ERROR_PARAMETER) {
        if (selected == NULL && getenv("NSAPI_INTERFACE") != NULL) {
            fprintf(stderr, "NSAPI_INTERFACE=%s: not an interface (%s)\n", spec, SPECS);
        } else {
            fprintf(stderr, "interface %s: not an interface (%s)\n", spec, SPECS);
        }
        return 2;
    }
    if (err == NSAPI_ERROR_NO_CONNECTION && strcmp(spec, "posix") == 0) {
        fprintf(stderr, "interface posix: the host has no default route (name one: --interface posix:lo)\n");
        return 1;
    }
    fprintf(stderr, "interface %s: ", spec);
    return example_fail("cannot be made", err);
}

/* Say why NSAPI_IMPAIR cannot be used, if it cannot: 2, else 0. */
static int impairment_refused(void)
{
    const char *bad;
    nsapi_error_t err = nsapi_default_interface_impairment(&bad);

    if (err == NSAPI_ERROR_PARAMETER) {
        fprintf(stderr, "NSAPI_IMPAIR=%s: bad item at \"%s\" (items NAME=VALUE joined by commas: loss, reorder, "
                        "duplicate, corrupt in percent; delay, blackhole in ms; seed; queue)\n",
                getenv("NSAPI_IMPAIR"), bad != NULL ? bad : "");
        return 2;
    }
    if (err == NSAPI_ERROR_UNSUPPORTED) {
        fprintf(stderr, "NSAPI_IMPAIR: interface %s: only an lwip-tap interface's link is impaired in this process "
                        "(impair the kernel's link instead, e.g. with nft)\n",
                nsapi_default_interface_spec());
        return 2;
    }
    return 0;
}

/* text as an address into *address; 0, or 2 after saying which option was wrong. */
static int address_of(const char *option, const char *text, nsapi_socket_address_t *address)
{
    memset(address, 0, sizeof *address);
    if (text != NULL && nsapi_socket_address_set_ip_address(address, text) != NSAPI_ERROR_OK) {
        fprintf(stderr, "%s %s: not an IP address\n", option, text);
        return 2;
    }
    return 0;
}

/* Static addresses or DHCP, as the options ask, before connect; 0, 1 or 2. */
static int configure(nsapi_interface_t *net, const struct options *o)
{
    nsapi_socket_address_t ip, gateway, ip6;
    nsapi_error_t err;

    if (address_of("--ip", o->ip, &ip) || address_of("--gateway", o->gateway, &gateway)
        || address_of("--ip6", o->ip6, &ip6)) {
        return 2;
    }
    if (o->dhcp || (o->ip == NULL && o->ip6 == NULL)) {
        err = o->dhcp ? nsapi_interface_set_dhcp(net, true) : NSAPI_ERROR_OK; /* DHCP is on where there is DHCP */
    } else {
        err = nsapi_interface_set_dhcp(net, false);
        err = err == NSAPI_ERROR_UNSUPPORTED ? NSAPI_ERROR_OK : err; /* there was no DHCP to turn off */
    }
    if (err != NSAPI_ERROR_OK) {
        return example_fail(o->dhcp ? "--dhcp" : "set_dhcp", err);
    }
    if (o->ip != NULL && !o->dhcp) {
        err = nsapi_interface_set_network(net, &ip, NULL, &gateway);
    }
    if (err == NSAPI_ERROR_OK && o->ip6 != NULL) {
        err = nsapi_interface_set_network(net, &ip6, NULL, NULL);
    }
    if (err == NSAPI_ERROR_UNSUPPORTED) {
        fprintf(stderr, "--ip, --ip6: the OS owns this interface's addresses\n");
        return 2;
    }
    return err == NSAPI_ERROR_OK ? 0 : example_fail("set_network", err);
}

/* Connect net and add the options' DNS servers; 0, 1 or 2. */
static int bring_up(nsapi_interface_t *net, const struct options *o)
{
    nsapi_error_t err = nsapi_interface_connect(net);
    int i;

    if (err != NSAPI_ERROR_OK) {
        fprintf(stderr, "interface %s: ", nsapi_default_interface_spec());
        return example_fail("connect", err);
    }
    for (i = 0; i < o->servers; i++) {
        nsapi_socket_address_t server;

        if (address_of("--dns", o->dns[i], &server) != 0) {
            return 2;
        }
        err = nsapi_interface_add_dns_server(net, &server);
        if (err != NSAPI_ERROR_OK) {
            return example_fail("add_dns_server", err);
        }
    }
    return 0;
}

int example_network_up(int *argc, char **argv, nsapi_stack_t **stack)
{
    struct options o;
    const char *spec;
    int bad = 0, i = 1, rc;

    memset(&o, 0, sizeof o);
    while (i < *argc && (rc = take_one(argc, argv, i, &o)) >= 0) {
        i += rc == 0;
    }
    spec = i < *argc ? NULL : spec_of(&o, &bad);
    if (i < *argc || bad) {
        return 2;
    }
    if (spec != NULL && nsapi_default_interface_select(spec) != NSAPI_ERROR_OK) {
        fprintf(stderr, "--interface %s: not an interface (%s)\n", spec, SPECS);
        return 2;
    }
    if (impairment_refused() != 0) {
        return 2;
    }
    running = nsapi_default_interface();
    if (running == NULL) {
        return refused(spec);
    }
    rc = configure(running, &o);
    if (rc == 0) {
        rc = bring_up(running, &o);
    }
    if (rc != 0) {
        example_network_down();
        return rc;
    }
    *stack = nsapi_interface_get_stack(running);
    return 0;
}

void example_network_down(void)
{
    if (running != NULL) {
        (void)nsapi_interface_disconnect(running); /* NO_CONNECTION when it never came up */
        (void)nsapi_default_interface_release();
        running = NULL;
    }
}

void example_network_help(FILE *out)
{
    fprintf(out, "interface options (each has a default):\n"
                 "  --interface SPEC       the network: lwip-tap:NAME (lwIP in this process, Ethernet over TAP\n"
                 "                         device NAME, DHCP unless --ip), lwip-loop (lwIP's loopback netif in this\n"
                 "                         process, 10.0.0.1 and fd00::1, no privileges needed), posix (the kernel's\n"
                 "                         sockets on the default route's interface) or posix:NAME\n"
                 "                         (default: NSAPI_INTERFACE, else the build's; now %s)\n"
                 "  --stack lwip-loop|lwip-tap|posix\n"
                 "                         the older spelling: --interface lwip-loop, lwip-tap:TAP with static\n"
                 "                         addresses (--ip, --gateway, --ip6 defaults), posix (default: --interface)\n"
                 "  --tap NAME             --stack lwip-tap's device (default " TAP ")\n"
                 "  --ip ADDRESS           a static IPv4 address, a /24, in place of DHCP (default: DHCP;\n"
                 "                         --stack lwip-tap " TAP_IP ")\n"
                 "  --gateway ADDRESS      --ip's gateway (default none; --stack lwip-tap " TAP_GATEWAY ")\n"
                 "  --ip6 ADDRESS          a static IPv6 address, a /64 (default none; --stack lwip-tap " TAP_IP6 ")\n"
                 "  --dhcp                 ask DHCP for the IPv4 address even with --ip or --stack lwip-tap\n"
                 "                         (default: DHCP unless static addresses are given)\n"
                 "  --dns ADDRESS          a DNS server to ask for names, up to %d (default: those DHCP gave;\n"
                 "                         without any, posix resolves as the host does; lwIP, localhost and\n"
                 "                         addresses only)\n"
                 "  -h, --help             print this help and exit\n",
            nsapi_default_interface_spec(), NSAPI_DNS_SERVERS);
}

int example_resolve(nsapi_stack_t *stack, const char *host, unsigned port, nsapi_socket_address_t *address)
{
    nsapi_error_t err = nsapi_stack_gethostbyname(stack, host, address, NSAPI_UNSPEC);

    if (err == NSAPI_ERROR_NO_ADDRESS) { /* what the runtime says when it has no server to ask */
        fprintf(stderr, "cannot resolve %s: no DNS server is configured (give --dns ADDRESS)\n", host);
        return 1;
    }
    if (err != NSAPI_ERROR_OK) {
        return example_fail("gethostbyname", err);
    }
    nsapi_socket_address_set_port(address, (uint16_t)port);
    return 0;
}
