"""Each kind of IDL mistake gives its exact `file:line:col: error: message`.

Every case copies the real idl/ into a scratch directory, breaks one thing
with a text replacement, runs the generator there, and compares its stderr
with the expected lines.  Positions are computed from the broken text, so the
cases survive edits elsewhere in the IDL.
"""

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
from generator.__main__ import main as generator_main  # noqa: E402


def where(text, needle, offset=0):
    """1-based line and column of needle (plus offset characters) in text."""
    i = text.index(needle) + offset
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


class IdlErrorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-idl-")
        shutil.copytree(os.path.join(ROOT, "idl"), os.path.join(self.tmp, "idl"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, name, old, new):
        """Replace the one occurrence of old in idl/name; return the new text."""
        path = os.path.join(self.tmp, "idl", name)
        with open(path) as f:
            text = f.read()
        self.assertEqual(text.count(old), 1, f"{old!r} must occur once in {name}")
        text = text.replace(old, new)
        with open(path, "w") as f:
            f.write(text)
        return text

    def run_generator(self):
        """The generator's main() in this process, from the scratch directory: the command line's
        exit code and output, without a Python start-up per case (test_generator.py runs the
        command itself)."""
        out, err = io.StringIO(), io.StringIO()
        here = os.getcwd()
        os.chdir(self.tmp)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = generator_main(["--out", "out"])
        finally:
            os.chdir(here)
        return subprocess.CompletedProcess(["python3", "-m", "generator"], code, out.getvalue(), err.getvalue())

    def assert_errors(self, *expected):
        p = self.run_generator()
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr.splitlines(), list(expected))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")), "nothing is written when the IDL is broken")

    def at(self, name, text, needle, message, offset=0):
        line, col = where(text, needle, offset)
        return f"idl/{name}:{line}:{col}: error: {message}"

    # --- one test per kind of mistake ---------------------------------------------

    def test_yaml_syntax(self):
        text = self.edit("tcp_server.yaml", "doc: Start accepting connections on the bound port.",
                         'doc: "Start accepting connections')
        end = text.count("\n") + 1
        self.assert_errors(f"idl/tcp_server.yaml:{end}:1: error: invalid YAML: found unexpected end of stream")

    def test_unknown_key(self):
        text = self.edit("udp_socket.yaml", "        doc: Send one datagram to the peer set by connect().",
                         "        dco: Send one datagram to the peer set by connect().")
        self.assert_errors(
            self.at("udp_socket.yaml", text, "c: nsapi_size_or_error_t send(", "method has no 'doc'"),
            self.at("udp_socket.yaml", text, "dco:", "unknown key 'dco' in method (known keys: abstract, backend, c, "
                                                     "const, doc, errors, init, on_null, params, requires, returns)"))

    def test_missing_param_doc(self):
        text = self.edit("tcp_socket.yaml", "          data:\n            doc: The bytes.\n            nullable_if_zero: size\n",
                         "")
        self.assert_errors(self.at("tcp_socket.yaml", text, "nsapi_size_or_error_t send(",
                                   "parameter 'data' of 'send' has no doc"))

    def test_duplicate_name(self):
        text = self.edit("errors.yaml", "name: NSAPI_ERROR_NO_SSID", "name: NSAPI_ERROR_DNS_FAILURE")
        first = where(text, "NSAPI_ERROR_DNS_FAILURE")
        second = text.rindex("NSAPI_ERROR_DNS_FAILURE")
        self.assert_errors(self.at("errors.yaml", text[:second] + "@" + text[second + 1:], "@",
                                   f"duplicate name 'NSAPI_ERROR_DNS_FAILURE' (first defined at idl/errors.yaml:{first[0]}:{first[1]})"))

    def test_duplicate_value(self):
        text = self.edit("errors.yaml", "value: -3020", "value: -3019")
        self.assert_errors(self.at("errors.yaml", text, "NSAPI_ERROR_BUSY",
                                   "duplicate value -3019 in enum 'nsapi_error': NSAPI_ERROR_BUSY and NSAPI_ERROR_TIMEOUT"))

    def test_unknown_type(self):
        text = self.edit("tcp_socket.yaml", "recv(void *data, nsapi_size_t size)", "recv(void *data, nsapi_sise_t size)")
        self.assert_errors(self.at("tcp_socket.yaml", text, "nsapi_sise_t", "unknown type 'nsapi_sise_t'"))

    def test_unknown_return_type(self):
        text = self.edit("socket.yaml", "c: nsapi_error_t close(void)", "c: nsapi_eror_t close(void)")
        self.assert_errors(self.at("socket.yaml", text, "nsapi_eror_t", "unknown type 'nsapi_eror_t'"))

    def test_malformed_signature(self):
        text = self.edit("tcp_socket.yaml", "recv(void *data, nsapi_size_t size)", "recv(void *data, nsapi_size_t size")
        line, col = where(text, "recv(void *data, nsapi_size_t size")
        self.assert_errors(f"idl/tcp_socket.yaml:{line}:{col + len('recv(void *data, nsapi_size_t size')}: "
                           "error: malformed C signature: unexpected ';'")

    def test_not_a_function(self):
        text = self.edit("socket.yaml", "c: nsapi_error_t close(void)", "c: nsapi_error_t close")
        self.assert_errors(self.at("socket.yaml", text, "nsapi_error_t close",
                                   "expected a function declaration such as 'nsapi_error_t close(void)'"))

    def test_unknown_error_code(self):
        text = self.edit("tcp_server.yaml", "NSAPI_ERROR_UNSUPPORTED: the stack cannot listen.",
                         "NSAPI_ERROR_UNSUPORTED: the stack cannot listen.")
        self.assert_errors(self.at("tcp_server.yaml", text, "NSAPI_ERROR_UNSUPORTED",
                                   "'listen' lists unknown error code 'NSAPI_ERROR_UNSUPORTED'"))

    def test_undocumented_parameter_error(self):
        text = self.edit("socket.yaml", "          NSAPI_ERROR_PARAMETER: a NULL argument.\n          NSAPI_ERROR_NO_SOCKET: the socket is not open.\n          NSAPI_ERROR_NO_CONNECTION",
                         "          NSAPI_ERROR_NO_SOCKET: the socket is not open.\n          NSAPI_ERROR_NO_CONNECTION")
        self.assert_errors(self.at("socket.yaml", text, "nsapi_error_t getpeername",
                                   "method 'getpeername' checks its arguments but does not document NSAPI_ERROR_PARAMETER"))

    def test_undocumented_state_error(self):
        text = self.edit("tcp_server.yaml", "          NSAPI_ERROR_NO_SOCKET: the socket is not open.\n", "")
        self.assert_errors(self.at("tcp_server.yaml", text, "open\n        params:\n          backlog",
                                   "method 'listen' requires 'open' but does not document NSAPI_ERROR_NO_SOCKET"))

    def test_constraint_for_unknown_parameter(self):
        text = self.edit("tcp_server.yaml", "          backlog:\n", "          backlgo:\n")
        self.assert_errors(self.at("tcp_server.yaml", text, "nsapi_error_t listen(", "parameter 'backlog' of 'listen' has no doc"),
                           self.at("tcp_server.yaml", text, "backlgo", "'listen' has no parameter 'backlgo'"))

    def test_nullable_non_pointer(self):
        text = self.edit("tcp_socket.yaml", "          size:\n            doc: Bytes available at data.\n",
                         "          size:\n            doc: Bytes available at data.\n            nullable: true\n")
        self.assert_errors(self.at("tcp_socket.yaml", text, "size:\n            doc: Bytes available at data.\n            nullable",
                                   "'size' is not a pointer, so it cannot be nullable"))

    def test_min_above_max(self):
        text = self.edit("tcp_server.yaml", "max: 255", "max: 0")
        self.assert_errors(self.at("tcp_server.yaml", text, "0\n            example", "'backlog' has min 1 above max 0"))

    def test_range_on_pointer(self):
        text = self.edit("tcp_server.yaml", "            doc: A closed TCPSocket to hold the connection.\n",
                         "            doc: A closed TCPSocket to hold the connection.\n            min: 1\n")
        self.assert_errors(self.at("tcp_server.yaml", text, "hold the connection.\n            min: 1",
                                   "'min' needs an integer parameter; 'connection' is not one",
                                   offset=len("hold the connection.\n            min: ")))

    def test_wrong_value_kind(self):
        text = self.edit("errors.yaml", "value: -3001", "value: minus 3001")
        self.assert_errors(self.at("errors.yaml", text, "minus 3001", "'value' of enum value must be an integer, not a string"))

    def test_duplicate_key(self):
        text = self.edit("tcp_socket.yaml", "        doc: Receive bytes; returns as soon as some are available.\n",
                         "        doc: Receive bytes; returns as soon as some are available.\n        doc: again\n")
        self.assert_errors(self.at("tcp_socket.yaml", text, "doc: again", "duplicate key 'doc' (first at line "
                                   f"{where(text, 'doc: Receive bytes')[0]})"))

    def test_nullable_if_zero_with_a_size_that_cannot_be_zero(self):
        text = self.edit("tcp_socket.yaml", "            doc: Where to copy them.\n",
                         "            doc: Where to copy them.\n            nullable_if_zero: size\n")
        self.assert_errors(self.at("tcp_socket.yaml", text, "copy them.\n            nullable_if_zero: size",
                                   "'data' may be NULL only when 'size' is 0, which its min 1 refuses: "
                                   "drop nullable_if_zero", offset=len("copy them.\n            nullable_if_zero: ")))

    def test_operation_without_the_stack_first(self):
        old = "nsapi_error_t socket_listen(nsapi_stack_t *stack, nsapi_handle_t handle, int backlog)"
        text = self.edit("stack_api.yaml", old, "nsapi_error_t socket_listen(nsapi_handle_t handle, int backlog)")
        self.assert_errors(self.at("stack_api.yaml", text, "nsapi_error_t socket_listen(", "operation 'socket_listen' "
                                   "must take 'nsapi_stack_t *stack' first (the runtime calls every operation through that object)"))

    def test_unknown_base_class(self):
        text = self.edit("udp_socket.yaml", "extends: Socket", "extends: Sockett")
        self.assert_errors(self.at("udp_socket.yaml", text, "Sockett", "unknown base class 'Sockett'"))

    def test_unknown_state(self):
        text = self.edit("tcp_server.yaml", "        doc: Start accepting connections on the bound port.\n        requires: open",
                         "        doc: Start accepting connections on the bound port.\n        requires: opened")
        self.assert_errors(self.at("tcp_server.yaml", text, "opened", "unknown state 'opened' (known: open)"))

    def test_value_method_without_on_null(self):
        text = self.edit("socket_address.yaml", "        on_null: '0'\n", "")
        self.assert_errors(self.at("socket_address.yaml", text, "uint16_t get_port",
                                   "method 'get_port' returns a value, so it needs 'on_null': what it returns for NULL arguments"))

    def test_redefined_method(self):
        text = self.edit("tcp_socket.yaml", "    methods:\n", "    methods:\n      - c: nsapi_error_t close(void)\n"
                         "        doc: Close again.\n        errors:\n          NSAPI_ERROR_PARAMETER: no.\n")
        self.assert_errors(self.at("tcp_socket.yaml", text, "nsapi_error_t close",
                                   "method 'close' is already declared by 'Socket'; subclasses inherit methods and do not redeclare them"))

    def test_unknown_constant_in_array(self):
        text = self.edit("types.yaml", "uint8_t bytes[NSAPI_IP_BYTES]", "uint8_t bytes[NSAPI_IP_BYTE]")
        self.assert_errors(self.at("types.yaml", text, "uint8_t bytes", "unknown constant 'NSAPI_IP_BYTE'"))

    def test_keyword_parameter(self):
        text = self.edit("tcp_server.yaml", "listen(int backlog)", "listen(int new)")
        self.assert_errors(self.at("tcp_server.yaml", text, "nsapi_error_t listen", "parameter 'new' of 'listen' has no doc"),
                           self.at("tcp_server.yaml", text, "nsapi_error_t listen", "parameter name 'new' is a C or C++ keyword"),
                           self.at("tcp_server.yaml", text, "backlog:", "'listen' has no parameter 'backlog'"))

    def test_requires_on_value_method(self):
        text = self.edit("socket_address.yaml", "        on_null: '0'\n", "        on_null: '0'\n        requires: open\n")
        self.assert_errors(self.at("socket_address.yaml", text, "open\n",
                                   "'requires' needs a method that returns errors; 'get_port' returns uint16_t",
                                   offset=text.index("requires: open") + len("requires: ") - text.index("open\n")))

    def test_callback_needs_example(self):
        text = self.edit("socket.yaml", "            doc: The function to call.\n            nullable: true\n",
                         "            doc: The function to call.\n")
        self.assert_errors(self.at("socket.yaml", text, "callback:\n            doc: The function to call.",
                                   "'callback' must not be NULL, so the generated tests need an 'example' value for it"))

    def test_comment_end_in_doc(self):
        text = self.edit("tcp_socket.yaml", "doc: Receive bytes; returns", "doc: Receive */ bytes; returns")
        self.assert_errors(self.at("tcp_socket.yaml", text, "Receive */",
                                   "'doc' of method contains '*/', which would end the C comment"))

    def test_yaml_tag(self):
        text = self.edit("tcp_socket.yaml", "doc: Receive bytes; returns", "doc: !text Receive bytes; returns")
        self.assert_errors(self.at("tcp_socket.yaml", text, "!text",
                                   "invalid YAML: could not determine a constructor for the tag '!text'"))

    def test_keyword_object_parameter(self):
        text = self.edit("tcp_server.yaml", "name: TCPServer", "name: OperatorNew")
        self.assert_errors(self.at("tcp_server.yaml", text, "OperatorNew",
                                   "class 'OperatorNew' would name its object parameter 'new', a C or C++ keyword; set c_name"))

    def test_keyword_field(self):
        text = self.edit("stack.yaml", "c: void *context\n        doc: The backend", "c: void *class\n        doc: The backend")
        self.assert_errors(self.at("stack.yaml", text, "void *class", "field name 'class' is a C or C++ keyword"))

    def test_file_name(self):
        os.rename(os.path.join(self.tmp, "idl", "tcp_server.yaml"), os.path.join(self.tmp, "idl", "tcp-server.yaml"))
        self.assert_errors("idl/tcp-server.yaml:1:1: error: file name 'tcp-server.yaml' must be lower_case words "
                           "other than 'nsapi' (it names a header)")

    def test_class_without_members(self):
        text = self.edit("stack.yaml", """    fields:
      - c: const nsapi_stack_api_t *api
        doc: The backend's operations.
      - c: void *context
        doc: The backend's own state, passed back to it through stack.
""", "")
        self.assert_errors(self.at("stack.yaml", text, "name: NetworkStack",
                                   "class 'NetworkStack' has no fields and no base; a C struct needs a member"))

    def test_option_default_out_of_range(self):
        text = self.edit("options.yaml", "    default: 5\n    min: 1\n    doc: DNS servers",
                         "    default: 0\n    min: 1\n    doc: DNS servers")
        self.assert_errors(self.at("options.yaml", text, "0\n    min: 1\n    doc: DNS servers",
                                   "option 'NSAPI_DNS_SERVERS' defaults to 0, below its min 1"))

    def test_unknown_option(self):
        text = self.edit("stack.yaml", "name: nsapi_dns_entry_t\n    if: NSAPI_CONFIG_DNS",
                         "name: nsapi_dns_entry_t\n    if: NSAPI_CONFIG_DNZ")
        self.assert_errors(self.at("stack.yaml", text, "NSAPI_CONFIG_DNZ", "unknown option 'NSAPI_CONFIG_DNZ'"))

    def test_if_on_an_option_that_is_not_a_switch(self):
        text = self.edit("stack.yaml", "dns_last_id\n        if: NSAPI_CONFIG_DNS", "dns_last_id\n        if: NSAPI_DNS_TRIES")
        self.assert_errors(self.at("stack.yaml", text, "NSAPI_DNS_TRIES",
                                   "'if' needs an option that is 0 or 1 (min 0, max 1); 'NSAPI_DNS_TRIES' is not one"))

    def test_type_used_outside_its_option(self):
        text = self.edit("stack.yaml", "dns_queries[NSAPI_DNS_QUERIES]\n        if: NSAPI_CONFIG_DNS\n",
                         "dns_queries[NSAPI_DNS_QUERIES]\n")
        self.assert_errors(self.at("stack.yaml", text, "nsapi_dns_query_t dns_queries",
                                   "'nsapi_dns_query_t' exists only if NSAPI_CONFIG_DNS; field 'dns_queries' needs "
                                   "'if: NSAPI_CONFIG_DNS' too"))

    def test_two_backend_headers(self):
        text = self.edit("tcp_server.yaml", "doc: TCPServer,", "backend: true\ndoc: TCPServer,")
        self.assert_errors(self.at("tcp_server.yaml", text, "backend: true", "'backend' is set in more than one file "
                                   "(first in idl/stack_api.yaml)", offset=len("backend: ")))

    def test_backend_methods_without_a_backend_header(self):
        self.edit("stack_api.yaml", "backend: true\n", "")
        with open(os.path.join(self.tmp, "idl", "stack.yaml")) as f:
            text = f.read()
        with open(os.path.join(self.tmp, "idl", "network_interface.yaml")) as f:
            netif = f.read()

        def marked(file, text, names):
            at = [0]
            for _ in names:
                at.append(text.index("backend: true", at[-1] + 1) + len("backend: "))
            return [self.at(file, text[:i] + "@" + text[i:], "@", f"method '{name}' is for backends, "
                            "but no file is 'backend: true' to declare it") for i, name in zip(at[1:], names)]

        self.assert_errors(*marked("network_interface.yaml", netif, ("init", "report_status")),
                           *marked("stack.yaml", text, ("init", "deinit")))

    def test_every_error_at_once(self):
        a = self.edit("udp_socket.yaml", "extends: Socket", "extends: Sockett")
        b = self.edit("tcp_socket.yaml", "recv(void *data, nsapi_size_t size)", "recv(void *data, nsapi_sise_t size)")
        c = self.edit("errors.yaml", "value: -3020", "value: -3019")
        self.assert_errors(self.at("errors.yaml", c, "NSAPI_ERROR_BUSY",
                                   "duplicate value -3019 in enum 'nsapi_error': NSAPI_ERROR_BUSY and NSAPI_ERROR_TIMEOUT"),
                           self.at("tcp_socket.yaml", b, "nsapi_sise_t", "unknown type 'nsapi_sise_t'"),
                           self.at("udp_socket.yaml", a, "Sockett", "unknown base class 'Sockett'"))

    def test_shape_errors_come_first(self):
        """Shape errors stop the run before cross-references, which they would only confuse."""
        self.edit("udp_socket.yaml", "extends: Socket", "extends: Sockett")
        b = self.edit("errors.yaml", "value: -3001", "value: minus 3001")
        self.assert_errors(self.at("errors.yaml", b, "minus 3001", "'value' of enum value must be an integer, not a string"))

if __name__ == "__main__":
    unittest.main()
