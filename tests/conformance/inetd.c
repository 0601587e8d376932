/*
 * inetd as the suite's peer.  Its built-in services find their ports by
 * name in /etc/services (netbase), so they listen on 7, 9, 19 and 13 and
 * need root, as the network namespaces around them do.
 */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "inetd.h"

static pid_t inetd = -1;
static char config[] = "/tmp/nsapi-inetd-XXXXXX";

static void write_config(const char *ipv4, const char *ipv6, bool udp)
{
    static const char *const services[] = {"echo stream tcp", "discard stream tcp", "chargen stream tcp",
                                           "daytime stream tcp", "echo dgram udp", "discard dgram udp"};
    FILE *f;
    int fd = mkstemp(config);
    size_t i;

    cr_assert_geq(fd, 0, "a temporary inetd.conf");
    f = fdopen(fd, "w");
    for (i = 0; i < (udp ? 6u : 4u); i++) {
        const char *wait = strstr(services[i], "dgram") ? "wait" : "nowait";
        char name[32];
        const char *kind;

        sscanf(services[i], "%31s", name);
        kind = services[i] + strlen(name) + 1;
        fprintf(f, "%s:%s %s %s root internal\n", ipv4, name, kind, wait);
        fprintf(f, "[%s]:%s %s6 %s root internal\n", ipv6, name, kind, wait);
    }
    fclose(f);
}

/* Wait (at most 5 s) until the echo service accepts connections. */
static void wait_for_echo(const char *ipv4)
{
    struct sockaddr_in echo = {.sin_family = AF_INET, .sin_port = htons(7)};
    int i, up = 0;

    inet_pton(AF_INET, ipv4, &echo.sin_addr);
    for (i = 0; i < 250 && !up; i++) {
        int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

        up = connect(s, (struct sockaddr *)&echo, sizeof echo) == 0;
        close(s);
        if (!up) {
            sleep_ms(20);
        }
    }
    cr_assert(up, "inetd answers on %s:7", ipv4);
}

void inetd_start(const char *ipv4, const char *ipv6, bool udp)
{
    write_config(ipv4, ipv6, udp);
    inetd = fork();
    if (inetd == 0) {
        int null = open("/dev/null", O_RDWR);

        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the case, even one that fails in its setup */
        dup2(null, 0); /* nor hold the test runner's output pipes open */
        dup2(null, 1);
        dup2(null, 2);
        execl("/usr/sbin/inetd", "inetd", "-i", config, (char *)NULL);
        _exit(127);
    }
    cr_assert_gt(inetd, 0, "inetd started");
    wait_for_echo(ipv4);
}

void inetd_stop(void)
{
    if (inetd > 0) {
        kill(inetd, SIGTERM);
        waitpid(inetd, NULL, 0);
        inetd = -1;
    }
    unlink(config);
}
