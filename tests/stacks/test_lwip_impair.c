/*
 * The impairment layer alone (stacks/lwip/netif_impair.c), driven with
 * numbered frames on a clock of the test's own: what it reports it did
 * matches its rates within bounds, and the frames that come out show it
 * (changed bytes, changed order, copies, delays); every frame is accounted
 * for, and a seed repeats a run.  ASan's leak check covers the memory.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "nsapi/lwip.h"

#define FRAMES 20000
#define LENGTH 100

struct sink {
    unsigned count;
    unsigned long order[2 * FRAMES]; /* the numbers of the frames that came out, in turn */
    unsigned changed;                /* frames whose bytes differ from what was sent */
};

static void number(unsigned char *frame, unsigned long n)
{
    unsigned i;

    for (i = 0; i < LENGTH; i++) {
        frame[i] = (unsigned char)(i < 4 ? n >> (8 * i) : n * 7 + i);
    }
}

static void collect(void *context, const unsigned char *frame, size_t length)
{
    struct sink *sink = context;
    unsigned char expected[LENGTH];
    unsigned long n = (unsigned long)frame[0] | (unsigned long)frame[1] << 8 | (unsigned long)frame[2] << 16;

    cr_assert_eq(length, LENGTH);
    cr_assert_lt(sink->count, 2 * FRAMES);
    number(expected, n);
    sink->changed += memcmp(expected, frame, LENGTH) != 0;
    sink->order[sink->count++] = n;
}

static nsapi_lwip_impairment_t parsed(const char *text)
{
    nsapi_lwip_impairment_t c;

    cr_assert_eq(nsapi_lwip_impairment_parse(text, &c, NULL), NSAPI_ERROR_OK, "%s", text);
    return c;
}

/* Pass FRAMES numbered frames one ms apart, then release everything; the counters. */
static nsapi_lwip_impair_counters_t run(const char *text, struct sink *sink)
{
    nsapi_lwip_impairment_t c = parsed(text);
    nsapi_lwip_impair_t *link;
    nsapi_lwip_impair_counters_t counters;
    unsigned char frame[LENGTH];
    uint64_t now = 1000;
    long wait = 0;
    unsigned long i;

    memset(sink, 0, sizeof *sink);
    cr_assert_eq(nsapi_lwip_impair_create(&c, now, &link), NSAPI_ERROR_OK);
    for (i = 0; i < FRAMES; i++, now++) {
        number(frame, i);
        cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_OUT, frame, LENGTH, now, collect, sink),
                     NSAPI_ERROR_OK);
        cr_assert_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_OUT, now, collect, sink, &wait),
                     NSAPI_ERROR_OK);
    }
    for (i = 0; i < 100 && wait >= 0; i++) { /* bounded: the longest hold is the delay and 20 ms */
        now += (uint64_t)wait;
        cr_assert_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_OUT, now, collect, sink, &wait),
                     NSAPI_ERROR_OK);
    }
    cr_assert_eq(wait, -1, "frames still held");
    cr_assert_eq(nsapi_lwip_impair_counters(link, NSAPI_LWIP_IMPAIR_OUT, &counters), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK);
    cr_assert_eq(counters.frames, FRAMES);
    cr_assert_eq(sink->count, counters.frames - counters.dropped + counters.duplicated - counters.overflowed,
                 "every frame accounted for");
    return counters;
}

/* A square root without libm, near enough for a bound. */
static double root(double x)
{
    double r = x > 1 ? x : 1;
    int i;

    for (i = 0; i < 40; i++) {
        r = (r + x / r) / 2;
    }
    return r;
}

/* rate (hundredths of a percent) of FRAMES, within 4 standard deviations. */
static void near(unsigned long count, double rate, const char *what)
{
    double expected = FRAMES * rate / 10000.0, spread = 4 * root(expected) + 1;

    cr_expect(count >= expected - spread && count <= expected + spread, "%s: %lu, expected about %.0f", what, count,
              expected);
}

static unsigned inversions(const struct sink *sink)
{
    unsigned i, n = 0;

    for (i = 1; i < sink->count; i++) {
        n += sink->order[i] < sink->order[i - 1];
    }
    return n;
}

static struct sink a, b;

Test(lwip_impair, a_faithful_link_passes_every_frame_at_once_in_order)
{
    nsapi_lwip_impair_counters_t c = run("", &a);

    cr_expect_eq(a.count, FRAMES);
    cr_expect_eq(c.dropped + c.reordered + c.duplicated + c.corrupted + c.delayed + c.overflowed, 0);
    cr_expect_eq(inversions(&a), 0);
    cr_expect_eq(a.changed, 0);
}

