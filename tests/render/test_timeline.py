"""The timeline figure's layout: every event drawn, no two labels' boxes overlapping, on every page width."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from fontTools.ttLib import TTFont

from handout.diagnostics import Diagnostics
from handout.model import DateValue, Event
from handout.pipeline import prepare_lecture
from handout import lang
from handout.render.timeline import layout_timeline, page_measure, text_width, timeline_events
from support import LECTURE10

WIDTHS = {"a5 2-up": 343.0, "a5": 337.0, "letter": 470.0, "a4": 453.5, "a4 large print": 498.9}


def _assert_sound(timeline, events):
    assert len(timeline.marks) == len(events)
    assert sorted(mark.anchor for mark in timeline.marks) == sorted(event.anchor for event in events)
    for first, second in combinations(timeline.marks, 2):
        assert not first.box.overlaps(second.box), (first.label, second.label)
    for mark in timeline.marks:
        assert 0 <= mark.box.x and mark.box.x + mark.box.width <= timeline.width + 1e-6
        assert all(text_width(line, timeline.font_size) <= mark.box.width + 1e-6 for line in mark.lines), mark.lines
        assert " ".join(mark.lines) == mark.label and "…" not in mark.label
        assert f" {_words(mark.label.split(' ', 1)[1])} " in f" {_words(_unbracketed(mark.full))} ", "whole words of its row"
        assert 0 <= mark.x <= timeline.width and mark.x <= mark.x_end <= timeline.width + 1e-6


def _unbracketed(text: str) -> str:
    """The row with its bracketed asides taken out, as a label may print it."""
    return " ".join(re.sub(r"\s*\([^()]*\)|\s*/[^/\s][^/]*/", "", text).split())


def _words(text: str) -> str:
    return " ".join(re.sub(r"[,;:]", "", text).lower().split())


@pytest.fixture(scope="module")
def lecture10_events():
    return timeline_events(prepare_lecture(LECTURE10, Diagnostics()).chronology)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_lecture10_every_event_drawn_and_no_labels_overlap(lecture10_events, width):
    size = 14.0 if width > 490 else 7.5
    _assert_sound(layout_timeline(lecture10_events, width, size, lang.get("kk").clauses), lecture10_events)


def _dense(count=30, years=5):
    events = []
    for i in range(count):
        year, month = 1917 + i * years // count, 1 + (i * 7) % 12
        end = f"{year + 1}" if i % 5 == 0 else f"{year}-{month:02d}"
        events.append(Event(DateValue(f"{year}-{month:02d}", end, "month", "x"), f"Оқиға нөмірі {i} Кеңес өкіметі орнады",
                            "", i + 1, "s", f"p-{i}"))
    return events


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_dense_synthetic_case_30_events_in_5_years(width):
    events = _dense()
    timeline = layout_timeline(events, width, 7.5)
    _assert_sound(timeline, events)
    assert (timeline.first_year, timeline.last_year) == (1917, 1922)


def test_key_events_are_the_figure_once_any_is_marked():
    events = _dense(6)
    assert timeline_events(events) == events
    keyed = [events[0].__class__(**{**events[0].__dict__, "key": True})] + events[1:]
    assert [event.anchor for event in timeline_events(keyed)] == ["p-0"]


def test_a_late_mention_breaks_the_axis_instead_of_squeezing_it():
    events = _dense(10, 3) + [Event(DateValue("1991", "1991", "year", "1991"), "Тәуелсіздік", "", 99, "s", "p-99")]
    timeline = layout_timeline(events, 337.0, 7.5)
    assert len(timeline.breaks) == 1
    years = dict((label, x) for x, label in timeline.years)
    assert years["1918"] - years["1917"] > 337.0 / 10  # the three crowded years keep most of the width
    _assert_sound(timeline, events)




def test_width_estimate_bounds_the_real_font():
    """The layout's label widths hold the text as PT Sans Narrow really sets it."""
    from subprocess import run

    path = run(["fc-match", "-f", "%{file}", "PT Sans Narrow"], capture_output=True, text=True).stdout
    if "PTN" not in path:
        pytest.skip("PT Sans Narrow is not installed")
    font = TTFont(path)
    cmap, advances, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    samples = ["1917 Алашорда үкіметі пайда болды", "ШЩЖМЮФЫ ӘҢҒҮҰҚӨҺ", "1920–1929 Жаңа экономикалық…",
               "Мұстафа Шоқай — Түркістан", "1918 «Ақ гвардия» WMW"]
    for sample in samples:
        real = sum(advances[cmap[ord(char)]][0] for char in sample if ord(char) in cmap) / units * 10
        assert text_width(sample, 10) >= real, sample


def test_page_measure_is_read_from_the_styles():
    css = "@page { size: A4; margin: 21mm 25mm 23mm 25mm; @top-left { margin: 0 } } @page :first { margin: 0 }"
    assert page_measure(css) == pytest.approx(595.28 - 50 * 72 / 25.4)
    assert page_measure(css + "@page { size: A5; margin: 16mm 14mm 18mm 15mm; }") == pytest.approx(419.53 - 29 * 72 / 25.4)
