/*
 * Behaviour tests for SocketAddress: parsing and printing of addresses,
 * the binary setters, and Mbed's zero and equality rules.  Only the public
 * nsapi_socket_address_* functions are called.
 */

#include <string.h>

#include <criterion/criterion.h>

#include "nsapi/socket_address.h"

/* ---- helpers ----------------------------------------------------------- */

static nsapi_socket_address_t zero_address(void)
{
    nsapi_socket_address_t a;

    memset(&a, 0, sizeof a);
    return a;
}

/* Parse text (which must be accepted) and return what get_ip_address prints. */
static const char *round_trip(const char *text)
{
    static char buffer[NSAPI_IP_SIZE];
    nsapi_socket_address_t a = zero_address();
    nsapi_size_or_error_t length;

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, text), NSAPI_ERROR_OK,
                 "\"%s\" should be accepted", text);
    length = nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer);
    cr_assert_geq(length, 0, "\"%s\" should print", text);
    cr_assert_eq((size_t)length, strlen(buffer), "length of \"%s\"", buffer);
    return buffer;
}

static void assert_prints(const char *text, const char *expected)
{
    cr_assert_str_eq(round_trip(text), expected, "\"%s\" printed", text);
}

static void assert_bytes(const nsapi_socket_address_t *a, const uint8_t *expected)
{
    cr_assert_arr_eq(nsapi_socket_address_get_ip_bytes(a), expected, NSAPI_IP_BYTES);
}

static void assert_empty(const nsapi_socket_address_t *a)
{
    static const uint8_t zeros[NSAPI_IP_BYTES];

    cr_assert_eq(nsapi_socket_address_get_ip_version(a), NSAPI_UNSPEC);
    assert_bytes(a, zeros);
}

static void set_v6(nsapi_socket_address_t *a, const char *text)
{
    cr_assert_eq(nsapi_socket_address_set_ip_address(a, text), NSAPI_ERROR_OK, "%s", text);
    cr_assert_eq(nsapi_socket_address_get_ip_version(a), NSAPI_IPv6, "%s", text);
}

/* ---- the empty object -------------------------------------------------- */

Test(socket_address_empty, zero_object_is_unspec)
{
    nsapi_socket_address_t a = zero_address();
    char buffer[NSAPI_IP_SIZE];

    memset(buffer, 'x', sizeof buffer);
    assert_empty(&a);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 0);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer),
                 NSAPI_ERROR_NO_ADDRESS);
    cr_assert_str_eq(buffer, "");
}

Test(socket_address_empty, no_address_with_one_byte_buffer)
{
    nsapi_socket_address_t a = zero_address();
    char buffer[2] = {'x', 'y'};

    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, 1), NSAPI_ERROR_NO_ADDRESS);
    cr_assert_eq(buffer[0], '\0');
    cr_assert_eq(buffer[1], 'y');
}

/* ---- IPv4 -------------------------------------------------------------- */

Test(socket_address_ipv4, round_trips)
{
    static const char *const cases[] = {
        "0.0.0.0", "1.2.3.4", "127.0.0.1", "255.255.255.255", "10.0.100.9",
        "192.168.1.254", "0.10.200.0",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_prints(cases[i], cases[i]);
    }
}

Test(socket_address_ipv4, bytes_and_port)
{
    static const uint8_t expected[NSAPI_IP_BYTES] = {192, 0, 2, 33};
    nsapi_socket_address_t a = zero_address();

    /* Leave junk in the tail so the test sees it cleared. */
    memset(a.addr.bytes, 0xaa, sizeof a.addr.bytes);
    cr_assert_eq(nsapi_socket_address_set_port(&a, 8080), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "192.0.2.33"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv4);
    assert_bytes(&a, expected);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 8080);
    cr_assert_eq(nsapi_socket_address_get_ip_bytes(&a), (const void *)a.addr.bytes);
}

