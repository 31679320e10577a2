"""`check --spelling`: words the lecture's hunspell dictionaries do not know, as `file:line: warning:` notes.

Only ordinary words are looked up: a capitalised word (a name, or a sentence's first word), an
abbreviation, a word with a digit, a word in another script and anything inside quotation marks
(a quote of the period, a title) are skipped, so the notes are few enough to read. The packs name
their Debian dictionaries (``LanguagePack.spelling``); a pack with none, or with none installed,
gives no notes. Notes never fail the check: only a person can judge a word.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .. import lang as languages
from ..errors import format_location
from ..lang.hunspell import installed_dictionaries, unknown_words

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"")
_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|`[^`]*`|https?://\S+")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def spelling_notes(lecture) -> list[str]:
    """Notes for the words of ``lecture`` (a loaded Lecture) its language's dictionaries do not know."""
    pack = languages.get(lecture.meta.lang)
    dictionaries = installed_dictionaries(pack.spelling)
    hunspell = shutil.which("hunspell")
    if not dictionaries or not hunspell:
        return []
    first_line: dict[str, int] = {}
    for line, word in _words(lecture, _script(lecture)):
        first_line.setdefault(word, line)
    unknown = _unknown(sorted(first_line), hunspell, dictionaries)
    names = ", ".join(base.name for base in dictionaries)
    return [format_location(lecture.path, first_line[word], "warning",
                            f"«{word}» is not in the {names} dictionary; check its spelling [spelling]")
            for word in sorted(unknown, key=lambda word: (first_line[word], word))]


def _script(lecture) -> re.Pattern:
    """The lecture's own script, by its letters: a word in the other one is a quote or a name."""
    text = " ".join(block.text for _, block in lecture.blocks())
    return _CYRILLIC if len(_CYRILLIC.findall(text)) >= len(_LATIN.findall(text)) else _LATIN


def _words(lecture, script: re.Pattern):
    """(line, word) of every ordinary word of the lecture's headings and blocks, in the pack's script."""
    texts = [(section.line, section.title) for section in lecture.sections]
    texts += [(block.line, block.text) for _, block in lecture.blocks()]
    for first, text in texts:
        text = _MARKUP.sub(" ", _QUOTED.sub(lambda quote: "\n" * quote.group().count("\n"), text))
        for number, line in enumerate(text.split("\n")):
            for token in _TOKEN.findall(line):
                if any(char.isdigit() for char in token):
                    continue  # 1920-х, km2, 5-13
                for word in _WORD.findall(token):
                    if len(word) > 2 and word[0].islower() and not word.isupper() and script.search(word) \
                            and not (_CYRILLIC.search(word) and _LATIN.search(word)):
                        yield first + number, word


def _unknown(words: list[str], hunspell: str, dictionaries: list[Path]) -> set[str]:
    """The words no dictionary knows, from one ``hunspell -l`` run (an empty set if it fails)."""
    return unknown_words(words, dictionaries, hunspell) or set()


__all__ = ["installed_dictionaries", "spelling_notes"]
