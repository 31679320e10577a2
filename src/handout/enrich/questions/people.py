"""Person items from ``Lecture.people``: "who was <role>?" with other persons as options, and person ↔ role matching."""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import capitalized, choice_options, make_question, short_hash, shuffled
from .statements import balanced

MAX_ROLE_WORDS = 12


def _with_role(lecture: Lecture) -> list:
    """Persons whose role is a noun phrase of two words or more that no other person shares.

    "Алашорда үкіметінің төрағасы" asks well; "күрескер" (a fighter, said of many) or a verb
    phrase ("Шығыстағы бөлігін басқарды") does not give one answer.
    """
    rules = languages.get(lecture.meta.lang).questions
    roles = [_signature(person.role) for person in lecture.people]
    seen, people = set(), []
    for person in lecture.people:
        role = person.role.strip().rstrip(".")
        words = role.split()
        if not (2 <= len(words) <= MAX_ROLE_WORDS) or person.name in seen or roles.count(_signature(role)) > 1:
            continue
        if not balanced(role) or "…" in role or (rules.PREDICATE_END.search(words[-1]) and not _NOUNISH(rules, words[-1])):
            continue
        seen.add(person.name)
        people.append(person)
    return people


def _signature(role: str) -> tuple[str, ...]:
    """Words cut to their first five letters: "Комитеті төрағасы" and "Комитетінің төрағасы" are one role."""
    return tuple(word[:5] for word in role.strip().rstrip(".").casefold().split())


def _NOUNISH(rules, word: str) -> bool:
    """Tell whether a role's last word is its head noun rather than a verb (the pack may say; else a verb ending wins)."""
    nouns = getattr(rules, "ROLE_HEADS", ())
    return any(word.casefold().endswith(head) for head in nouns)


def person_choices(lecture: Lecture, wanted: int, seed: int) -> list[Question]:
    """Ask who held a role; the other options are other persons the lecture names."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    names = [person.name for person in lecture.people]
    made = []
    for person in _with_role(lecture):
        if len(made) >= wanted:
            break
        role = person.role.strip().rstrip(".")
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
    people = [p for p in _with_role(lecture) if language.typeset_text(p.name) not in asked][:size]
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
