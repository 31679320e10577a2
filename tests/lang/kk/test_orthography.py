"""Tests for handout.lang.kk.orthography: legacy-font damage found and repaired."""

from __future__ import annotations

import difflib
import re
from collections import Counter

import pytest

from handout.lang.kk import orthography
from handout.lang.kk.orthography import Problem, apply_fixes, find_problems, repair
from support import FIXTURES

SEED = FIXTURES / "seed" / "lecture10_original.txt"
FIXTURES = FIXTURES / "kazakh"


def _seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the lecture 10 seed is not on this machine")
    return SEED.read_text(encoding="utf-8")


def _cases():
    """Read the one-line cases of problems.txt as pytest params with their line numbers."""
    path = FIXTURES / "problems.txt"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            text, code, fix = (part.strip() for part in line.split("⇒"))
            text = text.replace("\\n", "\n").replace("\\uf0b2", "\uf0b2").replace("\\uf0b7", "\uf0b7")
            yield pytest.param(text, code, fix, id=f"problems.txt:{number}")


@pytest.mark.parametrize(("text", "code", "fix"), list(_cases()))
def test_case_from_fixture(text, code, fix):
    problems = [p for p in find_problems(text, spelling=False)]
    if code == "-":
        assert problems == []
    else:
        assert problems, f"expected {code} in {text!r}"
        assert problems[0].code == code
        assert problems[0].fix == (None if fix == "-" else fix)


def test_seed_has_232_words_with_latin_i_and_337_letters():
    problems = [p for p in find_problems(_seed_text(), spelling=False) if p.code == "mixed-script"]
    assert len(problems) == 232
    assert sum(p.found.count("i") for p in problems) == 337
    assert all("Latin i" in p.message for p in problems)


def test_seed_has_all_ten_words_with_ukrainian_ie():
    problems = [p for p in find_problems(_seed_text(), spelling=False) if p.code == "legacy-letter"]
    assert [p.found for p in problems] == [
        "бєсекелі", "бєрінен", "пєрменді", "тєжірибесі", "дєйектеп",
        "жєйт", "мєні", "єл", "мєнінде", "өнеркєсіп",
    ]  # fmt: skip
    assert problems[0].fix == "бәсекелі"


def test_seed_private_use_quotes_become_guillemets():
    problems = [p for p in find_problems(_seed_text(), spelling=False) if p.code == "private-use"]
    assert [(p.line, p.fix) for p in problems] == [(794, "«"), (794, "»")]


def test_seed_letter_spaced_word():
    problems = [p for p in find_problems(_seed_text(), spelling=False) if p.code == "letter-spaced"]
    assert [(p.line, p.col, p.fix) for p in problems] == [(428, 1, "егістік")]


def test_repaired_seed_changes_only_damaged_words():
    seed = _seed_text()
    repaired, fixed = repair(seed)
    before, after = seed.split(), repaired.split()
    changed_before, changed_after = [], []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op != "equal":
            changed_before.extend(before[a1:a2])
            changed_after.extend(after[b1:b2])
    damaged = re.compile(r"[A-Za-zє\uf0b2]|^-$|^.$|^\d+$|^(нан|не)$")
    assert changed_before and all(damaged.search(word) for word in changed_before), changed_before
    assert "егістік" in changed_after and "16-нан" in changed_after
    assert Counter(p.code for p in fixed) == {
        "mixed-script": 232, "legacy-letter": 10, "private-use": 2, "letter-spaced": 1, "spaced-hyphen": 2,
    }  # fmt: skip
    assert not re.search(r"[A-Za-z]", repaired) and "є" not in repaired and "\uf0b2" not in repaired


def test_repair_leaves_compounds_and_dashes_to_apply_fixes():
    text = "саяси - экономикалық және сондай – ақ, 16 - нан"
    assert repair(text)[0] == "саяси - экономикалық және сондай – ақ, 16-нан"
    assert apply_fixes(text)[0] == "саяси-экономикалық және сондай-ақ, 16-нан"


def test_repair_reports_positions_in_the_original_text():
    text = "бiр\nе г і с т і к жер, 16 - нан бiрге"
    _, fixed = repair(text)
    assert [(p.line, p.col, p.code) for p in fixed] == [
        (1, 1, "mixed-script"), (2, 1, "letter-spaced"), (2, 20, "spaced-hyphen"), (2, 29, "mixed-script"),
    ]  # fmt: skip


def test_guessed_old_font_letters_are_reported_not_repaired():
    text = "ќазаќ халқы"
    assert repair(text)[0] == text
    assert find_problems(text)[0] == Problem(1, 1, "legacy-letter", find_problems(text)[0].message, "қазақ", "ќазаќ")


