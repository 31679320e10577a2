"""Tests for Kazakh hyphenation: rules, generated patterns, pyphen and WeasyPrint."""

import re
from pathlib import Path

import pyphen
import pytest

from handout.lang.kk import hyphenation
from handout.lang.kk.hyphenation import (
    DICTIONARY_PATH,
    generate_patterns,
    hyphenate,
    hyphenation_points,
    parse_marked_word,
    register,
    syllable_breaks,
)
from support import FIXTURES

FIXTURE = FIXTURES / "hyphenation" / "kk_words.txt"

# Real sentences of lecture 10 (repaired), long words on purpose.
LECTURE_TEXT = (
    "Қазақстан Қазан төңкерісі және кеңес үкіметінің орнауы кезеңінде. "
    "Қазақстан тарихының негізгі даму кезеңдерін білу мен түсіну бойынша "
    "білімін көрсету. Түркістан республикаларының ұлттық‑мемлекеттік "
    "межеленуі – біртұтас Түркістан идеясының күйреуі. 1917 жылы 5–13 "
    "желтоқсанда Орынборда өткен Жалпықазақ съезі Алаш автономиясын "
    "жариялады. Қазақстандағы жаңа экономикалық саясат (ЖЭС) және "
    "индустрияландыру, коллективтендіру саясаты. РСФСР‑дың құрамындағы "
    "Қырғыз (Қазақ) Автономиялық Социалистік Кеңестік Республикасы "
    "құрылды. Большевиктер ақгвардияшыларға қарсы күресте жергілікті "
    "жұмысшылардың қолдауына сүйенді."
)


def load_fixture() -> list[tuple[int, str, set[int]]]:
    """Return (line number, word, expected break points) for every fixture entry."""
    entries = []
    for number, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries.append((number, *parse_marked_word(line)))
    return entries


def test_fixture_is_large_enough():
    assert len(load_fixture()) >= 300


def test_fixture_zero_illegal_breaks_and_at_least_95_percent_legal_found():
    illegal, legal_total, legal_found = [], 0, 0
    for number, word, expected in load_fixture():
        found = set(hyphenation_points(word))
        if found - expected:
            illegal.append(f"kk_words.txt:{number}: {hyphenate(word)}")
        legal_total += len(expected)
        legal_found += len(found & expected)
    assert illegal == []
    assert legal_found / legal_total >= 0.95


@pytest.mark.parametrize("word", [w for _, w, _ in load_fixture()])
def test_rules_and_patterns_agree(word):
    assert syllable_breaks(word) == hyphenation_points(word)


def test_committed_dictionary_is_up_to_date_with_generator():
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == generate_patterns(), (
        "run: python -m handout.lang.kk.hyphenation"
    )


def test_generated_patterns_have_no_duplicate_letter_keys():
    # pyphen keys patterns by letters; a duplicate would silently overwrite.
    keys = [re.sub(r"\d", "", line) for line in generate_patterns().splitlines()[4:]]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("tag", ["kk", "kk_KZ", "kk-KZ", "KK-kz"])
def test_register_makes_every_kazakh_tag_resolvable(tag):
    register()
    resolved = pyphen.language_fallback(tag)
    assert resolved in hyphenation.LANGUAGE_TAGS
    assert isinstance(pyphen.LANGUAGES[resolved], Path)
    assert pyphen.Pyphen(lang=tag).inserted("мемлекеттік") == "мем-ле-кет-тік"


def test_register_is_idempotent():
    register()
    first = pyphen.hdcache[DICTIONARY_PATH]
    register()
    assert pyphen.hdcache[DICTIONARY_PATH] is first
    assert hyphenate("республикасы") == "рес-пуб-ли-ка-сы"


@pytest.mark.parametrize(
    "word",
    ["РСФСР", "ГОЭЛРО", "ҚазАКСР", "КАЗАКСТАН", "1917‑жылдардағы", "15-ке"],
)
def test_acronyms_and_numbers_never_break(word):
    assert hyphenation_points(word) == []


def test_no_single_letter_is_ever_left_or_carried():
    for _, word, _ in load_fixture():
        for point in hyphenation_points(word):
            assert 2 <= point <= len(word) - 2, word


def test_weasyprint_narrow_column_breaks_only_at_legal_points(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    pdfium = pytest.importorskip("pypdfium2")
    register()
    html = (
        '<html lang="kk"><head><style>'
        "@page { size: 60mm 200mm; margin: 5mm }"
        "p { width: 30mm; font: 10pt 'DejaVu Serif'; hyphens: auto;"
        " text-align: justify }"
        f"</style></head><body><p>{LECTURE_TEXT}</p></body></html>"
    )
    pdf_path = tmp_path / "column.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf_path)
    document = pdfium.PdfDocument(str(pdf_path))
    lines = []
    for page in document:
        lines += page.get_textpage().get_text_range().replace("\r", "").split("\n")
    text = "\n".join(line.strip() for line in lines)
    words_in_text = set(re.findall(r"[^\W\d_]+", LECTURE_TEXT))
    # WeasyPrint's default hyphenate-character is U+2010; a word may span lines.
    split_words = re.findall(r"[^\W\d_]+(?:[-\u2010]\n[^\W\d_]+)+", text)
    for split_word in split_words:
        parts = re.split(r"[-\u2010]\n", split_word)
        word = "".join(parts)
        assert word in words_in_text, split_word
        points = [len("".join(parts[:k])) for k in range(1, len(parts))]
        legal = syllable_breaks(word)
        assert all(point in legal for point in points), f"illegal: {split_word!r}"
    assert len(split_words) >= 3  # the column is narrow enough to force hyphenation


def test_lecture10_in_a_narrow_column_is_hyphenated_only_at_legal_points(tmp_path):
    """The whole lecture through the real pipeline, squeezed into a 40 mm column by a course stylesheet."""
    import shutil
    import subprocess

    from support import HANDOUT, LECTURE10, pdf_text

    course = tmp_path / "course"
    (course / "styles").mkdir(parents=True)
    shutil.copy(LECTURE10, course / "lecture10.md")
    (course / "styles" / "edition-student.css").write_text(
        ".lecture-body p { width: 40mm; }\n.chronology, .questions, .toc { display: none; }\n", encoding="utf-8"
    )
    result = subprocess.run([*HANDOUT, "build", str(course / "lecture10.md"), "--out", str(tmp_path / "out"),
                             "--edition", "student"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "out" / "student" / "lecture10.pdf").replace("\r", "")
    source_words = set(re.findall(r"[^\W\d_]+", LECTURE10.read_text(encoding="utf-8")))
    # The second half of a split word starts in lower case; this skips a split whose line
    # is followed by the page's running head (PDFium reads the margin boxes last).
    splits = re.findall(r"([^\W\d_]+)[\u2010\u2011]\s*\n\s*((?=[^\W\d_])[^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІЁ][^\W\d_]*)", text)
    assert len(splits) >= 100  # a narrow column forces many breaks
    for left, right in splits:
        word = left + right
        assert word in source_words, (left, right)
        assert len(left) in syllable_breaks(word), f"illegal break {left}-{right}"
