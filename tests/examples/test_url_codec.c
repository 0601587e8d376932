/*
 * examples/common/url alone: a scheme prefix matched without reading or
 * pointing past a text shorter than it (the HTTP client once stepped 7 bytes
 * into "a"), and authorities as the clients take them.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "common/url.h"

/* text copied into a buffer of exactly its size, so that ASan sees any read past its end */
static char *exact(const char *text)
{
    size_t size = strlen(text) + 1;
    char *copy = malloc(size);

    cr_assert_not_null(copy);
    memcpy(copy, text, size);
    return copy;
}

Test(url_codec, prefix_of_short_texts)
{
    static const char *const shorter[] = {"", "h", "a", "http", "http:/", "https:/", "HTTP://x"};
    size_t i;

    for (i = 0; i < sizeof shorter / sizeof shorter[0]; i++) {
        char *text = exact(shorter[i]);

        cr_expect_null(example_after_prefix(text, "http://"), "\"%s\" does not start with http://", shorter[i]);
        free(text);
    }
}

Test(url_codec, prefix_matched)
{
    char *text = exact("http://");

    cr_expect_eq(example_after_prefix(text, "http://"), text + 7, "the empty rest, at the NUL");
    free(text);
    text = exact("https://host/path");
    cr_expect_eq(example_after_prefix(text, "https://"), text + 8);
    cr_expect_null(example_after_prefix(text, "http://"));
    free(text);
}

Test(url_codec, authority)
{
    char host[64];
    unsigned port = 0;
    const char *end;

    end = example_authority("example.test:8080/x", host, sizeof host, &port, 80);
    cr_assert_not_null(end);
    cr_expect_str_eq(end, "/x");
    cr_expect_str_eq(host, "example.test");
    cr_expect_eq(port, 8080);
    end = example_authority("[fd00::1]", host, sizeof host, &port, 443);
    cr_assert_not_null(end);
    cr_expect_str_eq(host, "fd00::1");
    cr_expect_eq(port, 443);
    cr_expect_null(example_authority("", host, sizeof host, &port, 80), "no host");
    cr_expect_null(example_authority("host:0", host, sizeof host, &port, 80), "port 0");
    cr_expect_null(example_authority("[fd00::1", host, sizeof host, &port, 80), "no closing bracket");
}
