"""Russian clause rules: where a clause ends, which words lead or close one, what reads as a statement.

The same names as every pack's ``clauses`` module (see ``lang/kk/clauses.py``). Russian is not
verb-final: the predicate stands anywhere after the subject, so a description is the clause that
holds the date, and it is shortened by dropping parentheticals and relative or participial
clauses set off by commas (", который …,", ", где …,").
"""

from __future__ import annotations

import functools
import re

VERB_FINAL = False
CLAUSE_BOUNDARY = re.compile(r";\s+|,\s+(?=(?:а|но|однако|причём|тогда как)\s)|:\s+(?=[А-ЯЁ])")
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:в результате(?: этого)?|таким образом|однако|тем не менее|кроме того|также|затем|после этого|"
    r"вскоре|тогда же|в то же время|при этом|наконец|а|но|и)\b[,\s]*)+",
    re.IGNORECASE,
)
"""Words that tie a clause to what came before without naming anything: dropped from a row's start."""
GOVERNING_WORD = re.compile(r"\s*(?:включительно)\b", re.IGNORECASE)
DATE_PREPOSITION = re.compile(
    r"(?<![\w-])(?:в\s+течение|на\s+протяжении|в\s+ходе|вплоть\s+до|в|во|с|со|к|до|после|на|около|по|от|между|"
    r"начиная\s+с)\s+$", re.IGNORECASE)
