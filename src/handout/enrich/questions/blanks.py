"""Items that print a whole sentence of the lecture with one year or number blanked or swapped.

- ``choice`` (year): the sentence with its year blanked, four or five years of the same era to choose from;
- ``fill``: the sentence with its year, count or a person's surname blanked;
- ``truefalse``: the sentence as written (true) or with another year of the lecture swapped in (false),
  the key giving the sentence as the lecture writes it.
"""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import choice_options, make_question, short_hash, year_distractors
from .statements import BLANK, Statement, number_span, swappable_year


_ROTATION = (("truefalse", "choice", "fill"), ("choice", "fill", "truefalse"), ("fill", "truefalse", "choice"))
MAX_PER_YEAR = 2
"""At most this many blank items whose answer (or swapped year) is the same year."""


def _spread(statements: list[Statement]) -> list[Statement]:
    """Order statements so consecutive picks come from different sections."""
    queues: dict[str, list[Statement]] = {}
    for statement in statements:
        queues.setdefault(statement.section, []).append(statement)
    ordered, lists = [], list(queues.values())
    while any(lists):
        for queue in lists:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def _where(statement: Statement) -> tuple:
    return statement.section, statement.line, statement.anchor


def _replace(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1]:]


def _body(text: str) -> str:
    return text.rstrip().rstrip(".!")


def blank_items(lecture: Lecture, statements: list[Statement], lecture_years: set[int], count: dict[str, int],
                seed: int, used: set[str]) -> list[Question]:
    """Make year-choice, true/false and fill-in items from the statements, each sentence used once."""
    language = languages.get(lecture.meta.lang)
    phrases, lang = language.phrases, lecture.meta.lang
    made: list[Question] = []
    limits = {"choice": count.get("choice", 0), "truefalse": count.get("truefalse", 0), "fill": count.get("fill", 0)}
    done = dict.fromkeys(limits, 0)
    per_year: dict[int, int] = {}
    for index, statement in enumerate(_spread(statements)):
        if statement.text in used:
            continue
        span = swappable_year(statement)
        if span is None:
            continue
        year = int(statement.text[span[0]:span[1]])
        if per_year.get(year, 0) >= MAX_PER_YEAR:
            continue  # three items in a row whose answer is 1920 test one fact, not three
        others = year_distractors(year, lecture_years)
        key = short_hash(statement.text)
        order = _ROTATION[index % 3]  # kinds take turns, so each gets sentences from every section
        for kind in order:
            if done[kind] >= limits[kind]:
                continue
            question = None
            if kind == "choice":
                options = choice_options(str(year), [str(y) for y in others], f"{seed}:{key}")
                if options:
                    sentence = language.quote(_body(_replace(statement.text, span, BLANK)))
                    question = make_question(lang, phrases["choice_year"].format(sentence=sentence), "choice", str(year),
                                             _where(statement), f"choice-{key}", options=options, correct=str(year))
            elif kind == "fill":
                sentence = _replace(statement.text, span, BLANK)
                question = make_question(lang, phrases["fill"].format(sentence=sentence), "fill", str(year),
                                         _where(statement), f"fill-{key}", correct=str(year), answer_kind="year")
            elif others and not statement.qualified:
                question = _true_false(statement, span, others, done[kind], lang, key)
            if question is not None:
                made.append(question)
                per_year[year] = per_year.get(year, 0) + 1
                done[kind] += 1
                used.add(statement.text)
                break
    made += _number_fills(lecture, statements, limits["fill"] - done["fill"], used)
    return made


def _true_false(statement: Statement, span, others: list[int], number: int, lang: str, key: str) -> Question:
    """Every other statement is made false by swapping in the nearest other year of the lecture."""
    phrases = languages.get(lang).phrases
    if number % 2 == 0:
        shown = _replace(statement.text, span, str(others[0]))
        answer = phrases["false"].format(correct=languages.get(lang).quote(_body(statement.text)))
        truth = False
    else:
        shown, answer, truth = statement.text, phrases["true"], True
    return make_question(lang, phrases["truefalse"].format(statement=shown), "truefalse", answer,
                         _where(statement), f"truefalse-{key}", truth=truth)


def _number_fills(lecture: Lecture, statements: list[Statement], wanted: int, used: set[str]) -> list[Question]:
    """Blank the one count of a sentence ("460 мың десятина"), then a person's surname."""
    lang = lecture.meta.lang
    phrases = languages.get(lang).phrases
    made = []
    surnames = {person.surname: person for person in lecture.people if len(person.surname) > 3}
    for statement in _spread(statements):
        if len(made) >= wanted:
            break
        if statement.text in used:
            continue
        span, kind = number_span(statement), "number"
        if span is None:
            span, kind = _surname_span(statement.text, surnames), "name"
        if span is None:
            continue
        answer = statement.text[span[0]:span[1]]
        sentence = _replace(statement.text, span, BLANK)
        made.append(make_question(lang, phrases["fill"].format(sentence=sentence), "fill", answer,
                                  _where(statement), f"fill-{short_hash(statement.text)}", correct=answer, answer_kind=kind))
        used.add(statement.text)
    return made


def _surname_span(text: str, surnames: dict) -> tuple[int, int] | None:
    """Return the span of the one known surname the sentence names as a whole word."""
    hits = []
    for surname in surnames:
        start = text.find(surname)
        while start >= 0:
            end = start + len(surname)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalpha() and not after.isalpha():
                hits.append(_with_first_name(text, start, end, surnames[surname]))
            start = text.find(surname, end)
    return hits[0] if len(hits) == 1 else None


def _with_first_name(text: str, start: int, end: int, person) -> tuple[int, int]:
    """Widen a surname to the full first name written before it ("Сырым Датұлы"): the first name alone
    would give the answer away; initials ("Ә. Бөкейханов") stay, they only hint."""
    first = person.name[: len(person.name) - len(person.surname)].rstrip()
    if len(first) > 2 and "." not in first and text[max(0, start - len(first) - 1):start] == first + " ":
        before = text[start - len(first) - 2] if start - len(first) - 2 >= 0 else " "
        if not before.isalpha():
            return start - len(first) - 1, end
    return start, end
