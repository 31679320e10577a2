"""Plan a course build: gather every lecture first, then one job per lecture, one per reader part, and the join.

A lecture's job builds all of its stale editions, so the lecture is loaded, enriched and
converted to HTML once for them (issue 9); it still returns one result per output, so the
cache, the progress display and every report count outputs, as before.

Planning runs in the main process and is cheap (lectures are loaded, not enriched), so a
build with nothing to do finishes quickly. The jobs are picklable data; their bodies
(``jobs.py``) run in worker processes or on a Dask cluster. Everything that decides an
output's bytes is in its key, the environment's ``SOURCE_DATE_EPOCH`` included.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import lang as languages
from ..diagnostics import Diagnostic, Diagnostics
from ..errors import HandoutError
from ..model import Lecture
from ..render.theme import Theme, find_theme
from ..source.manifest import CourseSettings
from .cache import PARTS_FOLDER, BuildCache, make_key, referenced_files, theme_fingerprint, tool_fingerprint

READER_NAME = "reader.pdf"
BYTES_ENVIRONMENT = ("SOURCE_DATE_EPOCH",)
"""Environment variables a build's bytes depend on (the PDFs' dates)."""
INDEX_NAME = "index.html"


PRINT_KEYS = ("paper", "layout", "pdf_variant")


@dataclass(frozen=True)
class LectureEntry:
    """One lecture of the course as the planner sees it."""

    path: Path
    position: int
    """1-based place in the course."""
    title: str = ""
    number: int | None = None
    """The lecture's own ``number:``, else its place in the course."""
    overrides: dict[str, Any] = field(default_factory=dict)
    """Metadata the course sets when the lecture does not (number, course title)."""
    source_digest: str = ""
    print_settings: dict[str, Any] = field(default_factory=dict)
    """The lecture's own ``paper``/``layout``/``pdf_variant`` (they name its output file)."""
    error: "JobFailure | None" = None
    """Why the lecture could not be loaded (its jobs are then not run)."""
    block: str = ""
    """The ``block:`` the lecture declares (the download page groups by it)."""


@dataclass(frozen=True)
class JobFailure:
    """A picklable error report (exceptions with extra fields do not survive pickling)."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return str(HandoutError(self.message, self.path, self.line))


@dataclass(frozen=True)
class JobOutput:
    """One file a job writes, with the cache key it is built from."""

    output: Path
    key: str
    label: str
    """How a failure names it, e.g. ``lecture01.md (teacher)`` or ``reader.pdf``."""


@dataclass(frozen=True)
class EditionTarget:
    """One edition a lecture job builds."""

    edition: str
    output: Path
    key: str
    """Depends on this edition only, never on which other editions happen to be stale."""


@dataclass(frozen=True)
class LectureJob:
    """Typeset some editions of one lecture (the stale ones), the student edition first."""

    lecture: Path
    targets: tuple[EditionTarget, ...]
    overrides: dict[str, Any]
    settings: Any
    """pipeline.BuildSettings with exactly the targets' editions."""
    theme: Theme
    environment: dict[str, str] = field(default_factory=dict)
    """The variables of :data:`BYTES_ENVIRONMENT` as the client has them: a worker builds with these."""
    enrichment: Path | None = None
    """The output folder whose ``.handout-enriched/`` the job reads prepared lectures from (None: prepare anew)."""

    @property
    def outputs(self) -> tuple[JobOutput, ...]:
        return tuple(JobOutput(target.output, target.key, f"{self.lecture.name} ({target.edition})")
                     for target in self.targets)


@dataclass(frozen=True)
class ReaderPartJob:
    """Typeset one lecture's part of the course reader (its pages unnumbered: the join numbers them)."""

    course: CourseSettings
    lecture: Path
    overrides: dict[str, Any]
    position: int
    output: Path
    """``OUT/.handout-reader-parts/<key>.pdf``."""
    key: str
    theme: Theme
    lang: str | None = None
    environment: dict[str, str] = field(default_factory=dict)
    enrichment: Path | None = None
    """As :attr:`LectureJob.enrichment`: the part reads the lecture its lecture job prepared."""

    @property
    def outputs(self) -> tuple[JobOutput, ...]:
        return (JobOutput(self.output, self.key, f"{self.lecture.name} (reader part)"),)


