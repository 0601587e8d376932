/*
 * The text form of an impaired link's settings, "loss=10,delay=5,seed=1",
 * for NSAPI_IMPAIR and command lines: strict, so that a typing mistake is
 * an error rather than a link quietly left faithful.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "nsapi/lwip.h"

#define ITEM_MAX 64

enum unit { PERCENT, COUNT };

struct field {
    const char *name;
    enum unit unit;
    unsigned long max;
};

static const struct field fields[] = {
    {"loss", PERCENT, 10000},      {"reorder", PERCENT, 10000}, {"duplicate", PERCENT, 10000},
    {"corrupt", PERCENT, 10000},   {"delay", COUNT, 10000},     {"blackhole", COUNT, LONG_MAX},
    {"seed", COUNT, UINT_MAX},     {"queue", COUNT, 4096},
};
#define FIELDS (sizeof fields / sizeof fields[0])

/* Digits into *value, at most max; false on anything else (no sign, no spaces, no overflow). */
static bool whole(const char *s, size_t n, unsigned long max, unsigned long *value)
{
    size_t i;

    *value = 0;
    if (n == 0) {
        return false;
    }
    for (i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]) || *value > (max - (unsigned long)(s[i] - '0')) / 10) {
            return false;
        }
        *value = *value * 10 + (unsigned long)(s[i] - '0');
    }
    return true;
}

/* A percentage with up to two decimals ("10", "0.5", "12.25") into hundredths. */
static bool percent(const char *s, size_t n, unsigned long *value)
{
    const char *dot = memchr(s, '.', n);
    unsigned long units, hundredths = 0;
    size_t decimals = dot != NULL ? n - (size_t)(dot - s) - 1 : 0;

    if (!whole(s, dot != NULL ? (size_t)(dot - s) : n, 100, &units)
        || (dot != NULL && (decimals == 0 || decimals > 2 || !whole(dot + 1, decimals, 99, &hundredths)))) {
        return false;
    }
    hundredths *= decimals == 1 ? 10 : 1;
    *value = units * 100 + hundredths;
    return *value <= 10000;
}

static void store(nsapi_lwip_impairment_t *out, size_t field, unsigned long value)
{
    unsigned *rates[] = {&out->loss, &out->reorder, &out->duplicate, &out->corrupt, &out->delay_ms};

    if (field < sizeof rates / sizeof rates[0]) {
        *rates[field] = (unsigned)value;
    } else if (field == 5) {
        out->blackhole_ms = (long)value;
    } else if (field == 6) {
        out->seed = (unsigned)value;
    } else {
        out->queue = (unsigned)value;
    }
}

/* One item "name=value" of n characters into out; false if malformed or seen already. */
static bool item(const char *s, size_t n, nsapi_lwip_impairment_t *out, unsigned *seen)
{
    const char *eq = memchr(s, '=', n);
    unsigned long value;
    size_t f, name;

    if (eq == NULL) {
        return false;
    }
    name = (size_t)(eq - s);
    for (f = 0; f < FIELDS; f++) {
        if (strlen(fields[f].name) == name && memcmp(fields[f].name, s, name) == 0) {
            break;
        }
    }
    if (f == FIELDS || (*seen & (1u << f)) != 0) {
        return false;
    }
    if (!(fields[f].unit == PERCENT ? percent(eq + 1, n - name - 1, &value)
                                    : whole(eq + 1, n - name - 1, fields[f].max, &value))
        || (f == 7 && value == 0)) {
        return false;
    }
    *seen |= 1u << f;
    store(out, f, value);
    return true;
}

nsapi_error_t nsapi_lwip_impairment_parse(const char *text, nsapi_lwip_impairment_t *out, const char **bad)
{
    const char *s = text;
    unsigned seen = 0;

    if (bad != NULL) {
        *bad = NULL;
    }
    if (text == NULL || out == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    memset(out, 0, sizeof *out);
    out->blackhole_ms = -1;
    out->seed = 1;
    out->queue = 256;
    while (*s != '\0') {
        size_t n = strcspn(s, ",");

        if (n > ITEM_MAX || !item(s, n, out, &seen)) {
            if (bad != NULL) {
                *bad = s;
            }
            return NSAPI_ERROR_PARAMETER;
        }
        s += n + (s[n] == ',');
    }
    return NSAPI_ERROR_OK;
}
