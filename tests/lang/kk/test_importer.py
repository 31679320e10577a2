"""Tests for handout.lang.kk.importer: extraction → lecture Markdown, and the file checker."""

from __future__ import annotations

import re

import pytest
import yaml

from handout.errors import HandoutError
from handout.lang.kk.importer import check_files, import_file, import_text
from support import FIXTURES, ROOT, corrected_seed

LECTURE = ROOT / "source" / "lecture10.md"
SEED = FIXTURES / "seed" / "lecture10_original.txt"
FIXTURES = FIXTURES / "kazakh"


def body_words(markdown: str) -> list[str]:
    """Return the words of a lecture's body (after the front matter), in order."""
    body = markdown.split("---\n", 2)[2]
    return re.findall(r"[^\W_]+", body.lower())


def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the lecture 10 seed is not on this machine")
    return SEED.read_text(encoding="utf-8")


def test_importing_the_seed_gives_the_words_of_lecture10():
    imported = corrected_seed(import_text(seed_text(), SEED.name))  # lecture 10 also fixes the seed's slips
    assert body_words(imported) == body_words(LECTURE.read_text(encoding="utf-8"))


def test_importing_the_seed_gives_lecture10_paragraphs_and_headings():
    imported = import_text(seed_text(), SEED.name, course="Қазақстан тарихы", date="2026-11-10")
    assert corrected_seed(imported) == LECTURE.read_text(encoding="utf-8")


def test_seed_header_goes_to_front_matter():
    front = yaml.safe_load(import_text(seed_text(), SEED.name).split("---\n", 2)[1])
    assert front["number"] == 10
    assert front["block"] == "4-БЛОК. КЕҢЕСТІК КЕЗЕҢДЕГІ ҚАЗАҚСТАН"
    assert front["title"] == "Қазақстан Қазан төңкерісі және кеңес үкіметінің орнауы кезеңінде"
    assert front["outcomes"][2] == "Қазақстан тарихынының үдерістері мен тарихи құбылыстардыжүйелеу және сыни баға беру"


