"""Typeset stage: HTML → PDF bytes with WeasyPrint (imported only here, and only when used)."""

from __future__ import annotations

import logging
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Diagnostics, WeasyPrintCapture
from ..errors import HandoutError

STYLESHEET_CACHE_SIZE = 32
"""Parsed stylesheets a process keeps: editions × languages × layouts of a course, with room to spare."""

_DOCUMENT_SCOPED_AT_RULES = frozenset({"import", "layer", "counter-style", "color-profile"})
_HINT_PROPERTIES = frozenset({"lang", "anchor", "-weasy-lang", "-weasy-anchor"})


@dataclass(frozen=True)
class TypesetOptions:
    pdf_variant: str | None = None
    """None (plain, tagged PDF) or a WeasyPrint variant such as ``pdf/ua-1``, ``pdf/a-3b``."""
    pdf_forms: bool = False
    """Make ``<input>``/``<textarea>`` fillable PDF form fields (the worksheet)."""
    extra: dict = field(default_factory=dict)
    """Further ``write_pdf`` options (print-shop boxes, ...)."""
    allowed_hosts: tuple[str, ...] = ()
    """Hosts whose ``https:`` images and styles may be fetched (``--allow-host``); none by default."""
    timestamp: str | None = None
    """W3C date written as the PDF's creation and modification date (reproducible builds)."""


@dataclass(frozen=True, eq=False)
class ParsedStylesheet:
    """One ``<style>`` block's CSS, parsed once and shared by every document with the same text and folder."""

    css: Any
    """The ``weasyprint.CSS`` object."""
    reports: tuple[Diagnostic, ...]
    """What parsing it reported (without a path): told again to each document that uses it."""


@contextmanager
def _weasyprint_log_to(diagnostics: Diagnostics, source: Path | None):
    """Route WeasyPrint's warnings into ``diagnostics`` while the block runs."""
    capture = WeasyPrintCapture(diagnostics, source)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    try:
        yield
    finally:
        logger.removeHandler(capture)


class _Typesetter:
    """Per-process WeasyPrint state kept warm between documents (fonts, hyphenation, parsed stylesheets)."""

    def __init__(self) -> None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self.weasyprint = weasyprint
        self.font_config = FontConfiguration()
        self.stylesheets: OrderedDict[tuple, ParsedStylesheet | None] = OrderedDict()
        """Least recently used first; None: that CSS must stay in its document (see :func:`movable_css`)."""

    def stylesheet(self, text: str, base_url: str, root: Path,
                   allowed_hosts: tuple[str, ...] = ()) -> ParsedStylesheet | None:
        """Return ``text`` parsed for ``base_url``, parsing it only on first use; None if it cannot move out.

        Keyed by the base URL and the fetcher's folder and hosts too: ``url()`` and ``@font-face``
        resolve against the base, and what the sandboxed fetcher may serve depends on the folder.
        """
        key = (text, base_url, str(root), tuple(allowed_hosts))
        if key in self.stylesheets:
            self.stylesheets.move_to_end(key)
            return self.stylesheets[key]
        parsed = self._parse(text, base_url, root, tuple(allowed_hosts)) if movable_css(text) else None
        self.stylesheets[key] = parsed
        if len(self.stylesheets) > STYLESHEET_CACHE_SIZE:
            self.stylesheets.popitem(last=False)
        return parsed

    def _parse(self, text: str, base_url: str, root: Path, allowed_hosts: tuple[str, ...]) -> ParsedStylesheet:
        from ..render.urls import make_url_fetcher

        reports = Diagnostics()  # not the caller's: later documents get these reports too
        with _weasyprint_log_to(reports, None):
            css = self.weasyprint.CSS(string=text, base_url=base_url, font_config=self.font_config,
                                      url_fetcher=make_url_fetcher(root, reports, None, allowed_hosts))
        return ParsedStylesheet(css, tuple(reports.items))


_TYPESETTER: _Typesetter | None = None
_FREEZE_WHEN_LOADED = False


def freeze_when_loaded() -> None:
    """Say that this process typesets one build and exits: set its heap aside once WeasyPrint is loaded.

    Layout makes millions of short-lived objects, and every full collection also scans all that is
    alive when it starts (the modules, WeasyPrint's among them, and the lecture); frozen, they are
    not scanned. Only for a one-shot process (a cold ``handout build``): in a warm one (watch, course
    workers) CPython 3.11 then runs full collections so much more often that a warm layout of
    lecture 10 cost 2.3-2.6 s of CPU instead of 1.8 s.
    """
    global _FREEZE_WHEN_LOADED
    _FREEZE_WHEN_LOADED = True


def typesetter() -> _Typesetter:
    """Return this process's typesetter, importing WeasyPrint on first use."""
    global _TYPESETTER
    if _TYPESETTER is None:
        _TYPESETTER = _Typesetter()
        if _FREEZE_WHEN_LOADED:
            import gc

            gc.collect()
            gc.freeze()
    return _TYPESETTER


