"""Peers for the TLS suites that openssl s_server cannot play: python3 tls_peer.py MODE ADDRESS PORT CERTDIR.

stall     accept TCP and never answer (a handshake that stalls)
garbage   answer the ClientHello with bytes that are not TLS records
cut       read the ClientHello, then close TCP (the handshake cut)
truncate  complete the handshake, send "partial", close TCP without close_notify
reset     complete the handshake, send half of a record, then reset TCP (SO_LINGER 0)
echo      complete the handshake, echo every byte until close_notify, answer it

It serves one client, then exits; it prints "ready" once listening.
"""

import socket
import ssl
import struct
import sys
import time


def half_record_then_reset(conn, context):
    """The handshake through memory BIOs, so that the record after it can be cut in half on the wire."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = context.wrap_bio(incoming, outgoing, server_side=True)
    for _ in range(20):
        try:
            tls.do_handshake()
            break
        except ssl.SSLWantReadError:
            conn.sendall(outgoing.read())
            incoming.write(conn.recv(65536))
    conn.sendall(outgoing.read())
    tls.write(b"x" * 4000)
    record = outgoing.read()
    conn.sendall(record[:len(record) // 2])
    time.sleep(0.2)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()  # RST, not FIN
    time.sleep(1)


def main(mode, address, port, certdir):
    listener = socket.create_server((address, int(port)))
    print("ready", flush=True)
    conn, _ = listener.accept()
    if mode == "stall":
        time.sleep(60)
    elif mode == "garbage":
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 8)
        time.sleep(60)
    elif mode == "cut":
        conn.recv(4096)
        conn.close()
    else:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(f"{certdir}/server.pem", f"{certdir}/server.key")
        if mode == "reset":
            half_record_then_reset(conn, context)
            return
        tls = context.wrap_socket(conn, server_side=True)
        if mode == "truncate":
            tls.sendall(b"partial")
            time.sleep(0.2)
            tls.shutdown(socket.SHUT_RDWR)  # TCP's FIN without close_notify
            time.sleep(1)
        else:
            while True:
                data = tls.recv(65536)
                if not data:
                    break
                tls.sendall(data)
            tls.unwrap()


if __name__ == "__main__":
    main(*sys.argv[1:])
