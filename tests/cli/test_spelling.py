"""`check --spelling`: the words a Russian or English lecture's hunspell dictionaries do not know."""

from __future__ import annotations

import subprocess

import pytest

from handout import lang
from handout.cli.spelling import installed_dictionaries
from support import HANDOUT, LECTURE10, make_files

RU = """---
title: Казахстан в 1917 году
lang: ru
---

## Съезды

В июле 1917 г. в Оренбурге прошёл первый Всеказахский съезд.
Съезд избрал временное правителсьтво во главе с А. Букейхановым.

Газета «Казах» писала о «жер мәселесі», а 5-13 декабря собрался второй съезд.
"""
EN = """---
title: Kazakhstan in 1917
lang: en
---

## Congresses

In July 1917 the First All-Kazakh Congress met at Orenburg under Alikhan Bukeikhanov.
The congress recieved delegates from every oblast; the "Qazaq" newspaper wrote of it.
"""


def _dictionaries_missing(code: str) -> bool:
    return not installed_dictionaries(lang.get(code).spelling)


@pytest.mark.skipif(_dictionaries_missing("ru") or _dictionaries_missing("en"),
                    reason="hunspell-ru / hunspell-en-us are not installed (scripts/bootstrap test installs them)")
def test_spelling_lists_unknown_words_of_russian_and_english_lectures_only_when_asked(tmp_path):
    make_files(tmp_path, {"ru.md": RU, "en.md": EN})
    runs = [subprocess.run([*HANDOUT, "check", *flag, "en.md", "ru.md", str(LECTURE10)], capture_output=True,
                           text=True, cwd=tmp_path, timeout=120) for flag in (["--spelling"], [])]
    asked, plain = runs
    assert asked.returncode == plain.returncode == 0, asked.stdout + asked.stderr  # notes never fail the check
    notes = [line for line in asked.stdout.splitlines() if "[spelling]" in line]
    assert notes == [
        "en.md:9: warning: «recieved» is not in the en_US, en_GB dictionary; check its spelling [spelling]",
        "ru.md:9: warning: «правителсьтво» is not in the ru_RU dictionary; check its spelling [spelling]",
    ]  # names, abbreviations, numbers and quotes («жер мәселесі», "Qazaq") are not looked up
    assert "[spelling]" not in plain.stdout
    # Kazakh has no word-by-word dictionary run (kk_KZ flags a fifth of lecture 10's correct words):
    # lecture 10 gets the same notes either way.
    assert [line for line in asked.stdout.splitlines() if str(LECTURE10) in line] == \
        [line for line in plain.stdout.splitlines() if str(LECTURE10) in line]
