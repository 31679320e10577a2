"""Typeset stage: <style> blocks are parsed once per process and shared, and moving them out changes nothing."""

from __future__ import annotations

import re

import pytest

from handout.diagnostics import Diagnostics
from handout.render.html import RenderOptions, render_html
from handout.render.theme import find_theme
from handout.render.urls import make_url_fetcher
from handout.source.lecture import load_lecture
from handout.typeset.engine import movable_css, render_document, typesetter, write_pdf
from support import LECTURE10, make_files, pdf_text

CSS = "@page { size: A6; margin: 10mm } h1 { font-size: 14pt } p { margin: 0 0 2mm }"


def _page(body: str, css: str = CSS, attributes: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>T</title><style>{css}</style>'
            f'<style>@page {{ @bottom-center {{ content: counter(page) }} }}</style></head><body>'
            f"<h1{attributes}>Бөлім</h1>{body}</body></html>")


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Record each stylesheet text the typesetter parses (the real parse still runs)."""
    engine, parsed = typesetter(), []
    real_parse = engine._parse

    def recording_parse(text, *args):
        parsed.append(text)
        return real_parse(text, *args)

    monkeypatch.setattr(engine, "_parse", recording_parse)
    return parsed


def _cached(text: str) -> list:
    """This process's parsed stylesheets for ``text``, one per folder (None: it stays in its document)."""
    return [sheet for (css, *_), sheet in typesetter().stylesheets.items() if css == text]


def test_documents_with_the_same_styles_and_folder_share_one_parsed_stylesheet(tmp_path, parses):
    first, second = tmp_path / "first", tmp_path / "second"
    css = CSS + f" /* {tmp_path.name} */"  # a text no earlier test has parsed
    render_document(_page("<p>Бір.</p>", css), first, Diagnostics())
    render_document(_page("<p>Екі.</p><p>Үш.</p>", css), first, Diagnostics())
    assert parses.count(css) == 1, "the second document in the same folder must reuse the parsed CSS"

    render_document(_page("<p>Төрт.</p>", css), second, Diagnostics())
    assert parses.count(css) == 2, "another folder resolves url() differently: it gets its own parse"
    in_first, in_second = _cached(css)
    assert in_first.css is not in_second.css


def test_moving_the_styles_out_keeps_lecture10s_pages_and_text(tmp_path):
    import weasyprint

    html = render_html(load_lecture(LECTURE10), find_theme(LECTURE10.parent), RenderOptions(edition="teacher"))
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) >= 2
    root, engine = LECTURE10.parent, typesetter()

    moved = render_document(html, root, Diagnostics(), LECTURE10)
    assert all(_cached(text) and None not in _cached(text) for text in styles), "the styles were moved out"
    inline = weasyprint.HTML(string=html, base_url=f"{root}/",
                             url_fetcher=make_url_fetcher(root, Diagnostics())).render(font_config=engine.font_config)

    (tmp_path / "moved.pdf").write_bytes(write_pdf(moved))
    (tmp_path / "inline.pdf").write_bytes(write_pdf(inline))
    assert len(moved.pages) == len(inline.pages) > 1
    assert pdf_text(tmp_path / "moved.pdf") == pdf_text(tmp_path / "inline.pdf")


def test_what_parsing_a_shared_stylesheet_reports_reaches_every_document(tmp_path):
    course = make_files(tmp_path / "course", {"a.md": "", "b.md": ""})
    make_files(tmp_path, {"secret.png": b"\x89PNG\r\n\x1a\n"})
    css = ("@font-face { font-family: Stolen; src: url(file:///etc/passwd) } "
           "p { colr: red; background: url(../secret.png) }")
    for name in ("a.md", "b.md"):
        diagnostics = Diagnostics()
        render_document(_page("<p>Мәтін.</p>", css), course, diagnostics, course / name)
        reports = {(item.code, item.path) for item in diagnostics.items}
        messages = " ".join(item.message for item in diagnostics.items)
        assert ("weasyprint", str(course / name)) in reports, name  # the unknown property, found while parsing
        assert ("refused-url", str(course / name)) in reports, name
        assert "/etc/passwd" in messages and "secret.png" in messages, name


def test_styles_stay_in_documents_whose_cascade_would_change(tmp_path, parses):
    css = CSS + f" /* {tmp_path.name} */"
    with_attribute = _page("<p>Мәтін.</p>", css, attributes=' style="color: red"')
    render_document(with_attribute, tmp_path, Diagnostics())  # a user sheet would lose to style= where it won
    assert css not in parses

    layered = f"@layer base {{ p {{ color: red }} }} /* {tmp_path.name} */"
    render_document(_page("<p>Мәтін.</p>", layered), tmp_path, Diagnostics())
    assert _cached(layered) == [None]
    assert layered not in parses


@pytest.mark.parametrize("css, movable", [
    (":lang(kk) p { hyphens: auto } a::after { content: '\\2022' }", True),
    ("@media print { .mark { background: #e6e6e6 } } @page { @top-right { content: 'x' } }", True),
    ("@font-face { font-family: X; src: url(x.woff) }", True),
    ("@import 'more.css'; p { color: red }", False),
    ("@layer base { p { color: red } }", False),
    ("@counter-style thumbs { system: cyclic; symbols: '*'; }", False),
    ("h2 { -weasy-anchor: attr(id) }", False),
    ("@media print { p { LANG : 'en' } }", False),
])
def test_movable_css(css, movable):
    assert movable_css(css) is movable
