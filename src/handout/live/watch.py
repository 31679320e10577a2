"""Watch mode: build once, then rebuild what each saved file affects, in one warm process.

WeasyPrint stays imported and its font configuration and parsed stylesheets stay warm
between rebuilds (see :func:`handout.typeset.engine.typesetter`), so a save costs about one
layout. Errors are reported and the watcher keeps going; PDFs are written atomically,
so the last good one stays in place until a build succeeds.

A course folder is rebuilt through the course builder (:mod:`handout.course`): its plan and
content-hash cache decide what a change affects (a lecture: its editions, the reader and
the index; a template, stylesheet or the manifest: everything). The saved lectures' student
editions are built here, in this warm process, at once (:mod:`.foreground`); every other job runs
in a second warm process (:mod:`.background`), killed when a newer save arrives. A single
lecture file goes straight through the pipeline. A newer save interrupts a rebuild between
outputs; what was left stays stale and follows in the next rebuild.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..pipeline import BuildSettings, build_edition, convert_lecture, lecture_files, prepare_lecture
from ..render.theme import Theme, find_theme
from .background import BackgroundBuilder
from .foreground import TIMINGS_VARIABLE, Phases, append_timings, build_saved

LECTURE_SUFFIXES = (".md", ".markdown")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
MANIFEST_NAMES = ("handout.toml", "course.toml", "course.yml", "course.yaml")
STEP_MS = 25
"""Quiet time that closes a burst of saves: an editor writes a file in one go or a few writes a
millisecond or so apart (or a temporary file and a rename), so 25 ms of quiet is the end of a save.
The watcher sees a save 1–2 steps after it, so the step is a direct part of every save's latency."""
DEBOUNCE_MS = 1600
"""Longest a burst may keep growing before it is built anyway."""


@dataclass
class RebuildResult:
    """What one rebuild did, for the status line and the live preview."""

    lectures: list[str] = field(default_factory=list)
    """Stems of the lectures built successfully."""
    editions: tuple[str, ...] = ()
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    """One ``path:line: error: message`` per failed lecture."""
    warnings: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    reader: bool = False
    """Whether the course reader was rebuilt too."""
    postponed: int = 0
    """Outputs left for the next rebuild because a newer save came in."""
    enriched_in_background: int = 0
    """Lectures the background process loaded and enriched itself, not read back from ``OUT/.handout-enriched/``
    (a saved lecture's is kept there by the watcher, so its other editions and reader part reuse it)."""
    phases: Phases = field(default_factory=Phases)
    """When each phase of the rebuild ended, from the save on (the timing log)."""

    def status(self) -> str:
        """Return the one-line summary, e.g. ``rebuilt lecture10 (student, teacher) in 0.62 s``."""
        if not self.lectures and not self.errors:
            return f"up to date ({self.seconds:.2f} s)"
        if not self.lectures:
            return f"build failed in {self.seconds:.2f} s; the previous PDFs stay in place"
        names = ", ".join(self.lectures) if len(self.lectures) <= 4 else f"{len(self.lectures)} lectures"
        failed = f"; {len(self.errors)} failed" if self.errors else ""
        reader = " and the reader" if self.reader else ""
        later = f"; {self.postponed} more after the newer save" if self.postponed else ""
        return f"rebuilt {names} ({', '.join(self.editions)}){reader} in {self.seconds:.2f} s{failed}{later}"


