"""A bare definite noun that leads a clause («Партия опубликовала …»), and the one it names in the sentence before.

Russian has no article: a body, a unit or a document named in full once («партия «Алаш»»,
«316-я стрелковая дивизия», «Второй Всеказахский съезд») is then called by its bare noun
(«Партия», «Дивизия», «Съезд») before its verb. Cut from its sentence such a row does not say
which one. It is repaired when the words before it (the clause's own sentence, else the sentence
before) name exactly one of that noun, with what makes it definite: agreeing adjectives before it
(put in the row's case), a quoted name or a genitive name after it (kept as written).
"""

from __future__ import annotations

import re

from .clauses import _analyzer, parse

DEFINITE_HEADS = frozenset(
    "партия съезд конгресс курултай конференция собрание комитет комиссия совет правительство министерство "
    "управление организация союз движение фронт армия корпус дивизия полк бригада батальон отряд "
    "эскадрилья экспедиция декрет постановление указ закон договор соглашение программа манифест газета журнал "
    "республика автономия ханство орда государство академия университет институт филиал театр киностудия "
    "завод комбинат фабрика бассейн хан император царь эмир султан".split()
)
"""Nouns of bodies, units, documents and rulers that history prose names once, then calls by the bare noun."""

_TOKEN = re.compile(r"«[^«»]{1,80}»|\d+-[а-яё]{1,3}|[^\W\d_][\w-]*(?:\([а-яё]{1,3}\))?")
_ORDINAL = re.compile(r"^(\d+)-[а-яё]{1,3}$")
_CASES = frozenset("nomn gent datv accs ablt loct voct gen2 acc2 loc2".split())


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def _is_head(word: str) -> bool:
    parsed = parse(word.lower())
    return "NOUN" in parsed.tag and parsed.normal_form in DEFINITE_HEADS


def is_modifier(word: str) -> bool:
    """An agreeing word before a noun: an adjective, a passive participle, an ordinal («316-я»).

    An active participle governs the noun after it («образовавший Представительный комитет»).
    """
    tag = parse(word.lower()).tag
    return bool(_ORDINAL.match(word)) or tag.POS == "ADJF" or (tag.POS == "PRTF" and "actv" not in tag)


_GENERIC_OF = frozenset("республика государство партия хан император царь эмир султан".split())
"""Bare genitives that history prose of one country uses without a referent («колхозники республики», «члены
партии»), and a ruler's («от престола императора» in 1917: there was one)."""


def _a_name(word: str, index: int) -> bool:
    """A capitalized word that is a name, not a common noun opening the clause («Бойцы дивизии»)."""
    if not word[:1].isupper():
        return False
    parsed = parse(word.lower())
    return index > 0 or not parsed.is_known or bool({"Name", "Surn", "Patr", "Geox"} & set(parsed.tag.grammemes))


def _bare_genitive(text: str, tokens: list[re.Match]) -> str | None:
    """A bare head noun in the genitive right after the noun it completes («Бойцы дивизии», «передовиков бассейна»)."""
    for index in range(1, len(tokens)):
        word, owner = tokens[index].group(), tokens[index - 1].group()
        parsed = parse(word.lower())
        if word[:1].isupper() or not _is_head(word) or parsed.normal_form in _GENERIC_OF:
            continue
        if not {"gent", "sing"} <= set(parsed.tag.grammemes) or parse(owner.lower()).tag.POS != "NOUN" or _a_name(owner, index - 1):
            continue  # «Абылай хана»: a title after a name
        if text[tokens[index - 1].end():tokens[index].start()].strip():
            continue
        follower = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        if follower.startswith("«") or follower[:1].isupper() and not text[tokens[index].end():tokens[index + 1].start()].strip():
            continue  # «Президиума Казахского филиала», «дивизии «Красные орлы»»: named after it
        return word
    return None


def bare_definite(text: str) -> str | None:
    """The bare head noun that is the clause's subject, right before its verb («Дивизия получила …»), else None.

    A noun with a word before it that agrees («Советская власть»), or a name after it («Съезд
    Советов», «Партия «Алаш»»), is definite by itself; a noun after the verb («прошёл съезд»)
    tells something new. A bare genitive completing a noun anywhere («Бойцы дивизии») is one too.
    """
    tokens = _tokens(text)
    genitive = _bare_genitive(text, tokens)
    if genitive:
        return genitive
    for index, token in enumerate(tokens):
        word = token.group()
        parsed = parse(word.lower())
        if "VERB" in parsed.tag or "PRTS" in parsed.tag:
            return None  # the subject stands before its verb
        if index + 1 >= len(tokens) or not _is_head(word) or not {"nomn", "sing"} <= set(parsed.tag.grammemes):
            continue
        if word[1:].lower() != word[1:] or (index and is_modifier(tokens[index - 1].group())):
            continue
        between = text[token.end():tokens[index + 1].start()]
        follower = parse(tokens[index + 1].group().lower())
        if not between.strip() and ("VERB" in follower.tag or "PRTS" in follower.tag):
            return word
    return None


