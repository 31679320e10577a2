"""Check and repair damage that old fonts and PDF extraction leave in Kazakh text.

Two entry points:

- :func:`find_problems` reports every suspect spot with a stable code;
- :func:`repair` applies only the safe repairs, in the safe order
  private-use codes → soft hyphens → Latin look-alikes → є/¥ → letter-spacing → "N - suffix".

:func:`apply_fixes` applies every fix the checker is sure of (``check --fix``),
which also joins known compounds written with a spaced hyphen or a dash, words split
at a line-end hyphen, and Kazakh words typed with old-font letters.
"""

from __future__ import annotations

import bisect
import functools
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# Letters only Kazakh (not Russian) Cyrillic has; a word with one of them is Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Latin letters, with the Azerbaijani/IPA look-alikes ə Ə ɵ Ɵ that Latin keyboards give for ә ө.
LATIN = re.compile(r"[A-Za-z\u0259\u018f\u0275\u019f]")

LATIN_LOOKALIKES = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "h": "һ",
    "\u0259": "ә", "\u018f": "Ә", "\u0275": "ө", "\u019f": "Ө",
}  # fmt: skip
# Roman numerals typed with Cyrillic look-alikes (ХІХ): kept as written when not mixed with Latin.
ROMAN_NUMERAL = re.compile(r"[IVXLCDMІХСМ]+")
CYRILLIC_TO_ROMAN = {"І": "I", "Х": "X", "С": "C", "М": "M"}
# Invisible characters that Word and PDF exports leave inside words: soft hyphen, zero-width space/joiners, BOM.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
# є and ¥ are certain in Kazakh text; the old-font letters are a guess (KAZAKH.md marks them "?").
SAFE_LEGACY_LETTERS = {"є": "ә", "Є": "Ә", "¥": "Ұ"}
GUESSED_LEGACY_LETTERS = {
    "ў": "ұ", "Ў": "Ұ", "ї": "ү", "Ї": "Ү", "ќ": "қ", "Ќ": "Қ", "ѓ": "ғ", "Ѓ": "Ғ",
    "ћ": "һ", "Ћ": "Һ", "ђ": "ң", "Ђ": "Ң", "ґ": "ғ", "Ґ": "Ғ",
}  # fmt: skip
LEGACY_LETTERS = {**SAFE_LEGACY_LETTERS, **GUESSED_LEGACY_LETTERS}
PRIVATE_USE_SYMBOLS = {"\uf0b7": "•", "\uf02d": "−", "\uf0a2": "′"}
PRIVATE_USE_QUOTE = "\uf0b2"

# Case and derivational endings written after a number with a hyphen (16-нан, 20-шы, 130-ға).
NUMBER_SUFFIXES = frozenset(
    """нан нен дан ден тан тен ға ге қа ке на не а е ны ні ды ді ты ті ның нің дың дің тың тің
    да де та те нда нде дағы дегі тағы тегі ндағы ндегі шы ші ыншы інші ншы нші сы сі ы і
    ы ін ын ер ар дай дей тай тей ғы гі қы кі""".split()
)
# Words a writer hyphenates to a number in the Latin-alphabet style (1917-жылы): "1917 - жылы" is damage.
NUMBER_HYPHEN_WORDS = re.compile(r"жыл\w*|ғасыр\w*|ші|шы|інші|ыншы", re.IGNORECASE)
# Particles written with a hyphen after a word (сондай-ақ, өтпей-ақ).
HYPHEN_PARTICLES = frozenset({"ақ", "ау", "мыс"})
# Paired words written with a hyphen: first part exactly, second part by its stem.
KNOWN_PAIRS = frozenset(
    {
        ("азық", "түлі"), ("жер", "су"), ("қарым", "қатынас"), ("ауыл", "село"),
        ("ала", "құла"), ("бір", "бір"), ("бірте", "бірте"), ("казак", "орыс"),
        ("қару", "жарақ"), ("киім", "кешек"), ("мал", "мүлі"), ("әл", "ауқат"),
        ("ұлт", "азаттық"), ("өз", "өз"), ("офицер", "старшина"), ("мал", "жан"),
        ("саяси", "экономикалық"), ("саяси", "әлеуметтік"), ("экономикалық", "әлеуметтік"),
        ("әлеуметтік", "экономикалық"), ("ұлттық", "мемлекеттік"), ("ұлттық", "территориялық"),
        ("ұлттық", "азаттық"), ("әскери", "төңкеріс"), ("әскери", "саяси"), ("әкімшіл", "әміршіл"),
        ("солтүстік", "шығыс"), ("солтүстік", "батыс"), ("оңтүстік", "шығыс"), ("оңтүстік", "батыс"),
        ("шара", "шаруа"), ("почта", "телеграф"), ("отарлау", "шенеуніктік"),
    }
)  # fmt: skip

