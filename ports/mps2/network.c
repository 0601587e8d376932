/*
 * The mps2 board's network (board.h: nsapi_board_ethernet): the lwIP stack
 * over the LAN9118 netif, run by the bare-metal OS port's waits.  The poll
 * it registers is one round of lwIP (nsapi_lwip_poll) and, when that found
 * nothing to do, a sleep until the next interrupt: SysTick's, within 1 ms.
 */
#include <stddef.h>

#include "board.h"
#include "nsapi/lwip.h"
#include "nsapi/os.h"

static nsapi_stack_t stack;
static nsapi_interface_t ethernet;
static bool made;

static void poll(void)
{
    if (!nsapi_lwip_poll()) {
        nsapi_board_idle();
    }
}

/* lwIP's clock (NO_SYS): the board's. */
uint32_t sys_now(void);

uint32_t sys_now(void)
{
    return nsapi_board_ms();
}

nsapi_interface_t *nsapi_board_ethernet(void)
{
    if (made) {
        return &ethernet;
    }
    nsapi_os_set_clock(nsapi_board_ms, nsapi_board_random);
    nsapi_os_set_poll(poll);
    if (nsapi_lwip_init(&stack) != NSAPI_ERROR_OK) {
        return NULL;
    }
    if (nsapi_lwip_ethernet_init(&ethernet, &stack, "lan9118") != NSAPI_ERROR_OK) {
        (void)nsapi_lwip_deinit(&stack);
        return NULL;
    }
    made = true;
    return &ethernet;
}
