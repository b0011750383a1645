"""A cursor over one line of program text that reports errors at precise columns."""

from __future__ import annotations

import re

from fitrec.textformat.errors import NotationError


class LineScanner:
    """Reads one line left to right; `pos` is the 0-based index of the next character."""

    def __init__(self, text: str, line_no: int, pos: int = 0) -> None:
        self.text = text
        self.line_no = line_no
        self.pos = pos

    def skip_space(self) -> None:
        """Move past spaces and tabs."""
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Match `pattern` exactly at the cursor and move past it, or return None."""
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()
        return match

    def at_end(self) -> bool:
        """True when only spaces and tabs remain."""
        return not self.text[self.pos :].strip(" \t")

    def rest(self) -> str:
        """The unread text, without surrounding spaces."""
        return self.text[self.pos :].strip(" \t")

    def error(self, message: str, pos: int | None = None) -> NotationError:
        """A NotationError at `pos` (default: the cursor) on this line."""
        at = self.pos if pos is None else pos
        return NotationError(message, self.line_no, at + 1, self.text)
