"""Typeset stage: HTML → PDF bytes with WeasyPrint (imported only here, and only when used)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostics, WeasyPrintCapture
from .errors import HandoutError


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


class _Typesetter:
    """Per-process WeasyPrint state kept warm between documents (fonts, hyphenation)."""

    def __init__(self) -> None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        from .kazakh.hyphenation import register

        register()  # pyphen learns Kazakh, so `hyphens: auto` works for lang="kk"
        self.weasyprint = weasyprint
        self.font_config = FontConfiguration()


_TYPESETTER: _Typesetter | None = None


def typesetter() -> _Typesetter:
    """Return this process's typesetter, importing WeasyPrint on first use."""
    global _TYPESETTER
    if _TYPESETTER is None:
        _TYPESETTER = _Typesetter()
    return _TYPESETTER


def render_document(html: str, base_dir: Path, diagnostics: Diagnostics, source: Path | None = None,
                    allowed_hosts: tuple[str, ...] = (), pdf_forms: bool = False):
    """Lay out the HTML; return WeasyPrint's Document (pages, for counting or imposition)."""
    from .security import make_url_fetcher

    engine = typesetter()
    capture = WeasyPrintCapture(diagnostics, source)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    try:
        document = engine.weasyprint.HTML(
            string=html, base_url=str(base_dir) + "/",
            url_fetcher=make_url_fetcher(base_dir, diagnostics, source, allowed_hosts),
        ).render(font_config=engine.font_config, pdf_forms=pdf_forms)  # forms change layout: say so here
    finally:
        logger.removeHandler(capture)
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
    from .limits import time_budget

    with time_budget(source):
        document = render_document(html, base_dir, diagnostics, source, options.allowed_hosts, options.pdf_forms)
        return write_pdf(document, options)
