"""The error raised for text that is not valid program notation."""

from __future__ import annotations


class NotationError(Exception):
    """A problem in program text, located at a 1-based line and column."""

    def __init__(self, message: str, line: int, column: int, source_line: str) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__(message)

    def excerpt(self) -> str:
        """The location and message, the offending line, and a caret under the column."""
        shown = self.source_line.rstrip("\r\n")
        # Keep tabs in the caret's indent so the caret lines up however tabs render.
        indent = "".join("\t" if ch == "\t" else " " for ch in shown[: self.column - 1])
        indent += " " * max(0, self.column - 1 - len(shown))
        return f"line {self.line}, column {self.column}: {self.message}\n    {shown}\n    {indent}^"

    def report(self, path: str) -> str:
        """The error compiler-style: `PATH:LINE:COLUMN: error: MESSAGE`, then the caret excerpt."""
        body = self.excerpt().split("\n", 1)[1]
        return f"{path}:{self.line}:{self.column}: error: {self.message}\n{body}"

    def __str__(self) -> str:
        return self.excerpt()
