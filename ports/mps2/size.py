"""The mps2 firmware's size per part, from the linker's map (build/board/NAME.map): what each
library of `scons board` put into the image after --gc-sections, as .text (code and read-only
data), .data and .bss.  `scons bench` reports it (bench/run.py); run alone it prints the table:

usage: python3 ports/mps2/size.py build/board/ethernet_http.map
"""

import os
import re
import sys

# Which part an input file belongs to, by the library (or object) it came from.
PARTS = [
    ("nsapi runtime", r"libnsapi_board_runtime\.a"),
    ("nsapi lwIP backend", r"libnsapi_board_backend\.a"),
    ("lwIP", r"libnsapi_board_lwip\.a"),
    ("LAN9118 driver", r"libnsapi_board_driver\.a"),
    ("board", r"libnsapi_board_port\.a"),
    ("libc (newlib-nano, libgcc)", r"lib(c_nano|g_nano|gcc|m|nosys|c)\.a|crt|libgcc"),
    ("application", r"examples/board/"),
]
KIND = {".text": 0, ".ARM.exidx": 0, ".init_array": 0, ".data": 1, ".bss": 2}
INPUT = re.compile(r"^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+(\S.*?))?\s*$")


def part_of(source):
    for name, pattern in PARTS:
        if re.search(pattern, source):
            return name
    return "other"


def parts(map_path):
    """{part: [text, data, bss]} in bytes, in PARTS' order (parts with nothing left out)."""
    sizes = {name: [0, 0, 0] for name, _ in PARTS + [("alignment", ""), ("other", "")]}
    with open(map_path) as f:
        lines = f.read().split("Linker script and memory map", 1)[-1].splitlines()
    kind, pending = None, None
    for line in lines:
        if line.startswith("."):  # an output section
            kind = KIND.get(line.split()[0])
            continue
        if kind is None:
            continue
        if re.match(r"^ \.\S+$", line):  # a long input section name: its address and size follow
            pending = line.strip()
            continue
        m = INPUT.match(line)
        if m and (m.group(1) or pending):
            size = int(m.group(3), 16)
            if size:
                sizes["alignment" if m.group(1) == "*fill*" else part_of(m.group(4) or "")][kind] += size
        pending = None
    return {name: s for name, s in sizes.items() if any(s)}


def main():
    total = [0, 0, 0]
    print(f"{'part':28} {'.text':>8} {'.data':>7} {'.bss':>8}")
    for name, (text, data, bss) in parts(sys.argv[1]).items():
        print(f"{name:28} {text:8} {data:7} {bss:8}")
        total = [total[0] + text, total[1] + data, total[2] + bss]
    print(f"{'whole image (' + os.path.basename(sys.argv[1])[:-4] + ')':28} {total[0]:8} {total[1]:7} {total[2]:8}")


if __name__ == "__main__":
    main()
