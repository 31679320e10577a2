"""A second warm process for the work a save does not wait for: other editions, other lectures, the reader.

A WeasyPrint layout cannot be interrupted, so a save must never wait behind one: the watcher
typesets the saved lecture's student edition in its own process and hands the rest to this
one, which it kills the moment a newer save arrives. The worker returns bytes and the watcher
writes them, so a killed job leaves nothing behind; its cache entry was never recorded, so the
job simply runs again in a later rebuild.

The kill does not wait for the pool to wind down, and the replacement is started only when the
next background job is due, after the saved lecture's student PDF is out: starting a Python
process and importing WeasyPrint costs a core for a second or more, which the saved lecture's
layout must not share. A replacement runs at a low priority (nice 10): when the cores are
oversubscribed it yields to the watcher, the preview and the teacher's editor and browser. Not the
lowest (19), and not the first worker, which builds the whole course at start while nothing waits:
on a busy machine a nice-19 worker gets about 1 % of a core and the rest of the rebuild (the other
editions, the reader) would stall behind the other programs.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from ..course.jobs import run_job
from ..course.lifetime import worker_started
from ..course.plan import JobFailure, JobResult
from ..course.runner import visible_outputs

POLL_SECONDS = 0.05
"""How often a running job is asked to give way to a newer save."""
NICENESS = 10
"""A replacement worker's priority (see above): about a tenth of a normal process's share of a busy core."""


def _warm_up(parent: int, niceness: int) -> None:
    """Die with the watcher, take the given priority; import WeasyPrint and load the fonts."""
    from ..typeset.engine import typesetter

    worker_started(parent)
    lower_priority(niceness)
    typesetter()


def lower_priority(niceness: int) -> None:
    """Run this process at ``niceness`` or lower priority (where the system allows it; else as it is)."""
    try:
        os.nice(max(0, niceness - os.nice(0)))
    except (AttributeError, OSError):  # not POSIX, or not allowed: still correct, only less polite
        pass


class BackgroundBuilder:
    """One warm worker process: run jobs in order, killed and replaced when a newer save comes in."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self._pool: ProcessPoolExecutor | None = None
        self.restarts = 0
        """How many times a newer save killed a running job (for the status line and tests)."""

    def start(self) -> None:
        """Start (and warm) the worker now, so the first rebuild after a save does not wait for it."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm_up,
                                             initargs=(os.getpid(), NICENESS if self.restarts else 0))
            self._pool.submit(time.sleep, 0)  # spawn the process now

    def run(self, jobs: list, on_result: Callable[[JobResult], None], newer_save: Callable[[], bool],
            inputs_for: Callable[[object], tuple | None] = lambda job: ()) -> int:
        """Run ``jobs`` one after another; return how many outputs were left because a newer save came in.

        The worker writes nothing: ``on_result`` receives each output's bytes to check and write.
        ``inputs_for`` gives a job what it needs from the jobs before it (the reader's join: its
        parts), or None to skip it (a part failed, and said so).
        """
        for index, job in enumerate(jobs):
            if newer_save():
                return visible_outputs(jobs[index:])
            inputs = inputs_for(job)
            if inputs is None:
                continue
            self.start()
            future = self._pool.submit(run_job, job, *inputs)
            while True:
                try:
                    results = future.result(timeout=POLL_SECONDS)
                    break
                except FutureTimeout:
                    if newer_save():
                        self.stop()
                        return visible_outputs(jobs[index:])
                except (Exception, CancelledError) as error:  # the worker died: report; the next job starts a new one
                    results = [JobResult(item.output, item.key, error=JobFailure(f"job {item.label} failed: {error!r}"))
                               for item in job.outputs]
                    self.stop()
                    break
            for result in results:
                on_result(result)
        return 0

    def stop(self) -> None:
        """Kill the worker (its job gives way at once); the next job starts a warm one in its place.

        Nothing here waits: the pool's own thread reaps the killed process while the saved
        lecture is typeset.
        """
        self.close(kill=True, wait=False)
        self.restarts += 1
        self._sweep_parts()

    def close(self, kill: bool = False, wait: bool = True) -> None:
        """Stop the worker: at once with ``kill``, else after its current job; ``wait`` for it to end."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=wait, cancel_futures=True)

    def _sweep_parts(self) -> None:
        """Remove the temporary files a killed write left (``.NAME.xxxx.part`` beside its target)."""
        for part in self.out_dir.rglob(".*.part"):
            part.unlink(missing_ok=True)
