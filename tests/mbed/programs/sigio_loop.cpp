/*
 * Non-blocking sockets driven by sigio and an event loop of the program's own (Mbed programs use
 * an EventQueue; the pattern is the same): the callback only posts an event, the loop does the
 * work.  A TCP client bound to a member function, a UDP socket to a lambda; both talk to the echo
 * service.  Every wait is bounded.
 */
#include <condition_variable>
#include <mutex>

#include "mbed.h"

#ifndef MBED_CONF_APP_ECHO_HOST
#error "build with -DMBED_CONF_APP_ECHO_HOST=\"name\""
#endif

/* Events posted from sigio, taken by the loop. */
class EventFlags {
public:
    void post()
    {
        std::lock_guard<std::mutex> hold(_lock);
        _count++;
        _cond.notify_one();
    }
    /* Wait for an event, at most ms; whether one came. */
    bool wait(int ms)
    {
        std::unique_lock<std::mutex> hold(_lock);
        bool got = _cond.wait_for(hold, std::chrono::milliseconds(ms), [this] { return _count > 0; });
        _count = 0;
        return got;
    }

private:
    std::mutex _lock;
    std::condition_variable _cond;
    int _count = 0;
};

class EchoClient {
public:
    explicit EchoClient(EventFlags &flags) : _flags(flags) {}

    void on_sigio() { _flags.post(); }

    bool run(NetworkInterface *net, const SocketAddress &peer)
    {
        _socket.open(net);
        _socket.set_blocking(false);
        _socket.sigio(callback(this, &EchoClient::on_sigio));
        nsapi_error_t err = _socket.connect(peer);
        for (int i = 0; i < 50 && err != NSAPI_ERROR_IS_CONNECTED && err != NSAPI_ERROR_OK; i++) {
            if (err != NSAPI_ERROR_IN_PROGRESS && err != NSAPI_ERROR_ALREADY && err != NSAPI_ERROR_WOULD_BLOCK) {
                break;
            }
            _flags.wait(100);
            err = _socket.connect(peer);
        }
        printf("non-blocking connect: %s\n", err == NSAPI_ERROR_IS_CONNECTED || err == NSAPI_ERROR_OK ? "done" : "failed");
        const char text[] = "event driven";
        bool ok = _socket.send(text, sizeof text - 1) == sizeof text - 1;
        char buf[64];
        size_t got = 0;
        for (int i = 0; ok && i < 50 && got < sizeof text - 1; i++) {
            nsapi_size_or_error_t n = _socket.recv(buf + got, sizeof buf - got);
            if (n == NSAPI_ERROR_WOULD_BLOCK) {
                _flags.wait(100);  // sigio comes when the echo arrives
            } else if (n > 0) {
                got += n;
            } else {
                break;
            }
        }
        ok = ok && got == sizeof text - 1 && memcmp(buf, text, got) == 0;
        printf("TCP echo by sigio: %s\n", ok ? "ok" : "wrong");
        _socket.sigio(nullptr);
        _socket.close();
        return ok;
    }

private:
    EventFlags &_flags;
    TCPSocket _socket;
};

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (!net || net->connect() != NSAPI_ERROR_OK) {
        printf("no network\n");
        return 1;
    }
    SocketAddress peer;
    net->gethostbyname(MBED_CONF_APP_ECHO_HOST, &peer);
    peer.set_port(7);
    EventFlags flags;
    EchoClient client(flags);
    bool ok = client.run(net, peer);

    UDPSocket udp;
    udp.open(net);
    udp.set_blocking(false);
    EventFlags *udp_flags = &flags;
    udp.sigio([udp_flags] { udp_flags->post(); });
    bool udp_ok = false;
    for (int attempt = 0; attempt < 3 && !udp_ok; attempt++) {
        udp.sendto(peer, "datagram", 8);
        for (int i = 0; i < 20 && !udp_ok; i++) {
            char buf[16];
            nsapi_size_or_error_t n = udp.recvfrom(nullptr, buf, sizeof buf);
            if (n == NSAPI_ERROR_WOULD_BLOCK) {
                flags.wait(50);
            } else {
                udp_ok = n == 8 && memcmp(buf, "datagram", 8) == 0;
            }
        }
    }
    printf("UDP echo by sigio: %s\n", udp_ok ? "ok" : "wrong");
    udp.sigio(nullptr);
    udp.close();
    net->disconnect();
    ok = ok && udp_ok;
    printf("%s\n", ok ? "Done" : "FAILED");
    return ok ? 0 : 1;
}
