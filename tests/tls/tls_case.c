/* A TLS or DTLS case's directory, its peers and its events: see tls_case.h. */
#define _GNU_SOURCE

#include "tls_case.h"

#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "clock.h"
#include "fixture.h"

#define PEERS 4

static char dir[] = "/tmp/nsapi-tls-XXXXXX";
static pid_t peers[PEERS];
static sem_t events;
static int event_count;

static void run(const char *command)
{
    cr_assert_eq(system(command), 0, "%s", command);
}

void tls_case_setup(void)
{
    char command[256];

    fixture_setup();
    cr_assert_not_null(mkdtemp(dir));
    snprintf(command, sizeof command, "sh tests/tls/make_certs.sh %s", dir);
    run(command);
    cr_assert_eq(sem_init(&events, 0, 0), 0);
}

void tls_case_teardown(void)
{
    char command[64];
    int i;

    for (i = 0; i < PEERS; i++) {
        tls_case_stop(&peers[i]);
    }
    snprintf(command, sizeof command, "rm -rf %s", dir);
    run(command);
    sem_destroy(&events);
    fixture_teardown();
}

const char *tls_case_path(const char *name)
{
    static char buf[4][128];
    static int next;
    char *p = buf[next++ % 4];

    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

/* The slot that keeps pid for teardown: its own, or a free one. */
static pid_t *slot(pid_t pid)
{
    int i;

    for (i = 0; i < PEERS && peers[i] != pid; i++) {
    }
    cr_assert_lt(i, PEERS, "at most %d peers a case", PEERS);
    return &peers[i];
}

pid_t tls_case_spawn(const char *command, const char *out)
{
    char line[768];
    pid_t pid;

    snprintf(line, sizeof line, "cd %s && { [ -p stdin.fifo ] || mkfifo -m 600 stdin.fifo; } && exec %s >%s 2>%s.log"
             " <>stdin.fifo", dir, command, out, out);
    pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", line, (char *)NULL);
        _exit(127);
    }
    *slot(0) = pid;
    return pid;
}

static void forget(pid_t *pid)
{
    pid_t *kept = slot(*pid);

    if (*kept == *pid) {
        *kept = 0;
    }
    *pid = -1;
}

void tls_case_stop(pid_t *pid)
{
    if (*pid > 0) {
        kill(*pid, SIGTERM);
        waitpid(*pid, NULL, 0);
        forget(pid);
    }
}

int tls_case_exit_status(pid_t *pid)
{
    int status;

    cr_assert_gt(*pid, 0, "a peer runs");
    cr_assert_eq(waitpid(*pid, &status, 0), *pid);
    forget(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void tls_case_wait_listen(bool udp, int port)
{
    char line[128];
    int i;

    snprintf(line, sizeof line, "ss -Hl%sn 'sport = :%d' | grep -q .", udp ? "u" : "t", port);
    for (i = 0; i < 100 && system(line) != 0; i++) {
        sleep_ms(50);
    }
    cr_assert_lt(i, 100, "something listens on %s port %d", udp ? "UDP" : "TCP", port);
}

void tls_case_say(const char *text)
{
    int fd = open(tls_case_path("stdin.fifo"), O_WRONLY);

    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

unsigned char *tls_case_read_file(const char *name, size_t max, size_t *size)
{
    FILE *f = fopen(tls_case_path(name), "rb");
    unsigned char *data = calloc(1, max + 1);

    cr_assert_not_null(f, "%s", name);
    cr_assert_not_null(data);
    *size = fread(data, 1, max, f);
    fclose(f);
    return data;
}

bool tls_case_file_has(const char *name, const char *words)
{
    size_t size;
    unsigned char *text = tls_case_read_file(name, 65535, &size);
    bool found = strstr((char *)text, words) != NULL;

    free(text);
    return found;
}

void tls_case_on_event(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&event_count, 1, __ATOMIC_RELAXED);
    sem_post(&events);
}

int tls_case_events(void)
{
    return __atomic_load_n(&event_count, __ATOMIC_RELAXED);
}

bool tls_case_wait_event(int ms)
{
    struct timespec deadline = deadline_ms(ms);

    return sem_timedwait(&events, &deadline) == 0;
}
