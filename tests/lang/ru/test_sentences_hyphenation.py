"""Tests for Russian sentences (razdel plus the date-abbreviation rule) and hyphenation in a real PDF."""

import re

import pytest

from handout import lang as languages
from handout.lang.ru.hyphenation import hyphenation_points, is_protected, register

TEXT = (
    "Всеказахский съезд прошёл в 1917 г. В 1918 г. власть перешла к Советам. "
    "В 1920 г. Верный остался центром области. Лидером был А. Н. Букейханов, т. е. глава Алаш-Орды. "
    "В XIX в. Тогда край вошёл в состав империи и т. д. Затем начались реформы."
)


def test_sentences_end_after_a_year_before_a_new_sentence_but_not_before_a_name_or_after_initials():
    assert languages.get("ru").sentences(TEXT) == [
        "Всеказахский съезд прошёл в 1917 г.",
        "В 1918 г. власть перешла к Советам.",
        "В 1920 г. Верный остался центром области.",
        "Лидером был А. Н. Букейханов, т. е. глава Алаш-Орды.",
        "В XIX в.",
        "Тогда край вошёл в состав империи и т. д.",
        "Затем начались реформы.",
    ]


def test_sentences_do_not_cross_paragraphs():
    assert languages.get("ru").sentences("Первый абзац без точки\n\nВторой абзац.") == ["Первый абзац без точки", "Второй абзац."]


@pytest.mark.parametrize("word", ["РСФСР", "КазАССР", "ГОЭЛРО", "1917-го", "А.Н.", "20-х"])
def test_numbers_acronyms_and_initials_never_break(word):
    assert is_protected(word)
    assert hyphenation_points(word) == []


def test_ordinary_words_break_with_two_letters_at_least_on_each_side():
    for word in ("коллективизация", "автономия", "Букейханов", "провозгласил", "Оренбурге"):
        points = hyphenation_points(word)
        assert points, word
        assert all(2 <= point <= len(word) - 2 for point in points), word


LONG_TEXT = (
    "Коллективизация и индустриализация преобразовали республику. Всеказахский съезд провозгласил "
    "автономию, а правительство Алашской автономии возглавил Букейханов. Военно-революционный комитет "
    "КазАССР и РСФСР упразднил Алаш-Орду в 1920 году; в 1930-х годах продолжалась коллективизация."
)


def test_weasyprint_narrow_russian_column_breaks_only_where_pyphen_allows(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    pdfium = pytest.importorskip("pypdfium2")
    languages.register_hyphenation()
    register()
    html = (
        '<html lang="ru"><head><style>@page { size: 60mm 200mm; margin: 5mm }'
        "p { width: 28mm; font: 10pt 'DejaVu Serif'; hyphens: auto; text-align: justify }"
        f"</style></head><body><p>{LONG_TEXT}</p></body></html>"
    )
    pdf_path = tmp_path / "column.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf_path)
    document = pdfium.PdfDocument(str(pdf_path))
    text = "\n".join(line.strip() for page in document for line in page.get_textpage().get_text_range().replace("\r", "").split("\n"))
    words = set(re.findall(r"[^\W\d_]+", LONG_TEXT))
    split_words = re.findall(r"[^\W\d_]+(?:[-\u2010]\n[^\W\d_]+)+", text)
    assert len(split_words) >= 3  # the column is narrow enough to force hyphenation
    for split_word in split_words:
        parts = re.split(r"[-\u2010]\n", split_word)
        word = "".join(parts)
        if word not in words:
            continue  # a hyphen the text itself has ("Военно-революционный", "Алаш-Орду")
        assert not is_protected(word), split_word
        points = [len("".join(parts[:k])) for k in range(1, len(parts))]
        assert all(point in hyphenation_points(word) for point in points), f"illegal: {split_word!r}"
    for acronym in ("КазАССР", "РСФСР"):
        assert acronym in text.replace("\n", " "), acronym  # never split across lines


def test_a_year_abbreviation_ends_a_complete_clause_but_not_one_that_goes_on():
    from handout.lang.ru.sentences import split_sentences

    def sentences(text):
        return [text[start:end] for start, end in split_sentences(text)]

    assert sentences("Весть дошла до степи в начале марта 1917 г. Временное правительство создало комитеты.") == [
        "Весть дошла до степи в начале марта 1917 г.", "Временное правительство создало комитеты."]
    assert sentences("В 1920 г. Верный был переименован в Алма-Ату.") == ["В 1920 г. Верный был переименован в Алма-Ату."]
