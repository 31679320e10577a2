"""Question phrasing shared by the packs whose "event" template quotes the printed date (ru, en)."""

from __future__ import annotations

from ..model import DateValue


def quoted_event_date_phrase(pack, value: DateValue, written_in_language: bool = True) -> str | None:
    """Return the printed date in quotes for "Which event is dated …?"; None for "from"/"until" dates."""
    if value.qualifier in ("until", "from"):
        return None
    return pack.quote(pack.format_date(value))


def split_cause(sentence: str, patterns, effect_ok=lambda effect: len(effect.split()) >= 3):
    """(effect, cause) from the first of ``patterns`` (with ``effect`` and ``cause`` groups) that matches, or None.

    Both parts are capitalised; the cause needs 3 words, the effect whatever ``effect_ok`` asks.
    """
    text = sentence.strip()
    for pattern in patterns:
        found = pattern.match(text)
        if found:
            effect, cause = found["effect"].strip().rstrip(".!"), found["cause"].strip().rstrip(".!,")
            if effect_ok(effect) and len(cause.split()) >= 3:
                return effect[:1].upper() + effect[1:], cause[:1].upper() + cause[1:]
    return None
