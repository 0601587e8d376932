"""Render the model into C files with the Jinja2 templates in templates/."""

import os
import textwrap

import jinja2


TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
WIDTH = 80


def _environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["comment"] = comment
    env.filters["c_string"] = c_string
    env.globals["method_doc"] = method_doc
    return env


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def comment(paragraphs, indent="", trailing=False):
    """A Doxygen block: paragraphs are strings, or lists of pre-split lines kept as they are."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    body = []
    for para in paragraphs:
        if body:
            body.append("")
        if isinstance(para, str):
            body += textwrap.wrap(para, WIDTH - len(indent) - 3, break_long_words=False, break_on_hyphens=False)
        else:
            body += para
    if len(body) == 1 and len(indent) + len(body[0]) + 7 <= WIDTH:
        return f"{indent}/** {body[0]} */"
    lines = [f"{indent}/**"] + [f"{indent} * {b}".rstrip() for b in body] + [f"{indent} */"]
    return "\n".join(lines)


def _hanging(tag, name, width, text, indent):
    """'@param name text', wrapped with continuation lines indented under the text."""
    head = f"{tag} {name.ljust(width)} " if name else f"{tag} "
    wrapped = textwrap.wrap(text, WIDTH - len(indent) - 3 - len(head), break_long_words=False, break_on_hyphens=False)
    return [head + wrapped[0]] + [" " * len(head) + w for w in wrapped[1:]]


def _param_doc(p):
    text = p.doc
    if p.nullable:
        text += " May be NULL."
    elif p.nullable_if_zero:
        text += f" May be NULL when {p.nullable_if_zero} is 0."
    if p.min is not None and p.max is not None:
        text += f" From {p.min} to {p.max}."
    elif p.min is not None:
        text += f" At least {p.min}."
    elif p.max is not None:
        text += f" At most {p.max}."
    return text


def method_doc(m, indent=""):
    """The Doxygen comment of a method as a class offers it."""
    func = m.func
    paras = [func.doc]
    names = [m.self_name] + [p.name for p in m.params]
    width = max(len(n) for n in names)
    tags = _hanging("@param", m.self_name, width, f"The {m.klass.name}.", indent)
    for p in m.params:
        tags += _hanging("@param", p.name, width, _param_doc(p), indent)
    if func.returns:
        tags += _hanging("@return", "", 0, func.returns.rstrip(".") + ("; otherwise one of:" if func.errors else "."), indent)
    if func.errors:
        tags += _retvals(func.errors, indent)
    elif func.on_null is not None:
        tags += _hanging("@return", "", 0, f"{func.on_null.value} when a pointer argument is NULL.", indent)
    paras.append(tags)
    return comment(paras, indent)


def op_doc(op, indent):
    paras = [op.doc] + ([f"Event: {op.event}"] if op.event else [])
    return comment(paras + [_retvals(op.errors, indent)] if op.errors else paras, indent)


def _retvals(errors, indent):
    width = max(len(code) for code, _, _ in errors)
    return [line for code, text, _ in errors for line in _hanging("@retval", code, width, text, indent)]


class TestCase:
    def __init__(self, name, args, expect, what):
        self.name, self.args, self.expect, self.what = name, args, expect, what


def _valid_arg(p, locals_):
    """An argument that passes the generated checks, declaring what it points to in locals_."""
    if p.example is not None:
        return p.example
    if p.pointer:
        base = p.type.name if p.type is not None else None
        if p.type is not None and p.type.pointer:  # a nullable callback or handle
            return "NULL"
        var = f"{p.name}_object"  # never the object's own name: that is one word, this is two
        if p.array or base in (None, "void", "char"):
            locals_[var] = f"{'unsigned char' if base in (None, 'void') else base} {var}[64]"
            return var
        locals_[var] = f"{base} {var}"
        return f"&{var}"
    if p.enum is not None:
        return min(p.enum.values, key=lambda v: v.value).name
    if p.type is not None and p.type.name == "bool":
        return "false"
    if p.min is not None:
        return str(p.min)
    return str(p.max) if p.max is not None and p.max < 0 else "0"


def test_cases(m):
    """One case per bad input the IDL documents for a method."""
    func = m.func
    locals_ = {m.self_name: f"{m.klass.type_name} {m.self_name}"}
    valid = [_valid_arg(p, locals_) for p in m.params]
    fail = func.fail_value
    cases = []

    def case(name, index, value, expect, what):
        args = [f"&{m.self_name}"] + valid
        args[index] = value
        cases.append(TestCase(name, args, expect, what))

    case(f"null_{m.self_name}", 0, "NULL", fail, f"{m.self_name} is NULL")
    for i, p in enumerate(m.params, 1):
        if p.pointer and p.nullable_if_zero:
            size = [q.name for q in m.params].index(p.nullable_if_zero) + 1
            args = [f"&{m.self_name}"] + valid
            args[i], args[size] = "NULL", "1"
            cases.append(TestCase(f"null_{p.name}_with_{p.nullable_if_zero}", args, fail,
                                  f"{p.name} is NULL and {p.nullable_if_zero} is not 0"))
        elif p.pointer and not p.nullable and valid[i - 1] != "NULL":
            case(f"null_{p.name}", i, "NULL", fail, f"{p.name} is NULL")
        if p.min is not None and not (p.unsigned and p.min == 0):
            case(f"{p.name}_below_min", i, str(p.min - 1), fail, f"{p.name} is below {p.min}")
        if p.max is not None:
            case(f"{p.name}_above_max", i, str(p.max + 1), fail, f"{p.name} is above {p.max}")
        if p.enum is not None:
            bad = max(v.value for v in p.enum.values) + 1
            case(f"{p.name}_not_in_enum", i, f"({p.enum.name}){bad}", fail, f"{p.name} is not a {p.enum.name}")
    if m.state_error:
        cases.append(TestCase(f"not_{func.requires.value}", [f"&{m.self_name}"] + valid, m.state_error,
                              f"{m.klass.name} is not {func.requires.value}"))
    return sorted(locals_.values()), cases


class Output:
    """One generated file: its path under generated/, and the IDL files it comes from."""

    def __init__(self, path, template, sources, **context):
        self.path, self.template, self.sources, self.context = path, template, sources, context


def plan(model):
    """Every file the generator writes, in a fixed order."""
    all_sources = sorted(f.source for f in model.files)
    outs = []
    for f in model.files:
        outs.append(Output(f"include/{f.header}", "header.h.j2", [f.source], file=f))
    outs.append(Output("include/nsapi/nsapi.h", "umbrella.h.j2", all_sources))
    outs.append(Output("src/impl.h", "impl.h.j2", all_sources))
    for k in model.all_classes:
        outs.append(Output(f"src/{k.c_name}_checks.c", "checks.c.j2", [k.file.source], klass=k))
    for e in model.enums:
        if e.strings:
            outs.append(Output(f"src/{e.name}_strings.c", "strings.c.j2", [e.file.source], enum=e))
            outs.append(Output(f"tests/test_{e.name}_strings.c", "test_strings.c.j2", [e.file.source], enum=e))
    for k in model.concrete_classes:
        if k.methods:
            outs.append(Output(f"tests/test_{k.c_name}_args.c", "test_args.c.j2", [k.file.source], klass=k))
    vt_sources = sorted(f.source for f in model.files if f.vtables)
    outs.append(Output("src/stack_api_calls.h", "stack_api_calls.h.j2", vt_sources))
    paths = [o.path for o in outs]
    assert len(set(paths)) == len(paths), "the IDL's names keep output paths apart"
    return outs


def render(model):
    """{path: text} for every output."""
    env = _environment()
    vtables = [vt for f in model.files for vt in f.vtables]
    result = {}
    for out in plan(model):
        banner = (f"/* Generated from {', '.join(out.sources)} by the nsapi generator (python3 -m generator)."
                  " Do not edit: change the IDL and run scons. */")
        text = env.get_template(out.template).render(
            model=model, banner=banner, test_cases=test_cases, op_doc=op_doc,
            vtables=vtables, out=out, **out.context)
        result[out.path] = text
    return result


def scaffold(model, name):
    """{path: text} of a new stack backend called name: the files of stacks/<name>/."""
    env = _environment()
    vt = next(vt for f in model.files for vt in f.vtables)
    banner = (f"/* Generated by `scons new-stack NAME={name}` from {vt.file.source}; yours to edit from now on:"
              " regenerating the IDL never touches it. */")
    files = {f"{name}_stack.c": "scaffold_stack.c.j2", f"include/nsapi/{name}.h": "scaffold_header.h.j2",
             f"tests/fixture_{name}.c": "scaffold_conformance.c.j2", "SConscript": "scaffold_SConscript.j2"}
    return {path: env.get_template(template).render(banner=banner, name=name, vt=vt, op_doc=op_doc)
            for path, template in files.items()}
