/*
 * The mps2 board's clock, console and exit (board.h): SysTick at 1 kHz from
 * the 25 MHz system clock, UART0 (CMSDK APB UART at 0x40004000) under
 * newlib's write(), the heap for malloc, and ARM semihosting's SYS_EXIT,
 * which QEMU (-semihosting) turns into its exit status.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "board.h"

#define REG(address) (*(volatile uint32_t *)(address))
#define UART0 0x40004000u
#define UART_DATA REG(UART0 + 0x00)
#define UART_STATE REG(UART0 + 0x04) /* bit 0: the transmit buffer is full */
#define UART_CTRL REG(UART0 + 0x08)  /* bit 0: transmit enabled */
#define UART_BAUDDIV REG(UART0 + 0x10)
#define SYST_CSR REG(0xE000E010u)
#define SYST_RVR REG(0xE000E014u)
#define SYST_CVR REG(0xE000E018u)
#define SYSCLK_HZ 25000000u
#define SEMIHOSTING_EXIT 0x18
#define EXIT_OK 0x20026u    /* ADP_Stopped_ApplicationExit: QEMU exits 0 */
#define EXIT_ERROR 0x20023u /* ADP_Stopped_RunTimeErrorUnknown: QEMU exits 1 */

extern char nsapi_board_heap_start[], nsapi_board_heap_end[];
void nsapi_board_systick(void);

static volatile uint32_t ticks;
static uint32_t entropy = 0x9e3779b9u;

void nsapi_board_systick(void)
{
    ticks++;
}

uint32_t nsapi_board_ms(void)
{
    return ticks;
}

void nsapi_board_idle(void)
{
    __asm volatile("wfi");
}

void nsapi_board_seed(const uint8_t *seed, unsigned length)
{
    unsigned i;

    for (i = 0; i < length; i++) {
        entropy = (entropy ^ seed[i]) * 16777619u;
    }
}

uint32_t nsapi_board_random(void)
{
    /* xorshift32 over what little the board has that varies: the tick count and SysTick's counter. */
    entropy ^= ticks ^ (SYST_CVR << 7);
    entropy ^= entropy << 13;
    entropy ^= entropy >> 17;
    entropy ^= entropy << 5;
    return entropy;
}

/* SYS_EXIT with its reason; kept apart so that nothing runs between loading r0 and r1 and the bkpt. */
static void __attribute__((noinline, noreturn)) semihosting_exit(uint32_t code)
{
    register uint32_t op __asm("r0") = SEMIHOSTING_EXIT;
    register uint32_t reason __asm("r1") = code;

    for (;;) {
        __asm volatile("bkpt 0xab" : : "r"(op), "r"(reason) : "memory");
    }
}

void nsapi_board_exit(bool success)
{
    fflush(stdout);
    semihosting_exit(success ? EXIT_OK : EXIT_ERROR);
}

void nsapi_board_init(void)
{
    UART_BAUDDIV = 16;
    UART_CTRL = 1;
    SYST_RVR = SYSCLK_HZ / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = 7; /* processor clock, interrupt, enabled */
    setvbuf(stdout, NULL, _IONBF, 0);
}

/* ---- what newlib asks of the system ---------------------------------------------------------- */

int _write(int fd, const char *buffer, int length);
int _read(int fd, char *buffer, int length);
int _close(int fd);
int _fstat(int fd, struct stat *st);
int _isatty(int fd);
int _lseek(int fd, int offset, int whence);
void *_sbrk(int increment);
void _exit(int status);
int _kill(int pid, int sig);
int _getpid(void);

int _write(int fd, const char *buffer, int length)
{
    int i;

    (void)fd;
    for (i = 0; i < length; i++) {
        while (UART_STATE & 1u) {
        }
        UART_DATA = (uint8_t)buffer[i];
    }
    return length;
}

int _read(int fd, char *buffer, int length)
{
    (void)fd, (void)buffer, (void)length;
    return 0;
}

int _close(int fd)
{
    (void)fd;
    return -1;
}

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd)
{
    (void)fd;
    return 1;
}

int _lseek(int fd, int offset, int whence)
{
    (void)fd, (void)offset, (void)whence;
    return 0;
}

void *_sbrk(int increment)
{
    static char *top = nsapi_board_heap_start;
    char *old = top;

    if (increment > nsapi_board_heap_end - top) {
        errno = ENOMEM;
        return (void *)-1;
    }
    top += increment;
    return old;
}

void _exit(int status)
{
    nsapi_board_exit(status == 0);
}

int _kill(int pid, int sig)
{
    (void)pid, (void)sig;
    errno = EINVAL;
    return -1;
}

int _getpid(void)
{
    return 1;
}
