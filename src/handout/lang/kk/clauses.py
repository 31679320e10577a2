"""Kazakh clause rules: where a clause ends, which words lead or close one, what reads as a whole sentence.

The chronology (``enrich/rows.py``) cuts an event's clause out of its sentence with these rules and
checks that it reads as a statement; the questions quote a clause only when it reads as a whole
Kazakh sentence (a finite verb at the end, no pronoun pointing back). Every pack's ``clauses``
module has the same names (see ``lang/ru/clauses.py``, ``lang/en/clauses.py``).

Kazakh is verb-final and left-branching: a clause's predicate is its last word, and what a
clause depends on (a converb "құлатылып,", a condition "асырылса,", a "-ған соң" clause) stands
before it. So a description is the clause that ends in a finite verb, and it is shortened by
dropping whole dependent clauses from its front or parentheticals from its middle.
"""

from __future__ import annotations

import re

VERB_FINAL = True
"""The predicate closes the clause: a converb clause goes on to the finite verb after it."""

CONNECTIVES = ("ал", "бірақ", "алайда", "сондай-ақ", "мұнда", "яғни", "сөйтіп", "сонымен")
_CONVERB = r"(?:ып|іп|ап|еп|йп|са|се)"
# A clause ends at ";" or ":" or at a comma before a connective or after a converb ("құлатылып,")
# or a contrastive condition ("іске асырылса,").
CLAUSE_BOUNDARY = re.compile(
    r",\s+(?=(?:%s|оның|олар|олардың|ол|бұл)\b)|(?<=[^\W\d_]{2}%s),\s+|[;:]\s+" % ("|".join(CONNECTIVES), _CONVERB)
)
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:%s|мәселен|осылайша|алайда|бірақ|дегенмен|соның нәтижесінде|нәтижесінде|сонымен бірге|"
    r"сонымен қатар|ол кезде|ол уақытта|бұл тұста|осы тұста|бұл кезде|осы кезде|сол кезде|осы кезден|осы кезеңде|мұнан соң|"
    r"осыдан кейін|содан кейін|одан кейін|кейіннен|кейін|тек|ең алдымен|алғашқы кезде|кейінірек)\b[,\s]*)+" % "|".join(CONNECTIVES),
    re.IGNORECASE,
)
"""Words that tie a clause to what came before without naming anything: dropped from a row's start
(the row's date already says when)."""
GOVERNING_WORD = re.compile(r"\s*(?:(?:сәйкес|тура|сай)\s+келеді|қамтитын|қамтыған|қамтыды|кезеңде|аралығында|аралығындағы|аралығын\s+қамтиды|аралығын\s+қамтыды|аумағын\s+қамтыған|аумағын\s+қамтитын|күні|түні)\b",
                            re.IGNORECASE)
"""A word right after a date that the date governs ("1917-1920 жылдарды қамтитын"): it goes with the date.
"… құрылуы 1465 жылға сәйкес келеді" (falls in 1465) goes too: the row names the event, «Қазақ хандығының құрылуы»."""
TRAILING_CONJUNCTION = re.compile(r"[\s,]+(?:ал|және|мен|бірақ|ал енді|да|де)$")
"""A clause cut before its second half ends in a conjunction."""
_CONVERB_END = re.compile(r"[^\W\d_]{2}(?:ып|іп|ап|еп|йп)$")
_NOT_CONVERBS = frozenset("кітап жауап себеп есеп талап шеп сап топ кеп тіп".split())

SENTENCE_CONNECTOR = re.compile(
    r"^(?:Сөйтіп|Мәселен|Соның нәтижесінде|Сонымен бірге|Сонымен|Ал|Алайда|Дегенмен|Бірақ|Яғни|Осылайша)[,\s]+"
)
ANAPHORS = frozenset(
    "ол олар оның олардың оларды оған бұл бұның мұнда мұндай осы осында осындай сол соның онда "
    "қамтитын екінші үшінші төртінші келесі".split()
)
BACK_POINTERS = frozenset(
    "ол олар оның олардың оларды оларға олармен оған оны онымен одан бұл бұның мұның бұған мұны мұнда "
    "мұндай осы осыған осының осында осындай сол соның соған сондай онда ондай мұнан осыдан содан".split()
)
"""Words that, leading a clause, point back to something named before it."""
_DEMONSTRATIVES = ("бұл", "осы", "сол", "аталған", "мұндай", "осындай")

