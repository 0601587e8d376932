"""The Jinja2 environment every emitter renders with, and what one output is."""

import os

import jinja2

from . import c, doc

TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates")


class Output:
    """One generated file: its path under generated/, its template, the IDL files it comes from."""

    def __init__(self, path, template, sources, **context):
        self.path, self.template, self.sources, self.context = path, template, sources, context


def environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(comment=doc.comment, c_string=c.string, prototype=c.prototype, conditions=c.conditions,
                       continued=c.continued)
    env.globals.update(method_doc=doc.method_doc, op_doc=doc.op_doc, idl_doc=jinja2.pass_context(doc.idl_doc))
    return env
