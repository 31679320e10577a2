"""Command line: parse options, call the library, map errors to exit codes (1: input, 2: usage)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import lang as languages

app = typer.Typer(
    help="Compile lecture Markdown into print-ready PDF handouts (Kazakh, Russian, English).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EDITION_CHOICES = ("student", "teacher", "worksheet", "all")


@app.callback()
def _root() -> None:
    """handout: lecture Markdown in, print-ready PDF handouts out."""


def _fail(error: Exception, debug: bool) -> None:
    """Print a one-line error (a traceback only with --debug) and exit 1."""
    if debug:
        raise error
    typer.echo(str(error), err=True)
    raise typer.Exit(1)


def _check_environment(debug: bool) -> None:
    """Refuse an invalid SOURCE_DATE_EPOCH, HANDOUT_TIME_BUDGET or HANDOUT_LOCK_TIMEOUT before any work starts."""
    from ..errors import HandoutError
    from ..publish.locking import lock_timeout_seconds
    from ..source.limits import check_environment

    try:
        check_environment()
        lock_timeout_seconds()
    except HandoutError as error:
        _fail(error, debug)


def _loaded_with_chronology(file: Path, diagnostics):
    """Load a lecture and find its dated events, each stage within the time budget."""
    from ..enrich.chronology import add_chronology
    from ..source.lecture import load_lecture
    from ..source.limits import time_budget

    with time_budget(file, stage="loading"):
        lecture = load_lecture(file, diagnostics)
    with time_budget(file, stage="chronology"):
        return add_chronology(lecture, diagnostics)


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _print_diagnostics(diagnostics) -> None:
    for item in diagnostics.items:
        typer.echo(str(item), err=True)


@app.command()
def build(
    target: Path = typer.Argument(Path("source"), help="A lecture .md file, or a course folder (with or without handout.toml)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder; PDFs go to OUT/<edition>/<name>.pdf (default: dist, or the manifest's)."),
    edition: Optional[str] = typer.Option(None, help="student, teacher, worksheet or all (default: all, or the manifest's)."),
    lang: Optional[str] = typer.Option(None, help=f"Language of the labels: {languages.choices()} (default: the lecture's)."),
    emit_html: bool = typer.Option(False, "--emit-html", help="Also write the final HTML beside each PDF."),
    strict: bool = typer.Option(False, help="Treat warnings as errors."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes for a course build (default: the machine's cores)."),
    force: bool = typer.Option(False, "--force", help="Rebuild every output, ignoring the cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run the jobs on a Dask cluster, e.g. tcp://HOST:8786."),
    paper: Optional[str] = typer.Option(None, help="a4, a5 or letter (default: the lecture's front matter, else a4)."),
    layout: Optional[str] = typer.Option(None, help="standard, booklet, 2up or large-print (default: front matter, else standard)."),
    print_shop: bool = typer.Option(False, "--print-shop", help="3 mm bleed, crop marks, PDF/X-4: a file for a print shop."),
    pdf_variant: Optional[str] = typer.Option(None, "--pdf-variant", help="pdf/ua-1 (accessible), pdf/a-3b or pdf/a-2b (archival)."),
    allow_host: list[str] = typer.Option([], "--allow-host", help="Let lectures load https: images from this host (repeatable)."),
    connect_timeout: float = typer.Option(30.0, "--connect-timeout", min=0.1, help="Seconds to connect to --scheduler, and to wait for its first worker."),
) -> None:
    """Build the handouts of a lecture, or a whole course (only what changed)."""
    from ..diagnostics import Diagnostics
    from ..enrichment_cache import EnrichmentCache
    from ..errors import HandoutError
    from ..pipeline import EDITIONS, BuildSettings, build_paths, lecture_files
    from ..publish.locking import build_lock

    if edition is not None and edition not in EDITION_CHOICES:
        raise typer.BadParameter(f"expected one of {', '.join(EDITION_CHOICES)}", param_hint="--edition")
    if lang is not None and not languages.known(lang):
        raise typer.BadParameter(f"expected {languages.choices()}", param_hint="--lang")
    print_options = _print_options(paper=paper, layout=layout, pdf_variant=pdf_variant, print_shop=print_shop or None)
    _check_environment(debug)
    if target.is_dir():
        _build_course(target, out, edition, lang, emit_html, strict, debug, jobs, force, quiet, scheduler, print_options,
                      tuple(allow_host), connect_timeout)
        return
    edition = edition or "all"
    editions = EDITIONS if edition == "all" else (edition,)
    out = out or Path("dist")
    diagnostics = Diagnostics()
    settings = BuildSettings(out_dir=out, editions=editions, lang=lang, emit_html=emit_html, **print_options,
                             forced=frozenset(print_options), allowed_hosts=tuple(allow_host))
    try:
        paths = lecture_files(target)
        if _OWN_PROCESS:
            from ..typeset.engine import freeze_when_loaded

            freeze_when_loaded()  # this process builds once and exits
        with build_lock(out, on_wait=_say):  # one build at a time per output folder
            # An unchanged lecture's chronology and questions are read back (--force: made again).
            written = build_paths(paths, settings, diagnostics, enrichment=EnrichmentCache(out, read=not force))
        diagnostics.raise_if_strict(strict)
    except HandoutError as error:
        _print_diagnostics(diagnostics)
        _fail(error, debug)
    _print_diagnostics(diagnostics)
    for path in written:
        typer.echo(f"wrote {path}")


@app.command()
def chronology(
    file: Path = typer.Argument(..., help="A lecture .md file or a plain .txt text."),
    format: str = typer.Option("table", "--format", "-f", help="table, json, csv or timelinejs."),
    lang: Optional[str] = typer.Option(None, help=f"Language of the printed dates: {languages.choices()}."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Print the dated events found in a lecture (what the chronology table will show)."""
    from ..diagnostics import Diagnostics
    from ..enrich.chronology import events_from_text
    from ..enrich.keys import mark_key_events
    from ..errors import HandoutError
    from ..publish import export
    from ..source.lecture import read_source_text
    from ..source.limits import time_budget

    formats = {"table", "json", "csv", "timelinejs"}
    if format not in formats:
        raise typer.BadParameter(f"expected one of {', '.join(sorted(formats))}", param_hint="--format")
    diagnostics = Diagnostics()
    try:
        if file.suffix.lower() == ".txt":
            from ..lang.detection import detect_language

            text = read_source_text(file)
            # A plain text has no `lang:`: its own letters and words tell (--lang only prints the dates).
            text_lang = detect_language(text) or languages.DEFAULT
            with time_budget(file, stage="chronology"):
                events = events_from_text(text, file, diagnostics, lang=text_lang, printable=True)
            title = file.stem
            # As a lecture's build would mark them, so `key` in the exports means the same for a .txt.
            events = mark_key_events(events, languages.get(text_lang).clauses)
        else:
            lecture = _loaded_with_chronology(file, diagnostics)
            events, title, text_lang = list(lecture.chronology), lecture.meta.title, lecture.meta.lang
    except HandoutError as error:
        _print_diagnostics(diagnostics)
        _fail(error, debug)
    _print_diagnostics(diagnostics)
    lang = lang or text_lang
    output = {
        "table": lambda: export.events_table(events, lang),
        "json": lambda: export.events_json(events),
        "csv": lambda: export.events_csv(events),
        "timelinejs": lambda: export.events_timelinejs(events, title, lang),
    }[format]()
    typer.echo(output)


