"""Questions generated from the chronology, the headings and the learning outcomes."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import random
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ... import lang as languages
from ...model import DateValue, Event, Lecture, Question, Section
from ..chronology import strip_markdown

if TYPE_CHECKING:
    from .control import QuestionControl

MAX_ANSWER_EVENTS = 5
_YEAR = re.compile(r"(?<!\d)1\d{3}(?!\d)|(?<!\d)20\d{2}(?!\d)")


def date_bounds(value: DateValue) -> tuple[datetime.date, datetime.date]:
    """Return the first and the last day a date value covers."""
    return _first_day(value.start), _last_day(value.end)


def _first_day(iso: str) -> datetime.date:
    parts = [int(part) for part in iso.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(iso: str) -> datetime.date:
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        following = datetime.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(parts[0], 12, 31)


def event_clause(event: Event, lang: str | None = None) -> str | None:
    """Return the event's description when it reads as a whole sentence in ``lang`` (the lecture's), else None."""
    text = event.event.strip()
    if not text or text.endswith("…") or not event.anchor:
        return None
    language = languages.get(lang)
    text = language.clauses.quotable(text, event.date.text_date)
    if text is None:
        return None
    if language.find_dates(text) or _YEAR.search(text):
        return None
    return text


def _precision_slot(value: DateValue) -> str:
    """Pick the question word's template by the date's precision (KAZAKH.md §5)."""
    if value.qualifier is not None or value.alt_start:
        return "date_other"
    if value.precision == "day" and value.start == value.end:
        return "date_day"
    if value.precision == "month" and value.start == value.end:
        return "date_month"
    if value.precision == "year" and value.start == value.end:
        return "date_year"
    if value.precision in ("year", "decade"):
        return "date_period"
    return "date_other"


@dataclasses.dataclass(frozen=True)
class _Candidate:
    event: Event
    clause: str
    section: Section | None


def content_seed(lecture: Lecture) -> int:
    """Return a shuffle seed from the lecture's text: the same source gives the same sheet."""
    return int.from_bytes(hashlib.sha256(lecture.source_text.encode("utf-8")).digest()[:8], "big")


def generate_questions(lecture: Lecture, lang: str, control: QuestionControl) -> list[Question]:
    """Generate questions in ``lang`` from the chronology, the headings and the outcomes."""
    sections = {section.title: section for section in lecture.sections}
    chronology = lecture.chronology
    candidates = _candidates(chronology, sections, lecture.meta.lang)
    used: set[int] = set()
    factual = _factual_questions(candidates, chronology, lecture.meta.lang, lang, control.count, used)
    factual.sort(key=lambda q: (_section_number(q, sections), q.line))
    tasks = _section_tasks(lecture, chronology, lang)[: control.count["task"]]
    matching = []
    if control.matching and control.count["matching"] >= 2:
        asked = tuple(q.answer for q in factual if q.kind == "date" and q.answer)
        matching = _matching(candidates, chronology, lang, control.count["matching"], used, content_seed(lecture), asked)
    return factual + tasks + matching


def _section_number(question: Question, sections: dict[str, Section]) -> int:
    section = sections.get(question.section or "")
    return section.number if section else 0


def _candidates(chronology: Iterable[Event], sections: dict[str, Section], lecture_lang: str) -> list[_Candidate]:
    """Return events whose clause can be quoted, once per clause, in reading order."""
    seen: set[str] = set()
    found = []
    for event in sorted(chronology, key=lambda e: e.line):
        clause = event_clause(event, lecture_lang)
        if clause is None or clause.casefold() in seen:
            continue
        seen.add(clause.casefold())
        found.append(_Candidate(event, clause, sections.get(event.section)))
    return found


def _round_robin(candidates: list[_Candidate]) -> list[_Candidate]:
    """Order candidates so consecutive picks come from different sections (wide coverage)."""
    by_section: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_section.setdefault(candidate.event.section, []).append(candidate)
    queues = list(by_section.values())
    ordered = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def _unique_span(event: Event, chronology: Iterable[Event]) -> bool:
    """Tell whether no other event of the chronology falls within this event's dates."""
    low, high = date_bounds(event.date)
    for other in chronology:
        if other is event:
            continue
        other_low, other_high = date_bounds(other.date)
        if low <= other_low and other_high <= high:
            return False
    return True


def _unique_printed_date(event: Event, chronology: Iterable[Event], lang: str) -> bool:
    language = languages.get(lang)
    printed = language.format_date(event.date)
    return sum(language.format_date(other.date) == printed for other in chronology) == 1


