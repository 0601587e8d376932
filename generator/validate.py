"""The rules a resolved model must satisfy, each reported at the IDL entry that breaks it.

check() runs after resolve.py has built the model: names that C or C++
would refuse, parameter constraints that do not fit their parameter,
methods whose errors or NULL answers are not documented, operations the
runtime could not call.  Errors are collected in the Diag.
"""

from pycparser import c_ast

from . import csig, naming
from .model import ERROR_ENUM, PARAMETER, STATES, Class


def check(model, diag):
    _shared_file(model, diag)
    _backend_file(model, diag)
    _parts(model, diag)
    _options(model, diag)
    for f in model.files:
        for d in f.scalars:
            t = model.types.get(d.name)
            if t is not None and t.carries_errors and (t.pointer or t.unsigned):
                diag.error(d.pos, f"'{d.name}' carries errors, so it must be a signed integer")
    for e in model.enums:
        _enum(e, diag)
    for f in model.files:
        for s in f.structs:
            _fields(model, s.fields, diag)
            _switch(s, diag)
            _conditions(model, s.fields, s.condition, f"struct '{s.name}'", s.pos, diag)
        for d in f.callbacks:
            _unconditional(model, d.node, f"callback '{d.name}'", d.pos, diag)
    for klass in model.all_classes:
        _fields(model, klass.fields, diag)
        based = "extends" in klass.rec._values
        if not klass.fields and not based:
            diag.error(klass.pos, f"class '{klass.name}' has no fields and no base; a C struct needs a member")
        _conditions(model, klass.fields, None, None if based else f"class '{klass.name}'", klass.pos, diag)
        for func in klass.functions:
            _unconditional(model, func.decl, f"method '{func.name}'", func.pos, diag)
            _signature(func, diag)
            _params(func, diag)
            _method(func, diag)
    for vt in model.vtables:
        for op in vt.ops:
            _signature(op, diag)
            _operation(model, vt, op, diag)
            _unconditional(model, op.decl, f"operation '{op.name}'", op.pos, diag)
    _errors(model, diag)


def _shared_file(model, diag):
    shared = [f for f in model.files if f.shared]
    for f in shared[1:]:
        diag.error(f.rec.pos_of("shared"), f"'shared' is set in more than one file (first in {shared[0].source})")
    if not shared and (model.all_classes or model.vtables):
        diag.error(model.files[0].rec.pos, "no file is 'shared: true'; one must name the classes and vtables "
                                           "ahead for every other header")


def _backend_file(model, diag):
    """At most one header for backends, and one if a method is for backends only."""
    files = [f for f in model.files if f.backend]
    for f in files[1:]:
        diag.error(f.rec.pos_of("backend"), f"'backend' is set in more than one file (first in {files[0].source})")
    if not files:
        for func in (f for k in model.all_classes for f in k.functions if f.backend):
            diag.error(func.rec.pos_of("backend"), f"method '{func.name}' is for backends, but no file is "
                                                   "'backend: true' to declare it")


def _parts(model, diag):
    """A part names a folder; the core never builds on a part, whose library it does not link."""
    for f in model.files:
        if f.part is not None and (not naming.C_NAME.match(f.part) or f.part in ("src", "tests", "include")):
            diag.error(f.rec.part.pos, f"part '{f.part}' must be lower_case words other than src, tests and include")
        if f.part is not None and (f.shared or f.vtables or f.options):
            diag.error(f.rec.part.pos, "a part's file declares classes and types only: not the shared file, the vtable or options")
    for klass in model.all_classes:
        if klass.base is not None and klass.base.file.part not in (None, klass.file.part):
            diag.error(klass.pos, f"class '{klass.name}' extends '{klass.base.name}' of another part")
        elif klass.base is not None and klass.base.file.part is not None and klass.file.part is None:
            diag.error(klass.pos, f"class '{klass.name}' of the core extends '{klass.base.name}' of part '{klass.base.file.part}'")