FINITE_VERB_END = re.compile(r"(?:ды|ді|ты|ті)$")
"""The finite verb a question may quote (past definite)."""
_FINITE = re.compile(
    r"(?:(?:д|т)(?:ы|і)(?:қ|к|м|ң|ңыз|ңіз|р)?|(?:ды|ді|ты|ті)р|еді|екен|болатын|тын|тін|атын|етін|ған|ген|қан|кен|"
    r"ады|еді|йды|йді|уда|уде|мақ|мек|пақ|пек|бақ|бек|жоқ|тиіс|керек|мүмкін|қажет|дейді|деген|екен)$"
)
_VOICELESS = set("кқпстфхшщцч")
_BACK_VOWELS = set("аоұыу")
_FRONT_VOWELS = set("әеөүіиэ")
ATTRIBUTIVE_DATE = re.compile(r"(?:ғы|гі|қы|кі|жылдарды)$")
_ATTRIBUTIVE_END = re.compile(r"(?:жылғы|ғы|гі|қы|кі|жылдардағы|жылдарғы)$")
_ENACTING = re.compile(r"(?:жарлығымен|декретімен|қаулысымен|шешімімен|бұйрығымен|заңымен|жарлықпен|декретпен|қаулымен)\b",
                       re.IGNORECASE)
"""A document in the instrumental after an attributive date: the act happened by it, on its date."""
MISSING_STOP = re.compile(
    r"[^\W\d_]{2}(?:ды|ді|ты|ті|еді|ған|ген|қан|кен|жоқ)(?P<gap>\s+)"
    r"(?=(?:Ол|Олар|Оның|Олардың|Оған|Бұл|Бұның|Мұнда|Осы|Сол|Соның|Ал|Бірақ|Алайда|Сөйтіп|Сонымен|Кейін|Мұнан)\b)"
)
"""A finite verb, then a capitalized word that starts sentences ("болды Оның"): a full stop is missing at ``gap``."""
KEY_HEADS = (
    "құрыл", "құру", "құрды", "жарлы", "декрет", "қаулы", "съез", "құрылтай", "қабылда", "республика",
    "астана", "жариял", "автоном", "бекіт", "заң", "конституция", "тәуелсіз", "егемен", "одағы", "орнады",
    "орнатыл", "басталды", "аяқталды", "көтеріліс", "төңкеріс", "реформа", "сайлан", "тағайындал",
    "шешім", "декларация", "келісім", "жеңіс", "құлат", "пайда бол", "алаш",
)
"""Stems of what makes an event a key one: foundings, decrees, congresses, adoptions, republics, capitals."""
PERSON = re.compile(r"\b(?:[А-ЯӘҒҚҢӨҰҮҺІЁ]\.\s?){1,2}[А-ЯӘҒҚҢӨҰҮҺІЁ][а-яәғқңөұүһіё]+")
"""A named person as history prose writes one: initials and a surname ("Ә. Бөкейханов")."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_TIMELINE_GAP = re.compile(r"[ \t]*(?:[–—-]|:)\s*\S")
_PARENTHESES = re.compile(r"\([^()]*\)")
_COPULA_DASH = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^–—()]*\s[–—]\s*$")
"""An encyclopaedia's definition: a name, a spaced dash, and what the person was (the date follows the dash)."""
_DATED_BY_COPULA = re.compile(r"\s*(?:сәйкес|тура|сай)\s+келеді\s*[.!]?\s*$", re.IGNORECASE)


RUN_TOGETHER = re.compile(r"[^\W\d_]{4}\.\s+[a-zа-яёәғқңөұүһі]")
"""A full stop after a whole word, then a small letter («… әлеуметтік салдары. жерлердің игерілуі …»):
a heading or a sentence run into the next, damaged text a row may not print. (Russian prose abbreviates
words before small letters, «млрд. пудов»: its pack has no such rule.)"""


def is_timeline_entry(before: str, after: str) -> bool:
    """A row that names its event with a noun phrase, no finite verb needed.

    A chronicle line opens with its date and a dash or colon ("1465 ж. – Қазақ хандығының құрылуы.");
    a sentence whose only predicate says when ("Қазақ хандығының құрылуы 1465 жылға сәйкес келеді")
    has its event in the subject; an encyclopaedia's "<name> (…) – <date> <what>" is a whole statement.
    """
    if not before.strip(" \t\n-–—•*>|") and _TIMELINE_GAP.match(after):
        return True
    named = _PARENTHESES.sub("", before)
    words = _WORD.findall(named)
    if _COPULA_DASH.search(named) and len(words) <= 6 and not any(_CONVERB_END.search(word) for word in words) \
            and not has_predicate(named.rstrip(" –—")):
        return True  # "Тәуке хан (…) – 1652 жылдан бастап Кіші жүздің ханы": who – what, the dash is the verb
    return bool(_DATED_BY_COPULA.match(after)) and len(_WORD.findall(before)) >= 2