def name_bare_noun(text: str, word: str, before: str, previous: str) -> str | None:
    """``text`` with the bare ``word`` given the modifiers of the one phrase of its noun in ``before`` or ``previous``."""
    lemma = parse(word.lower()).normal_form
    for source in (before, previous):
        found = [token for token in _tokens(source) if _same_noun(token.group(), lemma)]
        if not found:
            continue
        if len(found) != 1:
            return None  # two of them before it: which one?
        phrase = _phrase(source, found[0], word)
        if phrase is None:
            return None
        position = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        if position is None:
            return None
        new = text[:position.start()] + phrase + text[position.end():]
        return new[:1].upper() + new[1:]
    return None


def _same_noun(word: str, lemma: str) -> bool:
    return any("NOUN" in parsed.tag and parsed.normal_form == lemma for parsed in _analyzer().parse(word.lower()))


def _phrase(source: str, noun: re.Match, word: str) -> str | None:
    """The noun's definite phrase in ``word``'s case: modifiers before it inflected, names after it as written."""
    if "plur" in parse(noun.group().lower()).tag:
        return None  # «3-я и 5-я дивизии»: several of them
    tokens = _tokens(source)
    index = next(i for i, token in enumerate(tokens) if token.start() == noun.start())
    first = index
    while first > 0 and is_modifier(tokens[first - 1].group()) and _adjacent(source, tokens[first - 1], tokens[first]):
        first -= 1
    if first < index and re.search(r"(?:,|\bи|\bили)\s*$", source[:tokens[first].start()]):
        return None  # «3-я и 5-я дивизии»: the modifiers are coordinated, the noun names several
    after = _names_after(source, tokens, index)
    if first == index and not after:
        return None  # bare there too
    target = parse(word.lower())
    case = target.tag.case
    modifiers = []
    for token in tokens[first:index]:
        made = _agree(token.group(), noun.group(), case, token.start() == 0)
        if made is None:
            return None
        modifiers.append(made)
    own = word[:1].lower() + word[1:] if modifiers else word
    return " ".join([*modifiers, own, *after])


def _adjacent(source: str, left: re.Match, right: re.Match) -> bool:
    return not source[left.end():right.start()].strip()


def _names_after(source: str, tokens: list[re.Match], index: int) -> list[str]:
    """A quoted name («Алаш»), or capitalized genitive words and abbreviations (Алаш-Орды, ВКП(б)), right after the noun."""
    names = []
    for token in tokens[index + 1:index + 4]:
        if not _adjacent(source, tokens[index + len(names)], token):
            break
        word = token.group()
        if word.startswith("«"):
            return [*names, word]
        parsed = parse(word.lower())
        capital = word[:1].isupper()
        if capital and ("gent" in parsed.tag or "UNKN" in parsed.tag or "Abbr" in parsed.tag or "Fixd" in parsed.tag):
            names.append(word)
            continue
        break
    return names


def _agree(modifier: str, noun: str, case: str | None, sentence_start: bool) -> str | None:
    """The modifier in ``case``, agreeing in gender and number with the noun it stood with."""
    written = modifier[:1].lower() + modifier[1:] if sentence_start and modifier[1:2].islower() else modifier
    noun_tag = parse(noun.lower()).tag
    ordinal = _ORDINAL.match(modifier)
    if ordinal:
        made = inflect_adjective("первый", noun_tag, case)
        if made is None:
            return None
        ending = made[-2:] if made.endswith(("го", "му", "ми")) else made[-1:]
        return f"{ordinal.group(1)}-{ending}"
    made = inflect_adjective(written.lower(), noun_tag, case)
    if made is None:
        return None
    return written[:1] + made[1:] if written[:1].isupper() else made


def inflect_adjective(adjective: str, noun_tag, case: str | None) -> str | None:
    """An adjective (or participle) in ``case``, agreeing in number, gender and animacy with a noun of ``noun_tag``."""
    if case not in _CASES:
        return None
    wanted = {case, noun_tag.number or "sing"}
    if noun_tag.number == "sing" and noun_tag.gender:
        wanted.add(noun_tag.gender)
    if case == "accs" and "anim" in noun_tag:
        wanted.add("anim")
    for parsed in _analyzer().parse(adjective):
        if parsed.tag.POS in ("ADJF", "PRTF"):
            made = parsed.inflect(wanted)
            if made is not None:
                return made.word
    return None