def test_spelling_suggests_lost_kazakh_letters():
    if orthography._spelling_dictionary_base() is None:
        pytest.skip("hunspell-kk dictionary is not installed")
    problems = find_problems("Уақытша үкімет. Енді уакытша жол берді.")
    spelling = [p for p in problems if p.code == "spelling"]
    assert [(p.found, p.fix) for p in spelling] == [("уакытша", None)]
    assert "уақытша" in spelling[0].message
    assert not orthography.is_damage(spelling[0])


# ---------------------------------------------------------------- held-out damaged lectures

HELD_OUT = ("lecture05", "lecture07", "lecture08")


def _damaged(name: str) -> str:
    """Read a damaged extraction exactly, CRLF line ends included."""
    with (FIXTURES / f"{name}_damaged.txt").open(encoding="utf-8", newline="") as stream:
        return stream.read()


def _damage_list(name: str) -> list[tuple[str, str | None]]:
    """Read ``<name>_damage.txt``: every damaged spot in reading order, as (found, fix)."""
    spots = []
    for line in (FIXTURES / f"{name}_damage.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            found, fix = (part.strip() for part in line.split("⇒"))
            found = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), found.replace("\\n", "\n"))
            spots.append((found, None if fix == "-" else fix))
    return spots


def _spans(text: str, spots: list[tuple[str, str | None]]) -> list[tuple[int, int, str | None]]:
    """Locate each listed spot in the text, in order."""
    spans, position = [], 0
    for found, fix in spots:
        start = text.index(found, position)
        spans.append((start, start + len(found), fix))
        position = start + 1
    return spans


@pytest.mark.parametrize("name", HELD_OUT)
def test_check_finds_every_damaged_spot_and_nothing_else(name):
    text = _damaged(name).replace("\r\n", "\n")
    spans = _spans(text, _damage_list(name))
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = [(line_starts[p.line - 1] + p.col - 1, p) for p in find_problems(text, spelling=False)]

    def overlaps(offset, problem, span):
        return span[0] <= offset < span[1] or offset <= span[0] < offset + len(problem.found)

    missed = [text[s:e] for s, e, _ in spans if not any(overlaps(o, p, (s, e)) for o, p in found)]
    extra = [(p.code, p.found) for o, p in found if not any(overlaps(o, p, span) for span in spans)]
    assert missed == [] and extra == []
    assert len(found) == len(spans)


@pytest.mark.parametrize("name", HELD_OUT)
def test_fix_repairs_every_damaged_word_and_changes_nothing_else(name):
    text = _damaged(name)
    flat = text.replace("\r\n", "\n")
    pieces, position = [], 0
    for start, end, fix in _spans(flat, _damage_list(name)):
        pieces += [flat[position:start], flat[start:end] if fix is None else fix]
        position = end
    expected_words = "".join(pieces + [flat[position:]]).split()
    fixed, _ = apply_fixes(text)
    diff = [
        (expected_words[a1:a2], fixed.split()[b1:b2])
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, expected_words, fixed.split(), autojunk=False).get_opcodes()
        if op != "equal"
    ]
    assert diff == []
    assert fixed.count("\r\n") == text.count("\r\n") and fixed.count("\n") == text.count("\n")  # line ends kept


def test_legitimate_latin_words_roman_numerals_and_russian_are_not_flagged():
    text = "XIX ғасыр, ІІІ съезі, Х съезі, H2O, PDF, Internet; «Ещё в 1926 году съезд объявил: это так»."
    assert find_problems(text, spelling=False) == []


def test_mixed_roman_numeral_becomes_latin():
    assert repair("ХIХ ғасыр")[0] == "XIX ғасыр"


def test_soft_hyphen_at_a_line_end_rejoins_the_word():
    assert repair("мемле\u00ad\r\nкет құру\r\n")[0] == "мемлекет\r\nқұру\r\n"
    assert repair("төр\u00adағасы")[0] == "төрағасы"


def test_line_end_hyphen_joins_words_and_keeps_compounds():
    text = "ұлттық мемле-\nкет пен ұлт-\nазаттық және Радус-\nЗенькович"
    assert apply_fixes(text)[0] == "ұлттық мемлекет\nпен ұлт-азаттық\nжәне Радус-Зенькович"
    assert repair(text)[0] == text  # a heuristic decision: check --fix and import only


def test_capitalized_letter_spaced_word_and_number_with_year_word():
    assert repair("Т ә у е л с і з д і к жарияланды.")[0] == "Тәуелсіздік жарияланды."
    assert repair("1917 - жылы, 20 - шы жылдар")[0] == "1917-жылы, 20-шы жылдар"
    assert repair("1928 - 1932 жылдары")[0] == "1928 - 1932 жылдары"


def test_spelling_skips_words_the_dictionary_has_with_another_ending():
    if orthography._spelling_dictionary_base() is None:
        pytest.skip("hunspell-kk dictionary is not installed")
    text = "Кеңес билігі орнады. Бұл билігін нығайтты. Елдің бір бөлігі қарсы болды."
    assert [p for p in find_problems(text) if p.code == "spelling"] == []
