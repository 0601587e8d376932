/*
 * Time from connect to an address from DHCP: an nsapi interface over lwIP
 * (nsapi_lwip_ethernet_init on a TAP device, lwIP's DHCP client) against
 * busybox's udhcpc on a kernel interface, both served by one dnsmasq that
 * bench/run.py sets up (it explains the network and why it is fair).
 *
 * usage: BENCH_DHCP_TIMES=FILE bench_dhcp TAP NETNS IFACE REPS
 *   FILE   where udhcpc's script writes the times of its events;
 *   TAP    the TAP device of the nsapi interface;
 *   NETNS  a network namespace file (/proc/PID/ns/net) holding IFACE, the
 *          kernel interface udhcpc runs on.
 * One untimed round of each, then REPS rounds in turn, each printing
 * "dhcp API REP MS START END": API nsapi or udhcpc, MS from the start
 * (nsapi_interface_connect() called; udhcpc about to be executed) to the
 * address (connect returned at GLOBAL_UP; udhcpc ran its script for
 * "bound"), START and END in seconds of CLOCK_MONOTONIC, which
 * bench/dhcp_netns.py lines up with the DHCP and ARP frames it sees.  Each round ends with the lease
 * released: nsapi_interface_disconnect(), udhcpc -R.
 *
 * The same program is udhcpc's script (-s), told apart by its single
 * argument (the event): it appends the event's time to that file, then does
 * what a default script does with the address (so that udhcpc's release
 * leaves from it), after the time was taken, and ends udhcpc once bound.
 */
#define _GNU_SOURCE /* setns */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "nsapi/lwip.h"
#include "nsapi/nsapi.h"

#define TIMES_VARIABLE "BENCH_DHCP_TIMES"
#define CONNECT_TIMEOUT_MS 30000
#define UDHCPC_LIMIT_S 30.0 /* udhcpc -n gives up after 3 discovers 3 s apart: well before */
#define SETTLE_MS 50 /* between rounds, untimed: dnsmasq has seen the release */
#define POLL_MS 5
/* lwIP's DHCP client acts on a timer ticking every TICK_MS (DHCP_FINE_TIMER_MSECS) from the stack's
 * start, and an application's connect falls anywhere in that tick: the rounds start at PHASES
 * phases spread evenly over it, rather than at whatever phase the loop's pace gives them. */
#define TICK_MS 500
#define PHASES 5

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, long code)
{
    fprintf(stderr, "bench_dhcp: %s: %ld\n", what, code);
    exit(1);
}

static void pause_ms(long ms)
{
    const struct timespec pause = {ms / 1000, ms % 1000 * 1000000L};

    nanosleep(&pause, NULL);
}

static void report(const char *api, int rep, double start, double end)
{
    if (rep > 0) {
        printf("dhcp %s %d %.3f %.6f %.6f\n", api, rep, (end - start) * 1e3, start, end);
        fflush(stdout);
    }
}

/* Wait until phase (ms) into lwIP's timer tick, the stack having started at epoch. */
static void wait_for_phase(double epoch, long phase)
{
    long into = (long)((now() - epoch) * 1e3) % TICK_MS;

    pause_ms((phase - into + TICK_MS) % TICK_MS);
}

/* One round of the nsapi interface: connect (blocking, DHCP) and disconnect. */
static void nsapi_round(nsapi_interface_t *eth, int rep)
{
    double start = now(), end;
    nsapi_error_t rc = nsapi_interface_connect(eth);

    end = now();
    if (rc != NSAPI_ERROR_OK) {
        die("nsapi_interface_connect", rc);
    }
    if (nsapi_interface_get_connection_status(eth) != NSAPI_STATUS_GLOBAL_UP) {
        die("status after connect", nsapi_interface_get_connection_status(eth));
    }
    report("nsapi", rep, start, end);
    rc = nsapi_interface_disconnect(eth);
    if (rc != NSAPI_ERROR_OK) {
        die("nsapi_interface_disconnect", rc);
    }
}

/* The forked child: udhcpc in the namespace netns (an open file), its start time written to started
 * first.  Only async-signal-safe calls: lwIP's threads were running when the parent forked. */
static void udhcpc_exec(int netns, int started, const char *iface, const char *self)
{
    struct timespec t;

    if (setns(netns, CLONE_NEWNET) != 0 || clock_gettime(CLOCK_MONOTONIC, &t) != 0
        || write(started, &t, sizeof t) != (ssize_t)sizeof t) {
        _exit(126);
    }
    /* -n: quit when no lease came; -t/-T: busybox's defaults, said.  Not -q (quit once bound): busybox
     * 1.35 quits then before it counts itself bound, and -R sends no release; the script's SIGTERM
     * after "bound" ends it instead, and -R releases then. */
    execl("/bin/busybox", "udhcpc", "-f", "-n", "-R", "-a1000", "-t", "3", "-T", "3", "-i", iface, "-s", self,
          (char *)NULL);
    _exit(127);
}

