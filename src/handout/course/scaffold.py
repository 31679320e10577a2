"""``handout new DIR``: a course folder with a manifest and the default language pack's example lecture."""

from __future__ import annotations

from pathlib import Path

from .. import lang as languages
from ..errors import HandoutError

MANIFEST = """\
# The course manifest. Every path is relative to this folder.
# Build with:  handout build {folder}

[course]
title = "Қазақстан тарихы"
institution = "Университет атауы"
teacher = "Оқытушының аты-жөні"
year = "2026–2027"
lang = "{lang}"                      # {choices}: the language of labels and the download page
lectures = ["lectures/*.md"]     # files or globs, in course order

[build]
editions = ["student", "teacher", "worksheet"]
paper = "a4"                     # a4, a5 or letter
layout = "standard"              # standard, booklet, 2up or large-print
out = "dist"                     # PDFs, reader.pdf and index.html go here
reader = true                    # build reader.pdf: every lecture in one book
index = true                     # build index.html: the students' download page
"""

def new_course(folder: Path) -> list[Path]:
    """Create ``folder`` with ``handout.toml`` and ``lectures/lecture01.md``; refuse to overwrite anything."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandoutError("already exists and is not an empty folder; choose a new folder name", folder)
    manifest = folder / "handout.toml"
    lecture = folder / "lectures" / "lecture01.md"
    lecture.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(MANIFEST.format(folder=folder, lang=languages.DEFAULT, choices=languages.choices()), encoding="utf-8")
    lecture.write_text(languages.get().example_lecture(), encoding="utf-8")
    return [manifest, lecture]
