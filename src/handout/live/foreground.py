"""The saved lecture's student edition, built in the watcher's own warm process: the output a teacher waits for.

It goes the course's way (its job, its cache key, its checks), with two differences from a
worker's job (:func:`handout.course.jobs.run_lecture_job`): the PDF is written, and so shown,
the moment it is typeset, and only then are its pages counted for the cache's record, with
PDFium, which reads the page count alone (pypdf parsed the whole tagged PDF: 0.15–0.25 s of CPU
for lecture 10's student edition, against about 2 ms); and each phase is marked for the timing log.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics

TIMINGS_VARIABLE = "HANDOUT_WATCH_TIMINGS"
"""Environment variable naming a file: each rebuild after a save appends its phases there (JSON lines)."""


@dataclass
class Phases:
    """Wall-clock marks of one rebuild after a save, from the save itself (the file's mtime) on."""

    saved: float | None = None
    """When the newest changed lecture was written (``time.time()`` clock, like a file's mtime)."""
    marks: list[tuple[str, float]] = field(default_factory=list)

    def mark(self, name: str, at: float | None = None) -> None:
        self.marks.append((name, time.time() if at is None else at))

    def since_save(self) -> dict[str, float]:
        """Each phase's end, in seconds after the save (after the first mark when no save time is known)."""
        start = self.saved if self.saved is not None else (self.marks[0][1] if self.marks else 0.0)
        return {name: round(at - start, 4) for name, at in self.marks}

    @classmethod
    def after(cls, changed: list[Path], seen: float | None) -> "Phases":
        """Start the marks of a rebuild for these changed files, seen by the file watcher at ``seen``."""
        times = []
        for path in changed:
            try:
                times.append(path.stat().st_mtime_ns / 1e9)
            except OSError:
                pass
        phases = cls(saved=max(times) if times else None)
        if seen is not None:
            phases.mark("seen", seen)
        return phases


def append_timings(log: Path, lectures: list[str], phases: Phases) -> None:
    """Append one rebuild's phases to the timing log; a log that cannot be written is skipped."""
    line = json.dumps({"lectures": lectures, "phases": phases.since_save()}, ensure_ascii=False)
    try:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(line + "\n")
    except OSError:
        pass


def build_saved(job, cache, phases: Phases, shown: Callable[[Path], None]) -> list:
    """Typeset a saved lecture's job here and publish each output at once; return the job's results.

    ``shown`` is called with each output's path as soon as it is in place (the preview follows it).
    Failures are reported as results, like a worker's, so one bad lecture fails alone.
    """
    from ..course.jobs import job_environment, lecture_failure, worker_enrichment
    from ..course.plan import JobResult, apply_overrides
    from ..course.runner import accept_result
    from ..course.schedule import keep_enriched
    from ..pipeline import convert_lecture, prepare_lecture, typeset_edition

    with job_environment(job.environment):
        shared = Diagnostics()
        enrichment = worker_enrichment(job.enrichment)  # read, and kept below for the background's jobs
        try:
            lecture = apply_overrides(prepare_lecture(job.lecture, shared, enrichment), job.overrides)
            phases.mark("loaded and enriched")
            converted = convert_lecture(lecture, job.settings, shared)
            phases.mark("converted")
        except Exception as error:  # a bug must not stop the watcher: reported like a worker's failure
            failure = lecture_failure(error, job.lecture)
            return [accept_result(JobResult(target.output, target.key, None, tuple(shared.items), failure), cache)
                    for target in job.targets]
        results = []
        for target in job.targets:
            diagnostics = Diagnostics()
            diagnostics.extend(shared)
            try:
                _path, pdf, html = typeset_edition(converted, job.theme, target.edition, diagnostics)
                phases.mark(f"rendered and typeset ({target.edition})")
                side = {".html": html.encode("utf-8")} if job.settings.emit_html else {}
                results.append(publish(JobResult(target.output, target.key, None, tuple(diagnostics.items),
                                                 data=pdf, digest=hashlib.sha256(pdf).hexdigest(), side_files=side),
                                       cache, phases, shown))
            except Exception as error:
                results.append(accept_result(JobResult(target.output, target.key, None, tuple(diagnostics.items),
                                                       lecture_failure(error, job.lecture)), cache))
        if enrichment is not None:  # after the PDF is shown: the other editions and the reader part read it back
            keep_enriched(enrichment.made, cache.out_dir)
        return results


def publish(result, cache, phases: Phases, shown: Callable[[Path], None]):
    """Write the output atomically and show it; then check it on disk, count its pages and record it."""
    from dataclasses import replace

    from ..course.runner import write_checked

    def show() -> None:
        phases.mark("written")
        shown(result.output)

    failed = write_checked(result, cache, on_written=show)
    if failed is not None:
        return failed
    pages = page_count(result.data)
    cache.record(result.output, result.key, pages, result.digest, result.extra)
    phases.mark("recorded")
    return replace(result, data=None, pages=pages)


def page_count(pdf: bytes) -> int:
    """Count a PDF's pages (PDFium reads the page tree's count, not every page; under the preview's lock)."""
    from ..publish.pdfium import page_count as pdfium_page_count

    pages = pdfium_page_count(pdf)
    if pages is None:
        raise ValueError("the typeset PDF does not open in PDFium")
    return pages


__all__ = ["Phases", "TIMINGS_VARIABLE", "append_timings", "build_saved", "page_count"]
