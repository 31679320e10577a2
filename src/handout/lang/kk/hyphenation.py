"""Kazakh word division (тасымал): syllable rules, generated pyphen patterns, WeasyPrint hook.

The rules of KAZAKH.md §2 are written once, as rules on letter classes
(`_break_rules`, `_inhibit_rules`). `syllable_breaks` applies them directly;
`generate_patterns` expands the same classes into concrete Liang patterns for
pyphen (`data/hyph_kk_KZ.dic`, regenerated with
``python -m handout.lang.kk.hyphenation``). A test keeps both in agreement and
the committed file up to date.
"""

from __future__ import annotations

import itertools
import sys
from functools import lru_cache
from pathlib import Path

import pyphen

from ..hyphenation import CheckedHyphDict

DATA_DIR = Path(__file__).parent / "data"
DICTIONARY_PATH = DATA_DIR / "hyph_kk_KZ.dic"
EXCEPTIONS_PATH = DATA_DIR / "hyphenation_exceptions.txt"

#: Language tags registered with pyphen (WeasyPrint looks them up lowercased).
LANGUAGE_TAGS = ("kk", "kk_KZ", "kk-KZ")

#: Fewest letters left on a line or carried to the next one.
MIN_LEFT = 2
MIN_RIGHT = 2

# Vowels; у is a vowel (ұу, үу) except right after a vowel, where it is the
# consonant [w] (да-уыс, тау), so it is kept out of VOWELS_STABLE.
VOWELS_STABLE = "аәеёиоөұүыіэюя"
VOWELS = VOWELS_STABLE + "у"
CONSONANTS = "бвгғджзйкқлмнңпрстфхһцчшщ"
SIGNS = "ьъ"
LETTERS = VOWELS + CONSONANTS + SIGNS
# Stops and fricatives that form an onset with р in loanwords (Пе-тро-град).
ONSET_OBSTRUENTS = "бвгдкптфх"
# First letters of the only four-consonant onsets (вст-, взг-, скв-…).
LONG_ONSET_STARTS = "взс"

# Liang values: a break rule marks 1, an inhibitor 2 (even beats odd), an
# exception 8 (no break) or 9 (break) so it overrides both.
BREAK, INHIBIT, EXCEPTION_NO, EXCEPTION_YES = 1, 2, 8, 9


def _break_rules() -> list[list[str]]:
    """Return break rules as class sequences; '|' marks the break."""
    return [
        ["|", CONSONANTS, VOWELS],  # one consonant starts the syllable: қа-лам, мек-теп
        ["|", CONSONANTS, "ь", VOWELS],  # бу-льон
        ["ъ", "|", VOWELS],  # объ-ект
        [VOWELS_STABLE, "|", VOWELS_STABLE],  # hiatus: про-ект, қи-ын, ро-яль
        [CONSONANTS, "у", "|", VOWELS_STABLE],  # у = ұу after a consonant: су-ық
        [VOWELS_STABLE, "|", "у", VOWELS],  # у between vowels starts: да-уыс
        ["|", ONSET_OBSTRUENTS, "р", VOWELS],  # loan onset cluster: Пе-тро-град
    ]


def _inhibit_rules() -> list[list[str]]:
    """Return inhibitor rules as class sequences; '#' marks the forbidden point."""
    cons_or_sign = CONSONANTS + SIGNS
    return [
        [ONSET_OBSTRUENTS, "#", "р"],  # keep тр, гр together
        [".", LETTERS, "#"],  # never leave one letter
        ["#", LETTERS, "."],  # never carry one letter
        [".", cons_or_sign, cons_or_sign, "#"],  # взвод, съезд: no vowel before
        [".", LONG_ONSET_STARTS, cons_or_sign, cons_or_sign, "#"],  # взг-ляд
    ]


def _load_exceptions(path: Path = EXCEPTIONS_PATH) -> dict[str, frozenset[int]]:
    """Read stems with their only allowed breaks, e.g. 'от-ряд' → {'отряд': {2}}."""
    exceptions = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        stem = entry.replace("-", "")
        breaks, offset = set(), 0
        for part in entry.split("-")[:-1]:
            offset += len(part)
            breaks.add(offset)
        exceptions[stem] = frozenset(breaks)
    return exceptions


def _matches(rule: list[str], word: str, point: int, mark: str) -> bool:
    """Tell whether `rule` matches `word` (with '.' ends) with its mark at `point`."""
    marked = rule.index(mark)
    start = point - marked  # index in the dotted word of the rule's first class
    classes = rule[:marked] + rule[marked + 1:]
    if start < 0 or start + len(classes) > len(word):
        return False
    return all(word[start + k] in cls for k, cls in enumerate(classes))


def _is_protected(word: str) -> bool:
    """Tell whether a word must never break: numbers, acronyms (ҚР, РСФСР-дың)."""
    return any(ch.isdigit() for ch in word) or sum(ch.isupper() for ch in word) >= 2