@dataclass(frozen=True)
class ReaderJob:
    """Join the typeset parts into the course reader: title page and contents, page numbers, one tagged PDF.

    It runs last, once every part is built; ``parts`` lists them in course order.
    """

    course: CourseSettings
    parts: tuple[ReaderPartJob, ...]
    output: Path
    key: str
    theme: Theme
    lang: str | None = None
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def outputs(self) -> tuple[JobOutput, ...]:
        return (JobOutput(self.output, self.key, self.output.name),)


@dataclass(frozen=True)
class JobResult:
    output: Path
    key: str
    pages: int | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: JobFailure | None = None
    data: bytes | None = None
    """The output's bytes: a worker never writes into the output folder, the client does (runner.py)."""
    digest: str | None = None
    """SHA-256 of ``data`` as the worker computed it; the client checks it before writing."""
    extra: dict[str, Any] = field(default_factory=dict)
    """What a reader part tells the join (pages' anchors, contents entry), kept in the cache."""
    side_files: dict[str, bytes] = field(default_factory=dict)
    """Other files for the client to write beside the output (``--emit-html``): suffix → bytes."""
    enriched: dict[str, bytes] = field(default_factory=dict)
    """Prepared lectures the job made, for the client to keep in ``OUT/.handout-enriched/``: file name → bytes."""
    seconds: float = 0.0
    """How long the whole job took on its worker (the same for each output of a lecture job)."""
    started: float = 0.0
    """When the job started on its worker (``time.time``), for the build's trace (:mod:`.trace`)."""
    cpu: float = 0.0
    """The job's CPU seconds on its worker."""
    worker: int = 0
    """The process id of the worker that ran it."""


@dataclass
class CoursePlan:
    course: CourseSettings
    theme: Theme
    lectures: list[LectureEntry]
    jobs: list[LectureJob | ReaderPartJob | ReaderJob]
    """Every job of the course with all its outputs, fresh or not."""
    stale: list[LectureJob | ReaderPartJob | ReaderJob]
    """The jobs to run, each with only its stale outputs, longest first; the reader's join (it needs the parts) last."""

    @property
    def load_failures(self) -> list[JobFailure]:
        return [entry.error for entry in self.lectures if entry.error is not None]

    @property
    def outputs(self) -> list[JobOutput]:
        """Every output of the course, fresh or not."""
        return [output for job in self.jobs for output in job.outputs]

    @property
    def stale_outputs(self) -> list[JobOutput]:
        return [output for job in self.stale for output in job.outputs]


