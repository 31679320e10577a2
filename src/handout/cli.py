"""Command line: parse options, call the library, map errors to exit codes (1: input, 2: usage)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

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


def _print_diagnostics(diagnostics) -> None:
    for item in diagnostics.items:
        typer.echo(str(item), err=True)


@app.command()
def build(
    target: Path = typer.Argument(Path("source"), help="A lecture .md file or a folder of lectures."),
    out: Path = typer.Option(Path("dist"), "--out", "-o", help="Output folder; PDFs go to OUT/<edition>/<name>.pdf."),
    edition: str = typer.Option("all", help="student, teacher, worksheet or all."),
    lang: Optional[str] = typer.Option(None, help="Language of the labels: kk, ru or en (default: the lecture's)."),
    emit_html: bool = typer.Option(False, "--emit-html", help="Also write the final HTML beside each PDF."),
    strict: bool = typer.Option(False, help="Treat warnings as errors."),
    debug: bool = typer.Option(False, help="Show a traceback on errors."),
) -> None:
    """Build the handouts of a lecture or a folder of lectures."""
    from .diagnostics import Diagnostics
    from .errors import HandoutError
    from .pipeline import EDITIONS, BuildSettings, build_paths, lecture_files

    if edition not in EDITION_CHOICES:
        raise typer.BadParameter(f"expected one of {', '.join(EDITION_CHOICES)}", param_hint="--edition")
    if lang is not None and lang not in ("kk", "ru", "en"):
        raise typer.BadParameter("expected kk, ru or en", param_hint="--lang")
    editions = EDITIONS if edition == "all" else (edition,)
    diagnostics = Diagnostics()
    settings = BuildSettings(out_dir=out, editions=editions, lang=lang, emit_html=emit_html)
    try:
        written = build_paths(lecture_files(target), settings, diagnostics)
        diagnostics.raise_if_strict(strict)
    except HandoutError as error:
        _print_diagnostics(diagnostics)
        _fail(error, debug)
    _print_diagnostics(diagnostics)
    for path in written:
        typer.echo(f"wrote {path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
