"""Person items from ``Lecture.people``: "who was <role>?" with other persons as options, and person ↔ role matching."""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import capitalized, choice_options, make_question, short_hash, shuffled
from .statements import balanced

MAX_ROLE_WORDS = 12


def _with_role(lecture: Lecture) -> list:
    seen, people = set(), []
    for person in lecture.people:
        role = person.role.strip().rstrip(".")
        if role and person.name not in seen and balanced(role) and "…" not in role and len(role.split()) <= MAX_ROLE_WORDS:
            seen.add(person.name)
            people.append(person)
    return people


def person_choices(lecture: Lecture, wanted: int, seed: int) -> list[Question]:
    """Ask who held a role; the other options are other persons the lecture names."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    names = [person.name for person in lecture.people]
    roles = [person.role.strip().casefold() for person in lecture.people]
    made = []
    for person in _with_role(lecture):
        if len(made) >= wanted:
            break
        role = person.role.strip().rstrip(".")
        if roles.count(role.casefold()) > 1:
            continue  # two persons share the role: the question has no single answer
        options = choice_options(person.name, [n for n in names if n != person.name], f"{seed}:{person.name}")
        if options is None:
            continue
        text = capitalized(language.phrases["person_choice"].format(role=role))
        made.append(make_question(lang, text, "choice", person.name, (person.section, person.line, person.anchor),
                                  f"person-{short_hash(person.name)}", options=options, correct=person.name))
    return made


def person_matching(lecture: Lecture, size: int, seed: int, asked: set[str]) -> list[Question]:
    """Match 3–5 persons with their roles (persons not asked about in a choice item)."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    people = [p for p in _with_role(lecture) if p.name not in asked][:size]
    if len(people) < 3:
        return []
    pairs = tuple((person.name, person.role.strip().rstrip(".")) for person in people)
    options = shuffled([role for _, role in pairs], f"{seed}:people")
    letters = language.labels["matching_letters"]
    answer = ", ".join(f"{number}–{letters[options.index(role)]}" for number, (_, role) in enumerate(pairs, 1))
    first = people[0]
    return [make_question(lang, language.phrases["person_matching"], "matching", answer,
                          (first.section, first.line, first.anchor), "matching-people",
                          pairs=pairs, prompts=tuple(name for name, _ in pairs), options=options)]
