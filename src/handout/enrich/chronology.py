"""Chronology enricher: find the dated events of a lecture and apply the teacher's control.

Order of the table: by start date; at the same start the less precise (wider)
date comes first ("1917" before "1917-10" before "1917-10-30"), then by end,
then by source line.

Teacher's control (front matter ``chronology``):

- ``false`` or ``{enabled: false}``: no table;
- ``exclude: [...]``: drop every event whose ``text_date`` equals the entry, whose
  start date equals it ("1917-12-05"), whose "start/end" equals it
  ("1917-10/1918-03"), or whose description or sentence contains it;
- ``rewrite: [{date, event}]``: new description for events matched the same way by date;
- ``add: [{date, event, text_date?}]``: an authored event; ``date`` is ISO
  ("1936", "1936-12-05", "1921/1922") or an expression in the lecture's language ("1936 жылы 5 желтоқсанда").
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .. import lang as languages
from ..lang.dates import DateMatch, sort_key
from ..model import Block, DateValue, Event, Lecture

MAX_DESCRIPTION = 120
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WORD = re.compile(r"[^\W\d_]{3,}")


# -- Markdown ------------------------------------------------------------------

_INLINE = re.compile(
    r"!?\[(?P<label>[^\]]*)\]\([^)]*\)"  # links and images keep their label
    r"|<[^>\n]+>"  # inline HTML tags
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"  # emphasis markers
    r"|`"
    r"|^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)",  # heading, quote, list markers (a "1991." line is a year)
    re.MULTILINE,
)


def strip_markdown(text: str) -> tuple[str, list[int]]:
    """Return plain text and, for each of its characters, the index of that character in ``text``."""
    plain: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _INLINE.finditer(text):
        _copy(text, position, match.start(), plain, origin)
        label = match.group("label")
        if label is not None:
            _copy(text, match.start("label"), match.end("label"), plain, origin)
        position = match.end()
    _copy(text, position, len(text), plain, origin)
    origin.append(len(text))
    return "".join(plain), origin


def _copy(text: str, start: int, end: int, plain: list[str], origin: list[int]) -> None:
    plain.append(text[start:end])
    origin.extend(range(start, end))


# -- events from blocks --------------------------------------------------------


@dataclasses.dataclass
class _Found:
    event: Event
    sentence_key: tuple[str, int]
    """(anchor, sentence index): mentions in the same or the next sentence merge."""


def extract_events(lecture: Lecture, diagnostics=None) -> list[Event]:
    """Return the distinct dated events told in the lecture, sorted by date."""
    language = languages.get(lecture.meta.lang)
    found: list[_Found] = []
    context: int | None = None
    current_section = object()
    for section, block in lecture.blocks():
        if section is not current_section:
            current_section = section
            context = None  # a new section starts a new story
            if section is not None:
                heading = Block(section.title, section.line, section.anchor)
                _, _ = _events_in_block(heading, "", None, lecture.path, diagnostics, found, language, heading=True)
        title = section.title if section is not None else ""
        context = _events_in_block(block, title, context, lecture.path, diagnostics, found, language)[1]
    return _merge(found, language)


def events_from_text(text: str, path: str | Path = "<text>", diagnostics=None, lang: str | None = None) -> list[Event]:
    """Return the dated events of plain text (paragraphs separated by blank lines) in ``lang`` (None: the default)."""
    language = languages.get(lang)
    found: list[_Found] = []
    context: int | None = None
    for block in _paragraphs(text):
        context = _events_in_block(block, "", context, path, diagnostics, found, language)[1]
    return _merge(found, language)


def _paragraphs(text: str) -> list[Block]:
    blocks = []
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if match.group().strip():
            line = text.count("\n", 0, match.start()) + 1
            blocks.append(Block(match.group(), line, f"p-{line}"))
    return blocks


def _events_in_block(block: Block, title: str, context: int | None, path, diagnostics, found: list[_Found], language,
                     heading=False):
    """Add the events of one block to ``found``; return (count, the context year after it)."""
    plain, origin = strip_markdown(block.text)
    matches = language.find_dates(plain, context)
    spans = language.split_sentences(plain)
    rules = language.clauses
    count = 0
    for index, match in enumerate(matches):
        line = block.line + block.text.count("\n", 0, origin[match.start])
        if match.value is None:
            if diagnostics is not None:
                diagnostics.warn(path, line, "bad-date", match.problem or "impossible date")
            continue
        sentence_index = _sentence_of(spans, match.start)
        start, end = spans[sentence_index] if spans else (0, len(plain))
        sentence = _clean(plain[start:end], rules)
        same_sentence = [m for m in matches if start <= m.start < end]
        description = _describe(plain, start, end, match, same_sentence, rules)
        if heading:
            description = description or sentence
        event = Event(
            date=match.value,
            event=description or _capitalize(sentence),
            sentence=sentence,
            line=line,
            section=title if not heading else block.text,
            anchor=block.anchor,
        )
        found.append(_Found(event, (block.anchor, sentence_index)))
        count += 1
    if matches:
        last_year = next((m.year for m in reversed(matches) if m.year is not None), None)
        context = last_year if last_year is not None else context
    return count, context


def _sentence_of(spans: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(spans):
        if position < end:
            return index
    return max(len(spans) - 1, 0)


def _describe(text: str, start: int, end: int, match: DateMatch, same_sentence: list[DateMatch], rules) -> str:
    """Return the clause carrying the event, without its dates, ending with its verb, at most MAX_DESCRIPTION long."""
    clause_start, clause_end = _clause_around(text, start, end, match.start, rules)
    while clause_end < end and rules.ends_with_converb(text[clause_start:clause_end].rstrip(",")):
        clause_end = _clause_around(text, start, end, clause_end + 1, rules)[1]  # go on to the finite verb
    clause = _without_dates(text, clause_start, clause_end, same_sentence, rules)
    if len(_WORD.findall(clause)) < 3:
        clause = _without_dates(text, start, end, same_sentence, rules)
    clause = rules.LEADING_CONNECTIVE.sub("", _clean(clause, rules))
    return _shorten(_capitalize(clause))


def _clause_around(text: str, start: int, end: int, position: int, rules) -> tuple[int, int]:
    """Return the span of the clause of the sentence [start, end) that holds ``position``."""
    clause_start, clause_end = start, end
    for boundary in rules.CLAUSE_BOUNDARY.finditer(text, start, end):
        if boundary.end() <= position:
            clause_start = boundary.end()
        elif boundary.start() >= position:
            clause_end = boundary.start() + (1 if text[boundary.start()] == "," and rules.ends_with_converb(text[clause_start:boundary.start()]) else 0)
            break
    return clause_start, clause_end


def _without_dates(text: str, start: int, end: int, matches: list[DateMatch], rules) -> str:
    """Return text[start:end] with every date inside it (and a word governed by it) taken out."""
    pieces, position = [], start
    for match in matches:
        if match.start >= start and match.end <= end:
            pieces.append(text[position : match.start])
            rest = rules.GOVERNING_WORD.match(text, match.end, end)
            position = rest.end() if rest else match.end
    pieces.append(text[position:end])
    return " ".join(pieces)


def _clean(text: str, rules) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\(\s*\)", "", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)  # "кейін, (1918 ж.), кеңес" lost its date: one comma
    text = re.sub(r"^[\s,;:–—\-.)]+|[\s,;:–—\-(]+$", "", text)
    return rules.TRAILING_CONJUNCTION.sub("", text)  # a clause cut before its second half


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _shorten(text: str) -> str:
    text = text.rstrip(".")
    if len(text) <= MAX_DESCRIPTION:
        return text
    # Keep the subject at the start and the verb at the end (Kazakh is verb-final); cut the middle.
    head_cut = text.rfind(" ", 0, MAX_DESCRIPTION // 2)
    tail_cut = text.find(" ", len(text) - (MAX_DESCRIPTION // 2 - 4))
    if head_cut < 20 or tail_cut < 0 or tail_cut <= head_cut:
        return text[: MAX_DESCRIPTION - 1].rstrip(" ,;:–-") + "…"
    return text[:head_cut].rstrip(" ,;:–-") + " … " + text[tail_cut:].lstrip(" ,;:–-")


def _words(text: str) -> set[str]:
    return {word.lower()[:6] for word in _WORD.findall(text)}


def _merge(found: list[_Found], language) -> list[Event]:
    """Merge mentions of one event (same start and end, same or next sentence, or shared words)."""
    kept: list[_Found] = []
    for item in found:
        date = (item.event.date.start, item.event.date.end)
        duplicate = False
        for other in kept:
            if (other.event.date.start, other.event.date.end) != date:
                continue
            near = other.sentence_key[0] == item.sentence_key[0] and abs(other.sentence_key[1] - item.sentence_key[1]) <= 1
            if near or _overlap(other.event.sentence, item.event.sentence) >= 0.3:
                duplicate = True
                break
        if not duplicate:
            kept.append(item)
    kept = [item for item in kept if not _absorbed_year(item, kept, language.clauses)]
    return sorted((item.event for item in kept), key=lambda event: (*sort_key(event.date), event.line))


def _absorbed_year(item: _Found, kept: list[_Found], rules) -> bool:
    """Tell whether an attributive year ("1916 жылғы көтеріліс") only lends its year to a finer date.

    In "1916 жылғы көтеріліс шілде айынан бастап қараша айына дейін созылды" the year
    names the uprising and dates the month range; the range is the event.
    """
    date = item.event.date
    if date.precision != "year" or date.start != date.end or not rules.is_attributive_year(date.text_date):
        return False
    return any(
        other is not item and other.sentence_key == item.sentence_key
        and other.event.date.start.startswith(date.start) and other.event.date.end.startswith(date.start)
        and other.event.date.precision in ("day", "month", "season")
        for other in kept
    )


def _overlap(left: str, right: str) -> float:
    a, b = _words(left), _words(right)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# -- teacher's control -----------------------------------------------------------


def add_chronology(lecture: Lecture, diagnostics) -> Lecture:
    """Return the lecture with its chronology: found events, then the teacher's exclusions, rewrites and additions."""
    control = lecture.settings.get("chronology", True)
    line = lecture.setting_lines.get("chronology")
    if control is False or control is None:
        return dataclasses.replace(lecture, chronology=())
    if control is True:
        control = {}
    if not isinstance(control, dict):
        diagnostics.warn(lecture.path, line, "bad-chronology", "`chronology` must be true, false or a mapping with exclude/rewrite/add")
        control = {}
    unknown = set(control) - {"enabled", "exclude", "rewrite", "add"}
    for key in sorted(unknown):
        diagnostics.warn(lecture.path, line, "bad-chronology", f"unknown `chronology` key `{key}` is ignored; use enabled, exclude, rewrite or add")
    if control.get("enabled", True) is False:
        return dataclasses.replace(lecture, chronology=())
    events = extract_events(lecture, diagnostics)
    events = _apply_control(events, control, lecture.path, line, diagnostics, lecture.meta.lang)
    return dataclasses.replace(lecture, chronology=tuple(events))


