/*
 * Debian's dnsmasq as the suite's DNS server, on the kernel's side of the
 * configuration, serving a zone of its own under .test (RFC 2606):
 *   four.test A 192.0.2.40; six.test AAAA 2001:db8::60;
 *   both.test A 192.0.2.20 and AAAA 2001:db8::20; alias.test CNAME both.test;
 *   any other name under .test does not exist (NXDOMAIN).
 * Answers carry a TTL of DNSMASQ_TTL seconds.
 */
#ifndef CONFORMANCE_DNSMASQ_H
#define CONFORMANCE_DNSMASQ_H

#define DNSMASQ_TTL 1

/* Start it on address (an IPv4 address of this network namespace), port 53, and wait (at most 5 s) until it answers. */
void dnsmasq_start(const char *address);

/* Stop it (and wait for it); harmless when it is not running. */
void dnsmasq_stop(void);

#endif
