"""The emitters: one module per kind of output, each naming its files; the templates write the text."""

from . import checks, cpp, headers, scaffold, stack_calls, strings, tests
from .jinja import environment

KINDS = (headers, checks, strings, stack_calls, tests, cpp)


def render(model):
    """{path under generated/: text} for every output of every kind."""
    env = environment()
    outs = [out for kind in KINDS for out in kind.outputs(model)]
    paths = [o.path for o in outs]
    assert len(set(paths)) == len(paths), "the IDL's names keep output paths apart"
    result = {}
    for out in outs:
        banner = (f"/* Generated from {', '.join(out.sources)} by the nsapi generator (python3 -m generator)."
                  " Do not edit: change the IDL and run scons. */")
        result[out.path] = env.get_template(out.template).render(model=model, banner=banner, **out.context)
    return result


def new_stack(model, name):
    """{path: text} of a new stack backend called name."""
    return scaffold.render(model, name)
