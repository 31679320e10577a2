"""What ``handout build`` shows while a course builds: a rich progress bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import typer


def shown(path: Path) -> str:
    """Show a path relative to the current folder when it is inside it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)


class CourseProgress:
    """Receive :class:`handout.course.runner.Progress` snapshots and display them.

    On a terminal: a bar with jobs done, running and failed, each rebuilt output printed
    above it. Otherwise (a log, CI): one plain line per finished job. ``quiet``: nothing.
    """

    def __init__(self, quiet: bool = False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.fancy = not quiet and self.stream.isatty()
        self._progress = None
        self._task = None
        self.started = time.monotonic()

    def __enter__(self) -> "CourseProgress":
        if self.fancy:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[running]} running, [red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                console=Console(file=self.stream), transient=True,
            )
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, progress) -> None:
        if self.quiet:
            return
        if self._progress is not None:
            if self._task is None:
                self._task = self._progress.add_task("build", total=progress.total, running=0, failed=0)
            self._progress.update(self._task, completed=progress.done, running=progress.running, failed=progress.failed)
        last = progress.last
        if last is None or last.output.parent.name.startswith("."):  # a reader part: an internal file
            return
        if last.error is None:
            self.line(f"rebuilt {shown(last.output)}" + (f" ({last.pages} p.)" if last.pages else ""))
        elif not self.fancy:
            self.line(f"failed  {shown(last.output)}")

    def line(self, text: str) -> None:
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.console.print(text, highlight=False, markup=False)
        else:
            typer.echo(text, err=self.stream is sys.stderr)

    def summary(self, report) -> str:
        elapsed = time.monotonic() - self.started
        def shown_outputs(paths) -> int:
            return sum(not Path(path).parent.name.startswith(".") for path in paths)

        retried = f", {len(report.retried)} retried after a worker died" if report.retried else ""
        return (f"{shown_outputs(report.rebuilt)} rebuilt, {shown_outputs(report.up_to_date)} up to date, "
                f"{len(report.failures)} failed{retried} ({elapsed:.1f} s)")