SPELLING_DICTIONARIES = (Path("/usr/share/hunspell/kk_KZ"), Path("/usr/share/myspell/dicts/kk_KZ"))

DAMAGE_CODES = (
    "private-use",
    "invisible-char",
    "mixed-script",
    "legacy-letter",
    "letter-spaced",
    "split-word",
    "spaced-hyphen",
    "dash-as-hyphen",
    "unbalanced-quotes",
)
ADVISORY_CODES = ("spelling",)

LETTERS = r"[^\W\d_]"
WORD = re.compile(r"[^\W\d_]+")
WORD_WITH_LEGACY = re.compile(r"[^\W\d_¥]*[єЄ¥ўЎїЇќЌѓЃћЋђЂґҐ][^\W\d_¥]*")


@dataclass(frozen=True)
class Problem:
    """One suspect spot in a text."""

    line: int
    """1-based line of the first character of ``found``."""
    col: int
    """1-based column of the first character of ``found``."""
    code: str
    """Stable kebab-case code, e.g. ``mixed-script``."""
    message: str
    fix: str | None
    """Replacement for ``found``, or None when only a person can decide."""
    found: str = ""
    """The damaged text exactly as found (it may span lines)."""


@dataclass(frozen=True)
class _Hit:
    """A problem located by character offsets, before line/column are known."""

    start: int
    end: int
    code: str
    message: str
    fix: str | None
    safe: bool = False
    """Whether :func:`repair` may apply the fix without a person looking."""


# ---------------------------------------------------------------- detectors


def _find_private_use(text: str) -> list[_Hit]:
    """Find Symbol-font private-use codes; U+F0B2 pairs become «…»."""
    hits = []
    for match in re.finditer(r"[\ue000-\uf8ff]", text):
        char = match.group()
        code_name = f"U+{ord(char):04X}"
        if char == PRIVATE_USE_QUOTE:
            before = text[match.start() - 1] if match.start() else " "
            fix = "»" if (before.isalnum() or before in ".,!?)") else "«"
            hits.append(_Hit(match.start(), match.end(), "private-use", f"{code_name} used as a quote mark", fix, True))
        elif char in PRIVATE_USE_SYMBOLS:
            fix = PRIVATE_USE_SYMBOLS[char]
            hits.append(_Hit(match.start(), match.end(), "private-use", f"{code_name} stands for {fix}", fix, True))
        else:
            hits.append(_Hit(match.start(), match.end(), "private-use", f"{code_name} is a private-use code", None))
    return hits


LINE_BREAK = r"[ \t]*\r?\n"
# The rest of a word carried to the next line, with what follows it up to the next word.
CARRIED_TOKEN = re.compile(r"[ \t]*(\S+)([ \t]*\r?\n|[ \t]*)")
INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")


def _find_invisible(text: str) -> list[_Hit]:
    """Find soft hyphens and zero-width characters; one at a line end also re-joins the split word."""
    hits = []
    for match in INVISIBLE_CHAR.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue  # a byte order mark at the start is an encoding signature, not damage
        name = f"U+{ord(match.group()):04X}"
        line_break = re.compile(LINE_BREAK).match(text, match.end())
        if line_break and match.start() and text[match.start() - 1].isalpha():
            end, fix = _carry_back(text, line_break.end(), line_break.group().lstrip(" \t"))
            hits.append(_Hit(match.start(), end, "invisible-char", f"{name} splits a word at a line end", fix, True))
        else:
            hits.append(_Hit(match.start(), match.end(), "invisible-char", f"invisible {name} inside the text", "", True))
    return hits


