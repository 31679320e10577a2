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

import dataclasses
import gc
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import lang as languages
from ..diagnostics import Diagnostic, Diagnostics
from ..errors import HandoutError
from ..model import Lecture
from ..publish.files import write_atomic
from ..render.html import RenderOptions, _environment, lecture_context, stylesheet_text, with_timeline
from ..render.theme import Theme
from ..source.manifest import CourseSettings
from .cache import PARTS_FOLDER
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


def reader_contexts(course: CourseSettings, lectures: list[Lecture], lang: str) -> list[dict]:
    """Return each lecture's template context, its anchors made unique and its images found from the course root."""
    contexts = []
    for position, lecture in enumerate(lectures, start=1):
        context = lecture_context(prefix_anchors(lecture, f"l{position}-"), lang)
        context = rebase_images(context, lecture, course.root)
        context["anchor"] = f"lecture-{position}"
        contexts.append(context)
    return contexts


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
               first_page: int = 1) -> str:
        """Render one part of the reader.

        ``part`` is ``"front"`` (title page and course contents, every lecture listed) or
        ``"lectures"`` (the lectures in ``contexts``, pages numbered on from ``first_page``).
        ``page_numbers`` gives the contents list its numbers (anchor → course page).
        """
        labels = self.shared["labels"]
        contexts = [with_timeline(context, self.css, labels) for context in contexts]
        return self.template.render(lectures=contexts, part=part, page_numbers=page_numbers or {},
                                    first_page=first_page, **self.shared)


def build_reader(course: CourseSettings, lectures: tuple[tuple[Path, dict[str, Any]], ...], theme: Theme,
                 output: Path, diagnostics: Diagnostics, lang: str | None = None) -> int:
    """Prepare every lecture, typeset the reader part by part, join and write it atomically; return its pages.

    One lecture is laid out at a time (a worker holds one lecture's pages, not the course's):
    the front part is laid out first with stand-in page numbers to learn its length, then
    each lecture, numbered on from the pages before it, then the front again with the real
    numbers. The parts are joined into one tagged PDF (:mod:`.merge`, in a child process).
    Parts are kept beside the reader (:class:`PartCache`), so after an edit only the parts
    whose HTML changed are typeset again.
    """
    from ..pipeline import prepare_lecture
    from .merge import merge_in_child
    from .plan import apply_overrides

    lang = lang or course.lang
    prepared = [apply_overrides(prepare_lecture(path, diagnostics), overrides) for path, overrides in lectures]
    contexts = reader_contexts(course, prepared, lang)
    wanted = {anchor for context in contexts for anchor in _contents_anchors(context)}
    typeset_part = PartCache(output.parent / PARTS_FOLDER, course.root, course.manifest or course.root,
                             wanted, diagnostics)
    template = ReaderTemplate(course, theme, lang)
    stand_in = {anchor: 888 for anchor in wanted}  # as wide as a real number, so the contents keep their length
    front_pages = typeset_part(template.render(contexts, part="front", page_numbers=stand_in)).pages
    for _attempt in range(3):
        lecture_parts, page_numbers, next_page = [], {}, front_pages + 1
        for context in contexts:
            part = typeset_part(template.render([context], part="lectures", first_page=next_page))
            page_numbers.update({anchor: next_page + page for anchor, page in part.anchors.items()})
            lecture_parts.append(part)
            next_page += part.pages
        front = typeset_part(template.render(contexts, part="front", page_numbers=page_numbers))
        if front.pages == front_pages:
            break
        front_pages = front.pages  # the real numbers changed the contents' length: number the lectures again
    else:
        raise HandoutError("the course reader's contents would not settle on a page count; please report this",
                           course.manifest or course.root)
    prefixes = ["front-", *(f"l{position}-" for position in range(1, len(contexts) + 1))]
    write_atomic(output, merge_in_child([part.pdf_path for part in (front, *lecture_parts)], prefixes))
    typeset_part.keep_only_used()
    return next_page - 1


def _contents_anchors(context: dict) -> list[str]:
    return [context["anchor"], *(section["anchor"] for section in context["sections"])]


@dataclass(frozen=True)
class TypesetPart:
    pdf_path: Path
    pages: int
    anchors: dict[str, int]
    """Page index in the part of each contents anchor it holds."""


class PartCache:
    """Typeset reader parts, each kept under the hash of its HTML and the tool's version.

    A part's HTML holds everything that decides its pages (the lecture, the theme, the
    first page number), so an edit to one lecture typesets that part again, and the parts
    after it only if its page count changed. A part's warnings are kept with it and
    reported again when it is reused.
    """

    def __init__(self, folder: Path, root: Path, source: Path, wanted: set[str], diagnostics: Diagnostics):
        self.folder, self.root, self.source = folder, root, source
        self.wanted, self.diagnostics = wanted, diagnostics
        self.used: set[str] = set()

    def __call__(self, html: str) -> TypesetPart:
        key = self._key(html)
        self.used.add(key)
        part = self._load(key)
        if part is None:
            part = self._typeset(html, key)
        return part

    def keep_only_used(self) -> None:
        """Delete the parts this build did not use (older versions of the lectures)."""
        for path in self.folder.glob("*"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)

    def _key(self, html: str) -> str:
        import weasyprint

        from .cache import make_key, referenced_files, tool_fingerprint

        return make_key(html.encode("utf-8"), tool_fingerprint(), weasyprint.__version__,
                        referenced_files(html, self.root))

    def _load(self, key: str) -> TypesetPart | None:
        pdf_path, record_path = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
            if not pdf_path.is_file():
                return None
        except (OSError, ValueError):
            return None
        for item in record["diagnostics"]:
            self.diagnostics.add(Diagnostic(**item))
        return TypesetPart(pdf_path, record["pages"], record["anchors"])

    def _typeset(self, html: str, key: str) -> TypesetPart:
        """Lay out and write one part; the layout is dropped before returning (one part's pages at a time)."""
        from ..typeset.engine import TypesetOptions, render_document, write_pdf

        typesetting = Diagnostics()
        document = render_document(html, self.root, typesetting, self.source)
        anchors = {anchor: index for index, page in reversed(list(enumerate(document.pages)))
                   for anchor in page.anchors if anchor in self.wanted}
        part = TypesetPart(self.folder / f"{key}.pdf", len(document.pages), anchors)
        write_atomic(part.pdf_path, write_pdf(document, TypesetOptions()))
        del document
        gc.collect()  # the layout is a web of cycles: free it now, before the next part is laid out
        record = {"pages": part.pages, "anchors": anchors,
                  "diagnostics": [dataclasses.asdict(item) for item in typesetting.items]}
        write_atomic(self.folder / f"{key}.json", json.dumps(record, ensure_ascii=False).encode("utf-8"))
        self.diagnostics.extend(typesetting)
        return part
