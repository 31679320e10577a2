"""The timeline figure at the head of the chronology: key events laid out as plain geometry.

:func:`layout_timeline` places an axis over the lecture's years, periods as bars above it, points
as ticks on it, and one label per event below it, in rows, so that no two labels' boxes overlap. A
label is a whole phrase of the event's row (``timeline_labels.py``), on one line or, when no
shorter phrase exists, wrapped onto several.
``templates/partials/timeline.html`` draws the result as inline SVG; nothing here knows about
colours or fonts beyond the label size and an upper bound of the label widths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Event
from .timeline_labels import phrase_label

GAP = 4.0
"""Space between two labels in one row, in points."""
LABEL_CHARS = (40, 30, 22, 16)
"""Label lengths tried in turn until the labels fit in ``MAX_ROWS`` rows: each label is the best whole
phrase of its row of at most that length (timeline_labels.py), never a cut word; the table has the full text."""
MAX_ROWS = 12
SHIFT = 0.3
"""How far right of its event a label may move, as a share of the width (its leader slants)."""

# Width of a character as a fraction of the font size: an upper bound for PT Sans Narrow (and
# DejaVu Sans Condensed, its fallback), so a label's box always holds its text. The tests check
# the bound against the font's own advance widths.
_WIDE = 0.80  # Ш Щ Ж М Ю Ф Ы and W M
_UPPER = 0.66
_LOWER = 0.54
_NARROW = 0.30  # space, punctuation, i l
_WIDE_LETTERS = frozenset("ШЩЖМЮФЫшщжмюфыWMmwӘҢҒҮҰҚӨҺ")
_NARROW_LETTERS = frozenset(" .,:;!'’|()[]/-ilIjtf«»")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: "Box") -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


@dataclass(frozen=True)
class Mark:
    """One event on the figure."""

    kind: str
    """point or period."""
    x: float
    x_end: float
    bar_y: float
    """Top of the period's bar (periods only)."""
    label: str
    """The printed label: the year and a whole phrase of the row (never a cut word, never "…")."""
    lines: tuple[str, ...]
    """The label as printed, one or more lines (a phrase longer than the limit wraps between words)."""
    full: str
    """The whole label (the text alternative and the table carry it)."""
    box: Box
    """The label's box; the text's baseline is ``box.y + 0.8 * font_size``."""
    anchor: str


@dataclass(frozen=True)
class Timeline:
    width: float
    height: float
    font_size: float
    axis_y: float
    years: tuple[tuple[float, str], ...]
    """(x, printed year) of each year tick."""
    marks: tuple[Mark, ...]
    first_year: int
    last_year: int
    runs: tuple[tuple[float, float], ...] = ()
    """(x, x_end) of each run of the axis."""
    breaks: tuple[float, ...] = ()
    """x of each break in the axis."""
    line_pitch: float = 0.0
    """Distance between two rows of labels (and two lines of one label), in points."""


def timeline_events(events: Sequence[Event]) -> list[Event]:
    """The events the figure shows: the key events, or every event while none is marked key."""
    keyed = [event for event in events if event.key]
    return keyed or list(events)


def text_width(text: str, font_size: float) -> float:
    """An upper bound of ``text``'s width in points, set in the timeline's narrow sans."""
    total = 0.0
    for char in text:
        if char in _NARROW_LETTERS:
            total += _NARROW
        elif char in _WIDE_LETTERS:
            total += _WIDE
        elif char.isupper():
            total += _UPPER
        else:
            total += _LOWER
    return total * font_size


def wrap(label: str, limit: int, width: float, font_size: float) -> tuple[str, ...]:
    """The label's lines: one while it fits ``limit`` characters, else broken between words.

    Only a phrase with no shorter whole phrase is longer than the limit; it wraps rather than being
    cut, and no line is wider than the figure.
    """
    if len(label) <= limit:
        return (label,)
    lines: list[str] = []
    for word in label.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and len(joined) <= limit and text_width(joined, font_size) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return tuple(lines)


def _years(value: str) -> float:
    """An ISO partial date as a fractional year, at its start."""
    parts = [int(part) for part in value.split("-") if part]
    year, month, day = (parts + [1, 1])[:3]
    return year + (month - 1) / 12 + (day - 1) / 365


def _end_years(value: str) -> float:
    """An ISO partial date as a fractional year, at its end (1918 ends where 1919 begins)."""
    parts = [int(part) for part in value.split("-") if part]
    if len(parts) == 1:
        return parts[0] + 1.0
    if len(parts) == 2:
        return parts[0] + parts[1] / 12
    return _years(value) + 1 / 365


def _year_label(event: Event) -> str:
    start, end = event.date.start[:4], event.date.end[:4]
    return start if end == start else f"{start}–{end}"


