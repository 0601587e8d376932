"""Which headers each generated header includes, worked out from what its declarations use.

A header includes the header that defines each type it uses by value (a
struct field, a parameter passed by value, a base class), the header that
names each type it uses through a pointer (the shared header for classes
and vtables, which it names ahead), the header of each constant or option
that sizes an array or switches a declaration on, and the error codes if its
functions return them.  Every header with C declarations includes the shared
one, which itself includes the standard headers of the C types the IDL may
use.  No header may include itself through others.
"""

from pycparser import c_ast

from . import csig
from .model import BUILTINS


def compute(model, diag):
    shared = model.shared_file
    if shared is not None:
        shared.system_includes = sorted({h for _, h in BUILTINS.values() if h})
        shared.forward_types = [(k.tag, k.type_name) for k in model.all_classes] + \
                               [(vt.tag, vt.name) for vt in model.vtables]
    constant_file = {c.name: f for f in model.files for c in f.constants + f.options}
    constant_file.update({v.name: e.file for e in model.enums for v in e.values})
    errors = model.error_enum.file if model.error_enum is not None else None
    for f in model.files:
        needed, external = set(), set()
        for node in _declarations(model, f):
            for name, by_value in csig.type_uses(node):
                t = model.types.get(name)
                if t is None or t.kind == "builtin":
                    continue
                if t.kind == "external":
                    external.add(t.header)
                else:
                    needed.add(shared if t.forward_declared and not by_value else t.file)
            needed.update(constant_file[n] for n in _array_sizes(node) if n in constant_file)
        needed.update(k.base.file for k in f.classes if k.base is not None)
        needed.update(o.file for o in _conditions(f))
        if shared is not None and f.declares_c:
            needed.add(shared)
        if errors is not None and _returns_errors(model, f):
            needed.add(errors)
        needed.discard(f)
        first = [x for x in (shared, errors) if x in needed]
        rest = sorted(needed - set(first), key=lambda x: x.stem)
        f.includes = [x.header for x in first + rest] + sorted(external)
    _check_cycles(model, diag)


def _methods(model, f):
    """The methods a file's header declares: its classes' own, or in the backend header those only backends call."""
    return [m for k in f.classes for m in k.application_methods] + (model.backend_methods if f.backend else [])


def _declarations(model, f):
    """The parsed C declarations of a file's header."""
    nodes = [d.node for d in f.scalars + f.callbacks] + [x.node for s in f.structs for x in s.fields]
    nodes += [x.node for k in f.classes for x in k.fields] + [m.func.decl for m in _methods(model, f)]
    return nodes + [op.decl for vt in f.vtables for op in vt.ops]


def _conditions(f):
    """The options that structs and fields of a file's header exist under."""
    entries = f.structs + [x for s in f.structs for x in s.fields] + [x for k in f.classes for x in k.fields]
    return [e.condition for e in entries if e.condition is not None]


def _returns_errors(model, f):
    funcs = [m.func for m in _methods(model, f)] + [op for vt in f.vtables for op in vt.ops]
    return any(func.carries_errors for func in funcs)


def _array_sizes(node):
    """Names used as array sizes in a declaration."""
    names = []
    while node is not None and not isinstance(node, (c_ast.TypeDecl, c_ast.FuncDecl)):
        if isinstance(node, c_ast.ArrayDecl) and isinstance(node.dim, c_ast.ID):
            names.append(node.dim.name)
        node = getattr(node, "type", None)
    return names


def _check_cycles(model, diag):
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
