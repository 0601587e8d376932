/*
 * A fault-injecting link between a netif and its device: loss, reordering,
 * duplication, corruption, delay and a blackhole, decided per frame by a
 * seeded generator so that runs repeat.  The kernel here has no netem, so
 * the tests impair lwIP's side of the TAP device with this.
 *
 * Each direction is a lane: a ring of slots for delayed frames, in the order
 * they fall due (the delay is the same for every frame), and one slot for a
 * frame held back to be overtaken.  All memory is allocated when the link is
 * made; a frame is copied into a slot only when it has to wait.
 */
#include <stdlib.h>
#include <string.h>

#include "nsapi/lwip.h"

#define RATE_MAX 10000u         /* hundredths of a percent */
#define DELAY_MAX 10000u        /* ms */
#define QUEUE_MAX 4096u
#define REORDER_HOLD_MS 20u     /* longest a held-back frame waits for another to overtake it */
#define LANES 2

struct slot {
    uint64_t due;
    size_t length;
    unsigned char frame[NSAPI_LWIP_IMPAIR_FRAME_MAX];
};

struct lane {
    uint64_t rng;
    struct slot *ring;
    unsigned head, count;
    struct slot held; /* due: when it goes alone, nothing having overtaken it */
    bool holding;
    nsapi_lwip_impair_counters_t counters;
};

struct nsapi_lwip_impair {
    nsapi_lwip_impairment_t config;
    uint64_t blackhole_at; /* UINT64_MAX: never */
    bool blackhole;
    struct lane lanes[LANES];
    struct slot slots[]; /* each lane's ring, config.queue slots each */
};

/* splitmix64: small, fast, and a good spread from consecutive seeds. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* true with probability rate / RATE_MAX; a rate of 0 draws nothing, so it does not shift the other decisions. */
static bool chance(struct lane *lane, unsigned rate)
{
    return rate != 0 && next_random(&lane->rng) % RATE_MAX < rate;
}

static bool valid(const nsapi_lwip_impairment_t *c)
{
    return c->loss <= RATE_MAX && c->reorder <= RATE_MAX && c->duplicate <= RATE_MAX && c->corrupt <= RATE_MAX
           && c->delay_ms <= DELAY_MAX && c->queue >= 1 && c->queue <= QUEUE_MAX && c->blackhole_ms >= -1;
}

