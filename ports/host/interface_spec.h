/*
 * An interface spec's text ("lwip-tap:NAME", "lwip-loop", "posix",
 * "posix:NAME") read into what it names; nsapi/default_interface.h
 * documents the forms.
 */
#ifndef NSAPI_HOST_INTERFACE_SPEC_H
#define NSAPI_HOST_INTERFACE_SPEC_H

#include "nsapi/nsapi.h"

typedef enum nsapi_host_kind {
    NSAPI_HOST_LWIP_TAP,
    NSAPI_HOST_LWIP_LOOP,
    NSAPI_HOST_POSIX,
} nsapi_host_kind_t;

typedef struct nsapi_host_spec {
    nsapi_host_kind_t kind;
    /* The device ("" for lwip-loop and for posix's default route). */
    char name[NSAPI_INTERFACE_NAME_SIZE];
} nsapi_host_spec_t;

/*
 * Read text into *spec.  Returns NSAPI_ERROR_OK, or NSAPI_ERROR_PARAMETER
 * for NULL or anything but the four forms (an empty or too long NAME
 * included).
 */
nsapi_error_t nsapi_host_spec_parse(const char *text, nsapi_host_spec_t *spec);

#endif
