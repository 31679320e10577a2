"""Run a course's jobs on any ``concurrent.futures.Executor`` and collect every result.

Three executors share one interface: :class:`SerialExecutor` (in this process),
a spawn-context ``ProcessPoolExecutor`` (WeasyPrint is imported inside each worker,
which stays alive and warm across jobs), and a Dask cluster's executor
(``--scheduler tcp://HOST:PORT``). Results are handled in the calling thread, in
completion order: each output is recorded in the cache right after its job returns.
A job may write several outputs (a lecture's editions); progress counts outputs.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..source.manifest import CourseSettings
from .cache import PARTS_FOLDER, BuildCache
from .plan import INDEX_NAME, CoursePlan, JobFailure, JobResult, plan_course, run_job


class SerialExecutor(Executor):
    """Run each job at once in this process (``--jobs 1``): same interface, no pickling, easy to debug."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # the caller collects it like a pool's failure; Ctrl+C still stops
            future.set_exception(error)
        return future


@dataclass(frozen=True)
class Progress:
    """A snapshot for a progress display (the library never prints)."""

    total: int
    """Outputs to build (a lecture job builds several)."""
    done: int
    failed: int
    running: int
    last: JobResult | None = None
    """The output that just finished (None before any did)."""


@dataclass
class CourseReport:
    plan: CoursePlan
    rebuilt: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failures: list[JobFailure] = field(default_factory=list)
    index_written: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures


