"""Run a course's jobs on any ``concurrent.futures.Executor`` and collect every result.

Three executors share one interface: :class:`SerialExecutor` (in this process),
a spawn-context ``ProcessPoolExecutor`` (WeasyPrint is imported inside each worker,
which stays alive and warm across jobs), and a Dask cluster's executor
(``--scheduler tcp://HOST:PORT``). Results are handled in the calling thread, in
completion order: each job returns its outputs' bytes, which this process (the holder of
the output folder's lock) checks against their hash, writes and records in the cache. A
job whose worker died is sent once more. A job may have several outputs (a lecture's
editions); progress counts outputs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..publish.files import write_atomic
from ..source.manifest import CourseSettings
from .cache import PARTS_FOLDER, BuildCache, file_digest
from .lifetime import worker_started
from .plan import INDEX_NAME, CoursePlan, JobFailure, JobResult, ReaderJob, ReaderPartJob, plan_course
from .schedule import (RunOutcome, Scheduler, SerialExecutor, built_parts,  # noqa: F401 (watch imports them from here)
                       keep_enriched, parallel_order)
from .trace import Trace

DEFAULT_CONNECT_TIMEOUT = 30.0
"""Seconds to connect to a Dask scheduler, and again to wait for its first worker (``--connect-timeout``)."""


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
    retried: list[str] = field(default_factory=list)
    """Outputs whose job was sent again after its worker died (they are in ``rebuilt`` or ``failures`` too)."""
    index_written: bool = False
    job_seconds: list[tuple[str, str, float]] = field(default_factory=list)
    """What each job cost (see :class:`RunOutcome`): the bench's critical path is read from it."""
    trace: Trace = field(default_factory=Trace)
    """When each job ran where, and the main process's phases (:mod:`.trace`)."""

    @property
    def ok(self) -> bool:
        return not self.failures


def default_jobs() -> int:
    """Return how many processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """The executor jobs go to, and a way to replace it when it breaks (a pool whose worker died)."""

    def __init__(self, jobs: int, scheduler: str | None = None, connect_timeout: float = DEFAULT_CONNECT_TIMEOUT):
        self.jobs, self.scheduler, self.connect_timeout = jobs, scheduler, connect_timeout
        self._stack = ExitStack()
        self.executor, self.count = self._open()

    def _open(self) -> tuple[Executor, int]:
        if self.scheduler:
            return self._stack.enter_context(_dask_executor(self.scheduler, self.connect_timeout))
        if self.jobs <= 1:
            return SerialExecutor(), 1
        # spawn: a fresh interpreter per worker (fork would copy fontconfig/cairo state, unsafe with threads).
        pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=worker_started, initargs=(os.getpid(),))
        self._stack.callback(pool.shutdown, wait=True, cancel_futures=True)
        return pool, self.jobs

    def renew(self) -> None:
        """Replace a broken process pool with a fresh one (a Dask client and the serial executor stay)."""
        if isinstance(self.executor, ProcessPoolExecutor):
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor, self.count = self._open()

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()


@contextmanager
def open_executor(jobs: int, scheduler: str | None = None,
                  connect_timeout: float = DEFAULT_CONNECT_TIMEOUT) -> Iterator[tuple[Executor, int]]:
    """Yield (executor, number of workers) for ``--jobs`` or ``--scheduler``; shut it down after."""
    with Workers(jobs, scheduler, connect_timeout) as workers:
        yield workers.executor, workers.count


@contextmanager
def _dask_executor(address: str, timeout: float) -> Iterator[tuple[Executor, int]]:
    """Connect to a Dask scheduler and wait for a worker, each within ``timeout`` seconds; one-line errors."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise HandoutError("--scheduler needs Dask; install it with `pip install 'handout[dask]'`") from None
    check_scheduler_address(address, timeout)
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except Exception as error:  # TLS to a plain scheduler, another server on the port, a timeout, ...
        raise HandoutError(f"cannot connect to the Dask scheduler at {address} within {timeout:g} s "
                           f"({type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else 'no answer'}); "
                           "check that it is a Dask scheduler and the address's scheme (tcp:// or tls://)") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except Exception:
            raise HandoutError(f"the Dask scheduler at {address} has no workers (waited {timeout:g} s); start one with "
                               f"`dask worker {address} --nthreads 1`, or give more time with --connect-timeout") from None
        workers = max(1, sum(worker.get("nthreads", 1) for worker in client.scheduler_info()["workers"].values()))
        yield client.get_executor(pure=False), workers
    finally:
        client.close()


