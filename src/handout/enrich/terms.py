"""Terms enricher: fill ``Lecture.terms`` from the definitions the lecture gives, and the front matter.

A definition is a sentence the language pack recognises («X дегеніміз — Y», «Y «X» деп аталады»,
«X — это Y», "Y is called X") or a block that opens with a bold term and a dash ("**Алаш** — …").
Front matter ``terms`` adds the teacher's own: a mapping {term: definition} or a list of
{term, definition}; ``terms: false`` turns them off. The first definition of a term wins.
"""

from __future__ import annotations

import dataclasses
import re

from .. import lang as languages
from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..model import Lecture, Term
from .chronology import strip_markdown

_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+)?\*\*(?P<term>[^*\n]{2,60}?)\*\*\s*[—–-]\s+(?P<definition>[^\n]{8,400}?)\s*$")
MAX_TERM_WORDS = 6


def find_terms(lecture: Lecture) -> list[Term]:
    """Return the terms the lecture's text defines, in reading order, each once."""
    language = languages.get(lecture.meta.lang)
    found: dict[str, Term] = {}
    for section, block in lecture.blocks():
        title = section.title if section else ""
        for raw_line_number, raw in enumerate(block.text.split("\n")):
            bold = _BOLD_LEAD.match(raw)
            if bold:
                definition = strip_markdown(bold["definition"])[0].strip().rstrip(".")
                _keep(found, Term(bold["term"].strip(), definition, block.line + raw_line_number, block.anchor, title))
        plain = strip_markdown(block.text)[0]
        for sentence in language.sentences(re.sub(r"\s+", " ", plain)):
            pair = language.questions.definition(sentence)
            if pair:
                _keep(found, Term(pair[0], pair[1].rstrip("."), block.line, block.anchor, title))
    return list(found.values())


def _keep(found: dict[str, Term], term: Term) -> None:
    name = term.term.strip()
    if not name or len(name.split()) > MAX_TERM_WORDS or name.casefold() in found:
        return
    found[name.casefold()] = dataclasses.replace(term, term=name)


def authored_terms(lecture: Lecture) -> list[Term] | None:
    """Return the front matter's terms; None when ``terms: false``; wrong shapes raise with the line."""
    value = lecture.settings.get("terms")
    line = lecture.setting_lines.get("terms")
    if value is None or value is True:
        return []
    if value is False:
        return None
    if isinstance(value, dict):
        value = [{"term": key, "definition": text} for key, text in value.items()]
    if not isinstance(value, list):
        raise HandoutError(f"front matter key `terms`: expected a mapping of term: definition, got {type(value).__name__}",
                           lecture.path, line)
    terms = []
    for index, item in enumerate(value, 1):
        if not (isinstance(item, dict) and isinstance(item.get("term"), str) and isinstance(item.get("definition"), str)):
            raise HandoutError(f"`terms` item {index}: expected {{term: …, definition: …}}, got {item!r:.40}", lecture.path, line)
        terms.append(Term(item["term"].strip(), item["definition"].strip().rstrip("."), line or 0, "", "", "authored"))
    return terms


def add_terms(lecture: Lecture, diagnostics: Diagnostics) -> Lecture:
    """Return the lecture with its terms: the teacher's first, then those the text defines."""
    authored = authored_terms(lecture)
    if authored is None:
        return dataclasses.replace(lecture, terms=())
    found: dict[str, Term] = {}
    for term in [*lecture.terms, *authored, *find_terms(lecture)]:
        _keep(found, term)
    return dataclasses.replace(lecture, terms=tuple(found.values()))
