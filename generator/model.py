"""The model: what the IDL declares, resolved, as the emitters and the test plan read it.

resolve.py builds it from the IDL's records and validate.py checks its rules;
every object keeps its record (rec) and position (pos) so that a rule can
point at the IDL.  Nothing here writes C.
"""

from . import csig, naming

ERROR_ENUM = "nsapi_error"
STATES = {"open": "NSAPI_ERROR_NO_SOCKET"}  # requires: <state> -> error when not in it
PARAMETER = "NSAPI_ERROR_PARAMETER"

# Types C gives us: whether each is an unsigned integer, and the standard header that declares it.
BUILTINS = {
    "void": (False, None), "char": (False, None), "int": (False, None), "unsigned": (True, None),
    "unsigned int": (True, None), "long": (False, None), "unsigned long": (True, None),
    "bool": (True, "stdbool.h"), "size_t": (True, "stddef.h"),
    "int8_t": (False, "stdint.h"), "int16_t": (False, "stdint.h"), "int32_t": (False, "stdint.h"),
    "int64_t": (False, "stdint.h"), "uint8_t": (True, "stdint.h"), "uint16_t": (True, "stdint.h"),
    "uint32_t": (True, "stdint.h"), "uint64_t": (True, "stdint.h"),
    "intptr_t": (False, "stdint.h"), "uintptr_t": (True, "stdint.h"),
}
INTEGERS = set(BUILTINS) - {"void", "bool"}


class Type:
    """A type name the IDL may use: builtin, scalar, callback, external, enum, struct, class or vtable."""

    def __init__(self, name, kind, file=None, pos=None, unsigned=False, carries_errors=False):
        self.name, self.kind, self.file, self.pos = name, kind, file, pos
        self.unsigned, self.carries_errors = unsigned, carries_errors
        self.pointer = False  # a typedef'd pointer: a callback or a handle
        self.enum = None
        self.header = None    # an external type's header
        self.condition = None  # the Option a struct exists under, if any

    @property
    def integer(self):
        return self.kind == "builtin" and self.name in INTEGERS or self.kind == "scalar" and not self.pointer

    @property
    def forward_declared(self):
        """Classes and vtables are named in the shared header, so that others may point at them."""
        return self.kind in ("class", "vtable")


class Param:
    """A parameter of a method or operation, with the constraints its IDL entry sets."""

    def __init__(self, decl, model):
        self.decl, self.name = decl, decl.name
        self.text = csig.text(decl)
        self.array = csig.is_array(decl.type)
        self.pointer = self.array or csig.is_pointer(decl.type)  # an array parameter is a pointer
        self.type = model.types.get(csig.base_type(decl.type))
        if not self.pointer and self.type is not None and self.type.pointer:
            self.pointer = True
        self.entry = None  # its entry under params, if any
        self.doc = None
        self.nullable = False
        self.nullable_if_zero = None  # the name of the size parameter
        self.min = self.max = None
        self.example = None

    @property
    def enum(self):
        return None if self.pointer or self.type is None else self.type.enum

    @property
    def integer(self):
        return not self.pointer and self.type is not None and self.type.integer

    @property
    def unsigned(self):
        return self.type is not None and self.type.unsigned


class Function:
    """A method of a class, or an operation of a vtable."""

    def __init__(self, rec, decl, owner):
        self.rec, self.pos, self.owner = rec, rec.c.pos, owner
        self.name, self.ret, self.raw_params = csig.function_parts(decl)
        self.decl = decl
        self.ret_text = csig.type_text(self.ret)
        self.ret_type = None
        self.doc = rec.doc
        self.event = rec.get("event")
        self.returns = rec.get("returns")
        self.errors = [(e.key, e.value, e.pos) for e in rec.get("errors", [])]
        self.on_null = rec.get("on_null")
        self.requires = rec.get("requires")
        self.const = rec.get("const", False)
        self.abstract = rec.get("abstract", False)
        self.backend = rec.get("backend", False)  # a method only backends call: declared in the backend header
        self.init = rec.get("init", False)  # the method that initialises the object (see Class.initialized_by)
        self.when_null = rec.get("when_null")     # an operation: what the runtime does when a backend has none
        self.params = []

    @property
    def carries_errors(self):
        return self.ret_type is not None and self.ret_type.carries_errors and not csig.is_pointer(self.ret)

    @property
    def returns_struct(self):
        return not csig.is_pointer(self.ret) and self.ret_type is not None and self.ret_type.kind == "struct"

    @property
    def fail_value(self):
        """What the function returns when its arguments are bad."""
        return PARAMETER if self.carries_errors else self.on_null.value

    @property
    def state_error(self):
        """The code it returns on an object not in the state it requires, or None."""
        return STATES.get(self.requires.value) if self.requires else None


class Method:
    """A method as one class offers it: its own, inherited, or its implementation of an abstract one."""

    def __init__(self, klass, func):
        self.klass, self.func = klass, func
        self.name = func.name
        self.c_name = naming.function(klass.c_name, func.name)
        self.self_name = klass.self_name
        self.params = func.params
        # Abstract methods are implemented by each class; the others are inherited
        # through wrappers that call the direct base's function with the base part.
        self.inherited = func.owner is not klass and not func.abstract
        self.impl = naming.impl_function(klass.c_name, func.name)
        self.base_c_name = naming.function(klass.base.c_name, func.name) if self.inherited else None

    @property
    def state_error(self):
        return self.func.state_error


