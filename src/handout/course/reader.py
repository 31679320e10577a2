"""The course reader: every lecture's student edition in one PDF, with a title page and a course TOC.

The reader is typeset in parts, one lecture at a time, and the parts are joined into one
tagged PDF: a 15-lecture course is about 300 pages, and WeasyPrint holds every page's
layout until it writes the file (430 MB for one document; one lecture's part needs about
a quarter of that). Each part is its own job and does not depend on the parts before it:
its pages are typeset unnumbered, and the join lays a small document of page numbers over
them, so page numbers run through the whole reader. The contents list gets its numbers
from the parts' anchors, and the bookmarks nest lecture (h1) → section (h2).
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

from .. import lang as languages
from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..model import Lecture
from ..render.html import RenderOptions, _environment, lecture_context, stylesheet_text, with_timeline
from ..render.theme import Theme
from ..source.manifest import CourseSettings
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
        people=tuple(replace(person, anchor=f"{prefix}{person.anchor}") if person.anchor else person
                     for person in lecture.people),
        terms=tuple(replace(term, anchor=f"{prefix}{term.anchor}") if term.anchor else term for term in lecture.terms),
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


class ReaderTemplate:
    """``templates/reader.html`` with what every part shares (stylesheets, labels) read once per build."""

    def __init__(self, course: CourseSettings, theme: Theme, lang: str):
        options = RenderOptions(edition="student", lang=lang, paper=course.paper, layout=course.layout)
        reader_css = theme.stylesheet("reader.css")
        css = stylesheet_text(theme, options) + "\n" + (reader_css.read_text(encoding="utf-8") if reader_css else "")
        self.template = _environment(theme.template_dirs).get_template("reader.html")
        self.css = css
        self.shared = dict(course=course, labels=languages.get(lang).labels, lang=lang, text_lang=course.lang, edition="student",
                           options=options, css=Markup(css.replace("</", "<\\/")), part_link=PART_LINK)

    def render(self, contexts: list[dict], *, part: str, page_numbers: dict[str, int] | None = None,
               first_page: int = 1, pages: int = 0) -> str:
        """Render one part of the reader.

        ``part`` is ``"front"`` (title page and course contents, every lecture listed),
        ``"lectures"`` (the lectures in ``contexts``, their pages unnumbered) or ``"numbers"``
        (``pages`` empty pages that show only their numbers, from ``first_page``).
        ``page_numbers`` gives the contents list its numbers (anchor → course page).
        """
        if part == "lectures":  # the front part's entries are contents lines, with no chronology
            contexts = [with_timeline(context, self.css, self.shared["labels"]) for context in contexts]
        return self.template.render(lectures=contexts, part=part, page_numbers=page_numbers or {},
                                    first_page=first_page, pages=pages, **self.shared)


def typeset_reader_part(course: CourseSettings, lecture_path: Path, overrides: dict[str, Any], position: int,
                        theme: Theme, diagnostics: Diagnostics, lang: str | None = None,
                        enrichment=None) -> tuple[bytes, int, dict]:
    """Prepare one lecture and typeset its part of the reader, its pages unnumbered; return (PDF, pages, extra).

    A part does not depend on the pages before it (the join stamps the page numbers), so
    every part is its own job and all of them can run at once. ``extra`` is what the join
    needs without the lecture: the contents entry and the page of each contents anchor.
    """
    from ..pipeline import prepare_lecture
    from ..typeset.engine import TypesetOptions, render_document, write_pdf
    from .plan import apply_overrides

    lang = lang or course.lang
    lecture = apply_overrides(prepare_lecture(lecture_path, diagnostics, enrichment), overrides)
    context = reader_context(course, lecture, position, lang)
    html = ReaderTemplate(course, theme, lang).render([context], part="lectures")
    wanted = set(_contents_anchors(context))
    document = render_document(html, course.root, diagnostics, lecture_path)
    anchors = {anchor: index for index, page in reversed(list(enumerate(document.pages)))
               for anchor in page.anchors if anchor in wanted}
    pages = len(document.pages)
    pdf = write_pdf(document, TypesetOptions())
    del document
    gc.collect()  # the layout is a web of cycles: free it now, before the next job is laid out
    entry = {"anchor": context["anchor"], "meta": {"number": context["meta"].number},
             "title_html": str(context["title_html"]),
             "sections": [{"anchor": section["anchor"], "title_html": str(section["title_html"])}
                          for section in context["sections"]]}
    return pdf, pages, {"anchors": anchors, "contents": entry}


def reader_context(course: CourseSettings, lecture: Lecture, position: int, lang: str) -> dict:
    """Return one lecture's template context, its anchors made unique and its images found from the course root."""
    context = lecture_context(prefix_anchors(lecture, f"l{position}-"), lang)
    context = rebase_images(context, lecture, course.root)
    context["anchor"] = f"lecture-{position}"
    return context


def join_reader(course: CourseSettings, theme: Theme, parts: list[tuple[bytes, int, dict]], diagnostics: Diagnostics,
                lang: str | None = None) -> tuple[bytes, int]:
    """Typeset the title page and contents, number the parts' pages and join everything; return (PDF, pages).

    The front is laid out first with stand-in page numbers to learn its length, then with
    the real ones (again if that changed its length). The lectures' page numbers are one
    small document of numbered empty pages, laid over the parts' pages by the join.
    """
    from .merge import merge_in_child

    lang = lang or course.lang
    template = ReaderTemplate(course, theme, lang)
    contents = [_restore_markup(extra["contents"]) for _pdf, _pages, extra in parts]
    wanted = {anchor for entry in contents for anchor in _contents_anchors(entry)}
    front_pages = _typeset(template.render(contents, part="front", page_numbers=dict.fromkeys(wanted, 888)),
                           course, diagnostics)[1]
    for _attempt in range(3):
        page_numbers, next_page = {}, front_pages + 1
        for _pdf, pages, extra in parts:
            page_numbers.update({anchor: next_page + page for anchor, page in extra["anchors"].items()})
            next_page += pages
        front, pages = _typeset(template.render(contents, part="front", page_numbers=page_numbers), course, diagnostics)
        if pages == front_pages:
            break
        front_pages = pages  # the real numbers changed the contents' length: number the lectures again
    else:
        raise HandoutError("the course reader's contents would not settle on a page count; please report this",
                           course.manifest or course.root)
    body_pages = next_page - front_pages - 1
    numbers = _typeset(template.render([], part="numbers", first_page=front_pages + 1, pages=body_pages),
                       course, diagnostics)[0] if body_pages else b""
    prefixes = ["front-", *(f"l{position}-" for position in range(1, len(parts) + 1))]
    joined = merge_in_child([front, *(pdf for pdf, _pages, _extra in parts)], prefixes, numbers, front_pages)
    return joined, next_page - 1


def _typeset(html: str, course: CourseSettings, diagnostics: Diagnostics) -> tuple[bytes, int]:
    from ..typeset.engine import TypesetOptions, render_document, write_pdf

    document = render_document(html, course.root, diagnostics, course.manifest or course.root)
    return write_pdf(document, TypesetOptions()), len(document.pages)


def _restore_markup(entry: dict) -> dict:
    """Give a contents entry read back from the cache its HTML as markup again (it was made by our converter)."""
    return {**entry, "title_html": Markup(entry["title_html"]),
            "sections": [{**section, "title_html": Markup(section["title_html"])} for section in entry["sections"]]}


def _contents_anchors(context: dict) -> list[str]:
    return [context["anchor"], *(section["anchor"] for section in context["sections"])]
