"""Each class's public functions (the argument checks the IDL declares), and impl.h, the runtime's side.

A part's classes (see model.File.part) get theirs under <part>/src/, with an impl.h of their own, so that
the core library neither compiles nor declares them.
"""

from .jinja import Output


def headers(model, methods, first):
    """The public headers a generated file needs for methods: first, and the backend's if one is only for backends."""
    backend = model.backend_file
    return [first] + ([backend.header] if backend and any(m.func.backend for m in methods) else [])


def _dir(part):
    return f"{part}/src" if part else "src"


def outputs(model):
    outs = [Output(f"{_dir(k.file.part)}/{k.c_name}_checks.c", "checks.c.j2", [k.file.source], klass=k,
                   headers=headers(model, k.methods, k.file.header)) for k in model.all_classes]
    for part in sorted({f.part for f in model.files}, key=lambda p: p or ""):
        files = [f for f in model.files if f.part == part]
        classes = [k for f in files for k in f.classes]
        if part is None or classes:
            headers_ = ["nsapi/nsapi.h"] + [f.header for f in files if part is not None]
            outs.append(Output(f"{_dir(part)}/impl.h", "impl.h.j2", sorted(f.source for f in files),
                               classes=classes, headers=headers_, guard=f"NSAPI_{(part or '').upper()}{'_' if part else ''}IMPL_H"))
    return outs
