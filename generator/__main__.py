"""Command line: python3 -m generator [--idl DIR] [--out DIR] [--check | --list | --new-stack NAME [--into DIR]]."""

import argparse
import glob
import os
import re
import sys
import tempfile

from . import requirements

requirements.require()  # before anything below imports PyYAML, Jinja2 or pycparser

from . import diag as diagnostics, emit, naming, resolve, write  # noqa: E402


def idl_files(idl_dir):
    return sorted(glob.glob(os.path.join(idl_dir, "*.yaml")))


def _model(idl_dir):
    d = diagnostics.Diag()
    paths = idl_files(idl_dir)
    if not paths:
        d.error(diagnostics.Pos(idl_dir, 1, 1), "no .yaml files")
    m = resolve.build(paths, d)
    d.raise_if_any()
    return m


def generate(idl_dir):
    """{relative path: text} for the IDL in idl_dir; raises IdlErrors."""
    return emit.render(_model(idl_dir))


def new_stack(idl_dir, name, into):
    """Write the scaffold of a stack backend called name into the directory into, which must not exist."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name in naming.KEYWORDS or name == "nsapi":
        raise ValueError(f"stack name '{name}' must be a lower_case C identifier other than 'nsapi'")
    if os.path.exists(into):
        raise ValueError(f"{into} exists; a new stack is never written over an old one")
    files = emit.new_stack(_model(idl_dir), name)
    return [os.path.join(into, rel) for rel in write.write(into, files)]


def check(idl_dir, out_dir):
    """Problems between the IDL and the generated files in the last commit (or on disk outside git)."""
    with tempfile.TemporaryDirectory() as tmp:
        write.write(tmp, generate(idl_dir))
        actual = write.committed(out_dir)
        where = "the last commit"
        if actual is None:
            actual = {rel: write.read(os.path.join(out_dir, rel)) for rel in write.existing(out_dir)}
            where = out_dir
        return [f"{out_dir}/{rel}: {problem} (compared with {where})" for rel, problem in write.compare(tmp, actual)]


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m generator", description="Generate nsapi's C API from its IDL.")
    ap.add_argument("--idl", default="idl", help="directory of IDL files (default: idl)")
    ap.add_argument("--out", default="generated", help="output directory (default: generated)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="fail if the committed output differs from what the IDL produces")
    mode.add_argument("--list", action="store_true", help="print the paths the IDL produces")
    mode.add_argument("--new-stack", metavar="NAME", help="write the scaffold of a new stack backend (see --into)")
    ap.add_argument("--into", help="where --new-stack writes (default: stacks/NAME)")
    args = ap.parse_args(argv)
    try:
        if args.new_stack is not None:
            for path in new_stack(args.idl, args.new_stack, args.into or os.path.join("stacks", args.new_stack)):
                print(f"wrote {path}")
            return 0
        if args.check:
            problems = check(args.idl, args.out)
            for p in problems:
                print(f"stale: {p}", file=sys.stderr)
            if problems:
                print("Run `scons` to regenerate, then commit idl/ and generated/ together.", file=sys.stderr)
                return 1
            print(f"{args.out}/ matches {args.idl}/")
            return 0
        files = generate(args.idl)
        if args.list:
            print("\n".join(sorted(files)))
            return 0
        for rel in write.write(args.out, files):
            print(f"wrote {args.out}/{rel}")
        return 0
    except diagnostics.IdlErrors as e:
        print(e, file=sys.stderr)
        return 1
    except (OSError, ValueError) as e:
        print(f"python3 -m generator: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # a generator bug: say so in one line, never a traceback
        print(f"python3 -m generator: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
