"""Peers for the TLS suites that openssl s_server cannot play: python3 tls_peer.py MODE ADDRESS PORT CERTDIR.

stall     accept TCP and never answer (a handshake that stalls)
garbage   answer the ClientHello with bytes that are not TLS records
cut       read the ClientHello, then close TCP (the handshake cut)
truncate  complete the handshake, send "partial", close TCP without close_notify
echo      complete the handshake, echo every byte until close_notify, answer it

It serves one client, then exits; it prints "ready" once listening.
"""

import socket
import ssl
import sys
import time


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
