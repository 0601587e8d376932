/*
 * SocketAddress: an IP address (IPv4, IPv6 or none) plus a port.
 *
 * This file parses address text exactly as glibc's inet_pton() accepts it
 * for AF_INET or AF_INET6, formats addresses as RFC 5952 text, and answers
 * the comparison questions Mbed's SocketAddress answers.  It touches no
 * network, no heap and no locale, and uses no recursion, so it is fit for
 * small targets.  The public wrappers have already checked every pointer,
 * every size (>= 1) and every version argument before these run; only the
 * version inside an nsapi_addr_t is left to set_addr.
 */

#include <string.h>

#include "nsapi/socket_address.h"
#include "impl.h"

#define IPV6_GROUPS 8

/* ---- character classes (ASCII only: no locale on purpose) ------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Value of a hex digit, or -1 if c is not one. */
static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* ---- parsing ----------------------------------------------------------- */

/*
 * Parse dotted-quad text that must run to the end of the string: four
 * decimal parts 0-255, no leading zeros, nothing else.  A failure may leave
 * out partly written, so callers parse into scratch storage.
 */
static bool parse_ipv4(const char *text, uint8_t out[NSAPI_IPv4_BYTES])
{
    const char *p = text;
    int part;

    for (part = 0; part < NSAPI_IPv4_BYTES; part++) {
        unsigned int value = 0;

        if (part > 0) {
            if (*p != '.') {
                return false;
            }
            p++;
        }
        if (!is_digit(*p)) {
            return false;
        }
        /* "0" alone is a part; "01" is not (it could be read as octal). */
        if (*p == '0' && is_digit(p[1])) {
            return false;
        }
        /* Checking after each digit bounds the loop to three digits. */
        while (is_digit(*p)) {
            value = value * 10u + (unsigned int)(*p - '0');
            if (value > 255u) {
                return false;
            }
            p++;
        }
        out[part] = (uint8_t)value;
    }
    return *p == '\0';
}

/*
 * Read one group of 1-4 hex digits at *pp.  On success *pp is moved past
 * the digits.  Returns false for an empty group or a fifth digit.
 */
static bool parse_hex_group(const char **pp, uint16_t *value)
{
    const char *p = *pp;
    unsigned int v = 0;
    int count = 0;
    int digit;

    while ((digit = hex_value(*p)) >= 0) {
        if (++count > 4) {
            return false;
        }
        v = (v << 4) | (unsigned int)digit;
        p++;
    }
    if (count == 0) {
        return false;
    }
    *pp = p;
    *value = (uint16_t)v;
    return true;
}

/*
 * Parse IPv6 text.  Groups are stored left to right in bytes; "::" only
 * records where the zero gap goes, and the groups after it are shifted to
 * the end once the whole string is read.
 */
static bool parse_ipv6(const char *text, uint8_t out[NSAPI_IPv6_BYTES])
{
    uint8_t bytes[NSAPI_IPv6_BYTES];
    const char *p = text;
    size_t used = 0;  /* bytes filled so far */
    size_t gap = 0;   /* where "::" sits, in bytes; valid if has_gap */
    bool has_gap = false;

    memset(bytes, 0, sizeof bytes);

    /* A leading colon is only legal as the first half of "::". */
    if (p[0] == ':') {
        if (p[1] != ':') {
            return false;
        }
        has_gap = true;
        p += 2;
    }

    while (*p != '\0') {
        const char *group = p;
        uint16_t value;

        if (!parse_hex_group(&p, &value)) {
            return false;
        }
        /* What looked like hex was the start of a dotted IPv4 tail. */
        if (*p == '.') {
            if (used + NSAPI_IPv4_BYTES > sizeof bytes ||
                !parse_ipv4(group, &bytes[used])) {
                return false;
            }
            used += NSAPI_IPv4_BYTES;
            break;
        }
        if (used + 2 > sizeof bytes) {
            return false;
        }
        bytes[used++] = (uint8_t)(value >> 8);
        bytes[used++] = (uint8_t)(value & 0xffu);

        if (*p == '\0') {
            break;
        }
        if (*p != ':') {
            return false;
        }
        p++;
        if (*p == ':') {
            if (has_gap) {
                return false;
            }
            has_gap = true;
            gap = used;
            p++;
        } else if (*p == '\0') {
            return false; /* a single trailing colon */
        }
    }

    if (has_gap) {
        size_t tail = used - gap;

        /* "::" must stand for at least one zero group. */
        if (used == sizeof bytes) {
            return false;
        }
        memmove(&bytes[sizeof bytes - tail], &bytes[gap], tail);
        memset(&bytes[gap], 0, sizeof bytes - used);
    } else if (used != sizeof bytes) {
        return false;
    }
    memcpy(out, bytes, sizeof bytes);
    return true;
}