nsapi_error_t nsapi_lwip_impair_create(const nsapi_lwip_impairment_t *impairment, uint64_t now_ms,
                                       nsapi_lwip_impair_t **out)
{
    nsapi_lwip_impair_t *impair;
    unsigned i;

    if (impairment == NULL || out == NULL || !valid(impairment)) {
        return NSAPI_ERROR_PARAMETER;
    }
    impair = calloc(1, sizeof *impair + (size_t)LANES * impairment->queue * sizeof(struct slot));
    if (impair == NULL) {
        return NSAPI_ERROR_NO_MEMORY;
    }
    impair->config = *impairment;
    impair->blackhole_at = impairment->blackhole_ms < 0 ? UINT64_MAX : now_ms + (uint64_t)impairment->blackhole_ms;
    for (i = 0; i < LANES; i++) {
        impair->lanes[i].rng = (uint64_t)impairment->seed * 2 + i; /* each direction its own sequence */
        impair->lanes[i].ring = &impair->slots[i * impairment->queue];
    }
    *out = impair;
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_impair_destroy(nsapi_lwip_impair_t *impair)
{
    if (impair == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    free(impair);
    return NSAPI_ERROR_OK;
}

/* Change one byte past the Ethernet header (where a checksum covers it), to a different value. */
static void corrupt(struct lane *lane, unsigned char *frame, size_t length)
{
    uint64_t r = next_random(&lane->rng);
    size_t from = length > 14 ? 14 : 0;

    frame[from + (size_t)(r % (length - from))] ^= (unsigned char)(1u + (r >> 32) % 255u);
}

/* Send the frame on: at once when nothing waits and there is no delay, else into the ring. */
static void forward(nsapi_lwip_impair_t *impair, struct lane *lane, const unsigned char *frame, size_t length,
                    uint64_t now, nsapi_lwip_impair_emit_t emit, void *context)
{
    struct slot *slot;

    if (impair->config.delay_ms == 0 && lane->count == 0) {
        emit(context, frame, length);
        return;
    }
    if (lane->count == impair->config.queue) {
        lane->counters.overflowed++;
        return;
    }
    slot = &lane->ring[(lane->head + lane->count++) % impair->config.queue];
    slot->due = now + impair->config.delay_ms;
    slot->length = length;
    memcpy(slot->frame, frame, length);
    lane->counters.delayed += impair->config.delay_ms != 0;
}

static bool dead(const nsapi_lwip_impair_t *impair, uint64_t now)
{
    return impair->blackhole || now >= impair->blackhole_at;
}

/* A frame the link keeps: dropped (true), or changed as the rates say (false, with the copies to send). */
static bool impair_one(nsapi_lwip_impair_t *impair, struct lane *lane, unsigned char *frame, size_t length,
                       uint64_t now, unsigned *copies)
{
    lane->counters.frames++;
    if (dead(impair, now) || chance(lane, impair->config.loss)) {
        lane->counters.dropped++;
        return true;
    }
    if (chance(lane, impair->config.corrupt)) {
        corrupt(lane, frame, length);
        lane->counters.corrupted++;
    }
    *copies = 1;
    if (chance(lane, impair->config.duplicate)) {
        lane->counters.duplicated++;
        *copies = 2;
    }
    return false;
}

static bool valid_lane(const nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction)
{
    return impair != NULL && (direction == NSAPI_LWIP_IMPAIR_IN || direction == NSAPI_LWIP_IMPAIR_OUT);
}

nsapi_error_t nsapi_lwip_impair_pass(nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                     unsigned char *frame, size_t length, uint64_t now_ms,
                                     nsapi_lwip_impair_emit_t emit, void *context)
{
    struct lane *lane;
    unsigned copies;
    bool held_now = false;

    if (!valid_lane(impair, direction) || frame == NULL || emit == NULL || length == 0
        || length > NSAPI_LWIP_IMPAIR_FRAME_MAX) {
        return NSAPI_ERROR_PARAMETER;
    }
    lane = &impair->lanes[direction];
    if (impair_one(impair, lane, frame, length, now_ms, &copies)) {
        return NSAPI_ERROR_OK;
    }
    if (!lane->holding && chance(lane, impair->config.reorder)) {
        lane->holding = held_now = true; /* a duplicate, if any, goes on now: the copy held arrives after it */
        lane->held.due = now_ms + impair->config.delay_ms + REORDER_HOLD_MS;
        lane->held.length = length;
        memcpy(lane->held.frame, frame, length);
        if (--copies == 0) {
            return NSAPI_ERROR_OK;
        }
    }
    while (copies-- > 0) {
        forward(impair, lane, frame, length, now_ms, emit, context);
    }
    if (lane->holding && !held_now) {
        lane->holding = false; /* overtaken by this frame: it follows */
        lane->counters.reordered++;
        forward(impair, lane, lane->held.frame, lane->held.length, now_ms, emit, context);
    }
    return NSAPI_ERROR_OK;
}

/* The held-back frame, nothing having overtaken it in time: it goes on, late but in order. */
static void let_go(nsapi_lwip_impair_t *impair, struct lane *lane, uint64_t now, nsapi_lwip_impair_emit_t emit,
                   void *context)
{
    if (lane->holding && now >= lane->held.due) {
        lane->holding = false;
        forward(impair, lane, lane->held.frame, lane->held.length, now, emit, context);
    }
}

nsapi_error_t nsapi_lwip_impair_release(nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                        uint64_t now_ms, nsapi_lwip_impair_emit_t emit, void *context,
                                        long *wait_ms)
{
    struct lane *lane;
    uint64_t next = UINT64_MAX;

    if (!valid_lane(impair, direction) || emit == NULL || wait_ms == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    lane = &impair->lanes[direction];
    let_go(impair, lane, now_ms, emit, context);
    while (lane->count > 0 && lane->ring[lane->head].due <= now_ms) {
        struct slot *slot = &lane->ring[lane->head];

        lane->head = (lane->head + 1) % impair->config.queue;
        lane->count--;
        emit(context, slot->frame, slot->length); /* the slot stays unused until this returns */
    }
    if (lane->count > 0) {
        next = lane->ring[lane->head].due;
    }
    if (lane->holding && lane->held.due < next) {
        next = lane->held.due;
    }
    *wait_ms = next == UINT64_MAX ? -1 : (long)(next - now_ms);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_impair_set_blackhole(nsapi_lwip_impair_t *impair, bool on)
{
    if (impair == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    impair->blackhole = on;
    if (!on) {
        impair->blackhole_at = UINT64_MAX; /* off means off, whatever blackhole_ms said */
    }
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_lwip_impair_counters(const nsapi_lwip_impair_t *impair, nsapi_lwip_impair_direction_t direction,
                                         nsapi_lwip_impair_counters_t *out)
{
    if (!valid_lane(impair, direction) || out == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    *out = impair->lanes[direction].counters;
    return NSAPI_ERROR_OK;
}
