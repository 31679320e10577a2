"""Chronology as data for other tools: JSON, CSV, a plain table, and TimelineJS."""

from __future__ import annotations

import csv
import io
import json

from .. import lang as languages
from ..model import Event

EVENT_FIELDS = (
    "start", "end", "precision", "qualifier", "calendar", "alt_start", "alt_end",
    "text_date", "event", "sentence", "line", "section", "key", "inferred", "source",
)
"""The columns of the CSV and the keys of each JSON event, in this order (new ones are only ever appended)."""


def event_record(event: Event) -> dict:
    """Flatten an event into the documented JSON shape."""
    date = event.date
    return {
        "start": date.start,
        "end": date.end,
        "precision": date.precision,
        "qualifier": date.qualifier,
        "calendar": date.calendar,
        "alt_start": date.alt_start,
        "alt_end": date.alt_end,
        "text_date": date.text_date,
        "event": event.event,
        "sentence": event.sentence,
        "line": event.line,
        "section": event.section,
        "key": event.key,
        "inferred": event.inferred,
        "source": event.source,
    }


def events_json(events: list[Event]) -> str:
    return json.dumps({"events": [event_record(event) for event in events]}, ensure_ascii=False, indent=2)


def events_csv(events: list[Event]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({name: _csv_cell(value) for name, value in event_record(event).items()})
    return buffer.getvalue()


def _csv_cell(value):
    """A CSV cell: flags as true/false (as in the JSON), not Python's True/False."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def events_table(events: list[Event], lang: str | None = None) -> str:
    """A plain-text table for the terminal: date as printed in the handout, line, event."""
    language = languages.get(lang)
    rows = [(language.format_date(event.date), str(event.line), event.event) for event in events]
    width = max((len(row[0]) for row in rows), default=0)
    return "\n".join(f"{date:<{width}}  {line:>5}  {text}" for date, line, text in rows)


def _timeline_date(iso: str) -> dict:
    parts = iso.split("-")
    keys = ("year", "month", "day")
    return {key: part for key, part in zip(keys, parts)}


def events_timelinejs(events: list[Event], title: str = "", lang: str | None = None) -> str:
    """The JSON that TimelineJS 3 reads (``{"title": ..., "events": [...]}``)."""
    slides = []
    for event in events:
        slide = {
            "start_date": {**_timeline_date(event.date.start), "display_date": languages.get(lang).format_date(event.date)},
            "text": {"headline": event.event, "text": event.sentence},
            "group": event.section,
        }
        if event.date.end != event.date.start:
            slide["end_date"] = _timeline_date(event.date.end)
        slides.append(slide)
    document = {"events": slides}
    if title:
        document["title"] = {"text": {"headline": title}}
    return json.dumps(document, ensure_ascii=False, indent=2)
