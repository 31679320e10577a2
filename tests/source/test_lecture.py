from pathlib import Path

import pytest

from handout.diagnostics import Diagnostics
from handout.errors import HandoutError
from handout.source.lecture import load_lecture
from support import make_files


def lecture_from(tmp_path: Path, text: str | bytes, name: str = "l.md") -> Path:
    return make_files(tmp_path, {name: text}) / name


def test_sections_and_blocks_keep_their_source_lines(tmp_path):
    path = lecture_from(tmp_path, "---\ntitle: T\n---\nIntro.\n\n## One\n\nFirst\nparagraph.\n\n- a\n\n- b\n\n## Two\nText.\n")
    lecture = load_lecture(path)
    assert [block.line for block in lecture.preamble] == [4]
    assert [(s.title, s.line, s.anchor) for s in lecture.sections] == [("One", 6, "s-1"), ("Two", 15, "s-2")]
    first, loose_list = lecture.sections[0].blocks
    assert (first.line, first.text, first.anchor) == (8, "First\nparagraph.", "p-8")
    assert loose_list.text == "- a\n\n- b"  # a loose list stays one block


def test_fenced_code_is_not_split_at_headings_or_blank_lines(tmp_path):
    path = lecture_from(tmp_path, "## S\n```\n## not a heading\n\nstill code\n```\n")
    (section,) = load_lecture(path).sections
    assert section.blocks[0].text.endswith("still code\n```")


def test_front_matter_metadata_and_setting_lines(tmp_path):
    path = lecture_from(
        tmp_path,
        "---\ntitle: Тақырып\nnumber: 10\noutcomes:\n  - Бір\nchronology: false\n---\n## A\nx\n",
    )
    lecture = load_lecture(path)
    assert lecture.meta.title == "Тақырып" and lecture.meta.number == 10
    assert lecture.meta.outcomes == ("Бір",)
    assert lecture.settings == {"chronology": False}
    assert lecture.setting_lines == {"chronology": 6}
    assert lecture.body_line == 8


def test_unknown_front_matter_key_is_a_warning_with_its_line(tmp_path):
    path = lecture_from(tmp_path, "---\ntitle: T\ncolour: red\n---\n## A\nx\n")
    diagnostics = Diagnostics()
    load_lecture(path, diagnostics)
    (warning,) = diagnostics.items
    assert (warning.line, warning.code) == (3, "unknown-key")
    assert str(warning).startswith(f"{path}:3: warning: unknown front matter key `colour`")


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("---\ntitle: [unclosed\n---\n## A\n", 2, "not valid YAML"),
        ("---\ntitle: T\nnumber: ten\n---\n## A\n", 3, "`number`: expected a whole number"),
        ("---\ntitle: T\nlang: fr\n---\n", 3, "expected one of kk, ru, en"),
        ("---\ntitle: T\n", 1, "never ends"),
        ("---\n- a\n- b\n---\n", 2, "must be a mapping"),
    ],
)
def test_front_matter_errors_name_the_line(tmp_path, text, line, fragment):
    path = lecture_from(tmp_path, text)
    with pytest.raises(HandoutError) as caught:
        load_lecture(path)
    assert caught.value.line == line
    assert fragment in caught.value.message


@pytest.mark.parametrize(
    "data, fragment, line",
    [
        ("## A\nжол\nтекст".encode("cp1251"), "not valid UTF-8", 2),
        ("## A\n".encode("utf-16"), "UTF-16", 1),
        (b"## A\n\x00\x01binary", "binary", 2),
    ],
)
def test_undecodable_files_are_refused_with_advice(tmp_path, data, fragment, line):
    path = lecture_from(tmp_path, data)
    with pytest.raises(HandoutError) as caught:
        load_lecture(path)
    assert fragment in caught.value.message and caught.value.line == line


def test_title_falls_back_to_leading_heading_then_file_name(tmp_path):
    assert load_lecture(lecture_from(tmp_path, "# Бас тақырып\n\n## A\nx\n")).meta.title == "Бас тақырып"
    assert load_lecture(lecture_from(tmp_path, "## A\nx\n", "topic.md")).meta.title == "topic"
