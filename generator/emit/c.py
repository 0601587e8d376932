"""How the model is spelt in C, for the templates: prototypes, argument checks, string literals."""


def string(text):
    """A C string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prototype(m, name=None):
    """A method's prototype, as its class offers it (or under another name: its nsapi_impl_* function)."""
    self_type = ("const " if m.func.const else "") + m.klass.type_name + " *"
    params = [f"{self_type}{m.self_name}"] + [p.text for p in m.params]
    sep = "" if m.func.ret_text.endswith("*") else " "
    return f"{m.func.ret_text}{sep}{name or m.c_name}({', '.join(params)})"


def conditions(m):
    """The C conditions, any of which makes a method's arguments bad."""
    conds = [f"{m.self_name} == NULL"]
    if m.klass.initialized_by and not m.func.init:
        conds.append(f"{m.self_name}->{m.klass.initialized_by} == NULL")  # not initialised
    for p in m.params:
        if p.pointer and p.nullable_if_zero:
            conds.append(f"({p.name} == NULL && {p.nullable_if_zero} != 0)")
        elif p.pointer and not p.nullable:
            conds.append(f"{p.name} == NULL")
        if p.min is not None and not (p.unsigned and p.min == 0):
            conds.append(f"{p.name} < {p.min}")
        if p.max is not None:
            conds.append(f"{p.name} > {p.max}")
        if p.enum is not None:
            conds.append(_not_in_enum(p.enum, p.name))
    return conds


def _not_in_enum(enum, var):
    """A condition true when var holds none of the enum's values."""
    lo, hi = enum.lowest.name, enum.highest.name
    if enum.contiguous:
        if enum.lowest.value == 0:
            return f"(unsigned){var} > (unsigned){hi}"
        return f"({var} < {lo} || {var} > {hi})"
    return "(" + " && ".join(f"{var} != {v.name}" for v in enum.values) + ")"


def continued(text):
    """text as the body of a multi-line macro: each line but the last ends in a backslash, all in one column."""
    lines = text.rstrip("\n").split("\n")
    width = max(len(line) for line in lines[:-1]) + 1 if len(lines) > 1 else 0
    return "\n".join([line.ljust(width) + "\\" for line in lines[:-1]] + lines[-1:])
