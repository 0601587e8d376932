/*
 * The DNS codec: queries byte for byte, responses of every kind, and
 * hostile packets (truncated anywhere, compression loops and forward
 * pointers, lying lengths, wrong types, names too long), then a bounded
 * fuzz run of mutated responses under ASan/UBSan: never an out-of-bounds
 * read, never an address that was not in the packet's answer.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "dns_message.h"

static uint8_t query[DNS_MESSAGE_MAX];
static int query_len;

/* --- a response builder ------------------------------------------------------------ */

struct packet {
    uint8_t b[DNS_MESSAGE_MAX * 2];
    size_t n;
};

static void put(struct packet *p, const void *data, size_t size)
{
    memcpy(p->b + p->n, data, size);
    p->n += size;
}

static void put16(struct packet *p, unsigned v)
{
    uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};

    put(p, b, 2);
}

/* The response to query: its header with flags and counts, then the question as asked. */
static void respond(struct packet *p, unsigned flags, unsigned ancount)
{
    p->n = 0;
    put(p, query, 2);
    put16(p, flags);
    put16(p, 1);
    put16(p, ancount);
    put16(p, 0);
    put16(p, 0);
    put(p, query + 12, (size_t)query_len - 12);
}

/* A record owned by the name at offset owner (a compression pointer), of type and TTL, with data. */
static void record(struct packet *p, unsigned owner, unsigned type, uint32_t ttl, const void *data, unsigned size)
{
    put16(p, 0xc000 | owner);
    put16(p, type);
    put16(p, 1);
    put16(p, ttl >> 16);
    put16(p, ttl & 0xffff);
    put16(p, size);
    put(p, data, size);
}

static enum dns_result read_back(const struct packet *p, nsapi_addr_t *addrs, unsigned max, unsigned *count,
                                 uint32_t *ttl)
{
    return nsapi_rt_dns_response_read(p->b, p->n, query, (size_t)query_len, addrs, max, count, ttl);
}

static void ask(const char *name, nsapi_version_t version)
{
    query_len = nsapi_rt_dns_query_build(query, sizeof query, 0x1234, name, version);
    cr_assert_gt(query_len, 0);
}

static const uint8_t v4[4] = {192, 0, 2, 10}, v4b[4] = {192, 0, 2, 11};

/* --- queries ------------------------------------------------------------------------ */

Test(dns_message, query_bytes)
{
    static const uint8_t want[] = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', 7, 'e', 'x',
                                   'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 28, 0, 1};

    ask("www.example.com", NSAPI_IPv6);
    cr_assert_eq(query_len, (int)sizeof want);
    cr_expect_eq(memcmp(query, want, sizeof want), 0);
    ask("www.example.com.", NSAPI_IPv6);
    cr_expect_eq(memcmp(query, want, sizeof want), 0, "a final dot changes nothing");
}

Test(dns_message, query_rejects_bad_names)
{
    char label[70], name[300];
    uint8_t buf[DNS_MESSAGE_MAX];
    static const char *const bad[] = {"", ".", "a..b", ".a", "a..", "..", NULL};
    int i;

    for (i = 0; bad[i] != NULL; i++) {
        cr_expect_eq(nsapi_rt_dns_query_build(buf, sizeof buf, 1, bad[i], NSAPI_IPv4), NSAPI_ERROR_PARAMETER, "'%s'", bad[i]);
    }
    memset(label, 'a', 64);
    label[64] = '\0';
    cr_expect_eq(nsapi_rt_dns_query_build(buf, sizeof buf, 1, label, NSAPI_IPv4), NSAPI_ERROR_PARAMETER, "a 64-byte label");
    label[63] = '\0';
    cr_expect_gt(nsapi_rt_dns_query_build(buf, sizeof buf, 1, label, NSAPI_IPv4), 0, "a 63-byte label");
    snprintf(name, sizeof name, "%s.%s.%s.%.61s", label, label, label, label); /* 253 bytes */
    cr_assert_eq(strlen(name), 253u);
    cr_expect_gt(nsapi_rt_dns_query_build(buf, sizeof buf, 1, name, NSAPI_IPv4), 0, "253 bytes");
    strcat(name, "b");
    cr_expect_eq(nsapi_rt_dns_query_build(buf, sizeof buf, 1, name, NSAPI_IPv4), NSAPI_ERROR_PARAMETER, "254 bytes");
    cr_expect_eq(nsapi_rt_dns_query_build(buf, sizeof buf, 1, "a.b", NSAPI_UNSPEC), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_rt_dns_query_build(buf, 20, 1, "example.com", NSAPI_IPv4), NSAPI_ERROR_NO_MEMORY);
}

/* --- responses ------------------------------------------------------------------------ */

