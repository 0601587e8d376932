"""Each class's public functions (the argument checks the IDL declares), and src/impl.h, the runtime's side."""

from .jinja import Output


def outputs(model):
    outs = [Output(f"src/{k.c_name}_checks.c", "checks.c.j2", [k.file.source], klass=k) for k in model.all_classes]
    outs.append(Output("src/impl.h", "impl.h.j2", sorted(f.source for f in model.files)))
    return outs
