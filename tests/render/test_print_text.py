"""What reaches the page: no escaped entity in any edition or language, one number per heading, PT type."""

from __future__ import annotations

import re
import subprocess

import pytest

from handout import lang as languages
from handout.diagnostics import Diagnostics
from handout.pipeline import BuildSettings, build_lecture, prepare_lecture
from handout.render.theme import find_theme
from support import SHORT_LECTURE, make_files, pdf_text

NUMBERED = SHORT_LECTURE.replace("## Жалпықазақ съезі", "## 1. Жалпықазақ съезі").replace(
    "## Алаш-Орда үкіметі", "## 2) Алаш-Орда үкіметі").replace("title: Алаш автономиясы", "title: Алаш автономиясы & «Орда»")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The short lecture with numbered headings: every edition in every language (small PDFs)."""
    root = tmp_path_factory.mktemp("print")
    path = make_files(root, {"lecture02.md": NUMBERED}) / "lecture02.md"
    lecture = prepare_lecture(path, Diagnostics())
    pdfs = {}
    for code in languages.CODES:
        settings = BuildSettings(out_dir=root / code, editions=("student", "teacher", "worksheet"), lang=code)
        for pdf in build_lecture(lecture, find_theme(root), settings, Diagnostics()):
            pdfs[code, pdf.parent.name] = pdf
    return pdfs


def test_no_escaped_entity_on_any_page(built):
    assert len(built) == 3 * len(languages.CODES)
    for (code, edition), pdf in built.items():
        text = pdf_text(pdf)
        assert not re.search(r"&#\d+;|&#x[0-9a-f]+;|&amp;|&quot;|&lt;|&gt;", text, re.I), (code, edition)
    teacher = pdf_text(built["en", "teacher"])
    assert "Teacher's copy" in teacher or "Teacher’s copy" in teacher


def test_one_number_per_heading_in_contents_body_and_bookmarks(built):
    import pypdfium2

    text = re.sub(r"[ \t]+", " ", pdf_text(built["kk", "student"]).replace("\r", ""))
    for number, title in ((1, "Жалпықазақ съезі"), (2, "Алаш-Орда үкіметі")):
        assert len(re.findall(rf"(?m)^{number}\.\s*{title}$", text)) == 1  # the body's heading
        assert re.search(rf"{number}\.\s*{title}\s*(?:\. )+", text)  # the contents, with its leader
        assert not re.search(rf"\d[.)]\s*\d[.)]\s*{title}", text)
    document = pypdfium2.PdfDocument(str(built["kk", "student"]))
    titles = [item.get_title() for item in document.get_toc()]
    document.close()
    assert "1. Жалпықазақ съезі" in titles and "2. Алаш-Орда үкіметі" in titles
    assert not any(re.match(r"\d+\.\s*\d", title) for title in titles)


def test_the_pdf_embeds_pt_serif_and_pt_sans(built):
    fonts = subprocess.run(["pdffonts", str(built["kk", "student"])], capture_output=True, text=True).stdout
    if "PT-Serif" not in fonts and "fonts-paratype" not in subprocess.run(["dpkg", "-l"], capture_output=True, text=True).stdout:
        pytest.skip("fonts-paratype is not installed")
    assert "PT-Serif" in fonts and "PT-Sans" in fonts
    assert "DejaVu" not in fonts


def test_the_timeline_is_a_tagged_figure_with_its_text_alternative(built):
    from pypdf import PdfReader

    reader = PdfReader(built["kk", "student"])
    figures, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(node)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            if kids is not None and not isinstance(kids, int):
                stack.extend(kids if isinstance(kids, list) else [kids])
    assert any(alt.startswith(languages.get("kk").labels["timeline"] + ", 1917") for alt in figures), figures
