"""PDFium (pypdfium2), the one way a process reads the PDFs it made, behind one lock.

PDFium is not thread-safe, and ``watch --serve`` uses it from several threads of one process:
the preview's server threads render page images and count pages, the watcher counts the saved
lecture's pages and renders the download page's thumbnails. Every use goes through this
module, so no two PDFium calls ever run at once. Inside the lock a page is rendered, copied
into a Pillow image of its own and every PDFium object is closed (not left to the garbage
collector, which may run in any thread); the PNG encoding, the slow part, runs outside it.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

LOCK = threading.Lock()
"""Held by every PDFium call of this process (``PdfDocument`` to ``close``)."""

Source = Path | bytes
"""A PDF file, or a PDF's bytes."""


def page_count(source: Source) -> int | None:
    """Return a PDF's number of pages (PDFium reads the page tree's count, not every page); None if not a PDF."""
    with _document(source) as document:
        return None if document is None else len(document)


def render_page(source: Source, number: int, *, scale: float | None = None, width: int | None = None) -> Image | None:
    """Render page ``number`` (from 1) at ``scale`` (× 72 dpi) or ``width`` pixels; None if there is no such page."""
    with _document(source) as document:
        if document is None or not 1 <= number <= len(document):
            return None
        page = document[number - 1]
        try:
            bitmap = page.render(scale=scale if width is None else width / page.get_width())
            try:
                return bitmap.to_pil().copy()  # its own pixels: the bitmap's buffer is freed below
            finally:
                bitmap.close()
        finally:
            page.close()


@contextmanager
def _document(source: Source):
    """Hold the lock while a PDF is open; yield it (None if it is not a PDF) and close it inside the lock."""
    import pypdfium2

    with LOCK:
        try:
            document = pypdfium2.PdfDocument(_opened(source))
        except pypdfium2.PdfiumError:
            yield None
            return
        try:
            yield document
        finally:
            document.close()


def _opened(source: Source) -> str | bytes:
    return source if isinstance(source, bytes) else str(source)


__all__ = ["LOCK", "page_count", "render_page"]
