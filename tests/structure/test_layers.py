"""The layering rules of the tree, checked on the sources and on the built libraries.

* Every global symbol that an nsapi library defines starts with nsapi_ (a firmware links them
  beside its own code, so an unprefixed helper would collide).
* The `#include "..."` graph of runtime/ and of each stack is acyclic; no runtime file reaches a
  stack's header, and no stack reaches another stack's.
* A port (ports/NAME) may include the stacks' public headers, never their internals; nothing includes
  a port's header but the examples, the tests and programs (the runtime, the stacks, the generated
  code and TLS do not).
* The objects of each library (the runtime's, each stack's) call each other without a cycle (a
  header naming one module's functions while another module defines them hides a cycle from the
  include graph, not from the linker).
"""

import glob
import os
import re
import subprocess
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def libraries():
    """The nsapi libraries this build made: NSAPI_LIBRARIES (from SConstruct), else build/release."""
    listed = os.environ.get("NSAPI_LIBRARIES")
    if listed:
        return listed.split(os.pathsep)
    return sorted(glob.glob(os.path.join(ROOT, "build", "release", "libnsapi*.a")))


def defined_globals(path):
    """{object file: set of global symbols it defines}, and {object: set it needs}, from nm."""
    out = subprocess.run(["nm", "-A", "-g", path], capture_output=True, text=True, check=True).stdout
    defined, needed = {}, {}
    for line in out.splitlines():
        fields = line.split()  # "lib.a:member.o:value T name", or "lib.a:member.o: U name"
        if len(fields) != 3:
            continue
        obj = fields[0].split(":")[1] if path.endswith(".a") else os.path.basename(path)
        if fields[1] == "U":
            needed.setdefault(obj, set()).add(fields[2])
        elif fields[1] not in "wv":
            defined.setdefault(obj, set()).add(fields[2])
    return defined, needed


def find_cycle(graph):
    """A list of nodes forming a cycle in graph ({node: set of nodes}), or None."""
    state = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def include_graph(files, search):
    """{file: set of files it includes}, each "..." include resolved as the compiler would:
    the including file's folder first, then search (folders relative to ROOT)."""
    graph = {}
    todo = list(files)
    while todo:
        path = todo.pop()
        if path in graph:
            continue
        graph[path] = set()
        with open(os.path.join(ROOT, path)) as f:
            text = f.read()
        for name in INCLUDE.findall(text):
            for folder in [os.path.dirname(path)] + search:
                candidate = os.path.normpath(os.path.join(folder, name))
                if os.path.exists(os.path.join(ROOT, candidate)):
                    graph[path].add(candidate)
                    todo.append(candidate)
                    break
    return graph


def sources(folder):
    return sorted(os.path.relpath(p, ROOT) for ext in ("c", "h")
                  for p in glob.glob(os.path.join(ROOT, folder, "**", "*." + ext), recursive=True))


def ports():
    return sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(ROOT, "ports", "*", "include")))


def stacks():
    return sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(ROOT, "stacks", "*", "SConscript")))


# Where the build looks for "..." headers; a stack's own include folder is added for that stack.
# Every stack's include folder is searched, so that a forbidden include is found, not missed.
PUBLIC = ["generated/include", "runtime/include"]
ALL_STACK_INCLUDES = [f"stacks/{s}/include" for s in stacks()]
PORT_INCLUDES = [f"ports/{p}/include" for p in ports()]