def _carry_back(text: str, carried_from: int, newline: str, joiner: str = "") -> tuple[int, str]:
    """Return the end and the replacement that bring the word part carried to the next line back before the break."""
    token = CARRIED_TOKEN.match(text, carried_from)
    ending = token.group(2) if "\n" in token.group(2) else ""
    at_end = token.end() == len(text)
    return token.end(), joiner + token.group(1) + (ending.lstrip(" \t") or ("" if at_end else newline))


def _find_mixed_script(text: str) -> list[_Hit]:
    """Find Latin letters inside Cyrillic words (бiр with a Latin i)."""
    hits = []
    for match in WORD.finditer(text):
        word = match.group()
        if not (LATIN.search(word) and CYRILLIC.search(word)):
            continue
        latin = sorted({ch for ch in word if LATIN.match(ch)})
        if ROMAN_NUMERAL.fullmatch(word):
            fix = "".join(CYRILLIC_TO_ROMAN.get(ch, ch) for ch in word)
            hits.append(_Hit(match.start(), match.end(), "mixed-script", f"Roman numeral «{word}» mixes Latin and Cyrillic letters", fix, True))
            continue
        fixable = all(ch in LATIN_LOOKALIKES for ch in latin)
        fix = "".join(LATIN_LOOKALIKES.get(ch, ch) for ch in word) if fixable else None
        message = f"Latin {' '.join(latin)} in the Cyrillic word «{word}»"
        hits.append(_Hit(match.start(), match.end(), "mixed-script", message, fix, fixable))
    return hits


def _is_kazakh_text(text: str) -> bool:
    """Tell whether at least one Cyrillic word in twenty has a Kazakh-only letter."""
    words = [w for w in WORD.findall(text) if CYRILLIC.search(w)]
    kazakh = sum(1 for w in words if KAZAKH_LETTERS.intersection(w))
    return bool(words) and kazakh * 20 >= len(words)


def _find_legacy_letters(text: str) -> list[_Hit]:
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
        hits.append(_Hit(match.start(), match.end(), "legacy-letter", f"{pairs} in «{word}»{note}", fix, safe))
    return hits


LETTER_SPACED = re.compile(rf"(?<![\w.])(?:{LETTERS} ){{3,}}{LETTERS}(?![\w])(?!\.\s*{LETTERS}\b\.)")


def _find_letter_spaced(text: str) -> list[_Hit]:
    """Find words typed with a space after every letter (е г і с т і к)."""
    hits = []
    for match in LETTER_SPACED.finditer(text):
        letters = match.group().split(" ")
        if len({ch.isupper() for ch in letters[1:]}) > 1 or (letters[0].islower() and letters[1].isupper()):
            continue  # mixed case (other than a capital first letter) is more likely initials or a list
        word = "".join(letters)
        hits.append(_Hit(match.start(), match.end(), "letter-spaced", f"letter-spaced word «{word}»", word, True))
    return hits


NUMBER_SPACED_HYPHEN = re.compile(rf"(?<![\d,.])(\d+)(?: -[ \t]*| ?-[ \t]+)({LETTERS}+)(?!{LETTERS})")
WORD_SPACED_DASH = re.compile(rf"({LETTERS}+)(?:(\s+)([-–])(\s*)|(\s*)([-–])(\s+))(?=({LETTERS}+))")
INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*$")


def _find_spaced_hyphens(text: str) -> list[_Hit]:
    """Find hyphens with spaces around them in '16 - нан' and in known compounds."""
    hits = []
    for match in NUMBER_SPACED_HYPHEN.finditer(text):
        number, suffix = match.group(1), match.group(2)
        if suffix.lower() in NUMBER_SUFFIXES or NUMBER_HYPHEN_WORDS.fullmatch(suffix):
            start = match.start()
            fix = f"{number}-{suffix}"
            message = f"spaced hyphen before the ending «{suffix}»"
            hits.append(_Hit(start, match.end(), "spaced-hyphen", message, fix, True))
    for match in WORD_SPACED_DASH.finditer(text):
        first, second = match.group(1), match.group(8)
        dash = match.group(3) or match.group(6)
        if dash == "-" and match.group(5) == "" and "\n" in match.group(7):
            continue  # a word or compound broken at a line end: _find_split_words decides
        if not _is_hyphen_compound(text, match.start(), first, second, dash):
            continue
        code = "spaced-hyphen" if dash == "-" else "dash-as-hyphen"
        end = match.end() + len(second)
        found = re.sub(r"\s+", " ", text[match.start() : end])
        message = f"«{found}» is one word: write it with a hyphen"
        hits.append(_Hit(match.start(), end, code, message, f"{first}-{second}"))
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


