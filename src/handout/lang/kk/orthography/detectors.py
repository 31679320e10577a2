"""One detector per kind of damage: each returns the spots it finds, with the fix when it is sure of one."""

from __future__ import annotations

import re

from .letters import (
    CYRILLIC,
    CYRILLIC_TO_ROMAN,
    HYPHEN_PARTICLES,
    INVISIBLE,
    KAZAKH_LETTERS,
    KNOWN_PAIRS,
    LATIN,
    LATIN_LOOKALIKES,
    LEGACY_LETTERS,
    LETTERS,
    NUMBER_HYPHEN_WORDS,
    NUMBER_SUFFIXES,
    PRIVATE_USE_QUOTE,
    PRIVATE_USE_SYMBOLS,
    ROMAN_NUMERAL,
    SAFE_LEGACY_LETTERS,
    WORD,
    WORD_WITH_LEGACY,
    Hit,
)
from .spelling import _spelling_dictionary_base, misspelled_words


def find_private_use(text: str) -> list[Hit]:
    """Find Symbol-font private-use codes; U+F0B2 pairs become «…»."""
    hits = []
    for match in re.finditer(r"[\ue000-\uf8ff]", text):
        char = match.group()
        code_name = f"U+{ord(char):04X}"
        if char == PRIVATE_USE_QUOTE:
            before = text[match.start() - 1] if match.start() else " "
            fix = "»" if (before.isalnum() or before in ".,!?)") else "«"
            hits.append(Hit(match.start(), match.end(), "private-use", f"{code_name} used as a quote mark", fix, True))
        elif char in PRIVATE_USE_SYMBOLS:
            fix = PRIVATE_USE_SYMBOLS[char]
            hits.append(Hit(match.start(), match.end(), "private-use", f"{code_name} stands for {fix}", fix, True))
        else:
            hits.append(Hit(match.start(), match.end(), "private-use", f"{code_name} is a private-use code", None))
    return hits


LINE_BREAK = r"[ \t]*\r?\n"
# The rest of a word carried to the next line, with what follows it up to the next word.
CARRIED_TOKEN = re.compile(r"[ \t]*(\S+)([ \t]*\r?\n|[ \t]*)")
INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")


def find_invisible(text: str) -> list[Hit]:
    """Find soft hyphens and zero-width characters; one at a line end also re-joins the split word."""
    hits = []
    for match in INVISIBLE_CHAR.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue  # a byte order mark at the start is an encoding signature, not damage
        name = f"U+{ord(match.group()):04X}"
        line_break = re.compile(LINE_BREAK).match(text, match.end())
        if line_break and match.start() and text[match.start() - 1].isalpha():
            end, fix = _carry_back(text, line_break.end(), line_break.group().lstrip(" \t"))
            hits.append(Hit(match.start(), end, "invisible-char", f"{name} splits a word at a line end", fix, True))
        else:
            hits.append(Hit(match.start(), match.end(), "invisible-char", f"invisible {name} inside the text", "", True))
    return hits


def _carry_back(text: str, carried_from: int, newline: str, joiner: str = "") -> tuple[int, str]:
    """Return the end and the replacement that bring the word part carried to the next line back before the break."""
    token = CARRIED_TOKEN.match(text, carried_from)
    ending = token.group(2) if "\n" in token.group(2) else ""
    at_end = token.end() == len(text)
    return token.end(), joiner + token.group(1) + (ending.lstrip(" \t") or ("" if at_end else newline))


def find_mixed_script(text: str) -> list[Hit]:
    """Find Latin letters inside Cyrillic words (бiр with a Latin i)."""
    hits = []
    for match in WORD.finditer(text):
        word = match.group()
        if not (LATIN.search(word) and CYRILLIC.search(word)):
            continue
        latin = sorted({ch for ch in word if LATIN.match(ch)})
        if ROMAN_NUMERAL.fullmatch(word):
            fix = "".join(CYRILLIC_TO_ROMAN.get(ch, ch) for ch in word)
            hits.append(Hit(match.start(), match.end(), "mixed-script", f"Roman numeral «{word}» mixes Latin and Cyrillic letters", fix, True))
            continue
        fixable = all(ch in LATIN_LOOKALIKES for ch in latin)
        fix = "".join(LATIN_LOOKALIKES.get(ch, ch) for ch in word) if fixable else None
        message = f"Latin {' '.join(latin)} in the Cyrillic word «{word}»"
        hits.append(Hit(match.start(), match.end(), "mixed-script", message, fix, fixable))
    return hits


