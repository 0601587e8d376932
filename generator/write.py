"""Write generated files only where their bytes changed; compare them with a committed tree."""

import os
import subprocess

BANNER = "/* Generated from "


def write(out_dir, files):
    """Write {relative path: text} under out_dir, and delete generated files no longer produced.

    Returns the relative paths written or deleted.  Untouched files keep their
    timestamps, so nothing that depends on them rebuilds.
    """
    changed = []
    for rel, text in sorted(files.items()):
        path = os.path.join(out_dir, rel)
        data = text.encode("utf-8")
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue
        except FileNotFoundError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        changed.append(rel)
    for rel in sorted(set(existing(out_dir)) - set(files)):
        os.remove(os.path.join(out_dir, rel))
        changed.append(rel)
    return changed


def read(path):
    with open(path, "rb") as f:
        return f.read()


def existing(out_dir):
    """Relative paths of the generated files (those carrying the banner) under out_dir."""
    found = []
    for root, _, names in os.walk(out_dir):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                if f.read(len(BANNER)) == BANNER.encode():
                    found.append(os.path.relpath(path, out_dir).replace(os.sep, "/"))
    return sorted(found)


def committed(out_dir):
    """{relative path: bytes} of the generated files in the last commit, or None outside git."""
    top = os.path.dirname(os.path.abspath(out_dir)) or "."
    rel_dir = os.path.basename(os.path.abspath(out_dir))
    git = ["git", "-C", top]
    try:
        # Paths relative to top, which need not be the repository's root.
        names = subprocess.run(git + ["ls-tree", "-r", "--name-only", "HEAD", "--", rel_dir],
                               check=True, capture_output=True, text=True).stdout.split()
        files = {}
        for name in names:
            data = subprocess.run(git + ["show", f"HEAD:./{name}"], check=True, capture_output=True).stdout
            if data.startswith(BANNER.encode()):
                files[name[len(rel_dir) + 1:]] = data
        return files
    except (OSError, subprocess.CalledProcessError):
        return None


def compare(expected_dir, actual):
    """(path, problem) pairs between freshly generated files in expected_dir and {path: bytes} actual."""
    problems = []
    fresh = {rel: read(os.path.join(expected_dir, rel)) for rel in existing(expected_dir)}
    for rel in sorted(set(fresh) | set(actual)):
        if rel not in actual:
            problems.append((rel, "missing (the IDL produces it)"))
        elif rel not in fresh:
            problems.append((rel, "no longer produced by the IDL"))
        elif fresh[rel] != actual[rel]:
            problems.append((rel, "differs from what the IDL produces"))
    return problems