def _find_split_words(text: str) -> list[_Hit]:
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
        hits.append(_Hit(match.start(), end, "split-word", message, fix))
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
    unknown = _misspelled_words([low_head + low_tail, low_head, low_tail], base)
    return low_head + low_tail in unknown and low_head not in unknown and low_tail not in unknown


def _find_unbalanced_quotes(text: str) -> list[_Hit]:
    """Find quote marks that do not pair up: «…», „…“ and straight double quotes."""
    hits = []
    for opening, closing in (("«", "»"), ("„", "“")):
        stack: list[int] = []
        for match in re.finditer(f"[{opening}{closing}]", text):
            if match.group() == opening:
                stack.append(match.start())
            elif stack:
                stack.pop()
            else:
                hits.append(_Hit(match.start(), match.end(), "unbalanced-quotes", f"{closing} without {opening}", None))
        for position in stack:
            hits.append(_Hit(position, position + 1, "unbalanced-quotes", f"{opening} is never closed", None))
    straight = [m.start() for m in re.finditer('"', text)]
    if len(straight) % 2:
        position = straight[-1]
        hits.append(_Hit(position, position + 1, "unbalanced-quotes", 'odd number of " marks', None))
    return hits


# ---------------------------------------------------------------- spelling


@functools.lru_cache(maxsize=1)
def _spelling_dictionary_base() -> Path | None:
    """Return the kk_KZ dictionary path without extension, or None when it is absent."""
    for base in SPELLING_DICTIONARIES:
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return base
    return None


@functools.lru_cache(maxsize=1)
def _load_hunspell_dictionary(base: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str, re.Pattern]]]]:
    """Read a suffix-only hunspell dictionary: stems with flags, and suffix rules by ending."""
    stems: dict[str, str] = {}
    with base.with_suffix(".dic").open(encoding="utf-8-sig") as dic:
        next(dic, None)  # the first line is the entry count
        for line in dic:
            stem, _, flags = line.strip().partition("/")
            if stem:
                stems[stem.lower()] = stems.get(stem.lower(), "") + flags
    rules: dict[str, list[tuple[str, str, re.Pattern]]] = {}
    with base.with_suffix(".aff").open(encoding="utf-8-sig") as aff:
        for line in aff:
            parts = line.split()
            if len(parts) >= 5 and parts[0] == "SFX":
                flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
                strip = "" if strip == "0" else strip
                add = "" if add == "0" else add.split("/")[0]
                pattern = re.compile(("" if condition == "." else condition) + "$")
                rules.setdefault(add, []).append((flag, strip, pattern))
    return stems, rules


def _known_word(word: str, stems: dict[str, str], rules: dict) -> bool:
    """Tell whether a lowercase word is a dictionary stem or a stem with one suffix rule."""
    if word in stems:
        return True
    for length in range(1, len(word)):
        for flag, strip, condition in rules.get(word[-length:], ()):
            stem = word[:-length] + strip
            if flag in stems.get(stem, "") and condition.search(stem):
                return True
    return False


_SPELLING_CACHE: dict[str, bool] = {}
"""Word → whether the kk_KZ dictionary knows it; words are looked up once per process."""


def _misspelled_words(words: list[str], base: Path) -> set[str]:
    """Return the words the kk_KZ dictionary does not know (the hunspell binary if installed)."""
    new = sorted({word for word in words if word not in _SPELLING_CACHE})
    if new:
        unknown = _run_hunspell(new, base)
        if unknown is None:
            stems, rules = _load_hunspell_dictionary(base)
            unknown = {word for word in new if not _known_word(word.lower(), stems, rules)}
        _SPELLING_CACHE.update((word, word not in unknown) for word in new)
    return {word for word in words if not _SPELLING_CACHE[word]}


