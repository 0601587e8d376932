"""The test plan: which bad-input cases each method gets, and which classes run them.

A method's cases are worked out once, for the class that declares it: the
NULL object, each non-nullable pointer NULL, a NULL buffer with a non-zero
size, each bound crossed, a value outside its enum, and the object not in
the state the method requires.  Every concrete class that offers the method
(the declaring class itself, or its subclasses) runs the same cases through
its own function: one test file per declaring class, whose cases are
written once and expanded over a table of those classes when there is more
than one, or another than the declaring class.
"""

from . import naming

OBJECT = object()  # the argument that stands for the object under test


class Local:
    """An object a case declares zero-filled and passes by address; an array of count when count is set."""

    def __init__(self, type_name, name, count=None):
        self.type, self.name, self.count = type_name, name, count


class Case:
    """One call with one bad input, and what it must return."""

    def __init__(self, name, what, args, expect):
        self.name = name        # None for the NULL object, which each class names null_<object>
        self.what, self.args, self.expect = what, args, expect

    @property
    def locals(self):
        return [a for a in self.args if isinstance(a, Local)]

    @property
    def uses_object(self):
        return self.args[0] is OBJECT


class MethodCases:
    """The cases of one method."""

    def __init__(self, func, cases):
        self.func, self.cases, self.name = func, cases, func.name
        self.c_name = naming.function(func.owner.c_name, func.name)  # as its declaring class offers it
        self.macro = f"{func.name.upper()}_CASES"  # its cases for any class, in a table's file


class TestFile:
    """The cases of the methods one class declares, and the concrete classes that run them."""

    def __init__(self, klass, rows, methods):
        self.klass, self.rows, self.methods = klass, rows, methods
        self.table_name = f"{klass.c_name.upper()}_CLASSES"

    @property
    def table(self):
        """Whether the cases run over a table of classes rather than for the declaring class alone."""
        return self.rows != [self.klass]

    @property
    def sources(self):
        return sorted({self.klass.file.source} | {k.file.source for k in self.rows})


def plan(model):
    """One TestFile per class whose methods some concrete class offers, in the model's order."""
    files = []
    for klass in model.all_classes:
        rows = [k for k in model.concrete_classes if k is klass or klass in k.ancestors]
        if rows and klass.functions:
            files.append(TestFile(klass, rows, [MethodCases(f, cases(f)) for f in klass.functions]))
    return files


def _valid_arg(p):
    """An argument that passes the generated checks: a C expression, or a Local to pass by address."""
    if p.example is not None:
        return p.example
    if p.pointer:
        base = p.type.name if p.type is not None else None
        if p.type is not None and p.type.pointer:  # a nullable callback or handle
            return "NULL"
        name = f"{p.name}_object"  # never the object's own name: that is one word, this is two
        if p.array or base in (None, "void", "char"):
            return Local("unsigned char" if base in (None, "void") else base, name, 64)
        return Local(base, name)
    if p.enum is not None:
        return p.enum.lowest.name
    if p.type is not None and p.type.name == "bool":
        return "false"
    if p.min is not None:
        return str(p.min)
    return str(p.max) if p.max is not None and p.max < 0 else "0"


def cases(func):
    """One case per bad input the IDL documents for a method of func.owner."""
    klass = func.owner
    valid = [OBJECT] + [_valid_arg(p) for p in func.params]
    fail = func.fail_value
    out = []

    def case(name, what, changes, expect=fail):
        args = list(valid)
        for index, value in changes:
            args[index] = value
        out.append(Case(name, what, args, expect))

    case(None, f"the {klass.name} is NULL", [(0, "NULL")])
    names = [p.name for p in func.params]
    for i, p in enumerate(func.params, 1):
        if p.pointer and p.nullable_if_zero:
            size = names.index(p.nullable_if_zero) + 1
            case(f"null_{p.name}_with_{p.nullable_if_zero}", f"{p.name} is NULL and {p.nullable_if_zero} is not 0",
                 [(i, "NULL"), (size, "1")])
        elif p.pointer and not p.nullable and valid[i] != "NULL":
            case(f"null_{p.name}", f"{p.name} is NULL", [(i, "NULL")])
        if p.min is not None and not (p.unsigned and p.min == 0):
            case(f"{p.name}_below_min", f"{p.name} is below {p.min}", [(i, str(p.min - 1))])
        if p.max is not None:
            case(f"{p.name}_above_max", f"{p.name} is above {p.max}", [(i, str(p.max + 1))])
        if p.enum is not None:
            bad = p.enum.highest.value + 1
            case(f"{p.name}_not_in_enum", f"{p.name} is not a {p.enum.name}", [(i, f"({p.enum.name}){bad}")])
    if func.state_error:
        case(f"not_{func.requires.value}", f"the {klass.name} is not {func.requires.value}", [], func.state_error)
    return out
