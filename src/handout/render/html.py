"""Render stage: an enriched :class:`Lecture` → one HTML document per edition."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .. import lang as languages
from . import EDITIONS
from ..enrich.questions import blank_chronology, warn_label_language, without_answers
from ..model import Block, Lecture
from .sanitize import POSTPROCESSOR_PRIORITY, HtmlSanitizer, SanitizingPostprocessor
from .template_cache import bytecode_cache
from .templates import SandboxedLoader
from .theme import Theme
from .timeline import label_size, layout_timeline, page_measure, text_alternative, timeline_events
from .urls import URLPolicy

_NO_TYPOGRAPHY = frozenset({"code", "pre", "kbd", "samp"})


@dataclass(frozen=True)
class RenderOptions:
    edition: str = "student"
    lang: str | None = None
    """Language of the labels; None: the lecture's own."""
    paper: str = "a4"
    layout: str = "standard"
    print_shop: bool = False
    """Add ``print-shop.css`` (bleed and crop marks) after the layout."""


class _BlockTreeprocessor(Treeprocessor):
    """Give the block's first element its anchor and run the typography pass on text nodes."""

    def __init__(self, md: markdown.Markdown, lang: str):
        super().__init__(md)
        self.language = languages.get(lang)
        self.anchor: str | None = None

    def run(self, root: etree.Element) -> None:
        if self.anchor and len(root):
            root[0].set("id", self.anchor)
        for header in root.iter("th"):
            # Markdown table headers head columns; say so, for the tagged PDF's table structure.
            header.set("scope", header.get("scope") or "col")
        self._typeset(root)

    def _typeset(self, element: etree.Element) -> None:
        if element.tag in _NO_TYPOGRAPHY:
            return
        if element.text:
            element.text = self.language.typeset_text(element.text)
        for child in element:
            self._typeset(child)
            if child.tail:
                child.tail = self.language.typeset_text(child.tail)


class _HandoutExtension(Extension):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.processor: _BlockTreeprocessor | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.processor = _BlockTreeprocessor(md, self.lang)
        md.treeprocessors.register(self.processor, "handout_block", 0)


class MarkdownConverter:
    """Convert a lecture's blocks one by one, so each keeps its own anchor."""

    def __init__(self, lang: str, sanitizer: HtmlSanitizer | None = None):
        self._extension = _HandoutExtension(lang)
        # Instances, not names: a name makes Markdown scan every installed package's entry points.
        self._md = markdown.Markdown(extensions=[TableExtension(), SaneListExtension(), self._extension])
        # Raw HTML in a lecture is untrusted: every conversion ends in the allow-list sanitizer.
        self.sanitizer = sanitizer or HtmlSanitizer(URLPolicy(Path.cwd()))
        self._md.postprocessors.register(
            SanitizingPostprocessor(self._md, self.sanitizer), "handout_sanitize", POSTPROCESSOR_PRIORITY
        )

    def block_html(self, block: Block) -> Markup:
        self._md.reset()
        self._extension.processor.anchor = block.anchor
        self.sanitizer.line, self.sanitizer.block_text = block.line, block.text
        return Markup(self._md.convert(block.text))

    def inline_html(self, text: str) -> Markup:
        """Convert one line of Markdown (a title, an outcome) without the surrounding <p>."""
        self._md.reset()
        self._extension.processor.anchor = None
        self.sanitizer.line, self.sanitizer.block_text = None, text
        html = self._md.convert(text)
        if html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4]
        return Markup(html)


