"""Items the text states outright: "why" (a sentence that gives its cause) and terms (a definition)."""

from __future__ import annotations

from ... import lang as languages
from ...model import Lecture, Question
from .common import choice_options, make_question, short_hash
from .statements import balanced, lecture_sentences, points_back, without_connector

MIN_WORDS, MAX_WORDS = 4, 28


def _clean(text: str, rules, alone: bool = True) -> bool:
    """Tell whether a half of a sentence prints whole; ``alone``: it must also read without the other half."""
    words = text.split()
    if not (MIN_WORDS - 1 <= len(words) <= MAX_WORDS and balanced(text) and "…" not in text and "..." not in text):
        return False
    return not alone or (words[0].casefold().strip(",") not in rules.LEADING_ANAPHORS and not points_back(text, rules))


def why_items(lecture: Lecture, wanted: int) -> list[Question]:
    """Ask for the cause where a sentence states it; the key is the cause as the lecture writes it."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    rules = language.questions
    made, seen = [], set()
    for sentence, line, anchor, section in lecture_sentences(lecture):
        if len(made) >= wanted:
            break
        if rules.RUN_ON.search(sentence):
            continue
        split = rules.cause_and_effect(sentence)
        if split is None:
            continue
        effect, cause = (without_connector(part, rules) for part in split)
        if effect in seen or not (_clean(effect, rules) and _clean(cause, rules, alone=False)):
            continue
        seen.add(effect)
        text = language.phrases["why"].format(effect=language.quote(effect))
        made.append(make_question(lang, text, "why", cause + ".", (section, line, anchor), f"why-{short_hash(effect)}"))
    return made


def term_items(lecture: Lecture, wanted: int, seed: int) -> list[Question]:
    """Ask which term a definition gives; with four or more terms, the others are the options."""
    lang = lecture.meta.lang
    language = languages.get(lang)
    names = [term.term for term in lecture.terms]
    made = []
    for term in lecture.terms:
        if len(made) >= wanted:
            break
        definition = term.definition.strip().rstrip(".")
        if term.term.casefold() in definition.casefold() or not balanced(definition) or "…" in definition:
            continue
        if not 3 <= len(definition.split()) <= 40:
            continue
        text = language.phrases["term"].format(definition=language.quote(definition))
        options = choice_options(term.term, [n for n in names if n != term.term], f"{seed}:{term.term}") or ()
        made.append(make_question(lang, text, "term", term.term, (term.section, term.line, term.anchor),
                                  f"term-{short_hash(term.term)}", options=options, correct=term.term, answer_kind="term"))
    return made
