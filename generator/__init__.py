"""nsapi generator: reads idl/*.yaml and writes the C API under generated/.

Pipeline: load (YAML with positions) -> schema (the shape of each entry) ->
resolve (C declarations parsed with pycparser, names resolved, into the
model) -> validate (the rules) and includes (the include graph) -> testplan
(the bad-input cases of each method) -> emit (one emitter per kind of output,
Jinja2 templates doing the text) -> write (only files whose bytes changed).
"""