def _factual_questions(candidates, chronology, lecture_lang: str, lang: str, count: dict[str, int], used: set[int]) -> list[Question]:
    """Turn events into questions, alternating "<date> не болды?" and "Мына оқиға қашан болды?"."""
    limits = {"event": count["event"], "date": count["date"]}
    made = {"event": 0, "date": 0}
    questions = []
    for index, candidate in enumerate(_round_robin(candidates)):
        preferred = ("event", "date") if index % 2 == 0 else ("date", "event")
        for kind in preferred:
            if made[kind] >= limits[kind]:
                continue
            maker = _event_question if kind == "event" else _date_question
            question = maker(candidate, chronology, lecture_lang, lang)
            if question is not None:
                used.add(id(candidate.event))
                made[kind] += 1
                questions.append(question)
                break
    return questions


def _event_question(candidate: _Candidate, chronology, lecture_lang: str, lang: str) -> Question | None:
    """Ask "<date> не болды?" when only this event of the lecture falls within the date."""
    event = candidate.event
    if not _unique_span(event, chronology):
        return None
    language = languages.get(lang)
    phrase = language.questions.event_date_phrase(language, event.date, lecture_lang == lang)
    if phrase is None:
        return None
    text = language.phrases["event"].format(date=phrase)
    text = text[:1].upper() + text[1:]
    return _question(text, "event", candidate.clause, event, lang, f"event-{_date_key(event.date)}")


def _date_question(candidate: _Candidate, chronology, lecture_lang: str, lang: str) -> Question | None:
    """Ask when a quoted event happened, when its printed date is unique in the lecture."""
    event = candidate.event
    if not _unique_printed_date(event, chronology, lang):
        return None
    language = languages.get(lang)
    text = language.phrases[_precision_slot(event.date)].format(event=language.quote(candidate.clause))
    return _question(text, "date", language.format_date(event.date), event, lang, f"date-{_date_key(event.date)}")


def _date_key(value: DateValue) -> str:
    key = value.start if value.start == value.end else f"{value.start}_{value.end}"
    return f"{key}-{value.qualifier}" if value.qualifier else key


def _question(text: str, kind: str, answer: str, event: Event, lang: str, key: str) -> Question:
    return _open_task(text, answer, lang, key, event.section, event.line, event.anchor, kind)


def _open_task(text: str, answer: str, lang: str, key: str, section: str | None, line: int, anchor: str | None,
               kind: str = "open") -> Question:
    """Build a generated question with the typography pass applied to its text and answer."""
    language = languages.get(lang)
    return Question(text=language.typeset_text(text), kind=kind, answer=language.typeset_text(answer),
                    section=section, line=line, anchor=anchor, key=key)