class Class:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.pos
        self.name = rec.name.value
        self.c_name = rec.c_name.value if "c_name" in rec._values else naming.snake(self.name)
        self.type_name = naming.type_name(self.c_name)
        self.tag = naming.struct_tag(self.type_name)
        self.self_name = naming.self_param(self.c_name)
        self.doc = rec.get("doc", "")
        self.abstract = rec.get("abstract", False)
        # The field the init method sets non-NULL: every other method's check fails while it is NULL.
        self.initialized_by = rec.initialized_by.value if "initialized_by" in rec._values else None
        self.base = None
        self.fields = []
        self.functions = []   # declared here
        self.methods = []     # offered here, own and inherited, in order

    @property
    def application_methods(self):
        """The methods the class's own header declares: all but those only backends call."""
        return [m for m in self.methods if not m.func.backend]

    @property
    def ancestors(self):
        k, out = self.base, []
        while k is not None and k not in out:
            out.append(k)
            k = k.base
        return out


class EnumValue:
    def __init__(self, rec):
        self.name, self.value, self.doc, self.pos = rec.name.value, rec.value.value, rec.doc, rec.name.pos


class Enum:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name = rec.name.value
        self.typedef = self.name.endswith("_t")
        self.tag = naming.struct_tag(self.name)
        self.doc = rec.doc
        self.values = [EnumValue(v) for v in rec.get("values", [])]
        self.strings = rec.get("strings")

    @property
    def lowest(self):
        return min(self.values, key=lambda v: v.value)

    @property
    def highest(self):
        return max(self.values, key=lambda v: v.value)

    @property
    def contiguous(self):
        values = sorted(v.value for v in self.values)
        return values == list(range(values[0], values[-1] + 1))


class Decl:
    """A struct field, a class field, a scalar typedef or a callback typedef."""

    def __init__(self, rec, node):
        self.rec, self.pos, self.node = rec, rec.c.pos, node
        self.name = node.name
        self.text = csig.text(node)
        self.doc = rec.doc
        self.condition = None  # the Option a field exists under ('if'), if any


class Struct:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name = rec.name.value
        self.tag = naming.struct_tag(self.name)
        self.doc = rec.doc
        self.condition = None  # the Option the struct exists under ('if'), if any
        self.fields = []


class Constant:
    def __init__(self, rec):
        self.rec, self.pos = rec, rec.name.pos
        self.name, self.value, self.doc = rec.name.value, rec.value.value, rec.doc


class Option:
    """A tunable of the build: a default a build may override, and the range the runtime works with."""

    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name, self.default, self.doc = rec.name.value, rec.default.value, rec.doc
        self.min = rec.min.value if "min" in rec._values else None
        self.max = rec.max.value if "max" in rec._values else None

    @property
    def switch(self):
        """Whether the option turns a part of the build on (1) or off (0), so that 'if' may name it."""
        return self.min == 0 and self.max == 1


class Vtable:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name = rec.name.value
        self.tag = naming.struct_tag(self.name)
        self.doc = rec.doc
        self.ops = []
        # nsapi_NAME_api_t serves the class whose C name is NAME: each operation takes its object first,
        # and the runtime calls it through that object's api field (NAME_api_OP() in src/stack_api_calls.h).
        self.c_name = self.tag[len(naming.PREFIX):-len("_api")] if self.tag.endswith("_api") else None
        self.call_prefix = f"{self.c_name}_api" if self.c_name else None
        self.self_name = naming.self_param(self.c_name) if self.c_name else None


class File:
    """One IDL file, and the header it becomes."""

    def __init__(self, path, stem, rec):
        self.path, self.stem, self.rec = path, stem, rec
        # Named as from the project's top, however the generator was invoked, so output never varies.
        self.source = "/".join(path.replace("\\", "/").split("/")[-2:])
        self.doc = rec.get("doc", "")
        self.header = naming.header(stem)
        self.guard = naming.guard(stem)
        self.abi = rec.abi.value if "abi" in rec._values else None
        self.shared = rec.get("shared", False)
        self.backend = rec.get("backend", False)  # the header a backend includes, beside nsapi/nsapi.h
        # A part is built apart from the core library (it brings a dependency of its own): its header
        # stays out of nsapi/nsapi.h and its sources and tests go to generated/<part>/.
        self.part = rec.part.value if "part" in rec._values else None
        self.scalars, self.constants, self.options, self.enums, self.structs = [], [], [], [], []
        self.callbacks, self.classes, self.vtables = [], [], []
        self.includes = []          # "nsapi/x.h" headers, in order (includes.py)
        self.system_includes = []   # <x.h> headers
        self.forward_types = []     # the classes and vtables this header names ahead

    @property
    def declares_c(self):
        """Whether the header declares anything beyond macros."""
        return bool(self.scalars or self.callbacks or self.enums or self.structs or self.classes or self.vtables
                    or self.rec.get("externals"))


class Model:
    def __init__(self):
        self.files = []
        self.types = {}
        self.classes = {}
        self.enums = []
        self.options = {}
        self.names = {}  # every C identifier -> where it was defined
        self.error_enum = None
        self.abi = None

    @property
    def all_classes(self):
        return [k for f in self.files for k in f.classes]

    @property
    def concrete_classes(self):
        return [k for k in self.all_classes if not k.abstract]

    @property
    def vtables(self):
        return [vt for f in self.files for vt in f.vtables]

    @property
    def shared_file(self):
        return next((f for f in self.files if f.shared), None)

    @property
    def backend_file(self):
        return next((f for f in self.files if f.backend), None)

    @property
    def backend_methods(self):
        """The methods only backends call, as their classes offer them: the backend header declares them."""
        return [m for k in self.all_classes for m in k.methods if m.func.backend]

    @property
    def application_files(self):
        """The files whose headers nsapi/nsapi.h includes: every one but the backend's."""
        return [f for f in self.files if not f.backend]

    def define(self, name, pos, diag):
        if name in self.names:
            diag.error(pos, f"duplicate name '{name}' (first defined at {self.names[name]})")
            return False
        self.names[name] = pos
        return True
