"""One channel for warnings from every stage; the CLI decides how to show them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import MAX_MESSAGE_CHARS, HandoutError, cut, format_location


@dataclass(frozen=True)
class Diagnostic:
    path: str | None
    line: int | None
    level: str
    """warning or error."""
    code: str
    """Stable kebab-case identifier, e.g. ``bad-date``."""
    message: str

    def __str__(self) -> str:
        return format_location(self.path, self.line, self.level, f"{self.message} [{self.code}]")


class Diagnostics:
    """Collect diagnostics without duplicates, in the order they were reported."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        self._seen: set[Diagnostic] = set()

    def add(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.items.append(diagnostic)

    def warn(self, path: Path | str | None, line: int | None, code: str, message: str) -> None:
        message = cut(message, MAX_MESSAGE_CHARS)  # a warning may quote a value of any size
        self.add(Diagnostic(str(path) if path is not None else None, line, "warning", code, message))

    def extend(self, other: "Diagnostics") -> None:
        for item in other.items:
            self.add(item)

    def raise_if_strict(self, strict: bool) -> None:
        """Turn the first warning into an error when ``--strict`` is on."""
        if strict and self.items:
            first = self.items[0]
            raise HandoutError(f"{first.message} [{first.code}] (--strict)", first.path, first.line)


class WeasyPrintCapture(logging.Handler):
    """Route WeasyPrint's log (missing glyphs, bad CSS, refused URLs) into our diagnostics."""

    def __init__(self, diagnostics: Diagnostics, path: Path | str | None):
        super().__init__(level=logging.WARNING)
        self.diagnostics = diagnostics
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        self.diagnostics.warn(self.path, None, "weasyprint", record.getMessage())
