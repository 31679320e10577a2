"""The CLI end to end on a short real lecture: real WeasyPrint, PDFs read back with PDFium and pypdf."""

import re
import subprocess

import pypdf
import pytest

from support import HANDOUT, make_files, pdf_text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from support import SHORT_LECTURE

    root = tmp_path_factory.mktemp("cli")
    lecture = make_files(root / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
    result = subprocess.run(
        [*HANDOUT, "build", str(lecture), "--out", str(root / "dist"), "--edition", "student"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return root / "dist" / "student" / "lecture02.pdf"


def test_student_pdf_has_text_metadata_language_and_bookmarks(built):
    text = pdf_text(built)
    assert "Алаш автономиясы" in text and "Бақтыкерей Құлманов" in text
    assert re.search(r"1 / \d+ бет", text)  # Kazakh page footer
    reader = pypdf.PdfReader(built)
    assert reader.metadata.title == "Алаш автономиясы"
    assert reader.trailer["/Root"]["/Lang"] == "kk"
    titles = [item.title for item in _flatten(reader.outline)]
    assert "Алаш автономиясы" in titles
    assert any("Жалпықазақ съезі" in title for title in titles)
    assert any("Алаш-Орда үкіметі" in title for title in titles)


def test_every_font_is_embedded(built):
    reader = pypdf.PdfReader(built)
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts.append(descendant["/FontDescriptor"].get_object())
    assert fonts and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor) for descriptor in fonts)


def _flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_missing_file_is_one_line_error_exit_1(tmp_path):
    result = subprocess.run([*HANDOUT, "build", str(tmp_path / "nope.md"), "--out", str(tmp_path / "d")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'nope.md'}: error: no such file or folder; check the path"
    assert not (tmp_path / "d").exists()


def test_broken_front_matter_names_file_and_line_and_leaves_no_pdf(tmp_path):
    lecture = make_files(tmp_path, {"bad.md": "---\ntitle: T\nnumber: [1\n---\n## A\nx\n"}) / "bad.md"
    result = subprocess.run([*HANDOUT, "build", str(lecture), "--out", str(tmp_path / "d")], capture_output=True, text=True)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{lecture}:3: error: front matter is not valid YAML")
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob("*.part"))


def test_usage_error_exits_2(tmp_path):
    result = subprocess.run([*HANDOUT, "build", "--edition", "poster"], capture_output=True, text=True)
    assert result.returncode == 2
