"""One lecture through every stage: load → enrich → render → typeset → publish."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostics
from .enrich import enrich
from .errors import HandoutError
from .model import Lecture
from .publish.files import write_atomic
from .render.html import EDITIONS, RenderOptions, lecture_context, render_html
from .render.theme import Theme, find_theme
from .render.urls import URLPolicy
from .source.limits import MAX_NESTING, time_budget
from .typeset import printing
from .typeset.accessibility import check_images
from .typeset.engine import typeset

if TYPE_CHECKING:
    from .enrichment_cache import EnrichmentCache


@dataclass(frozen=True)
class BuildSettings:
    out_dir: Path = Path("dist")
    editions: tuple[str, ...] = ("student",)
    lang: str | None = None
    paper: str = "a4"
    layout: str = "standard"
    pdf_variant: str | None = None
    emit_html: bool = False
    print_shop: bool = False
    """Bleed, crop marks and a PDF/X file for a print shop."""
    forced: frozenset[str] = frozenset()
    """Settings given on the command line: they beat the lecture's front matter."""
    allowed_hosts: tuple[str, ...] = ()
    """Hosts whose https: images and styles the teacher allowed (``--allow-host``); never from front matter."""


def prepare_lecture(path: Path, diagnostics: Diagnostics, cache: EnrichmentCache | None = None) -> Lecture:
    """Load and enrich one lecture (everything before rendering), each stage within the time budget.

    With ``cache``, an unchanged lecture is read back from it instead (:mod:`handout.enrichment_cache`).
    """
    if cache is not None:
        return cache.prepare(path, diagnostics, prepare_lecture)
    from .source.lecture import load_lecture  # YAML and the loader: not needed when the cache has the lecture

    with time_budget(path, stage="loading"):
        lecture = load_lecture(path, diagnostics)
    return enrich(lecture, diagnostics)


def output_path(out_dir: Path, edition: str, stem: str, suffix: str = ".pdf") -> Path:
    return out_dir / edition / f"{stem}{suffix}"


@dataclass(frozen=True)
class ConvertedLecture:
    """A prepared lecture converted to HTML fragments once, ready to render any of its editions."""

    lecture: Lecture
    settings: BuildSettings
    """The build settings with the lecture's own paper, layout and PDF variant applied."""
    lang: str
    """The language of the labels (``--lang``, else the lecture's)."""
    context: dict
    """The template data every edition is cut from (:func:`render.lecture_context`)."""


def convert_lecture(lecture: Lecture, settings: BuildSettings, diagnostics: Diagnostics) -> ConvertedLecture:
    """Apply the lecture's print settings, check its images and convert its Markdown: the work editions share."""
    lang = settings.lang or lecture.meta.lang
    settings = printing.resolve_settings(settings, lecture, diagnostics)
    check_images(lecture, diagnostics)
    try:
        with time_budget(lecture.path, stage="rendering"):
            context = lecture_context(lecture, lang, diagnostics, URLPolicy(lecture.path.parent, settings.allowed_hosts))
    except RecursionError:  # a nesting the loader's line check cannot see (inline markup)
        raise HandoutError(f"Markdown nested too deeply to convert; keep lists, quotes and emphasis within "
                           f"{MAX_NESTING} levels", lecture.path) from None
    return ConvertedLecture(lecture, settings, lang, context)


def typeset_edition(converted: ConvertedLecture, theme: Theme, edition: str,
                    diagnostics: Diagnostics) -> tuple[Path, bytes, str]:
    """Render and typeset one edition of a converted lecture; return (its path, the PDF, the HTML), writing nothing."""
    lecture, settings = converted.lecture, converted.settings
    options = RenderOptions(edition=edition, lang=converted.lang, paper=settings.paper, layout=settings.layout,
                            print_shop=settings.print_shop)
    with time_budget(lecture.path, stage="rendering"):
        html = render_html(lecture, theme, options, converted.context)
    pdf = typeset(
        html,
        lecture.path.parent,
        diagnostics,
        lecture.path,
        replace(printing.typeset_options(settings, lecture, html, edition), allowed_hosts=settings.allowed_hosts),
    )
    pdf = printing.finish_layout(pdf, settings)
    return output_path(settings.out_dir, edition, lecture.stem + printing.output_suffix(settings)), pdf, html


def build_edition(converted: ConvertedLecture, theme: Theme, edition: str, diagnostics: Diagnostics) -> Path:
    """Render, typeset and publish one edition of a converted lecture; return the PDF's path."""
    target, pdf, html = typeset_edition(converted, theme, edition, diagnostics)
    if converted.settings.emit_html:
        write_atomic(target.with_suffix(".html"), html.encode("utf-8"))
    write_atomic(target, pdf)
    return target


def build_lecture(lecture: Lecture, theme: Theme, settings: BuildSettings, diagnostics: Diagnostics) -> list[Path]:
    """Render, typeset and publish every requested edition of a prepared lecture (one conversion for all)."""
    converted = convert_lecture(lecture, settings, diagnostics)
    return [build_edition(converted, theme, edition, diagnostics) for edition in converted.settings.editions]


def lecture_files(target: Path) -> list[Path]:
    """List the lecture files a build target names: one ``.md`` file or a folder's, in name order."""
    if target.is_file():
        if target.suffix.lower() not in (".md", ".markdown"):
            raise HandoutError("expected a Markdown lecture (.md) or a folder of them", target)
        return [target]
    if target.is_dir():
        files = sorted(path for path in target.glob("*.md") if path.is_file())
        if not files:
            raise HandoutError("the folder has no .md lectures; give a lecture file or a folder of them", target)
        return files
    raise HandoutError("no such file or folder; check the path", target)


def build_paths(paths: list[Path], settings: BuildSettings, diagnostics: Diagnostics,
                theme: Theme | None = None, enrichment: EnrichmentCache | None = None) -> list[Path]:
    """Build lectures one after another in this process (the serial runner), enriched lectures from ``enrichment``."""
    written = []
    for path in paths:
        lecture = prepare_lecture(path, diagnostics, enrichment)
        written += build_lecture(lecture, theme or find_theme(path.parent), settings, diagnostics)
    return written


__all__ = ["BuildSettings", "ConvertedLecture", "EDITIONS", "build_edition", "build_lecture", "build_paths",
           "convert_lecture", "lecture_files", "prepare_lecture"]
