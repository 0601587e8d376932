"""The generator under Pythons that lack what it needs: one line saying what to install, exit 2, never a
traceback; and the same output under every Python on the machine that has it (pycparser 2.x and 3.x)."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Stub modules, each shadowing the real one as a Python would find it: {file under the stub folder: text}.
STUBS = {
    "pycparser 3 without its API": {"pycparser/__init__.py": '__version__ = "3.00"\n',
                                    "pycparser/c_parser.py": "class CParser:\n    pass\n"},
    "pycparser too old": {"pycparser/__init__.py": '__version__ = "2.14"\n'},
    "pycparser missing": {"pycparser/__init__.py": 'raise ImportError("No module named pycparser")\n'},
    "jinja2 without its API": {"jinja2.py": '__version__ = "3.1.2"\n'},
    "yaml broken": {"yaml/__init__.py": 'raise RuntimeError("half installed")\n'},
}
EXPECTED = {
    "pycparser 3 without its API": "generator: needs pycparser 2.21 or later (Debian: apt-get install python3-pycparser); "
                                   "found pycparser 3.00 at {stub}/pycparser, which has no c_ast.Decl, c_ast.Typename, "
                                   "c_generator.CGenerator, c_parser.ParseError",
    "pycparser too old": "generator: needs pycparser 2.21 or later (Debian: apt-get install python3-pycparser); "
                         "found pycparser 2.14 at {stub}/pycparser",
    "pycparser missing": "generator: needs pycparser 2.21 or later (Debian: apt-get install python3-pycparser); "
                         "found none for {python}",
    "jinja2 without its API": "generator: needs Jinja2 2.10 or later (Debian: apt-get install python3-jinja2); "
                              "found Jinja2 3.1.2 at {stub}, which has no Environment, FileSystemLoader, StrictUndefined",
    "yaml broken": "generator: needs PyYAML (Debian: apt-get install python3-yaml); "
                   "found one for {python} that fails to import (RuntimeError: half installed)",
}


def run(cmd, pythonpath):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(pythonpath))
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


class MissingRequirements(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nsapi-stubs-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def stub(self, name):
        folder = os.path.join(self.tmp, name.replace(" ", "_"))
        for rel, text in STUBS[name].items():
            os.makedirs(os.path.dirname(os.path.join(folder, rel)), exist_ok=True)
            with open(os.path.join(folder, rel), "w") as f:
                f.write(text)
        return folder

    def test_one_line_and_status_2(self):
        for name in STUBS:
            with self.subTest(stub=name):
                stub = self.stub(name)
                p = run([sys.executable, "-m", "generator", "--list"], [stub, ROOT])
                self.assertEqual((p.returncode, p.stdout), (2, ""), p.stderr)
                self.assertEqual(p.stderr, EXPECTED[name].format(stub=stub, python=sys.executable) + "\n")

    def test_scons_says_the_same(self):
        stub = self.stub("pycparser 3 without its API")
        p = run([shutil.which("scons") or "/usr/bin/scons", "-Q", "-n", "generate"], [stub])
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertNotIn("Traceback", p.stdout + p.stderr)
        self.assertIn("generator: needs pycparser 2.21 or later", p.stdout + p.stderr)


def interpreters():
    """Every distinct python3 on this machine: the one running the tests, /usr/bin's, the PATH's."""
    found = {}
    for path in [sys.executable, "/usr/bin/python3", shutil.which("python3")]:
        if path and os.path.exists(path):
            found.setdefault(os.path.realpath(path), path)
    return sorted(found.values())


class EveryPython(unittest.TestCase):
    def test_same_output_under_each(self):
        """pycparser 2.21 (Debian) and 3.x (pip) parse the IDL alike: each Python that can run the generator
        writes generated/ byte for byte, and one that cannot says so in one line."""
        ran = 0
        for python in interpreters():
            with self.subTest(python=python), tempfile.TemporaryDirectory(prefix="nsapi-gen-") as out:
                p = run([python, "-m", "generator", "--out", out], [ROOT])
                if p.returncode == 2 and p.stderr.startswith("generator: needs "):
                    self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
                    continue
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertEqual(tree(out), tree(os.path.join(ROOT, "generated")), python)
                ran += 1
        self.assertGreater(ran, 0, "no Python here runs the generator")


def tree(top):
    """{path under top: bytes} of every file."""
    out = {}
    for folder, _, files in os.walk(top):
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                out[os.path.relpath(os.path.join(folder, name), top)] = f.read()
    return out


if __name__ == "__main__":
    unittest.main()
