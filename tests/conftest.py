"""Fixtures shared by every test package (helpers live in support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SHORT_LECTURE, make_files


@pytest.fixture
def short_lecture(tmp_path: Path) -> Path:
    return make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
