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
from .render import EDITIONS
from .render.theme import Theme, find_theme
from .source.limits import MAX_NESTING, time_budget
from .typeset import printing
from .typeset.accessibility import check_images
from .typeset.engine import typeset

if TYPE_CHECKING:
    from .enrichment_cache import EnrichmentCache, RenderedEditions


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
    lang, settings = print_settings(lecture, settings, diagnostics)
    return ConvertedLecture(lecture, settings, lang, _context(lecture, lang, settings, diagnostics))


def print_settings(lecture: Lecture, settings: BuildSettings, diagnostics: Diagnostics) -> tuple[str, BuildSettings]:
    """Return the labels' language and the settings with the lecture's own print settings; check its images."""
    lang = settings.lang or lecture.meta.lang
    settings = printing.resolve_settings(settings, lecture, diagnostics)
    check_images(lecture, diagnostics)
    return lang, settings


def _context(lecture: Lecture, lang: str, settings: BuildSettings, diagnostics: Diagnostics) -> dict:
    from .render.html import lecture_context
    from .render.urls import URLPolicy

    try:
        with time_budget(lecture.path, stage="rendering"):
            return lecture_context(lecture, lang, diagnostics, URLPolicy(lecture.path.parent, settings.allowed_hosts))
    except RecursionError:  # a nesting the loader's line check cannot see (inline markup)
        raise HandoutError(f"Markdown nested too deeply to convert; keep lists, quotes and emphasis within "
                           f"{MAX_NESTING} levels", lecture.path) from None


def typeset_edition(converted: ConvertedLecture, theme: Theme, edition: str,
                    diagnostics: Diagnostics) -> tuple[Path, bytes, str]:
    """Render and typeset one edition of a converted lecture; return (its path, the PDF, the HTML), writing nothing."""
    html = render_edition(converted, theme, edition)
    target, pdf = typeset_html(converted.lecture, converted.settings, edition, html, diagnostics)
    return target, pdf, html


def render_edition(converted: ConvertedLecture, theme: Theme, edition: str) -> str:
    from .render.html import RenderOptions, render_html

    settings = converted.settings
    options = RenderOptions(edition=edition, lang=converted.lang, paper=settings.paper, layout=settings.layout,
                            print_shop=settings.print_shop)
    with time_budget(converted.lecture.path, stage="rendering"):
        return render_html(converted.lecture, theme, options, converted.context)


def typeset_html(lecture: Lecture, settings: BuildSettings, edition: str, html: str,
                 diagnostics: Diagnostics) -> tuple[Path, bytes]:
    """Typeset one edition's HTML; return (its path, the PDF), writing nothing."""
    pdf = typeset(
        html,
        lecture.path.parent,
        diagnostics,
        lecture.path,
        replace(printing.typeset_options(settings, lecture, html, edition), allowed_hosts=settings.allowed_hosts),
    )
    pdf = printing.finish_layout(pdf, settings)
    return output_path(settings.out_dir, edition, lecture.stem + printing.output_suffix(settings)), pdf


def publish_edition(target: Path, pdf: bytes, html: str, settings: BuildSettings) -> Path:
    if settings.emit_html:
        write_atomic(target.with_suffix(".html"), html.encode("utf-8"))
    write_atomic(target, pdf)
    return target


def build_edition(converted: ConvertedLecture, theme: Theme, edition: str, diagnostics: Diagnostics) -> Path:
    """Render, typeset and publish one edition of a converted lecture; return the PDF's path."""
    target, pdf, html = typeset_edition(converted, theme, edition, diagnostics)
    return publish_edition(target, pdf, html, converted.settings)


def build_lecture(lecture: Lecture, theme: Theme, settings: BuildSettings, diagnostics: Diagnostics,
                  rendered: RenderedEditions | None = None) -> list[Path]:
    """Render, typeset and publish every requested edition of a prepared lecture (one conversion for all).

    With ``rendered``, an edition whose HTML is kept there is typeset from it, and the lecture is
    converted only if some edition is not.
    """
    if rendered is None:
        converted = convert_lecture(lecture, settings, diagnostics)
        return [build_edition(converted, theme, edition, diagnostics) for edition in converted.settings.editions]
    lang, settings = print_settings(lecture, settings, diagnostics)
    keys = {edition: rendered.key(lecture, theme, settings, lang, edition) for edition in settings.editions}
    kept = {edition: rendered.load(lecture, edition, key) for edition, key in keys.items() if key is not None}
    converted, reports = None, []
    if all(kept.get(edition) is not None for edition in settings.editions):
        reports = next(iter(kept.values()))[1] if kept else []  # one conversion's reports, told once
        for report in reports:
            diagnostics.add(report)
    else:
        own = Diagnostics()
        converted = ConvertedLecture(lecture, settings, lang, _context(lecture, lang, settings, own))
        diagnostics.extend(own)
        reports = own.items
    written = []
    for edition in settings.editions:
        if converted is None:
            html = kept[edition][0]
        else:
            html = render_edition(converted, theme, edition)
            if keys[edition] is not None:
                rendered.store(lecture, edition, keys[edition], html, reports)
        target, pdf = typeset_html(lecture, settings, edition, html, diagnostics)
        written.append(publish_edition(target, pdf, html, settings))
    return written


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
    from .enrichment_cache import RenderedEditions

    rendered = RenderedEditions(enrichment) if enrichment is not None else None
    written = []
    for path in paths:
        lecture = prepare_lecture(path, diagnostics, enrichment)
        written += build_lecture(lecture, theme or find_theme(path.parent), settings, diagnostics, rendered)
    return written


__all__ = ["BuildSettings", "ConvertedLecture", "EDITIONS", "build_edition", "build_lecture", "build_paths",
           "convert_lecture", "lecture_files", "prepare_lecture"]
