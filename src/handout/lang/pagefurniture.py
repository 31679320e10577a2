"""Page furniture of a PDF extraction: page numbers and running headers and footers, found and blanked.

The gaps they stood in are kept (a page gap tells the importer where a page ended).
"""

from __future__ import annotations

import re

# Page furniture: "12", "- 12 -", "— 12 —", "12 бет", "Page 12".
PAGE_NUMBER = re.compile(r"^[-–—]?\s*(?:бет|page|стр\.?)?\s*\d{1,4}\s*(?:бет)?\s*[-–—]?$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]\s*(?=\S)(.*)$")
"""A numbered line ("2.Алаш", "3) …"): a section or an item, never furniture."""
RUNNING_LINE_MAX = 100
"""Longest line that may be a running header or footer."""


def pages_as_gaps(text: str) -> str:
    """Make each form feed (pdftotext's page break) a page gap, dropping the page furniture beside it.

    At a page's top and bottom: a page number, and a line that comes back (digits aside) at the
    same end of two or more pages (a running header or footer; the title it repeats stays where
    it stands inside a page).
    """
    pages = [page.split("\n") for page in text.split("\f")]
    if len(pages) < 2:
        return text
    for end in (0, -1):
        for lines in pages:
            _drop_end_line(lines, end, lambda line: bool(PAGE_NUMBER.match(line)))
        seen: dict[str, int] = {}
        for lines in pages:
            content = [line.strip() for line in lines if line.strip()]
            if content and len(content[end]) <= RUNNING_LINE_MAX:
                seen[_running_key(content[end])] = seen.get(_running_key(content[end]), 0) + 1
        for lines in pages:
            _drop_end_line(lines, end, lambda line: seen.get(_running_key(line), 0) >= 2)
            _drop_end_line(lines, end, lambda line: bool(PAGE_NUMBER.match(line)))  # the number beyond it
    return "\n\n\n\n".join("\n".join(lines) for lines in pages)


def _drop_end_line(lines: list[str], end: int, is_furniture) -> None:
    """Blank a page's first (``end`` 0) or last (-1) content line when it is furniture."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if content and is_furniture(lines[content[end]].strip()):
        lines[content[end]] = ""


def _running_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip()))


def drop_page_furniture(raw: list[str]) -> list[str]:
    """Blank out page numbers and running headers/footers, keeping the gaps they stood in.

    A running line is a short line that comes back (digits aside) at two or more page
    boundaries; a page number is a bare or dashed number standing alone between gaps.
    """
    content = [i for i, line in enumerate(raw) if line.strip()]
    spacing = 2 if is_double_spaced(raw) else 1  # line distance inside a page
    gap_before, gap_after = set(), set()
    for position, i in enumerate(content):
        if position == 0 or i - content[position - 1] > spacing:
            gap_before.add(i)
        if position + 1 == len(content) or content[position + 1] - i > spacing:
            gap_after.add(i)
    numbers = {
        i
        for i in content
        if PAGE_NUMBER.match(raw[i].strip())
        and not NUMBERED.match(raw[i].strip())
        and (re.search(r"[-–—]", raw[i]) or (i in gap_before and i in gap_after))
    }
    present = set(content)
    near_numbers = {j for i in numbers for j in range(i - 2 * spacing, i + 2 * spacing + 1) if j in present}
    at_boundary = gap_before | gap_after | near_numbers
    keys: dict[str, list[int]] = {}
    for i in content:
        line = raw[i].strip()
        if len(line) <= RUNNING_LINE_MAX and not NUMBERED.match(line):
            keys.setdefault(re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)), []).append(i)
    running = {i for found in keys.values() if len(found) >= 2 and all(i in at_boundary for i in found) for i in found}
    return ["" if i in numbers | running else line for i, line in enumerate(raw)]


def is_double_spaced(raw: list[str]) -> bool:
    """Tell whether most content lines are followed by exactly one empty line."""
    content = [i for i, line in enumerate(raw) if line.strip()]
    followed = sum(1 for i in content if i + 2 < len(raw) and raw[i + 1] == "" and raw[i + 2].strip())
    return len(content) > 2 and followed * 2 > len(content)


__all__ = ["NUMBERED", "PAGE_NUMBER", "drop_page_furniture", "is_double_spaced", "pages_as_gaps"]
