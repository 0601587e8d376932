"""nsapi generator: reads idl/*.yaml and writes the C API under generated/.

Pipeline: load (YAML with positions) -> schema (shape of each entry) ->
model (C declarations parsed with pycparser, names resolved, rules checked)
-> render (Jinja2 templates) -> write (only files whose bytes changed).
"""
