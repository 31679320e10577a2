"""Chronology enricher: find the dated events of a lecture and apply the teacher's control.

Order of the table: by start date; at the same start the less precise (wider)
date comes first ("1917" before "1917-10" before "1917-10-30"), then by end,
then by source line.

Each dated mention gets a row (``enrich/rows.py``): a self-contained statement cut from its
sentence at clause boundaries, or a reason it is left out of the printed table (a pronoun
pointing back, no finite verb, a date that only names a noun, ...); ``handout review`` lists
those with ``file:line`` and the fix. Mentions of one event with one date merge, keeping the
printable, written-year, weightiest one. A year taken from context marks the event ``inferred``.
Key events (``enrich/keys.py``) are the ones a student's copy and the worksheet print; the
teacher's copy prints every printable event.

Teacher's control (front matter ``chronology``):

- ``false`` or ``{enabled: false}``: no table;
- ``exclude: [...]``: drop every event whose ``text_date`` equals the entry, whose
  start date equals it ("1917-12-05"), whose "start/end" equals it
  ("1917-10/1918-03"), or whose description or sentence contains it;
- ``rewrite: [{date, event}]``: new description for events matched the same way by date
  (also for a row that was left out: the teacher's words are printed);
- ``add: [{date, event, text_date?}]``: an authored event, always a key event; ``date`` is ISO
  ("1936", "1936-12-05", "1921/1922") or an expression in the lecture's language ("1936 жылы 5 желтоқсанда");
- ``pin: [...]``: make these events key events (matched as ``exclude`` matches);
- ``drop: [...]``: take these events off the key events (the teacher's copy still prints them);
- ``show: key`` (the default) or ``all``: with ``all``, every copy prints every event.

Example::

    chronology:
      pin: ["1925 жылы"]
      drop: ["1920-08-17"]
      add: [{date: "1918-04-20/1918-05-01", event: "Ташкентте Түркістан АКСР-і құрылды"}]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from pathlib import Path

from .. import lang as languages
from ..lang.dates import sort_key
from . import keys, rows
from ..model import Block, DateValue, Event, Lecture

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
class Found:
    """One dated mention: its event, where it is told, and whether its row can be printed."""

    event: Event
    sentence_key: tuple[str, int]
    """(anchor, sentence index): mentions in the same or the next sentence merge."""
    problem: str = ""
    """Why the row is left out of the printed table (empty: printed)."""

    def rank(self, rules) -> tuple:
        """Which of two mentions of one event to keep: printable, written year, weight, a full-length clause."""
        return (not self.problem, not self.event.inferred, keys.weight(self.event, rules), rows.statement_quality(self.event.event))


@dataclasses.dataclass(frozen=True)
class MissingStop:
    """A probable missing full stop ("болды Оның"): a finite verb, then a word that starts sentences."""

    line: int
    before: str
    after: str


def find_mentions(lecture: Lecture, diagnostics=None, stops: list | None = None) -> list[Found]:
    """Return every dated mention of the lecture, merged per event, with the reason a row is left out."""
    language = languages.get(lecture.meta.lang)
    found: list[Found] = []
    context = _Story()
    current_section = object()
    for section, block in _labels_joined(lecture.blocks(), language):
        if section is not current_section:
            current_section = section
            context = _Story()  # a new section starts a new story
            if section is not None:
                heading = Block(section.title, section.line, section.anchor)
                story = _events_in_block(heading, section.title, context, lecture.path, diagnostics, found, language, None)
                context = story if _names_one_year(heading.text, language) else _Story()  # "## 1918 год": its lines' year
        title = section.title if section is not None else ""
        context = _events_in_block(block, title, context, lecture.path, diagnostics, found, language, stops)
    return _merge(found, language)


@dataclasses.dataclass(frozen=True)
class _Story:
    """What the blocks read so far tell the next one: the year in force and the month of the last day or month dated."""

    year: int | None = None
    month: int | None = None


_WORDS = re.compile(r"[^\W\d_]+")
_SOME_YEAR = 2000  # a stand-in context year: only to tell whether a block is a day label ("26 мая"), never kept


def _labels_joined(pairs, language):
    """Yield (section, block), a date label alone in its paragraph ("**26 мая**") joined to the next paragraph of its
    section when that one opens without a date: the label dates the event told below it, as "26 мая — …" would."""
    pending = None
    for section, block in pairs:
        if pending is not None:
            label_section, label = pending
            pending = None
            if label_section is section and not _opens_with_date(block.text, language):
                joined = strip_markdown(label.text)[0].strip().rstrip(" .:–—-") + " — " + block.text.lstrip()
                yield section, Block(joined, block.line, block.anchor)
                continue
            yield label_section, label
        if _is_lone_label(block.text, language):
            pending = (section, block)
            continue
        yield section, block
    if pending is not None:
        yield pending


def _is_lone_label(text: str, language) -> bool:
    plain = strip_markdown(text)[0].strip()
    if "\n" in plain or len(plain) > 40:
        return False
    matches = [m for m in language.find_dates(plain, _SOME_YEAR) if m.value is not None]
    return len(matches) == 1 and not re.search(r"\w", plain[: matches[0].start] + plain[matches[0].end :])


def _opens_with_date(text: str, language) -> bool:
    plain = strip_markdown(text)[0].strip()
    first = (language.split_sentences(plain) or [(0, len(plain))])[0]
    return bool(language.find_dates(plain[first[0] : first[1]], _SOME_YEAR))


def _names_one_year(heading: str, language) -> bool:
    """A heading whose one date is one year ("1918 год", "Хроника 1918 года") gives the day lines under it their year."""
    matches = language.find_dates(heading)
    if len(matches) != 1 or matches[0].value is None or matches[0].value.precision != "year":
        return False
    return matches[0].value.start == matches[0].value.end


def extract_events(lecture: Lecture, diagnostics=None) -> list[Event]:
    """Return the distinct dated events told in the lecture, sorted by date (also those a table leaves out)."""
    return [item.event for item in find_mentions(lecture, diagnostics)]


def events_from_text(text: str, path: str | Path = "<text>", diagnostics=None, lang: str | None = None,
                     printable: bool = False) -> list[Event]:
    """Return the dated events of plain text (paragraphs separated by blank lines) in ``lang`` (None: the default).

    With ``printable``, only the events whose row the table prints (a self-contained statement).
    """
    return [item.event for item in mentions_in_text(text, path, diagnostics, lang) if not (printable and item.problem)]


def mentions_in_text(text: str, path: str | Path = "<text>", diagnostics=None, lang: str | None = None) -> list[Found]:
    """Return the merged dated mentions of plain text, as :func:`find_mentions` does for a lecture."""
    language = languages.get(lang)
    found: list[Found] = []
    context = _Story()
    for _, block in _labels_joined(((None, block) for block in _paragraphs(text)), language):
        context = _events_in_block(block, "", context, path, diagnostics, found, language, None)
    return _merge(found, language)


def _paragraphs(text: str) -> list[Block]:
    blocks = []
    lines = _LineIndex(text)
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if match.group().strip():
            line = lines.line_of(match.start())
            blocks.append(Block(match.group(), line, f"p-{line}"))
    return blocks


class _LineIndex:
    """Line numbers of positions in a text, by bisection (a count per position would be quadratic)."""

    def __init__(self, text: str):
        self.newlines = [index for index, char in enumerate(text) if char == "\n"]

    def line_of(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position) + 1


def _events_in_block(block: Block, title: str, context: _Story, path, diagnostics, found: list[Found], language,
                     stops: list | None) -> _Story:
    """Add the mentions of one block to ``found``; return the story (context year, last month) after it."""
    plain, origin = strip_markdown(block.text)
    matches = _dated_in_story(plain, context, language)
    rules = language.clauses
    lines = _LineIndex(block.text)
    spans = _sentence_spans(plain, language, rules)
    if stops is not None:
        for gap in rules.MISSING_STOP.finditer(plain):
            stops.append(MissingStop(block.line + lines.line_of(origin[gap.start("gap")]) - 1,
                                     plain[max(0, gap.start("gap") - 30):gap.start("gap")].split()[-1],
                                     plain[gap.end("gap"):gap.end("gap") + 30].split()[0]))
    position, previous = 0, ""
    for sentence_index, (start, end) in enumerate(spans):
        own = []
        while position < len(matches) and matches[position].start < end:
            if matches[position].start >= start:
                own.append(matches[position])
            position += 1
        text = plain[start:end]
        if own:
            relative = [dataclasses.replace(m, start=m.start - start, end=m.end - start) for m in own]
            sentence = rows.sentence_of(text, relative, previous, rules, title)
            cleaned = _squeeze(text)
            for index, match in enumerate(relative):
                line = block.line + lines.line_of(origin[own[index].start]) - 1
                if match.value is None:
                    if diagnostics is not None:
                        diagnostics.warn(path, line, "bad-date", match.problem or "impossible date")
                    continue
                found.append(_mention(sentence, index, match, cleaned, line, title, block, sentence_index, rules))
            _same_clause_twice(found[len(found) - len(relative):])
            previous = rows.without_dates(text, relative, rules) if len(text) <= rows.MAX_SCAN else ""
        else:
            previous = text
    last_year = next((m.year for m in reversed(matches) if m.year is not None), None)
    months = [m.value.end for m in matches if m.value is not None and m.value.precision in ("day", "month")]
    return _Story(last_year if last_year is not None else context.year,
                  int(months[-1][5:7]) if months and months[-1][:4] == str(last_year) else context.month)


def _dated_in_story(plain: str, context: _Story, language) -> list:
    """Date a block in its story; a block that opens with a bare January or February day after a November or December
    of the year ("31 декабря …", then "2 января …") crosses the New Year, so it takes the next year."""
    matches = language.find_dates(plain, context.year)
    if context.year is None or context.month is None or context.month < 11:
        return matches
    first = next((m for m in matches if m.value is not None), None)
    if first is None or first.value.precision not in ("day", "month") or not _inferred(first.value):
        return matches
    if len(_WORDS.findall(first.value.text_date)) > 2:
        return matches  # "В январе того же года" names its year; only a bare "2 января", "В январе" rolls over
    if first.value.start[:4] == f"{context.year:04d}" and context.month - int(first.value.start[5:7]) >= 10:
        return language.find_dates(plain, context.year + 1)
    return matches


def _sentence_spans(plain: str, language, rules) -> list[tuple[int, int]]:
    """The language's sentences, also split where a full stop is probably missing ("болды Оның")."""
    spans = language.split_sentences(plain) or [(0, len(plain))]
    gaps = [gap.start("gap") for gap in rules.MISSING_STOP.finditer(plain)]
    if not gaps:
        return spans
    result = []
    for start, end in spans:
        low = bisect.bisect_right(gaps, start)
        for gap in gaps[low:bisect.bisect_left(gaps, end)]:
            result.append((start, gap))
            start = gap + 1
        result.append((start, end))
    return result


