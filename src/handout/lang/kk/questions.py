"""Kazakh question phrasing that needs more than a template (KAZAKH.md §5).

"<date> не болды?" reuses the lecture's own locative date phrase ("1920 жылы 26 тамызда") when
it is one, and otherwise builds one from a fixed table of month locatives, so no word of the
lecture is ever inflected.
"""

from __future__ import annotations

import re

from ...model import DateValue
from ..dateformat import iso_parts
from ..phrasing import split_cause

MONTH_LOCATIVE = (
    "қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда",
    "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда",
)
"""Month names in the locative case (KAZAKH.md §1), January first."""

_YEAR = re.compile(r"(?<!\d)1\d{3}(?!\d)|(?<!\d)20\d{2}(?!\d)")
_LOCATIVE_END = re.compile(r"(?:да|де|та|те|нда|нде|ында|інде|жылы|жылдары|түні)$")
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)$")


def event_date_phrase(pack, value: DateValue, written_in_language: bool = True) -> str | None:
    """Return a locative time phrase for "… не болды?", or None when there is no safe one.

    The phrase as written is preferred ("1920 жылы 26 тамызда"); attributive, ablative,
    abbreviated or year-less phrases are rebuilt from the date when its shape is simple.
    """
    written = value.text_date.strip()
    if written_in_language and _is_safe_locative(written, value):
        return written
    if value.qualifier is not None or value.alt_start:
        return None
    year, month, day = iso_parts(value.start)
    end_year, end_month, end_day = iso_parts(value.end)
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


# --- Rules the question bank reads (the same names in every pack) ---

LEADING_ANAPHORS = frozenset(
    "ол олар оның олардың оларды оған оларға бұл бұның бұлар мұнда мұндай осы осыған осында осындай "
    "сол соның сонда соған онда сондықтан сөйтіп сонымен соның нәтижесінде екіншіден үшіншіден кейін келесі".split()
)
"""Words that, first in a sentence, point back to the one before: such a sentence is not self-contained
(«Келесі шабуылды жоңғарлар …»: the next after which?)."""

RUN_ON = re.compile(r"[^\W\d_](?:ды|ді|ты|ті|ған|ген|қан|кен)\s+(?:Оның|Олар|Ол|Бұл|Ал|Сонымен|Осы)\b")
"""A probable missing full stop ("пайда болды Оның …"): two sentences run together."""

PRONOUNS = frozenset("ол олар оның олардың оларды оған оларға бұл бұның бұлар мұнда онда сонда бүгін биыл қазір "
                     "біз біздің бізге бізді".split())
"""Pronouns and deictic words that, among a sentence's first words ("1924 жылы ол жойылып", "Ал бүгін"),
need an earlier sentence or the day of writing."""

PREDICATE_END = re.compile(
    r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ады|еді|йды|йді|тұр|отыр|жатыр|жоқ|болатын|тын|тін|атын|етін|йтын|йтін|мақ|мек)[.!]?$"
)
"""How a Kazakh statement ends: a finite verb (a heading-like phrase "1916 жылғы көтеріліс." does not)."""

LEADING_CONNECTORS = frozenset("ал бірақ алайда дегенмен сөйтіп сонымен яғни мәселен осылайша және".split())
"""Connectives a quoted sentence or clause drops from its start ("Ал 1922 жылы …")."""

POINTING = frozenset("осы осының осыған осында сол соның соған бұл бұның мұндай осындай сондай аталған жоғарыда".split())
"""Determiners that, anywhere in a quoted sentence ("осы ауыртпалық"), point to what the text said before."""

BACK_REFERENCES = frozenset("мұнымен мұны мұнда мұндағы бұған осыны осыған соны соған сонымен оны онымен".split())
"""Object pronouns that, anywhere in a sentence ("буржуазия мұнымен ымырласқысы келмеді"), refer to an earlier one."""