def _run_hunspell(words: list[str], base: Path) -> set[str] | None:
    """List the unknown words with ``hunspell -l``; None when the binary is missing or fails."""
    hunspell = shutil.which("hunspell")
    if not hunspell:
        return None
    result = subprocess.run(
        [hunspell, "-l", "-i", "utf-8", "-d", str(base)],
        input="\n".join(words),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return set(result.stdout.split()) if result.returncode == 0 else None


# Kazakh letters that fonts and typists lose to plain ones (уақытша → уакытша, шұғыл → шүғыл).
LOST_LETTERS = {"а": "ә", "о": "ө", "у": "ұү", "ү": "ұ", "ұ": "ү", "к": "қ", "г": "ғ", "н": "ң", "х": "һ"}
ENDING_LENGTH = 3
"""Letters at a word's end left out of suggestions: there an edit changes the ending, not the spelling."""


def _stem_edits(word: str, alphabet: str) -> set[str]:
    """Return the words one deletion, insertion or substitution away, editing before the ending."""
    stem_end = len(word) - ENDING_LENGTH
    splits = [(word[:i], word[i:]) for i in range(1, stem_end + 1)]
    deletes = {a + b[1:] for a, b in splits}
    inserts = {a + ch + b for a, b in splits for ch in alphabet}
    substitutions = {a + ch + b[1:] for a, b in splits for ch in alphabet if ch != b[0]}
    return deletes | inserts | substitutions


def _lost_letter_variants(word: str) -> set[str]:
    """Return the words with one plain letter put back to its Kazakh letter (уакытша → уақытша)."""
    stem_end = len(word) - ENDING_LENGTH
    return {word[:i] + ch + word[i + 1 :] for i, old in enumerate(word[:stem_end]) for ch in LOST_LETTERS.get(old, "")}


def _find_spelling(text: str) -> list[_Hit]:
    """Report words the Kazakh dictionary does not know but a known word is one letter away from.

    A dictionary-only check flags a quarter of the words of a lecture (the free kk_KZ
    dictionary is small and knows one suffix per stem), so a word is reported only when a
    likely correction exists: a lost Kazakh letter put back gives a dictionary word, or one
    edit before the ending gives a dictionary word used at least as often in the same text.
    """
    base = _spelling_dictionary_base()
    if base is None:
        return []
    first_seen: dict[str, tuple[int, str]] = {}
    counts: dict[str, int] = {}
    for match in WORD.finditer(text):
        word = match.group()
        if len(word) > 2 and not word.isupper() and not LATIN.search(word) and CYRILLIC.search(word):
            low = word.lower()
            first_seen.setdefault(low, (match.start(), word))
            counts[low] = counts.get(low, 0) + 1
    unknown = _misspelled_words(sorted(first_seen), base)
    unknown = {word for word in unknown if not _begins_a_dictionary_entry(word, base)}
    _misspelled_words([v for word in unknown for v in _lost_letter_variants(word)], base)  # one batch lookup
    alphabet = "".join(sorted({ch for word in first_seen for ch in word}))
    hits = []
    for low in sorted(unknown & first_seen.keys(), key=lambda w: first_seen[w][0]):
        start, word = first_seen[low]
        suggestion = _spelling_suggestion(low, unknown, counts, alphabet, base)
        if suggestion:
            message = f"«{word}» is not in the kk_KZ dictionary; did you mean «{suggestion}»?"
            hits.append(_Hit(start, start + len(word), "spelling", message, None))
    return hits


def _begins_a_dictionary_entry(word: str, base: Path) -> bool:
    """Tell whether a dictionary entry starts with the word (билігі in билігіне): an ending the dictionary lacks."""
    entries = _sorted_dictionary_entries(base)
    index = bisect.bisect_left(entries, word)
    return index < len(entries) and entries[index].startswith(word)


@functools.lru_cache(maxsize=1)
def _sorted_dictionary_entries(base: Path) -> list[str]:
    return sorted(_load_hunspell_dictionary(base)[0])


def _spelling_suggestion(word: str, unknown: set[str], counts: dict[str, int], alphabet: str, base: Path) -> str | None:
    """Return a likely correction of an unknown word, or None."""
    swaps = sorted(_lost_letter_variants(word))
    known_swaps = sorted(set(swaps) - _misspelled_words(swaps, base)) if swaps else []
    # The corrected stem must be used elsewhere in the text: тумады is not тұмады in a history lecture.
    supported = [v for v in known_swaps if any(w != word and w.startswith(v[: len(v) - ENDING_LENGTH]) for w in counts)]
    if supported:
        return supported[0]
    if len(word) < 6:
        return None
    # Only a lost letter, or an extra one when the shorter word is the more frequent: swapping one letter
    # turns one correct form into another (билігі, бөлігі).
    used_elsewhere = [
        v
        for v in _stem_edits(word, alphabet)
        if v not in unknown and len(v) != len(word)
        and (counts.get(v, 0) > counts[word] or (len(v) > len(word) and counts.get(v, 0) >= counts[word]))
    ]
    return min(used_elsewhere, key=lambda v: (-counts[v], v)) if used_elsewhere else None


# ---------------------------------------------------------------- public API

# Detectors in the safe repair order of KAZAKH.md §4; checks without repairs come last.
DETECTORS: tuple[Callable[[str], list[_Hit]], ...] = (
    _find_private_use,
    _find_invisible,
    _find_mixed_script,
    _find_legacy_letters,
    _find_letter_spaced,
    _find_split_words,
    _find_spaced_hyphens,
    _find_unbalanced_quotes,
)


def find_problems(text: str, spelling: bool = True) -> list[Problem]:
    """Report every suspect spot in a text, in reading order."""
    detectors = DETECTORS + ((_find_spelling,) if spelling else ())
    hits = [hit for detect in detectors for hit in detect(text)]
    hits.sort(key=lambda hit: (hit.start, DAMAGE_CODES.index(hit.code) if hit.code in DAMAGE_CODES else 99))
    locate = _Locator(text)
    return [_to_problem(hit, text, locate(hit.start)) for hit in hits]


def repair(text: str) -> tuple[str, list[Problem]]:
    """Apply only the safe repairs, in the safe order; return the text and the problems fixed."""
    return _apply(text, lambda hit: hit.safe)


def apply_fixes(text: str) -> tuple[str, list[Problem]]:
    """Apply every fix the checker proposes (safe repairs first); return the text and what changed."""
    return _apply(text, lambda hit: hit.fix is not None)


def is_damage(problem: Problem) -> bool:
    """Tell whether a problem is damage (as opposed to an advisory spelling note)."""
    return problem.code in DAMAGE_CODES


# ---------------------------------------------------------------- helpers


class _Locator:
    """Turn character offsets into 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _to_problem(hit: _Hit, text: str, where: tuple[int, int], found: str | None = None) -> Problem:
    """Build the public record of a hit."""
    line, col = where
    return Problem(line, col, hit.code, hit.message, hit.fix, text[hit.start : hit.end] if found is None else found)


def _apply(text: str, wanted: Callable[[_Hit], bool]) -> tuple[str, list[Problem]]:
    """Run each detector on the text as repaired so far and apply the wanted fixes."""
    original = text
    origin = list(range(len(text) + 1))  # origin[i]: offset in the original text of current char i
    locate = _Locator(original)
    fixed: list[Problem] = []
    for detect in DETECTORS:
        hits = _non_overlapping(hit for hit in detect(text) if hit.fix is not None and wanted(hit))
        if not hits:
            continue
        for hit in hits:
            start, end = origin[hit.start], origin[hit.end]
            fixed.append(_to_problem(hit, original, locate(start), original[start:end]))
        text, origin = _replace_spans(text, origin, hits)
    fixed.sort(key=lambda p: (p.line, p.col))
    return text, fixed


def _non_overlapping(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep hits in order, dropping any that overlaps an earlier one."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _replace_spans(text: str, origin: list[int], hits: list[_Hit]) -> tuple[str, list[int]]:
    """Replace each hit's span by its fix, carrying the offset map along."""
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for hit in hits:
        pieces.append(text[position : hit.start])
        new_origin.extend(origin[position : hit.start])
        pieces.append(hit.fix or "")
        new_origin.extend([origin[hit.start]] * len(hit.fix or ""))
        position = hit.end
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin
