"""The Mbed C++ API (generated/mbed/include/): each IDL class as the Mbed class of its name, inline over
its C functions, and the Mbed-only headers (mbed.h, the interfaces, the callback) beside them.

A class's template writes by hand only what Mbed spells differently from the C API (listed in SPECS:
skip); every other method the IDL gives the class is forwarded here, one inline member per method, so
a method added to the IDL appears in C and C++ at once.  A method whose types this module cannot map
stops the generator with its name, to be written by hand in the template.
"""

from .. import csig
from .c import prototype
from .doc import cpp_method_doc
from .jinja import Output


class Spec:
    """How one IDL class becomes an Mbed class: its C++ name, and the methods its template writes itself."""

    def __init__(self, cpp, skip=(), void=()):
        self.cpp = cpp
        self.skip = set(skip)    # written by hand in the template (Mbed's signature differs)
        self.void = set(void)    # Mbed returns nothing from these: the C result is dropped


SOCKET_BY_HAND = ("open", "sigio", "set_blocking", "set_timeout")
SPECS = {
    "SocketAddress": Spec("SocketAddress", skip=("set_ip_address", "set_ip_bytes", "set_addr", "set_port",
                                                 "get_ip_address", "is_nonzero", "equals")),
    "TCPSocket": Spec("TCPSocket", skip=SOCKET_BY_HAND + ("close",)),
    "UDPSocket": Spec("UDPSocket", skip=SOCKET_BY_HAND),
    "TCPServer": Spec("TCPServer", skip=SOCKET_BY_HAND + ("accept", "listen", "close", "bind", "setsockopt",
                                                        "getsockopt", "getpeername")),
    "NetworkStack": Spec("NetworkStack", skip=("init", "deinit", "gethostbyname", "gethostbyname_async",
                                               "gethostbyname_async_cancel", "get_ip_address")),
    "NetworkInterface": Spec("NetworkInterface", skip=(
        "init", "deinit", "connect", "disconnect", "get_stack", "attach", "add_event_listener",
        "remove_event_listener", "add_dns_server", "gethostbyname", "gethostbyname_async", "gethostbyname_async_cancel",
        "get_ip_address", "get_netmask", "get_gateway", "get_mac_address", "get_interface_name",
        "set_blocking", "set_network", "set_dhcp", "set_timeout", "get_ipv6_link_local_address"), void=()),
    "TLSSocket": Spec("TLSSocketWrapper", skip=SOCKET_BY_HAND + ("wrap", "connect", "connect_host", "close",
                                                                "set_root_ca_cert", "set_hostname", "accept")),
    "DTLSSocket": Spec("DTLSSocketWrapper", skip=SOCKET_BY_HAND + ("wrap", "connect", "close",
                                                                  "set_root_ca_cert", "set_hostname", "accept")),
}

# Headers that are Mbed's alone: no IDL class behind them, written whole by their templates.
PLAIN = ["mbed.h", "nsapi.h", "nsapi_types.h", "Callback.h", "mbed_assert.h", "mbed_version.h",
         "mbed_wait_api.h", "ThisThread.h", "Socket.h", "InternetSocket.h", "EthInterface.h",
         "EthernetInterface.h", "WiFiInterface.h", "TLSSocket.h", "DTLSSocket.h"]
# Headers that hold an IDL class: header name -> IDL class.
CLASS_HEADERS = {"SocketAddress.h": "SocketAddress", "TCPSocket.h": "TCPSocket", "UDPSocket.h": "UDPSocket",
                 "TCPServer.h": "TCPServer", "NetworkStack.h": "NetworkStack",
                 "NetworkInterface.h": "NetworkInterface", "TLSSocketWrapper.h": "TLSSocket",
                 "DTLSSocketWrapper.h": "DTLSSocket"}


class CppError(Exception):
    pass


