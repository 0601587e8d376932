/*
 * A DNS server on the kernel's side that hears a given number of queries
 * before it answers, and then answers the first of them: it shows how the
 * resolver retries (how many tries, how far apart, the same query or a
 * new one) and whether a late answer to an earlier try still counts.
 */
#ifndef CONFORMANCE_DNS_LATE_SERVER_H
#define CONFORMANCE_DNS_LATE_SERVER_H

#include <stdbool.h>

#define DNS_LATE_SERVER_MAX 32 /* queries it records */

/* What it heard: how many queries, when (ms after the first), and whether they were byte for byte the same. */
struct dns_late_report {
    int queries;
    long at_ms[DNS_LATE_SERVER_MAX];
    bool same_query;
};

/*
 * Start it on address (an IPv4 address of this network namespace) and port, in a thread: once it has heard
 * `queries` queries it answers the first with an A record of answer_ip (TTL 0).  It runs until stopped or
 * for 10 s at most.
 */
void dns_late_server_start(const char *address, unsigned port, int queries, const char *answer_ip);

/* Stop it, wait for its thread and give what it heard (unless report is NULL); harmless when it is not running. */
void dns_late_server_stop(struct dns_late_report *report);

#endif
