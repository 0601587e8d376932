"""The resolved model of the IDL, and the rules it must satisfy.

build() turns the checked records of every IDL file into one Model: C
declarations parsed, type names resolved, inheritance flattened, and every
rule checked.  Errors are collected in the Diag, never raised one by one.
"""

from pycparser import c_ast

from . import csig, naming, schema
from .load import load

ERROR_ENUM = "nsapi_error"
STATES = {"open": "NSAPI_ERROR_NO_SOCKET"}  # requires: <state> -> error when not in it
PARAMETER = "NSAPI_ERROR_PARAMETER"

# Types C gives us, with whether they are unsigned integers.
BUILTINS = {
    "void": False, "char": False, "int": False, "unsigned": True, "unsigned int": True,
    "long": False, "unsigned long": True, "bool": True, "size_t": True,
    "int8_t": False, "int16_t": False, "int32_t": False, "int64_t": False,
    "uint8_t": True, "uint16_t": True, "uint32_t": True, "uint64_t": True,
    "intptr_t": False, "uintptr_t": True,
}
INTEGERS = set(BUILTINS) - {"void", "bool"}


class Type:
    """A type name the IDL may use."""

    def __init__(self, name, kind, file=None, pos=None, unsigned=False, pointer=False,
                 carries_errors=False, decl=None):
        self.name, self.kind, self.file, self.pos = name, kind, file, pos
        self.unsigned, self.pointer, self.carries_errors, self.decl = unsigned, pointer, carries_errors, decl
        self.enum = None

    @property
    def integer(self):
        return self.kind == "builtin" and self.name in INTEGERS or self.kind == "scalar" and not self.pointer


class Param:
    def __init__(self, decl, model):
        self.decl, self.name = decl, decl.name
        self.text = csig.text(decl)
        self.array = isinstance(decl.type, c_ast.ArrayDecl)
        self.pointer = self.array or isinstance(decl.type, c_ast.PtrDecl)  # an array parameter is a pointer
        self.type = model.types.get(csig.base_type(decl.type))
        if not self.pointer and self.type is not None and self.type.pointer:
            self.pointer = True  # a typedef'd pointer: a callback or a handle
        self.doc = None
        self.nullable = False
        self.nullable_if_zero = None
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
        self.name, ret, params = csig.function_parts(decl)
        self.decl = decl
        self.ret = ret
        self.ret_text = csig.type_text(ret)
        self.doc = rec.doc
        self.event = rec.get("event")
        self.returns = rec.get("returns")
        self.errors = [(e.key, e.value, e.pos) for e in rec.get("errors", [])]
        self.on_null = rec.get("on_null")
        self.requires = rec.get("requires")
        self.const = rec.get("const", False)
        self.abstract = rec.get("abstract", False)
        self.raw_params = params
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


class Method:
    """A method as one class offers it: its own, inherited, or its implementation of an abstract one."""

    def __init__(self, klass, func):
        self.klass, self.func = klass, func
        self.name = func.name
        self.c_name = naming.function(klass.c_name, func.name)
        self.self_name = klass.self_name
        self.self_type = ("const " if func.const else "") + klass.type_name + " *"
        self.params = func.params
        # Abstract methods are implemented by each class; the others are inherited
        # through wrappers that call the direct base's function with the base part.
        self.inherited = func.owner is not klass and not func.abstract
        self.impl = naming.impl_function(klass.c_name, func.name)
        self.base_c_name = naming.function(klass.base.c_name, func.name) if self.inherited else None

    @property
    def prototype(self):
        return self.signature(self.c_name)

    @property
    def impl_prototype(self):
        return self.signature(self.impl)

    def signature(self, name):
        params = [f"{self.self_type}{self.self_name}"] + [p.text for p in self.params]
        sep = "" if self.func.ret_text.endswith("*") else " "
        return f"{self.func.ret_text}{sep}{name}({', '.join(params)})"

    @property
    def checks(self):
        """C conditions, any of which makes the arguments bad."""
        conds = [f"{self.self_name} == NULL"]
        for p in self.params:
            conds += param_checks(p)
        return conds

    @property
    def state_error(self):
        return STATES.get(self.func.requires.value) if self.func.requires else None


