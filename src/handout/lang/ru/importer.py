"""The Russian importer's rules: header words, hyphen particles and dictionaries (the stages: ``lang/importing.py``).

Title lines read: «Лекция 3. Казахстан в 1917–1920 годах», «Лекция № 3: …», «Тема 3. …», «№ 3 Лекция. …»,
«Тема: …», «Тема лекции: …», «Лекция 3» with «Тема: …» on the next line; else a heading-like first
line. «Цели лекции:» / «Результаты обучения:» and «План лекции:» / «Содержание:» with numbered items
give the outcomes and the contents list.
"""

from __future__ import annotations

import re

from .. import importing
from ..compounds import dictionary_judge
from . import PACK

LECTURE_WORD = r"(?:лекция|занятие)"
NUMBERED_WORD = r"(?:лекция|занятие|тема)"
"""Words a lecture's number follows: «Лекция 3.», «Тема 3.» (a syllabus's numbering)."""
TOPIC = r"(?:тема(?:\s+лекции)?)"
HEADER = re.compile(
    rf"^(?:№\s*(?P<n1>\d+)\s*[-.:]?\s*(?:{LECTURE_WORD}\b\s*[-.:]?)?|{NUMBERED_WORD}\s*№?\s*(?P<n2>\d+)\s*[-.:–—]?"
    rf"|(?P<n3>\d+)\s*-?\s*я?\s+{LECTURE_WORD}\b\s*[-.:]?)?\s*(?P<topic>{TOPIC}\s*[:.])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
TOPIC_LINE = re.compile(rf"^{TOPIC}\s*[:.]\s*(.*)$", re.IGNORECASE)
OUTCOMES_LABEL = re.compile(
    r"^(?:цели|цель|задачи|(?:ожидаемые\s+)?результаты(?:\s+обучения)?)(?:\s+(?:лекции|занятия))?\s*[:.]?$",
    re.IGNORECASE)
CONTENTS_LABEL = re.compile(r"^(?:план|содержание)(?:\s+(?:лекции|занятия))?\s*[:.]?$", re.IGNORECASE)
DETECT_WORDS = frozenset("и в на что не с по как из к был была были это его их а также от для после он она они году".split())
# "1917 г.", "XIX в.", "им.", "т. е.": the line goes on, the sentence does not end there.
ABBREVIATIONS = r"г|гг|в|вв|им|тыс|млн|млрд|др|см|ср|ст|е|п|ок"

RULES = importing.ImportRules(
    code="ru",
    header=importing.HeaderRules(
        header=HEADER, topic_line=TOPIC_LINE, outcomes_label=OUTCOMES_LABEL, contents_label=CONTENTS_LABEL,
        missing_title="Лекция 3. Казахстан в 1917–1920 годах", title_from_first_line=True, search_lines=6,
        title_wraps_when_full=True,
    ),
    hyphen_judge=dictionary_judge(PACK.spelling, tail_particles=frozenset({"то", "либо", "нибудь", "таки", "ка"}),
                                  head_particles=frozenset({"кое"})),
    initial_end=importing.initial_end(ABBREVIATIONS),
    repair=importing.plain_repairs,
    number_suffix=True,
    page_breaks=True,
    detect_words=DETECT_WORDS,
    letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
)

__all__ = ["RULES"]