@lru_cache(maxsize=4096)
def syllable_breaks(word: str) -> list[int]:
    """Return the legal hyphenation points of `word` by the rules (offsets into it)."""
    if _is_protected(word):
        return []
    lower = word.lower()
    dotted = f".{lower}."
    exceptions = _exception_table()
    points = []
    for point in range(1, len(lower)):
        fixed = _exception_verdict(lower, point, exceptions)
        if fixed is not None:
            allowed = fixed
        else:
            dotted_point = point + 1
            allowed = any(
                _matches(rule, dotted, dotted_point, "|") for rule in _break_rules()
            ) and not any(
                _matches(rule, dotted, dotted_point, "#") for rule in _inhibit_rules()
            )
        if allowed and MIN_LEFT <= point <= len(lower) - MIN_RIGHT:
            points.append(point)
    return points


@lru_cache(maxsize=1)
def _exception_table() -> dict[str, frozenset[int]]:
    return _load_exceptions()


def _exception_verdict(lower: str, point: int, exceptions) -> bool | None:
    """Return the exception list's verdict for a point inside a listed stem, else None."""
    for stem, breaks in exceptions.items():
        if lower.startswith(stem) and point < len(stem):
            return point in breaks
    return None


# --- pattern generation -------------------------------------------------------


def _expand(rule: list[str], mark: str, value: int) -> list[tuple[str, dict[int, int]]]:
    """Expand a class rule into concrete (letters, {offset: value}) patterns."""
    marked = rule.index(mark)
    classes = rule[:marked] + rule[marked + 1:]
    return [
        ("".join(letters), {marked: value})
        for letters in itertools.product(*classes)
    ]


def _exception_patterns() -> list[tuple[str, dict[int, int]]]:
    """Turn exception stems into word-initial patterns that fix every inner point."""
    patterns = []
    for stem, breaks in _load_exceptions().items():
        values = {
            point + 1: EXCEPTION_YES if point in breaks else EXCEPTION_NO
            for point in range(1, len(stem))
        }
        patterns.append(("." + stem, values))
    return patterns


def generate_patterns() -> str:
    """Return the text of the pyphen dictionary generated from the rules."""
    merged: dict[str, dict[int, int]] = {}
    pieces = [
        pattern
        for rule in _break_rules()
        for pattern in _expand(rule, "|", BREAK)
    ] + [
        pattern
        for rule in _inhibit_rules()
        for pattern in _expand(rule, "#", INHIBIT)
    ] + _exception_patterns()
    # pyphen keys patterns by their letters, so same-letter patterns must be
    # merged (highest value per point) or the last one silently wins.
    for letters, values in pieces:
        slot = merged.setdefault(letters, {})
        for offset, value in values.items():
            slot[offset] = max(slot.get(offset, 0), value)
    lines = ["UTF-8", f"LEFTHYPHENMIN {MIN_LEFT}", f"RIGHTHYPHENMIN {MIN_RIGHT}"]
    lines.append("% Generated by handout.lang.kk.hyphenation from the rules of KAZAKH.md §2; do not edit.")
    for letters in sorted(merged):
        values = merged[letters]
        text = "".join(
            (str(values[k]) if k in values else "") + letter
            for k, letter in enumerate(letters)
        )
        if len(letters) in values:
            text += str(values[len(letters)])
        lines.append(text)
    return "\n".join(lines) + "\n"


def write_dictionary(path: Path = DICTIONARY_PATH) -> Path:
    """Write the generated dictionary to `path`."""
    path.write_text(generate_patterns(), encoding="utf-8")
    return path


# --- pyphen / WeasyPrint -------------------------------------------------------


class _CaseAwareHyphDict(CheckedHyphDict):
    """Patterns that refuse numbers and acronyms, which patterns cannot see."""

    def refuses(self, word: str) -> bool:
        return _is_protected(word)


def register(path: Path = DICTIONARY_PATH) -> None:
    """Register the Kazakh dictionary with pyphen for 'kk', 'kk_KZ' and 'kk-KZ'; idempotent."""
    path = Path(path)
    for tag in LANGUAGE_TAGS:
        pyphen.LANGUAGES[tag] = path
        pyphen.LANGUAGES_LOWERCASE[tag.lower()] = tag
    # pyphen.Pyphen reuses hdcache[path]; seeding it gives WeasyPrint the
    # case-aware dictionary without patching pyphen or WeasyPrint.
    if not isinstance(pyphen.hdcache.get(path), _CaseAwareHyphDict):
        pyphen.hdcache[path] = _CaseAwareHyphDict(path)


def _pyphen() -> pyphen.Pyphen:
    register()
    return pyphen.Pyphen(lang="kk", left=MIN_LEFT, right=MIN_RIGHT)


def hyphenation_points(word: str) -> list[int]:
    """Return the points where pyphen, with the registered dictionary, may break `word`."""
    return [int(point) for point in _pyphen().positions(word)]


def hyphenate(word: str, hyphen: str = "-") -> str:
    """Return `word` with `hyphen` inserted at every point pyphen may break it."""
    return _pyphen().inserted(word, hyphen)


def parse_marked_word(marked: str) -> tuple[str, set[int]]:
    """Split a word written with its break points, ``қа-лам``, into (``қалам``, {2})."""
    points, offset = set(), 0
    for part in marked.split("-")[:-1]:
        offset += len(part)
        points.add(offset)
    return marked.replace("-", ""), points


if __name__ == "__main__":
    written = write_dictionary(Path(sys.argv[1]) if len(sys.argv) > 1 else DICTIONARY_PATH)
    print(f"wrote {written}")
