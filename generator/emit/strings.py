"""The error codes' names and meanings as strings, and the test of every code."""

from .jinja import Output


def runs(values):
    """The codes' values in declared order as runs of neighbours: (first value, last value, first index,
    step), step 1 or -1 (0 for a run of one), so that the code's index is found with a compare or two a run."""
    out = []
    for i, v in enumerate(values):
        if out:
            first, last, index, step = out[-1]
            if v - last in (1, -1) and step in (0, v - last):
                out[-1] = (first, v, index, v - last)
                continue
        out.append((v, v, i, 0))
    return out


def outputs(model):
    outs = []
    for e in model.enums:
        if e.strings:
            outs.append(Output(f"src/{e.name}_strings.c", "strings.c.j2", [e.file.source], enum=e,
                               runs=runs([v.value for v in e.values])))
            outs.append(Output(f"tests/test_{e.name}_strings.c", "test_strings.c.j2", [e.file.source], enum=e))
    return outs
