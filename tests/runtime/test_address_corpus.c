/*
 * Differential test of SocketAddress against glibc.  A fixed-seed generator
 * builds well over 100,000 address strings (valid forms, near misses and
 * noise); for each one the parser must agree with inet_pton() on accept or
 * reject and on the bytes.  The formatter must print what inet_ntop()
 * prints, except for IPv4-compatible addresses (::a.b.c.d), which RFC 5952
 * prints in hex and glibc prints dotted.
 */

#define _POSIX_C_SOURCE 200112L

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/socket_address.h"

#define MAX_TEXT 64
#define MAX_REPORTS 20

/* ---- deterministic randomness (splitmix64) ----------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Uniform enough for a test: n is always tiny next to 2^64. */
static unsigned int rng_below(unsigned int n)
{
    return (unsigned int)(rng_next() % n);
}

static bool rng_chance(unsigned int one_in)
{
    return rng_below(one_in) == 0;
}

/* ---- bookkeeping ------------------------------------------------------- */

static unsigned long strings_checked;
static unsigned long strings_accepted;
static unsigned long formats_checked;
static unsigned long mismatches;

static void report(const char *what, const char *text, const char *detail)
{
    mismatches++;
    if (mismatches <= MAX_REPORTS) {
        cr_log_error("%s: \"%s\" %s", what, text, detail);
    }
}

/* ---- the oracles ------------------------------------------------------- */

/* Whether a 16-byte address is IPv4-compatible in the sense where glibc prints it dotted. */
static bool is_ipv4_compatible(const uint8_t bytes[16])
{
    static const uint8_t zeros[12];

    return memcmp(bytes, zeros, sizeof zeros) == 0 && (bytes[12] != 0 || bytes[13] != 0);
}

/* Print bytes with our formatter and compare with glibc (or the RFC 5952 rule). */
static void check_format(const uint8_t *bytes, nsapi_version_t version)
{
    nsapi_socket_address_t a;
    char ours[NSAPI_IP_SIZE];
    char theirs[INET6_ADDRSTRLEN];
    nsapi_size_or_error_t length;

    memset(&a, 0, sizeof a);
    formats_checked++;
    if (nsapi_socket_address_set_ip_bytes(&a, bytes, version) != NSAPI_ERROR_OK) {
        report("set_ip_bytes failed", "", "");
        return;
    }
    length = nsapi_socket_address_get_ip_address(&a, ours, sizeof ours);
    if (version == NSAPI_IPv6 && is_ipv4_compatible(bytes)) {
        snprintf(theirs, sizeof theirs, "::%x:%x", (unsigned int)(bytes[12] << 8 | bytes[13]),
                 (unsigned int)(bytes[14] << 8 | bytes[15]));
    } else if (inet_ntop(version == NSAPI_IPv4 ? AF_INET : AF_INET6, bytes, theirs,
                         sizeof theirs) == NULL) {
        report("inet_ntop failed", "", "");
        return;
    }
    if (length < 0 || (size_t)length != strlen(ours) || strcmp(ours, theirs) != 0) {
        report("format differs", ours, theirs);
    }
}

/*
 * Parse text with both implementations.  The text is copied to the very end
 * of a stack buffer so that reading past its NUL hits ASan's redzone.
 */
static void check_parse(const char *text)
{
    char buffer[MAX_TEXT + 1];
    size_t length = strlen(text);
    const char *copy;
    nsapi_socket_address_t a;
    uint8_t v4[4];
    uint8_t v6[16];
    bool glibc_v4;
    bool glibc_v6;
    nsapi_error_t result;

    cr_assert_leq(length, MAX_TEXT, "generated text too long");
    copy = memcpy(&buffer[sizeof buffer - length - 1], text, length + 1);
    strings_checked++;

    glibc_v4 = inet_pton(AF_INET, copy, v4) == 1;
    glibc_v6 = inet_pton(AF_INET6, copy, v6) == 1;

    /* Start from a set address, so a rejection must visibly clear it. */
    memset(&a, 0xee, sizeof a);
    a.addr.version = NSAPI_IPv6;
    a.port = 4321;
    result = nsapi_socket_address_set_ip_address(&a, copy);

    if (a.port != 4321) {
        report("port changed", text, "");
    }
    if (!glibc_v4 && !glibc_v6) {
        static const uint8_t zeros[16];

        if (result != NSAPI_ERROR_PARAMETER || a.addr.version != NSAPI_UNSPEC ||
            memcmp(a.addr.bytes, zeros, sizeof zeros) != 0) {
            report("accepted", text, "glibc rejects it");
        }
        return;
    }
    strings_accepted++;
    if (result != NSAPI_ERROR_OK) {
        report("rejected", text, "glibc accepts it");
    } else if (glibc_v4) {
        static const uint8_t zeros[12];

        if (a.addr.version != NSAPI_IPv4 || memcmp(a.addr.bytes, v4, 4) != 0 ||
            memcmp(&a.addr.bytes[4], zeros, sizeof zeros) != 0) {
            report("IPv4 bytes differ", text, "");
        }
        check_format(v4, NSAPI_IPv4);
    } else {
        if (a.addr.version != NSAPI_IPv6 || memcmp(a.addr.bytes, v6, 16) != 0) {
            report("IPv6 bytes differ", text, "");
        }
        check_format(v6, NSAPI_IPv6);
    }
}

