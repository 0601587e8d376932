/**
 * @file board.h
 *
 * The mps2 board port (QEMU's mps2-an386, Cortex-M4): what its firmware
 * calls besides nsapi.  printf goes to the board's UART0; the clock is
 * SysTick's millisecond count; the end is a semihosting exit, which QEMU
 * turns into its own exit status.
 */
#ifndef NSAPI_BOARD_H
#define NSAPI_BOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "nsapi/nsapi.h"

/** Milliseconds since reset (SysTick, 1 kHz). */
uint32_t nsapi_board_ms(void);

/** Sleep until the next interrupt (SysTick's within 1 ms): what the idle loop does. */
void nsapi_board_idle(void);

/** 32 bits for the random numbers lwIP and the runtime want, mixed from the clock and the MAC address (no TRNG here). */
uint32_t nsapi_board_random(void);

/** Stir seed (the MAC address, say) into nsapi_board_random(). */
void nsapi_board_seed(const uint8_t *seed, unsigned length);

/** End the firmware: QEMU exits with status 0 if success, else 1.  Never returns. */
void nsapi_board_exit(bool success) __attribute__((noreturn));

/**
 * The board's Ethernet interface (the LAN9118, lwIP, DHCP by default), made
 * on the first call with the lwIP stack under it; the bare-metal OS port's
 * clock and poll are registered then, so blocking calls run the network.
 *
 * @return The interface, not yet connected; NULL if the stack or the
 *         controller cannot be set up (no LAN9118 answers).
 */
nsapi_interface_t *nsapi_board_ethernet(void);

/** Ready the board: the UART for printf, SysTick.  The reset handler calls it before main. */
void nsapi_board_init(void);

#endif /* NSAPI_BOARD_H */
