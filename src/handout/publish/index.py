"""The download page ``OUT/index.html``: a static, self-contained list of the course's PDFs.

It links each lecture's student and worksheet PDFs, a ZIP of them, and the course reader,
with page counts, sizes and dates, grouped by the lectures' ``block:``, each with a
thumbnail of its first page and a search box that filters titles (a few lines of inline
script; the page works without it). Every link has its own accessible name. Teacher
editions are never linked: the page is for students.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import lang as languages
from ..render.theme import Theme
from .files import write_atomic

PUBLIC_EDITIONS = ("student", "worksheet")


@dataclass(frozen=True)
class Download:
    href: str
    """Relative URL from the page, e.g. ``student/lecture10.pdf``."""
    pages: int | None
    size: int
    updated: str = ""
    """Date of the file's last change, ``YYYY-MM-DD``."""


@dataclass(frozen=True)
class IndexLecture:
    number: int | None
    title: str
    downloads: dict[str, Download | None]
    """Edition → its file, or None when it is not built (a failed lecture)."""
    block: str = ""
    thumbnail: str | None = None
    """Relative URL of a PNG of the student edition's first page."""
    bundle: Download | None = None
    """The lecture's public files in one ZIP."""


def link_names(lectures: list[IndexLecture], editions: list[str], lang: str) -> dict[tuple[int, str], str]:
    """Give every PDF link its own accessible name: ``№3 лекция — Жұмыс парағы, PDF, 140 КБ``.

    Lectures are named by number; where numbers repeat (or are missing), by title too.
    """
    labels = languages.get(lang).labels
    numbers = [lecture.number for lecture in lectures]
    names = {}
    for index, lecture in enumerate(lectures):
        who = labels["lecture_number"].format(number=lecture.number) if lecture.number is not None else lecture.title
        if lecture.number is None or numbers.count(lecture.number) > 1:
            who = f"{who} «{lecture.title}»" if lecture.number is not None else who
        for edition in editions:
            file = lecture.downloads.get(edition)
            if file:
                names[(index, edition)] = f"{who} — {labels['edition_' + edition]}, PDF, {format_size(file.size, lang)}"
        if lecture.bundle:
            names[(index, "bundle")] = f"{who} — {labels['bundle_lecture']}, {format_size(lecture.bundle.size, lang)}"
    return names


def group_by_block(lectures: list[IndexLecture]) -> list[tuple[str, list[tuple[int, IndexLecture]]]]:
    """Group lectures by their ``block:`` in course order (a block's lectures stay together where they first appear)."""
    groups: dict[str, list[tuple[int, IndexLecture]]] = {}
    for index, lecture in enumerate(lectures):
        groups.setdefault(lecture.block, []).append((index, lecture))
    return list(groups.items())


def format_size(size: int, lang: str) -> str:
    """Format a byte count as ``184 КБ`` or ``1,2 МБ`` (decimal comma outside English)."""
    language = languages.get(lang)
    words = language.labels
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} {words['kilobytes']}"
    text = f"{size / 1024 / 1024:.1f}"
    return f"{text.replace('.', language.decimal_mark)} {words['megabytes']}"


def render_index(course, lectures: list[IndexLecture], reader: Download | None, theme: Theme, lang: str,
                 bundle: Download | None = None) -> str:
    """Render the download page with ``templates/index.html``."""
    from ..render.html import _environment

    for lecture in lectures:
        for edition in lecture.downloads:
            if edition not in PUBLIC_EDITIONS:
                raise ValueError(f"the download page must not list {edition} files")
    template = _environment(theme.template_dirs).get_template("index.html")
    editions = [edition for edition in PUBLIC_EDITIONS if edition in course.editions]
    return template.render(course=course, lectures=lectures, groups=group_by_block(lectures), reader=reader,
                           bundle=bundle, labels=languages.get(lang).labels, lang=lang, editions=editions,
                           names=link_names(lectures, editions, lang), format_size=lambda size: format_size(size, lang))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically unless the file already holds exactly ``data``; tell whether it wrote."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True