def test_a_second_lecture_imports_as_expected():
    damaged = (FIXTURES / "lecture03_damaged.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "lecture03_expected.md").read_text(encoding="utf-8")
    assert import_text(damaged, "lecture03_damaged.txt") == expected


def test_second_lecture_features():
    imported = import_text((FIXTURES / "lecture03_damaged.txt").read_text(encoding="utf-8"), "x")
    assert re.findall(r"^## (.+)$", imported, re.MULTILINE) == [
        "Палеолит", "Неолит пен энеолит", "Қола дәуірі мен оның мәдениеттері",
    ]  # fmt: skip
    assert "мемлекет белгілері" in imported  # split word re-joined: "мемлекет" occurs elsewhere
    assert "«тас ғасыры»" in imported and "тәжірибесін" in imported and "800-ден" in imported
    assert "Қола дәуірі. Андронов" in imported  # a run-in title unlike the contents entry stays


def test_text_without_a_lecture_header_is_refused():
    with pytest.raises(HandoutError, match="title"):
        import_text("Жай мәтін.\n", "notes.txt")


def test_import_file_refuses_to_overwrite(tmp_path):
    src = tmp_path / "lecture03.txt"
    src.write_text((FIXTURES / "lecture03_damaged.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "source" / "lecture03.md"
    assert import_file(src, out, force=False) == out
    assert out.read_text(encoding="utf-8").startswith("---\ntitle: Қазақстан жеріндегі тас ғасыры\n")
    with pytest.raises(HandoutError, match="--force") as caught:
        import_file(src, out, force=False)
    assert caught.value.path == out
    out.write_text("changed", encoding="utf-8")
    import_file(src, out, force=True)
    assert out.read_text(encoding="utf-8") != "changed"


def test_checker_finds_no_damage_in_lecture10():
    lines, remaining = check_files([LECTURE], fix=False, force=False)
    assert remaining == 0
    assert all(": spelling: " in line for line in lines)


def test_checker_reports_seed_damage(tmp_path):
    copy = tmp_path / "seed.txt"
    copy.write_text(seed_text(), encoding="utf-8")
    lines, remaining = check_files([copy], fix=False, force=False)
    assert f"{copy}:428:1: letter-spaced: letter-spaced word «егістік»" in lines
    assert remaining == sum(": spelling: " not in line for line in lines) > 260


def test_checker_fix_keeps_a_backup_and_reports_changes(tmp_path):
    damaged = tmp_path / "notes.md"
    original = "Бұл бiрлiк, сондай – ақ саяси - экономикалық мәселе.\n"
    damaged.write_text(original, encoding="utf-8")
    lines, remaining = check_files([tmp_path], fix=True, force=False)
    assert damaged.read_text(encoding="utf-8") == "Бұл бірлік, сондай-ақ саяси-экономикалық мәселе.\n"
    assert (tmp_path / "notes.md.bak").read_text(encoding="utf-8") == original
    assert lines[0] == f"{damaged}:1:5: fixed mixed-script: «бiрлiк» → «бірлік»"
    assert len(lines) == 3 and remaining == 0


def test_checker_fix_refuses_an_existing_backup_unless_forced(tmp_path):
    damaged = tmp_path / "notes.md"
    damaged.write_text("бiрлiк\n", encoding="utf-8")
    (tmp_path / "notes.md.bak").write_text("older backup\n", encoding="utf-8")
    with pytest.raises(HandoutError, match="already exists"):
        check_files([damaged], fix=True, force=False)
    assert damaged.read_text(encoding="utf-8") == "бiрлiк\n"
    check_files([damaged], fix=True, force=True)
    assert damaged.read_text(encoding="utf-8") == "бірлік\n"


def test_paragraphs_that_look_like_markup_are_escaped():
    damaged = "№1 Лекция тақырыбы: Сынақ\n\n1.Кіріспе. Мәтін бар.\n\n 5. санат *жұлдыз* бар.\n"  # indented: a new paragraph
    body = import_text(damaged, "x").split("---\n", 2)[2]
    assert body == "\n## Кіріспе\n\nМәтін бар.\n\n5\\. санат \\*жұлдыз\\* бар.\n"


@pytest.mark.parametrize("name", ["lecture05", "lecture07", "lecture08"])
def test_held_out_lectures_import_as_written_by_hand(name):
    with (FIXTURES / f"{name}_damaged.txt").open(encoding="utf-8", newline="") as stream:
        damaged = stream.read()  # lecture05 keeps its CRLF line ends
    expected = (FIXTURES / f"{name}_expected.md").read_text(encoding="utf-8")
    imported = import_text(damaged, f"{name}_damaged.txt")
    assert body_words(imported) == body_words(expected)
    assert imported == expected


def test_page_numbers_and_running_headers_are_dropped_but_repeated_prose_is_kept():
    imported = import_text((FIXTURES / "lecture05_damaged.txt").read_text(encoding="utf-8"), "x")
    assert "Дәрістер жинағы" not in imported and not re.search(r"\b1[234]\b(?! жыл)", imported.split("---\n", 2)[2])
    assert imported.count("Ә. Бөкейханов") == 2


def test_other_header_conventions_give_number_title_and_outcomes():
    cases = {
        "Дәріс №3. Тақырыбы: Сақтар\n\nОқыту нәтижелері:\n1) білу;\n\nЖоспары:\n1) Сақтар.\n\n1. Сақтар\nМәтін.\n": 3,
        "Лекция № 4\nТақырыбы: Ғұндар\n\nДәріс жоспары:\n1. Ғұндар.\n\n1) Ғұндар\nМәтін.\n": 4,
        "9-дәріс. Тақырыбы: Түркілер\n\nМазмұны:\n1. Түркілер\n\n1. Түркілер. Мәтін.\n": 9,
    }
    for text, number in cases.items():
        front = yaml.safe_load(import_text(text, "x").split("---\n", 2)[1])
        assert front["number"] == number and front["title"] in text
