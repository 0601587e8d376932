"""The public headers: one per IDL file, and nsapi/nsapi.h, which includes them all."""

from .jinja import Output


def outputs(model):
    outs = [Output(f"include/{f.header}", "header.h.j2", [f.source], file=f) for f in model.files]
    core = [f for f in model.files if f.part is None]  # a part's header needs its own dependency: included alone
    outs.append(Output("include/nsapi/nsapi.h", "umbrella.h.j2", sorted(f.source for f in core), files=core))
    return outs
