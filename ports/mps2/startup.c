/*
 * Reset and the vector table of the mps2 board port (Cortex-M3/M4): the
 * initial stack pointer and the handlers the core has, all faults ending the
 * firmware through a semihosting exit so that a crash under QEMU is a
 * failed run, not a hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "board.h"

extern uint32_t nsapi_board_stack_top[], nsapi_board_data_start[], nsapi_board_data_end[], nsapi_board_data_load[];
extern uint32_t nsapi_board_bss_start[], nsapi_board_bss_end[];
int main(void);
void nsapi_board_reset(void);
void nsapi_board_systick(void);

static void fault(void)
{
    printf("\nnsapi board: fault (ICSR %08lx, CFSR %08lx, HFSR %08lx)\n", (unsigned long)*(volatile uint32_t *)0xE000ED04,
           (unsigned long)*(volatile uint32_t *)0xE000ED28, (unsigned long)*(volatile uint32_t *)0xE000ED2C);
    nsapi_board_exit(false);
}

void nsapi_board_reset(void)
{
    uint32_t *from = nsapi_board_data_load, *to = nsapi_board_data_start;

    while (to < nsapi_board_data_end) {
        *to++ = *from++;
    }
    for (to = nsapi_board_bss_start; to < nsapi_board_bss_end; to++) {
        *to = 0;
    }
    nsapi_board_init();
    exit(main());
}

/* The stack's top, then the handlers from reset on: 2 NMI, 3-6 faults, 11 SVC, 12 debug monitor,
 * 14 PendSV, 15 SysTick; no peripheral interrupt is used (the Ethernet driver polls). */
struct vector_table {
    uint32_t *stack;
    void (*handlers[15])(void);
};

__attribute__((section(".vectors"), used)) static const struct vector_table vectors = {
    nsapi_board_stack_top,
    {nsapi_board_reset, fault, fault, fault, fault, fault, 0, 0, 0, 0, fault, fault, 0, fault, nsapi_board_systick},
};
