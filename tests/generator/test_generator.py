"""The generator's output: deterministic, written only where it changed, checked against the last commit."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from generator import __main__ as gen, naming, resolve, testplan, write
from generator.emit import c, strings
from generator.diag import Diag

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IDL = os.path.join(ROOT, "idl")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def build_model():
    d = Diag()
    m = resolve.build(gen.idl_files(IDL), d)
    d.raise_if_any()
    return m


class NamingTest(unittest.TestCase):
    def test_class_names(self):
        cases = {"SocketAddress": "socket_address", "UDPSocket": "udp_socket", "TCPSocket": "tcp_socket",
                 "TCPServer": "tcp_server", "Socket": "socket", "NetworkStack": "network_stack",
                 "HTTPClient": "http_client", "IPv6Address": "i_pv6_address"}
        for name, snake in cases.items():
            self.assertEqual(naming.snake(name), snake, name)

    def test_names_in_the_model(self):
        m = build_model()
        types = {k.name: k.type_name for k in m.all_classes}
        self.assertEqual(types, {"Socket": "nsapi_socket_t", "SocketAddress": "nsapi_socket_address_t",
                                 "UDPSocket": "nsapi_udp_socket_t", "TCPSocket": "nsapi_tcp_socket_t",
                                 "TCPServer": "nsapi_tcp_server_t", "NetworkStack": "nsapi_stack_t",
                                 "TLSSocket": "nsapi_tls_socket_t", "NetworkInterface": "nsapi_interface_t",
                                 "DTLSSocket": "nsapi_dtls_socket_t"})
        accept = next(x for x in m.classes["TCPServer"].methods if x.name == "accept")
        self.assertEqual(c.prototype(accept), "nsapi_error_t nsapi_tcp_server_accept(nsapi_tcp_server_t *server, "
                                           "nsapi_tcp_socket_t *connection, nsapi_socket_address_t *address)")


class ModelTest(unittest.TestCase):
    def setUp(self):
        self.m = build_model()

    def method(self, klass, name):
        return next(x for x in self.m.classes[klass].methods if x.name == name)

    def test_inherited_methods(self):
        """Every concrete socket class offers the base's methods, and implements the abstract open."""
        base = [x.name for x in self.m.classes["Socket"].methods]
        self.assertNotIn("open", base)
        for klass in ("UDPSocket", "TCPSocket", "TCPServer"):
            offered = [x.name for x in self.m.classes[klass].methods]
            self.assertEqual(offered[:len(base) + 1], ["open"] + base, klass)
            self.assertFalse(self.method(klass, "open").inherited)
            self.assertTrue(self.method(klass, "set_timeout").inherited)

    def test_checks(self):
        def checks(klass, name):
            return c.conditions(self.method(klass, name))
        self.assertEqual(checks("TCPSocket", "send"), ["socket == NULL", "(data == NULL && size != 0)"])
        self.assertEqual(checks("TCPServer", "listen"), ["server == NULL", "backlog < 1", "backlog > 255"])
        self.assertEqual(checks("SocketAddress", "set_ip_bytes"),
                         ["address == NULL", "bytes == NULL", "(unsigned)version > (unsigned)NSAPI_IPv6"])
        self.assertEqual(checks("UDPSocket", "recvfrom"), ["socket == NULL", "(data == NULL && size != 0)"])
        self.assertEqual(checks("TCPSocket", "recv"), ["socket == NULL", "data == NULL", "size < 1"],
                         "a stream's recv refuses size 0: it would read as the end of the stream")

    def test_error_enum(self):
        values = {v.name: v.value for v in self.m.error_enum.values}
        self.assertEqual(values["NSAPI_ERROR_OK"], 0)
        self.assertEqual(values["NSAPI_ERROR_WOULD_BLOCK"], -3001)
        self.assertEqual(values["NSAPI_ERROR_CONNECTION_TIMEOUT"], -3017)
        self.assertEqual(values["NSAPI_ERROR_BUSY"], -3020)
        self.assertEqual(sorted(values.values()), [-3020 + i for i in range(20)] + [0])

    def test_header_includes(self):
        files = {f.stem: f for f in self.m.files}
        self.assertEqual(files["types"].includes, [])
        self.assertEqual(files["errors"].includes, ["nsapi/types.h"])
        self.assertEqual(files["tcp_socket"].includes, ["nsapi/types.h", "nsapi/errors.h", "nsapi/socket.h"])
        self.assertEqual(files["socket"].includes, ["nsapi/types.h", "nsapi/errors.h", "nsapi/socket_address.h", "nsapi/os.h"])

    def test_options_header(self):
        files = {f.stem: f for f in self.m.files}
        self.assertEqual(files["options"].includes, [])
        self.assertEqual(files["stack"].includes, ["nsapi/types.h", "nsapi/errors.h", "nsapi/options.h",
                                                   "nsapi/socket_address.h", "nsapi/os.h"])
        self.assertEqual([o.name for o in files["options"].options][:3],
                         ["NSAPI_CONFIG_DNS", "NSAPI_CONFIG_ERROR_TEXT", "NSAPI_SOCKET_LIMIT"])
        self.assertTrue(self.m.options["NSAPI_CONFIG_DNS"].switch)
        self.assertTrue(self.m.options["NSAPI_CONFIG_ERROR_TEXT"].switch)
        self.assertFalse(self.m.options["NSAPI_DNS_SERVERS"].switch)

    def test_shared_header(self):
        """The shared header's standard headers and forward declarations are properties of the model."""
        files = {f.stem: f for f in self.m.files}
        self.assertEqual(files["types"].system_includes, ["stdbool.h", "stddef.h", "stdint.h"])
        self.assertIn(("nsapi_tcp_socket", "nsapi_tcp_socket_t"), files["types"].forward_types)
        self.assertIn(("nsapi_stack_api", "nsapi_stack_api_t"), files["types"].forward_types)
        self.assertEqual((files["socket"].system_includes, files["socket"].forward_types), ([], []))

    def test_cases_once_per_declaring_class(self):
        """Socket's methods get their cases once, run by every concrete class that offers them."""
        plans = {t.klass.name: t for t in testplan.plan(self.m)}
        self.assertEqual(sorted(plans), ["DTLSSocket", "NetworkInterface", "NetworkStack", "Socket", "SocketAddress", "TCPServer", "TCPSocket", "TLSSocket",
                                         "UDPSocket"])
        socket = plans["Socket"]
        self.assertTrue(socket.table)
        self.assertEqual([k.name for k in socket.rows], ["TCPServer", "TCPSocket", "UDPSocket"])
        self.assertEqual([mc.name for mc in socket.methods][:3], ["open", "close", "bind"])
        self.assertFalse(plans["UDPSocket"].table)
        self.assertEqual([mc.name for mc in plans["UDPSocket"].methods], ["sendto", "recvfrom", "connect", "send", "recv"])
        bind = next(mc for mc in socket.methods if mc.name == "bind")
        self.assertEqual([(x.name, x.expect) for x in bind.cases],
                         [(None, "NSAPI_ERROR_PARAMETER"), ("null_address", "NSAPI_ERROR_PARAMETER"),
                          ("not_open", "NSAPI_ERROR_NO_SOCKET")])
        self.assertFalse(bind.cases[0].uses_object, "the NULL object case declares no object")


class OutputTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-gen-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_deterministic(self):
        first = gen.generate(IDL)
        second = gen.generate(IDL)
        self.assertEqual(first, second)
        for path, text in first.items():
            self.assertTrue(text.startswith("/* Generated from idl/"), path)
            self.assertIn("Do not edit", text.splitlines()[0], path)
            self.assertNotIn("\r", text, path)
            self.assertTrue(text.endswith("\n") and not text.endswith("\n\n"), path)

    def test_same_bytes_across_processes(self):
        """Nothing depends on hash order: two interpreters with different hash seeds agree."""
        outs = []
        for seed in ("1", "2"):
            out = os.path.join(self.tmp, seed)
            env = dict(os.environ, PYTHONPATH=ROOT, PYTHONHASHSEED=seed)
            subprocess.run([sys.executable, "-m", "generator", "--idl", IDL, "--out", out], check=True, env=env,
                           capture_output=True)
            outs.append({rel: read(os.path.join(out, rel)) for rel in write.existing(out)})
        self.assertEqual(outs[0], outs[1])
        self.assertEqual(len(outs[0]), len(gen.generate(IDL)))

    def test_writes_only_what_changed(self):
        files = gen.generate(IDL)
        self.assertEqual(write.write(self.tmp, files), sorted(files))
        header = os.path.join(self.tmp, "include/nsapi/socket.h")
        os.utime(header, (1, 1))
        self.assertEqual(write.write(self.tmp, files), [])
        self.assertEqual(os.stat(header).st_mtime, 1, "an unchanged file keeps its timestamp")
        changed = dict(files, **{"include/nsapi/socket.h": files["include/nsapi/socket.h"] + "/* x */\n"})
        self.assertEqual(write.write(self.tmp, changed), ["include/nsapi/socket.h"])

    def test_removes_files_it_no_longer_produces(self):
        files = gen.generate(IDL)
        write.write(self.tmp, files)
        mine = os.path.join(self.tmp, "notes.txt")
        with open(mine, "w") as f:
            f.write("not generated\n")
        fewer = {k: v for k, v in files.items() if k != "src/socket_checks.c"}
        self.assertEqual(write.write(self.tmp, fewer), ["src/socket_checks.c"])
        self.assertTrue(os.path.exists(mine), "files without the banner are not the generator's")

    def test_a_part_is_generated_apart(self):
        """A file with 'part' stays out of nsapi/nsapi.h and the core's impl.h; its checks and tests go to <part>/."""
        files = gen.generate(IDL)
        self.assertNotIn("tls_socket.h", files["include/nsapi/nsapi.h"])
        self.assertNotIn("tls_socket", files["src/impl.h"])
        self.assertIn("nsapi_impl_tls_socket_connect(", files["tls/src/impl.h"])
        self.assertIn('#include "nsapi/tls_socket.h"', files["tls/tests/test_tls_socket_args.c"])
        self.assertIn("tls/src/tls_socket_checks.c", files)
        self.assertNotIn("src/tls_socket_checks.c", files)

    def test_every_method_has_bad_input_tests(self):
        """Each concrete class runs every case of every method it offers: in its own file, or in a table's row."""
        files = gen.generate(IDL)
        m = build_model()
        plans = {t.klass.name: t for t in testplan.plan(m)}
        for k in m.concrete_classes:
            for x in k.methods:
                t = plans[x.func.owner.name]
                self.assertIn(k, t.rows)
                part = t.klass.file.part + "/" if t.klass.file.part else ""
                text = files[f"{part}tests/test_{t.klass.c_name}_args.c"]
                if t.table:
                    self.assertIn(f"    X({k.c_name}, {k.self_name})", text)
                    self.assertIn(f"\n{t.table_name}({x.name.upper()}_CASES)\n", text)
                    self.assertIn(f"Test(nsapi_##c_name##_{x.name}, null_##object)", text)
                    not_open = f"Test(nsapi_##c_name##_{x.name}, not_open)"
                else:
                    self.assertIn(f"Test({x.c_name}, null_{x.self_name})", text)
                    not_open = f"Test({x.c_name}, not_open)"
                if x.state_error:
                    self.assertIn(not_open, text)
                    self.assertIn(x.state_error, text)
        self.assertIn("Test(nsapi_tcp_socket_send, null_data_with_size)", files["tests/test_tcp_socket_args.c"])
        self.assertIn("Test(nsapi_tcp_server_listen, backlog_above_max)", files["tests/test_tcp_server_args.c"])

    def test_inherited_cases_written_once(self):
        files = gen.generate(IDL)
        for path in ("tests/test_udp_socket_args.c", "tests/test_tcp_socket_args.c", "tests/test_tcp_server_args.c"):
            self.assertNotIn("_close", files[path], "Socket's cases live in test_socket_args.c only")
        text = files["tests/test_socket_args.c"]
        self.assertIn("#define SOCKET_CLASSES(X) \\\n    X(tcp_server, server) \\\n    X(tcp_socket, socket) \\\n"
                      "    X(udp_socket, socket)\n", text)
        self.assertEqual(text.count("Test(nsapi_##c_name##_close, not_open)"), 1)
        self.assertIn("Test(nsapi_udp_socket_send, null_socket)\n{\n    unsigned char data_object[64];\n\n"
                      "    memset(&data_object, 0, sizeof data_object);\n"
                      "    cr_expect_eq(nsapi_udp_socket_send(NULL, data_object, 0), NSAPI_ERROR_PARAMETER);\n}\n",
                      files["tests/test_udp_socket_args.c"], "the NULL object case declares no object")

    def test_options_are_overridable_defaults(self):
        files = gen.generate(IDL)
        options = files["include/nsapi/options.h"]
        self.assertIn("#ifdef NSAPI_OPTIONS_FILE\n#include NSAPI_OPTIONS_FILE\n#endif\n", options)
        self.assertIn("#ifndef NSAPI_DNS_SERVERS\n#define NSAPI_DNS_SERVERS 5\n#endif\n"
                      "#if NSAPI_DNS_SERVERS < 1\n#error \"NSAPI_DNS_SERVERS must be at least 1\"\n#endif\n", options)
        self.assertIn("#if NSAPI_CONFIG_DNS < 0 || NSAPI_CONFIG_DNS > 1\n#error \"NSAPI_CONFIG_DNS must be 0 or 1\"\n", options)
        self.assertNotIn("extern \"C\"", options, "macros only")
        self.assertNotIn("NSAPI_SOCKET_LIMIT", files["include/nsapi/types.h"])
        stack = files["include/nsapi/stack.h"]
        self.assertIn("    unsigned socket_limit;\n#if NSAPI_CONFIG_DNS\n", stack)
        self.assertIn("    int dns_last_id;\n#endif /* NSAPI_CONFIG_DNS */\n", stack)
        self.assertIn("#if NSAPI_CONFIG_DNS\n/** One asynchronous lookup", stack)

    def test_inherited_wrapper_is_thin(self):
        header = gen.generate(IDL)["include/nsapi/tcp_socket.h"]
        self.assertIn("static inline nsapi_error_t nsapi_tcp_socket_set_timeout(nsapi_tcp_socket_t *socket, int timeout)\n"
                      "{\n    return nsapi_socket_set_timeout(socket ? &socket->base : NULL, timeout);\n}", header)

    def test_new_stack_refuses_bad_names_and_existing_directories(self):
        with tempfile.TemporaryDirectory() as tmp:
            into = os.path.join(tmp, "bar")
            written = gen.new_stack(IDL, "bar", into)
            self.assertEqual(sorted(os.path.relpath(p, into) for p in written),
                             ["SConscript", "bar_stack.c", "include/nsapi/bar.h", "tests/fixture_bar.c"])
            with self.assertRaisesRegex(ValueError, "exists; a new stack is never written over an old one"):
                gen.new_stack(IDL, "bar", into)
            for bad in ("Bar", "1bar", "bar-x", "int", "nsapi", ""):
                with self.assertRaisesRegex(ValueError, "must be a lower_case C identifier"):
                    gen.new_stack(IDL, bad, os.path.join(tmp, "other"))
            self.assertFalse(os.path.exists(os.path.join(tmp, "other")))

    def test_every_operation_has_a_call_with_the_unsupported_default(self):
        calls = gen.generate(IDL)["src/stack_api_calls.h"]
        vtables = [vt for f in build_model().files for vt in f.vtables]
        self.assertEqual([(vt.name, vt.call_prefix, vt.self_name) for vt in vtables],
                         [("nsapi_stack_api_t", "stack_api", "stack"), ("nsapi_interface_api_t", "interface_api", "interface")])
        for vt in vtables:
            for op in vt.ops:
                self.assertIn(f"{vt.call_prefix}_{op.name}({op.params[0].text}", calls)
                self.assertIn(f"    if ({vt.self_name}->api->{op.name} == NULL) {{\n        return NSAPI_ERROR_UNSUPPORTED;", calls)

    def test_application_and_backend_headers_apart(self):
        """nsapi.h is what an application calls and names each backend's header; what only a backend
        calls (nsapi_stack_init/deinit) is in the backend's header, which nsapi.h leaves out."""
        files = gen.generate(IDL)
        umbrella, stack, backend = (files[f"include/nsapi/{h}.h"] for h in ("nsapi", "stack", "stack_api"))
        self.assertNotIn('#include "nsapi/stack_api.h"', umbrella)
        self.assertIn('#include "nsapi/stack.h"', umbrella)
        for fn in ("nsapi_stack_init(nsapi_stack_t *stack", "nsapi_stack_deinit(nsapi_stack_t *stack"):
            self.assertNotIn(fn, stack)
            self.assertIn(f"nsapi_error_t {fn}", backend)
        self.assertIn("nsapi_error_t nsapi_stack_set_socket_limit(nsapi_stack_t *stack", stack)
        self.assertTrue(backend.startswith("/* Generated from idl/network_interface.yaml, idl/stack.yaml, idl/stack_api.yaml "))
        text = " ".join(umbrella.replace(" * ", " ").split())
        self.assertIn("nsapi/NAME.h of a backend made with `scons new-stack NAME=name`", text)
        self.assertIn("include nsapi/stack_api.h too", text)
        for name in ("posix", "lwip"):  # each backend the comment names has that header and entry point
            self.assertIn(f"nsapi/{name}.h (nsapi_{name}_init()", text)
            with open(os.path.join(ROOT, "stacks", name, "include", "nsapi", f"{name}.h")) as f:
                self.assertIn(f"nsapi_error_t nsapi_{name}_init(nsapi_stack_t *stack", f.read())

    def test_doc_strings_reach_headers(self):
        files = gen.generate(IDL)
        self.assertIn("NSAPI_ERROR_WOULD_BLOCK = -3001,", files["include/nsapi/errors.h"])
        self.assertRegex(files["include/nsapi/udp_socket.h"], r"@retval NSAPI_ERROR_NO_ADDRESS +no peer was set by connect\(\)\.")
        self.assertIn('"operation cannot complete now without blocking" "\\0"', files["src/nsapi_error_strings.c"])

    def test_initialized_by(self):
        """A class's initialized_by field is checked by every method but its init."""
        checks = gen.generate(IDL)["src/stack_checks.c"]
        init = checks[checks.index("nsapi_error_t nsapi_stack_init("):checks.index("nsapi_error_t nsapi_stack_deinit(")]
        self.assertNotIn("stack->api == NULL", init)
        self.assertIn("if (stack == NULL ||\n        stack->api == NULL) {", checks[len(init):])
        self.assertEqual(checks.count("stack->api == NULL"), checks.count("(nsapi_stack_t *stack") - 1)

    def test_error_string_places(self):
        """A code's place in the string lists is found by runs of neighbouring values, in declared order."""
        self.assertEqual(strings.runs([0, -3001, -3002, -3003]), [(0, 0, 0, 0), (-3001, -3003, 1, -1)])
        self.assertEqual(strings.runs([1, 2, 3, 7, 5, 4]), [(1, 3, 0, 1), (7, 7, 3, 0), (5, 4, 4, -1)])
        files = gen.generate(IDL)
        self.assertIn("if (error <= -3001 && error >= -3020) {\n        return (unsigned)(1 + (-3001 - error));",
                      files["src/nsapi_error_strings.c"])


