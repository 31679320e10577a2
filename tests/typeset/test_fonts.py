"""The build warns when the styles' faces are missing and the type falls back to DejaVu."""

from __future__ import annotations

import os
import subprocess

import pytest

from handout.render.html import RenderOptions, stylesheet_text
from handout.render.theme import find_theme
from handout.typeset.fonts import fallbacks, installed_families
from support import HANDOUT, make_files

CSS = 'html { font-family: "PT Serif", "DejaVu Serif", serif; } h1 { font: bold 12pt "PT Sans", "DejaVu Sans", sans-serif; }'


def test_a_missing_face_names_the_fallback():
    assert fallbacks(CSS, frozenset({"dejavu serif", "dejavu sans"})) == {"PT Serif": "DejaVu Serif", "PT Sans": "DejaVu Sans"}
    assert fallbacks(CSS, frozenset({"pt serif", "pt sans", "dejavu serif"})) == {}


def test_a_build_without_pt_warns_and_sets_the_handout_in_dejavu(tmp_path, short_lecture):
    """A real build under a fontconfig that knows DejaVu only: the warning reaches the teacher."""
    config = make_files(tmp_path / "fc", {"fonts.conf": (
        '<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
        f'<cachedir>{tmp_path / "fc" / "cache"}</cachedir></fontconfig>')}) / "fonts.conf"
    env = dict(os.environ, FONTCONFIG_FILE=str(config))
    result = subprocess.run([*HANDOUT, "build", str(short_lecture), "--out", str(tmp_path / "out"), "--edition", "student"],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: the font PT Serif is not installed, so the handout is set in DejaVu Serif" in result.stderr
    assert result.stderr.count("PT Serif is not installed") == 1
    fonts = subprocess.run(["pdffonts", str(tmp_path / "out" / "student" / "lecture02.pdf")], capture_output=True, text=True).stdout
    assert "DejaVu-Serif" in fonts and "PT-Serif" not in fonts


def test_the_bundled_styles_need_no_fallback_where_fonts_paratype_is_installed():
    installed = installed_families()
    if installed is None or "pt serif" not in installed:
        pytest.skip("fonts-paratype is not installed")
    for layout in ("standard", "booklet", "2up", "large-print"):
        css = stylesheet_text(find_theme(None), RenderOptions(layout=layout))
        assert fallbacks(css, installed) == {}, layout
