"""The registry's cold-start helpers: which languages a document names, dates found once, word checks kept."""

from __future__ import annotations

import pytest

from handout import lang as languages
from handout.lang.hyphenation import CheckedHyphDict


@pytest.mark.parametrize("html, codes", [
    ('<html lang="kk"><body><p>Қазақ</p></body></html>', {"kk"}),
    ("<HTML LANG='RU-ru'><p xml:lang=en_US>x</p></HTML>", {"ru", "en"}),
    ('<html lang="kk"><style>q { -weasy-lang: "en" } blockquote { lang: ru }</style></html>', {"kk", "en", "ru"}),
    ('<html lang = "en-GB"><p lang="de">Deutsch</p>', {"en"}),  # no pack for de: pyphen's own dictionary serves
    ("<p>no language at all</p>", set()),
])
def test_languages_in_reads_every_lang_attribute_and_declaration(html, codes):
    assert languages.languages_in(html) == codes


def test_register_hyphenation_of_some_codes_registers_those(monkeypatch):
    asked = []
    for code in languages.CODES:
        pack = languages.get(code)
        monkeypatch.setattr(type(pack), "register_hyphenation", lambda self: asked.append(self.code))
    languages.register_hyphenation({"en"})
    assert asked == ["en"]
    languages.register_hyphenation()
    assert asked == ["en", *languages.CODES]


def test_found_dates_are_shared_but_each_caller_gets_its_own_list():
    pack = languages.get()
    text = "Съезд 1917 жылы 5 желтоқсанда ашылды."
    first = pack.find_dates(text)
    first.clear()
    again = pack.find_dates(text)
    assert again and again == pack.date_finder(text, None)
    assert pack.find_dates(text, 1920) == pack.date_finder(text, 1920)


def test_a_checked_dictionary_keeps_each_words_verdict_by_its_case(tmp_path):
    path = tmp_path / "hyph_test.dic"
    path.write_text("UTF-8\n1ba\n1da\n", encoding="utf-8")

    class Capitals(CheckedHyphDict):
        checks = 0

        def refuses(self, word):
            Capitals.checks += 1
            return word.isupper()

    dictionary = Capitals(path)
    assert dictionary.positions("ABADA") == [] and dictionary.positions("abada") == [1, 3]
    assert dictionary.positions("ABADA") == [] and dictionary.positions("abada") == [1, 3]
    assert Capitals.checks == 2