def plan_course(course: CourseSettings, cache: BuildCache, *, force: bool = False, lang: str | None = None,
                emit_html: bool = False, diagnostics: Diagnostics | None = None,
                print_options: dict[str, Any] | None = None, allowed_hosts: tuple[str, ...] = ()) -> CoursePlan:
    """Load every lecture, number them course-wide, and list the jobs with their cache keys.

    ``print_options`` are the command line's paper, layout, print-shop and PDF variant:
    they beat each lecture's front matter, which beats the manifest.
    """
    from ..pipeline import BuildSettings

    print_options = print_options or {}

    theme = find_theme(course.root)
    environment = build_environment()
    common = [tool_fingerprint(), theme_fingerprint(theme), environment]
    entries = gather_lectures(course, diagnostics)
    settings = BuildSettings(out_dir=course.out_dir, editions=student_first(course.editions), lang=lang,
                             **{"paper": course.paper, "layout": course.layout, **print_options},
                             emit_html=emit_html, forced=frozenset(print_options), allowed_hosts=tuple(allowed_hosts))
    names = output_names(entries, settings)
    entries = refuse_collisions(entries, names)
    jobs: list[LectureJob | ReaderPartJob | ReaderJob] = []
    good = [entry for entry in entries if entry.error is None]
    for entry in good:
        name = names[entry.path]
        targets = tuple(
            EditionTarget(edition, course.out_dir / edition / name,
                          make_key(*common, edition, entry.source_digest, entry.overrides,
                                   _settings_fields(replace(settings, editions=(edition,)))))
            for edition in settings.editions
        )
        jobs.append(LectureJob(entry.path, targets, entry.overrides, settings, theme, environment, course.out_dir))
    if course.reader and good:
        jobs.extend(reader_jobs(course, good, common, theme, lang, environment))
    stale = []
    for job in jobs:
        if isinstance(job, LectureJob):
            stale_targets = [target for target in job.targets if force or not cache.is_fresh(target.output, target.key)]
            if stale_targets:
                stale.append(only_editions(job, stale_targets))
        elif force or not cache.is_fresh(job.output, job.key):
            stale.append(job)
    # Longest first, so no worker is left with a long job at the end; the join needs every part, so it is last.
    stale.sort(key=lambda job: 1 if isinstance(job, ReaderJob) else -len(job.outputs))
    return CoursePlan(course, theme, entries, jobs, stale)


def reader_jobs(course: CourseSettings, good: list[LectureEntry], common: list, theme: Theme, lang: str | None,
                environment: dict[str, str]) -> list[ReaderPartJob | ReaderJob]:
    """One part job per lecture (independent of the others' page counts) and the join."""
    reader_course = replace(course, lectures=tuple(entry.path for entry in good))
    fields = _course_fields(course)
    parts = []
    for position, entry in enumerate(good, start=1):
        key = make_key(*common, "reader-part", fields, lang, position, entry.source_digest, entry.overrides)
        parts.append(ReaderPartJob(reader_course, entry.path, entry.overrides, position,
                                   course.out_dir / PARTS_FOLDER / f"{key[:32]}.pdf", key, theme, lang, environment,
                                   course.out_dir))
    key = make_key(*common, "reader", fields, lang, [part.key for part in parts])
    return [*parts, ReaderJob(reader_course, tuple(parts), course.out_dir / READER_NAME, key, theme, lang, environment)]


def build_environment(environ=os.environ) -> dict[str, str]:
    """Return the environment variables that decide an output's bytes; they travel with each job and key it."""
    return {name: environ[name] for name in BYTES_ENVIRONMENT if name in environ}


def output_names(entries: list[LectureEntry], settings: Any) -> dict[Path, str]:
    """Name each loaded lecture's PDF: its stem and the suffix of its own layout (``x-booklet.pdf``)."""
    from ..typeset.printing import output_suffix

    names = {}
    for entry in entries:
        if entry.error is None:
            named = replace(settings, **{k: v for k, v in entry.print_settings.items() if k not in settings.forced})
            names[entry.path] = f"{entry.path.stem}{output_suffix(named)}.pdf"
    return names


def refuse_collisions(entries: list[LectureEntry], names: dict[Path, str]) -> list[LectureEntry]:
    """Fail a lecture whose PDF name an earlier lecture already takes (``x.md`` as a booklet and ``x-booklet.md``).

    The earlier one is built; the later one fails with both names, instead of one silently replacing the other.
    """
    taken: dict[str, Path] = {}
    result = []
    for entry in entries:
        name = names.get(entry.path)
        if name is not None and name in taken:
            message = (f"its PDF would be named {name}, like that of {taken[name].name}; "
                       "rename one of the two lectures or change its layout")
            entry = replace(entry, error=JobFailure(message, str(entry.path), None))
        elif name is not None:
            taken[name] = entry.path
        result.append(entry)
    return result


def student_first(editions: tuple[str, ...]) -> tuple[str, ...]:
    """Order editions so the student edition, the one a teacher checks after a save, is written first."""
    return tuple(sorted(editions, key=lambda edition: edition != "student"))


