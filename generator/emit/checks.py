"""Each class's public functions (the argument checks the IDL declares), and src/impl.h, the runtime's side."""

from .jinja import Output


def headers(model, methods, first):
    """The public headers a generated file needs for methods: first, and the backend's if one is only for backends."""
    backend = model.backend_file
    return [first] + ([backend.header] if backend and any(m.func.backend for m in methods) else [])


def outputs(model):
    outs = [Output(f"src/{k.c_name}_checks.c", "checks.c.j2", [k.file.source], klass=k,
                   headers=headers(model, k.methods, k.file.header)) for k in model.all_classes]
    outs.append(Output("src/impl.h", "impl.h.j2", sorted(f.source for f in model.files)))
    return outs
