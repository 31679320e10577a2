"""End-to-end tests of ``handout check`` and ``handout import`` run as a real process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support import FIXTURES

FIXTURES = FIXTURES / "kazakh"
REPORT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>(?:fixed )?[a-z-]+): .+$")


def handout(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handout", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_check_reports_damage_in_the_documented_format_and_exits_1(tmp_path):
    damaged = tmp_path / "lecture08.txt"
    damaged.write_bytes((FIXTURES / "lecture08_damaged.txt").read_bytes())
    result = handout("check", str(damaged), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(REPORT_LINE.match(line) for line in lines), result.stdout
    assert f"{damaged}:11:1: private-use: U+F0B7 stands for •" not in lines  # outcomes are on line 5 and 7
    assert any(line.startswith(f"{damaged}:5:1: private-use:") for line in lines)
    assert any(": letter-spaced: letter-spaced word «Ұжымдастыру»" in line for line in lines)


def test_check_fix_writes_a_backup_prints_changes_and_refuses_a_second_backup(tmp_path):
    damaged = tmp_path / "lecture07.txt"
    original = (FIXTURES / "lecture07_damaged.txt").read_bytes()
    damaged.write_bytes(original)
    result = handout("check", "--fix", str(damaged), cwd=tmp_path)
    # The unbalanced quote has no safe fix, so the exit code stays 1.
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "lecture07.txt.bak").read_bytes() == original
    fixed_lines = [line for line in result.stdout.splitlines() if ": fixed " in line]
    assert len(fixed_lines) == 11 and all(REPORT_LINE.match(line) for line in fixed_lines)
    assert f"{damaged}:16:22: fixed mixed-script: «Тeміржол» → «Теміржол»" not in fixed_lines
    remaining = [line for line in result.stdout.splitlines() if ": fixed " not in line]
    assert [REPORT_LINE.match(line).group("code") for line in remaining] == ["unbalanced-quotes"]
    fixed_text = damaged.read_text(encoding="utf-8")
    assert "Теміржол" in fixed_text and "жобасын" in fixed_text and "\u00ad" not in fixed_text

    damaged.write_bytes(original)
    again = handout("check", "--fix", str(damaged), cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert damaged.read_bytes() == original
    forced = handout("check", "--fix", "--force", str(damaged), cwd=tmp_path)
    assert forced.returncode == 1 and damaged.read_text(encoding="utf-8") == fixed_text


def test_check_exits_0_on_clean_text_even_with_spelling_notes(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("Уақытша үкімет құлады. Енді уакытша жол берді.\n", encoding="utf-8")
    result = handout("check", str(clean), cwd=tmp_path)
    assert result.returncode == 0
    assert all(": spelling: " in line for line in result.stdout.splitlines())


def test_import_writes_markdown_and_never_overwrites_without_force(tmp_path):
    src = tmp_path / "lecture05.txt"
    src.write_bytes((FIXTURES / "lecture05_damaged.txt").read_bytes())
    out = tmp_path / "source" / "lecture05.md"
    first = handout("import", str(src), "-o", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert out.read_text(encoding="utf-8") == (FIXTURES / "lecture05_expected.md").read_text(encoding="utf-8")
    out.write_text("edited by hand\n", encoding="utf-8")
    second = handout("import", str(src), "-o", str(out), cwd=tmp_path)
    assert second.returncode == 1 and "--force" in second.stderr
    assert out.read_text(encoding="utf-8") == "edited by hand\n"
    third = handout("import", str(src), "-o", str(out), "--force", cwd=tmp_path)
    assert third.returncode == 0 and out.read_text(encoding="utf-8") != "edited by hand\n"


def test_check_fix_keeps_crlf_line_ends(tmp_path):
    damaged = tmp_path / "lecture05.txt"
    original = (FIXTURES / "lecture05_damaged.txt").read_bytes()
    damaged.write_bytes(original)
    result = handout("check", "--fix", str(damaged), cwd=tmp_path)
    assert result.returncode == 0, result.stdout  # every problem in lecture05 has a safe fix
    fixed = damaged.read_bytes()
    assert fixed.count(b"\r\n") == original.count(b"\r\n") and fixed.count(b"\n") == original.count(b"\n")


def test_check_reads_each_lecture_s_quotation_marks_by_its_language(tmp_path):
    """English “…” and ’ are correct English, not Kazakh „…“ left open; a Russian slip is still found."""
    english = tmp_path / "en.md"
    english.write_text("---\ntitle: Alash\nlang: en\n---\n\nBukeykhanov was the editor of the newspapers “Irtysh”, "
                       "“Omchi”, “Voice of the Steppe”. Kazakhstan’s decision didn’t wait.\n", encoding="utf-8")
    russian = tmp_path / "ru.md"
    russian.write_text("---\ntitle: Алаш\nlang: ru\n---\n\nСъезд одобрил программу «партии „Алаш“». "
                       "Газета «Казах выходила с 1913 г.\n", encoding="utf-8")
    result = handout("check", str(english), str(russian), cwd=tmp_path)
    assert [line for line in result.stdout.splitlines() if ": unbalanced-quotes: " in line or str(english) in line] == [
        f"{russian}:6:49: unbalanced-quotes: « is never closed"], result.stdout  # nothing at all about the English
    assert result.returncode == 1
