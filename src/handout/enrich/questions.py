"""Questions enricher: the teacher's authored questions, then questions generated from the lecture.

Generated kinds (each with its answer, source line, link anchor and a stable ``key``):

- ``event`` ("1920 жылы 26 тамызда не болды?"): the answer is the event; asked only
  when no other event of the chronology falls within that date, so the answer is unique;
- ``date`` ("Мына оқиға қай жылы болды: «…»?"): the answer is the date; asked only
  when the printed date is unique in the chronology;
- ``open`` tasks from the section headings (describe / explain), one compare task
  and one task from the learning outcomes (name the periods in order);
- ``matching``: dates ↔ events, the events shuffled with a seed taken from the
  lecture's text, so the same source always gives the same sheet.

An event is used by at most one question and only when its clause reads as a
whole sentence (a finite verb at the end, no pronoun pointing back, no second date).

Teacher's control (front matter ``questions``): a list of authored items, or a
mapping with ``authored``, ``exclude`` (keys or question texts), ``reword``
({key: text}), ``count`` ({date, event, task, matching}) and ``matching: false``;
``questions: false`` turns questions off. Authored items come first, unaltered.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import random
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..lang.phrasing import MATCHING_LETTERS, MONTH_LOCATIVE, quote, template
from ..lang.kk.dates import find_dates, format_date
from ..lang.kk.sentences import sentences
from ..lang.kk.typography import typeset_text
from ..model import DateValue, Event, Lecture, Question, Section

DEFAULT_COUNT = {"event": 6, "date": 6, "task": 9, "matching": 5}
"""How many questions of each kind by default (matching: pairs in the exercise)."""
AUTHORED_KINDS = ("open", "date", "event", "matching")
AUTHORED_KEYS = frozenset({"text", "answer", "kind", "points", "pairs", "key"})
CONTROL_KEYS = frozenset({"authored", "exclude", "reword", "count", "matching"})
MAX_ANSWER_EVENTS = 5

_YEAR = re.compile(r"(?<!\d)1\d{3}(?!\d)|(?<!\d)20\d{2}(?!\d)")
_LOCATIVE_END = re.compile(r"(?:да|де|та|те|нда|нде|ында|інде|жылы|жылдары|түні)$")
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)$")
_FINITE_VERB_END = re.compile(r"(?:ды|ді|ты|ті)$")
_CONNECTOR = re.compile(
    r"^(?:Сөйтіп|Мәселен|Соның нәтижесінде|Сонымен бірге|Сонымен|Ал|Алайда|Дегенмен|Бірақ|Яғни|Осылайша)[,\s]+"
)
_ANAPHORS = frozenset(
    "ол олар оның олардың оларды оған бұл бұның мұнда мұндай осы осында осындай сол соның онда "
    "қамтитын екінші үшінші төртінші".split()
)
_ATTRIBUTIVE_DATE = re.compile(r"(?:ғы|гі|қы|кі|жылдарды)$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# -- teacher's control ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class QuestionControl:
    """The front matter's ``questions`` setting, checked."""

    enabled: bool = True
    authored: tuple[Question, ...] = ()
    exclude: tuple[str, ...] = ()
    reword: dict[str, str] = dataclasses.field(default_factory=dict)
    count: dict[str, int] = dataclasses.field(default_factory=lambda: dict(DEFAULT_COUNT))
    matching: bool = True


