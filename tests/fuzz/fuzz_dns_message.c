/*
 * DNS messages: the input is a response read against the queries the
 * resolver sends for example.com (A, then AAAA), with the query's id taken
 * from the input's first two bytes so that the fuzzer need not guess it.
 * Whatever is read, the outputs keep their promises: only an answer has
 * addresses, never more than asked, each one bytes that are in the packet.
 */
#define _GNU_SOURCE /* memmem */

#include <string.h>

#include "dns_message.h"
#include "fuzz_target.h"

#define ADDRESSES_MAX 4

static void read_against(const uint8_t *msg, size_t len, nsapi_version_t version)
{
    uint8_t query[DNS_MESSAGE_MAX];
    uint16_t id = len >= 2 ? (uint16_t)(msg[0] << 8 | msg[1]) : 0;
    int query_len = nsapi_rt_dns_query_build(query, sizeof query, id, "example.com", version);
    nsapi_addr_t addrs[ADDRESSES_MAX];
    unsigned count = 99, i;
    uint32_t ttl = 0;
    enum dns_result r;

    FUZZ_CHECK(query_len > 0);
    r = nsapi_rt_dns_response_read(msg, len, query, (size_t)query_len, addrs, ADDRESSES_MAX, &count, &ttl);
    FUZZ_CHECK(r <= DNS_NOT_OURS);
    FUZZ_CHECK(r == DNS_ANSWER ? count >= 1 && count <= ADDRESSES_MAX : count == 0);
    for (i = 0; r == DNS_ANSWER && i < count; i++) {
        size_t n = version == NSAPI_IPv4 ? 4 : 16;

        FUZZ_CHECK(addrs[i].version == version);
        FUZZ_CHECK(memmem(msg, len, addrs[i].bytes, n) != NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *msg = malloc(size > 0 ? size : 1); /* exactly the packet: ASan sees a read past its end */

    if (msg == NULL) {
        return 0;
    }
    memcpy(msg, data, size);
    read_against(msg, size, NSAPI_IPv4);
    read_against(msg, size, NSAPI_IPv6);
    free(msg);
    return 0;
}
