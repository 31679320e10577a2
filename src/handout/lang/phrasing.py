"""Question phrasing shared by the packs whose "event" template quotes the printed date (ru, en)."""

from __future__ import annotations

from ..model import DateValue


def quoted_event_date_phrase(pack, value: DateValue, written_in_language: bool = True) -> str | None:
    """Return the printed date in quotes for "Which event is dated …?"; None for "from"/"until" dates."""
    if value.qualifier in ("until", "from"):
        return None
    return pack.quote(pack.format_date(value))