def _is_period(event: Event) -> bool:
    """A period is drawn as a bar: a span longer than one day, or a whole month or more."""
    return event.date.end != event.date.start or event.date.precision in ("season", "year", "decade", "century")


def _place(boxes: list[tuple[float, float, int]], width: float, shift: float) -> list[tuple[int, float]]:
    """(row, left) for boxes given as (anchor x, width, lines) in x order.

    A box of n lines takes n rows from its first one. It goes where it first fits at its anchor,
    or moved right by at most ``shift`` (its leader then slants); no two boxes in a row come closer
    than ``GAP``.
    """
    ends: list[float] = []
    placed = []
    for x, box_width, lines in boxes:
        for row in range(len(ends) + 1):
            taken = ends[row:row + lines]
            left = max([x, *(end + GAP for end in taken)])
            if left - x <= shift and left + box_width <= width or len(taken) == 0:
                left = min(left, width - box_width) if not taken else left
                ends.extend([-GAP] * (row + lines - len(ends)))
                ends[row:row + lines] = [left + box_width] * lines
                placed.append((row, left))
                break
    return placed


@dataclass(frozen=True)
class Axis:
    """A piecewise axis: runs of years with events, and a short break for each long gap between them."""

    segments: tuple[tuple[int, int], ...]
    """(first year, year after the last) of each run."""
    left: float
    scale: float
    """Points per year."""

    def at(self, years: float) -> float:
        x = self.left
        for first, stop in self.segments:
            if years < stop or (first, stop) == self.segments[-1]:
                return x + (min(max(years, first), stop) - first) * self.scale
            x += (stop - first + BREAK_YEARS) * self.scale
        return x

    def breaks(self) -> list[float]:
        """The x of the middle of each break."""
        return [self.at(stop) + BREAK_YEARS * self.scale / 2 for _, stop in self.segments[:-1]]


BREAK_YEARS = 0.6
"""Width of a break in the axis, in years of the axis' scale."""
LONGEST_GAP = 3
"""A gap of more empty years than this becomes a break, so one late mention does not squeeze the rest."""


def make_axis(spans: list[tuple[float, float]], left: float, width: float) -> Axis:
    years = sorted((int(start), max(int(end - 1e-9), int(start)) + 1) for start, end in spans)
    segments: list[list[int]] = []
    for first, stop in years:
        if segments and first - segments[-1][1] <= LONGEST_GAP:
            segments[-1][1] = max(segments[-1][1], stop)
        else:
            segments.append([first, stop])
    units = sum(stop - first for first, stop in segments) + BREAK_YEARS * (len(segments) - 1)
    return Axis(tuple((first, stop) for first, stop in segments), left, width / units)


def layout_timeline(events: Sequence[Event], width: float, font_size: float, rules=None) -> Timeline | None:
    """Lay out ``events`` on a figure ``width`` points wide with labels of ``font_size`` points.

    ``rules`` are the clause rules of the lecture's language pack (``lang.get(code).clauses``): they
    say where a row's phrases begin and end. Without them a label is the whole row.
    """
    dated = [event for event in events if re.match(r"^\d{3,4}", event.date.start)]
    if not dated:
        return None
    dated.sort(key=lambda event: (_years(event.date.start), event.line))
    margin = font_size * 1.5
    axis = make_axis([(_years(e.date.start), _end_years(e.date.end)) for e in dated], margin, width - 2 * margin)
    starts = [axis.at(_years(event.date.start)) for event in dated]
    ends = [axis.at(_end_years(event.date.end)) if _is_period(event) else x for event, x in zip(dated, starts)]
    years_text = [_year_label(event) for event in dated]
    full = [f"{year} {' '.join(event.event.split())}" for year, event in zip(years_text, dated)]

    # A label's box holds its text and, for a period, the bar under it: the rows keep boxes apart.
    # The longest labels that fit in MAX_ROWS rows win; if none do, the layout with the fewest rows.
    tried = []
    for limit in LABEL_CHARS:
        tried.append(_labelled_rows(dated, years_text, starts, ends, limit, width, font_size, rules))
        if tried[-1][0] <= MAX_ROWS:
            break
    _, labels, lines, rows, lefts, spans = min(tried, key=lambda layout: layout[0])

    axis_y = font_size * 1.4 + 4
    pitch = font_size * 1.55
    labels_top = axis_y + font_size * 0.9
    marks = tuple(
        Mark(
            kind="period" if ends[i] > starts[i] else "point",
            x=starts[i],
            x_end=ends[i],
            bar_y=labels_top + (rows[i] + len(lines[i]) - 1) * pitch + font_size * 1.05,
            label=labels[i],
            lines=lines[i],
            full=full[i],
            box=Box(lefts[i], labels_top + rows[i] * pitch, spans[i], (len(lines[i]) - 1) * pitch + font_size * 1.4),
            anchor=dated[i].anchor,
        )
        for i in range(len(dated))
    )
    room = text_width("0000", font_size) + GAP
    step = next(step for step in (1, 2, 5, 10, 20, 50, 100) if room <= step * axis.scale)
    years = tuple((axis.at(year), str(year)) for first, stop in axis.segments
                  for year in range(first, stop + 1) if (year - first) % step == 0 or year == stop)
    height = labels_top + max(row + len(label_lines) for row, label_lines in zip(rows, lines)) * pitch
    first, last = axis.segments[0][0], axis.segments[-1][1] - 1
    return Timeline(width, height, font_size, axis_y, _spread(years, room), marks, first, last,
                    tuple((axis.at(a), axis.at(b)) for a, b in axis.segments), tuple(axis.breaks()), pitch)