def check_scheduler_address(address: str, timeout: float = DEFAULT_CONNECT_TIMEOUT) -> None:
    """Refuse a malformed scheduler address, and fail at once on a refused or unknown host (Dask would retry)."""
    import socket
    from urllib.parse import urlparse

    parsed = urlparse(address)
    try:
        port = parsed.port
    except ValueError:
        port = -1
    if (parsed.scheme not in ("tcp", "tls") or not parsed.hostname or parsed.path not in ("", "/") or parsed.query
            or parsed.fragment or parsed.username or port is None or port < 1):
        raise HandoutError(f"--scheduler expects tcp://HOST:PORT (or tls://HOST:PORT), got {address!r}")
    try:
        socket.create_connection((parsed.hostname, port), timeout=min(5.0, timeout)).close()
    except OSError as error:
        raise HandoutError(f"cannot reach the Dask scheduler at {address} ({error.strerror or error}); "
                           "is it running? start it with `dask scheduler`") from None


def accept_result(result: JobResult, cache: BuildCache) -> JobResult:
    """Check a job's bytes against the hash the worker sent, write them atomically, then record them.

    Only this process (it holds the output folder's lock) writes there; an output counts as
    built only once it is on disk with the right hash and in the cache.
    """
    keep_enriched(result.enriched, cache.out_dir)
    if result.error is None and (result.data is None or hashlib.sha256(result.data).hexdigest() != result.digest):
        result = replace(result, error=JobFailure(f"{result.output.name}: the worker's result arrived damaged "
                                                  "(its hash does not match); build again"))
    if result.error is not None:
        cache.forget(result.output)
        return replace(result, data=None)
    failed = write_checked(result, cache)
    if failed is not None:
        return failed
    cache.record(result.output, result.key, result.pages, result.digest, result.extra)
    return replace(result, data=None)


def write_checked(result: JobResult, cache: BuildCache, on_written: Callable[[], None] = lambda: None) -> JobResult | None:
    """Write a result's files atomically and check the output's hash on disk: the failed result, or None if it holds.

    ``on_written`` runs between the write and the check (the watcher shows the PDF there).
    """
    try:
        for suffix, data in result.side_files.items():
            write_atomic(result.output.with_suffix(suffix), data)
        write_atomic(result.output, result.data)
    except HandoutError as error:
        cache.forget(result.output)
        return replace(result, data=None, error=JobFailure(error.message, str(error.path or result.output)))
    on_written()
    if file_digest(result.output) != result.digest:
        cache.forget(result.output)
        return replace(result, data=None, error=JobFailure(f"{result.output}: the written file does not match "
                                                           "its hash (a full disk?); build again"))
    return None


def run_jobs(workers: "Workers | Executor", count: int | None, jobs: list, cache: BuildCache,
             on_result: Callable[[JobResult], None] = lambda result: None,
             on_progress: Callable[[Progress], None] | None = None,
             stop_before_next: Callable[[], bool] = lambda: False, trace: Trace | None = None) -> RunOutcome:
    """Run the jobs, the reader's join once its parts are built; write, check and record every result.

    A job whose worker died (the pool broke, Dask lost it) is sent once more, to a fresh
    pool; a second loss fails its outputs with a message saying so. ``stop_before_next`` is
    asked before each job after the first; when it says so, no more jobs are submitted
    (watch mode: a newer save is waiting).
    """
    if isinstance(workers, Executor):
        workers = _FixedWorkers(workers, count or 1)
    outcome = RunOutcome()
    total, state = sum(len(job.outputs) for job in jobs), {"done": 0, "failed": 0}

    def finish(results: list[JobResult]) -> None:
        for result in results:
            with trace.phase("write results") if trace else nullcontext():
                result = accept_result(result, cache)
            state["done"] += 1
            if result.error is None:
                outcome.rebuilt.append(result.output)
            else:
                state["failed"] += 1
                outcome.failures.append(result.error)
            on_result(result)
            if on_progress:
                on_progress(Progress(total, state["done"], state["failed"],
                                     min(workers.count, total - state["done"]), result))

    if on_progress:
        on_progress(Progress(total, 0, 0, min(workers.count, total)))
    Scheduler(workers, jobs, cache, finish, outcome, stop_before_next).run()
    return outcome


