"""Person items from ``Lecture.people``: "who was <role>?" with other persons as options, and person ↔ role matching."""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import capitalized, choice_options, make_question, short_hash, shuffled
from .statements import balanced

MAX_ROLE_WORDS = 12


def _with_role(lecture: Lecture) -> list:
    """Persons whose role is a noun phrase of two words or more that no other person shares (``_shared``).

    "Алашорда үкіметінің төрағасы" asks well; "күрескер" (a fighter, said of many) or a verb
    phrase ("Шығыстағы бөлігін басқарды") does not give one answer.
    """
    rules = languages.get(lecture.meta.lang).questions
    roles = [_signature(person.role) for person in lecture.people if len(person.role.split()) >= 2]
    seen, people = set(), []
    for person in lecture.people:
        role = person.role.strip().rstrip(".")
        words = role.split()
        if not (2 <= len(words) <= MAX_ROLE_WORDS) or person.name in seen or _shared(_signature(role), roles):
            continue
        if not balanced(role) or "…" in role or (rules.PREDICATE_END.search(words[-1]) and not _NOUNISH(rules, words[-1])):
            continue
        if not _names_body(words, getattr(rules, "GENERIC_ROLE_WORDS", ())):
            continue
        seen.add(person.name)
        people.append(person)
    return people


def _names_body(words: list[str], generic: tuple[str, ...]) -> bool:
    """Tell whether a role names its body: one capitalized word that is not a bare direction or a generic noun.

    "Батыс бөлімшесінің төрағасы" (of which body?) and "Съезд төрағасы" (which congress?) do not;
    "Алашорда үкіметінің төрағасы" and "Орынбор казак әскерінің басшысы" do.
    """
    bare = [word.strip("«»\"“”„()") for word in words]
    return any(word[:1].isupper() and not word.casefold().startswith(generic) for word in bare)


def _shared(signature: tuple[str, ...], roles: list[tuple[str, ...]]) -> bool:
    """Tell whether another person holds this role: the same words, or the same with more or fewer of them.

    «первый секретарь Казкрайкома ВКП(б)» and «первый секретарь Казкрайкома» (two men, one after
    the other) are one role: asked about either, the other is a right answer too.
    """
    words = set(signature)
    return sum(words <= set(other) or set(other) <= words for other in roles) > 1


def _signature(role: str) -> tuple[str, ...]:
    """Words cut to their first five letters: "Комитеті төрағасы" and "Комитетінің төрағасы" are one role."""
    return tuple(word[:5] for word in role.strip().rstrip(".").casefold().split())


def _NOUNISH(rules, word: str) -> bool:
    """Tell whether a role's last word is its head noun rather than a verb (the pack may say; else a verb ending wins)."""
    nouns = getattr(rules, "ROLE_HEADS", ())
    return any(word.casefold().endswith(head) for head in nouns)


def _initials(name: str, surname: str) -> str:
    """ "Әлихан Бөкейханов" → "Ә. Бөкейханов"; "В. И. Ленин" and a bare surname stay as they are."""
    words = name.split()
    if len(words) < 2 or words[-1] != surname:
        return name
    return " ".join(word if word.endswith(".") else f"{word[0]}." for word in words[:-1]) + " " + surname


def printed_names(people) -> dict[str, str]:
    """One form for every person a set of options names: full names when all have one, else initials, else surnames.

    Options that mix "Әлихан Бөкейханов" with "П. Басов" (or «Букейханов» with «А. Н. Букейханов»)
    give the answer away by its shape; the fullest form every one of them has is printed instead.
    """
    people = list(people)
    if all(len(p.name.split()) > 1 and not any(w.endswith(".") for w in p.name.split()) for p in people):
        return {p.name: p.name for p in people}
    if all(len(p.name.split()) > 1 for p in people):
        return {p.name: _initials(p.name, p.surname) for p in people}
    return {p.name: p.surname for p in people}


def _distractors(person, people, rules) -> list:
    """Other persons, never another form of the same one ("A. Bukeikhanov" beside "Alikhan Bukeikhanov")."""
    key = rules.surname_key(person.surname)
    return [other for other in people if other.name != person.name and rules.surname_key(other.surname) != key]


def person_choices(lecture: Lecture, wanted: int, seed: int, shown: tuple[str, ...] = ()) -> list[Question]:
    """Ask who held a role; the other options are other persons the lecture names, all printed in one form.

    ``shown`` is what the sheet's other items print: a role another item prints beside its holder's
    name («… направил письмо» in a matching, «В ______ г. председателем … стал К. И. Сатпаев») is not asked.
    """
    lang = lecture.meta.lang
    language = languages.get(lang)
    rules = language.people
    made = []
    for person in _with_role(lecture):
        if len(made) >= wanted:
            break
        role = person.role.strip().rstrip(".")
        if _printed_beside(person.surname, role, shown):
            continue
        others = _distractors(person, lecture.people, rules)
        if len(others) < 3:
            continue
        pool = [person] + others[:4] if len(others) <= 4 else [person] + _seeded(others, f"{seed}:{person.name}")[:4]
        printed = printed_names(pool)
        correct = printed[person.name]
        options = choice_options(correct, [printed[other.name] for other in pool[1:]], f"{seed}:{person.name}")
        if options is None:
            continue
        text = capitalized(language.phrases["person_choice"].format(role=language.questions.role_phrase(role)))
        made.append(make_question(lang, text, "choice", correct, (person.section, person.line, person.anchor),
                                  f"person-{short_hash(person.name)}", options=options, correct=correct))
    return made


def _printed_beside(surname: str, role: str, shown: tuple[str, ...]) -> bool:
    """Tell whether a printed text names the person and the body of their role (the words after its head)."""
    body = [word[:5].casefold() for word in role.split()[1:] if len(word) > 2]
    stem = surname[:max(4, len(surname) - 2)]
    return any(stem in text and all(word in text.casefold() for word in body) for text in shown)


def _seeded(people, seed) -> list:
    order = shuffled([person.name for person in people], seed)
    by_name = {person.name: person for person in people}
    return [by_name[name] for name in order]


def person_matching(lecture: Lecture, size: int, seed: int, asked: set[str]) -> list[Question]:
    """Match 3–5 persons with their roles (persons not asked about in a choice item)."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    people = [p for p in _with_role(lecture)
              if not {language.typeset_text(form) for form in (p.name, _initials(p.name, p.surname), p.surname)} & asked][:size]
    if len(people) < 3:
        return []
    printed = printed_names(people)
    pairs = tuple((printed[person.name], language.questions.role_phrase(person.role.strip().rstrip("."))) for person in people)
    options = shuffled([role for _, role in pairs], f"{seed}:people")
    letters = language.labels["matching_letters"]
    answer = ", ".join(f"{number}–{letters[options.index(role)]}" for number, (_, role) in enumerate(pairs, 1))
    first = people[0]
    return [make_question(lang, language.phrases["person_matching"], "matching", answer,
                          (first.section, first.line, first.anchor), "matching-people",
                          pairs=pairs, prompts=tuple(name for name, _ in pairs), options=options)]
