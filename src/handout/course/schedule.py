"""Send a plan's jobs to the workers as they free up, the reader's join as soon as its parts are in.

The client keeps exactly one job per worker in flight and picks the next one when a result
arrives (before it writes that result, so the worker does not wait for the disk). Jobs go in
the plan's order, except the reader's join, which goes first the moment its last part is
recorded: it then runs beside the remaining lecture jobs instead of alone at the end, where
one worker would idle. A job whose worker died is sent once more (to a fresh pool if the
pool broke); a second loss fails its outputs with a message saying so.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, CancelledError, Executor, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import BuildCache
from .jobs import run_job
from .plan import JobFailure, JobResult, ReaderJob, ReaderPartJob
from .trace import JobSpan

EDITION_COST = {"teacher": 3.0, "student": 2.3, "worksheet": 0.9}
"""Rough seconds to typeset one edition of lecture 10 (a reader part: :data:`PART_COST`); only their order matters."""
PART_COST = 1.7

LOST_TWICE = ("{label}: its worker died twice (killed, or out of memory?); the output was not built. "
              "Build again; if it recurs, build this lecture alone with --jobs 1 to see why")


class SerialExecutor(Executor):
    """Run each job at once in this process (``--jobs 1``): same interface, no pickling, easy to debug."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # the caller collects it like a pool's failure; Ctrl+C still stops
            future.set_exception(error)
        return future


@dataclass
class RunOutcome:
    """What running a plan's jobs did (the summary's numbers come from here)."""

    rebuilt: list[Path] = field(default_factory=list)
    failures: list[JobFailure] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    """Labels of the outputs whose job was sent again after its worker died."""
    submitted: int = 0
    job_seconds: list[tuple[str, str, float]] = field(default_factory=list)
    """(kind, output's label, seconds) of each job that ran: ``lecture``, ``reader-part`` or ``reader-join``."""
    spans: list[JobSpan] = field(default_factory=list)
    """When and where each job ran, for the build's trace."""


def job_kind(job) -> str:
    return "reader-join" if isinstance(job, ReaderJob) else "reader-part" if isinstance(job, ReaderPartJob) else "lecture"


def parallel_order(jobs: list) -> list:
    """Order jobs for several workers: each edition its own job, the longest first, the reader's parts before the worksheets.

    Small jobs at the end let the workers finish together (a whole lecture at the end
    would leave one worker idle for most of its length), and the join, released when the
    last part is in, runs beside the short worksheet jobs instead of alone after them.
    Splitting costs little: the lecture is prepared once (its first job stores it in
    ``OUT/.handout-enriched/`` and the others read it back) and converted to HTML in a few
    hundredths of a second. Serial builds keep the plan's whole-lecture jobs.
    """
    from .plan import LectureJob, only_editions

    pieces = []
    for job in jobs:
        if isinstance(job, LectureJob) and len(job.targets) > 1:
            pieces += [only_editions(job, [target]) for target in job.targets]
        else:
            pieces.append(job)
    return sorted(pieces, key=lambda job: -estimated_cost(job))  # stable: ties keep the course's order


def estimated_cost(job) -> float:
    from .plan import LectureJob

    if isinstance(job, LectureJob):
        return sum(EDITION_COST.get(target.edition, EDITION_COST["student"]) for target in job.targets)
    return PART_COST if isinstance(job, ReaderPartJob) else 0.0


