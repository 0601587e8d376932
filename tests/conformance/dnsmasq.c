#define _GNU_SOURCE

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "dns_message.h"
#include "dnsmasq.h"

static pid_t dnsmasq = -1;

/* Whether the server at address answers a query for four.test within 100 ms. */
static bool answers(const char *address)
{
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(53)};
    uint8_t query[DNS_MESSAGE_MAX], reply[DNS_MESSAGE_MAX];
    struct pollfd p;
    int length = nsapi_rt_dns_query_build(query, sizeof query, 7, "four.test", NSAPI_IPv4), fd;
    bool ok = false;

    inet_pton(AF_INET, address, &to.sin_addr);
    fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    p.fd = fd;
    p.events = POLLIN;
    if (sendto(fd, query, (size_t)length, 0, (struct sockaddr *)&to, sizeof to) == length && poll(&p, 1, 100) == 1) {
        ok = recv(fd, reply, sizeof reply, 0) > 0;
    }
    close(fd);
    return ok;
}

void dnsmasq_start(const char *address)
{
    char listen[64], ttl[32];
    int i;

    snprintf(listen, sizeof listen, "--listen-address=%s", address);
    snprintf(ttl, sizeof ttl, "--local-ttl=%d", DNSMASQ_TTL);
    dnsmasq = fork();
    if (dnsmasq == 0) {
        int null = open("/dev/null", O_RDWR);

        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the case */
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execl("/usr/sbin/dnsmasq", "dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv",
              "--no-hosts", "--no-poll", "--bind-interfaces", listen, "--port=53", "--pid-file=", "--user=root",
              "--local=/test/", "--host-record=four.test,192.0.2.40", "--host-record=six.test,2001:db8::60",
              "--host-record=both.test,192.0.2.20,2001:db8::20", "--cname=alias.test,both.test", ttl, (char *)NULL);
        _exit(127);
    }
    cr_assert_gt(dnsmasq, 0, "dnsmasq started");
    for (i = 0; i < 50 && !answers(address); i++) {
    }
    cr_assert_lt(i, 50, "dnsmasq answers on %s:53", address);
}

void dnsmasq_stop(void)
{
    if (dnsmasq > 0) {
        kill(dnsmasq, SIGTERM);
        waitpid(dnsmasq, NULL, 0);
        dnsmasq = -1;
    }
}