ORPHAN_MODIFIER = re.compile(r"^[^\W\d_]{2,}(?:ған|ген|қан|кен)\s+(?!(?:соң|кейін|жоқ|еді|екен|кезде|сайын|болатын)\b)(?=[^\W\d_«“\"])")
"""A participle whose only argument was the date it followed («1927 жылы желтоқсанда өткен Компартияның ХV
съезі …»): with the date out it qualifies nothing («Өткен Компартияның …»), so it goes too."""
_AUTHOR = re.compile(r"(?<![\w-])(?:біз|біздің|бізге|бізді|бізден|бізбен|менің|маған|меніңше|өзіміз[^\W\d_]*)(?![\w-])(?!\s+заманымыз)",
                     re.IGNORECASE)


def speaks_as_author(clause: str) -> bool:
    """Tell whether a row speaks in the writer's own person («Біздің қазақ үшін … ашаршылықтың алатын орны
    айрықша зор болды»): a comment on history, not an event a chronology lists."""
    return bool(_AUTHOR.search(clause))


def ends_with_converb(clause: str) -> bool:
    """Tell whether a clause ends in a converb ("құлатылып"): its finite verb is further on."""
    words = _WORD.findall(clause[-40:])
    return bool(words) and words[-1].lower() not in _NOT_CONVERBS and bool(_CONVERB_END.search(clause.strip()))


def is_attributive_year(text_date: str) -> bool:
    """Tell whether a year only names a noun ("1916 жылғы көтеріліс")."""
    return text_date.rstrip().endswith("жылғы")


_PARTICIPLE_THEN_NOUN = re.compile(r"\s+[^\W\d_]{3,}(?:ған|ген|қан|кен)\s+(?!(?:соң|кейін|жоқ|еді|екен|болатын|кезде|уақытта)\b)[«\"“]?[^\W\d_]{2,}")


def is_attributive(text_date: str, after: str, before: str = "") -> bool:
    """Tell whether a date only names the noun after it ("1916 жылғы көтеріліске қатысушылар").

    ``after`` is the text after the date. A document named with its date and then used in the
    instrumental ("1917 жылғы 22 қарашадағы "Сот туралы" жарлығымен ... қысқартылды") dates the act.
    """
    if _PARTICIPLE_THEN_NOUN.match(after):
        return True  # "1927 жылы жазылған поэма … өртелді": the date is the poem's, not the burning's
    if not _ATTRIBUTIVE_END.search(text_date.rstrip()):
        return False
    head = " ".join(after.split()[:6])
    return not _ENACTING.search(head)


def has_predicate(clause: str) -> bool:
    """Tell whether a clause ends in a finite verb (or a predicate word like "жоқ", "керек")."""
    words = _WORD.findall(clause[-60:])
    last = words[-1].lower() if words else ""
    return bool(_FINITE.search(last)) and (len(last) > 3 or last in ("еді", "жоқ"))


def finite_form(word: str) -> str | None:
    """Return the past definite of a converb or a condition ("құлатылып" → "құлатылды"), or None."""
    lower = word.lower()
    if lower in _NOT_CONVERBS:
        return None
    if re.search(r"(?:ып|іп)$", lower) and len(lower) > 4:
        stem = word[:-2]
    elif re.search(r"[аеыі]п$", lower) and len(lower) > 4:
        stem = word[:-1]
    elif re.search(r"(?:са|се)$", lower) and len(lower) > 4:
        stem = word[:-2]
    else:
        return None
    if stem[-1] in "ғг" and lower.endswith(("ып", "іп")):
        stem = stem[:-1] + {"ғ": "қ", "г": "к"}[stem[-1]]  # "шығып" → "шықты"
    vowels = [letter for letter in stem.lower() if letter in _BACK_VOWELS | _FRONT_VOWELS]
    if not vowels:
        return None
    consonant = "т" if stem[-1].lower() in _VOICELESS else "д"
    vowel = "ы" if vowels[-1] in _BACK_VOWELS else "і"
    return stem + consonant + vowel


_CASE_MARKED = re.compile(r"(?:да|де|та|те|ға|ге|қа|ке|ны|ні|ды|ді|ты|ті|ын|ін|мен|бен|пен|нан|нен|дан|ден|тан|тен|ның|нің|дың|дің|тың|тің)$")


