"""Spelling notes from Debian's hunspell-kk dictionary: unknown words and lost letters (never auto-fixed)."""

from __future__ import annotations

import bisect
import functools
import re
import shutil
import subprocess
from pathlib import Path

from .letters import CYRILLIC, LATIN, SPELLING_DICTIONARIES, WORD, Hit


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


def misspelled_words(words: list[str], base: Path) -> set[str]:
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


def find_spelling(text: str) -> list[Hit]:
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
    unknown = misspelled_words(sorted(first_seen), base)
    unknown = {word for word in unknown if not _begins_a_dictionary_entry(word, base)}
    misspelled_words([v for word in unknown for v in _lost_letter_variants(word)], base)  # one batch lookup
    alphabet = "".join(sorted({ch for word in first_seen for ch in word}))
    hits = []
    for low in sorted(unknown & first_seen.keys(), key=lambda w: first_seen[w][0]):
        start, word = first_seen[low]
        suggestion = _spelling_suggestion(low, unknown, counts, alphabet, base)
        if suggestion:
            message = f"«{word}» is not in the kk_KZ dictionary; did you mean «{suggestion}»?"
            hits.append(Hit(start, start + len(word), "spelling", message, None))
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
    known_swaps = sorted(set(swaps) - misspelled_words(swaps, base)) if swaps else []
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
