#define _DEFAULT_SOURCE /* strncasecmp */

#include <string.h>
#include <strings.h>

#include "http_header.h"

int example_http_header(char *line, const char *name, const char **value)
{
    size_t length = strlen(name), end;

    if (strncasecmp(line, name, length) != 0 || line[length] != ':') {
        return 0;
    }
    end = strlen(line);
    while (end > length + 1 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
        line[--end] = '\0';
    }
    *value = line + length + 1 + strspn(line + length + 1, " \t");
    return 1;
}

int example_http_has_token(const char *value, const char *token)
{
    size_t length = strlen(token);

    while (*value != '\0') {
        size_t n;

        value += strspn(value, " \t,");
        n = strcspn(value, " \t,");
        if (n == length && strncasecmp(value, token, length) == 0) {
            return 1;
        }
        value += n;
    }
    return 0;
}