/* ---- formatting -------------------------------------------------------- */

/* Each writer below returns the new end; none of them writes a NUL. */

static char *put_decimal(char *out, unsigned int value)
{
    if (value >= 100u) {
        *out++ = (char)('0' + value / 100u);
    }
    if (value >= 10u) {
        *out++ = (char)('0' + value / 10u % 10u);
    }
    *out++ = (char)('0' + value % 10u);
    return out;
}

static char *put_hex(char *out, unsigned int value)
{
    static const char digits[] = "0123456789abcdef";
    int shift = 12;

    /* Skip leading zeros, but always keep the last digit. */
    while (shift > 0 && (value >> shift) == 0u) {
        shift -= 4;
    }
    for (; shift >= 0; shift -= 4) {
        *out++ = digits[(value >> shift) & 0xfu];
    }
    return out;
}

static char *put_ipv4(char *out, const uint8_t bytes[NSAPI_IPv4_BYTES])
{
    int i;

    for (i = 0; i < NSAPI_IPv4_BYTES; i++) {
        if (i > 0) {
            *out++ = '.';
        }
        out = put_decimal(out, bytes[i]);
    }
    return out;
}

/* ::ffff:0:0/96, the one class RFC 5952 prints with a dotted tail. */
static bool is_ipv4_mapped(const uint8_t bytes[NSAPI_IPv6_BYTES])
{
    static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

    return memcmp(bytes, prefix, sizeof prefix) == 0;
}

/*
 * Find the longest run of two or more zero groups; on a tie the first run
 * wins (RFC 5952 4.2.3).  With no such run *start is IPV6_GROUPS, which no
 * group index ever equals.
 */
static void find_zero_run(const uint16_t groups[IPV6_GROUPS], int *start, int *length)
{
    int best_start = IPV6_GROUPS;
    int best_length = 1; /* a lone zero group is never shortened */
    int i = 0;

    while (i < IPV6_GROUPS) {
        int j = i;

        while (j < IPV6_GROUPS && groups[j] == 0u) {
            j++;
        }
        if (j - i > best_length) {
            best_start = i;
            best_length = j - i;
        }
        i = (j > i) ? j : i + 1;
    }
    *start = best_start;
    *length = (best_start == IPV6_GROUPS) ? 0 : best_length;
}

static char *put_ipv6(char *out, const uint8_t bytes[NSAPI_IPv6_BYTES])
{
    uint16_t groups[IPV6_GROUPS];
    int run_start;
    int run_length;
    int i;

    if (is_ipv4_mapped(bytes)) {
        memcpy(out, "::ffff:", 7);
        return put_ipv4(out + 7, &bytes[12]);
    }

    for (i = 0; i < IPV6_GROUPS; i++) {
        groups[i] = (uint16_t)(((unsigned int)bytes[2 * i] << 8) | bytes[2 * i + 1]);
    }
    find_zero_run(groups, &run_start, &run_length);

    for (i = 0; i < IPV6_GROUPS; i++) {
        if (i == run_start) {
            *out++ = ':';
            *out++ = ':';
            i += run_length - 1;
            continue;
        }
        /* The group right after "::" needs no separator of its own. */
        if (i > 0 && i != run_start + run_length) {
            *out++ = ':';
        }
        out = put_hex(out, groups[i]);
    }
    return out;
}

/* ---- the SocketAddress operations -------------------------------------- */

static void clear_addr(nsapi_addr_t *addr)
{
    memset(addr, 0, sizeof *addr);
    addr->version = NSAPI_UNSPEC;
}