def _options(model, diag):
    """Defaults inside their range; one options header."""
    files = [f for f in model.files if f.options]
    for f in files[1:]:
        diag.error(f.rec.pos_of("options"), f"options are declared in more than one file (first in {files[0].source}); "
                                            "a build overrides them in one header")
    for o in model.options.values():
        r = o.rec
        if o.min is not None and o.max is not None and o.min > o.max:
            diag.error(r.max.pos, f"option '{o.name}' has min {o.min} above max {o.max}")
        elif o.min is not None and o.default < o.min:
            diag.error(r.default.pos, f"option '{o.name}' defaults to {o.default}, below its min {o.min}")
        elif o.max is not None and o.default > o.max:
            diag.error(r.default.pos, f"option '{o.name}' defaults to {o.default}, above its max {o.max}")


def _conditions(model, fields, outer, owner, pos, diag):
    """Fields under 'if': a switch each, types that exist whenever the field does, a member in every build."""
    for fld in fields:
        cond = fld.condition or outer
        _switch(fld, diag)
        for name, _ in csig.type_uses(fld.node):
            t = model.types.get(name)
            if t is not None and t.condition is not None and t.condition is not cond:
                diag.error(fld.pos, f"'{name}' exists only if {t.condition.name}; field '{fld.name}' needs "
                                    f"'if: {t.condition.name}' too")
    if owner is not None and fields and all(f.condition not in (None, outer) for f in fields):
        diag.error(pos, f"{owner} has no field outside 'if'; a C struct needs a member in every build")


def _switch(entry, diag):
    if entry.condition is not None and not entry.condition.switch:
        diag.error(entry.rec.get("if").pos, f"'if' needs an option that is 0 or 1 (min 0, max 1); "
                                            f"'{entry.condition.name}' is not one")


def _unconditional(model, node, what, pos, diag):
    """A declaration that exists in every build cannot use a type that does not."""
    for name, _ in csig.type_uses(node):
        t = model.types.get(name)
        if t is not None and t.condition is not None:
            diag.error(pos, f"'{name}' exists only if {t.condition.name}; {what} exists in every build, so it cannot use it")


def _enum(e, diag):
    seen = {}
    for v in e.values:
        if v.value in seen:
            diag.error(v.pos, f"duplicate value {v.value} in enum '{e.name}': {v.name} and {seen[v.value]}")
        seen.setdefault(v.value, v.name)
    if e.strings and e.name != ERROR_ENUM:
        diag.error(e.rec.pos_of("strings"), f"'strings' is only for enum '{ERROR_ENUM}'")


def _fields(model, fields, diag):
    constants = {c.name for f in model.files for c in f.constants + f.options}
    constants |= {v.name for e in model.enums for v in e.values}
    for fld in fields:
        if fld.name in naming.KEYWORDS:
            diag.error(fld.pos, f"field name '{fld.name}' is a C or C++ keyword")
        t = fld.node.type
        while not isinstance(t, c_ast.TypeDecl):
            if isinstance(t, c_ast.ArrayDecl) and isinstance(t.dim, c_ast.ID) and t.dim.name not in constants:
                diag.error(fld.pos, f"unknown constant '{t.dim.name}'")
            t = t.type


def _signature(func, diag):
    """Names in a method's or operation's C declaration."""
    is_method = isinstance(func.owner, Class)
    kind = "method" if is_method else "operation"
    if not naming.C_NAME.match(func.name):
        diag.error(func.pos, f"{kind} name '{func.name}' must be lower_case words")
    elif func.name in naming.KEYWORDS:
        diag.error(func.pos, f"{kind} name '{func.name}' is a C or C++ keyword")
    if is_method and func.ret_text == "void":
        diag.error(func.pos, f"method '{func.name}' returns void; return nsapi_error_t so that bad arguments can be reported")
    self_name = func.owner.self_name if is_method else None
    seen = set()
    for p in func.params:
        if p.name in naming.KEYWORDS:
            diag.error(func.pos, f"parameter name '{p.name}' is a C or C++ keyword")
        if p.name == self_name:
            diag.error(func.pos, f"parameter name '{p.name}' is taken by the object parameter")
        if p.name in seen:
            diag.error(func.pos, f"duplicate parameter '{p.name}'")
        seen.add(p.name)