def param_checks(p):
    conds = []
    if p.pointer and p.nullable_if_zero:
        conds.append(f"({p.name} == NULL && {p.nullable_if_zero} != 0)")
    elif p.pointer and not p.nullable:
        conds.append(f"{p.name} == NULL")
    if p.min is not None and not (p.unsigned and p.min == 0):
        conds.append(f"{p.name} < {p.min}")
    if p.max is not None:
        conds.append(f"{p.name} > {p.max}")
    if p.enum is not None:
        conds.append(p.enum.invalid_check(p.name))
    return conds


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
        self.base = None
        self.fields = []
        self.functions = []   # declared here
        self.methods = []     # offered here, own and inherited, in order

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

    def invalid_check(self, var):
        """A C condition true when var holds none of the enum's values."""
        values = sorted(v.value for v in self.values)
        lo = min(self.values, key=lambda v: v.value).name
        hi = max(self.values, key=lambda v: v.value).name
        if values == list(range(values[0], values[-1] + 1)):
            if values[0] == 0:
                return f"(unsigned){var} > (unsigned){hi}"
            return f"({var} < {lo} || {var} > {hi})"
        return "(" + " && ".join(f"{var} != {v.name}" for v in self.values) + ")"


class Decl:
    """A struct field, a class field, a scalar typedef or a callback typedef."""

    def __init__(self, rec, node):
        self.rec, self.pos, self.node = rec, rec.c.pos, node
        self.name = node.name
        self.text = csig.text(node)
        self.doc = rec.doc


class Struct:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name = rec.name.value
        self.tag = naming.struct_tag(self.name)
        self.doc = rec.doc
        self.fields = []


class Constant:
    def __init__(self, rec):
        self.rec, self.pos = rec, rec.name.pos
        self.name, self.value, self.doc = rec.name.value, rec.value.value, rec.doc


class Vtable:
    def __init__(self, rec, file):
        self.rec, self.file, self.pos = rec, file, rec.name.pos
        self.name = rec.name.value
        self.tag = naming.struct_tag(self.name)
        self.doc = rec.doc
        self.ops = []


class File:
    def __init__(self, path, stem, rec):
        self.path, self.stem, self.rec = path, stem, rec
        # Named as from the project's top, however the generator was invoked, so output never varies.
        self.source = "/".join(path.replace("\\", "/").split("/")[-2:])
        self.doc = rec.get("doc", "")
        self.header = naming.header(stem)
        self.guard = naming.guard(stem)
        self.abi = rec.abi.value if "abi" in rec._values else None
        self.scalars, self.constants, self.enums, self.structs = [], [], [], []
        self.callbacks, self.classes, self.vtables = [], [], []
        self.includes = []


class Model:
    def __init__(self):
        self.files = []
        self.types = {}
        self.classes = {}
        self.enums = []
        self.names = {}  # every C identifier -> where it was defined
        self.error_enum = None
        self.abi = None

    @property
    def concrete_classes(self):
        return [k for f in self.files for k in f.classes if not k.abstract]

    @property
    def all_classes(self):
        return [k for f in self.files for k in f.classes]

    def define(self, name, pos, diag):
        if name in self.names:
            diag.error(pos, f"duplicate name '{name}' (first defined at {self.names[name]})")
            return False
        self.names[name] = pos
        return True


def build(paths, diag):
    """The Model of the given IDL files; errors go to diag."""
    model = Model()
    records = []
    for path in paths:
        root = load(path, diag)
        if root is not None:
            rec = schema.FILE.check(path, root, diag)
            if rec is not None:
                records.append((path, rec))
    if diag:
        return model  # later checks would only repeat what the shape errors say
    for path, rec in records:
        stem = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if not naming.C_NAME.match(stem) or stem == "nsapi":
            diag.error(rec.pos, f"file name '{stem}.yaml' must be lower_case words other than 'nsapi' (it names a header)")
        model.files.append(File(path, stem, rec))
    if len([r for f in model.files for r in f.rec.get("vtables", [])]) > 1:
        diag.error(model.files[-1].rec.pos, "only one vtable, the stack's, is supported")
    if diag:
        return model
    _declare_types(model, diag)
    parser = csig.Parser(diag, model.types)
    for f in model.files:
        _build_typedefs(model, f, parser, diag)
    for f in model.files:  # constants before anything sized by them, in whichever file
        _build_constants(model, f, diag)
    for f in model.files:
        _build_file(model, f, parser, diag)
    _resolve_classes(model, diag)
    _check_errors(model, diag)
    _compute_includes(model, diag)
    return model