Test(lwip_impair, the_counts_match_the_rates_and_the_frames_show_them)
{
    nsapi_lwip_impair_counters_t c = run("loss=10,reorder=25,duplicate=2,corrupt=1,delay=5,seed=7", &a);

    near(c.dropped, 1000, "dropped");
    near(c.duplicated, 0.9 * 200, "duplicated");   /* of the frames not lost */
    near(c.corrupted, 0.9 * 100, "corrupted");
    cr_expect_gt(c.reordered, FRAMES / 10, "reordered: %lu", c.reordered);
    cr_expect_eq(c.delayed, a.count, "every frame out was delayed");
    cr_expect_eq(c.overflowed, 0);
    cr_expect(a.changed >= c.corrupted && a.changed <= c.corrupted + c.duplicated,
              "a frame out changed for each corruption (and its duplicate, if any): %u for %lu", a.changed, c.corrupted);
    cr_expect_geq(inversions(&a), c.reordered / 2, "the order changed: %u inversions", inversions(&a));
}

Test(lwip_impair, corruption_changes_a_byte_past_the_ethernet_header)
{
    nsapi_lwip_impair_counters_t c = run("corrupt=100", &a);
    unsigned char frame[LENGTH], copy[LENGTH];
    nsapi_lwip_impair_t *link;
    nsapi_lwip_impairment_t cfg = parsed("corrupt=100,seed=3");
    unsigned i, differing = 0;

    cr_expect_eq(c.corrupted, FRAMES);
    cr_expect_eq(a.changed, FRAMES);
    cr_assert_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_OK);
    number(frame, 1);
    memcpy(copy, frame, LENGTH);
    cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, LENGTH, 0, collect, &b), NSAPI_ERROR_OK);
    for (i = 0; i < LENGTH; i++) {
        differing += frame[i] != copy[i];
        cr_expect(i >= 14 || frame[i] == copy[i], "byte %u of the Ethernet header changed", i);
    }
    cr_expect_eq(differing, 1);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK);
}

Test(lwip_impair, a_seed_repeats_a_run_and_another_seed_does_not)
{
    nsapi_lwip_impair_counters_t c1 = run("loss=10,reorder=25,duplicate=2,seed=5", &a);
    nsapi_lwip_impair_counters_t c2 = run("loss=10,reorder=25,duplicate=2,seed=5", &b);

    cr_expect_eq(memcmp(&c1, &c2, sizeof c1), 0);
    cr_expect_eq(a.count, b.count);
    cr_expect_eq(memcmp(a.order, b.order, a.count * sizeof a.order[0]), 0);
    run("loss=10,reorder=25,duplicate=2,seed=6", &b);
    cr_expect(a.count != b.count || memcmp(a.order, b.order, a.count * sizeof a.order[0]) != 0);
}

Test(lwip_impair, a_delayed_frame_waits_its_delay)
{
    nsapi_lwip_impairment_t cfg = parsed("delay=30");
    nsapi_lwip_impair_t *link;
    unsigned char frame[LENGTH];
    long wait;

    memset(&a, 0, sizeof a);
    number(frame, 9);
    cr_assert_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, LENGTH, 100, collect, &a), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_IN, 110, collect, &a, &wait), NSAPI_ERROR_OK);
    cr_expect_eq(a.count, 0);
    cr_expect_eq(wait, 20);
    cr_assert_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_OUT, 110, collect, &a, &wait), NSAPI_ERROR_OK);
    cr_expect_eq(wait, -1, "the other direction holds nothing");
    cr_assert_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_IN, 130, collect, &a, &wait), NSAPI_ERROR_OK);
    cr_expect_eq(a.count, 1);
    cr_expect_eq(wait, -1);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK);
}

Test(lwip_impair, a_blackhole_drops_everything_while_on)
{
    nsapi_lwip_impairment_t cfg = parsed("blackhole=50");
    nsapi_lwip_impair_t *link;
    nsapi_lwip_impair_counters_t c;
    unsigned char frame[LENGTH];
    uint64_t t;

    memset(&a, 0, sizeof a);
    number(frame, 1);
    cr_assert_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_OK);
    for (t = 0; t < 100; t++) { /* on from 50 ms */
        cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, LENGTH, t, collect, &a),
                     NSAPI_ERROR_OK);
    }
    cr_expect_eq(a.count, 50);
    cr_assert_eq(nsapi_lwip_impair_set_blackhole(link, false), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, LENGTH, t, collect, &a), NSAPI_ERROR_OK);
    cr_expect_eq(a.count, 51, "switched off");
    cr_assert_eq(nsapi_lwip_impair_set_blackhole(link, true), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_OUT, frame, LENGTH, t, collect, &a), NSAPI_ERROR_OK);
    cr_expect_eq(a.count, 51, "switched on, both ways");
    cr_assert_eq(nsapi_lwip_impair_counters(link, NSAPI_LWIP_IMPAIR_IN, &c), NSAPI_ERROR_OK);
    cr_expect_eq(c.dropped, 50);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK);
}

