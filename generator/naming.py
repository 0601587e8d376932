"""The C naming rule, in one place.

A class name is split into words (acronyms stay whole) and lower-cased:
SocketAddress -> socket_address, UDPSocket -> udp_socket.  The class's C type
is nsapi_<name>_t (struct tag nsapi_<name>), its methods nsapi_<name>_<method>,
and the object parameter takes the last word: nsapi_tcp_server_accept(server, ...).
"""

import re

PREFIX = "nsapi_"

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")
CLASS_NAME = re.compile(r"[A-Z][A-Za-z0-9]*\Z")
C_NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*\Z")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
CONSTANT = re.compile(r"[A-Z][A-Za-z0-9_]*\Z")

# C11 and C++17 keywords: no generated identifier may be one of them.
KEYWORDS = frozenset("""
    auto break case char const continue default do double else enum extern float for goto if
    inline int long register restrict return short signed sizeof static struct switch typedef
    union unsigned void volatile while _Alignas _Alignof _Atomic _Bool _Complex _Generic
    _Imaginary _Noreturn _Static_assert _Thread_local alignas alignof and and_eq asm bitand
    bitor bool catch char16_t char32_t class compl constexpr const_cast decltype delete
    dynamic_cast explicit export false friend mutable namespace new noexcept not not_eq nullptr
    operator or or_eq private protected public reinterpret_cast static_assert static_cast
    template this thread_local throw true try typeid typename using virtual wchar_t xor xor_eq
""".split())


def snake(class_name):
    """SocketAddress -> socket_address, TCPServer -> tcp_server."""
    return "_".join(w.lower() for w in _WORDS.findall(class_name))


def type_name(c_name):
    return f"{PREFIX}{c_name}_t"


def struct_tag(type_name_):
    """nsapi_addr_t -> nsapi_addr: the tag of a typedef'd struct or enum."""
    return type_name_[:-2] if type_name_.endswith("_t") else type_name_


def function(c_name, method):
    return f"{PREFIX}{c_name}_{method}"


def impl_function(c_name, method):
    """What the runtime defines behind the generated argument checks."""
    return f"{PREFIX}impl_{c_name}_{method}"


def self_param(c_name):
    """The object parameter's name: the last word of the class's C name."""
    return c_name.rsplit("_", 1)[-1]


def header(stem):
    return f"nsapi/{stem}.h"


def guard(stem):
    return f"NSAPI_{stem.upper()}_H"