IMPORTANT_STEMS = (
    "құрыл", "құру", "жарияла", "декрет", "съез", "қабылда", "республика", "астана", "үкімет", "автоном",
    "орнады", "орнатты", "тәуелсіз", "заң", "конституция", "реформа", "көтеріліс", "соғыс", "бекіт", "жеңді",
)
"""Stems of the heads that make an event a key one (founding, decree, congress, adoption, republic, capital…)."""

_CAUSE_AFTER = re.compile(r"^(?P<effect>.+?),\s+(?:себебі|өйткені|себебі,)\s+(?P<cause>.+?)[.!]?$")
_CAUSE_BEFORE = re.compile(
    r"^(?P<cause>.+?(?:ғандықтан|гендіктен|қандықтан|кендіктен|нәтижесінде|салдарынан)),?\s+(?P<effect>[^,]+?[.!]?)$"
)
_CAUSE_THEN = re.compile(r"^(?P<cause>.+?),\s+сондықтан\s+(?P<effect>.+?)[.!]?$")
_FINITE = re.compile(r"(?:ды|ді|ты|ті|ған|ген|қан|кен|еді|болатын|жоқ|тиді|кетті)[.!]?$")


def cause_and_effect(sentence: str) -> tuple[str, str] | None:
    """Split a sentence that states a cause («…, себебі …», «… болғандықтан, …», «…, сондықтан …»).

    Returns (effect, cause), the effect a whole clause with its verb, or None.
    """
    return split_cause(sentence, (_CAUSE_AFTER, _CAUSE_THEN, _CAUSE_BEFORE),
                       effect_ok=lambda effect: bool(_FINITE.search(effect)) and len(effect.split()) >= 4)


_DEFINED_AS = re.compile(r"^(?P<term>[^,;:]{2,60}?)\s+дегеніміз\s*[—–-]?\s*(?P<definition>.+?)[.!]?$")
_IS_CALLED = re.compile(
    r"^(?P<definition>.+?)\s+(?P<term>«[^«»]{2,60}»|\*\*[^*]{2,60}\*\*)\s+деп\s+(?:аталады|атаған|аталды|атайды|аталған)[.!]?$"
)


def definition(sentence: str) -> tuple[str, str] | None:
    """Return (term, definition) when the sentence defines a term («X дегеніміз — Y», «Y «X» деп аталады»)."""
    text = sentence.strip()
    found = _DEFINED_AS.match(text) or _IS_CALLED.match(text)
    if not found:
        return None
    return found["term"].strip(" *«»"), found["definition"].strip()

from .clauses import dangling_reference  # noqa: E402  (a quoted sentence leans on no earlier one, as a row does not)


def role_phrase(role: str) -> str:
    """A role as "{role} кім болды?" prints it: as the text gives it ("Алашорда үкіметінің төрағасы")."""
    return role


GENERIC_ROLE_WORDS = ("батыс", "шығыс", "оңтүстік", "солтүстік", "орталық", "съез", "комитет", "комиссия", "бөлімше",
                      "партия", "үкімет", "өлкелік", "облыстық", "уездік")
"""Capitalized words that do not name a body by themselves: "Батыс бөлімшесінің төрағасы" — of what?"""


# --- Places: a blanked place and other places of the lecture as options ---

_PLACE = re.compile(r"(?<![\w-])([А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]+(?:-[А-ЯӘҒҚҢӨҰҮҺІ]?[а-яәғқңөұүһі]+)?)\s+"
                    r"(қала(?:сы|сында|сына|сынан|сының|сын|сындағы)|облыс(?:ы|ында|ына|ынан|ының|ын|ындағы))(?![\w-])")


def place_mentions(text: str) -> list[tuple[int, int, tuple[str, str]]]:
    """Every place named with its kind ("Орынбор қаласында", "Торғай облысының") as (start, end, (name, kind)).

    The name before "қаласы/облысы" stands in the nominative, so a blank there takes any other name
    of the same kind without a case ending to agree.
    """
    return [(match.start(1), match.end(1), (match.group(1), match.group(2)[:4])) for match in _PLACE.finditer(text)]


def place_form(key: tuple[str, str], like: str) -> str | None:
    """The name as written: it stands in the nominative before "қаласы"/"облысы"."""
    return key[0]
