"""The Kazakh importer's rules: its header words, compounds, and legacy-font repairs (the rest: ``lang/importing.py``).

The extraction conventions handled (those of the course's lecture files):

- every source line is followed by an empty line; extra blank lines are page gaps;
- a header ``№10 Лекция тақырыбы: 4-БЛОК. …`` with the title on the next line;
- ``Лекцияның оқыту нәтижелері:`` and ``Лекция мазмұны.`` followed by numbered items;
- sections start with their number (``2.Желтоқсандағы …``), often run into the first paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import importing
from . import orthography
from .textfiles import check_files

__all__ = ["RULES", "check_files", "import_file", "import_text"]

# "№10 Лекция тақырыбы: …", "Дәріс №3. Тақырыбы: …", "Лекция № 7", "8-дәріс. Тақырыбы: …", "Тақырыбы: …".
LECTURE_WORD = r"(?:лекция|дәріс)"
HEADER = re.compile(
    rf"^(?:№\s*(?P<n1>\d+)\s*[-.]?\s*(?:{LECTURE_WORD}\b)?|{LECTURE_WORD}\s*№?\s*(?P<n2>\d+)\s*[-.]?"
    rf"|(?P<n3>\d+)\s*-\s*{LECTURE_WORD}\b\s*[-.]?)?\s*(?P<topic>(?:{LECTURE_WORD}\w*\s+)?тақырыб?ы?\s*[:.])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
TOPIC_LINE = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?тақырыб?ы?\s*[:.]\s*(.*)$", re.IGNORECASE)
BLOCK = re.compile(r"^\d+\s*-\s*БЛОК\b.*$")
OUTCOMES_LABEL = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?оқыту\s+нәтижелері\s*[:.]?$", re.IGNORECASE)
CONTENTS_LABEL = re.compile(rf"^(?:{LECTURE_WORD}\w*\s+)?(?:мазмұны|жоспары?)\s*[:.]?$", re.IGNORECASE)
# Common words that tell Kazakh from Russian (the letters ә, ғ, қ, ң, ө, ұ, ү, һ, і do most of it).
DETECT_WORDS = frozenset("және мен бен пен бұл осы ол үшін жылы болды деп да де ретінде бойынша арқылы".split())


def _keeps_hyphen(splits: list[tuple[str, str]], compounds: frozenset[str]) -> importing.KeepsHyphen:
    return orthography.keeps_hyphen  # it keeps its own spelling lookups


RULES = importing.ImportRules(
    code="kk",
    header=importing.HeaderRules(
        header=HEADER, topic_line=TOPIC_LINE, block=BLOCK, outcomes_label=OUTCOMES_LABEL,
        contents_label=CONTENTS_LABEL, missing_title="№10 Лекция тақырыбы: …",
    ),
    hyphen_judge=_keeps_hyphen,
    initial_end=importing.initial_end("ж|жж|ғ|ғғ"),
    repair=lambda text: orthography.repair(text)[0],
    finish_paragraph=lambda text: orthography.apply_fixes(text)[0],
    detect_words=DETECT_WORDS,
    letters="абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
)


def import_text(text: str, source_name: str, course: str = "", date: str = "") -> str:
    """Turn a damaged Kazakh lecture extraction into lecture Markdown (see :func:`importing.import_text`)."""
    return importing.import_text(text, source_name, RULES, course=course, date=date)


def import_file(src: Path, out: Path, force: bool = False, course: str = "", date: str = "") -> Path:
    """Import one Kazakh extraction into a lecture file, refusing to overwrite it unless forced."""
    return importing.import_file(src, out, force=force, code="kk", course=course, date=date)
