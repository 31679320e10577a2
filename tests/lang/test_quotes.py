"""`check`'s quotation marks, by each language's own: correct sentences pass, real slips are found.

Sentences marked "dev" are from the evaluation set (tests/fixtures/eval/<lang>/dev, the file named);
the others are written here in the same style, to nest the inner marks.
"""

import pytest

from handout import lang


def problems(code: str, text: str) -> list[str]:
    return [problem.message for problem in lang.get(code).unbalanced_quotes(text)]


CORRECT = [
    # dev: en/bukeikhan-alash-orda-bolashaq.txt
    ("en", "Bukeykhanov was the editor of the newspapers “Irtysh”, “Omchi”, “Voice of the Steppe”."),
    # dev: en/semipalatinsk-closure-30-years.txt (the apostrophe is the inner closing mark)
    ("en", "On the occasion of the anniversary, the US State Department issued a congratulatory message: "
           "“The United States congratulates Kazakhstan on the 30th anniversary of the closing of the Semipalatinsk "
           "nuclear weapons test site.  The decision to close Semipalatinsk demonstrated a clear commitment to nuclear "
           "security and nonproliferation.  Kazakhstan’s momentous decision on Semipalatinsk was the first in a series "
           "of vital measures aiming to achieve a more peaceful world.”"),
    ("en", "“The soldiers’ families were told the decree meant ‘rear work’, not the front,” the governor’s report said."),
    ("en", "Russian papers called it «Киргизский край»; the English ones didn’t."),  # not English marks: not checked
    # dev (excerpts): ru/hozir-aviation-1919-september.txt and ru/dereksiz-abulkhair-1716.txt
    ("ru", "Уже 4 сентября 1919 г. “Муромец” вылетел с целью разведки и бомбометания."),
    ("ru", "В половине сентября 1716 года с предложением помириться «вечным миром» с Россией были отправлены "
           "послы в Тобольск."),
    ("ru", "Съезд назвал правительство «Алаш-Ордой» и одобрил программу «партии „Алаш“»."),
    ("ru", "Газета писала о «“новом” порядке» в степи."),
    # dev (an excerpt): kk/alash-case-elkz.txt
    ("kk", "“Алаш ісі” — 1928 жылдан бастап Алаш қозғалысына қатысқандарды (Алаш партиясы мен Алашорда үкіметіне мүше "
           "болған және оларды жақтаған"),
    ("kk", "1917 жылы «„Қазақ“ газеті» Алаш партиясының бағдарламасын жариялады."),
]


@pytest.mark.parametrize(("code", "text"), CORRECT)
def test_correct_quotation_marks_pass(code, text):
    assert problems(code, text) == []


def test_real_slips_are_found_in_each_language():
    # dev: ru/dereksiz-abulkhair-1716.txt, an excerpt cut inside its quote
    assert problems("ru", "они присланы в Тобольск «с ведома хана и (В документе нет прямых указаний") == [
        "« is never closed"]
    assert problems("en", "The party “Alash” and the “Alash-Orda government were founded in 1917.") == [
        "“ is never closed"]
    assert problems("en", "He called them ‘pioneers, and the Tsar’s men agreed.") == ["‘ is never closed"]
    assert problems("en", "The decree was signed” in 1991.") == ["” without “"]
    assert problems("kk", "«Алаш» партиясы» 1917 жылы құрылды.") == ["» without «"]
    assert problems("ru", "«Газета „Казах» закрыта") == ["„ is not closed before »"]
    assert problems("ru", 'Он сказал: "За 40 лет на полигоне') == ['odd number of " marks']


def test_english_quotes_are_not_read_as_kazakh_ones():
    """The Kazakh inner pair „…“ ends with “, which opens an English quote: English text is read with English marks."""
    text = "He edited “Kazakh” from 1913."
    assert problems("en", text) == []
    assert problems("kk", text) == []  # “…” is a pair a Kazakh text may use too
    assert problems("kk", "„Қазақ“ газеті “шықты") == ["“ is never closed"]