Test(socket_address_ipv4, leading_zeros_rejected)
{
    static const char *const cases[] = {
        "01.2.3.4", "1.02.3.4", "1.2.003.4", "1.2.3.04", "00.0.0.0", "0.0.0.00", "000.1.1.1",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nsapi_socket_address_t a = zero_address();

        cr_assert_eq(nsapi_socket_address_set_ip_address(&a, cases[i]), NSAPI_ERROR_PARAMETER,
                     "\"%s\" should be rejected", cases[i]);
        assert_empty(&a);
    }
}

/* ---- IPv6 shapes ------------------------------------------------------- */

Test(socket_address_ipv6, compression_shapes)
{
    assert_prints("::", "::");
    assert_prints("::1", "::1");
    assert_prints("1::", "1::");
    assert_prints("1::2", "1::2");
    assert_prints("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8");
    assert_prints("0:0:0:0:0:0:0:0", "::");
    assert_prints("0:0:0:0:0:0:0:1", "::1");
    assert_prints("0000:0000::0001", "::1");
    assert_prints("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1");
}

Test(socket_address_ipv6, bytes_of_full_form)
{
    static const uint8_t expected[NSAPI_IP_BYTES] = {
        0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29,
    };
    nsapi_socket_address_t a = zero_address();

    set_v6(&a, "2001:db8::ff00:42:8329");
    assert_bytes(&a, expected);
    set_v6(&a, "2001:0db8:0000:0000:0000:ff00:0042:8329");
    assert_bytes(&a, expected);
}

Test(socket_address_ipv6, double_colon_may_stand_for_one_group)
{
    assert_prints("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0");
    assert_prints("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8");
    assert_prints("1:2:3::5:6:7:8", "1:2:3:0:5:6:7:8");
    assert_prints("1234:5678:9abc:def0:1234:5678::def0", "1234:5678:9abc:def0:1234:5678:0:def0");
}

Test(socket_address_ipv6, upper_case_printed_lower_case)
{
    assert_prints("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789", "abcd:ef01:2345:6789:abcd:ef01:2345:6789");
    assert_prints("FE80::A:bC:Def", "fe80::a:bc:def");
    assert_prints("::FFFF:1.2.3.4", "::ffff:1.2.3.4");
}

Test(socket_address_ipv6, dotted_tails)
{
    static const uint8_t mapped[NSAPI_IP_BYTES] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4,
    };
    nsapi_socket_address_t a = zero_address();

    set_v6(&a, "::ffff:1.2.3.4");
    assert_bytes(&a, mapped);
    assert_prints("::ffff:1.2.3.4", "::ffff:1.2.3.4");
    assert_prints("0:0:0:0:0:ffff:102:304", "::ffff:1.2.3.4");
    assert_prints("::ffff:0.0.0.0", "::ffff:0.0.0.0");
    assert_prints("::ffff:0:0", "::ffff:0.0.0.0");
    assert_prints("::ffff:255.255.255.255", "::ffff:255.255.255.255");
    /* IPv4-compatible addresses are deprecated; RFC 5952 prints them in hex. */
    assert_prints("::1.2.3.4", "::102:304");
    assert_prints("::0.0.1.0", "::100");
    assert_prints("::0.0.0.1", "::1");
    assert_prints("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304");
    assert_prints("1::1.2.3.4", "1::102:304");
    assert_prints("1:2:3:4:5::1.2.3.4", "1:2:3:4:5:0:102:304");
    /* Not the mapped prefix: ffff sits in another group. */
    assert_prints("ffff::1.2.3.4", "ffff::102:304");
    assert_prints("::ffff:0:1.2.3.4", "::ffff:0:102:304");
}

