"""``handout new DIR``: a course folder with a manifest and one example lecture in Kazakh."""

from __future__ import annotations

from pathlib import Path

from ..errors import HandoutError

MANIFEST = """\
# The course manifest. Every path is relative to this folder.
# Build with:  handout build {folder}

[course]
title = "Қазақстан тарихы"
institution = "Университет атауы"
teacher = "Оқытушының аты-жөні"
year = "2026–2027"
lang = "kk"                      # kk, ru or en: the language of labels and the download page
lectures = ["lectures/*.md"]     # files or globs, in course order

[build]
editions = ["student", "teacher", "worksheet"]
paper = "a4"                     # a4, a5 or letter
layout = "standard"              # standard, booklet, 2up or large-print
out = "dist"                     # PDFs, reader.pdf and index.html go here
reader = true                    # build reader.pdf: every lecture in one book
index = true                     # build index.html: the students' download page
"""

EXAMPLE_LECTURE = """\
---
title: Алаш автономиясы
number: 1
block: 4-БЛОК. КЕҢЕСТІК КЕЗЕҢДЕГІ ҚАЗАҚСТАН
lang: kk
date: 2026-09-01
outcomes:
  - Алаш қозғалысының мақсаттарын түсіндіру.
  - Алаш-Орда үкіметінің құрылуын сипаттау.
---
## Жалпықазақ съезі

Қазақ ұлттық интеллигенциясы 1917 жылы 5-13 желтоқсанда Орынбор қаласында өткен
Екінші Жалпықазақ съезінде қазақ мемлекеттілігі туралы мәселені қарады.

## Алаш-Орда үкіметі

Съезд Алаш автономиясын жариялап, оның үкіметі – Алаш-Орданы құрды. Үкіметтің
төрағасы болып Әлихан Бөкейханов сайланды. Үкімет құрамына 25 адам кірді.
"""


def new_course(folder: Path) -> list[Path]:
    """Create ``folder`` with ``handout.toml`` and ``lectures/lecture01.md``; refuse to overwrite anything."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandoutError("already exists and is not an empty folder; choose a new folder name", folder)
    manifest = folder / "handout.toml"
    lecture = folder / "lectures" / "lecture01.md"
    lecture.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(MANIFEST.format(folder=folder), encoding="utf-8")
    lecture.write_text(EXAMPLE_LECTURE, encoding="utf-8")
    return [manifest, lecture]
