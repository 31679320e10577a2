"""The course reader: every lecture's student edition in one PDF, with a title page and a course TOC.

All lectures go into ONE HTML document, so WeasyPrint itself computes the TOC page
numbers (``target-counter``) and nests the bookmarks lecture (h1) → section (h2).
Each lecture's anchors get a per-lecture prefix first, so ``#s-1`` of lecture 3 and
``#s-1`` of lecture 4 stay distinct.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config import CourseSettings
from ..diagnostics import Diagnostics
from ..i18n import labels
from ..model import Lecture
from ..publish import write_atomic
from ..render import RenderOptions, _environment, lecture_context, stylesheet_text
from ..theme import Theme


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


def render_reader_html(course: CourseSettings, lectures: list[Lecture], theme: Theme, lang: str | None = None) -> str:
    """Render the whole course as one HTML document with ``templates/reader.html``."""
    lang = lang or course.lang
    options = RenderOptions(edition="student", lang=lang, paper=course.paper, layout=course.layout)
    contexts = []
    for position, lecture in enumerate(lectures, start=1):
        context = lecture_context(prefix_anchors(lecture, f"l{position}-"), lang)
        context = rebase_images(context, lecture, course.root)
        context["anchor"] = f"lecture-{position}"
        contexts.append(context)
    reader_css = theme.stylesheet("reader.css")
    css = stylesheet_text(theme, options) + "\n" + (reader_css.read_text(encoding="utf-8") if reader_css else "")
    template = _environment(theme.template_dirs).get_template("reader.html")
    return template.render(
        course=course,
        lectures=contexts,
        labels=labels(lang),
        lang=lang,
        text_lang=course.lang,
        edition="student",
        options=options,
        css=Markup(css.replace("</", "<\\/")),
    )


def build_reader(course: CourseSettings, lectures: tuple[tuple[Path, dict[str, Any]], ...], theme: Theme,
                 output: Path, diagnostics: Diagnostics, lang: str | None = None) -> int:
    """Prepare every lecture, typeset the reader, write it atomically; return its page count."""
    from ..pipeline import prepare_lecture
    from ..typeset import TypesetOptions, render_document, write_pdf
    from .course import apply_overrides

    prepared = [apply_overrides(prepare_lecture(path, diagnostics), overrides) for path, overrides in lectures]
    html = render_reader_html(course, prepared, theme, lang)
    typesetting = Diagnostics()
    document = render_document(html, course.root, typesetting, course.manifest or course.root)
    for item in typesetting.items:
        if not _REPEATED_PARTIAL_ID.search(item.message):
            diagnostics.add(item)
    write_atomic(output, write_pdf(document, TypesetOptions()))
    return len(document.pages)


# The shared partials (chronology, questions) give their sections fixed ids ("questions",
# "question-3"); in the reader each lecture repeats them. Nothing in the reader links to
# those, so their "defined twice" warnings are noise. Our own prefixed anchors ("l2-s-1")
# are not matched: a repeat of one of those is a real bug and stays reported.
_REPEATED_PARTIAL_ID = re.compile(r"Anchor defined twice: '(?!l\d+-)")
