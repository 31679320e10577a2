from pathlib import Path

import pytest

from handout import lang as languages

CATALOG = {code: languages.get(code).labels for code in languages.CODES}


def labels(code: str) -> dict:
    return languages.get(code).labels
from handout.model import Block
from handout.render.html import MarkdownConverter, RenderOptions, page_label_css, render_html
from handout.render.theme import find_theme
from handout.source.lecture import load_lecture
from support import make_files


def render(tmp_path: Path, body: str, **options) -> str:
    path = make_files(tmp_path, {"l.md": "---\ntitle: Тақырып <b>\ncourse: Курс\n---\n" + body}) / "l.md"
    return render_html(load_lecture(path), find_theme(tmp_path), RenderOptions(**options))


def test_author_text_is_never_run_through_jinja(tmp_path):
    html = render(tmp_path, "## A\n\nМәтін {{ lecture.meta.title }} және {% raw %}.\n")
    assert "{{ lecture.meta.title }}" in html and "{% raw %}" in html


def test_metadata_is_escaped_and_blocks_carry_their_anchor(tmp_path):
    html = render(tmp_path, "## Бөлім\n\nБірінші абзац.\n")
    assert "<title>Тақырып &lt;b&gt;</title>" in html
    assert '<p id="p-7">Бірінші абзац.</p>' in html
    assert '<h2 id="s-1">' in html and 'href="#s-1"' in html
    assert '<html lang="kk">' in html


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_labels_follow_the_requested_language(tmp_path, lang):
    html = render(tmp_path, "## A\n\nx\n", lang=lang)
    assert labels(lang)["contents"] in html
    others = {labels(other)["contents"] for other in CATALOG if other != lang} - {labels(lang)["contents"]}
    assert not any(other in html for other in others)


def test_label_catalogue_is_complete_in_every_language():
    keys = {lang: set(entries) for lang, entries in CATALOG.items()}
    assert keys["ru"] == keys["kk"] and keys["en"] == keys["kk"]
    assert all(value.strip() for entries in CATALOG.values() for value in entries.values())


def test_page_label_becomes_css_counters():
    assert page_label_css("{page} / {pages} бет") == 'counter(page) " / " counter(pages) " бет"'
    assert page_label_css('Page "{page}"') == '"Page \\"" counter(page) "\\""'


def test_inline_html_has_no_paragraph_wrapper():
    converter = MarkdownConverter("kk")
    assert converter.inline_html("*Алаш* автономиясы") == "<em>Алаш</em> автономиясы"
    assert converter.block_html(Block("Мәтін", 3, "p-3")) == '<p id="p-3">Мәтін</p>'
