/*
 * What every TLS and DTLS case shares: a directory with certificates made
 * by make_certs.sh, peers run in it (their output in files there), and
 * sigio events counted.  Everything a case starts, teardown stops.
 */
#ifndef NSAPI_TESTS_TLS_CASE_H
#define NSAPI_TESTS_TLS_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The fixture's setup, then a fresh directory with the certificates. */
void tls_case_setup(void);

/* Stop every peer still running, remove the directory, the fixture's teardown. */
void tls_case_teardown(void);

/* name in the case's directory (four results live at once). */
const char *tls_case_path(const char *name);

/* Run a shell command in the background in the directory, stdout to out and stderr to out.log, stdin a
 * FIFO (stdin.fifo) open for writing too, so the peer never sees its end; its pid, stopped by teardown. */
pid_t tls_case_spawn(const char *command, const char *out);

/* Stop pid (SIGTERM) and reap it; *pid becomes -1.  Nothing if it is not running. */
void tls_case_stop(pid_t *pid);

/* Wait for pid to end by itself; its exit status (-1 if a signal ended it).  *pid becomes -1. */
int tls_case_exit_status(pid_t *pid);

/* Wait until something on the kernel's side listens on port (TCP, or UDP if udp). */
void tls_case_wait_listen(bool udp, int port);

/* Say text to a peer through its stdin FIFO. */
void tls_case_say(const char *text);

/* A file of the directory, read whole (at most max bytes); free() it. */
unsigned char *tls_case_read_file(const char *name, size_t max, size_t *size);

/* Whether a file of the directory contains words. */
bool tls_case_file_has(const char *name, const char *words);

/* A sigio callback that counts; the count so far; wait for the next (false if none within ms). */
void tls_case_on_event(void *arg);
int tls_case_events(void);
bool tls_case_wait_event(int ms);

#endif
