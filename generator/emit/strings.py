"""The error codes' names and meanings as strings, and the test of every code."""

from .jinja import Output


def outputs(model):
    outs = []
    for e in model.enums:
        if e.strings:
            outs.append(Output(f"src/{e.name}_strings.c", "strings.c.j2", [e.file.source], enum=e))
            outs.append(Output(f"tests/test_{e.name}_strings.c", "test_strings.c.j2", [e.file.source], enum=e))
    return outs