def _param(p, classes):
    """(C++ parameter text, C argument expression) for one parameter."""
    base = csig.base_type(p.decl.type)
    if p.type is not None and p.type.kind == "class" and base in classes:
        cpp = classes[base]
        const = csig.type_text(p.decl.type).startswith("const ")
        if const and not p.nullable:
            return f"const {cpp} &{p.name}", f"{p.name}.nsapi_object()"
        qual = "const " if const else ""
        return f"{qual}{cpp} *{p.name}", f"{p.name} ? {p.name}->nsapi_object() : nullptr"
    if p.type is not None and p.type.kind in ("class", "vtable"):
        raise CppError(f"parameter {p.name}: a {base} has no Mbed class")
    return p.text, p.name


def method(m, spec, classes):
    """The inline C++ member that forwards m to its C function."""
    params, args = [], ["nsapi_object()"]
    for p in m.params:
        text, arg = _param(p, classes)
        params.append(text)
        args.append(arg)
    ret = m.func.ret_text
    if m.func.ret_type is not None and m.func.ret_type.kind in ("class", "vtable"):
        raise CppError(f"{m.klass.name}::{m.name} returns a {m.func.ret_type.name}: write it by hand")
    call = f"{m.c_name}({', '.join(args)})"
    const = " const" if m.func.const else ""
    sep = "" if ret.endswith("*") else " "
    if m.name in spec.void:
        return f"void {m.name}({', '.join(params)}){const}\n{{\n    (void){call};\n}}"
    return f"{ret}{sep}{m.name}({', '.join(params)}){const}\n{{\n    return {call};\n}}"


def methods(klass, classes, indent="    "):
    """Every method of klass its template does not write, as inline members, indented for a class body;
    classes maps each C type name to its C++ class."""
    spec = SPECS[klass.name]
    out = []
    for m in klass.application_methods:
        if m.name in spec.skip:
            continue
        try:
            text = method(m, spec, classes)
        except CppError as e:
            raise CppError(f"{klass.file.source}: {e}; list it in generator/emit/cpp.py's SPECS and write it in its template")
        body = "\n".join((indent + line) if line else line for line in text.split("\n"))
        out.append(cpp_method_doc(m, indent, void=m.name in spec.void) + "\n" + body)
    return "\n\n".join(out)


def outputs(model):
    by_name = {k.name: k for k in model.all_classes}
    for name in SPECS:
        if name not in by_name:
            raise CppError(f"the IDL has no class {name}, which generator/emit/cpp.py maps to C++")
    # The Mbed-only headers name the IDL's types and classes, not one file's: they cite the shared file.
    outs = [Output(f"mbed/include/{h}", f"cpp/{h}.j2", [model.shared_file.source]) for h in PLAIN]
    classes = {k.type_name: SPECS[k.name].cpp for k in model.all_classes if k.name in SPECS}
    outs += [Output(f"mbed/include/{h}", f"cpp/{h}.j2", [by_name[k].file.source], klass=by_name[k],
                    generated=methods(by_name[k], classes)) for h, k in CLASS_HEADERS.items()]
    return outs + adaptor_outputs(model)


# The C conformance suite through the C++ classes: a redirect header (-include'd into the suite's C
# sources) renames each C call of these classes to an adaptor, and the adaptor makes the call
# through the C++ class.  Sockets are C++ objects the adaptor keeps, found through a pointer it
# stores in the first word of the suite's own (zero-filled, otherwise unused) C object; addresses
# are copied into a SocketAddress and back.  NULL objects and NULL required pointers go to the C
# function itself: C++ references cannot be NULL, and argument errors are the C layer's.
ADAPTED = ["SocketAddress", "TCPSocket", "UDPSocket", "TCPServer"]
ADAPT_VOID = {"set_blocking", "set_timeout", "set_port", "set_addr"}  # Mbed drops their result: NSAPI_ERROR_OK
ADAPT_BY_HAND = {
    "sigio": "o->sigio(mbed::Callback<void()>::nsapi_from(callback, arg));\nreturn NSAPI_ERROR_OK;",
    "set_ip_address": "return o.set_ip_address(text) ? NSAPI_ERROR_OK : NSAPI_ERROR_PARAMETER;",
    "is_nonzero": "return static_cast<bool>(o);",
    "equals": "return o == a_other;",
    "get_ip_address": "return nsapi_cpp_text(o.get_ip_address(), buffer, size);",
}
NOT_ADAPTED = {"set_ip_bytes", "get_ip_bytes"}  # a void setter that may fail; a pointer into the object


