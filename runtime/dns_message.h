/*
 * DNS messages (RFC 1035) for the runtime's resolver: the query it sends
 * and the reading of what comes back.  Every received packet is treated as
 * hostile: each read is bounds-checked, compression pointers must point
 * backwards (so they cannot loop) and are followed a bounded number of
 * times, and lengths are checked against the packet, never trusted.
 */
#ifndef NSAPI_DNS_MESSAGE_H
#define NSAPI_DNS_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "nsapi/nsapi.h"

#define DNS_MESSAGE_MAX 512 /* the largest message over UDP without EDNS */
#define DNS_NAME_MAX 253    /* a name in text, without a final dot */
#define DNS_LABEL_MAX 63

/* What a received packet says about the query it is read against. */
enum dns_result {
    DNS_ANSWER,         /* one or more addresses of the asked type */
    DNS_NO_SUCH_NAME,   /* NXDOMAIN: the name does not exist */
    DNS_NO_DATA,        /* the name exists, with no address of the asked type */
    DNS_SERVER_FAILURE, /* SERVFAIL, REFUSED and the like: another server may know */
    DNS_TRUNCATED,      /* TC set: the answer did not fit a datagram */
    DNS_MALFORMED,      /* not a well-formed response: ignore it, as a lost datagram */
    DNS_NOT_OURS,       /* a response to some other query (id or question differ) */
};

/*
 * Write the query for name (A records for NSAPI_IPv4, AAAA for NSAPI_IPv6,
 * recursion desired) into buf.  A final dot is allowed.  Returns the
 * length, or NSAPI_ERROR_PARAMETER for an empty name, one longer than
 * DNS_NAME_MAX, an empty label or one longer than DNS_LABEL_MAX, or a
 * version other than the two; NSAPI_ERROR_NO_MEMORY if buf is too small.
 */
int nsapi_rt_dns_query_build(uint8_t *buf, size_t size, uint16_t id, const char *name, nsapi_version_t version);

/*
 * Read a response against the query it should answer (as built above).
 * For DNS_ANSWER, addrs holds up to max addresses (*count of them) and
 * *ttl the smallest TTL among the records used (the CNAMEs followed and the
 * addresses copied); for anything else addrs is untouched and *count 0.  Addresses are taken from
 * records of the asked type owned by the asked name or by a name a CNAME
 * in the same answer leads to.
 */
enum dns_result nsapi_rt_dns_response_read(const uint8_t *msg, size_t len, const uint8_t *query, size_t query_len,
                                  nsapi_addr_t *addrs, unsigned max, unsigned *count, uint32_t *ttl);

#endif
