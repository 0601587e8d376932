/*
 * DNS query building and response reading (dns_message.h).  Names are
 * compared as lower-case text decoded from the packet, so that a server
 * that echoes the question in another case (or compressed) is understood.
 */
#include "nsapi/nsapi.h" /* NSAPI_CONFIG_DNS */

#if NSAPI_CONFIG_DNS

#include <string.h>

#include "dns_message.h"

#define HEADER 12
#define TYPE_A 1
#define TYPE_CNAME 5
#define TYPE_AAAA 28
#define CLASS_IN 1
#define JUMPS_MAX 16  /* compression pointers followed in one name */

typedef char dns_name_t[DNS_NAME_MAX + 2];

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

int nsapi_rt_dns_query_build(uint8_t *buf, size_t size, uint16_t id, const char *name, nsapi_version_t version)
{
    size_t length = strlen(name), pos = HEADER, i = 0;

    if (length > 0 && name[length - 1] == '.') {
        length--;
    }
    if (length == 0 || length > DNS_NAME_MAX || (version != NSAPI_IPv4 && version != NSAPI_IPv6)) {
        return NSAPI_ERROR_PARAMETER;
    }
    if (size < HEADER + length + 2 + 4) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    memset(buf, 0, HEADER);
    buf[0] = (uint8_t)(id >> 8);
    buf[1] = (uint8_t)id;
    buf[2] = 0x01; /* RD: recursion desired */
    buf[5] = 1;    /* one question */
    while (i < length) {
        size_t label = 0;

        while (i + label < length && name[i + label] != '.') {
            label++;
        }
        if (label == 0 || label > DNS_LABEL_MAX) {
            return NSAPI_ERROR_PARAMETER;
        }
        buf[pos++] = (uint8_t)label;
        memcpy(buf + pos, name + i, label);
        pos += label;
        i += label + 1;
    }
    if (name[length - 1] == '.') {
        return NSAPI_ERROR_PARAMETER; /* "a.." : an empty last label */
    }
    buf[pos++] = 0;
    buf[pos++] = 0;
    buf[pos++] = version == NSAPI_IPv4 ? TYPE_A : TYPE_AAAA;
    buf[pos++] = 0;
    buf[pos++] = CLASS_IN;
    return (int)pos;
}

/*
 * Decode the name at *pos into out (lower case, dots between labels) and
 * move *pos past it as it stands in the packet.  False if it runs off the
 * packet, uses a reserved label type, points forwards or too often, or is
 * longer than a name may be.
 */