nsapi_error_t nsapi_impl_socket_address_set_ip_address(nsapi_socket_address_t *address,
                                                        const char *text)
{
    nsapi_addr_t parsed;

    /* parse_ipv4 leaves bytes 4-15 alone, so they stay zero for IPv4. */
    clear_addr(&parsed);
    if (parse_ipv4(text, parsed.bytes)) {
        parsed.version = NSAPI_IPv4;
    } else if (parse_ipv6(text, parsed.bytes)) {
        parsed.version = NSAPI_IPv6;
    } else {
        clear_addr(&address->addr);
        return NSAPI_ERROR_PARAMETER;
    }
    address->addr = parsed;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_socket_address_set_ip_bytes(nsapi_socket_address_t *address,
                                                     const void *bytes,
                                                     nsapi_version_t version)
{
    /* Built aside: bytes may point into *address itself. */
    nsapi_addr_t addr;

    clear_addr(&addr);
    if (version == NSAPI_IPv4) {
        memcpy(addr.bytes, bytes, NSAPI_IPv4_BYTES);
    } else if (version == NSAPI_IPv6) {
        memcpy(addr.bytes, bytes, NSAPI_IPv6_BYTES);
    }
    addr.version = version;
    address->addr = addr;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_impl_socket_address_set_addr(nsapi_socket_address_t *address,
                                                 const nsapi_addr_t *addr)
{
    /* The wrapper checks only the pointers here, so the version is ours to check. */
    if (addr->version != NSAPI_UNSPEC && addr->version != NSAPI_IPv4 &&
        addr->version != NSAPI_IPv6) {
        return NSAPI_ERROR_PARAMETER;
    }
    return nsapi_impl_socket_address_set_ip_bytes(address, addr->bytes, addr->version);
}

nsapi_error_t nsapi_impl_socket_address_set_port(nsapi_socket_address_t *address, uint16_t port)
{
    address->port = port;
    return NSAPI_ERROR_OK;
}

nsapi_size_or_error_t nsapi_impl_socket_address_get_ip_address(const nsapi_socket_address_t *address,
                                                               char *buffer, nsapi_size_t size)
{
    char text[NSAPI_IP_SIZE];
    char *end;
    size_t length;

    /* Format aside so a short buffer is never written past size bytes. */
    buffer[0] = '\0';
    if (address->addr.version == NSAPI_IPv4) {
        end = put_ipv4(text, address->addr.bytes);
    } else if (address->addr.version == NSAPI_IPv6) {
        end = put_ipv6(text, address->addr.bytes);
    } else {
        return NSAPI_ERROR_NO_ADDRESS;
    }
    length = (size_t)(end - text);
    if (length >= size) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    return (nsapi_size_or_error_t)length;
}

const void *nsapi_impl_socket_address_get_ip_bytes(const nsapi_socket_address_t *address)
{
    return address->addr.bytes;
}

nsapi_version_t nsapi_impl_socket_address_get_ip_version(const nsapi_socket_address_t *address)
{
    return address->addr.version;
}

nsapi_addr_t nsapi_impl_socket_address_get_addr(const nsapi_socket_address_t *address)
{
    return address->addr;
}

uint16_t nsapi_impl_socket_address_get_port(const nsapi_socket_address_t *address)
{
    return address->port;
}

/* How many bytes of addr are meaningful: 4, 16, or 0 for no address. */
static size_t addr_length(const nsapi_addr_t *addr)
{
    if (addr->version == NSAPI_IPv4) {
        return NSAPI_IPv4_BYTES;
    }
    if (addr->version == NSAPI_IPv6) {
        return NSAPI_IPv6_BYTES;
    }
    return 0;
}

bool nsapi_impl_socket_address_is_nonzero(const nsapi_socket_address_t *address)
{
    size_t length = addr_length(&address->addr);
    size_t i;

    for (i = 0; i < length; i++) {
        if (address->addr.bytes[i] != 0u) {
            return true;
        }
    }
    return false;
}

bool nsapi_impl_socket_address_equals(const nsapi_socket_address_t *address,
                                      const nsapi_socket_address_t *other)
{
    /* As in Mbed, every "no address" is equal, whatever version or port. */
    if (!nsapi_impl_socket_address_is_nonzero(address) &&
        !nsapi_impl_socket_address_is_nonzero(other)) {
        return true;
    }
    if (address->addr.version != other->addr.version || address->port != other->port) {
        return false;
    }
    return memcmp(address->addr.bytes, other->addr.bytes, addr_length(&address->addr)) == 0;
}