def _declare_types(model, diag):
    """First pass: every type name, so that declarations may use types declared anywhere."""
    for name, unsigned in BUILTINS.items():
        model.types[name] = Type(name, "builtin", unsigned=unsigned)
    for f in model.files:
        rec = f.rec
        if rec.get("abi") is not None:
            if model.abi is not None:
                diag.error(rec.abi.pos, "'abi' is set in more than one file")
            model.abi = rec.abi.value
        for kind in ("scalars", "callbacks"):
            for r in rec.get(kind, []):
                name = _typedef_name(r.c.value)
                if name:
                    _add_type(model, Type(name, kind[:-1], f, r.c.pos, carries_errors=r.get("carries_errors", False)), diag)
        for r in rec.get("externals", []):
            if _check_type_name(r.name, diag):
                t = Type(r.name.value, "external", f, r.name.pos)
                t.header = r.header
                _add_type(model, t, diag)
        for r in rec.get("enums", []):
            if r.name.value.endswith("_t"):
                _add_type(model, Type(r.name.value, "enum", f, r.name.pos, unsigned=True), diag)
        for r in rec.get("structs", []):
            if _check_type_name(r.name, diag):
                _add_type(model, Type(r.name.value, "struct", f, r.name.pos), diag)
        for r in rec.get("classes", []):
            if "name" not in r._values:
                continue
            klass = Class(r, f)
            if not naming.CLASS_NAME.match(klass.name):
                diag.error(r.name.pos, f"class name '{klass.name}' must be CamelCase")
                continue
            if "c_name" in r._values and not naming.C_NAME.match(klass.c_name):
                diag.error(r.c_name.pos, f"c_name '{klass.c_name}' must be lower_case words")
                continue
            if klass.self_name in naming.KEYWORDS:
                diag.error(r.name.pos, f"class '{klass.name}' would name its object parameter '{klass.self_name}', a C or C++ keyword; set c_name")
                continue
            if klass.name in model.classes:
                diag.error(r.name.pos, f"duplicate class '{klass.name}' (first defined at {model.classes[klass.name].pos})")
                continue
            model.classes[klass.name] = klass
            f.classes.append(klass)
            _add_type(model, Type(klass.type_name, "class", f, r.name.pos), diag)
        for r in rec.get("vtables", []):
            if _check_type_name(r.name, diag):
                f.vtables.append(Vtable(r, f))
                _add_type(model, Type(r.name.value, "vtable", f, r.name.pos), diag)


def _typedef_name(src):
    """The name a one-line typedef declares (checked properly when it is parsed)."""
    tokens = csig._TOKEN.findall(src)
    if "(" in tokens and tokens[tokens.index("(") + 1:tokens.index("(") + 2] == ["*"]:
        i = tokens.index("(") + 2
        return tokens[i] if i < len(tokens) else None
    return tokens[-1] if tokens and naming.IDENT.match(tokens[-1]) else None


def _check_type_name(value, diag):
    if not naming.IDENT.match(value.value) or not value.value.endswith("_t"):
        diag.error(value.pos, f"type name '{value.value}' must be an identifier ending in _t")
        return False
    return True


def _add_type(model, t, diag):
    if model.define(t.name, t.pos, diag):
        model.types[t.name] = t


def _build_typedefs(model, f, parser, diag):
    """Scalars and callbacks first: whether a type is a pointer decides how parameters are checked."""
    rec = f.rec
    for kind in ("scalars", "callbacks"):
        for r in rec.get(kind, []):
            node = parser.parse(r.c, "typedef")
            if node is None:
                continue
            if not isinstance(node, c_ast.Typedef):
                diag.error(r.c.pos, "expected a typedef")
                continue
            t = model.types.get(node.name)
            if t is None:
                continue
            if kind == "callbacks":
                if not (isinstance(node.type, c_ast.PtrDecl) and isinstance(node.type.type, c_ast.FuncDecl)):
                    diag.error(r.c.pos, f"callback '{node.name}' must be a pointer to a function")
                    continue
                t.pointer = True
            else:
                t.pointer = csig.is_pointer(node.type)
                base = model.types.get(csig.base_type(node.type))
                t.unsigned = base is not None and base.unsigned and not t.pointer
                if t.carries_errors and (t.pointer or t.unsigned):
                    diag.error(r.c.pos, f"'{node.name}' carries errors, so it must be a signed integer")
            getattr(f, kind).append(Decl(r, node))


