#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "example_stack.h"
#include "nsapi/lwip.h"
#include "nsapi/posix.h"

/* The defaults, for the options and their help alike. */
#define LOOP_IP "10.0.0.1"
#define LOOP_IP6 "fd00::1"
#define TAP "nsapi0"
#define TAP_IP "192.168.7.2"
#define TAP_GATEWAY "192.168.7.1"
#define TAP_IP6 "fd07::2"

enum kind { NONE, LWIP_LOOP, LWIP_TAP, POSIX };

static enum kind running = NONE;

/* The value of option name at argv[*i], taken out of argv; NULL if argv[*i] is not that option. */
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
    memmove(&argv[i], &argv[i + 2], (size_t)(*argc - i - 1) * sizeof argv[0]); /* argv[argc] (NULL) moves too */
    *argc -= 2;
    return value;
}

int example_stack_up(int *argc, char **argv, nsapi_stack_t *stack)
{
    const char *kind = NULL, *tap = TAP, *ip = TAP_IP, *gateway = TAP_GATEWAY, *ip6 = TAP_IP6;
    const char *dns[NSAPI_DNS_SERVERS];
    int servers = 0, bad = 0, i = 1;
    nsapi_error_t err;

    while (i < *argc && !bad) {
        const char *v;

        if ((v = take(argc, argv, i, "--stack", &bad)) != NULL) {
            kind = v;
        } else if ((v = take(argc, argv, i, "--tap", &bad)) != NULL) {
            tap = v;
        } else if ((v = take(argc, argv, i, "--ip", &bad)) != NULL) {
            ip = v;
        } else if ((v = take(argc, argv, i, "--gateway", &bad)) != NULL) {
            gateway = v;
        } else if ((v = take(argc, argv, i, "--ip6", &bad)) != NULL) {
            ip6 = v;
        } else if ((v = take(argc, argv, i, "--dns", &bad)) != NULL) {
            if (servers == NSAPI_DNS_SERVERS) {
                fprintf(stderr, "at most %d --dns servers\n", NSAPI_DNS_SERVERS);
                return 2;
            }
            dns[servers++] = v;
        } else if (!bad) {
            i++;
        }
    }
    if (bad) {
        return 2;
    }
    memset(stack, 0, sizeof *stack);
    if (kind != NULL && strcmp(kind, "posix") == 0) {
        running = POSIX;
        err = nsapi_posix_init(stack);
    } else if (kind != NULL && (strcmp(kind, "lwip-loop") == 0 || strcmp(kind, "lwip-tap") == 0)) {
        running = kind[5] == 'l' ? LWIP_LOOP : LWIP_TAP;
        err = nsapi_lwip_init(stack);
        if (err == NSAPI_ERROR_OK) {
            err = running == LWIP_LOOP ? nsapi_lwip_add_loopback(stack, LOOP_IP, LOOP_IP6)
                                       : nsapi_lwip_add_tap(stack, tap, ip, gateway, ip6);
        }
    } else {
        fprintf(stderr, "--stack lwip-loop|lwip-tap|posix is needed\n");
        return 2;
    }
    if (err != NSAPI_ERROR_OK) {
        example_stack_down(stack);
        return example_fail(kind, err);
    }
    for (i = 0; i < servers; i++) {
        nsapi_socket_address_t server = {{NSAPI_UNSPEC, {0}}, 0};

        if (nsapi_socket_address_set_ip_address(&server, dns[i]) != NSAPI_ERROR_OK) {
            fprintf(stderr, "--dns %s: not an IP address\n", dns[i]);
            example_stack_down(stack);
            return 2;
        }
        err = nsapi_stack_add_dns_server(stack, &server);
        if (err != NSAPI_ERROR_OK) {
            example_stack_down(stack);
            return example_fail("add_dns_server", err);
        }
    }
    return 0;
}

void example_stack_down(nsapi_stack_t *stack)
{
    if (running == POSIX) {
        nsapi_posix_deinit(stack);
    } else if (running != NONE) {
        nsapi_lwip_deinit(stack);
    }
    running = NONE;
}

void example_stack_help(FILE *out)
{
    fprintf(out, "stack options (one --stack is needed; the others have defaults):\n"
                 "  --stack lwip-loop      lwIP in this process on a loopback netif, " LOOP_IP " and " LOOP_IP6 "\n"
                 "                         (no privileges needed)\n"
                 "  --stack lwip-tap       lwIP on a TAP device that exists (tools/tap-netns makes one)\n"
                 "  --stack posix          the host kernel's sockets\n"
                 "  --tap NAME             lwip-tap's device (default " TAP ")\n"
                 "  --ip ADDRESS           lwip-tap's IPv4 address, a /24 (default " TAP_IP ")\n"
                 "  --gateway ADDRESS      lwip-tap's IPv4 gateway (default " TAP_GATEWAY ")\n"
                 "  --ip6 ADDRESS          lwip-tap's IPv6 address, a /64 (default " TAP_IP6 ")\n"
                 "  --dns ADDRESS          a DNS server to ask for names, up to %d (default none: then posix\n"
                 "                         resolves as the host does; lwIP, localhost and addresses only)\n"
                 "  -h, --help             print this help and exit\n", NSAPI_DNS_SERVERS);
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