/* ---- generators -------------------------------------------------------- */

/* Hex digits, separators, and near misses: 'g'/'G' just past 'f', zone, brackets. */
static const char alphabet[] = "0123456789abcdefABCDEFxgG:.% []";

static char random_char(void)
{
    return alphabet[rng_below(sizeof alphabet - 1)];
}

/* Append a decimal octet, now and then with a leading zero (which glibc rejects). */
static char *put_octet(char *out, unsigned int value)
{
    if (rng_chance(40)) {
        *out++ = '0';
    }
    return out + sprintf(out, "%u", value);
}

static char *put_dotted(char *out, const uint8_t bytes[4])
{
    int i;

    for (i = 0; i < 4; i++) {
        if (i > 0) {
            *out++ = '.';
        }
        out = put_octet(out, bytes[i]);
    }
    *out = '\0';
    return out;
}

/* Append a hex group in random case, padded with up to four digits' worth of zeros. */
static char *put_group(char *out, unsigned int value)
{
    char digits[8];
    int count = sprintf(digits, rng_chance(2) ? "%x" : "%X", value);
    int width = count + (int)rng_below((unsigned int)(5 - count));
    int i;

    for (i = count; i < width; i++) {
        *out++ = '0';
    }
    for (i = 0; i < count; i++) {
        char c = digits[i];

        if (rng_chance(3) && c >= 'a' && c <= 'f') {
            c = (char)(c - 'a' + 'A');
        }
        *out++ = c;
    }
    return out;
}

static unsigned int random_group(void)
{
    switch (rng_below(6)) {
    case 0:
    case 1:
    case 2:
        return 0; /* plenty of zero runs */
    case 3:
        return rng_below(16);
    case 4:
        return rng_chance(2) ? 0xffffu : 0x100u * rng_below(256);
    default:
        return rng_below(0x10000);
    }
}

static void random_ipv4(uint8_t bytes[4])
{
    int i;

    for (i = 0; i < 4; i++) {
        switch (rng_below(4)) {
        case 0:
            bytes[i] = 0;
            break;
        case 1:
            bytes[i] = 255;
            break;
        default:
            bytes[i] = (uint8_t)rng_below(256);
            break;
        }
    }
}

/* 16 random bytes biased towards zero runs and the special prefixes. */
static void random_ipv6(uint8_t bytes[16])
{
    int i;

    for (i = 0; i < 8; i++) {
        unsigned int group = random_group();

        bytes[2 * i] = (uint8_t)(group >> 8);
        bytes[2 * i + 1] = (uint8_t)group;
    }
    switch (rng_below(10)) {
    case 0: /* IPv4-mapped */
        memset(bytes, 0, 10);
        bytes[10] = bytes[11] = 0xff;
        break;
    case 1: /* IPv4-compatible, or ::x with one word */
        memset(bytes, 0, 12);
        break;
    case 2: /* almost mapped */
        memset(bytes, 0, 10);
        bytes[10] = 0xff;
        bytes[11] = (uint8_t)rng_below(256);
        break;
    default:
        break;
    }
}

static void ipv4_text(char *out)
{
    uint8_t bytes[4];

    random_ipv4(bytes);
    put_dotted(out, bytes);
}

/* Valid-looking IPv6 text: random groups, "::" anywhere, optional dotted tail. */
static void ipv6_text(char *out)
{
    uint8_t bytes[16];
    bool tail = rng_chance(4);
    int hex_groups = tail ? 6 : 8;
    int gap_start = hex_groups + 1; /* no "::" */
    int gap_end = gap_start;
    int i;

    random_ipv6(bytes);
    if (!rng_chance(4)) {
        gap_start = (int)rng_below((unsigned int)hex_groups);
        gap_end = gap_start + 1 + (int)rng_below((unsigned int)(hex_groups - gap_start));
    }
    for (i = 0; i < hex_groups; i++) {
        if (i == gap_start) {
            *out++ = ':';
            *out++ = ':';
            i = gap_end - 1;
            continue;
        }
        if (i > 0 && i != gap_end) {
            *out++ = ':';
        }
        out = put_group(out, (unsigned int)(bytes[2 * i] << 8 | bytes[2 * i + 1]));
    }
    if (tail) {
        if (gap_end != hex_groups) {
            *out++ = ':';
        }
        out = put_dotted(out, &bytes[12]);
    }
    *out = '\0';
}

static void valid_text(char *out)
{
    if (rng_chance(3)) {
        ipv4_text(out);
    } else {
        ipv6_text(out);
    }
}

/* Replace the text between [at, at + old) with insert, bounded by MAX_TEXT. */
static void splice(char *text, size_t at, size_t old, const char *insert)
{
    size_t length = strlen(text);
    size_t add = strlen(insert);

    if (at > length) {
        at = length;
    }
    if (old > length - at) {
        old = length - at;
    }
    if (length - old + add > MAX_TEXT) {
        return;
    }
    memmove(&text[at + add], &text[at + old], length - at - old + 1);
    memcpy(&text[at], insert, add);
}