def _mention(sentence, index, match, cleaned, line, title, block, sentence_index, rules) -> Found:
    row = rows.describe(sentence, index, rules)
    problem = row.problem
    value = match.value
    before, after = sentence.text[:match.start], sentence.text[match.end:]
    if not problem and before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        problem = f"«{value.text_date}» in brackets glosses a word (a life span, a reign), not the clause's event"
    if not problem and before.count("(") > before.count(")") and ")" in after.split("(")[0]:
        problem = f"«{value.text_date}» dates an aside in brackets, not the clause's event"  # "(только в июне - 108)"
    if not problem and rules.is_attributive(value.text_date, sentence.text[match.end:match.end + 120],
                                            sentence.text[max(0, match.start - 40):match.start]):
        problem = f"«{value.text_date}» only names a noun: it does not date the clause's event"
    inferred = _inferred(value)
    event = Event(
        date=value,
        event=row.text,  # empty when left out: such a row is never printed (the report quotes the sentence)
        sentence=cleaned,
        line=line,
        section=title,
        anchor=block.anchor,
        inferred=inferred,
        review=problem or ("the year is taken from the context" if inferred else ""),
    )
    return Found(event, (block.anchor, sentence_index), problem)


def _inferred(value: DateValue) -> bool:
    """Tell whether the year of a date is not written in it ("Сол жылы", a bare "17 тамызда")."""
    if value.precision in ("decade", "century"):
        return False
    return value.start[:4].lstrip("0") not in value.text_date