def _is_kazakh_text(text: str) -> bool:
    """Tell whether at least one Cyrillic word in twenty has a Kazakh-only letter."""
    words = [w for w in WORD.findall(text) if CYRILLIC.search(w)]
    kazakh = sum(1 for w in words if KAZAKH_LETTERS.intersection(w))
    return bool(words) and kazakh * 20 >= len(words)


def find_legacy_letters(text: str) -> list[Hit]:
    """Find є, ¥ and old-font letters standing for Kazakh ones inside Kazakh words."""
    hits = []
    kazakh_text = None
    for match in WORD_WITH_LEGACY.finditer(text):
        word = match.group()
        if not CYRILLIC.search("".join(ch for ch in word if ch not in LEGACY_LETTERS)):
            continue  # a lone legacy letter or a word of them only: nothing shows the language
        if not KAZAKH_LETTERS.intersection(word):
            if kazakh_text is None:
                kazakh_text = _is_kazakh_text(text)
            if not kazakh_text:
                continue
        legacy = sorted({ch for ch in word if ch in LEGACY_LETTERS})
        safe = all(ch in SAFE_LEGACY_LETTERS for ch in legacy)
        fix = "".join(LEGACY_LETTERS.get(ch, ch) for ch in word)
        pairs = ", ".join(f"{ch} for {LEGACY_LETTERS[ch]}" for ch in legacy)
        note = "" if safe else " (old-font guess: check it)"
        hits.append(Hit(match.start(), match.end(), "legacy-letter", f"{pairs} in «{word}»{note}", fix, safe))
    return hits


LETTER_SPACED = re.compile(rf"(?<![\w.])(?:{LETTERS} ){{3,}}{LETTERS}(?![\w])(?!\.\s*{LETTERS}\b\.)")


def find_letter_spaced(text: str) -> list[Hit]:
    """Find words typed with a space after every letter (е г і с т і к)."""
    hits = []
    for match in LETTER_SPACED.finditer(text):
        letters = match.group().split(" ")
        if len({ch.isupper() for ch in letters[1:]}) > 1 or (letters[0].islower() and letters[1].isupper()):
            continue  # mixed case (other than a capital first letter) is more likely initials or a list
        word = "".join(letters)
        hits.append(Hit(match.start(), match.end(), "letter-spaced", f"letter-spaced word «{word}»", word, True))
    return hits


NUMBER_SPACED_HYPHEN = re.compile(rf"(?<![\d,.])(\d+)(?: -[ \t]*| ?-[ \t]+)({LETTERS}+)(?!{LETTERS})")
WORD_SPACED_DASH = re.compile(rf"({LETTERS}+)(?:(\s+)([-–])(\s*)|(\s*)([-–])(\s+))(?=({LETTERS}+))")
INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*$")


def find_spaced_hyphens(text: str) -> list[Hit]:
    """Find hyphens with spaces around them in '16 - нан' and in known compounds."""
    hits = []
    for match in NUMBER_SPACED_HYPHEN.finditer(text):
        number, suffix = match.group(1), match.group(2)
        if suffix.lower() in NUMBER_SUFFIXES or NUMBER_HYPHEN_WORDS.fullmatch(suffix):
            start = match.start()
            fix = f"{number}-{suffix}"
            message = f"spaced hyphen before the ending «{suffix}»"
            hits.append(Hit(start, match.end(), "spaced-hyphen", message, fix, True))
    for match in WORD_SPACED_DASH.finditer(text):
        first, second = match.group(1), match.group(8)
        dash = match.group(3) or match.group(6)
        if dash == "-" and match.group(5) == "" and "\n" in match.group(7):
            continue  # a word or compound broken at a line end: find_split_words decides
        if not _is_hyphen_compound(text, match.start(), first, second, dash):
            continue
        code = "spaced-hyphen" if dash == "-" else "dash-as-hyphen"
        end = match.end() + len(second)
        found = re.sub(r"\s+", " ", text[match.start() : end])
        message = f"«{found}» is one word: write it with a hyphen"
        hits.append(Hit(match.start(), end, code, message, f"{first}-{second}"))
    return hits


