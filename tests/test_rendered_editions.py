"""Rendered editions kept by content: an unchanged lecture is typeset from its kept HTML, never when anything differs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from handout import pipeline
from handout.diagnostics import Diagnostics
from handout.enrichment_cache import FOLDER_NAME, EnrichmentCache
from handout.errors import HandoutError
from support import SHORT_LECTURE, make_files

LINKED = SHORT_LECTURE + "\nКарта: [кесте](map.pdf). ![Карта](map.png)\n"


class CountingRenders:
    """``pipeline.render_edition`` that counts the editions really rendered."""

    def __init__(self, monkeypatch):
        self.editions: list[str] = []
        real = pipeline.render_edition

        def render(converted, theme, edition):
            self.editions.append(edition)
            return real(converted, theme, edition)

        monkeypatch.setattr(pipeline, "render_edition", render)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    from PIL import Image

    folder = make_files(tmp_path / "course", {"lecture02.md": LINKED})
    Image.new("RGB", (4, 3), "white").save(folder / "map.png")
    return folder


def build(course: Path, out: Path, force: bool = False, **changes) -> tuple[Diagnostics, str]:
    diagnostics = Diagnostics()
    settings = replace(pipeline.BuildSettings(out_dir=out, editions=("student", "worksheet"), emit_html=True), **changes)
    pipeline.build_paths([course / "lecture02.md"], settings, diagnostics, enrichment=EnrichmentCache(out, read=not force))
    return diagnostics, (out / "student" / "lecture02.html").read_text(encoding="utf-8")


def test_an_unchanged_lecture_is_not_rendered_again_and_its_warnings_are_told_again(course, tmp_path, monkeypatch):
    renders, out = CountingRenders(monkeypatch), tmp_path / "out"
    first, html = build(course, out)
    again, html_again = build(course, out)
    assert renders.editions == ["student", "worksheet"]
    assert html_again == html
    assert "broken-link" in [item.code for item in first.items]
    assert [(item.code, item.line) for item in again.items] == [(item.code, item.line) for item in first.items]
    kept = sorted(path.name for path in (out / FOLDER_NAME).iterdir())
    assert [name.rsplit(".", 2)[-2] for name in kept if name.count(".") == 2] == ["student", "worksheet"]


def test_the_html_is_made_again_when_what_it_is_made_from_changes(course, tmp_path, monkeypatch):
    renders, out = CountingRenders(monkeypatch), tmp_path / "out"
    _, a4 = build(course, out)
    renders.editions.clear()
    _, letter = build(course, out, paper="letter")
    assert renders.editions == ["student", "worksheet"] and letter != a4
    renders.editions.clear()
    (course / "styles").mkdir()
    (course / "styles" / "handout.css").write_text("body { color: #123456 }\n", encoding="utf-8")
    _, styled = build(course, out, paper="letter")
    assert renders.editions == ["student", "worksheet"] and "#123456" in styled
    renders.editions.clear()
    (course / "map.pdf").write_bytes(b"%PDF-1.4\n")  # the link's target now exists: another warning
    warned, _ = build(course, out, paper="letter")
    assert renders.editions == ["student", "worksheet"]
    assert "local-link" in [item.code for item in warned.items] and "broken-link" not in [item.code for item in warned.items]
    renders.editions.clear()
    build(course, out, paper="letter", force=True)  # --force renders again too
    assert renders.editions == ["student", "worksheet"]


def test_a_picture_removed_since_the_html_was_kept_is_an_error_again(course, tmp_path):
    out = tmp_path / "out"
    build(course, out)
    (course / "map.png").unlink()
    with pytest.raises(HandoutError, match="map.png"):
        build(course, out)