class _FixedWorkers:
    """An executor given from outside (watch's serial one): it is never replaced."""

    def __init__(self, executor: Executor, count: int):
        self.executor, self.count = executor, count

    def renew(self) -> None:
        pass


def build_course(course: CourseSettings, *, jobs: int | None = None, force: bool = False,
                 scheduler: str | None = None, lang: str | None = None, emit_html: bool = False,
                 diagnostics: Diagnostics | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 print_options: dict | None = None, allowed_hosts: tuple[str, ...] = (),
                 connect_timeout: float = DEFAULT_CONNECT_TIMEOUT) -> CourseReport:
    """Build a whole course.

    Stages, in order:
    1. gather: load every lecture, number them course-wide, compute each output's cache key;
    2. run: one job per lecture with stale editions and one per stale reader part, on processes
       or a cluster; then the reader's join;
    3. record: each result checked, written and recorded in the cache as it arrives;
    4. index: write ``OUT/index.html`` (and its thumbnails and bundles) if its content changed;
    5. sweep: delete reader parts no job of this plan names.
    """
    trace = Trace()
    diagnostics = diagnostics if diagnostics is not None else Diagnostics()
    if scheduler:
        course = absolute_paths(course)  # a cluster's workers do not share our working folder
    with trace.phase("plan"):
        cache = BuildCache(course.out_dir)
        if force:  # the reader's kept parts and prepared lectures too: --force asks for a build from nothing
            shutil.rmtree(course.out_dir / PARTS_FOLDER, ignore_errors=True)
            from ..enrichment_cache import FOLDER_NAME as ENRICHED_FOLDER

            shutil.rmtree(course.out_dir / ENRICHED_FOLDER, ignore_errors=True)
        plan = plan_course(course, cache, force=force, lang=lang, emit_html=emit_html, diagnostics=diagnostics,
                           print_options=print_options, allowed_hosts=allowed_hosts)
    report = CourseReport(plan, failures=list(plan.load_failures), trace=trace)
    stale = {item.output for item in plan.stale_outputs}
    report.up_to_date = [item.output for item in plan.outputs if item.output not in stale and not _internal(item.output)]

    material = IndexMaterial(plan, cache, trace)
    stale_outputs = {item.output for item in plan.stale_outputs}
    waiting = {entry.path: material.public_outputs(entry) & stale_outputs for entry in plan.lectures} if course.index else {}
    lecture_of = {output: path for path, outputs in waiting.items() for output in outputs}

    def on_result(result: JobResult) -> None:
        for item in result.diagnostics:
            diagnostics.add(item)
        lecture = lecture_of.get(result.output)
        if lecture is not None:
            waiting[lecture].discard(result.output)
            if not waiting[lecture]:  # its thumbnail and ZIP now, while the workers typeset the rest
                material.lecture(next(entry for entry in plan.lectures if entry.path == lecture))

    if plan.stale:
        with trace.phase("run (workers started to stopped)"), \
                Workers(jobs or default_jobs(), scheduler, connect_timeout) as workers:
            trace.workers = workers.count
            order = parallel_order(plan.stale) if workers.count > 1 else plan.stale
            outcome = run_jobs(workers, None, order, cache, on_result, on_progress, trace=trace)
        report.rebuilt, report.retried = [path for path in outcome.rebuilt if not _internal(path)], outcome.retried
        report.job_seconds, trace.jobs = outcome.job_seconds, outcome.spans
        report.failures += outcome.failures
    if course.index:
        with trace.phase("index"):
            report.index_written = write_index(plan, cache, lang, trace)
    with trace.phase("settle and sweep"):
        cache.settle()
        sweep_parts(plan, cache)
    trace.end = time.time()
    trace.write_if_asked()
    return report


