"""English sentence spans: a period ends a sentence unless it closes an abbreviation or an initial.

A small rule set rather than a library: it is one short module that covers the abbreviations of
history prose ("c. 1465", "ca.", "No. 1", "U.S.S.R.", "St. Petersburg", "Gen.", initials) and is
tested on them; nltk's punkt needs a model download at run time, which our machines cannot do, and
pysbd (rule-based, on PyPI) was not measured against it, so it would have to show a gain first.
"""

from __future__ import annotations

import re

from ..sentences import append_span

# Abbreviations after which a period does not end a sentence (compared lowercased, periods removed).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st gen col lt capt maj sgt adm rev fr sr jr messrs hon gov pres sen rep
    eg ie cf vs viz al c ca fl no nos vol vols p pp ed eds fig figs approx est ch sec art para
    us usa ussr uk un rsfsr kazssr assr
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft
    """.split()
)
# Closing an abbreviation, these still end a sentence when a capital follows: "… in the U.S. The war …".
ENDING_ABBREVIATIONS = frozenset({"etc", "bc", "ad", "bce", "ce", "am", "pm"})
_END = re.compile(r"[.!?…]+[\"”'’)\]]*")
_OPENING = re.compile(r"\s*[\"“‘(\[]*\s*(\w)")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character span of every sentence, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start = paragraph.start()
        for end_match in _END.finditer(text, paragraph.start(), paragraph.end()):
            if _ends_sentence(text, end_match, paragraph.end()):
                append_span(spans, text, start, end_match.end())
                start = end_match.end()
        append_span(spans, text, start, paragraph.end())
    return spans


def _ends_sentence(text: str, end_match: re.Match, limit: int) -> bool:
    """Tell whether the punctuation at ``end_match`` closes a sentence."""
    after = end_match.end()
    if after >= limit or not text[after].isspace():
        return False  # the paragraph end closes it anyway; "U.S.S.R." and "3.5" have no space
    following = _OPENING.match(text, after)
    if following is None or not following.group(1).isupper() and not following.group(1).isdigit():
        return False  # a lowercase word goes on the same sentence
    if "." not in end_match.group() or end_match.group()[-1] in "\"”’":
        return True  # "?", "!", or a quotation closed after its period
    word = _word_before(text, end_match.start())
    if not word:
        return True
    bare = word.replace(".", "").lower()
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "V. I. Lenin", "A. Bukeikhanov"
    if bare in ENDING_ABBREVIATIONS:
        return following.group(1).isupper()
    if bare in ABBREVIATIONS or "." in word:
        return bare == "us" and following.group(1).isupper() and _is_sentence_start_word(text, following.start(1))
    if word.isdigit() and len(word) <= 2 and _starts_line(text, end_match.start() - len(word)):
        return False  # a list number: "4. Kazakhstan"
    return True


def _is_sentence_start_word(text: str, index: int) -> bool:
    """After "U.S.", a pronoun or article starts a new sentence ("… the U.S. The war …")."""
    return bool(re.match(r"(?:The|A|An|In|On|It|He|She|They|This|These|By|After|When)\b", text[index:]))


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:index].strip(".")


def _starts_line(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t")
    return not before or before[-1] == "\n"


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings."""
    return [text[start:end] for start, end in split_sentences(text)]


__all__ = ["ABBREVIATIONS", "sentences", "split_sentences"]
