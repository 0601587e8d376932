/*
 * The lwIP library was built with the options the product depends on, and
 * with the same options as the code that includes lwIP's headers: a user's
 * override (LWIP_OPTIONS, LWIP_DEFINES) that breaks either fails here.
 */
#include <criterion/criterion.h>

#include <lwip/autoip.h>
#include <lwip/dhcp.h>
#include <lwip/dhcp6.h>
#include <lwip/netif.h>
#include <lwip/tcp.h>
#include <lwip/udp.h>

#define AGREE(option)                                                                                                 \
    cr_expect_eq(nsapi_lwip_built_with(#option), (long)(option), "%s: the library has %ld, its users %ld", #option,   \
                 nsapi_lwip_built_with(#option), (long)(option));

Test(lwip_options, the_library_and_its_users_agree)
{
    NSAPI_LWIP_RECORDED_OPTIONS(AGREE)
    cr_expect_eq(nsapi_lwip_built_with("struct netif"), (long)sizeof(struct netif));
    cr_expect_eq(nsapi_lwip_built_with("struct tcp_pcb"), (long)sizeof(struct tcp_pcb));
    cr_expect_eq(nsapi_lwip_built_with("struct udp_pcb"), (long)sizeof(struct udp_pcb));
    cr_expect_eq(nsapi_lwip_built_with("LWIP_NO_SUCH_OPTION"), -1);
}

Test(lwip_options, the_library_has_what_the_product_needs)
{
    /* The backend: lwIP called under the core lock from any thread; both IP versions; multicast; a
     * listen backlog that ignores SYNs over it. */
    static const char *const backend[] = {"LWIP_TCPIP_CORE_LOCKING", "LWIP_IPV4", "LWIP_IPV6", "LWIP_TCP", "LWIP_UDP",
                                          "LWIP_NETIF_LOOPBACK", "LWIP_IGMP", "LWIP_IPV6_MLD", "TCP_LISTEN_BACKLOG"};
    /* The interface layer: lwIP's own address clients and the netifs' callbacks. */
    static const char *const interface[] = {"LWIP_DHCP", "LWIP_AUTOIP", "LWIP_DHCP_AUTOIP_COOP",
                                            "LWIP_IPV6_AUTOCONFIG", "LWIP_IPV6_DHCP6", "LWIP_IPV6_DHCP6_STATELESS",
                                            "LWIP_NETIF_STATUS_CALLBACK", "LWIP_NETIF_LINK_CALLBACK",
                                            "LWIP_NETIF_EXT_STATUS_CALLBACK"};
    size_t i;

    for (i = 0; i < sizeof backend / sizeof backend[0]; i++) {
        cr_expect_eq(nsapi_lwip_built_with(backend[i]), 1, "%s is off", backend[i]);
    }
    for (i = 0; i < sizeof interface / sizeof interface[0]; i++) {
        cr_expect_eq(nsapi_lwip_built_with(interface[i]), 1, "%s is off", interface[i]);
    }
    cr_expect_eq(nsapi_lwip_built_with("NO_SYS"), 0);
    /* The product drives the raw API: no socket layer in its lwIP. */
    cr_expect_eq(nsapi_lwip_built_with("LWIP_SOCKET"), 0);
    cr_expect_eq(nsapi_lwip_built_with("LWIP_NETCONN"), 0);
}

Test(lwip_options, the_library_links_the_clients_and_callbacks)
{
    /* Named here, so a library built without them fails to link this suite. */
    void (*volatile linked[])(void) = {
        (void (*)(void))dhcp_start,          (void (*)(void))autoip_start,
        (void (*)(void))dhcp6_enable_stateless, (void (*)(void))netif_set_status_callback,
        (void (*)(void))netif_set_link_callback, (void (*)(void))netif_add_ext_callback,
    };
    size_t i;

    for (i = 0; i < sizeof linked / sizeof linked[0]; i++) {
        cr_expect_not_null(linked[i]);
    }
}

Test(lwip_options, the_library_retransmits_as_a_lossy_link_needs)
{
    /* lwIP's retransmission timeout never falls below 3 slow-timer ticks of 2 * TCP_TMR_INTERVAL:
     * at most Linux's 200 ms floor, not lwIP's 1.5 s (docs/reliability.md, a lossy link). */
    cr_expect_leq(6 * nsapi_lwip_built_with("TCP_TMR_INTERVAL"), 200, "TCP_TMR_INTERVAL %ld",
                  nsapi_lwip_built_with("TCP_TMR_INTERVAL"));
    /* What arrives out of order is kept and told to the sender. */
    cr_expect_eq(nsapi_lwip_built_with("TCP_QUEUE_OOSEQ"), 1);
    cr_expect_eq(nsapi_lwip_built_with("LWIP_TCP_SACK_OUT"), 1);
}
