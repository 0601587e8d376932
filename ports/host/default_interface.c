/*
 * The host's default interface: one stack and one interface, made from the
 * spec in effect on the first call and kept until released.  The only code
 * of the project that names both backends.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "interface_spec.h"
#include "nsapi/default_interface.h"
#include "nsapi/lwip.h"
#include "nsapi/posix.h"

#ifndef NSAPI_DEFAULT_INTERFACE
#define NSAPI_DEFAULT_INTERFACE "posix" /* no privileges needed, on any host */
#endif

/* Longest spec text: "lwip-tap:" and a name. */
#define SPEC_SIZE (sizeof "lwip-tap:" + NSAPI_INTERFACE_NAME_SIZE)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char selected[SPEC_SIZE]; /* "" when none was selected */
static nsapi_error_t last_error;
static nsapi_host_kind_t made_kind;
static int has_stack, has_interface;
static nsapi_stack_t stack;
static nsapi_interface_t interface;

/* The spec in effect; the caller holds the lock. */
static const char *spec_text(void)
{
    const char *env = getenv("NSAPI_INTERFACE");

    if (selected[0] != '\0') {
        return selected;
    }
    return env != NULL ? env : NSAPI_DEFAULT_INTERFACE;
}

nsapi_error_t nsapi_default_interface_select(const char *spec)
{
    nsapi_host_spec_t parsed;
    nsapi_error_t err = NSAPI_ERROR_OK;

    if (spec != NULL && nsapi_host_spec_parse(spec, &parsed) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_PARAMETER; /* a valid spec is shorter than SPEC_SIZE */
    }
    pthread_mutex_lock(&lock);
    if (has_stack) {
        err = NSAPI_ERROR_BUSY;
    } else if (spec == NULL) {
        selected[0] = '\0';
    } else {
        memcpy(selected, spec, strlen(spec) + 1);
    }
    pthread_mutex_unlock(&lock);
    return err;
}

const char *nsapi_default_interface_spec(void)
{
    const char *text;

    pthread_mutex_lock(&lock);
    text = spec_text();
    pthread_mutex_unlock(&lock);
    return text;
}

/* Release the stack; the caller holds the lock and the interface is gone. */
static nsapi_error_t release_stack(void)
{
    nsapi_error_t err = made_kind == NSAPI_HOST_POSIX ? nsapi_posix_deinit(&stack) : nsapi_lwip_deinit(&stack);

    if (err == NSAPI_ERROR_OK) {
        has_stack = 0;
    }
    return err;
}

/* The interface over the spec's device, on a stack initialised already. */
static nsapi_error_t make_interface(const nsapi_host_spec_t *spec)
{
    switch (spec->kind) {
    case NSAPI_HOST_LWIP_TAP:
        return nsapi_lwip_ethernet_init(&interface, &stack, spec->name);
    case NSAPI_HOST_LWIP_LOOP:
        return nsapi_lwip_loopback_init(&interface, &stack);
    default:
        return nsapi_posix_interface_init(&interface, &stack, spec->name[0] != '\0' ? spec->name : NULL);
    }
}

/* The impairment NSAPI_IMPAIR asks of the spec's interface into *out, *wanted false when it is unset
 * or empty; *bad the malformed item when it is malformed. */
static nsapi_error_t impairment_of(const nsapi_host_spec_t *spec, nsapi_lwip_impairment_t *out, const char **bad,
                                   bool *wanted)
{
    const char *text = getenv("NSAPI_IMPAIR");

    *bad = NULL;
    *wanted = text != NULL && text[0] != '\0';
    if (!*wanted) {
        return NSAPI_ERROR_OK;
    }
    if (nsapi_lwip_impairment_parse(text, out, bad) != NSAPI_ERROR_OK) {
        return NSAPI_ERROR_PARAMETER;
    }
    return spec->kind == NSAPI_HOST_LWIP_TAP ? NSAPI_ERROR_OK : NSAPI_ERROR_UNSUPPORTED; /* only lwIP's TAP link is ours */
}

/* Impair the new interface's link as NSAPI_IMPAIR says. */
static nsapi_error_t impair(const nsapi_host_spec_t *spec)
{
    nsapi_lwip_impairment_t impairment;
    const char *bad;
    bool wanted;
    nsapi_error_t err = impairment_of(spec, &impairment, &bad, &wanted);

    if (err != NSAPI_ERROR_OK || !wanted) {
        return err;
    }
    return nsapi_lwip_tap_impair(spec->name, &impairment);
}

/* Make the stack and the interface the spec names; the caller holds the lock. */
static nsapi_error_t make(const nsapi_host_spec_t *spec)
{
    nsapi_error_t err;

    memset(&stack, 0, sizeof stack);
    memset(&interface, 0, sizeof interface);
    made_kind = spec->kind;
    err = spec->kind == NSAPI_HOST_POSIX ? nsapi_posix_init(&stack) : nsapi_lwip_init(&stack);
    if (err != NSAPI_ERROR_OK) {
        return err;
    }
    has_stack = 1;
    err = make_interface(spec);
    if (err == NSAPI_ERROR_OK && (err = impair(spec)) != NSAPI_ERROR_OK) {
        (void)nsapi_interface_deinit(&interface);
    }
    if (err != NSAPI_ERROR_OK) {
        (void)release_stack(); /* nothing is open on it yet */
        return err;
    }
    has_interface = 1;
    return NSAPI_ERROR_OK;
}

nsapi_interface_t *nsapi_default_interface(void)
{
    nsapi_interface_t *result = NULL;
    nsapi_host_spec_t spec;

    pthread_mutex_lock(&lock);
    if (has_interface) {
        last_error = NSAPI_ERROR_OK;
        result = &interface;
    } else if (has_stack) {
        last_error = NSAPI_ERROR_BUSY; /* a release is half done: its stack still has sockets */
    } else {
        last_error = nsapi_host_spec_parse(spec_text(), &spec);
        if (last_error == NSAPI_ERROR_OK) {
            last_error = make(&spec);
        }
        result = last_error == NSAPI_ERROR_OK ? &interface : NULL;
    }
    pthread_mutex_unlock(&lock);
    return result;
}

nsapi_error_t nsapi_default_interface_impairment(const char **bad)
{
    nsapi_host_spec_t spec;
    nsapi_lwip_impairment_t impairment;
    const char *item;
    bool wanted;
    nsapi_error_t err;

    pthread_mutex_lock(&lock);
    err = nsapi_host_spec_parse(spec_text(), &spec);
    pthread_mutex_unlock(&lock);
    if (err == NSAPI_ERROR_OK) {
        err = impairment_of(&spec, &impairment, &item, &wanted);
    } else {
        err = NSAPI_ERROR_OK; /* the spec's own error is nsapi_default_interface()'s to give */
        item = NULL;
    }
    if (bad != NULL) {
        *bad = item;
    }
    return err;
}

nsapi_error_t nsapi_default_interface_error(void)
{
    nsapi_error_t err;

    pthread_mutex_lock(&lock);
    err = last_error;
    pthread_mutex_unlock(&lock);
    return err;
}

nsapi_error_t nsapi_default_interface_release(void)
{
    nsapi_error_t err = NSAPI_ERROR_OK;

    pthread_mutex_lock(&lock);
    if (!has_stack) {
        err = NSAPI_ERROR_NO_CONNECTION;
    } else if (has_interface) {
        err = nsapi_interface_deinit(&interface);
        has_interface = err != NSAPI_ERROR_OK;
    }
    if (err == NSAPI_ERROR_OK) {
        err = release_stack();
    }
    pthread_mutex_unlock(&lock);
    return err;
}
