"""Chronology rows: for each dated mention, the statement its row prints, or why it is left out.

A row's description is a self-contained clause with its subject and predicate, cut from its
sentence at clause boundaries only (the pack's ``clauses`` rules say where those are); it is
never cut inside a phrase and never gets "…". To shorten it, whole parentheticals and dependent
clauses are dropped. A clause led by a pronoun pointing back is resolved from the previous
sentence when the pack's rules can do so safely, else the whole sentence is used when it is short
and tells only this date; otherwise the mention is left out of the printed table with the reason,
for the teacher's report.

Work is linear in the text: a sentence's clause boundaries are found once, each date finds its
clause by bisection, and a clause or sentence longer than ``MAX_SCAN`` is not worked on at all
(it could never be printed whole).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lang.dates import DateMatch

MAX_DESCRIPTION = 180
"""A longer description is shortened by dropping parentheticals and dependent clauses."""
MAX_PRINTED = 240
"""A description still longer than this after shortening is left out (a table row of 3–4 lines)."""
MAX_SCAN = 700
"""A clause or sentence longer than this is not worked on: it could never be printed whole."""
MIN_WORDS = 4
MIN_TIMELINE_WORDS = 2
"""A chronicle line's noun phrase ("Кровавое воскресенье") may be short: its date heads it."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_COORDINATED = re.compile(r"(?<![\w.])\d{3,4}\s*(?:[-–—]|,|\s(?:және|мен|пен|бен|и|and))?\s*$")
_JOINER = re.compile(r"^\s*(?:,|және|мен|пен|бен|немесе|не|или|и|and|or)?\s*$")
_GLUED = re.compile(r"[^\W\d_]{2}[.!?][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]")
"""Two sentences glued at a full stop ("Shcherbakov.The", "жеткізді.Соғыс"): damaged text, not one statement."""
_CONJUNCTION_COMMA = re.compile(r"(?<=\s)(and|but|или|и|а|но|және|бірақ)\s*,\s+")
_GAP = re.compile(r",\s*[–—]\s")
"""«в Москве, в течение марта – по всей стране» less its date: a dash that stood for the verb."""
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,200}\)|\s*/[^/\n]{1,60}/")


@dataclass(frozen=True)
class Row:
    """What one dated mention prints, or why it is not printed."""

    text: str
    """The description (empty when left out)."""
    problem: str = ""
    """Why the mention is left out of the printed table (empty: printed)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block, with its dates and clause boundaries found once."""

    text: str
    matches: tuple[DateMatch, ...]
    """The dates in it, with positions relative to the sentence."""
    boundaries: tuple[tuple[int, int], ...]
    previous: str = ""
    starts: tuple[int, ...] = ()
    """Where each boundary starts (for bisection)."""
    match_starts: tuple[int, ...] = ()
    """The sentence before it in the same block (for resolving a pronoun)."""
    heading: str = ""
    """The title of the section it stands in ("Сырым Датұлы бастаған көтеріліс": what «Бұл көтеріліс» is)."""


def sentence_of(text: str, matches: list[DateMatch], previous: str, rules, heading: str = "") -> Sentence:
    """Prepare one sentence: its dates (relative positions) and clause boundaries."""
    found = []
    if len(text) <= 20 * MAX_SCAN:
        found = [(b.start(), b.end()) for b in rules.CLAUSE_BOUNDARY.finditer(text)]
        if getattr(rules, "VERB_FINAL", False):
            # "шабуылға шығып маусымда Уфаны алды": a converb right before a date closes the clause before it.
            found += [(m.start, m.start) for m in matches if rules.ends_with_converb(text[max(0, m.start - 40):m.start])]
            found.sort()
    return Sentence(text, tuple(matches), tuple(found), previous[-MAX_SCAN:], tuple(b[0] for b in found),
                    tuple(m.start for m in matches), heading)


