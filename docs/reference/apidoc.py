"""The API reference of the public headers, the generated ones and the hand-written ones beside them
(each stack's nsapi/<stack>.h, the host port's nsapi/default_interface.h, the TLS part's
nsapi/tls_context.h): Doxygen's HTML and XML, then one man page (section 3) per public function and
per enum (nsapi_error(3): the error codes), written from that XML, so that every sentence is the
header's, which for the generated ones is the IDL's.
`scons docs` calls build(); tests/docs checks it.  Usage: apidoc.py OUT_DIR [VERSION]."""

import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
HEADERS = os.path.join(TOP, "generated", "include", "nsapi")
# The hand-written public headers a program calls too (README's first program starts with nsapi_lwip_init).
HAND_WRITTEN = sorted(glob.glob(os.path.join(TOP, "stacks", "*", "include", "nsapi"))) + [
    os.path.join(TOP, "ports", "host", "include", "nsapi"), os.path.join(TOP, "tls", "include", "nsapi")]
PUBLIC = [HEADERS] + HAND_WRITTEN
# The Mbed C++ API the generator emits: a page per class, HTML in OUT/cpp/html, man pages (NAME.3, the
# class's unqualified name) beside the C functions' in OUT/man/man3.
MBED = os.path.join(TOP, "generated", "mbed", "include")
# The C++ run's own settings after the Doxyfile's: C++ names, and the helpers of nsapi_detail left out.
CPP_CONFIG = ('PROJECT_BRIEF = "The Mbed OS network-socket API in C++, over nsapi\'s C API"\n'
              "OPTIMIZE_OUTPUT_FOR_C = NO\nEXCLUDE_SYMBOLS = nsapi_detail mbed::nsapi_detail\n")

# A function's prototype or an enum in a generated header: each starts at the line's first column.
_PROTOTYPE = re.compile(r"^(?!typedef\b|#|struct\b|enum\b)[\w *]*?\b(nsapi_\w+)\(", re.M)
_ENUM = re.compile(r"^(?:typedef )?enum (nsapi_\w+) \{", re.M)


def functions(texts):
    """The public functions and enums the texts of the headers declare, sorted: the man pages to write."""
    return sorted({name for text in texts for pattern in (_PROTOTYPE, _ENUM) for name in pattern.findall(text)})


def _folders(headers):
    """headers, one folder of nsapi/*.h or a list of them, as a list."""
    return [headers] if isinstance(headers, str) else list(headers)


def header_texts(headers):
    """The text of each header in the folders headers (one or a list)."""
    for folder in _folders(headers):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".h"):
                with open(os.path.join(folder, name)) as f:
                    yield f.read()


def doxygen(out, headers=PUBLIC, version="", extra=""):
    """Run Doxygen on the folders headers (one or a list) into out/html and out/xml, with the settings
    extra after the Doxyfile's; return its warnings, one a line."""
    with open(os.path.join(HERE, "Doxyfile")) as f:
        config = f.read()
    folders = _folders(headers)
    inputs = " ".join('"%s"' % d for d in folders)
    strip = " ".join('"%s"' % os.path.dirname(d) for d in folders)  # so each page names <nsapi/X.h>
    config += (f'INPUT = {inputs}\nSTRIP_FROM_PATH = {strip}\n'
               f'OUTPUT_DIRECTORY = "{out}"\nPROJECT_NUMBER = "{version}"\n') + extra
    os.makedirs(out, exist_ok=True)
    try:
        run = subprocess.run(["doxygen", "-"], input=config, capture_output=True, text=True, cwd=out)
    except FileNotFoundError:
        return ["doxygen is not installed: run tools/install-deps (Debian's doxygen)"]
    warnings = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    if run.returncode != 0 and not warnings:
        warnings = [f"doxygen exited with status {run.returncode}"]
    return warnings


def _roff(text):
    """Text safe in a roff line: backslashes escaped, no line starting as a request."""
    text = re.sub(r"\s+", " ", text.replace("\\", "\\e")).strip()
    return "\\&" + text if text[:1] in ".'" else text


def _text(node, skip=("parameterlist", "simplesect")):
    """A description element's words, leaving out the parameter and return blocks inside it."""
    parts = [node.text or ""]
    for child in node:
        if child.tag not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(description):
    return [t for t in (_roff(_text(p)) for p in description.findall("para")) if t]


def _items(detail, kind):
    """(names, text) of each item of the parameter lists of one kind (param, retval)."""
    return [(", ".join(n.text or "" for n in item.iter("parametername")),
             " ".join(_paragraphs(item.find("parameterdescription"))))
            for plist in detail.iter("parameterlist") if plist.get("kind") == kind
            for item in plist.findall("parameteritem")]


