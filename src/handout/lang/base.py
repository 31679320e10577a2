"""The Language interface every pack implements, and the one implementation the packs share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..model import DateValue
from .dates import DateMatch
from .quotes import QuoteProblem, unbalanced_quotes
from .typography import typeset


class Language(Protocol):
    """What the pipeline asks of a language: read its dates and sentences, print its words."""

    code: str
    labels: Mapping[str, str]
    """Every word the tool prints in a handout (the same keys in every pack)."""
    phrases: Mapping[str, str]
    """Question templates with ``{slots}`` (the same keys in every pack)."""
    quotes: tuple[str, str, str, str]
    """Outer open, outer close, inner open, inner close quotation marks."""

    def find_dates(self, text: str, context_year: int | None = None) -> list[DateMatch]: ...
    def format_date(self, value: DateValue) -> str: ...
    def split_sentences(self, text: str) -> list[tuple[int, int]]: ...
    def sentences(self, text: str) -> list[str]: ...
    def typeset_text(self, text: str) -> str: ...
    def quote(self, text: str) -> str: ...
    def unbalanced_quotes(self, text: str) -> list[QuoteProblem]: ...
    def register_hyphenation(self) -> None: ...
    def import_rules(self): ...


@dataclass(frozen=True)
class LanguagePack:
    """A language as data plus a few rule sets; each pack module builds one as ``PACK``."""

    code: str
    labels: Mapping[str, str]
    phrases: Mapping[str, str]
    quotes: tuple[str, str, str, str]
    date_finder: Callable[[str, int | None], list[DateMatch]]
    date_formatter: Callable[[DateValue], str]
    sentence_splitter: Callable[[str], list[tuple[int, int]]]
    clauses: object
    """The pack's clause rules (module or object), read by the chronology and the questions."""
    questions: object
    """The pack's question phrasing rules (module or object), read by the question generator."""
    decimal_mark: str = ","
    hyphenation: Callable[[], None] | None = None
    """Registers the pack's own pyphen dictionary; None: pyphen's built-in one serves."""
    hyphenation_path: Path | None = None
    extra: Mapping[str, object] = field(default_factory=dict)
    people: object = None
    """The pack's person rules (see ``lang/people.py``); None: the lecture's people are not looked for."""
    spelling: tuple[str, ...] = ()
    """Debian hunspell dictionaries (``/usr/share/hunspell/<name>.dic``) for ``check --spelling``; empty:
    the pack has none worth running word by word."""
    other_quotes: tuple[tuple[str, str], ...] = ()
    """Quotation pairs beside :attr:`quotes` that correct text of this language uses too (``check`` accepts them)."""
    apostrophe: str = ""
    """A closing quotation mark that is also the apostrophe (English ’): ``check`` never reports it alone."""
    importer: Callable[[], object] | None = None
    """Returns the pack's :class:`importing.ImportRules` (imported on first use); None: no ``handout import``."""

    def find_dates(self, text: str, context_year: int | None = None) -> list[DateMatch]:
        """Find every temporal expression in ``text``, in order; ``context_year`` dates "that year"."""
        return list(_found_dates(self.date_finder, text, context_year))

    def format_date(self, value: DateValue) -> str:
        """Format a date for print in this language."""
        return self.date_formatter(value)

    def split_sentences(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) span of every sentence of ``text``."""
        return self.sentence_splitter(text)

    def sentences(self, text: str) -> list[str]:
        """Return the sentences of ``text`` as strings."""
        return [text[start:end] for start, end in self.split_sentences(text)]

    def typeset_text(self, text: str) -> str:
        """Apply print typography (no-break spaces, dashes, this language's quotes) to plain text."""
        return typeset(text, self.quotes)

    def quote(self, text: str) -> str:
        """Wrap text in the outer quotes, turning quotes inside it into inner ones."""
        outer_open, outer_close, inner_open, inner_close = self.quotes
        pairs = (("«", "»"), ("“", "”")) if outer_open == "“" else (("«", "»"),)
        for mark_open, mark_close in pairs:
            text = text.replace(mark_open, inner_open).replace(mark_close, inner_close)
        return f"{outer_open}{text}{outer_close}"

    @property
    def quote_pairs(self) -> tuple[tuple[str, str], ...]:
        """Every (opening, closing) quotation pair of the language: outer, inner, then the others."""
        outer_open, outer_close, inner_open, inner_close = self.quotes
        return ((outer_open, outer_close), (inner_open, inner_close), *self.other_quotes)

    def unbalanced_quotes(self, text: str) -> list[QuoteProblem]:
        """Report the quotation marks of ``text`` that do not pair up, by this language's marks."""
        return unbalanced_quotes(text, self.quote_pairs, self.apostrophe)

    def example_lecture(self) -> str:
        """Return the example lecture ``handout new`` writes (the pack's ``data/example_lecture.md``)."""
        return (Path(self.extra["folder"]) / "data" / "example_lecture.md").read_text(encoding="utf-8")

    def import_rules(self):
        """The rules ``handout import`` reads this language's extractions with (None: the pack has none)."""
        return self.importer() if self.importer is not None else None

    def register_hyphenation(self) -> None:
        """Make the pack's hyphenation dictionary known to pyphen (WeasyPrint's hyphenator)."""
        if self.hyphenation is not None:
            self.hyphenation()


@lru_cache(maxsize=8192)
def _found_dates(finder: Callable[[str, int | None], list[DateMatch]], text: str,
                 context_year: int | None) -> tuple[DateMatch, ...]:
    """The finder's dates of a text, kept: enrichment asks again for the same sentences (the chronology
    reads a paragraph, the questions its sentences and clauses, about half of lecture 10's 622 calls
    repeat one), and a watch session re-enriches a lecture whose other paragraphs did not change.
    Finders are pure functions of their arguments and the matches are frozen, so sharing them is safe."""
    return tuple(finder(text, context_year))


__all__ = ["Language", "LanguagePack"]