def _build_constants(model, f, diag):
    for r in f.rec.get("constants", []):
        c = Constant(r)
        if not naming.CONSTANT.match(c.name):
            diag.error(c.pos, f"constant name '{c.name}' must be an UPPER_CASE identifier")
        elif isinstance(c.value, str) and c.value not in {k.name for k in f.constants}:
            diag.error(r.value.pos, f"unknown constant '{c.value}'")
        elif model.define(c.name, c.pos, diag):
            f.constants.append(c)


def _build_file(model, f, parser, diag):
    rec = f.rec
    for r in rec.get("enums", []):
        e = Enum(r, f)
        if not naming.IDENT.match(e.name):
            diag.error(e.pos, f"enum name '{e.name}' is not an identifier")
            continue
        if not e.values:
            diag.error(e.pos, f"enum '{e.name}' has no values")
            continue
        seen = {}
        for v in e.values:
            model.define(v.name, v.pos, diag)
            if v.value in seen:
                diag.error(v.pos, f"duplicate value {v.value} in enum '{e.name}': {v.name} and {seen[v.value]}")
            seen.setdefault(v.value, v.name)
        if e.strings and e.name != ERROR_ENUM:
            diag.error(r.pos_of("strings"), f"'strings' is only for enum '{ERROR_ENUM}'")
        if e.name == ERROR_ENUM:
            model.error_enum = e
            if e.strings:
                for fn in (e.strings.name_function, e.strings.text_function):
                    model.define(fn.value, fn.pos, diag)
        elif e.typedef:
            model.types[e.name].enum = e
        f.enums.append(e)
        model.enums.append(e)
    for r in rec.get("structs", []):
        s = Struct(r, f)
        s.fields = _fields(model, r.get("fields", []), parser, diag)
        f.structs.append(s)
    for klass in f.classes:
        r = klass.rec
        klass.fields = _fields(model, r.get("fields", []), parser, diag)
        for m in r.get("methods", []):
            func = _function(model, m, klass, parser, diag)
            if func is not None:
                klass.functions.append(func)
    for vt in f.vtables:
        for op in vt.rec.get("ops", []):
            func = _function(model, op, vt, parser, diag)
            if func is None:
                continue
            if not func.carries_errors:
                diag.error(func.pos, f"operation '{func.name}' must return a type that carries errors (backends return NSAPI_ERROR_UNSUPPORTED)")
            first = func.params[0] if func.params else None
            if first is None or first.name != "stack" or first.text != "nsapi_stack_t *stack":
                diag.error(func.pos, f"operation '{func.name}' must take 'nsapi_stack_t *stack' first (the runtime calls every operation through the stack)")
            if any(o.name == func.name for o in vt.ops):
                diag.error(func.pos, f"duplicate operation '{func.name}'")
                continue
            vt.ops.append(func)


def _fields(model, recs, parser, diag):
    fields, names = [], set()
    for r in recs:
        node = parser.parse(r.c, "field")
        if node is None:
            continue
        if not isinstance(node, c_ast.Decl) or isinstance(node.type, c_ast.FuncDecl) or not node.name:
            diag.error(r.c.pos, "expected a field declaration such as 'int count'")
            continue
        if node.name in names:
            diag.error(r.c.pos, f"duplicate field '{node.name}'")
            continue
        if node.name in naming.KEYWORDS:
            diag.error(r.c.pos, f"field name '{node.name}' is a C or C++ keyword")
        _check_array_sizes(model, node, r.c.pos, diag)
        names.add(node.name)
        fields.append(Decl(r, node))
    return fields


def _check_array_sizes(model, node, pos, diag):
    t = node.type
    while not isinstance(t, c_ast.TypeDecl):
        if isinstance(t, c_ast.ArrayDecl) and isinstance(t.dim, c_ast.ID) and t.dim.name not in model.names:
            diag.error(pos, f"unknown constant '{t.dim.name}'")
        t = t.type


