"""Load IDL files as YAML node trees that keep their source positions."""

import yaml

from .diag import Pos


def node_pos(path, node):
    """Where a YAML node starts, 1-based."""
    mark = node.start_mark
    return Pos(path, mark.line + 1, mark.column + 1)


def load(path, diag):
    """Return the root node of one IDL file, or None after reporting why not."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        diag.error(Pos(path, 1, 1), f"cannot read file: {e.strerror}")
        return None
    except UnicodeDecodeError:
        diag.error(Pos(path, 1, 1), "file is not UTF-8")
        return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = Pos(path, mark.line + 1, mark.column + 1) if mark else Pos(path, 1, 1)
        diag.error(where, f"invalid YAML: {e.problem or e.context}")
        return None
    except yaml.YAMLError as e:
        diag.error(Pos(path, 1, 1), f"invalid YAML: {e}")
        return None
    if root is None:
        diag.error(Pos(path, 1, 1), "file is empty")
    return root
