"""Where the build finds lwIP's sources, and which of them it compiles.

By default: Debian's lwip source package, unpacked once into build/lwip/source by tools/fetch-lwip
(tools/install-deps runs it; so does the build when the tree is missing).  `scons LWIP_SRC=dir` (or
NSAPI_LWIP_SRC in the environment) uses another tree instead: an upstream release or a copy of
one's own.  The Unix port (sys_arch.c, arch/cc.h, arch/sys_arch.h) is the tree's port/ (Debian's
layout), or LWIP_PORT=dir (upstream: contrib/ports/unix/port).
"""

import os
import re
import subprocess

VERSION = (2, 1)  # the lwIP the backend is written and tested against (2.1.x)


class Missing(Exception):
    """lwIP's sources cannot be had; the message is one line for the user."""


def version(tree):
    """(major, minor, revision) from the tree's lwip/init.h, or None."""
    try:
        with open(os.path.join(tree, "src", "include", "lwip", "init.h")) as f:
            text = f.read()
    except OSError:
        return None
    parts = [re.search(rf"#define LWIP_VERSION_{p}\s+(\d+)", text) for p in ("MAJOR", "MINOR", "REVISION")]
    return tuple(int(m.group(1)) for m in parts) if all(parts) else None


def locate(root, given, port, fetch=True):
    """(tree, port): the lwIP tree to build, fetched into ROOT/build/lwip if none is given and none
    is there yet; its Unix port folder.  Missing if the sources cannot be had or are not 2.1.x."""
    hint = "run tools/install-deps, or give a tree: scons LWIP_SRC=/path/to/lwip"
    tree = os.path.abspath(given) if given else os.path.join(root, "build", "lwip", "source")
    if not given and version(tree) is None and fetch:
        p = subprocess.run([os.path.join(root, "tools", "fetch-lwip"), os.path.dirname(tree)],
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            why = (p.stderr.strip().splitlines() or ["tools/fetch-lwip failed"])[-1]
            raise Missing(f"lwIP's sources could not be fetched ({why}): {hint}")
    found = version(tree)
    if found is None:
        raise Missing(f"no lwIP source tree in {tree}: {hint}")
    if found[:2] != VERSION:
        raise Missing(f"{tree} is lwIP {'.'.join(map(str, found))}; nsapi's backend needs {VERSION[0]}.{VERSION[1]}.x")
    port = os.path.abspath(port) if port else os.path.join(tree, "port")
    if not os.path.isfile(os.path.join(port, "sys_arch.c")):
        raise Missing(f"no Unix port (sys_arch.c) in {port}: give LWIP_PORT=<lwIP contrib>/ports/unix/port")
    return tree, port


def file_list(tree, *names):
    """The files lwIP's own src/Filelists.mk lists under the variables names, as paths."""
    with open(os.path.join(tree, "src", "Filelists.mk")) as f:
        text = f.read().replace("\\\n", " ")
    files = []
    for name in names:
        m = re.search(rf"^{name}\s*[:+]?=(.*)$", text, re.M)
        if m is None:
            raise Missing(f"{tree}/src/Filelists.mk has no {name}")
        files += [os.path.join(tree, "src", w.replace("$(LWIPDIR)/", "")) for w in m.group(1).split()]
    return files


def sources(tree, port):
    """The product's lwIP: lwIP's core set (IPv4 and IPv6, TCP, UDP, DHCP, AutoIP, ND, MLD, IGMP,
    and the files of features switched off, which compile to nothing), Ethernet, lwIP's thread
    (tcpip.c) and the Unix port's sys_arch.c; no netconn or socket layer."""
    return (file_list(tree, "COREFILES", "CORE4FILES", "CORE6FILES")
            + [os.path.join(tree, "src", "netif", "ethernet.c"), os.path.join(tree, "src", "api", "tcpip.c"),
               os.path.join(port, "sys_arch.c")])


def socket_sources(tree):
    """What lwIP's BSD sockets add (the bench's baseline): netconn, netbuf, sockets, errno mapping."""
    return [os.path.join(tree, "src", "api", f) for f in ("api_lib.c", "api_msg.c", "err.c", "netbuf.c", "sockets.c")]