VARIATIONS = """\
doc: Shapes the real IDL does not use yet.
classes:
  - name: SecureSocket
    extends: TCPSocket
    doc: Three levels of inheritance.
    methods:
      - c: nsapi_error_t set_mac(const uint8_t mac[NSAPI_MAC_BYTES])
        doc: An array parameter, which C passes as a pointer.
        params:
          mac: {doc: The address.}
        errors:
          NSAPI_ERROR_PARAMETER: a NULL argument.
  - name: RingBuffer
    doc: Its object parameter, buffer, is a name the generated tests must not reuse.
    fields:
      - c: int count
        doc: Items held.
    methods:
      - c: nsapi_error_t put(const char *name, void *data, nsapi_size_t size, int level)
        doc: Several buffers and a range below zero.
        params:
          name: {doc: A name.}
          data: {doc: Bytes., nullable_if_zero: size}
          size: {doc: Bytes at data.}
          level: {doc: A level., max: -1}
        errors:
          NSAPI_ERROR_PARAMETER: a NULL argument or level above -1.
"""


class CompileTest(unittest.TestCase):
    """Generated C compiles warning-free for IDL shapes beyond today's."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-cc-")
        shutil.copytree(IDL, os.path.join(self.tmp, "idl"))
        with open(os.path.join(self.tmp, "idl", "variations.yaml"), "w") as f:
            f.write(VARIATIONS)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def cc(self, *args):
        p = subprocess.run(["gcc", "-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror"] + list(args),
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_variations_compile(self):
        out = os.path.join(self.tmp, "out")
        write.write(out, gen.generate(os.path.join(self.tmp, "idl")))
        inc = ["-I", os.path.join(out, "include"), "-I", os.path.join(ROOT, "runtime", "include"), "-I", os.path.join(out, "src")]
        header = os.path.join(out, "include/nsapi/variations.h")
        with open(header) as f:
            text = f.read()
        self.assertIn("return nsapi_tcp_socket_close(socket ? &socket->base : NULL);", text)
        with open(os.path.join(out, "src/secure_socket_checks.c")) as f:
            self.assertIn("mac == NULL", f.read())
        for sub in ("src", "tests"):
            for name in sorted(os.listdir(os.path.join(out, sub))):
                if name.endswith(".c"):
                    self.cc(*inc, "-c", os.path.join(out, sub, name), "-o", os.devnull)
        # Options: the resolver left out, a value from an options file, a value the runtime cannot work with.
        probe = os.path.join(self.tmp, "probe.c")
        with open(probe, "w") as f:
            f.write('#include "nsapi/nsapi.h"\n'
                    "typedef char queries_as_set[NSAPI_DNS_QUERIES == 2 ? 1 : -1];\n"
                    "typedef char no_resolver_state[NSAPI_CONFIG_DNS || sizeof(nsapi_stack_t) < 256 ? 1 : -1];\n")
        with open(os.path.join(self.tmp, "my_options.h"), "w") as f:
            f.write("#define NSAPI_DNS_QUERIES 2\n")
        self.cc(*inc, "-I", self.tmp, "-DNSAPI_OPTIONS_FILE=\"my_options.h\"", "-DNSAPI_CONFIG_DNS=0", "-fsyntax-only", probe)
        p = subprocess.run(["gcc", "-std=c99", *inc, "-DNSAPI_DNS_QUERIES=0", "-fsyntax-only", probe],
                           capture_output=True, text=True)
        self.assertIn('#error "NSAPI_DNS_QUERIES must be at least 1"', p.stderr)
        p = subprocess.run(["g++", "-std=c++11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", *inc, "-x", "c++",
                            "-c", os.path.join(out, "include/nsapi/nsapi.h"), "-o", os.devnull],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)


class CppTest(unittest.TestCase):
    """The Mbed C++ API (generated/mbed/include/) follows the IDL: a method added to a class appears in C and C++."""

    KEEPALIVE = """
      - c: nsapi_error_t set_keepalive(int interval, const nsapi_socket_address_t *peer)
        doc: A method the IDL gains.
        params:
          interval:
            doc: Milliseconds.
          peer:
            doc: An address.
        errors:
          NSAPI_ERROR_OK: set.
          NSAPI_ERROR_PARAMETER: a NULL argument.