def describe(sentence: Sentence, index: int, rules) -> Row:
    """Return the row of the sentence's ``index``-th date: a statement, or the reason it is left out."""
    match = sentence.matches[index]
    span = _clause_span(sentence, match, rules)
    if span is None:
        return Row("", "the sentence is too long to print whole and has no clause boundary to cut at")
    row = _statement(sentence, span, match, rules)
    if not row.problem and span[0] > 0 and any(b == (span[0], span[0]) for b in sentence.boundaries):
        row = Row("", "the clause goes on from the one before it, where its subject is")
    if row.problem and _may_use_sentence(sentence, match, span):
        whole = _statement(sentence, (0, len(sentence.text)), match, rules, whole=True)
        if not whole.problem:
            return whole
    return row


def _clause_span(sentence: Sentence, match: DateMatch, rules) -> tuple[int, int] | None:
    """Return the clause that holds the date; a converb clause goes on to its finite verb."""
    starts = sentence.starts
    after = bisect.bisect_left(starts, match.end)
    before = after - 1
    while before >= 0 and sentence.boundaries[before][1] > match.start:
        before -= 1  # a boundary inside the date phrase ("1918 жылғы сәуірдің 20-нан 1 мамырға дейін")
    start = sentence.boundaries[before][1] if before >= 0 else 0
    end = sentence.boundaries[after][0] if after < len(starts) else len(sentence.text)
    while getattr(rules, "VERB_FINAL", False) and after < len(starts) and rules.ends_with_converb(sentence.text[max(start, end - 40):end]):
        if _dated_differently(sentence, match, end, _boundary_start(sentence, after + 1)):
            break  # the next clause has its own date: this one ends here (its converb is made finite)
        after += 1
        end = sentence.boundaries[after][0] if after < len(starts) else len(sentence.text)
        if end - start > MAX_SCAN:
            break
    return (start, end) if end - start <= MAX_SCAN else None


def _boundary_start(sentence: Sentence, index: int) -> int:
    return sentence.boundaries[index][0] if index < len(sentence.boundaries) else len(sentence.text)


def _dated_differently(sentence: Sentence, match: DateMatch, start: int, end: int) -> bool:
    value = match.value
    return any(other.value is not None and (other.value.start, other.value.end) != (value.start, value.end)
               for other in _matches_in(sentence, start, end))


def _may_use_sentence(sentence: Sentence, match: DateMatch, span: tuple[int, int]) -> bool:
    """The whole sentence may stand for its date when it is short and dates nothing else."""
    if span == (0, len(sentence.text)) or len(sentence.text) > MAX_PRINTED + 40:
        return False
    value = match.value
    return all(other.value is None or (other.value.start, other.value.end) == (value.start, value.end)
               for other in sentence.matches)


