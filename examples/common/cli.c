#define _POSIX_C_SOURCE 200809L /* sigaction */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int example_port_count(int argc, char **argv, unsigned *port, unsigned long *count, unsigned long max)
{
    char *end;
    unsigned long value;

    if (argc < 2 || argc > 3 || strspn(argv[1], "0123456789") == 0) {
        return -1;
    }
    value = strtoul(argv[1], &end, 10);
    if (*end != '\0' || value == 0 || value > 65535) {
        return -1;
    }
    *port = (unsigned)value;
    *count = 0;
    if (argc == 3) {
        *count = strspn(argv[2], "0123456789") > 0 ? strtoul(argv[2], &end, 10) : 0;
        if (*count == 0 || *end != '\0' || *count > max) {
            return -1;
        }
    }
    return 0;
}

static volatile sig_atomic_t signalled;

static void on_signal(int sig)
{
    (void)sig;
    signalled = 1;
}

void example_stop_on_signals(void)
{
    struct sigaction action;

    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal; /* stays installed: a second signal only asks again */
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

int example_signalled(void)
{
    return signalled;
}

int example_fail(const char *what, nsapi_error_t err)
{
    return example_fail_after(what, err, 0);
}

int example_fail_after(const char *what, nsapi_error_t err, long timeout_ms)
{
    if (err == NSAPI_ERROR_WOULD_BLOCK && timeout_ms > 0) {
        fprintf(stderr, "%s: timed out after %ld ms\n", what, timeout_ms);
    } else if (err == NSAPI_ERROR_WOULD_BLOCK) {
        fprintf(stderr, "%s: timed out\n", what); /* not "cannot complete now": the call did wait */
    } else {
        fprintf(stderr, "%s: %s (%s)\n", what, nsapi_error_name(err), nsapi_strerror(err));
    }
    return 1;
}
