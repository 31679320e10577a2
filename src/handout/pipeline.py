"""One lecture through every stage: load → enrich → render → typeset → publish."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import printing
from .accessibility import check_images
from .diagnostics import Diagnostics
from .enrich import enrich
from .errors import HandoutError
from .model import Lecture
from .publish import write_atomic
from .render import EDITIONS, RenderOptions, lecture_context, render_html
from .security import URLPolicy
from .source import load_lecture
from .theme import Theme, find_theme
from .typeset import typeset


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


def prepare_lecture(path: Path, diagnostics: Diagnostics) -> Lecture:
    """Load and enrich one lecture (everything before rendering)."""
    return enrich(load_lecture(path, diagnostics), diagnostics)


def output_path(out_dir: Path, edition: str, stem: str, suffix: str = ".pdf") -> Path:
    return out_dir / edition / f"{stem}{suffix}"


def build_lecture(lecture: Lecture, theme: Theme, settings: BuildSettings, diagnostics: Diagnostics) -> list[Path]:
    """Render, typeset and publish every requested edition of a prepared lecture."""
    lang = settings.lang or lecture.meta.lang
    settings = printing.resolve_settings(settings, lecture, diagnostics)
    check_images(lecture, diagnostics)
    context = lecture_context(lecture, lang, diagnostics, URLPolicy(lecture.path.parent, settings.allowed_hosts))
    written = []
    for edition in settings.editions:
        options = RenderOptions(edition=edition, lang=lang, paper=settings.paper, layout=settings.layout,
                                print_shop=settings.print_shop)
        html = render_html(lecture, theme, options, context)
        pdf = typeset(
            html,
            lecture.path.parent,
            diagnostics,
            lecture.path,
            replace(printing.typeset_options(settings, lecture, html, edition), allowed_hosts=settings.allowed_hosts),
        )
        pdf = printing.finish_layout(pdf, settings)
        target = output_path(settings.out_dir, edition, lecture.stem + printing.output_suffix(settings))
        if settings.emit_html:
            write_atomic(target.with_suffix(".html"), html.encode("utf-8"))
        write_atomic(target, pdf)
        written.append(target)
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
                theme: Theme | None = None) -> list[Path]:
    """Build lectures one after another in this process (the serial runner)."""
    written = []
    for path in paths:
        lecture = prepare_lecture(path, diagnostics)
        written += build_lecture(lecture, theme or find_theme(path.parent), settings, diagnostics)
    return written


__all__ = ["BuildSettings", "EDITIONS", "build_lecture", "build_paths", "lecture_files", "prepare_lecture"]