class Watcher:
    """Map changed files to the lectures they affect and rebuild those in this process."""

    def __init__(self, target: Path, settings: BuildSettings, theme: Theme | None = None,
                 out_given: bool = True, editions_given: bool = True):
        self.target = target
        self.settings = settings
        self.course_mode = target.is_dir()
        """A folder is built as a course (plan + cache); a single file through the pipeline."""
        self.out_given = out_given
        """False: a course's handout.toml may choose the output folder."""
        self.editions_given = editions_given
        """False: a course's handout.toml may choose the editions."""
        self.course_root = (target if target.is_dir() else target.parent).resolve()
        self.theme = theme or find_theme(self.course_root)
        self.out_dir = settings.out_dir.resolve()
        if self.course_mode and not out_given:
            self.out_dir = self._load_course(Diagnostics()).out_dir.resolve()
        self.background = BackgroundBuilder(self.out_dir)
        """The second warm process (course mode): everything but the saved lectures' student editions."""
        self.on_saved_pdf: Callable[[str], None] | None = None
        """Called with a saved lecture's stem as soon as its student PDF is written (the preview follows it)."""
        self._saved: set[Path] = set()
        timings = os.environ.get(TIMINGS_VARIABLE)
        self.timings_log = Path(timings) if timings else None
        """Where each rebuild after a save appends its phases (``HANDOUT_WATCH_TIMINGS``), if anywhere."""

    def lectures(self) -> list[Path]:
        """List the lectures the target names now (a folder may gain or lose files)."""
        return lecture_files(self.target)

    def labels_language(self) -> str:
        """The language of the preview's labels: the manifest's ``course.lang``, else the first lecture's own."""
        from ..source.lecture import lecture_language

        if self.course_mode:
            try:
                course = self._load_course(Diagnostics())
            except HandoutError:
                course = None  # the build reports the manifest's errors
            if course is not None and course.manifest is not None:
                return course.lang
        try:
            lectures = self.lectures() if self.course_mode else [self.target]
        except HandoutError:
            lectures = []
        return lecture_language(lectures[0]) if lectures else ""

    def watched_paths(self) -> list[Path]:
        """Return the folders to watch: the lectures' folder and every template and style folder."""
        folders = [self.course_root]
        for folder in (*self.theme.template_dirs, *self.theme.style_dirs):
            if folder.is_dir() and not any(_is_within(folder, other) for other in folders):
                folders.append(folder.resolve())
        return folders

    def affected(self, changed: Iterable[Path]) -> list[Path] | None:
        """Return the lectures to rebuild for these changed files; None means all of them."""
        lectures: list[Path] = []
        for path in (Path(item).resolve() for item in changed):
            if _is_within(path, self.out_dir) or path.name.startswith("."):
                continue
            if self._is_theme_file(path) or (path.parent == self.course_root and path.name in MANIFEST_NAMES):
                return None
            if path.suffix.lower() in PICTURE_SUFFIXES and _is_within(path, self.course_root):
                return None  # a picture: the course cache knows which lectures name it
            if path.suffix.lower() in LECTURE_SUFFIXES and self._is_lecture(path) and path not in lectures:
                lectures.append(path)
        return lectures

    def _is_theme_file(self, path: Path) -> bool:
        return any(_is_within(path, folder.resolve()) for folder in (*self.theme.template_dirs, *self.theme.style_dirs))

    def _is_lecture(self, path: Path) -> bool:
        if self.target.is_file():
            return path == self.target.resolve()
        return _is_within(path, self.course_root)

    def rebuild(self, lectures: list[Path] | None = None, newer_save: Callable[[], bool] = lambda: False,
                phases: Phases | None = None) -> RebuildResult:
        """Rebuild after a change to ``lectures`` (None: anything may have changed).

        ``newer_save`` is asked between outputs (a course: between lectures' jobs): when it
        says a newer save is waiting, the rest is left for the next rebuild, which starts
        with the newly saved lecture. A course's cache remembers what is still stale.
        """
        self._saved = {path.resolve() for path in lectures or []}
        phases = phases if phases is not None else Phases()
        phases.mark("rebuild started")
        if self.course_mode:
            return self.rebuild_course(lectures or [], newer_save, phases)
        return self.rebuild_lectures(lectures, newer_save, phases)

    def _written(self, lecture: Path, output: Path) -> None:
        """Tell the preview when the student PDF of a saved lecture is in place."""
        if self.on_saved_pdf is not None and lecture.resolve() in self._saved and output.parent.name == "student":
            self.on_saved_pdf(lecture.stem)

    def _load_course(self, diagnostics: Diagnostics):
        from ..source.manifest import load_course

        course = load_course(self.target, diagnostics, out_given=self.out_given)
        changes = {"editions": self.settings.editions} if self.editions_given else {}
        if self.out_given:
            changes["out_dir"] = self.settings.out_dir
        elif course.manifest is None:
            changes["out_dir"] = Path("dist")
        return replace(course, **changes)

    def rebuild_course(self, changed: list[Path], newer_save: Callable[[], bool] = lambda: False,
                       phases: Phases | None = None) -> RebuildResult:
        """Plan the course against its cache; build the changed lectures' student editions here, the rest in the background."""
        from ..course.cache import PARTS_FOLDER, BuildCache
        from ..course.plan import LectureJob, ReaderJob, ReaderPartJob, plan_course
        from ..course.runner import accept_result, built_parts, visible_outputs, write_index

        start = time.perf_counter()
        phases = phases if phases is not None else Phases()
        result = RebuildResult(editions=self.settings.editions, phases=phases)
        diagnostics = Diagnostics()
        changed_set = {path.resolve() for path in changed}
        try:
            course = self._load_course(diagnostics)
            cache = BuildCache(course.out_dir)
            first = self._saved_students(course, cache, changed_set)
        except HandoutError as error:
            result.errors.append(str(error))
            result.warnings += [str(item) for item in diagnostics.items]
            result.seconds = time.perf_counter() - start
            return result
        editions = list(course.editions)

        def priority(job) -> tuple:
            """Changed lectures first (each job builds its student edition first), the long reader last."""
            if isinstance(job, ReaderPartJob):
                return (2, str(job.lecture))
            if isinstance(job, ReaderJob):
                return (3, "")  # the join needs every part
            return (0 if job.lecture.resolve() in changed_set else 1, str(job.lecture))

        lecture_of: dict[Path, Path] = {}  # output → lecture, for the background's results (the whole plan's)

        def on_result(job_result, shown: bool = False) -> None:  # written and recorded already
            result.warnings += [str(item) for item in job_result.diagnostics]
            if job_result.error is not None:
                result.errors.append(str(job_result.error))
            elif job_result.output.parent.name != PARTS_FOLDER:
                result.written.append(job_result.output)
                if not shown and job_result.output in lecture_of:
                    self._written(lecture_of[job_result.output], job_result.output)

        def accept_then_report(job_result) -> None:  # the background process's results: check, write, record here
            result.enriched_in_background += len(job_result.enriched)
            on_result(accept_result(job_result, cache))

        def inputs_for(job) -> tuple | None:
            """The join's parts, read back from the cache (None when one failed); other jobs take none."""
            if not isinstance(job, ReaderJob):
                return ()
            parts = built_parts(job, cache)
            return None if parts is None else (parts,)

        phases.mark("planned")
        started = 0
        for job in first:  # here, in this warm process: each is written and shown before its pages are counted
            if started and newer_save():
                break
            started += 1
            for job_result in build_saved(job, cache, phases, lambda output, job=job: self._written(job.lecture, output)):
                on_result(job_result, shown=True)
        try:  # now the whole course: what is still stale, the saved student PDFs recorded already
            plan = plan_course(course, cache, lang=self.settings.lang, emit_html=self.settings.emit_html,
                               diagnostics=diagnostics)
        except HandoutError as error:  # the folder changed under us: the next save plans again
            result.errors.append(str(error))
            result.seconds = time.perf_counter() - start
            return result
        result.errors += [str(failure) for failure in plan.load_failures]
        stale = sorted(plan.stale, key=priority)
        lecture_of.update({target.output: job.lecture for job in stale if isinstance(job, LectureJob)
                           for target in job.targets})
        tried = {target.output for job in first[:started] for target in job.targets}
        left, rest = saved_first(stale, changed_set)
        left = [job for job in left if not any(target.output in tried for target in job.targets)]  # failed: not again
        result.postponed = visible_outputs(left)
        if not left:  # the saved lectures' student PDFs are out: the rest never blocks a save
            result.postponed += self.background.run(rest, accept_then_report, newer_save, inputs_for)
        else:
            result.postponed += visible_outputs(rest)
        built = set(result.written)
        built_editions = set()
        for job in first + rest:
            if isinstance(job, (ReaderJob, ReaderPartJob)):
                result.reader = result.reader or job.output in built
                continue
            done = [target.edition for target in job.targets if target.output in built]
            if done and job.lecture.stem not in result.lectures:
                result.lectures.append(job.lecture.stem)
            built_editions.update(done)
        result.editions = tuple(edition for edition in editions if edition in built_editions)
        if course.index and not newer_save():  # the page's thumbnails and ZIPs take a while: the newer save first
            write_index(plan, cache, self.settings.lang)
        result.warnings += [str(item) for item in diagnostics.items]
        result.seconds = time.perf_counter() - start
        return result

    def _saved_students(self, course, cache, changed: set[Path]) -> list:
        """The saved lectures' stale student editions, planned from the course up to the last saved lecture.

        A lecture's outputs and keys depend on the lectures before it (its place, a name an earlier
        one takes) and never on later ones, so the lectures after it need not be read before its
        student PDF is out (the whole course is planned after). Its warnings come with that plan.
        """
        from ..course.plan import plan_course

        places = [index for index, path in enumerate(course.lectures) if path.resolve() in changed]
        if not places:
            return []
        head = replace(course, lectures=course.lectures[:max(places) + 1], reader=False)
        plan = plan_course(head, cache, lang=self.settings.lang, emit_html=self.settings.emit_html,
                           diagnostics=Diagnostics())
        return saved_first(sorted(plan.stale, key=lambda job: str(job.lecture)), changed)[0]

    def rebuild_lectures(self, lectures: list[Path] | None = None, newer_save: Callable[[], bool] = lambda: False,
                         phases: Phases | None = None) -> RebuildResult:
        """Build the given lectures (None: all), each on its own so one error spares the others."""
        start = time.perf_counter()
        phases = phases if phases is not None else Phases()
        result = RebuildResult(editions=self.settings.editions, phases=phases)
        try:
            paths = self.lectures() if lectures is None else [path for path in lectures if path.is_file()]
        except HandoutError as error:
            result.errors.append(str(error))
            paths = []
        for number, path in enumerate(paths):
            if result.written and newer_save():
                result.postponed += (len(paths) - number) * len(self.settings.editions)
                break
            diagnostics = Diagnostics()
            try:
                lecture = prepare_lecture(path, diagnostics)
                phases.mark("loaded and enriched")
                converted = convert_lecture(lecture, self.settings, diagnostics)
                phases.mark("converted")
                for count, edition in enumerate(converted.settings.editions):
                    if count and newer_save():  # a newer save of this lecture: build that one instead
                        result.postponed += len(converted.settings.editions) - count
                        break
                    result.written.append(build_edition(converted, self.theme, edition, diagnostics))
                    phases.mark(f"rendered, typeset and written ({edition})")
                    self._written(path, result.written[-1])
                result.lectures.append(path.stem)
            except HandoutError as error:
                result.errors.append(str(error))
            except Exception as error:  # a bug must not stop the watcher; show where it happened
                where = traceback.extract_tb(error.__traceback__)[-1]
                result.errors.append(f"{path}: error: internal error {type(error).__name__}: {error} "
                                     f"(at {Path(where.filename).name}:{where.lineno}; run `handout build --debug`)")
            result.warnings += [str(item) for item in diagnostics.items]
        result.seconds = time.perf_counter() - start
        return result

    def run(self, report: Callable[[RebuildResult], None], stop: threading.Event | None = None) -> None:
        """Build everything once, then rebuild on every burst of changes until ``stop`` is set.

        Changes are collected by a thread while a rebuild runs, so a rebuild can give way
        to a newer save (see :meth:`rebuild`) instead of finishing the reader first.
        """
        stop = stop or threading.Event()
        feed = _ChangeFeed(self, stop)  # watching before the first build: no save is missed
        if self.course_mode:
            self.background.start()  # warm while the first build runs
            self.warm_up()  # meanwhile, this process: the first build's layouts all run in the background
        try:
            report(self.rebuild())
            while not stop.is_set():
                changed = feed.take(timeout=0.2)
                if changed is None:
                    continue
                lectures = self.affected(changed)
                if lectures == []:
                    continue
                phases = Phases.after(lectures or [], feed.taken_seen)
                result = self.rebuild(lectures, newer_save=feed.has_relevant, phases=phases)
                if self.timings_log is not None and lectures:
                    append_timings(self.timings_log, [path.stem for path in lectures], phases)
                if result.lectures or result.errors or result.reader:
                    report(result)
        finally:
            stop.set()  # ends the watching thread too (Ctrl+C arrives here as KeyboardInterrupt)
            feed.join()
            self.close()

    def warm_up(self) -> None:
        """Typeset the smallest lecture's student edition here, in memory, and throw it away.

        The first save then finds everything loaded that its layout needs: WeasyPrint and the
        enrichers imported, the fonts and the language's hyphenation dictionary loaded, the
        templates compiled and the theme's stylesheets parsed. A lecture that fails here is
        reported by the build itself.
        """
        from ..course.jobs import run_job
        from ..course.plan import LectureJob, only_editions, plan_course

        try:
            course = self._load_course(Diagnostics())
            plan = plan_course(course, _NoCache(), lang=self.settings.lang, emit_html=False)
            jobs = [job for job in plan.jobs if isinstance(job, LectureJob) and job.lecture.is_file()]
            smallest = min(jobs, key=lambda job: job.lecture.stat().st_size, default=None)
            student = [target for target in smallest.targets if target.edition == "student"] if smallest else []
            if student:
                run_job(only_editions(smallest, student))  # writes nothing: a job returns bytes
        except Exception:  # noqa: BLE001 -- only a head start: the build itself reports what is wrong
            pass

    def close(self) -> None:
        """Stop the background process (a running job is killed: its output stays stale in the cache)."""
        self.background.close(kill=True)

    def _wanted(self, change, path: str) -> bool:
        """Skip our own output, hidden folders (.git, .venv), temporary and swap files, atomic-write parts."""
        import watchfiles

        candidate = Path(path)
        if not watchfiles.DefaultFilter()(change, path) or _is_within(candidate.resolve(), self.out_dir):
            return False
        root = next((folder for folder in self.watched_paths() if _is_within(candidate, folder)), None)
        inside = candidate.relative_to(root).parts if root is not None else (candidate.name,)
        if any(part.startswith(".") for part in inside):
            return False
        return not candidate.name.endswith(("~", ".part", ".swp", ".tmp"))