def _statement(sentence: Sentence, span: tuple[int, int], match: DateMatch, rules, whole: bool = False) -> Row:
    """Turn the clause ``span`` (dates taken out) into a statement, or say why it is not one."""
    start, end = span
    inside = _matches_in(sentence, start, end)
    text = _clean(_without_dates(sentence.text, start, end, inside, rules), rules)
    orphan = getattr(rules, "ORPHAN_MODIFIER", None)
    if orphan is not None and inside and not sentence.text[start:inside[0].start].strip(" ,;:–—-("):
        bare = orphan.sub("", text)
        text = bare[:1].upper() + bare[1:]  # the date opened the clause: a participle it alone governed goes too
    if any(_bracketed(sentence.text, start, match.start) for match in inside):
        text = _clean(_PARENTHETICAL.sub("", text), rules)  # a bracket that lost its date glossed a name: it goes
    if len(text) > MAX_DESCRIPTION:
        text = _shorter(text, sentence, span, inside, rules)
    lead = _WORD.match(text)
    if lead and lead.group().lower() in rules.BACK_POINTERS:
        resolved = rules.resolve_back_pointer(text, sentence.previous)
        from_heading = getattr(rules, "resolve_from_heading", None)
        if resolved is None and from_heading is not None:
            resolved = from_heading(text, sentence.heading, sentence.previous)
        if resolved is None:
            return Row("", f"starts with «{lead.group()}», which points back to an earlier sentence")
        text = resolved
    dangling = rules.dangling_reference(text)
    if dangling:
        resolve = getattr(rules, "resolve_dangling", None)
        resolved = resolve(text, dangling, sentence.text[:start], sentence.previous) if resolve else None
        if resolved is None or rules.dangling_reference(resolved):
            return Row("", f"«{dangling}» points to something the row does not name")
        text = resolved
    if getattr(rules, "speaks_as_author", None) is not None and rules.speaks_as_author(text):
        return Row("", "the clause speaks in the writer's own person: a comment, not an event")
    if getattr(rules, "lacks_subject", None) is not None and rules.lacks_subject(text):
        # "X entered the field in 1838, and commanded the sappers in 1855": the pack may name the shared subject
        shared = getattr(rules, "sentence_subject", None)
        subject = shared(sentence.text[:start]) if shared is not None and start > 0 else None
        if subject is None:
            return Row("", "the clause has no subject of its own")
        text = f"{subject} {text[:1].lower()}{text[1:]}"
    timeline = _timeline_entry(sentence, match, rules)
    if not rules.has_predicate(text) and not timeline:
        finite = _made_finite(text, rules)
        if finite is None:
            return Row("", "the clause has no finite verb: it does not read as a statement")
        text = finite
    if re.match(r"\d{4}\b", text):
        return Row("", "the clause starts with a year the date grammar did not read")
    if len(_WORD.findall(text)) < (MIN_TIMELINE_WORDS if timeline else MIN_WORDS):
        return Row("", f"the clause is shorter than {MIN_TIMELINE_WORDS if timeline else MIN_WORDS} words")
    if _GAP.search(text) and not _GAP.search(sentence.text[start:end]):
        return Row("", "a date taken out leaves a gap: «, –» stood for a verb only the date made clear")
    run_together = getattr(rules, "RUN_TOGETHER", None)
    if _GLUED.search(text) or (run_together is not None and run_together.search(text)):
        return Row("", "two sentences run together at a full stop (no space, or a small letter after it)")
    if not _quotes_balance(text):
        return Row("", "the clause opens a quotation or a bracket it does not close")
    if len(text) > MAX_PRINTED:
        return Row("", f"the clause is longer than {MAX_PRINTED} characters and has no part to drop")
    return Row(text)


def _bracketed(text: str, start: int, position: int) -> bool:
    """Tell whether ``position`` stands inside a bracket opened after ``start``."""
    before = text[start:position]
    return before.count("(") > before.count(")")


def _timeline_entry(sentence: Sentence, match: DateMatch, rules) -> bool:
    """A chronicle line ("1918, 26 мая — восстание Чехословацкого корпуса"): the date heads it, a noun phrase may tell it.

    Only packs that define ``is_timeline_entry`` accept such a row; the others keep asking for a finite verb.
    """
    check = getattr(rules, "is_timeline_entry", None)
    return check is not None and check(sentence.text[: match.start], sentence.text[match.end :])


def _matches_in(sentence: Sentence, start: int, end: int) -> list[DateMatch]:
    starts = sentence.match_starts
    low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [m for m in sentence.matches[low:high] if m.end <= end]


def _without_dates(text: str, start: int, end: int, matches: list[DateMatch], rules) -> str:
    """Return text[start:end] with every date inside it (and a word governed by it) taken out."""
    pieces, position = [], start
    for match in matches:
        # "1921 және 1931-1933 жылдар", "1715-1824": a bare year coordinated with the date goes with it.
        piece = _COORDINATED.sub("", text[position : match.start])
        if position > start and _JOINER.match(piece):
            piece = ""  # "1650 немесе 1651 жылға": the word between two listed dates goes with them
        preposition = getattr(rules, "DATE_PREPOSITION", None)
        pieces.append(preposition.sub("", piece) if preposition is not None else piece)  # "born in 1713": "in" goes too
        rest = rules.GOVERNING_WORD.match(text, match.end, end)
        position = rest.end() if rest else match.end
    pieces.append(text[position:end])
    return " ".join(pieces)


