"""Is ``head-`` at a line end and ``tail`` on the next line one word split by the typesetter, or a compound?

The Russian and English packs judge with what they know of words: the text itself (the joined
word, or the hyphenated compound, used elsewhere in it), a capital after the hyphen (Алаш-Орда,
Austro-Hungarian), the pack's hyphen particles (что-то, кое-где) and its hunspell dictionaries
(the joined word known: join; both halves known but not the joined word: keep). With no
evidence the word is joined: justified PDF text splits words far more often than it breaks compounds.
All the words a lecture's splits need are looked up in one hunspell run.
"""

from __future__ import annotations

from collections.abc import Callable

from .hunspell import installed_dictionaries, unknown_words

KeepsHyphen = Callable[[str, str, frozenset], bool]


def dictionary_judge(dictionaries: tuple[str, ...], tail_particles: frozenset[str] = frozenset(),
                     head_particles: frozenset[str] = frozenset()):
    """Return a pack's ``hyphen_judge``: given a lecture's line-end splits and its hyphenated words, a keeps_hyphen."""

    def judge(splits: list[tuple[str, str]], compounds: frozenset[str]) -> KeepsHyphen:
        installed = installed_dictionaries(dictionaries)
        known: dict[str, bool] = {}

        def look_up(words: set[str]) -> None:
            new = sorted(words - known.keys())
            unknown = unknown_words(new, installed)
            if unknown is not None:
                known.update((word, word not in unknown) for word in new)

        look_up({word for head, tail in splits for word in _lookups(head, tail)})

        def keeps_hyphen(head: str, tail: str, vocabulary: frozenset = frozenset()) -> bool:
            low_head, low_tail = head.lower(), tail.lower()
            if f"{low_head}-{low_tail}" in compounds:
                return True
            if low_head + low_tail in vocabulary:
                return False
            if low_tail in tail_particles or low_head in head_particles:
                return True
            if tail[:1].isupper() and not tail.isupper():
                return True  # a name or a proper compound: Алаш-Орда, Austro-Hungarian
            look_up(set(_lookups(head, tail)))
            joined, halves = known.get(low_head + low_tail), (known.get(low_head), known.get(low_tail))
            return joined is False and halves == (True, True) and min(len(head), len(tail)) >= 2

        return keeps_hyphen

    return judge


def _lookups(head: str, tail: str) -> tuple[str, str, str]:
    return head.lower() + tail.lower(), head.lower(), tail.lower()


__all__ = ["dictionary_judge"]