Test(dns_message, answers)
{
    struct packet p;
    nsapi_addr_t addrs[4];
    unsigned count;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8180, 2);
    record(&p, 12, 1, 300, v4, 4);
    record(&p, 12, 1, 60, v4b, 4);
    cr_assert_eq(read_back(&p, addrs, 4, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(count, 2);
    cr_expect_eq(ttl, 60, "the smallest TTL");
    cr_expect_eq(addrs[0].version, NSAPI_IPv4);
    cr_expect_eq(memcmp(addrs[0].bytes, v4, 4), 0);
    cr_expect_eq(memcmp(addrs[1].bytes, v4b, 4), 0);
    cr_assert_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(count, 1, "no more than asked for");
}

Test(dns_message, aaaa_through_a_cname_chain)
{
    static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
    static const uint8_t alias[] = {5, 'a', 'l', 'i', 'a', 's', 0xc0, 17}; /* alias.example */
    struct packet p;
    nsapi_addr_t addrs[2];
    unsigned count, alias_at;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv6);
    respond(&p, 0x8180, 2);
    alias_at = (unsigned)p.n + 12;
    record(&p, 12, 5, 100, alias, sizeof alias);
    record(&p, alias_at, 28, 100, v6, 16);
    cr_assert_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(count, 1);
    cr_expect_eq(addrs[0].version, NSAPI_IPv6);
    cr_expect_eq(memcmp(addrs[0].bytes, v6, 16), 0);
}

Test(dns_message, outcomes_other_than_an_answer)
{
    struct packet p;
    nsapi_addr_t addrs[2];
    unsigned count;
    uint32_t ttl;
    static const uint8_t six[16] = {0};

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8183, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NO_SUCH_NAME);
    respond(&p, 0x8182, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_SERVER_FAILURE);
    respond(&p, 0x8185, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_SERVER_FAILURE, "REFUSED");
    respond(&p, 0x8380, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_TRUNCATED);
    respond(&p, 0x8180, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NO_DATA);
    respond(&p, 0x8180, 1);
    record(&p, 12, 28, 5, six, 16);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NO_DATA, "an answer of the wrong type");
    respond(&p, 0x0100, 0);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NOT_OURS, "a query, not a response");
    respond(&p, 0x8180, 1);
    record(&p, 12, 1, 5, v4, 4);
    p.b[1] ^= 1;
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NOT_OURS, "another id");
    p.b[1] ^= 1;
    p.b[13] = 'H'; /* the question echoed in another case: still ours */
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_ANSWER);
    p.b[14] = 'X';
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_NOT_OURS, "another question");
}

Test(dns_message, hostile_packets)
{
    struct packet p, q;
    nsapi_addr_t addrs[2];
    unsigned count;
    uint32_t ttl;
    size_t cut;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8180, 1);
    record(&p, 12, 1, 5, v4, 4);
    for (cut = 0; cut < p.n; cut++) {
        q = p;
        q.n = cut;
        cr_expect_neq(read_back(&q, addrs, 2, &count, &ttl), DNS_ANSWER, "cut at %zu", cut);
    }
    q = p; /* the answer's owner points at itself */
    q.b[q.n - 16] = 0xc0;
    q.b[q.n - 15] = (uint8_t)(q.n - 16);
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "a pointer to itself");
    q.b[q.n - 15] = (uint8_t)(q.n - 10);
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "a pointer forwards");
    q = p; /* the owner is a label then a pointer back to that label: a loop of labels */
    q.n -= 16;
    put(&q, "\x01x\xc0", 3);
    q.b[q.n] = (uint8_t)(q.n - 3);
    q.n++;
    put(&q, "\x00\x01\x00\x01\x00\x00\x00\x05\x00\x04", 10);
    put(&q, v4, 4);
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "a compression loop");
    q = p;
    q.b[q.n - 5] = 200; /* rdlength beyond the packet */
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "a lying length");
    q = p;
    q.b[q.n - 5] = 3;
    q.n -= 1;
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "an A record of 3 bytes");
    q = p;
    q.b[12] = 0x40 | 4;
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "a reserved label type");
    q = p;
    q.b[7] = 9; /* ancount says 9, one is there */
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_MALFORMED, "more answers counted than sent");
    q = p;
    q.b[q.n - 10] = 0x80; /* TTL with its top bit set */
    cr_expect_eq(read_back(&q, addrs, 2, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(ttl, 0, "reads as 0");
}

Test(dns_message, a_cname_shortens_the_ttl)
{
    static const uint8_t alias[] = {5, 'a', 'l', 'i', 'a', 's', 0xc0, 17};
    struct packet p;
    nsapi_addr_t addrs[1];
    unsigned count, alias_at;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8180, 2);
    alias_at = (unsigned)p.n + 12;
    record(&p, 12, 5, 30, alias, sizeof alias);
    record(&p, alias_at, 1, 3600, v4, 4);
    cr_assert_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(ttl, 30, "the chain's TTL bounds the answer's: %u", ttl);
}