Test(lwip_impair, a_full_queue_drops_and_counts)
{
    nsapi_lwip_impairment_t cfg = parsed("delay=10,queue=4");
    nsapi_lwip_impair_t *link;
    nsapi_lwip_impair_counters_t c;
    unsigned char frame[LENGTH];
    unsigned i;

    memset(&a, 0, sizeof a);
    number(frame, 1);
    cr_assert_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_OK);
    for (i = 0; i < 6; i++) {
        cr_assert_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_OUT, frame, LENGTH, 0, collect, &a),
                     NSAPI_ERROR_OK);
    }
    cr_assert_eq(nsapi_lwip_impair_counters(link, NSAPI_LWIP_IMPAIR_OUT, &c), NSAPI_ERROR_OK);
    cr_expect_eq(c.delayed, 4);
    cr_expect_eq(c.overflowed, 2);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK); /* with frames held: ASan sees no leak */
}

Test(lwip_impair, the_text_form_is_strict)
{
    static const char *const bad[] = {"loss", "loss=", "loss=101", "loss=1.234", "loss=-1", "loss=1.", "drop=5",
                                      "loss=5,loss=6", "delay=10001", "queue=0", "queue=4097", "loss=5,,delay=1",
                                      "seed=99999999999", "loss=5 ", " loss=5", "loss=0x10"};
    nsapi_lwip_impairment_t c = parsed("loss=12.5,reorder=0.25,duplicate=2,corrupt=1,delay=5,blackhole=0,seed=9,queue=8");
    const char *where;
    size_t i;

    cr_expect_eq(c.loss, 1250);
    cr_expect_eq(c.reorder, 25);
    cr_expect_eq(c.duplicate, 200);
    cr_expect_eq(c.corrupt, 100);
    cr_expect_eq(c.delay_ms, 5);
    cr_expect_eq(c.blackhole_ms, 0);
    cr_expect_eq(c.seed, 9);
    cr_expect_eq(c.queue, 8);
    c = parsed("");
    cr_expect_eq(c.blackhole_ms, -1, "never");
    cr_expect_eq(c.queue, 256);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_expect_eq(nsapi_lwip_impairment_parse(bad[i], &c, &where), NSAPI_ERROR_PARAMETER, "%s", bad[i]);
        cr_expect_not_null(where, "%s: no item named", bad[i]);
    }
    cr_expect_eq(nsapi_lwip_impairment_parse("loss=5,drop=1", &c, &where), NSAPI_ERROR_PARAMETER);
    cr_expect_str_eq(where, "drop=1");
    cr_expect_eq(nsapi_lwip_impairment_parse(NULL, &c, NULL), NSAPI_ERROR_PARAMETER);
}

Test(lwip_impair, bad_arguments_are_refused)
{
    nsapi_lwip_impairment_t cfg = parsed("");
    nsapi_lwip_impair_t *link;
    nsapi_lwip_impair_counters_t c;
    nsapi_stack_t stack = {0};
    unsigned char frame[NSAPI_LWIP_IMPAIR_FRAME_MAX + 1] = {0};
    long wait;

    cr_expect_eq(nsapi_lwip_impair_create(NULL, 0, &link), NSAPI_ERROR_PARAMETER);
    cfg.loss = 10001;
    cr_expect_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_PARAMETER);
    cfg.loss = 0;
    cr_assert_eq(nsapi_lwip_impair_create(&cfg, 0, &link), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, 0, 0, collect, &a), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_pass(link, NSAPI_LWIP_IMPAIR_IN, frame, sizeof frame, 0, collect, &a),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_pass(link, (nsapi_lwip_impair_direction_t)2, frame, 10, 0, collect, &a),
                 NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_release(link, NSAPI_LWIP_IMPAIR_IN, 0, collect, &a, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_release(NULL, NSAPI_LWIP_IMPAIR_IN, 0, collect, &a, &wait), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_counters(link, NSAPI_LWIP_IMPAIR_IN, NULL), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_counters(NULL, NSAPI_LWIP_IMPAIR_IN, &c), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_set_blackhole(NULL, true), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_impair_destroy(NULL), NSAPI_ERROR_PARAMETER);
    cr_assert_eq(nsapi_lwip_init(&stack), NSAPI_ERROR_OK);
    cr_expect_eq(nsapi_lwip_tap_impair("nosuchtap", &cfg), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_tap_impair(NULL, &cfg), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_tap_blackhole("nosuchtap", true), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_tap_impair_counters("nosuchtap", NSAPI_LWIP_IMPAIR_IN, &c), NSAPI_ERROR_PARAMETER);
    cr_expect_eq(nsapi_lwip_deinit(&stack), NSAPI_ERROR_OK);
    cr_assert_eq(nsapi_lwip_impair_destroy(link), NSAPI_ERROR_OK);
}
