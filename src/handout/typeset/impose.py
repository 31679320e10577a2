"""Imposition: place finished pages two per landscape sheet (booklet or 2-up) with pypdf."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

SHEET_SIZES = {"a4": (841.89, 595.28), "a5": (595.28, 419.53), "letter": (792.0, 612.0)}
"""Landscape sheet (width, height) in PDF points for each paper name."""


def saddle_stitch_order(page_count: int) -> list[tuple[int | None, int | None]]:
    """Return (left, right) 0-based page indices for each sheet side, front then back.

    Pages are padded with blanks (None) to a multiple of 4. Sheet ``i`` carries on its front
    the last unprinted page on the left and the first on the right, and on its back the
    next two inner pages, so folding the stacked sheets gives pages in reading order.
    """
    padded = page_count + (-page_count) % 4
    last = padded - 1

    def page(index: int) -> int | None:
        return index if index < page_count else None

    sides = []
    for sheet in range(padded // 4):
        front = (page(last - 2 * sheet), page(2 * sheet))
        back = (page(2 * sheet + 1), page(last - 2 * sheet - 1))
        sides += [front, back]
    return sides


def reading_order_pairs(page_count: int) -> list[tuple[int | None, int | None]]:
    """Return (left, right) 0-based page indices for 2-up sheets: 1–2, 3–4, ..."""
    return [(index, index + 1 if index + 1 < page_count else None) for index in range(0, page_count, 2)]


def _place(sheet: PageObject, page: PageObject, slot_left: float, slot_width: float, sheet_height: float) -> None:
    """Scale a page to fit its half of the sheet (never enlarging it) and centre it there."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    scale = min(slot_width / width, sheet_height / height, 1.0)
    x = slot_left + (slot_width - width * scale) / 2 - float(box.left) * scale
    y = (sheet_height - height * scale) / 2 - float(box.bottom) * scale
    sheet.merge_transformed_page(page, Transformation().scale(scale).translate(x, y))


def impose(pdf: bytes, layout: str, paper: str = "a4") -> bytes:
    """Impose a PDF of single pages for the ``booklet`` or ``2up`` layout on ``paper`` sheets."""
    if layout == "booklet":
        order = saddle_stitch_order
    elif layout == "2up":
        order = reading_order_pairs
    else:
        raise ValueError(f"layout {layout!r} is not imposed")
    sheet_width, sheet_height = SHEET_SIZES[paper]
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    for left, right in order(len(reader.pages)):
        sheet = writer.add_blank_page(sheet_width, sheet_height)
        for slot, index in enumerate((left, right)):
            if index is not None:
                _place(sheet, reader.pages[index], slot * sheet_width / 2, sheet_width / 2, sheet_height)
        # Merged content is written uncompressed; deflate it or the file grows sixfold.
        sheet.compress_content_streams()
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items() if isinstance(value, str)})
    writer.compress_identical_objects()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
