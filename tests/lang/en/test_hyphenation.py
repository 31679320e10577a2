"""Tests for English hyphenation: pyphen's en patterns, no break in numbers, acronyms or initials, a real PDF."""

import re

import pytest

from handout.lang.en.hyphenation import hyphenate, hyphenation_points, is_protected, register
from support import pdf_text

TEXT = ("The collectivization of agriculture and the sedentarization of the nomadic population devastated "
        "the Kazakh Autonomous Socialist Soviet Republic; the USSR and the RSFSR's administration "
        "announced 1920s programmes; U.S.S.R. historiography, A. Bukeikhanov and 1,500,000 victims "
        "are remembered in independent Kazakhstan.")


@pytest.mark.parametrize("word", ["USSR", "RSFSR's", "U.S.S.R.", "1920s", "1,500,000", "KazASSR", "19th"])
def test_numbers_acronyms_and_initials_never_break(word):
    assert is_protected(word)
    assert hyphenation_points(word) == []


def test_ordinary_words_break_by_pyphens_english_patterns():
    assert hyphenate("independence") == "in-de-pend-ence"
    assert all(2 <= point <= len("collectivization") - 3 for point in hyphenation_points("collectivization"))


def test_narrow_column_pdf_breaks_only_at_legal_points(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    register()
    html = ('<html lang="en"><head><style>@page { size: 50mm 200mm; margin: 4mm }'
            "p { width: 26mm; font: 10pt 'DejaVu Serif'; hyphens: auto; text-align: justify }"
            f"</style></head><body><p>{TEXT}</p></body></html>")
    pdf = tmp_path / "column.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    text = "\n".join(line.strip() for line in pdf_text(pdf).replace("\r", "").split("\n"))
    split_words = re.findall(r"[\w'’.,]+(?:[-\u2010]\n[\w'’.,]+)+", text)
    assert split_words, "the narrow column hyphenated nothing"
    words = set(re.findall(r"[\w'’.,]+", TEXT))
    for split_word in split_words:
        parts = re.split(r"[-\u2010]\n", split_word)
        word = "".join(parts)
        assert word in words or word.rstrip(".,;") in words, split_word
        assert not is_protected(word.rstrip(".,;")), f"protected word broken: {split_word!r}"
        points = [len("".join(parts[:k])) for k in range(1, len(parts))]
        legal = hyphenation_points(word.rstrip(".,;"))
        assert all(point in legal for point in points), f"illegal: {split_word!r}"
