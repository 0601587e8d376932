"""README.md and docs/: every relative link reaches a file that exists (and a heading, for an anchor
into a Markdown page), every page says what it covers in its first line, and the README's two
quick-start commands, near its top, are the ones CI runs (.ci/run) and ./quickstart is."""

import glob
import os
import re
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = [os.path.join(TOP, "README.md")] + sorted(glob.glob(os.path.join(TOP, "docs", "**", "*.md"), recursive=True))
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)")
SCREEN = 40  # lines a newcomer sees without scrolling


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path):
    return {slug(h) for h in re.findall(r"^#+ (.*)$", FENCE.sub("", read(path)), re.M)}


def links(path):
    """The relative link targets of a page, code blocks and code spans left out."""
    text = re.sub(r"`[^`\n]*`", "", FENCE.sub("", read(path)))
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def broken_links(pages):
    """A line for each link of pages whose file or heading does not exist."""
    broken = []
    for page in pages:
        for target in links(page):
            file, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(page), file)) if file else page
            where = f"{os.path.relpath(page, TOP) if page.startswith(TOP) else page}: ({target})"
            shown = os.path.relpath(dest, TOP) if dest.startswith(TOP) else dest
            if not os.path.exists(dest):
                broken.append(f"{where} no such file")
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                broken.append(f"{where} no such heading in {shown}")
    return broken


class Links(unittest.TestCase):
    def test_pages_found(self):
        self.assertIn(os.path.join(TOP, "docs", "index.md"), PAGES)
        self.assertGreater(len(PAGES), 10)

    def test_relative_links_reach_files_and_headings(self):
        self.assertEqual(broken_links(PAGES), [])

    def test_the_check_finds_a_missing_file_and_a_missing_heading(self):
        with tempfile.TemporaryDirectory() as scratch:
            page = os.path.join(scratch, "page.md")
            with open(page, "w") as f:
                f.write("What a scratch page covers.\n\n# A heading\n\n[ok](#a-heading) [bad](#no-heading) "
                        "[gone](gone.md) `[code](gone.md)`\n\n```\n[code](gone.md)\n```\n")
            self.assertEqual(broken_links([page]), [f"{page}: (#no-heading) no such heading in {page}",
                                                    f"{page}: (gone.md) no such file"])

    def test_first_line_says_what_the_page_covers(self):
        for page in PAGES[1:]:
            first = read(page).split("\n", 1)[0]
            with self.subTest(page=os.path.relpath(page, TOP)):
                self.assertRegex(first, r"^[A-Z`].{20,}", "the first line is a sentence saying what the page covers")


class QuickStart(unittest.TestCase):
    def setUp(self):
        readme = read(os.path.join(TOP, "README.md"))
        self.lines = readme.split("\n")
        block = re.search(r"^```sh\n(.*?)^```", readme, re.M | re.S)
        self.block_end = readme[:block.end()].count("\n")
        self.commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]

    def test_readme_is_short(self):
        self.assertLessEqual(len(self.lines), 250)

    def test_two_commands_within_the_first_screen(self):
        self.assertEqual(self.commands, ["./quickstart", "scons test"])
        self.assertLessEqual(self.block_end, SCREEN)

    def test_ci_runs_the_readme_commands(self):
        ci = [line.strip() for line in read(os.path.join(TOP, ".ci", "run")).splitlines()
              if line.strip() and not line.lstrip().startswith("#")]
        quickstart = [line.strip() for line in read(os.path.join(TOP, "quickstart")).splitlines()
                      if line.strip() and not line.lstrip().startswith("#")]
        self.assertEqual(ci[-1], self.commands[1], "CI's last step is the README's second command")
        self.assertIn("tools/install-deps", ci)
        self.assertIn("tools/install-deps", quickstart, "the first command installs what CI installs")
        self.assertTrue(os.access(os.path.join(TOP, self.commands[0]), os.X_OK))


if __name__ == "__main__":
    unittest.main()