Test(socket_address_ipv6, longest_run_and_first_on_tie)
{
    assert_prints("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1");
    assert_prints("1:0:0:2:0:0:0:3", "1:0:0:2::3");
    assert_prints("1:0:0:0:2:0:0:3", "1::2:0:0:3");
    assert_prints("0:0:1:0:0:1:0:0", "::1:0:0:1:0:0");
    assert_prints("1:0:0:1:0:0:1:1", "1::1:0:0:1:1");
    assert_prints("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0");
    assert_prints("0:1:0:1:0:1:0:1", "0:1:0:1:0:1:0:1");
    assert_prints("1:2:3:4:5:6:0:0", "1:2:3:4:5:6::");
    assert_prints("0:0:1:2:3:4:5:6", "::1:2:3:4:5:6");
}

Test(socket_address_ipv6, no_leading_zeros_in_groups)
{
    static const uint8_t bytes[NSAPI_IP_BYTES] = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
        0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    };
    nsapi_socket_address_t a = zero_address();
    char buffer[NSAPI_IP_SIZE];

    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, bytes, NSAPI_IPv6), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer), 29);
    cr_assert_str_eq(buffer, "1:203:405:607:809:a0b:c0d:e0f");
    assert_prints("0010:0100:1000:000f:00f0:0f00:f000:0000", "10:100:1000:f:f0:f00:f000:0");
}

Test(socket_address_ipv6, longest_text_fits_ip_size)
{
    nsapi_socket_address_t a = zero_address();
    char buffer[NSAPI_IP_SIZE];

    set_v6(&a, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer), 39);
    cr_assert_str_eq(buffer, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    assert_prints("::ffff:255.255.255.255", "::ffff:255.255.255.255");
}

/* ---- rejections -------------------------------------------------------- */

Test(socket_address_reject, non_addresses_clear_ip_and_keep_port)
{
    static const char *const cases[] = {
        "1::2::3", ":1::", ":::", "1:2:3:4:5:6:7:8:9", "12345::1", "fe80::1%eth0", "[::1]",
        " 1.2.3.4", "1.2.3.4 ", "", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "localhost",
        /* and a few more near misses */
        ":", "1", "1:", "1::2:", ":1", "1:::2", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7", "::1.2.3", "::1.2.3.4.5", "::1.2.3.4:1",
        "1.2.3.4::", "::01.2.3.4", "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4:5:6::1.2.3.4", "::ffff:1.2.3.4:5", "::fffff:1.2.3.4", "::g", "0x1.2.3.4",
        "1.2.3.4.", ".1.2.3.4", "-1.2.3.4", "+1.2.3.4", "1.2.3.-4", "\t::1", "::1\n",
        "::1 ", "::G", "g::", "::1\xc2\xa0", "\xef\xbc\x91.2.3.4", "1.2.3.4/24", "::1/128", "1.2.3.4:80", "[::1]:80", "::%1", "::a.b.c.d",
        "1234.1.1.1", "1.2.3.1234", "4294967297.0.0.0", "1.2.3.999",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nsapi_socket_address_t a = zero_address();

        cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "10.20.30.40"), NSAPI_ERROR_OK);
        cr_assert_eq(nsapi_socket_address_set_port(&a, 4242), NSAPI_ERROR_OK);
        cr_assert_eq(nsapi_socket_address_set_ip_address(&a, cases[i]), NSAPI_ERROR_PARAMETER,
                     "\"%s\" should be rejected", cases[i]);
        assert_empty(&a);
        cr_assert_eq(nsapi_socket_address_get_port(&a), 4242, "port after \"%s\"", cases[i]);
    }
}

Test(socket_address_reject, previous_ipv6_is_cleared)
{
    nsapi_socket_address_t a = zero_address();

    set_v6(&a, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "1.2.3.4x"), NSAPI_ERROR_PARAMETER);
    assert_empty(&a);
}

Test(socket_address_reject, ipv4_after_ipv6_clears_tail)
{
    static const uint8_t expected[NSAPI_IP_BYTES] = {9, 8, 7, 6};
    nsapi_socket_address_t a = zero_address();

    set_v6(&a, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "9.8.7.6"), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv4);
    assert_bytes(&a, expected);
}

