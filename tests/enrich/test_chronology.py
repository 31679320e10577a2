"""Tests for the chronology enricher on real lecture text."""

import json

from handout.diagnostics import Diagnostics
from handout.enrich.chronology import add_chronology, events_from_text, strip_markdown
from handout.source.lecture import load_lecture
from support import FIXTURES

FIXTURES = FIXTURES / "dates"

LECTURE = """---
title: Сынақ
chronology:
  exclude: ["1936"]
  rewrite: [{date: "1917-12-05", event: "Екінші жалпықазақ съезі"}]
  add: [{date: "1937", event: "Қуғын-сүргін"}, {date: "1918-02-31", event: "Қате"}]
---

## Алаш

Қазақ интеллигенциясы **1917 жылы 5-13 желтоқсанда** [Орынбор](https://x) қаласында
өткен съезде автономия мәселесін қарады. Съезд 1917 жылы 5-13 желтоқсанда жұмыс істеді.

1936 жылы Қазақстан одақтас республика болды. Жиналыс 1918 жылы 31 ақпанда өтті.
"""


def _lecture(tmp_path, text=LECTURE):
    path = tmp_path / "l.md"
    path.write_text(text, encoding="utf-8")
    return load_lecture(path)


def test_control_and_merge(tmp_path):
    diagnostics = Diagnostics()
    lecture = add_chronology(_lecture(tmp_path), diagnostics)
    events = [(event.date.start, event.event, event.source) for event in lecture.chronology]
    assert events == [("1917-12-05", "Екінші жалпықазақ съезі", "authored"), ("1937", "Қуғын-сүргін", "authored")]
    codes = [(item.code, item.line) for item in diagnostics.items]
    assert ("bad-date", 14) in codes  # "31 ақпанда" in the body
    assert ("bad-date", 3) in codes  # the impossible added date, at the front matter key


def test_event_line_anchor_and_section(tmp_path):
    text = LECTURE.split("---\n", 2)[2]
    lecture = add_chronology(_lecture(tmp_path, "---\ntitle: T\n---\n" + text), Diagnostics())
    first = lecture.chronology[0]
    assert (first.line, first.section, first.anchor) == (7, "Алаш", "p-7")
    assert first.event.startswith("Қазақ интеллигенциясы") and "**" not in first.sentence


def test_chronology_off(tmp_path):
    lecture = add_chronology(_lecture(tmp_path, "---\ntitle: T\nchronology: false\n---\n1936 жылы болды.\n"), Diagnostics())
    assert lecture.chronology == ()


def test_strip_markdown_keeps_offsets():
    plain, origin = strip_markdown("**1917** [жыл](u)")
    assert plain == "1917 жыл" and origin[0] == 2 and origin[5] == 10


def test_gold_sets_found_exactly():
    for name, text in (("independence", "independence.txt"), ("colonial", "colonial.txt"), ("lecture10", "lecture10_seed.txt")):
        gold = {(e["start"], e["end"]) for e in json.loads((FIXTURES / f"{name}_gold.json").read_text(encoding="utf-8"))["events"]}
        found = {(e.date.start, e.date.end) for e in events_from_text((FIXTURES / text).read_text(encoding="utf-8"))}
        assert found == gold, name


HELD_OUT = {"khanate": (1.0, 1.0), "famine": (1.0, 1.0), "ww2": (1.0, 1.0), "sovereignty": (1.0, 1.0), "virgin_lands": (0.92, 0.92)}


def test_held_out_texts_reach_measured_precision_and_recall():
    for name, (min_precision, min_recall) in HELD_OUT.items():
        gold = {(e["start"], e["end"]) for e in json.loads((FIXTURES / f"{name}_gold.json").read_text(encoding="utf-8"))["events"]}
        found = {(e.date.start, e.date.end) for e in events_from_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))}
        hits = len(gold & found)
        assert hits / len(found) >= min_precision and hits / len(gold) >= min_recall, (name, sorted(found ^ gold))


def test_attributive_year_that_dates_a_month_range_is_one_event():
    text = "1916 жылғы ұлт-азаттық көтеріліс шілде айынан бастап қараша айына дейін созылды."
    [event] = events_from_text(text)
    assert (event.date.start, event.date.end) == ("1916-07", "1916-11")


def test_attributive_year_with_its_own_event_stays():
    text = "1916 жылғы көтеріліс басылды. 1917 жылы желтоқсанда съезд өтті."
    assert [e.date.start for e in events_from_text(text)] == ["1916", "1917-12"]


def test_description_keeps_one_comma_where_a_parenthetical_date_was():
    [event] = events_from_text("Қазан төңкерісінен кейін, 1918 жылғы 16 ақпанда, жергілікті кеңес құрылды.")
    assert event.event == "Қазан төңкерісінен кейін, жергілікті кеңес құрылды"
