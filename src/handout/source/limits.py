"""Bounds that stop a build instead of letting it hang: sizes, nesting, numbers, a time budget per stage.

(The size bound on a lecture file lives with the reader, :data:`handout.source.lecture.MAX_SOURCE_BYTES`.)
"""

from __future__ import annotations

import math
import os
import re
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

from ..errors import HandoutError, cut

MAX_LINE_CHARS = 100_000
"""Longest source line accepted (about 30 printed pages as one paragraph): longer ones are damaged files."""
MAX_NESTING = 32
"""Deepest nesting of lists, quotes or HTML elements in one block; WeasyPrint's recursion gives out near 100."""
DEFAULT_TIME_BUDGET = 120.0
"""Seconds one document may spend in WeasyPrint; a 100-page lecture needs about 15."""
TIME_BUDGET_ENV = "HANDOUT_TIME_BUDGET"
"""Environment variable overriding the budget (seconds; 0 turns it off)."""
MAX_DIGITS = 100
"""Longest run of digits accepted: no date or page number is longer; Python refuses int() past 4,300."""
EPOCH_ENV = "SOURCE_DATE_EPOCH"
MAX_EPOCH = 253402300799
"""9999-12-31T23:59:59Z, the last second a PDF date can hold."""

_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_NESTING_PREFIX = re.compile(r"^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*")


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


def check_numbers(text: str, path: Path | str | None) -> None:
    """Refuse a run of more than :data:`MAX_DIGITS` digits, naming its line (no date has one)."""
    match = _LONG_NUMBER.search(text)
    if match:
        raise HandoutError(
            f"a number of {len(match.group()):,} digits, more than the {MAX_DIGITS} a number may have; "
            "is the file damaged? shorten the number or write it in words",
            path,
            text.count("\n", 0, match.start()) + 1,
        )


def nesting_depth(line: str) -> int:
    """Count the levels a Markdown line opens: quote marks, list markers and 4-column indents before its text."""
    prefix = _NESTING_PREFIX.match(line).group()
    markers = prefix.count(">") + len(re.findall(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t])", prefix))
    spaces = len(re.sub(r"[^ \t]", "", prefix).expandtabs(4))
    return markers + spaces // 4


def check_nesting(text: str, path: Path | str | None) -> None:
    """Refuse lists and quotes nested deeper than :data:`MAX_NESTING` before Markdown recurses into them."""
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or len(line) < MAX_NESTING:
            continue
        depth = nesting_depth(line)
        if depth > MAX_NESTING:
            raise HandoutError(
                f"lists or quotes nested more than {MAX_NESTING} levels deep; flatten them (this line opens level {depth})",
                path,
                number,
            )


def source_date_epoch(environ=os.environ) -> int | None:
    """Return ``SOURCE_DATE_EPOCH`` as seconds, None when unset; an invalid value is an error.

    The reproducible-builds specification: ASCII decimal digits, a whole number of seconds
    since 1970 (no sign, no fraction, no exponent); a malformed value must fail the build.
    """
    raw = environ.get(EPOCH_ENV)
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12 or int(raw) > MAX_EPOCH:
        raise HandoutError(
            f"{EPOCH_ENV}={cut(raw, 40)!s} is not a time: give whole seconds since 1970 up to {MAX_EPOCH} "
            f"(e.g. {EPOCH_ENV}=$(git log -1 --format=%ct)), or unset it"
        )
    return int(raw)


def check_environment(environ=os.environ) -> None:
    """Validate the environment variables a build reads, before any work starts."""
    source_date_epoch(environ)
    time_budget_seconds(environ)


class _BudgetExpired(BaseException):
    """Raised by the alarm; a BaseException so WeasyPrint's ``except Exception`` cannot swallow it."""


def time_budget_seconds(environ=os.environ) -> float:
    """Return the budget from ``HANDOUT_TIME_BUDGET``, else the default."""
    raw = environ.get(TIME_BUDGET_ENV, "").strip()
    if not raw:
        return DEFAULT_TIME_BUDGET
    try:
        seconds = float(raw)
    except ValueError:
        raise HandoutError(f"{TIME_BUDGET_ENV}={cut(raw, 40)!r} is not a number of seconds; "
                           f"set e.g. {TIME_BUDGET_ENV}=300") from None
    if not math.isfinite(seconds) or seconds < 0 or seconds > 10**7:
        raise HandoutError(f"{TIME_BUDGET_ENV} must be a number of seconds from 0 (no limit) to 10000000, "
                           f"got {cut(raw, 40)}")
    return seconds


_active_stages: list[str] = []
"""The stages inside the running budget, innermost last (only the outermost budget sets the alarm)."""
_expired_in: list[str] = []


@contextmanager
def time_budget(source: Path | str | None, seconds: float | None = None, stage: str = "typesetting",
                advice: str = "shorten or split the lecture"):
    """Stop the enclosed work with a :class:`HandoutError` naming ``stage`` once ``seconds`` of wall time pass.

    Uses ``SIGALRM``, so it works in a process's main thread (the CLI and process-pool
    workers); in other threads the work runs unbounded rather than failing. Budgets nest:
    an inner one only names its stage, the outer one's clock keeps running.
    """
    if _active_stages:
        _active_stages.append(stage)
        try:
            yield
        finally:
            _active_stages.pop()
        return
    seconds = time_budget_seconds() if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        _expired_in[:] = [_active_stages[-1] if _active_stages else stage]
        raise _BudgetExpired

    previous = signal.signal(signal.SIGALRM, expire)
    _active_stages.append(stage)
    try:
        # The alarm starts inside the try, so however soon it fires it is caught and reported.
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    except _BudgetExpired:
        where = _expired_in[0] if _expired_in else stage
        raise HandoutError(
            f"{where} took longer than the {seconds:g} s allowed per document and was stopped; "
            f"{advice if where == stage else 'shorten or split the lecture'}, "
            f"or raise the budget with {TIME_BUDGET_ENV}=SECONDS",
            source,
        ) from None
    finally:
        _stop_alarm()
        _active_stages.clear()
        signal.signal(signal.SIGALRM, previous)


def _stop_alarm() -> None:
    """Disarm the timer; an alarm that fires just before it is disarmed has nothing left to stop."""
    try:
        signal.setitimer(signal.ITIMER_REAL, 0)
    except _BudgetExpired:
        pass
