"""Place items: a sentence of the lecture with its one place blanked, other places of the lecture as options.

A distractor is of the answer's own type: a city for a city ("Орынбор қаласында" beside other
"… қаласы" of the lecture), a region for a region, and in the blank's own form («в ______» takes
«Оренбурге», «Семипалатинске», «Верном»: the pack puts each name in the answer's case). A place
the sentence names twice, or a lecture with fewer than three other places of that type, gives no item.
"""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import choice_options, make_question, short_hash, shuffled
from .statements import BLANK, Statement

MAX_OPTIONS = 5


def _same(name: str) -> str:
    """One spelling for a place's variants ("Kzyl-Orda", "Kzyl Orda")."""
    return "".join(letter for letter in name.casefold() if letter.isalpha())


def lecture_places(statements: list[Statement], rules) -> dict[str, list[tuple[str, str]]]:
    """The lecture's places by type, in reading order, each once (read from the sentences already split)."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for statement in statements:
        for _, _, key in rules.place_mentions(statement.text):
            kinds = by_kind.setdefault(key[1], [])
            if all(_same(key[0]) != _same(other[0]) for other in kinds):
                kinds.append(key)
    return by_kind


def place_choices(lecture: Lecture, statements: list[Statement], wanted: int, seed: int, used: set[str]) -> list[Question]:
    """Up to ``wanted`` place items from statements not used by another item."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    rules = language.questions
    if wanted <= 0 or getattr(rules, "place_mentions", None) is None:
        return []
    places = lecture_places(statements, rules)
    persons = {word for person in lecture.people for word in person.name.split()}
    places = {kind: [key for key in keys if not persons & set(key[0].split())] for kind, keys in places.items()}
    made = []
    for statement in statements:
        if len(made) >= wanted:
            break
        if statement.text in used:
            continue
        question = _place_item(statement, places, rules, language, lang, seed)
        if question is not None and all(_same(q.correct) != _same(question.correct) for q in made):
            made.append(question)  # one item per place: two asking for Petrograd test one fact
            used.add(statement.text)
    return made


def _place_item(statement: Statement, places, rules, language, lang: str, seed: int) -> Question | None:
    mentions = rules.place_mentions(statement.text)
    if len(mentions) != 1:
        return None  # two places in one sentence: the other one may be an option's clue
    start, end, key = mentions[0]
    answer = statement.text[start:end]
    others = [other for other in places.get(key[1], []) if _same(other[0]) != _same(key[0])]
    if len(others) < 3:
        return None
    forms = []
    for other in shuffled([name for name, _ in others], f"{seed}:{statement.text}"):
        form = rules.place_form((other, key[1]), answer)
        if form and form != answer and form not in forms:
            forms.append(form)
        if len(forms) == MAX_OPTIONS - 1:
            break
    options = choice_options(answer, forms, f"{seed}:place:{statement.text}")
    if options is None:
        return None
    blanked = statement.text[:start] + BLANK + statement.text[end:]
    sentence = language.quote(blanked.rstrip().rstrip(".!"))
    return make_question(lang, language.phrases["choice_place"].format(sentence=sentence), "choice", answer,
                         (statement.section, statement.line, statement.anchor), f"place-{short_hash(statement.text)}",
                         options=options, correct=answer)