def default_jobs() -> int:
    """Return how many processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def open_executor(jobs: int, scheduler: str | None = None) -> Iterator[tuple[Executor, int]]:
    """Yield (executor, number of workers) for ``--jobs`` or ``--scheduler``; shut it down after."""
    if scheduler:
        with _dask_executor(scheduler) as pair:
            yield pair
    elif jobs <= 1:
        yield SerialExecutor(), 1
    else:
        # spawn: a fresh interpreter per worker (fork would copy fontconfig/cairo state, unsafe with threads).
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))
        try:
            yield pool, jobs
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    try:
        from dask.distributed import Client
    except ImportError:
        raise HandoutError("--scheduler needs Dask; install it with `pip install 'handout[dask]'`") from None
    _check_reachable(address)
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise HandoutError(f"cannot reach the Dask scheduler at {address} ({error}); is it running?") from None
    try:
        workers = max(1, sum(worker.get("nthreads", 1) for worker in client.scheduler_info()["workers"].values()))
        yield client.get_executor(pure=False), workers
    finally:
        client.close()


def _check_reachable(address: str) -> None:
    """Fail at once on a refused or unknown scheduler address (Dask itself retries until its timeout)."""
    import socket
    from urllib.parse import urlparse

    parsed = urlparse(address if "://" in address else f"tcp://{address}")
    if parsed.scheme not in ("tcp", "tls") or not parsed.hostname:
        raise HandoutError(f"--scheduler expects tcp://HOST:PORT, got {address!r}")
    try:
        socket.create_connection((parsed.hostname, parsed.port or 8786), timeout=5).close()
    except OSError as error:
        raise HandoutError(f"cannot reach the Dask scheduler at {address} ({error.strerror or error}); is it running?") from None


def run_jobs(executor: Executor, workers: int, jobs: list, on_result: Callable[[JobResult], None],
             on_progress: Callable[[Progress], None] | None = None,
             stop_before_next: Callable[[], bool] = lambda: False) -> int:
    """Submit every job, in order, then hand each output's result (or its future's exception) to ``on_result``.

    ``stop_before_next`` is asked before each job after the first; when it says so, no more
    jobs are submitted (watch mode: a newer save is waiting). Return how many were submitted.
    """
    total, done, failed = sum(len(job.outputs) for job in jobs), 0, 0

    def finish(job, future: Future) -> None:
        nonlocal done, failed
        try:
            results = future.result()
        except (Exception, CancelledError) as error:  # a dead worker or an unpicklable job: report it, keep going
            results = [JobResult(item.output, item.key, error=JobFailure(f"job {item.label} failed: {error!r}"))
                       for item in job.outputs]
        for result in results:
            done += 1
            failed += result.error is not None
            on_result(result)
            if on_progress:
                on_progress(Progress(total, done, failed, min(workers, total - done), result))

    if on_progress:
        on_progress(Progress(total, 0, 0, min(workers, total)))
    pending: dict[Future, object] = {}
    submitted = 0
    for job in jobs:
        if submitted and stop_before_next():
            break
        future = executor.submit(run_job, job)
        submitted += 1
        if future.done() and isinstance(executor, SerialExecutor):
            finish(job, future)  # serial: report each job before the next one starts
        else:
            pending[future] = job
    for future in as_completed(pending):
        finish(pending[future], future)
    return submitted


def build_course(course: CourseSettings, *, jobs: int | None = None, force: bool = False,
                 scheduler: str | None = None, lang: str | None = None, emit_html: bool = False,
                 diagnostics: Diagnostics | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 print_options: dict | None = None, allowed_hosts: tuple[str, ...] = ()) -> CourseReport:
    """Build a whole course.

    Stages, in order:
    1. gather: load every lecture, number them course-wide, compute each output's cache key;
    2. run: one job per lecture with stale editions, and the reader, on processes or a cluster;
    3. record: each finished output in the cache, right after its job returns;
    4. index: write ``OUT/index.html`` if its content changed.
    """
    diagnostics = diagnostics if diagnostics is not None else Diagnostics()
    if scheduler:
        course = absolute_paths(course)  # a cluster's workers do not share our working folder
    cache = BuildCache(course.out_dir)
    if force:  # the reader's kept parts too: --force is how one asks for a build from nothing
        shutil.rmtree(course.out_dir / PARTS_FOLDER, ignore_errors=True)
    plan = plan_course(course, cache, force=force, lang=lang, emit_html=emit_html, diagnostics=diagnostics,
                       print_options=print_options, allowed_hosts=allowed_hosts)
    report = CourseReport(plan, failures=list(plan.load_failures))
    stale = {item.output for item in plan.stale_outputs}
    report.up_to_date = [item.output for item in plan.outputs if item.output not in stale]

    def on_result(result: JobResult) -> None:
        for item in result.diagnostics:
            diagnostics.add(item)
        if result.error is not None:
            report.failures.append(result.error)
            cache.forget(result.output)
        else:
            cache.record(result.output, result.key, result.pages)
            report.rebuilt.append(result.output)

    if plan.stale:
        with open_executor(jobs or default_jobs(), scheduler) as (executor, workers):
            run_jobs(executor, workers, plan.stale, on_result, on_progress)
    if course.index:
        report.index_written = write_index(plan, cache, lang)
    return report


def absolute_paths(course: CourseSettings) -> CourseSettings:
    """Return the course with every path absolute."""
    from dataclasses import replace

    return replace(
        course,
        root=course.root.absolute(),
        manifest=course.manifest.absolute() if course.manifest else None,
        lectures=tuple(path.absolute() for path in course.lectures),
        out_dir=course.out_dir.absolute(),
    )


def write_index(plan: CoursePlan, cache: BuildCache, lang: str | None = None) -> bool:
    """Write the download page from the cache's record of what is built; tell whether it changed."""
    from ..publish.index import PUBLIC_EDITIONS, Download, IndexLecture, render_index, write_if_changed
    from .plan import LectureJob, ReaderJob

    out_dir = plan.course.out_dir

    def download(built) -> Download | None:
        if built is None or not cache.is_fresh(built.output, built.key):
            return None
        entry = cache.entry(built.output)
        return Download(Path(os.path.relpath(built.output, out_dir)).as_posix(), entry.get("pages"), entry["size"])

    by_lecture = {(job.lecture, target.edition): target
                  for job in plan.jobs if isinstance(job, LectureJob) for target in job.targets}
    lectures = []
    for entry in plan.lectures:
        downloads = {
            edition: download(by_lecture.get((entry.path, edition)))
            for edition in PUBLIC_EDITIONS if edition in plan.course.editions
        }
        lectures.append(IndexLecture(entry.number, entry.title, downloads))
    reader = next((download(job) for job in plan.jobs if isinstance(job, ReaderJob)), None)
    html = render_index(plan.course, lectures, reader, plan.theme, lang or plan.course.lang)
    return write_if_changed(out_dir / INDEX_NAME, html.encode("utf-8"))
