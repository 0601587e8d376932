/*
 * CoAP messages (examples/coap/coap_codec.c) as the client reads a datagram:
 * the input is one message.  coap_decode() and the option reader it is built
 * on stay inside the bytes; what decodes has a token of at most 8 bytes and
 * a payload inside the message, and every fault reads as words.
 */
#include <string.h>

#include "coap/coap_codec.h"
#include "fuzz_target.h"

static void walk_options(const uint8_t *in, size_t size)
{
    struct coap_message m;
    struct coap_reader r;
    size_t at = 0;
    unsigned number, last = 0;
    const unsigned char *value;
    size_t length, options = 0;
    int n;

    if (coap_decode_header(in, size, &m, &at) != COAP_OK) {
        return;
    }
    FUZZ_CHECK(at <= size && m.token_length <= COAP_TOKEN_MAX);
    coap_read_options(&r, in, size, at);
    while ((n = coap_next_option(&r, &number, &value, &length)) == 1) {
        FUZZ_CHECK(++options <= size); /* each option takes a byte at least */
        FUZZ_CHECK(number >= last && number <= 65535);
        FUZZ_CHECK(value >= in && length <= size && value + length <= in + size);
        last = number;
    }
    FUZZ_CHECK(n == 0 ? r.at <= size : r.fault != COAP_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct coap_message m;
    enum coap_fault fault;
    char words[200], tiny[8];

    walk_options(data, size);
    fault = coap_decode(data, size, &m);
    if (fault == COAP_OK) {
        FUZZ_CHECK(m.token_length <= COAP_TOKEN_MAX && m.type <= COAP_RST && m.code <= 255 && m.id <= 65535);
        FUZZ_CHECK(m.payload_length == 0 || (m.payload >= data && m.payload + m.payload_length == data + size));
        FUZZ_CHECK(coap_code_name(m.code) != NULL && coap_type_name(m.type) != NULL);
    }
    FUZZ_CHECK(coap_fault_text(fault, &m, words, sizeof words) == words && strlen(words) < sizeof words);
    FUZZ_CHECK(coap_fault_text(fault, &m, tiny, sizeof tiny) == tiny && strlen(tiny) < sizeof tiny);
    return 0;
}
