"""Shared test helpers: paths, a tiny course factory and real PDF readers (PDFium, not pypdf)."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "lecture10_original.txt"
"""The seed exactly as shipped in shared/seed/000_1affa6bde52ac442.txt (a copy, so tests never skip)."""
LECTURE10 = ROOT / "source" / "lecture10.md"
LECTURE10_CORRECTIONS = ROOT / "tests" / "fixtures" / "seed" / "lecture10_corrections.tsv"
"""The seed's slips that lecture10.md corrects (checked with hunspell -d kk_KZ and by hand)."""
FIXTURES = ROOT / "tests" / "fixtures"
HANDOUT = [sys.executable, "-m", "handout"]


def corrected_seed(text: str) -> str:
    """The seed's text (or its import) with lecture 10's corrections applied; each must be found in it."""
    import re

    for line in LECTURE10_CORRECTIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right = line.split("\t")
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, wrong.split())) + r"(?!\w)"
        text, count = re.subn(pattern, right, text)
        assert count, f"the correction {wrong!r} → {right!r} is not needed: the text does not have {wrong!r}"
    return text


def wait_until(condition, timeout: float = 60.0) -> bool:
    """Poll ``condition`` every 50 ms until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
"""Debian's headless Chromium (installed by scripts/bootstrap test), or None."""
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def shared_folder(tmp_path_factory, name: str, build) -> Path:
    """A folder ``build(folder)`` fills once per run, shared by the pytest-xdist workers of that run.

    The first worker to ask builds it under a lock; the others wait, then read it. A build that
    failed leaves no mark, so the next one to ask builds again (and fails the same way, visibly).
    """
    import fcntl
    import os

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, above each worker's own
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def make_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` under ``root`` and return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def pdf_text(path: Path) -> str:
    """Extract a PDF's text with PDFium, page by page, joined by form feeds."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pdf_page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


SHORT_LECTURE = """\
---
title: Алаш автономиясы
course: Қазақстан тарихы
number: 2
block: 4-БЛОК. КЕҢЕСТІК КЕЗЕҢДЕГІ ҚАЗАҚСТАН
lang: kk
date: 2026-11-10
outcomes:
  - Алаш қозғалысының мақсаттарын түсіндіру.
---
## Жалпықазақ съезі

Қазақ ұлттық интеллигенциясы 1917 жылы 5-13 желтоқсанда Орынбор қаласында өткен
Екінші Жалпықазақ съезінде қазақ мемлекеттілігі туралы мәселе қарады.

## Алаш-Орда үкіметі

Съезд төрағасы Бақтыкерей Құлманов болды. Үкімет құрамына 25 адам кірді.
"""


def date_cases(name: str) -> list:
    """Read a date-case fixture (``sentence ⟶ start end precision qualifier calendar alt_start``), one param per line."""
    import pytest

    cases = []
    for number, line in enumerate((FIXTURES / "dates" / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            sentence, expected = (part.strip() for part in line.split("⟶"))
            cases.append(pytest.param(sentence, expected.split(), id=f"{name}:{number}"))
    return cases


def check_first_date(matches: list, expected: list[str], problem_word: str = "impossible") -> None:
    """Check the first date a grammar found against one case line ("none": no date; "bad": an impossible one)."""
    if expected == ["none"]:
        assert matches == []
        return
    assert matches, "no date found"
    if expected == ["bad"]:
        assert matches[0].value is None and problem_word in matches[0].problem
        return
    value = matches[0].value
    start, end, precision, qualifier, calendar, alt_start = expected
    got = (value.start, value.end, value.precision, value.qualifier or "-", value.calendar, value.alt_start or "-")
    assert got == (start, end, precision, qualifier, calendar, alt_start)
