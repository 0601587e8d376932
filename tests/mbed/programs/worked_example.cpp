/*
 * The overview's worked example, in our own words, written the way Mbed OS 5 programs wrote it: a
 * global EthernetInterface, connect() with no arguments, the char * get_ip_address(),
 * TCPSocket::open(&net) and connect(host, port), send and recv on plain buffers, then close and
 * disconnect.  Each Mbed call the example makes appears here in the same form.
 */
#include "mbed.h"
#include "EthernetInterface.h"

#define PAGE_HOST "developer.mbed.org"

EthernetInterface net;

/* Print what a buffer holds up to its first line end. */
static void print_first_line(const char *what, int count, const char *text)
{
    const char *end = strstr(text, "\r\n");

    printf("%s: %d bytes, first line \"%.*s\"\n", what, count, end ? (int)(end - text) : 0, text);
}

int main()
{
    printf("bringing up Ethernet\n");
    int up = net.connect();
    const char *address = net.get_ip_address();
    printf("connect: %d, address: %s\n", up, address ? address : "none");

    TCPSocket socket;
    socket.open(&net);
    int connected = socket.connect(PAGE_HOST, 80);
    printf("TCP connect to " PAGE_HOST ": %d\n", connected);

    char request[] = "GET / HTTP/1.1\r\nHost: " PAGE_HOST "\r\nConnection: close\r\n\r\n";
    int sent = socket.send(request, sizeof request - 1);
    print_first_line("sent", sent, request);

    char reply[64] = {0};
    int got = socket.recv(reply, sizeof reply - 1);
    print_first_line("received", got, got > 0 ? reply : "");

    socket.close();
    net.disconnect();
    printf("finished\n");
    return got > 0 ? 0 : 1;
}
