"""source/lecture10.md keeps every word of the seed extraction, repaired, and invents none."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from handout.lang.kk.orthography import repair
from support import FIXTURES, ROOT, corrected_seed

LECTURE = ROOT / "source" / "lecture10.md"
SEED = FIXTURES / "seed" / "lecture10_original.txt"
# Labels of the seed's header, represented by front matter keys rather than by words.
LABEL_WORDS = Counter("лекция тақырыбы лекцияның оқыту нәтижелері лекция мазмұны".split())
SECTION_COUNT = 7


def words(text: str) -> list[str]:
    """Split into lowercase words, ignoring punctuation, hyphens and dashes."""
    return re.findall(r"[^\W_]+", text.lower())


def split_lecture() -> tuple[dict, str]:
    text = LECTURE.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def front_matter_words(meta: dict) -> list[str]:
    values = [meta["title"], meta["block"], str(meta["number"]), *meta["outcomes"]]
    return [word for value in values for word in words(value)]


def seed_parts() -> tuple[str, str]:
    """Return the repaired seed's header (title to contents list) and its body."""
    if not SEED.is_file():
        pytest.skip("the lecture 10 seed is not on this machine")
    repaired = corrected_seed(repair(SEED.read_text(encoding="utf-8"))[0])  # the lecture fixes the seed's slips
    starts = [m.start() for m in re.finditer(r"^1\.\s*Кеңес өкіметінің орнауы", repaired, re.MULTILINE)]
    assert len(starts) == 2, "the seed names section 1 in its contents list and at its start"
    return repaired[: starts[1]], repaired[starts[1] :]


def numbered_item_words(text: str) -> Counter:
    """Count the item numbers (``1.``, ``2.Кеңес``) that start lines: markup, not words."""
    return Counter(m.group(1) for m in re.finditer(r"^\s*(\d)\.(?=\s*\D|\d{4})", text, re.MULTILINE))


def test_no_word_of_the_seed_body_is_lost():
    _, body = split_lecture()
    _, seed_body = seed_parts()
    expected = Counter(words(seed_body)) - numbered_item_words(seed_body)
    missing = expected - Counter(words(body))
    assert not missing, f"words of the seed missing from lecture10.md: {sorted(missing.elements())}"


def test_no_word_of_the_seed_header_is_lost():
    meta, body = split_lecture()
    header, _ = seed_parts()
    headings = re.findall(r"^## (.+)$", body, re.MULTILINE)
    expected = Counter(words(header)) - numbered_item_words(header) - LABEL_WORDS
    have = Counter(front_matter_words(meta)) + Counter(w for heading in headings for w in words(heading))
    missing = expected - have
    assert not missing, f"header words missing from front matter and headings: {sorted(missing.elements())}"


def test_no_word_is_invented():
    meta, body = split_lecture()
    header, seed_body = seed_parts()
    contents = header[header.index("Лекция мазмұны") :]
    seed_words = Counter(words(seed_body)) + Counter(words(contents))
    extra = Counter(words(body)) - seed_words
    assert not extra, f"words in lecture10.md that the seed does not have: {sorted(extra.elements())}"
    assert Counter(front_matter_words(meta)) - Counter(words(header)) == Counter()


def test_headings_are_the_seven_contents_entries():
    _, body = split_lecture()
    headings = re.findall(r"^## (.+)$", body, re.MULTILINE)
    assert len(headings) == SECTION_COUNT
    assert headings[0] == "Кеңес өкіметінің орнауы"
    assert headings[4] == "Қазақстандағы жер-су реформасы"
    assert not re.search(r"^#(?!# )", body, re.MULTILINE), "only ## headings"


def test_front_matter():
    meta, _ = split_lecture()
    assert meta["title"] == "Қазақстан Қазан төңкерісі және кеңес үкіметінің орнауы кезеңінде"
    assert meta["number"] == 10 and meta["lang"] == "kk"
    assert meta["block"] == "4-БЛОК. КЕҢЕСТІК КЕЗЕҢДЕГІ ҚАЗАҚСТАН"
    assert len(meta["outcomes"]) == 3 and meta["course"] and meta["date"]


def test_no_mixed_script_word_nor_private_use_character():
    text = LECTURE.read_text(encoding="utf-8")
    mixed = [w for w in re.findall(r"[^\W\d_]+", text) if re.search("[A-Za-z]", w) and re.search("[\u0400-\u04ff]", w)]
    assert mixed == []
    assert not re.search("[\ue000-\uf8ff]", text)


def test_markdown_is_plain_prose():
    _, body = split_lecture()
    for line in body.splitlines():
        assert not re.match(r"\s*(\d+[.)]\s|[-+*>]\s|<)", line), f"line would become Markdown markup: {line[:60]}"
    assert not re.search(r"[*_`<>\\]", body)