class Symbols(unittest.TestCase):
    def test_every_library_exports_only_nsapi_names(self):
        libs = libraries()
        self.assertTrue(libs, "no nsapi library built: run scons first")
        for lib in libs:
            defined, _ = defined_globals(lib)
            bad = sorted(s for syms in defined.values() for s in syms if not s.startswith("nsapi_"))
            self.assertEqual(bad, [], f"{os.path.relpath(lib, ROOT)} exports names without the nsapi_ prefix")

    def test_objects_call_each_other_without_a_cycle(self):
        libs = libraries()
        self.assertTrue(any(os.path.basename(lib).startswith("libnsapi.") for lib in libs), "libnsapi.a not built")
        for lib in libs:
            defined, needed = defined_globals(lib)
            # A class's generated checks and its runtime file are one module: the checks call the
            # implementation, and the implementation may call its own class's public functions.
            module = {obj: obj.replace("_checks", "").rsplit(".", 1)[0] for obj in set(defined) | set(needed)}
            owner = {sym: module[obj] for obj, syms in defined.items() for sym in syms}
            graph = {}
            for obj, syms in needed.items():
                graph.setdefault(module[obj], set()).update(
                    owner[s] for s in syms if s in owner and owner[s] != module[obj])
            self.assertIsNone(find_cycle(graph), f"modules of {os.path.basename(lib)} depend on each other in a circle")


class Includes(unittest.TestCase):
    def check(self, files, search, allowed):
        graph = include_graph(files, search)
        cycle = find_cycle(graph)
        self.assertIsNone(cycle, f"include cycle: {' -> '.join(cycle or [])}")
        for path, deps in sorted(graph.items()):
            if not any(path.startswith(a) for a in allowed):
                continue
            for dep in sorted(deps):
                self.assertTrue(any(dep.startswith(a) for a in allowed),
                                f"{path} includes {dep}, outside {', '.join(allowed)}")

    def test_runtime_reaches_no_stack(self):
        self.check(sources("runtime"), PUBLIC + ["generated/src", "runtime"] + ALL_STACK_INCLUDES + PORT_INCLUDES,
                   ["runtime/", "generated/"])

    def test_each_stack_reaches_no_other_stack(self):
        self.assertTrue(stacks())
        for name in stacks():
            with self.subTest(stack=name):
                self.check(sources(f"stacks/{name}"), PUBLIC + ALL_STACK_INCLUDES + PORT_INCLUDES + ["runtime"],
                           [f"stacks/{name}/", "generated/include/", "runtime/include/"])

    def test_generated_code_reaches_only_generated_and_public_headers(self):
        c_sources = [p for p in sources("generated") if not p.startswith("generated/mbed/")]
        self.check(c_sources, PUBLIC + ["generated/src", "runtime"] + ALL_STACK_INCLUDES + PORT_INCLUDES,
                   ["generated/", "runtime/include/"])

    def test_mbed_headers_reach_the_public_headers_and_the_host_port_only(self):
        # The Mbed C++ API sits above the ports, as a program does: its default interface is the host's.
        self.check(sources("generated/mbed/include"), PUBLIC + ["generated/mbed/include", "tls/include"] + PORT_INCLUDES,
                   ["generated/", "runtime/include/", "tls/include/", "ports/host/include/"])

    def test_each_port_reaches_the_stacks_public_headers_only(self):
        self.assertTrue(ports())
        for name in ports():
            with self.subTest(port=name):
                self.check(sources(f"ports/{name}"),
                           PUBLIC + ALL_STACK_INCLUDES + PORT_INCLUDES + ["runtime"] + [f"stacks/{s}" for s in stacks()],
                           [f"ports/{name}/", "generated/include/", "runtime/include/"]
                           + [f"{i}/" for i in ALL_STACK_INCLUDES])

    def test_tls_reaches_no_port(self):
        graph = include_graph(sources("tls"), PUBLIC + ["tls/include", "tls"] + ALL_STACK_INCLUDES + PORT_INCLUDES)
        self.assertEqual(sorted(dep for deps in graph.values() for dep in deps if dep.startswith("ports/")), [])

    def test_examples_use_the_public_headers_only(self):
        self.check(sources("examples"), PUBLIC + ALL_STACK_INCLUDES + PORT_INCLUDES
                   + ["examples", "runtime", "generated/src"],
                   ["examples/", "generated/include/", "runtime/include/"] + [f"{i}/" for i in ALL_STACK_INCLUDES]
                   + [f"{i}/" for i in PORT_INCLUDES])

    def test_a_cycle_is_found(self):
        self.assertEqual(find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}), ["a", "b", "c", "a"])
        self.assertIsNone(find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}))


if __name__ == "__main__":
    unittest.main()
