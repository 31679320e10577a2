"""The one exception type the pipeline raises for problems a user can fix."""

from __future__ import annotations

from pathlib import Path


MAX_MESSAGE_CHARS = 2000
"""Longest message printed; a quoted value (an expanded YAML setting, a whole line) is cut to fit."""


def cut(value: object, limit: int = 300) -> str:
    """Return ``value`` as text of at most ``limit`` characters, saying how much was left out."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class HandoutError(Exception):
    """A problem with the user's input or environment, reported as ``path:line: error: message``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        message = cut(message, MAX_MESSAGE_CHARS)
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return format_location(self.path, self.line, "error", self.message)


def format_location(path: Path | str | None, line: int | None, level: str, message: str) -> str:
    """Format a message the way compilers do, so editors can jump to it."""
    if path is None:
        return f"{level}: {message}"
    shown = str(path).encode("utf-8", "backslashreplace").decode("utf-8")  # a Latin-1 file name prints as \xe9
    where = f"{shown}:{line}" if line else shown
    return f"{where}: {level}: {message}"
