"""Doxygen comments: wrapped to the line width, with @param, @return and @retval tags from the model."""

import re
import textwrap

WIDTH = 80
# Doxygen reads "::name" as a link to a global name; an IPv6 address such as ::ffff:1.2.3.4 is not one.
_SCOPE = re.compile(r"(?<![\\\w])::(?=\w)")


def comment(paragraphs, indent=""):
    """A Doxygen block: paragraphs are strings, or lists of pre-split lines kept as they are."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    body = []
    for para in paragraphs:
        if body:
            body.append("")
        if isinstance(para, str):
            body += textwrap.wrap(_SCOPE.sub(r"\\::", para), WIDTH - len(indent) - 3, break_long_words=False, break_on_hyphens=False)
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
    tags += _returns(func, indent)
    paras.append(tags)
    return comment(paras, indent)


def op_doc(op, indent):
    """The Doxygen comment of a vtable operation."""
    paras = [op.doc] + ([f"Event: {op.event}"] if op.event else []) + ([f"Left NULL: {op.when_null}"] if op.when_null else [])
    return comment(paras + [_retvals(op.errors, indent)] if op.errors else paras, indent)


def _retvals(errors, indent):
    width = max(len(code) for code, _, _ in errors)
    return [line for code, text, _ in errors for line in _hanging("@retval", code, width, text, indent)]


def _returns(func, indent):
    """The @return and @retval lines of a function's result."""
    tags = []
    if func.returns:
        tags += _hanging("@return", "", 0, func.returns.rstrip(".") + ("; otherwise one of:" if func.errors else "."), indent)
    if func.errors:
        tags += _retvals(func.errors, indent)
    elif func.on_null is not None:
        tags += _hanging("@return", "", 0, f"{func.on_null.value} when a pointer argument is NULL.", indent)
    return tags


def cpp_method_doc(m, indent="    ", params=None, void=False, returns=None, note=None):
    """The Doxygen comment of a C++ member over method m's C function: the IDL's brief, @param, @return
    and @retval, with the object itself left out (it is `this`) and a @see to the C function.
    params: the member's parameters when they differ from the IDL's, each a name the IDL documents or a
    (name, text) pair; void: the member drops the C result; returns: the member's own @return text;
    note: a sentence on what the member does beside the C call."""
    by_name = {p.name: _param_doc(p) for p in m.params}
    if params is None:
        params = [p.name for p in m.params]
    pairs = [(p, by_name[p]) if isinstance(p, str) else tuple(p) for p in params]
    tags = []
    width = max([len(n) for n, _ in pairs] or [0])
    for name, text in pairs:
        tags += _hanging("@param", name, width, text, indent)
    if returns is not None:
        tags += _hanging("@return", "", 0, returns, indent)
    elif not void:
        tags += _returns(m.func, indent)
    tags.append(f"@see {m.c_name}")
    return comment([m.func.doc] + ([note] if note else []) + [tags], indent)


def _methods_by_c_name(model):
    return {m.c_name: m for k in model.all_classes for m in k.methods}


def idl_doc(context, c_name, indent="    ", **options):
    """cpp_method_doc of the IDL method whose C function is c_name, for a template (Jinja's context
    gives the model); its first line unindented, as the template indents it."""
    methods = _methods_by_c_name(context["model"])
    if c_name not in methods:
        raise KeyError(f"a template documents {c_name}, which the IDL does not declare")
    return cpp_method_doc(methods[c_name], indent, **options)[len(indent):]