/* One small damage to a valid string. */
static void mutate(char *text)
{
    static const char *const numbers[] = {"255", "256", "999", "0", "00", "01", "65535", "fffff", "10000"};
    size_t length = strlen(text);
    size_t at = length ? rng_below((unsigned int)length + 1) : 0;
    char one[2] = {0, 0};
    const char *hit;
    size_t width;

    switch (rng_below(8)) {
    case 0: /* delete a character */
        splice(text, at, 1, "");
        break;
    case 1: /* insert a character */
        one[0] = random_char();
        splice(text, at, 0, one);
        break;
    case 2: /* replace a character */
        one[0] = random_char();
        splice(text, at, 1, one);
        break;
    case 3: /* a second "::", or a colon more or less */
        splice(text, at, 0, rng_chance(2) ? "::" : ":");
        break;
    case 4: /* truncate */
        text[at] = '\0';
        break;
    case 5: /* stretch a group to five digits */
        hit = strchr(text, ':');
        splice(text, hit ? (size_t)(hit - text) : at, 0, rng_chance(2) ? "0" : "1");
        splice(text, at, 0, "0");
        break;
    case 6: /* swap in a boundary number */
        width = rng_below(4);
        splice(text, at, width, numbers[rng_below(sizeof numbers / sizeof numbers[0])]);
        break;
    default: /* extend at either end */
        at = rng_chance(2) ? 0 : length;
        splice(text, at, 0, rng_chance(2) ? ":0" : ".1");
        break;
    }
}

/* Short random strings, mostly over the alphabet, sometimes any byte but NUL. */
static void noise_text(char *out)
{
    unsigned int length = rng_below(16);
    unsigned int i;

    for (i = 0; i < length; i++) {
        out[i] = rng_chance(10) ? (char)(1 + rng_below(255)) : random_char();
    }
    out[length] = '\0';
}

/* Every "a.b.c.d" over a list of awkward decimal tokens. */
static void check_ipv4_grid(void)
{
    static const char *const tokens[] = {
        "", "0", "00", "01", "1", "09", "10", "99", "100", "199", "255", "256", "300", "999", "0255",
    };
    enum { N = sizeof tokens / sizeof tokens[0] };
    char text[MAX_TEXT + 1];
    unsigned int i;

    for (i = 0; i < N * N * N * N; i++) {
        snprintf(text, sizeof text, "%s.%s.%s.%s", tokens[i % N], tokens[i / N % N],
                 tokens[i / (N * N) % N], tokens[i / (N * N * N)]);
        check_parse(text);
    }
}

/* Short sequences of awkward IPv6 tokens joined by ":". */
static void check_ipv6_tokens(unsigned int count)
{
    static const char *const tokens[] = {
        "", "", "0", "1", "ffff", "FfFf", "0000", "00000", "12345", "1.2.3.4", "01.2.3.4", "g", "%1",
    };
    char text[MAX_TEXT + 1];
    unsigned int n;

    for (n = 0; n < count; n++) {
        unsigned int parts = 1 + rng_below(10);
        unsigned int i;

        text[0] = '\0';
        for (i = 0; i < parts; i++) {
            const char *token = tokens[rng_below(sizeof tokens / sizeof tokens[0])];

            if (strlen(text) + 1 + strlen(token) > MAX_TEXT) {
                break;
            }
            if (i > 0) {
                strcat(text, ":");
            }
            strcat(text, token);
        }
        check_parse(text);
    }
}

Test(socket_address_corpus, parser_and_formatter_agree_with_glibc, .timeout = 60)
{
    char text[MAX_TEXT + 1];
    unsigned int i;

    rng_state = 0x5eed5eed12345678u;

    check_ipv4_grid();
    check_ipv6_tokens(20000);
    for (i = 0; i < 40000; i++) {
        valid_text(text);
        check_parse(text);
    }
    for (i = 0; i < 60000; i++) {
        valid_text(text);
        mutate(text);
        if (rng_chance(3)) {
            mutate(text);
        }
        check_parse(text);
    }
    for (i = 0; i < 30000; i++) {
        noise_text(text);
        check_parse(text);
    }
    for (i = 0; i < 50000; i++) {
        uint8_t bytes[16];

        if (rng_chance(4)) {
            random_ipv4(bytes);
            check_format(bytes, NSAPI_IPv4);
        } else {
            random_ipv6(bytes);
            check_format(bytes, NSAPI_IPv6);
        }
    }

    /* Plain stderr: cr_log_info would only show with --verbose. */
    fprintf(stderr,
            "address corpus: %lu strings checked (%lu accepted by glibc), "
            "%lu formats checked, %lu mismatches\n",
            strings_checked, strings_accepted, formats_checked, mismatches);
    cr_assert_eq(mismatches, 0, "%lu disagreements with glibc", mismatches);
    cr_assert_geq(strings_checked, 100000);
    cr_assert_geq(strings_accepted, 30000);
    cr_assert_geq(formats_checked, 80000);
}
