"""The letters, codes and records of the orthography checker: what damage looks like."""

from __future__ import annotations

import re
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
class Hit:
    """A problem located by character offsets, before line/column are known."""

    start: int
    end: int
    code: str
    message: str
    fix: str | None
    safe: bool = False
    """Whether :func:`repair` may apply the fix without a person looking."""