"""
    STACK = """
      - c: nsapi_stack_t *keepalive_stack(void)
        doc: A method whose C++ form needs a hand.
        returns: The stack.
        on_null: 'NULL'
"""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-cpp-")
        shutil.copytree(IDL, os.path.join(self.tmp, "idl"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_headers_produced(self):
        files = gen.generate(IDL)
        for name in ("mbed.h", "EthernetInterface.h", "TCPSocket.h", "TCPServer.h", "UDPSocket.h", "SocketAddress.h",
                     "TLSSocket.h", "NetworkInterface.h", "Socket.h", "nsapi_types.h", "WiFiInterface.h"):
            self.assertIn(f"mbed/include/{name}", files)
        self.assertIn("nsapi_size_or_error_t send(const void *data, nsapi_size_t size)\n", files["mbed/include/TCPSocket.h"])
        self.assertIn("return nsapi_udp_socket_sendto(nsapi_object(), address.nsapi_object(), data, size);",
                      files["mbed/include/UDPSocket.h"])

    def test_a_new_method_appears_in_c_and_cpp(self):
        with open(os.path.join(self.tmp, "idl", "tcp_socket.yaml"), "a") as f:
            f.write(self.KEEPALIVE)
        out = os.path.join(self.tmp, "out")
        write.write(out, gen.generate(os.path.join(self.tmp, "idl")))
        with open(os.path.join(out, "include/nsapi/tcp_socket.h")) as f:
            self.assertIn("nsapi_tcp_socket_set_keepalive(nsapi_tcp_socket_t *socket, int interval,", f.read())
        with open(os.path.join(out, "mbed/include/TCPSocket.h")) as f:
            self.assertIn("nsapi_error_t set_keepalive(int interval, const SocketAddress &peer)\n    {\n"
                          "        return nsapi_tcp_socket_set_keepalive(nsapi_object(), interval, peer.nsapi_object());",
                          f.read())
        probe = os.path.join(self.tmp, "probe.cpp")
        with open(probe, "w") as f:
            f.write('#include "TCPSocket.h"\nint probe(TCPSocket &s) { return s.set_keepalive(5, SocketAddress()); }\n')
        inc = [os.path.join(out, "mbed/include"), os.path.join(out, "include"), os.path.join(ROOT, "runtime", "include"),
               os.path.join(ROOT, "ports", "host", "include")]
        p = subprocess.run(["g++", "-std=c++11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-fsyntax-only"]
                           + [f"-I{i}" for i in inc] + [probe], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_a_method_it_cannot_map_is_named(self):
        with open(os.path.join(self.tmp, "idl", "tcp_socket.yaml"), "a") as f:
            f.write(self.STACK)
        with self.assertRaisesRegex(Exception, "TCPSocket::keepalive_stack returns a nsapi_stack_t: write it by hand"):
            gen.generate(os.path.join(self.tmp, "idl"))


class CheckTest(unittest.TestCase):
    """check-generated compares the IDL with the generated files of the last commit."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-check-")
        shutil.copytree(IDL, os.path.join(self.tmp, "idl"))
        self.git("init", "-q")
        self.git("config", "user.email", "t@example.invalid")
        self.git("config", "user.name", "test")
        self.generator()
        self.git("add", "-A")
        self.git("commit", "-qm", "start")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def git(self, *args):
        subprocess.run(["git", "-C", self.tmp] + list(args), check=True, capture_output=True)

    def generator(self, *args):
        env = dict(os.environ, PYTHONPATH=ROOT)
        return subprocess.run([sys.executable, "-m", "generator"] + list(args), cwd=self.tmp, env=env,
                              capture_output=True, text=True)

    def test_stale_until_committed(self):
        self.assertEqual(self.generator("--check").returncode, 0)
        path = os.path.join(self.tmp, "idl", "tcp_socket.yaml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace("Receive bytes; returns as soon", "Receive bytes; return as soon"))
        p = self.generator("--check")
        self.assertEqual(p.returncode, 1)
        self.assertIn("stale: generated/include/nsapi/tcp_socket.h: differs from what the IDL produces "
                      "(compared with the last commit)\n", p.stderr)
        self.assertEqual(self.generator().returncode, 0)
        self.assertEqual(self.generator("--check").returncode, 1, "regenerated but not committed")
        self.git("commit", "-qam", "doc")
        self.assertEqual(self.generator("--check").returncode, 0)

    def test_missing_and_extra_files(self):
        self.git("rm", "-q", "generated/src/socket_checks.c")
        with open(os.path.join(self.tmp, "generated", "src", "old_checks.c"), "w") as f:
            f.write("/* Generated from idl/old.yaml by the nsapi generator. Do not edit. */\n")
        self.git("add", "-A")
        self.git("commit", "-qm", "drift")
        p = self.generator("--check")
        self.assertEqual(p.returncode, 1)
        self.assertIn("stale: generated/src/old_checks.c: no longer produced by the IDL (compared with the last commit)\n"
                      "stale: generated/src/socket_checks.c: missing (the IDL produces it) (compared with the last commit)\n",
                      p.stderr)


if __name__ == "__main__":
    unittest.main()