static bool read_name(const uint8_t *msg, size_t len, size_t *pos, char *out)
{
    size_t p = *pos, end = 0, n = 0;
    int jumps = 0;

    for (;;) {
        uint8_t c;

        if (p >= len) {
            return false;
        }
        c = msg[p];
        if (c == 0) {
            break;
        }
        if ((c & 0xc0) == 0xc0) {
            size_t target;

            if (p + 1 >= len) {
                return false;
            }
            target = ((size_t)(c & 0x3f) << 8) | msg[p + 1];
            if (target >= p || ++jumps > JUMPS_MAX) {
                return false;
            }
            if (end == 0) {
                end = p + 2;
            }
            p = target;
            continue;
        }
        if ((c & 0xc0) != 0 || p + 1 + c > len || n + (n > 0) + c > DNS_NAME_MAX) {
            return false;
        }
        if (n > 0) {
            out[n++] = '.';
        }
        for (size_t i = 0; i < c; i++) {
            uint8_t ch = msg[p + 1 + i];

            if (ch == '.' || ch == '\0') {
                return false; /* no host name has one: as text it could pass for another name */
            }
            out[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
        }
        p += 1 + (size_t)c;
    }
    out[n] = '\0';
    *pos = end != 0 ? end : p + 1;
    return true;
}

/* A resource record's fixed part, after its owner name. */
struct record {
    uint16_t type, class;
    uint32_t ttl;
    size_t data, end; /* where its data starts and ends */
};

/* Read the record at *pos: its owner into owner, the rest into r; *pos moves past it. */
static bool read_record(const uint8_t *msg, size_t len, size_t *pos, char *owner, struct record *r)
{
    if (!read_name(msg, len, pos, owner) || *pos + 10 > len) {
        return false;
    }
    r->type = get16(msg + *pos);
    r->class = get16(msg + *pos + 2);
    r->ttl = ((uint32_t)get16(msg + *pos + 4) << 16) | get16(msg + *pos + 6);
    r->ttl = r->ttl > 0x7fffffffu ? 0 : r->ttl; /* RFC 2181: the top bit set means 0 */
    r->data = *pos + 10;
    r->end = r->data + get16(msg + *pos + 8);
    if (r->end > len) {
        return false;
    }
    *pos = r->end;
    return true;
}

/* Follow the CNAME chain from name through the answer section at answers; name becomes its end,
 * *ttl the smallest TTL along it (unchanged if there is no CNAME). */
static bool follow_cnames(const uint8_t *msg, size_t len, size_t answers, unsigned ancount, char *name,
                          uint32_t *ttl)
{
    dns_name_t owner, target;
    struct record r;
    int step;

    for (step = 0; step < NSAPI_DNS_CNAME_CHAIN_MAX; step++) {
        size_t pos = answers;
        bool moved = false;
        unsigned i;

        for (i = 0; i < ancount && !moved; i++) {
            if (!read_record(msg, len, &pos, owner, &r)) {
                return false;
            }
            if (r.type == TYPE_CNAME && r.class == CLASS_IN && strcmp(owner, name) == 0) {
                size_t at = r.data;

                if (!read_name(msg, r.end, &at, target) || at != r.end) {
                    return false;
                }
                strcpy(name, target);
                *ttl = r.ttl < *ttl ? r.ttl : *ttl;
                moved = true;
            }
        }
        if (!moved) {
            return true;
        }
    }
    return true; /* a longer chain: addresses owned past its eighth link are not used */
}

/* Whether the record r owned by owner is an address the query asked for: of its type, owned by the name asked or
 * by where its CNAMEs lead. */
static bool wanted(const struct record *r, const char *owner, uint16_t qtype, const char *name, const char *asked)
{
    return r->type == qtype && r->class == CLASS_IN && (strcmp(owner, name) == 0 || strcmp(owner, asked) == 0);
}

/*
 * Walk the ancount answers at pos for the wanted addresses: how many there are, or -1 if a record is malformed
 * or such an address has the wrong size.  With addrs, the first max of them are copied out and *ttl lowered to
 * theirs (the walk runs once without, so nothing is copied from an answer that turns out malformed).
 */
static int addresses(const uint8_t *msg, size_t len, size_t pos, unsigned ancount, uint16_t qtype,
                     const char *name, const char *asked, nsapi_addr_t *addrs, unsigned max, uint32_t *ttl)
{
    size_t size = qtype == TYPE_A ? 4 : 16;
    dns_name_t owner;
    struct record r;
    unsigned i, n = 0;

    for (i = 0; i < ancount; i++) {
        if (!read_record(msg, len, &pos, owner, &r)) {
            return -1;
        }
        if (!wanted(&r, owner, qtype, name, asked)) {
            continue;
        }
        if (r.end - r.data != size) {
            return -1;
        }
        if (addrs != NULL && n < max) {
            memset(&addrs[n], 0, sizeof addrs[n]);
            addrs[n].version = qtype == TYPE_A ? NSAPI_IPv4 : NSAPI_IPv6;
            memcpy(addrs[n].bytes, msg + r.data, size);
            *ttl = r.ttl < *ttl ? r.ttl : *ttl;
        }
        n++;
    }
    return (int)n;
}

enum dns_result nsapi_rt_dns_response_read(const uint8_t *msg, size_t len, const uint8_t *query, size_t query_len,
                                  nsapi_addr_t *addrs, unsigned max, unsigned *count, uint32_t *ttl)
{
    dns_name_t asked, question, name;
    size_t pos = HEADER, qpos = HEADER, answers;
    uint16_t qtype;
    uint32_t chain_ttl = UINT32_MAX;
    unsigned ancount, rcode;
    int found;

    *count = 0;
    *ttl = 0;
    if (len < HEADER || query_len < HEADER + 5) {
        return DNS_MALFORMED;
    }
    if (get16(msg) != get16(query) || !(msg[2] & 0x80)) {
        return DNS_NOT_OURS;
    }
    rcode = msg[3] & 0x0f;
    if (((msg[2] >> 3) & 0x0f) != 0) {
        return DNS_MALFORMED;
    }
    if (get16(msg + 4) == 0 && rcode != 0 && rcode != 3) {
        return DNS_SERVER_FAILURE; /* FORMERR or REFUSED without the question: this server will not answer */
    }
    if (get16(msg + 4) != 1) {
        return DNS_MALFORMED;
    }
    if (!read_name(query, query_len, &qpos, asked) || qpos + 4 > query_len) {
        return DNS_MALFORMED;
    }
    qtype = get16(query + qpos);
    if (!read_name(msg, len, &pos, question) || pos + 4 > len) {
        return DNS_MALFORMED;
    }
    if (strcmp(question, asked) != 0 || get16(msg + pos) != qtype || get16(msg + pos + 2) != CLASS_IN) {
        return DNS_NOT_OURS;
    }
    answers = pos + 4;
    if (msg[2] & 0x02) {
        return DNS_TRUNCATED;
    }
    if (rcode == 3) {
        return DNS_NO_SUCH_NAME;
    }
    if (rcode != 0) {
        return DNS_SERVER_FAILURE;
    }
    ancount = get16(msg + 6);
    strcpy(name, asked);
    if (!follow_cnames(msg, len, answers, ancount, name, &chain_ttl)) {
        return DNS_MALFORMED;
    }
    found = addresses(msg, len, answers, ancount, qtype, name, asked, NULL, 0, NULL);
    if (found <= 0) {
        return found < 0 ? DNS_MALFORMED : DNS_NO_DATA;
    }
    *ttl = chain_ttl;
    *count = (unsigned)found < max ? (unsigned)found : max;
    addresses(msg, len, answers, ancount, qtype, name, asked, addrs, max, ttl);
    return DNS_ANSWER;
}

#else
typedef int nsapi_rt_dns_left_out; /* ISO C wants every file to declare something */
#endif /* NSAPI_CONFIG_DNS */
