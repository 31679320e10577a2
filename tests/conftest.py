"""Fixtures shared by every test package (helpers live in support.py).

The session fixtures below build lecture 10 once for every module that reads it; what they return
is read-only by convention: a test that changes a file or the lecture works on its own copy.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support import HANDOUT, LECTURE10, SHORT_LECTURE, make_files, shared_folder


@pytest.fixture
def short_lecture(tmp_path: Path) -> Path:
    return make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"


@pytest.fixture(scope="session")
def lecture10_editions(tmp_path_factory) -> dict[str, Path]:
    """Lecture 10 built by the CLI, as a teacher would, in all three editions with their HTML: {edition: PDF}.

    Read-only: tests/test_lecture10.py, render/test_editions.py and enrich/test_people.py all read it.
    """

    def build(out: Path) -> None:
        result = subprocess.run([*HANDOUT, "build", str(LECTURE10), "--out", str(out), "--edition", "all", "--emit-html"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr

    out = shared_folder(tmp_path_factory, "lecture10-editions", build)
    return {edition: out / edition / "lecture10.pdf" for edition in ("student", "teacher", "worksheet")}


@pytest.fixture(scope="session")
def lecture10_prepared():
    """Lecture 10 loaded and enriched (a frozen Lecture); read-only like every session fixture."""
    from handout.diagnostics import Diagnostics
    from handout.pipeline import prepare_lecture

    return prepare_lecture(LECTURE10, Diagnostics())
