"""The course manifest: typed settings, every error with file, line and key, all reported at once."""

from pathlib import Path

import pytest

from handout.diagnostics import Diagnostics
from handout.errors import HandoutError
from handout.source.manifest import ManifestError, key_lines, load_course
from support import SHORT_LECTURE, make_files

GOOD = """\
# a comment line
[course]
title = "Қазақстан тарихы"   # trailing comment with a # inside "quotes"
institution = "Әл-Фараби атындағы ҚазҰУ"
teacher = "А. Б. Оқытушы"
year = "2026–2027"
lang = "kk"
lectures = [
  "intro.md",
  "lectures/*.md",
]

[build]
editions = ["student", "worksheet"]
paper = "a5"
out = "site"
reader = false
"""


def course_with(tmp_path: Path, manifest: str) -> Path:
    return make_files(tmp_path / "course", {
        "handout.toml": manifest,
        "intro.md": SHORT_LECTURE,
        "lectures/b.md": SHORT_LECTURE,
        "lectures/a.md": SHORT_LECTURE,
    })


def test_manifest_gives_typed_settings_and_lectures_in_order(tmp_path):
    root = course_with(tmp_path, GOOD)
    course = load_course(root)
    assert course.title == "Қазақстан тарихы"
    assert course.institution.startswith("Әл-Фараби")
    assert course.year == "2026–2027"
    assert [path.relative_to(root).as_posix() for path in course.lectures] == ["intro.md", "lectures/a.md", "lectures/b.md"]
    assert course.editions == ("student", "worksheet")
    assert (course.paper, course.layout) == ("a5", "standard")
    assert course.out_dir == root / "site"
    assert course.reader is False and course.index is True
    assert course.manifest == root / "handout.toml"


def test_every_error_is_reported_at_once_with_file_line_and_key(tmp_path):
    manifest = """\
[course]
lang = "de"
lectures = ["missing/*.md", "intro.md"]
year = 2026

[build]
editions = ["student", "answers"]
paper = "a3"
reader = "yes"
"""
    root = course_with(tmp_path, manifest)
    with pytest.raises(ManifestError) as caught:
        load_course(root)
    problems = {(line, key) for line, key, _ in caught.value.problems}
    assert problems == {
        (1, "course.title"), (2, "course.lang"), (3, "course.lectures"), (4, "course.year"),
        (7, "build.editions"), (8, "build.paper"), (9, "build.reader"),
    }
    text = str(caught.value)
    assert f"{root / 'handout.toml'}:2: error: course.lang: expected one of kk, ru, en, got 'de'" in text
    assert "'missing/*.md' matches no .md file" in text
    assert "unknown edition 'answers'" in text
    assert len(text.splitlines()) == 7


def test_unknown_keys_and_tables_are_warned_with_their_line(tmp_path):
    manifest = GOOD.replace('lang = "kk"\n', 'lang = "kk"\nlanguage = "kk"\n') + "\n[theme]\ncolor = 1\n"
    diagnostics = Diagnostics()
    load_course(course_with(tmp_path, manifest), diagnostics)
    messages = [(item.line, item.code, item.message.split(":")[0]) for item in diagnostics.items]
    assert (8, "unknown-key", "course.language") in messages
    assert (20, "unknown-key", "theme") in messages


def test_toml_syntax_error_names_its_line(tmp_path):
    root = course_with(tmp_path, '[course]\ntitle = "Тарих\nlang = "kk"\n')
    with pytest.raises(ManifestError) as caught:
        load_course(root)
    assert caught.value.problems[0][0] == 2
    assert f"{root / 'handout.toml'}:2: error: toml:" in str(caught.value)


def test_lectures_outside_the_course_and_name_clashes_are_errors(tmp_path):
    make_files(tmp_path, {"outside.md": SHORT_LECTURE})
    root = course_with(tmp_path, '[course]\ntitle = "T"\nlectures = ["../outside.md", "lectures/a.md", "x/a.md"]\n')
    make_files(root, {"x/a.md": SHORT_LECTURE})
    with pytest.raises(ManifestError) as caught:
        load_course(root)
    messages = [message for _, _, message in caught.value.problems]
    assert any("leaves the course folder" in message for message in messages)
    assert any("would both be written as a.pdf" in message for message in messages)


def test_folder_without_manifest_is_a_course_of_its_md_files_in_name_order(tmp_path):
    root = make_files(tmp_path / "plain", {"b.md": SHORT_LECTURE, "a.md": SHORT_LECTURE, "notes.txt": "x"})
    course = load_course(root)
    assert [path.name for path in course.lectures] == ["a.md", "b.md"]
    assert course.title == "Қазақстан тарихы"  # the lectures' `course:` key
    assert course.manifest is None and course.editions == ("student", "teacher", "worksheet")


def test_empty_folder_explains_how_to_start(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(HandoutError, match="handout new"):
        load_course(tmp_path / "empty")


def test_key_lines_skips_multiline_arrays_and_quoted_keys():
    lines = key_lines('[course]\nlectures = [\n  "a = b.md",\n]\n"title" = "x"\n[build]\nout = "d"\n')
    assert lines == {"course": 1, "course.lectures": 2, "course.title": 5, "build": 6, "build.out": 7}
