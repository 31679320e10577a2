"""Whole sentences of the lecture that a question may print as they stand (self-contained statements).

Fill-in, true/false and year-choice items print a sentence of the lecture with one year (or
number) blanked or swapped; "why" items quote the effect half of a sentence that states its
cause. A sentence qualifies only when it reads alone: no pronoun pointing back first, no two
sentences run together, quotes that balance, no ellipsis, a length a student reads at a glance.
"""

from __future__ import annotations

import dataclasses
import re

from ... import lang as languages
from ...model import Lecture
from ..chronology import strip_markdown

MIN_WORDS, MAX_WORDS = 6, 32
_WORD = re.compile(r"[^\W_]+(?:[-‑][^\W_]+)*")
_GLUED = re.compile(r"[^\W\d_]{2}[.!?][^\W\d_\s]|[^\W_]-\s")
"""Two sentences glued at a full stop ("жеткізді.Соғыстың"), or a hanging hyphen of damaged text ("жылы- автоматшы")."""
_YEAR = re.compile(r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d%])")
_NUMBER = re.compile(
    r"(?<![\d.,‑-])\d{2,3}(?:[ \u00a0]\d{3})*(?:,\d+)?(?=[ \u00a0](?:мың|млн|млрд|тыс|миллион|thousand|million|billion"
    r"|десятин|гектар|hectare|адам|человек|people|сом|рубл|km|км)\w*)"
)
"""A count with its unit ("460 мың десятина"); ages, ordinals and anniversaries ("22 жыл толды") are left alone."""
_CITATION = re.compile(r"\s*\[\d{1,3}\]")
_LABEL_PREFIX = re.compile(r"^[^\W\d_][^.:!?]{0,40}:\s")
_TIMELINE_ENTRY = re.compile(r"^\d{3,4}(?:[-–]\d+)?\s+(?=[^\W\d_])(?=\w)[^\W\d_a-zа-яәғқңөұүһі]|^[^–-]{0,25}\d{4}\s+[-–]\s")
"""A timeline line ("1227 Death of Genghis Khan", "Nov. 15, 1993 – Kazakhstan introduces …"), not a sentence."""


@dataclasses.dataclass(frozen=True)
class Statement:
    """One self-contained sentence with where it stands."""

    text: str
    line: int
    anchor: str
    section: str
    years: tuple[tuple[int, int], ...]
    """Spans of the four-digit years inside the dates the language pack finds in the sentence."""
    qualified: bool = False
    """A date of the sentence is "by", "until" or "from" one (1925 жылға қарай): another year there is no clear falsehood."""


def balanced(text: str) -> bool:
    """Tell whether every quotation mark and bracket of the text is closed."""
    pairs = (("«", "»"), ("„", "“"), ("(", ")"), ("[", "]"))
    if any(text.count(left) != text.count(right) for left, right in pairs if left != "„"):
        return False
    return text.count('"') % 2 == 0 and text.count("„") <= text.count("“")


def readable(text: str, rules) -> bool:
    """Tell whether the sentence reads alone: no ellipsis, quotes closed, no pronoun first, no run-on."""
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS or "…" in text or "..." in text:
        return False
    if not balanced(text) or rules.RUN_ON.search(text) or not text.rstrip().endswith((".", "!")):
        return False
    if _LABEL_PREFIX.match(text) or _TIMELINE_ENTRY.match(text):
        return False  # "Domestic political development: After …": a heading run into its text
    if _GLUED.search(text) or not rules.PREDICATE_END.search(words[-1] + "."):
        return False  # two sentences glued at a full stop, or a heading-like phrase with no predicate
    verb = getattr(rules, "has_predicate", None)
    if verb is not None and not verb(text):
        return False  # «Восстание (движение) 1916 года в Казахстане.»: a title, wherever its verb would stand
    first = words[0].casefold()
    pair = " ".join(words[:2]).casefold()
    if any(word.casefold() in rules.BACK_REFERENCES for word in words):
        return False
    if any(word.casefold() in rules.POINTING for word in words[:5]):
        return False  # "Қазақтан жиналатын осы ауыртпалық": the sentence leans on the one before
    if any(word.casefold() in rules.PRONOUNS for word in words[:4]):
        return False  # "1924 жылы ол жойылып": the pronoun still points back
    if first in rules.LEADING_ANAPHORS or pair in rules.LEADING_ANAPHORS:
        return False
    return rules.dangling_reference(text) is None  # "В марте 1920 г. он упразднил Алаш-Орду": who?


def points_back(text: str, rules) -> bool:
    """Tell whether a clause leans on an earlier sentence (a pointing determiner anywhere in it)."""
    return any(word.casefold() in rules.POINTING or word.casefold() in rules.BACK_REFERENCES for word in _WORD.findall(text))


def without_connector(text: str, rules) -> str:
    """Drop a leading connective ("Ал", "Дегенмен") so a quoted sentence or clause starts cleanly."""
    head, _, rest = text.partition(" ")
    if rest and head.casefold().strip(",") in rules.LEADING_CONNECTORS:
        return rest[:1].upper() + rest[1:]
    return text


def lecture_sentences(lecture: Lecture):
    """Yield (sentence, line, anchor, section title) for every sentence of the lecture's sections."""
    language = languages.get(lecture.meta.lang)
    for section in lecture.sections:
        for block in section.blocks:
            if block.text.lstrip().startswith(("|", "#", ">", "```")):
                continue
            plain, origin = strip_markdown(block.text)
            for start, end in language.split_sentences(plain):
                sentence = _CITATION.sub("", re.sub(r"\s+", " ", plain[start:end])).strip()
                line = block.line + block.text[: origin[start]].count("\n")
                yield sentence, line, block.anchor, section.title


def statements(lecture: Lecture) -> list[Statement]:
    """Return the lecture's self-contained sentences, each with the year spans of its dates."""
    language = languages.get(lecture.meta.lang)
    rules = language.questions
    found = []
    for sentence, line, anchor, section in lecture_sentences(lecture):
        sentence = without_connector(sentence, rules)
        if not readable(sentence, rules):
            continue
        years, qualified = [], False
        for match in language.find_dates(sentence):
            if match.value is None:
                continue
            qualified = qualified or match.value.qualifier in ("until", "from", "by")
            years += [(m.start() + match.start, m.end() + match.start) for m in _YEAR.finditer(sentence[match.start:match.end])]
        found.append(Statement(sentence, line, anchor, section, tuple(years), qualified))
    return found


def swappable_year(statement: Statement) -> tuple[int, int] | None:
    """Return the span of the statement's one year when it can be blanked or swapped safely.

    Exactly one year in the sentence, written as a bare number (no suffix glued to it, whose
    vowel harmony would follow the digits), and no other four-digit number around.
    """
    if len(statement.years) != 1 or len(_YEAR.findall(statement.text)) != 1:
        return None
    start, end = statement.years[0]
    after = statement.text[end:end + 1]
    if after.isalpha() or after in ("'", "’") or (after in ("-", "‑", "–") and statement.text[end + 1:end + 2].isalnum()):
        return None  # a decade ("1870s", "1920-е"), a range ("1219-25") or a suffix glued to the digits
    return start, end


def number_span(statement: Statement) -> tuple[int, int] | None:
    """Return the span of the one count in the sentence ("460 мың десятина"), if it has exactly one and no year."""
    if statement.years or _YEAR.search(statement.text):
        return None
    found = list(_NUMBER.finditer(statement.text))
    return (found[0].start(), found[0].end()) if len(found) == 1 else None


BLANK = "______"