/* A response to query whose question is the wire name raw (raw_len bytes) instead of the one asked. */
static void respond_as(struct packet *p, const char *raw, size_t raw_len)
{
    p->n = 0;
    put(p, query, 2);
    put16(p, 0x8180);
    put16(p, 1);
    put16(p, 1);
    put16(p, 0);
    put16(p, 0);
    put(p, raw, raw_len);
    put(p, query + query_len - 4, 4); /* type and class as asked */
    record(p, 12, 1, 5, v4, 4);
}

Test(dns_message, names_that_only_read_like_ours)
{
    static const char dotted[] = "\x0chost.example", nul[] = "\x04host\x0a" "example\0zz";
    struct packet p;
    nsapi_addr_t addrs[1];
    unsigned count;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv4);
    respond_as(&p, "\x04host\x07" "example", 14);
    cr_assert_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_ANSWER, "the real question, for comparison");
    respond_as(&p, dotted, sizeof dotted);
    cr_expect_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_MALFORMED, "one label with a dot in it");
    respond_as(&p, nul, sizeof nul);
    cr_expect_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_MALFORMED, "a label with a NUL in it");
}

Test(dns_message, a_rejected_packet_leaves_the_addresses_alone)
{
    static const uint8_t five[5] = {1, 2, 3, 4, 5};
    struct packet p;
    nsapi_addr_t addrs[2], before[2];
    unsigned count;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8180, 2);
    record(&p, 12, 1, 5, v4, 4);
    record(&p, 12, 1, 5, five, 5);
    memset(addrs, 0xa5, sizeof addrs);
    memcpy(before, addrs, sizeof addrs);
    cr_expect_eq(read_back(&p, addrs, 2, &count, &ttl), DNS_MALFORMED);
    cr_expect_eq(count, 0);
    cr_expect_eq(memcmp(addrs, before, sizeof addrs), 0, "nothing was copied out");
}

Test(dns_message, a_refusal_without_the_question_moves_on)
{
    struct packet p;
    nsapi_addr_t addrs[1];
    unsigned count;
    uint32_t ttl;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8185, 0);
    p.b[5] = 0; /* QDCOUNT 0 */
    p.n = 12;
    cr_expect_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_SERVER_FAILURE, "REFUSED");
    p.b[3] = 0x81; /* FORMERR */
    cr_expect_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_SERVER_FAILURE);
    p.b[3] = 0x80;
    cr_expect_eq(read_back(&p, addrs, 1, &count, &ttl), DNS_MALFORMED, "a success without the question");
}

Test(dns_message, fuzzed_responses_stay_in_bounds)
{
    struct packet p, q;
    nsapi_addr_t addrs[4];
    unsigned count, seed = 12345, i, answers = 0;
    uint32_t ttl;
    uint8_t *heap;

    ask("host.example", NSAPI_IPv4);
    respond(&p, 0x8180, 3);
    record(&p, 12, 5, 100, "\x01x\xc0\x0c", 4); /* host.example is x.host.example */
    record(&p, (unsigned)p.n - 4, 1, 5, v4, 4);     /* x.host.example A */
    record(&p, 12, 1, 5, v4b, 4);
    for (i = 0; i < 1000000; i++) {
        int edits = 1 + (int)(rand_r(&seed) % 4), e;
        enum dns_result r;

        q = p;
        for (e = 0; e < edits; e++) {
            size_t at = (size_t)rand_r(&seed) % q.n;

            switch (rand_r(&seed) % 3) {
            case 0:
                q.b[at] = (uint8_t)rand_r(&seed);
                break;
            case 1:
                q.n = at + 1;
                break;
            default:
                q.b[at] ^= (uint8_t)(1u << (rand_r(&seed) % 8));
            }
        }
        heap = malloc(q.n); /* exactly the packet's size: ASan sees any read past it */
        memcpy(heap, q.b, q.n);
        r = nsapi_rt_dns_response_read(heap, q.n, query, (size_t)query_len, addrs, 4, &count, &ttl);
        free(heap);
        cr_assert(r >= DNS_ANSWER && r <= DNS_NOT_OURS);
        answers += r == DNS_ANSWER;
        cr_assert_leq(count, 4);
        cr_assert(r == DNS_ANSWER || count == 0);
    }
    cr_assert_eq(nsapi_rt_dns_response_read(p.b, p.n, query, (size_t)query_len, addrs, 4, &count, &ttl), DNS_ANSWER);
    cr_expect_eq(count, 2, "the unmutated response: through the CNAME and direct");
    cr_expect_gt(answers, 1000, "the mutations reach the answer section (%u answers)", answers);
}
