"""Job bodies: what runs in a worker process (or on a Dask worker) for each job of a plan.

They are importable module-level functions taking picklable jobs, and they report
failures as data, never as exceptions, so one bad lecture (or one bad edition of a
lecture) cannot stop the others. They write nothing into the output folder: each
returns its output's bytes and their SHA-256, and the client, which holds the build's
lock, checks and writes them (a job re-run by Dask after a worker died, or a worker
orphaned by a killed build, can therefore never overwrite a newer result).
"""

from __future__ import annotations

import hashlib
import os
import time
import traceback
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from .plan import JobFailure, JobResult, LectureJob, ReaderJob, ReaderPartJob, apply_overrides


@contextmanager
def job_environment(variables: dict[str, str]):
    """Build with the client's values of the variables that decide the bytes (``SOURCE_DATE_EPOCH``)."""
    from .plan import BYTES_ENVIRONMENT

    saved = {name: os.environ.get(name) for name in BYTES_ENVIRONMENT}
    for name in BYTES_ENVIRONMENT:
        if name in variables:
            os.environ[name] = variables[name]
        else:
            os.environ.pop(name, None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def worker_enrichment(out_dir: Path | None):
    """The enrichment cache as a job sees it (None: prepare the lecture anew).

    It reads ``OUT/.handout-enriched/``; a lecture it prepares is handed back in the result
    (:attr:`JobResult.enriched`) for the client to store, so a job writes nothing there either.
    The reader part of a lecture, run after its lecture job, then reads what that job prepared.
    """
    if out_dir is None:
        return None
    from ..enrichment_cache import EnrichmentCache, entry_bytes

    class WorkerEnrichment(EnrichmentCache):
        def __init__(self) -> None:
            super().__init__(out_dir)
            self.made: dict[str, bytes] = {}

        def _store(self, entry, key, lecture, reports) -> None:
            data = entry_bytes(key, lecture, reports)
            if data is not None:
                self.made[entry.name] = data

    return WorkerEnrichment()


def count_pages(data: bytes) -> int:
    """Count a PDF's pages."""
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def built(output: Path, key: str, data: bytes, pages: int, diagnostics: Diagnostics, **more) -> JobResult:
    return JobResult(output, key, pages, tuple(diagnostics.items), data=data,
                     digest=hashlib.sha256(data).hexdigest(), **more)


def run_lecture_job(job: LectureJob) -> list[JobResult]:
    """Load, enrich and convert the lecture once, then typeset each edition; one result per edition.

    A failure before the editions (the lecture does not load, an image is missing) fails every
    output; a failure in one edition (its template) spares the others.
    """
    from ..pipeline import convert_lecture, prepare_lecture

    shared = Diagnostics()
    enrichment = worker_enrichment(job.enrichment)
    try:
        lecture = apply_overrides(prepare_lecture(job.lecture, shared, enrichment), job.overrides)
        converted = convert_lecture(lecture, job.settings, shared)
    except Exception as error:  # a bug must not hide the other lectures' results
        failure = lecture_failure(error, job.lecture)
        return [JobResult(target.output, target.key, None, tuple(shared.items), failure) for target in job.targets]
    results = typeset_editions(job, converted, shared)
    if results and enrichment is not None and enrichment.made:
        results[0] = replace(results[0], enriched=enrichment.made)
    return results


def typeset_editions(job: LectureJob, converted, shared: Diagnostics) -> list[JobResult]:
    """Typeset each target edition of a converted lecture; one edition's failure spares the others."""
    from ..pipeline import typeset_edition

    results = []
    for target in job.targets:
        diagnostics = Diagnostics()
        diagnostics.extend(shared)  # each output reports its lecture's warnings, as when it was built alone
        try:
            _path, pdf, html = typeset_edition(converted, job.theme, target.edition, diagnostics)
            side = {".html": html.encode("utf-8")} if job.settings.emit_html else {}
            results.append(built(target.output, target.key, pdf, count_pages(pdf), diagnostics, side_files=side))
        except Exception as error:
            results.append(JobResult(target.output, target.key, None, tuple(diagnostics.items),
                                     lecture_failure(error, job.lecture)))
    return results


def lecture_failure(error: Exception, lecture: Path) -> JobFailure:
    """Report an error of a lecture job: where the error says, else the lecture; a bug with its traceback."""
    if isinstance(error, HandoutError):
        return JobFailure(error.message, str(error.path) if error.path else str(lecture), error.line)
    trace = "".join(traceback.format_exception(error))
    return JobFailure(f"internal error: {error!r}\n{trace}", str(lecture))


def run_reader_part_job(job: ReaderPartJob) -> JobResult:
    """Typeset one lecture's part of the reader."""
    from .reader import typeset_reader_part

    diagnostics = Diagnostics()
    enrichment = worker_enrichment(job.enrichment)
    try:
        pdf, pages, extra = typeset_reader_part(job.course, job.lecture, job.overrides, job.position, job.theme,
                                                diagnostics, job.lang, enrichment)
        return built(job.output, job.key, pdf, pages, diagnostics, extra=extra,
                     enriched=enrichment.made if enrichment is not None else {})
    except Exception as error:
        failure = lecture_failure(error, job.lecture)
        return JobResult(job.output, job.key, None, tuple(diagnostics.items),
                         JobFailure(f"course reader: {failure.message}", failure.path, failure.line))


def run_reader_job(job: ReaderJob, parts: list[tuple[bytes, int, dict]]) -> JobResult:
    """Join the parts (``(PDF, pages, extra)`` in course order) into the course reader."""
    from .reader import join_reader

    diagnostics = Diagnostics()
    try:
        pdf, pages = join_reader(job.course, job.theme, parts, diagnostics, job.lang)
        return built(job.output, job.key, pdf, pages, diagnostics)
    except HandoutError as error:
        failure = JobFailure(f"course reader: {error.message}", str(error.path) if error.path else None, error.line)
    except Exception as error:
        failure = JobFailure(f"course reader: internal error: {error!r}\n{traceback.format_exc()}")
    return JobResult(job.output, job.key, None, tuple(diagnostics.items), failure)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the join's helper process)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_job(job, *inputs) -> list[JobResult]:
    """Run any kind of job (the one function the executors receive); one result per output, in order."""
    started, wall, cpu = time.perf_counter(), time.time(), cpu_seconds()
    with job_environment(job.environment):
        if isinstance(job, ReaderJob):
            results = [run_reader_job(job, *inputs)]
        elif isinstance(job, ReaderPartJob):
            results = [run_reader_part_job(job)]
        else:
            results = run_lecture_job(job)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    return [replace(result, seconds=seconds, started=wall, cpu=cpu, worker=os.getpid()) for result in results]