def visible_outputs(jobs: list) -> int:
    """Count the outputs of ``jobs`` a teacher sees (the reader once, not its parts)."""
    return sum(not _internal(item.output) for job in jobs for item in job.outputs)


def _internal(path: Path) -> bool:
    """Tell whether an output is one of the reader's parts (kept for the next build, never a deliverable)."""
    return path.parent.name == PARTS_FOLDER


def sweep_parts(plan: CoursePlan, cache: BuildCache) -> None:
    """Delete reader parts (files and cache entries) of older versions of the lectures."""
    wanted = {job.output.name for job in plan.jobs if isinstance(job, ReaderPartJob)}
    folder = plan.course.out_dir / PARTS_FOLDER
    for path in folder.glob("*") if folder.is_dir() else ():
        if path.name not in wanted:
            path.unlink(missing_ok=True)
            cache.entries.pop(cache._name(path), None)
    cache.save_if_changed()


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


THUMBNAILS = "thumbnails"
BUNDLES = "bundles"
COURSE_BUNDLE = "course.zip"


def write_index(plan: CoursePlan, cache: BuildCache, lang: str | None = None, trace: Trace | None = None) -> bool:
    """Write the download page, its thumbnails and ZIP bundles from the cache's record; tell whether the page changed."""
    from ..publish.index import IndexLecture, render_index, write_if_changed
    from .cache import make_key, theme_fingerprint, tool_fingerprint

    out_dir = plan.course.out_dir
    trace = trace or Trace()
    material = IndexMaterial(plan, cache, trace)
    lectures, everything = [], []
    for entry in plan.lectures:
        downloads, files, thumbnail, bundle = material.lecture(entry)
        everything += files
        lectures.append(IndexLecture(entry.number, entry.title, downloads, entry.block, thumbnail, bundle))
    reader = next((material.download(job.output, job.key) for job in plan.jobs if isinstance(job, ReaderJob)), None)
    with trace.phase("bundles"):
        course_bundle = _bundle(out_dir, cache, f"{BUNDLES}/{COURSE_BUNDLE}", everything) if everything else None
    page = out_dir / INDEX_NAME
    lang = lang or plan.course.lang
    settings = {name: value for name, value in vars(plan.course).items()  # not where it is: a moved course is the same
                if name not in ("root", "manifest", "lectures", "out_dir")}
    key = make_key("index", tool_fingerprint(), theme_fingerprint(plan.theme), lang, settings, lectures, reader,
                   course_bundle)
    if cache.is_fresh(page, key):  # the same downloads, titles and theme: the same page
        return False
    with trace.phase("index page"):
        html = render_index(plan.course, lectures, reader, plan.theme, lang, course_bundle)
        written = write_if_changed(page, html.encode("utf-8"))
    cache.record(page, key)
    return written