Test(socket_address_reject, long_input_is_read_to_nul_only)
{
    /* A long run of zeros has no length limit of its own but fails on the fifth digit. */
    char text[300];
    nsapi_socket_address_t a = zero_address();

    memset(text, '0', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, text), NSAPI_ERROR_PARAMETER);
    memcpy(text, "::", 2);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, text), NSAPI_ERROR_PARAMETER);
    assert_empty(&a);
}

/* ---- buffer sizes ------------------------------------------------------ */

#define CANARY 0x5a

/* Print text's address into a canary-filled array of which only size bytes are offered. */
static nsapi_size_or_error_t print_into(const char *text, char *array, size_t array_size,
                                        nsapi_size_t size)
{
    nsapi_socket_address_t a = zero_address();

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, text), NSAPI_ERROR_OK);
    memset(array, CANARY, array_size);
    return nsapi_socket_address_get_ip_address(&a, array, size);
}

static void assert_canaries_from(const char *array, size_t from, size_t array_size)
{
    size_t i;

    for (i = from; i < array_size; i++) {
        cr_assert_eq((unsigned char)array[i], CANARY, "byte %zu was written", i);
    }
}

Test(socket_address_buffer, exact_fit_and_one_short)
{
    static const char *const cases[] = {
        "1.2.3.4", "255.255.255.255", "::", "::1", "2001:db8::1",
        "::ffff:192.168.100.200", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char array[NSAPI_IP_SIZE + 8];
        nsapi_size_t length = (nsapi_size_t)strlen(cases[i]);

        /* Exact fit: text plus NUL. */
        cr_assert_eq(print_into(cases[i], array, sizeof array, length + 1),
                     (nsapi_size_or_error_t)length, "%s", cases[i]);
        cr_assert_str_eq(array, cases[i]);
        assert_canaries_from(array, length + 1, sizeof array);

        /* One byte short: nothing but an empty string. */
        cr_assert_eq(print_into(cases[i], array, sizeof array, length), NSAPI_ERROR_NO_MEMORY,
                     "%s", cases[i]);
        cr_assert_eq(array[0], '\0');
        assert_canaries_from(array, 1, sizeof array);

        /* The smallest buffer the wrapper lets through. */
        cr_assert_eq(print_into(cases[i], array, sizeof array, 1), NSAPI_ERROR_NO_MEMORY);
        cr_assert_eq(array[0], '\0');
        assert_canaries_from(array, 1, sizeof array);
    }
}

Test(socket_address_buffer, ipv4_size_is_enough_for_ipv4)
{
    char array[NSAPI_IPv4_SIZE + 4];

    cr_assert_eq(print_into("255.255.255.255", array, sizeof array, NSAPI_IPv4_SIZE), 15);
    cr_assert_str_eq(array, "255.255.255.255");
    assert_canaries_from(array, NSAPI_IPv4_SIZE, sizeof array);
}

/* ---- set_ip_bytes / set_addr ------------------------------------------- */

Test(socket_address_bytes, set_ip_bytes_v4_v6_unspec)
{
    static const uint8_t v6[NSAPI_IP_BYTES] = {
        0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55,
    };
    static const uint8_t v4_source[NSAPI_IP_BYTES] = {
        10, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 1, 1, 1, 1, 1, 1, 1, 1,
    };
    static const uint8_t v4_expected[NSAPI_IP_BYTES] = {10, 0, 0, 1};
    nsapi_socket_address_t a = zero_address();
    char buffer[NSAPI_IP_SIZE];

    cr_assert_eq(nsapi_socket_address_set_port(&a, 53), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, v6, NSAPI_IPv6), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv6);
    assert_bytes(&a, v6);
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer), 24);
    cr_assert_str_eq(buffer, "fe80::211:22ff:fe33:4455");

    /* Only four bytes are read for IPv4; the rest of the object is zeroed. */
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, v4_source, NSAPI_IPv4), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv4);
    assert_bytes(&a, v4_expected);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 53);

    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, v6, NSAPI_UNSPEC), NSAPI_ERROR_OK);
    assert_empty(&a);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 53);
}

