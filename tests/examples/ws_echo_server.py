"""A WebSocket echo server on Debian's python3-websockets (asyncio): every message comes back,
binary messages in one frame, text messages of more than 10 characters in fragments of 10 (so that
a client reassembles them).  Before its first echo it pings the client and waits for the pong with
the same payload, closing with status 1011 when none comes within 5 s.  No keep-alive pings, no
compression; messages up to 1 MiB.

usage: python3 ws_echo_server.py ADDRESS PORT [CERT KEY]   (with CERT and KEY: wss://, python3's ssl)
"""

import asyncio
import ssl
import sys

import websockets


async def echo(ws):
    pong = await ws.ping(b"server ping")
    try:
        await asyncio.wait_for(pong, 5)
    except asyncio.TimeoutError:
        await ws.close(1011, "no pong")
        return
    async for message in ws:
        if isinstance(message, str) and len(message) > 10:
            await ws.send([message[i:i + 10] for i in range(0, len(message), 10)])
        else:
            await ws.send(message)


async def main(address, port, cert=None, key=None):
    context = None
    if cert is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
    async with websockets.serve(echo, address, port, max_size=2 ** 20, ping_interval=None, compression=None,
                                ssl=context):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:5]))