class IndexMaterial:
    """What the download page shows of each lecture: its downloads, its thumbnail and its ZIP (made when stale).

    The course builder asks for a lecture's as soon as its last public edition is written,
    while the workers typeset the rest, so little is left for after the last job.
    """

    def __init__(self, plan: CoursePlan, cache: BuildCache, trace: Trace):
        from ..publish.index import PUBLIC_EDITIONS
        from .plan import LectureJob

        self.plan, self.cache, self.trace = plan, cache, trace
        self.editions = [edition for edition in PUBLIC_EDITIONS if edition in plan.course.editions]
        self.targets = {(job.lecture, target.edition): target
                        for job in plan.jobs if isinstance(job, LectureJob) for target in job.targets}

    def public_outputs(self, entry) -> set[Path]:
        return {target.output for edition in self.editions if (target := self.targets.get((entry.path, edition)))}

    def download(self, output: Path, key: str):
        from ..publish.index import Download

        if not self.cache.is_fresh(output, key):
            return None
        entry = self.cache.entry(output)
        return Download(Path(os.path.relpath(output, self.plan.course.out_dir)).as_posix(), entry.get("pages"),
                        entry["size"], _date_of(entry["mtime_ns"]))

    def lecture(self, entry) -> tuple[dict, list, str | None, object]:
        """Return (downloads by edition, [(file, href)], thumbnail, bundle) of one lecture, writing what is stale."""
        out_dir = self.plan.course.out_dir
        targets = {edition: self.targets.get((entry.path, edition)) for edition in self.editions}
        downloads = {edition: target and self.download(target.output, target.key) for edition, target in targets.items()}
        files = [(targets[edition].output, downloads[edition].href) for edition in self.editions if downloads[edition]]
        with self.trace.phase("thumbnails"):
            thumbnail = (_thumbnail(out_dir, self.cache, files[0][0])
                         if files and files[0][1].startswith("student/") else None)
        with self.trace.phase("bundles"):
            bundle = _bundle(out_dir, self.cache, f"{BUNDLES}/{entry.path.stem}.zip", files) if files else None
        return downloads, files, thumbnail, bundle


def _date_of(mtime_ns: int) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(mtime_ns / 1e9, timezone.utc).date().isoformat()


def _thumbnail(out_dir: Path, cache: BuildCache, pdf: Path) -> str:
    """Render the first page of a student PDF beside the page, unless the recorded PNG was made from the same PDF."""
    from ..publish.index import write_if_changed
    from ..publish.site import THUMBNAIL_WIDTH, thumbnail_png
    from .cache import make_key, tool_fingerprint

    name = f"{THUMBNAILS}/{pdf.stem}.png"
    key = make_key("thumbnail", tool_fingerprint(), THUMBNAIL_WIDTH, cache.entry(pdf)["sha256"])
    if not cache.is_fresh(out_dir / name, key):
        write_if_changed(out_dir / name, thumbnail_png(pdf))
        cache.record(out_dir / name, key)
    return name


def _bundle(out_dir: Path, cache: BuildCache, name: str, files: list[tuple[Path, str]]):
    """Write a reproducible ZIP of ``(file, name in it)`` unless the recorded one holds the same files."""
    from ..publish.index import Download
    from ..publish.site import bundle_bytes
    from .cache import make_key

    output = out_dir / name
    key = make_key("bundle", sorted((href, cache.entry(path)["sha256"]) for path, href in files))
    if not cache.is_fresh(output, key):
        write_atomic(output, bundle_bytes([(href, path) for path, href in files]))
        cache.record(output, key)
    entry = cache.entry(output)
    return Download(name, None, entry["size"], _date_of(entry["mtime_ns"]))


def public_files(plan: CoursePlan, cache: BuildCache) -> list[tuple[str, Path]]:
    """List what students may see, as ``(name in the site, file)``: every file the download page links and shows."""
    from ..publish.index import PUBLIC_EDITIONS

    out_dir = plan.course.out_dir
    names = [INDEX_NAME]
    for name, entry in sorted(cache.entries.items()):
        top = name.split("/", 1)[0]
        if (top in PUBLIC_EDITIONS or top == BUNDLES or name == "reader.pdf") and name.endswith((".pdf", ".zip")):
            if top in plan.course.editions or top == BUNDLES or name == "reader.pdf":
                names.append(name)
    names += sorted(path.relative_to(out_dir).as_posix() for path in (out_dir / THUMBNAILS).glob("*.png"))
    linked = _linked_names(out_dir / INDEX_NAME)
    return [(name, out_dir / name) for name in names if (out_dir / name).is_file() and (name == INDEX_NAME or name in linked)]


def _linked_names(page: Path) -> set[str]:
    import re
    from html import unescape

    text = page.read_text(encoding="utf-8") if page.is_file() else ""
    return {unescape(match) for match in re.findall(r'(?:href|src)="([^"#:]+)"', text)}
