"""Questions generated from the chronology, the headings and the learning outcomes."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ... import lang as languages
from ...model import DateValue, Event, Lecture, Question, Section
from .. import rows
from ..chronology import strip_markdown
from .blanks import blank_items
from .common import choice_options, make_question, short_hash, shuffled, year_distractors
from .ordering import ordering_item
from .people import person_choices, person_matching
from .numbers import number_choices
from .places import place_choices
from .reasons import term_items, why_items
from .statements import balanced, points_back, readable, statements, without_connector

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
    if not text or "…" in text or "..." in text or not event.anchor:
        return None
    language = languages.get(lang)
    text = language.clauses.quotable(text, event.date.text_date)
    if text is None or not balanced(text) or points_back(text, language.questions):
        return None
    if not _contiguous(text, event.sentence, event.date.text_date):
        return None
    if language.find_dates(text) or _YEAR.search(text):
        return None
    return text


def _contiguous(clause: str, sentence: str, text_date: str) -> bool:
    """Tell whether the clause is its sentence less the date as written.

    A whole date phrase dropped from the middle ("билігін 1917 жылғы 30 қазанда өз қолына алды")
    leaves grammar whole; a date cut in half ("XV ғасырдың ортасы мен … аралығы") does not.
    """
    if not sentence:
        return True
    flat = " ".join(sentence.replace(text_date, " ").split()).casefold()
    return " ".join(clause.split()).casefold().rstrip(".") in flat


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


def generate_questions(lecture: Lecture, control: QuestionControl) -> list[Question]:
    """Generate the question bank in the lecture's own language, kind by kind, each event or sentence used once."""
    lang = lecture.meta.lang
    sections = {section.title: section for section in lecture.sections}
    chronology = lecture.chronology
    count, seed = control.count, content_seed(lecture)
    candidates = _candidates(chronology, sections, lang)
    used: set[int] = set()
    years = {date_bounds(event.date)[0].year for event in chronology}
    # A short lecture keeps its few quotable events for the questions that ask about one event each.
    order = None
    if len(candidates) >= 8:
        order = ordering_item([(c.event, c.clause) for c in candidates], date_bounds, lang, seed, used, count["ordering"])
    matching = []
    if control.matching and count["matching"] >= 3 and len(candidates) - len(used) >= 6:
        matching = _matching(candidates, chronology, lang, count["matching"], used, seed)
    shown = tuple(left for q in matching for left in q.prompts)
    factual = [q for q in _factual_questions(candidates, chronology, lang, count, used, years, seed)
               if not any(q.answer and q.answer in left for left in shown)]  # a matching date must not print an answer
    found = statements(lecture)
    years |= {int(s.text[a:b]) for s in found for a, b in s.years}
    quoted = {c.event.sentence for c in candidates if id(c.event) in used}
    # a place item takes up to half of the single-choice items, so not every choice asks for a year
    places = place_choices(lecture, found, count["choice"] // 2, seed, quoted)
    places += number_choices(lecture, found, min(1, count["choice"] - len(places) - 1), seed, quoted)
    blanks = blank_items(lecture, found, years, dict(count, choice=count["choice"] - len(places)), seed, quoted) + places
    on_sheet = tuple(text.replace("\u00a0", " ") for q in matching + factual + blanks for text in _printed(q))
    persons = person_choices(lecture, count["person"], seed, on_sheet)
    # "Konstantin Petrovich ______ was the first Governor-General …" would answer "Who was the first Governor-General …?"
    blanks = [q for q in blanks if not (q.kind == "fill" and q.answer and any(q.answer in p.correct for p in persons))]
    factual += blanks + persons + why_items(lecture, count["why"]) + term_items(lecture, count["term"], seed)
    factual.sort(key=lambda q: (_section_number(q, sections), q.line))
    tasks = _section_tasks(lecture, chronology, lang)[: count["task"]]
    if control.matching and count["matching"] >= 3:
        matching += person_matching(lecture, count["matching"], seed, {q.correct for q in persons})
    return factual + ([order] if order else []) + matching + tasks


def _printed(question: Question) -> list[str]:
    """What a student's copy prints of an item: its text, options, items, prompts and pairs."""
    return [question.text, *question.options, *question.items, *question.prompts,
            *(part for pair in question.pairs for part in pair)]


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


def _factual_questions(candidates, chronology, lang: str, count: dict[str, int], used: set[int], years: set[int],
                       seed: int) -> list[Question]:
    """Turn events into questions, alternating "<date> не болды?" and "Мына оқиға қашан болды?" (a choice when it can be)."""
    limits = {"event": count["event"], "date": count["date"]}
    made = {"event": 0, "date": 0}
    questions = []
    for index, candidate in enumerate(_round_robin(candidates)):
        if id(candidate.event) in used:
            continue
        preferred = ("event", "date") if index % 2 == 0 else ("date", "event")
        for kind in preferred:
            if made[kind] >= limits[kind]:
                continue
            maker = _event_question if kind == "event" else _date_question
            question = maker(candidate, chronology, lang) if kind == "event" else maker(candidate, chronology, lang, years, seed)
            if question is not None:
                used.add(id(candidate.event))
                made[kind] += 1
                questions.append(question)
                break
    return questions


def _event_question(candidate: _Candidate, chronology, lang: str) -> Question | None:
    """Ask "<date> не болды?" when only this event of the lecture falls within the date."""
    event = candidate.event
    if not _unique_span(event, chronology):
        return None
    language = languages.get(lang)
    phrase = language.questions.event_date_phrase(language, event.date, True)
    if phrase is None:
        return None
    text = language.phrases["event"].format(date=phrase)
    text = text[:1].upper() + text[1:]
    return _question(text, "event", candidate.clause, event, lang, f"event-{_date_key(event.date)}")


def _date_question(candidate: _Candidate, chronology, lang: str, years: set[int], seed: int) -> Question | None:
    """Ask when a quoted event happened, when its printed date is unique in the lecture.

    A plain year becomes a single choice among years of the same era the lecture names.
    """
    event = candidate.event
    if not _unique_printed_date(event, chronology, lang):
        return None
    language = languages.get(lang)
    slot = _precision_slot(event.date)
    text = language.phrases[slot].format(event=language.quote(candidate.clause))
    printed = language.format_date(event.date)
    key = f"date-{_date_key(event.date)}"
    if slot == "date_year":
        year = date_bounds(event.date)[0].year
        others = [language.format_date(dataclasses.replace(event.date, start=str(y), end=str(y), text_date=str(y)))
                  for y in year_distractors(year, years)]
        options = choice_options(printed, others, f"{seed}:{key}")
        if options:
            return make_question(lang, text, "choice", printed, (event.section, event.line, event.anchor), key,
                                 options=options, correct=printed)
    return _question(text, "date", printed, event, lang, key)


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


def _event_text(event: Event, lang: str) -> str | None:
    """Return an event's words for a key: its clause when it reads alone, else its sentence when that does."""
    clause = event_clause(event, lang)
    if clause:
        return clause
    rules = languages.get(lang).questions
    sentence = without_connector(re.sub(r"\s*\[\d{1,3}\]", "", event.sentence).strip().rstrip("."), rules)
    if readable(sentence + ".", rules):
        return sentence
    return None


def _printed_row(event: Event, lang: str) -> str | None:
    """The chronology's own row when it reads as a sentence, though not contiguous with its source: a pronoun
    the row resolved («Бұл көтеріліс» → «Сырым Датұлы бастаған көтеріліс»). Only an answer key uses it:
    a question never quotes words the lecture did not write in that order."""
    language = languages.get(lang)
    text = language.clauses.quotable(event.event.strip(), event.date.text_date) if event.event and event.anchor else None
    if text is None or not balanced(text) or points_back(text, language.questions) or _YEAR.search(text):
        return None
    return text


_LEADING_DATE = re.compile(r"^\d[^–—]{0,24}?\s[–—]\s+")
"""A timeline line's own date ("1899 г. – построение …"): the key prints the date once."""


def _event_line(event: Event, lang: str) -> str:
    language = languages.get(lang)
    text = _without_own_date(_LEADING_DATE.sub("", _event_text(event, lang) or _printed_row(event, lang) or ""),
                            event, language)
    return f"{language.format_date(event.date)} — {text[:1].upper() + text[1:]}"


def _without_own_date(text: str, event: Event, language) -> str:
    """The key's words less the event's own date, which the line already prints before its dash.

    A sentence quoted whole keeps its date («Летом 1918 г. после …», "met in Orenburg on 21–26 July
    1917"): the mentions of the event's date (and the pack's preposition before them) are taken out
    as a chronology row takes them out; other dates stay.
    """
    value = event.date
    own = [match for match in language.find_dates(text)
           if match.value is not None and (match.value.start, match.value.end) == (value.start, value.end)]
    if not own:
        return text
    shorter = rows.without_dates(text, own, language.clauses)
    return shorter if len(shorter.split()) >= 3 else text


def importance(event: Event, lang: str) -> int:
    """Score how much an event matters to a teacher: key flag, heads (founding, decree, congress…), precision."""
    text = (event.sentence or event.event).casefold()
    stems = languages.get(lang).questions.IMPORTANT_STEMS
    score = 6 * event.key + 2 * sum(stem in text for stem in stems)
    score += {"day": 2, "month": 1}.get(event.date.precision, 0)
    return score - 3 * event.inferred


def _key_events(events: list[Event], limit: int, lang: str) -> list[Event]:
    """Pick the section's most important events that print whole (key events when the chronology marks some), in date order."""
    printable = [event for event in events if _event_text(event, lang)]
    if len(printable) < limit:  # a short section may also use rows the chronology resolved («Бұл көтеріліс»)
        printable += [event for event in events if event not in printable and _printed_row(event, lang)]
    marked = [event for event in printable if event.key]
    pool = marked if len(marked) >= 2 else printable
    chosen, texts = [], set()
    for event in sorted(pool, key=lambda e: (-importance(e, lang), e.line)):
        if any(event.date.start == other.date.start for other in chosen):
            continue  # one mention per day: "4 қазан" and "4–12 қазан" tell the same congress
        text = _event_text(event, lang) or _printed_row(event, lang)
        if text not in texts and len(chosen) < limit:
            texts.add(text)
            chosen.append(event)
    return sorted(chosen, key=lambda event: date_bounds(event.date))


def _section_tasks(lecture: Lecture, chronology, lang: str) -> list[Question]:
    """Describe (sections with events) or explain (others) each section; one compare; one from the outcomes."""
    language = languages.get(lang)
    grouped = _events_by_section(chronology)
    tasks = []
    for section in lecture.sections:
        events = grouped.get(section.title, [])
        heading = language.quote(section.title)
        key_events = _key_events(events, MAX_ANSWER_EVENTS, lang)
        if len(key_events) >= 2:
            text = language.phrases["describe"].format(heading=heading)
            answer = "; ".join(_event_line(event, lang) for event in key_events)
        else:
            answer = _first_sentences(section, lang)
            if not answer:
                continue
            text = language.phrases["explain"].format(heading=heading)
        tasks.append(_open_task(text, answer, lang, f"task-{short_hash(section.title)}",
                                section.title, section.line, section.anchor))
    compare = _compare_task(lecture.sections, grouped, lang)
    if compare is not None:
        tasks.append(compare)
    periods = _periods_task(lecture, lang)
    if periods is not None:
        tasks.append(periods)
    return tasks


def _first_sentences(section: Section, lang: str, limit: int = 320) -> str:
    """Return the section's opening sentences that read alone (up to ``limit`` characters) as the answer's gist."""
    language = languages.get(lang)
    rules = language.questions
    for block in section.blocks:
        plain = strip_markdown(block.text)[0]
        # a heading line, a byline or a date stamp ("Алаш ісі 9 Қараша 2012, 04:07") is no gist
        found = [s for s in language.sentences(re.sub(r"\s+", " ", plain).strip())
                 if balanced(s) and "…" not in s and "..." not in s and s.rstrip().endswith((".", "!"))
                 and language.clauses.has_predicate(s.rstrip(".! ")) and len(s.split()) >= 5]
        if not found or found[0].split()[0].casefold() in rules.LEADING_ANAPHORS:
            continue
        if _leans_back(found[0], rules):
            continue  # "Өте күрделі … жағдайларда ол …": who? the gist must say
        text = found[0]
        for sentence in found[1:]:
            if len(text) + len(sentence) + 1 > limit:
                break
            text += " " + sentence
        return text
    return ""


def _leans_back(sentence: str, rules) -> bool:
    """Tell whether a gist's first sentence needs an earlier one: a pronoun among its first words, or later
    with no name before it to point to («Өте күрделі … жағдайларда ол …», «… кезде олар қарсы шықты»).

    The first word is capitalised in any sentence, so only a capital after it counts as a name: a gist
    may skip a block it could have used, never print one that leans back."""
    words = [word.strip(",.;:«»()").casefold() for word in sentence.split()]
    if any(word in rules.PRONOUNS for word in words[:4]) or rules.dangling_reference(sentence):
        return True
    for index, word in enumerate(words[4:], 4):
        if word in rules.PRONOUNS:
            named = any(raw[:1].isupper() for raw in sentence.split()[1:index])
            return not named
    return False


def _compare_task(sections, grouped: dict[str, list[Event]], lang: str) -> Question | None:
    """Compare the two neighbouring sections that tell the most dated events."""
    best = None
    for first, second in zip(sections, sections[1:]):
        a, b = _key_events(grouped.get(first.title, []), 3, lang), _key_events(grouped.get(second.title, []), 3, lang)
        if len(a) >= 2 and len(b) >= 2 and (best is None or len(a) + len(b) > best[0]):
            best = (len(a) + len(b), first, second)
    if best is None:
        return None
    _, first, second = best
    language = languages.get(lang)
    text = language.phrases["compare"].format(first=language.quote(first.title), second=language.quote(second.title))
    answer = " | ".join(
        f"{language.quote(section.title)}: "
        + "; ".join(_event_line(e, lang) for e in _key_events(grouped[section.title], 3, lang))
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
    if len(chosen) < 3:
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


def matching_answer(pairs, options, lang: str) -> str:
    """Write the key of a matching exercise: "1–В, 2–А, …"."""
    letters = languages.get(lang).labels["matching_letters"]
    return ", ".join(f"{number}–{letters[options.index(right)]}" for number, (_, right) in enumerate(pairs, 1))
