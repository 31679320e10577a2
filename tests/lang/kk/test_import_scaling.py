"""The importer (lang/importing.py, Kazakh rules) joins a paragraph's lines in linear time: each join looks at one line, never the paragraph.

Checked through what the join is given (the work it does), not through wall time.
"""

from __future__ import annotations

from handout.lang import importing as importer
from handout.lang.kk.importer import import_text
from handout.lang.kk.orthography import keeps_hyphen

LINE = "Қазақ хандығы 1465 жылы Керей мен Жәнібек сұлтандардың бастауымен құрылып, Шу бойына көшті және"


def joined_lengths(monkeypatch, lines: int) -> list[int]:
    seen: list[int] = []
    real = importer._joint

    def recording(previous, text, *rules):
        seen.append(len(previous))
        return real(previous, text, *rules)

    monkeypatch.setattr(importer, "_joint", recording)
    text = "№10 Лекция тақырыбы: Сынақ\n\n1.Кіріспе. Мәтін.\n\n" + f"{LINE}\n\n" * lines + "Соңы.\n"
    markdown = import_text(text, "long.txt")
    assert markdown.count(LINE) == lines  # one paragraph, every line in it
    return seen


def test_each_join_sees_one_line_however_long_the_paragraph(monkeypatch):
    short, long = joined_lengths(monkeypatch, 50), joined_lengths(monkeypatch, 800)
    assert len(long) >= 800
    assert max(long) == max(short) <= len(LINE) + 1


def test_a_word_split_at_a_line_end_is_joined_as_before():
    assert importer._join("бастауыме-", "н құрылды", keeps_hyphen) == "бастауымен құрылды"
    assert importer._join("саяси", "экономикалық", keeps_hyphen) == "саяси экономикалық"
    assert importer._join("1917-", "жылы", keeps_hyphen) == "1917- жылы"
