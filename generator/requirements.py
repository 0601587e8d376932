"""What the generator needs of the Python that runs it, checked before anything imports it.

PyYAML, Jinja2 2.10 or later (loop.previtem), and pycparser 2.21 or later:
2.x (a PLY parser) and 3.x (hand-written, without pycparser.plyparser) both
serve, through the API they share.  A Python that lacks one gets one line
saying what to install and what it found instead, never a traceback.
"""

import importlib
import os
import sys

# (module, name and minimum version, Debian package, the names the generator uses)
NEEDS = [
    ("yaml", ("PyYAML", None), "python3-yaml",
     ["compose", "SafeLoader", "MarkedYAMLError", "YAMLError", "ScalarNode", "SequenceNode", "MappingNode",
      "constructor.SafeConstructor"]),
    ("jinja2", ("Jinja2", (2, 10)), "python3-jinja2", ["Environment", "FileSystemLoader", "StrictUndefined"]),
    ("pycparser", ("pycparser", (2, 21)), "python3-pycparser",
     ["c_ast.Decl", "c_ast.Typename", "c_generator.CGenerator", "c_parser.CParser", "c_parser.ParseError"]),
]


def _version(module):
    """(major, minor) of a module's __version__, or None if it has none that reads as one."""
    try:
        return tuple(int(part) for part in str(module.__version__).split(".")[:2])
    except (AttributeError, ValueError):
        return None


def _lacks(module, dotted):
    """Whether module lacks a name such as 'c_parser.ParseError' (importing the submodule if it must)."""
    obj, path = module, module.__name__
    for part in dotted.split("."):
        path += "." + part
        if not hasattr(obj, part):
            try:
                importlib.import_module(path)
            except Exception:  # a broken or missing submodule: the name is not there
                return True
        obj = getattr(obj, part, None)
        if obj is None:
            return True
    return False


def _problem(name, title, minimum, names):
    """What is wrong with one requirement, in a few words, or None."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return f"found none for {sys.executable}"
    except Exception as e:  # a module that fails while importing
        return f"found one for {sys.executable} that fails to import ({type(e).__name__}: {e})"
    version = _version(module)
    where = f"{title} {getattr(module, '__version__', '(no version)')} at {os.path.dirname(module.__file__ or '')}"
    if minimum is not None and (version is None or version < minimum):
        return f"found {where}"
    missing = [n for n in names if _lacks(module, n)]
    if missing:
        return f"found {where}, which has no {', '.join(missing)}"
    return None


def problem():
    """None if this Python can run the generator; otherwise the one line that says what it needs."""
    for name, (title, minimum), package, names in NEEDS:
        found = _problem(name, title, minimum, names)
        if found is not None:
            version = f" {minimum[0]}.{minimum[1]} or later" if minimum else ""
            return f"generator: needs {title}{version} (Debian: apt-get install {package}); {found}"
    return None


def require():
    """Exit with status 2, after the one line, if this Python cannot run the generator."""
    line = problem()
    if line is not None:
        print(line, file=sys.stderr)
        sys.exit(2)