def without_dates(text: str, matches: list[DateMatch], rules) -> str:
    """The sentence with its dates taken out (what a pronoun in the next sentence may point to)."""
    return _clean(_without_dates(text, 0, len(text), list(matches), rules), rules)


_WEB_NOTES = re.compile(r"\[(?:\d{1,3}|citation needed|[a-z]{1,8})\]")
"""Reference marks copied from web pages ("[5]", "[citation needed]")."""


def _clean(text: str, rules) -> str:
    text = re.sub(r"\s+", " ", _WEB_NOTES.sub("", text)).strip()
    text = re.sub(r"\s*\(\s*[,;]?\s*\)", "", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)  # "кейін, (1918 ж.), кеңес" lost its date: one comma
    text = re.sub(r"^[\s,;:–—\-.)]+|[\s,;:–—\-(.]+$", "", text)  # the full stop too, so a hanging word shows
    if text.startswith("(") and ")" not in text:
        text = text[1:].lstrip()  # "(1998 жылдың 6 мамырда Елбасының …": the bracket opened before the date
    text = rules.TRAILING_CONJUNCTION.sub("", text)  # a clause cut before its second half
    text = _CONJUNCTION_COMMA.sub(r"\1 ", text)  # "…, and in March, negotiations …" less its date
    previous = None
    while previous != text:
        previous = text
        text = rules.LEADING_CONNECTIVE.sub("", text).lstrip(" ,;:–—-")
    text = text.rstrip(" .")
    return text[:1].upper() + text[1:]


def _shorter(text: str, sentence: Sentence, span, inside, rules) -> str:
    """Drop whole parts until the description fits: parentheticals, a leading dependent clause, later clauses."""
    shorter = _clean(_PARENTHETICAL.sub("", text), rules)
    for pattern in getattr(rules, "DROPPABLE", ()):
        if len(shorter) <= MAX_DESCRIPTION:
            break
        shorter = _clean(pattern.sub("", shorter), rules)
    if len(shorter) > MAX_DESCRIPTION:
        cut = rules.subordinate_lead(shorter)
        if cut:
            shorter = _clean(shorter[cut:], rules)
    if len(shorter) > MAX_DESCRIPTION and getattr(rules, "VERB_FINAL", False):
        own = _own_clause(sentence, span, inside, rules)
        if own and len(own) < len(shorter):
            shorter = own
    return shorter


def _own_clause(sentence: Sentence, span, inside, rules) -> str | None:
    """The date's own converb clause made finite ("… өкімет құлатылып," → "… өкімет құлатылды")."""
    start, end = span
    first = next((b for b in sentence.boundaries if start < b[0] < end and b[0] >= inside[-1].end), None) if inside else None
    if first is None:
        return None
    clause = _clean(_without_dates(sentence.text, start, first[0], [m for m in inside if m.end <= first[0]], rules), rules)
    clause = _clean(_PARENTHETICAL.sub("", clause), rules)
    made = _made_finite(clause, rules)
    return made if made and len(_WORD.findall(made)) >= MIN_WORDS else None


def _made_finite(text: str, rules) -> str | None:
    words = list(_WORD.finditer(text))
    if not words or words[-1].end() != len(text):
        return None
    finite = rules.finite_form(words[-1].group()) if hasattr(rules, "finite_form") else None
    return text[: words[-1].start()] + finite if finite else None


def _quotes_balance(text: str) -> bool:
    """Tell whether every quotation opened is closed ("…", «…», “…” and the inner „…“)."""
    return (text.count('"') % 2 == 0 and text.count("«") == text.count("»")
            and text.count("„") + text.count("”") == text.count("“") and text.count("(") == text.count(")"))


def statement_quality(text: str) -> int:
    """Rank self-contained descriptions: a full-length clause beats a short one and an overlong one."""
    length = len(text)
    return 3 if 40 <= length <= MAX_DESCRIPTION else 2 if length <= MAX_DESCRIPTION else 1


__all__ = ["MAX_DESCRIPTION", "MAX_PRINTED", "Row", "Sentence", "describe", "sentence_of", "statement_quality"]
