#include <string.h>

#include "interface_spec.h"

/* text without prefix into spec->name; 1 to NSAPI_INTERFACE_NAME_SIZE - 1 characters, no ':'. */
static nsapi_error_t take_name(const char *text, size_t prefix, nsapi_host_spec_t *spec)
{
    const char *name = text + prefix;
    size_t length = strlen(name);

    if (length == 0 || length >= sizeof spec->name || strchr(name, ':') != NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    memcpy(spec->name, name, length + 1);
    return NSAPI_ERROR_OK;
}

nsapi_error_t nsapi_host_spec_parse(const char *text, nsapi_host_spec_t *spec)
{
    static const char tap[] = "lwip-tap:", posix[] = "posix:";

    if (text == NULL || spec == NULL) {
        return NSAPI_ERROR_PARAMETER;
    }
    memset(spec, 0, sizeof *spec);
    if (strcmp(text, "lwip-loop") == 0) {
        spec->kind = NSAPI_HOST_LWIP_LOOP;
        return NSAPI_ERROR_OK;
    }
    if (strcmp(text, "posix") == 0) {
        spec->kind = NSAPI_HOST_POSIX;
        return NSAPI_ERROR_OK;
    }
    if (strncmp(text, tap, sizeof tap - 1) == 0) {
        spec->kind = NSAPI_HOST_LWIP_TAP;
        return take_name(text, sizeof tap - 1, spec);
    }
    if (strncmp(text, posix, sizeof posix - 1) == 0) {
        spec->kind = NSAPI_HOST_POSIX;
        return take_name(text, sizeof posix - 1, spec);
    }
    return NSAPI_ERROR_PARAMETER;
}