class Scheduler:
    """One run of jobs: the queue, the joins waiting for their parts, the jobs in flight."""

    def __init__(self, workers, jobs: list, cache: BuildCache, finish: Callable[[list[JobResult]], None],
                 outcome: RunOutcome, stop_before_next: Callable[[], bool]):
        self.workers, self.cache, self.finish, self.outcome = workers, cache, finish, outcome
        self.stop_before_next = stop_before_next
        self.queue: deque = deque((job, ()) for job in jobs if not isinstance(job, ReaderJob))
        self.joins = [job for job in jobs if isinstance(job, ReaderJob)]
        self.waiting_parts = {id(join): {part.output for part in join.parts} & self._outputs(jobs) for join in self.joins}
        self.attempts: dict[int, int] = {}
        self.in_flight: dict[Future, tuple] = {}
        self.generation = 0
        """Bumped when the pool is replaced: a broken pool's other futures fail too, and must not replace it again."""
        self.stopped = False

    @staticmethod
    def _outputs(jobs: list) -> set[Path]:
        return {item.output for job in jobs if not isinstance(job, ReaderJob) for item in job.outputs}

    def run(self) -> bool:
        """Run everything; tell whether ``stop_before_next`` stopped it early."""
        self._release_joins(set())
        self._fill()
        while self.in_flight:
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                pair, generation = self.in_flight.pop(future)
                results = self._results(future, pair, generation)
                if results and results[0].enriched:  # before the lecture's next job is sent: it reads this
                    keep_enriched(results[0].enriched, self.cache.out_dir)
                    results[0] = replace(results[0], enriched={})
                if not isinstance(self.workers.executor, SerialExecutor):
                    self._fill()  # keep the workers busy while this process writes the result
                if results is not None:
                    self._record(pair[0], results)
                    self._release_joins({item.output for item in pair[0].outputs})
                    self._fill()
        return self.stopped

    def _fill(self) -> None:
        while self.queue and len(self.in_flight) < max(1, self.workers.count) and not self.stopped:
            job, inputs = self.queue[0]
            first_attempt = self.attempts.get(id(job), 0) == 0
            if first_attempt and self.outcome.submitted and self.stop_before_next():
                self.stopped = True
                return
            self.queue.popleft()
            self.attempts[id(job)] = self.attempts.get(id(job), 0) + 1
            try:
                future = self.workers.executor.submit(run_job, job, *inputs)
            except BrokenExecutor:  # the pool broke before this job: a fresh one takes it
                self._renew(self.generation)
                future = self.workers.executor.submit(run_job, job, *inputs)
            self.outcome.submitted += first_attempt
            self.in_flight[future] = ((job, inputs), self.generation)
            if isinstance(self.workers.executor, SerialExecutor):
                return  # serial: report each job before the next is run

    def _results(self, future: Future, pair: tuple, generation: int) -> list[JobResult] | None:
        """The job's results, or None when its worker died (it is then queued once more, or failed)."""
        try:
            return future.result()
        except (Exception, CancelledError):  # job bodies report their own errors as data: this is a lost worker
            pass
        job = pair[0]
        self._renew(generation)
        if self.attempts[id(job)] >= 2:
            self.finish([JobResult(item.output, item.key, error=JobFailure(LOST_TWICE.format(label=item.label)))
                         for item in job.outputs])
            self._release_joins({item.output for item in job.outputs})
        else:
            self.outcome.retried += [item.label for item in job.outputs]
            self.queue.appendleft(pair)
        return None

    def _renew(self, generation: int) -> None:
        if generation == self.generation:
            self.workers.renew()
            self.generation += 1

    def _record(self, job, results: list[JobResult]) -> None:
        if results:
            first = results[0]
            self.outcome.job_seconds.append((job_kind(job), job.outputs[0].label, first.seconds))
            self.outcome.spans.append(JobSpan(job_kind(job), job.outputs[0].label, first.worker, first.started,
                                              first.started + first.seconds, first.cpu))
        self.finish(results)

    def _release_joins(self, finished: set[Path]) -> None:
        """Queue, first, each join whose last part has just finished (skip it if a part failed)."""
        for join in list(self.joins):
            waiting = self.waiting_parts[id(join)]
            waiting -= finished
            if waiting or self.stopped:
                continue
            self.joins.remove(join)
            parts = built_parts(join, self.cache)
            if parts is None:  # a part failed, and its failure (``course reader: ...``) is the reader's
                self.cache.forget(join.output)
            else:
                self.queue.appendleft((join, (parts,)))


def keep_enriched(entries: dict[str, bytes], out_dir: Path) -> None:
    """Store the prepared lectures a job made in ``OUT/.handout-enriched/`` (a folder we cannot write: skip it)."""
    from ..enrichment_cache import FOLDER_NAME
    from ..errors import HandoutError
    from ..publish.files import write_atomic

    for name, data in entries.items():
        if name == Path(name).name and name.endswith(".json"):  # a file name, nothing that climbs out
            try:
                write_atomic(out_dir / FOLDER_NAME / name, data)
            except HandoutError:
                pass


def built_parts(join: ReaderJob, cache: BuildCache) -> list[tuple[bytes, int, dict]] | None:
    """Read the reader's parts back, each checked against its recorded hash; None if one is missing."""
    parts = []
    for part in join.parts:
        entry = cache.entry(part.output)
        if entry is None or not cache.is_fresh(part.output, part.key) or "anchors" not in entry.get("extra", {}):
            return None
        parts.append((part.output.read_bytes(), entry["pages"], entry["extra"]))
    return parts
