/*
 * A kernel-side UDP echo (port 7) and discard (port 9) on 127.0.0.1 and
 * ::1, for the POSIX configuration: inetd's built-in UDP services refuse
 * datagrams from 127.0.0.0/8 (its guard against spoofed loops), so on the
 * host's loopback the suite brings its own, in a thread on plain kernel
 * sockets.
 */
#ifndef CONFORMANCE_UDP_PEER_H
#define CONFORMANCE_UDP_PEER_H

/* Bind the four sockets and start the thread. */
void udp_peer_start(void);

/* Stop the thread and close the sockets. */
void udp_peer_stop(void);

#endif