def _adaptor(m, cpp):
    """(C prototype, C++ body) of the adaptor of method m, or None when it stays C's."""
    if m.name in NOT_ADAPTED:
        return None
    value = m.klass.name == "SocketAddress"
    name = "nsapi_cpp_" + m.c_name[len("nsapi_"):]
    real_args = ", ".join([m.self_name] + [p.name for p in m.params])
    pre, post, args = [], [], []
    guards = [f"{m.self_name} == NULL"]
    for p in m.params:
        base = csig.base_type(p.decl.type)
        const = csig.type_text(p.decl.type).startswith("const ")
        if base == "nsapi_socket_address_t" and p.pointer:
            pre.append(f"SocketAddress a_{p.name};")
            if p.nullable:
                pre.append(f"if ({p.name} != NULL) {{\n    *a_{p.name}.nsapi_object() = *{p.name};\n}}")
            else:
                guards.append(f"{p.name} == NULL")
                pre.append(f"*a_{p.name}.nsapi_object() = *{p.name};")
            if const:
                args.append(f"a_{p.name}")
            else:
                args.append(f"{p.name} ? &a_{p.name} : nullptr")
                post.append(f"if ({p.name} != NULL) {{\n    *{p.name} = *a_{p.name}.nsapi_object();\n}}")
        elif base == "nsapi_tcp_socket_t" and p.pointer:
            args.append(f"nsapi_cpp_view<TCPSocket>({p.name})")
        elif base == "nsapi_stack_t" and p.pointer:
            pre.append(f"NetworkStack s_{p.name}({p.name});")
            args.append(f"&s_{p.name}")
        elif base == "nsapi_addr_t" and p.pointer:
            guards.append(f"{p.name} == NULL")
            args.append(f"*{p.name}")
        elif p.type is not None and p.type.kind in ("class", "vtable"):
            return None
        else:
            args.append(p.name)
    obj = "o." if value else "o->"
    if m.name in ADAPT_BY_HAND:
        call = ADAPT_BY_HAND[m.name].split("\n")
    elif m.name in ADAPT_VOID:
        call = [f"{obj}{m.name}({', '.join(args)});", "return NSAPI_ERROR_OK;"]
    else:
        call = [f"return {obj}{m.name}({', '.join(args)});"]
    if value:
        self_ = ["SocketAddress o;", f"*o.nsapi_object() = *{m.self_name};"]
        if not m.func.const:
            post.append(f"*{m.self_name} = *o.nsapi_object();")
    else:
        self_ = [f"{cpp} *o = nsapi_cpp_view<{cpp}>({m.self_name});"]
    if post and len(call) == 1:  # keep the result while the copies back are made
        call = [call[0].replace("return ", "auto result = ", 1)] + post + ["return result;"]
    elif post:
        call = call[:-1] + post + call[-1:]
    lines = [f"if ({' || '.join(guards)}) {{", f"    return {m.c_name}({real_args});", "}"] + self_ + pre + call
    body = "\n".join("    " + line for chunk in lines for line in chunk.split("\n"))
    return prototype(m, name), name, body


def adaptors(model):
    """[(class, [(C prototype, adaptor name, C name, body)], [C names left to C])] for the ADAPTED classes."""
    by_name = {k.name: k for k in model.all_classes}
    out = []
    for name in ADAPTED:
        k = by_name[name]
        done, left = [], []
        for m in k.application_methods:
            a = _adaptor(m, SPECS[name].cpp)
            if a is None:
                left.append(m.c_name)
            else:
                done.append((a[0], a[1], m.c_name, a[2]))
        out.append((k, done, left))
    return out


def adaptor_outputs(model):
    table = adaptors(model)
    sources = sorted({k.file.source for k, _, _ in table})
    return [Output("mbed/tests/conformance_redirect.h", "cpp/conformance_redirect.h.j2", sources, table=table),
            Output("mbed/tests/conformance_adaptor.cpp", "cpp/conformance_adaptor.cpp.j2", sources, table=table)]