def _function(model, rec, owner, parser, diag):
    what = "signature"
    node = parser.parse(rec.c, what)
    if node is None:
        return None
    parts = csig.function_parts(node)
    if parts is None:
        diag.error(rec.c.pos, "expected a function declaration such as 'nsapi_error_t close(void)'")
        return None
    func = Function(rec, node, owner)
    func.ret_type = model.types.get(csig.base_type(func.ret))
    is_method = isinstance(owner, Class)
    kind = "method" if is_method else "operation"
    if not naming.C_NAME.match(func.name):
        diag.error(func.pos, f"{kind} name '{func.name}' must be lower_case words")
    elif func.name in naming.KEYWORDS:
        diag.error(func.pos, f"{kind} name '{func.name}' is a C or C++ keyword")
    if is_method and func.ret_text == "void":
        diag.error(func.pos, f"method '{func.name}' returns void; return nsapi_error_t so that bad arguments can be reported")
    self_name = naming.self_param(owner.c_name) if is_method else None
    docs = {e.key: e for e in rec.get("params", [])}
    for raw in func.raw_params:
        if not isinstance(raw, c_ast.Decl) or not raw.name:
            diag.error(func.pos, f"every parameter of '{func.name}' needs a type and a name")
            return None
        p = Param(raw, model)
        if p.name in naming.KEYWORDS:
            diag.error(func.pos, f"parameter name '{p.name}' is a C or C++ keyword")
        if p.name == self_name:
            diag.error(func.pos, f"parameter name '{p.name}' is taken by the object parameter")
        if any(q.name == p.name for q in func.params):
            diag.error(func.pos, f"duplicate parameter '{p.name}'")
        func.params.append(p)
    if is_method:
        _param_constraints(func, docs, diag)
        _method_rules(func, rec, diag)
    return func


def _param_constraints(func, docs, diag):
    by_name = {p.name: p for p in func.params}
    for name, entry in docs.items():
        if name not in by_name:
            diag.error(entry.pos, f"'{func.name}' has no parameter '{name}'")
    for p in func.params:
        entry = docs.get(p.name)
        if entry is None:
            diag.error(func.pos, f"parameter '{p.name}' of '{func.name}' has no doc")
            continue
        r = entry.value
        p.doc = r.get("doc")
        p.nullable = r.get("nullable", False)
        p.example = r.get("example")
        if (p.nullable or "nullable_if_zero" in r._values) and not p.pointer:
            diag.error(entry.pos, f"'{p.name}' is not a pointer, so it cannot be nullable")
        if p.pointer and p.type is not None and p.type.pointer and not p.nullable and p.example is None:
            diag.error(entry.pos, f"'{p.name}' must not be NULL, so the generated tests need an 'example' value for it")
        if "nullable_if_zero" in r._values:
            size = by_name.get(r.nullable_if_zero.value)
            if size is None or not size.integer:
                diag.error(r.nullable_if_zero.pos, f"'{r.nullable_if_zero.value}' is not an integer parameter of '{func.name}'")
            else:
                p.nullable_if_zero = size.name
        for bound in ("min", "max"):
            if bound in r._values:
                if not p.integer:
                    diag.error(r.pos_of(bound), f"'{bound}' needs an integer parameter; '{p.name}' is not one")
                else:
                    setattr(p, bound, getattr(r, bound).value)
        if p.min is not None and p.max is not None and p.min > p.max:
            diag.error(r.pos_of("max"), f"'{p.name}' has min {p.min} above max {p.max}")
        if p.min is not None and p.unsigned and p.min < 0:
            diag.error(r.pos_of("min"), f"'{p.name}' is unsigned; min {p.min} is below 0")


def _method_rules(func, rec, diag):
    if func.carries_errors:
        if "on_null" in rec._values:
            diag.error(rec.on_null.pos, f"'on_null' is for methods that return a value; '{func.name}' returns errors")
        if not func.errors:
            diag.error(func.pos, f"method '{func.name}' returns errors but documents none")
    else:
        if "errors" in rec._values:
            diag.error(rec.pos_of("errors"), f"method '{func.name}' returns {func.ret_text}, which carries no error codes")
        if "on_null" not in rec._values and func.ret_text != "void":
            diag.error(func.pos, f"method '{func.name}' returns a value, so it needs 'on_null': what it returns for NULL arguments")
        if func.returns is None:
            diag.error(func.pos, f"method '{func.name}' has no 'returns' doc")
    if func.requires and func.requires.value not in STATES:
        known = ", ".join(sorted(STATES))
        diag.error(func.requires.pos, f"unknown state '{func.requires.value}' (known: {known})")
    elif func.requires and not func.carries_errors:
        diag.error(func.requires.pos, f"'requires' needs a method that returns errors; '{func.name}' returns {func.ret_text}")
    if func.abstract and not func.owner.abstract:
        diag.error(rec.pos_of("abstract"), f"method '{func.name}' is abstract but class '{func.owner.name}' is not")