def _prototype(member):
    ret = _text(member.find("type")).strip()
    name = member.findtext("name")
    args = member.findtext("argsstring")
    return f"{ret}{'' if ret.endswith('*') else ' '}{name}{args};"


def _head(name, summary, header, version, paragraphs, synopsis=()):
    """A page's title, NAME, SYNOPSIS (the header, then synopsis's lines) and DESCRIPTION (paragraphs)."""
    lines = [f'.TH {name.upper()} 3 "" "nsapi {version}" "nsapi API reference"',
             ".SH NAME", f"{name} \\- {summary}",
             ".SH SYNOPSIS", ".nf", f".B #include <{header}>", *synopsis, ".fi", ".SH DESCRIPTION"]
    return lines + [p for para in paragraphs for p in (para, ".PP")][:-1]


def _page(member, header, group, siblings, version):
    name = member.findtext("name")
    detail = member.find("detaileddescription")
    brief = _paragraphs(member.find("briefdescription"))
    lines = _head(name, brief[0] if brief else group, header, version, brief + _paragraphs(detail),
                  (".PP", _roff(_prototype(member))))
    params = _items(detail, "param")
    if params:
        lines.append(".SH PARAMETERS")
        for pname, text in params:
            lines += [".TP", f".I {pname}", text]
    returns = [" ".join(_paragraphs(s)) for s in detail.iter("simplesect") if s.get("kind") == "return"]
    retvals = _items(detail, "retval")
    if returns or retvals:
        lines.append(".SH RETURN VALUE")
        lines += [p for text in returns for p in (text, ".PP")][:-1 if not retvals else None]
        for code, text in retvals:
            lines += [".TP", f".B {code}", text]
    others = [s for s in siblings if s != name]
    see = ([f"{group}: " + ", ".join(f"\\fB{s}\\fR(3)" for s in others)] if others else []) + \
        (["The error codes: \\fBnsapi_error\\fR(3)."] if retvals else [])
    if see:
        lines += [".SH SEE ALSO", ".ad l"] + [p for line in see for p in (line, ".PP")][:-1]
    return "\n".join(lines) + "\n"


def _enum_page(member, header, version):
    name = member.findtext("name")
    brief = _paragraphs(member.find("briefdescription"))
    lines = _head(name, brief[0] if brief else name, header, version,
                  brief + _paragraphs(member.find("detaileddescription")))
    lines.append(".SH VALUES")
    for value in member.findall("enumvalue"):
        text = " ".join(_paragraphs(value.find("briefdescription")) + _paragraphs(value.find("detaileddescription")))
        lines += [".TP", f".B {value.findtext('name')} {_roff(value.findtext('initializer') or '')}".rstrip(), text]
    return "\n".join(lines) + "\n"


def man_pages(xml, man3, version=""):
    """One page man3/NAME.3 per function and enum Doxygen documented; return the names written."""
    index = ET.parse(os.path.join(xml, "index.xml")).getroot()
    groups = {}      # function name -> (group title, the group's functions)
    files = []
    for compound in index.findall("compound"):
        tree = ET.parse(os.path.join(xml, compound.get("refid") + ".xml")).getroot().find("compounddef")
        if compound.get("kind") == "group":
            names = [m.findtext("name") for m in tree.iter("memberdef") if m.get("kind") == "function"]
            groups.update((n, (tree.findtext("title"), names)) for n in names)
        elif compound.get("kind") == "file":
            files.append(tree)
    os.makedirs(man3, exist_ok=True)
    written = []
    for tree in files:
        header = tree.find("location").get("file")
        for member in (m for m in tree.iter("memberdef") if m.get("kind") == "enum"):
            with open(os.path.join(man3, member.findtext("name") + ".3"), "w") as f:
                f.write(_enum_page(member, header, version))
            written.append(member.findtext("name"))
        members = [m for m in tree.iter("memberdef") if m.get("kind") == "function"]
        for member in members:
            name = member.findtext("name")
            group, siblings = groups.get(name, (header, [m.findtext("name") for m in members]))
            with open(os.path.join(man3, name + ".3"), "w") as f:
                f.write(_page(member, header, group, siblings, version))
            written.append(name)
    return sorted(written)


