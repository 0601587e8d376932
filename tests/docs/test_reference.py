"""`scons docs` (docs/reference/apidoc.py): Doxygen runs on the public headers (the generated ones, and the
stacks' and the host port's hand-written ones) without a single warning, writes a page per class and one for
the error codes, and every public function and enum gets a man page that `man -l` shows with each of its
parameters and return values (an enum's: its values); the generated Mbed C++ headers get an HTML page per
class whose methods show their parameters and return values, in the IDL's words where the method is an IDL
method's; a header, C or C++, with an undocumented parameter or return value fails the build."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(TOP, "docs", "reference"))
import apidoc  # noqa: E402

HEADERS = os.path.join(TOP, "generated", "include", "nsapi")
CLASSES = ["socket_address", "socket", "udp_socket", "tcp_socket", "tcp_server", "stack", "interface",
           "tls_socket", "dtls_socket"]
MBED = os.path.join(TOP, "generated", "mbed", "include")
CPP_CLASSES = ["Socket", "InternetSocket", "TCPSocket", "UDPSocket", "TCPServer", "SocketAddress", "NetworkStack",
               "NetworkInterface", "EthInterface", "EthernetInterface", "WiFiInterface", "TLSSocketWrapper", "TLSSocket",
               "DTLSSocketWrapper", "DTLSSocket"]
DOC_AND_PROTOTYPE = re.compile(r"/\*\*((?:(?!\*/).)*)\*/\n(?:static inline )?[\w *]*?\b(nsapi_\w+)\(", re.S)


def documented(headers):
    """{function: (its @param names, its @retval codes, whether it has @return)} from the headers (a folder or a
    list of them)."""
    found = {}
    for text in apidoc.header_texts(headers):
        for doc, function in DOC_AND_PROTOTYPE.findall(text):
            found[function] = (re.findall(r"@param (\w+)", doc), re.findall(r"@retval (\w+)", doc),
                               "@return" in doc)
    return found


def man(page):
    run = subprocess.run(["man", "-l", page], capture_output=True, text=True, env=dict(os.environ, MANWIDTH="100"))
    return run.returncode, run.stdout + run.stderr


class Reference(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.mkdtemp(prefix="nsapi-docs-")
        cls.problems = apidoc.build(cls.scratch, "test")
        cls.man3 = os.path.join(cls.scratch, "man", "man3")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch)

    def test_no_warning(self):
        self.assertEqual(self.problems, [])

    def test_a_page_per_class_and_one_for_the_error_codes(self):
        html = os.path.join(self.scratch, "html")
        for group in [f"nsapi_{c}_class" for c in CLASSES] + ["nsapi_error_codes"]:
            with self.subTest(group=group):
                self.assertTrue(os.path.exists(os.path.join(html, "group__" + group.replace("_", "__") + ".html")))
        with open(os.path.join(html, "group__nsapi__error__codes.html")) as f:
            codes = f.read()
        for code in ["NSAPI_ERROR_WOULD_BLOCK", "NSAPI_ERROR_BUSY", "nsapi_strerror"]:
            self.assertIn(code, codes)

    def test_a_man_page_per_function_and_enum(self):
        functions = documented(apidoc.PUBLIC)
        enums = set()
        for text in apidoc.header_texts(apidoc.PUBLIC):
            enums.update(re.findall(r"^(?:typedef )?enum (nsapi_\w+) \{", text, re.M))
        self.assertGreater(len(functions), 100)
        self.assertIn("nsapi_error", enums)
        cpp = set(apidoc.classes(apidoc.header_texts(MBED)))
        self.assertEqual(cpp, set(CPP_CLASSES) | {"Callback"})
        self.assertEqual(sorted(f[:-2] for f in os.listdir(self.man3)), sorted(set(functions) | enums | cpp))

    def test_the_error_codes_page(self):
        with open(os.path.join(HEADERS, "errors.h")) as f:
            codes = re.findall(r"^    (NSAPI_ERROR_\w+) = (-?\d+),", f.read(), re.M)
        self.assertGreater(len(codes), 15)
        rc, shown = man(os.path.join(self.man3, "nsapi_error.3"))
        self.assertEqual(rc, 0, shown)
        for code, value in codes:
            self.assertIn(f"{code} = {value}", shown)
        self.assertIn("operation cannot complete now without blocking", shown)

    def test_every_page_names_each_parameter_and_return_value(self):
        for function, (params, retvals, returns) in documented(apidoc.PUBLIC).items():
            with open(os.path.join(self.man3, function + ".3")) as f:
                page = f.read()
            with self.subTest(function=function):
                self.assertIn(".SH SYNOPSIS", page)
                for name in params:
                    self.assertIn(f".I {name}\n", page)
                for code in retvals:
                    self.assertIn(f".B {code}\n", page)
                if params:
                    self.assertIn(".SH PARAMETERS", page)
                if retvals or returns:
                    self.assertIn(".SH RETURN VALUE", page)

    def test_man_shows_a_page(self):
        rc, shown = man(os.path.join(self.man3, "nsapi_tcp_socket_connect.3"))
        self.assertEqual(rc, 0, shown)
        self.assertRegex(shown, r"nsapi_tcp_socket_connect - Connect to a server\.")
        self.assertIn("#include <nsapi/tcp_socket.h>", shown)
        self.assertIn("nsapi_error_t nsapi_tcp_socket_connect(nsapi_tcp_socket_t *socket, "
                      "const nsapi_socket_address_t *address);", shown)
        params, retvals, _ = documented(HEADERS)["nsapi_tcp_socket_connect"]
        self.assertEqual(params, ["socket", "address"])
        self.assertGreaterEqual(len(retvals), 8)
        body = shown[shown.index("PARAMETERS"):]
        for word in params + retvals + ["The server's address and port."]:
            self.assertIn(word, body)
        self.assertIn("nsapi_error(3)", shown)
        rc, shown = man(os.path.join(self.man3, "nsapi_tcp_socket_send.3"))
        self.assertIn("The number of bytes queued; otherwise one of:", shown)

    def test_the_stacks_and_the_host_port_have_pages_too(self):
        """The functions of the hand-written public headers a program calls first (README's first program
        calls nsapi_lwip_init) get pages as the generated ones do."""
        rc, shown = man(os.path.join(self.man3, "nsapi_lwip_init.3"))
        self.assertEqual(rc, 0, shown)
        self.assertIn("#include <nsapi/lwip.h>", shown)
        body = shown[shown.index("PARAMETERS"):]
        for word in ["stack", "A zero-filled stack object.", "NSAPI_ERROR_BUSY", "another nsapi stack already uses lwIP."]:
            self.assertIn(word, body)
        for header, function in [("posix.h", "nsapi_posix_init"), ("default_interface.h", "nsapi_default_interface")]:
            with self.subTest(function=function):
                rc, shown = man(os.path.join(self.man3, function + ".3"))
                self.assertEqual(rc, 0, shown)
                self.assertIn(f"#include <nsapi/{header}>", shown)

    def test_an_undocumented_parameter_or_return_value_fails(self):
        for what, drop in [("parameter", re.compile(r"^ \* @param address .*\n", re.M)),
                           ("return value", re.compile(r"^ \* @retval .*\n(?: \*   +\S.*\n)*", re.M))]:
            with self.subTest(what=what), tempfile.TemporaryDirectory() as scratch:
                headers = os.path.join(scratch, "include", "nsapi")
                shutil.copytree(HEADERS, headers)
                path = os.path.join(headers, "tcp_socket.h")
                with open(path) as f:
                    text = f.read()
                start = text.index("nsapi_error_t nsapi_tcp_socket_connect(")
                doc = text.rindex("/**", 0, start)
                with open(path, "w") as f:
                    f.write(text[:doc] + drop.sub("", text[doc:start]) + text[start:])
                problems = apidoc.build(os.path.join(scratch, "out"), "test", headers, mbed=None)
                self.assertTrue(problems)
                self.assertIn("nsapi_tcp_socket_connect", "\n".join(problems))

    def cpp_page(self, name):
        with open(os.path.join(self.scratch, "cpp", "html", f"class{name}.html")) as f:
            return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", f.read().replace("&#160;", " ").replace("&amp;", "&")))

    def test_a_page_per_cpp_class(self):
        for name in CPP_CLASSES:
            with self.subTest(cls=name):
                self.assertTrue(os.path.exists(os.path.join(self.scratch, "cpp", "html", f"class{name}.html")))
        callback = [f for f in os.listdir(os.path.join(self.scratch, "cpp", "html")) if f.startswith("classmbed_1_1Callback")]
        self.assertTrue(callback)

    def test_a_cpp_method_has_the_idl_words(self):
        """TCPSocket::send is forwarded by the generator: its page has the C function's brief, parameters and
        every error code; connect(host, port) is written in the template; TLSSocketWrapper::set_hostname too, in the
        IDL's words."""
        page = self.cpp_page("TCPSocket")
        params, retvals, _ = documented(HEADERS)["nsapi_tcp_socket_send"]
        self.assertEqual(params, ["socket", "data", "size"])
        section = page[page.index("send()"):]
        for word in ["Parameters", "data", "size", "Returns", "The number of bytes queued; otherwise one of:",
                     "See also", "nsapi_tcp_socket_send"] + retvals:
            self.assertIn(word, section)
        section = page[page.index("TCPSocket::connect ( const char * host"):]
        for word in ["Parameters host", "port", "Mbed 5: resolve host", "nsapi_tcp_socket_connect"]:
            self.assertIn(word, section)
        section = self.cpp_page("TLSSocketWrapper")
        for word in ["set_hostname", "nsapi_tls_socket_set_hostname"] + documented(HEADERS)["nsapi_tls_socket_set_hostname"][1]:
            self.assertIn(word, section)

    def test_man_shows_a_cpp_class(self):
        """TCPSocket(3): the header to include, each method with its parameters and results, the C function
        behind it, and the classes it inherits from."""
        rc, shown = man(os.path.join(self.man3, "TCPSocket.3"))
        self.assertEqual(rc, 0, shown)
        self.assertIn("#include <TCPSocket.h>", shown)
        shown = " ".join(shown.split())  # man justifies with extra spaces
        body = shown[shown.index("nsapi_size_or_error_t send(const void *data, nsapi_size_t size);"):]
        body = body[:body.index("nsapi_tcp_socket_send(3)")]
        for word in ["Send bytes.", "Parameters:", "data", "size", "Returns:", "The number of bytes queued; otherwise one of:"] \
                + documented(HEADERS)["nsapi_tcp_socket_send"][1]:
            self.assertIn(word, body)
        self.assertIn("InternetSocket(3)", shown[shown.index("SEE ALSO"):])
        rc, shown = man(os.path.join(self.man3, "UDPSocket.3"))
        shown = " ".join(shown.split())
        body = shown[shown.index("sendto(const char *host, uint16_t port, const void *data, nsapi_size_t size);"):]
        for word in ["Mbed 5: resolve host", "host", "port", "The bytes sent, or an error code"]:
            self.assertIn(word, body)

    def test_an_undocumented_cpp_parameter_fails(self):
        with tempfile.TemporaryDirectory() as scratch:
            mbed = os.path.join(scratch, "mbed")
            shutil.copytree(MBED, mbed)
            path = os.path.join(mbed, "UDPSocket.h")
            with open(path) as f:
                text = f.read()
            dropped = re.sub(r"^ +\* @param port The port\.\n", "", text, count=1, flags=re.M)
            self.assertNotEqual(dropped, text)
            with open(path, "w") as f:
                f.write(dropped)
            problems = apidoc.build(os.path.join(scratch, "out"), "test", mbed=mbed)
            self.assertTrue(problems)
            self.assertIn("UDPSocket::sendto", "\n".join(problems))


if __name__ == "__main__":
    unittest.main()