def _resolve_classes(model, diag):
    for klass in model.all_classes:
        r = klass.rec
        if "extends" in r._values:
            base = model.classes.get(r.extends.value)
            if base is None:
                diag.error(r.extends.pos, f"unknown base class '{r.extends.value}'")
            else:
                klass.base = base
    for klass in model.all_classes:
        if klass in klass.ancestors:
            diag.error(klass.rec.extends.pos, f"class '{klass.name}' inherits from itself")
            klass.base = None
    for klass in model.all_classes:
        offered = {}
        for owner in list(reversed(klass.ancestors)) + [klass]:
            for func in owner.functions:
                prev = offered.get(func.name)
                if prev is None:
                    offered[func.name] = func
                elif owner is klass:
                    diag.error(func.pos, f"method '{func.name}' is already declared by '{prev.owner.name}'; "
                                         "subclasses inherit methods and do not redeclare them")
        klass.methods = [Method(klass, func) for func in offered.values() if not (klass.abstract and func.abstract)]
        for m in klass.methods:
            model.define(m.c_name, klass.pos if m.inherited else m.func.pos, diag)
        if not klass.fields and "extends" not in klass.rec._values:
            diag.error(klass.pos, f"class '{klass.name}' has no fields and no base; a C struct needs a member")


def _check_errors(model, diag):
    if model.error_enum is None:
        diag.error(model.files[0].rec.pos, f"no enum '{ERROR_ENUM}' declares the error codes")
        return
    codes = {v.name for v in model.error_enum.values}
    if model.error_enum.strings is None:
        diag.error(model.error_enum.pos, f"enum '{ERROR_ENUM}' needs 'strings'")
    funcs = [f for k in model.all_classes for f in k.functions] + [op for fl in model.files for vt in fl.vtables for op in vt.ops]
    for func in funcs:
        for code, _, pos in func.errors:
            if code not in codes:
                diag.error(pos, f"'{func.name}' lists unknown error code '{code}'")
        if not isinstance(func.owner, Class) or not func.carries_errors:
            continue
        listed = {code for code, _, _ in func.errors}
        if PARAMETER not in listed:
            diag.error(func.pos, f"method '{func.name}' checks its arguments but does not document {PARAMETER}")
        if func.requires and STATES.get(func.requires.value) not in listed | {None}:
            diag.error(func.requires.pos, f"method '{func.name}' requires '{func.requires.value}' but does not document {STATES[func.requires.value]}")


def _value_types(node):
    """Type names a declaration needs complete (used by value, not through a pointer)."""
    if isinstance(node, (c_ast.Decl, c_ast.Typedef, c_ast.Typename)):
        return _value_types(node.type)
    if isinstance(node, c_ast.PtrDecl):
        inner = node.type
        return _value_types(inner) if isinstance(inner, c_ast.FuncDecl) else set()
    if isinstance(node, c_ast.ArrayDecl):
        return _value_types(node.type)
    if isinstance(node, c_ast.FuncDecl):
        out = _value_types(node.type)
        for p in (node.args.params if node.args else []):
            out |= _value_types(p)
        return out
    if isinstance(node, c_ast.TypeDecl) and isinstance(node.type, c_ast.IdentifierType):
        return {" ".join(node.type.names)}
    return set()


def _compute_includes(model, diag):
    by_name = {f.stem: f for f in model.files}
    for f in model.files:
        needed, external = set(), set()
        decls = [d.node for d in f.scalars + f.callbacks] + [x.node for s in f.structs for x in s.fields]
        for k in f.classes:
            decls += [x.node for x in k.fields] + [m.func.decl for m in k.methods]
            if k.base is not None:
                needed.add(k.base.file.stem)
        decls += [op.decl for vt in f.vtables for op in vt.ops]
        for node in decls:
            for name in _value_types(node):
                t = model.types.get(name)
                if t is not None and t.kind == "external":
                    external.add(t.header)
                elif t is not None and t.file is not None:
                    needed.add(t.file.stem)
        if f.stem != "types":  # every header gets the basic types and the error codes
            needed |= {"types", "errors"} & set(by_name)
        needed.discard(f.stem)
        first = [s for s in ("types", "errors") if s in needed]
        f.includes = [by_name[s].header for s in first + sorted(needed - set(first))] + sorted(external)
    # A header may not include itself through others.
    graph = {f.header: set(f.includes) for f in model.files}
    for f in model.files:
        seen, todo = set(), list(graph[f.header])
        while todo:
            h = todo.pop()
            if h == f.header:
                diag.error(f.rec.pos, f"{f.header} includes itself through other headers; use the type through a pointer")
                break
            if h not in seen:
                seen.add(h)
                todo.extend(graph.get(h, ()))
