"""What a cold ``handout build`` loads: only what the command uses (issue 19), read from ``sys.modules``.

Each build runs in a fresh interpreter (the CLI's own ``main``), which then reports the modules it
imported and the pyphen dictionaries it registered. The first build of a lecture prepares it
(and so reads YAML); the second reads it back from the enrichment cache, and its HTML too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, SHORT_LECTURE, make_files

REPORT = """
import json, os, sys
from pathlib import Path

import pyphen

from handout.cli.app import main

report_path = Path(sys.argv.pop(1))
try:
    main()
except SystemExit as stop:
    assert not stop.code, stop.code


def dictionaries():
    return {Path(path).name: type(found).__module__ for path, found in pyphen.hdcache.items()}


import gc

report = {"modules": sorted(sys.modules), "after_build": dictionaries(), "frozen": gc.get_freeze_count()}
if os.environ.get("TYPESET_ENGLISH_SPAN"):
    from handout.diagnostics import Diagnostics
    from handout.typeset.engine import typeset

    typeset('<html lang="kk"><body><p style="hyphens: auto">Қазақ тілі</p><p lang="en-GB" style="hyphens: auto">'
            'An English quotation in a Kazakh handout</p></body></html>', Path("."), Diagnostics())
    report["after_english_span"] = dictionaries()
report_path.write_text(json.dumps(report), encoding="utf-8")
"""


def cold_build(tmp_path: Path, lecture: Path, name: str, english_span: bool = False) -> dict:
    report = tmp_path / f"{name}.json"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "HANDOUT_CACHE_DIR": str(tmp_path / "user-cache"),
           "TYPESET_ENGLISH_SPAN": "1" if english_span else ""}
    command = [sys.executable, "-c", REPORT, str(report), "build", str(lecture), "--edition", "student",
               "--out", str(tmp_path / "out"), "-q"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[dict, dict]:
    """A Kazakh lecture built twice into one folder: prepared, then read back from the cache."""
    tmp_path = tmp_path_factory.mktemp("cold")
    lecture = make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
    first = cold_build(tmp_path, lecture, "first")
    again = cold_build(tmp_path, lecture, "again", english_span=True)
    return first, again


PREPARING = ("yaml", "handout.source.lecture", "handout.enrich.chronology", "handout.enrich.questions.generate")
"""What preparing a lecture imports: YAML, the loader, the enrichers."""


RENDERING = ("markdown", "jinja2", "handout.render.html", "handout.render.timeline")
"""What rendering the HTML imports: Markdown, Jinja, the renderer and the timeline's layout."""


def test_a_cache_hit_imports_neither_yaml_nor_the_loader_nor_the_enrichers(builds):
    first, again = builds
    assert set(PREPARING) <= set(first["modules"])
    assert not set(PREPARING) & set(again["modules"])


def test_an_unchanged_lecture_is_typeset_from_its_kept_html_without_rendering(builds):
    first, again = builds
    assert set(RENDERING) <= set(first["modules"])
    assert not set(RENDERING) & set(again["modules"])


def test_a_kazakh_build_loads_neither_the_english_nor_the_russian_pack_or_dictionary(builds):
    for report in builds:
        assert "handout.lang.kk" in report["modules"]
        assert "handout.lang.en" not in report["modules"] and "handout.lang.ru" not in report["modules"]
        assert report["after_build"] == {"hyph_kk_KZ.dic": "handout.lang.kk.hyphenation"}


def test_a_span_marked_in_another_language_gets_that_packs_checked_dictionary(builds):
    registered = builds[1]["after_english_span"]
    english = {name: module for name, module in registered.items() if name.startswith("hyph_en")}
    assert english and set(english.values()) == {"handout.lang.en.hyphenation"}
    assert not any(name.startswith("hyph_ru") for name in registered)


def test_a_one_shot_build_sets_its_heap_aside_and_an_in_process_call_does_not(builds, tmp_path):
    import gc

    from typer.testing import CliRunner

    from handout.cli.app import app

    assert all(report["frozen"] > 0 for report in builds)  # its own process: frozen once WeasyPrint is loaded
    lecture = make_files(tmp_path / "course", {"lecture02.md": SHORT_LECTURE}) / "lecture02.md"
    before = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["build", str(lecture), "--edition", "student", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() == before  # a caller's (warm) process is left as it is
