"""The teacher's report: what the chronology left out or wants checked, each with ``file:line`` and a fix.

A row is left out when its clause does not read as a statement by itself (a pronoun pointing
back, no finite verb, too long to print whole, a date that only names a noun, the same clause as
another date's row); a printed row wants an eye when its year is taken from the context. A
probable missing full stop ("болды Оның") is reported wherever it is, with or without a date. The
fixes are front-matter entries of the ``chronology:`` control (see ``enrich/chronology.py``), so
nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import lang as languages
from ..model import Lecture
from .chronology import MissingStop, _excluded, find_mentions, mentions_in_text


@dataclass(frozen=True)
class Note:
    """One item of the report."""

    path: str
    line: int
    code: str
    """left-out, inferred-year, missing-stop or no-dated-events."""
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message}\n    fix: {self.fix}"


def review_lecture(lecture: Lecture) -> list[Note]:
    """Return the report on one lecture's chronology, in source order."""
    stops: list[MissingStop] = []
    mentions = find_mentions(lecture, None, stops)
    path = str(lecture.path)
    control = lecture.settings.get("chronology")
    excluded = [str(entry) for entry in control.get("exclude") or []] if isinstance(control, dict) else []
    notes = [_missing_stop(path, stop) for stop in stops]
    for item in mentions:
        event = item.event
        if any(_excluded(event, entry) for entry in excluded):
            continue
        if item.problem:
            notes.append(Note(path, event.line, "left-out", f"«{event.date.text_date}»: {item.problem}: «{_short(event.sentence)}»",
                              f'chronology: {{add: [{{date: "{_iso(event)}", event: "<the event as one sentence>"}}]}}'))
        elif event.inferred:
            notes.append(Note(path, event.line, "inferred-year",
                              f"the year of «{event.date.text_date}» is taken from the context ({event.date.start[:4]}): «{_short(event.event)}»",
                              f'if the year is wrong: chronology: {{exclude: ["{event.date.text_date}"]}} and add the right date'))
    if not mentions:
        notes.append(_no_events(path, lecture.body_line, lecture.meta.lang))
    return sorted(notes, key=lambda note: note.line)


def review_text(text: str, path: str, lang: str | None = None) -> list[Note]:
    """The same report for a plain text (no front matter): left-out rows and inferred years."""
    notes = []
    mentions = mentions_in_text(text, path, None, lang)
    for item in mentions:
        if item.problem:
            notes.append(Note(path, item.event.line, "left-out", f"«{item.event.date.text_date}»: {item.problem}",
                              "rewrite the sentence so it names its subject"))
    if not mentions:
        notes.append(_no_events(path, 1, lang or languages.DEFAULT))
    return notes


def missing_stops(lecture: Lecture) -> list[Note]:
    """Return only the probable missing full stops of a lecture (what ``handout check`` adds)."""
    stops: list[MissingStop] = []
    find_mentions(lecture, None, stops)
    return [_missing_stop(str(lecture.path), stop) for stop in stops]


def _missing_stop(path: str, stop: MissingStop) -> Note:
    return Note(path, stop.line, "missing-stop", f"probable missing full stop in «{stop.before} {stop.after}»: a finite verb, then a word that starts a sentence",
                f"put a full stop after «{stop.before}» in the source")


def _no_events(path: str, line: int, lang: str) -> Note:
    return Note(path, line, "no-dated-events", f"no dated event found (lang: {lang}); the chronology is empty",
                "check that `lang` in the front matter is the language of the text, or add events with chronology: {add: [...]}")


def _iso(event) -> str:
    date = event.date
    return date.start if date.start == date.end else f"{date.start}/{date.end}"


def _short(text: str, limit: int = 100) -> str:
    """A quotation of the source for the report (the report may shorten: it is not a printed row)."""
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " [...]"


def lecture_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the lecture files (``*.md``) inside them."""
    result: list[Path] = []
    for path in paths:
        result.extend(sorted(p for p in path.rglob("*.md") if p.is_file()) if path.is_dir() else [path])
    return result


__all__ = ["Note", "lecture_files", "missing_stops", "review_lecture", "review_text"]
