"""Russian sentence spans: razdel's rules (initials, "т. е.", "т. д.", "г." before a name) plus a date-abbreviation rule.

razdel never ends a sentence after "г."/"в." because "в 1920 г. Верный …" goes on; but "в 1917 г.
В 1918 г. …" is two sentences. After a year or century abbreviation we end the sentence when the
next word is one that opens sentences (a capitalized preposition, conjunction or pronoun), not a name.
"""

from __future__ import annotations

import re

from razdel import sentenize

_AFTER_DATE_ABBREVIATION = re.compile(
    r"(?:\d\s*гг?\.|[IVXХІ]\s*вв?\.|\d\s*вв?\.)(?P<gap>\s+)(?=(?:В|Во|С|Со|К|По|На|После|Затем|Однако|Но|А|И|Это|Тогда|Так|"
    r"Уже|Там|Здесь|Он|Она|Они|Оно|Его|Её|Их|При|Из|За|Для|До|От|Через|Спустя|Летом|Весной|Осенью|Зимой|Вскоре|Позже|"
    r"Позднее|Также|Кроме|Впоследствии|Согласно|Несмотря|Поэтому|Тем|Этот|Эта|Это|Эти|Именно|Лишь|Только|Всего|Всё|Все|"
    r"Многие|Большинство|Ещё|Еще|Наконец|Сначала|Вместе|Одновременно|Так)(?!\w))"
)
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character span of every sentence, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        for sentence in sentenize(paragraph.group()):
            start = base + sentence.start
            for cut in _AFTER_DATE_ABBREVIATION.finditer(sentence.text):
                spans.append((start, base + sentence.start + cut.start("gap")))
                start = base + sentence.start + cut.end("gap")
            spans.append((start, base + sentence.stop))
    return [(start, end) for start, end in spans if text[start:end].strip()]


__all__ = ["split_sentences"]
