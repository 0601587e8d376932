/* The TSan programs' result lines (tsan_report.h). */
#include <stdio.h>

#include "tsan_report.h"

static int failures;

void report(int ok, const char *name)
{
    printf("%s %s\n", ok ? "ok" : "not ok", name);
    failures += !ok;
}

int report_status(void)
{
    return failures != 0;
}