class _ChangeFeed:
    """Watch the files in a thread; hand the paths changed since the last ``take``."""

    def __init__(self, watcher: Watcher, stop: threading.Event):
        self.watcher = watcher
        self.stop = stop
        self.pending: list[str] = []
        self.seen: float | None = None
        """When the file watcher handed over the changes waiting now (``time.time()``)."""
        self.taken_seen: float | None = None
        """``seen`` of the changes the last ``take`` returned."""
        self.lock = threading.Lock()
        self.arrived = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="handout-watch", daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        import watchfiles

        for changes in watchfiles.watch(
            *self.watcher.watched_paths(), watch_filter=self.watcher._wanted, step=STEP_MS,
            debounce=DEBOUNCE_MS, stop_event=self.stop, raise_interrupt=False,
        ):
            with self.lock:
                if not self.pending:
                    self.seen = time.time()
                self.pending += [path for _, path in changes]
                self.arrived.set()

    def take(self, timeout: float) -> list[str] | None:
        """Return every path changed since the last call, waiting up to ``timeout`` for one."""
        if not self.arrived.wait(timeout):
            return None
        with self.lock:
            changed, self.pending = self.pending, []
            self.taken_seen = self.seen
            self.arrived.clear()
        return changed

    def has_relevant(self) -> bool:
        """Whether a change that needs a rebuild is waiting (a lecture, template, style, manifest)."""
        with self.lock:
            changed = list(self.pending)
        return bool(changed) and self.watcher.affected(changed) != []

    def join(self) -> None:
        self.thread.join(timeout=5)


def saved_first(stale: list, saved: set[Path]) -> tuple[list, list]:
    """Split the stale jobs: the saved lectures' student editions (built here, at once), and the rest.

    The rest keeps the order of ``stale``: the saved lectures' other editions, other lectures, the reader.
    """
    from ..course.plan import LectureJob, only_editions

    first, rest = [], []
    for job in stale:
        if not isinstance(job, LectureJob) or job.lecture.resolve() not in saved:
            rest.append(job)
            continue
        student = [target for target in job.targets if target.edition == "student"]
        others = [target for target in job.targets if target.edition != "student"]
        if student:
            first.append(only_editions(job, student))
        if others:
            rest.append(only_editions(job, others))
    return first, rest


class _NoCache:
    """A cache that holds nothing, for a plan that only lists jobs (every output counts as stale)."""

    def is_fresh(self, output: Path, key: str) -> bool:
        return False


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


__all__ = ["RebuildResult", "Watcher"]
