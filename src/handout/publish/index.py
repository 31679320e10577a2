"""The download page ``OUT/index.html``: a static, self-contained list of the course's PDFs.

It links each lecture's student and worksheet PDFs and the course reader, with page
counts and sizes. Teacher editions are never linked: the page is for students.
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


@dataclass(frozen=True)
class IndexLecture:
    number: int | None
    title: str
    downloads: dict[str, Download | None]
    """Edition → its file, or None when it is not built (a failed lecture)."""


def format_size(size: int, lang: str) -> str:
    """Format a byte count as ``184 КБ`` or ``1,2 МБ`` (decimal comma outside English)."""
    language = languages.get(lang)
    words = language.labels
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} {words['kilobytes']}"
    text = f"{size / 1024 / 1024:.1f}"
    return f"{text.replace('.', language.decimal_mark)} {words['megabytes']}"


def render_index(course, lectures: list[IndexLecture], reader: Download | None, theme: Theme, lang: str) -> str:
    """Render the download page with ``templates/index.html``."""
    from ..render.html import _environment

    for lecture in lectures:
        for edition in lecture.downloads:
            if edition not in PUBLIC_EDITIONS:
                raise ValueError(f"the download page must not list {edition} files")
    template = _environment(theme.template_dirs).get_template("index.html")
    return template.render(course=course, lectures=lectures, reader=reader, labels=languages.get(lang).labels, lang=lang,
                           editions=[edition for edition in PUBLIC_EDITIONS if edition in course.editions],
                           format_size=lambda size: format_size(size, lang))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically unless the file already holds exactly ``data``; tell whether it wrote."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True