def _apply_control(events: list[Event], control: dict, path, line, diagnostics, lang: str) -> list[Event]:
    for entry in _as_list(control.get("exclude"), "exclude", path, line, diagnostics):
        if not isinstance(entry, (str, int)):
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.exclude` entries must be text, got {entry!r:.40}")
            continue
        kept = [event for event in events if not _excluded(event, str(entry))]
        if len(kept) == len(events):
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.exclude` entry «{entry}» matches no event")
        events = kept
    for entry in _as_list(control.get("rewrite"), "rewrite", path, line, diagnostics):
        if not (isinstance(entry, dict) and "date" in entry and isinstance(entry.get("event"), str)):
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.rewrite` entries need `date` and `event`, got {entry!r:.60}")
            continue
        wanted = str(entry["date"])
        matched = False
        for index, event in enumerate(events):
            if _date_matches(event, wanted):
                events[index] = dataclasses.replace(event, event=entry["event"].strip(), source="authored")
                matched = True
        if not matched:
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.rewrite` date «{wanted}» matches no event")
    for entry in _as_list(control.get("add"), "add", path, line, diagnostics):
        event = _authored_event(entry, path, line, diagnostics, lang)
        if event is not None:
            events.append(event)
    return sorted(events, key=lambda event: (*sort_key(event.date), event.line))


