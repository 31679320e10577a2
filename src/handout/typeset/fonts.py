"""Tell the teacher when the styles' faces are missing and the type falls back (PT → DejaVu).

WeasyPrint silently takes the next family of a ``font-family`` list; a handout set in DejaVu
instead of PT Serif looks different on paper, so the build says so, once per face.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ..diagnostics import Diagnostics

_FAMILY_LIST = re.compile(r"font(?:-family)?\s*:\s*([^;{}]+)")
_QUOTED = re.compile(r'"([^"]+)"|\'([^\']+)\'')


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """The font families fontconfig knows (lower case), or None when fontconfig cannot be asked."""
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(name.strip().lower() for line in listing.splitlines() for name in line.split(","))


def fallbacks(css: str, installed: frozenset[str]) -> dict[str, str]:
    """{first family asked for: the family used instead} for each list whose first choice is missing."""
    missing: dict[str, str] = {}
    for declaration in _FAMILY_LIST.findall(css):
        names = [a or b for a, b in _QUOTED.findall(declaration)]
        if not names or names[0].lower() in installed:
            continue
        instead = next((name for name in names[1:] if name.lower() in installed), "the default face")
        missing.setdefault(names[0], instead)
    return missing


def warn_missing_fonts(html: str, diagnostics: Diagnostics, source: Path | None) -> None:
    """Warn once per missing face that the styles (inlined in ``html``) ask for."""
    installed = installed_families()
    if installed is None:
        return
    styles = "\n".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    seen = {(item.path, item.message) for item in diagnostics.items}
    for family, instead in fallbacks(styles, installed).items():
        message = (f"the font {family} is not installed, so the handout is set in {instead}; "
                   f"install it (Debian: scripts/bootstrap installs fonts-paratype)")
        if (str(source) if source else None, message) not in seen:
            diagnostics.warn(source, None, "font-missing", message)
