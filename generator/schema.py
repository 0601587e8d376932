"""The shape of each IDL entry: which keys it has and what kind of value each holds.

check() walks a YAML node tree against a shape and returns plain records that
remember where each value came from.  It reports every unknown key, missing
key and wrong kind of value, and goes on checking the rest.
"""

import re

import yaml

from .load import node_pos

_construct = yaml.constructor.SafeConstructor()
_KINDS = {str: "a string", int: "an integer", bool: "true or false", type(None): "empty",
          float: "a number", list: "a list", dict: "a mapping"}


def _kind(value):
    return _KINDS.get(type(value), type(value).__name__)


class Record:
    """A checked mapping: attribute access to its values, pos_of() to their positions."""

    def __init__(self, pos, values, positions):
        self.pos = pos
        self._values = values
        self._positions = positions

    def __getattr__(self, key):
        try:
            return self._values[key]
        except KeyError:
            raise AttributeError(key) from None

    def get(self, key, default=None):
        return self._values.get(key, default)

    def pos_of(self, key):
        return self._positions.get(key, self.pos)


class Entry:
    """One key: value pair of a MapOf, with the key's position."""

    def __init__(self, key, pos, value):
        self.key, self.pos, self.value = key, pos, value


class Value:
    """A scalar with its position (for values that later checks point at)."""

    def __init__(self, value, pos):
        self.value, self.pos = value, pos


class Scalar:
    def __init__(self, *types, text=False):
        self.types, self.text = types, text

    def check(self, path, node, diag, what):
        if not isinstance(node, yaml.ScalarNode):
            diag.error(node_pos(path, node), f"{what} must be {self._expected()}, not {_kind([] if isinstance(node, yaml.SequenceNode) else {})}")
            return None
        value = _scalar(path, node, diag)
        if value is _BAD:
            return None
        if type(value) not in self.types:
            diag.error(node_pos(path, node), f"{what} must be {self._expected()}, not {_kind(value)}")
            return None
        if self.text:
            value = " ".join(value.split())
            if not value:
                diag.error(node_pos(path, node), f"{what} is empty")
                return None
            if "*/" in value:
                diag.error(node_pos(path, node), f"{what} contains '*/', which would end the C comment")
                return None
        return value

    def _expected(self):
        return " or ".join(_KINDS[t] for t in self.types)


STR = Scalar(str)
TEXT = Scalar(str, text=True)
INT = Scalar(int)
BOOL = Scalar(bool)
INT_OR_NAME = Scalar(int, str)


class Positioned:
    """A scalar kept with its own position."""

    def __init__(self, scalar):
        self.scalar = scalar

    def check(self, path, node, diag, what):
        value = self.scalar.check(path, node, diag, what)
        if value is None:
            return None
        pos = node_pos(path, node)
        if node.style in ("'", '"'):
            pos.col += 1  # point at the text, not the quote
        return Value(value, pos)


class Rec:
    def __init__(self, kind, fields, required=()):
        self.kind, self.fields, self.required = kind, fields, required

    def check(self, path, node, diag, what=None):
        pos = node_pos(path, node)
        if not isinstance(node, yaml.MappingNode):
            diag.error(pos, f"{self.kind} must be a mapping")
            return None
        values, positions = {}, {}
        for key, child in _pairs(path, node, diag):
            if key not in self.fields:
                known = ", ".join(sorted(self.fields))
                diag.error(positions_key(path, node, key), f"unknown key '{key}' in {self.kind} (known keys: {known})")
                continue
            positions[key] = node_pos(path, child)
            value = self.fields[key].check(path, child, diag, f"'{key}' of {self.kind}")
            if value is not None:
                values[key] = value
        for key in self.required:
            if key not in positions:
                diag.error(pos, f"{self.kind} has no '{key}'")
        return Record(pos, values, positions)


class ListOf:
    def __init__(self, item):
        self.item = item

    def check(self, path, node, diag, what):
        if not isinstance(node, yaml.SequenceNode):
            diag.error(node_pos(path, node), f"{what} must be a list")
            return None
        items = (self.item.check(path, child, diag, what) for child in node.value)
        return [item for item in items if item is not None]


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class MapOf:
    """A mapping whose keys are C identifiers chosen by the IDL author."""

    def __init__(self, value):
        self.value = value

    def check(self, path, node, diag, what):
        if not isinstance(node, yaml.MappingNode):
            diag.error(node_pos(path, node), f"{what} must be a mapping")
            return None
        entries = []
        for key, child in _pairs(path, node, diag):
            kpos = positions_key(path, node, key)
            if not _IDENT.match(key):
                diag.error(kpos, f"'{key}' is not a C identifier")
                continue
            value = self.value.check(path, child, diag, f"'{key}'")
            if value is not None:
                entries.append(Entry(key, kpos, value))
        return entries


