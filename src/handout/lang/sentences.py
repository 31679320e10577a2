"""Split prose into sentences without breaking after initials or abbreviations (every pack uses this splitter)."""

from __future__ import annotations

import re

# Abbreviations after which a period never ends a sentence (compared without spaces/periods).
ABBREVIATIONS = frozenset(
    """
    ж жж ғ ғғ тб тсс млн млрд бзб бз г гг в вв т тт проф акад им см қ обл ауд
    мыс яғни т.б б кв км га сом руб стр бет
    """.split()
)
_END = re.compile(r"[.!?…]+[»\"”'’)]*")
_OPENING = re.compile(r"\s*[«\"“(\[]*\s*([^\W_]|\d)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character span of every sentence, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        start = paragraph.start()
        for end_match in _END.finditer(text, paragraph.start(), paragraph.end()):
            if _ends_sentence(text, end_match, paragraph.end()):
                append_span(spans, text, start, end_match.end())
                start = end_match.end()
        append_span(spans, text, start, paragraph.end())
    return spans


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings."""
    return [text[start:end] for start, end in split_sentences(text)]


def append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add the span [start, end) trimmed of surrounding spaces, unless nothing is left (the packs' splitters share it)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_sentence(text: str, end_match: re.Match, limit: int) -> bool:
    """Tell whether the punctuation at ``end_match`` closes a sentence."""
    after = end_match.end()
    if after >= limit:
        return False  # the paragraph end closes it anyway
    if not text[after].isspace():
        return False  # "1.Кеңес", "т.б.", "В.И.Ленин": no space, no break
    following = _OPENING.match(text, after)
    if following is None:
        return False
    first = following.group(1)
    if first.isalpha() and not first.isupper():
        return False
    if "." not in end_match.group():
        return True
    word = _word_before(text, end_match.start())
    if not word:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "С. Қожанов", "С. М. Мендешев"
    if word.replace(".", "").lower() in ABBREVIATIONS or _is_spaced_abbreviation(text, end_match.start()):
        return False
    if word.isdigit() and len(word) <= 2 and _starts_line_or_sentence(text, end_match.start() - len(word)):
        return False  # a list number: "4. Қырғыз..."
    return True


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:index].strip(".")


def _is_spaced_abbreviation(text: str, index: int) -> bool:
    """Recognise "т. б." and "т б." written with spaces."""
    before = text[max(0, index - 6) : index].lower()
    return bool(re.search(r"(?:^|\s)т\.?\s+(?:б|с\.?\s*с)$", before))


def _starts_line_or_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t")
    return not before or before[-1] in "\n.!?:"