def only_editions(job: LectureJob, targets: list[EditionTarget]) -> LectureJob:
    """Return the job narrowed to these targets (the lecture's other editions are up to date)."""
    editions = tuple(target.edition for target in targets)
    return replace(job, targets=tuple(targets), settings=replace(job.settings, editions=editions))


def gather_lectures(course: CourseSettings, diagnostics: Diagnostics | None = None) -> list[LectureEntry]:
    """Load every lecture (no enrichment) for titles, numbers and cache keys; keep load errors as data.

    A lecture's digest covers its text and the local files it names (pictures), so a
    picture replaced under the same name rebuilds the lecture's outputs.
    """
    from ..source.lecture import load_lecture

    entries = []
    for position, path in enumerate(course.lectures, start=1):
        try:
            lecture = load_lecture(path, diagnostics, root=course.root)
        except HandoutError as error:
            failure = JobFailure(error.message, str(error.path) if error.path else str(path), error.line)
            shown = path.stem.encode("utf-8", "backslashreplace").decode("utf-8")  # a Latin-1 name must print
            entries.append(LectureEntry(path, position, shown, position, error=failure))
            continue
        overrides: dict[str, Any] = {}
        if lecture.meta.number is None:
            overrides["number"] = position
        if not lecture.meta.course:
            overrides["course"] = course.title
        digest = make_key(lecture.source_text, referenced_files(lecture.source_text, path.parent, path.parent))
        number = lecture.meta.number if lecture.meta.number is not None else position
        own = {key: lecture.settings[key] for key in PRINT_KEYS if key in lecture.settings}
        entries.append(LectureEntry(path, position, lecture.meta.title, number, overrides, digest, own,
                                    block=str(lecture.meta.block or "")))
    return entries


def _course_fields(course: CourseSettings) -> dict[str, Any]:
    return {name: getattr(course, name) for name in ("title", "institution", "teacher", "year", "lang", "paper", "layout")}


def _settings_fields(settings: Any) -> dict[str, Any]:
    """Every build setting except where outputs go (moving the output folder changes no PDF)."""
    from dataclasses import asdict

    fields = asdict(settings)
    fields.pop("out_dir", None)
    return fields


def apply_overrides(lecture: Lecture, overrides: dict[str, Any]) -> Lecture:
    """Give a lecture the course-wide metadata it does not set itself."""
    return replace(lecture, meta=replace(lecture.meta, **overrides)) if overrides else lecture


DEMO_MANIFEST = """\
# A generated demo course: {count} copies of one lecture with different titles.
[course]
title = "Қазақстан тарихы"
institution = "Демонстрациялық университет"
teacher = "Оқытушы"
year = "2026–2027"
lang = "{lang}"
lectures = ["lectures/*.md"]

[build]
editions = ["student", "teacher", "worksheet"]
out = "dist"
"""


def generate_demo_course(folder: Path, count: int, lecture: Path | None = None) -> Path:
    """Write a course of ``count`` copies of a lecture (default: lecture 10), numbered and retitled."""
    import re

    from ..render.theme import default_theme_dir

    lecture = lecture or default_theme_dir() / "source" / "lecture10.md"
    if not lecture.is_file():
        raise HandoutError("no lecture to copy; pass the path of one (e.g. source/lecture10.md)", lecture)
    text = lecture.read_text(encoding="utf-8")
    folder = Path(folder)
    (folder / "lectures").mkdir(parents=True, exist_ok=True)
    (folder / "handout.toml").write_text(DEMO_MANIFEST.format(count=count, lang=languages.DEFAULT), encoding="utf-8")
    for number in range(1, count + 1):
        copy = re.sub(r"^title: .*$", f"title: '{number}-тақырып. Қазан төңкерісі және кеңес үкіметі'", text, count=1, flags=re.M)
        copy = re.sub(r"^number: .*$", f"number: {number}", copy, count=1, flags=re.M)
        (folder / "lectures" / f"lecture{number:02d}.md").write_text(copy, encoding="utf-8")
    return folder
