"""The bad-input corpus (tests/fixtures/bad_inputs/cases.toml): every case through the real CLI.

Each case asserts the exit code, one message naming the file and line, no traceback and,
for errors, no partial output (no PDF, no HTML, no ``*.part``). Most run in-process with
typer's CliRunner (the CLI's code path is the same); a few run as real subprocesses.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handout.cli.app import app
from support import FIXTURES, HANDOUT, make_files, pdf_text

CORPUS = FIXTURES / "bad_inputs"
CASES = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))["case"]
HEADER = "---\ntitle: Шектен тыс\n---\n## Бөлім\n\n"
GENERATORS = {
    "too_large": lambda: HEADER + "Қазақ хандығы 1465 жылы құрылды. " * 180_000,
    "huge_line": lambda: HEADER + "сөз " * 30_000 + "\n",
    "deeply_nested_lists": lambda: HEADER + "".join("    " * depth + "- тармақ\n" for depth in range(60)),
}


def test_corpus_is_big_enough_and_every_file_is_used():
    assert len(CASES) >= 30
    used = {name for case in CASES for name in case.get("files", [case["name"] + ".md"])}
    assert used | {"cases.toml"} >= {path.name for path in CORPUS.iterdir()}


def prepare(case: dict, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """Lay out the case's course folder; return (course folder, --out folder, CLI arguments)."""
    course = tmp_path / "course"
    course.mkdir()
    if "generate" in case:
        make_files(course, {case["name"] + ".md": GENERATORS[case["generate"]]()})
        files = [case["name"] + ".md"]
    else:
        files = case.get("files", [case["name"] + ".md"])
        for name in files:
            source = CORPUS / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, course / name)
    target = course / case.get("target", files[0] if files else "")
    out = case.get("out", "out")
    if out.startswith("FILE"):
        (tmp_path / "FILE").write_text("not a folder\n")
    out_dir = Path(out) if out.startswith("/") else tmp_path / out
    return course, out_dir, ["build", str(target), "--out", str(out_dir), "--edition", "student", *case.get("args", [])]


def expected_prefix(case: dict, course: Path, tmp_path: Path) -> str:
    at = case["at"]
    if not at:
        return f"{case['level'] if 'level' in case else 'error'}: "
    if at == "/OUT":
        at = str(tmp_path / "FILE")
    elif not at.startswith("/"):
        at = str(course / at)
    return f"{at}: {case.get('level', 'error')}: "


def check_result(case: dict, course: Path, out_dir: Path, tmp_path: Path, code: int, stderr: str) -> None:
    assert code == case["exit"], stderr
    assert "Traceback" not in stderr
    level = case.get("level", "error")
    lines = stderr.strip().splitlines()
    if level == "error":
        errors = [line for line in lines if ": error: " in line or line.startswith("error: ")]
        assert len(errors) == 1, stderr
        assert errors[0] == lines[-1]
        assert errors[0].startswith(expected_prefix(case, course, tmp_path)), stderr
        assert case["message"] in errors[0]
        assert not list(tmp_path.rglob("*.part"))
        if not case.get("complete_outputs"):
            assert not [path for path in tmp_path.rglob("*") if path.suffix in (".pdf", ".html")]
    elif level == "warning":
        prefix = expected_prefix(case, course, tmp_path)
        assert any(line.startswith(prefix) and case["message"] in line and line.endswith(f"[{case['code']}]")
                   for line in lines), stderr
        assert list((out_dir / "student").glob("*.pdf"))
    else:
        (pdf,) = (out_dir / "student").glob("*.pdf")
        text = pdf_text(pdf).replace("\xa0", " ").replace("\u202f", " ")
        for fragment in case["pdf_contains"]:
            assert fragment in text


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input(case, tmp_path):
    course, out_dir, args = prepare(case, tmp_path)
    result = CliRunner().invoke(app, args, env=case.get("env"))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    check_result(case, course, out_dir, tmp_path, result.exit_code, result.stderr)


SUBPROCESS_CASES = ["broken_yaml", "cp1251", "missing_image", "manifest_duplicate_names", "output_not_writable"]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_bad_input_as_a_real_process(name, tmp_path):
    (case,) = [case for case in CASES if case["name"] == name]
    course, out_dir, args = prepare(case, tmp_path)
    result = subprocess.run([*HANDOUT, *args], capture_output=True, text=True, timeout=120)
    check_result(case, course, out_dir, tmp_path, result.returncode, result.stderr)


def test_debug_shows_the_traceback(tmp_path):
    (case,) = [case for case in CASES if case["name"] == "broken_yaml"]
    _, _, args = prepare(case, tmp_path)
    result = subprocess.run([*HANDOUT, *args, "--debug"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "HandoutError" in result.stderr


def _limit_file_size() -> None:
    """Let the child write files of at most 4 KB: a PDF write then fails like a full disk (EFBIG)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_disk_full_fails_cleanly_and_keeps_the_previous_pdf(tmp_path, short_lecture):
    out = tmp_path / "out"
    first = subprocess.run([*HANDOUT, "build", str(short_lecture), "--out", str(out), "--edition", "student"],
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    pdf = out / "student" / "lecture02.pdf"
    good = pdf.read_bytes()
    short_lecture.write_text(short_lecture.read_text(encoding="utf-8") + "\nҚосымша абзац.\n", encoding="utf-8")
    result = subprocess.run([*HANDOUT, "build", str(short_lecture), "--out", str(out), "--edition", "student"],
                            capture_output=True, text=True, timeout=120, preexec_fn=_limit_file_size)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{pdf}: error: could not write the file (File too large); free some disk space")
    assert pdf.read_bytes() == good
    assert not list(out.rglob("*.part"))


def _can_mount_tmpfs(folder: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def test_real_full_disk_on_a_tiny_tmpfs(tmp_path, short_lecture):
    out = tmp_path / "tiny"
    out.mkdir()
    if not _can_mount_tmpfs(out):
        pytest.skip("mounting a tmpfs needs root and mount privileges")
    try:
        result = subprocess.run([*HANDOUT, "build", str(short_lecture), "--out", str(out), "--edition", "all"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].endswith(
            "error: could not write the file (No space left on device); free some disk space and build again")
        assert not list(out.rglob("*.part"))
    finally:
        subprocess.run(["umount", str(out)], check=True)