def _same_clause_twice(mentions: list[Found]) -> None:
    """Two dates of one sentence that print the same clause: the first keeps it, the others are left out."""
    seen: dict[str, Found] = {}
    for item in mentions:
        if item.problem:
            continue
        first = seen.setdefault(item.event.event, item)
        if first is not item:
            item.problem = f"prints the same clause as the row of «{first.event.date.text_date}»"
            item.event = dataclasses.replace(item.event, review=item.problem)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _words(text: str) -> set[str]:
    return {word.lower()[:6] for word in _WORD.findall(text[:rows.MAX_SCAN])}


_MERGE_WINDOW = 8
"""A mention is compared with the last few kept mentions of its date only (linear time)."""


def _merge(found: list[Found], language) -> list[Found]:
    """Merge mentions of one event (same start and end, same or next sentence, or shared words), keeping the best."""
    kept: list[Found] = []
    by_date: dict[tuple[str, str], list[int]] = {}
    for item in found:
        date = (item.event.date.start, item.event.date.end)
        same_date = by_date.setdefault(date, [])
        for index in same_date[-_MERGE_WINDOW:]:
            other = kept[index]
            near = other.sentence_key[0] == item.sentence_key[0] and abs(other.sentence_key[1] - item.sentence_key[1]) <= 1
            if near or _overlap(other.event.sentence, item.event.sentence) >= 0.3:
                if item.rank(language.clauses) > other.rank(language.clauses):
                    kept[index] = item
                break
        else:
            same_date.append(len(kept))
            kept.append(item)
    in_sentence: dict[tuple[str, int], list[Found]] = {}
    for item in kept:
        in_sentence.setdefault(item.sentence_key, []).append(item)
    kept = [item for item in kept if not _absorbed_year(item, in_sentence[item.sentence_key], language.clauses)]
    return sorted(kept, key=lambda item: (*sort_key(item.event.date), item.event.line))


