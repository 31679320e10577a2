"""Question templates in Kazakh, Russian and English (the shapes are chosen to stay grammatical).

Kazakh shapes (KAZAKH.md §5) never inflect the lecture's own words:

- date → event: ``<locative date phrase> не болды?``; the phrase is reused as
  written in the lecture when it is a locative time phrase, otherwise built from
  a fixed table of month locatives ("1918 жылы 9 наурызда");
- event → date: ``Мына оқиға <question word> болды: «<clause>»?``; the lecture's
  clause is quoted, so its own grammar is untouched, and the question word comes
  from the date's precision (қашан / қай жылы / қай жылы, қай айда / қай жылдары);
- tasks: the heading is quoted and governed by a fixed noun
  ("«<heading>» тақырыбы бойынша …"), so it never takes a case ending.

Russian and English questions quote the Kazakh clause as written and print the
date with ``format_date(value, lang)`` inside a shape that needs no case agreement
("Какое событие лекции относится к дате «…»?", "Which event in the lecture is dated …?").
"""

from __future__ import annotations

from .catalog import CATALOG

TEMPLATES: dict[str, dict[str, str]] = {
    "kk": {
        "event": "{date} не болды?",
        "date_day": "Мына оқиға қашан болды: {event}?",
        "date_month": "Мына оқиға қай жылы, қай айда болды: {event}?",
        "date_year": "Мына оқиға қай жылы болды: {event}?",
        "date_period": "Мына оқиға қай жылдары болды: {event}?",
        "date_other": "Мына оқиға қашан болды: {event}?",
        "describe": "{heading} тақырыбы бойынша негізгі оқиғаларды сипаттаңыз.",
        "explain": "{heading} тақырыбының негізгі мазмұнын түсіндіріңіз.",
        "compare": "{first} және {second} тақырыптарындағы оқиғаларды салыстырыңыз.",
        "periods": "Оқыту нәтижесі: {outcome}. Лекцияда қарастырылған негізгі мәселелерді ретімен атаңыз.",
        "matching": "Күндер мен оқиғаларды сәйкестендіріңіз.",
    },
    "ru": {
        "event": "Какое событие лекции относится к дате {date}?",
        "date_day": "Когда произошло это событие: {event}?",
        "date_month": "В каком месяце и году произошло это событие: {event}?",
        "date_year": "В каком году произошло это событие: {event}?",
        "date_period": "В какие годы произошло это событие: {event}?",
        "date_other": "Когда произошло это событие: {event}?",
        "describe": "Опишите основные события по теме {heading}.",
        "explain": "Объясните основное содержание темы {heading}.",
        "compare": "Сравните события в темах {first} и {second}.",
        "periods": "Результат обучения: {outcome}. Назовите по порядку основные вопросы, рассмотренные в лекции.",
        "matching": "Установите соответствие между датами и событиями.",
    },
    "en": {
        "event": "Which event in the lecture is dated {date}?",
        "date_day": "When did this happen: {event}?",
        "date_month": "In which month and year did this happen: {event}?",
        "date_year": "In which year did this happen: {event}?",
        "date_period": "In which years did this happen: {event}?",
        "date_other": "When did this happen: {event}?",
        "describe": "Describe the main events of the topic {heading}.",
        "explain": "Explain the main content of the topic {heading}.",
        "compare": "Compare the events of the topics {first} and {second}.",
        "periods": "Learning outcome: {outcome}. Name, in order, the main topics covered in the lecture.",
        "matching": "Match each date with its event.",
    },
}

QUOTES = {"kk": ("«", "»", "„", "“"), "ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}
"""Outer and inner quotation marks per language."""

MATCHING_LETTERS = {lang: entries["matching_letters"] for lang, entries in CATALOG.items()}
"""Labels of the right-hand column of a matching exercise (from the label catalogue)."""

MONTH_LOCATIVE = (
    "қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда",
    "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда",
)
"""Kazakh month names in the locative case (KAZAKH.md §1), January first."""


def template(lang: str, name: str) -> str:
    """Return one question template; unknown languages fall back to Kazakh."""
    return TEMPLATES.get(lang, TEMPLATES["kk"])[name]


def quote(text: str, lang: str) -> str:
    """Wrap text in the language's outer quotes, turning quotes inside it into inner ones."""
    outer_open, outer_close, inner_open, inner_close = QUOTES.get(lang, QUOTES["kk"])
    pairs = (("«", "»"), ("“", "”")) if outer_open == "“" else (("«", "»"),)
    for mark_open, mark_close in pairs:
        text = text.replace(mark_open, inner_open).replace(mark_close, inner_close)
    return f"{outer_open}{text}{outer_close}"


__all__ = ["MATCHING_LETTERS", "MONTH_LOCATIVE", "QUOTES", "TEMPLATES", "quote", "template"]