def parse_control(lecture: Lecture, diagnostics: Diagnostics) -> QuestionControl:
    """Check the ``questions`` front matter; wrong types raise, unknown keys warn."""
    value = lecture.settings.get("questions")
    line = lecture.setting_lines.get("questions")
    path = lecture.path
    if value is None or value is True:
        return QuestionControl()
    if value is False:
        return QuestionControl(enabled=False)
    item_lines = _authored_item_lines(lecture)
    if isinstance(value, list):
        return QuestionControl(authored=_authored(value, path, line, item_lines))
    if not isinstance(value, dict):
        raise HandoutError(
            f"front matter key `questions`: expected a list of questions or a mapping with authored/exclude/reword/count, got {type(value).__name__}",
            path,
            line,
        )
    for key in sorted(set(map(str, value)) - CONTROL_KEYS):
        diagnostics.warn(path, line, "bad-questions", f"unknown `questions` key `{key}` is ignored; use {', '.join(sorted(CONTROL_KEYS))}")
    authored = _authored(_expect(value.get("authored", []), list, "questions.authored", "a list", path, line), path, line, item_lines)
    exclude = _expect(value.get("exclude", []), list, "questions.exclude", "a list of keys or question texts", path, line)
    reword = _expect(value.get("reword", {}), dict, "questions.reword", "a mapping of key: new text", path, line)
    count = _expect(value.get("count", {}), dict, "questions.count", "a mapping like {date: 5, event: 5}", path, line)
    matching = value.get("matching", True)
    if not isinstance(matching, bool):
        raise HandoutError(f"`questions.matching`: expected true or false, got {matching!r:.40}", path, line)
    counts = dict(DEFAULT_COUNT)
    for kind, number in count.items():
        if kind not in DEFAULT_COUNT:
            diagnostics.warn(path, line, "bad-questions", f"`questions.count.{kind}` is not a kind; use {', '.join(DEFAULT_COUNT)}")
        elif isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise HandoutError(f"`questions.count.{kind}`: expected a whole number ≥ 0, got {number!r:.40}", path, line)
        else:
            counts[kind] = number
    for key, text in reword.items():
        if not isinstance(text, str) or not text.strip():
            raise HandoutError(f"`questions.reword.{key}`: expected the new question text, got {text!r:.40}", path, line)
    return QuestionControl(
        authored=authored,
        exclude=tuple(str(entry).strip() for entry in exclude),
        reword={str(key): text.strip() for key, text in reword.items()},
        count=counts,
        matching=matching,
    )


def _expect(value, kind: type, name: str, wanted: str, path, line):
    if not isinstance(value, kind):
        raise HandoutError(f"`{name}`: expected {wanted}, got {type(value).__name__} {value!r:.40}", path, line)
    return value


def _authored(items: list, path: Path, line: int | None, item_lines: list[int]) -> tuple[Question, ...]:
    """Turn authored items (text or mappings) into questions, each error with its own line."""
    questions = []
    for index, item in enumerate(items):
        where = item_lines[index] if index < len(item_lines) else line
        questions.append(_authored_question(item, index, path, where or 0))
    return tuple(questions)


def _authored_question(item, index: int, path: Path, line: int) -> Question:
    if isinstance(item, str) and item.strip():
        return Question(text=item.strip(), line=line, source="authored", key=f"authored-{index + 1}")
    if not isinstance(item, dict):
        raise HandoutError(f"authored question {index + 1}: expected text or a mapping with `text`, got {type(item).__name__}", path, line)
    unknown = sorted(set(map(str, item)) - AUTHORED_KEYS)
    if unknown:
        raise HandoutError(f"authored question {index + 1}: unknown key `{unknown[0]}`; use {', '.join(sorted(AUTHORED_KEYS))}", path, line)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HandoutError(f"authored question {index + 1}: `text` must be the question, got {text!r:.40}", path, line)
    kind = item.get("kind", "open")
    if kind not in AUTHORED_KINDS:
        raise HandoutError(f"authored question {index + 1}: `kind` must be one of {', '.join(AUTHORED_KINDS)}, got {kind!r:.40}", path, line)
    answer = item.get("answer")
    if answer is not None and not isinstance(answer, (str, int, float)):
        raise HandoutError(f"authored question {index + 1}: `answer` must be text, got {type(answer).__name__}", path, line)
    points = item.get("points")
    if points is not None and (isinstance(points, bool) or not isinstance(points, int) or points < 0):
        raise HandoutError(f"authored question {index + 1}: `points` must be a whole number, got {points!r:.40}", path, line)
    pairs = _authored_pairs(item.get("pairs"), kind, index, path, line)
    key = str(item.get("key") or f"authored-{index + 1}")
    options = _shuffled([right for _, right in pairs], f"{path.name}:{text}") if pairs else ()
    return Question(
        text=text.strip(),
        kind=kind,
        answer=str(answer).strip() if answer is not None else (_matching_answer(pairs, options, "kk") if pairs else None),
        line=line,
        source="authored",
        points=points,
        pairs=pairs,
        prompts=tuple(left for left, _ in pairs),
        options=options,
        key=key,
    )