_BAD = object()


def _scalar(path, node, diag):
    """The Python value of a scalar node, or _BAD after reporting a tag PyYAML cannot build."""
    try:
        return _construct.construct_object(node)
    except yaml.YAMLError as e:
        diag.error(node_pos(path, node), f"invalid YAML: {getattr(e, 'problem', None) or e}")
        return _BAD


def positions_key(path, node, key):
    for knode, _ in node.value:
        if knode.value == key:
            return node_pos(path, knode)
    return node_pos(path, node)


def _pairs(path, node, diag):
    """The (key, value node) pairs of a mapping; reports duplicate and non-string keys."""
    seen = {}
    for knode, vnode in node.value:
        kpos = node_pos(path, knode)
        if not isinstance(knode, yaml.ScalarNode) or not isinstance(_scalar(path, knode, diag), str):
            diag.error(kpos, "keys must be strings")
            continue
        key = knode.value
        if key in seen:
            diag.error(kpos, f"duplicate key '{key}' (first at line {seen[key].line})")
            continue
        seen[key] = kpos
        yield key, vnode


# The IDL's shape.  Every entry that becomes C carries a doc string.
PARAM = Rec("parameter", {
    "doc": TEXT, "nullable": BOOL, "nullable_if_zero": Positioned(STR),
    "min": Positioned(INT), "max": Positioned(INT), "example": STR,
}, required=("doc",))

METHOD = Rec("method", {
    "c": Positioned(STR), "doc": TEXT, "params": MapOf(PARAM), "errors": MapOf(TEXT),
    "returns": TEXT, "on_null": Positioned(STR), "requires": Positioned(STR),
    "const": BOOL, "abstract": BOOL, "backend": BOOL, "init": BOOL,
}, required=("c", "doc"))

FIELD = Rec("field", {"c": Positioned(STR), "doc": TEXT, "if": Positioned(STR)}, required=("c", "doc"))

CLASS = Rec("class", {
    "name": Positioned(STR), "c_name": Positioned(STR), "doc": TEXT, "extends": Positioned(STR),
    "abstract": BOOL, "fields": ListOf(FIELD), "methods": ListOf(METHOD), "initialized_by": Positioned(STR),
}, required=("name", "doc"))

ENUM_VALUE = Rec("enum value", {"name": Positioned(STR), "value": Positioned(INT), "doc": TEXT},
                 required=("name", "value", "doc"))

STRINGS = Rec("strings", {
    "name_function": Positioned(STR), "text_function": Positioned(STR),
    "unknown_name": STR, "unknown_text": STR,
}, required=("name_function", "text_function", "unknown_name", "unknown_text"))

ENUM = Rec("enum", {"name": Positioned(STR), "doc": TEXT, "values": ListOf(ENUM_VALUE), "strings": STRINGS},
           required=("name", "doc", "values"))

CONSTANT = Rec("constant", {"name": Positioned(STR), "value": Positioned(INT_OR_NAME), "doc": TEXT},
               required=("name", "value", "doc"))

OPTION = Rec("option", {
    "name": Positioned(STR), "default": Positioned(INT), "min": Positioned(INT), "max": Positioned(INT), "doc": TEXT,
}, required=("name", "default", "doc"))

TYPEDEF = Rec("type", {"c": Positioned(STR), "doc": TEXT, "carries_errors": BOOL}, required=("c", "doc"))

STRUCT = Rec("struct", {"name": Positioned(STR), "doc": TEXT, "if": Positioned(STR), "fields": ListOf(FIELD)},
             required=("name", "doc", "fields"))

OP = Rec("operation", {"c": Positioned(STR), "doc": TEXT, "event": TEXT, "when_null": TEXT, "errors": MapOf(TEXT)},
         required=("c", "doc"))

VTABLE = Rec("vtable", {"name": Positioned(STR), "doc": TEXT, "ops": ListOf(OP)}, required=("name", "doc", "ops"))

EXTERNAL = Rec("external type", {"name": Positioned(STR), "header": STR, "doc": TEXT}, required=("name", "header", "doc"))

FILE = Rec("file", {
    "doc": TEXT, "abi": Positioned(INT), "shared": BOOL, "backend": BOOL, "part": Positioned(STR), "scalars": ListOf(TYPEDEF), "constants": ListOf(CONSTANT),
    "options": ListOf(OPTION),
    "externals": ListOf(EXTERNAL),
    "enums": ListOf(ENUM), "structs": ListOf(STRUCT), "callbacks": ListOf(TYPEDEF),
    "classes": ListOf(CLASS), "vtables": ListOf(VTABLE),
}, required=("doc",))
