/*
 * lwIP's options for the mps2 board, included before nsapi's own
 * (stacks/lwip/config/lwipopts.h, through NSAPI_LWIP_OPTIONS_FILE): no
 * threads, so lwIP runs in the application's blocking calls (NO_SYS 1, the
 * bare-metal OS port), and the board's random numbers.  Everything else is
 * nsapi's small-target profile: static pools, lwIP's default window.
 */
#ifndef NSAPI_LWIPOPTS_MPS2_H
#define NSAPI_LWIPOPTS_MPS2_H

#include <stdint.h>

#define NO_SYS 1
#define LWIP_TCPIP_CORE_LOCKING 0 /* nothing to lock: one thread */
#define SYS_LIGHTWEIGHT_PROT 0    /* and no interrupt handler enters lwIP (the driver polls) */

uint32_t nsapi_board_random(void);
#define LWIP_RAND() nsapi_board_random()

#endif