static void udhcpc_wait(pid_t pid)
{
    double limit = now() + UDHCPC_LIMIT_S;
    int status;

    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (now() > limit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            die("udhcpc took too long", (long)pid);
        }
        pause_ms(POLL_MS);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        die("udhcpc failed", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
}

/* One round of udhcpc: started, bound, released and ended; its bound time from the file its script wrote. */
static void udhcpc_round(const char *netns, const char *iface, const char *self, const char *times, int rep)
{
    struct timespec t;
    double bound = 0, at;
    char event[16];
    int ns = open(netns, O_RDONLY | O_CLOEXEC), started[2];
    FILE *f = fopen(times, "w");
    pid_t pid;

    if (ns < 0 || f == NULL || fclose(f) != 0 || pipe2(started, O_CLOEXEC) != 0) {
        die("udhcpc's namespace or files", errno);
    }
    pid = fork();
    if (pid < 0) {
        die("fork", errno);
    }
    if (pid == 0) {
        udhcpc_exec(ns, started[1], iface, self);
    }
    close(ns);
    close(started[1]);
    udhcpc_wait(pid);
    if (read(started[0], &t, sizeof t) != (ssize_t)sizeof t) {
        die("udhcpc's start time", errno);
    }
    close(started[0]);
    f = fopen(times, "r");
    if (f == NULL) {
        die("times file", errno);
    }
    while (bound == 0 && fscanf(f, "%15s %lf", event, &at) == 2) {
        bound = strcmp(event, "bound") == 0 ? at : 0;
    }
    fclose(f);
    if (bound == 0) {
        die("udhcpc's script saw no bound", rep);
    }
    report("udhcpc", rep, (double)t.tv_sec + (double)t.tv_nsec / 1e9, bound);
}

/* The script's address work: ioctls on a datagram socket, as ifconfig does. */
static int set_address(const char *iface, unsigned long request, const char *address)
{
    struct ifreq ifr;
    struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
    int fd, rc;

    memset(&ifr, 0, sizeof ifr);
    sin->sin_family = AF_INET;
    if (strlen(iface) >= sizeof ifr.ifr_name || inet_pton(AF_INET, address, &sin->sin_addr) != 1) {
        return 1;
    }
    strcpy(ifr.ifr_name, iface);
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return 1;
    }
    rc = ioctl(fd, request, &ifr);
    close(fd);
    return rc != 0;
}

/* udhcpc's script: EVENT, with interface, ip and subnet in the environment. */
static int script(const char *times, const char *event)
{
    double t = now();
    const char *iface = getenv("interface"), *ip = getenv("ip"), *subnet = getenv("subnet");
    FILE *f = fopen(times, "a");

    if (f == NULL || fprintf(f, "%s %.6f\n", event, t) < 0 || fclose(f) != 0 || iface == NULL) {
        return 1;
    }
    if (strcmp(event, "bound") == 0) { /* then udhcpc -R releases and quits: see udhcpc_exec() */
        return ip == NULL || subnet == NULL || set_address(iface, SIOCSIFADDR, ip)
               || set_address(iface, SIOCSIFNETMASK, subnet) || kill(getppid(), SIGTERM) != 0;
    }
    if (strcmp(event, "deconfig") == 0) {
        return set_address(iface, SIOCSIFADDR, "0.0.0.0");
    }
    return 0;
}

int main(int argc, char **argv)
{
    static nsapi_stack_t stack;
    static nsapi_interface_t eth;
    char self[512];
    const char *times = getenv(TIMES_VARIABLE);
    double epoch;
    ssize_t length;
    int reps;

    if (times != NULL && argc == 2) {
        return script(times, argv[1]);
    }
    if (times == NULL || argc != 5 || (reps = atoi(argv[4])) < 1) {
        fprintf(stderr, "usage: " TIMES_VARIABLE "=FILE bench_dhcp TAP NETNS IFACE REPS\n");
        return 2;
    }
    length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) {
        die("/proc/self/exe", errno);
    }
    self[length] = '\0';
    epoch = now(); /* lwIP's timers start with its thread, in the first nsapi_lwip_init() */
    if (nsapi_lwip_init(&stack) != NSAPI_ERROR_OK) {
        die("nsapi_lwip_init", 0);
    }
    if (nsapi_lwip_ethernet_init(&eth, &stack, argv[1]) != NSAPI_ERROR_OK
        || nsapi_interface_set_timeout(&eth, CONNECT_TIMEOUT_MS) != NSAPI_ERROR_OK) {
        die("nsapi_lwip_ethernet_init", 0);
    }
    for (int rep = 0; rep <= reps; rep++) {
        pause_ms(SETTLE_MS);
        wait_for_phase(epoch, rep % PHASES * TICK_MS / PHASES);
        nsapi_round(&eth, rep);
        pause_ms(SETTLE_MS);
        udhcpc_round(argv[2], argv[3], self, times, rep);
    }
    nsapi_interface_deinit(&eth);
    nsapi_lwip_deinit(&stack);
    return 0;
}
