"""Plain data passed between the pipeline stages (load → enrich → render → typeset → publish)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lang import DEFAULT as DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Block:
    """One Markdown block of a section (a paragraph, a list, a table, ...)."""

    text: str
    line: int
    """1-based line of the block's first line in the source file."""
    anchor: str
    """HTML id of the block in the handout, e.g. ``p-12``; internal PDF links point here."""


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    line: int
    anchor: str
    """HTML id of the heading, e.g. ``s-3``."""
    blocks: tuple[Block, ...] = ()
    number: int = 0
    """1-based position among the lecture's sections."""


@dataclass(frozen=True)
class LectureMeta:
    title: str
    course: str = ""
    block: str = ""
    number: int | None = None
    lang: str = DEFAULT_LANGUAGE
    outcomes: tuple[str, ...] = ()
    author: str = ""
    date: str = ""
    """ISO date of the lecture (used for reproducible PDF timestamps)."""
    short_title: str = ""
    """The running head's title when the full one is too long for one line (front matter)."""


@dataclass(frozen=True)
class DateValue:
    """A temporal expression found in (or written for) the text."""

    start: str
    """ISO partial date: ``1917``, ``1917-12`` or ``1917-12-05``."""
    end: str
    """Equal to ``start`` for a single date."""
    precision: str
    """day, month, season, year, decade or century."""
    text_date: str
    """The expression exactly as written in the source."""
    qualifier: str | None = None
    """until, by, from, beginning, middle, end, night, or None ("by 1925" is not "until 1925")."""
    calendar: str = "unknown"
    """old, new or unknown."""
    alt_start: str | None = None
    alt_end: str | None = None


@dataclass(frozen=True)
class Event:
    date: DateValue
    event: str
    """Short description: the clause that carries the event."""
    sentence: str
    line: int
    section: str
    """Title of the section that tells the event."""
    anchor: str
    """Anchor of the block that tells the event (link target)."""
    source: str = "found"
    """found (by the parser) or authored (added by the teacher)."""
    key: bool = False
    """A key event: printed in the student's copy and the worksheet (the teacher's copy prints all)."""
    inferred: bool = False
    """The year (or month) was taken from the context ("Сол жылы", "в том же году"), not written."""
    review: str = ""
    """Why the teacher should look at this event before printing it (empty: nothing to check)."""


@dataclass(frozen=True)
class Person:
    """A person the lecture names, with the role the text gives."""

    name: str
    """As the lecture first writes it, initials and surname: "Ә. Бөкейханов"."""
    surname: str
    """The sort key: "Бөкейханов"."""
    role: str = ""
    """The role the text gives ("Алашорда үкіметінің төрағасы"); empty when it gives none."""
    line: int = 0
    anchor: str = ""
    """Anchor of the block of the first mention (link target, page number)."""
    section: str = ""
    source: str = "found"
    """found or authored (front matter)."""


@dataclass(frozen=True)
class Term:
    """A term the lecture defines ("… деп аталады", a bold term with its definition)."""

    term: str
    definition: str
    line: int = 0
    anchor: str = ""
    section: str = ""
    source: str = "found"


@dataclass(frozen=True)
class Question:
    text: str
    kind: str = "open"
    """open, date, event, matching, choice, ordering, fill, truefalse, term, why or person."""
    answer: str | None = None
    section: str | None = None
    line: int = 0
    source: str = "generated"
    """authored or generated."""
    points: int | None = None
    anchor: str | None = None
    """Block or section anchor where the lecture gives the answer."""
    pairs: tuple[tuple[str, str], ...] = ()
    """For a matching exercise: (left, right) pairs in their correct order."""
    options: tuple[str, ...] = ()
    """For a matching exercise: the right-hand column in its shuffled print order."""
    prompts: tuple[str, ...] = ()
    """For a matching exercise: the left-hand column in print order (no answer in it)."""
    key: str = ""
    """Stable identity of a generated question, used to exclude or reword it."""
    items: tuple[str, ...] = ()
    """For an ordering exercise: the items in their shuffled print order (``answer`` lists them in date order)."""
    order: tuple[str, ...] = ()
    """For an ordering exercise: the items in chronological order (the key; stripped from students' copies)."""
    truth: bool | None = None
    """For a true/false statement: whether it is true (stripped from students' copies)."""
    correct: str = ""
    """The correct option of a choice, or the word or number a fill-in blank takes (stripped from students' copies)."""
    answer_kind: str = ""
    """What a fill-in blank takes: year, number, name or term (``numerical`` vs ``shortanswer`` in Moodle)."""


@dataclass(frozen=True)
class Lecture:
    path: Path
    meta: LectureMeta
    sections: tuple[Section, ...]
    preamble: tuple[Block, ...] = ()
    """Blocks before the first heading."""
    settings: dict[str, Any] = field(default_factory=dict)
    """Front-matter keys beyond the metadata (chronology, questions, ...)."""
    setting_lines: dict[str, int] = field(default_factory=dict)
    """Source line of each top-level front-matter key."""
    source_text: str = ""
    body_line: int = 1
    """Line of the first body line (after the front matter)."""
    chronology: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    terms: tuple[Term, ...] = ()
    questions: tuple[Question, ...] = ()

    @property
    def stem(self) -> str:
        return self.path.stem

    def blocks(self):
        """Yield (section, block) for every block in reading order (section None for the preamble)."""
        for block in self.preamble:
            yield None, block
        for section in self.sections:
            for block in section.blocks:
                yield section, block
