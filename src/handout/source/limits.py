"""Bounds that stop a build instead of letting it hang: a time budget per typeset document.

(The size bound on a lecture file lives with the reader, :data:`handout.source.lecture.MAX_SOURCE_BYTES`.)
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from ..errors import HandoutError

MAX_LINE_CHARS = 100_000
"""Longest source line accepted (about 30 printed pages as one paragraph): longer ones are damaged files."""
MAX_NESTING = 32
"""Deepest nesting of lists, quotes or HTML elements in one block; WeasyPrint's recursion gives out near 100."""
DEFAULT_TIME_BUDGET = 120.0
"""Seconds one document may spend in WeasyPrint; a 100-page lecture needs about 15."""
TIME_BUDGET_ENV = "HANDOUT_TIME_BUDGET"
"""Environment variable overriding the budget (seconds; 0 turns it off)."""


def check_line_lengths(text: str, path: Path | str | None) -> None:
    """Refuse text with a line longer than :data:`MAX_LINE_CHARS`, naming the first such line."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise HandoutError(
                f"line has {len(line):,} characters, more than the {MAX_LINE_CHARS:,} a line may have; "
                "is the file damaged or generated? break it into paragraphs",
                path,
                number,
            )


class _BudgetExpired(BaseException):
    """Raised by the alarm; a BaseException so WeasyPrint's ``except Exception`` cannot swallow it."""


def time_budget_seconds() -> float:
    """Return the budget from ``HANDOUT_TIME_BUDGET``, else the default."""
    raw = os.environ.get(TIME_BUDGET_ENV, "").strip()
    if not raw:
        return DEFAULT_TIME_BUDGET
    try:
        seconds = float(raw)
    except ValueError:
        raise HandoutError(f"{TIME_BUDGET_ENV}={raw!r} is not a number of seconds; set e.g. {TIME_BUDGET_ENV}=300") from None
    if seconds < 0:
        raise HandoutError(f"{TIME_BUDGET_ENV} must be 0 (no limit) or more, got {raw}")
    return seconds


@contextmanager
def time_budget(source: Path | str | None, seconds: float | None = None):
    """Stop the enclosed work with a :class:`HandoutError` once ``seconds`` of wall time have passed.

    Uses ``SIGALRM``, so it works in a process's main thread (the CLI and process-pool
    workers); in other threads the work runs unbounded rather than failing.
    """
    seconds = time_budget_seconds() if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _BudgetExpired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _BudgetExpired:
        raise HandoutError(
            f"typesetting took longer than the {seconds:g} s allowed per document and was stopped; "
            f"shorten or split the lecture, or raise the budget with {TIME_BUDGET_ENV}=SECONDS",
            source,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