# A C++ class the Mbed headers define (not a forward declaration), and the nsapi_detail helpers to skip.
_CLASS = re.compile(r"^class (\w+)\b[^;\n]*$", re.M)
_DETAIL = re.compile(r"^namespace (?:\w+::)?nsapi_detail \{.*?^\} // namespace", re.M | re.S)
# The members a class page lists: what a program may call.
_PUBLIC = ("public-func", "public-static-func", "friend")


def classes(texts):
    """The C++ classes the texts of the Mbed headers define, sorted: their man pages."""
    return sorted({name for text in texts for name in _CLASS.findall(_DETAIL.sub("", text))})


def _see(detail):
    """The names a description's @see lists."""
    return [" ".join(_paragraphs(s)) for s in detail.iter("simplesect") if s.get("kind") == "see"]


def _member_lines(member):
    """A class page's lines for one member: its prototype, its description, parameters and results."""
    detail = member.find("detaileddescription")
    lines = [".TP", ".B " + _roff(_prototype(member))]
    lines += [" ".join(_paragraphs(member.find("briefdescription")) + _paragraphs(detail))]
    for label, items in (("Parameters:", _items(detail, "param") + _items(detail, "templateparam")),
                         ("Returns:", [("", " ".join(_paragraphs(s))) for s in detail.iter("simplesect")
                                       if s.get("kind") == "return"] + _items(detail, "retval"))):
        if items:
            lines += [".RS", ".TP", f".I {label}", ".RS"]
            lines += [line for name, text in items for line in ((".TP", f".B {name}", text) if name else (".PP", text))]
            lines += [".RE", ".RE"]
    see = _see(detail)
    if see:
        lines += [".RS", ".PP", "See " + ", ".join(f"\\fB{s}\\fR(3)" for s in see) + ".", ".RE"]
    return lines


def _class_page(tree, name, version):
    header = tree.find("location").get("file")
    brief = _paragraphs(tree.find("briefdescription"))
    lines = _head(name, brief[0] if brief else name, header, version,
                  brief + _paragraphs(tree.find("detaileddescription")))
    lines.append(".SH METHODS")
    for section in tree.findall("sectiondef"):
        if section.get("kind") in _PUBLIC:
            lines += [line for m in section.findall("memberdef") if m.get("kind") in ("function", "friend")
                      for line in _member_lines(m)]
    bases = [b.text for b in tree.findall("basecompoundref") if b.get("prot") == "public"]
    if bases:
        lines += [".SH SEE ALSO", ", ".join(f"\\fB{b}\\fR(3)" for b in bases) + " (the methods it inherits)."]
    return "\n".join(lines) + "\n"


def class_pages(xml, man3, version=""):
    """One page man3/NAME.3 per documented C++ class (its unqualified name, Callback for mbed::Callback),
    each method's parameters and results in it; return the names written."""
    index = ET.parse(os.path.join(xml, "index.xml")).getroot()
    os.makedirs(man3, exist_ok=True)
    written = []
    for compound in index.findall("compound"):
        if compound.get("kind") != "class" or "nsapi_detail" in compound.findtext("name"):
            continue
        tree = ET.parse(os.path.join(xml, compound.get("refid") + ".xml")).getroot().find("compounddef")
        if not _paragraphs(tree.find("briefdescription")):
            continue  # a template's undocumented primary declaration
        name = re.sub(r"<.*", "", compound.findtext("name")).split("::")[-1]
        with open(os.path.join(man3, name + ".3"), "w") as f:
            f.write(_class_page(tree, name, version))
        written.append(name)
    return sorted(written)


def build(out, version="", headers=PUBLIC, mbed=MBED):
    """HTML in out/html, man pages in out/man/man3, the C++ API's HTML in out/cpp/html (unless mbed is
    None); return the problems (warnings, missing pages)."""
    problems = doxygen(out, headers, version)
    if mbed is not None:
        # Programs include the Mbed headers by their bare names: <TCPSocket.h>.
        problems += doxygen(os.path.join(out, "cpp"), mbed, version, CPP_CONFIG + f'STRIP_FROM_PATH = "{mbed}"\n')
    if problems:
        return problems
    man3 = os.path.join(out, "man", "man3")
    written = man_pages(os.path.join(out, "xml"), man3, version)
    missing = sorted(set(functions(header_texts(headers))) - set(written))
    if mbed is not None:
        missing += sorted(set(classes(header_texts(mbed))) - set(class_pages(os.path.join(out, "cpp", "xml"), man3, version)))
    return [f"{', '.join(_folders(headers))}: no man page for {name} (undocumented?)" for name in missing]


if __name__ == "__main__":
    found = build(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
    print("\n".join(found), file=sys.stderr)
    sys.exit(1 if found else 0)