"""A preposition before a date: taken out with it ("в 1920 году" → nothing left behind)."""
TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:а|и|но|однако|уже|ещё|еще|лишь)$")
"""A clause cut before its second half ends in a conjunction; «он начался уже» lost the date «уже» went with."""
DROPPABLE = (
    re.compile(r",\s+(?:который|которая|которое|которые|которого|которой|которых|которым|где|куда|откуда)\b[^,;]*(?:,|$)"),
    re.compile(r",\s+[а-яё]+(?:вший|вшая|вшее|вшие|ющий|ющая|ющее|ющие|емый|емая|нный|нная|нные)\b[^,;]*(?:,|$)"),
)
"""Relative and participial clauses set off by commas: dropped whole to shorten a description."""
BACK_POINTERS = frozenset(
    "он она оно они его её ее их ему ей им это этот эта эти этим этой этого тот та те того там тогда "
    "такой такая такие здесь оттуда данный данная данное данные указанный указанная указанные".split()
)
ANAPHORS = BACK_POINTERS
_PAST = re.compile(r"(?:ал|ял|ил|ел|ёл|ол|ул|ыл|ла|ло|ли|лся|лась|лось|лись|ются|ется|ится|ятся|ет|ут|ют|ит|ят)$")
_SHORT_PARTICIPLE = re.compile(r"(?:ан|ян|ен|ён|ит|ут|ыт)(?:а|о|ы)?$")
_SHORT_PAST = frozenset("жил пал дал шёл шел вёл вел нёс нес рос мог лёг лег сел пел бил взял".split())
"""Past verbs of three letters ("с 1922 по 1937 год жил в Москве"), too short for the ending rule alone."""
_AUXILIARIES = frozenset("был была было были стал стала стало стали является являлась являлся являются есть".split())
MISSING_STOP = re.compile(r"[а-яё]{2}(?:ал|ил|ел|ли|ла|лся|лась|лись)(?P<gap>\s+)(?=(?:Он|Она|Они|Это|Этот|Эта|Эти|Однако|Но|Тогда|Затем)\b)")
"""A past verb, then a capitalized word that starts sentences ("образована Она"): a full stop is missing at ``gap``."""
KEY_HEADS = (
    "образова", "основа", "создан", "учрежд", "декрет", "указ", "постановлен", "съезд", "принят", "республик",
    "столиц", "провозгла", "автоном", "утвержд", "закон", "конституц", "независим", "суверен", "союз",
    "восстани", "революц", "реформ", "избран", "назначен", "деклараци", "договор", "победа", "началась",
    "закончилась", "алаш",
)
PERSON = re.compile(r"\b(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def ends_with_converb(clause: str) -> bool:
    """Russian clauses are not chained by converbs the way Kazakh ones are."""
    return False


def is_attributive_year(text_date: str) -> bool:
    """Tell whether a year only names a noun («восстание 1916 г.», «войны 1941–1945 гг.»): a bare genitive year or run
    of years, no preposition."""
    return bool(re.fullmatch(r"\d{3,4}(?:\s*г\.|\s+года|-го\s+года)|\d{3,4}(?:\s*[–—-]\s*|\s)\d{2,4}\s*(?:гг\.|годов)",
                             text_date.strip().lower()))


def is_attributive(text_date: str, after: str, before: str = "") -> bool:
    """A year written after its noun, without a preposition («восстания 1916 г.»), names the noun.

    A year that opens a line of a timeline ("1916 г. — восстание") dates it.
    """
    if _DOCUMENT_BEFORE.search(before) and text_date.strip().lower().startswith("от "):
        return True  # «к Указу от 25 июня»: the date names the decree, not the clause's event
    return is_attributive_year(text_date) and bool(re.search(r"[а-яё]{3,}\s*$", before.lower())) and not re.match(r"\s*[–—-]", after)


_DOCUMENT_BEFORE = re.compile(
    r"(?:указ|декрет|постановлени|приказ|закон|распоряжени|письм|договор|решени|телеграмм|манифест)[а-яё]*\s*$",
    re.IGNORECASE)


_TIMELINE_GAP = re.compile(r"[ \t]*(?:[–—-]|:|\.(?=\s+[А-ЯЁ«\"]))\s*\S")


def is_timeline_entry(before: str, after: str) -> bool:
    """A chronicle line: the date opens it and a dash, a colon or a full stop follows ("1918, 26 мая — восстание …").

    Its description may be a noun phrase without a verb; a chronology prints it as the event's name.
    """
    return not before.strip(" \t\n-–—•*>|") and bool(_TIMELINE_GAP.match(after))


def has_predicate(clause: str) -> bool:
    """Tell whether a clause has a finite verb (a past or present form, or a short participle after был)."""
    words = [word.lower() for word in _WORD.findall(clause)]
    return any(_PAST.search(word) and len(word) > 3 or word in _SHORT_PAST for word in words) or any(
        word in _AUXILIARIES for word in words) or any(_SHORT_PARTICIPLE.search(word) and len(word) > 5 for word in words[1:])


def resolve_back_pointer(clause: str, previous: str) -> str | None:
    """Russian pronouns are not resolved: the whole sentence or the report takes over."""
    return None


def subordinate_lead(clause: str) -> int:
    """Where the main clause starts after a leading dependent clause («После того как …, …»), else 0."""
    match = re.match(r"^(?:после того как|когда|хотя|поскольку|так как|несмотря на то что)\b[^,]{3,120},\s+", clause, re.IGNORECASE)
    return match.end() if match and len(_WORD.findall(clause[match.end():])) >= 4 else 0


def quotable(text: str, text_date: str) -> str | None:
    """Return the clause as a sentence a question may quote, or None when it does not read as one."""
    text = LEADING_CONNECTIVE.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    words = _WORD.findall(text)
    if not 5 <= len(words) <= 28 or words[0].lower() in BACK_POINTERS or not has_predicate(text):
        return None
    return None if is_attributive_year(text_date) else text


# --- What a row or a quoted sentence may not lean on (the same name in every pack) ---

_SUBJECT_PRONOUNS = frozenset("он она оно они".split())
_OTHER_PRONOUNS = frozenset("его её ее их ему ей им ими него неё нее нему ней ним них нём нем нею".split())
_POINTING = re.compile(
    r"(?<![\w-])(?:эт(?:от|а|и|ого|ой|ом|им|ими|их|у)|данн(?:ый|ая|ое|ые|ого|ой|ом|ым)|"
    r"указанн(?:ый|ая|ое|ые|ого|ой)|вышеупомянут\w*)(?![\w-])",
    re.IGNORECASE,
)
_POINTING_IDIOMS = re.compile(r"\bпри\s+этом\b|\bэтого\s+года\b|\bэтом\s+году\b", re.IGNORECASE)
_PLACE_ADVERB = re.compile(r"(?<![\w-])(?:здесь|там|туда|оттуда|сюда)(?![\w-])", re.IGNORECASE)
_NAMED_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:в|во|на|из|под|у)\s+(?:[а-яё-]+\s+){0,2}[А-ЯЁ]")
_BARE_CITY = re.compile(r"(?<![\w-])(?:город|города|городе|городом|городу)(?![\w-])(?!\s+[А-ЯЁ«])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3  # loaded on the first Russian lecture only: Kazakh and English builds never pay for it

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=20000)
def parse(word: str):
    """The likeliest analysis of a word (pymorphy3's first parse), cached: rows and items ask for few words."""
    return _analyzer().parse(word)[0]