def _labelled_rows(dated, years_text, starts, ends, limit, width, font_size, rules):
    """Labels of at most ``limit`` characters a line, placed in rows: (rows used, labels, lines, rows, lefts, spans)."""
    labels = [f"{year} {phrase_label(event.event, limit - len(year) - 1, rules)}" for year, event in zip(years_text, dated)]
    lines = [wrap(label, limit, width, font_size) for label in labels]
    widths = [max(text_width(line, font_size) for line in label_lines) for label_lines in lines]
    lefts = [min(x, width - w) for x, w in zip(starts, widths)]
    spans = [max(w, end - left) for w, left, end in zip(widths, lefts, ends)]
    order = sorted(range(len(dated)), key=lambda i: (lefts[i], i))
    rows = [0] * len(dated)
    for i, (row, left) in zip(order, _place([(lefts[i], spans[i], len(lines[i])) for i in order], width, width * SHIFT)):
        rows[i], lefts[i] = row, left
    used = max(row + len(label_lines) for row, label_lines in zip(rows, lines))
    return used, labels, lines, rows, lefts, spans


def _spread(years: tuple[tuple[float, str], ...], room: float) -> tuple[tuple[float, str], ...]:
    """Drop a year number that would touch the one before it (a run's end next to a break)."""
    kept: list[tuple[float, str]] = []
    for x, year in years:
        if not kept or x - kept[-1][0] >= room:
            kept.append((x, year))
    return tuple(kept)


def text_alternative(timeline: Timeline, caption: str) -> str:
    """The figure's text alternative: the caption, the years, then every event in full."""
    events = "; ".join(mark.full for mark in timeline.marks)
    years = str(timeline.first_year) if timeline.first_year == timeline.last_year else f"{timeline.first_year}–{timeline.last_year}"
    return f"{caption}, {years}: {events}."


_PAPERS = {"a4": (595.28, 841.89), "a5": (419.53, 595.28), "a6": (297.64, 419.53), "letter": (612.0, 792.0)}
_UNITS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "px": 0.75}
_PAGE_RULE = re.compile(r"@page\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
_LENGTH = re.compile(r"(-?[\d.]+)(mm|cm|in|pt|px)")
FALLBACK_MEASURE = 119 * 72 / 25.4
"""The narrowest text column of the bundled styles (A5), used when the styles cannot be read."""


def page_measure(css: str) -> float:
    """The text column's width in points, read from the stylesheet's plain ``@page`` rules.

    The last ``size`` and ``margin`` in cascade order win, as in the typesetter. The figure is
    drawn ``width: 100%`` anyway; this only makes its type come out at the size the styles ask.
    """
    size, margins = None, None
    for rule in _PAGE_RULE.finditer(css):
        body = re.sub(r"@[\w-]+\s*\{[^{}]*\}", "", rule.group(1))
        if found := re.search(r"(?<![\w-])size\s*:\s*([^;]+)", body):
            size = found.group(1).strip().lower()
        if found := re.search(r"(?<![\w-])margin\s*:\s*([^;]+)", body):
            margins = [float(number) * _UNITS[unit] for number, unit in _LENGTH.findall(found.group(1))]
    words = (size or "a4").split()
    page_width = _PAPERS.get(words[0], (None, None))[1 if "landscape" in words else 0] if words else None
    lengths = [float(number) * _UNITS[unit] for number, unit in _LENGTH.findall(size or "")]
    if lengths:
        page_width = lengths[0]
    if page_width is None or not margins:
        return FALLBACK_MEASURE
    left_right = {1: (0, 0), 2: (1, 1), 3: (1, 1), 4: (3, 1)}[min(len(margins), 4)]
    return page_width - margins[left_right[0]] - margins[left_right[1]]


def label_size(css: str, default: float = 7.5) -> float:
    """The label size the styles give ``.timeline`` (its last ``font-size`` in points)."""
    sizes = re.findall(r"\.timeline\s*\{[^}]*?font-size\s*:\s*([\d.]+)pt", css)
    return float(sizes[-1]) if sizes else default
