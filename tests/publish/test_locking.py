"""Nothing half-written: a killed build keeps the previous PDFs, concurrent builds take turns."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handout.cli.app import app
from handout.publish.locking import LOCK_NAME, build_lock, remove_stale_parts
from support import HANDOUT, SHORT_LECTURE, make_files, pdf_page_count


def course_of(root: Path, count: int, extra: str = "") -> Path:
    return make_files(root, {f"lecture{n:02}.md": SHORT_LECTURE.replace("number: 2", f"number: {n}") + extra
                             for n in range(1, count + 1)})


def build(course: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*HANDOUT, "build", str(course), "--out", str(out), "--edition", "student", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_all_valid(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        assert pdf_page_count(pdf) >= 1, pdf


def test_killed_build_keeps_previous_pdfs_and_the_next_build_completes(tmp_path):
    # 4 lectures: the build is killed within 20 ms of replacing its first PDF, each takes far longer
    course, out = course_of(tmp_path / "course", 4), tmp_path / "out"
    first = build(course, out, "--jobs", "1")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    pdfs = sorted((out / "student").glob("*.pdf"))
    assert len(pdfs) == 4
    before = {pdf: pdf.stat().st_mtime_ns for pdf in pdfs}
    course_of(course, 4, "\nЖаңа абзац.\n")
    second = build(course, out, "--jobs", "1")
    deadline = time.monotonic() + 120
    while not any(pdf.stat().st_mtime_ns != mtime for pdf, mtime in before.items()):
        assert second.poll() is None, "the build finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    second.send_signal(signal.SIGKILL)
    second.wait(timeout=30)
    assert_all_valid(pdfs)  # replaced ones are whole new files, the rest the previous good ones
    assert any(pdf.stat().st_mtime_ns == mtime for pdf, mtime in before.items()), "killed too late to prove anything"
    third = build(course, out, "--jobs", "1")
    assert third.wait(timeout=300) == 0, third.stderr.read()
    assert_all_valid(pdfs)
    assert not list(out.rglob("*.part"))


def test_two_builds_at_once_take_turns(tmp_path):
    course, out = course_of(tmp_path / "course", 3), tmp_path / "out"
    builds = [build(course, out, "--jobs", "1", "--force") for _ in range(2)]
    results = [(process.wait(timeout=300), process.stderr.read()) for process in builds]
    assert [code for code, _ in results] == [0, 0], results
    assert any("waiting for another build" in stderr for _, stderr in results)
    assert_all_valid(sorted((out / "student").glob("*.pdf")))
    assert not list(out.rglob("*.part"))


def test_a_held_lock_fails_clearly_after_the_timeout(tmp_path, short_lecture):
    out = tmp_path / "out"
    with build_lock(out):
        result = CliRunner().invoke(app, ["build", str(short_lecture), "--out", str(out)],
                                    env={"HANDOUT_LOCK_TIMEOUT": "0.3"})
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"{out / LOCK_NAME}: error: another build (pid {os.getpid()}) is writing to {out}")
    assert line.endswith("wait for it, or build into another --out")
    assert not list(out.rglob("*.pdf"))


def test_lock_sweeps_temp_files_a_killed_build_left(tmp_path):
    out = make_files(tmp_path / "out", {"student/.lecture01.pdf.abc123.part": b"%PDF-1.7 half", "student/keep.pdf": b"x"})
    with build_lock(out):
        pass
    assert not list(out.rglob("*.part")) and (out / "student" / "keep.pdf").exists()
    assert remove_stale_parts(out) == []


def test_lock_is_released_when_its_holder_dies(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [HANDOUT[0], "-c", f"from handout.publish.locking import build_lock\nimport time\nwith build_lock({str(out)!r}):\n"
                           "    print('held', flush=True)\n    time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(Exception, match="another build"):
        with build_lock(out, timeout=0.2):
            pass
    holder.kill()
    holder.wait()
    with build_lock(out, timeout=5):
        pass
