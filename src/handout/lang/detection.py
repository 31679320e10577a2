"""Tell a text's language from its letters and its common words, for ``handout import`` without ``--lang``.

Each pack's import rules name its letters and a few of its commonest short words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W\d_]+")
DETECT_MIN_LETTERS = 20
COVERAGE_SLACK = 0.06
"""How far a pack's share of the text's letters may fall below the best one's and still be a candidate
(Kazakh prose: 15–19% of its letters are not Russian ones; a Russian lecture quoting Kazakh names, a few %)."""


def detect_language(text: str, codes: Iterable[str] | None = None) -> str | None:
    """The code of the pack whose letters and common words fit ``text`` best; None when it has too few letters.

    Letters first: the packs whose letters cover (nearly) as many of the text's letters as the best
    one are kept (Kazakh covers every Russian letter; ә, ғ, қ … leave Russian behind). Then words:
    the kept pack whose common words occur most (и, в, что against және, мен, бұл).
    """
    from . import CODES, get  # the registry imports nothing at start-up; this module is imported late

    sample = text[:200_000].lower()
    letters = [char for char in sample if char.isalpha()]
    if len(letters) < DETECT_MIN_LETTERS:
        return None
    words = WORD.findall(sample)
    scores = []
    for code in CODES if codes is None else codes:
        rules = get(code).import_rules()
        if rules is None:
            continue
        own = set(rules.letters)
        coverage = sum(char in own for char in letters) / len(letters)
        scores.append((coverage, sum(word in rules.detect_words for word in words), code))
    if not scores:
        return None
    best = max(coverage for coverage, _, _ in scores)
    kept = [(hits, -index, code) for index, (coverage, hits, code) in enumerate(scores) if coverage >= best - COVERAGE_SLACK]
    return max(kept)[2]


__all__ = ["detect_language"]
