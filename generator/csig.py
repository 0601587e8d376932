"""C declarations written in the IDL, parsed with pycparser.

Each declaration is parsed on its own, after a prelude that declares every
known type name (pycparser must know which identifiers are types) and a line
marker that makes pycparser's coordinates point into the IDL file.
"""

import copy
import re

from pycparser import c_ast, c_generator, c_parser

from .naming import KEYWORDS

_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\S")
_BEFORE = re.compile(r":(\d+):(\d+): before: (.*)\Z", re.S)
_gen = c_generator.CGenerator()
_C_TYPE_WORDS = {"void", "char", "short", "int", "long", "float", "double", "signed", "unsigned"}
# Declarations parsed in this process, by their whole text (prelude and position included): a process
# that generates again (the IDL-error tests) parses only what changed.
_parsed = {}


def text(node):
    """C text of a declaration node, in pycparser's canonical spelling."""
    return _gen.visit(node)


class Parser:
    def __init__(self, diag, type_names):
        self.diag = diag
        self.type_names = set(type_names)
        self._parser = c_parser.CParser()
        declared = sorted(t for t in self.type_names if " " not in t and t not in _C_TYPE_WORDS)
        self._count = len(declared)
        self._prelude = '# 1 "<types>"\n' + "".join(f"typedef int {t};\n" for t in declared)

    def parse(self, value, what):
        """Parse the declaration in a positioned IDL string; None after an error."""
        pos, src = value.pos, value.value
        if "\n" in src.strip():
            self.diag.error(pos, f"{what} must be on one line")
            return None
        unknown = self._unknown_type(src)
        if unknown:
            col, name = unknown
            self.diag.error(type(pos)(pos.file, pos.line, pos.col + col), f"unknown type '{name}'")
            return None
        code = f'{self._prelude}# {pos.line} "{pos.file}"\n{" " * (pos.col - 1)}{src};\n'
        if code in _parsed:
            return copy.deepcopy(_parsed[code])
        try:
            ast = self._parser.parse(code, pos.file)
        except c_parser.ParseError as e:
            m = _BEFORE.search(str(e))
            if m:
                near = m.group(3).strip() or "end of line"
                where = type(pos)(pos.file, int(m.group(1)), int(m.group(2)))
                self.diag.error(where, f"malformed C {what}: unexpected '{near}'")
            else:
                self.diag.error(pos, f"malformed C {what}")
            return None
        decls = ast.ext[self._count:]
        if len(decls) != 1:
            self.diag.error(pos, f"{what} must be exactly one C declaration")
            return None
        _parsed[code] = copy.deepcopy(decls[0])
        return decls[0]

    def _unknown_type(self, src):
        """(column offset, name) of the first identifier used as a type but not declared."""
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(src)]
        for i, (col, tok) in enumerate(tokens[:-1]):
            nxt = tokens[i + 1][1]
            if (tok[0].isalpha() or tok[0] == "_") and tok not in KEYWORDS and tok not in self.type_names \
                    and (nxt == "*" or nxt[0].isalpha() or nxt[0] == "_") and nxt not in ("const", "volatile", "restrict"):
                return col, tok
        return None


def type_text(node):
    """C text of a type without its declarator name: 'const void *'."""
    node = copy.deepcopy(node)
    inner = node
    while not isinstance(inner, c_ast.TypeDecl):
        inner = inner.type
    inner.declname = None
    return _gen.visit(c_ast.Typename(None, [], None, node)).strip()


def function_parts(decl):
    """(name, return type node, [param Decl]) of a function declaration, or None."""
    if not isinstance(decl, c_ast.Decl) or not isinstance(decl.type, c_ast.FuncDecl):
        return None
    func = decl.type
    params = list(func.args.params) if func.args else []
    if len(params) == 1 and isinstance(params[0], c_ast.Typename) and text(params[0]) == "void":
        params = []
    return decl.name, func.type, params


def base_type(node):
    """The identifier a (possibly pointer or array) type is built on: 'int', 'nsapi_addr_t'."""
    while not isinstance(node, c_ast.TypeDecl):
        if isinstance(node, c_ast.FuncDecl):
            return None
        node = node.type
    inner = node.type
    if isinstance(inner, c_ast.IdentifierType):
        return " ".join(inner.names)
    return None


def is_pointer(node):
    return isinstance(node, c_ast.PtrDecl)


def is_array(node):
    return isinstance(node, c_ast.ArrayDecl)


def type_uses(node, by_value=True):
    """(type name, used by value) for each type a declaration names."""
    if isinstance(node, (c_ast.Decl, c_ast.Typedef, c_ast.Typename)):
        return type_uses(node.type, by_value)
    if isinstance(node, c_ast.PtrDecl):
        # A pointer to a function still takes and returns its types by value.
        return type_uses(node.type, by_value and isinstance(node.type, c_ast.FuncDecl))
    if isinstance(node, c_ast.ArrayDecl):
        return type_uses(node.type, by_value)
    if isinstance(node, c_ast.FuncDecl):
        out = type_uses(node.type)
        for p in (node.args.params if node.args else []):
            out += type_uses(p)
        return out
    if isinstance(node, c_ast.TypeDecl) and isinstance(node.type, c_ast.IdentifierType):
        return [(" ".join(node.type.names), by_value)]
    return []
