/*
 * What a leak check counts in this process: descriptors open, and heap in
 * use (ASan's own count under ASan, whose allocator replaces malloc's, and
 * glibc's mallinfo2 otherwise).
 */
#ifndef FAULTS_COUNTS_H
#define FAULTS_COUNTS_H

/* Bytes of heap allocated and not yet freed. */
long counts_heap(void);

/* Heap in use once it is back within slack bytes of baseline, or after 1 s: a backend may free
 * closed sockets in a thread of its own (POSIX: its event thread), which lags behind a loop of closes on
 * a busy machine. */
long counts_heap_settled(long baseline, long slack);

/* Descriptors open (the entries of /proc/self/fd, less the one that reads it). */
int counts_descriptors(void);

#endif