def _events_by_section(chronology: Iterable[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for event in chronology:
        if event.anchor:
            grouped.setdefault(event.section, []).append(event)
    return grouped


def _event_line(event: Event, lang: str, lecture_lang: str) -> str:
    return f"{languages.get(lang).format_date(event.date)} — {event_clause(event, lecture_lang) or event.event}"


def _key_events(events: list[Event], limit: int, lecture_lang: str) -> list[Event]:
    """Pick the section's events for an answer: whole-sentence clauses first, in date order."""
    good = [event for event in events if event_clause(event, lecture_lang)]
    rest = [event for event in events if not event_clause(event, lecture_lang)]
    chosen = (good + rest)[:limit] if len(good) < 2 else good[:limit]
    return sorted(chosen, key=lambda event: date_bounds(event.date))


def _section_tasks(lecture: Lecture, chronology, lang: str) -> list[Question]:
    """Describe (sections with events) or explain (others) each section; one compare; one from the outcomes."""
    language, lecture_lang = languages.get(lang), lecture.meta.lang
    grouped = _events_by_section(chronology)
    tasks = []
    for section in lecture.sections:
        events = grouped.get(section.title, [])
        heading = language.quote(section.title)
        if len(events) >= 2:
            text = language.phrases["describe"].format(heading=heading)
            key_events = _key_events(events, MAX_ANSWER_EVENTS, lecture_lang)
            answer = "; ".join(_event_line(event, lang, lecture_lang) for event in key_events)
        else:
            answer = _first_sentences(section, lecture_lang)
            if not answer:
                continue
            text = language.phrases["explain"].format(heading=heading)
        tasks.append(_open_task(text, answer, lang, f"task-{short_hash(section.title)}",
                                section.title, section.line, section.anchor))
    compare = _compare_task(lecture.sections, grouped, lang, lecture_lang)
    if compare is not None:
        tasks.append(compare)
    periods = _periods_task(lecture, lang)
    if periods is not None:
        tasks.append(periods)
    return tasks


def _first_sentences(section: Section, lecture_lang: str, limit: int = 320) -> str:
    """Return the section's opening sentences (up to ``limit`` characters) as the answer's gist."""
    for block in section.blocks:
        plain = strip_markdown(block.text)[0]
        found = languages.get(lecture_lang).sentences(re.sub(r"\s+", " ", plain).strip())
        if not found:
            continue
        text = found[0]
        for sentence in found[1:]:
            if len(text) + len(sentence) + 1 > limit:
                break
            text += " " + sentence
        return text
    return ""


def _compare_task(sections, grouped: dict[str, list[Event]], lang: str, lecture_lang: str) -> Question | None:
    """Compare the two neighbouring sections that tell the most dated events."""
    best = None
    for first, second in zip(sections, sections[1:]):
        a, b = grouped.get(first.title, []), grouped.get(second.title, [])
        if len(a) >= 2 and len(b) >= 2 and (best is None or len(a) + len(b) > best[0]):
            best = (len(a) + len(b), first, second)
    if best is None:
        return None
    _, first, second = best
    language = languages.get(lang)
    text = language.phrases["compare"].format(first=language.quote(first.title), second=language.quote(second.title))
    answer = " | ".join(
        f"{language.quote(section.title)}: "
        + "; ".join(_event_line(e, lang, lecture_lang) for e in _key_events(grouped[section.title], 3, lecture_lang))
        for section in (first, second)
    )
    return _open_task(text, answer, lang, f"compare-{short_hash(first.title + second.title)}",
                      first.title, first.line, first.anchor)


def _periods_task(lecture: Lecture, lang: str) -> Question | None:
    """From the first learning outcome: name the lecture's main topics (its sections) in order."""
    if not lecture.meta.outcomes or len(lecture.sections) < 2:
        return None
    parts = [f"{section.number}. {section.title}" for section in lecture.sections]
    outcome = lecture.meta.outcomes[0].strip().rstrip(".")
    language = languages.get(lang)
    text = language.phrases["periods"].format(outcome=language.quote(outcome))
    return _open_task(text, "; ".join(parts), lang, "outcome-periods", None,
                      _front_matter_line(lecture, "outcomes"), lecture.sections[0].anchor)


def _front_matter_line(lecture: Lecture, key: str) -> int:
    """Return the line of a top-level front-matter key (metadata keys are not in setting_lines)."""
    for number, text in enumerate(lecture.source_text.split("\n")[: lecture.body_line], 1):
        if text.startswith(f"{key}:"):
            return number
    return 0


def _matching(candidates, chronology, lang: str, size: int, used: set[int], seed: int,
              asked_dates: tuple[str, ...] = ()) -> list[Question]:
    """Build one dates ↔ events exercise from unused events with unique printed dates.

    A date that contains the answer of a date question ("1917 ж. қазан – 1918 ж. наурыз"
    holds "1917 ж. қазан") is left out, so the worksheet never prints an answer.
    """
    language = languages.get(lang)
    chosen: list[_Candidate] = []
    years: set[int] = set()
    for candidate in _round_robin(candidates):
        event = candidate.event
        if id(event) in used or not _unique_printed_date(event, chronology, lang):
            continue
        printed = language.typeset_text(language.format_date(event.date))
        if any(asked in printed for asked in asked_dates):
            continue
        year = date_bounds(event.date)[0].year
        if year in years and len(chosen) < size:
            continue  # prefer distinct years, so a matching does not hinge on days
        chosen.append(candidate)
        years.add(year)
        if len(chosen) == size:
            break
    if len(chosen) < 2:
        return []
    chosen.sort(key=lambda c: date_bounds(c.event.date))
    for candidate in chosen:
        used.add(id(candidate.event))
    pairs = tuple((language.typeset_text(language.format_date(c.event.date)), language.typeset_text(c.clause)) for c in chosen)
    options = shuffled([right for _, right in pairs], seed)
    first = chosen[0].event
    return [
        Question(
            text=language.typeset_text(language.phrases["matching"]),
            kind="matching",
            answer=matching_answer(pairs, options, lang),
            section=first.section,
            line=first.line,
            anchor=first.anchor,
            pairs=pairs,
            prompts=tuple(left for left, _ in pairs),
            options=options,
            key="matching",
        )
    ]


def shuffled(items: list[str], seed) -> tuple[str, ...]:
    """Shuffle deterministically; never leave every item in its own place."""
    shuffled = list(items)
    random.Random(str(seed)).shuffle(shuffled)
    if len(shuffled) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return tuple(shuffled)


def matching_answer(pairs, options, lang: str) -> str:
    """Write the key of a matching exercise: "1–В, 2–А, …"."""
    letters = languages.get(lang).labels["matching_letters"]
    return ", ".join(f"{number}–{letters[options.index(right)]}" for number, (_, right) in enumerate(pairs, 1))


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