def movable_css(text: str) -> bool:
    """Say whether this CSS means the same as a user stylesheet (``stylesheets=``) as in a ``<style>`` block.

    Not movable: ``@layer``, ``@counter-style`` and ``@color-profile`` (WeasyPrint shares them
    between one document's own sheets only); ``@import`` (a watch session would keep the parsed
    sheet after the imported file changed); and the ``lang``/``anchor`` properties, which
    WeasyPrint also sets from ``lang=`` and ``id=`` as the author, and a user sheet loses to that.
    """
    import tinycss2

    return _movable_tokens(tinycss2.parse_component_value_list(text, skip_comments=True))


def _movable_tokens(tokens) -> bool:
    previous_ident = None
    for token in tokens:
        if token.type == "whitespace":
            continue
        if token.type == "at-keyword" and token.lower_value in _DOCUMENT_SCOPED_AT_RULES:
            return False
        if token.type == "literal" and token.value == ":" and previous_ident in _HINT_PROPERTIES:
            return False
        nested = token.arguments if token.type == "function" else getattr(token, "content", None)
        if isinstance(nested, list) and not _movable_tokens(nested):
            return False
        previous_ident = token.lower_value if token.type == "ident" else None
    return True


def _take_styles(engine: _Typesetter, html_document, root: Path,
                 allowed_hosts: tuple[str, ...]) -> list[ParsedStylesheet]:
    """Empty the document's ``<style>`` elements and return their CSS, parsed and cached, in order.

    WeasyPrint applies ``stylesheets=`` after the document's own sheets and with the *user*
    origin, which loses to anything the document still declares as the author. So either every
    block moves (keeping their order) or none does: a document with ``<link>`` stylesheets,
    ``style=`` attributes or SVG/MathML (size attributes) keeps its blocks, as does CSS that
    :func:`movable_css` refuses; then this returns ``[]`` and WeasyPrint parses the blocks
    itself, as before. The emptied elements stay in the tree, so ``h2 + p`` matches as it did.
    """
    elements = []
    for element in html_document.etree_element.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # a comment
        if tag == "link" or tag.startswith("{") or element.get("style") or (
                tag == "style" and (element.attrib or len(element))):
            return []
        if tag == "style":
            elements.append(element)
    sheets = [engine.stylesheet(element.text or "", html_document.base_url, root, allowed_hosts)
              for element in elements]
    if any(sheet is None for sheet in sheets):
        return []
    for element in elements:
        element.text = None
    return sheets


def render_document(html: str, base_dir: Path, diagnostics: Diagnostics, source: Path | None = None,
                    allowed_hosts: tuple[str, ...] = (), pdf_forms: bool = False):
    """Lay out the HTML; return WeasyPrint's Document (pages, for counting or imposition).

    The HTML keeps its styles inline (``--emit-html`` writes it as is); its ``<style>`` blocks
    are parsed once per process and shared between documents (:func:`_take_styles`).
    """
    from .. import lang as languages
    from ..render.urls import make_url_fetcher

    engine = typesetter()
    # pyphen learns the own dictionary of each language the document is written in (and only
    # those), so `hyphens: auto` finds it; a warm process keeps what it registered.
    languages.register_hyphenation(languages.languages_in(html))
    with _weasyprint_log_to(diagnostics, source):
        html_document = engine.weasyprint.HTML(
            string=html, base_url=str(base_dir) + "/",
            url_fetcher=make_url_fetcher(base_dir, diagnostics, source, allowed_hosts),
        )
    stylesheets = _take_styles(engine, html_document, base_dir, tuple(allowed_hosts))
    for sheet in stylesheets:
        for report in sheet.reports:
            diagnostics.add(replace(report, path=str(source) if source is not None else None))
    with _weasyprint_log_to(diagnostics, source):
        document = html_document.render(font_config=engine.font_config, stylesheets=[sheet.css for sheet in stylesheets],
                                        pdf_forms=pdf_forms)  # forms change layout: say so here
    if not document.pages:
        raise HandoutError("the handout has no pages; is the lecture empty?", source)
    return document


def write_pdf(document, options: TypesetOptions = TypesetOptions()) -> bytes:
    """Serialize a laid-out document to PDF bytes (tagged unless a variant says otherwise)."""
    kwargs = dict(options.extra)
    if options.timestamp:
        document.metadata.created = document.metadata.modified = options.timestamp
    if options.pdf_variant:
        kwargs["pdf_variant"] = options.pdf_variant
    else:
        kwargs.setdefault("pdf_tags", True)
    if options.pdf_forms:
        kwargs["pdf_forms"] = True
    return document.write_pdf(**kwargs)


def typeset(html: str, base_dir: Path, diagnostics: Diagnostics, source: Path | None = None,
            options: TypesetOptions = TypesetOptions()) -> bytes:
    """Lay out and serialize one HTML document."""
    from ..source.limits import time_budget
    from .fonts import warn_missing_fonts

    warn_missing_fonts(html, diagnostics, source)
    with time_budget(source):
        document = render_document(html, base_dir, diagnostics, source, options.allowed_hosts, options.pdf_forms)
        return write_pdf(document, options)
