"""Diagnostics: every problem found in the IDL, reported as file:line:col."""


class Pos:
    """A place in an IDL file; line and column count from 1."""

    __slots__ = ("file", "line", "col")

    def __init__(self, file, line, col):
        self.file, self.line, self.col = file, line, col

    def __str__(self):
        return f"{self.file}:{self.line}:{self.col}"



class IdlErrors(Exception):
    """Raised when the IDL has errors; str() lists them, one per line."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


class Diag:
    """Collects errors so that one run reports all of them."""

    def __init__(self):
        self._errors = []

    def error(self, pos, message):
        self._errors.append((pos, message))

    def __bool__(self):
        return bool(self._errors)

    def raise_if_any(self):
        if self._errors:
            ordered = sorted(self._errors, key=lambda e: (e[0].file, e[0].line, e[0].col, e[1]))
            raise IdlErrors([f"{pos}: error: {msg}" for pos, msg in ordered])
