"""Print production: front-matter settings, print-shop boxes, tagged/accessible/archival PDFs, reproducibility."""

from __future__ import annotations

from pathlib import Path

import page
import pytest
from pypdf import PdfReader

from handout.diagnostics import Diagnostics
from handout.pipeline import BuildSettings, build_lecture, prepare_lecture
from handout.render.theme import find_theme
from handout.typeset.accessibility import images_without_alt
from handout.typeset.printing import build_timestamp, resolve_settings
from support import SHORT_LECTURE, make_files

MM = 72 / 25.4


def _lecture(tmp_path: Path, text: str = SHORT_LECTURE, name: str = "lecture02.md"):
    path = make_files(tmp_path / "course", {name: text}) / name
    return prepare_lecture(path, Diagnostics())


def _build(tmp_path: Path, out: str = "out", text: str = SHORT_LECTURE, **settings) -> Path:
    lecture = _lecture(tmp_path, text)
    build = BuildSettings(out_dir=tmp_path / out, editions=("student",), forced=frozenset(settings), **settings)
    [written] = build_lecture(lecture, find_theme(lecture.path.parent), build, Diagnostics())
    return written


def test_front_matter_beats_defaults_and_command_line_beats_front_matter(tmp_path):
    lecture = _lecture(tmp_path, SHORT_LECTURE.replace("lang: kk\n", "lang: kk\nlayout: booklet\npaper: legal\n"))
    diagnostics = Diagnostics()
    from_front_matter = resolve_settings(BuildSettings(), lecture, diagnostics)
    assert (from_front_matter.layout, from_front_matter.paper) == ("booklet", "a4")
    [warning] = diagnostics.items
    assert warning.code == "bad-setting" and warning.line == 8 and "legal" in warning.message
    forced = resolve_settings(BuildSettings(layout="2up", forced=frozenset({"layout"})), lecture, Diagnostics())
    assert forced.layout == "2up"


def test_timestamp_is_source_date_epoch_else_the_lecture_date(tmp_path):
    lecture = _lecture(tmp_path)
    assert build_timestamp(lecture, {}) == "2026-11-10"
    assert build_timestamp(lecture, {"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01T00:00:00Z"


def test_print_shop_pdf_has_bleed_trim_boxes_and_a_pdfx_output_intent(tmp_path):
    pdf = PdfReader(_build(tmp_path, print_shop=True))
    first = pdf.pages[0]
    trim, bleed, media = first.trimbox, first.bleedbox, first.mediabox
    assert (round(float(trim.width) / MM), round(float(trim.height) / MM)) == (210, 297)
    assert float(bleed.width) == pytest.approx(float(trim.width) + 6 * MM, abs=0.1)
    assert float(media.width) >= float(bleed.width)
    [intent] = pdf.trailer["/Root"]["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFX"
    assert b"PDF/X-4" in pdf.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_default_pdf_is_tagged_with_language_and_title_in_window(tmp_path):
    root = PdfReader(_build(tmp_path)).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "kk"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


@pytest.mark.parametrize("edition", ["student", "teacher", "worksheet"])
def test_accessible_variant_passes_pdf_ua_1(tmp_path, edition):
    """The worksheet too: its form fields embed a whole font, whose CMap must not map to U+FEFF."""
    lecture = _lecture(tmp_path)
    build = BuildSettings(out_dir=tmp_path / "out", editions=(edition,), pdf_variant="pdf/ua-1",
                          forced=frozenset({"pdf_variant"}))
    [written] = build_lecture(lecture, find_theme(lecture.path.parent), build, Diagnostics())
    report = page.validate_pdf(written, profile="ua1")
    assert report.is_compliant, [failure.message for failure in report.failures]


def test_archival_pdf_a_3b_carries_the_markdown_source_and_validates(tmp_path):
    archived = _build(tmp_path, pdf_variant="pdf/a-3b")
    attachments = PdfReader(archived).attachments
    assert attachments["lecture02.md"] == [SHORT_LECTURE.encode("utf-8")]
    report = page.validate_pdf(archived, profile="3b")
    assert report.is_compliant, [failure.message for failure in report.failures]


def test_archival_pdf_a_2b_validates(tmp_path):
    report = page.validate_pdf(_build(tmp_path, pdf_variant="pdf/a-2b"), profile="2b")
    assert report.is_compliant, [failure.message for failure in report.failures]


@pytest.mark.parametrize("settings", [{}, {"print_shop": True}, {"pdf_variant": "pdf/a-3b"}, {"layout": "booklet"}])
def test_two_builds_of_the_same_source_are_byte_identical(tmp_path, settings):
    # Comparing bytes is the point here: caches and checksums rely on it.
    assert _build(tmp_path, "one", **settings).read_bytes() == _build(tmp_path, "two", **settings).read_bytes()


def test_builds_without_a_date_are_identical_under_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    undated = SHORT_LECTURE.replace("date: 2026-11-10\n", "")
    first = _build(tmp_path, "one", text=undated)
    assert first.read_bytes() == _build(tmp_path, "two", text=undated).read_bytes()
    assert PdfReader(first).metadata["/CreationDate"].startswith("D:20231114")


def test_large_print_body_is_at_least_16pt(tmp_path):
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(str(_build(tmp_path, layout="large-print")))
    try:
        text = document[0].get_textpage()
        body = text.get_text_range().index("Қазақ ұлттық")
        assert pdfium_c.FPDFText_GetFontSize(text.raw, body) >= 16
    finally:
        document.close()


def test_images_without_alt_text_are_found_with_their_line():
    text = "![Карта](map.png)\nМәтін ![](photo.jpg)\n<img src='a.png'>\n<img src='b.png' alt=\"Алаш\">"
    assert images_without_alt(text) == [1, 2]


def test_missing_alt_is_a_warning_with_file_and_line(tmp_path):
    lecture = _lecture(tmp_path, SHORT_LECTURE + "\n![](map.png)\n")
    diagnostics = Diagnostics()
    from handout.typeset.accessibility import check_images

    check_images(lecture, diagnostics)
    [warning] = diagnostics.items
    assert warning.code == "missing-alt" and warning.path.endswith("lecture02.md")
    assert warning.line == SHORT_LECTURE.count("\n") + 2
