/*
 * The results of the plain programs that run under ThreadSanitizer (where
 * Criterion cannot start): one "ok NAME" or "not ok NAME" line per case, as
 * tests/runner.py counts them.
 */
#ifndef NSAPI_TESTS_TSAN_REPORT_H
#define NSAPI_TESTS_TSAN_REPORT_H

/* Print the case's line: ok when ok is non-zero, not ok otherwise. */
void report(int ok, const char *name);

/* Returns the program's exit status: 0 when every case reported so far was ok, 1 otherwise. */
int report_status(void);

#endif
