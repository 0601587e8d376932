"""A TLS client that makes its handshake in stages, each released by a line on stdin, so that a case can
watch a TLSSocket server's handshake while it waits for its client:
python3 tls_step_client.py ADDRESS PORT CA

It connects at once and prints "connected".  Then, a line each:
half   sends the first half of its ClientHello, prints "half sent";
rest   sends the rest, reads the server's answer until its own reply is ready, prints "flight read";
reply  sends its reply (key exchange, Finished), reads the server's Finished, prints "done", sends
       "ping" over TLS and prints "ping sent".
The name tls.test and the chain are checked.  It exits 0 once the server closes, 1 on any failure.
"""

import socket
import ssl
import sys

TIMEOUT = 10  # seconds for any one wait


def expect(word):
    line = sys.stdin.readline().strip()
    if line != word:
        raise SystemExit(f"expected {word!r} on stdin, got {line!r}")


def say(text):
    print(text, flush=True)


def pump_until_reply(conn, tls, incoming, outgoing):
    """Read the server's flight until the handshake has our reply ready (or is done)."""
    for _ in range(100):
        try:
            tls.do_handshake()
            return
        except ssl.SSLWantReadError:
            if outgoing.pending:
                return
        data = conn.recv(65536)
        if not data:
            raise SystemExit("the server closed during the handshake")
        incoming.write(data)
    raise SystemExit("no reply after 100 reads")


def main(address, port, ca):
    context = ssl.create_default_context(cafile=ca)
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = context.wrap_bio(incoming, outgoing, server_hostname="tls.test")
    conn = socket.create_connection((address, int(port)), timeout=TIMEOUT)
    say("connected")
    try:
        tls.do_handshake()
    except ssl.SSLWantReadError:
        pass
    hello = outgoing.read()
    expect("half")
    conn.sendall(hello[:len(hello) // 2])
    say("half sent")
    expect("rest")
    conn.sendall(hello[len(hello) // 2:])
    pump_until_reply(conn, tls, incoming, outgoing)
    say("flight read")
    expect("reply")
    conn.sendall(outgoing.read())
    pump_until_reply(conn, tls, incoming, outgoing)
    tls.do_handshake()  # raises unless the server's Finished came
    conn.sendall(outgoing.read())
    say("done")
    tls.write(b"ping")
    conn.sendall(outgoing.read())
    say("ping sent")
    while conn.recv(65536):
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
