"""The public headers: one per IDL file, and nsapi/nsapi.h, which includes all but the backend's."""

from .jinja import Output


def outputs(model):
    outs = [Output(f"include/{f.header}", "header.h.j2", sources(model, f), file=f) for f in model.files]
    core = [f for f in model.application_files if f.part is None]  # a part's header needs its own dependency: included alone
    outs.append(Output("include/nsapi/nsapi.h", "umbrella.h.j2", sorted(f.source for f in core), files=core))
    return outs


def sources(model, f):
    """The IDL files a header comes from: its own, and for the backend's those of the methods it declares."""
    extra = {m.klass.file.source for m in model.backend_methods} if f.backend else set()
    return sorted({f.source} | extra)