def _absorbed_year(item: Found, same_sentence: list[Found], rules) -> bool:
    """Tell whether an attributive year ("1916 жылғы көтеріліс") only lends its year to a finer date.

    In "1916 жылғы көтеріліс шілде айынан бастап қараша айына дейін созылды" the year
    names the uprising and dates the month range; the range is the event.
    """
    date = item.event.date
    if date.precision != "year" or date.start != date.end or not rules.is_attributive_year(date.text_date):
        return False
    return any(
        other is not item
        and other.event.date.start.startswith(date.start) and other.event.date.end.startswith(date.start)
        and other.event.date.precision in ("day", "month", "season")
        for other in same_sentence
    )


def _overlap(left: str, right: str) -> float:
    a, b = _words(left), _words(right)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# -- teacher's control -----------------------------------------------------------


CONTROL_KEYS = ("enabled", "exclude", "rewrite", "add", "pin", "drop", "show")


def add_chronology(lecture: Lecture, diagnostics) -> Lecture:
    """Return the lecture with its chronology: the printable events, the teacher's control applied, key events marked."""
    control = _control(lecture, diagnostics)
    if control is None:
        return dataclasses.replace(lecture, chronology=())
    mentions = find_mentions(lecture, diagnostics)
    if not mentions:
        diagnostics.warn(lecture.path, None, "no-dated-events",
                         f"no dated event found in this lecture (lang: {lecture.meta.lang}); the chronology is empty. "
                         f"Check that `lang` is the language the lecture is written in, or add events with `chronology: {{add: [...]}}`")
    return dataclasses.replace(lecture, chronology=tuple(chronology_of(mentions, control, lecture, diagnostics)))


def chronology_of(mentions: list[Found], control: dict, lecture: Lecture, diagnostics) -> list[Event]:
    """Apply the teacher's control to the mentions; return the printed events with their key marks."""
    path, line, lang = lecture.path, lecture.setting_lines.get("chronology"), lecture.meta.lang
    left_out = {id(item.event) for item in mentions if item.problem}
    events = _apply_control([item.event for item in mentions], control, path, line, diagnostics, lang)
    printed = [event for event in events if id(event) not in left_out]
    pinned = _matching_indices(printed, control.get("pin"), "pin", path, line, diagnostics)
    pinned |= {index for index, event in enumerate(printed) if event.source == "authored"}
    dropped = _matching_indices(printed, control.get("drop"), "drop", path, line, diagnostics) - pinned
    show = control.get("show", "key")
    if show not in ("key", "all"):
        diagnostics.warn(path, line, "bad-chronology", f"`chronology.show` must be key or all, got {show!r:.40}")
        show = "key"
    return keys.mark_key_events(printed, languages.get(lang).clauses, pinned, dropped, show_all=show == "all")


def _control(lecture: Lecture, diagnostics) -> dict | None:
    """Return the teacher's ``chronology`` mapping (None: no table), warning about what it cannot use."""
    control = lecture.settings.get("chronology", True)
    line = lecture.setting_lines.get("chronology")
    if control is False or control is None:
        return None
    if control is True:
        control = {}
    if not isinstance(control, dict):
        diagnostics.warn(lecture.path, line, "bad-chronology", "`chronology` must be true, false or a mapping with " + ", ".join(CONTROL_KEYS[1:]))
        control = {}
    for key in sorted(set(control) - set(CONTROL_KEYS)):
        diagnostics.warn(lecture.path, line, "bad-chronology", f"unknown `chronology` key `{key}` is ignored; use " + ", ".join(CONTROL_KEYS))
    return None if control.get("enabled", True) is False else control


def _matching_indices(events: list[Event], entries, key: str, path, line, diagnostics) -> set[int]:
    """Indices of the events each ``pin``/``drop`` entry names (by date or words, as ``exclude`` does)."""
    chosen: set[int] = set()
    for entry in _as_list(entries, key, path, line, diagnostics):
        if not isinstance(entry, (str, int)):
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.{key}` entries must be text, got {entry!r:.40}")
            continue
        hits = {index for index, event in enumerate(events) if _excluded(event, str(entry))}
        if not hits:
            diagnostics.warn(path, line, "bad-chronology", f"`chronology.{key}` entry «{str(entry):.60}» matches no printed event")
        chosen |= hits
    return chosen


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
                events[index] = dataclasses.replace(event, event=entry["event"].strip(), source="authored", review="")
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