def page_label_css(label: str) -> Markup:
    """Turn a label like ``{page} / {pages} бет`` into a CSS ``content`` value with counters."""
    parts = []
    for token in re.split(r"(\{page\}|\{pages\})", label):
        if token == "{page}":
            parts.append("counter(page)")
        elif token == "{pages}":
            parts.append("counter(pages)")
        elif token:
            parts.append('"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return Markup(" ".join(parts) or '""')


def css_string(text: str) -> Markup:
    """Quote text as a CSS string (the templates' ``css_string``): no HTML escaping inside <style>."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("<", "\\3c ")
    return Markup('"' + escaped + '"')


def format_date(value, lang: str) -> str:
    """Print a date in ``lang`` (the templates' ``format_date``)."""
    return languages.get(lang).format_date(value)


@lru_cache(maxsize=8)
def _environment(template_dirs: tuple[Path, ...]) -> jinja2.Environment:
    """One environment per theme and process; its compiled templates are kept for the next process too."""
    options = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
    env = jinja2.Environment(
        loader=SandboxedLoader(template_dirs),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=bytecode_cache({**options, "undefined": jinja2.StrictUndefined.__name__}),
        **options,
    )
    env.globals["page_label_css"] = page_label_css
    env.globals["format_date"] = format_date
    env.globals["css_string"] = css_string
    return env


def lecture_context(lecture: Lecture, lang: str, diagnostics=None, policy: URLPolicy | None = None) -> dict:
    """Turn a lecture into the plain data the templates read (HTML already converted and sanitized).

    Refused HTML and URLs are reported to ``diagnostics``; ``policy`` defaults to the lecture's folder.
    """
    sanitizer = HtmlSanitizer(policy or URLPolicy(lecture.path.parent), lecture.path, diagnostics)
    converter = MarkdownConverter(lecture.meta.lang, sanitizer)
    typeset = languages.get(lecture.meta.lang).typeset_text
    warn_label_language(lecture, lang, diagnostics)
    return {
        "meta": lecture.meta,
        "title_html": converter.inline_html(lecture.meta.title),
        "outcomes_html": [converter.inline_html(item) for item in lecture.meta.outcomes],
        "preamble": [converter.block_html(block) for block in lecture.preamble],
        "section_numbers": {section.title: section.number for section in lecture.sections},
        "sections": [
            {
                "title": section.title,
                "title_html": converter.inline_html(section.title),
                "anchor": section.anchor,
                "number": section.number,
                "blocks": [converter.block_html(block) for block in section.blocks],
            }
            for section in lecture.sections
        ],
        # Descriptions are slices of the author's text: give them the same typography as the body.
        "chronology": tuple(replace(event, event=languages.get(lecture.meta.lang).typeset_text(event.event))
                            for event in lecture.chronology),
        "people": tuple(replace(person, role=typeset(person.role)) for person in lecture.people),
        "terms": tuple(replace(term, definition=typeset(term.definition)) for term in lecture.terms),
        # Questions are content: they stay in the lecture's language whatever the labels' language.
        "questions": lecture.questions,
        "stem": lecture.stem,
    }


def edition_context(context: dict, edition: str, lang: str) -> dict:
    """Return the data one edition may see: answers exist only in the teacher's copy's context."""
    if edition == "teacher":
        return context
    view = dict(context, questions=without_answers(context["questions"]))
    if edition == "worksheet":
        view["chronology_blank"] = blank_chronology(context["chronology"], context["questions"], lang)
        view["chronology"] = ()
        view["preamble"] = []
        view["sections"] = [dict(section, blocks=[]) for section in context["sections"]]
    return view


def with_timeline(view: dict, css: str, labels) -> dict:
    """Add the timeline figure's layout to an edition's view (``timeline``, ``timeline_alt``).

    Its width and type come from the styles in effect (paper, layout), so it fits every page; its
    labels are phrases of the rows, cut by the rules of the language the lecture is written in.
    """
    timeline = layout_timeline(timeline_events(view["chronology"]), page_measure(css), label_size(css),
                               languages.get(view["meta"].lang).clauses)
    alt = text_alternative(timeline, labels["timeline"]) if timeline else ""
    return dict(view, timeline=timeline, timeline_alt=alt)


def stylesheet_text(theme: Theme, options: RenderOptions) -> str:
    """Concatenate the stylesheets for this edition and layout, in cascade order."""
    names = ("handout.css", f"paper-{options.paper}.css", f"layout-{options.layout}.css", f"edition-{options.edition}.css")
    names += ("print-shop.css",) if options.print_shop else ()
    return "\n".join(path.read_text(encoding="utf-8") for name in names if (path := theme.stylesheet(name)))


def render_html(lecture: Lecture, theme: Theme, options: RenderOptions = RenderOptions(), context: dict | None = None) -> str:
    """Render one edition of a lecture to a complete, self-contained HTML document.

    ``context`` may be passed in to share one Markdown conversion between editions.
    """
    if options.edition not in EDITIONS:
        raise ValueError(f"unknown edition {options.edition!r}")
    lang = options.lang or lecture.meta.lang
    env = _environment(theme.template_dirs)
    template = env.get_template("lecture.html")
    context = context if context is not None else lecture_context(lecture, lang)
    css = stylesheet_text(theme, options)
    labels = languages.get(lang).labels
    view = with_timeline(edition_context(context, options.edition, lang), css, labels)
    return template.render(
        lecture=view,
        labels=labels,
        lang=lang,
        text_lang=lecture.meta.lang,
        edition=options.edition,
        options=options,
        css=Markup(css.replace("</", "<\\/")),
    )