def resolve_back_pointer(clause: str, previous: str) -> str | None:
    """Resolve a leading pronoun from the previous sentence when only one reading is possible, else None.

    Two cases are safe: "Бұл декрет" where the previous sentence names a quoted document of that
    noun ("«…» декреттің"), and "Оның"/"Ол" where the previous sentence is only a named subject and
    its verb ("Түркістан АКСР-і құрылды." → "Оның құрылуы" = "Түркістан АКСР-інің құрылуы").
    ``previous`` is that sentence with its dates taken out.
    """
    return _resolve_named_document(clause, previous) or _resolve_subject(clause, previous)


def _resolve_subject(clause: str, previous: str) -> str | None:
    match = re.match(r"(Оның|Ол)\s+(?!ішінде|кезде|уақытта)", clause)
    previous = previous.strip().rstrip(".!").strip()
    words = _WORD.findall(previous)
    if not match or not 3 <= len(words) <= 9 or re.search(r"[,;:()«»\"]", previous) or not has_predicate(previous):
        return None
    subject = previous[: previous.rfind(words[-1])].strip()
    subject_words = _WORD.findall(subject)
    if not subject[:1].isupper() or any(_CASE_MARKED.search(word.lower()) for word in subject_words[1:]):
        return None
    if match.group(1) == "Ол":
        return subject + clause[2:]
    last = subject[-1].lower()
    vowels = [letter for letter in subject.lower() if letter in _BACK_VOWELS | _FRONT_VOWELS]
    front = bool(vowels) and vowels[-1] in _FRONT_VOWELS
    consonant = "н" if last in _BACK_VOWELS | _FRONT_VOWELS | set("мнң") else "т" if last in _VOICELESS else "д"
    return subject + consonant + ("ің" if front else "ың") + clause[len("Оның"):]


def _resolve_named_document(clause: str, previous: str) -> str | None:
    match = re.match(r"(%s)\s+([^\W\d_]+)" % "|".join(_DEMONSTRATIVES), clause, re.IGNORECASE)
    if not match:
        return None
    noun = match.group(2)
    stem = noun.lower()[: max(4, len(noun) - 3)]
    titled = re.search(r"(«[^«»]{3,120}»)\s+(%s[^\W\d_]*)" % re.escape(stem), previous, re.IGNORECASE)
    if not titled:
        return None
    return f"{titled.group(1)} {noun}{clause[match.end():]}"


_HEADING_NUMBER = re.compile(r"^(?:§\s*)?\d+(?:\.\d+)*\.?\s*")
_POSSESSIVE_END = re.compile(r"(?:сы|сі|ы|і)$")


def resolve_from_heading(clause: str, heading: str, previous: str) -> str | None:
    """Resolve "Бұл көтеріліс" from the section heading it stands under ("Сырым Датұлы бастаған көтеріліс").

    Only when the heading is a noun phrase ending in that noun and the sentence before does not name
    the noun itself (then it, not the heading, is what "бұл" points to). The noun's case ending is kept:
    «Бұл көтерілістің» → «Сырым Датұлы бастаған көтерілістің». A possessive heading noun
    ("Жоңғар шапқыншылығы") stands only for the bare noun («Бұл шапқыншылық»).
    """
    match = re.match(r"(бұл|осы|сол|аталған)\s+([^\W\d_]+(?:-[^\W\d_]+)?)", clause, re.IGNORECASE)
    heading = _HEADING_NUMBER.sub("", heading.strip()).rstrip(" .:;!")
    words = _WORD.findall(heading)
    if not match or len(words) < 2 or re.search(r"[,;:?()«»\"]", heading) or has_predicate(heading):
        return None
    noun, last = match.group(2), words[-1]
    if not heading.endswith(last) or len(last) < 4:
        return None
    stem = last.lower()
    if _POSSESSIVE_END.search(stem):
        stem = _POSSESSIVE_END.sub("", stem)
        stem = stem[:-1] + {"ғ": "қ", "г": "к"}.get(stem[-1], stem[-1])
        if noun.lower() != stem:
            return None
        named = heading
    elif noun.lower().startswith(last.lower()):
        named = heading[: len(heading) - len(last)] + noun.lower()
    else:
        return None
    if stem[: max(4, len(stem) - 2)] in previous.lower():
        return None  # the sentence before names a «көтеріліс» of its own
    return named[:1].upper() + named[1:] + clause[match.end():]


