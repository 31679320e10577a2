"""Key people: the persons a lecture names, each with the role the text gives and the first mention.

The language pack finds the mentions (``lang/<code>/people.py``); this stage merges the forms of
one person ("Әлихан Бөкейханов", "Ә.Бөкейхан", "Бөкейхановтың"), keeps the best role, sorts by
surname in the pack's alphabet, and applies the teacher's front matter::

    people:
      exclude: [Ленин]                      # surnames to drop
      reword: {Сейфуллин: ақын, Кеңес өкіметі қайраткері}
      add: [{name: М. Шоқай, role: Түркістан автономиясының төрағасы}]

``people: false`` prints no list. The question generator reads ``Lecture.people``.
"""

from __future__ import annotations

from dataclasses import replace

from .. import lang as languages
from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..lang.people import Mention, find_mentions, sort_key
from ..model import Lecture, Person


def add_people(lecture: Lecture, diagnostics: Diagnostics) -> Lecture:
    setting = lecture.settings.get("people", {})
    rules = languages.get(lecture.meta.lang).people
    if setting is False or rules is None:
        return replace(lecture, people=())
    line = lecture.setting_lines.get("people", 1)
    if not isinstance(setting, dict):
        raise HandoutError("`people:` expects `false` or keys add / exclude / reword", lecture.path, line)
    people = _found_people(lecture, rules)
    people = _apply_front_matter(people, setting, rules, lecture, line)
    alphabet = getattr(rules, "ALPHABET", "")
    return replace(lecture, people=tuple(sorted(people, key=lambda person: sort_key(person.surname, alphabet))))


def _found_people(lecture: Lecture, rules) -> list[Person]:
    blocks = list(lecture.blocks())
    first_pass = [mention for _, block in blocks for mention in find_mentions(block.text, rules)]
    known = frozenset(rules.surname_key(mention.surname) for mention in first_pass if mention.initial)
    mentions = [(mention, section, block) for section, block in blocks
                for mention in find_mentions(block.text, rules, known)]
    groups: dict[tuple[str, str], list[tuple[Mention, object, object]]] = {}
    # Named mentions first (initials, first names), then each bare surname joins its person.
    for item in sorted(mentions, key=lambda item: not item[0].initial):
        key = rules.surname_key(item[0].surname)
        initial = item[0].initial or next((i for k, i in groups if k == key), "")
        groups.setdefault((key, initial), []).append(item)
    people = []
    for items in groups.values():
        named = [item for item in items if item[0].initial] or items
        first = named[0][0]
        _, section, block = min(items, key=lambda item: (item[2].line, item[0].start))
        best = min(items, key=lambda item: item[0].priority)[0]
        people.append(Person(name=first.name, surname=first.surname, role=best.role, line=block.line,
                             anchor=block.anchor, section=section.title if section else ""))
    return people


def _apply_front_matter(people: list[Person], setting: dict, rules, lecture: Lecture, line: int) -> list[Person]:
    unknown = set(setting) - {"add", "exclude", "reword"}
    if unknown:
        raise HandoutError(f"`people:` has unknown key `{sorted(unknown)[0]}`; use add, exclude or reword", lecture.path, line)
    drop = {rules.surname_key(str(name)) for name in setting.get("exclude", ()) or ()}
    reword = {rules.surname_key(str(name)): str(role) for name, role in (setting.get("reword", {}) or {}).items()}
    kept = [person for person in people if rules.surname_key(person.surname) not in drop]
    kept = [replace(person, role=reword.get(rules.surname_key(person.surname), person.role)) for person in kept]
    for entry in setting.get("add", ()) or ():
        if not isinstance(entry, dict) or not entry.get("name"):
            raise HandoutError("each `people: add:` entry needs `name:` (and may give `role:`)", lecture.path, line)
        name = str(entry["name"]).strip()
        surname = rules.nominative(name.split()[-1])
        kept = [person for person in kept if rules.surname_key(person.surname) != rules.surname_key(surname)]
        kept.append(Person(name=name, surname=surname, role=str(entry.get("role", "")), line=line, source="authored"))
    return kept
