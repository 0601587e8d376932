/* Every example's usage: asked for with --help, shown short after bad usage. */
#ifndef EXAMPLE_USAGE_H
#define EXAMPLE_USAGE_H

/* Whether argv asks for the usage: --help or -h anywhere in it (even as another option's value). */
int example_help_asked(int argc, char **argv);

/*
 * Print the usage of the program argv0 names (its last path component
 * only): "usage: NAME [--interface SPEC] [INTERFACE OPTIONS] ARGUMENTS".
 * For --help (help 1) on stdout, followed by options (the program's own
 * lines, each argument and option with its default) and the interface
 * options with theirs; returns 0.  For bad usage (help 0) on
 * stderr, followed by a pointer to --help; returns 2.  Either is the exit
 * code.
 */
int example_usage(const char *argv0, const char *arguments, const char *options, int help);

#endif