def _names_noun(words: list[str], nominative: bool) -> bool:
    for word in words:
        tag = parse(word).tag
        if "NOUN" in tag and (not nominative or "nomn" in tag) or "Name" in tag or "Surn" in tag or "Geox" in tag:
            return True
    return False


def dangling_reference(text: str) -> str | None:
    """Return the word of ``text`` that points to something only an earlier sentence names, else None.

    A pronoun ("Согласно его решениям", "Занимаясь …, он становится") needs a noun before it in
    the text itself (a subject pronoun a noun in the nominative); "этот/данный" always points
    back; "здесь/там" need a named place before them ("на севере Казахстана, и здесь"); a bare
    «город» needs its name after it («город Верный»); a bare «Партия», «Съезд» before its verb
    needs the name an earlier sentence gave it (``referents.py``).
    """
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _SUBJECT_PRONOUNS or lower in _OTHER_PRONOUNS:
            if not _names_noun(words[:index], nominative=lower in _SUBJECT_PRONOUNS):
                return word
    pointing = _POINTING.search(_POINTING_IDIOMS.sub(" ", text))
    if pointing:
        return pointing.group()
    if any(word.lower() == "это" for word in words[:3]):
        return "это"  # «Это привело к …»; later («…, – это говорило о том») it sums up the row's own clause
    for place in _PLACE_ADVERB.finditer(text):
        if not _NAMED_PLACE_BEFORE.search(text[: place.start()]):
            return place.group()
    city = _BARE_CITY.search(text)
    if city:
        return city.group()
    from .referents import bare_definite

    return bare_definite(text)  # «Партия опубликовала …»: which party?


_PLACE_PHRASE = re.compile(r"(?<![\w-])(?:в|во)\s+([А-ЯЁ][а-яё-]+)")


def _one_place(text: str) -> str | None:
    """The one «в <город>» phrase (a place in the locative, pymorphy3's Geox) a text names, else None."""
    places = {found.group() for found in _PLACE_PHRASE.finditer(text)
              if "Geox" in parse(found.group(1)).tag and "loct" in parse(found.group(1)).tag}
    return places.pop() if len(places) == 1 else None


def resolve_dangling(text: str, word: str, before: str, previous: str) -> str | None:
    """Name the place «там»/«здесь» stands for, when the words before it name exactly one («в Оренбурге»).

    The phrase is taken as written, so no word is inflected; a pronoun or «город» is never resolved.
    A bare «Партия» takes the name of the one party the words before it name (``referents.py``).
    """
    if word.lower() not in ("там", "здесь"):
        from .referents import DEFINITE_HEADS, name_bare_noun

        return name_bare_noun(text, word, before, previous) if parse(word.lower()).normal_form in DEFINITE_HEADS else None
    place = _one_place(before) or (None if _PLACE_PHRASE.search(before) else _one_place(previous))
    if place is None:
        return None
    return re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", place, text, count=1)


# Timeline labels (render/timeline_labels.py): a label is a whole phrase of the row, never a cut
# word. In Russian a phrase may end before a preposition, «а», «но» or a relative word (not «и»,
# which joins words inside a phrase: «рабочие и солдаты»; the
# subject and its verb come first, so the label is the clause's head: «Съезд Советов провозгласил
# автономию», then «в Ташкенте» is left to the table).
PHRASE_CUT_AFTER = re.compile(r"(?!)")
"""A word after which a phrase may end (none: Russian phrases open with their preposition)."""
PHRASE_CUT_BEFORE = re.compile(
    r"(?:в|во|на|с|со|к|ко|по|о|об|от|до|из|у|за|под|над|при|через|после|для|без|между|против|около|"
    r"а|но|который|которая|которое|которые|которого|которой|которых|где|когда|чтобы|что|"
    r"благодаря|согласно|вместе)",
    re.IGNORECASE,
)
"""A word before which a phrase may end (the whole word must match)."""
PHRASE_NO_START = re.compile(r"(?!)")
"""A word a label may not open with (none: a phrase after a cut opens with its preposition)."""
