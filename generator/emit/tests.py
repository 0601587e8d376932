"""The argument tests: one Criterion file per class that declares methods, from the test plan."""

from .. import testplan
from .checks import headers
from .jinja import Output


def outputs(model):
    return [Output(f"{t.klass.file.part + '/' if t.klass.file.part else ''}tests/test_{t.klass.c_name}_args.c",
                   "test_args.c.j2", t.sources, plan=t, OBJECT=testplan.OBJECT,
                   headers=headers(model, t.methods, "nsapi/nsapi.h")
                   + ([t.klass.file.header] if t.klass.file.part else []))
            for t in testplan.plan(model)]
