"""`handout import` of Russian and English extractions as a real process, and `handout build` of the result."""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from handout import lang
from handout.cli.app import app
from handout.lang.hunspell import installed_dictionaries
from support import FIXTURES, HANDOUT, pdf_text

IMPORTING = FIXTURES / "importing"


def handout(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([*HANDOUT, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=180)


def in_process(*args, cwd, monkeypatch):
    """The CLI run in this process (the subprocess start-up is paid once, by the build above)."""
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, list(map(str, args)))


@pytest.fixture(scope="module")
def russian(tmp_path_factory):
    """The Russian extraction imported (language told from the text), then built once (student edition)."""
    root = tmp_path_factory.mktemp("import-ru")
    src = root / "lecture03.txt"
    src.write_bytes((IMPORTING / "ru_damaged.txt").read_bytes())
    imported = handout("import", src, "-o", root / "source" / "lecture03.md", cwd=root)
    built = handout("build", root / "source" / "lecture03.md", "--out", root / "dist", "--edition", "student", cwd=root)
    return root, imported, built


@pytest.mark.skipif(not installed_dictionaries(lang.get("ru").spelling), reason="hunspell-ru is not installed")
def test_russian_import_is_told_from_the_text_and_written(russian):  # «Военно-политическое» needs the dictionary
    root, imported, _ = russian
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == f"wrote {root / 'source' / 'lecture03.md'}"
    written = (root / "source" / "lecture03.md").read_text(encoding="utf-8")
    assert written == (IMPORTING / "ru_expected.md").read_text(encoding="utf-8")


def test_the_imported_russian_lecture_builds(russian):
    root, _, built = russian
    assert built.returncode == 0, built.stderr
    text = pdf_text(root / "dist" / "student" / "lecture03.pdf")
    assert "Казахстан в 1917–1920 годах" in text and "Гражданская война" in text
    assert "Алаш-Орда" in text and "История Казахстана. Курс лекций" not in text


def test_english_import_with_lang_and_no_overwrite_without_force(tmp_path, monkeypatch):
    src = tmp_path / "lecture03.txt"
    src.write_bytes((IMPORTING / "en_damaged.txt").read_bytes())
    out = tmp_path / "lecture03.md"
    first = in_process("import", src, "--lang", "en", cwd=tmp_path, monkeypatch=monkeypatch)  # default output: FILE with .md
    assert first.exit_code == 0, first.output
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: The Kazakh Steppe in the Revolution, 1917–1920\n")
    out.write_text("edited by hand\n", encoding="utf-8")
    second = in_process("import", src, cwd=tmp_path, monkeypatch=monkeypatch)
    assert second.exit_code == 1 and "--force" in second.output
    assert out.read_text(encoding="utf-8") == "edited by hand\n"
    forced = in_process("import", src, "--force", cwd=tmp_path, monkeypatch=monkeypatch)
    assert forced.exit_code == 0 and "lang: en\n" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "args", "message"), [
    ("В 1917 году пала монархия. Это было начало революции.\n", (), "notes.txt:1: error: no lecture title found"),
    ("12\n\n- 13 -\n", (), "notes.txt:1: error: cannot tell the text's language"),
    ("Lecture 1: Kazakhstan\n\n1.Start. Text.\n", ("--lang", "de"), "error: unknown language 'de'; use --lang kk, ru or en"),
])  # fmt: skip
def test_bad_input_says_what_to_do_and_writes_nothing(tmp_path, monkeypatch, text, args, message):
    src = tmp_path / "notes.txt"
    src.write_text(text, encoding="utf-8")
    result = in_process("import", src.name, *args, cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1 and message in result.output, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
