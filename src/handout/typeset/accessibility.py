"""Accessibility checks on the lecture source, reported with file and line."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostics
from ..model import Lecture

_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\s*[\[(]")
_HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^>]*)>", re.IGNORECASE)
_ALT_ATTRIBUTE = re.compile(r"""\balt\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE)


def images_without_alt(text: str) -> list[int]:
    """Return the 0-based line offsets (within ``text``) of images that have no alt text."""
    offsets = []
    for match in _MARKDOWN_IMAGE.finditer(text):
        if not match["alt"].strip():
            offsets.append(text.count("\n", 0, match.start()))
    for match in _HTML_IMAGE.finditer(text):
        alt = _ALT_ATTRIBUTE.search(match["attributes"])
        if alt is None or not (alt["double"] or alt["single"] or alt["bare"] or "").strip():
            offsets.append(text.count("\n", 0, match.start()))
    return sorted(offsets)


def check_images(lecture: Lecture, diagnostics: Diagnostics) -> None:
    """Warn, with file and line, about every image a screen reader could not describe."""
    for _section, block in lecture.blocks():
        for offset in images_without_alt(block.text):
            diagnostics.warn(lecture.path, block.line + offset, "missing-alt",
                             "image has no alt text; describe it for readers who cannot see it: ![description](file)")