Test(socket_address_bytes, set_ip_bytes_from_itself)
{
    nsapi_socket_address_t a = zero_address();
    static const uint8_t expected[NSAPI_IP_BYTES] = {0x20, 0x01, 0x0d, 0xb8};

    set_v6(&a, "2001:db8::1");
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, nsapi_socket_address_get_ip_bytes(&a),
                                                   NSAPI_IPv4), NSAPI_ERROR_OK);
    assert_bytes(&a, expected);
}

Test(socket_address_bytes, set_ip_bytes_reads_exactly_four)
{
    /* A 4-byte object: ASan would notice a longer read. */
    static const uint8_t four[NSAPI_IPv4_BYTES] = {1, 2, 3, 4};
    nsapi_socket_address_t a = zero_address();

    char buffer[NSAPI_IP_SIZE];

    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, four, NSAPI_IPv4), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, sizeof buffer), 7);
    cr_assert_str_eq(buffer, "1.2.3.4");
}

Test(socket_address_bytes, set_addr_semantics)
{
    nsapi_socket_address_t a = zero_address();
    nsapi_addr_t addr;
    nsapi_addr_t got;
    static const uint8_t v4_expected[NSAPI_IP_BYTES] = {172, 16, 0, 1};

    cr_assert_eq(nsapi_socket_address_set_port(&a, 7), NSAPI_ERROR_OK);

    memset(&addr, 0x77, sizeof addr);
    addr.version = NSAPI_IPv4;
    memcpy(addr.bytes, v4_expected, NSAPI_IPv4_BYTES);
    cr_assert_eq(nsapi_socket_address_set_addr(&a, &addr), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv4);
    assert_bytes(&a, v4_expected);

    got = nsapi_socket_address_get_addr(&a);
    cr_assert_eq(got.version, NSAPI_IPv4);
    cr_assert_arr_eq(got.bytes, v4_expected, NSAPI_IP_BYTES);

    memset(addr.bytes, 0xab, sizeof addr.bytes);
    addr.version = NSAPI_IPv6;
    cr_assert_eq(nsapi_socket_address_set_addr(&a, &addr), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv6);
    assert_bytes(&a, addr.bytes);

    addr.version = NSAPI_UNSPEC;
    cr_assert_eq(nsapi_socket_address_set_addr(&a, &addr), NSAPI_ERROR_OK);
    assert_empty(&a);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 7);
}

Test(socket_address_bytes, set_addr_from_itself)
{
    nsapi_socket_address_t a = zero_address();
    nsapi_socket_address_t before;

    set_v6(&a, "2001:db8::77");
    before = a;
    cr_assert_eq(nsapi_socket_address_set_addr(&a, &a.addr), NSAPI_ERROR_OK);
    cr_assert(nsapi_socket_address_equals(&a, &before));
}

Test(socket_address_bytes, set_addr_unknown_version_changes_nothing)
{
    static const int bad_versions[] = {3, -1, 255, 0x7fffffff};
    nsapi_socket_address_t a = zero_address();
    nsapi_socket_address_t before;
    size_t i;

    set_v6(&a, "fe80::1");
    cr_assert_eq(nsapi_socket_address_set_port(&a, 99), NSAPI_ERROR_OK);
    before = a;
    for (i = 0; i < sizeof bad_versions / sizeof bad_versions[0]; i++) {
        nsapi_addr_t addr;

        memset(&addr, 0x11, sizeof addr);
        addr.version = (nsapi_version_t)bad_versions[i];
        cr_assert_eq(nsapi_socket_address_set_addr(&a, &addr), NSAPI_ERROR_PARAMETER);
        cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv6);
        assert_bytes(&a, before.addr.bytes);
        cr_assert_eq(nsapi_socket_address_get_port(&a), 99);
    }
}

