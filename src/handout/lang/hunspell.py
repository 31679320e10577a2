"""The Debian hunspell dictionaries a pack names (``LanguagePack.spelling``), asked through the hunspell binary.

Read by ``check --spelling`` (unknown words as notes) and by the Russian and English importers
(is a word split at a line end one word, or a compound broken at its own hyphen?).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

DICTIONARY_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))


def installed_dictionaries(names: tuple[str, ...]) -> list[Path]:
    """The dictionaries of ``names`` that are installed, as paths without the extension."""
    found = []
    for name in names:
        for folder in DICTIONARY_FOLDERS:
            base = folder / name
            if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
                found.append(base)
                break
    return found


def unknown_words(words: list[str], dictionaries: list[Path], hunspell: str | None = None) -> set[str] | None:
    """The words no dictionary knows, from one ``hunspell -l`` run; None when it cannot run (no binary, no dictionary)."""
    hunspell = hunspell or shutil.which("hunspell")
    if not hunspell or not dictionaries:
        return None
    if not words:
        return set()
    result = subprocess.run(
        [hunspell, "-l", "-i", "utf-8", "-d", ",".join(str(base) for base in dictionaries)],
        input="\n".join(words), capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    return set(result.stdout.split()) & set(words) if result.returncode == 0 else None


__all__ = ["DICTIONARY_FOLDERS", "installed_dictionaries", "unknown_words"]
