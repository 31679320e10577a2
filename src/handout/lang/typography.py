"""Print typography for plain text nodes: no-break spaces, quotes, dashes (KAZAKH.md §3).

The rules hold for the Cyrillic and Latin prose of every pack; a pack gives only its quotation
marks (``Language.typeset_text``). `typeset` is pure and idempotent; the renderer calls it on
every text node of the rendered HTML, never on markup. Each rule is one precompiled regex.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"
EN_DASH = "\u2013"

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
_LETTER = _UPPER + _LOWER
# Roman numerals, with the Cyrillic І and Х that old texts type for them.
_ROMAN = "IVXLCDMІХ"

# Ә. Бөкейханов, С. М. Мендешев: a lone capital with a dot, then a capital.
_INITIAL = re.compile(rf"(?<![{_LETTER}.])([{_UPPER}]\.) (?=[{_UPPER}])")
# 5 230 000: digit groups of a number.
_THOUSANDS = re.compile(r"(?<!\d)(\d{1,3}) (?=\d{3}(?!\d))")
# 1917 жылы, 26 млн, 70 мың, 1921 ж.: a number and the word after it.
_NUMBER_WORD = re.compile(rf"(?<=\d) (?=[{_LOWER}%°])")
# 20‑шы жылдары: an ordinal number and its noun.
_ORDINAL_WORD = re.compile(rf"(\d{NB_HYPHEN}[{_LOWER}]+) (?=[{_LOWER}])")
# XXI ғасыр, ІІІ съезі: a Roman numeral (two letters or more) and its word.
_ROMAN_WORD = re.compile(rf"(?<![{_LETTER}])([{_ROMAN}]{{2,}}) (?=[{_LOWER}])")
# № 5, § 3.
_SIGN_NUMBER = re.compile(r"(?<=[№§]) (?=\d)")
# 1921-1922, 5-13: a number range takes an unspaced en dash.
_NUMBER_RANGE = re.compile(r"(?<![\d\-\u2011\u2013])(\d+)-(?=\d+(?![\d\-\u2011\u2013]))")
# 1917 - 1922, 1917 – 1922: spaced dash between years.
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4}) ?[-–] ?(?=\d{4}(?!\d))")
# XIX-XX ғасырлар.
_ROMAN_RANGE = re.compile(rf"(?<![{_LETTER}])([{_ROMAN}]+)-(?=[{_ROMAN}]+(?![{_LETTER}]))")
# 1917-жылы, 15-ке, 20–шы: a number and its suffix hold together.
_NUMBER_SUFFIX = re.compile(rf"(?<=\d)[-–](?=[{_LOWER}])")
# РСФСР-дың, АҚШ-тың, ҚазАКСР-дың: an acronym and its suffix hold together.
_ACRONYM_SUFFIX = re.compile(rf"(?<![{_LETTER}])([{_LETTER}]+)-(?=[{_LOWER}])")
# A spaced hyphen between words is a dash; the dash never starts a line.
_SPACED_DASH = re.compile(r"(?<![\d\s]) [-–—](?= )")
# One-letter words (Russian в, с, и, а; Kazakh interjections) stay with the next word.
_ONE_LETTER = re.compile(rf"(?<![{_LETTER}\d.\-‑])([{_LETTER}]) (?=\S)")
_QUOTE = re.compile(r'"')

def typeset(text: str, quotes: tuple[str, str, str, str]) -> str:
    """Return `text` with print typography applied, straight quotes becoming ``quotes`` (outer and inner)."""
    if not text:
        return text
    text = _convert_quotes(text, quotes)
    text = _YEAR_RANGE.sub(rf"\1{EN_DASH}", text)
    text = _NUMBER_RANGE.sub(rf"\1{EN_DASH}", text)
    text = _ROMAN_RANGE.sub(rf"\1{EN_DASH}", text)
    text = _NUMBER_SUFFIX.sub(NB_HYPHEN, text)
    text = _ACRONYM_SUFFIX.sub(_join_acronym_suffix, text)
    text = _SPACED_DASH.sub(lambda m: NBSP + _dash(m.group(0)[1]), text)
    text = _INITIAL.sub(rf"\1{NBSP}", text)
    text = _THOUSANDS.sub(rf"\1{NBSP}", text)
    text = _NUMBER_WORD.sub(NBSP, text)
    text = _ORDINAL_WORD.sub(rf"\1{NBSP}", text)
    text = _ROMAN_WORD.sub(rf"\1{NBSP}", text)
    text = _SIGN_NUMBER.sub(NBSP, text)
    text = _ONE_LETTER.sub(rf"\1{NBSP}", text)
    return text


def _join_acronym_suffix(match: re.Match) -> str:
    """Join an acronym (all capitals, or two capitals or more) to its suffix."""
    word = match.group(1)
    capitals = sum(char.isupper() for char in word)
    if word.isupper() or capitals >= 2:
        return word + NB_HYPHEN
    return match.group(0)


def _dash(mark: str) -> str:
    """Return the dash for a spaced mark: a hyphen becomes an en dash."""
    return EN_DASH if mark == "-" else mark


def _convert_quotes(text: str, quotes: tuple[str, str, str, str]) -> str:
    """Replace straight double quotes by the language's outer and inner quotes."""
    if '"' not in text:
        return text
    outer_open, outer_close, inner_open, inner_close = quotes
    depth = 0
    pieces = []
    for index, char in enumerate(text):
        if char != '"':
            pieces.append(char)
            continue
        if _opens_quote(text, index):
            pieces.append(outer_open if depth % 2 == 0 else inner_open)
            depth += 1
        else:
            depth = max(depth - 1, 0)
            pieces.append(outer_close if depth % 2 == 0 else inner_close)
    return "".join(pieces)


def _opens_quote(text: str, index: int) -> bool:
    """Tell whether the straight quote at `index` opens: after a space or bracket, before text."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if after.isspace() or after in ".,;:!?)]»":
        return False
    return before.isspace() or before in "([{«„-–—/" or index == 0