def _params(func, diag):
    """Each parameter's entry under params: present, and constraints that fit the parameter."""
    by_name = {p.name: p for p in func.params}
    for entry in func.rec.get("params", []):
        if entry.key not in by_name:
            diag.error(entry.pos, f"'{func.name}' has no parameter '{entry.key}'")
    for p in func.params:
        if p.entry is None:
            diag.error(func.pos, f"parameter '{p.name}' of '{func.name}' has no doc")
            continue
        pos, r = p.entry.pos, p.entry.value
        if (p.nullable or p.nullable_if_zero is not None) and not p.pointer:
            diag.error(pos, f"'{p.name}' is not a pointer, so it cannot be nullable")
        if p.pointer and p.type is not None and p.type.pointer and not p.nullable and p.example is None:
            diag.error(pos, f"'{p.name}' must not be NULL, so the generated tests need an 'example' value for it")
        if p.nullable_if_zero is not None:
            size = by_name.get(p.nullable_if_zero)
            if size is None or not size.integer:
                diag.error(r.nullable_if_zero.pos, f"'{p.nullable_if_zero}' is not an integer parameter of '{func.name}'")
            elif size.min is not None and size.min > 0:
                diag.error(r.nullable_if_zero.pos, f"'{p.name}' may be NULL only when '{size.name}' is 0, "
                           f"which its min {size.min} refuses: drop nullable_if_zero")
        for bound in ("min", "max"):
            if bound in r._values and not p.integer:
                diag.error(r.pos_of(bound), f"'{bound}' needs an integer parameter; '{p.name}' is not one")
        if not p.integer:
            continue
        if p.min is not None and p.max is not None and p.min > p.max:
            diag.error(r.pos_of("max"), f"'{p.name}' has min {p.min} above max {p.max}")
        if p.min is not None and p.unsigned and p.min < 0:
            diag.error(r.pos_of("min"), f"'{p.name}' is unsigned; min {p.min} is below 0")


def _method(func, diag):
    """What a method documents: its errors, or what it returns for NULL arguments."""
    rec = func.rec
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


def _operation(model, vt, op, diag):
    """What the runtime needs of an operation: an error to default to, and the object to call it through."""
    if not op.carries_errors:
        diag.error(op.pos, f"operation '{op.name}' must return a type that carries errors (backends return NSAPI_ERROR_UNSUPPORTED)")
    if vt.c_name is None or vt.c_name not in {k.c_name for k in model.all_classes}:
        diag.error(op.pos, f"vtable '{vt.name}' must be named nsapi_NAME_api_t after the class (C name NAME) it serves")
        return
    want = f"{naming.type_name(vt.c_name)} *{vt.self_name}"
    first = op.params[0] if op.params else None
    if first is None or first.text != want:
        diag.error(op.pos, f"operation '{op.name}' must take '{want}' first (the runtime calls every operation through that object)")


def _errors(model, diag):
    """Every listed code exists, and each method documents the codes its generated checks return."""
    if model.error_enum is None:
        diag.error(model.files[0].rec.pos, f"no enum '{ERROR_ENUM}' declares the error codes")
        return
    codes = {v.name for v in model.error_enum.values}
    if model.error_enum.strings is None:
        diag.error(model.error_enum.pos, f"enum '{ERROR_ENUM}' needs 'strings'")
    funcs = [f for k in model.all_classes for f in k.functions] + [op for vt in model.vtables for op in vt.ops]
    for func in funcs:
        for code, _, pos in func.errors:
            if code not in codes:
                diag.error(pos, f"'{func.name}' lists unknown error code '{code}'")
        if not isinstance(func.owner, Class) or not func.carries_errors:
            continue
        listed = {code for code, _, _ in func.errors}
        if PARAMETER not in listed:
            diag.error(func.pos, f"method '{func.name}' checks its arguments but does not document {PARAMETER}")
        if func.state_error not in listed | {None}:
            diag.error(func.requires.pos, f"method '{func.name}' requires '{func.requires.value}' but does not document {func.state_error}")