def _is_hyphen_compound(text: str, start: int, first: str, second: str, dash: str) -> bool:
    """Decide whether 'first - second' is a hyphenated word rather than a clause dash."""
    low_first, low_second = first.lower(), second.lower()
    if low_second in HYPHEN_PARTICLES:
        return True
    if any(low_first == a and low_second.startswith(b) for a, b in KNOWN_PAIRS):
        return True
    if len(first) >= 3 and low_second.startswith(low_first) and first[1:].islower() and second.islower():
        return True  # a doubled word: бара – бара, бір – бірімен
    if dash != "-":
        return False  # a dash is a clause dash unless the pair is known
    if len(first) >= 3 and len(second) >= 4 and low_second[:3] == low_first[:3] and first.islower():
        return True  # reduplication or a word and its negation: бір - бірімен, болатыны - болмайтыны
    # A double-barrelled surname after an initial: В. Радус - Зенькович.
    return first[0].isupper() and second[0].isupper() and bool(INITIAL_BEFORE.search(text[max(0, start - 8) : start]))


LINE_END_HYPHEN = re.compile(rf"({LETTERS}+)-[ \t]*\r?\n(?:[ \t]*\r?\n)?(?=[ \t]*({LETTERS}+))")


def find_split_words(text: str) -> list[Hit]:
    """Find words broken at a line-end hyphen; re-join them, keeping the hyphen of a compound."""
    hits = []
    vocabulary = None
    for match in LINE_END_HYPHEN.finditer(text):
        head, tail = match.group(1), match.group(2)
        if vocabulary is None:
            vocabulary = _text_vocabulary(text)
        joiner = "-" if keeps_hyphen(head, tail, vocabulary) else ""
        newline = re.sub(r"[ \t]", "", match.group()[len(head) + 1 :])  # one line break, or two in double spacing
        end, carried = _carry_back(text, match.end(), newline, joiner)
        fix = head + carried
        kind = "a compound broken" if joiner else "a word split"
        message = f"{kind} at a line end: write «{head}{joiner}{tail}»"
        hits.append(Hit(match.start(), end, "split-word", message, fix))
    return hits


def _text_vocabulary(text: str) -> frozenset[str]:
    """Return the lowercase words of a text, as written on one line (not split at its end)."""
    return frozenset(word.lower() for word in re.findall(rf"(?<!-\n)(?<!-\r\n)\b{LETTERS}+(?!-\r?\n)", text))


def keeps_hyphen(head: str, tail: str, vocabulary: frozenset[str] = frozenset()) -> bool:
    """Tell whether 'head-' at a line end and 'tail' on the next are a hyphenated compound, not one word.

    Evidence, strongest first: the joined word used elsewhere in the text; a known pair,
    particle or doubled word; a capital after the hyphen (Радус-Зенькович); the spelling
    dictionary knowing the joined word (join) or both halves but not the joined word (keep).
    With no evidence the word is joined: justified PDF text splits words far more often
    than it breaks compounds.
    """
    low_head, low_tail = head.lower(), tail.lower()
    if (low_head + low_tail) in vocabulary:
        return False
    if low_tail in HYPHEN_PARTICLES or any(low_head == a and low_tail.startswith(b) for a, b in KNOWN_PAIRS):
        return True
    if len(head) >= 2 and low_tail.startswith(low_head):
        return True  # a doubled word: топ-топ, бір-бірімен
    if tail[0].isupper():
        return True
    base = _spelling_dictionary_base()
    if base is None or len(head) < 2 or len(tail) < 2:
        return False
    unknown = misspelled_words([low_head + low_tail, low_head, low_tail], base)
    return low_head + low_tail in unknown and low_head not in unknown and low_tail not in unknown


def find_unbalanced_quotes(text: str, language=None) -> list[Hit]:
    """Find quote marks that do not pair up, by the language's own marks (Kazakh's «…», „…“, “…” by default)."""
    if language is None:
        from .. import PACK as language
    return [Hit(problem.start, problem.start + 1, "unbalanced-quotes", problem.message, None)
            for problem in language.unbalanced_quotes(text)]
