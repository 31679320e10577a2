"""Imposition: saddle-stitch and 2-up order, sheet sizes, and the page numbers where they land."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from handout.diagnostics import Diagnostics
from handout.pipeline import BuildSettings, build_lecture, prepare_lecture
from handout.render.theme import find_theme
from handout.typeset.impose import impose, reading_order_pairs, saddle_stitch_order
from support import SHORT_LECTURE, make_files

A4_LANDSCAPE = (841.89, 595.28)
LONG_PARAGRAPH = "Алаш қайраткерлері ұлттық мемлекеттілік туралы мәселені жан-жақты талқылады. " * 14


def test_saddle_stitch_order_of_five_pages_pads_to_eight():
    assert saddle_stitch_order(5) == [(None, 0), (1, None), (None, 2), (3, 4)]


@pytest.mark.parametrize("count", range(1, 30))
def test_saddle_stitch_order_prints_every_page_once_and_pairs_fold_partners(count):
    sides = saddle_stitch_order(count)
    padded = len(sides) * 2
    assert padded % 4 == 0 and padded - count < 4
    printed = [index for side in sides for index in side if index is not None]
    assert sorted(printed) == list(range(count))
    full = saddle_stitch_order(padded)
    # Pages that share a sheet side are fold partners: their indices add up to the last index.
    assert all(left + right == padded - 1 for left, right in full)
    assert sides == [tuple(index if index < count else None for index in side) for side in full]


def test_reading_order_pairs_keep_pages_in_order():
    assert reading_order_pairs(5) == [(0, 1), (2, 3), (4, None)]


def _build(tmp_path: Path, layout: str) -> Path:
    """Build a five-or-more-page A5 version of the short lecture in ``layout``."""
    text = SHORT_LECTURE + "".join(f"\n## Бөлім {number}\n\n{LONG_PARAGRAPH}\n" for number in ("бірінші", "екінші", "үшінші", "төртінші", "бесінші"))
    path = make_files(tmp_path / "course", {"lecture02.md": text}) / "lecture02.md"
    lecture = prepare_lecture(path, Diagnostics())
    settings = BuildSettings(out_dir=tmp_path / "out", editions=("student",), layout=layout, forced=frozenset({"layout"}))
    [written] = build_lecture(lecture, find_theme(path.parent), settings, Diagnostics())
    return written


def _numbers_by_half(path: Path) -> list[tuple[str, str]]:
    """Read the page number printed at the foot of each half of each sheet side."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        sides = []
        for page in document:
            width, _height = page.get_size()
            text = page.get_textpage()
            foot = [text.get_text_bounded(left, 0, left + width / 2, 40).strip() for left in (0, width / 2)]
            sides.append(tuple(foot))
        return sides
    finally:
        document.close()


def test_booklet_sheets_are_a4_landscape_in_saddle_stitch_order(tmp_path):
    booklet = _build(tmp_path, "booklet")
    assert booklet.name == "lecture02-booklet.pdf"
    sheets = PdfReader(booklet).pages
    assert {(round(float(sheet.mediabox.width), 2), round(float(sheet.mediabox.height), 2)) for sheet in sheets} == {A4_LANDSCAPE}
    numbers = _numbers_by_half(booklet)
    page_count = max(int(number) for side in numbers for number in side if number)
    assert page_count >= 5
    expected = [tuple("" if index is None else str(index + 1) for index in side) for side in saddle_stitch_order(page_count)]
    assert numbers == expected


def test_two_up_sheets_carry_pages_in_reading_order(tmp_path):
    two_up = _build(tmp_path, "2up")
    sheets = PdfReader(two_up).pages
    assert {(round(float(sheet.mediabox.width), 2), round(float(sheet.mediabox.height), 2)) for sheet in sheets} == {A4_LANDSCAPE}
    document = pypdfium2.PdfDocument(str(two_up))
    try:
        halves = []
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            halves += [text.get_text_bounded(left, 0, left + width / 2, height) for left in (0, width / 2)]
    finally:
        document.close()
    # The footer of each A5 page reads "N / M бет"; the halves must count up 1, 2, 3, ...
    found = [next((int(word) for word in half.split() if word.isdigit()), None) for half in halves]
    assert [number for number in found if number is not None][:4] == [1, 2, 3, 4]


def test_impose_places_whole_pages_without_scaling_a5_on_a4(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(419.53, 595.28)
    source = io.BytesIO()
    writer.write(source)
    imposed = PdfReader(io.BytesIO(impose(source.getvalue(), "2up")))
    assert len(imposed.pages) == 2
    with pytest.raises(ValueError):
        impose(source.getvalue(), "standard")
