#include <stdio.h>
#include <string.h>

#include "example_network.h"
#include "usage.h"

int example_help_asked(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return 1;
        }
    }
    return 0;
}

int example_usage(const char *argv0, const char *arguments, const char *options, int help)
{
    const char *slash = strrchr(argv0, '/');
    const char *name = slash != NULL ? slash + 1 : argv0; /* not the path it was run by */
    FILE *out = help ? stdout : stderr;

    fprintf(out, "usage: %s [--interface SPEC] [INTERFACE OPTIONS] %s\n", name, arguments);
    if (!help) {
        fprintf(out, "%s --help lists every option and its default\n", name);
        return 2;
    }
    fprintf(out, "%s", options);
    example_network_help(out);
    return 0;
}