Test(socket_address_bytes, set_ip_bytes_unknown_version_rejected)
{
    static const uint8_t bytes[NSAPI_IP_BYTES] = {1};
    nsapi_socket_address_t a = zero_address();

    set_v6(&a, "fe80::1");
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, bytes, (nsapi_version_t)3),
                 NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv6);
}

/* ---- is_nonzero -------------------------------------------------------- */

Test(socket_address_nonzero, cases)
{
    nsapi_socket_address_t a = zero_address();

    cr_assert_eq(nsapi_socket_address_set_port(&a, 80), NSAPI_ERROR_OK);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "0.0.0.0"), NSAPI_ERROR_OK);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "::"), NSAPI_ERROR_OK);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "0:0:0:0:0:0:0:0"), NSAPI_ERROR_OK);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));

    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "127.0.0.1"), NSAPI_ERROR_OK);
    cr_assert(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "::1"), NSAPI_ERROR_OK);
    cr_assert(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "0.0.0.1"), NSAPI_ERROR_OK);
    cr_assert(nsapi_socket_address_is_nonzero(&a));
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, "8000::"), NSAPI_ERROR_OK);
    cr_assert(nsapi_socket_address_is_nonzero(&a));
}

Test(socket_address_nonzero, only_meaningful_bytes_count)
{
    /* Bytes past an IPv4 address, or in an UNSPEC one, are not the address. */
    nsapi_socket_address_t a = zero_address();

    a.addr.version = NSAPI_IPv4;
    memset(&a.addr.bytes[NSAPI_IPv4_BYTES], 0xff, NSAPI_IP_BYTES - NSAPI_IPv4_BYTES);
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));
    a.addr.version = NSAPI_UNSPEC;
    cr_assert_not(nsapi_socket_address_is_nonzero(&a));
}

/* ---- equals ------------------------------------------------------------ */

static nsapi_socket_address_t make(const char *text, uint16_t port)
{
    nsapi_socket_address_t a = zero_address();

    if (text != NULL) {
        cr_assert_eq(nsapi_socket_address_set_ip_address(&a, text), NSAPI_ERROR_OK, "%s", text);
    }
    cr_assert_eq(nsapi_socket_address_set_port(&a, port), NSAPI_ERROR_OK);
    return a;
}

Test(socket_address_equals, zero_addresses_are_all_equal)
{
    nsapi_socket_address_t v4 = make("0.0.0.0", 80);
    nsapi_socket_address_t v6 = make("::", 90);
    nsapi_socket_address_t none = make(NULL, 0);
    nsapi_socket_address_t none_port = make(NULL, 1234);

    cr_assert(nsapi_socket_address_equals(&v4, &v6));
    cr_assert(nsapi_socket_address_equals(&v6, &v4));
    cr_assert(nsapi_socket_address_equals(&v4, &none));
    cr_assert(nsapi_socket_address_equals(&none, &v6));
    cr_assert(nsapi_socket_address_equals(&none, &none_port));
    cr_assert(nsapi_socket_address_equals(&none, &none));
}

Test(socket_address_equals, zero_and_nonzero_differ)
{
    nsapi_socket_address_t zero = make("0.0.0.0", 80);
    nsapi_socket_address_t one = make("0.0.0.1", 80);
    nsapi_socket_address_t none = make(NULL, 80);

    cr_assert_not(nsapi_socket_address_equals(&zero, &one));
    cr_assert_not(nsapi_socket_address_equals(&one, &zero));
    cr_assert_not(nsapi_socket_address_equals(&one, &none));
    cr_assert_not(nsapi_socket_address_equals(&none, &one));
}

