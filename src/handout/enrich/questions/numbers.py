"""Number items: a sentence's one count blanked, other counts of the lecture with the same unit as options.

"______ мың десятина жер алды" takes other "… мың" counts the lecture gives, within a factor of ten
of the answer (the same magnitude: 460 beside 300 and 1 200, never beside 3), so a student tells them
apart by knowing the fact, not by its size. A lecture with fewer than three such counts gives no item.
"""

from __future__ import annotations

import re

from ... import lang as languages
from ...model import Lecture, Question
from .common import choice_options, make_question, short_hash
from .statements import _NUMBER, BLANK, Statement, number_span

MAGNITUDE = 10.0
"""A distractor lies within this factor of the answer."""


def _value(written: str) -> float:
    return float(re.sub(r"[\s\u00a0]", "", written).replace(",", "."))


_MULTIPLIER = re.compile(r"(?:мың|млн|млрд|тыс|миллион|миллиард|thousand|million|billion)", re.IGNORECASE)


def _unit(text: str, end: int) -> str:
    """The unit after a count, with the noun after a multiplier ("млн. га" is not "млн. тонн")."""
    words = re.match(r"[\s\u00a0]+(\w+)\.?(?:[\s\u00a0]+(\w+))?", text[end:])
    if not words:
        return ""
    unit = words.group(1).casefold()[:4]
    if _MULTIPLIER.match(unit) and words.group(2):
        unit += " " + words.group(2).casefold()[:4]
    return unit


def lecture_counts(statements: list[Statement]) -> dict[str, list[str]]:
    """Every count the lecture's sentences give, by unit, as written, each once."""
    counts: dict[str, list[str]] = {}
    for statement in statements:
        for found in _NUMBER.finditer(statement.text):
            written = counts.setdefault(_unit(statement.text, found.end()), [])
            if found.group() not in written:
                written.append(found.group())
    return counts


def number_choices(lecture: Lecture, statements: list[Statement], wanted: int, seed: int, used: set[str]) -> list[Question]:
    """Up to ``wanted`` count items from statements not used by another item."""
    if wanted <= 0:
        return []
    lang = lecture.meta.lang
    language = languages.get(lang)
    counts = lecture_counts(statements)
    made = []
    for statement in statements:
        if len(made) >= wanted:
            break
        span = number_span(statement) if statement.text not in used else None
        if span is None:
            continue
        answer = statement.text[span[0]:span[1]]
        value = _value(answer)
        near = [other for other in counts.get(_unit(statement.text, span[1]), [])
                if other != answer and value and 1 / MAGNITUDE <= _value(other) / value <= MAGNITUDE]
        options = choice_options(answer, sorted(near, key=lambda other: abs(_value(other) - value))[:4], f"{seed}:{answer}")
        if options is None:
            continue
        blanked = statement.text[:span[0]] + BLANK + statement.text[span[1]:]
        sentence = language.quote(blanked.rstrip().rstrip(".!"))
        made.append(make_question(lang, language.phrases["choice_number"].format(sentence=sentence), "choice", answer,
                                  (statement.section, statement.line, statement.anchor),
                                  f"number-{short_hash(statement.text)}", options=options, correct=answer))
        used.add(statement.text)
    return made
