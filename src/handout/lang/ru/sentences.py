"""Russian sentence spans: razdel's rules (initials, "т. е.", "т. д.", "г." before a name) plus a date-abbreviation rule.

razdel never ends a sentence after "г."/"в." because "в 1920 г. Верный …" goes on; but "в 1917 г.
В 1918 г. …" is two sentences. After a year or century abbreviation we end the sentence when the
next word is one that opens sentences (a capitalized preposition, conjunction or pronoun), not a name;
or when any capitalized word follows and the words before the date already hold a finite past verb
(«Весть … дошла до степи в начале марта 1917 г. Временное правительство …»): the clause is complete,
while «в 1920 г. Верный был переименован» has no verb before its date and goes on.
"""

from __future__ import annotations

import re

from razdel import sentenize

from .dates.words import MONTH_ABBREVIATIONS, MONTHS, PART_FORMS

_AFTER_DATE_ABBREVIATION = re.compile(
    r"(?:\d\s*гг?\.|[IVXХІ]\s*вв?\.|\d\s*вв?\.)(?P<gap>\s+)(?=(?:В|Во|С|Со|К|По|На|После|Затем|Однако|Но|А|И|Это|Тогда|Так|"
    r"Уже|Там|Здесь|Он|Она|Они|Оно|Его|Её|Их|При|Из|За|Для|До|От|Через|Спустя|Летом|Весной|Осенью|Зимой|Вскоре|Позже|"
    r"Позднее|Также|Кроме|Впоследствии|Согласно|Несмотря|Поэтому|Тем|Этот|Эта|Это|Эти|Именно|Лишь|Только|Всего|Всё|Все|"
    r"Многие|Большинство|Ещё|Еще|Наконец|Сначала|Вместе|Одновременно|Так)(?!\w))"
)
# A line break starts a sentence before a list item ("- 22 января — …") and after a heading line that ends with a colon
# ("Жизнь и внутренняя политика:\nКонец августа 1919. …"); other line breaks are a page's wrapping.
_LINE_STARTS_SENTENCE = re.compile(r"[ \t]*\n[ \t]*(?=[-•*–—][ \t])|(?<=:)[ \t]*\n[ \t]*(?=[А-ЯЁA-Z0-9])")
_YEAR_THEN_CAPITAL = re.compile(r"\d\s*гг?\.(?P<gap>\s+)(?=[А-ЯЁ][а-яё])")
_PAST_VERB = re.compile(r"(?<![\w-])[а-яё]{2,}(?:л|ла|ло|ли)(?:сь|ся)?(?![\w-])")
_NOT_VERBS = frozenset(
    "земли цели роли воли мысли дела села тела сила стола начало число дело село тепло зло генерал "
    "капитал материал маршал идеал журнал канал арсенал адмирал период".split()
)
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character span of every sentence, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        own: list[tuple[int, int]] = []
        for sentence in sentenize(paragraph.group()):
            start = base + sentence.start
            for gap_start, gap_end in _cuts(sentence.text):
                own.append((start, base + sentence.start + gap_start))
                start = base + sentence.start + gap_end
            own.append((start, base + sentence.stop))
        spans.extend(_labels_joined(text, [(start, end) for start, end in own if text[start:end].strip()]))
    return spans


# A chronicle's date label ends with a full stop of its own ("1918 г., август. Начало красного террора …",
# "Конец августа 1919. Цены на хлеб …"): it heads the sentence after it, which tells its event.
_LABEL_WORDS = "|".join(sorted((*MONTHS, *MONTH_ABBREVIATIONS, *PART_FORMS), key=len, reverse=True)).replace(".", r"\.")
_DATE_LABEL = re.compile(
    rf"[\s*•–—-]*+(?:(?:{_LABEL_WORDS})(?!\w)|\d++|гг?\.|года?(?!\w)|[\s.,()–—-])++", re.IGNORECASE  # possessive: no backtracking
)


_MAX_LABEL = 60


def _labels_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        if joined and joined[-1][1] == -1:
            joined[-1] = (joined[-1][0], end)
            continue
        label = text[start:end]
        if index + 1 < len(spans) and len(label) <= _MAX_LABEL and re.search(r"\d", label) and _DATE_LABEL.fullmatch(label):
            joined.append((start, -1))  # the next sentence closes it
        else:
            joined.append((start, end))
    return joined


def _cuts(sentence: str) -> list[tuple[int, int]]:
    """Return the gaps after a year or century abbreviation where one sentence ends and the next begins."""
    cuts = {cut.start("gap"): cut.end("gap") for cut in _AFTER_DATE_ABBREVIATION.finditer(sentence)}
    cuts.update((cut.start(), cut.end()) for cut in _LINE_STARTS_SENTENCE.finditer(sentence))
    for cut in _YEAR_THEN_CAPITAL.finditer(sentence):
        before = sentence[max((end for end in cuts if end <= cut.start()), default=0):cut.start()]
        if any(word.lower() not in _NOT_VERBS for word in _PAST_VERB.findall(before.lower())):
            cuts.setdefault(cut.start("gap"), cut.end("gap"))
    return sorted(cuts.items())


__all__ = ["split_sentences"]