def subordinate_lead(clause: str) -> int:
    """Return where the main clause starts after a leading dependent clause ("… аяқталған соң"), else 0."""
    match = re.match(
        r"^.{12,}?[^\W\d_]{2}(?:ған|ген|қан|кен|ғаннан|геннен|қаннан|кеннен)\s+(?:соң|кейін|кезде|сайын)\s+|"
        r"^.{12,}?[^\W\d_]{2}(?:у|уі|уы)\s+(?:үшін|арқылы|нәтижесінде)\s+|"
        r"^.{12,}?(?:байланысты|сәйкес|қарамастан),?\s+",
        clause,
    )
    return match.end() if match and len(_WORD.findall(clause[match.end():])) >= 4 else 0


def quotable(text: str, text_date: str) -> str | None:
    """Return the clause as a sentence a question may quote, or None when it does not read as one."""
    text = SENTENCE_CONNECTOR.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    words = _WORD.findall(text)
    if not 5 <= len(words) <= 24:
        return None
    if words[0].lower() in ANAPHORS or not FINITE_VERB_END.search(words[-1].lower()):
        return None
    if ATTRIBUTIVE_DATE.search(text_date.strip()):
        return None  # "1918 жылғы 15 қаңтардағы нұсқау": the date belongs to a noun, not to the clause's verb
    return text


# --- What a row or a quoted sentence may not lean on (the same name in every pack) ---

_POINTING = re.compile(r"(?<![\w-])(?:осы|сол|аталған|жоғарыда\s+аталған)\s+(?!кезде|уақытта|жылы|тұста|кезеңде|арада)[^\W\d_]{3,}",
                       re.IGNORECASE)


def dangling_reference(text: str) -> str | None:
    """Return the determiner that points to something only an earlier sentence names ("осы ауыртпалық"), else None.

    Only among the first words: later in a sentence "осы халықтардың" points to what the sentence
    itself named ("түрік тектес халықтардың … осы халықтардың өкілдері"); a leading pronoun is the back
    pointer check's; "осы кезде" (at that time) is a connective the row's own date replaces.
    """
    found = _POINTING.search(" ".join(text.split()[:6]))
    return found.group().split()[0] if found else None


# Timeline labels (render/timeline_labels.py): a label is a whole phrase of the row, never a cut
# word. Kazakh marks case on the last word of a noun phrase, so a phrase may end (and the next one
# start) after a word in the locative, dative, ablative, accusative or instrumental, or after a
# converb, and a label may open after a participle (the clause it closes is dropped whole:
# «… Кеңесін сайлаған | Қазақстан кеңесінің құрылтай съезі өтті»); never after a genitive
# ("Кеңесінің") or a bare modifier ("Түркістан"), which lean on the next word.
PHRASE_CUT_AFTER = re.compile(
    r"(?![^\W\d_]*стан$)[^\W\d_]{3,}(?:нда|нде|да|де|та|те|ға|ге|қа|ке|на|не|нан|нен|дан|ден|тан|тен|ын|ін|мен|бен|пен|"
    r"ып|іп|ап|еп|йп)|[^\W\d_]{2,}(?:ған|ген|қан|кен|атын|етін|йтын|йтін)",
    re.IGNORECASE,
)
"""A word after which a phrase may end (the whole word must match; «Қазақстан» is a name, not an ablative)."""
PHRASE_CUT_BEFORE = re.compile(r"(?!)")
"""A word before which a phrase may end (none in Kazakh: the case ending closes the phrase)."""
PHRASE_END_AT_COMMA = re.compile(
    r"[^\W\d_]{3,}(?:ып|іп|ап|еп|йп|са|се|ды|ді|ты|ті|уы|уі|ғаны|гені|қаны|кені|дығы|дігі|тығы|тігі)", re.IGNORECASE)
"""The last word of a label that ends at a comma: a converb, a finite verb or a verbal noun («құлатылып,»,
«орнауы,»), never a word of a list («экономикалық, экологиялық»)."""
PHRASE_NO_START = re.compile(r"[^\W\d_]{2,}(?:ған|ген|қан|кен|атын|етін|йтын|йтін|ып|іп|ап|еп|йп)|"
                             r"ғана|қана|да|де|та|те|ма|ме|ба|бе|па|пе|ше|ақ|емес|әрі|және|мен|бен|пен", re.IGNORECASE)
"""A word a label may not open with: a participle or a converb, whose arguments stand before it, or a
particle or conjunction that leans on the word before it («Ташкентте | ғана …»)."""