def _as_list(value, key: str, path, line, diagnostics) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    diagnostics.warn(path, line, "bad-chronology", f"`chronology.{key}` must be a list, got {type(value).__name__}")
    return []


def _date_matches(event: Event, wanted: str) -> bool:
    date = event.date
    wanted = wanted.strip()
    return wanted in (date.text_date, date.start, f"{date.start}/{date.end}")


def _excluded(event: Event, entry: str) -> bool:
    if _date_matches(event, entry):
        return True
    needle = entry.strip().lower()
    return bool(needle) and (needle in event.event.lower() or needle in event.sentence.lower())


def _authored_event(entry, path, line, diagnostics, lang: str) -> Event | None:
    if not (isinstance(entry, dict) and "date" in entry and isinstance(entry.get("event"), str) and entry["event"].strip()):
        diagnostics.warn(path, line, "bad-chronology", f"`chronology.add` entries need `date` and `event`, got {entry!r:.60}")
        return None
    value = parse_date_value(str(entry["date"]), entry.get("text_date"), lang)
    if value is None:
        diagnostics.warn(path, line, "bad-date", f"`chronology.add` date «{entry['date']}» is not a date (use 1936, 1936-12-05, 1921/1922 or «1936 жылы 5 желтоқсанда»)")
        return None
    text = entry["event"].strip()
    return Event(date=value, event=text, sentence=text, line=line or 0, section="", anchor="", source="authored")


def parse_date_value(text: str, text_date: str | None = None, lang: str | None = None) -> DateValue | None:
    """Parse an ISO date, an ISO range "A/B" or a date expression in ``lang`` into a DateValue."""
    pieces = text.strip().split("/")
    if all(_ISO.match(piece.strip()) for piece in pieces) and len(pieces) <= 2:
        start, end = pieces[0].strip(), pieces[-1].strip()
        if not (_valid_iso(start) and _valid_iso(end)) or end < start:
            return None
        precision = ("year", "month", "day")[start.count("-")]
        return DateValue(start=start, end=end, precision=precision, text_date=text_date or text.strip())
    matches = [m for m in languages.get(lang).find_dates(text) if m.value is not None]
    if not matches:
        return None
    value = matches[0].value
    return dataclasses.replace(value, text_date=text_date) if text_date else value


def _valid_iso(text: str) -> bool:
    import datetime

    year, month, day = (list(map(int, text.split("-"))) + [1, 1])[:3]
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


__all__ = ["add_chronology", "events_from_text", "extract_events", "parse_date_value", "strip_markdown"]
