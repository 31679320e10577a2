"""The course reader: every lecture's student edition in one PDF, with a title page and a course TOC.

The reader is typeset in parts, one lecture at a time, and the parts are joined into one
tagged PDF: a 15-lecture course is about 300 pages, and WeasyPrint holds every page's
layout until it writes the file (430 MB for one document; one lecture's part needs about
a quarter of that). Page numbers run through the whole reader; the contents list gets its
numbers from the parts' anchors, and the bookmarks nest lecture (h1) → section (h2).
Each lecture's anchors get a per-lecture prefix, so ``#s-1`` of lecture 3 and ``#s-1`` of
lecture 4 stay distinct.
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config import CourseSettings
from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..i18n import labels
from ..model import Lecture
from ..publish import write_atomic
from ..render import RenderOptions, _environment, lecture_context, stylesheet_text
from ..theme import Theme
from .merge import PART_LINK


def prefix_anchors(lecture: Lecture, prefix: str) -> Lecture:
    """Return the lecture with every anchor (sections, blocks, events, questions) made ``prefix``-unique."""

    def blocks(items):
        return tuple(replace(block, anchor=f"{prefix}{block.anchor}") for block in items)

    return replace(
        lecture,
        preamble=blocks(lecture.preamble),
        sections=tuple(replace(section, anchor=f"{prefix}{section.anchor}", blocks=blocks(section.blocks))
                       for section in lecture.sections),
        chronology=tuple(replace(event, anchor=f"{prefix}{event.anchor}") for event in lecture.chronology),
        questions=tuple(replace(question, anchor=f"{prefix}{question.anchor}") if question.anchor else question
                        for question in lecture.questions),
    )


_IMAGE_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')


def rebase_images(context: dict, lecture: Lecture, root: Path) -> dict:
    """Point a lecture's relative image paths at the course root (the reader's one base URL).

    The lecture's own HTML was checked and sanitized relative to its folder; only the
    ``src`` of its ``<img>`` elements, which our sanitizer writes in one fixed form,
    gets the folder's path in front.
    """
    folder = lecture.path.parent.resolve().relative_to(root.resolve()).as_posix()
    if folder == ".":
        return context

    def rebase(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or target.startswith(("/", "#")):
            return match.group(0)
        return f"{match.group(1)}{folder}/{target}{match.group(3)}"

    def html(items):
        return [Markup(_IMAGE_SRC.sub(rebase, str(item))) for item in items]

    context = dict(context)
    context["preamble"] = html(context["preamble"])
    context["sections"] = [{**section, "blocks": html(section["blocks"])} for section in context["sections"]]
    return context


def reader_contexts(course: CourseSettings, lectures: list[Lecture], lang: str) -> list[dict]:
    """Return each lecture's template context, its anchors made unique and its images found from the course root."""
    contexts = []
    for position, lecture in enumerate(lectures, start=1):
        context = lecture_context(prefix_anchors(lecture, f"l{position}-"), lang)
        context = rebase_images(context, lecture, course.root)
        context["anchor"] = f"lecture-{position}"
        contexts.append(context)
    return contexts


def render_reader_html(course: CourseSettings, contexts: list[dict], theme: Theme, lang: str, *,
                       part: str, page_numbers: dict[str, int] | None = None, first_page: int = 1) -> str:
    """Render one part of the reader with ``templates/reader.html``.

    ``part`` is ``"front"`` (title page and course contents, every lecture listed) or
    ``"lectures"`` (the lectures in ``contexts``, pages numbered on from ``first_page``).
    ``page_numbers`` gives the contents list its numbers (anchor → course page).
    """
    options = RenderOptions(edition="student", lang=lang, paper=course.paper, layout=course.layout)
    reader_css = theme.stylesheet("reader.css")
    css = stylesheet_text(theme, options) + "\n" + (reader_css.read_text(encoding="utf-8") if reader_css else "")
    template = _environment(theme.template_dirs).get_template("reader.html")
    return template.render(
        course=course,
        lectures=contexts,
        part=part,
        page_numbers=page_numbers or {},
        first_page=first_page,
        labels=labels(lang),
        lang=lang,
        text_lang=course.lang,
        edition="student",
        options=options,
        css=Markup(css.replace("</", "<\\/")),
        part_link=PART_LINK,
    )


def build_reader(course: CourseSettings, lectures: tuple[tuple[Path, dict[str, Any]], ...], theme: Theme,
                 output: Path, diagnostics: Diagnostics, lang: str | None = None) -> int:
    """Prepare every lecture, typeset the reader part by part, join and write it atomically; return its pages.

    One lecture is laid out at a time (a worker holds one lecture's pages, not the course's):
    the front part is laid out first with stand-in page numbers to learn its length, then
    each lecture, numbered on from the pages before it, then the front again with the real
    numbers. The parts are joined into one tagged PDF (:mod:`.merge`, in a child process).
    """
    from ..pipeline import prepare_lecture
    from .course import apply_overrides
    from .merge import merge_in_child

    lang = lang or course.lang
    prepared = [apply_overrides(prepare_lecture(path, diagnostics), overrides) for path, overrides in lectures]
    contexts = reader_contexts(course, prepared, lang)
    source = course.manifest or course.root
    wanted = {anchor for context in contexts for anchor in _contents_anchors(context)}
    stand_in = {anchor: 888 for anchor in wanted}  # as wide as a real number, so the contents keep their length
    front_pages = _page_count(render_reader_html(course, contexts, theme, lang, part="front", page_numbers=stand_in),
                              course.root, source)
    for _attempt in range(3):
        lecture_parts, page_numbers, next_page = [], {}, front_pages + 1
        for context in contexts:
            html = render_reader_html(course, [context], theme, lang, part="lectures", first_page=next_page)
            pdf, anchors, pages = _typeset_part(html, course.root, source, diagnostics)
            page_numbers.update({anchor: next_page + page for anchor, page in anchors.items() if anchor in wanted})
            lecture_parts.append(pdf)
            next_page += pages
        front_html = render_reader_html(course, contexts, theme, lang, part="front", page_numbers=page_numbers)
        front, _, pages = _typeset_part(front_html, course.root, source, diagnostics)
        if pages == front_pages:
            break
        front_pages = pages  # the real numbers changed the contents' length: number the lectures again
    else:
        raise HandoutError("the course reader's contents would not settle on a page count; please report this", source)
    prefixes = ["front-", *(f"l{position}-" for position in range(1, len(contexts) + 1))]
    write_atomic(output, merge_in_child([front, *lecture_parts], prefixes))
    return next_page - 1


def _contents_anchors(context: dict) -> list[str]:
    return [context["anchor"], *(section["anchor"] for section in context["sections"])]


def _page_count(html: str, root: Path, source: Path) -> int:
    from ..typeset import render_document

    return len(render_document(html, root, Diagnostics(), source).pages)


def _typeset_part(html: str, root: Path, source: Path, diagnostics: Diagnostics) -> tuple[bytes, dict[str, int], int]:
    """Typeset one part; return its PDF, the page index of each anchor, and its page count.

    The layout is dropped before returning, so only one part's pages are ever held.
    """
    from ..typeset import TypesetOptions, render_document, write_pdf

    document = render_document(html, root, diagnostics, source)
    anchors = {anchor: index for index, page in reversed(list(enumerate(document.pages))) for anchor in page.anchors}
    pages = len(document.pages)
    pdf = write_pdf(document, TypesetOptions())
    del document
    gc.collect()  # the layout is a web of cycles: free it now, before the next part is laid out
    return pdf, anchors, pages

