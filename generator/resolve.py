"""From the IDL's files to the model: C declarations parsed, names resolved, inheritance flattened.

build() is the front half of the generator: it loads every file, checks its
shape (schema.py), builds the model, then runs the rules (validate.py) and
works out the include graph (includes.py).  Errors are collected in the
Diag, never raised one by one.  This module reports only what keeps an
entry out of the model (an unknown type, malformed C, a duplicate name);
the rules on what is in it are validate.py's.
"""

from pycparser import c_ast

from . import csig, includes, naming, schema, validate
from .load import load
from .model import BUILTINS, ERROR_ENUM, Class, Constant, Decl, Enum, File, Function, Method, Model, Option, \
    Param, Struct, Type, Vtable


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
    _declare_types(model, diag)
    parser = csig.Parser(diag, model.types)
    for f in model.files:
        _build_typedefs(model, f, parser, diag)
    for f in model.files:  # constants and options before anything sized or switched by them, in whichever file
        _build_constants(model, f, diag)
        _build_options(model, f, diag)
    for f in model.files:
        _build_file(model, f, parser, diag)
    _resolve_classes(model, diag)
    validate.check(model, diag)
    includes.compute(model, diag)
    return model


def _declare_types(model, diag):
    """First pass: every type name, so that declarations may use types declared anywhere."""
    for name, (unsigned, _) in BUILTINS.items():
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
            if "name" in r._values:
                _declare_class(model, Class(r, f), diag)
        for r in rec.get("vtables", []):
            if _check_type_name(r.name, diag):
                f.vtables.append(Vtable(r, f))
                _add_type(model, Type(r.name.value, "vtable", f, r.name.pos), diag)


def _declare_class(model, klass, diag):
    r = klass.rec
    if not naming.CLASS_NAME.match(klass.name):
        diag.error(r.name.pos, f"class name '{klass.name}' must be CamelCase")
    elif "c_name" in r._values and not naming.C_NAME.match(klass.c_name):
        diag.error(r.c_name.pos, f"c_name '{klass.c_name}' must be lower_case words")
    elif klass.self_name in naming.KEYWORDS:
        diag.error(r.name.pos, f"class '{klass.name}' would name its object parameter '{klass.self_name}', a C or C++ keyword; set c_name")
    elif klass.name in model.classes:
        diag.error(r.name.pos, f"duplicate class '{klass.name}' (first defined at {model.classes[klass.name].pos})")
    else:
        model.classes[klass.name] = klass
        klass.file.classes.append(klass)
        _add_type(model, Type(klass.type_name, "class", klass.file, r.name.pos), diag)


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
    for kind in ("scalars", "callbacks"):
        for r in f.rec.get(kind, []):
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
                if not (csig.is_pointer(node.type) and isinstance(node.type.type, c_ast.FuncDecl)):
                    diag.error(r.c.pos, f"callback '{node.name}' must be a pointer to a function")
                    continue
                t.pointer = True
            else:
                t.pointer = csig.is_pointer(node.type)
                base = model.types.get(csig.base_type(node.type))
                t.unsigned = base is not None and base.unsigned and not t.pointer
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


def _build_options(model, f, diag):
    for r in f.rec.get("options", []):
        o = Option(r, f)
        if not naming.CONSTANT.match(o.name):
            diag.error(o.pos, f"option name '{o.name}' must be an UPPER_CASE identifier")
        elif model.define(o.name, o.pos, diag):
            f.options.append(o)
            model.options[o.name] = o


def _condition(model, rec, diag):
    """The Option an entry's 'if' names, or None."""
    value = rec.get("if")
    if value is None:
        return None
    if value.value not in model.options:
        diag.error(value.pos, f"unknown option '{value.value}'")
    return model.options.get(value.value)


def _build_file(model, f, parser, diag):
    for r in f.rec.get("enums", []):
        _build_enum(model, Enum(r, f), diag)
    for r in f.rec.get("structs", []):
        s = Struct(r, f)
        s.condition = _condition(model, r, diag)
        if s.name in model.types:
            model.types[s.name].condition = s.condition
        s.fields = _fields(model, r.get("fields", []), parser, diag)
        f.structs.append(s)
    for klass in f.classes:
        klass.fields = _fields(model, klass.rec.get("fields", []), parser, diag)
        for m in klass.rec.get("methods", []):
            func = _function(model, m, klass, parser, diag)
            if func is not None:
                klass.functions.append(func)
    for vt in f.vtables:
        for op in vt.rec.get("ops", []):
            func = _function(model, op, vt, parser, diag)
            if func is None:
                continue
            if any(o.name == func.name for o in vt.ops):
                diag.error(func.pos, f"duplicate operation '{func.name}'")
                continue
            vt.ops.append(func)


def _build_enum(model, e, diag):
    if not naming.IDENT.match(e.name):
        diag.error(e.pos, f"enum name '{e.name}' is not an identifier")
        return
    if not e.values:
        diag.error(e.pos, f"enum '{e.name}' has no values")
        return
    for v in e.values:
        model.define(v.name, v.pos, diag)
    if e.name == ERROR_ENUM:
        model.error_enum = e
        if e.strings:
            for fn in (e.strings.name_function, e.strings.text_function):
                model.define(fn.value, fn.pos, diag)
    elif e.typedef:
        model.types[e.name].enum = e
    e.file.enums.append(e)
    model.enums.append(e)


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
        names.add(node.name)
        fld = Decl(r, node)
        fld.condition = _condition(model, r, diag)
        fields.append(fld)
    return fields


def _function(model, rec, owner, parser, diag):
    node = parser.parse(rec.c, "signature")
    if node is None:
        return None
    if csig.function_parts(node) is None:
        diag.error(rec.c.pos, "expected a function declaration such as 'nsapi_error_t close(void)'")
        return None
    func = Function(rec, node, owner)
    func.ret_type = model.types.get(csig.base_type(func.ret))
    for raw in func.raw_params:
        if not isinstance(raw, c_ast.Decl) or not raw.name:
            diag.error(func.pos, f"every parameter of '{func.name}' needs a type and a name")
            return None
        func.params.append(Param(raw, model))
    if isinstance(owner, Class):
        _param_entries(func)
    return func


def _param_entries(func):
    """What each parameter's entry under params says (validate.py checks that it fits)."""
    entries = {e.key: e for e in func.rec.get("params", [])}
    for p in func.params:
        p.entry = entries.get(p.name)
        if p.entry is None:
            continue
        r = p.entry.value
        p.doc = r.get("doc")
        p.nullable = r.get("nullable", False)
        p.example = r.get("example")
        p.nullable_if_zero = r.nullable_if_zero.value if "nullable_if_zero" in r._values else None
        p.min = r.min.value if "min" in r._values else None
        p.max = r.max.value if "max" in r._values else None


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
