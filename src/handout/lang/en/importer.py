"""The English importer's rules: header words and dictionaries (the stages: ``lang/importing.py``).

Title lines read: "Lecture 3: The Kazakh Khanate", "Lecture 3. …", "Lecture No. 3 — …", "Topic 3. …",
"Topic: …", "Lecture topic: …", "Lecture 3" with "Topic: …" on the next line; else a heading-like
first line. "Learning outcomes:" / "Objectives:" and "Outline:" / "Lecture plan:" / "Contents:"
with numbered items give the outcomes and the contents list.
"""

from __future__ import annotations

import re

from .. import importing
from ..compounds import dictionary_judge
from . import PACK

TOPIC = r"(?:(?:lecture\s+)?(?:topic|theme))"
HEADER = re.compile(
    rf"^(?:(?:lecture|topic|unit)\s*(?:no\.?|№|#)?\s*(?P<n2>\d+)\s*[-.:–—]?|)?\s*(?P<topic>{TOPIC}\s*[:.])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
TOPIC_LINE = re.compile(rf"^{TOPIC}\s*[:.]\s*(.*)$", re.IGNORECASE)
OUTCOMES_LABEL = re.compile(
    r"^(?:(?:expected\s+)?(?:learning\s+)?(?:outcomes|objectives|aims|goals))(?:\s+of\s+the\s+lecture)?\s*:?$",
    re.IGNORECASE)
CONTENTS_LABEL = re.compile(r"^(?:lecture\s+)?(?:outline|plan|contents)(?:\s+of\s+the\s+lecture)?\s*:?$", re.IGNORECASE)
DETECT_WORDS = frozenset("the of and to in was were is that by for with as on from which this had".split())
# "Gen.", "St.", "pp.", "c. 1450": the line goes on, the sentence does not end there.
ABBREVIATIONS = r"Mr|Mrs|Dr|St|Gen|Col|Lt|Capt|Gov|Rev|vol|pp|p|cf|ca|c|No|vs"

RULES = importing.ImportRules(
    code="en",
    header=importing.HeaderRules(
        header=HEADER, topic_line=TOPIC_LINE, outcomes_label=OUTCOMES_LABEL, contents_label=CONTENTS_LABEL,
        missing_title="Lecture 3: Kazakhstan in 1917–1920", title_from_first_line=True, search_lines=6,
        title_wraps_when_full=True,
    ),
    hyphen_judge=dictionary_judge(PACK.spelling),
    initial_end=importing.initial_end(ABBREVIATIONS),
    repair=importing.plain_repairs,
    number_suffix=True,
    page_breaks=True,
    detect_words=DETECT_WORDS,
    letters="abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüùçñæœ",
)

__all__ = ["RULES"]