Test(socket_address_equals, versions_ports_and_bytes)
{
    nsapi_socket_address_t v4 = make("127.0.0.1", 80);
    nsapi_socket_address_t mapped = make("::ffff:127.0.0.1", 80);
    nsapi_socket_address_t v4_again = make("127.0.0.1", 80);
    nsapi_socket_address_t v4_other_port = make("127.0.0.1", 81);
    nsapi_socket_address_t v4_other = make("127.0.0.2", 80);
    nsapi_socket_address_t v6 = make("2001:db8::1", 443);
    nsapi_socket_address_t v6_long = make("2001:0DB8:0:0:0:0:0:0001", 443);
    nsapi_socket_address_t v6_other = make("2001:db8::2", 443);

    cr_assert_not(nsapi_socket_address_equals(&v4, &mapped));
    cr_assert(nsapi_socket_address_equals(&v4, &v4_again));
    cr_assert(nsapi_socket_address_equals(&v4, &v4));
    cr_assert_not(nsapi_socket_address_equals(&v4, &v4_other_port));
    cr_assert_not(nsapi_socket_address_equals(&v4, &v4_other));
    cr_assert(nsapi_socket_address_equals(&v6, &v6_long));
    cr_assert_not(nsapi_socket_address_equals(&v6, &v6_other));
}

Test(socket_address_equals, ipv4_ignores_stale_tail_bytes)
{
    nsapi_socket_address_t a = make("10.0.0.1", 1);
    nsapi_socket_address_t b = make("10.0.0.1", 1);

    memset(&b.addr.bytes[NSAPI_IPv4_BYTES], 0xee, NSAPI_IP_BYTES - NSAPI_IPv4_BYTES);
    cr_assert(nsapi_socket_address_equals(&a, &b));
}

/* ---- NULL arguments of the public functions ---------------------------- */

Test(socket_address_null, setters_return_parameter)
{
    static const uint8_t bytes[NSAPI_IP_BYTES] = {1, 2, 3, 4};
    nsapi_socket_address_t a = make("1.2.3.4", 5);
    nsapi_addr_t addr;

    memset(&addr, 0, sizeof addr);
    cr_assert_eq(nsapi_socket_address_set_ip_address(NULL, "1.2.3.4"), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_ip_address(&a, NULL), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(NULL, bytes, NSAPI_IPv4), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_ip_bytes(&a, NULL, NSAPI_IPv4), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_addr(NULL, &addr), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_addr(&a, NULL), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_set_port(NULL, 1), NSAPI_ERROR_PARAMETER);

    /* A NULL argument changes nothing, unlike bad text. */
    cr_assert_eq(nsapi_socket_address_get_ip_version(&a), NSAPI_IPv4);
    assert_bytes(&a, bytes);
    cr_assert_eq(nsapi_socket_address_get_port(&a), 5);
}

Test(socket_address_null, getters_answer_neutral_values)
{
    nsapi_socket_address_t a = make("1.2.3.4", 5);
    char buffer[NSAPI_IP_SIZE] = "untouched";
    nsapi_addr_t addr = nsapi_socket_address_get_addr(NULL);
    static const uint8_t zeros[NSAPI_IP_BYTES];

    cr_assert_eq(nsapi_socket_address_get_ip_address(NULL, buffer, sizeof buffer),
                 NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, NULL, sizeof buffer),
                 NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_socket_address_get_ip_address(&a, buffer, 0), NSAPI_ERROR_PARAMETER);
    cr_assert_str_eq(buffer, "untouched");

    cr_assert_null(nsapi_socket_address_get_ip_bytes(NULL));
    cr_assert_eq(nsapi_socket_address_get_ip_version(NULL), NSAPI_UNSPEC);
    cr_assert_eq(addr.version, NSAPI_UNSPEC);
    cr_assert_arr_eq(addr.bytes, zeros, NSAPI_IP_BYTES);
    cr_assert_eq(nsapi_socket_address_get_port(NULL), 0);
    cr_assert_not(nsapi_socket_address_is_nonzero(NULL));
    cr_assert_not(nsapi_socket_address_equals(NULL, &a));
    cr_assert_not(nsapi_socket_address_equals(&a, NULL));
    cr_assert_not(nsapi_socket_address_equals(NULL, NULL));
}