def _authored_pairs(value, kind: str, index: int, path: Path, line: int) -> tuple[tuple[str, str], ...]:
    if kind != "matching":
        if value is not None:
            raise HandoutError(f"authored question {index + 1}: `pairs` is only for kind: matching", path, line)
        return ()
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list) or len(value) < 2:
        raise HandoutError(f"authored question {index + 1}: a matching question needs `pairs`: at least two [left, right] items", path, line)
    pairs = []
    for pair in value:
        if isinstance(pair, dict) and len(pair) == 1:
            pair = next(iter(pair.items()))
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise HandoutError(f"authored question {index + 1}: each pair must be [left, right], got {pair!r:.40}", path, line)
        pairs.append((str(pair[0]).strip(), str(pair[1]).strip()))
    return tuple(pairs)


def _authored_item_lines(lecture: Lecture) -> list[int]:
    """Return the source line of each authored question item, read from the YAML node tree."""
    lines = lecture.source_text.split("\n")
    front = "\n".join(lines[1 : max(lecture.body_line - 2, 1)])
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    node = _child(root, "questions")
    if isinstance(node, yaml.MappingNode):
        node = _child(node, "authored")
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 2 for item in node.value]


def _child(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


# -- dates and clauses ------------------------------------------------------------------


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


def locative_phrase(value: DateValue, lecture_lang: str = "kk") -> str | None:
    """Return a Kazakh locative time phrase for "… не болды?", or None when there is no safe one.

    The phrase as written is preferred ("1920 жылы 26 тамызда"); attributive, ablative,
    abbreviated or year-less phrases are rebuilt from the date when its shape is simple.
    """
    written = value.text_date.strip()
    if lecture_lang == "kk" and _is_safe_locative(written, value):
        return written
    if value.qualifier is not None or value.alt_start:
        return None
    year, month, day = _parts(value.start)
    end_year, end_month, end_day = _parts(value.end)
    if value.precision == "year" and month is None:
        if end_year == year:
            return f"{year} жылы"
        return f"{year}–{end_year} жылдары" if end_month is None else None
    if value.precision == "month" and day is None and (end_year, end_month) == (year, month):
        return f"{year} жылы {MONTH_LOCATIVE[month - 1]}"
    if value.precision == "day" and day is not None and (end_year, end_month) == (year, month):
        days = f"{day}" if end_day == day else f"{day}–{end_day}"
        return f"{year} жылы {days} {MONTH_LOCATIVE[month - 1]}"
    return None


def _is_safe_locative(text: str, value: DateValue) -> bool:
    core = _TRAILING_BRACKETS.sub("", text)
    if not _YEAR.search(core) or "ж." in core or value.qualifier in ("until", "from"):
        return False
    words = core.split()
    return bool(words) and bool(_LOCATIVE_END.search(words[-1])) and not any(
        word in ("дейін", "бастап", "дейінгі") for word in words
    )


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    parts = [int(part) for part in iso.split("-")] + [None, None]
    return parts[0], parts[1], parts[2]


def event_clause(event: Event) -> str | None:
    """Return the event's description when it reads as a whole Kazakh sentence, else None."""
    text = event.event.strip()
    if not text or text.endswith("…") or not event.anchor:
        return None
    text = _CONNECTOR.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    words = _WORD.findall(text)
    if not 5 <= len(words) <= 24:
        return None
    if words[0].lower() in _ANAPHORS or not _FINITE_VERB_END.search(words[-1].lower()):
        return None
    if _ATTRIBUTIVE_DATE.search(event.date.text_date.strip()):
        return None  # "1918 жылғы 15 қаңтардағы нұсқау": the date belongs to a noun, not to the clause's verb
    if find_dates(text) or _YEAR.search(text):
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


# -- generation ---------------------------------------------------------------------------


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
    candidates = _candidates(chronology, sections)
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


def _candidates(chronology: Iterable[Event], sections: dict[str, Section]) -> list[_Candidate]:
    """Return events whose clause can be quoted, once per clause, in reading order."""
    seen: set[str] = set()
    found = []
    for event in sorted(chronology, key=lambda e: e.line):
        clause = event_clause(event)
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
    printed = format_date(event.date, lang)
    return sum(format_date(other.date, lang) == printed for other in chronology) == 1


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
    if lang == "kk":
        phrase = locative_phrase(event.date, lecture_lang)
        if phrase is None:
            return None
        text = template(lang, "event").format(date=phrase)
        text = text[:1].upper() + text[1:]
    else:
        if event.date.qualifier in ("until", "from"):
            return None
        text = template(lang, "event").format(date=_quoted_date(event.date, lang))
    return _question(text, "event", candidate.clause, event, lang, f"event-{_date_key(event.date)}")


def _date_question(candidate: _Candidate, chronology, lecture_lang: str, lang: str) -> Question | None:
    """Ask when a quoted event happened, when its printed date is unique in the lecture."""
    event = candidate.event
    if not _unique_printed_date(event, chronology, lang):
        return None
    text = template(lang, _precision_slot(event.date)).format(event=quote(candidate.clause, lang))
    return _question(text, "date", format_date(event.date, lang), event, lang, f"date-{_date_key(event.date)}")


def _quoted_date(value: DateValue, lang: str) -> str:
    printed = format_date(value, lang)
    return quote(printed, lang)


def _date_key(value: DateValue) -> str:
    key = value.start if value.start == value.end else f"{value.start}_{value.end}"
    return f"{key}-{value.qualifier}" if value.qualifier else key


def _question(text: str, kind: str, answer: str, event: Event, lang: str, key: str) -> Question:
    return _open_task(text, answer, lang, key, event.section, event.line, event.anchor, kind)


def _open_task(text: str, answer: str, lang: str, key: str, section: str | None, line: int, anchor: str | None,
               kind: str = "open") -> Question:
    """Build a generated question with the typography pass applied to its text and answer."""
    return Question(text=typeset_text(text, lang), kind=kind, answer=typeset_text(answer, lang),
                    section=section, line=line, anchor=anchor, key=key)


def _events_by_section(chronology: Iterable[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for event in chronology:
        if event.anchor:
            grouped.setdefault(event.section, []).append(event)
    return grouped


def _event_line(event: Event, lang: str) -> str:
    return f"{format_date(event.date, lang)} — {event_clause(event) or event.event}"


def _key_events(events: list[Event], limit: int) -> list[Event]:
    """Pick the section's events for an answer: whole-sentence clauses first, in date order."""
    good = [event for event in events if event_clause(event)]
    rest = [event for event in events if not event_clause(event)]
    chosen = (good + rest)[:limit] if len(good) < 2 else good[:limit]
    return sorted(chosen, key=lambda event: date_bounds(event.date))


def _section_tasks(lecture: Lecture, chronology, lang: str) -> list[Question]:
    """Describe (sections with events) or explain (others) each section; one compare; one from the outcomes."""
    grouped = _events_by_section(chronology)
    tasks = []
    for section in lecture.sections:
        events = grouped.get(section.title, [])
        heading = quote(section.title, lang)
        if len(events) >= 2:
            text = template(lang, "describe").format(heading=heading)
            answer = "; ".join(_event_line(event, lang) for event in _key_events(events, MAX_ANSWER_EVENTS))
        else:
            answer = _first_sentences(section)
            if not answer:
                continue
            text = template(lang, "explain").format(heading=heading)
        tasks.append(_open_task(text, answer, lang, f"task-{_short_hash(section.title)}",
                                section.title, section.line, section.anchor))
    compare = _compare_task(lecture.sections, grouped, lang)
    if compare is not None:
        tasks.append(compare)
    periods = _periods_task(lecture, lang)
    if periods is not None:
        tasks.append(periods)
    return tasks


def _first_sentences(section: Section, limit: int = 320) -> str:
    """Return the section's opening sentences (up to ``limit`` characters) as the answer's gist."""
    from .chronology import strip_markdown

    for block in section.blocks:
        plain = strip_markdown(block.text)[0]
        found = sentences(re.sub(r"\s+", " ", plain).strip())
        if not found:
            continue
        text = found[0]
        for sentence in found[1:]:
            if len(text) + len(sentence) + 1 > limit:
                break
            text += " " + sentence
        return text
    return ""


def _compare_task(sections, grouped: dict[str, list[Event]], lang: str) -> Question | None:
    """Compare the two neighbouring sections that tell the most dated events."""
    best = None
    for first, second in zip(sections, sections[1:]):
        a, b = grouped.get(first.title, []), grouped.get(second.title, [])
        if len(a) >= 2 and len(b) >= 2 and (best is None or len(a) + len(b) > best[0]):
            best = (len(a) + len(b), first, second)
    if best is None:
        return None
    _, first, second = best
    text = template(lang, "compare").format(first=quote(first.title, lang), second=quote(second.title, lang))
    answer = " | ".join(
        f"{quote(section.title, lang)}: " + "; ".join(_event_line(e, lang) for e in _key_events(grouped[section.title], 3))
        for section in (first, second)
    )
    return _open_task(text, answer, lang, f"compare-{_short_hash(first.title + second.title)}",
                      first.title, first.line, first.anchor)


def _periods_task(lecture: Lecture, lang: str) -> Question | None:
    """From the first learning outcome: name the lecture's main topics (its sections) in order."""
    if not lecture.meta.outcomes or len(lecture.sections) < 2:
        return None
    parts = [f"{section.number}. {section.title}" for section in lecture.sections]
    outcome = lecture.meta.outcomes[0].strip().rstrip(".")
    text = template(lang, "periods").format(outcome=quote(outcome, lang))
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
    chosen: list[_Candidate] = []
    years: set[int] = set()
    for candidate in _round_robin(candidates):
        event = candidate.event
        if id(event) in used or not _unique_printed_date(event, chronology, lang):
            continue
        printed = typeset_text(format_date(event.date, lang), lang)
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
    pairs = tuple((typeset_text(format_date(c.event.date, lang), lang), typeset_text(c.clause, lang)) for c in chosen)
    options = _shuffled([right for _, right in pairs], seed)
    first = chosen[0].event
    return [
        Question(
            text=typeset_text(template(lang, "matching"), lang),
            kind="matching",
            answer=_matching_answer(pairs, options, lang),
            section=first.section,
            line=first.line,
            anchor=first.anchor,
            pairs=pairs,
            prompts=tuple(left for left, _ in pairs),
            options=options,
            key="matching",
        )
    ]


def _shuffled(items: list[str], seed) -> tuple[str, ...]:
    """Shuffle deterministically; never leave every item in its own place."""
    shuffled = list(items)
    random.Random(str(seed)).shuffle(shuffled)
    if len(shuffled) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return tuple(shuffled)


def _matching_answer(pairs, options, lang: str) -> str:
    letters = MATCHING_LETTERS.get(lang, MATCHING_LETTERS["kk"])
    return ", ".join(f"{number}–{letters[options.index(right)]}" for number, (_, right) in enumerate(pairs, 1))


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


# -- the enricher ----------------------------------------------------------------------------


def build_questions(lecture: Lecture, diagnostics: Diagnostics, lang: str | None = None) -> tuple[Question, ...]:
    """Return the lecture's questions in ``lang``: authored first, then generated ones after the teacher's edits."""
    control = parse_control(lecture, diagnostics)
    if not control.enabled:
        return ()
    generated = generate_questions(lecture, lang or lecture.meta.lang, control)
    generated = _apply_edits(generated, control, lecture, diagnostics)
    return _dedupe(list(control.authored) + generated)


def _apply_edits(questions: list[Question], control: QuestionControl, lecture: Lecture, diagnostics: Diagnostics) -> list[Question]:
    line = lecture.setting_lines.get("questions")
    kept = []
    matched: set[str] = set()
    for question in questions:
        hits = {entry for entry in control.exclude if entry in (question.key, question.text)}
        if hits:
            matched |= hits
            continue
        if question.key in control.reword:
            question = dataclasses.replace(question, text=control.reword[question.key])
        kept.append(question)
    for entry in control.exclude:
        if entry not in matched:
            diagnostics.warn(lecture.path, line, "bad-questions", f"`questions.exclude` entry «{entry}» matches no generated question (see `handout questions`)")
    keys = {question.key for question in questions}
    for key in control.reword:
        if key not in keys:
            diagnostics.warn(lecture.path, line, "bad-questions", f"`questions.reword` key «{key}» matches no generated question (see `handout questions`)")
    return kept


def _dedupe(questions: list[Question]) -> tuple[Question, ...]:
    seen: set[str] = set()
    unique = []
    for question in questions:
        norm = " ".join(question.text.casefold().split())
        if norm not in seen:
            seen.add(norm)
            unique.append(question)
    return tuple(unique)


def add_questions(lecture: Lecture, diagnostics: Diagnostics) -> Lecture:
    """Return the lecture with its review questions (in the lecture's language)."""
    return dataclasses.replace(lecture, questions=build_questions(lecture, diagnostics))


def localized_questions(lecture: Lecture, lang: str) -> tuple[Question, ...]:
    """Return the lecture's questions in another language (generated ones regenerated, authored kept)."""
    if lang == lecture.meta.lang or not lecture.questions:
        return lecture.questions
    return build_questions(lecture, Diagnostics(), lang)


# -- what an edition may see ------------------------------------------------------------------


def without_answers(questions: Iterable[Question]) -> tuple[Question, ...]:
    """Strip answers and the correct matching order: what a student's copy may carry."""
    return tuple(dataclasses.replace(question, answer=None, pairs=()) for question in questions)


def blank_chronology(chronology: Iterable[Event], questions: Iterable[Question], lang: str) -> list[dict]:
    """Rows of the worksheet's chronology, each with its date or its event left blank.

    The column that would answer a question is the one left blank: a date asked
    for is blank, an event asked for is blank, and a matching row shows only its date.
    """
    asked_dates = {q.answer for q in questions if q.kind == "date" and q.answer}
    rows = []
    for event in chronology:
        printed = typeset_text(format_date(event.date, lang), lang)
        # A printed range ("1917 ж. қазан – 1918 ж. наурыз") would show an asked date inside it.
        blank = "date" if any(asked in printed for asked in asked_dates) else "event"
        rows.append({"date": None if blank == "date" else printed, "event": None if blank == "event" else event.event})
    return rows


# -- listing ----------------------------------------------------------------------------------


def question_record(question: Question, with_answer: bool) -> dict:
    """Return the JSON record of one question (the answer and matching order only on request)."""
    record = {
        "text": question.text,
        "kind": question.kind,
        "section": question.section,
        "line": question.line,
        "source": question.source,
        "key": question.key,
    }
    if question.points is not None:
        record["points"] = question.points
    if question.kind == "matching":
        record["prompts"] = list(question.prompts)
        record["options"] = list(question.options)
    if with_answer:
        record["answer"] = question.answer
        if question.pairs:
            record["pairs"] = [list(pair) for pair in question.pairs]
    return record


def questions_json(questions: Iterable[Question], with_answers: bool = False) -> str:
    """Format questions as ``{"questions": [...]}``."""
    import json

    return json.dumps({"questions": [question_record(q, with_answers) for q in questions]}, ensure_ascii=False, indent=2)


def questions_table(questions: Iterable[Question], with_answers: bool = False) -> str:
    """Format questions as numbered plain-text lines: key, kind, line, text (and answer)."""
    rows = []
    for number, question in enumerate(questions, 1):
        rows.append(f"{number:>2}. [{question.key}] {question.kind}, line {question.line}: {question.text}")
        for left, right in zip(question.prompts, question.options):
            rows.append(f"      {left}  |  {right}")
        if with_answers:
            rows.append(f"      → {question.answer or '—'}")
    return "\n".join(rows)


__all__ = [
    "QuestionControl",
    "add_questions",
    "blank_chronology",
    "build_questions",
    "content_seed",
    "event_clause",
    "generate_questions",
    "locative_phrase",
    "localized_questions",
    "parse_control",
    "questions_json",
    "questions_table",
    "without_answers",
]