@app.command()
def questions(
    file: Path = typer.Argument(..., help="A lecture .md file."),
    format: str = typer.Option("table", "--format", "-f", help="table, json, moodle (Moodle XML) or gift."),
    answers: bool = typer.Option(False, "--answers", help="Also print each answer (moodle and gift need it)."),
    lang: Optional[str] = typer.Option(
        None, help=f"Accepted for symmetry with build: {languages.choices()}; questions stay in the lecture's language."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Print the review questions a build would use (keys are for `questions: exclude/reword`)."""
    from ..diagnostics import Diagnostics
    from ..enrich import enrich
    from ..enrich.questions import export_questions, warn_label_language
    from ..errors import HandoutError
    from ..source.lecture import load_lecture
    from ..source.limits import time_budget

    if format not in ("table", "json", "moodle", "gift"):
        raise typer.BadParameter("expected table, json, moodle or gift", param_hint="--format")
    if format in ("moodle", "gift") and not answers:
        raise typer.BadParameter(f"a {format} file carries the key: add --answers", param_hint="--answers")
    if lang is not None and not languages.known(lang):
        raise typer.BadParameter(f"expected {languages.choices()}", param_hint="--lang")
    diagnostics = Diagnostics()
    try:
        with time_budget(file, stage="loading"):
            loaded = load_lecture(file, diagnostics)
        with time_budget(file, stage="questions"):  # chronology, people and terms, then the questions
            lecture = enrich(loaded, diagnostics)
        warn_label_language(lecture, lang or lecture.meta.lang, diagnostics)
    except HandoutError as error:
        _print_diagnostics(diagnostics)
        _fail(error, debug)
    _print_diagnostics(diagnostics)
    typer.echo(export_questions(lecture.questions, format, answers), nl=False)


@app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="Text extracted from a PDF or DOC lecture."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Markdown file to write (default: FILE with .md)."),
    lang: Optional[str] = typer.Option(None, "--lang", help=f"The text's language, {languages.choices()} (default: told from its letters and words)."),
    force: bool = typer.Option(False, help="Overwrite OUTPUT if it exists."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Turn a damaged text extraction into clean lecture Markdown."""
    from ..errors import HandoutError
    from ..lang.importing import import_file
    from ..source.limits import time_budget

    if lang is not None and not languages.known(lang):
        _fail(HandoutError(f"unknown language {lang!r}; use --lang {languages.choices()}"), debug)
    try:
        with time_budget(file, stage="import", advice="split the text into several files"):
            written = import_file(file, output or file.with_suffix(".md"), force=force, code=lang)
    except HandoutError as error:
        _fail(error, debug)
    typer.echo(f"wrote {written}")


@app.command()
def check(
    files: list[Path] = typer.Argument(..., help="Lecture files or folders to check."),
    fix: bool = typer.Option(False, help="Apply the safe repairs (a .bak copy is kept)."),
    force: bool = typer.Option(False, help="With --fix: overwrite an existing .bak copy."),
    report: bool = typer.Option(False, "--report", help="Also print the teacher's report on each lecture's chronology (see `handout review`)."),
    spelling: bool = typer.Option(False, "--spelling", help="Also list the words of Russian and English lectures that their hunspell dictionaries do not know (Kazakh lectures always get the spelling notes of the text check)."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Report damaged Kazakh text (mixed scripts, legacy letters, ...) and probable missing full stops; exit 1 while damage remains."""
    from .. import lang as languages
    from ..errors import HandoutError
    from ..lang.kk.importer import check_files
    from ..source.lecture import front_matter_problems, lecture_language

    try:
        lines, remaining = check_files(files, fix=fix, force=force,
                                       language_of=lambda path: languages.get(lecture_language(path)))
    except HandoutError as error:
        for line in getattr(error, "report", []):  # the files fixed before the error are still reported
            typer.echo(line)
        _fail(error, debug)
    problems = front_matter_problems(files)
    for line in (*problems, *lines):
        typer.echo(line)
    for note in _lecture_notes(files, everything=report, spelling=spelling):
        typer.echo(str(note))  # a probable missing full stop is a note for a person: it does not fail the check
    if remaining or problems:
        raise typer.Exit(1)


@app.command()
def review(
    files: list[Path] = typer.Argument(..., help="Lecture files or folders."),
) -> None:
    """List, with file:line, the chronology rows left out or to check, and the front-matter fix for each."""
    notes = _lecture_notes(files, everything=True)
    for note in notes:
        typer.echo(str(note))
    if not notes:
        _say("nothing to review")


def _lecture_notes(files: list[Path], everything: bool, spelling: bool = False) -> list:
    """The report notes of every lecture (everything) or only its probable missing full stops; with
    ``spelling``, then the words its dictionaries do not know."""
    from ..enrich.review import lecture_files, missing_stops, review_lecture
    from ..errors import HandoutError
    from ..source.lecture import load_lecture
    from .spelling import spelling_notes

    notes = []
    for path in lecture_files(files):
        if path.suffix.lower() != ".md":
            continue
        try:
            lecture = load_lecture(path)
        except HandoutError as error:
            _say(str(error))  # a lecture that does not load fails alone
            continue
        notes.extend(review_lecture(lecture) if everything else missing_stops(lecture))
        notes.extend(spelling_notes(lecture) if spelling else ())
    return notes


@app.command()
def watch(
    target: Path = typer.Argument(Path("source"), help="A lecture .md file, or a course folder (with or without handout.toml)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder (default: dist, or the manifest's)."),
    edition: Optional[str] = typer.Option(None, help="student, teacher, worksheet or all (default: all, or the manifest's)."),
    serve: bool = typer.Option(False, "--serve", help="Also serve a live preview on 127.0.0.1."),
    port: int = typer.Option(0, "--port", help="Preview port (default: a free one, printed)."),
    emit_html: bool = typer.Option(False, "--emit-html", help="Also write the final HTML beside each PDF."),
) -> None:
    """Build, then rebuild what each save affects (lectures, manifest, templates, styles); Ctrl+C stops."""
    import signal
    import threading

    from ..errors import HandoutError
    from ..live.watch import Watcher
    from ..pipeline import EDITIONS, BuildSettings, lecture_files

    if edition is not None and edition not in EDITION_CHOICES:
        raise typer.BadParameter(f"expected one of {', '.join(EDITION_CHOICES)}", param_hint="--edition")
    editions = EDITIONS if edition in (None, "all") else (edition,)
    # The preview renders pages from the PDFs: --serve changes nothing in what is built, or its cache keys.
    settings = BuildSettings(out_dir=out or Path("dist"), editions=editions, emit_html=emit_html)
    _check_environment(False)
    try:
        if not target.is_dir():
            lecture_files(target)
        watcher = Watcher(target, settings, out_given=out is not None, editions_given=edition is not None)
    except HandoutError as error:
        _fail(error, False)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    server = None
    if serve:
        from ..live.preview import PreviewServer, PreviewState

        try:
            server = PreviewServer(PreviewState(watcher.out_dir, watcher.labels_language()), port=port).start()
            watcher.on_saved_pdf = lambda stem: server.state.written(f"student/{stem}")
        except OSError as error:
            _fail(HandoutError(f"cannot serve the preview on port {port}: {error.strerror}; try another --port"), False)
        typer.echo(f"preview: {server.url}")

    def report(result) -> None:
        for line in (*result.warnings, *result.errors):
            typer.echo(line, err=True)
        typer.echo(result.status())
        if server is not None:
            server.state.rebuilt(result.errors)

    typer.echo(f"watching {', '.join(str(path) for path in watcher.watched_paths())} (Ctrl+C stops)")
    try:
        watcher.run(report, stop)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
    typer.echo("stopped")


def _print_options(**given) -> dict:
    """Check the print options given on the command line; return them (None means not given)."""
    from ..typeset.printing import CHOICES

    for name, value in given.items():
        if value is not None and name in CHOICES and value not in CHOICES[name]:
            raise typer.BadParameter(f"expected one of {', '.join(CHOICES[name])}", param_hint=f"--{name.replace('_', '-')}")
    return {name: value for name, value in given.items() if value is not None}


def _build_course(target, out, edition, lang, emit_html, strict, debug, jobs, force, quiet, scheduler,
                  print_options, allowed_hosts, connect_timeout=30.0, site=None):
    """Build a course folder: plan, run the stale jobs with progress, report, exit 1 on any failure."""
    from dataclasses import replace

    from ..course.runner import build_course
    from ..diagnostics import Diagnostics
    from ..errors import HandoutError
    from ..pipeline import EDITIONS
    from ..publish.locking import build_lock
    from ..source.manifest import load_course
    from .progress import CourseProgress, shown

    diagnostics = Diagnostics()
    try:
        course = load_course(target, diagnostics, out_given=out is not None)
        if out is not None:
            course = replace(course, out_dir=out)
        elif course.manifest is None:
            course = replace(course, out_dir=Path("dist"))
        if edition is not None:
            course = replace(course, editions=EDITIONS if edition == "all" else (edition,))
        with build_lock(course.out_dir, on_wait=_say), CourseProgress(quiet) as progress:
            report = build_course(course, jobs=jobs, force=force, scheduler=scheduler, lang=lang,
                                  emit_html=emit_html, diagnostics=diagnostics, on_progress=progress,
                                  print_options=print_options, allowed_hosts=allowed_hosts,
                                  connect_timeout=connect_timeout)
        diagnostics.raise_if_strict(strict)
    except HandoutError as error:
        _print_diagnostics(diagnostics)
        _fail(error, debug)
    _print_diagnostics(diagnostics)
    if report.index_written:
        progress.line(f"rebuilt {shown(course.out_dir / 'index.html')}")
    for failure in report.failures:
        typer.echo(str(failure), err=True)
    if not quiet:
        typer.echo(("up to date; " if not report.rebuilt and report.ok else "") + progress.summary(report), err=True)
    if site is not None:
        from ..course.cache import BuildCache
        from ..course.runner import public_files
        from ..publish.site import publish_site

        try:
            with build_lock(course.out_dir, on_wait=_say):
                changed = publish_site(public_files(report.plan, BuildCache(course.out_dir)), site)
        except HandoutError as error:
            _fail(error, debug)
        if not quiet:
            _say(f"published {site}" if changed else f"{site} is up to date")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def publish(
    target: Path = typer.Argument(..., help="A course folder (with or without handout.toml)."),
    site: Path = typer.Option(..., "--site", help="The folder to publish into (replaced as a whole, atomically)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="The build folder (default: dist, or the manifest's)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes for the build."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only errors."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run the jobs on a Dask cluster."),
    connect_timeout: float = typer.Option(30.0, "--connect-timeout", min=0.1, help="Seconds to connect to --scheduler."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Build what is stale, then put only what students may see into SITE (never teacher copies or caches)."""
    if not target.is_dir():
        raise typer.BadParameter("expected a course folder", param_hint="TARGET")
    _build_course(target, out, None, None, False, False, debug, jobs, False, quiet, scheduler, {}, (),
                  connect_timeout, site)


@app.command()
def new(folder: Path = typer.Argument(..., help="The course folder to create.")) -> None:
    """Start a course: a handout.toml manifest and one example lecture in Kazakh."""
    from ..course.scaffold import new_course
    from ..errors import HandoutError

    try:
        created = new_course(folder)
    except HandoutError as error:
        _fail(error, False)
    for path in created:
        typer.echo(f"created {path}")
    typer.echo(f"next: handout build {folder}")


_OWN_PROCESS = False
"""True when the command line is this process's own (``main``), not a caller's in-process invocation."""


def main() -> None:
    global _OWN_PROCESS
    _OWN_PROCESS = True
    app()


if __name__ == "__main__":
    main()
